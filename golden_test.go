package hearsay_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

// loadGolden decodes testdata/article.golden.json, the article modeled by
// hand (examples/article writes it). Decoding validates.
func loadGolden(t *testing.T) *hearsay.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/article.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc hearsay.Document
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("decoding the golden model: %v", err)
	}
	text, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != string(text) {
		t.Fatal("golden model's text differs from testdata/article.txt")
	}
	return &doc
}

var pronouns = []string{"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"}

// TestGoldenSpans checks that every text the golden model records is the
// text at its spans, and every mention and source phrase names its entity.
func TestGoldenSpans(t *testing.T) {
	doc := loadGolden(t)
	text := doc.Text
	for _, c := range doc.Claims {
		if want := claim.JoinText(text, c.Spans); c.Text != want {
			t.Errorf("claim %s: text %q, spans say %q", c.ID, c.Text, want)
		}
	}
	for _, h := range doc.Hedges {
		if want := h.Span.Text(text); h.Text != want {
			t.Errorf("hedge %q: span says %q", h.Text, want)
		}
	}
	for _, e := range doc.Entities {
		names := append([]string{e.Name, e.Description}, e.Aliases...)
		for _, m := range e.Mentions {
			got := m.Text(text)
			ok := slices.ContainsFunc(names, func(n string) bool { return n != "" && strings.EqualFold(n, got) }) ||
				slices.Contains(pronouns, strings.ToLower(got))
			if !ok {
				t.Errorf("entity %s: mention %q at %v is none of %q and no pronoun", e.ID, got, m, names)
			}
		}
	}
	mentioned := func(item, id string, spans []span.Span) {
		e, ok := doc.Entity(id)
		if !ok {
			if len(spans) > 0 {
				t.Errorf("%s: spans but no entity", item)
			}
			return
		}
		for _, s := range spans {
			if !slices.Contains(e.Mentions, s) {
				t.Errorf("%s: %q at %v is not a mention of %s", item, s.Text(text), s, e.ID)
			}
		}
	}
	for _, a := range doc.Attributions {
		if want := claim.JoinText(text, a.Cue.Spans); a.Cue.Text != want {
			t.Errorf("attribution %s: cue %q, spans say %q", a.ID, a.Cue.Text, want)
		}
		mentioned("attribution "+a.ID+" source", a.Source.Entity, a.Source.Spans)
		mentioned("attribution "+a.ID+" addressee", a.Addressee.Entity, a.Addressee.Spans)
	}
}

// fact is an attribution as the table of DESIGN.md describes it.
type fact struct {
	Source    string // label of the source entity
	Anonymity entity.Anonymity
	Kind      entity.Kind
	Cue       string
	Stance    attribution.Stance
	Form      attribution.Form
	Contents  int    // number of content spans
	Addressee string // label of the addressee entity
	Via       string // labels of the sources it is reported through, outermost last
}

