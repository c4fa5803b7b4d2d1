package claim

import (
	"sort"
	"strings"

	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// cursor is what the rules read: the tokens of an annotated text and
// the part-of-speech tag of a token, asked only by the rules that need
// one. Under Analyze the tags come from the annotated text, which tags a
// sentence on the first question about it. A Detector used alone does
// not segment the whole text for the few sentences it needs tagged: it
// segments the line of a token when a rule first asks about it (a line
// break always ends a sentence, so these are the sentences of the whole
// text) and tags that sentence as the annotated text would.
type cursor struct {
	a  *annot.Text
	ts []text.Token

	lazy     *pos.Tagger // non-nil: tag lazily as described above
	lineFrom int         // byte offset of the line segmented last
	lineTo   int
	sents    []span.Span // its sentences, relative to lineFrom
	from, to int         // token range of the sentence tagged last
	tags     []pos.Tag   // its tags
}

// tag returns the tag of token i.
func (c *cursor) tag(i int) pos.Tag {
	if i < 0 || i >= len(c.ts) {
		return 0
	}
	if c.lazy == nil {
		return c.a.Tag(i)
	}
	if i >= c.from && i < c.to {
		return c.tags[i-c.from]
	}
	src := c.a.Src
	b := c.ts[i].Span.Start
	if b < c.lineFrom || b >= c.lineTo || c.lineTo == 0 {
		c.lineFrom = strings.LastIndexByte(src[:b], '\n') + 1
		c.lineTo = len(src)
		if j := strings.IndexByte(src[b:], '\n'); j >= 0 {
			c.lineTo = b + j
		}
		c.sents = text.AppendSentences(c.sents[:0], src[c.lineFrom:c.lineTo])
	}
	// The sentence that holds b: the tokens that start in it are its
	// tokens (every byte but white space is in a sentence).
	k := sort.Search(len(c.sents), func(k int) bool { return c.lineFrom+c.sents[k].End > b })
	start, end := c.lineFrom, c.lineTo
	if k < len(c.sents) {
		start, end = c.lineFrom+c.sents[k].Start, c.lineFrom+c.sents[k].End
		if k > 0 {
			start = c.lineFrom + c.sents[k-1].End
		}
	}
	from, to := i, i+1
	for from > 0 && c.ts[from-1].Span.Start >= start {
		from--
	}
	for to < len(c.ts) && c.ts[to].Span.Start < end {
		to++
	}
	c.from, c.to = from, to
	c.tags = c.lazy.TagTokens(src, c.ts[from:to], c.tags[:0])
	return c.tags[i-from]
}
