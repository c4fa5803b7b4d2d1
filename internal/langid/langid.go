// Package langid guesses whether a text is English or Spanish by counting
// the frequent function words of each language among its words: cheap,
// dependency-free, and enough to catch a Spanish article analyzed as
// English. It looks at the first [Window] bytes of a text only.
package langid

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lang is a language the guesser knows, or Unknown.
type Lang int

// The languages a text can be guessed as.
const (
	Unknown Lang = iota
	English
	Spanish
)

// String returns "en", "es", or "und" for Unknown.
func (l Lang) String() string {
	switch l {
	case English:
		return "en"
	case Spanish:
		return "es"
	}
	return "und"
}

// Window is how many bytes from the start of a text [Guess] reads: a news
// article's opening paragraphs decide its language as well as the whole.
const Window = 64 << 10

// minHits is the number of function words a guess needs, and dominance
// how many times the other language's count the winner must reach.
const (
	minHits   = 3
	dominance = 2
)

// Words that are frequent in one language and rare as words of the other
// (so not "a", "no", "me", "son", "en" in both lists). Lowercase.
var (
	english = set(`the of and to in is that for it with as was on be by at this are from
have has had an or which but not they he she his her their were been would will
said says its who we there than more after about into also could when what all
them if up out our you`)
	spanish = set(`de la que el los del se las por un para con una su al lo como más pero
sus le ya o este porque esta entre cuando muy sin sobre también hasta hay donde
quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos esto
antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada
muchos cual poco ella estar estas algunas algo nosotros según fue es han está era
dijo afirmó aseguró`)
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Counts is the number of function words of each language in a text.
type Counts struct {
	English, Spanish int
}

// Count counts the function words of each language among the words of
// the first [Window] bytes of text. Words are runs of letters, compared
// in lower case.
func Count(text string) Counts {
	if len(text) > Window {
		text = text[:Window]
		// Do not cut a rune in half.
		for len(text) > 0 && !utf8.RuneStart(text[len(text)-1]) {
			text = text[:len(text)-1]
		}
	}
	var c Counts
	var buf [16]byte
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if w := text[i:j]; len(w) <= len(buf) {
			lw := lower(buf[:0], w)
			if english[string(lw)] {
				c.English++
			} else if spanish[string(lw)] {
				c.Spanish++
			}
		}
		i = j
	}
	return c
}

// lower appends w in lower case to dst, with an ASCII fast path.
func lower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		b := w[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		dst = append(dst, b)
	}
	return dst
}

// Guess returns the language of text by its function words: the language
// with at least three of them and at least twice as many as the other;
// Unknown when the text is too short or mixed to tell.
func Guess(text string) Lang {
	return Count(text).Lang()
}

// Lang returns the language these counts point to, as [Guess] does.
func (c Counts) Lang() Lang {
	switch {
	case c.English >= minHits && c.English >= dominance*c.Spanish:
		return English
	case c.Spanish >= minHits && c.Spanish >= dominance*c.English:
		return Spanish
	}
	return Unknown
}
