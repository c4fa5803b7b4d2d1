// Package annot is the annotated text that every stage of the analysis
// reads: the sentences, the tokens with their byte spans and folded
// forms, and the part-of-speech tags, made once per document. Tags are
// computed a sentence at a time, on the first question about a token of
// that sentence, so a stage that asks about a few tokens pays for their
// sentences only.
//
// A Text belongs to one call: it is not safe for concurrent use.
package annot

import (
	"slices"
	"sort"

	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// Text is one document, segmented and tokenized once.
type Text struct {
	// Src is the text as given; every span points into it.
	Src string
	// Sentences are the sentence spans of Src, in order.
	Sentences []span.Span
	// Toks holds the tokens of Src, tokenized once.
	Toks *text.Tokens

	tagger *pos.Tagger
	tags   []pos.Tag
	// first[k] is the index of the first token of sentence k, and
	// first[len(first)-1] is len(tokens): the tokens of a sentence are
	// those that start in it. Tokens before the first sentence or between
	// sentences belong to the sentence after, those after the last to the
	// last; a text without sentences is one run.
	first  []int
	tagged []bool // per run
	own    bool   // Toks came from text.GetTokens and goes back on Release
	// base and end bound the stretch of Src tokenized (see Extent).
	base, end int
	// sparse marks a Text of Phrases, which holds the tokens of the
	// spans in only (sorted) alone: Phrase reports false for any other.
	sparse bool
	only   []span.Span
}

// maxPresized is the most tokens New sizes its buffer for before it has
// seen them.
const maxPresized = 1 << 20

// New annotates src: it tokenizes it into a pooled buffer and maps the
// sentences (the spans of text.Sentences or the caller's own, in order,
// within src) to their tokens. A nil tagger leaves every tag zero.
// Release the Text when done with it.
func New(src string, sentences []span.Span, tagger *pos.Tagger) *Text {
	return NewRange(src, 0, len(src), sentences, tagger)
}

// NewRange annotates the stretch src[base:end] of a longer text, for a
// caller that reads a long text a chunk at a time: the Text has the
// tokens of that stretch alone, as New would give them (the tokenizer
// reads no context across a line break, so a stretch should start after
// one), with spans into the whole of src, which stays its Src; sentences
// are those of the stretch. Release it when done.
func NewRange(src string, base, end int, sentences []span.Span, tagger *pos.Tagger) *Text {
	t := NewRangeIn(text.GetTokens(), src, base, end, sentences, tagger)
	t.own = true
	return t
}

// NewRangeIn is NewRange with the tokens made in toks, which stays the
// caller's: once the Text is released, toks may serve the next chunk, so
// that a long text read in chunks makes its token buffer once.
func NewRangeIn(toks *text.Tokens, src string, base, end int, sentences []span.Span, tagger *pos.Tagger) *Text {
	base, end = max(base, 0), min(end, len(src))
	end = max(end, base)
	Reserve(toks, end-base)
	text.Tokenize(src[base:end], toks)
	if base > 0 {
		for i := range toks.Toks {
			toks.Toks[i].Span.Start += base
			toks.Toks[i].Span.End += base
		}
	}
	toks.Text = src // the spans point into src
	t := &Text{Src: src, Sentences: sentences, Toks: toks, tagger: tagger, base: base, end: end}
	t.index()
	return t
}

// Reserve empties toks and sizes it for the tokens of a stretch of n
// bytes, as NewRangeIn does before it tokenizes one. News has a token in
// about five bytes: the buffer is sized once rather than grown by copies
// through a long text, up to a million tokens (a text of white space
// must not cost 40 bytes a byte). A caller that reads a long text in
// chunks reserves for its longest chunk first, so that the buffer is not
// made again at each chunk longer than those before it.
func Reserve(toks *text.Tokens, n int) {
	toks.Toks = slices.Grow(toks.Toks[:0], min(n/5+16, maxPresized))
}

// Extent returns the stretch of Src that t annotates: all of it for a
// Text of New, [base, end) for one of NewRange. Stages size their
// buffers by its length.
func (t *Text) Extent() span.Span { return span.Span{Start: t.base, End: t.end} }

// index maps sentences to token ranges.
func (t *Text) index() {
	ts := t.Toks.Toks
	n := max(len(t.Sentences), 1)
	t.first = make([]int, n+1)
	i := 0
	for k, s := range t.Sentences {
		t.first[k] = i
		for i < len(ts) && ts[i].Span.Start < s.End {
			i++
		}
	}
	t.first[0], t.first[n] = 0, len(ts)
	t.tags = make([]pos.Tag, len(ts))
	t.tagged = make([]bool, n)
}

// Release returns the token buffer to its pool. The Text and the tokens
// it gave out must not be used afterwards.
func (t *Text) Release() {
	if t.own && t.Toks != nil {
		text.PutTokens(t.Toks)
	}
	t.Toks = nil
}

// Tokens returns the tokens of the text.
func (t *Text) Tokens() []text.Token { return t.Toks.Toks }

// Sentence returns the index of the sentence that token i belongs to (0
// in a text without sentences).
func (t *Text) Sentence(i int) int {
	return sort.Search(len(t.tagged)-1, func(k int) bool { return t.first[k+1] > i })
}

// SentenceTokens returns the token range [from, to) of sentence k.
func (t *Text) SentenceTokens(k int) (from, to int) { return t.first[k], t.first[k+1] }

// Tag returns the part-of-speech tag of token i, tagging its sentence if
// it is not tagged yet; 0 when i is out of range or there is no tagger.
func (t *Text) Tag(i int) pos.Tag {
	if i < 0 || i >= len(t.tags) || t.tagger == nil {
		return 0
	}
	k := t.Sentence(i)
	if !t.tagged[k] {
		t.tagSentence(k)
	}
	return t.tags[i]
}

// Tags returns the tags of every token, tagging the sentences not yet
// tagged.
func (t *Text) Tags() []pos.Tag {
	if t.tagger != nil {
		for k := range t.tagged {
			if !t.tagged[k] {
				t.tagSentence(k)
			}
		}
	}
	return t.tags
}

// tagSentence tags the tokens of sentence k.
func (t *Text) tagSentence(k int) {
	from, to := t.first[k], t.first[k+1]
	t.tagged[k] = true
	if from < to {
		t.tagger.TagTokens(t.Src, t.Toks.Toks[from:to], t.tags[from:from:to])
	}
}

// TokenAt returns the index of the first token that ends after byte b:
// the token holding b, or the next one.
func (t *Text) TokenAt(b int) int {
	ts := t.Toks.Toks
	return sort.Search(len(ts), func(i int) bool { return ts[i].Span.End > b })
}

// In returns the token range [from, to) of the tokens inside s.
func (t *Text) In(s span.Span) (from, to int) {
	ts := t.Toks.Toks
	from = sort.Search(len(ts), func(i int) bool { return ts[i].Span.Start >= s.Start })
	to = from
	for to < len(ts) && ts[to].Span.End <= s.End {
		to++
	}
	return from, to
}

// Phrase appends to dst the tokens of the phrase at s, with spans
// relative to s.Start, as tokenizing the phrase alone would give them
// (but for context the phrase alone lacks: a phrase that starts with a
// possessive "'s" keeps it one token), and reports true; it reports false, appending nothing, when s does not
// start and end at token boundaries (then the phrase must be tokenized
// on its own).
func (t *Text) Phrase(s span.Span, dst []text.Token) ([]text.Token, bool) {
	if s.Start < 0 || s.End > len(t.Src) || s.Start > s.End {
		return dst, false
	}
	if t.sparse {
		if _, kept := slices.BinarySearchFunc(t.only, s, span.Compare); !kept {
			return dst, false
		}
	}
	from, to := t.In(s)
	ts := t.Toks.Toks
	if from > 0 && ts[from-1].Span.End > s.Start || to < len(ts) && ts[to].Span.Start < s.End {
		return dst, false // a token crosses an edge of s
	}
	for _, tok := range ts[from:to] {
		tok.Span.Start -= s.Start
		tok.Span.End -= s.Start
		dst = append(dst, tok)
	}
	return dst, true
}
