package claim_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay/claim"
)

// newsCorpus returns the throughput corpus: $HEARSAY_CORPUS, or
// ../shared/corpus/news.txt beside the repository root. It skips the
// benchmark when neither exists. The corpus is read, never copied.
func newsCorpus(b *testing.B) string {
	b.Helper()
	path := os.Getenv("HEARSAY_CORPUS")
	if path == "" {
		_, file, _, _ := runtime.Caller(0)
		path = filepath.Join(filepath.Dir(file), "..", "..", "shared", "corpus", "news.txt")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("no news corpus (%v): set HEARSAY_CORPUS", err)
	}
	return string(data)
}

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
	news := newsCorpus(b)
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
