package attribution

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/cuefeat"
	"github.com/hearsay-go/hearsay/internal/lexicon"
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
	// continued", "quote before speaker". Frames the rules alone would
	// not keep, and which the learned filter kept, name what was weak:
	// "noun of C" ("his criticism of C"), "X said C (noun use)", "X said
	// C (strict verb)", "said C (no subject)". A cue the span model
	// found alone is named by the model and its strongest features:
	// `model: cue "likened" (lex B verb neutral, ...)`.
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
	// compatible source or name before it; empty otherwise or when none
	// was found.
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
	tk      text.Tokens
	matches []lexicon.Match
	quotes  []qregion
	inq     []int32 // token -> quote region, or -1
	qprefix []int32 // qprefix[i]: quotation marks among tokens before i
	next    []int   // per match of a sentence: where its content must end
	pronoun []bool
	classes map[string]entity.Classification // cache of classify
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
	if m := x.model(); m != nil && len(txt) > 0 {
		return x.extractModel(txt, sentences, m) // model.go
	}
	frames := x.extract(txt, sentences)
	// The weights are learned on English news.
	return filterCues(txt, frames, x == nil || !x.spanish)
}

// extract returns the frames the rules find, before the learned filter.
func (x *Extractor) extract(txt string, sentences []span.Span) []Frame {
	if len(txt) == 0 {
		return nil
	}
	if sentences == nil {
		sentences = text.Sentences(txt)
	}
	sc := scratchPool.Get().(*scratch)
	defer func() {
		sc.tk.Reset()
		sc.matches = sc.matches[:0]
		sc.quotes = sc.quotes[:0]
		clear(sc.classes)
		scratchPool.Put(sc)
	}()
	c := &ctx{x: x, lex: x.lexicon(), text: txt, sc: sc}
	// About one candidate attribution in 150 bytes of news.
	c.frames = make([]Frame, 0, len(txt)/150+4)
	c.pronoun = sc.pronoun[:0]
	defer func() { sc.pronoun = c.pronoun[:0] }()
	// The text is read in pieces of whole sentences that end at a
	// paragraph break, where every quotation region ends (see
	// findQuotes), so the token buffer stays small; what links sentences
	// across pieces (frames, quotes waiting for a speaker, the covered
	// quote) is kept in byte offsets.
	base := 0
	for si := 0; si < len(sentences); {
		sj := si + 1
		for sj < len(sentences) {
			prev, next := sentences[sj-1].End, sentences[sj].Start
			size := prev - base
			if size >= pieceSize && c.paragraphBreak(prev, next) || size >= maxPiece {
				break
			}
			sj++
		}
		end := len(txt)
		if sj < len(sentences) {
			end = min(max(sentences[sj].Start, base), len(txt))
		}
		c.piece(base, end, sentences[si:sj])
		base, si = end, sj
	}
	c.finish()
	return c.frames
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
	return strings.IndexByte(c.text[e:s], '\n') >= 0
}

// piece tokenizes txt[base:end] and runs the frames over its sentences.
// Token spans are shifted to offsets into the whole text.
func (c *ctx) piece(base, end int, sentences []span.Span) {
	if end <= base {
		return
	}
	sc := c.sc
	text.Tokenize(c.text[base:end], &sc.tk)
	if base > 0 {
		for i := range sc.tk.Toks {
			sc.tk.Toks[i].Span.Start += base
			sc.tk.Toks[i].Span.End += base
		}
	}
	c.toks = sc.tk.Toks
	sc.quotes = sc.quotes[:0]
	c.skipTo = 0
	c.paraEnd = 0
	c.stopFrom, c.stopAt, c.stopEnd = 0, -1, -1
	c.leadA, c.leadAt = -1, -1
	c.findQuotes()
	c.run(sentences)
}

type ctx struct {
	x      *Extractor
	lex    *cueLexicon
	text   string
	toks   []text.Token
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
}

// --- quotes

func (c *ctx) isDouble(i int) bool {
	t := c.toks[i]
	if t.Kind == text.Quote && t.Fold == "'" {
		return c.pairFirst(i) || c.pairSecond(i)
	}
	return t.Kind == text.Quote && t.Fold == `"` || t.Kind == text.Punct && (t.Fold == "«" || t.Fold == "»")
}

// pairFirst and pairSecond report whether token i is the first or the
// second of two adjacent single quotes, ” written for a double quote.
func (c *ctx) pairFirst(i int) bool {
	return i+1 < len(c.toks) && c.toks[i].Kind == text.Quote && c.toks[i].Fold == "'" &&
		c.toks[i+1].Kind == text.Quote && c.toks[i+1].Fold == "'" && c.toks[i+1].Span.Start == c.toks[i].Span.End
}

func (c *ctx) pairSecond(i int) bool { return i > 0 && c.pairFirst(i-1) }

// opens reports whether the double quote at token i opens a quotation.
func (c *ctx) opens(i int) bool {
	if c.pairSecond(i) {
		i--
	}
	t := c.toks[i]
	r, _ := utf8.DecodeRuneInString(c.text[t.Span.Start:])
	switch r {
	case '“', '«', '„':
		return true
	case '”', '»':
		// A closing mark that opens a line opens it: a typo of news copy.
		p, _ := utf8.DecodeLastRuneInString(c.text[:t.Span.Start])
		return t.Span.Start == 0 || p == '\n'
	}
	if t.Span.Start == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(c.text[:t.Span.Start])
	if !(unicode.IsSpace(p) || p == '(' || p == '[' || p == '—' || p == '-' || p == ':') {
		return false
	}
	// A straight quote between spaces closes: "she said 'no,' " said X.
	e := c.toks[i].Span.End
	if c.pairFirst(i) {
		e = c.toks[i+1].Span.End
	}
	n, _ := utf8.DecodeRuneInString(c.text[e:])
	return e < len(c.text) && !unicode.IsSpace(n)
}

func (c *ctx) findQuotes() {
	sc := c.sc
	if cap(sc.inq) < len(c.toks) {
		sc.inq = make([]int32, len(c.toks))
	}
	sc.inq = sc.inq[:len(c.toks)]
	sc.qprefix = append(sc.qprefix[:0], 0)
	var nq int32
	open := -1
	closeAt := func(end int, closed bool) {
		r := int32(len(sc.quotes))
		sc.quotes = append(sc.quotes, qregion{open: open, close: end, closed: closed})
		for k := open; k <= end; k++ {
			sc.inq[k] = r
		}
		open = -1
	}
	prevEnd, done := -1, -1
	for i := range c.toks {
		t := &c.toks[i]
		if i > done {
			sc.inq[i] = -1
		}
		if open >= 0 && t.Span.Start-prevEnd > 1 && strings.IndexByte(c.text[prevEnd:t.Span.Start], '\n') >= 0 {
			closeAt(i-1, false) // a paragraph ends an open quote
		}
		prevEnd = t.Span.End
		if t.Kind == text.Quote || t.Kind == text.Punct && (t.Fold == "«" || t.Fold == "»") {
			nq++
		}
		sc.qprefix = append(sc.qprefix, nq)
		if t.Kind == text.Word || !c.isDouble(i) || i <= done {
			continue
		}
		last := i
		if c.pairFirst(i) {
			last = i + 1 // '' is one mark
		}
		if c.opens(i) {
			if open >= 0 {
				closeAt(i-1, false)
			}
			open = i
			done = last
			continue
		}
		if open >= 0 {
			closeAt(last, true)
			done = last
		}
	}
	if open >= 0 {
		closeAt(len(c.toks)-1, false)
	}
}

// cover records that the quote closing at token i is content.
func (c *ctx) cover(i int) {
	c.covered = max(c.covered, c.toks[i].Span.End)
}

// region returns the quote region of token i, or nil.
func (c *ctx) region(i int) *qregion {
	if i < 0 || i >= len(c.sc.inq) || c.sc.inq[i] < 0 {
		return nil
	}
	return &c.sc.quotes[c.sc.inq[i]]
}

// quoted reports whether tokens [i, j) lie strictly inside one quotation.
func (c *ctx) quoted(i, j int) bool {
	r := c.region(i)
	return r != nil && r.open < i && j-1 < r.close || r != nil && !r.closed && r.open < i && j-1 <= r.close
}

// --- words

func (c *ctx) fold(i int) string { return c.toks[i].Fold }

func (c *ctx) isWord(i int) bool {
	k := c.toks[i].Kind
	return k == text.Word || k == text.Number
}

func (c *ctx) is(i int, s string) bool { return i >= 0 && i < len(c.toks) && c.toks[i].Fold == s }

func (c *ctx) capitalized(i int) bool {
	if c.toks[i].Kind != text.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c.text[c.toks[i].Span.Start:])
	return unicode.IsUpper(r)
}

func isAux(f string) bool {
	switch f {
	case "has", "have", "had", "is", "was", "are", "were", "be", "been", "will", "would",
		"could", "should", "can", "may", "might", "must", "did", "does", "do", "not", "n't",
		"never", "also", "later", "previously", "repeatedly", "again", "then", "recently",
		"publicly", "privately", "often", "once", "already", "still", "further", "first",
		"always", "frequently", "long", "even", "just", "now", "ha", "'s", "'ve", "'d", "'ll", "'re", "'m",
		"didn't", "doesn't", "don't", "won't", "wouldn't", "couldn't", "shouldn't", "can't",
		"cannot", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "mustn't",
		"había", "han", "habia", "se", "le", "les", "lo", "no", "también", "tambien":
		return true
	}
	return false
}

