package attribution

import (
	"slices"

	"github.com/hearsay-go/hearsay/internal/lexicon"
)

// matchLog keeps the lexicon matches the hand frames found in each
// sentence, by the sentence's first and last token in the annotated
// text, so that the span model, which reads the same sentences after
// them, does not match the lexicon again. It keeps only the cues
// (cueNone entries only block shorter matches), compactly.
type matchLog struct {
	start, end []int32 // per sentence: its tokens [start, end) in the text
	off        []int32 // per sentence: its matches all[off[i]:off[i+1]]
	all        []logMatch
	cur        int        // the sentence the last find returned, for the next
	tmp        []logMatch // the matches of a sentence not logged (see cues)
}

// logMatch is a lexicon match of a cue, tokens [start, end) of its
// sentence.
type logMatch struct{ start, end, entry int32 }

// appendCues appends to dst the matches of ms that are cues.
func appendCues(dst []logMatch, ms []lexicon.Match, lex *cueLexicon) []logMatch {
	for _, m := range ms {
		if lex.info[m.Entry].cat != cueNone {
			dst = append(dst, logMatch{int32(m.Start), int32(m.End), int32(m.Entry)})
		}
	}
	return dst
}

// reset empties l, keeping its memory.
func (l *matchLog) reset() {
	l.start, l.end, l.all, l.cur = l.start[:0], l.end[:0], l.all[:0], 0
	l.off = append(l.off[:0], 0)
}

// add logs the matches of the sentence of tokens [a, b) of the text.
func (l *matchLog) add(a, b int, ms []lexicon.Match, lex *cueLexicon) {
	if len(l.off) == 0 {
		l.off = append(l.off, 0)
	}
	l.start, l.end = append(l.start, int32(a)), append(l.end, int32(b))
	l.all = appendCues(l.all, ms, lex)
	l.off = append(l.off, int32(len(l.all)))
}

// find returns the matches logged for the sentence of tokens [a, b) of
// the text, and whether it was logged. Sentences are looked up in text
// order in amortized constant time.
func (l *matchLog) find(a, b int) ([]logMatch, bool) {
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
