package entity

import (
	"strings"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// titledName classifies the core toks[:pre] of an English source phrase
// that ends in a name after a title, a role or an outlet word written in
// lowercase: "chief executive David Moorcroft" and "BBC director general
// Greg Dyke" are named persons, "Financial newspaper Nihon Keizai
// Shimbun" a named outlet, "German telecoms firm Deutsche Telekom" a
// named organization. The modifiers before the role give the
// affiliation ("BBC"). It reports false for a phrase of another shape.
func titledName(lex *sourceLexicon, phrase string, toks []text.Token, pre int) (Classification, bool) {
	r := pre
	for r > 0 && toks[r-1].Kind == text.Word && toks[r-1].Fold != "'s" && capitalized(toks[r-1].Span.Text(phrase)) {
		r--
	}
	if r == pre || r == 0 {
		return Classification{}, false
	}
	prev := toks[r-1]
	if prev.Kind != text.Word || isDeterminer(prev.Fold) && prev.Fold != "former" || stopWord(prev.Fold) || discourseWord(prev.Fold) {
		return Classification{}, false
	}
	// The lexicon phrase that ends before the name, if any.
	cat, kind, found := uint8(0), Kind(0), false
	for i := 0; i < r; {
		n, e, ok := lex.m.Longest(toks[:r], i)
		if ok && i+n == r {
			cat, kind, found = lex.entries[e].cat, lex.entries[e].kind, true
			break
		}
		if ok && n > 1 {
			i += n
		} else {
			i++
		}
	}
	var prevKind Kind
	switch {
	case !found:
		// An unlisted lowercase noun ("striker", "accountant") titles a
		// full name only.
		if pre-r < 2 {
			return Classification{}, false
		}
		prevKind = Person
	case cat == catRole:
		prevKind = kind
	case cat == catOutlet:
		prevKind = Media
	case cat == catGroup, cat == catTitle:
		prevKind = Person
	default:
		return Classification{}, false
	}
	name := classify(phrase, toks[r:pre])
	if name.Anonymity != Named || name.Pronoun {
		return Classification{}, false
	}
	c := Classification{Kind: name.Kind, Anonymity: Named, Head: toks[pre-1].Span.Text(phrase)}
	if c.Kind == Person && (prevKind == Organization || prevKind == Media || prevKind == Agency) {
		c.Kind = prevKind
	}
	if c.Kind == Person {
		// "BBC director general Greg Dyke": the modifiers before the
		// role name whom the person speaks for.
		from := 0
		for from < r && isDeterminer(toks[from].Fold) {
			from++
		}
		if aff, sp := affiliation(phrase, toks, from, r); aff != "" && sp.End <= toks[r-1].Span.Start {
			c.Affiliation, c.AffiliationSpan = aff, sp
			if len(aff) <= maxAffiliation {
				c.AffiliationKind = classifyPart(phrase, toks, sp).Kind
			}
		}
	}
	return c, true
}

// strictTitle reports whether the words just before the name that ends
// toks are a role or title of the lexicon and the name has two words or
// more: what a name after a post-modifier needs ("director of research
// Tony Lavender").
func strictTitle(lex *sourceLexicon, phrase string, toks []text.Token) bool {
	r := len(toks)
	for r > 0 && toks[r-1].Kind == text.Word && capitalized(toks[r-1].Span.Text(phrase)) {
		r--
	}
	if len(toks)-r < 2 || r == 0 {
		return false
	}
	for i := 0; i < r; i++ {
		if n, e, ok := lex.m.Longest(toks[:r], i); ok && i+n == r {
			c := lex.entries[e].cat
			return c == catRole || c == catTitle || c == catGroup
		}
	}
	return false
}

// discourseWord reports whether a folded word is a discourse adverb or
// connective, which never belongs to a source phrase: "Foster, however".
func discourseWord(f string) bool {
	switch f {
	case "however", "meanwhile", "though", "nevertheless", "nonetheless", "moreover", "furthermore",
		"instead", "also", "too", "therefore", "thus", "indeed", "besides", "likewise", "meantime",
		"además", "ademas", "asimismo", "entretanto", "obstante", "pues", "embargo":
		return true
	}
	return false
}

// appositiveName returns the start, in phrase, of a name that follows the
// description of a person after a comma and ends the phrase: "Rachel
// Harvey" in "the BBC's correspondent in Jakarta, Rachel Harvey", "Carlos
// Ruiz" in "El ministro de Economía, Carlos Ruiz". It reports false when
// the phrase has no such name.
func appositiveName(phrase string, toks []text.Token) (span.Span, bool) {
	end := len(toks)
	for end > 0 && toks[end-1].Kind != text.Word {
		if f := toks[end-1].Fold; f != "," && f != ")" && f != "." {
			return span.Span{}, false
		}
		end--
	}
	start := end
	for start > 0 && toks[start-1].Kind == text.Word && (capitalized(toks[start-1].Span.Text(phrase)) || nameLink(toks[start-1].Fold) && start < end) {
		start--
	}
	for start < end && nameLink(toks[start].Fold) {
		start++
	}
	// A comma before the name, a description before the comma, and a
	// name of one to four words.
	if start == end || start < 2 || toks[start-1].Fold != "," || end-start > 4 {
		return span.Span{}, false
	}
	sp := span.New(toks[start].Span.Start, toks[end-1].Span.End)
	if strings.ContainsAny(sp.Text(phrase), ",") {
		return span.Span{}, false
	}
	return sp, true
}

// nameLink reports whether a folded word may stand inside a name in
// lowercase ("Nick Van den Brul", "José de la Cruz").
func nameLink(f string) bool {
	switch f {
	case "de", "del", "la", "den", "der", "van", "von", "da", "di", "le", "bin", "al":
		return true
	}
	return false
}

// namedAppositive grades a description followed by a person's name after
// a comma as the named person: cl is the classification of the
// description alone. The affiliation of the description stays.
func (c *Classifier) namedAppositive(phrase string, toks []text.Token, cl Classification) Classification {
	if cl.Pronoun || cl.Anonymity != Described && cl.Anonymity != Vague || cl.Kind == Record {
		return cl
	}
	sp, ok := appositiveName(phrase, toks)
	if !ok {
		return cl
	}
	tk := movedTokens(toks, sp)
	var name Classification
	if c != nil && c.spanish {
		name = classifySpanish(c.lex, sp.Text(phrase), tk.Toks)
	} else {
		name = classify(sp.Text(phrase), tk.Toks)
		name = (*Classifier)(nil).namedAppositive(sp.Text(phrase), tk.Toks, name)
	}
	text.PutTokens(tk)
	if name.Anonymity != Named || name.Pronoun {
		return cl
	}
	k := name.Kind
	if k == Person && (cl.Kind == Organization || cl.Kind == Media || cl.Kind == Agency) {
		k = cl.Kind // "the world's biggest chocolate maker, Acme Sweets"
	}
	cl.Kind, cl.Anonymity, cl.Head = k, Named, name.Head
	return cl
}

// demonym reports whether an affiliation is one word that reads as a
// nationality or a people ("Chinese", "British", "Israeli", "French"),
// which describes an outlet rather than naming it.
func demonym(aff string) bool {
	if strings.ContainsAny(aff, " .") {
		return false
	}
	f := strings.ToLower(aff)
	if f == "arab" || f == "thai" || f == "swiss" || f == "greek" || f == "dutch" {
		return true
	}
	for _, suf := range []string{"an", "ese", "ish", "i", "ic"} {
		if strings.HasSuffix(f, suf) && len(f) > len(suf)+2 {
			return true
		}
	}
	return false
}

// personName returns the tokens of the name in the core tokens of a named
// person's mention: the name before an appositive ("Pia Lind" in "Pia
// Lind, the club's head coach"), the name after a description ("Carlos
// Ruiz" in "El ministro de Economía, Carlos Ruiz") or after a role in
// lowercase ("Dana Whitlow" in "chief executive Dana Whitlow"); toks
// itself when the mention is a name alone.
func personName(phrase string, toks []text.Token) []text.Token {
	isName := func(ts []text.Token) bool {
		n := 0
		for i, t := range ts {
			if t.Kind != text.Word {
				return false
			}
			if capitalized(t.Span.Text(phrase)) {
				n++
			} else if i == 0 || !nameLink(t.Fold) {
				return false
			}
		}
		return n > 0
	}
	if c := firstComma(toks); c > 0 {
		if isName(toks[:c]) {
			return toks[:c]
		}
		last := lastComma(toks)
		for last+1 < len(toks) && toks[last+1].Kind != text.Word {
			last++
		}
		if last+1 < len(toks) && isName(toks[last+1:]) {
			return toks[last+1:]
		}
		return toks
	}
	r := len(toks)
	for r > 0 && toks[r-1].Kind == text.Word && (capitalized(toks[r-1].Span.Text(phrase)) || nameLink(toks[r-1].Fold) && r < len(toks)) {
		r--
	}
	for r < len(toks) && nameLink(toks[r].Fold) {
		r++
	}
	if r == 0 || r == len(toks) || toks[r-1].Kind != text.Word || toks[r-1].Fold == "the" {
		return toks
	}
	return toks[r:]
}

func firstComma(toks []text.Token) int {
	for i, t := range toks {
		if t.Kind == text.Punct && t.Fold == "," {
			return i
		}
	}
	return -1
}

func lastComma(toks []text.Token) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if t := toks[i]; t.Kind == text.Punct && t.Fold == "," {
			return i
		}
	}
	return -1
}

