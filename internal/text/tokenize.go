package text

import (
	"encoding/binary"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Tokens holds the tokens of one text and the buffers that produced them.
// Reuse one Tokens across calls to [Tokenize] to avoid allocation; the
// zero value is ready to use. A Tokens is not safe for concurrent use.
type Tokens struct {
	// Text is the text last tokenized; token spans point into it.
	Text string
	// Toks are the tokens of Text in order.
	Toks []Token

	folded  []byte    // folded forms that are not excerpts of Text
	refs    []foldRef // which tokens take their Fold from folded
	foldStr string    // the string built from folded by the last call
	single  bool      // a single quote opened in this line is still open
	// dirty bounds the tokens written since the last Reset: Reset clears
	// only those, so that a large buffer reused for a short text is not
	// cleared whole every time.
	dirty int
}

// foldRef says that Toks[tok].Fold is folded[start:end].
type foldRef struct{ tok, start, end int }

// Reset empties t and releases its references to the last text, keeping
// its buffers for reuse.
func (t *Tokens) Reset() {
	clear(t.Toks[:max(t.dirty, len(t.Toks))])
	t.dirty = 0
	t.Toks = t.Toks[:0]
	t.Text = ""
	t.folded = t.folded[:0]
	t.refs = t.refs[:0]
	t.foldStr = ""
	t.single = false
}

// Tokenize splits text into tokens, replacing the contents of dst and
// reusing its buffers.
//
// Word tokens are runs of letters, digits and combining marks with inner
// hyphens ("well-known", "Caracas-Havana"), inner apostrophes ("don't",
// "Venezuela’s" keeps ’ in the span) and inner periods between letters
// ("U.S", "bbc.co.uk"). A final period is part of the word when the word
// is a known abbreviation or an initial ("U.S.", "Mr.", "B."); otherwise
// it is a Punct token, also at the end of a sentence. A possessive "'s"
// (or "’s") is split off as its own Word token, so "Maduro's" gives
// "Maduro" and "'s" and the name matches; an apostrophe after a final "s"
// ("analysts'") is a Word token "'" unless a single quote is open.
// Number tokens are digits with inner '.', ',' or ':' between digits
// ("2013", "3.5", "1,000", "10:30"); "1.2bn" and "G2" are words.
// Quotation marks are Quote tokens; “ and ” are one token each. An
// apostrophe between letters belongs to the word, other single quotes
// ('knows too much') are Quote tokens. Every other non-space rune (and
// every invalid UTF-8 byte) is one Punct token; so is a combining mark
// with no letter before it, whose Fold is then the mark itself.
//
// Each token's Fold is its folded form (see [Fold]); Quote tokens fold to
// `"` or `'`. Fold slices Text when folding changes nothing, a string
// literal for quotes and "'s", and otherwise one string built per call
// from all folded forms, so Tokenize allocates no memory per token. Once
// dst's buffers have grown, a call allocates at most that one string, and
// none when no token needs folding or the folded forms are the same as
// in the previous call.
func Tokenize(text string, dst *Tokens) {
	dst.Text = text
	dst.dirty = max(dst.dirty, len(dst.Toks))
	dst.Toks = dst.Toks[:0]
	dst.folded = dst.folded[:0]
	dst.refs = dst.refs[:0]
	// News folds about one token in seven (its capitalized words), in
	// about a byte in seven: a long text's buffers are sized once rather
	// than grown by copies (at most 0.75 + 0.17 bytes a byte of text,
	// a tenth of its tokens').
	if want := len(text) / 32; cap(dst.refs) < want {
		dst.refs = make([]foldRef, 0, want)
	}
	if want := len(text) / 6; cap(dst.folded) < want {
		dst.folded = make([]byte, 0, want)
	}
	dst.single = false
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			switch tokClass[c] {
			case tcSpace:
				if c == '\n' {
					dst.single = false
				}
				i++
			case tcLetter, tcDigit:
				// Fast path: an ASCII run that nothing may join.
				j, bits := scanWordASCII(text, i)
				if j < n && mayJoin[text[j]] {
					end, ok := asciiWordEnd(text, i, j, bits)
					if !ok {
						i = dst.wordFrom(text, i, j, bits)
						continue
					}
					j = end
				}
				k := Word
				if bits&(wbLower|wbUpper) == 0 {
					k = Number
				}
				if bits&wbUpper != 0 {
					dst.addLower(i, j, k)
				} else {
					dst.add(i, j, k, text[i:j])
				}
				i = j
				// Most words are followed by one space: skipping it here
				// spares the switch above a hard-to-predict branch.
				if i < n && text[i] == ' ' {
					i++
				}
			case tcDquote:
				dst.add(i, i+1, Quote, `"`)
				i++
			case tcApos:
				if i+1 < n && text[i+1] == '\'' {
					dst.add(i, i+2, Quote, `"`)
					i += 2
					continue
				}
				dst.singleQuote(text, i, 1)
				i++
			case tcBacktick:
				if i+1 < n && text[i+1] == '`' {
					dst.add(i, i+2, Quote, `"`)
					i += 2
					continue
				}
				dst.add(i, i+1, Quote, "'")
				i++
			default:
				dst.add(i, i+1, Punct, text[i:i+1])
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst.add(i, i+1, Punct, "\uFFFD")
			i++
		case isWordRune(r) && !unicode.IsMark(r):
			i = dst.word(text, i)
		case unicode.IsSpace(r):
			if r == '\u2028' || r == '\u2029' || r == '\u0085' {
				dst.single = false
			}
			i += size
		default:
			switch r {
			case '“', '”', '„', '‟', '«', '»', '＂':
				dst.add(i, i+size, Quote, `"`)
			case '‘', '’', '‛', '‚', '‹', '›', 'ʼ', '＇':
				dst.singleQuote(text, i, size)
			case '「', '」', '『', '』':
				dst.add(i, i+size, Quote, text[i:i+size])
			default:
				dst.addFold(i, i+size, Punct)
			}
			i += size
		}
	}
	if len(dst.folded) > 0 {
		if string(dst.folded) != dst.foldStr {
			dst.foldStr = string(dst.folded)
		}
		for _, r := range dst.refs {
			dst.Toks[r.tok].Fold = dst.foldStr[r.start:r.end]
		}
	}
}

