package langid

import (
	"strings"
	"testing"

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