// isParticiple reports whether f is a past participle that is not also a
// past tense: without an auxiliary it modifies a noun.
func isParticiple(f string) bool {
	switch f {
	case "known", "seen", "shown", "written", "given", "spoken", "chosen", "taken",
		"sworn", "proven", "drawn", "foreseen", "forbidden", "forgotten", "mistaken":
		return true
	}
	return false
}

// isNaming reports whether f is the past form of a verb of naming, which
// after a noun and before a name is a participle: "a group called X".
func isNaming(f string) bool {
	switch f {
	case "called", "named", "dubbed", "titled", "entitled", "labeled", "labelled", "nicknamed":
		return true
	}
	return false
}

// isFiniteAux reports whether f is a finite auxiliary or modal, which
// does not directly follow a verb.
func isFiniteAux(f string) bool {
	switch f {
	case "is", "was", "are", "were", "has", "have", "had", "will", "would", "could",
		"should", "can", "may", "might", "must", "does", "did", "'s", "'re", "'ve":
		return true
	}
	return false
}

func isBe(f string) bool {
	switch f {
	case "is", "are", "was", "were", "be", "been", "being", "'s", "'re":
		return true
	}
	return false
}

func (c *ctx) isLyAdverb(i int) bool {
	if c.toks[i].Kind != text.Word || c.capitalized(i) {
		return false
	}
	f := c.toks[i].Fold
	if len(f) < 5 || !strings.HasSuffix(f, "ly") {
		return false
	}
	switch f {
	case "family", "rally", "supply", "apply", "reply", "italy", "early", "only", "july",
		"ally", "daily", "likely", "friendly", "elderly", "assembly", "holy", "belly", "bully":
		return false
	}
	return true
}

func isClauseWord(f string) bool {
	switch f {
	case "that", "but", "because", "if", "when", "while", "as", "since", "so", "although",
		"though", "after", "before", "where", "whether", "than", "nor", "yet", "unless",
		"until", "whereas", "or", "what", "how", "why", "then", "also", "and", "to",
		"que", "pero", "y", "como", "cuando", "porque":
		return true
	}
	return false
}

func isLeading(f string) bool {
	switch f {
	case "on", "in", "at", "during", "after", "before", "last", "earlier", "later", "yesterday",
		"today", "meanwhile", "now", "but", "and", "so", "still", "however", "instead", "then",
		"also", "asked", "speaking", "separately", "previously", "tonight", "recently", "by",
		"for", "from", "with", "without", "since", "over", "under", "like", "unlike", "as",
		"el", "la", "en", "este", "esta":
		return true
	}
	return false
}

func isTimeWord(f string) bool {
	switch f {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.",
		"oct.", "nov.", "dec.", "week", "month", "year", "night", "morning", "afternoon",
		"evening", "day", "time", "weekend", "the", "a", "an", "this", "that", "last", "next",
		"same", "early", "late", "interview", "statement", "speech", "rally", "recent", "an interview",
		"earlier", "previous", "tuesday's", "days", "weeks", "ago", "friday's", "press", "conference":
		return true
	}
	return false
}

func isNounPrep(f string) bool {
	switch f {
	case "amid", "of", "over", "about", "despite", "with", "for", "among", "against":
		return true
	}
	return false
}

// appositive returns the comma that ends an appositive opening at the
// comma k ("X, a close friend of Y, C"; "X, who ..., C"), or -1. The
// appositive opens with "a", "an", "who" or "which", holds no cue and no
// quotation, and content follows it.
func (c *ctx) appositive(k, e int) int {
	if k+2 >= e || !c.is(k, ",") {
		return -1
	}
	switch c.fold(k + 1) {
	case "a", "an", "who", "which":
	default:
		return -1
	}
	for j := k + 2; j < e && j-k <= 14; j++ {
		switch {
		case c.is(j, ","):
			if j+2 < e && !c.is(j+1, "and") && !c.is(j+1, "but") {
				return j
			}
			return -1
		case c.toks[j].Kind == text.Quote || c.isLexCue(j) || c.is(j, ";") || c.is(j, ":"):
			return -1
		}
	}
	return -1
}

// adverbialOpener reports whether tokens [a, e) of a sentence are a short
// adverbial of time or place that opens it ("Since last November", "In
// the first quarter"), not a discourse marker ("In addition").
func (c *ctx) adverbialOpener(a, e int) bool {
	if e-a < 2 || e-a > 8 || !c.capitalized(a) {
		return false
	}
	switch c.fold(a) {
	case "since", "in", "on", "at", "after", "before", "during", "until", "by", "over", "last", "this", "earlier":
	default:
		return false
	}
	switch c.fold(a + 1) {
	case "addition", "fact", "short", "particular", "general", "contrast", "turn", "other", "sum", "the", "his", "her", "their":
		return c.fold(a+1) == "the" && e-a > 2 && isTimeWord(c.fold(e-1))
	}
	for i := a; i < e; i++ {
		if c.toks[i].Kind == text.Punct || c.toks[i].Kind == text.Quote || c.isLexCue(i) {
			return false
		}
	}
	return true
}

// isCoordModifier reports whether f is a modifier that news coordinates
// inside a source phrase: "current and former officials".
func isCoordModifier(f string) bool {
	switch f {
	case "current", "former", "past", "present", "retired", "active", "senior", "junior",
		"federal", "state", "local", "national", "international", "foreign", "domestic",
		"public", "private", "military", "civilian", "elected", "appointed":
		return true
	}
	return false
}

// spanishArticle reports whether token i is a Spanish article or
// demonstrative that starts a noun phrase ("El presidente dijo"), not a
// time adverbial ("El lunes", "Este año").
func (c *ctx) spanishArticle(i int) bool {
	switch c.fold(i) {
	case "el", "la", "este", "esta":
	default:
		return false
	}
	if i+1 >= len(c.toks) {
		return true
	}
	switch c.fold(i + 1) {
	case "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
		"pasado", "pasada", "proximo", "proxima", "ano", "mes", "semana", "dia", "fin", "manana", "tarde", "noche":
		return false
	}
	return true
}

// isParticle reports whether f is a preposition that ends a multi-word
// cue ("call for", "object to").
func isParticle(f string) bool {
	switch f {
	case "for", "to", "of", "as", "about", "on", "with", "against", "over":
		return true
	}
	return false
}

// isTopicPrep reports whether f is a preposition that takes what a noun
// cue is about: "criticism of", "support for", "questions about".
func isTopicPrep(f string) bool {
	switch f {
	case "of", "for", "on", "about", "over", "against", "to":
		return true
	}
	return false
}

func isWeekday(f string) bool {
	switch f {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "earlier", "later", "recently", "again", "previously":
		return true
	}
	return false
}

func isDayPart(f string) bool {
	switch f {
	case "morning", "afternoon", "evening", "night":
		return true
	}
	return false
}

func isDet(f string) bool {
	switch f {
	case "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our",
		"my", "your", "some", "many", "several", "both", "all", "another", "one", "two",
		"three", "four", "most", "other", "others", "few", "el", "la", "los", "las", "un", "una":
		return true
	}
	return false
}

func isPronoun(f string) bool {
	switch f {
	case "he", "she", "they", "i", "we", "you", "it", "who", "which", "él", "ella", "ellos", "el":
		return true
	}
	return false
}

func isSubjectPronoun(f string) bool {
	switch f {
	case "he", "she", "they", "we", "i":
		return true
	}
	return false
}

// isOpener reports whether f is an adverb or auxiliary that opens a
// sentence before its subject: "Maybe he", "Just 30 percent", "Did the
// foundation".
func isOpener(f string) bool {
	switch f {
	case "maybe", "perhaps", "just", "naturally", "here", "did", "do", "does", "can", "let", "indeed", "yes", "no", "well", "oh":
		return true
	}
	return false
}

func isPossessive(f string) bool {
	switch f {
	case "his", "her", "their", "its", "my", "our", "your":
		return true
	}
	return false
}

// --- the pass over sentences

