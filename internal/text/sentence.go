package text

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/span"
)

// Sentences returns the sentences of text as byte spans into it. See
// [AppendSentences].
func Sentences(text string) []span.Span {
	// News sentences average a little over 100 bytes.
	out := AppendSentences(make([]span.Span, 0, len(text)/128+1), text)
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendSentences appends the sentences of text to dst and returns the
// extended slice. It allocates only when dst lacks capacity.
//
// Each span is trimmed of surrounding white space; every other byte of the
// text belongs to exactly one span; spans are sorted and do not overlap.
// A line break always ends a sentence (each line of news text is a
// paragraph or a headline). Within a line a sentence ends after '.', '?',
// '!', an ellipsis or a full-width stop, together with any closing quotes
// and brackets after it, when white space and a word that may begin a
// sentence follow. A period after a title ("Mr.", "Gen.") never ends a
// sentence; after an ambiguous abbreviation ("U.S.", "Inc.", "a.m.") or an
// initial it does only when a typical sentence starter ("The", "He", "But")
// follows. A lower-case next word never begins a sentence.
//
// Any input, including invalid UTF-8, gives a result in linear time;
// invalid bytes count as non-space characters.
func AppendSentences(dst []span.Span, text string) []span.Span {
	i := 0
	for i < len(text) {
		start := skipSpace(text, i)
		if start >= len(text) {
			break
		}
		end, next := sentenceEnd(text, start)
		end = trimSpaceRight(text, start, end)
		if end > start {
			dst = append(dst, span.Span{Start: start, End: end})
		}
		i = next
	}
	return dst
}

// sentSpecial marks the ASCII bytes the sentence scanner must look at.
var sentSpecial = [utf8.RuneSelf]bool{
	'\n': true, '\r': true, '\v': true, '\f': true,
	'.': true, '?': true, '!': true,
}

// sentenceEnd scans the sentence that starts at start (a non-space byte)
// and returns its end (before trimming) and the offset where the scan for
// the next sentence resumes.
func sentenceEnd(text string, start int) (end, next int) {
	n := len(text)
	j := start
	for j < n {
		if j+8 <= n {
			m := sentSpecial8(load8(text, j))
			if m == 0 {
				j += 8
				continue
			}
			j += bits.TrailingZeros64(m) >> 3
		}
		c := text[j]
		if c < utf8.RuneSelf {
			if !sentSpecial[c] {
				j++
				continue
			}
			if c == '.' || c == '?' || c == '!' {
				e, brk := terminal(text, start, j)
				if brk {
					return e, e
				}
				j = e
				continue
			}
			return j, j + 1 // a line break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '\u0085', '\u2028', '\u2029':
			return j, j + size
		case '…':
			e, brk := terminal(text, start, j)
			if brk {
				return e, e
			}
			j = e
			continue
		case '。', '｡', '！', '？':
			e, _ := skipClosers(text, j+size)
			return e, e
		}
		j += size
	}
	return n, n
}

// terminal decides about the run of terminal punctuation ('.', '?', '!',
// '…') at j, in the sentence that starts at start. It returns the offset
// after the run and any closing quotes and brackets, and whether the
// sentence ends there. The returned offset is always after j.
func terminal(text string, start, j int) (end int, brk bool) {
	n := len(text)
	k := j
	periods, qe, ellipsis := 0, false, false
	for k < n {
		c := text[k]
		if c == '.' {
			periods++
			k++
		} else if c == '?' || c == '!' {
			qe = true
			k++
		} else if c == 0xE2 && k+2 < n && text[k+1] == 0x80 && text[k+2] == 0xA6 {
			ellipsis = true
			k += 3
		} else {
			break
		}
	}
	if periods > 1 {
		ellipsis = true
	}
	k, closed := skipClosers(text, k)
	if k < n && (text[k] == ' ' || text[k] == 0xC2 || text[k] == 0xE2) {
		// French spacing: "« Non. »".
		if e := spacedGuillemet(text, k); e > k {
			k, closed = e, true
		}
	}
	if k >= n {
		return n, true
	}

	// White space must follow; a line break or the end of the text ends
	// the sentence anyway.
	m, sp := k, false
	for m < n {
		c := text[m]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' {
				m++
				sp = true
				continue
			}
			if c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				return k, true
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[m:])
		if r == '\u0085' || r == '\u2028' || r == '\u2029' {
			return k, true
		}
		if !unicode.IsSpace(r) {
			break
		}
		m += size
		sp = true
	}
	if m >= n {
		return k, true
	}
	if !sp {
		return k, false
	}

	// What begins the next word?
	const (
		upper = iota
		digit
		opener
		other
	)
	var next int
	c := text[m]
	if c < utf8.RuneSelf {
		switch {
		case c >= 'a' && c <= 'z':
			if m+1 < n && text[m+1] >= 'A' && text[m+1] <= 'Z' {
				next = upper // "iPhone", "eBay"
				break
			}
			return k, false
		case c >= 'A' && c <= 'Z':
			next = upper
		case isASCIIDigit(c):
			next = digit
		case c == ',' || c == ';' || c == ':' || c == '.' || c == '?' || c == '!':
			return k, false // continuation or spaced ellipsis (". . .")
		case c == '"' || c == '\'' || c == '`' || c == '(' || c == '[':
			next = opener
		default:
			next = other
		}
	} else {
		r, _ := utf8.DecodeRuneInString(text[m:])
		switch {
		case unicode.IsLower(r):
			return k, false
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			next = upper
		case unicode.IsDigit(r):
			next = digit
		case r == '…':
			return k, false
		case isOpenQuote(r):
			next = opener
		default:
			next = other
		}
	}

	if qe || ellipsis || closed {
		return k, true
	}
	// A single period: look at the word before it.
	cls, wstart := wordBefore(text, start, j)
	switch cls {
	case never:
		return k, false
	case ambiguous, initial:
		switch next {
		case upper:
			return k, starterAt(text, m)
		case opener:
			return k, true
		}
		return k, false
	}
	// An ordinary word. A short number opening the sentence is a list
	// enumerator ("1. Introduction").
	if wstart == start && j-wstart <= 2 && allDigits(text[wstart:j]) {
		return k, false
	}
	return k, true
}

