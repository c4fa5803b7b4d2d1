package cuefeat

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/span"
)

// refAfter and refBefore are tokenAfter and tokenBefore written rune by
// rune, without the ASCII fast paths: the features must not change with
// the optimization, or the learned weights would no longer fit them.
func refAfter(txt string, i int) string {
	for i < len(txt) {
		r, n := utf8.DecodeRuneInString(txt[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= len(txt) {
		return ""
	}
	r, n := utf8.DecodeRuneInString(txt[i:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return txt[i : i+n]
	}
	j := i
	for j < len(txt) {
		r, n := utf8.DecodeRuneInString(txt[j:])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	return txt[i:j]
}

func refBefore(txt string, i int) string {
	if i > len(txt) {
		i = len(txt)
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(txt[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	if i <= 0 {
		return ""
	}
	r, n := utf8.DecodeLastRuneInString(txt[:i])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return txt[i-n : i]
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(txt[:j])
		if !isWordRune(r) {
			break
		}
		j -= n
	}
	return txt[j:i]
}

func TestTokenAroundMatchesReference(t *testing.T) {
	pieces := []string{"said", " ", "  ", "\n", "\u00a0", "Maduro’s", "don't", "well-known", ",", ".", "“", "”", "—", "Nicolás", "2016", "\t", "'", "x", "é", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b []byte
		for k := rng.IntN(8); k >= 0; k-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		txt := string(b)
		for i := 0; i <= len(txt); i++ {
			if got, want := tokenAfter(txt, i), refAfter(txt, i); got != want {
				t.Fatalf("tokenAfter(%q, %d) = %q, want %q", txt, i, got, want)
			}
			if got, want := tokenBefore(txt, i), refBefore(txt, i); got != want {
				t.Fatalf("tokenBefore(%q, %d) = %q, want %q", txt, i, got, want)
			}
		}
	}
}

func TestClassOf(t *testing.T) {
	for tok, want := range map[string]string{"": "end", "2016": "num", "The": "the", "Maduro": "Cap",
		"quickly": "-ly", "saying": "-ing", "claimed": "-ed", "said": "said", "policy": "word", "“": "quote", ",": ",", "—": "dash", "&": "punct"} {
		if got := classOf(tok); got != want {
			t.Errorf("classOf(%q) = %q, want %q", tok, got, want)
		}
	}
}

// TestContentOpenAfter checks that the shortcut through the token after
// the cue gives what contentOpen gives, for every cue end and content
// start of random texts.
func TestContentOpenAfter(t *testing.T) {
	pieces := []string{"said", " ", "\u00a0", "\n", "that", "“", "”", ",", "The", "\xff", "é", ":"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 3000; n++ {
		var b []byte
		for k := rng.IntN(8); k >= 0; k-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		txt := string(b)
		for ce := 0; ce <= len(txt); ce++ {
			for cs := ce; cs <= len(txt); cs++ {
				c := &Cand{Cue: span.Span{Start: 0, End: ce}, Content: []span.Span{{Start: cs, End: len(txt)}}}
				next := classOf(tokenAfter(txt, ce))
				if got, want := contentOpenAfter(txt, c, next), contentOpen(txt, c.Content); got != want {
					t.Fatalf("%q cue end %d content start %d: %q, want %q", txt, ce, cs, got, want)
				}
			}
		}
	}
}
