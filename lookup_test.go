package hearsay_test

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/internal/worktest"
)

// TestIndexAgrees checks that every query of an Index answers as the
// Document's own method does, for every ID of the analyzed article, of
// the hand-built model, and of a document with a via loop and unknown IDs.
func TestIndexAgrees(t *testing.T) {
	loop := &hearsay.Document{Text: "x", Attributions: []attribution.Attribution{
		{ID: "a1", Claim: "c1", Via: "a2"}, {ID: "a2", Claim: "c1", Via: "a1"},
		{ID: "a3", Claim: "c2", Via: "a3"}, {ID: "a4", Claim: "c2", Via: "nowhere"},
	}}
	docs := map[string]*hearsay.Document{
		"analyzed":   analyzeArticle(t),
		"hand-built": handBuiltCopy(t),
		"loops":      loop,
	}
	for name, d := range docs {
		ix := d.Index()
		ids := []string{"", "nowhere"}
		for _, e := range d.Entities {
			ids = append(ids, e.ID)
		}
		for _, c := range d.Claims {
			ids = append(ids, c.ID)
		}
		for _, a := range d.Attributions {
			ids = append(ids, a.ID)
		}
		for _, id := range ids {
			check := func(query string, want, got any) {
				t.Helper()
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: %s(%q) (-document +index):\n%s", name, query, id, diff)
				}
			}
			e1, ok1 := d.Entity(id)
			e2, ok2 := ix.Entity(id)
			check("Entity", []any{e1, ok1}, []any{e2, ok2})
			c1, ok1 := d.Claim(id)
			c2, ok2 := ix.Claim(id)
			check("Claim", []any{c1, ok1}, []any{c2, ok2})
			a1, ok1 := d.Attribution(id)
			a2, ok2 := ix.Attribution(id)
			check("Attribution", []any{a1, ok1}, []any{a2, ok2})
			check("AttributionsOf", d.AttributionsOf(id), ix.AttributionsOf(id))
			check("ClaimsBy", d.ClaimsBy(id), ix.ClaimsBy(id))
			check("SourcesOf", d.SourcesOf(id), ix.SourcesOf(id))
			check("Chain", d.Chain(id), ix.Chain(id))
			check("HedgesOf", d.HedgesOf(id), ix.HedgesOf(id))
		}
	}
}

// TestChainJumps checks Document.Chain on a chain that jumps from one end
// of the attributions to the other at every step: it returns the whole
// chain, and four times the chain costs about four times the work.
func TestChainJumps(t *testing.T) {
	jumping := func(n int) *hearsay.Document {
		order := make([]int, 0, n) // positions in chain order: 0, n-1, 1, n-2, ...
		for lo, hi := 0, n-1; lo <= hi; lo, hi = lo+1, hi-1 {
			order = append(order, lo)
			if lo != hi {
				order = append(order, hi)
			}
		}
		d := &hearsay.Document{Text: "x", Attributions: make([]attribution.Attribution, n)}
		for k, pos := range order {
			a := attribution.Attribution{ID: "a" + strconv.Itoa(k), Claim: "c1"}
			if k+1 < n {
				a.Via = "a" + strconv.Itoa(k+1)
			}
			d.Attributions[pos] = a
		}
		return d
	}
	const n = 4000
	if got := len(jumping(n).Chain("a0")); got != n {
		t.Fatalf("chain of %d, want %d", got, n)
	}
	run := func(n int) { jumping(n).Chain("a0") }
	if g := worktest.Growth(t, run, n/4, n); g > 10 {
		t.Errorf("4x the chain took %.1fx the work", g)
	}
}
