package span

import (
	"sort"
	"unicode/utf8"
)

// Runes converts between byte offsets and rune (code point) offsets of one
// text. It is built in one pass over the text and is safe for concurrent
// use. For ASCII text both offsets are equal and it stores nothing.
type Runes struct {
	n     int   // length of the text in bytes
	bytes []int // bytes[i]: byte offset of rune i; nil when the text is ASCII
}

// NewRunes indexes text for offset conversion. Invalid UTF-8 bytes count
// as one rune each, as in a range loop.
func NewRunes(text string) *Runes {
	r := &Runes{n: len(text)}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return r
	}
	r.bytes = make([]int, 0, utf8.RuneCountInString(text))
	for i := range text {
		r.bytes = append(r.bytes, i)
	}
	return r
}

// Len returns the number of runes in the text.
func (r *Runes) Len() int {
	if r.bytes == nil {
		return r.n
	}
	return len(r.bytes)
}

// RuneOffset returns the rune offset of byte offset b. A byte offset inside
// a multi-byte rune maps to the rune after it; offsets past the text map to
// its end.
func (r *Runes) RuneOffset(b int) int {
	if b <= 0 {
		return 0
	}
	if r.bytes == nil {
		return min(b, r.n)
	}
	if b >= r.n {
		return len(r.bytes)
	}
	// The index of the first rune starting at or after b.
	return sort.SearchInts(r.bytes, b)
}

// ByteOffset returns the byte offset of rune offset n, clamped to the text.
func (r *Runes) ByteOffset(n int) int {
	if n <= 0 {
		return 0
	}
	if r.bytes == nil {
		return min(n, r.n)
	}
	if n >= len(r.bytes) {
		return r.n
	}
	return r.bytes[n]
}

// ToRunes converts a byte span to a rune span.
func (r *Runes) ToRunes(s Span) Span {
	return Span{Start: r.RuneOffset(s.Start), End: r.RuneOffset(s.End)}
}

// ToBytes converts a rune span to a byte span.
func (r *Runes) ToBytes(s Span) Span {
	return Span{Start: r.ByteOffset(s.Start), End: r.ByteOffset(s.End)}
}