// titleFirst classifies a core phrase that opens with a title ("Mr",
// "Dr.") and goes on with capitalized words only as a named person: "Mr
// Cable" is no diplomatic cable, "Ms. Report" no report.
func titleFirst(phrase string, toks []text.Token) (Classification, bool) {
	if len(toks) < 2 || toks[0].Kind != text.Word || !isTitle(toks[0].Fold) || !capitalized(toks[0].Span.Text(phrase)) {
		return Classification{}, false
	}
	n := 1
	if toks[1].Kind == text.Punct && toks[1].Fold == "." {
		n = 2 // "Mr." as a word and its period
	}
	if n >= len(toks) {
		return Classification{}, false
	}
	for _, t := range toks[n:] {
		if t.Kind != text.Word || !capitalized(t.Span.Text(phrase)) {
			return Classification{}, false
		}
	}
	return Classification{Kind: Person, Anonymity: Named, Head: toks[len(toks)-1].Span.Text(phrase)}, true
}

// movedTokens returns the tokens of toks (with spans in a phrase) that lie
// in sp, moved to sp's offsets, in a pooled buffer for text.PutTokens: the
// tokens of a part of the phrase without tokenizing it again.
func movedTokens(toks []text.Token, sp span.Span) *text.Tokens {
	tk := text.GetTokens()
	for _, t := range toks {
		if t.Span.Start >= sp.Start && t.Span.End <= sp.End {
			t.Span.Start -= sp.Start
			t.Span.End -= sp.Start
			tk.Toks = append(tk.Toks, t)
		}
	}
	return tk
}

// classifyPart is Classify of the part sp of phrase, whose tokens toks
// hold: an affiliation inside a source phrase.
func classifyPart(phrase string, toks []text.Token, sp span.Span) Classification {
	tk := movedTokens(toks, sp)
	defer text.PutTokens(tk)
	var english *Classifier
	return english.classifyTokens(sp.Text(phrase), tk.Toks)
}
