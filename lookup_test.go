package hearsay_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
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