// TestGoldenFacts checks the attributions of the article that DESIGN.md
// lists, and a few more, in the golden model.
func TestGoldenFacts(t *testing.T) {
	doc := loadGolden(t)
	label := func(id string) string {
		e, _ := doc.Entity(id)
		return e.Label()
	}
	tests := []struct {
		name  string
		claim string // start of the claim's text
		kind  claim.Kind
		want  []fact // nil: the author's own claim
	}{
		{"two coordinated sources", "This move comes amid fears", claim.Statement, []fact{
			{"U.S. intelligence reports", entity.Described, entity.Record, "according to", attribution.Citing, attribution.Indirect, 1, "", ""},
			{"The New York Times", entity.Named, entity.Media, "according to", attribution.Citing, attribution.Indirect, 1, "", ""},
		}},
		{"officials via Axios", "the Venezuelan leader fears", claim.Statement, []fact{
			{"Axios", entity.Named, entity.Media, "as reported by", attribution.Citing, attribution.Indirect, 1, "", ""},
			{"top U.S. officials", entity.Described, entity.Government, "claim", attribution.Distancing, attribution.Indirect, 1, "", "Axios"},
		}},
		{"a fear inside the officials' claim", "assassination at the hands", claim.Prediction, []fact{
			{"Nicolás Maduro", entity.Named, entity.Person, "fears", attribution.Belief, attribution.Indirect, 1, "", "top U.S. officials, Axios"},
		}},
		{"vague, mixed", `Maduro "knows too much"`, claim.Statement, []fact{
			{"sources", entity.Vague, entity.Group, "suggest", attribution.Tentative, attribution.Mixed, 1, "", ""},
		}},
		{"quote over two sentences", "We have covert operations", claim.Quote, []fact{
			{"a senior White House official", entity.Described, entity.Government, "told", attribution.Neutral, attribution.Direct, 2, "Axios", ""},
		}},
		{"metonymy, discontinuous cue", "this alliance a direct threat", claim.Opinion, []fact{
			{"United States", entity.Named, entity.Government, "views as", attribution.Belief, attribution.Indirect, 2, "", ""},
		}},
		{"leaked data", "The Southern Spear", claim.Statement, []fact{
			{"leaked intelligence data", entity.Described, entity.Record, "according to", attribution.Citing, attribution.Indirect, 1, "", ""},
		}},
		{"analysts", "the fate of Chavismo", claim.Opinion, []fact{
			{"analysts", entity.Vague, entity.Group, "believe", attribution.Belief, attribution.Indirect, 1, "", ""},
		}},
		{"Maduro's fear in the answer", "his Cuban allies might", claim.Prediction, []fact{
			{"Nicolás Maduro", entity.Named, entity.Person, "fears", attribution.Belief, attribution.Indirect, 1, "", ""},
		}},
		{"the author's own", "This Cuban influence is not new", claim.Statement, nil},
		{"Trump is no source", "While President Donald Trump", claim.Opinion, nil},
		{"a question", "Why has Nicolás Maduro", claim.Question, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := slices.IndexFunc(doc.Claims, func(c claim.Claim) bool { return strings.HasPrefix(c.Text, tt.claim) })
			if i < 0 {
				t.Fatalf("no claim starts with %q", tt.claim)
			}
			c := doc.Claims[i]
			if c.Kind != tt.kind {
				t.Errorf("claim %s is a %s, want %s", c.ID, c.Kind, tt.kind)
			}
			var got []fact
			for _, a := range doc.AttributionsOf(c.ID) {
				e, _ := doc.Entity(a.Source.Entity)
				var via []string
				for _, outer := range doc.Chain(a.ID)[1:] {
					via = append(via, label(outer.Source.Entity))
				}
				got = append(got, fact{
					Source: e.Label(), Anonymity: e.Anonymity, Kind: e.Kind,
					Cue: a.Cue.Text, Stance: a.Cue.Stance, Form: a.Form,
					Contents: len(a.Content.Spans), Addressee: label(a.Addressee.Entity),
					Via: strings.Join(via, ", "),
				})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("attributions of %s %q (-want +got):\n%s", c.ID, c.Text, diff)
			}
			unattributed := slices.ContainsFunc(doc.Unattributed(), func(u claim.Claim) bool { return u.ID == c.ID })
			if unattributed != (tt.want == nil) {
				t.Errorf("claim %s: Unattributed lists it: %v", c.ID, unattributed)
			}
		})
	}
}

// TestGoldenReport checks the sourcing figures of the article. Each claim
// counts once under its own source: the officials' claim is described even
// though Axios carries it and Maduro's fear is nested in it.
func TestGoldenReport(t *testing.T) {
	r := loadGolden(t).Report()
	type figures struct {
		Claims, Attributed, Named, Described, Vague, NoSource, Unattributed, Hedged int
		Attributions, Distancing, DeepestChain                                      int
	}
	want := figures{
		Claims: 31, Attributed: 12, Named: 6, Described: 4, Vague: 2, Unattributed: 19, Hedged: 8,
		// Maduro fears, say the officials, as Axios reports: three deep.
		Attributions: 14, Distancing: 1, DeepestChain: 3,
	}
	got := figures{
		r.Claims, r.Attributed, r.Named, r.Described, r.Vague, r.NoSource, r.Unattributed, r.Hedged,
		r.Attributions, r.Distancing, r.DeepestChain,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
	wantKinds := map[entity.Kind]int{
		entity.Person: 1, entity.Government: 3, entity.Agency: 1, entity.Media: 2, entity.Record: 2, entity.Group: 2,
	}
	if diff := cmp.Diff(wantKinds, r.SourcesByKind); diff != "" {
		t.Errorf("sources by kind (-want +got):\n%s", diff)
	}
}