// ASCII classes for the tokenizer.
const (
	tcPunct uint8 = iota
	tcSpace
	tcLetter
	tcDigit
	tcDquote
	tcApos
	tcBacktick
)

var tokClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case asciiSpace[c]:
			t[c] = tcSpace
		case isASCIILetter(byte(c)):
			t[c] = tcLetter
		case isASCIIDigit(byte(c)):
			t[c] = tcDigit
		}
	}
	t['"'] = tcDquote
	t['\''] = tcApos
	t['`'] = tcBacktick
	return t
}()

// isWordRune reports whether r can be part of a word token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return isASCIILetter(c) || isASCIIDigit(c)
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// add appends a token whose fold is known.
func (t *Tokens) add(start, end int, k Kind, fold string) {
	n := len(t.Toks)
	if n == cap(t.Toks) {
		t.Toks = slices.Grow(t.Toks, 1)
	}
	t.Toks = t.Toks[:n+1]
	// Field by field: a composite literal is built on the stack and then
	// copied, and the copy stalls on the one-byte Kind store.
	tk := &t.Toks[n]
	tk.Span.Start = start
	tk.Span.End = end
	tk.Kind = k
	tk.Fold = fold
}

// addLower appends a token of ASCII text with upper-case letters.
func (t *Tokens) addLower(start, end int, k Kind) {
	off := len(t.folded)
	if n := end - start; n <= 8 && start+8 <= len(t.Text) {
		// Eight bytes lowered at once, the word's and the bytes after it,
		// which are cut off again: a carry out of a non-ASCII byte after
		// the word spoils only bytes after it.
		v := load8(t.Text, start)
		v += (inRange(v, 'A', 'Z') & ^v & swarHi) >> 2 // 'A'-'Z' += 0x20
		t.folded = binary.LittleEndian.AppendUint64(t.folded, v)[:off+n]
	} else {
		t.folded = appendLowerASCII(t.folded, t.Text[start:end])
	}
	t.refs = append(t.refs, foldRef{tok: len(t.Toks), start: off, end: len(t.folded)})
	t.add(start, end, k, "")
}

