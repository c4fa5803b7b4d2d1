package hearsay_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

var update = flag.Bool("update", false, "rewrite testdata/article.analyzed.json from Analyze")

// analyzeArticle analyzes the seed article with its three-line registry
// (testdata/article.registry.tsv).
func analyzeArticle(t *testing.T) *hearsay.Document {
	t.Helper()
	f, err := os.Open("testdata/article.registry.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reg, err := entity.LoadRegistry("article.registry.tsv", f)
	if err != nil {
		t.Fatal(err)
	}
	a, err := hearsay.New(hearsay.WithRegistry(reg))
	if err != nil {
		t.Fatal(err)
	}
	return a.Analyze(readArticle(t))
}

// TestArticleAnalyzedGolden pins the whole JSON output of Analyze on the
// article. Run with -update after a deliberate change, and read the diff.
func TestArticleAnalyzedGolden(t *testing.T) {
	doc := analyzeArticle(t)
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/article.analyzed.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestArticleAnalyzedGolden -update)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("Analyze output differs from %s; run with -update and review the diff", golden)
	}
}

// match finds the attribution of doc whose cue overlaps s, preferring
// one whose source overlaps one of src (coordinated sources share a cue).
func match(doc *hearsay.Document, s span.Span, src ...span.Span) (attribution.Attribution, bool) {
	var found []attribution.Attribution
	for _, a := range doc.Attributions {
		for _, c := range a.Cue.Spans {
			if c.Overlaps(s) {
				found = append(found, a)
				break
			}
		}
	}
	for _, a := range found {
		for _, x := range a.Source.Spans {
			for _, y := range src {
				if x.Overlaps(y) {
					return a, true
				}
			}
		}
	}
	if len(found) == 0 {
		return attribution.Attribution{}, false
	}
	return found[0], true
}

// describe renders what an attribution says of its source for comparison.
func describe(doc *hearsay.Document, a attribution.Attribution) string {
	src := "(none)"
	if e, ok := doc.Entity(a.Source.Entity); ok {
		src = fmt.Sprintf("%s %s %s", e.Label(), e.Anonymity, e.Kind)
	}
	via := ""
	if v, ok := doc.Attribution(a.Via); ok {
		if e, ok := doc.Entity(v.Source.Entity); ok {
			via = " via " + e.Label()
		}
	}
	return fmt.Sprintf("%s | %q %s | %s%s", src, a.Cue.Text, a.Cue.Stance, a.Form, via)
}

