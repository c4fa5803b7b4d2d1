package entity

import (
	"os"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// TestStageHooks checks that grading and resolving through package stage,
// from the tokens of the whole text, give what Classify and Resolve give
// when they tokenize each phrase.
func TestStageHooks(t *testing.T) {
	b, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	a := annot.New(src, text.Sentences(src), nil)
	defer a.Release()
	var mentions []Mention
	for _, phrase := range []string{"Nicolás Maduro", "Maduro", "the Venezuelan leader", "a senior White House official",
		"Axios", "Sources", "Analysts", "U.S. intelligence reports", "Washington", "he", "his", "He"} {
		for _, m := range regexp.MustCompile(`\b`+regexp.QuoteMeta(phrase)+`\b`).FindAllStringIndex(src, -1) {
			s := span.New(m[0], m[1])
			mentions = append(mentions, Mention{Span: s, Kind: Classify(s.Text(src)).Kind})
		}
	}
	var r Resolver
	want := r.Resolve(src, mentions)
	got := stage.Resolve(r, a, mentions).(Resolution)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Resolve (-alone +stage):\n%s", diff)
	}
	es, err := NewClassifier(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*Classifier{nil, es} {
		for _, m := range mentions {
			toks, ok := a.Phrase(m.Span, nil)
			if !ok {
				t.Fatalf("%v: refused", m.Span)
			}
			phrase := m.Span.Text(src)
			if diff := cmp.Diff(c.Classify(phrase), stage.Classify(c, phrase, toks).(Classification)); diff != "" {
				t.Errorf("%q (-Classify +stage):\n%s", phrase, diff)
			}
		}
	}
}