// wordBefore classifies the word that ends at the period at j, looking
// back at most maxAbbrLen bytes and not before start. It returns the class
// and the offset where the word starts.
func wordBefore(text string, start, j int) (abbrClass, int) {
	p := j
	for p > start {
		c := text[p-1]
		if c >= utf8.RuneSelf || c <= ' ' || c == '(' || c == '[' || c == '{' ||
			c == '"' || c == '\'' || c == '`' || c == '-' || c == '/' {
			break
		}
		p--
		if j-p > maxAbbrLen {
			return ordinary, p
		}
	}
	if p == j && p > start && text[p-1] >= utf8.RuneSelf {
		// A non-ASCII initial ("Á.") after a space or at the start.
		r, size := utf8.DecodeLastRuneInString(text[start:p])
		q := p - size
		if unicode.IsUpper(r) && (q == start || text[q-1] == ' ') {
			return initial, q
		}
		return ordinary, p
	}
	return classify(text[p:j]), p
}

// starterAt reports whether the word at m is a typical sentence starter.
func starterAt(text string, m int) bool {
	e := m
	for e < len(text) && e-m <= 12 && isASCIILetter(text[e]) {
		e++
	}
	if e == m || e-m > 12 {
		return false
	}
	if e < len(text) {
		c := text[e]
		if c == '.' || isASCIIDigit(c) {
			return false // an initial or a code: "A. A. Milne", "A1"
		}
		if c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(text[e:]); unicode.IsLetter(r) || unicode.IsMark(r) {
				return false
			}
		}
	}
	return isStarter(text[m:e])
}

// skipClosers skips closing quotes and brackets at k and reports whether
// there were any.
func skipClosers(text string, k int) (int, bool) {
	closed := false
	for k < len(text) {
		c := text[k]
		if c < utf8.RuneSelf {
			if c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' {
				k++
				closed = true
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[k:])
		switch r {
		case '”', '’', '»', '›', '」', '』', '）', '］', '\u201f':
			k += size
			closed = true
			continue
		}
		break
	}
	return k, closed
}

// spacedGuillemet returns the offset after "»" (or "›") when one or two
// spaces (' ', no-break or narrow no-break) and it are at k, else k.
func spacedGuillemet(text string, k int) int {
	m := k
	for range 2 {
		switch {
		case strings.HasPrefix(text[m:], " "):
			m++
		case strings.HasPrefix(text[m:], "\u00a0"):
			m += len("\u00a0")
		case strings.HasPrefix(text[m:], "\u202f"):
			m += len("\u202f")
		default:
			return k
		}
		if strings.HasPrefix(text[m:], "»") || strings.HasPrefix(text[m:], "›") {
			e, _ := skipClosers(text, m)
			return e
		}
	}
	return k
}

// isOpenQuote reports whether r opens a quotation or a bracket.
func isOpenQuote(r rune) bool {
	switch r {
	case '“', '‘', '«', '‹', '„', '‚', '「', '『', '（', '［':
		return true
	}
	return false
}

// skipSpace returns the offset of the first non-space rune at or after i,
// or len(text).
func skipSpace(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// trimSpaceRight returns end moved back over white space, not before start.
func trimSpaceRight(text string, start, end int) int {
	for end > start {
		c := text[end-1]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				end--
				continue
			}
			return end
		}
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if r == utf8.RuneError || !unicode.IsSpace(r) {
			return end
		}
		end -= size
	}
	return end
}

// asciiSpace marks the ASCII white space bytes.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
