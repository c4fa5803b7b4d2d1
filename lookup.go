package hearsay

import (
	"slices"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
)

// Index answers the queries of one [Document] by ID in time proportional
// to what each returns, after one linear pass to build it. The methods of
// Document scan the document on every call; a program that asks many
// questions of one document (one per claim or per attribution) builds an
// Index once instead.
//
// An Index reads the Document it was built from: modify the Document and
// the Index is stale; build another. An Index is safe for concurrent use.
type Index struct {
	d              *Document
	entities       map[string]int
	claims         map[string]int
	attributions   map[string]int
	attrsByClaim   map[string][]int // claim ID -> its attributions, in order
	claimsBySource map[string][]int // entity ID -> claim indexes, each once, in order
	hedgesByClaim  map[string][]int // claim ID -> its hedges, in order
}

// Index builds the [Index] of d. Where IDs repeat (an invalid Document),
// lookups find the first item with the ID, as the scans of Document's
// methods do ([Document.Chain] may take another one).
func (d *Document) Index() *Index {
	ix := &Index{
		d:              d,
		entities:       make(map[string]int, len(d.Entities)),
		claims:         make(map[string]int, len(d.Claims)),
		attributions:   attributionIndex(d.Attributions),
		attrsByClaim:   make(map[string][]int, len(d.Claims)),
		claimsBySource: map[string][]int{},
		hedgesByClaim:  map[string][]int{},
	}
	for i, e := range d.Entities {
		if _, dup := ix.entities[e.ID]; !dup {
			ix.entities[e.ID] = i
		}
	}
	for i, c := range d.Claims {
		if _, dup := ix.claims[c.ID]; !dup {
			ix.claims[c.ID] = i
		}
	}
	// Claims by source: the claims of each source's attributions, each
	// once, in the order of the claims; a claim named by ID more than once
	// is every claim with that ID, as ClaimsBy's scan finds them.
	claimsByID := map[string][]int{}
	for i, c := range d.Claims {
		claimsByID[c.ID] = append(claimsByID[c.ID], i)
	}
	seen := map[[2]string]bool{}
	for i, a := range d.Attributions {
		ix.attrsByClaim[a.Claim] = append(ix.attrsByClaim[a.Claim], i)
		if k := [2]string{a.Source.Entity, a.Claim}; !seen[k] {
			seen[k] = true
			ix.claimsBySource[a.Source.Entity] = append(ix.claimsBySource[a.Source.Entity], claimsByID[a.Claim]...)
		}
	}
	for _, cs := range ix.claimsBySource {
		slices.Sort(cs)
	}
	for i, h := range d.Hedges {
		ix.hedgesByClaim[h.Claim] = append(ix.hedgesByClaim[h.Claim], i)
	}
	return ix
}

// Entity returns the entity whose ID is id.
func (ix *Index) Entity(id string) (entity.Entity, bool) {
	i, ok := ix.entities[id]
	if !ok {
		return entity.Entity{}, false
	}
	return ix.d.Entities[i], true
}

// Claim returns the claim whose ID is id.
func (ix *Index) Claim(id string) (claim.Claim, bool) {
	i, ok := ix.claims[id]
	if !ok {
		return claim.Claim{}, false
	}
	return ix.d.Claims[i], true
}

// Attribution returns the attribution whose ID is id.
func (ix *Index) Attribution(id string) (attribution.Attribution, bool) {
	i, ok := ix.attributions[id]
	if !ok {
		return attribution.Attribution{}, false
	}
	return ix.d.Attributions[i], true
}

// AttributionsOf is [Document.AttributionsOf].
func (ix *Index) AttributionsOf(claimID string) []attribution.Attribution {
	var out []attribution.Attribution
	for _, i := range ix.attrsByClaim[claimID] {
		out = append(out, ix.d.Attributions[i])
	}
	return out
}

// ClaimsBy is [Document.ClaimsBy].
func (ix *Index) ClaimsBy(sourceID string) []claim.Claim {
	var out []claim.Claim
	for _, i := range ix.claimsBySource[sourceID] {
		out = append(out, ix.d.Claims[i])
	}
	return out
}

// SourcesOf is [Document.SourcesOf].
func (ix *Index) SourcesOf(claimID string) []entity.Entity {
	var out []entity.Entity
	seen := map[string]bool{}
	for _, i := range ix.attrsByClaim[claimID] {
		id := ix.d.Attributions[i].Source.Entity
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		if e, ok := ix.Entity(id); ok {
			out = append(out, e)
		}
	}
	return out
}

// Chain is [Document.Chain].
func (ix *Index) Chain(id string) []attribution.Attribution {
	var out []attribution.Attribution
	seen := map[int]bool{}
	for i, ok := ix.attributions[id]; ok && !seen[i]; i, ok = ix.attributions[ix.d.Attributions[i].Via] {
		seen[i] = true
		out = append(out, ix.d.Attributions[i])
		if ix.d.Attributions[i].Via == "" {
			break
		}
	}
	return out
}

// HedgesOf is [Document.HedgesOf].
func (ix *Index) HedgesOf(claimID string) []claim.Hedge {
	var out []claim.Hedge
	for _, i := range ix.hedgesByClaim[claimID] {
		out = append(out, ix.d.Hedges[i])
	}
	return out
}
