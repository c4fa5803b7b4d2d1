package hearsay_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay"
)

// newsCorpus returns the throughput corpus: $HEARSAY_CORPUS, or
// ../shared/corpus/news.txt beside the repository root. It skips when
// neither exists. The corpus is read, never copied.
func newsCorpus(b *testing.B) string {
	b.Helper()
	path := os.Getenv("HEARSAY_CORPUS")
	if path == "" {
		_, file, _, _ := runtime.Caller(0)
		path = filepath.Join(filepath.Dir(file), "..", "shared", "corpus", "news.txt")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("no news corpus (%v): set HEARSAY_CORPUS", err)
	}
	return string(data)
}

// BenchmarkAnalyzeNews measures Analyze on the news corpus, and on 4 and
// 16 copies of it to show that time and memory grow linearly.
func BenchmarkAnalyzeNews(b *testing.B) {
	news := newsCorpus(b)
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