// addFold appends a token folded with [AppendFold].
func (t *Tokens) addFold(start, end int, k Kind) {
	s := t.Text[start:end]
	off := len(t.folded)
	t.folded = AppendFold(t.folded, s)
	if off == len(t.folded) || string(t.folded[off:]) == s {
		// Unchanged, or a combining mark without a base that folding
		// would remove: keep the excerpt.
		t.folded = t.folded[:off]
		t.add(start, end, k, s)
		return
	}
	t.refs = append(t.refs, foldRef{tok: len(t.Toks), start: off, end: len(t.folded)})
	t.add(start, end, k, "")
}

// singleQuote appends the single quote of size bytes at i, noting whether
// it opens or closes a quotation.
func (t *Tokens) singleQuote(text string, i, size int) {
	t.add(i, i+size, Quote, "'")
	opening := i == 0
	if !opening {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		opening = unicode.IsSpace(r) || r == '(' || r == '[' || r == '"' || r == '“' || r == '—' || r == '-'
	}
	t.single = opening
}

// isApostrophe reports whether the bytes at j are an apostrophe and
// returns its size: ' ’ ‘ ʼ.
func isApostrophe(text string, j int) int {
	switch text[j] {
	case '\'':
		return 1
	case 0xE2:
		if j+2 < len(text) && text[j+1] == 0x80 && (text[j+2] == 0x99 || text[j+2] == 0x98) {
			return 3
		}
	case 0xCA:
		if j+1 < len(text) && text[j+1] == 0xBC {
			return 2
		}
	}
	return 0
}

// isHyphen reports whether the bytes at j are a hyphen (- ‐ ‑) and returns
// its size.
func isHyphen(text string, j int) int {
	switch text[j] {
	case '-':
		return 1
	case 0xE2:
		if j+2 < len(text) && text[j+1] == 0x80 && (text[j+2] == 0x90 || text[j+2] == 0x91) {
			return 3
		}
	}
	return 0
}

// wordRuneAt reports whether a word rune starts at j and whether it is a
// digit.
func wordRuneAt(text string, j int) (word, digit bool) {
	if j >= len(text) {
		return false, false
	}
	c := text[j]
	if c < utf8.RuneSelf {
		cl := tokClass[c]
		return cl == tcLetter || cl == tcDigit, cl == tcDigit
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return isWordRune(r), unicode.IsDigit(r)
}

// ASCII word bits: which bytes continue a word run, and what they are.
// scanWordASCII relies on their values: 1, 2 and 4.
const (
	wbLower uint8 = 1 << iota
	wbUpper
	wbDigit
)

var wordBits = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = wbLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = wbUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wbDigit
	}
	return t
}()

// mayJoin marks the bytes after a run of ASCII word bytes that may
// continue the word: joiners, and the first bytes of non-ASCII runes.
var mayJoin = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	for _, c := range "'-.,:" {
		t[c] = true
	}
	return t
}()

// prevRune tells whether the rune that ends at j (j > 0) is a digit and
// whether it is an 's' or 'S'.
func prevRune(text string, j int) (digit, s bool) {
	c := text[j-1]
	if c < utf8.RuneSelf {
		return isASCIIDigit(c), c|0x20 == 's'
	}
	r, _ := utf8.DecodeLastRuneInString(text[:j])
	return unicode.IsDigit(r), false
}

