package hearsay

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hearsay-go/hearsay/span"
)

// innerNaive is claimIndex.inner as first written: a binary search, then
// every one of the 64 spans before.
func innerNaive(cs []claimSpan, t span.Span) int {
	i, _ := slices.BinarySearchFunc(cs, t.Start+1, func(c claimSpan, start int) int { return c.Start - start })
	best := -1
	for j := i - 1; j >= 0 && j >= i-64; j-- {
		if cs[j].Contains(t) && (best < 0 || cs[j].Len() < cs[best].Len()) {
			best = j
		}
	}
	if best < 0 {
		return -1
	}
	return cs[best].claim
}

// TestClaimIndexInner checks that claimIndex.inner, which stops early and
// moves a cursor, finds what the plain search finds, for spans in and out
// of order, nested, equal and far apart.
func TestClaimIndexInner(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 200 {
		n := 1 + r.IntN(300)
		width := 1 + r.IntN(2000)
		cs := make([]claimSpan, n)
		for i := range cs {
			start := r.IntN(width)
			cs[i] = claimSpan{span.New(start, start+r.IntN(1+r.IntN(width))), r.IntN(n)}
		}
		slices.SortFunc(cs, func(x, y claimSpan) int { return span.Compare(x.Span, y.Span) })
		queries := make([]span.Span, 500)
		for i := range queries {
			start := r.IntN(width + 10)
			queries[i] = span.New(start, start+r.IntN(40))
		}
		if round%2 == 0 {
			slices.SortFunc(queries, span.Compare) // in text order, as hedges come
		}
		x := &claimIndex{cs: cs}
		for _, q := range queries {
			if got, want := x.inner(q), innerNaive(cs, q); got != want {
				t.Fatalf("round %d: inner(%v) = %d, want %d", round, q, got, want)
			}
		}
	}
}
