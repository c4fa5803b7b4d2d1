package attribution

import (
	"slices"

	"github.com/hearsay-go/hearsay/internal/lexicon"
)

// matchLog keeps the lexicon matches the hand frames found in each
// sentence, by the sentence's first and last token in the annotated
// text, so that the span model, which reads the same sentences after
// them, does not match the lexicon again.
type matchLog struct {
	start, end []int32 // per sentence: its tokens [start, end) in the text
	off        []int32 // per sentence: its matches all[off[i]:off[i+1]]
	all        []lexicon.Match
	cur        int // the sentence the last find returned, for the next
}

// reset empties l, keeping its memory.
func (l *matchLog) reset() {
	l.start, l.end, l.all, l.cur = l.start[:0], l.end[:0], l.all[:0], 0
	l.off = append(l.off[:0], 0)
}

// add logs the matches of the sentence of tokens [a, b) of the text.
func (l *matchLog) add(a, b int, ms []lexicon.Match) {
	if len(l.off) == 0 {
		l.off = append(l.off, 0)
	}
	l.start, l.end = append(l.start, int32(a)), append(l.end, int32(b))
	l.all = append(l.all, ms...)
	l.off = append(l.off, int32(len(l.all)))
}

// find returns the matches logged for the sentence of tokens [a, b) of
// the text, and whether it was logged. Sentences are looked up in text
// order in amortized constant time.
func (l *matchLog) find(a, b int) ([]lexicon.Match, bool) {
	if l == nil {
		return nil, false
	}
	a32, b32 := int32(a), int32(b)
	i := l.cur
	if i >= len(l.start) || l.start[i] > a32 {
		i, _ = slices.BinarySearch(l.start, a32)
	}
	for i < len(l.start) && l.start[i] < a32 {
		i++
	}
	if i >= len(l.start) || l.start[i] != a32 || l.end[i] != b32 {
		return nil, false
	}
	l.cur = i
	return l.all[l.off[i]:l.off[i+1]], true
}
