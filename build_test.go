package hearsay

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay/claim"
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

// TestKindOf checks kindOf against the trim it stands for, on strings
// that end in runs of the trimmed runes, their broken encodings and
// question marks.
func TestKindOf(t *testing.T) {
	want := func(s string) claim.Kind {
		if strings.HasSuffix(strings.TrimRight(s, " \t\"'”’»)"), "?") {
			return claim.Question
		}
		return claim.Statement
	}
	pieces := []string{"?", " ", "\t", "\"", "'", ")", "”", "’", "»", "“", "‘", "«", "a", ".", "\xe2", "\x80", "\x9d", "\x99", "\xbb", "\xc2", "\u2019\u201d", "\xe2\x80", "\x80\x9d", "?\x9d", "\u00bb?"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if s := b.String(); kindOf(s) != want(s) {
			t.Fatalf("kindOf(%q) = %v, want %v", s, kindOf(s), want(s))
		}
	}
}

// TestCursors checks overlapCursor and atLeastCursor against plain
// searches, for queries in and out of order.
func TestCursors(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 200 {
		var spans []span.Span
		var ints []int
		for range r.IntN(100) {
			start := r.IntN(1000)
			spans = append(spans, span.New(start, start+r.IntN(50)))
			ints = append(ints, r.IntN(1000))
		}
		spans = union(spans)
		slices.Sort(ints)
		queries := make([]span.Span, 300)
		for i := range queries {
			start := r.IntN(1100) - 50
			queries[i] = span.New(start, start+r.IntN(60))
		}
		if round%2 == 0 {
			slices.SortFunc(queries, span.Compare)
		}
		oc := overlapCursor{sorted: spans}
		ac := atLeastCursor{sorted: ints}
		for _, q := range queries {
			want := false
			for _, s := range spans {
				want = want || s.Overlaps(q)
			}
			if got := oc.overlaps(q); got != want {
				t.Fatalf("round %d: overlaps(%v) = %v, want %v", round, q, got, want)
			}
			wantI, _ := slices.BinarySearch(ints, q.Start)
			if got := ac.find(q.Start); got != wantI {
				t.Fatalf("round %d: find(%d) = %d, want %d", round, q.Start, got, wantI)
			}
		}
	}
}

// TestOrderClaims checks orderClaims against a stable sort of all the
// pending claims, with many ties between and within the two parts.
func TestOrderClaims(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for round := range 300 {
		pend := make([]pendingClaim, r.IntN(60))
		for i := range pend {
			start := r.IntN(20)
			pend[i].spans = []span.Span{span.New(start, start+r.IntN(3))}
		}
		n := r.IntN(len(pend) + 1)
		if round%2 == 0 { // sentences in order, as they mostly are
			rest := pend[n:]
			slices.SortFunc(rest, func(x, y pendingClaim) int { return span.Compare(x.spans[0], y.spans[0]) })
		}
		want := make([]int, len(pend))
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(x, y int) int { return span.Compare(pend[x].spans[0], pend[y].spans[0]) })
		if got := orderClaims(pend, n); !slices.Equal(got, want) {
			t.Fatalf("round %d (n=%d): orderClaims = %v, want %v", round, n, got, want)
		}
	}
}
