package attribution

// Verb frames: "X said C", "C, X said", "C, said X", "as X said", and the
// content before and after a verb cue.

import (
	"strings"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// verb handles a reporting verb at tokens [cs, ce) of the sentence
// [a, e) (e without the final period). next bounds the content: a later
// participle cue after a comma starts another attribution.
func (c *ctx) verb(a, e, cs, ce int, in cueInfo, next int) {
	if c.lex.info != nil && in.as && strings.HasSuffix(c.fold(cs), "ing") && in.lemma == "regard" {
		return // "regarding" is a preposition
	}
	if c.nounCue(a, e, cs, ce, in, next) {
		return
	}
	g, ok := c.verbGroup(a, e, cs, ce, in)
	if !ok {
		return
	}
	vs, ve, te, colon := g.vs, g.ve, g.te, g.colon
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
	j := c.addressee(&fr, e, vs, max(ve, te), in, &colon)
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
	cl := clause{a: a, e: e, cs: cs, ss: ss, vs: vs, ve: ve, j: j, next: next}
	if !colon && c.contentBefore(fr, cl, in, after, quoteFirst, srcSpan, viaFrame) {
		return
	}
	if after.IsEmpty() {
		return
	}
	if ss < 0 {
		var done bool
		if srcSpan, done = c.noSubject(&fr, cl, in, after, viaFrame); done {
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

// nounCue handles a cue used as a noun ("the claim", "his fears"),
// through the noun frames when a "that" or a topic preposition follows.
// It reports whether the cue was a noun, handled or not.
func (c *ctx) nounCue(a, e, cs, ce int, in cueInfo, next int) bool {
	// Noun use: "the claim", "his fears".
	// At the start of a sentence or after "in", only before a topic
	// preposition: "Support for C has grown", "a rise in support for C".
	topic := in.noun && ce < e && isTopicPrep(c.fold(ce)) && !c.is(ce, "to")
	// "Some said C", "Edwards and others said C": a quantifier stands for
	// the people, and the past-tense cue after it is their verb.
	quantified := cs > a && c.quantifierSubject(a, cs-1) && !strings.HasSuffix(c.fold(cs), "ing") &&
		(!c.baseForm(cs, in) || notNoun(in.lemma) || c.weaselSubject(a, cs, ce, e))
	if !quantified && (cs == a && topic || cs > a && c.is(cs-1, "in") && topic ||
		cs > a && (c.det(cs-1) && !isPronoun(c.fold(cs-1)) || c.is(cs-1, "'s") && !(cs-1 > a && isPronoun(c.fold(cs-2))) ||
			isNounPrep(c.fold(cs-1))) && !c.is(cs-1, "that")) {
		if c.is(ce, "that") || ce < e && isTopicPrep(c.fold(ce)) {
			c.noun(a, e, cs, ce, in, next)
		}
		return true
	}
	return false
}

// verbGroup is the verb group of a verb cue: its auxiliaries, negation
// and adverbs before (from vs) and after (to ve), a time after it (to
// te), and whether a colon ends it.
type verbGroup struct {
	vs, ve, te int
	colon      bool
}

// verbGroup finds the verb group of the verb cue at [cs, ce) in the
// sentence [a, e). It reports false when the cue is no verb here (part
// of a name, a participle, a passive the passive frame took).
func (c *ctx) verbGroup(a, e, cs, ce int, in cueInfo) (verbGroup, bool) {
	f := c.fold(cs)
	// A capitalized cue inside a sentence is part of a name: "United States".
	if cs > a && c.capitalized(cs) && !c.is(cs-1, ",") && c.toks[cs-1].Kind != text.Quote &&
		(in.noun || in.strict || !c.titleCase(a, e)) {
		return verbGroup{}, false
	}
	// Passive: "it is believed", "X is said to".
	if cs > a && c.passiveBe(a, cs) >= 0 && !strings.HasSuffix(f, "ing") && in.words == 1 {
		c.passive(a, e, cs, ce, in)
		return verbGroup{}, false
	}
	// The verb group: auxiliaries, negation and adverbs before and after.
	vs := cs
	for vs > a && (isAux(c.fold(vs-1)) || c.isLyAdverb(vs-1)) && (!c.is(vs-1, "'s") || vs-1 > a && isPronoun(c.fold(vs-2))) {
		vs--
	}
	if vs > a && c.is(vs-1, "having") {
		return verbGroup{}, false // "having ordered ...": a participle clause, an act
	}
	if vs == cs && isParticiple(f) {
		return verbGroup{}, false // "the contests known as", "the letter written by"
	}
	if vs == cs && vs > a && isNaming(f) && c.toks[vs-1].Kind == text.Word && !c.capitalized(vs-1) &&
		!isPronoun(c.fold(vs-1)) && ce < e && (c.capitalized(ce) || c.isDouble(ce)) {
		return verbGroup{}, false // "a program called Sandy Hook Promise"
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
	return verbGroup{vs: vs, ve: ve, te: te, colon: colon}, true
}

// addressee takes into fr the addressee after a verb of telling that
// ends at j ("told Axios", Spanish "dijo a la prensa"), and a colon after
// it; it returns where the content may start.
func (c *ctx) addressee(fr *Frame, e, vs, j int, in cueInfo, colon *bool) int {
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
			*colon = true
		}
	}
	return j
}

// clause holds the token positions of a verb frame within its
// sentence [a, e): the cue from cs, the source from ss (-1: none), the
// verb group [vs, ve), where the content may start (j), and the start of
// the next frame (next).
type clause struct {
	a, e, cs, ss, vs, ve, j, next int
}

// contentBefore makes the frames whose content comes before the source
// or the verb: "C, X said", "C." X said, "C, said X". It reports whether
// it made one, or dropped the cue.
func (c *ctx) contentBefore(fr Frame, cl clause, in cueInfo, after span.Span, quoteFirst bool, srcSpan span.Span, viaFrame int) bool {
	a, e, cs, ss, vs, ve, j, next := cl.a, cl.e, cl.cs, cl.ss, cl.vs, cl.ve, cl.j, cl.next
	f := c.fold(cs)
	switch {
	case ss > a && (after.IsEmpty() || c.quoteAfterComma(j, e) || quoteFirst && c.circumstance(j, e)):
		if in.noun && c.baseForm(cs, in) && !c.plainSubject(ss, vs) {
			return true // "... in 30 states."
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
			return true
		}
	case ss == a && after.IsEmpty() && a > 0 && c.isDouble(a-1) && !c.opens(a-1):
		// "C." X said: the quotation closed before the sentence.
		if r := c.region(a - 1); r != nil && r.close == a-1 && r.closed {
			c.cover(r.close)
			fr.Rule = "C. X said"
			fr.Content = append(fr.Content, c.sp(r.open, a))
			c.emit(fr, srcSpan, viaFrame)
			return true
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
		return true
	}

	return false
}

// noSubject finds the source of a verb cue with no subject before it:
// the subject of the clause ("X said C, adding D", "X ... and said C"),
// none ("Asked whether C, X said D"), or none and a candidate for the
// learned filter alone ("to support C"). It returns the source, or
// reports true when it emitted the frame itself or dropped it.
func (c *ctx) noSubject(fr *Frame, cl clause, in cueInfo, after span.Span, viaFrame int) (srcSpan span.Span, done bool) {
	a, e, vs, ve, j := cl.a, cl.e, cl.vs, cl.ve, cl.j
	f := c.fold(cl.cs)
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
			return span.Span{}, true
		}
		fr.Rule = "asked whether C"
		fr.Content = append(fr.Content, c.sp(j, k))
		c.emit(*fr, span.Span{}, viaFrame)
		return span.Span{}, true
	} else {
		// No subject the rules can find: a candidate for the
		// learned filter only ("to support C", "will seek C").
		fr.Rule = "said C (no subject)"
		if vs > a && c.is(vs-1, "to") {
			fr.Cue = c.sp(vs-1, ve) // "to support C"
		}
		fr.Content = append(fr.Content, after)
		c.emit(*fr, span.Span{}, viaFrame)
		return span.Span{}, true
	}

	return srcSpan, false
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
	if ss >= 0 && (ss == c.firstWord(a) || ss > a && (c.is(ss-1, "that") || c.isLexCue(ss-1))) && c.det(ss) && c.plainSubject(ss, vs) && j < e &&
		!strings.HasSuffix(c.fold(j), "ed") && !isNounPrep(c.fold(j)) && !isLeading(c.fold(j)) {
		return false
	}
	return !c.opensContent(j, e)
}

// isStrictCue reports whether the cue at token i is a strict verb ("state",
// "question"), which is a noun more often than not.
func (c *ctx) isStrictCue(i int) bool {
	_, e, ok := c.lex.m.Longest(c.toks, i)
	return ok && c.lex.info[e].strict
}

// isLexCue reports whether a cue phrase starts at token i.
func (c *ctx) isLexCue(i int) bool {
	_, e, ok := c.lex.m.Longest(c.toks, i)
	return ok && c.lex.info[e].cat != cueNone
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
