package annot

import (
	"slices"
	"strings"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// Phrases keeps, from the Texts of the chunks of one long text (see
// [NewRange]), what [Text.Phrase] gives for given spans, so that the
// phrases of the whole text can be cut after the tokens of each chunk
// are gone. Most phrases tokenize alone as they do in their text; for
// those Phrase on the Text of Phrases reports false (the caller then
// tokenizes the phrase alone, and gets the same tokens), and only the
// tokens of the others are kept. The zero value is ready to use.
type Phrases struct {
	src   string
	toks  []text.Token // the tokens kept, in text order
	spans []span.Span  // the spans whose tokens are kept
	keep  []int        // scratch: indices of the tokens of a chunk to keep
	alone *text.Tokens // scratch: a phrase tokenized alone
	ctx   []text.Token // scratch: a phrase cut from its Text
}

// Add keeps what t.Phrase gives for each of spans. Texts must come in
// text order, over the same Src, without overlapping.
func (p *Phrases) Add(t *Text, spans []span.Span) {
	p.src = t.Src
	if p.alone == nil {
		p.alone = text.GetTokens()
	}
	ts := t.Tokens()
	keep := p.keep[:0]
	for _, s := range spans {
		var ok bool
		if p.ctx, ok = t.Phrase(s, p.ctx[:0]); !ok || s.IsEmpty() {
			continue // cut: tokenized alone, here and on the whole text
		}
		text.Tokenize(s.Text(t.Src), p.alone)
		if slices.Equal(p.ctx, p.alone.Toks) {
			continue
		}
		// The tokens inside s and the one on each side, which tell Phrase
		// that no token crosses an edge of s.
		p.spans = append(p.spans, s)
		from, to := t.In(s)
		for i := max(from-1, 0); i <= to && i < len(ts); i++ {
			keep = append(keep, i)
		}
	}
	slices.Sort(keep)
	keep = slices.Compact(keep)
	p.keep = keep[:0]
	// The folded forms may slice a buffer of the chunk's tokenizer: copy
	// them into one string of their own, so that the chunk's buffers go.
	n := 0
	for _, i := range keep {
		n += len(ts[i].Fold)
	}
	var b strings.Builder
	b.Grow(n)
	for _, i := range keep {
		b.WriteString(ts[i].Fold)
	}
	folds := b.String()
	off := 0
	for _, i := range keep {
		tok := ts[i]
		tok.Fold = folds[off : off+len(tok.Fold)]
		off += len(tok.Fold)
		p.toks = append(p.toks, tok)
	}
}

// Text returns a Text for the spans given to Add. Only its Src and
// Phrase may be used: Phrase gives, for every span given to Add, the
// tokens it gave on the Text that span was added with, or reports false
// when those are the tokens of the phrase alone. It needs no Release.
func (p *Phrases) Text() *Text {
	if p.alone != nil {
		text.PutTokens(p.alone)
		p.alone = nil
	}
	slices.SortFunc(p.spans, span.Compare)
	t := &Text{Src: p.src, Toks: &text.Tokens{Text: p.src, Toks: p.toks}, end: len(p.src), sparse: true, only: p.spans}
	t.index()
	return t
}
