package lexicon

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hearsay-go/hearsay/internal/text"
)

// TestWithTokenizer matches phrases in text tokenized by the real
// tokenizer: phrases are split and folded as the text is.
func TestWithTokenizer(t *testing.T) {
	const lex = "according to\tcue\n" +
		"it's believed\thedge\n" +
		"U.S. intelligence report*\tsource\n" +
		"Nicolás Maduro\tperson\n" +
		"según\tcue\n" +
		"senior White House official*\tsource\n" +
		"tell+\tcue\n" +
		"Mr.\ttitle\n" +
		"\"\tquote\n"
	m := mustCompile(t, lex)
	tests := []struct {
		name  string
		input string
		want  []string // matched excerpts of the input
	}{
		{
			name:  "article",
			input: "According to U.S. intelligence reports, it’s believed that NICOLAS MADURO fears them.",
			want:  []string{"According to", "U.S. intelligence reports", "it’s believed", "NICOLAS MADURO"},
		},
		{
			name:  "quote and medium",
			input: "“We have covert operations,” a senior White House official told Axios.",
			want:  []string{"“", "”", "senior White House official", "told"},
		},
		{
			name:  "diacritics and abbreviations",
			input: "Según Mr. Rubio, Nicolás Maduro knows too much.",
			want:  []string{"Según", "Mr.", "Nicolás Maduro"},
		},
	}
	var tk text.Tokens
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text.Tokenize(tt.input, &tk)
			var got []string
			for x := range m.All(tk.Toks) {
				got = append(got, tt.input[tk.Toks[x.Start].Span.Start:tk.Toks[x.End-1].Span.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				var folds []string
				for _, t := range tk.Toks {
					folds = append(folds, t.Fold)
				}
				t.Errorf("matches mismatch (-want +got):\n%s\ntokens: %q", diff, strings.Join(folds, "|"))
			}
		})
	}
}
