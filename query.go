package hearsay

import (
	"slices"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
)

// Entity returns the entity whose ID is id.
func (d *Document) Entity(id string) (entity.Entity, bool) {
	for _, e := range d.Entities {
		if e.ID == id {
			return e, true
		}
	}
	return entity.Entity{}, false
}

// Claim returns the claim whose ID is id.
func (d *Document) Claim(id string) (claim.Claim, bool) {
	for _, c := range d.Claims {
		if c.ID == id {
			return c, true
		}
	}
	return claim.Claim{}, false
}

// Attribution returns the attribution whose ID is id.
func (d *Document) Attribution(id string) (attribution.Attribution, bool) {
	for _, a := range d.Attributions {
		if a.ID == id {
			return a, true
		}
	}
	return attribution.Attribution{}, false
}

// AttributionsOf returns the attributions of the claim whose ID is
// claimID, in document order.
func (d *Document) AttributionsOf(claimID string) []attribution.Attribution {
	var out []attribution.Attribution
	for _, a := range d.Attributions {
		if a.Claim == claimID {
			out = append(out, a)
		}
	}
	return out
}

// ClaimsBy returns the claims attributed to the entity whose ID is
// sourceID, each once, in document order.
func (d *Document) ClaimsBy(sourceID string) []claim.Claim {
	ids := map[string]bool{}
	for _, a := range d.Attributions {
		if a.Source.Entity == sourceID {
			ids[a.Claim] = true
		}
	}
	var out []claim.Claim
	for _, c := range d.Claims {
		if ids[c.ID] {
			out = append(out, c)
		}
	}
	return out
}

// SourcesOf returns the entities a claim is attributed to, each once, in
// the order of the attributions. Outer sources of a via-chain are not
// included; see [Document.Chain].
func (d *Document) SourcesOf(claimID string) []entity.Entity {
	var out []entity.Entity
	seen := map[string]bool{}
	for _, a := range d.Attributions {
		if a.Claim != claimID || a.Source.Entity == "" || seen[a.Source.Entity] {
			continue
		}
		seen[a.Source.Entity] = true
		if e, ok := d.Entity(a.Source.Entity); ok {
			out = append(out, e)
		}
	}
	return out
}

// Chain returns the attribution whose ID is id followed by the
// attributions it is reported through, out to the outermost: for
// "officials, as reported by Axios, claim C" it is the officials'
// attribution, then Axios's. It stops at an unknown ID or a loop.
//
// It finds id by a scan, then walks the chain, looking for each outer
// attribution nearest the inner one first, where [Analyze] puts it: the
// cost is the scan plus the distances walked, with no table built; when
// the distances add up to more than twice the number of attributions (a
// chain that jumps across the document), it builds the table once. For
// the chains of many attributions, use [Index.Chain]. Where IDs repeat
// (an invalid Document), which of them a step takes is not specified.
func (d *Document) Chain(id string) []attribution.Attribution {
	as := d.Attributions
	var out []attribution.Attribution
	seen := map[int]bool{}  // the chain's own attributions: a loop ends it
	var byID map[string]int // built when the walk costs too much
	budget := 2*len(as) + 16
	for i := slices.IndexFunc(as, func(a attribution.Attribution) bool { return a.ID == id }); i >= 0 && !seen[i]; {
		seen[i] = true
		out = append(out, as[i])
		via := as[i].Via
		if via == "" {
			break
		}
		if byID == nil {
			var dist int
			i, dist = nearest(as, i, via, budget)
			if budget -= dist; i >= 0 || budget > 0 {
				continue
			}
			byID = attributionIndex(as)
		}
		j, ok := byID[via]
		if !ok {
			break
		}
		i = j
	}
	return out
}

// nearest returns the index of the attribution whose ID is id nearest
// to from (the earlier one on a tie), or -1, looking at most limit places
// away on each side; it also returns how far it looked.
func nearest(as []attribution.Attribution, from int, id string, limit int) (int, int) {
	for k := 1; k <= limit && (from-k >= 0 || from+k < len(as)); k++ {
		if j := from - k; j >= 0 && as[j].ID == id {
			return j, k
		}
		if j := from + k; j < len(as) && as[j].ID == id {
			return j, k
		}
	}
	if as[from].ID == id {
		return from, 1
	}
	return -1, min(limit, len(as))
}

// Unattributed returns the claims that no source holds but the author:
// claims without attributions, or whose only attributions have the form
// [attribution.Unattributed].
func (d *Document) Unattributed() []claim.Claim {
	held := map[string]bool{}
	for _, a := range d.Attributions {
		if a.Form != attribution.Unattributed {
			held[a.Claim] = true
		}
	}
	var out []claim.Claim
	for _, c := range d.Claims {
		if !held[c.ID] {
			out = append(out, c)
		}
	}
	return out
}

// HedgesOf returns the hedges inside the claim whose ID is claimID.
func (d *Document) HedgesOf(claimID string) []claim.Hedge {
	var out []claim.Hedge
	for _, h := range d.Hedges {
		if h.Claim == claimID {
			out = append(out, h)
		}
	}
	return out
}
