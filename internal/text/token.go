// Package text is hearsay's text machinery: sentence segmentation,
// tokenization with byte spans into the original text, and folding of
// token text for matching. It is not API.
package text

import "github.com/hearsay-go/hearsay/span"

// Kind tells what a token is.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota + 1 // letters, digits, inner apostrophes and hyphens: "don't", "U.S.", "well-known", "1.2bn"; also a split-off possessive "'s"
	Number                 // a token of digits, with inner separators: "2013", "3.5", "1,000"
	Punct                  // one punctuation or symbol rune: "," "." ":" ";" "(" "—"
	Quote                  // a quotation mark of any kind: " “ ” « » ‘ ’ (as a quote, not an apostrophe) `` ''
)

// Token is one token of a text: its byte span in the original text and
// its folded form for matching.
type Token struct {
	Span span.Span // bytes of the original text
	Kind Kind
	// Fold is the folded form: lower case, NFC, no diacritics, full-width
	// folded, curly apostrophes and quotes made straight (see [Fold]). It
	// slices either the original text (when folding changes nothing), a
	// constant, or one string built per [Tokenize] call, so it costs no
	// allocation per token.
	Fold string
}
