package text

import (
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hearsay-go/hearsay/internal/corpus"
	"github.com/hearsay-go/hearsay/span"
)

// syntheticParagraphs are news-like paragraphs written for the benchmarks.
var syntheticParagraphs = []string{
	"Harbour authority reports record traffic",
	"The harbour authority said on Tuesday that container traffic rose 12.5% to 1,240,000 units in the year to March, the highest figure since 1998. Officials credited new cranes and a deeper channel.",
	`"We have never seen volumes like this," the authority's chief executive, Dr. Ana Ferreira, told reporters. "The question is whether the rail links can keep up."`,
	"According to U.S. trade data, imports through the port grew faster than exports. Analysts believe the gap could narrow next year, though some warn that a weaker currency may hurt shippers.",
	"Mr. Okafor, a spokesman for the dockworkers' union, said members would meet at 9 a.m. on Friday to discuss the new shift patterns. He declined to say whether a strike was likely.",
	"The company, Acme Shipping Inc., reportedly plans to buy two more vessels for $310m. Its shares rose 3.2 percent in early trading in London and New York.",
	"Sources close to the negotiations suggest that the deal was nearly abandoned in Jan. after a dispute over fees... The talks resumed only after the minister intervened.",
	"Critics, including Sen. Maria Lopez and the environmental group Blue Coast, argue that the expansion threatens wetlands. The authority denies this and says it has planted 40,000 trees.",
	"Is the boom sustainable? Economists are divided. Some point to rising fuel costs; others say demand from Asia will stay strong for at least a decade.",
	"It is believed that the government will publish its own review later this month, which, according to one official, \"will settle the matter once and for all.\"",
}

// syntheticText returns n rounds of the synthetic paragraphs, one per line,
// with a blank line between rounds, each round numbered so that rounds
// differ.
func syntheticText(n int) string {
	var b strings.Builder
	for i := range n {
		for j, para := range syntheticParagraphs {
			if j == 1 {
				b.WriteString("Report ")
				b.WriteString(strconv.Itoa(i + 1))
				b.WriteString(". ")
			}
			b.WriteString(para)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs f under b.Loop and reports, besides the wall-clock MB/s, the
// throughput per CPU second (cpu-MB/s), which other processes on a busy
// machine disturb less.
func loop(b *testing.B, text string, f func()) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	f() // warm up the buffers
	c0 := cpuTime()
	n := 0
	for b.Loop() {
		f()
		n++
	}
	if d := cpuTime() - c0; d > 0 {
		b.ReportMetric(float64(len(text))*float64(n)/1e6/d.Seconds(), "cpu-MB/s")
	}
}

func benchSentences(b *testing.B, text string) {
	var dst []span.Span
	loop(b, text, func() { dst = AppendSentences(dst[:0], text) })
}

func benchTokenize(b *testing.B, text string) {
	var tk Tokens
	loop(b, text, func() { Tokenize(text, &tk) })
}

// benchBoth segments the text and tokenizes it sentence by sentence, as
// an analysis pipeline does.
func benchBoth(b *testing.B, text string) {
	var (
		dst []span.Span
		tk  Tokens
	)
	loop(b, text, func() {
		dst = AppendSentences(dst[:0], text)
		for _, s := range dst {
			Tokenize(text[s.Start:s.End], &tk)
		}
	})
}

func BenchmarkSentencesSynthetic(b *testing.B) { benchSentences(b, syntheticText(200)) }
func BenchmarkTokenizeSynthetic(b *testing.B)  { benchTokenize(b, syntheticText(200)) }
func BenchmarkBothSynthetic(b *testing.B)      { benchBoth(b, syntheticText(200)) }
func BenchmarkSentencesCorpus(b *testing.B)    { benchSentences(b, corpus.News(b)) }
func BenchmarkTokenizeCorpus(b *testing.B)     { benchTokenize(b, corpus.News(b)) }
func BenchmarkBothCorpus(b *testing.B)         { benchBoth(b, corpus.News(b)) }

func BenchmarkFoldASCII(b *testing.B) {
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf = AppendFold(buf[:0], "The New York Times")
	}
}

func BenchmarkFoldUnicode(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = AppendFold(buf[:0], "Nicolás Maduro’s")
	}
}
