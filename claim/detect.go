package claim

import (
	"strings"

	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/span"
)

// Detector finds hedge and booster cues in text. The zero Detector uses
// the built-in English lexicon. A Detector is immutable and safe for
// concurrent use; scratch state belongs to each call.
type Detector struct {
	lex *Lexicon
}

// NewDetector returns a Detector that uses the lexicon l; a nil l means
// the built-in English lexicon.
func NewDetector(l *Lexicon) *Detector { return &Detector{lex: l} }

// Lexicon returns the lexicon the detector uses.
func (d *Detector) Lexicon() *Lexicon {
	if d == nil {
		return english()
	}
	return d.lex.orEnglish()
}

// Find returns the hedge and booster cues of s in order, each with its
// span, category, certainty and the lexicon line (Rule) that found it.
// Any string is accepted: the spans of a text that is not valid UTF-8 are
// still on rune starts.
func (d *Detector) Find(s string) []Hedge { return d.AppendHedges(nil, s) }

// AppendHedges appends the cues of s to dst and returns it. It allocates
// to grow dst and a few times for each 16 KiB of s (the annotated text).
func (d *Detector) AppendHedges(dst []Hedge, s string) []Hedge {
	dst, _ = d.scan(dst, nil, s, false)
	return dst
}

// Scan returns the hedge cues of s, as Find does, and the negations
// ("not", "never", "n't", "no") that stand outside every lexicon phrase,
// in one pass. A claim holding one of those negations has negative
// polarity; "no doubt" is a booster, not a negation.
func (d *Detector) Scan(s string) (hedges []Hedge, negations []span.Span) {
	// News holds about one hedge and one negation in 300 to 400 bytes;
	// the results start at a capacity for one in 512.
	n := len(s)/512 + 4
	return d.scan(make([]Hedge, 0, n), make([]span.Span, 0, n), s, true)
}

// PolarityOf returns Negative when s holds a negation outside a lexicon
// phrase, and Positive otherwise. It is a surface rule: it does not find
// the scope of the negation.
func (d *Detector) PolarityOf(s string) Polarity {
	if _, negs := d.scan(nil, nil, s, true); len(negs) > 0 {
		return Negative
	}
	return Positive
}

// chunkSize is the least length of the pieces a long text is scanned in.
// A piece ends at a line break, which always ends a sentence, so no
// phrase crosses two pieces; small pieces keep the token buffer in cache.
const chunkSize = 16 << 10

// scan annotates s a piece at a time (its tokens; the tags of the
// sentences a rule asks about, with the tagger of the lexicon's
// language) and runs the core on each piece.
func (d *Detector) scan(dst []Hedge, negs []span.Span, s string, wantNegs bool) ([]Hedge, []span.Span) {
	l := d.Lexicon()
	c := cursor{lazy: l.tagger()}
	for base := 0; base < len(s); {
		end := len(s)
		if len(s)-base > chunkSize {
			if i := strings.IndexByte(s[base+chunkSize:], '\n'); i >= 0 {
				end = base + chunkSize + i + 1
			}
		}
		piece := s[base:end]
		a := annot.New(piece, nil, nil)
		c.a, c.ts = a, a.Tokens()
		c.lineFrom, c.lineTo, c.from, c.to = 0, 0, 0, 0
		h, n := len(dst), len(negs)
		dst, negs = l.appendCues(dst, negs, &c, wantNegs)
		a.Release()
		if base > 0 {
			for i := h; i < len(dst); i++ {
				dst[i].Span.Start += base
				dst[i].Span.End += base
			}
			for i := n; i < len(negs); i++ {
				negs[i].Start += base
				negs[i].End += base
			}
		}
		base = end
	}
	return dst, negs
}

func init() {
	stage.Hedges = func(detector any, a *annot.Text, wantNegs bool) (any, []span.Span) {
		d, _ := detector.(*Detector)
		n := a.Extent().Len()/512 + 4 // the stretch annotated: a chunk of a long text
		hedges, negs := make([]Hedge, 0, n), []span.Span(nil)
		if wantNegs {
			negs = make([]span.Span, 0, n)
		}
		hedges, negs = d.Lexicon().appendCues(hedges, negs, &cursor{a: a, ts: a.Tokens()}, wantNegs)
		return hedges, negs
	}
}

// appendCues is the core of hedge detection, on an annotated text: at
// each token the longest lexicon phrase, kept if its context rule
// agrees; "none" phrases are skipped whole, so that the phrases inside
// them do not match. With wantNegs it also collects the negations
// outside every phrase. Only the rules that need a part-of-speech tag
// ask a for one, so only the sentences with such a candidate are tagged.
func (l *Lexicon) appendCues(dst []Hedge, negs []span.Span, c *cursor, wantNegs bool) ([]Hedge, []span.Span) {
	ts := c.ts
	for i := 0; i < len(ts); {
		var n, e int
		ok := false
		if l.m.MayStart(ts[i].Fold) { // most tokens start no phrase
			n, e, ok = l.m.Longest(ts, i)
		}
		if !ok {
			if wantNegs && isNegation(ts[i].Fold) {
				negs = append(negs, ts[i].Span)
			}
			i++
			continue
		}
		in := &l.info[e]
		if in.cat == 0 {
			i += n
			continue
		}
		if in.check != nil && !in.check(c, i, n) {
			i++
			continue
		}
		from, end := i, i+n
		if in.head > 0 && in.head <= n {
			from, end = i+in.head-1, i+in.head
		} else if in.span > 0 && in.span < n {
			end = i + in.span
		}
		if n == 1 && end < len(ts) && ts[end].Fold == "n't" && in.cat == Epistemic {
			end++ // "could n't": the modal with its split negation
		}
		sp := span.Span{Start: ts[from].Span.Start, End: ts[end-1].Span.End}
		h := Hedge{Text: c.a.Src[sp.Start:sp.End], Category: in.cat, Span: sp, Certainty: in.certainty, Rule: in.rule}
		if in.cat == Booster && in.check != nil && negatedAt(ts, i) {
			// "not confirmed", "not clearly": a negated booster hedges.
			h.Category, h.Certainty, h.Rule = Epistemic, Possible, in.negRule
		}
		dst = append(dst, h)
		i += n
	}
	return dst, negs
}
