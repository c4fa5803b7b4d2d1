package attribution

import (
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/lexicon"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// Frame is one attribution found by [Extractor.Extract]: byte spans into
// the text for its source, cue and content, what the cue conveys, and
// which frame (Rule) found it. Spans follow the PolNeAR guidelines: the
// source is the whole noun phrase with its appositives, the cue is the
// verb group ("has also said", "said:"), the content is the clause with
// "that" and with the quotation marks of a quote, without the sentence's
// final period.
type Frame struct {
	// Rule names the frame that produced the attribution: "X said C",
	// "C, X said", "C, said X", "according to X", "as reported by X",
	// "X's noun that C", "it is believed", "X is said to", "quote
	// continued", "quote before speaker", "X citing Y said C" and, for
	// Y's attribution nested in X's, "citing Y (nested)". Frames the
	// rules alone would not keep, and which the learned filter kept, name
	// what was weak:
	// "noun of C" ("his criticism of C"), "X said C (noun use)", "X said
	// C (strict verb)", "said C (no subject)". A cue the span model
	// found alone is named by the model and its strongest features:
	// `model: cue "likened" (lex B verb neutral, ...)`. A rule that ends
	// in " (source bounds: model)" tells that the boundary model moved
	// where the source phrase starts or ends.
	Rule string
	// Source is the source phrase: one conjunct of a coordinated source
	// ("a recent article in The New York Times" in "U.S. intelligence
	// reports and a recent article in The New York Times"). It is empty
	// for an agentless attribution ("it is believed").
	Source span.Span
	// SourcePhrase is the whole source phrase as PolNeAR marks it,
	// coordination and appositives included.
	SourcePhrase span.Span
	// Antecedent is, for a pronoun source ("he said"), the nearest
	// compatible source or name before it; for "I" and "we", the source
	// of the attribution whose content reports them (“I think C,” Smith
	// said); empty otherwise or when none was found ("I" and "we"
	// outside any content are the author's, "you" the reader's).
	Antecedent span.Span
	// Kind, Anonymity and Affiliation classify the source (or its
	// antecedent) with the [entity.Classifier] of the extractor's
	// language; Anonymity is entity.NoSource when there is no source.
	// AffiliationSpan is where the affiliation stands in the text: in
	// the source phrase, or in the antecedent of a pronoun;
	// AffiliationKind is what kind of actor it names, as
	// [entity.Classification] tells.
	Kind            entity.Kind
	Anonymity       entity.Anonymity
	Affiliation     string
	AffiliationSpan span.Span
	AffiliationKind entity.Kind
	// Cue is the span of the cue, with its lemma and stance.
	Cue    span.Span
	Lemma  string
	Stance Stance
	// Content holds the fragments of the content in text order: several
	// when a quote runs on after the cue or over sentences.
	Content []span.Span
	// Addressee is to whom or through which medium the source spoke
	// ("Axios" in "an official told Axios"); empty when none.
	Addressee span.Span
	// Form is Direct for a quotation, Mixed for reported speech with a
	// quoted fragment, Indirect otherwise.
	Form Form
	// ViaIndex is the index, in the slice Extract returned, of the outer
	// attribution this one is reported through, or -1.
	ViaIndex int
}

// HasSource reports whether f names a source.
func (f Frame) HasSource() bool { return !f.Source.IsEmpty() }

// Extractor finds attributions in text with frames around the reporting
// cues of its language's lexicon. The zero Extractor extracts English.
// An Extractor is immutable and safe for concurrent use.
type Extractor struct {
	lex     *cueLexicon
	spanish bool
	sources *entity.Classifier // nil: English
}

// NewExtractor returns an Extractor for the language of tag, English
// ("en") or Spanish ("es"); other languages are an error wrapping
// [ErrUnknownLanguage].
func NewExtractor(tag language.Tag) (*Extractor, error) {
	l, err := loadCues(tag)
	if err != nil {
		return nil, err
	}
	sources, err := entity.NewClassifier(tag)
	if err != nil {
		return nil, err
	}
	base, _ := tag.Base()
	return &Extractor{lex: l, spanish: base.String() == "es", sources: sources}, nil
}

func (x *Extractor) lexicon() *cueLexicon {
	if x == nil || x.lex == nil {
		return englishCues()
	}
	return x.lex
}

// scratch is the per-call state, pooled.
type scratch struct {
	matches []lexicon.Match
	quotes  []qregion
	inq     []int32 // token -> quote region, or -1
	qprefix []int32 // qprefix[i]: quotation marks among tokens before i
	next    []int   // per match of a sentence: where its content must end
	pronoun []bool
	classes map[string]entity.Classification // cache of classify
	phrase  []text.Token                     // a source phrase's tokens, for classify
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// qregion is a double-quoted stretch of text: tokens open..close, both
// quotation marks included; an unclosed quote ends at the paragraph's end.
type qregion struct {
	open, close int
	closed      bool
}

// Extract returns the attributions of text found over the sentences
// given (byte spans into text, in order, as internal segmentation or
// hearsay's Document gives them); nil sentences means the whole text is
// segmented first. Spans are byte offsets into text on rune boundaries.
// Extract never panics and runs in time linear in the length of text.
func (x *Extractor) Extract(txt string, sentences []span.Span) []Frame {
	if len(txt) == 0 {
		return nil
	}
	if sentences == nil {
		sentences = text.Sentences(txt)
	}
	a := annot.New(txt, sentences, x.tagger())
	defer a.Release()
	return x.extractText(a)
}

func init() {
	stage.Frames = func(x any, a *annot.Text) any {
		xx, _ := x.(*Extractor)
		return xx.extractText(a)
	}
}

// extractText is Extract on a text tokenized once (Analyze's, through
// package stage).
func (x *Extractor) extractText(a *annot.Text) []Frame {
	if len(a.Src) == 0 {
		return nil
	}
	var frames []Frame
	if m := x.model(); m != nil {
		frames = x.extractModel(a, m) // model.go
	} else {
		// The weights are learned on English news.
		frames = filterCues(a.Src, x.extract(a), x == nil || !x.spanish)
	}
	return x.settleSources(a.Src, frames)
}

// tagger returns the part-of-speech tagger of the extractor's language.
func (x *Extractor) tagger() *pos.Tagger {
	if x != nil && x.spanish {
		return pos.Spanish()
	}
	return pos.English()
}

// extractRaw segments and tokenizes txt and returns the frames the rules
// find, before the learned filter (for the filter's generator and tests).
func (x *Extractor) extractRaw(txt string) []Frame {
	a := annot.New(txt, text.Sentences(txt), x.tagger())
	defer a.Release()
	return x.extract(a)
}

// extract returns the frames the rules find, before the learned filter.
func (x *Extractor) extract(a *annot.Text) []Frame { return x.extractLogged(a, nil) }

// extractLogged is extract, logging each sentence's lexicon matches in
// mlog when it is not nil.
func (x *Extractor) extractLogged(a *annot.Text, mlog *matchLog) []Frame {
	txt, sentences := a.Src, a.Sentences
	if len(txt) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	defer func() {
		sc.matches = sc.matches[:0]
		sc.quotes = sc.quotes[:0]
		clear(sc.classes)
		scratchPool.Put(sc)
	}()
	c := &ctx{x: x, lex: x.lexicon(), text: txt, a: a, sc: sc, mlog: mlog}
	// About one candidate attribution in 150 bytes of news.
	c.frames = make([]Frame, 0, a.Extent().Len()/150+4)
	c.pronoun = sc.pronoun[:0]
	defer func() { sc.pronoun = c.pronoun[:0] }()
	// The text is read in pieces of whole sentences that end at a
	// paragraph break, where every quotation region ends (see
	// findQuotes), so the per-token buffers stay small; what links
	// sentences across pieces (frames, quotes waiting for a speaker, the
	// covered quote) is kept in byte offsets.
	forPieces(txt, sentences, a.Extent(), pieceSize, c.piece)
	c.finish()
	return c.frames
}

// forPieces calls f on the pieces of txt[ext.Start:ext.End] (all of
// txt, or the chunk of a long text that an annotated text holds): runs
// of whole sentences at least least bytes long that end at a paragraph
// break, or at maxPiece when no break comes. The pieces depend only on
// where they start: a chunk that starts where a piece of the whole text
// starts, and ends where one ends, has the pieces the whole text has
// there (see pieceStarts).
func forPieces(txt string, sentences []span.Span, ext span.Span, least int, f func(base, end int, sentences []span.Span)) {
	base := ext.Start
	for si := 0; si < len(sentences); {
		sj := si + 1
		for sj < len(sentences) {
			prev, next := sentences[sj-1].End, sentences[sj].Start
			size := prev - base
			if size >= least && prev < next && strings.IndexByte(txt[prev:min(next, len(txt))], '\n') >= 0 || size >= maxPiece {
				break
			}
			sj++
		}
		end := ext.End
		if sj < len(sentences) {
			end = min(max(sentences[sj].Start, base), ext.End)
		}
		if end > base {
			f(base, end, sentences[si:sj])
		}
		base, si = end, sj
	}
}

// pieceSize is the least length of the pieces Extract reads a long text
// in; maxPiece is where a piece ends at a sentence boundary when no
// paragraph break came.
const (
	pieceSize = 16 << 10
	maxPiece  = 256 << 10
)

// paragraphBreak reports whether a line break lies between byte offsets
// e and s.
func (c *ctx) paragraphBreak(e, s int) bool {
	if e < 0 || s > len(c.text) || e >= s {
		return false
	}
	if s-e == 1 { // mostly one space between two tokens
		return c.text[e] == '\n'
	}
	return strings.IndexByte(c.text[e:s], '\n') >= 0
}

// piece runs the frames over the sentences of txt[base:end], whose
// tokens are those of the annotated text that start there; c.toks indexes
// them from 0, and c.tok0 is the index of the first in the whole text.
func (c *ctx) piece(base, end int, sentences []span.Span) {
	if end <= base {
		return
	}
	sc := c.sc
	c.setPiece(base, end)
	sc.quotes = sc.quotes[:0]
	c.skipTo = 0
	c.paraEnd = 0
	c.stopFrom, c.stopAt, c.stopEnd = 0, -1, -1
	c.leadA, c.leadAt = -1, -1
	c.findQuotes()
	c.run(sentences)
}

// setPiece makes the tokens of the annotated text that start in
// [base, end) the tokens c reads, indexed from 0.
func (c *ctx) setPiece(base, end int) {
	all := c.a.Tokens()
	from := c.a.TokenAt(base - 1)
	for from < len(all) && all[from].Span.Start < base {
		from++
	}
	// The first token at or after end, by binary search: the tokens are
	// in order.
	to, hi := from, len(all)
	for to < hi {
		mid := int(uint(to+hi) >> 1)
		if all[mid].Span.Start >= end {
			hi = mid
		} else {
			to = mid + 1
		}
	}
	c.toks, c.tok0 = all[from:to], from
}

type ctx struct {
	x      *Extractor
	lex    *cueLexicon
	text   string
	a      *annot.Text  // the text, tokenized once
	toks   []text.Token // the tokens of the piece being read
	tok0   int          // the index in a of toks[0]
	sc     *scratch
	frames []Frame
	// covered is the byte end of the last quote region assigned as
	// content; sentences inside it are not taken as continuations.
	covered int
	pending []span.Span // quote sentences waiting for a speaker in the next one
	pronoun []bool      // per frame: its source is a pronoun left unresolved
	skipTo  int         // tokens before it belong to a source already found
	paraEnd int         // the end of the last paragraph paragraphEnd found
	// nextStop's last answer: the stop at stopAt for starts from stopFrom
	// up to it, in a clause ending at stopEnd.
	stopFrom, stopAt, stopEnd int
	// The first token of the current sentence that is not punctuation,
	// for before: sentence a starts its text at leadAt.
	leadA, leadAt int
	viaEnd        int // set by subject: the source ends before this token
	// mlog, when not nil, logs (frames) or gives (span model) the
	// lexicon matches of each sentence.
	mlog *matchLog
}

// --- the pass over sentences

func (c *ctx) run(sentences []span.Span) {
	c.eachSentence(sentences, func(_, a, b int) {
		n := len(c.frames)
		c.sentence(a, b)
		c.continuation(a, b, n)
	})
}

// eachSentence calls f with the index and the token range [a, b) of each
// sentence of the piece that holds a token: the tokens that start in it
// and end within it.
func (c *ctx) eachSentence(sentences []span.Span, f func(si, a, b int)) {
	ti := 0
	for si, s := range sentences {
		for ti < len(c.toks) && c.toks[ti].Span.Start < s.Start {
			ti++
		}
		a := ti
		for ti < len(c.toks) && c.toks[ti].Span.End <= s.End {
			ti++
		}
		if a < ti {
			f(si, a, ti)
		}
	}
}

// end returns the end of the content of sentence [a, b): b without a
// final period.
func (c *ctx) end(a, b int) int {
	for b > a && c.toks[b-1].Kind == text.Punct && (c.toks[b-1].Fold == "." || c.toks[b-1].Fold == ";") {
		b--
	}
	return b
}

func (c *ctx) sentence(a, b int) {
	sc := c.sc
	sc.matches = c.lex.m.AppendMatches(sc.matches[:0], c.toks[a:b])
	if c.mlog != nil {
		c.mlog.add(c.tok0+a, c.tok0+b, sc.matches, c.lex)
	}
	e := c.end(a, b)
	// next[mi] bounds the content of match mi: the comma before a later
	// "according to" or participle cue ("X said C, adding D").
	sc.next = sc.next[:0]
	for range sc.matches {
		sc.next = append(sc.next, e)
	}
	bound := e
	for mi := len(sc.matches) - 1; mi >= 0; mi-- {
		sc.next[mi] = bound
		m2 := sc.matches[mi]
		s2, e2 := a+m2.Start, a+m2.End
		in2 := c.lex.info[m2.Entry]
		if s2 > a+1 && c.is(s2-1, ",") && !c.quoted(s2, e2) &&
			(in2.cat == cuePrep || in2.cat == cueVerb && strings.HasSuffix(c.fold(s2), "ing")) {
			bound = s2 - 1
		}
	}
	c.speakerColon(a, e)
	c.dashSpeaker(a, e)
	c.inPoll(a, e)
	for mi := 0; mi < len(sc.matches); mi++ {
		m := sc.matches[mi]
		cs, ce := a+m.Start, a+m.End
		in := c.lex.info[m.Entry]
		if in.cat == cueNone || c.quoted(cs, ce) || cs < c.skipTo {
			continue
		}
		next := min(e, sc.next[mi])
		switch in.cat {
		case cueVerb:
			c.verb(a, e, cs, ce, in, next)
		case cuePrep:
			c.prep(a, e, cs, ce, in)
		case cueNoun:
			c.noun(a, e, cs, ce, in, next)
		}
	}
}

func (c *ctx) add(f Frame) int {
	f.ViaIndex = -1
	if f.Anonymity == 0 && f.Source.IsEmpty() {
		f.Anonymity = entity.NoSource
	}
	c.frames = append(c.frames, f)
	c.pronoun = append(c.pronoun, false)
	return len(c.frames) - 1
}

func (c *ctx) sp(i, j int) span.Span {
	if j <= i {
		return span.Span{}
	}
	return span.New(c.toks[i].Span.Start, c.toks[j-1].Span.End)
}

// finish sets Via for attributions inside another's content.
func (c *ctx) finish() {
	for i := range c.frames {
		f := &c.frames[i]
		if f.ViaIndex >= 0 && c.frames[f.ViaIndex].Rule == citedRule && c.frames[f.ViaIndex].ViaIndex < 0 {
			c.nestCited(i)
			continue
		}
		if f.ViaIndex >= 0 {
			// "as reported by Y": the outer frame shares the inner content.
			o := &c.frames[f.ViaIndex]
			if len(o.Content) == 0 {
				o.Content = append([]span.Span(nil), f.Content...)
				o.Form = f.Form
			}
			continue
		}
		best := -1
		for j := max(0, i-8); j < min(len(c.frames), i+8); j++ {
			if j == i || c.frames[j].Cue == f.Cue {
				continue
			}
			for _, s := range c.frames[j].Content {
				if s.Contains(f.Cue) && (best < 0 || s.Len() <= c.frames[best].Content[0].Len()) {
					best = j
				}
			}
		}
		f.ViaIndex = best
	}
}
