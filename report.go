package hearsay

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/entity"
)

// Report summarizes how a document sources its claims. Each claim is
// counted once, under the most open of its holders (the innermost source
// of each via-chain): Named, Described,
// Vague, NoSource (attributed with no source, "it is believed"), or
// Unattributed (the author's own). These five add up to Claims.
type Report struct {
	Claims       int `json:"claims"`
	Attributed   int `json:"attributed"` // Named + Described + Vague + NoSource
	Named        int `json:"named"`
	Described    int `json:"described"`
	Vague        int `json:"vague"`
	NoSource     int `json:"agentless"`
	Unattributed int `json:"unattributed"`
	Hedged       int `json:"hedged"` // claims with at least one uncertainty hedge

	Attributions int `json:"attributions"`
	// Distancing counts attributions whose cue keeps the author away
	// from the content ("claim", "allege").
	Distancing int `json:"distancing"`
	// SourcesByKind counts the distinct source entities of each kind.
	SourcesByKind map[entity.Kind]int `json:"sources_by_kind"`
	// DeepestChain is the length of the longest via-chain: 1 for a plain
	// attribution, 2 for "Axios reports officials claim", 0 for none.
	DeepestChain int `json:"deepest_chain"`
	// TopSources lists the sources by the number of claims they hold,
	// most first, then by first appearance.
	TopSources []SourceCount `json:"top_sources"`
}

// SourceCount is the number of claims one source holds.
type SourceCount struct {
	Entity string `json:"entity,omitempty"` // entity ID; empty in totals over documents
	Label  string `json:"label"`
	Claims int    `json:"claims"`
}

// Share returns n as a fraction of the claims, or 0 when there are none.
func (r Report) Share(n int) float64 {
	if r.Claims == 0 {
		return 0
	}
	return float64(n) / float64(r.Claims)
}

// Report computes the sourcing report of d.
func (d *Document) Report() Report {
	r := Report{Claims: len(d.Claims), Attributions: len(d.Attributions), SourcesByKind: map[entity.Kind]int{}}
	entities := make(map[string]entity.Entity, len(d.Entities))
	for _, e := range d.Entities {
		entities[e.ID] = e
	}
	// best[claim] is the most open anonymity among the claim's sources;
	// entity.NoSource stands for an agentless attribution.
	best := map[string]entity.Anonymity{}
	// An attribution that others are reported through is the medium, not
	// the holder: "officials, as reported by Axios, claim" is the
	// officials' claim, so only the innermost source counts.
	ix := d.index()
	perSource := map[string]map[string]bool{}
	var order []string
	for i, a := range d.Attributions {
		if a.Cue.Stance == attribution.Distancing {
			r.Distancing++
		}
		r.DeepestChain = max(r.DeepestChain, ix.via.depth[i])
		if a.Form == attribution.Unattributed {
			continue
		}
		anon := entity.NoSource
		if e, ok := entities[a.Source.Entity]; ok {
			anon = cmp.Or(e.Anonymity, entity.Named)
			if perSource[e.ID] == nil {
				perSource[e.ID] = map[string]bool{}
				order = append(order, e.ID)
				if e.Kind != 0 {
					r.SourcesByKind[e.Kind]++
				}
			}
			perSource[e.ID][a.Claim] = true
		}
		if ix.outer[i] {
			continue
		}
		if cur, ok := best[a.Claim]; !ok || anon < cur {
			best[a.Claim] = anon
		}
	}
	hedged := map[string]bool{}
	for _, h := range d.Hedges {
		if h.Claim != "" && h.Category.IsUncertainty() {
			hedged[h.Claim] = true
		}
	}
	for _, c := range d.Claims {
		if hedged[c.ID] {
			r.Hedged++
		}
		anon, ok := best[c.ID]
		if !ok {
			r.Unattributed++
			continue
		}
		r.Attributed++
		switch anon {
		case entity.Named:
			r.Named++
		case entity.Described:
			r.Described++
		case entity.Vague:
			r.Vague++
		default:
			r.NoSource++
		}
	}
	for _, id := range order {
		r.TopSources = append(r.TopSources, SourceCount{Entity: id, Label: entities[id].Label(), Claims: len(perSource[id])})
	}
	slices.SortStableFunc(r.TopSources, func(a, b SourceCount) int { return cmp.Compare(b.Claims, a.Claims) })
	return r
}

// Add adds the counts of o to r, to total the reports of many documents.
// Sources are merged by label, so the same outlet in two documents counts
// as one source; the deepest chain is the deepest of both.
func (r *Report) Add(o Report) {
	r.Claims += o.Claims
	r.Attributed += o.Attributed
	r.Named += o.Named
	r.Described += o.Described
	r.Vague += o.Vague
	r.NoSource += o.NoSource
	r.Unattributed += o.Unattributed
	r.Hedged += o.Hedged
	r.Attributions += o.Attributions
	r.Distancing += o.Distancing
	r.DeepestChain = max(r.DeepestChain, o.DeepestChain)
	if r.SourcesByKind == nil {
		r.SourcesByKind = map[entity.Kind]int{}
	}
	for k, n := range o.SourcesByKind {
		r.SourcesByKind[k] += n
	}
	at := make(map[string]int, len(r.TopSources))
	for i, s := range r.TopSources {
		at[s.Label] = i
	}
	for _, s := range o.TopSources {
		i, ok := at[s.Label]
		if !ok {
			s.Entity = "" // IDs are per document
			at[s.Label] = len(r.TopSources)
			r.TopSources = append(r.TopSources, s)
			continue
		}
		r.TopSources[i].Claims += s.Claims
	}
	slices.SortStableFunc(r.TopSources, func(a, b SourceCount) int { return cmp.Compare(b.Claims, a.Claims) })
}

// String formats the report for a person to read.
func (r Report) String() string {
	var b strings.Builder
	pct := func(n int) string { return fmt.Sprintf("%3.0f%%", 100*r.Share(n)) }
	row := func(label string, n int) { fmt.Fprintf(&b, "%-16s %4d %s\n", label, n, pct(n)) }
	fmt.Fprintf(&b, "%-16s %4d\n", "claims", r.Claims)
	row("  attributed", r.Attributed)
	row("    named", r.Named)
	row("    described", r.Described)
	row("    vague", r.Vague)
	row("    no source", r.NoSource)
	row("  unattributed", r.Unattributed)
	row("  hedged", r.Hedged)
	fmt.Fprintf(&b, "attributions  %d (%d distancing), deepest via-chain %d\n", r.Attributions, r.Distancing, r.DeepestChain)
	if len(r.SourcesByKind) > 0 {
		kinds := make([]entity.Kind, 0, len(r.SourcesByKind))
		for k := range r.SourcesByKind {
			kinds = append(kinds, k)
		}
		slices.Sort(kinds)
		b.WriteString("sources by kind:")
		for _, k := range kinds {
			fmt.Fprintf(&b, " %s %d", k, r.SourcesByKind[k])
		}
		b.WriteByte('\n')
	}
	if len(r.TopSources) > 0 {
		b.WriteString("most cited:\n")
		for i, s := range r.TopSources {
			if i == 5 {
				break
			}
			fmt.Fprintf(&b, "  %d  %s\n", s.Claims, s.Label)
		}
	}
	return b.String()
}
