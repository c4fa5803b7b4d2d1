package span

import (
	"errors"
	"testing"
)

func TestCheck(t *testing.T) {
	const text = "a é b" // "é" is bytes 2 and 3
	tests := []struct {
		name string
		s    Span
		want error
	}{
		{"whole", New(0, len(text)), nil},
		{"empty at end", New(len(text), len(text)), nil},
		{"reversed", New(3, 1), ErrReversed},
		{"negative", New(-1, 2), ErrOutOfBounds},
		{"past end", New(0, len(text)+1), ErrOutOfBounds},
		{"inside rune start", New(3, 4), ErrNotBoundary},
		{"inside rune end", New(0, 3), ErrNotBoundary},
	}
	// In invalid UTF-8 every stray byte is a rune, as in a range loop.
	for _, tt := range []struct {
		text string
		s    Span
		want error
	}{
		{"\x970", New(0, 2), nil},
		{"\x970", New(1, 2), nil},
		{"a\xc3", New(1, 2), nil},
		{"\xc3\xa9\x97x", New(2, 4), nil},
		{"\xc3\xa9\x97x", New(1, 4), ErrNotBoundary},
		{"\xe2\x82x", New(1, 3), nil}, // truncated encoding: three runes
	} {
		if err := tt.s.Check(tt.text); !errors.Is(err, tt.want) {
			t.Errorf("Check(%v) on %q = %v, want %v", tt.s, tt.text, err, tt.want)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.s.Check(text); !errors.Is(err, tt.want) {
				t.Errorf("Check(%v) = %v, want %v", tt.s, err, tt.want)
			}
		})
	}
}

func TestTextOutOfRange(t *testing.T) {
	for _, s := range []Span{New(-1, 2), New(2, 1), New(0, 99)} {
		if got := s.Text("abc"); got != "" {
			t.Errorf("%v.Text = %q, want empty", s, got)
		}
	}
}

func TestRunesRoundTrip(t *testing.T) {
	for _, text := range []string{"", "plain ascii", "Nicolás “Maduro” ☃ x", "bad \xff byte"} {
		r := NewRunes(text)
		n := 0
		for b := range text {
			if got := r.RuneOffset(b); got != n {
				t.Errorf("%q: RuneOffset(%d) = %d, want %d", text, b, got, n)
			}
			if got := r.ByteOffset(n); got != b {
				t.Errorf("%q: ByteOffset(%d) = %d, want %d", text, n, got, b)
			}
			n++
		}
		if r.Len() != n || r.RuneOffset(len(text)) != n || r.ByteOffset(n) != len(text) {
			t.Errorf("%q: end offsets wrong: Len %d, want %d", text, r.Len(), n)
		}
	}
}

func TestSetOps(t *testing.T) {
	a, b := New(0, 5), New(3, 8)
	if !a.Overlaps(b) || a.Overlaps(New(5, 6)) {
		t.Error("Overlaps wrong on half-open spans")
	}
	if got := a.Union(b); got != New(0, 8) {
		t.Errorf("Union = %v", got)
	}
	if !New(0, 8).Contains(b) || a.Contains(b) {
		t.Error("Contains wrong")
	}
	if Compare(a, b) >= 0 || Compare(b, a) <= 0 || Compare(a, a) != 0 || Compare(New(0, 4), a) >= 0 {
		t.Error("Compare wrong")
	}
}

func TestPosition(t *testing.T) {
	const text = "Héllo\nwörld x\n"
	tests := []struct {
		off, line, col int
	}{
		{0, 1, 1}, {3, 1, 3}, {7, 2, 1}, {14, 2, 7}, {99, 3, 1}, {-5, 1, 1},
	}
	for _, tt := range tests {
		if line, col := Position(text, tt.off); line != tt.line || col != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}