func (c *ctx) run(sentences []span.Span) {
	ti := 0
	for _, s := range sentences {
		for ti < len(c.toks) && c.toks[ti].Span.Start < s.Start {
			ti++
		}
		a := ti
		for ti < len(c.toks) && c.toks[ti].Span.End <= s.End {
			ti++
		}
		b := ti
		if a >= b {
			continue
		}
		n := len(c.frames)
		c.sentence(a, b)
		c.continuation(a, b, n)
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

// verb handles a reporting verb at tokens [cs, ce) of the sentence
// [a, e) (e without the final period). next bounds the content: a later
// participle cue after a comma starts another attribution.
func (c *ctx) verb(a, e, cs, ce int, in cueInfo, next int) {
	if c.lex.info != nil && in.as && strings.HasSuffix(c.fold(cs), "ing") && in.lemma == "regard" {
		return // "regarding" is a preposition
	}
	// Noun use: "the claim", "his fears".
	// At the start of a sentence or after "in", only before a topic
	// preposition: "Support for C has grown", "a rise in support for C".
	topic := in.noun && ce < e && isTopicPrep(c.fold(ce)) && !c.is(ce, "to")
	// "Some said C", "Edwards and others said C": a quantifier stands for
	// the people, and the past-tense cue after it is their verb.
	quantified := cs > a && c.quantifierSubject(a, cs-1) && !strings.HasSuffix(c.fold(cs), "ing") &&
		(!c.baseForm(cs, in) || notNoun(in.lemma))
	if !quantified && (cs == a && topic || cs > a && c.is(cs-1, "in") && topic ||
		cs > a && (isDet(c.fold(cs-1)) && !isPronoun(c.fold(cs-1)) || c.is(cs-1, "'s") && !(cs-1 > a && isPronoun(c.fold(cs-2))) ||
			isNounPrep(c.fold(cs-1))) && !c.is(cs-1, "that")) {
		if c.is(ce, "that") || ce < e && isTopicPrep(c.fold(ce)) {
			c.noun(a, e, cs, ce, in, next)
		}
		return
	}
	f := c.fold(cs)
	// A capitalized cue inside a sentence is part of a name: "United States".
	if cs > a && c.capitalized(cs) && !c.is(cs-1, ",") && c.toks[cs-1].Kind != text.Quote &&
		(in.noun || in.strict || !c.titleCase(a, e)) {
		return
	}
	// Passive: "it is believed", "X is said to".
	if cs > a && isBe(c.fold(cs-1)) && !strings.HasSuffix(f, "ing") && in.words == 1 {
		c.passive(a, e, cs, ce, in)
		return
	}
	// The verb group: auxiliaries, negation and adverbs before and after.
	vs := cs
	for vs > a && (isAux(c.fold(vs-1)) || c.isLyAdverb(vs-1)) && (!c.is(vs-1, "'s") || vs-1 > a && isPronoun(c.fold(vs-2))) {
		vs--
	}
	if vs > a && c.is(vs-1, "having") {
		return // "having ordered ...": a participle clause, an act
	}
	if vs == cs && isParticiple(f) {
		return // "the contests known as", "the letter written by"
	}
	if vs == cs && vs > a && isNaming(f) && c.toks[vs-1].Kind == text.Word && !c.capitalized(vs-1) &&
		!isPronoun(c.fold(vs-1)) && ce < e && (c.capitalized(ce) || c.isDouble(ce)) {
		return // "a program called Sandy Hook Promise"
	}
	ve := ce
	// An adverb after the verb is the cue's ("said recently"), one after
	// a preposition the content's ("called for immediately ending").
	for ve < e && c.isLyAdverb(ve) && !isParticle(c.fold(ce-1)) {
		ve++
	}
	// A time after the verb is not part of the cue: "said Friday
	// afternoon" (PolNeAR), but a colon after it is.
	te := ve
	for te < e && isWeekday(c.fold(te)) {
		te++
		if te < e && isDayPart(c.fold(te)) {
			te++
		}
	}
	colon := false
	if te < e && c.is(te, ":") {
		ve = te
		ve++
		colon = true
	}
	fr := Frame{Lemma: in.lemma, Stance: in.stance, Cue: c.sp(vs, ve)}

	// The source before the verb.
	c.viaEnd = -1
	ss, viaFrame := c.subject(a, vs)
	var srcSpan span.Span
	if ss >= 0 {
		srcSpan = c.sp(ss, c.trimSource(ss, vs))
		if c.viaEnd > ss {
			srcSpan = c.sp(ss, c.viaEnd)
		}
		// A parenthetical's commas belong to the source; trim a lone one.
	}
	// After the verb: an addressee, then the content.
	j := max(ve, te)
	// A Spanish addressee follows "a": "dijo a la prensa que C".
	spanishTo := c.x != nil && c.x.spanish && j+1 < e && (c.is(j, "a") || c.is(j, "al"))
	if in.tell && j < e && !c.is(j, "that") && !c.is(j, ",") && !c.is(j, ":") && c.toks[j].Kind != text.Quote &&
		(c.x == nil || !c.x.spanish || spanishTo) {
		k, from := j, j
		if spanishTo {
			k, from = j+1, j+1
		}
		for k < e && k-from < 8 && c.isWord(k) && !c.is(k, "that") && !(k > from && (isClauseWord(c.fold(k)) || c.isLexCue(k))) {
			k++
		}
		if k > from {
			fr.Addressee = c.sp(from, k)
			j = k
		}
		if j < e && c.is(j, ":") {
			fr.Cue = c.sp(vs, j+1)
			j++
			colon = true
		}
	}
	after := c.after(j, e, next)

	// "'C,' X said about D": after a leading quotation, the particle of
	// the cue opens a circumstance; the quotation is the content.
	quoteFirst := !colon && ss > a && c.quoteLeads(a, ss)
	if quoteFirst && ce-cs > 1 && ve == ce && isParticle(c.fold(ce-1)) && c.circumstance(ce-1, e) {
		fr.Cue = c.sp(vs, ce-1)
		j = ce - 1
	}
	if !colon && ss > a && c.asClause(fr, a, e, ss, j, srcSpan, viaFrame) {
		return
	}
	// "C, X said" and "C, said X": content before the source or verb.
	if !colon {
		switch {
		case ss > a && (after.IsEmpty() || c.quoteAfterComma(j, e) || quoteFirst && c.circumstance(j, e)):
			if in.noun && c.baseForm(cs, in) && !c.plainSubject(ss, vs) {
				return // "... in 30 states."
			}
			if cont := c.before(a, ss-1); !cont.IsEmpty() {
				fr.Rule = "C, X said"
				fr.Content = append(fr.Content, cont)
				if c.quoteAfterComma(j, e) {
					if q := c.quoteFrom(j, e); !q.IsEmpty() {
						fr.Content = append(fr.Content, q)
					}
				}
				c.emit(fr, srcSpan, viaFrame)
				return
			}
		case ss == a && after.IsEmpty() && a > 0 && c.isDouble(a-1) && !c.opens(a-1):
			// "C." X said: the quotation closed before the sentence.
			if r := c.region(a - 1); r != nil && r.close == a-1 && r.closed {
				c.cover(r.close)
				fr.Rule = "C. X said"
				fr.Content = append(fr.Content, c.sp(r.open, a))
				c.emit(fr, srcSpan, viaFrame)
				return
			}
		case ss < 0 && vs > a && !strings.HasSuffix(f, "ing"):
			k := c.inverted(ve, e)
			if k <= ve {
				break
			}
			rest := c.after(k, e, next)
			qa := c.quoteAfterComma(k, e)
			if !rest.IsEmpty() && !qa {
				break
			}
			cont := c.before(a, vs-1)
			if cont.IsEmpty() {
				break
			}
			fr.Rule = "C, said X"
			fr.Content = append(fr.Content, cont)
			if qa {
				if q := c.quoteFrom(k, e); !q.IsEmpty() {
					fr.Content = append(fr.Content, q)
				}
			}
			c.emit(fr, c.sp(ve, c.trimSource(ve, k)), viaFrame)
			return
		}
	}
	if after.IsEmpty() {
		return
	}
	if ss < 0 {
		// A participle after a comma takes the subject of the clause:
		// "X said C, adding D".
		if strings.HasSuffix(f, "ing") && vs > a && c.is(vs-1, ",") {
			for k := len(c.frames) - 1; k >= 0; k-- {
				p := c.frames[k]
				if p.Cue.End <= c.toks[a].Span.Start {
					break // frames before this sentence: none of its own
				}
				if p.Cue.End <= c.toks[vs].Span.Start && p.Cue.Start >= c.toks[a].Span.Start {
					if p.SourcePhrase.IsEmpty() {
						break
					}
					srcSpan = p.SourcePhrase
					break
				}
			}
			fr.Rule = "X said C, adding D"
		} else if vs > a && c.is(vs-1, "and") {
			// "X did something and said C": the subject of the clause.
			srcSpan = c.clauseSubject(a, vs)
			fr.Rule = "X ... and said C"
			if srcSpan.IsEmpty() {
				fr.Rule = "said C (no subject)" // for the learned filter
			}
		} else if vs == c.firstWord(a) && strings.HasPrefix(in.lemma, "ask") && c.fold(vs) == "asked" {
			// "Asked whether C, X said D": the one asking is not named.
			k := j
			for k < e && !c.is(k, ",") {
				k++
			}
			if k >= e || k == j {
				return
			}
			fr.Rule = "asked whether C"
			fr.Content = append(fr.Content, c.sp(j, k))
			c.emit(fr, span.Span{}, viaFrame)
			return
		} else {
			// No subject the rules can find: a candidate for the
			// learned filter only ("to support C", "will seek C").
			fr.Rule = "said C (no subject)"
			if vs > a && c.is(vs-1, "to") {
				fr.Cue = c.sp(vs-1, ve) // "to support C"
			}
			fr.Content = append(fr.Content, after)
			c.emit(fr, span.Span{}, viaFrame)
			return
		}
	}
	if in.strict && !colon && !c.opensContent(j, e) {
		if fr.Rule != "" {
			return
		}
		fr.Rule = "X said C (strict verb)"
	}
	if in.noun && !colon && c.nounUse(a, ss, vs, cs, j, e, in) {
		if fr.Rule != "" {
			return
		}
		fr.Rule = "X said C (noun use)"
	}
	if fr.Rule == "" {
		fr.Rule = "X said C"
		if colon {
			fr.Rule = "X said: C"
		}
	}
	fr.Content = append(fr.Content, after)
	c.emit(fr, srcSpan, viaFrame)
}

// notNoun reports whether the verbs of lemma have no noun form that a
// quantifier could determine: "some say", but "some claims".
func notNoun(lemma string) bool {
	switch lemma {
	case "say", "believe", "think", "argue", "contend", "insist", "suggest", "warn", "predict",
		"agree", "acknowledge", "complain", "wonder", "tell", "write", "add", "note", "explain":
		return true
	}
	return false
}

// asClause handles "As X reported, C" and "C, as X said": the clause
// of "as" at ss-1 holds the source and the cue, the rest of the sentence
// is the content. It reports whether it made a frame.
func (c *ctx) asClause(fr Frame, a, e, ss, j int, src span.Span, via int) bool {
	if ss-1 < a || !c.is(ss-1, "as") || !(ss-1 == a || ss-2 >= a && c.is(ss-2, ",")) {
		return false
	}
	// What follows the verb up to the comma is a circumstance: "as The
	// New York Times reported on Tuesday", "as X told the Daily News".
	k := j
	for k < e && !c.is(k, ",") && k-j < 12 {
		if c.is(k, "that") || c.is(k, ":") || c.toks[k].Kind == text.Quote {
			return false
		}
		k++
	}
	switch {
	case ss-1 == a && k+1 < e && c.is(k, ","):
		fr.Content = append(fr.Content, c.sp(k+1, e))
		fr.Rule = "as X said, C"
	case ss-1 > a && (k >= e || c.is(k, ",")):
		// "C, as X said." and "C, as X said, D": the clause around it.
		cont := c.before(a, ss-2)
		if cont.IsEmpty() {
			return false
		}
		fr.Content = append(fr.Content, cont)
		if k+1 < e {
			fr.Content = append(fr.Content, c.sp(k+1, e))
		}
		fr.Rule = "C, as X said"
	default:
		return false
	}
	c.emit(fr, src, via)
	return true
}

// quoteLeads reports whether the sentence [a, ...) opens with a quotation
// that ends with a comma, a question or an exclamation mark just before
// the subject at ss: "'C,' X said ...".
func (c *ctx) quoteLeads(a, ss int) bool {
	q := ss - 1
	if q <= a || !c.isDouble(q) || c.opens(q) {
		return false
	}
	r := c.region(q)
	if r == nil || !r.closed || r.close != q || r.open > a {
		return false
	}
	p := q - 1
	if c.pairSecond(q) {
		p--
	}
	return p > r.open && (c.is(p, ",") || c.is(p, "?") || c.is(p, "!"))
}

// circumstance reports whether the words after the verb, from token j,
// open a circumstance of the speaking rather than its content: "said
// recently in New York", "said on Saturday", "said about halfway through
// the debate", "said in the statement".
func (c *ctx) circumstance(j, e int) bool {
	if j >= e {
		return true
	}
	switch c.fold(j) {
	case "in", "on", "at", "during", "about", "while", "after", "before", "as", "from", "when", "to", "outside", "inside", "near", "last", "this", "earlier", "later":
		for k := j; k < e; k++ {
			if c.is(k, "that") || c.is(k, ":") || c.toks[k].Kind == text.Quote {
				return false
			}
		}
		return true
	}
	return false
}

// nextStop returns the first comma, semicolon or quotation mark among
// tokens [k, end), or end. It remembers its last answer, so that the
// noun cues of one long clause ("criticism of support for fears of ...")
// read the clause once.
func (c *ctx) nextStop(k, end int) int {
	if c.stopEnd == end && c.stopFrom <= k && k <= c.stopAt {
		return c.stopAt
	}
	j := k
	for j < end && !c.is(j, ",") && !c.is(j, ";") && c.toks[j].Kind != text.Quote {
		j++
	}
	c.stopFrom, c.stopAt, c.stopEnd = k, j, end
	return j
}

// quantifierSubject reports whether token i is a quantifier that stands
// alone as a subject ("some", "many", "others", "another") at the start
// of a clause: first in the sentence or after "and", "but" or a comma.
func (c *ctx) quantifierSubject(a, i int) bool {
	switch c.fold(i) {
	case "some", "many", "several", "both", "all", "most", "others", "few", "another", "one":
	default:
		return false
	}
	return i == a || c.is(i-1, "and") || c.is(i-1, "but") || c.is(i-1, ",")
}

// baseForm reports whether the cue at token cs is the base or -s form of
// its lemma.
func (c *ctx) baseForm(cs int, in cueInfo) bool {
	f, lem := c.fold(cs), in.lemma
	return f == lem || f == lem+"s" || f == lem+"es" || strings.HasSuffix(lem, "y") && f == lem[:len(lem)-1]+"ies"
}

// plainSubject reports whether tokens [s, e) are a short subject: a
// pronoun, a name or a determiner and a few words.
func (c *ctx) plainSubject(s, e int) bool {
	if e-s > 5 || c.toks[e-1].Kind == text.Number {
		return false
	}
	f := c.fold(s)
	return isPronoun(f) || c.capitalized(s) || isDet(f)
}

// nounUse reports whether a cue of a noun=1 entry at token cs, in its
// base or -s form, reads as a noun: "recent remarks were", "a news
// report published", "comments he made". After a pronoun, a name or an
// auxiliary it is a verb; after another subject it is one only when
// reported speech follows, as for a strict verb.
func (c *ctx) nounUse(a, ss, vs, cs, j, e int, in cueInfo) bool {
	if !c.baseForm(cs, in) {
		return false // an inflected verb form: "reported", "calling"
	}
	if j < e && isFiniteAux(c.fold(j)) {
		return true
	}
	if vs < cs || vs <= a {
		return false // "has called", or a sentence that starts with the verb
	}
	p := c.fold(vs - 1)
	if isPronoun(p) || c.capitalized(vs-1) && !isLeading(p) || c.toks[vs-1].Kind == text.Quote || p == "," || p == "and" {
		return false
	}
	if j < e && isPronoun(c.fold(j)) && !c.is(j, "it") && !c.is(j, "you") {
		return true
	}
	// "The Venezuelan leader fears ...": a short subject that opens the
	// sentence, and no participle or preposition after the verb.
	if ss >= 0 && (ss == c.firstWord(a) || ss > a && (c.is(ss-1, "that") || c.isLexCue(ss-1))) && isDet(c.fold(ss)) && c.plainSubject(ss, vs) && j < e &&
		!strings.HasSuffix(c.fold(j), "ed") && !isNounPrep(c.fold(j)) && !isLeading(c.fold(j)) {
		return false
	}
	return !c.opensContent(j, e)
}

// trimSource returns the end of the source phrase [s, e) without what
// follows the noun phrase: a time ("on Tuesday", "last week"),
// a parenthetical adverb (", for instance,").
func (c *ctx) trimSource(s, e int) int {
	for e > s+1 {
		switch f := c.fold(e - 1); {
		case isWeekday(f) || isDayPart(f):
			e--
			if e > s+1 && (c.is(e-1, "on") || c.is(e-1, "earlier") || c.is(e-1, "late") || c.is(e-1, "early")) {
				e--
			}
			for e > s+1 && isWeekday(c.fold(e-1)) {
				e--
			}
		case (f == "week" || f == "month" || f == "year") && (c.is(e-2, "last") || c.is(e-2, "this")) && e > s+2:
			e -= 2
		default:
			return e
		}
	}
	return e
}

// firstWord returns the first word token of the sentence starting at a.
func (c *ctx) firstWord(a int) int {
	for a < len(c.toks) && !c.isWord(a) {
		a++
	}
	return a
}

// clauseSubject returns the subject of the sentence [a, end) when it is
// a name or a pronoun at its start, after any leading adverbials: "Graham
// called them crazy and said C".
func (c *ctx) clauseSubject(a, end int) span.Span {
	for i := len(c.frames) - 1; i >= 0; i-- {
		f := c.frames[i]
		if f.Cue.Start < c.toks[a].Span.Start {
			break
		}
		if !f.SourcePhrase.IsEmpty() {
			return f.SourcePhrase
		}
	}
	s := c.firstWord(a)
	if s < end && isLeading(c.fold(s)) && !c.capitalizedName(s) {
		return span.Span{}
	}
	if s >= end {
		return span.Span{}
	}
	if f := c.fold(s); isPronoun(f) && f != "it" && f != "who" && f != "which" && f != "you" {
		return c.sp(s, s+1)
	}
	k := s
	for k < end && k-s < 6 && c.capitalized(k) && !c.isLexCue(k) {
		k++
	}
	if k == s || k >= end || c.capitalized(k) || !c.isWord(k) {
		return span.Span{}
	}
	return c.sp(s, k)
}

// isStrictCue reports whether the cue at token i is a strict verb ("state",
// "question"), which is a noun more often than not.
func (c *ctx) isStrictCue(i int) bool {
	_, e, ok := c.lex.m.Longest(c.toks, i)
	return ok && c.lex.info[e].strict
}

// speakerColon handles a headline or transcript line that names its
// speaker before a colon: "Senator Smith: Tax Cuts Will Pass",
// "SMITH: Well, look ...".
func (c *ctx) speakerColon(a, e int) {
	s := a
	if s < e && c.isDouble(s) {
		s++
		if c.pairFirst(s - 1) {
			s++
		}
	}
	k := s
	for k < e && k-s < 5 && (c.capitalized(k) || c.is(k, "'s")) {
		k++
	}
	if k == s || k+3 > e || !c.is(k, ":") {
		return
	}
	switch c.fold(s) {
	case "note", "update", "updated", "watch", "photo", "video", "breaking", "related", "read", "editor's", "correction", "q", "a",
		"question", "answer", "name", "age", "city", "job", "pay", "excerpt", "source", "sources", "date", "title", "location", "subject", "topic", "summary", "caption", "credit", "disclaimer", "warning", "bottom", "the", "editor":
		return
	}
	fr := Frame{Rule: "X: C", Cue: c.sp(k, k+1), Lemma: "say", Stance: Neutral}
	// A speaker who opens a paragraph speaks to its end, as in an
	// interview ("Q: ... A: ...") or a transcript.
	end := e
	if a == 0 || c.paragraphBreak(c.toks[a-1].Span.End, c.toks[a].Span.Start) {
		end = max(e, c.paragraphEnd(e))
	}
	fr.Content = append(fr.Content, c.sp(k+1, end))
	c.emit(fr, c.sp(s, k), -1)
}

// paragraphEnd returns the end of the content of the paragraph holding
// token e-1: the token after its last one, without a final period. It
// remembers the last paragraph found, so that a pass over the sentences
// of a paragraph reads it once.
func (c *ctx) paragraphEnd(e int) int {
	if e <= c.paraEnd {
		return c.end(e, c.paraEnd)
	}
	k := e
	for k < len(c.toks) && !c.paragraphBreak(c.toks[k-1].Span.End, c.toks[k].Span.Start) {
		k++
	}
	c.paraEnd = k
	return c.end(e, k)
}

// isPollNoun reports whether f names a survey or study, which reports
// its findings: "in a new poll, 50 percent ...".
func isPollNoun(f string) bool {
	switch f {
	case "poll", "polls", "survey", "surveys", "study", "studies", "analysis":
		return true
	}
	return false
}

// pollAhead reports whether a poll noun stands among the nine tokens from
// i: a cheap test before the words between are looked up.
func (c *ctx) pollAhead(i, e int) bool {
	for h := i; h < e && h-i <= 8; h++ {
		if isPollNoun(c.fold(h)) {
			return true
		}
	}
	return false
}

// inPoll handles findings attributed to a poll with "in" at the start of
// the sentence: "In a CNN poll released Monday, 50 percent chose
// Clinton". The cue is "in", the source the poll's noun phrase.
func (c *ctx) inPoll(a, e int) {
	for i := a; i < e; i++ {
		if !c.is(i, "in") || !c.pollAhead(i+1, e) || c.quoted(i, i+1) {
			continue
		}
		h := i + 1
		for h < e && h-i <= 8 && (c.isWord(h) || c.is(h, "/") || c.is(h, "-") || c.is(h, "'s")) && !isPollNoun(c.fold(h)) {
			if isClauseWord(c.fold(h)) || c.isLexCue(h) {
				break
			}
			h++
		}
		if h >= e || !isPollNoun(c.fold(h)) || h == i+1 {
			continue
		}
		lead := i == c.firstWord(a)
		fr := Frame{Rule: "in a poll, C", Cue: c.sp(i, i+1), Lemma: "in", Stance: Citing}
		var src span.Span
		if lead {
			k := h + 1
			for k < e && !c.is(k, ",") && k-h < 12 {
				k++
			}
			if k >= e || !c.is(k, ",") || k+1 >= e {
				continue
			}
			src = c.sp(i+1, k)
			fr.Content = append(fr.Content, c.sp(k+1, e))
		} else {
			continue // "a wide lead in the polls" is mostly the author's summary
		}
		c.emit(fr, src, -1)
		i = h
	}
}

func isDash(f string) bool { return f == "—" || f == "―" || f == "–" || f == "-" }

// dashSpeaker handles a quotation signed after a dash: "“C.” — Jane
// Doe", the convention of letters, vox pops and epigraphs.
func (c *ctx) dashSpeaker(a, e int) {
	for i := max(a, 1); i < e; i++ {
		if c.toks[i].Kind != text.Punct || !isDash(c.fold(i)) || !c.isDouble(i-1) || c.opens(i-1) {
			continue
		}
		r := c.region(i - 1)
		if r == nil || !r.closed || r.close != i-1 {
			continue
		}
		k := i + 1
		for k < e && c.toks[k].Kind == text.Punct && isDash(c.fold(k)) {
			k++
		}
		s := k
		for k < e && k-s < 8 && (c.isWord(k) || c.is(k, ",") || c.is(k, ".")) && !c.isDouble(k) {
			k++
		}
		if k == s || !c.capitalized(s) || k < e && !c.isDouble(k) {
			continue
		}
		for k > s && (c.is(k-1, ",") || c.is(k-1, ".")) {
			k--
		}
		c.cover(r.close)
		fr := Frame{Rule: "C — X", Cue: c.sp(i, s), Lemma: "say", Stance: Neutral}
		fr.Content = append(fr.Content, c.sp(r.open, i))
		c.emit(fr, c.sp(s, k), -1)
	}
}

// opensContent reports whether the content after a verb at token j
// starts the way reported speech does: "that", a question word, a colon
// or a quotation.
func (c *ctx) opensContent(j, e int) bool {
	if j < e && c.is(j, ",") {
		j++
	}
	if j >= e {
		return false
	}
	if c.isDouble(j) {
		return true
	}
	switch c.fold(j) {
	case "that", ":", "whether", "if", "what", "how", "why", "who", "when":
		return true
	}
	return false
}

// isLexCue reports whether a cue phrase starts at token i.
func (c *ctx) isLexCue(i int) bool {
	_, e, ok := c.lex.m.Longest(c.toks, i)
	return ok && c.lex.info[e].cat != cueNone
}

// quoteAfterComma reports whether tokens j, j+1 are a comma and an opening
// quote (or a comma after an inverted source and then a quote).
func (c *ctx) quoteAfterComma(j, e int) bool {
	for k := j; k < e && k < j+30; k++ {
		if c.is(k, ",") && k+1 < e && c.isDouble(k+1) && c.opens(k+1) {
			return true
		}
		if !c.isWord(k) && !c.is(k, ",") && !c.is(k, "(") && !c.is(k, ")") {
			return false
		}
	}
	return false
}

// quoteFrom returns the quotation opening at or after token i (after an
// optional comma) up to its close.
func (c *ctx) quoteFrom(i, e int) span.Span {
	for i < e && (c.is(i, ",") || !c.isDouble(i)) {
		if c.isWord(i) {
			return span.Span{}
		}
		i++
	}
	r := c.region(i)
	if r == nil || r.open != i {
		return span.Span{}
	}
	c.cover(r.close)
	return c.sp(i, r.close+1)
}

// after returns the content after the verb group, from token j: up to
// the sentence's end or next; empty when what follows is not content (a
// time or place phrase, nothing).
func (c *ctx) after(j, e, next int) span.Span {
	if next < e {
		e = next
	}
	if j < e && c.is(j, ",") && j+1 < e && c.isDouble(j+1) {
		j++
	}
	if j >= e {
		return span.Span{}
	}
	// Only circumstantial words follow: "said Monday", "said in an interview".
	circ := true
	for k := j; k < e; k++ {
		f := c.fold(k)
		if c.toks[k].Kind == text.Quote || f == "that" || f == ":" {
			circ = false
			break
		}
		if !(isTimeWord(f) || isLeading(f) || c.toks[k].Kind == text.Number || f == ",") {
			circ = false
			break
		}
	}
	if circ {
		return span.Span{}
	}
	// "said, however, that C": a parenthetical adverb.
	if c.is(j, ",") && j+2 < e && c.is(j+2, ",") && c.toks[j+1].Kind == text.Word && !c.capitalized(j+1) && !isClauseWord(c.fold(j+1)) {
		j += 3
	}
	if j >= e || c.is(j, ",") {
		return span.Span{}
	}
	// A quotation that runs on over sentences ends at its close.
	if c.isDouble(j) {
		if r := c.region(j); r != nil && r.open == j && r.close >= e {
			c.cover(r.close)
			return c.sp(j, r.close+1)
		}
	}
	return c.sp(j, e)
}

// before returns the content before separator token sep of the sentence
// starting at a: a quotation ending at sep (with its start in an earlier
// sentence when it runs on) or the text from a up to sep.
func (c *ctx) before(a, sep int) span.Span {
	end := sep
	if c.isDouble(sep) && !c.opens(sep) {
		end = sep + 1
		if r := c.region(sep); r != nil && r.close == sep {
			c.cover(r.close)
			return c.sp(r.open, end)
		}
	} else if !c.is(sep, ",") && !c.is(sep, "—") {
		return span.Span{}
	}
	if end > a && c.isDouble(end-1) && !c.opens(end-1) {
		if r := c.region(end - 1); r != nil && r.close == end-1 && r.open >= a {
			return c.sp(r.open, end)
		}
	}
	// Skip leading punctuation, found once per sentence.
	if c.leadA != a {
		c.leadA, c.leadAt = a, a
		for c.leadAt < len(c.toks) && c.toks[c.leadAt].Kind == text.Punct {
			c.leadAt++
		}
	}
	return c.sp(min(c.leadAt, end), end)
}

// subject returns the first token of the source phrase that ends before
// token vs (the verb group), or -1; via is the index of an "as reported
// by Y" frame found in a parenthetical, or -1.
func (c *ctx) subject(a, vs int) (start, via int) {
	via = -1
	i := vs - 1
	if i < a {
		return -1, via
	}
	f := c.fold(i)
	if f == "who" || f == "which" || f == "that" && i > a && c.is(i-1, ",") || f == "quien" || f == "que" {
		return i, via
	}
	if c.is(i, ",") || isDash(c.fold(i)) && c.toks[i].Kind == text.Punct {
		// "X, appositive, said" or "X, as reported by Y, said" or "X
		// — appositive — said".
		sep := c.fold(i)
		j := i - 1
		for j > a && !c.is(j, sep) && i-j < 40 {
			j--
		}
		if j <= a || !c.is(j, sep) {
			return -1, via
		}
		s := c.np(a, j)
		if s < 0 {
			return -1, via
		}
		if n, e, ok := c.lex.m.Longest(c.toks, j+1); ok && c.lex.info[e].cat == cuePrep {
			if j+1 < c.skipTo {
				return -1, via // the frame of the preposition took Y
			}
			// as reported by Y: Y is the outer source.
			in := c.lex.info[e]
			ys, ye := j+1+n, i
			if ye > ys {
				ysp := c.sp(ys, ye)
				cl := c.classify(ysp.Text(c.text))
				via = c.add(Frame{Rule: "as reported by X", Source: ysp, SourcePhrase: ysp,
					Kind: cl.Kind, Anonymity: cl.Anonymity, Affiliation: cl.Affiliation, AffiliationSpan: within(ysp, cl), AffiliationKind: cl.AffiliationKind,
					Cue: c.sp(j+1, j+1+n), Lemma: in.lemma, Stance: in.stance, Form: Indirect})
			}
			c.viaEnd = j
			return s, via
		}
		g := c.fold(j + 1)
		if c.capitalized(s) && (s == a || !c.capitalized(j+1)) || isDet(g) || g == "who" || g == "which" || g == "whose" || c.capitalized(j+1) || c.toks[j+1].Kind == text.Number || g == "in" {
			return s, via // the parenthetical belongs to the source
		}
		return -1, via
	}
	s := c.np(a, vs)
	return s, via
}

// np returns the start of the noun phrase that ends before token end, or
// -1: a run of words back to a clause boundary, without a leading
// adverbial ("On Monday").
func (c *ctx) np(a, end int) int {
	i := end - 1
	for i >= a && end-i <= 12 {
		t := c.toks[i]
		if t.Kind == text.Punct {
			if t.Fold == "-" || t.Fold == "&" || t.Fold == ")" || t.Fold == "(" || t.Fold == "." || t.Fold == "/" || t.Fold == "%" {
				i--
				continue
			}
			break
		}
		if t.Kind == text.Quote {
			break
		}
		f := t.Fold
		if (f == "which" || f == "who" || f == "whom") && i < end-1 {
			break // "which the senator said": the relative is the object
		}
		if isClauseWord(f) {
			// "Clinton and Sanders", "reports and a recent article"
			if f == "and" && i > a && i+1 < end && (c.capitalized(i+1) || isDet(c.fold(i+1)) ||
				i+2 < end && isCoordModifier(c.fold(i-1))) && c.isWord(i-1) {
				i--
				continue
			}
			break
		}
		if i < end-1 && c.isLexCue(i) && !c.isStrictCue(i) {
			break
		}
		i--
	}
	s := i + 1
	if s >= end {
		return -1
	}
	// Leading adverbials: "On Monday, Trump", "Later Trump".
	for s < end-1 && !c.capitalizedName(s) && isLeading(c.fold(s)) && !c.spanishArticle(s) {
		s++
		for s < end-1 && (isTimeWord(c.fold(s)) || c.toks[s].Kind == text.Number) {
			s++
		}
	}
	for s < end-1 && isLeading(c.fold(s)) && !c.spanishArticle(s) {
		s++
	}
	if s >= end {
		return -1
	}
	// A subject pronoun right before the verb is the whole subject:
	// "which he said", "naturally he expected", "the only thing we remember".
	if end-1 > s && isSubjectPronoun(c.fold(end-1)) {
		return end - 1
	}
	// A relative pronoun before a subject is the object: "which Mr. Putin
	// opposed", "who many in the party had backed".
	for s < end-1 && (c.is(s, "which") || c.is(s, "who") || c.is(s, "whom") || isOpener(c.fold(s))) {
		s++
	}
	// A lowercase verb-like word inside means this is not a subject.
	for k := s; k < end; k++ {
		if c.toks[k].Kind == text.Word && !c.capitalized(k) {
			f := c.fold(k)
			if strings.HasSuffix(f, "ed") && k > s && !isDet(c.fold(k-1)) && k == end-1 {
				return -1
			}
		}
	}
	return s
}

func (c *ctx) capitalizedName(i int) bool {
	return c.capitalized(i) && !isLeading(c.fold(i))
}

// inverted returns the end of the source phrase that follows a verb at
// token j: "said Mr. Smith, a spokesman for the campaign".
func (c *ctx) inverted(j, e int) int {
	if j >= e || !c.isWord(j) {
		return j
	}
	f := c.fold(j)
	if !(c.capitalized(j) || isDet(f) || isPronoun(f) || c.titled(j, e)) || f == "that" {
		return j
	}
	if isPronoun(f) && !isDet(f) {
		// "said he." but not "says he made a decision".
		if j+1 >= e || c.is(j+1, ",") || c.isDouble(j+1) || c.is(j+1, ";") {
			return j + 1
		}
		return j
	}
	k := j
	for k < e && k-j < 80 {
		if c.isDouble(k) {
			break
		}
		if c.is(k, ",") && k+1 < e && (c.isDouble(k+1) || strings.HasSuffix(c.fold(k+1), "ing") || c.is(k+1, "and")) {
			break
		}
		if c.is(k, ";") || c.is(k, ":") {
			break
		}
		k++
	}
	for k > j && c.is(k-1, ",") {
		k--
	}
	return k
}

// titleCase reports whether the sentence [a, e) is a headline in title
// case, where a capitalized verb is still a verb: "Trump Says He Will Win".
func (c *ctx) titleCase(a, e int) bool {
	if e-a > 40 {
		return false // a headline is short
	}
	words, caps := 0, 0
	for k := a; k < e; k++ {
		if c.toks[k].Kind != text.Word {
			continue
		}
		words++
		if c.capitalized(k) {
			caps++
		}
	}
	return words >= 3 && 4*caps >= 3*words
}

// titled reports whether the words from token j lead to a name within
// three words: "former South Carolina Gov. Jim Hodges".
func (c *ctx) titled(j, e int) bool {
	for k := j; k < e && k < j+3 && c.toks[k].Kind == text.Word && !c.capitalized(k); k++ {
		if isClauseWord(c.fold(k)) || isLeading(c.fold(k)) || c.isLexCue(k) {
			return false
		}
		if k+1 < e && c.capitalized(k+1) {
			return true
		}
	}
	return false
}

// prep handles "according to X, C", "C, according to X" and "citing X".
func (c *ctx) prep(a, e, cs, ce int, in cueInfo) {
	if in.lemma == "per" && (cs > a && c.toks[cs-1].Kind == text.Number || ce < e && !c.capitalized(ce) && !isDet(c.fold(ce))) {
		return // "$5 per hour"
	}
	// The source: up to a comma, a quote or the end; a title in quotes
	// within it ("according to her "clawback" plan") is the source's.
	k := ce
	for k < e && !c.is(k, ",") && !c.is(k, ";") && !c.is(k, ")") && k-ce < 25 {
		if c.isDouble(k) {
			r := c.region(k)
			if r == nil || !r.closed || r.open != k || r.close+1 >= e || r.close-k > 20 {
				break
			}
			k = r.close
		}
		k++
	}
	if k == ce {
		return
	}
	// "Since May, according to Y, C": an adverbial opener, not a source,
	// stands before the cue; it is a fragment of the content.
	opener := k < e && c.is(k, ",") && cs > a+1 && c.is(cs-1, ",") && c.adverbialOpener(a, cs-1)
	// "X, as reported by Y, said": the verb frame makes this one.
	if !opener && k < e && c.is(k, ",") && cs > a && c.is(cs-1, ",") {
		v := k + 1
		for v < e && (isAux(c.fold(v)) || c.isLyAdverb(v)) {
			v++
		}
		if n, en, ok := c.lex.m.Longest(c.toks, v); ok && n > 0 && c.lex.info[en].cat == cueVerb {
			return
		}
	}
	fr := Frame{Rule: "according to X", Cue: c.sp(cs, ce), Lemma: in.lemma, Stance: in.stance}
	src := c.sp(ce, k)
	if k2 := c.appositive(k, e); k2 > k {
		// "According to X, a friend of Y, C": the appositive is the source's.
		src = c.sp(ce, k2)
		k = k2
	}
	c.skipTo = k
	lead := cs == a || cs > a && cs-a <= 2 && (isLeading(c.fold(a)) || c.toks[a].Kind == text.Punct)
	switch {
	case opener && k+1 < e:
		fr.Content = append(fr.Content, c.sp(a, cs-1), c.sp(k+1, e))
		fr.Rule = "according to X, C"
	case lead && k < e && c.is(k, ","):
		fr.Content = append(fr.Content, c.sp(k+1, e))
		fr.Rule = "according to X, C"
	case cs > a && (c.is(cs-1, ",") || c.is(cs-1, "—") || c.is(cs-1, "(")):
		cont := c.before(a, cs-1)
		if cont.IsEmpty() {
			return
		}
		fr.Content = append(fr.Content, cont)
		fr.Rule = "C, according to X"
	case cs > a:
		fr.Content = append(fr.Content, c.sp(a, cs))
		fr.Rule = "C according to X"
	default:
		return
	}
	c.emit(fr, src, -1)
}

// noun handles a noun that carries content: "fears that C", "his claim
// that C".
func (c *ctx) noun(a, e, cs, ce int, in cueInfo, next int) {
	end := e
	e = min(e, next)
	if ce+1 >= e {
		return
	}
	fr := Frame{Rule: "noun that C", Cue: c.sp(cs, ce), Lemma: in.lemma, Stance: in.stance}
	if !c.is(ce, "that") {
		// "his criticism of C", "support for C": the noun and its
		// preposition are the cue, the object up to a comma the
		// content; a candidate for the learned filter.
		if !isTopicPrep(c.fold(ce)) {
			return
		}
		k := min(c.nextStop(ce+1, end), e)
		if k == ce+1 {
			return
		}
		fr.Rule = "noun of C"
		fr.Cue = c.sp(cs, ce+1)
		ce++
		e = k
	}
	var src span.Span
	switch {
	case cs > a && isPossessive(c.fold(cs-1)):
		src = c.sp(cs-1, cs)
	case cs > a && c.is(cs-1, "'s"):
		if s := c.np(a, cs-1); s >= 0 {
			src = c.sp(s, cs-1)
		}
	}
	fr.Content = append(fr.Content, c.sp(ce, e))
	c.emit(fr, src, -1)
}

// passive handles "it is believed (that) C" and "X is said to C".
func (c *ctx) passive(a, e, cs, ce int, in cueInfo) {
	// The verb group: "is believed", "could be expected", "has been said".
	be := cs - 1
	for be > a && (isAux(c.fold(be-1)) || c.isLyAdverb(be-1)) && !c.is(be-1, "'s") {
		be--
	}
	fr := Frame{Lemma: in.lemma, Stance: in.stance}
	switch {
	case be > a && c.is(be-1, "it") && ce < e:
		fr.Rule = "it is believed"
		fr.Cue = c.sp(be, ce)
		fr.Content = append(fr.Content, c.sp(ce, e))
	case c.is(ce, "to") && ce+1 < e:
		s := c.np(a, be)
		if s < 0 {
			return
		}
		fr.Rule = "X is said to"
		fr.Cue = c.sp(be, ce)
		fr.Content = append(fr.Content, c.sp(s, be), c.sp(ce, e))
	case c.opensContent(ce, e):
		// "Sanders was asked whether C", "he was told that C".
		fr.Rule = "X was asked C"
		fr.Cue = c.sp(be, ce)
		k := ce
		if c.is(k, ",") {
			k++
		}
		fr.Content = append(fr.Content, c.sp(k, e))
	default:
		return
	}
	c.emit(fr, span.Span{}, -1)
}

// emit classifies the source, splits a coordinated one, sets the form and
// adds the frame (one per conjunct).
func (c *ctx) emit(fr Frame, src span.Span, via int) {
	fr.Form = c.form(fr.Content)
	fr.SourcePhrase = src
	if src.IsEmpty() {
		fr.Anonymity = entity.NoSource
		i := c.add(fr)
		c.frames[i].ViaIndex = via
		return
	}
	// Coordinated sources: split at a top-level "and".
	start := 0
	parts := 0
	phrase := src.Text(c.text)
	for {
		k := strings.Index(phrase[start:], " and ")
		if k < 0 || strings.ContainsRune(phrase, ',') {
			break
		}
		// "(several) current and former officials" is one source; "the
		// Department of State and local officials" two.
		left := phrase[start : start+k]
		if w := left[strings.LastIndexByte(left, ' ')+1:]; isCoordModifier(w) {
			break
		}
		c.emitOne(fr, span.New(src.Start+start, src.Start+start+k), via)
		start += k + len(" and ")
		parts++
	}
	if parts == 0 {
		c.emitOne(fr, src, via)
		return
	}
	c.emitOne(fr, span.New(src.Start+start, src.End), via)
}

func (c *ctx) emitOne(fr Frame, src span.Span, via int) {
	fr.Source = src
	cl := c.classify(src.Text(c.text))
	fr.setClass(cl, src)
	if cl.Pronoun {
		if ant, ok := c.antecedent(src, cl.Kind); ok {
			fr.Antecedent = ant
			cl = c.classify(ant.Text(c.text))
			fr.setClass(cl, ant)
		}
	}
	i := c.add(fr)
	c.frames[i].ViaIndex = via
	c.pronoun[i] = cl.Pronoun && fr.Antecedent.IsEmpty()
}

// setClass sets the classification of f's source from cl, the
// classification of the phrase at p.
func (f *Frame) setClass(cl entity.Classification, p span.Span) {
	f.Kind, f.Anonymity = cl.Kind, cl.Anonymity
	f.Affiliation, f.AffiliationSpan, f.AffiliationKind = cl.Affiliation, within(p, cl), cl.AffiliationKind
}

// within returns the affiliation span of cl, a classification of the
// phrase at p, as a span of the text.
func within(p span.Span, cl entity.Classification) span.Span {
	if cl.Affiliation == "" {
		return span.Span{}
	}
	return span.New(p.Start+cl.AffiliationSpan.Start, p.Start+cl.AffiliationSpan.End)
}

// classify is [entity.Classifier.Classify] of the extractor's language,
// with a per-call cache: news repeats its sources ("he", "the official",
// a name) many times.
func (c *ctx) classify(phrase string) entity.Classification {
	if cl, ok := c.sc.classes[phrase]; ok {
		return cl
	}
	var sources *entity.Classifier // nil: English
	if c.x != nil {
		sources = c.x.sources
	}
	cl := sources.Classify(phrase)
	if c.sc.classes == nil {
		c.sc.classes = map[string]entity.Classification{}
	}
	if len(c.sc.classes) >= 4096 {
		// A long text: its sources repeat nearby, so start afresh.
		clear(c.sc.classes)
	}
	c.sc.classes[phrase] = cl
	return cl
}

// antecedent finds the nearest source before a pronoun that agrees with
// it: a person for "he"/"she", anything else for "they".
func (c *ctx) antecedent(p span.Span, k entity.Kind) (span.Span, bool) {
	fs, fok := c.frameAntecedent(p, k)
	ns, nok := c.nameAntecedent(p, k)
	switch {
	case fok && nok:
		if ns.Start > fs.Start {
			return ns, true
		}
		return fs, true
	case fok:
		return fs, true
	}
	return ns, nok
}

func (c *ctx) frameAntecedent(p span.Span, k entity.Kind) (span.Span, bool) {
	for i := len(c.frames) - 1; i >= 0 && len(c.frames)-i <= 20; i-- {
		f := c.frames[i]
		src := f.Source
		if !f.Antecedent.IsEmpty() {
			src = f.Antecedent
		}
		if src.IsEmpty() || src.Start >= p.Start || c.pronoun[i] {
			continue
		}
		// f.Kind classifies the source, or its antecedent.
		if k == entity.Person && f.Kind == entity.Person || k != entity.Person && f.Kind != entity.Person {
			return src, true
		}
	}
	return span.Span{}, false
}

func (c *ctx) nameAntecedent(p span.Span, k entity.Kind) (span.Span, bool) {
	if k != entity.Person {
		return span.Span{}, false
	}
	// A capitalized name not at a sentence start, in the last 200 tokens.
	i := c.tokenAt(p.Start)
	for j := i - 1; j >= 0 && i-j < 200; j-- {
		if c.capitalized(j) && !isLeading(c.fold(j)) && !isDet(c.fold(j)) && !isPronoun(c.fold(j)) && !isClauseWord(c.fold(j)) && !c.isLexCue(j) {
			s := j
			for s > 0 && c.capitalized(s-1) && c.isWord(s-1) {
				s--
			}
			cl := c.classify(c.sp(s, j+1).Text(c.text))
			if cl.Kind == entity.Person && cl.Anonymity == entity.Named {
				return c.sp(s, j+1), true
			}
			j = s
		}
	}
	return span.Span{}, false
}

// form tells direct, mixed or indirect from the quotation marks in the
// content.
func (c *ctx) form(content []span.Span) Form {
	isQ := func(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '«' || r == '»' }
	direct, quote := len(content) > 0, false
	for _, s := range content {
		r0, _ := utf8.DecodeRuneInString(c.text[s.Start:])
		r1, _ := utf8.DecodeLastRuneInString(c.text[:s.End])
		if !(isQ(r0) && isQ(r1)) || s.Len() < 2 {
			direct = false
		}
		i := c.tokenAt(s.Start)
		j := c.tokenAt(s.End)
		if c.sc.qprefix[j]-c.sc.qprefix[i] > 0 {
			quote = true
		}
	}
	switch {
	case direct:
		return Direct
	case quote:
		return Mixed
	}
	return Indirect
}

// tokenAt returns the index of the first token that starts at or after
// byte offset b.
func (c *ctx) tokenAt(b int) int {
	return sort.Search(len(c.toks), func(i int) bool { return c.toks[i].Span.Start >= b })
}

// continuation attaches a sentence that is only a quotation, and holds no
// attribution of its own, to the quote of the previous sentence's speaker,
// or keeps it for the speaker of the next sentence.
func (c *ctx) continuation(a, b, n int) {
	if len(c.frames) > n {
		// The sentence has its own attribution: a quote waiting for a
		// speaker goes to its first direct one.
		if len(c.pending) > 0 {
			for i := n; i < len(c.frames); i++ {
				if c.frames[i].Form == Direct {
					var pre []span.Span
					for _, p := range c.pending {
						if !slices.Contains(c.frames[i].Content, p) {
							pre = append(pre, p)
						}
					}
					if len(pre) == 0 {
						break
					}
					c.frames[i].Content = append(pre, c.frames[i].Content...)
					c.frames[i].Rule += "; quote before speaker"
					break
				}
			}
			c.pending = c.pending[:0]
		}
		return
	}
	if c.toks[a].Span.Start < c.covered || !c.isDouble(a) || !c.opens(a) {
		c.pending = c.pending[:0]
		return
	}
	r := c.region(a)
	if r == nil || r.open != a {
		return
	}
	q := c.sp(a, r.close+1)
	if k := r.close + 1; k+1 < len(c.toks) && c.toks[k].Kind == text.Punct && isDash(c.fold(k)) && c.capitalized(k+1) {
		return // signed after the quote: "C" — X
	}
	// The direct quote of the previous frame, if it ended close by.
	if i := len(c.frames) - 1; i >= 0 {
		f := &c.frames[i]
		if f.Form == Direct || f.Form == Mixed {
			last := f.Content[len(f.Content)-1]
			if last.End > q.Start {
				return // the quote is inside that content already: "X: C. "D." ..."
			}
			if q.Start-last.End <= 400 && strings.Count(c.text[last.End:q.Start], "\n") <= 2 {
				f.Content = append(f.Content, q)
				f.Rule += "; quote continued"
				c.cover(r.close)
				// a coordinated source shares the content
				for j := i - 1; j >= 0 && c.frames[j].Cue == f.Cue; j-- {
					c.frames[j].Content = append(c.frames[j].Content, q)
				}
				return
			}
		}
	}
	if r.close < b {
		c.pending = append(c.pending, q)
		c.cover(r.close)
	}
}

// finish sets Via for attributions inside another's content.
func (c *ctx) finish() {
	for i := range c.frames {
		f := &c.frames[i]
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

//go:generate go run ../cmd/internal/gen/weights

// cueWeights are the learned cue filter's weights by feature.
var cueWeights = cuefeat.NewTable(cueWeightTable)

func init() {
	cuefeat.Raw = func(txt string) []cuefeat.Cand {
		var x Extractor
		frames := x.extract(txt, nil)
		out := make([]cuefeat.Cand, 0, len(frames))
		for i := range frames {
			if frames[i].Rule == "as reported by X" {
				continue
			}
			out = append(out, candidate(frames, i))
		}
		return out
	}
}

// candidate returns what the learned cue filter knows of frames[i].
func candidate(frames []Frame, i int) cuefeat.Cand {
	f := &frames[i]
	c := cuefeat.Cand{Rule: f.Rule, Lemma: f.Lemma, Cue: f.Cue, Source: f.SourcePhrase, Content: f.Content}
	switch {
	case !f.Antecedent.IsEmpty():
		c.SourceKind = "pronoun"
	case !f.Source.IsEmpty():
		c.SourceKind = f.Kind.String()
	}
	if f.ViaIndex >= 0 && f.ViaIndex < len(frames) {
		c.Outer, c.OuterLemma = frames[f.ViaIndex].Rule, frames[f.ViaIndex].Lemma
	}
	return c
}

// cueMinContext and cueMaxContext bound what the features of the words
// around a cue add to its score: a frame whose other features score
// cueThreshold-cueMinContext or more is kept, one that scores less than
// cueThreshold-cueMaxContext dropped, without looking at its context.
var cueMinContext, cueMaxContext = cueWeights.ContextRange()

// frameKey is what the frame features of a candidate depend on.
type frameKey struct{ rule, lemma, src, outer, outerLemma string }

// judged reports whether the learned filter judges the frames of rule
// (without "; quote continued"):
// the rules it saw often enough in training, which have a weight of their
// own. Rarer rules ("in a poll, C") and "as reported by X", which only
// carries the via of the inner frame, are kept as the rules found them.
func judged(rule string) bool {
	return rule != "as reported by X" && cueWeights.Has(cuefeat.Key{Kind: cuefeat.Rule, A: rule})
}

// candidateOnly reports whether rule finds only candidates for the
// learned filter, which the rules alone do not keep: without the filter
// (Spanish, or no weights) its frames are dropped.
func candidateOnly(rule string) bool {
	switch rule {
	case "said C (no subject)", "X said C (strict verb)", "X said C (noun use)", "noun of C":
		return true
	}
	return false
}

// keepNestedBelief reports whether frames[i] is a belief ascribed, inside
// the content of another attribution, to a person the text names or
// describes ("officials claim the Venezuelan leader fears C"): the filter
// keeps it whatever its score, as the library models what the outer
// source says of a third party's state of mind (it is Via the outer
// frame), which PolNeAR, marking only outermost attributions, leaves
// unmarked.
func keepNestedBelief(frames []Frame, i int) bool {
	f := &frames[i]
	return f.ViaIndex >= 0 && f.Stance == Belief && f.Kind == entity.Person &&
		f.Antecedent.IsEmpty()
}

// filterCues drops the frames whose cue the learned filter scores below
// cueThreshold: the weights, learned on the PolNeAR train split, reject
// the candidates that annotators of news text mostly leave unmarked
// ("want", "think" nested in another attribution, ...).
func filterCues(txt string, frames []Frame, learned bool) []Frame {
	if len(frames) == 0 {
		return frames
	}
	learned = learned && cueWeights.Len() > 0
	var buf [32]cuefeat.Key
	keys := buf[:0]
	idx := make([]int, len(frames)) // new index of each frame, or -1
	// The frame features' score, by what they depend on: most frames of
	// a text share a few.
	frameScore := make(map[frameKey]float32, 16)
	drop := false
	for i := range frames {
		rule, _, _ := strings.Cut(frames[i].Rule, ";")
		ok := judged(rule)
		if candidateOnly(rule) && (!learned || !ok) {
			idx[i] = -1 // no filter to weigh it: the rules alone do not keep it
			drop = true
			continue
		}
		if !learned || !ok || keepNestedBelief(frames, i) {
			continue
		}
		c := candidate(frames, i)
		fk := frameKey{c.Rule, c.Lemma, c.SourceKind, c.Outer, c.OuterLemma}
		s, ok := frameScore[fk]
		if !ok {
			keys = cuefeat.AppendFrame(keys[:0], &c)
			s = cueWeights.Score(keys)
			frameScore[fk] = s
		}
		if s+cueMinContext >= cueThreshold {
			continue // kept whatever the words around the cue
		}
		if s+cueMaxContext >= cueThreshold {
			keys = cuefeat.AppendContext(keys[:0], txt, &c)
			s += cueWeights.Score(keys)
		}
		if s < cueThreshold {
			idx[i] = -1
			drop = true
		}
	}
	if !drop {
		return frames
	}
	n := 0
	for i := range frames {
		if idx[i] >= 0 {
			idx[i] = n
			n++
		}
	}
	// The outer frame of a dropped one is the next kept one out. Each
	// chain of dropped frames is walked once: up[v] remembers where the
	// walk from v ended (state 2), and a chain that comes back to a frame
	// being walked (state 1) is a loop with no kept frame.
	via := make([]int, len(frames))
	up := make([]int, len(frames))
	state := make([]uint8, len(frames))
	var path []int
	for i := range frames {
		res := -1
		path = path[:0]
		for v := frames[i].ViaIndex; v >= 0 && v < len(frames); v = frames[v].ViaIndex {
			if state[v] == 2 {
				res = up[v]
				break
			}
			if idx[v] >= 0 {
				res = idx[v]
				break
			}
			if state[v] == 1 {
				break
			}
			state[v] = 1
			path = append(path, v)
		}
		for _, v := range path {
			up[v], state[v] = res, 2
		}
		via[i] = res
	}
	out := frames[:0]
	for i := range frames {
		if idx[i] >= 0 {
			f := frames[i]
			f.ViaIndex = via[i]
			out = append(out, f)
		}
	}
	return out
}
