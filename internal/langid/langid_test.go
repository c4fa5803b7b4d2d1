package langid

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

func TestGuess(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Lang
	}{
		{name: "english news", text: "The minister said on Monday that the talks would resume after the election, according to officials.", want: English},
		{name: "spanish news", text: "El ministro dijo el lunes que las conversaciones se reanudarán después de las elecciones, según los funcionarios.", want: Spanish},
		{name: "spanish with accents and capitals", text: "SEGÚN la fiscalía, el acusado podría haber huido del país con una parte de los fondos.", want: Spanish},
		{name: "english quoting a spanish name", text: "Nicolás Maduro said the opposition was planning a coup, and his allies agreed with him.", want: English},
		{name: "spanish quoting english words", text: "La empresa anunció que el nuevo producto, llamado \"Smart Home\", estará disponible en todas las tiendas del país.", want: Spanish},
		{name: "too short", text: "Hola. Hello.", want: Unknown},
		{name: "empty", text: "", want: Unknown},
		{name: "numbers only", text: "2004 2005 76% $1.13bn", want: Unknown},
		{name: "mixed halves", text: "The talks will resume after the vote. Las conversaciones se reanudarán después de la votación.", want: Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Guess(tt.text); got != tt.want {
				t.Errorf("Guess(%q) = %v, want %v (counts %+v)", tt.text, got, tt.want, Count(tt.text))
			}
		})
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Counts
	}{
		{name: "english", text: "The cat and the dog.", want: Counts{English: 3}},
		{name: "spanish", text: "El gato y el perro de la casa.", want: Counts{Spanish: 4}},
		{name: "shared words count for neither", text: "a no me son", want: Counts{}},
		{name: "window", text: strings.Repeat("x", Window) + " the the the", want: Counts{}},
		{name: "window does not split a rune", text: strings.Repeat("x", Window-1) + "é the", want: Counts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Count(tt.text)); diff != "" {
				t.Errorf("Count mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestString(t *testing.T) {
	got := []string{English.String(), Spanish.String(), Unknown.String()}
	if diff := cmp.Diff([]string{"en", "es", "und"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// countWords is Count written plainly: the runs of letters of the
// window, each lowered with strings.ToLower and looked up.
func countWords(text string) Counts {
	text = head(text)
	var c Counts
	word := func(w string) {
		if len(w) > longestWord {
			return
		}
		switch functionWords[strings.ToLower(w)] {
		case English:
			c.English++
		case Spanish:
			c.Spanish++
		}
	}
	start := -1
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) && start < 0:
			start = i
		case !unicode.IsLetter(r) && start >= 0:
			word(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		word(text[start:])
	}
	return c
}

// TestCountPlain checks that Count, which reads ASCII letters without
// decoding runes and lowers them as it reads, counts as countWords does.
func TestCountPlain(t *testing.T) {
	for _, text := range []string{
		"THE The tHe the; SEGÚN Según según, MÁS más Él él",
		"Los niños y las niñas: ÑANDÚ, über, Ωmega the",
		"invalid \xff\xfe bytes the\xc3 de la",
		"averyveryverylongwordthatisnotafunctionword the de",
		"DijoQue the-de la_el 3the de3",
		"",
	} {
		if diff := cmp.Diff(countWords(text), Count(text)); diff != "" {
			t.Errorf("Count(%q) (-plain +got):\n%s", text, diff)
		}
	}
}

// FuzzCount checks Count against countWords on any input.
func FuzzCount(f *testing.F) {
	f.Add("The minister SAID that según the de la")
	f.Add("\xff\xfeÉl y ella")
	f.Fuzz(func(t *testing.T, text string) {
		if diff := cmp.Diff(countWords(text), Count(text)); diff != "" {
			t.Errorf("Count(%q) (-plain +got):\n%s", text, diff)
		}
	})
}
