// Package corpus finds the shared throughput corpus for benchmarks: the
// 5 MB of BBC news in ../shared/corpus/news.txt beside the repository. The
// corpus is licensed for research, not redistribution: it is read from
// that path and never copied into the repository. It is not API.
package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// News returns the text of $HEARSAY_CORPUS, or of news.txt in the shared
// folder beside the repository root, and skips the benchmark or test when
// neither can be read.
func News(tb testing.TB) string {
	tb.Helper()
	path := os.Getenv("HEARSAY_CORPUS")
	if path == "" {
		_, file, _, _ := runtime.Caller(0) // internal/corpus/corpus.go
		path = filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "corpus", "news.txt")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("no news corpus (%v): set HEARSAY_CORPUS", err)
	}
	return string(data)
}
