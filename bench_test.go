package hearsay_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/internal/corpus"
)

// BenchmarkAnalyzeNews measures Analyze on the news corpus, and on 4 and
// 16 copies of it to show that time and memory grow linearly.
func BenchmarkAnalyzeNews(b *testing.B) {
	news := corpus.News(b)
	// The first call compiles the lexicons (about 10 ms, once per
	// process): leave it out of the throughput.
	hearsay.Analyze(news[:min(len(news), 64<<10)])
	for _, n := range []int{1, 4, 16} {
		text := strings.Repeat(news+"\n\n", n)
		b.Run(strconv.Itoa(n)+"x", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				hearsay.Analyze(text)
			}
		})
	}
}

// BenchmarkAnalyzeArticle measures Analyze on the seed article; it always
// runs.
func BenchmarkAnalyzeArticle(b *testing.B) {
	text := readArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		hearsay.Analyze(text)
	}
}
