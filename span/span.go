// Package span defines Span, a half-open range of byte offsets into the
// original text, and the conversions that formats counting code points
// (W3C Web Annotation, PolNeAR) need.
package span

import (
	"cmp"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Span is the half-open byte range [Start, End) of an excerpt of a text.
// Offsets always point into the text as it was given, never into a
// normalized copy, so text[s.Start:s.End] is the excerpt.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Errors reported by [Span.Check].
var (
	ErrReversed    = errors.New("hearsay/span: end before start")
	ErrOutOfBounds = errors.New("hearsay/span: outside the text")
	ErrNotBoundary = errors.New("hearsay/span: not on a UTF-8 rune boundary")
)

// New returns the span [start, end).
func New(start, end int) Span { return Span{Start: start, End: end} }

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsEmpty reports whether the span covers no byte.
func (s Span) IsEmpty() bool { return s.End <= s.Start }

// Text returns the excerpt of text the span covers. It returns "" when the
// span does not fit the text; use [Span.Check] to know why.
func (s Span) Text(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Check reports whether the span is a valid excerpt of text: not reversed,
// inside the text, and starting and ending on rune boundaries. In text
// that is not valid UTF-8, each invalid byte counts as a rune, as in a
// range loop.
func (s Span) Check(text string) error {
	switch {
	case s.Start > s.End:
		return fmt.Errorf("%w: %v", ErrReversed, s)
	case s.Start < 0 || s.End > len(text):
		return fmt.Errorf("%w: %v in %d bytes", ErrOutOfBounds, s, len(text))
	case !boundary(text, s.Start) || !boundary(text, s.End):
		return fmt.Errorf("%w: %v", ErrNotBoundary, s)
	}
	return nil
}

// boundary reports whether byte offset i starts a rune as a range loop
// decodes text: each byte of invalid UTF-8 counts as a rune of its own,
// so only the inside of a valid multi-byte encoding is not a boundary.
func boundary(text string, i int) bool {
	if i == 0 || i == len(text) || utf8.RuneStart(text[i]) {
		return true
	}
	// text[i] is a continuation byte: it is inside a rune only when a
	// valid encoding starting up to three bytes before covers it.
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(text[j]) {
			r, n := utf8.DecodeRuneInString(text[j:])
			return j+n <= i || (r == utf8.RuneError && n == 1)
		}
	}
	return true
}

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Union returns the smallest span that covers both s and t.
func (s Span) Union(t Span) Span {
	return Span{Start: min(s.Start, t.Start), End: max(s.End, t.End)}
}

// Compare orders spans by start, then by end; it suits slices.SortFunc.
func Compare(a, b Span) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	return cmp.Compare(a.End, b.End)
}

// String formats the span as [start,end).
func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

// Position returns the 1-based line and column of byte offset off in
// text, counting columns in runes, for messages such as "draft.txt:3:14".
// It scans the text up to off; an offset out of range is clamped.
func Position(text string, off int) (line, col int) {
	off = max(0, min(off, len(text)))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCountInString(text[start:off]) + 1
}
