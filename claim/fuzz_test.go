package claim_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

var spanish = language.Spanish

// fuzzSeeds are inputs that have broken text tools before: quotes that
// never close, NUL bytes, invalid UTF-8, very long lines.
var fuzzSeeds = []string{
	"",
	"May",
	"\"unclosed quote may",
	"a\x00b may\x00 c",
	"\xff\xfe may \xc3",
	"Nicolás may—perhaps—go.",
	strings.Repeat("\"", 100),
	strings.Repeat("“may” ", 20),
	strings.Repeat("word ", 50),
	"The suspect fled.\nA suspect may\rhave left. Suspects say so.",
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if b, err := os.ReadFile("../testdata/article.txt"); err == nil {
		for p := range strings.SplitSeq(string(b), "\n\n") {
			f.Add(p)
		}
	}
	es, err := claim.DefaultLexicon(spanish)
	if err != nil {
		f.Fatal(err)
	}
	detectors := []*claim.Detector{new(claim.Detector), claim.NewDetector(es)}
	taggers := []*pos.Tagger{pos.English(), pos.Spanish()}
	f.Fuzz(func(t *testing.T, s string) {
		for k, d := range detectors {
			hedges, negs := d.Scan(s)
			// Under Analyze the same core reads the one annotated text.
			a := annot.New(s, text.Sentences(s), taggers[k])
			h, n := stage.Hedges(d, a, true)
			a.Release()
			if diff := cmp.Diff(hedges, h.([]claim.Hedge)); diff != "" {
				t.Fatalf("stage.Hedges differs from Scan (-Scan +stage):\n%s", diff)
			}
			if diff := cmp.Diff(negs, n); diff != "" {
				t.Fatalf("stage.Hedges negations differ from Scan (-Scan +stage):\n%s", diff)
			}
			prev := 0
			for _, h := range hedges {
				checkSpan(t, s, h.Span.Start, h.Span.End, prev)
				prev = h.Span.End
				if h.Text != s[h.Span.Start:h.Span.End] || h.Category == 0 || h.Rule == "" {
					t.Fatalf("hedge %+v: text, category or rule wrong", h)
				}
			}
			prev = 0
			for _, n := range negs {
				checkSpan(t, s, n.Start, n.End, prev)
				prev = n.End
			}
		}
	})
}

// checkSpan fails unless [start,end) is a non-empty span of s on rune
// starts, at or after prev.
func checkSpan(t *testing.T, s string, start, end, prev int) {
	t.Helper()
	if start < prev || start >= end || end > len(s) {
		t.Fatalf("span [%d,%d) out of order or bounds (prev end %d, len %d)", start, end, prev, len(s))
	}
	if err := span.New(start, end).Check(s); err != nil {
		t.Fatal(err)
	}
}

func TestHugeLine(t *testing.T) {
	line := strings.Repeat("they may say so ", 1<<16) // one 1 MB line
	var d claim.Detector
	if got := len(d.Find(line)); got != 1<<16 {
		t.Errorf("found %d hedges in a 1 MB line, want %d", got, 1<<16)
	}
}
