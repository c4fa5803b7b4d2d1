// Package cuefeat holds the features of a candidate attribution that the
// extractor's learned cue filter scores, shared by the extractor and by
// the generator that learns the weights (cmd/internal/gen/weights),
// so that both compute them the same way.
//
// Every feature is a kind and one or two values drawn from the rules' own
// output (the frame rule, the cue lemma, the source's kind) or from the
// closed classes of the words around the cue; no feature holds more than
// a general English word.
package cuefeat

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/span"
)

// Kind is the kind of a feature.
type Kind uint8

// The feature kinds. Their order is part of the generated weight table:
// append new kinds at the end.
const (
	Bias        Kind = iota // always present
	Rule                    // the frame rule, without "; quote continued"
	Lemma                   // the cue lemma
	RuleLemma               // rule and lemma
	CueWords                // the number of words of the cue
	SourceKind              // the source's entity kind, "none" or "pronoun"
	LemmaSrc                // lemma and source kind
	Nested                  // the rule of the outer frame, or "no"
	LemmaNest               // lemma and nested or not
	Prev                    // the word class before the cue
	Next                    // the word class after the cue
	LemmaNext               // lemma and the word class after the cue
	LemmaPrev               // lemma and the word class before the cue
	ContentOpen             // how the content opens: that, quote, word
	CueFirst                // the first word of a multi-word cue
	OuterLemma              // the lemma of the outer frame, or ""
	CueText                 // the cue's words, lower-cased, when at most two
	SourceLen               // a bucket of the source's length in words
	Gap                     // words between the source and the cue
	RuleNest                // rule and nested or not
	NumKinds
)

// kindNames are the names of the kinds in the generated weight table.
var kindNames = [NumKinds]string{
	Bias: "Bias", Rule: "Rule", Lemma: "Lemma", RuleLemma: "RuleLemma",
	CueWords: "CueWords", SourceKind: "SourceKind", LemmaSrc: "LemmaSrc",
	Nested: "Nested", LemmaNest: "LemmaNest", Prev: "Prev", Next: "Next",
	LemmaNext: "LemmaNext", LemmaPrev: "LemmaPrev", ContentOpen: "ContentOpen",
	CueFirst: "CueFirst", OuterLemma: "OuterLemma", CueText: "CueText",
	SourceLen: "SourceLen", Gap: "Gap", RuleNest: "RuleNest",
}

// String returns the name of the kind.
func (k Kind) String() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Weight is one row of a generated weight table: a feature, its kind
// by name, and its weight.
type Weight struct {
	Kind string
	A, B string
	W    float32
}

// Table holds the weights of a generated table by feature, a map per
// kind. It is immutable and safe for concurrent use.
type Table struct {
	m   [NumKinds]map[string]float32
	len int
	ctx contextWeights // the context weights by index, for ContextScore
}

// NewTable returns the weights of rows by feature. A row whose kind is
// unknown (a table older than this package) is left out, so that a stale
// table never keeps the generator from building.
func NewTable(rows []Weight) *Table {
	t := new(Table)
	for _, w := range rows {
		for k := Kind(0); k < NumKinds; k++ {
			if kindNames[k] == w.Kind {
				if t.m[k] == nil {
					t.m[k] = make(map[string]float32)
				}
				key := w.A
				if w.B != "" {
					key += "\x00" + w.B
				}
				if _, dup := t.m[k][key]; !dup {
					t.len++
				}
				t.m[k][key] = w.W
				break
			}
		}
	}
	t.ctx = newContextWeights(t)
	return t
}

// ContextRange returns the least and the greatest sum the features of
// AppendContext can add: the sums over their kinds of each kind's least
// and greatest weight (or 0, for a feature without a weight).
func (t *Table) ContextRange() (lo, hi float32) {
	for _, k := range [...]Kind{CueWords, Prev, Next, LemmaNext, LemmaPrev, ContentOpen, SourceLen, Gap, CueText, CueFirst} {
		var least, most float32
		for _, w := range t.m[k] {
			least, most = min(least, w), max(most, w)
		}
		lo += least
		hi += most
	}
	return lo, hi
}

// Len returns the number of weights in t.
func (t *Table) Len() int { return t.len }

// Weight returns the weight of the feature k, 0 for an unknown one.
func (t *Table) Weight(k Key) float32 {
	if k.Kind >= NumKinds {
		return 0
	}
	m := t.m[k.Kind]
	if m == nil {
		return 0
	}
	if k.B == "" {
		return m[k.A]
	}
	var buf [64]byte
	if len(k.A)+1+len(k.B) > len(buf) {
		return m[k.A+"\x00"+k.B]
	}
	n := copy(buf[:], k.A)
	buf[n] = 0
	n++
	n += copy(buf[n:], k.B)
	return m[string(buf[:n])]
}