// asciiWordEnd returns the end of the word whose first run of ASCII word
// bytes, with the word bits bits, is text[start:j], when the byte at j is
// a comma, colon or period that no letter or digit follows: the word ends
// there, with the period when it is an abbreviation's, as [Tokens.word]
// would find. ok is false for any other byte at j, which word must judge.
func asciiWordEnd(text string, start, j int, bits uint8) (end int, ok bool) {
	c := text[j]
	if c != ',' && c != ':' && c != '.' {
		return 0, false
	}
	if j+1 < len(text) && (text[j+1] >= utf8.RuneSelf || wordBits[text[j+1]] != 0) {
		return 0, false
	}
	if c == '.' && bits&(wbLower|wbUpper) != 0 && (j+1 == len(text) || text[j+1] != '.') && isTokenAbbrev(text[start:j]) {
		return j + 1, true
	}
	return j, true
}

// word scans the word or number that starts at i, appends its tokens and
// returns the offset after it.
func (t *Tokens) word(text string, i int) int { return t.wordFrom(text, i, i, 0) }

// wordFrom is word for a word that starts at start and whose first run of
// ASCII word bytes, with the word bits bits, ends at j.
func (t *Tokens) wordFrom(text string, start, j int, bits uint8) int {
	n := len(text)
	ascii := true
	nonDigit := false // a non-ASCII letter or a joiner that numbers do not have
	for {
		// A run of word runes.
		for j < n {
			b := wordBits[text[j]]
			if b == 0 {
				break
			}
			bits |= b
			j++
		}
		if j >= n || !mayJoin[text[j]] {
			break
		}
		if text[j] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) {
				ascii = false
				if !unicode.IsDigit(r) && !unicode.IsMark(r) {
					nonDigit = true
				}
				j += size
				continue
			}
		}
		// A joiner between word runes?
		if size := isApostrophe(text, j); size > 0 {
			after := j + size
			w, _ := wordRuneAt(text, after)
			if !w {
				if _, prevS := prevRune(text, j); prevS && !t.single {
					// Plural possessive: "analysts'".
					t.addWord(start, j, ascii, bits, nonDigit)
					t.add(j, after, Word, "'")
					return after
				}
				break
			}
			if text[after]|0x20 == 's' {
				if w2, _ := wordRuneAt(text, after+1); !w2 {
					// Possessive "'s": its own token.
					t.addWord(start, j, ascii, bits, nonDigit)
					t.add(j, after+1, Word, "'s")
					return after + 1
				}
			}
			ascii = ascii && size == 1
			nonDigit = true
			j = after
			continue
		}
		if size := isHyphen(text, j); size > 0 {
			if w, _ := wordRuneAt(text, j+size); !w {
				break
			}
			ascii = ascii && size == 1
			nonDigit = true
			j += size
			continue
		}
		c := text[j]
		if c == '.' || c == ',' || c == ':' {
			w, d := wordRuneAt(text, j+1)
			prevDigit, _ := prevRune(text, j)
			if prevDigit && d {
				j++
				continue
			}
			if c == '.' && w && !d && !prevDigit {
				// Inner period between letters: "U.S", "e.g".
				nonDigit = true
				j++
				continue
			}
		}
		break
	}
	end := j
	if ascii && bits&(wbLower|wbUpper) != 0 && end < n && text[end] == '.' &&
		(end+1 == n || text[end+1] != '.') && isTokenAbbrev(text[start:end]) {
		end++
	}
	t.addWord(start, end, ascii, bits, nonDigit)
	return end
}

// addWord appends a Word or Number token: a Number when it starts with a
// digit and has only digits and digit separators.
func (t *Tokens) addWord(start, end int, ascii bool, bits uint8, nonDigit bool) {
	k := Word
	if bits&(wbLower|wbUpper) == 0 && !nonDigit {
		if _, d := wordRuneAt(t.Text, start); d {
			k = Number
		}
	}
	switch {
	case !ascii:
		t.addFold(start, end, k)
	case bits&wbUpper != 0:
		t.addLower(start, end, k)
	default:
		t.add(start, end, k, t.Text[start:end])
	}
}
