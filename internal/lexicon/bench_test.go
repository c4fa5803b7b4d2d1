package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// pseudoWord makes a pronounceable lower-case word from r.
func pseudoWord(r *rand.Rand) string {
	const cons, vows = "bcdfghklmnprstvz", "aeiou"
	var b strings.Builder
	for range 1 + r.IntN(3) {
		b.WriteByte(cons[r.IntN(len(cons))])
		b.WriteByte(vows[r.IntN(len(vows))])
	}
	if r.IntN(2) == 0 {
		b.WriteByte(cons[r.IntN(len(cons))])
	}
	return b.String()
}

// benchData returns a lexicon of about 300 entries (a fifth of them
// inflected verbs) and a stream of about 100k tokens in which roughly one
// token in ten starts a lexicon phrase and another one in ten is a
// lexicon word out of its phrase.
func benchData(tb testing.TB) (*Matcher, []text.Token) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 200)
	for i := range vocab {
		vocab[i] = pseudoWord(r) + "x" // "x" keeps them apart from the general words
	}
	verbs := strings.Fields("say tell claim allege insist deny confirm reveal suggest indicate believe think fear admit report write show point warn add")
	var entries []Entry
	var phrases [][]string
	seen := map[string]bool{}
	for len(entries) < 300 {
		var words []string
		if len(entries) < 60 {
			words = []string{verbs[len(entries)%len(verbs)] + "+"}
			if len(entries) >= len(verbs) {
				words = append(words, vocab[r.IntN(len(vocab))])
			}
		} else {
			for range 1 + r.IntN(3) {
				words = append(words, vocab[r.IntN(len(vocab))])
			}
		}
		p := strings.Join(words, " ")
		if seen[p] {
			continue
		}
		seen[p] = true
		entries = append(entries, Entry{Phrase: p, Category: "c", File: "bench", Line: len(entries) + 1})
		forms, err := expand(p)
		if err != nil {
			tb.Fatal(err)
		}
		phrases = append(phrases, forms...)
	}
	m, err := Compile(entries)
	if err != nil {
		tb.Fatal(err)
	}
	general := make([]string, 5000)
	for i := range general {
		general[i] = pseudoWord(r)
	}
	var words []string
	for len(words) < 100_000 {
		switch x := r.IntN(10); {
		case x == 0:
			words = append(words, phrases[r.IntN(len(phrases))]...)
		case x == 1:
			words = append(words, vocab[r.IntN(len(vocab))])
		default:
			words = append(words, general[r.IntN(len(general))])
		}
	}
	toks := make([]text.Token, len(words))
	off := 0
	for i, w := range words {
		toks[i] = text.Token{Span: span.New(off, off+len(w)), Kind: text.Word, Fold: w}
		off += len(w) + 1
	}
	return m, toks
}

func BenchmarkAppendMatches(b *testing.B) {
	m, toks := benchData(b)
	b.SetBytes(int64(toks[len(toks)-1].Span.End))
	b.ReportAllocs()
	dst := make([]Match, 0, len(toks))
	b.ResetTimer()
	for b.Loop() {
		dst = m.AppendMatches(dst[:0], toks)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(toks)), "ns/token")
	b.ReportMetric(float64(len(dst)), "matches")
}

func BenchmarkCompile(b *testing.B) {
	m, _ := benchData(b)
	entries := make([]Entry, m.Len())
	for i := range entries {
		entries[i] = m.Entry(i)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(entries); err != nil {
			b.Fatal(err)
		}
	}
}