// Has reports whether t holds a weight for k.
func (t *Table) Has(k Key) bool {
	if k.Kind >= NumKinds || t.m[k.Kind] == nil || k.B != "" {
		return false
	}
	_, ok := t.m[k.Kind][k.A]
	return ok
}

// Score returns the sum of the weights of keys.
func (t *Table) Score(keys []Key) float32 {
	var s float32
	for _, k := range keys {
		s += t.Weight(k)
	}
	return s
}

// Key is one feature.
type Key struct {
	Kind Kind
	A, B string
}

// Cand is what the features are computed from: one candidate attribution
// as the rules found it.
type Cand struct {
	Rule, Lemma string
	Cue, Source span.Span
	Content     []span.Span
	SourceKind  string // entity kind, "pronoun", or "" for none
	Outer       string // the rule of the frame it is nested in, or ""
	OuterLemma  string // the lemma of that frame
}

// Raw is set by package attribution: it returns the candidates the rules
// find in txt before the learned filter, with the byte span of each cue.
// The weight generator calls it.
var Raw func(txt string) []Cand

// Append appends the features of c, a candidate in txt, to dst.
func Append(dst []Key, txt string, c *Cand) []Key {
	return AppendContext(AppendFrame(dst, c), txt, c)
}

// AppendFrame appends the features of c that depend only on its rule,
// lemma, source kind and outer frame, not on the words around the cue.
func AppendFrame(dst []Key, c *Cand) []Key {
	rule, _, _ := strings.Cut(c.Rule, ";")
	src := c.SourceKind
	if src == "" {
		src = "none"
	}
	nest, nested := "no", "no"
	if c.Outer != "" {
		nest, _, _ = strings.Cut(c.Outer, ";")
		nested = "yes"
	}
	dst = append(dst,
		Key{Kind: Bias},
		Key{Kind: Rule, A: rule},
		Key{Kind: Lemma, A: c.Lemma},
		Key{Kind: RuleLemma, A: rule, B: c.Lemma},
		Key{Kind: SourceKind, A: src},
		Key{Kind: LemmaSrc, A: c.Lemma, B: src},
		Key{Kind: Nested, A: nest},
		Key{Kind: LemmaNest, A: c.Lemma, B: nested},
		Key{Kind: RuleNest, A: rule, B: nested},
	)
	if c.Outer != "" {
		dst = append(dst, Key{Kind: OuterLemma, A: c.OuterLemma})
	}
	return dst
}

// AppendContext appends the features of c that depend on the text
// around the cue: the word classes before and after it, its words, the
// opening of the content, the source's length and distance.
// [Table.ContextScore] sums their weights without building them.
func AppendContext(dst []Key, txt string, c *Cand) []Key {
	x := contextOf(txt, c)
	dst = append(dst,
		Key{Kind: CueWords, A: cueWordNames[x.cueWords()]},
		Key{Kind: Prev, A: classNames[x.prev]},
		Key{Kind: Next, A: classNames[x.next]},
		Key{Kind: LemmaNext, A: c.Lemma, B: classNames[x.next]},
		Key{Kind: LemmaPrev, A: c.Lemma, B: classNames[x.prev]},
		Key{Kind: ContentOpen, A: classNames[x.open]},
		Key{Kind: SourceLen, A: bucketNames[x.srcLen]},
		Key{Kind: Gap, A: gapNames[x.gap]},
	)
	if x.words <= 2 {
		dst = append(dst, Key{Kind: CueText, A: strings.ToLower(x.cue)})
	}
	if x.words > 1 {
		dst = append(dst, Key{Kind: CueFirst, A: classNames[x.first]})
	}
	return dst
}

// countWords returns the number of words of s, counted up to limit, and
// the first of them; words are separated by ASCII white space.
func countWords(s string, limit int) (n int, first string) {
	in := false
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r':
			if in && n == 1 {
				first = s[start:i]
			}
			in = false
			continue
		}
		if !in {
			if n == limit {
				return n, first
			}
			n++
			in = true
			start = i
		}
	}
	if in && n == 1 {
		first = s[start:]
	}
	return n, first
}

// bucket buckets a number of words: an index into bucketNames.
func bucket(n int) uint8 {
	switch {
	case n <= 1:
		return uint8(max(n, 0))
	case n <= 3:
		return 2
	case n <= 8:
		return 3
	}
	return 4
}

// bucketNames are the names of the buckets of bucket, and gapNames those
// of the Gap feature: "none" without a source, else a bucket.
var (
	bucketNames = [...]string{"0", "1", "2-3", "4-8", "9+"}
	gapNames    = [...]string{"none", "0", "1", "2-3", "4-8", "9+"}
)

// contentOpen classes the first word of the content.
// contentOpenAfter is contentOpen for the candidate c, given next, the
// class of the token after its cue: when only white space lies between
// the cue and the content, as it mostly does, the content opens with
// that same token.
func contentOpenAfter(txt string, c *Cand, next class) class {
	if len(c.Content) > 0 {
		if s := c.Content[0]; c.Cue.End <= s.Start && s.Start < len(txt) && c.Cue.End >= 0 && allSpace(txt[c.Cue.End:s.Start]) {
			return next
		}
	}
	return contentOpen(txt, c.Content)
}

