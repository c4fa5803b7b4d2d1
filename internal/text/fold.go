package text

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Fold returns s folded for matching: lower case (Unicode case folding),
// full-width and half-width forms folded, diacritics removed ("Nicolás"
// becomes "nicolas"), curly apostrophes (’ ‘ ʼ) made ', curly and angle
// double quotes (“ ” „ « ») made ", and the result in NFC. Invalid UTF-8
// bytes become U+FFFD. Fold does not tokenize or collapse white space: to
// match a phrase against [Tokens], tokenize the phrase. It returns s
// itself, without allocating, when folding changes nothing.
//
// Fold is safe for concurrent use.
func Fold(s string) string {
	if !needsFold(s) {
		return s
	}
	b := AppendFold(make([]byte, 0, len(s)+8), s)
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendFold appends [Fold](s) to dst and returns the extended slice.
// ASCII input is folded byte by byte without touching the x/text
// transformers.
func AppendFold(dst []byte, s string) []byte {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return appendLowerASCII(dst, s)
	}
	// A combining mark may follow the last ASCII letter: fold it with the
	// rest.
	if i > 0 {
		i--
	}
	dst = appendLowerASCII(dst, s[:i])
	return appendFoldUnicode(dst, s[i:])
}

// needsFold reports whether s has an upper-case ASCII letter or a
// non-ASCII byte.
func needsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return true
		}
	}
	return false
}

func appendLowerASCII(dst []byte, s string) []byte {
	off := len(dst)
	dst = append(dst, s...)
	for i := off; i < len(dst); i++ {
		if c := dst[i]; c >= 'A' && c <= 'Z' {
			dst[i] = c + ('a' - 'A')
		}
	}
	return dst
}

// folder holds the state of one folding: a transformer chain (mapping
// quotes, folding width and case) and normalization iterators. Chains and
// iterators carry state and are not safe for concurrent use, so folders
// are pooled.
type folder struct {
	t         transform.Transformer
	it        norm.Iter
	src, a, b []byte
}

var folders = sync.Pool{New: func() any {
	return &folder{t: transform.Chain(width.Fold, cases.Fold(), runes.Map(mapQuote))}
}}

// mapQuote makes curly apostrophes and single quotes ' and curly and
// angle double quotes ".
func mapQuote(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '‛', '‚', '‹', '›':
		return '\''
	case '“', '”', '„', '‟', '«', '»':
		return '"'
	}
	return r
}

// appendFoldUnicode folds s, which has non-ASCII bytes.
func appendFoldUnicode(dst []byte, s string) []byte {
	if out, ok := appendFoldSimple(dst, s); ok {
		return out
	}
	return appendFoldSlow(dst, s)
}

// appendFoldSlow folds s with x/text: quote mapping, width folding and
// case folding, then NFD, removal of nonspacing marks (Mn) and NFC.
func appendFoldSlow(dst []byte, s string) []byte {
	f := folders.Get().(*folder)
	f.t.Reset()
	f.src = append(f.src[:0], s...)
	f.a = transformAppend(f.t, f.a[:0], f.src)

	f.b = f.b[:0]
	f.it.Init(norm.NFD, f.a)
	for !f.it.Done() {
		seg := f.it.Next()
		for len(seg) > 0 {
			r, size := utf8.DecodeRune(seg)
			if !unicode.Is(unicode.Mn, r) {
				f.b = append(f.b, seg[:size]...)
			}
			seg = seg[size:]
		}
	}
	f.it.Init(norm.NFC, f.b)
	for !f.it.Done() {
		dst = append(dst, f.it.Next()...)
	}
	if cap(f.src)+cap(f.a)+cap(f.b) <= 1<<16 {
		folders.Put(f)
	}
	return dst
}

// transformAppend appends the result of t on src to dst.
func transformAppend(t transform.Transformer, dst, src []byte) []byte {
	for {
		if cap(dst)-len(dst) < len(src)+utf8.UTFMax {
			dst = slices.Grow(dst, len(src)+2*utf8.UTFMax+len(dst)/4)
		}
		nDst, nSrc, err := t.Transform(dst[len(dst):cap(dst)], src, true)
		dst = dst[:len(dst)+nDst]
		src = src[nSrc:]
		if err != transform.ErrShortDst {
			// nil, or an error that cannot happen at EOF with these
			// transformers; keep any rest rather than drop it.
			if err != nil {
				dst = append(dst, src...)
			}
			return dst
		}
		if nDst == 0 && nSrc == 0 {
			dst = slices.Grow(dst, cap(dst)+64)
		}
	}
}

// Runes in these ranges fold on their own: they are not marks, and what
// they fold to cannot combine with a neighbour under NFC once nonspacing
// marks are gone (no Hangul jamo, no Indic vowel signs, no half-width
// katakana with sound marks). A string made of ASCII and such runes folds
// rune by rune, from a table, to the same result as appendFoldSlow.
var simpleRanges = [...]struct{ lo, hi rune }{
	{0x00A0, 0x02AF}, // Latin-1 Supplement, Latin Extended-A and -B, IPA
	{0x0370, 0x03FF}, // Greek
	{0x0400, 0x0482}, // Cyrillic (before its combining marks)
	{0x048A, 0x052F}, // Cyrillic, Cyrillic Supplement
	{0x1E00, 0x1FFF}, // Latin Extended Additional, Greek Extended
	{0x2000, 0x206F}, // General Punctuation
	{0x20A0, 0x20CF}, // Currency Symbols
	{0x2100, 0x214F}, // Letterlike Symbols
	{0xFF01, 0xFF5E}, // full-width ASCII
}

var (
	simpleOnce sync.Once
	simpleTab  string   // the folded forms, concatenated
	simpleOff  []uint32 // simpleOff[i], simpleOff[i+1]: the form of the i-th rune of simpleRanges
)

func buildSimple() {
	var tab []byte
	for _, rg := range simpleRanges {
		for r := rg.lo; r <= rg.hi; r++ {
			simpleOff = append(simpleOff, uint32(len(tab)))
			var enc [utf8.UTFMax]byte
			n := utf8.EncodeRune(enc[:], r)
			if unicode.IsMark(r) || !unicode.IsPrint(r) && !unicode.IsSpace(r) {
				// Not simple: marked by an empty form, unless it is
				// removed altogether (never in these ranges).
				continue
			}
			tab = appendFoldSlow(tab, string(enc[:n]))
		}
	}
	simpleOff = append(simpleOff, uint32(len(tab)))
	simpleTab = string(tab)
}

// simpleFold returns the folded form of r from the table, or false.
func simpleFold(r rune) (string, bool) {
	base := 0
	for _, rg := range simpleRanges {
		if r < rg.lo {
			return "", false
		}
		if r <= rg.hi {
			i := base + int(r-rg.lo)
			lo, hi := simpleOff[i], simpleOff[i+1]
			return simpleTab[lo:hi], lo < hi
		}
		base += int(rg.hi-rg.lo) + 1
	}
	return "", false
}

// appendFoldSimple folds s rune by rune when every non-ASCII rune of s
// is in simpleRanges; otherwise it returns dst unchanged and false.
func appendFoldSimple(dst []byte, s string) ([]byte, bool) {
	simpleOnce.Do(buildSimple)
	n := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		form, ok := simpleFold(r)
		if !ok || size == 1 {
			return dst[:n], false
		}
		dst = append(dst, form...)
		i += size
	}
	return dst, true
}
