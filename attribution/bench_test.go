package attribution

import (
	"testing"

	"github.com/hearsay-go/hearsay/internal/corpus"
	"github.com/hearsay-go/hearsay/internal/text"
)

// BenchmarkExtractNews measures extraction alone on the news corpus.
func BenchmarkExtractNews(b *testing.B) {
	s := corpus.News(b)
	sent := text.Sentences(s)
	var x Extractor
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(s, sent)
	}
}
