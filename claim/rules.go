package claim

import (
	"strings"

	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/text"
)

// check is a context rule named in a lexicon entry (check=NAME): it
// reports whether the phrase of n tokens at toks[i] is a cue here.
type check func(c *cursor, i, n int) bool

var checks = map[string]check{
	// modal rejects "May" the month or a name ("in May", "May 20",
	// "Theresa May"), and "might" as a noun ("military might").
	"modal": isModal,
	// noun rejects a verb cue used as a noun: "his views", "the view".
	"noun": isNotNoun,
	// inversion keeps "should he" as a conditional inversion ("should he
	// step down") and rejects it in a question ("why should he").
	"inversion": isInversion,
	// negatable marks a booster that a negation turns into a hedge: "not
	// confirmed". The detector applies it; the check itself accepts.
	"negatable": func(*cursor, int, int) bool { return true },
	// participle keeps Spanish "habría" only before a participle:
	// "habría ordenado" (reportedly ordered).
	"participle": isBeforeParticiple,
	// si keeps Spanish "si" (if) and rejects "sí" (yes).
	"si": func(c *cursor, i, _ int) bool {
		return !strings.Contains(c.ts[i].Span.Text(c.a.Src), "í")
	},
}

func isBeforeParticiple(c *cursor, i, n int) bool {
	j := i + n
	if j >= len(c.ts) {
		return false
	}
	w := c.ts[j].Fold
	for _, suf := range []string{"ado", "ido", "ada", "ida", "ados", "idos", "to", "cho", "so"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+1 {
			return true
		}
	}
	return false
}

// determiners precede nouns, not verbs: a modal or verb cue after one is
// a noun ("the might of", "his views").
var determiners = setOf("a an the this that these those his her its their our my your whose all " +
	"military economic political full sheer public different opposing of with")

// monthContext precedes "may" the month: "in May", "since May", "last May".
var monthContext = setOf("in since until till by early late mid last next this of from through during before after between")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func isModal(c *cursor, i, _ int) bool {
	ts := c.ts
	word := ts[i].Span.Text(c.a.Src)
	if i > 0 && determiners[ts[i-1].Fold] && (ts[i].Fold == "might" || ts[i].Fold == "can" || ts[i].Fold == "may") {
		return false // "the might of", "a can of"
	}
	if !startsUpper(word) {
		if ts[i].Fold == "may" && i > 0 && monthContext[ts[i-1].Fold] {
			return false
		}
		return true
	}
	// Capitalized: a modal only at the start of a sentence, and not as a
	// date ("May 20, 1983").
	if !sentenceStart(c, i) {
		return false
	}
	if i+1 < len(ts) && ts[i+1].Kind == text.Number {
		return false
	}
	return true
}

func isNotNoun(c *cursor, i, _ int) bool {
	return i == 0 || !determiners[c.ts[i-1].Fold]
}

var subjects = setOf("he she it they we you i there the this that any anyone anything")

func isInversion(c *cursor, i, _ int) bool {
	ts := c.ts
	if i+1 >= len(ts) || !subjects[ts[i+1].Fold] {
		return false
	}
	// "Why should he care?" asks; ", should he step down" and "him
	// should he relinquish power" set a condition.
	return i == 0 || !whWords[ts[i-1].Fold]
}

var whWords = setOf("why what how where when who whom which whose")

// sentenceStart reports whether toks[i] starts a sentence or a line:
// nothing before it but an opening quote, or a line break or final
// punctuation before it.
func sentenceStart(c *cursor, i int) bool {
	ts := c.ts
	j := i - 1
	for j >= 0 && ts[j].Kind == text.Quote {
		j--
	}
	if j < 0 {
		return true
	}
	if strings.IndexByte(c.a.Src[ts[j].Span.End:ts[i].Span.Start], '\n') >= 0 {
		return true
	}
	switch ts[j].Fold {
	case ".", "!", "?", ":", ";":
		return true
	}
	return false
}

// negatedAt reports whether a negation stands in the two tokens before
// toks[i]: "not confirmed", "has not been confirmed", "never proven".
func negatedAt(ts []text.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if isNegation(ts[j].Fold) {
			return true
		}
	}
	return false
}

func isNegation(fold string) bool {
	// Every negation ends in t, r, o or y: most words are told by their
	// last byte, before the comparisons (the hedge scan asks of every
	// token).
	if len(fold) < 2 {
		return false
	}
	if c := fold[len(fold)-1]; c != 't' && c != 'r' && c != 'o' && c != 'y' {
		return false
	}
	switch fold {
	case "not", "never", "no", "cannot", "hardly", "without", "nor", "neither":
		return true
	}
	return strings.HasSuffix(fold, "n't")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
