package claim_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/internal/corpus"
)

func benchmarkFind(b *testing.B, text string) {
	var d claim.Detector
	dst := d.AppendHedges(nil, text) // warm up and size dst
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dst = d.AppendHedges(dst[:0], text)
	}
	b.ReportMetric(float64(len(dst)), "hedges")
}

// BenchmarkHedgesNews measures hedge detection on the news corpus, and
// on 4 and 16 copies of it to show that time and memory grow linearly.
func BenchmarkHedgesNews(b *testing.B) {
	news := corpus.News(b)
	for _, n := range []int{1, 4, 16} {
		text := strings.Repeat(news+"\n\n", n)
		b.Run(strconv.Itoa(n)+"x", func(b *testing.B) { benchmarkFind(b, text) })
	}
}

// BenchmarkHedgesArticle measures hedge detection on the seed article; it
// always runs.
func BenchmarkHedgesArticle(b *testing.B) {
	data, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	benchmarkFind(b, string(data))
}
