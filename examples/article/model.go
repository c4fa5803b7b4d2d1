package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

// The conventions of this hand-built model, which is the reference that
// Analyze is measured against (testdata/article.golden.json):
//
// Claims. Every sentence that asserts or asks something is one claim of
// the author, unless its content is attributed: then the attributed
// content is the claim and the author adds none. A claim's spans leave out
// the sentence's final punctuation and the quotation marks around a quote.
// The headline "Key Questions About ..." asserts nothing and is no claim.
// Claims are numbered in text order (by start, outer before inner).
//
// Nesting. "Top U.S. officials, as reported by Axios, claim C" is one
// claim C with two attributions: the officials' (cue "claim") is reported
// through Axios's (cue "as reported by", the same content), its Via. An
// attribution inside the content of another is reported through it too:
// the officials claim that Maduro fears D, so Maduro's attribution of D is
// via the officials', which is via Axios's: a chain of three.
//
// Certainty and polarity are the holder's (the cited source's, or the
// author's for an author claim), on FactBank's scale:
//   - the hedges inside the content count: "might" makes it possible;
//   - a belief or tentative cue is the holder's own commitment ("analysts
//     believe X", "Maduro fears X", "sources suggest X"): probable;
//   - a distancing, neutral or document cue ("claim", "told", "according
//     to") is the author's stance, not the holder's: the holder asserts;
//   - a conditional ("if he steps down", "should he relinquish power")
//     restricts what is claimed, not how firmly: "his allies might
//     eliminate him if he steps down" is possible, not underspecified;
//   - a hedge on a noun ("potential internal betrayals", "possible
//     internal betrayals", "amid fears that ...") is a hedge of the claim
//     for counting, but the claim itself is asserted: certain;
//   - a question is underspecified.
//
// Hedges. Every hedge or booster cue, one span each, with the ID of the
// innermost claim whose spans contain it, or none: the cue of an
// attribution ("according to", "believe") usually stands outside its
// content. The vagueness of "Sources" and "Analysts" is their entity's
// Anonymity (vague), not a separate weasel hedge; "suggest" is tentative
// and "believe" belief, like any other verb cue. "claim" distances but
// does not hedge: it is the attribution's stance. "officially", "at least",
// "over" and "clear message" are not hedges.
//
// Entities are the sources, the addressee, their affiliations and the
// actors the sources speak about: Maduro, Cuba, the United States, Trump.
// Mentions are the names, descriptions, aliases and the pronouns that
// clearly refer to the entity. Metonymy is resolved: "Washington" is the
// United States government and "Havana" the Cuban one, one entity each
// with the city as an alias.

