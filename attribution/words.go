package attribution

// Word classes: the closed classes and word lists the frames read around
// a cue.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/text"
)

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

// isExpletive reports whether f opens a sentence with no actor in it:
// "There were no policies", "Here is".
func isExpletive(f string) bool {
	return f == "there" || f == "here"
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

// det reports whether token i is a determiner: not a Spanish one in
// capitals ("UN" and "LA" are no "un" and "la").
func (c *ctx) det(i int) bool {
	t := c.toks[i]
	if !isDet(t.Fold) {
		return false
	}
	switch t.Fold {
	case "un", "una", "el", "la", "los", "las":
		return !inCapitals(t.Span.Text(c.text))
	}
	return true
}

// inCapitals reports whether w, of two letters or more, has no lower-case
// letter ("UN", "U.S.").
func inCapitals(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
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

// isPollNoun reports whether f names a survey or study, which reports
// its findings: "in a new poll, 50 percent ...".
func isPollNoun(f string) bool {
	switch f {
	case "poll", "polls", "survey", "surveys", "study", "studies", "analysis":
		return true
	}
	return false
}
