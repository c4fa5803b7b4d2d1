package attribution

import "github.com/hearsay-go/hearsay/internal/text"

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