// model returns the article modeled by hand.
func model() *hearsay.Document {
	doc := &hearsay.Document{
		Lang:      language.English,
		Text:      article,
		Sentences: sentences(),
	}

	// Entities.
	us := entity.New("us", "United States", entity.Government).
		WithAliases("Washington", "U.S.").
		WithMentions(
			in("U.S. intelligence reports", 1, "U.S."),
			in("Top U.S. officials", 1, "U.S."),
			at("Washington", 1),
			in("U.S. agencies", 1, "U.S."),
			in("U.S. military", 1, "U.S."),
			at("Washington", 2),
		)
	whiteHouse := entity.New("white-house", "White House", entity.Government).
		WithAffiliation(us.ID).
		WithMentions(in("a senior White House official", 1, "White House"))
	maduro := entity.New("maduro", "Nicolás Maduro", entity.Person).
		WithAliases("Maduro", "the Venezuelan leader", "the Venezuelan president").
		WithMentions(
			at("Nicolás Maduro", 1),
			in("his personal security", 1, "his"),
			in("into his team", 1, "his"),
			in("his own allies in Havana", 1, "his"),
			in("might eliminate him should", 1, "him"),
			in("should he relinquish", 1, "he"),
			at("the Venezuelan leader", 1),
			in("his Cuban advisers", 1, "his"),
			in("if he steps down", 1, "he"),
			in("he possesses", 1, "he"),
			in(`that Maduro "knows`, 1, "Maduro"),
			at("the Venezuelan president", 1),
			in("ensure his safety", 1, "his"),
			in("he frequently", 1, "he"),
			in("where he sleeps", 1, "he"),
			in("swaps his mobile", 1, "his"),
			in("bolstered his security", 1, "his"),
			in("Maduro is wary", 1, "Maduro"),
			in("of his military circle", 1, "his"),
			in("into his presidential", 1, "his"),
			in("eliminate Maduro", 1, "Maduro"),
			in("his survival", 1, "his"),
			in("fear he holds", 1, "he"),
			in("Maduro attempts", 1, "Maduro"),
			in("He makes", 1, "He"),
			in("His defiant", 1, "His"),
			in("with his growing", 1, "his"),
			in("that Maduro's fear", 1, "Maduro"),
			in("uphold him", 1, "him"),
			in("both his protector", 1, "his"),
			in("his jailer", 1, "his"),
			in("shields him", 1, "him"),
			in("to his life", 1, "his"),
			in("Maduro's fear of his allies", 1, "Maduro"),
			in("fear of his allies", 1, "his"),
			in("About Maduro's", 1, "Maduro"),
			at("Nicolás Maduro", 2),
			in("increased his reliance", 1, "his"),
			in("Maduro has increased", 1, "Maduro"),
			in("increased his reliance", 2, "his"),
			in("from his own ranks", 1, "his"),
			in("ensure his protection", 1, "his"),
			in("as he fears", 1, "he"),
			in("that his Cuban allies", 1, "his"),
			in("might eliminate him if", 1, "him"),
			in("if he steps down", 2, "he"),
		)
	cuba := entity.New("cuba", "Cuba", entity.Government).
		WithAliases("Havana").
		WithMentions(
			in("allies in Havana", 1, "Havana"),
			in("Caracas and Havana", 1, "Havana"),
			in("Havana's direct", 1, "Havana"),
			in("Cuba has overseen", 1, "Cuba"),
			in("Havana receives", 1, "Havana"),
			in("sustain its economy", 1, "its"),
			in("Caracas-Havana", 1, "Havana"),
			in("Cuba acts", 1, "Cuba"),
			in("but in Havana", 1, "Havana"),
			in("to Cuba,", 1, "Cuba"),
			in("does Cuba play", 1, "Cuba"),
			in("Cuba plays", 1, "Cuba"),
		)
	trump := entity.New("trump", "Donald Trump", entity.Person).
		WithAffiliation(us.ID).
		WithMentions(at("Donald Trump", 1))
	nyt := entity.New("nyt", "The New York Times", entity.Media).
		WithMentions(at("The New York Times", 1), at("The New York Times", 2))
	axios := entity.New("axios", "Axios", entity.Media).
		WithMentions(at("Axios", 1), at("Axios", 2))
	// A document is graded as a person is: named by its title or its
	// publisher, described by its origin or nature (these two: a reader
	// cannot look them up), vague when bare ("reports").
	reports := entity.Anonymous("intel-reports", "U.S. intelligence reports", entity.Record, entity.Described).
		WithAffiliation(us.ID).
		WithMentions(at("U.S. intelligence reports", 1))
	leaked := entity.Anonymous("leaked-data", "leaked intelligence data", entity.Record, entity.Described).
		WithMentions(at("leaked intelligence data", 1))
	officials := entity.Anonymous("us-officials", "top U.S. officials", entity.Government, entity.Described).
		WithAffiliation(us.ID).
		WithMentions(at("Top U.S. officials", 1))
	whOfficial := entity.Anonymous("wh-official", "a senior White House official", entity.Government, entity.Described).
		WithAffiliation(whiteHouse.ID).
		WithMentions(at("a senior White House official", 1))
	sources := entity.Anonymous("sources", "sources", entity.Group, entity.Vague).
		WithMentions(at("Sources", 1))
	// "U.S. agencies" gives an affiliation but no name: described.
	agencies := entity.Anonymous("us-agencies", "U.S. agencies", entity.Agency, entity.Described).
		WithAffiliation(us.ID).
		WithMentions(at("U.S. agencies", 1))
	analysts := entity.Anonymous("analysts", "analysts", entity.Group, entity.Vague).
		WithMentions(at("Analysts", 1))
	doc.Entities = []entity.Entity{
		maduro, cuba, us, whiteHouse, trump,
		reports, nyt, axios, officials, whOfficial, sources, agencies, leaked, analysts,
	}

	// Claims, in text order.
	c := func(id string, spans ...span.Span) claim.Claim { return claim.New(id, article, spans...) }
	const (
		certain  = claim.Certain
		probable = claim.Probable
		possible = claim.Possible
		unknown  = claim.Underspecified
		positive = claim.Positive
		negative = claim.Negative
	)
	var (
		c1 = c("c1", from("Nicolás Maduro has", "Venezuelan military"))
		// The content of "according to U.S. intelligence reports and ...
		// The New York Times". The reports assert the move and the fears;
		// the fears' content is c3, Maduro's.
		c2 = c("c2", from("This move comes", "relinquish power"))
		// Maduro's fear, whose content holds "might": possible. It is
		// about what would follow his leaving power: a prediction.
		c3 = c("c3", from("his own allies in Havana", "relinquish power")).As(claim.Prediction).With(possible, positive)
		// What the officials claim, as Axios reports it; they assert it
		// ("claim" is the author's distance, not theirs).
		c4 = c("c4", from("the Venezuelan leader fears", "between Caracas and Havana"))
		// What Maduro fears: the belief cue makes it probable to him.
		c5 = c("c5", from("assassination at the hands", "if he steps down")).As(claim.Prediction).With(probable, positive)
		c6 = c("c6", from(`Maduro "knows too much"`, "over the years")).With(probable, positive)
		c7 = c("c7", from("These include", "Latin America"))
		c8 = c("c8", from("In response,", "skilled in counterespionage"))
		c9 = c("c9", from("Maduro is wary", "military's framework"))
		// "potential internal betrayals" hedges a noun, not the claim.
		c10 = c("c10", from("The aim is", "power structures"))
		c11 = c("c11", from("This Cuban influence", "is not new")).With(certain, negative)
		c12 = c("c12", from("Since Hugo", "security bodies"))
		c13 = c("c13", from("Thousands of Cuban", "the military itself"))
		c14 = c("c14", from("In return,", "energy crisis"))
		// Washington's view: "views this alliance as a direct threat"
		// has a discontinuous cue and so a discontinuous content.
		c15 = c("c15", at("this alliance", 1), from("a direct threat", "regional stability")).As(claim.Opinion).With(probable, positive)
		c16 = c("c16", from("the Cuban-Venezuelan network", "and Iran"))
		// Trump "leaves the door open" reports no speech or thought, and
		// "sends a clear message" has no source that speaks: the author's
		// reading of events, an opinion.
		c17 = c("c17", from("While President", "is ending")).As(claim.Opinion)
		c18 = c("c18", from("The Southern Spear", "at least 80 fatalities"))
		// One quote over two sentences. Its polarity is positive: the
		// denial "not designed to eliminate Maduro" is one clause of it.
		c19 = c("c19", from("We have covert", "eliminate Maduro"), from("However,", "of them")).As(claim.Quote)
		c20 = c("c20", from("Despite the tension", "tranquility"))
		// "echoes slogans of "peace and sovereignty"" quotes words, not a
		// claim: the slogan is named, nothing it asserts is reported, so
		// it is no attribution and the sentence is the author's.
		c21 = c("c21", from("He makes", "each night"))
		c22 = c("c22", from("His defiant", "paranoia")).As(claim.Opinion)
		// "not directed at Washington, but at those ..." asserts where the
		// fear is directed: positive. "Maduro's fear" has no content
		// clause, so it is no attribution.
		c23 = c("c23", from("The irony", "uphold him")).As(claim.Opinion)
		c24 = c("c24", from("Cuba acts", "his life")).As(claim.Opinion)
		c25 = c("c25", from("the fate of Chavismo", "but in Havana")).As(claim.Opinion).With(probable, positive)
		c26 = c("c26", from("Maduro's fear of his allies", "own dependence")).As(claim.Opinion)
		c27 = c("c27", from("Why has", "Cuban security")).As(claim.Question).With(unknown, positive)
		// The answer is the author's; it reports Maduro's fear (c29).
		c28 = c("c28", from("Maduro has increased", "if he steps down"))
		c29 = c("c29", from("his Cuban allies might", "if he steps down")).As(claim.Prediction).With(possible, positive)
		c30 = c("c30", from("What role", "security apparatus")).As(claim.Question).With(unknown, positive)
		c31 = c("c31", from("Cuba plays", "SEBIN and DGCIM"))
	)
	doc.Claims = []claim.Claim{
		c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15,
		c16, c17, c18, c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30, c31,
	}

	// Attributions, in the order of their claims.
	cue := func(s span.Span, lemma string, st attribution.Stance) attribution.Cue {
		return attribution.NewCue(article, s, lemma, st)
	}
	a := func(id string, cl claim.Claim, source entity.Entity, cu attribution.Cue, f attribution.Form) attribution.Attribution {
		return attribution.New(id, cl.ID, source.ID, cu, f).WithContent(cl.Spans...)
	}
	accordingTo := cue(at("according to", 1), "according to", attribution.Citing)
	// "views ... as": a discontinuous cue around its object.
	viewsAs := []span.Span{at("views", 1), in("views this alliance as", 1, "as")}
	doc.Attributions = []attribution.Attribution{
		// Two coordinated sources of one claim: two attributions sharing
		// the cue.
		a("a1", c2, reports, accordingTo, attribution.Indirect).
			WithSource(at("U.S. intelligence reports", 1)),
		a("a2", c2, nyt, accordingTo, attribution.Indirect).
			WithSource(at("The New York Times", 1)),
		// "amid fears that ...": the holder is not named but is Maduro
		// ("his own allies ... eliminate him"), so the source has no span.
		// The fear is reported by both a1 and a2; Via can name only one,
		// the first.
		a("a3", c3, maduro, cue(at("fears", 1), "fear", attribution.Belief), attribution.Indirect).
			Through("a1"),
		// Axios carries the officials' claim: same claim, same content;
		// "as reported by" cites a published source, like "according to".
		a("a4", c4, axios, cue(at("as reported by", 1), "report", attribution.Citing), attribution.Indirect).
			WithSource(at("Axios", 1)),
		a("a5", c4, officials, cue(in("claim the Venezuelan", 1, "claim"), "claim", attribution.Distancing), attribution.Indirect).
			WithSource(at("Top U.S. officials", 1)).
			Through("a4"),
		a("a6", c5, maduro, cue(at("fears", 2), "fear", attribution.Belief), attribution.Indirect).
			WithSource(at("the Venezuelan leader", 1)).
			Through("a5"),
		// Reported speech with a quoted fragment: mixed.
		a("a7", c6, sources, cue(in("Sources suggest", 1, "suggest"), "suggest", attribution.Tentative), attribution.Mixed).
			WithSource(at("Sources", 1)),
		a("a8", c9, nyt, cue(at("According to", 1), "according to", attribution.Citing), attribution.Indirect).
			WithSource(at("The New York Times", 2)),
		a("a9", c15, us, attribution.Cue{
			Text: claim.JoinText(article, viewsAs), Lemma: "view as", Stance: attribution.Belief, Spans: viewsAs,
		}, attribution.Indirect).
			WithSource(at("Washington", 1)),
		// "highlight", like "note", reports without the author vouching
		// more than for "say": neutral.
		a("a10", c16, agencies, cue(at("highlight", 1), "highlight", attribution.Neutral), attribution.Indirect).
			WithSource(at("U.S. agencies", 1)),
		a("a11", c18, leaked, cue(at("according to", 2), "according to", attribution.Citing), attribution.Indirect).
			WithSource(at("leaked intelligence data", 1)),
		// One direct quote in two pieces around the speech frame; Axios
		// is the medium the official spoke to.
		a("a12", c19, whOfficial, cue(at("told", 1), "tell", attribution.Neutral), attribution.Direct).
			WithSource(at("a senior White House official", 1)).
			To(axios.ID, at("Axios", 2)),
		a("a13", c25, analysts, cue(at("believe", 1), "believe", attribution.Belief), attribution.Indirect).
			WithSource(at("Analysts", 1)),
		// Inside the author's answer, not reported through anyone.
		a("a14", c29, maduro, cue(at("fears", 3), "fear", attribution.Belief), attribution.Indirect).
			WithSource(in("as he fears", 1, "he")),
	}

	// Hedges, in text order.
	h := func(s span.Span, cat claim.Category, cl claim.Claim) claim.Hedge {
		return claim.NewHedge(article, s, cat).In(cl.ID)
	}
	outside := claim.Claim{} // no claim: the hedge is an attribution's cue outside its content
	doc.Hedges = []claim.Hedge{
		h(at("fears", 1), claim.Belief, c2),
		h(at("might", 1), claim.Epistemic, c3),
		h(at("should", 1), claim.Conditional, c3),
		h(at("according to", 1), claim.Sourcing, outside),
		h(at("as reported by", 1), claim.Sourcing, outside),
		h(at("fears", 2), claim.Belief, c4),
		h(in("if he steps down", 1, "if"), claim.Conditional, c5),
		h(in("Sources suggest", 1, "suggest"), claim.Tentative, outside),
		h(at("According to", 1), claim.Sourcing, outside),
		h(at("potential", 1), claim.Epistemic, c10),
		// One span per hedge: "views" stands for the cue "views ... as".
		h(at("views", 1), claim.Belief, outside),
		h(at("according to", 2), claim.Sourcing, outside),
		h(at("potential", 2), claim.Epistemic, c24),
		h(at("believe", 1), claim.Belief, outside),
		h(at("possible", 1), claim.Epistemic, c28),
		h(at("fears", 3), claim.Belief, c28),
		h(at("might", 2), claim.Epistemic, c29),
		h(in("if he steps down", 2, "if"), claim.Conditional, c29),
	}
	return doc
}

