package attribution

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestASCIIShape checks asciiShape against runeShape, the reading rune
// by rune it stands in for, on words of every kind of byte.
func TestASCIIShape(t *testing.T) {
	for _, s := range []string{"", "a", "A", "Ab", "AB", "ABc", "aB", "U.S.", "US", "x1", "1X", "1", "COVID-19",
		"é", "Été", "ÉTÉ", "naïve", "a\x80", "I", "IBM's", "-", "A-B"} {
		got, ok := asciiShape(s)
		if ascii := strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) < 0; ok != ascii {
			t.Errorf("asciiShape(%q): ok %v, want %v", s, ok, ascii)
			continue
		}
		if !ok {
			continue
		}
		if want := runeShape(s); got != want {
			t.Errorf("asciiShape(%q) = %q, want %q", s, staticNames[got.n], staticNames[want.n])
		}
	}
}
