package claim

import (
	"strings"

	"github.com/hearsay-go/hearsay/internal/text"
)

// The context rules of issue 10: a modal, verb or noun whose hedging
// reading depends on the clause around it. Each reads the words around
// the cue (cheap, and as good as a tag where the words decide); the
// part-of-speech tag is asked only where the words cannot tell.

func init() {
	checks["would"] = isHedgingWould
	checks["can"] = isHedgingCan
	checks["could"] = isHedgingCould
	checks["expect"] = isHedgingExpect
	checks["potential"] = isHedgingPotential
	checks["indicate"] = isHedgingIndicate
	checks["viewas"] = isViewAs
	checks["consider"] = isHedgingConsider
	checks["suspect"] = isHedgingSuspect
	checks["possible"] = isHedgingPossible
	checks["should"] = isHedgingShould
}

// isHedgingPossible rejects the "possible" of extent and of
// circumstance: "as soon as possible", "as many as possible", "every
// possible means", "the highest possible level", "it is possible to
// bend the pins" (it can be done), keeping "it is possible that", "a
// possible cause".
func isHedgingPossible(c *cursor, i, n int) bool {
	ts := c.ts
	if i > 0 {
		p := ts[i-1].Fold
		if p == "as" || p == "all" || p == "every" || (len(p) > 4 && strings.HasSuffix(p, "est")) {
			return false
		}
	}
	j := i + n
	return j >= len(ts) || ts[j].Fold != "to"
}

// isHedgingShould rejects the obligation "should" of advice to the
// reader: "you should apply".
func isHedgingShould(c *cursor, i, n int) bool {
	if !isModal(c, i, n) {
		return false
	}
	return i == 0 || c.ts[i-1].Fold != "you"
}

// clauseBreak reports whether a token ends the clause a modal reads
// back into: final or strong punctuation and quotation marks.
func clauseBreak(t text.Token) bool {
	if t.Kind == text.Quote {
		return true
	}
	switch t.Fold {
	case ".", "!", "?", ";", ":", "(", ")", "—", "–":
		return true
	}
	return false
}

// conditionalAhead reports whether a condition ("if", "unless", "had
// he", "were it", "otherwise") follows token i within its sentence:
// "she said it would collapse if rates rose" is a conditional.
func conditionalAhead(ts []text.Token, i int) bool {
	for j := i + 1; j < len(ts) && j < i+40; j++ {
		switch ts[j].Fold {
		case ".", "!", "?", ";":
			return false
		case "if", "unless", "otherwise", "whether":
			return true
		}
	}
	return false
}

// reportingPast are verbs that report or settle a future in the past:
// "she said the plant would close", "it announced it would not".
var reportingPast = setOf("said told announced stated added reported wrote declared promised pledged vowed " +
	"confirmed revealed insisted decided agreed explained acknowledged assured warned ruled determined " +
	"knew realized realised learned learnt planned intended announcing saying telling " +
	"says tells announces states adds reports writes declares promises pledges vows confirms reveals insists decides agrees")

// plans are nouns whose "would" states the terms of a plan, not a guess:
// "the deal would give each holder", "the bill would require".
var plans = setOf("deal deals plan plans bill bills proposal proposals merger agreement agreements law laws " +
	"legislation measure measures scheme schemes contract contracts rule rules tax taxes policy budget " +
	"program programs programme programmes reform reforms offer offers acquisition takeover transaction " +
	"amendment amendments treaty package settlement initiative provision provisions regulation regulations " +
	"order ordinance arrangement pact accord project projects")

// narrative are the words after a "would" that tells a later event of a
// past story ("he would later become", "which would become his best") or
// a habit ("she would often sing").
var narrative = setOf("later eventually subsequently ultimately soon become often usually typically frequently regularly sometimes")