// sentences returns the sentences of the article, split by hand. Each line
// is a paragraph; the headline is a sentence of its own.
func sentences() []span.Span {
	return []span.Span{
		from("Nicolás Maduro has", "Venezuelan military."),
		from("This move comes", "New York Times."),
		from("Top U.S. officials", "Caracas and Havana."),
		from("Sources suggest", "over the years."),
		from("These include", "Latin America."),
		from("In response,", "counterespionage."),
		from("According to The New York Times", "military's framework."),
		from("The aim is", "power structures."),
		from("This Cuban influence", "not new."),
		from("Since Hugo", "security bodies."),
		from("Thousands of Cuban", "the military itself."),
		from("In return,", "energy crisis."),
		from("Washington views", "regional stability."),
		from("U.S. agencies highlight", "and Iran."),
		from("While President", "is ending."),
		from("The Southern Spear", "intelligence data."),
		from(`"We have covert`, "told Axios."),
		from(`"However,`, `of them."`),
		from("Despite the tension", "tranquility."),
		from("He makes", "each night."),
		from("His defiant", "paranoia."),
		from("The irony", "uphold him."),
		from("Cuba acts", "his life."),
		from("Analysts believe", "in Havana."),
		from("Maduro's fear of his allies", "own dependence."),
		from("Key Questions", "Security"),
		from("Why has", "Cuban security?"),
		from("Maduro has increased", "steps down."),
		from("What role", "apparatus?"),
		from("Cuba plays", "DGCIM."),
	}
}

