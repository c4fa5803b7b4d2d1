package attribution

// Subjects: the source phrase before a cue, its noun phrase, appositives
// and titles, and the inverted subject after a cue.

import (
	"strings"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

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
				cl := c.classify(ysp)
				rule := "as reported by X"
				if in.lemma == "cite" || in.lemma == "quote" {
					rule = citedRule // "X, quoting Y, said": Y is the inner source
				}
				via = c.add(Frame{Rule: rule, Source: ysp, SourcePhrase: ysp,
					Kind: cl.Kind, Anonymity: cl.Anonymity, Affiliation: cl.Affiliation, AffiliationSpan: within(ysp, cl), AffiliationKind: cl.AffiliationKind,
					Cue: c.sp(j+1, j+1+n), Lemma: in.lemma, Stance: in.stance, Form: Indirect})
			}
			c.viaEnd = j
			return s, via
		}
		if c.discourseAside(j, i) {
			c.viaEnd = j // "Foster, however, said": the adverb is nobody's
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
			if f == "and" && i > a && i+1 < end && (c.capitalized(i+1) || c.det(i+1) ||
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
			if strings.HasSuffix(f, "ed") && k > s && !c.det(k-1) && k == end-1 {
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
