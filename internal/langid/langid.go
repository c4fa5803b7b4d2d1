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
const Window = 16 << 10

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

// functionWords maps each function word to its language, and
// longestWord is the length in bytes of the longest.
var functionWords, longestWord = func() (map[string]Lang, int) {
	m := map[string]Lang{}
	longest := 0
	for l, words := range map[Lang]map[string]bool{English: english, Spanish: spanish} {
		for w := range words {
			m[w] = l
			longest = max(longest, len(w))
		}
	}
	return m, longest
}()

// Counts is the number of function words of each language in a text.
type Counts struct {
	English, Spanish int
}

// Count counts the function words of each language among the words of
// the first [Window] bytes of text. Words are runs of letters, compared
// in lower case.
func Count(text string) Counts {
	text = head(text)
	var c Counts
	var buf [16]byte
	for i := 0; i < len(text); {
		// The next word: ASCII bytes are decided here, without decoding a
		// rune or calling a function.
		if b := text[i]; b < utf8.RuneSelf {
			if l := b | 0x20; l < 'a' || l > 'z' {
				i++
				continue
			}
		} else if n, ok := letterRune(text, i); !ok {
			i += n
			continue
		}
		// The word's ASCII letters go to buf in lower case as they are
		// read; a word with other letters is lowered after.
		j, ascii := i, true
		for j < len(text) {
			if b := text[j]; b < utf8.RuneSelf {
				l := b | 0x20
				if l < 'a' || l > 'z' {
					break
				}
				if k := j - i; k < len(buf) {
					buf[k] = l
				}
				j++
				continue
			}
			n, ok := letterRune(text, j)
			if !ok {
				break
			}
			j, ascii = j+n, false
		}
		if w := text[i:j]; len(w) <= longestWord {
			var key []byte
			if ascii && len(w) <= len(buf) {
				key = buf[:len(w)]
			} else {
				key = lower(buf[:0], w)
			}
			switch functionWords[string(key)] {
			case English:
				c.English++
			case Spanish:
				c.Spanish++
			}
		}
		i = j
	}
	return c
}

// head returns the first Window bytes of text, or fewer so as not to cut
// a rune in half.
func head(text string) string {
	if len(text) > Window {
		text = text[:Window]
		for len(text) > 0 && !utf8.RuneStart(text[len(text)-1]) {
			text = text[:len(text)-1]
		}
	}
	return text
}

// letterRune decodes the rune at text[i], which starts no ASCII
// character: its length, and whether it is a letter.
func letterRune(text string, i int) (int, bool) {
	r, n := utf8.DecodeRuneInString(text[i:])
	return n, unicode.IsLetter(r)
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
