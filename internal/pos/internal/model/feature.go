// Package model is the machinery of the part-of-speech tagger: the hashed
// features of a token in its window, the binary weights format, and the
// greedy scorer. Package pos wraps it with tags; the weight generator
// trains with it. It is not API.
package model

import (
	"unicode"
	"unicode/utf8"
)

// Word is what the features see of one token: hashes of its normalized
// folded form, its suffixes and prefixes, and the shape of its original
// form.
type Word struct {
	W     uint64    // the normalized folded form
	Suf   [4]uint64 // the last 1, 2, 3, 4 bytes of the folded form
	Pre   [3]uint64 // the first 1, 2, 3 bytes
	Shape uint64    // the shape of the original form ("Xxxx", "dd", "x-x")
	Raw   uint64    // the original form, case and all
	// Lex is the most frequent class of the word in training (NoClass
	// for a rare word), which the model sets.
	Lex uint8
}

// Padding words before the first token and after the last.
var (
	startWord = padWord("-START-")
	endWord   = padWord("-END-")
)

func padWord(s string) Word {
	h := hashString(s)
	return Word{W: h, Suf: [4]uint64{h, h, h, h}, Pre: [3]uint64{h, h, h}, Shape: h, Raw: h, Lex: NoClass - 1}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// hashLower is hashString of s with ASCII letters lowered.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// Normalized word forms: dashes of every kind are one word, and a token
// that starts with a digit is a year or a number.
var (
	hDash   = hashString("--")
	hYear   = hashString("!YEAR")
	hDigits = hashString("!DIGITS")
)

// isDash reports whether the folded form is a dash written as "--", "---"
// or a dash character (en, em, horizontal bar, minus sign).
func isDash(f string) bool {
	switch f {
	case "--", "---", "\u2013", "\u2014", "\u2015", "\u2212":
		return true
	}
	return false
}

// Set fills w from a token's folded form and its original form. When
// lower is true, fold is the original form of an ASCII token, and Set
// lowers its letters while hashing.
func (w *Word) Set(fold, orig string, lower bool) {
	hash := hashString
	if lower {
		hash = hashLower
	}
	w.W = normWord(fold, hash)
	for k := 1; k <= 4; k++ {
		s := fold
		if len(s) > k {
			s = s[len(s)-k:]
		}
		w.Suf[k-1] = hash(s) + uint64(k)
	}
	for k := 1; k <= 3; k++ {
		s := fold
		if len(s) > k {
			s = s[:k]
		}
		w.Pre[k-1] = hash(s) + uint64(k)<<8
	}
	w.Shape = shape(orig)
	w.Raw = hashString(orig)
	w.Lex = NoClass
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'0' >= 10 {
			return false
		}
	}
	return true
}