// at returns the span of the nth (from 1) occurrence of phrase in the
// article. The model is a fixture: a phrase that is not there is a bug in
// it, so at panics.
func at(phrase string, nth int) span.Span {
	off := 0
	for n := 1; ; n++ {
		i := strings.Index(article[off:], phrase)
		if i < 0 {
			panic(fmt.Sprintf("article: %q occurs fewer than %d times", phrase, nth))
		}
		start := off + i
		if n == nth {
			return span.New(start, start+len(phrase))
		}
		off = start + 1
	}
}

// in returns the span of word, as a whole word, inside the nth occurrence
// of phrase: in("as he fears", 1, "he") is the pronoun, not the "he" of
// "the".
func in(phrase string, nth int, word string) span.Span {
	p := at(phrase, nth)
	ctx := article[p.Start:p.End]
	for off := 0; ; {
		i := strings.Index(ctx[off:], word)
		if i < 0 {
			panic(fmt.Sprintf("article: no word %q in %q", word, phrase))
		}
		start := p.Start + off + i
		if wordAt(start, start+len(word)) {
			return span.New(start, start+len(word))
		}
		off += i + 1
	}
}

// from returns the span from the start of first, which must occur once in
// the article, to the end of the first occurrence of last after it.
func from(first, last string) span.Span {
	if n := strings.Count(article, first); n != 1 {
		panic(fmt.Sprintf("article: %q occurs %d times, want once", first, n))
	}
	s := at(first, 1)
	i := strings.Index(article[s.Start:], last)
	if i < 0 {
		panic(fmt.Sprintf("article: no %q after %q", last, first))
	}
	return span.New(s.Start, s.Start+i+len(last))
}

// wordAt reports whether article[start:end] is a whole word: no letter or
// digit touches it on either side.
func wordAt(start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(article[:start])
		if isWordRune(r) {
			return false
		}
	}
	if end < len(article) {
		r, _ := utf8.DecodeRuneInString(article[end:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
