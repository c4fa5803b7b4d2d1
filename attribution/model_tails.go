package attribution

import (
	"slices"
	"sort"
	"strings"

	"github.com/hearsay-go/hearsay/span"
)

// cutTails ends a content fragment before the source of another frame
// whose cue closes it: in "X explained that C, she said." or "“C,” Y
// said Friday" the corpus ends the content before "she said", and that
// frame is an attribution of its own, not one nested in the content.
// Only punctuation and words of time may follow the closing cue. The
// frames are in the order of their cues; only the last cues before a
// fragment's end are tried, so that it runs in time n log n.
func cutTails(txt string, frames []Frame) {
	starts := make([]int, len(frames))
	for i := range frames {
		starts[i] = frames[i].Cue.Start
	}
	for i := range frames {
		f := &frames[i]
		for k := range f.Content {
			frag := &f.Content[k]
			last, _ := slices.BinarySearch(starts, frag.End)
			for j := last - 1; j >= 0 && j >= last-2; j-- {
				g := &frames[j]
				if j == i || g.Cue.Start <= f.Cue.End || g.Cue.Start < frag.Start || g.Cue.End > frag.End || !tailOnly(txt[g.Cue.End:frag.End]) {
					continue
				}
				cut := g.Cue.Start
				if s := g.SourcePhrase; !s.IsEmpty() && s.Start > frag.Start && s.End <= g.Cue.Start {
					cut = s.Start
				}
				end := len(strings.TrimRight(txt[:cut], " \t\u00a0"))
				if strings.HasSuffix(txt[:end], ",") {
					end--
				}
				if end <= frag.Start {
					continue
				}
				frag.End = end
				if g.ViaIndex == i {
					g.ViaIndex = -1
				}
				// The closing frame's content is not the one it closes.
				kept := g.Content[:0:0]
				for _, c := range g.Content {
					if c.Start < frag.Start || c.End > frag.End {
						kept = append(kept, c)
					}
				}
				if len(kept) > 0 {
					g.Content = kept
				}
			}
		}
	}
}

// tailOnly reports whether s holds only punctuation, spaces and words of
// time ("Friday", "on Monday afternoon").
func tailOnly(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\n' || r == '\t' || strings.ContainsRune(".,;:!?\"'”’“‘)(", r)
	}) {
		switch strings.ToLower(w) {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"today", "yesterday", "tonight", "then", "later", "earlier", "on", "this", "last",
			"week", "morning", "afternoon", "evening", "night":
		default:
			return false
		}
	}
	return true
}

// inCited reports whether src lies in the source of the cited Y of a
// kept "X citing Y said C": the model took the cited source for X's
// ("A report by Reuters citing unnamed officials said C").
func (mc *modelCtx) inCited(src span.Span) bool {
	if src.IsEmpty() {
		return false
	}
	i := sort.Search(len(mc.order), func(i int) bool { return mc.hand[mc.order[i]].Cue.Start >= src.Start-maxCitedGap })
	for ; i < len(mc.order) && mc.hand[mc.order[i]].Cue.Start < src.Start; i++ {
		k := mc.order[i]
		if f := &mc.hand[k]; mc.kept[k] && f.Rule == citedRule && f.SourcePhrase.Start <= src.Start && src.End <= f.SourcePhrase.End {
			return true
		}
	}
	return false
}

// maxCitedGap bounds, in bytes, how far before a source inCited looks
// for the cue of a cited frame.
const maxCitedGap = 200
