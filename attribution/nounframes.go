package attribution

// Noun and preposition frames: "according to X", "X's claim that C",
// passives, and polls.

import (
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

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

// prep handles "according to X, C", "C, according to X" and "citing X".
func (c *ctx) prep(a, e, cs, ce int, in cueInfo) {
	if c.citing(a, e, cs, ce, in) {
		return
	}
	if in.lemma == "per" && (cs > a && c.toks[cs-1].Kind == text.Number || ce < e && !c.capitalized(ce) && !c.det(ce)) {
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
	lead := cs == a || cs > a && cs-a <= 2 && (isLeading(c.fold(a)) || c.toks[a].Kind == text.Punct) ||
		cs > a+1 && c.is(cs-1, ",") && c.discourseAside(a-1, cs-1) // "Sin embargo, según X, C"

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
	// The verb group: "is believed", "could be expected", "has been said",
	// "are also said".
	be := c.passiveBe(a, cs)
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
