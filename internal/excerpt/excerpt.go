// Package excerpt decides which claims an encoding writes out in full, so
// that output stays linear in the input however the claims nest or
// overlap. A claim inside another claim's extent names that claim
// (Within); the texts are written shortest first while their total stays
// within a budget proportional to the document ([Budget]); the rest are
// left to be read from their spans. A claim without spans always keeps
// its text, which nothing else holds.
package excerpt

import (
	"cmp"
	"slices"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/span"
)

// Budget returns how many bytes of claim text may be written for a
// document of n bytes: twice the text and 4 kB. On news the claims' texts
// add up to about the text once, so every text fits.
func Budget(n int) int { return 2*n + 4096 }

// Plan is the decision for each claim of a document, by index.
type Plan struct {
	// Within is the index of the nearest claim whose extent contains
	// this claim's extent, or -1; of claims with equal extents, each
	// later one lies within the one before it.
	Within []int
	// Full reports whether the claim's text is written.
	Full []bool
}

// New plans the claims of a document of n bytes.
func New(n int, claims []claim.Claim) Plan {
	p := Plan{Within: make([]int, len(claims)), Full: make([]bool, len(claims))}
	ext := make([]span.Span, len(claims))
	order := make([]int, len(claims))
	for i, c := range claims {
		ext[i], order[i] = c.Span(), i
	}
	// Containment: by start, longer first, then document order; a stack
	// of open extents gives each claim its nearest container.
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(ext[a].Start, ext[b].Start), cmp.Compare(ext[b].End, ext[a].End))
	})
	var stack []int
	for _, i := range order {
		for len(stack) > 0 && ext[stack[len(stack)-1]].End < ext[i].End {
			stack = stack[:len(stack)-1]
		}
		p.Within[i] = -1
		if len(stack) > 0 {
			p.Within[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	// Texts, shortest first, while the budget lasts.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(textLen(claims[a]), textLen(claims[b])) })
	left := Budget(n)
	for _, i := range order {
		if len(claims[i].Spans) == 0 {
			p.Full[i] = true // its text cannot be read from spans
			continue
		}
		if l := textLen(claims[i]); l <= left {
			p.Full[i], left = true, left-l
		}
	}
	return p
}

// textLen is the length of a claim's text as written.
func textLen(c claim.Claim) int { return len(c.Text) }