// TestArticleAgainstHandModel compares Analyze with the model built by
// hand (testdata/article.golden.json): it logs every difference, and
// fails on the rows of the table in DESIGN.md, which Analyze must get
// right.
func TestArticleAgainstHandModel(t *testing.T) {
	hand, got := loadGolden(t), analyzeArticle(t)
	var diffs []string
	for _, ha := range hand.Attributions {
		if len(ha.Cue.Spans) == 0 {
			continue
		}
		ga, ok := match(got, ha.Cue.Spans[0], ha.Source.Spans...)
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("missed %s", describe(hand, ha)))
		case describe(hand, ha) != describe(got, ga):
			diffs = append(diffs, fmt.Sprintf("hand     %s\n  analyzed %s", describe(hand, ha), describe(got, ga)))
		}
	}
	for _, ga := range got.Attributions {
		if _, ok := match(hand, ga.Cue.Spans[0]); !ok {
			diffs = append(diffs, fmt.Sprintf("extra %s", describe(got, ga)))
		}
	}
	t.Logf("%d hand attributions, %d analyzed; differences:\n%s", len(hand.Attributions), len(got.Attributions), strings.Join(diffs, "\n"))

	// The table of DESIGN.md: cue (nth occurrence), then what the
	// attribution through it must say.
	text := got.Text
	at := func(cue string, nth int) span.Span {
		i := -1
		for range nth {
			j := strings.Index(text[i+1:], cue)
			if j < 0 {
				t.Fatalf("no %q #%d in the article", cue, nth)
			}
			i += 1 + j
		}
		return span.New(i, i+len(cue))
	}
	rows := []struct {
		name      string
		cue       span.Span
		anonymity entity.Anonymity
		kind      entity.Kind
		stance    attribution.Stance
		form      attribution.Form
		via       string // label of the via source
	}{
		{"officials claim, via Axios", at("claim", 1), entity.Described, entity.Government, attribution.Distancing, attribution.Indirect, "Axios"},
		{"sources suggest", at("suggest", 1), entity.Vague, entity.Group, attribution.Tentative, attribution.Mixed, ""},
		{"official told Axios", at("told", 1), entity.Described, entity.Government, attribution.Neutral, attribution.Direct, ""},
		{"analysts believe", at("believe", 1), entity.Vague, entity.Group, attribution.Belief, attribution.Indirect, ""},
		{"leaked intelligence data", at("according to", 2), 0, entity.Record, attribution.Citing, attribution.Indirect, ""},
		{"Washington views", at("views", 1), entity.Named, entity.Government, attribution.Belief, attribution.Indirect, ""},
		{"the Venezuelan leader fears", at("fears", 2), entity.Named, entity.Person, attribution.Belief, attribution.Indirect, "Top U.S. officials"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			a, ok := match(got, r.cue)
			if !ok {
				t.Fatalf("no attribution through %q at %v", r.cue.Text(text), r.cue)
			}
			e, _ := got.Entity(a.Source.Entity)
			via := ""
			if v, ok := got.Attribution(a.Via); ok {
				ve, _ := got.Entity(v.Source.Entity)
				via = ve.Label()
			}
			if (r.anonymity != 0 && e.Anonymity != r.anonymity) || e.Kind != r.kind || a.Cue.Stance != r.stance || a.Form != r.form || via != r.via {
				t.Errorf("got %s (via %q), want %v %v %v %v via %q", describe(got, a), via, r.anonymity, r.kind, r.stance, r.form, r.via)
			}
		})
	}
	t.Run("two sources of the first according to", func(t *testing.T) {
		a, ok := match(got, at("according to", 1))
		if !ok {
			t.Fatal("no attribution through the first according to")
		}
		var kinds []string
		for _, s := range got.SourcesOf(a.Claim) {
			kinds = append(kinds, s.Kind.String())
		}
		if strings.Join(kinds, " ") != "document media" {
			t.Errorf("sources of %s are %q, want a document and a media outlet", a.Claim, kinds)
		}
	})
	t.Run("the two-sentence quote is one speaker's", func(t *testing.T) {
		a, _ := match(got, at("told", 1))
		if len(a.Content.Spans) != 2 || !strings.HasPrefix(a.Content.Spans[1].Text(text), `"However`) {
			t.Errorf("content %v, want the two quoted sentences", a.Content.Spans)
		}
		if e, _ := got.Entity(a.Addressee.Entity); e.Label() != "Axios" {
			t.Errorf("addressee %q, want Axios", e.Label())
		}
	})
	t.Run("author's own claim", func(t *testing.T) {
		found := false
		for _, c := range got.Unattributed() {
			found = found || c.Text == "This Cuban influence is not new."
		}
		if !found {
			t.Error(`"This Cuban influence is not new." is not among the unattributed claims`)
		}
	})
	t.Run("every mention of Maduro is one entity", func(t *testing.T) {
		e, ok := got.Entity("maduro")
		if !ok {
			t.Fatal("no entity maduro")
		}
		for _, name := range []string{"Nicolás Maduro", "the Venezuelan leader", "the Venezuelan president"} {
			i := strings.Index(text, name)
			if !spanIn(e.Mentions, span.New(i, i+len(name))) {
				t.Errorf("%q at %d is not a mention of maduro", name, i)
			}
		}
	})
}

func spanIn(spans []span.Span, s span.Span) bool {
	for _, t := range spans {
		if t == s {
			return true
		}
	}
	return false
}
