package entity

import (
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/lexicon"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

//go:embed lexicons/*.txt
var lexiconFiles embed.FS

// Classification is what a source phrase tells of its source: the kind of
// actor, how openly it is identified, and the affiliation a description
// gives ("White House" in "a senior White House official").
type Classification struct {
	Kind        Kind
	Anonymity   Anonymity // zero for a pronoun, which is resolved elsewhere
	Affiliation string    // the affiliation named in the phrase, as written; may be empty
	// AffiliationSpan is where Affiliation stands in the phrase, in
	// bytes; empty when Affiliation is.
	AffiliationSpan span.Span
	// AffiliationKind is the kind of the affiliation as a phrase of its
	// own (government for "White House", person for a nationality such as
	// "Venezuelan"); zero when there is no affiliation or it is too long
	// to be a name.
	AffiliationKind Kind
	Head            string // the head word of the phrase, as written ("official")
	Pronoun         bool   // the phrase is a pronoun ("he", "they", "who")
}

// source lexicon categories.
const (
	catMedia = iota + 1
	catGovernment
	catAgency
	catDocument
	catGroup
	catRole
	catOrgSuffix
	catTitle
	catPronoun
	catVague
	catOutlet
	catOrganization
)

var catNames = map[string]uint8{
	"media": catMedia, "government": catGovernment, "agency": catAgency,
	"document": catDocument, "group": catGroup, "role": catRole,
	"orgsuffix": catOrgSuffix, "title": catTitle, "pronoun": catPronoun,
	"vague": catVague, "outlet": catOutlet, "organization": catOrganization,
}

// nationality reports whether w is a people's adjective that may come
// before the name of its government or institutions ("the British
// Parliament", "Chinese state media"). A list, not demonym's endings,
// which first names share ("Brian France", "Naomi Canada").
func nationality(w string) bool {
	switch strings.ToLower(w) {
	case "american", "british", "chinese", "russian", "french", "german", "japanese", "indian",
		"pakistani", "iranian", "iraqi", "israeli", "palestinian", "syrian", "saudi", "turkish",
		"egyptian", "mexican", "canadian", "brazilian", "argentine", "venezuelan", "cuban",
		"colombian", "chilean", "peruvian", "spanish", "italian", "portuguese", "dutch", "belgian",
		"swiss", "austrian", "polish", "ukrainian", "swedish", "norwegian", "danish", "finnish",
		"irish", "scottish", "welsh", "english", "greek", "korean", "afghan", "nigerian",
		"kenyan", "ethiopian", "australian", "european", "african", "asian", "arab", "thai",
		"vietnamese", "indonesian", "malaysian", "filipino", "taiwanese", "lebanese", "jordanian",
		"libyan", "yemeni", "qatari", "emirati", "soviet", "hungarian", "czech", "romanian",
		"bulgarian", "serbian", "croatian", "georgian", "armenian", "belarusian", "kazakh":
		return true
	}
	return false
}

// namedKind returns the kind of an actor a lexicon category names whole
// ("Reuters", "Washington", "the FBI", "Labour"), and false for the
// other categories.
func namedKind(cat uint8) (Kind, bool) {
	switch cat {
	case catMedia:
		return Media, true
	case catGovernment:
		return Government, true
	case catAgency:
		return Agency, true
	case catOrganization:
		return Organization, true
	}
	return 0, false
}

type sourceEntry struct {
	cat  uint8
	kind Kind
}

type sourceLexicon struct {
	m       *lexicon.Matcher
	entries []sourceEntry
	// orgSuffix holds the orgsuffix words without a final period: the
	// tokenizer keeps the period of "Inc." in a text but not in a lexicon
	// phrase, so they are compared by hand.
	orgSuffix map[string]bool
}

// sources is the compiled English source lexicon; the tests check that
// the embedded files compile.
var sources = sync.OnceValue(func() *sourceLexicon {
	l, err := builtinSources.Load(language.English)
	if err != nil {
		panic(err) // the embedded lexicon is tested
	}
	return l
})

// Classify classifies an English source phrase by its head noun and
// modifiers:
//
//   - "a senior White House official": government, described, affiliation
//     "White House" (a role noun with an affiliation)
//   - "sources", "analysts", "critics", "people familiar with the matter":
//     group, vague (an anonymous collective)
//   - "The New York Times", "Axios", "the Daily Planet": media, named (a
//     built-in list of outlets and names ending in Times, Post, News ...)
//   - "reports", "leaked intelligence data", "a statement": document;
//     vague when bare, described when modified
//   - "Washington", "the Kremlin", "the White House": government, named
//   - "Nicolás Maduro", "Mr. Trump": person, named; "the Democratic
//     Party", "Exxon Inc.": organization, named
//   - "he", "they", "who": Pronoun set and Anonymity zero; pronouns are
//     resolved to an antecedent by the caller
//
// A phrase Classify cannot place is a person described by the phrase.
// Classify is safe for concurrent use.
func Classify(phrase string) Classification {
	var english *Classifier // the zero Classifier classifies English
	return english.Classify(phrase)
}

// maxAffiliation bounds the length of an affiliation that is classified
// in turn: names are short, and a bound keeps Classify linear.
const maxAffiliation = 100

// grading is what the class of a source phrase depends on once its head
// is found, in every language.
type grading struct {
	cat      uint8 // the lexicon category of the head
	kind     Kind  // the kind the lexicon gives a role, or zero
	head     string
	aff      string
	affSpan  span.Span
	affMedia bool // the affiliation is an outlet: a document of it is the outlet's
	affKind  Kind // the kind of the affiliation, when known
	vague    bool // a vague determiner or quantifier
	modified bool // the head has modifiers besides determiners
	bare     bool // a plural head alone: "officials"
	orgNamed bool // an organization role named by its affiliation: "the Clinton campaign"
}

// grade returns the classification of a head of category g.cat, and false
// for a head the lexicon does not place.
func (g grading) grade() (Classification, bool) {
	c := Classification{Affiliation: g.aff, AffiliationSpan: g.affSpan, Head: g.head}
	if g.aff != "" {
		c.AffiliationKind = g.affKind
	}
	switch g.cat {
	case catDocument:
		if g.affMedia {
			c.Kind, c.Anonymity = Media, Named
			return c, true
		}
		c.Kind, c.Anonymity = Record, Vague
		if g.modified {
			c.Anonymity = Described
		}
	case catGroup:
		c.Kind, c.Anonymity = Group, Vague
		if g.aff != "" && !g.vague {
			c.Anonymity = Described
		}
	case catRole:
		c.Kind, c.Anonymity = g.kind, Described
		switch {
		case c.Kind == 0:
			c.Kind = Person
		case c.Kind == Organization:
			if g.orgNamed {
				c.Anonymity = Named
			}
			return c, true
		}
		if g.aff == "" && (g.vague || g.bare) {
			c.Anonymity = Vague
		}
		if g.kind == Government && (g.affKind == Organization || g.affKind == Media) {
			// A role that speaks for an institution takes the kind of the
			// one it names: "a spokesman for Human Rights Watch"; a person's
			// role does not: "a Reuters reporter".
			c.Kind = g.affKind
		}
	case catOutlet:
		// "The Sun newspaper", "the Reuters news agency" name an outlet;
		// "a Chinese newspaper" describes one.
		c.Kind, c.Anonymity = Media, Described
		switch {
		case g.aff != "" && !demonym(g.aff):
			return Classification{Kind: Media, Anonymity: Named, Head: g.head}, true
		case g.aff == "" && (g.vague || g.bare):
			c.Anonymity = Vague
		}
	case catMedia, catGovernment, catAgency, catOrganization:
		if g.modified && g.aff != "" && g.affKind != Government && !nationality(g.aff) {
			// A name that ends in one ("Air China", "Telekom Austria",
			// "Michael J. Fox") is its own; a country or people before
			// it stays ("the US State Department", "the British
			// Parliament"), and so does a name after it ("the House of
			// Lords", "the government in Cairo").
			return Classification{}, false
		}
		kind, _ := namedKind(g.cat)
		return Classification{Kind: kind, Anonymity: Named, Head: g.head}, true
	default:
		return Classification{}, false
	}
	return c, true
}

// stopWord reports whether a folded word ends the pre-modified part of a
// noun phrase (a post-modifier starts there).
func stopWord(f string) bool {
	switch f {
	case "of", "for", "at", "in", "with", "from", "on", "to", "close", "familiar",
		"who", "which", "that", "whose", "and", "or", "near", "inside", "within", "under", "by", "about":
		return true
	}
	return false
}

func isDeterminer(f string) bool {
	switch f {
	case "the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
		"their", "our", "my", "your", "some", "many", "several", "two", "three",
		"four", "five", "both", "all", "one", "another", "other", "most", "few",
		"top", "senior", "former", "current", "various", "multiple", "numerous", "certain":
		return true
	}
	return false
}

func capitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// classify classifies an English source phrase, whose tokens are toks, by
// its head noun and modifiers as [Classify] describes; classifyTokens then
// looks for a named appositive.
func classify(phrase string, toks []text.Token) Classification {
	lex := sources()
	toks = sourceCore(toks)
	if len(toks) == 0 {
		return Classification{Kind: Person, Anonymity: Vague}
	}
	if c, ok := classifyWhole(lex, phrase, toks); ok {
		return c
	}
	pre := preModified(toks)
	if c, ok := classifyTitled(lex, phrase, toks, pre); ok {
		return c
	}
	g := headGrading(lex, phrase, toks, pre)
	if c, ok := g.grade(); ok {
		return c
	}
	return nameOrDescribed(lex, phrase, toks, pre, g)
}

// sourceCore returns the core of a source phrase: toks without the
// punctuation and quotes at either end, up to a comma, a parenthesis or a
// relative clause.
func sourceCore(toks []text.Token) []text.Token {
	// Trim punctuation and quotes at both ends.
	for len(toks) > 0 && toks[0].Kind != text.Word && toks[0].Kind != text.Number {
		toks = toks[1:]
	}
	// The core stops at a comma, a parenthesis or a relative clause.
	for i, t := range toks {
		if t.Kind == text.Punct && (t.Fold == "," || t.Fold == "(" || t.Fold == "—" || t.Fold == "-" || t.Fold == ";") ||
			t.Kind == text.Word && i > 0 && (t.Fold == "who" || t.Fold == "which" || t.Fold == "whose") {
			toks = toks[:i]
			break
		}
	}
	for len(toks) > 0 && toks[len(toks)-1].Kind != text.Word && toks[len(toks)-1].Kind != text.Number {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// classifyWhole classifies a core that the lexicon places as a whole: a
// pronoun, a named outlet, government or agency, or a group phrase with
// post-modifiers. It reports false for any other core.
func classifyWhole(lex *sourceLexicon, phrase string, toks []text.Token) (Classification, bool) {
	word := func(i int) string { return toks[i].Span.Text(phrase) }

	// A pronoun, but "US" in capitals is the country.
	if len(toks) == 1 {
		if n, e, ok := lex.m.Longest(toks, 0); ok && n == 1 && lex.entries[e].cat == catPronoun {
			if w := word(0); countryUS(toks[0].Fold, w) {
				return Classification{Kind: Government, Anonymity: Named, Head: w}, true
			}
			return Classification{Kind: lex.entries[e].kind, Head: word(0), Pronoun: true}, true
		}
	}
	// A whole phrase that is a named outlet, government, agency or
	// organization.
	for start := 0; start < len(toks) && start < 2; start++ {
		if n, e, ok := lex.m.Longest(toks, start); ok && start+n == len(toks) {
			if start == 1 && toks[0].Fold != "the" {
				break
			}
			if k, ok := namedKind(lex.entries[e].cat); ok {
				return Classification{Kind: k, Anonymity: Named, Head: word(len(toks) - 1)}, true
			}
		}
		if toks[0].Fold != "the" {
			break
		}
	}
	// The group phrases with post-modifiers ("people familiar with the matter").
	if n, e, ok := lex.m.Longest(toks, skipDeterminers(toks)); ok && n > 1 && lex.entries[e].cat == catGroup {
		return Classification{Kind: Group, Anonymity: Vague, Head: word(skipDeterminers(toks))}, true
	}
	return Classification{}, false
}

// preModified returns the end of the pre-modified part of a core: the
// index of its first post-modifier, or len(toks).
func preModified(toks []text.Token) int {
	// The pre-modified part: up to the first post-modifier.
	pre := len(toks)
	for i := 1; i < len(toks); i++ {
		if toks[i].Kind == text.Word && stopWord(toks[i].Fold) {
			pre = i
			break
		}
	}
	return pre
}

// classifyTitled classifies a core that names a person with a title or a
// role ("President Nicolás Maduro", "Bank of England deputy governor
// Rachel Lomax"), whose pre-modified part ends at pre. It reports false
// for any other core.
func classifyTitled(lex *sourceLexicon, phrase string, toks []text.Token, pre int) (Classification, bool) {
	if c, ok := titledName(lex, phrase, toks, pre); ok {
		return c, true
	}
	if c, ok := titleFirst(phrase, toks[:pre]); ok {
		return c, true
	}
	if n, e, ok := lex.m.Longest(toks, pre-1); pre < len(toks) && !(ok && n == 1 && lex.entries[e].cat == catDocument) {
		// "Bank of England deputy governor Rachel Lomax": a role and a
		// name after the post-modifier; "a study by professor Jo Bell"
		// stays a document.
		if c, ok := titledName(lex, phrase, toks, len(toks)); ok && c.Kind == Person && strictTitle(lex, phrase, toks) {
			return c, true
		}
	}
	return Classification{}, false
}

// headGrading finds the head of a core whose pre-modified part ends at
// pre, the lexicon phrase that ends at it, its determiners and its
// affiliation, and returns what the class of the phrase depends on.
func headGrading(lex *sourceLexicon, phrase string, toks []text.Token, pre int) grading {
	// Possessive "'s" makes the words before it a modifier.
	head := pre - 1
	for head > 0 && toks[head].Kind != text.Word {
		head--
	}
	// Find the lexicon phrase that ends at the head.
	cat, kind := uint8(0), Kind(0)
	hs := head
	for i := 0; i <= head; {
		n, e, ok := lex.m.Longest(toks[:pre], i)
		if ok && i+n-1 == head {
			cat, kind, hs = lex.entries[e].cat, lex.entries[e].kind, i
			break
		}
		if ok && n > 1 {
			i += n
		} else {
			i++
		}
	}
	vague := false
	modStart := 0
	for modStart < hs && isDeterminer(toks[modStart].Fold) {
		if lex.vagueDet(toks, modStart) {
			vague = true
		}
		modStart++
	}
	// The affiliation: a run of capitalized words among the modifiers, or
	// a capitalized object of the post-modifier ("an official at the State
	// Department").
	aff, affSpan := affiliation(phrase, toks, modStart, hs)
	if aff == "" && pre < len(toks) {
		j := pre + 1
		for j < len(toks) && isDeterminer(toks[j].Fold) {
			j++
		}
		aff, affSpan = affiliation(phrase, toks, j, len(toks))
	}
	plural := strings.HasSuffix(toks[head].Fold, "s")
	headWord := toks[head].Span.Text(phrase)

	// The kind of a short affiliation: "an article in The New York
	// Times" is the outlet's, "a spokesman for Human Rights Watch" speaks
	// for an organization.
	var affKind Kind
	if aff != "" && len(aff) <= maxAffiliation {
		affKind = classifyPart(phrase, toks, affSpan).Kind
	}
	affMedia := cat == catDocument && pre < len(toks) && affKind == Media
	// "the Democratic Party" is a name, not a party affiliated with
	// "Democratic".
	orgNamed := aff != "" && hs > modStart
	if cat == catRole && kind == Organization && orgNamed && allCapitalized(phrase, toks[:pre]) {
		aff, affSpan = "", span.Span{}
	}
	return grading{cat: cat, kind: kind, head: headWord, aff: aff, affSpan: affSpan, affMedia: affMedia, affKind: affKind,
		vague: vague, modified: hs > modStart, bare: plural && modStart == hs, orgNamed: orgNamed}
}

// nameOrDescribed classifies a core whose head the lexicon does not
// place: a name when the words of its pre-modified part, which ends at
// pre, are capitalized, and otherwise a person the phrase describes; g is
// the grading of its head.
func nameOrDescribed(lex *sourceLexicon, phrase string, toks []text.Token, pre int, g grading) Classification {
	word := func(i int) string { return toks[i].Span.Text(phrase) }

	// A name: the words of the core are capitalized.
	if allCapitalized(phrase, toks[:pre]) {
		last := toks[pre-1].Fold
		if lex.orgSuffix[strings.TrimSuffix(last, ".")] {
			return Classification{Kind: Organization, Anonymity: Named, Head: word(pre - 1)}
		}
		switch last {
		case "times", "post", "journal", "news", "tribune", "herald", "gazette", "magazine",
			"review", "press", "wire", "daily", "telegraph", "observer", "chronicle",
			"examiner", "star", "sun", "globe", "mail", "bulletin", "inquirer", "register",
			"dispatch", "courier", "sentinel", "monitor", "beacon", "reporter":
			return Classification{Kind: Media, Anonymity: Named, Head: word(pre - 1)}
		}
		if toks[0].Fold == "the" && pre > 1 {
			return Classification{Kind: Organization, Anonymity: Named, Head: word(pre - 1)}
		}
		return Classification{Kind: Person, Anonymity: Named, Head: word(pre - 1)}
	}
	a := Described
	if g.vague {
		a = Vague
	}
	return Classification{Kind: Person, Anonymity: a, Affiliation: g.aff, AffiliationSpan: g.affSpan, AffiliationKind: g.affKind, Head: g.head}
}

func (l *sourceLexicon) vagueDet(toks []text.Token, i int) bool {
	n, e, ok := l.m.Longest(toks, i)
	return ok && n == 1 && l.entries[e].cat == catVague
}

func skipDeterminers(toks []text.Token) int {
	i := 0
	for i < len(toks)-1 && isDeterminer(toks[i].Fold) {
		i++
	}
	return i
}

// allCapitalized reports whether every word of toks is capitalized, apart
// from a leading "the" and inner function words ("of", "and").
func allCapitalized(phrase string, toks []text.Token) bool {
	n := 0
	for i, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		switch t.Fold {
		case "of", "and", "the", "for", "de", "del", "la", "el", "'s", "&":
			if i > 0 || t.Fold == "the" {
				continue
			}
		}
		if !capitalized(t.Span.Text(phrase)) {
			return false
		}
		n++
	}
	return n > 0
}

// affiliation returns the first run of capitalized words of toks[from:to]
// as written, with the possessive "'s" left off, and its span in phrase.
func affiliation(phrase string, toks []text.Token, from, to int) (string, span.Span) {
	start, end := -1, -1
	for i := from; i < to; i++ {
		t := toks[i]
		if t.Kind == text.Word && t.Fold != "'s" && capitalized(t.Span.Text(phrase)) {
			if start < 0 {
				start = t.Span.Start
			}
			end = t.Span.End
			continue
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return "", span.Span{}
	}
	return phrase[start:end], span.New(start, end)
}
