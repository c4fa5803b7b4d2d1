package entity

import (
	"math/rand/v2"
	"testing"

	"github.com/hearsay-go/hearsay/internal/text"
)

// TestFormSet checks formSet against a map, for entities of few and of
// many forms, reused from one entity to the next.
func TestFormSet(t *testing.T) {
	words := []string{"the", "Maduro", "Nicolás", "NICOLAS", "president", "Venezuelan", "leader", "'s", "“", "Mr."}
	r := rand.New(rand.NewPCG(11, 12))
	var s formSet
	var tk text.Tokens
	for round := range 300 {
		s.reset()
		want := map[string]bool{}
		for range r.IntN(3 * formSetSmall) {
			phrase := ""
			for range 1 + r.IntN(3) {
				phrase += words[r.IntN(len(words))] + " "
			}
			text.Tokenize(phrase, &tk)
			key := string(appendKey(nil, tk.Toks))
			if got := s.add(tk.Toks); got != !want[key] {
				t.Fatalf("round %d: add(%q) = %v with %d keys before", round, phrase, got, len(want))
			}
			want[key] = true
		}
	}
}
