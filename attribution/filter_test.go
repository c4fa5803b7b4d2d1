package attribution

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/cuefeat"
	"github.com/hearsay-go/hearsay/span"
)

// TestCueWeightTable checks the generated table: every row's kind is
// known (a stale table would lose rows silently), it stays small, and its
// values are single general words, numbers or the names of the rules,
// never a phrase of the corpus it was learned from.
func TestCueWeightTable(t *testing.T) {
	if cueWeights.Len() != len(cueWeightTable) {
		t.Errorf("%d of %d weights have a known kind and a distinct feature", cueWeights.Len(), len(cueWeightTable))
	}
	if len(cueWeightTable) > 1000 {
		t.Errorf("%d weights; keep the table small", len(cueWeightTable))
	}
	rules := map[string]bool{}
	for _, w := range cueWeightTable {
		if w.Kind == cuefeat.Rule.String() {
			rules[w.A] = true
		}
	}
	for _, w := range cueWeightTable {
		for _, v := range []string{w.A, w.B} {
			if rules[v] || strings.Contains(v, "/") {
				continue
			}
			if w.Kind == cuefeat.RuleLemma.String() || w.Kind == cuefeat.RuleNest.String() || w.Kind == cuefeat.Nested.String() {
				continue // the rule's own name
			}
			if n := len(strings.Fields(v)); n > 3 {
				t.Errorf("feature %v value %q has %d words", w.Kind, v, n)
			}
		}
	}
}

// TestCueFilterKeepsStructure checks that the frames the filter keeps
// are among those the rules found, in order, with every Via pointing at
// a kept frame.
func TestCueFilterKeepsStructure(t *testing.T) {
	texts := []string{
		"The senator said that he thinks the plan will fail, and aides said they want a vote.",
		"Officials, as reported by Axios, claim the Venezuelan leader fears exile. Critics say they believe it.",
		"Voters say they want change. \"We think it is over,\" she said, adding that they hope to win.",
		"His criticism of the bill was sharp. To support the plan, the mayor will seek more funds.",
	}
	var x Extractor
	for _, txt := range texts {
		raw := x.extractRaw(txt)
		got := x.Extract(txt, nil)
		i := 0
		for _, f := range got {
			for i < len(raw) && raw[i].Cue != f.Cue {
				i++
			}
			if i == len(raw) {
				t.Errorf("%q: kept frame %q is not among the rules' frames in order", txt, f.Cue.Text(txt))
				break
			}
			i++
			if f.ViaIndex < -1 || f.ViaIndex >= len(got) {
				t.Errorf("%q: frame %q has Via %d of %d frames", txt, f.Cue.Text(txt), f.ViaIndex, len(got))
			}
		}
	}
}

// TestCueFilter checks what the learned filter decides on sentences
// that are clear cases either way.
func TestCueFilter(t *testing.T) {
	var x Extractor
	keep := []struct{ text, cue string }{
		{"The senator said that the bill would pass.", "said"},
		{"\"The bill will pass,\" the senator said.", "said"},
		{"According to the report, the bill will pass.", "According to"},
		// A belief of a third party inside what a source claims is kept
		// (Via the claim), though PolNeAR marks only the outermost.
		{"Officials claim the Venezuelan leader fears exile.", "fears"},
	}
	for _, k := range keep {
		found := false
		for _, f := range x.Extract(k.text, nil) {
			if f.Cue.Text(k.text) == k.cue {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no frame with cue %q", k.text, k.cue)
		}
	}
}

func TestCueFeatures(t *testing.T) {
	txt := "The senator said on Monday that the bill would pass."
	c := cuefeat.Cand{Rule: "X said C", Lemma: "say",
		Cue: spanOf(txt, "said"), Source: spanOf(txt, "The senator"), SourceKind: "person"}
	c.Content = append(c.Content, spanOf(txt, "that the bill would pass"))
	keys := cuefeat.Append(nil, txt, &c)
	want := map[cuefeat.Key]bool{
		{Kind: cuefeat.Rule, A: "X said C"}:             true,
		{Kind: cuefeat.Lemma, A: "say"}:                 true,
		{Kind: cuefeat.Gap, A: "0"}:                     true,
		{Kind: cuefeat.Next, A: "on"}:                   true,
		{Kind: cuefeat.Prev, A: "word"}:                 true,
		{Kind: cuefeat.ContentOpen, A: "that"}:          true,
		{Kind: cuefeat.SourceLen, A: "2-3"}:             true,
		{Kind: cuefeat.Nested, A: "no"}:                 true,
		{Kind: cuefeat.LemmaSrc, A: "say", B: "person"}: true,
	}
	for _, k := range keys {
		delete(want, k)
	}
	for k := range want {
		t.Errorf("missing feature %v %q %q", k.Kind, k.A, k.B)
	}
}

// spanOf returns the span of the first occurrence of s in txt.
func spanOf(txt, s string) span.Span {
	i := strings.Index(txt, s)
	if i < 0 {
		panic("spanOf: " + s + " not in " + txt)
	}
	return span.New(i, i+len(s))
}

// TestCandidatesNeedTheFilter checks that the frames only the learned
// filter may keep never come out without it.
func TestCandidatesNeedTheFilter(t *testing.T) {
	txt := "To support the plan, the mayor will seek more funds. His criticism of the bill was sharp."
	var x Extractor
	raw := x.extractRaw(txt)
	for _, f := range filterCues(txt, raw, false) {
		if r, _, _ := strings.Cut(f.Rule, ";"); candidateOnly(r) {
			t.Errorf("without the filter: frame %q by rule %q", f.Cue.Text(txt), f.Rule)
		}
	}
	es, err := NewExtractor(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	txt = "Para apoyar el plan, el alcalde dijo que buscará más fondos."
	for _, f := range es.Extract(txt, nil) {
		if r, _, _ := strings.Cut(f.Rule, ";"); candidateOnly(r) {
			t.Errorf("Spanish: frame %q by rule %q", f.Cue.Text(txt), f.Rule)
		}
	}
}

// TestContextScore checks that the learned filter's ContextScore sums
// exactly what Score sums over the keys of AppendContext, for every
// candidate the rules find in the seed article and in the texts above,
// with and without each candidate's source and content.
func TestContextScore(t *testing.T) {
	b, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(b),
		"The senator said that he thinks the plan will fail, and aides said they want a vote.",
		"Officials, as reported by Axios, claim the Venezuelan leader fears exile. Critics say they believe it.",
		"Voters say they want change. \"We think it is over,\" she said, adding that they hope to win.",
	}
	var x Extractor
	n := 0
	for _, txt := range texts {
		frames := x.extractRaw(txt)
		for i := range frames {
			c := candidate(frames, i)
			bare := c
			bare.Source, bare.Content = span.Span{}, nil
			for _, c := range []cuefeat.Cand{c, bare} {
				got, want := cueWeights.ContextScore(txt, &c), cueWeights.Score(cuefeat.AppendContext(nil, txt, &c))
				if got != want {
					t.Errorf("%q cue %v: ContextScore %v, Score %v", txt[:min(len(txt), 40)], c.Cue, got, want)
				}
				n++
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d candidates", n)
	}
}