// isHedgingWould keeps a conditional or counterfactual "would" and
// rejects one that reports a future in the past after a reporting verb,
// states the terms of a plan, or tells a later event of a story.
func isHedgingWould(c *cursor, i, n int) bool {
	if !isModal(c, i, n) {
		return false
	}
	ts := c.ts
	next := ""
	if i+1 < len(ts) {
		next = ts[i+1].Fold
	}
	if next == "have" || next == "'ve" || conditionalAhead(ts, i) {
		return true // counterfactual or conditional
	}
	if narrative[next] {
		return false
	}
	// The subject: the word before, or before "which" / "that".
	if j := i - 1; j >= 0 {
		if (ts[j].Fold == "which" || ts[j].Fold == "that") && j > 0 {
			j--
			if ts[j].Fold == "," && j > 0 {
				j--
			}
		}
		if plans[ts[j].Fold] {
			return false
		}
	}
	// A reporting verb earlier in the clause: "said (that) X would".
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		if clauseBreak(ts[j]) {
			break
		}
		if reportingPast[ts[j].Fold] && (j == 0 || ts[j-1].Fold != "being") { // not "that being said"
			return false
		}
		if ts[j].Fold == "if" || ts[j].Fold == "unless" {
			return true
		}
	}
	return true
}

// participle reports whether a folded word looks like a past participle:
// a regular "-ed" form or a common irregular one.
func participle(w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") {
		return true
	}
	return irregularParticiples[w]
}

var irregularParticiples = setOf("found seen made done given taken shown known read heard built bought held kept " +
	"left met paid put run said sent set sold spent told thought understood won worn written brought caught " +
	"chosen drawn driven eaten fallen grown hidden hit hurt laid led lost meant shut spread struck taught " +
	"thrown cut beaten broken spoken stolen split cast felt got gotten begun bound fed fought forgotten " +
	"frozen hung lit overcome ridden risen seen shaken shot sought spun stuck sworn torn undertaken withdrawn")

// isHedgingCan rejects the "can" of a passive ability or availability
// ("can be found", "can be easily used": it is possible to find) and
// keeps the "can" of possibility ("it can be toxic", "can cause").
func isHedgingCan(c *cursor, i, n int) bool {
	if !isModal(c, i, n) {
		return false
	}
	ts := c.ts
	j := i + 1
	if j < len(ts) && ts[j].Fold == "also" {
		j++
	}
	if j < len(ts) && ts[j].Fold == "be" {
		j++
		if j < len(ts) && strings.HasSuffix(ts[j].Fold, "ly") {
			j++
		}
		if j < len(ts) && participle(ts[j].Fold) {
			return false
		}
	}
	return true
}

// isHedgingCould rejects the "could not" of a past inability ("he could
// not attend", "they couldn't agree") and keeps "could not be", "could
// not have" (possibility).
func isHedgingCould(c *cursor, i, n int) bool {
	if !isModal(c, i, n) {
		return false
	}
	ts := c.ts
	j := i + 1
	if j < len(ts) && (ts[j].Fold == "not" || ts[j].Fold == "n't") {
		j++
		if j < len(ts) && ts[j].Kind == text.Word {
			switch ts[j].Fold {
			case "be", "have", "'ve", "possibly", "only", "rule", "exclude", "say", "tell", "predict", "happen":
				return true
			}
			return false
		}
	}
	return true
}

// isHedgingExpect rejects "expect" and "expectations" in the business
// sense of a forecast met or missed: "as expected", "than expected",
// "beat expectations", "in line with expectations".
func isHedgingExpect(c *cursor, i, _ int) bool {
	ts := c.ts
	if i == 0 {
		return true
	}
	switch ts[i-1].Fold {
	case "as", "than", "beat", "beats", "beating", "exceed", "exceeded", "exceeds", "exceeding", "surpass",
		"surpassed", "meet", "met", "meets", "missed", "miss", "misses", "below", "above", "topped", "top",
		"tops", "with", "defied", "defy", "outpaced", "market", "analyst", "analysts", "earnings", "growth",
		"sales", "profit", "revenue", "forecast", "consensus", "inflation", "my", "our", "your", "high", "low",
		"higher", "lower", "the", "no", "his", "her", "their", "great", "big", "much":
		return false
	}
	return true
}

