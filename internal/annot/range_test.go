package annot

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// rangeText is a text of several paragraphs with what the tokenizer
// reads context for: quotes left open to the line's end, possessives,
// abbreviations, folded forms.
const rangeText = `The mayor's office said on Monday that the bridge, closed since May, may reopen.
"We are 'cautiously' optimistic," said Ana Núñez, the city's engineer. 'It depends
on the weather,' she added.

U.S. officials, according to a report by the Agency, believe the costs could rise.
Analysts' forecasts differ: “It is too early,” one said. ÉLAN CORP’s chief declined to comment.

  Critics claim the plan ’s costs were hidden.
'Nobody knew,' a resident told reporters.`

// lineStarts returns the offsets just after each line break of s.
func lineStarts(s string) []int {
	var cuts []int
	for i := range len(s) {
		if s[i] == '\n' {
			cuts = append(cuts, i+1)
		}
	}
	return cuts
}

// TestNewRange checks that the Texts of the chunks of a text, cut after
// line breaks, have together the tokens and tags of the whole text's
// Text, with spans into the whole text.
func TestNewRange(t *testing.T) {
	src := rangeText
	sents := text.Sentences(src)
	whole := New(src, sents, pos.English())
	defer whole.Release()
	if e := whole.Extent(); e != (span.Span{Start: 0, End: len(src)}) {
		t.Errorf("Extent of New = %v", e)
	}
	for _, cut := range lineStarts(src) {
		var toks []text.Token
		var tags []pos.Tag
		si := 0
		for si < len(sents) && sents[si].Start < cut {
			si++
		}
		for _, r := range [][2]int{{0, cut}, {cut, len(src)}} {
			ss := sents[:si]
			if r[0] > 0 {
				ss = sents[si:]
			}
			a := NewRange(src, r[0], r[1], ss, pos.English())
			if e := a.Extent(); e != (span.Span{Start: r[0], End: r[1]}) {
				t.Errorf("Extent = %v, want %v", e, r)
			}
			toks = append(toks, a.Tokens()...)
			tags = append(tags, a.Tags()...)
			a.Release()
		}
		if diff := cmp.Diff(whole.Tokens(), toks); diff != "" {
			t.Errorf("cut at %d: tokens (-whole +chunks):\n%s", cut, diff)
		}
		if diff := cmp.Diff(whole.Tags(), tags); diff != "" {
			t.Errorf("cut at %d: tags (-whole +chunks):\n%s", cut, diff)
		}
	}
}

// TestPhrases checks that the Text of Phrases cuts every span given to
// Add as the chunk's Text did, or reports false where the phrase alone
// tokenizes the same, on spans at and across token edges.
func TestPhrases(t *testing.T) {
	src := rangeText
	sents := text.Sentences(src)
	cuts := lineStarts(src)
	cut := cuts[len(cuts)/2]
	si := 0
	for si < len(sents) && sents[si].Start < cut {
		si++
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var p Phrases
	type want struct {
		s    span.Span
		toks []text.Token
		ok   bool
	}
	var wants []want
	for k, r := range [][2]int{{0, cut}, {cut, len(src)}} {
		ss := sents[:si]
		if k > 0 {
			ss = sents[si:]
		}
		a := NewRange(src, r[0], r[1], ss, nil)
		var spans []span.Span
		// Spans of whole tokens and arbitrary spans, empty ones too.
		ts := a.Tokens()
		for range 200 {
			var s span.Span
			if i := rng.IntN(len(ts)); rng.IntN(2) == 0 {
				j := min(i+rng.IntN(4), len(ts)-1)
				s = span.Span{Start: ts[i].Span.Start, End: ts[j].Span.End}
			} else {
				s.Start = r[0] + rng.IntN(r[1]-r[0])
				s.End = min(s.Start+rng.IntN(20), r[1])
			}
			spans = append(spans, s)
			toks, ok := a.Phrase(s, nil)
			wants = append(wants, want{s, toks, ok})
		}
		p.Add(a, spans)
		a.Release()
	}
	sparse := p.Text()
	alone := text.GetTokens()
	defer text.PutTokens(alone)
	kept := 0
	for _, w := range wants {
		toks, ok := sparse.Phrase(w.s, nil)
		if ok {
			kept++
		} else if text.Tokenize(w.s.Text(src), alone); w.ok && !slices.Equal(alone.Toks, w.toks) {
			t.Errorf("Phrase(%v %q) = false, but the phrase alone tokenizes to %v, not %v", w.s, w.s.Text(src), alone.Toks, w.toks)
		}
		if ok && (!w.ok || !cmp.Equal(toks, w.toks)) {
			t.Errorf("Phrase(%v %q) = %v, %v; want %v, %v", w.s, w.s.Text(src), toks, ok, w.toks, w.ok)
		}
	}
	if kept == 0 {
		t.Error("no phrase tokenizes differently in its text: the test needs one")
	}
}

// TestPhrasesNoneKept checks that a Text of Phrases that kept no tokens
// (every phrase tokenizes alone as in its text) reports false for every
// span, rather than cutting nothing from nothing.
func TestPhrasesNoneKept(t *testing.T) {
	src := "The mayor said the bridge may close."
	a := New(src, text.Sentences(src), nil)
	defer a.Release()
	var p Phrases
	spans := []span.Span{{Start: 0, End: 9}, {Start: 15, End: 25}}
	p.Add(a, spans)
	sparse := p.Text()
	for _, s := range spans {
		if toks, ok := sparse.Phrase(s, nil); ok {
			t.Errorf("Phrase(%q) = %v, true; want false", s.Text(src), toks)
		}
	}
}
