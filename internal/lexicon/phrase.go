package lexicon

import (
	"fmt"
	"strings"

	"github.com/hearsay-go/hearsay/internal/text"
)

// foldPhrase folds one word of a phrase the way the tokenizer folds token
// text, so that it can be compared with Token.Fold.
func foldPhrase(s string) string {
	return text.Fold(s)
}

// marker reports the inflection marker of a phrase word: '+' for verb
// forms, '*' for noun forms, 0 for a literal. A word ending in a marker
// whose stem is not two or more ASCII letters is an error.
func marker(w string) (stem string, m byte, err error) {
	if len(w) < 2 {
		return w, 0, nil
	}
	last := w[len(w)-1]
	if last != '+' && last != '*' {
		return w, 0, nil
	}
	stem = w[:len(w)-1]
	if len(stem) < 2 || !isASCIILetters(stem) {
		return "", 0, fmt.Errorf("%w: %q (the stem before %q must be ASCII letters)", ErrMarker, w, last)
	}
	return strings.ToLower(stem), last, nil
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// expand returns the folded token sequences a phrase stands for, in a
// deterministic order (the first has every marked word in its base form).
// Runs of literal words are tokenized together with [text.Tokenize], so a
// phrase is split as the same words in a text would be ("it's believed"
// gives "it", "'s", "believed"); a marked word is one token.
func expand(phrase string) ([][]string, error) {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return nil, ErrEmptyPhrase
	}
	if len(words) > MaxWords {
		return nil, fmt.Errorf("%w: %d words", ErrTooManyWords, len(words))
	}
	var (
		alts  [][]string // one slot per token, each with its alternatives
		run   []string   // literal words not yet tokenized
		toks  text.Tokens
		total = 1
	)
	flush := func() {
		if len(run) == 0 {
			return
		}
		text.Tokenize(strings.Join(run, " "), &toks)
		for _, t := range toks.Toks {
			alts = append(alts, []string{t.Fold})
		}
		run = run[:0]
	}
	for _, w := range words {
		stem, m, err := marker(w)
		if err != nil {
			return nil, err
		}
		switch m {
		case '+':
			flush()
			alts = append(alts, VerbForms(stem))
		case '*':
			flush()
			alts = append(alts, PluralForms(stem))
		default:
			run = append(run, w)
			continue
		}
		total *= len(alts[len(alts)-1])
		if total > MaxForms {
			return nil, fmt.Errorf("%w: %q", ErrTooManyForms, phrase)
		}
	}
	flush()
	if len(alts) == 0 {
		return nil, ErrEmptyPhrase
	}
	out := make([][]string, 0, total)
	idx := make([]int, len(alts))
	for {
		seq := make([]string, len(alts))
		for i, k := range idx {
			seq[i] = alts[i][k]
		}
		out = append(out, seq)
		// Advance the odometer, last slot fastest.
		i := len(idx) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(alts[i]) {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return out, nil
		}
	}
}

// normPhrase returns the folded form of a phrase as written, markers kept:
// the key by which Merge removes and replaces entries.
func normPhrase(phrase string) string {
	words := strings.Fields(phrase)
	for i, w := range words {
		if stem, m, err := marker(w); err == nil && m != 0 {
			words[i] = stem + string(m)
		} else {
			words[i] = foldPhrase(w)
		}
	}
	return strings.Join(words, " ")
}