// roles are the people a "potential" names by what they may become:
// "potential buyers" are not an uncertainty but a market.
var roles = setOf("buyer buyers investor investors bidder bidders suitor suitors customer customers client clients " +
	"candidate candidates partner partners acquirer acquirers donor donors voter voters recruit recruits " +
	"successor successors employer employers employee employees user users visitor visitors student students " +
	"member members purchaser purchasers tenant tenants juror jurors")

// isHedgingPotential rejects "potential" before a role noun.
func isHedgingPotential(c *cursor, i, n int) bool {
	j := i + n
	return j >= len(c.ts) || !roles[c.ts[j].Fold]
}

// isHedgingIndicate keeps "indicate" that introduces a clause or an
// object it infers ("indicate that", "indicate a role") and rejects the
// plain pointing of "as indicated", "indicated by", "indicated in".
func isHedgingIndicate(c *cursor, i, n int) bool {
	ts := c.ts
	if i > 0 && ts[i-1].Fold == "as" {
		return false
	}
	j := i + n
	if j >= len(ts) {
		return false
	}
	switch ts[j].Fold {
	case "by", "in", "on", "at", "for", "with", "below", "above", "here", "there", ".", ",", ")", ";", ":":
		return false
	}
	return true
}

// isViewAs keeps "view" as a belief only with its "as": "Washington
// views this alliance as a threat", not "the view from the hill".
func isViewAs(c *cursor, i, n int) bool {
	if !isNotNoun(c, i, n) {
		return false
	}
	ts := c.ts
	for j := i + n; j < len(ts) && j <= i+8; j++ {
		if clauseBreak(ts[j]) || ts[j].Fold == "," {
			return false
		}
		if ts[j].Fold == "as" {
			return true
		}
	}
	return false
}

// isHedgingConsider rejects "consider" meaning deliberate ("the board
// will consider the bid", "considering whether") and the concessive
// "considering" ("considering the price"), keeping the judgment of
// "consider it a success", "is considered the best".
func isHedgingConsider(c *cursor, i, n int) bool {
	if !isNotNoun(c, i, n) {
		return false
	}
	ts := c.ts
	if ts[i].Fold == "considering" {
		return false
	}
	j := i + n
	if j >= len(ts) {
		return true
	}
	if ts[i].Fold == "considered" && (i == 0 || !haveAux[ts[i-1].Fold]) {
		return true // "was considered the best", "he considered it a success"
	}
	switch ts[j].Fold {
	case "the", "a", "an", "whether", "how", "what", "which", "if", "options", "ways", "all", "other", "any",
		"several", "this", "these", "those", "such", "its", "their", "his", "her", "our", "your", "my", "some":
		return false
	}
	if strings.HasSuffix(ts[j].Fold, "ing") {
		return false // "consider buying"
	}
	return true
}

var haveAux = setOf("has have had having 've 'd")

// isHedgingSuspect rejects "suspect" the noun: "the suspect", "suspects
// were arrested", "a murder suspect", and a "suspects" before a
// preposition ("terror suspects under house arrest"), which the tagger
// may take for a verb.
func isHedgingSuspect(c *cursor, i, n int) bool {
	if !isNotNoun(c, i, n) {
		return false
	}
	ts := c.ts
	if f := ts[i].Fold; f == "suspect" || f == "suspects" {
		if i > 0 {
			switch p := ts[i-1]; {
			case p.Kind != text.Word:
			case subjects[p.Fold] && p.Fold != "the" && p.Fold != "this" && p.Fold != "that" && p.Fold != "any":
				return true // "we suspect", "they suspect"
			}
		}
		if c.tag(i).UPOS().String() != "VERB" {
			return false
		}
		// The verb takes a clause or an object, not a preposition:
		// "terror suspects under house arrest" is the noun, whatever
		// the tagger says.
		if i+1 < len(ts) && ts[i+1].Kind == text.Word && ts[i+1].Fold != "that" && c.tag(i+1).XPOS() == "IN" {
			return false
		}
		return true
	}
	return true
}
