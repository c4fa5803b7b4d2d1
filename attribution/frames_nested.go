package attribution

import (
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// standsAsName reports whether the capitalized words of tokens [s, e)
// stand as a name a pronoun can refer to, rather than as a modifier of
// the noun after them ("Cuban" in "Cuban security"): two words or more
// ("Jo Park", "Mr Tovey"), or one word that a punctuation mark, a verb
// ending in -ed or -s, or the end of the text follows.
func (c *ctx) standsAsName(s, e int) bool {
	if e-s >= 2 || e >= len(c.toks) {
		return true
	}
	t := c.toks[e]
	if t.Kind != text.Word {
		return t.Kind == text.Punct || t.Kind == text.Quote
	}
	f := t.Fold
	return c.isLexCue(e) || isAux(f) || len(f) > 3 && (f[len(f)-2:] == "ed" || f[len(f)-1] == 's' && f[len(f)-2] != 's')
}

// citing handles a source phrase that cites another inside it: "a report
// by Reuters citing unnamed officials said C", "the paper, quoting a
// minister, says C" without its commas. X (before the cue) says C through
// its own verb, and Y (after it) gets its own attribution of the same
// content, Via X's. It reports whether it found the frames.
func (c *ctx) citing(a, e, cs, ce int, in cueInfo) bool {
	if in.lemma != "cite" && in.lemma != "quote" || cs <= a || c.is(cs-1, ",") {
		return false
	}
	// Y runs up to the verb of the sentence.
	v, n := -1, 0
	for k := ce + 1; k < e && k-ce <= 10; k++ {
		if c.toks[k].Kind != text.Word {
			break
		}
		if m, en, ok := c.lex.m.Longest(c.toks, k); ok && c.lex.info[en].cat == cueVerb {
			v, n = k, m
			break
		}
		if isClauseWord(c.fold(k)) {
			break
		}
	}
	if v < 0 {
		return false
	}
	vin := c.lex.info[c.entryAt(v)]
	vs := v
	for vs > ce+1 && (isAux(c.fold(vs-1)) || c.isLyAdverb(vs-1)) {
		vs--
	}
	ve := v + n
	// X: the words before the cue back to the sentence's start or a
	// clause boundary.
	xs := cs
	for xs > a && cs-xs < 12 {
		t := c.toks[xs-1]
		if t.Kind == text.Quote || t.Kind == text.Punct && t.Fold != "'s" && t.Fold != "-" && t.Fold != "." ||
			t.Kind == text.Word && isClauseWord(t.Fold) && t.Fold != "and" {
			break
		}
		xs--
	}
	for xs < cs && c.toks[xs].Kind == text.Word && isLeading(c.fold(xs)) && !c.capitalizedName(xs) {
		xs++
	}
	if xs >= cs || vs <= ce {
		return false
	}
	content := c.after(ve, e, e)
	if content.IsEmpty() {
		return false
	}
	outer := Frame{Rule: "X citing Y said C", Cue: c.sp(vs, ve), Lemma: vin.lemma, Stance: vin.stance}
	outer.Content = append(outer.Content, content)
	c.emit(outer, c.sp(xs, cs), -1)
	oi := len(c.frames) - 1
	inner := Frame{Rule: "citing Y (nested)", Cue: c.sp(cs, ce), Lemma: in.lemma, Stance: in.stance}
	inner.Content = append(inner.Content, content)
	c.emit(inner, c.sp(ce, vs), oi)
	c.skipTo = ve
	return true
}

// entryAt returns the lexicon entry of the longest cue phrase at token i.
func (c *ctx) entryAt(i int) int {
	_, e, _ := c.lex.m.Longest(c.toks, i)
	return e
}

// passiveBe returns the token of the "be" of an agentless passive whose
// participle is at token cs, with adverbs between them ("are also said
// to", "is widely believed"), or -1.
func (c *ctx) passiveBe(a, cs int) int {
	b := cs - 1
	for b > a && cs-b <= 3 && (c.isLyAdverb(b) || passiveAdverb(c.fold(b))) {
		b--
	}
	if b >= a && isBe(c.fold(b)) {
		return b
	}
	return -1
}

// passiveAdverb reports whether f may stand between "be" and the
// participle of a passive cue: "are also said", "is still thought".
func passiveAdverb(f string) bool {
	switch f {
	case "also", "still", "now", "often", "already", "even", "long", "not", "never", "further", "once", "too":
		return true
	}
	return false
}

// weaselSubject reports whether the cue at cs, in its base form, has a
// quantifier standing alone as its subject and a clause after it: "Others
// claim it will ...", "Some argue that ...", "Many fear the plan ...". The
// quantifier is then a vague source, not a determiner of a noun cue
// ("some claims were ...").
func (c *ctx) weaselSubject(a, cs, ce, e int) bool {
	if cs <= a || !c.quantifierSubject(a, cs-1) || ce >= e {
		return false
	}
	switch c.fold(cs - 1) {
	case "others", "some", "many", "most", "few", "several":
	default:
		return false
	}
	f := c.fold(ce)
	return c.opensContent(ce, e) || isSubjectPronoun(f) || f == "it" || f == "the" || f == "this" || f == "there" || c.capitalized(ce)
}

// discourseAside reports whether tokens (j, i) between two commas after
// a source are a discourse adverb, which belongs to neither the source nor
// the content: "Foster, however, said", "Ruiz, meanwhile, said", "Ana,
// sin embargo, dijo".
func (c *ctx) discourseAside(j, i int) bool {
	switch i - j - 1 {
	case 1:
		switch c.fold(j + 1) {
		case "however", "meanwhile", "though", "nevertheless", "nonetheless", "moreover", "furthermore",
			"instead", "too", "therefore", "thus", "indeed", "also", "likewise", "meantime", "however.",
			"además", "ademas", "asimismo", "entretanto", "mientras", "tampoco", "también", "tambien", "entonces", "pues":
			return true
		}
	case 2:
		p := c.fold(j+1) + " " + c.fold(j+2)
		switch p {
		case "in turn", "for instance", "for example", "by contrast", "in contrast", "of course", "in addition",
			"sin embargo", "no obstante", "por su", "por tanto", "por ejemplo", "en cambio", "mientras tanto", "por otra":
			return true
		}
	case 3:
		p := c.fold(j+1) + " " + c.fold(j+2) + " " + c.fold(j+3)
		switch p {
		case "for his part", "for her part", "for their part", "for its part", "for our part", "on the other", "por su parte", "por otra parte", "por otro lado":
			return true
		}
	}
	return false
}

// nextParagraphQuotes reports whether the paragraph after the token
// at i (the last of an unclosed quotation) opens with a quotation mark:
// the quotation runs on into it.
func (c *ctx) nextParagraphQuotes(i int) bool {
	k := i + 1
	if k >= len(c.toks) || !c.paragraphBreak(c.toks[i].Span.End, c.toks[k].Span.Start) {
		return false
	}
	return c.isDouble(k) && c.opens(k)
}

// openContinues reports whether the content span last ends a paragraph
// with its quotation left open and q, which opens the next paragraph,
// continues it, however long the quotation.
func (c *ctx) openContinues(last, q span.Span) bool {
	if last.End > q.Start || !c.paragraphBreak(last.End, q.Start) || strings.TrimSpace(c.text[last.End:q.Start]) != "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(c.text[:last.End])
	return r != '"' && r != '”' && r != '»' && r != '\''
}

// opensParagraph reports whether token i is the first of its paragraph.
func (c *ctx) opensParagraph(i int) bool {
	start := c.toks[i].Span.Start
	return start == 0 || i > 0 && c.paragraphBreak(c.toks[i-1].Span.End, start) ||
		i == 0 && strings.LastIndexByte(c.text[:start], '\n') >= 0 && strings.TrimSpace(c.text[strings.LastIndexByte(c.text[:start], '\n'):start]) == ""
}

// citedRule is the rule of the frame of Y in "X, citing Y, said C" and
// "X citing Y said C": Y's attribution of C, Via X's. PolNeAR marks
// only the outermost attribution, X's.
const citedRule = "citing Y (nested)"

// nestCited turns the via of frame i, made for the parenthetical "citing
// Y" of its source before frame i existed, inside out: Y's frame takes
// frame i's content and is Via frame i.
func (c *ctx) nestCited(i int) {
	f := &c.frames[i]
	y := &c.frames[f.ViaIndex]
	y.Content = append([]span.Span(nil), f.Content...)
	y.Form = f.Form
	y.ViaIndex = i
	f.ViaIndex = -1
}

// singleOpensDouble reports whether the single quotation mark at token i
// opens a quotation that a double mark closes, the only reading the text
// allows: "'We are not leaving," the striker said." It opens (a space or
// the line's start before it, a word after it), it stands outside any
// double quotation, and the next quotation mark of its paragraph is a
// closing double one.
func (c *ctx) singleOpensDouble(i int) bool {
	t := c.toks[i]
	if c.pairFirst(i) || c.pairSecond(i) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(c.text[t.Span.Start:]); r != '\'' && r != '‘' {
		return false // ’ is an apostrophe as often as not: "’cause"
	}
	if t.Span.Start > 0 {
		p, _ := utf8.DecodeLastRuneInString(c.text[:t.Span.Start])
		if !(p == ' ' || p == '\n' || p == '\t' || p == '(' || p == '—') {
			return false
		}
	}
	if i+1 >= len(c.toks) || c.toks[i+1].Span.Start != t.Span.End || c.toks[i+1].Kind != text.Word {
		return false
	}
	// Inside a double quotation, a single mark is a quote in the quote.
	doubles := 0
	for k := i - 1; k >= 0 && i-k < 200; k-- {
		if c.paragraphBreak(c.toks[k].Span.End, c.toks[k+1].Span.Start) {
			break
		}
		if u := c.toks[k]; u.Kind == text.Quote && u.Fold == `"` || u.Kind == text.Punct && (u.Fold == "«" || u.Fold == "»") {
			doubles++
		}
	}
	if doubles%2 == 1 {
		return false
	}
	for k := i + 1; k < len(c.toks) && k-i < 80; k++ {
		if c.paragraphBreak(c.toks[k-1].Span.End, c.toks[k].Span.Start) {
			return false
		}
		u := c.toks[k]
		if u.Kind != text.Quote && !(u.Kind == text.Punct && (u.Fold == "«" || u.Fold == "»")) {
			continue
		}
		if u.Fold != `"` {
			return false // a single mark closes it, or «»
		}
		r, _ := utf8.DecodeRuneInString(c.text[u.Span.Start:])
		return r == '”' || r == '"' && !c.opens(k)
	}
	return false
}
