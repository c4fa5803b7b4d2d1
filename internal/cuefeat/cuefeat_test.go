package cuefeat

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/span"
)

// refAfter and refBefore are tokenAfter and tokenBefore written rune by
// rune, without the ASCII fast paths: the features must not change with
// the optimization, or the learned weights would no longer fit them.
func refAfter(txt string, i int) string {
	for i < len(txt) {
		r, n := utf8.DecodeRuneInString(txt[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= len(txt) {
		return ""
	}
	r, n := utf8.DecodeRuneInString(txt[i:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return txt[i : i+n]
	}
	j := i
	for j < len(txt) {
		r, n := utf8.DecodeRuneInString(txt[j:])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	return txt[i:j]
}

func refBefore(txt string, i int) string {
	if i > len(txt) {
		i = len(txt)
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(txt[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	if i <= 0 {
		return ""
	}
	r, n := utf8.DecodeLastRuneInString(txt[:i])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return txt[i-n : i]
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(txt[:j])
		if !isWordRune(r) {
			break
		}
		j -= n
	}
	return txt[j:i]
}

func TestTokenAroundMatchesReference(t *testing.T) {
	pieces := []string{"said", " ", "  ", "\n", "\u00a0", "Maduro’s", "don't", "well-known", ",", ".", "“", "”", "—", "Nicolás", "2016", "\t", "'", "x", "é", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b []byte
		for k := rng.IntN(8); k >= 0; k-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		txt := string(b)
		for i := 0; i <= len(txt); i++ {
			if got, want := tokenAfter(txt, i), refAfter(txt, i); got != want {
				t.Fatalf("tokenAfter(%q, %d) = %q, want %q", txt, i, got, want)
			}
			if got, want := tokenBefore(txt, i), refBefore(txt, i); got != want {
				t.Fatalf("tokenBefore(%q, %d) = %q, want %q", txt, i, got, want)
			}
		}
	}
}

func TestClassOf(t *testing.T) {
	for tok, want := range map[string]string{"": "end", "2016": "num", "The": "the", "Maduro": "Cap",
		"quickly": "-ly", "saying": "-ing", "claimed": "-ed", "said": "said", "policy": "word", "“": "quote", ",": ",", "—": "dash", "&": "punct"} {
		if got := classOf(tok); got != want {
			t.Errorf("classOf(%q) = %q, want %q", tok, got, want)
		}
	}
}

// TestContentOpenAfter checks that the shortcut through the token after
// the cue gives what contentOpen gives, for every cue end and content
// start of random texts.
func TestContentOpenAfter(t *testing.T) {
	pieces := []string{"said", " ", "\u00a0", "\n", "that", "“", "”", ",", "The", "\xff", "é", ":"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 3000; n++ {
		var b []byte
		for k := rng.IntN(8); k >= 0; k-- {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		txt := string(b)
		for ce := 0; ce <= len(txt); ce++ {
			for cs := ce; cs <= len(txt); cs++ {
				c := &Cand{Cue: span.Span{Start: 0, End: ce}, Content: []span.Span{{Start: cs, End: len(txt)}}}
				next := classID(tokenAfter(txt, ce))
				if got, want := contentOpenAfter(txt, c, next), contentOpen(txt, c.Content); got != want {
					t.Fatalf("%q cue end %d content start %d: %q, want %q", txt, ce, cs, classNames[got], classNames[want])
				}
			}
		}
	}
}

// TestContextScore checks that ContextScore sums exactly what Score sums
// over the keys of AppendContext, with a weight for every value of every
// context feature (and some that no context gives), for random cues,
// sources and contents in random texts.
func TestContextScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	weight := func() float32 { return float32(rng.IntN(2001)-1000) / 997 }
	lemmas := []string{"say", "claim", "tell", "no weights"}
	var rows []Weight
	for _, name := range classNames {
		for _, k := range []Kind{Prev, Next, ContentOpen, CueFirst} {
			rows = append(rows, Weight{Kind: k.String(), A: name, W: weight()})
		}
		for _, l := range lemmas[:3] {
			rows = append(rows, Weight{Kind: LemmaNext.String(), A: l, B: name, W: weight()},
				Weight{Kind: LemmaPrev.String(), A: l, B: name, W: weight()})
		}
	}
	for _, name := range cueWordNames {
		rows = append(rows, Weight{Kind: CueWords.String(), A: name, W: weight()})
	}
	for _, name := range gapNames {
		rows = append(rows, Weight{Kind: Gap.String(), A: name, W: weight()},
			Weight{Kind: SourceLen.String(), A: name, W: weight()})
	}
	for _, cue := range []string{"said", "told", "according to", "said that", "no such class"} {
		rows = append(rows, Weight{Kind: CueText.String(), A: cue, W: weight()})
	}
	rows = append(rows, Weight{Kind: LemmaNext.String(), A: "say", B: "no such class", W: 1})
	tab := NewTable(rows)
	words := []string{"said", "Said", "told", "according", "to", "that", "The", "quickly", "saying", "claimed",
		"policy", "2016", "“", "”", "\"", ",", ".", "—", "&", "é", " ", " ", "  ", "\n", "\u00a0"}
	for n := 0; n < 5000; n++ {
		var b []byte
		for k := 3 + rng.IntN(12); k >= 0; k-- {
			b = append(b, words[rng.IntN(len(words))]...)
			if rng.IntN(3) > 0 {
				b = append(b, ' ')
			}
		}
		txt := string(b)
		pick := func() span.Span {
			i, j := rng.IntN(len(txt)+1), rng.IntN(len(txt)+1)
			return span.Span{Start: min(i, j), End: max(i, j)}
		}
		c := &Cand{Lemma: lemmas[rng.IntN(len(lemmas))], Cue: pick()}
		if rng.IntN(4) > 0 {
			c.Source = pick()
		}
		if rng.IntN(4) > 0 {
			c.Content = []span.Span{pick()}
		}
		if got, want := tab.ContextScore(txt, c), tab.Score(AppendContext(nil, txt, c)); got != want {
			t.Fatalf("%q %+v: ContextScore %v, Score %v", txt, c, got, want)
		}
	}
}

// classOf returns the name of the class of the token tok (classID).
func classOf(tok string) string { return classNames[classID(tok)] }