// shape hashes the shape of s: upper-case letters X, lower-case x, digits
// d, other runes themselves, a run of one class cut after two, and at
// most 16 runes looked at.
func shape(s string) uint64 {
	h := uint64(fnvOffset)
	var last rune = -1
	run := 0
	n := 0
	for i := 0; i < len(s) && n < 16; n++ {
		c := rune(s[i])
		size := 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case c-'a' < 26 && c >= 'a':
			c = 'x'
		case c-'A' < 26 && c >= 'A':
			c = 'X'
		case c-'0' < 10 && c >= '0':
			c = 'd'
		case c >= utf8.RuneSelf:
			switch {
			case unicode.IsUpper(c):
				c = 'X'
			case unicode.IsLetter(c) || unicode.Is(unicode.Mn, c):
				c = 'x'
			case unicode.IsDigit(c):
				c = 'd'
			}
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			last, run = c, 0
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// The feature templates: NumWord of them see the token alone (its word,
// suffixes, prefixes, shape, lexical class, and the bias), NumContext
// see its neighbours and the classes before it.
const (
	NumWord    = 12
	NumContext = 21
	NumKeys    = NumWord + NumContext
)

// NoClass is the previous class before the first token.
const NoClass = 255

// mix combines a template number and two hashes into a 32-bit feature
// key, never 0.
func mix(t, a, b uint64) uint32 {
	x := a ^ (b * 0x9e3779b97f4a7c15) ^ (t * 0xbf58476d1ce4e5b9)
	x ^= x >> 31
	x *= 0x94d049bb133111eb
	x ^= x >> 29
	k := uint32(x >> 32)
	if k == 0 {
		k = 1
	}
	return k
}

// WordKeys writes the keys of the features of w alone.
func WordKeys(keys []uint32, w *Word) {
	_ = keys[NumWord-1]
	keys[0] = mix(0, 0, 0)
	keys[1] = mix(1, w.W, 0)
	keys[2] = mix(2, w.Suf[0], 0)
	keys[3] = mix(3, w.Suf[1], 0)
	keys[4] = mix(4, w.Suf[2], 0)
	keys[5] = mix(5, w.Suf[3], 0)
	keys[6] = mix(6, w.Pre[0], 0)
	keys[7] = mix(7, w.Pre[1], 0)
	keys[8] = mix(8, w.Pre[2], 0)
	keys[9] = mix(9, w.Shape, 0)
	keys[10] = mix(26, w.Raw, 0)
	keys[11] = mix(28, uint64(w.Lex), 0)
}

// ContextKeys writes the keys of the features of the token win[2] in the
// window win[0..4] (two tokens before it, two after, padding past the
// ends), given the classes predicted for the two tokens before it
// (NoClass at the start): first three on those classes alone (see
// histKeys), then restKeys, then four on them and the lexical classes
// (see lexKeys).
func ContextKeys(keys []uint32, win *[5]*Word, p1, p2 uint8) {
	_ = keys[NumContext-1]
	histKeys(keys[:histEnd], p1, p2)
	restKeys(keys[histEnd:lexStart], win, p1)
	lexKeys(keys[lexStart:], p1, win[2].Lex, win[3].Lex, win[4].Lex)
}

// The parts of ContextKeys.
const (
	histEnd  = 3
	lexStart = NumContext - 4
)

func histKeys(keys []uint32, p1, p2 uint8) {
	t1, t2 := uint64(p1), uint64(p2)
	keys[0] = mix(10, t1, 0)
	keys[1] = mix(11, t2, 0)
	keys[2] = mix(12, t1, t2)
}

func lexKeys(keys []uint32, p1, lex0, lex1, lex2 uint8) {
	t1, l0, l1, l2 := uint64(p1), uint64(lex0), uint64(lex1), uint64(lex2)
	keys[0] = mix(29, l1, 0)
	keys[1] = mix(30, l2, 0)
	keys[2] = mix(31, t1, l1)
	keys[3] = mix(32, l0, l1)
}

func restKeys(keys []uint32, win *[5]*Word, p1 uint8) {
	_ = keys[lexStart-histEnd-1]
	wm2, wm1, w, wp1, wp2 := win[0], win[1], win[2], win[3], win[4]
	t1 := uint64(p1)
	keys[0] = mix(13, t1, w.W)
	keys[1] = mix(14, wm1.W, 0)
	keys[2] = mix(15, wm1.Suf[2], 0)
	keys[3] = mix(16, wm2.W, 0)
	keys[4] = mix(17, wp1.W, 0)
	keys[5] = mix(18, wp1.Suf[2], 0)
	keys[6] = mix(19, wp2.W, 0)
	keys[7] = mix(20, wm1.W, w.W)
	keys[8] = mix(21, w.W, wp1.W)
	keys[9] = mix(22, wp1.Shape, w.Shape)
	keys[10] = mix(23, wm1.Shape, w.Shape)
	keys[11] = mix(24, t1, w.Suf[2])
	keys[12] = mix(25, t1, wp1.W)
	keys[13] = mix(27, t1, w.Shape)
}

// Keys writes the keys of all the features of the token win[2]: those of
// WordKeys, then those of ContextKeys.
func Keys(keys *[NumKeys]uint32, win *[5]*Word, p1, p2 uint8) {
	WordKeys(keys[:NumWord], win[2])
	ContextKeys(keys[NumWord:], win, p1, p2)
}

// Padding returns the words that stand before the first token and after
// the last.
func Padding() (start, end Word) { return startWord, endWord }

// normWord is the hash of a word as the model keys it: every dash one
// word, every number one word (a four-digit one a year), other words by
// hash, which lowers the letters of an ASCII original or hashes a folded
// form as it is.
func normWord(fold string, hash func(string) uint64) uint64 {
	switch {
	case len(fold) == 0:
		return hashString("")
	case isDash(fold):
		return hDash
	case fold[0]-'0' < 10:
		if len(fold) == 4 && allDigits(fold) {
			return hYear
		}
		return hDigits
	}
	return hash(fold)
}