// allSpace reports whether s is only white space.
func allSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func contentOpen(txt string, content []span.Span) class {
	if len(content) == 0 {
		return clNone
	}
	s := content[0]
	if s.Start < 0 || s.Start >= len(txt) {
		return clNone
	}
	return classID(tokenAfter(txt, s.Start))
}

// closed holds the function words that are their own class.
var closed = map[string]bool{
	"that": true, "to": true, "the": true, "a": true, "an": true, "he": true, "she": true,
	"they": true, "it": true, "i": true, "we": true, "you": true, "his": true, "her": true,
	"their": true, "its": true, "this": true, "of": true, "for": true, "on": true,
	"about": true, "in": true, "with": true, "by": true, "as": true, "and": true, "but": true,
	"or": true, "not": true, "no": true, "is": true, "was": true, "are": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "could": true, "can": true, "should": true, "may": true, "might": true,
	"did": true, "does": true, "do": true, "what": true, "who": true, "how": true,
	"why": true, "whether": true, "if": true, "when": true, "which": true, "there": true,
	"also": true, "him": true, "them": true, "me": true, "us": true, "so": true,
	"at": true, "from": true, "after": true, "before": true, "during": true, "than": true,
	"said": true, "says": true, "say": true, "told": true, "later": true, "then": true,
	"still": true, "even": true, "only": true, "just": true, "all": true, "more": true,
}

// closedClass returns the class of tok lower-cased when it is one of
// the closed words, without allocating.
func closedClass(tok string) (class, bool) {
	var buf [12]byte
	if len(tok) > len(buf) {
		return 0, false
	}
	for i := 0; i < len(tok); i++ {
		ch := tok[i]
		switch {
		case ch >= 'A' && ch <= 'Z':
			ch += 'a' - 'A'
		case ch >= 0x80:
			return 0, false
		}
		buf[i] = ch
	}
	id, ok := closedClasses[string(buf[:len(tok)])]
	return id, ok
}

// wordClass returns the class of a lower-case word.
func wordClass(w string) class {
	if c, ok := closedClass(w); ok {
		return c
	}
	if strings.HasSuffix(w, "ly") {
		return clLy
	}
	if strings.HasSuffix(w, "ing") {
		return clIng
	}
	if strings.HasSuffix(w, "ed") {
		return clEd
	}
	return clWord
}

// classID returns the class of the token tok: a closed function word,
// "Cap" for a capitalized word, "num", the punctuation itself for a
// quotation mark or one of .,:;()?!, "dash", "punct", or a word class
// (wordClass); classNames names it.
func classID(tok string) class {
	r, _ := utf8.DecodeRuneInString(tok)
	switch {
	case tok == "":
		return clEnd
	case unicode.IsDigit(r):
		return clNum
	case unicode.IsUpper(r):
		if c, ok := closedClass(tok); ok {
			return c
		}
		return clCap
	case unicode.IsLetter(r):
		return wordClass(tok)
	}
	switch r {
	case '"', '“', '”', '\'', '‘', '’':
		return clQuote
	case '.', ',', ':', ';', '(', ')', '?', '!':
		return clPunctMark + class(strings.IndexRune(punctMarks, r))
	case '—', '–', '-', '―':
		return clDash
	}
	return clPunct
}

// asciiWord tells the ASCII bytes for which isWordRune holds.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = isWordRune(rune(b))
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
}

// tokenAfter returns the token that starts at or after i: a word or one
// other character.
func tokenAfter(txt string, i int) string {
	for i < len(txt) && txt[i] == ' ' {
		i++ // the common case, without decoding
	}
	for i < len(txt) {
		r, n := utf8.DecodeRuneInString(txt[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= len(txt) {
		return ""
	}
	r, n := utf8.DecodeRuneInString(txt[i:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return txt[i : i+n]
	}
	j := i
	for j < len(txt) {
		if b := txt[j]; b < utf8.RuneSelf {
			if !asciiWord[b] {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(txt[j:])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	return txt[i:j]
}

// tokenBefore returns the token that ends at or before i.
func tokenBefore(txt string, i int) string {
	if i > len(txt) {
		i = len(txt)
	}
	for i > 0 && txt[i-1] == ' ' {
		i-- // the common case, without decoding
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(txt[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	if i <= 0 {
		return ""
	}
	r, n := utf8.DecodeLastRuneInString(txt[:i])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return txt[i-n : i]
	}
	j := i
	for j > 0 {
		if b := txt[j-1]; b < utf8.RuneSelf {
			if !asciiWord[b] {
				break
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(txt[:j])
		if !isWordRune(r) {
			break
		}
		j -= n
	}
	return txt[j:i]
}
