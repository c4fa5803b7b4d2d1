package attribution

import (
	"github.com/hearsay-go/hearsay/internal/text"
	"os"
	"testing"
)

func BenchmarkExtractNews(b *testing.B) {
	d, err := os.ReadFile("../../shared/corpus/news.txt")
	if err != nil {
		b.Skip(err)
	}
	s := string(d)
	sent := text.Sentences(s)
	var x Extractor
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(s, sent)
	}
}
