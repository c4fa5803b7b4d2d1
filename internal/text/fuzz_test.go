package text

import (
	"testing"
)

func addSeeds(f *testing.F) {
	for _, tc := range loadSegCases(f) {
		f.Add(tc.text)
	}
	for _, s := range []string{"", "\xff", `"."."`, "U.S.\"' The", "a\u0301.", "’s'", "''``", "1,2.3:4", "ʼs", "x-\u2010y"} {
		f.Add(s)
	}
}

func FuzzSentences(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		spans := Sentences(text)
		checkSentences(t, text, spans)
		// Appending to a non-empty dst keeps what was there.
		got := AppendSentences(spans[:len(spans):len(spans)], text)
		if len(got) != 2*len(spans) {
			t.Fatalf("AppendSentences: %d spans, want %d", len(got), 2*len(spans))
		}
		for i := range spans {
			if got[i] != spans[i] || got[len(spans)+i] != spans[i] {
				t.Fatalf("AppendSentences changed span %d", i)
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	addSeeds(f)
	var tk Tokens
	f.Fuzz(func(t *testing.T, text string) {
		Tokenize(text, &tk)
		checkTokens(t, &tk)
		// The per-rune table agrees with x/text.
		if got, want := Fold(text), string(appendFoldSlow(nil, text)); got != want {
			t.Fatalf("Fold(%q) = %q, x/text gives %q", text, got, want)
		}
		// Folding is stable on the folds of words. (Not asserted for all
		// of Unicode: x/text's case folding of Cherokee is not idempotent.)
		for _, x := range tk.Toks {
			if x.Kind != Word && x.Kind != Number || !isLatinGreekCyrillic(x.Fold) {
				continue
			}
			if again := Fold(x.Fold); again != x.Fold {
				t.Fatalf("Fold(%q) = %q: not idempotent", x.Fold, again)
			}
		}
	})
}

// isLatinGreekCyrillic reports whether s has only runes below U+0530.
func isLatinGreekCyrillic(s string) bool {
	for _, r := range s {
		if r >= 0x530 {
			return false
		}
	}
	return true
}
