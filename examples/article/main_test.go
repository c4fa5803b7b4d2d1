package main

import (
	"bytes"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/span"
)

var update = flag.Bool("update", false, "rewrite ../../testdata/article.golden.json from the model")

const (
	textFile   = "../../testdata/article.txt"
	goldenFile = "../../testdata/article.golden.json"
)

func TestArticleText(t *testing.T) {
	want, err := os.ReadFile(textFile)
	if err != nil {
		t.Fatal(err)
	}
	if article != string(want) {
		t.Errorf("the article constant differs from %s", textFile)
	}
}

func TestModelValid(t *testing.T) {
	if err := model().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestGolden(t *testing.T) {
	var got bytes.Buffer
	if err := writeJSON(&got, model()); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(goldenFile, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (run go test ./examples/article -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("model differs from %s (-want +got):\n%s\nrun go test ./examples/article -update if the change is intended", goldenFile, diff)
	}
}

func TestAccount(t *testing.T) {
	doc := model()
	var b bytes.Buffer
	if err := writeAccount(&b, doc); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		doc.Report().String(),
		`a5 top U.S. officials (described government) "claim" distancing, indirect, via Axios (a4)`,
		`"told" neutral, direct, to Axios`,
		`"views as" belief`,
		"c11  statement, certain, negative",
		"     author\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("account lacks %q; it is:\n%s", want, out)
		}
	}
}

// TestSentences checks that the sentences are in order, each inside one
// line, and together cover every non-space byte of the article.
func TestSentences(t *testing.T) {
	ss := sentences()
	covered := make([]bool, len(article))
	for i, s := range ss {
		if i > 0 && s.Start < ss[i-1].End {
			t.Errorf("sentence %d %v overlaps or precedes the one before", i, s)
		}
		if strings.Contains(s.Text(article), "\n") {
			t.Errorf("sentence %d %q spans lines", i, s.Text(article))
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
	}
	for i, ok := range covered {
		if !ok && article[i] != ' ' && article[i] != '\n' {
			t.Errorf("byte %d %q is in no sentence", i, article[i])
		}
	}
}

// TestClaimOrder checks that claims come in text order, outer first.
func TestClaimOrder(t *testing.T) {
	doc := model()
	ordered := slices.IsSortedFunc(doc.Claims, func(a, b claim.Claim) int {
		if c := a.Span().Start - b.Span().Start; c != 0 {
			return c
		}
		return b.Span().End - a.Span().End
	})
	if !ordered {
		t.Error("claims are not in text order")
	}
}

// TestContent checks that every attribution's content is its claim.
func TestContent(t *testing.T) {
	doc := model()
	for _, a := range doc.Attributions {
		c, _ := doc.Claim(a.Claim)
		if diff := cmp.Diff(c.Spans, a.Content.Spans); diff != "" {
			t.Errorf("attribution %s: content is not the spans of claim %s (-want +got):\n%s", a.ID, c.ID, diff)
		}
	}
}

// TestHedgeClaims checks that each hedge is assigned to the innermost
// claim with a span that contains it, or to none.
func TestHedgeClaims(t *testing.T) {
	doc := model()
	for _, h := range doc.Hedges {
		want, size := "", len(article)+1
		for _, c := range doc.Claims {
			for _, s := range c.Spans {
				if s.Contains(h.Span) && c.Span().Len() < size {
					want, size = c.ID, c.Span().Len()
				}
			}
		}
		if h.Claim != want {
			t.Errorf("hedge %q at %v is in claim %q, want %q", h.Text, h.Span, h.Claim, want)
		}
	}
}

// TestMentionsComplete checks that every occurrence of a name, alias or
// pronoun of the main actors is one of their mentions, and that mentions
// are in text order without repeats.
func TestMentionsComplete(t *testing.T) {
	doc := model()
	tests := []struct {
		entity string
		words  []string
	}{
		// Every he, his and him of the article is Maduro.
		{"maduro", []string{"Maduro", "he", "He", "his", "His", "him", "the Venezuelan leader", "the Venezuelan president"}},
		{"cuba", []string{"Cuba", "Havana"}},
		{"us", []string{"Washington", "U.S."}},
		{"axios", []string{"Axios"}},
		{"nyt", []string{"The New York Times"}},
	}
	for _, tt := range tests {
		e, ok := doc.Entity(tt.entity)
		if !ok {
			t.Errorf("no entity %q", tt.entity)
			continue
		}
		if !slices.IsSortedFunc(e.Mentions, span.Compare) || len(slices.Compact(slices.Clone(e.Mentions))) != len(e.Mentions) {
			t.Errorf("%s: mentions not in order or repeated", tt.entity)
		}
		for _, w := range tt.words {
			for off := 0; ; {
				i := strings.Index(article[off:], w)
				if i < 0 {
					break
				}
				s := span.New(off+i, off+i+len(w))
				off = s.Start + 1
				if !wordAt(s.Start, s.End) {
					continue
				}
				covered := slices.ContainsFunc(e.Mentions, func(m span.Span) bool { return m.Contains(s) })
				if !covered {
					t.Errorf("%s: %q at %v is not a mention", tt.entity, w, s)
				}
			}
		}
	}
}

func TestSideBySide(t *testing.T) {
	got, err := analyzed()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := writeSideBySide(&out, model(), got); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		`analyzed  Top U.S. officials (described government) "claim" distancing, indirect, via Axios  =`,
		`analyzed  Sources (vague group) "suggest" tentative, mixed`,
		"REPORTS (hand | analyzed)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("side by side lacks %q:\n%s", want, s)
		}
	}
}
