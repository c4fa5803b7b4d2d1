package claim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/claim"
)

// cues renders hedges as "text:category" for compact comparison.
func cues(hs []claim.Hedge) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Text+":"+h.Category.String())
	}
	return out
}

func TestFindEnglish(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"modal", "His allies might eliminate him.", []string{"might:epistemic"}},
		{"may the month", "On May 20, 1983, he fought. In May he won. It may rain.", []string{"may:epistemic"}},
		{"may sentence start", "May the best man win? May 5 was cold.", []string{"May:epistemic"}},
		{"may a name", "Theresa May said it could work.", []string{"could:epistemic"}},
		{"might as noun", "The military might of Russia. With all his might.", nil},
		{"can container", "He opened a can of soup.", nil},
		{"even if and as if", "Even if he leaves, he acts as if nothing happened. If he leaves, it ends.", []string{"If:conditional"}},
		{"reached for comment", "The mayor could not be reached for comment.", nil},
		{"no doubt booster", "There is no doubt he lied.", []string{"no doubt:booster"}},
		{"not likely stays", "It is not likely to pass.", []string{"likely:epistemic"}},
		{"negated booster", "The deal has not been confirmed.", []string{"confirmed:epistemic"}},
		{"plain booster", "Officials confirmed the deal.", []string{"confirmed:booster"}},
		{"vague sources, hedging verb", "Sources suggest that Maduro knows too much.", []string{"suggest:tentative"}},
		{"analysts believe", "Analysts believe the fate is decided.", []string{"believe:belief"}},
		{"agentless", "It is believed that he fled. Some say he hid.", []string{"believed:weasel", "Some say:weasel"}},
		{"critics argue", "Critics argue the law is weak.", []string{"Critics argue:attribution"}},
		{"sources say", "Sources say the talks stalled.", []string{"Sources say:attribution"}},
		{"according to", "Prices rose, according to data.", []string{"according to:attribution"}},
		{"appear to head only", "He appeared to be tired. He appeared on TV.", []string{"appeared:tentative"}},
		{"views as", "Washington views this alliance as a threat. His views differ.", []string{"views:belief"}},
		{"inversion", "He might leave should he lose power. Why should he care? It should end soon.", []string{"might:epistemic", "should:conditional", "should:epistemic"}},
		{"reportedly", "He reportedly fled.", []string{"reportedly:evidential"}},
		{"whether", "It is unclear whether he left.", []string{"unclear:epistemic", "whether:inquiry"}},
		{"curly apostrophe", "It doesn’t seem right.", []string{"seem:tentative"}},
	}
	var d claim.Detector
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Find(tt.text)
			if diff := cmp.Diff(tt.want, cues(got)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			for _, h := range got {
				if h.Text != h.Span.Text(tt.text) || h.Rule == "" {
					t.Errorf("hedge %+v: text differs from span or no rule", h)
				}
			}
		})
	}
}

func TestFindSpanish(t *testing.T) {
	lex, err := claim.DefaultLexicon(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	d := claim.NewDetector(lex)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"según", "Según fuentes oficiales, el presidente habría ordenado la retirada.", []string{"Según fuentes:weasel", "habría:evidential"}},
		{"podría", "La medida podría fracasar, al parecer.", []string{"podría:epistemic", "al parecer:evidential"}},
		{"habría without participle", "No habría problema.", nil},
		{"si and sí", "Dijo que sí. Si llueve, no vamos.", []string{"Si:conditional"}},
		{"presuntamente", "El acusado presuntamente robó el banco.", []string{"presuntamente:evidential"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, cues(d.Find(tt.text))); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestLexiconErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"unknown category", "may\tepistemic\nfoo\tguess\n", `user.txt:2: unknown hedge category "guess"`},
		{"bad certainty", "may\tepistemic\tcertainty=sure\n", `user.txt:1: bad attribute: certainty=sure`},
		{"unknown check", "may\tepistemic\tcheck=magic\n", `user.txt:1: bad attribute: unknown check "magic"`},
		{"unknown key", "may\tepistemic\tcolor=red\n", `user.txt:1: bad attribute: unknown key "color"`},
		{"no category", "may\n", `user.txt:1:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := claim.ParseLexicon(language.English, "user.txt", strings.NewReader(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseLexicon error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLexiconAddRemove(t *testing.T) {
	base, err := claim.DefaultLexicon(language.English)
	if err != nil {
		t.Fatal(err)
	}
	more, err := base.Add("mine.txt", strings.NewReader("word has it\tweasel\nmay\tbooster\n"))
	if err != nil {
		t.Fatal(err)
	}
	less, err := more.Remove("might")
	if err != nil {
		t.Fatal(err)
	}
	const text = "Word has it he may go, or he might stay."
	got := cues(claim.NewDetector(less).Find(text))
	want := []string{"Word has it:weasel", "may:booster"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"may:epistemic", "might:epistemic"}, cues(claim.NewDetector(base).Find(text))); diff != "" {
		t.Errorf("base lexicon changed by Add/Remove (-want +got):\n%s", diff)
	}
	if h := claim.NewDetector(more).Find(text); len(h) == 0 || !strings.HasPrefix(h[0].Rule, "mine.txt:1") {
		t.Errorf("rule of a user entry = %v, want mine.txt:1", h)
	}
}

func TestPolarity(t *testing.T) {
	var d claim.Detector
	for text, want := range map[string]claim.Polarity{
		"This Cuban influence is not new.":      claim.Negative,
		"There is no doubt he lied.":            claim.Positive,
		"They aren't designed to eliminate him": claim.Negative,
		"He left.":                              claim.Positive,
	} {
		if got := d.PolarityOf(text); got != want {
			t.Errorf("PolarityOf(%q) = %v, want %v", text, got, want)
		}
	}
}

func ExampleDetector_Find() {
	var d claim.Detector // the zero Detector uses the English lexicon
	for _, h := range d.Find("Sources suggest his allies might eliminate him, according to reports.") {
		fmt.Printf("%q %s %s\n", h.Text, h.Category, h.Level())
	}
	// Output:
	// "suggest" tentative probable
	// "might" epistemic possible
	// "according to" attribution certain
}

// TestAppendHedgesAllocs checks that detection of a text under 16 KiB (one
// piece) allocates a fixed number of times, however many cues it holds:
// the folded forms of the tokens that folding changes (one string), the
// annotated text (its header, sentence index and tag slices) and the
// rules' cursor.
func TestAppendHedgesAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	const text = "Sources suggest the deal may collapse, according to reports. It is not clear whether he will stay. "
	var d claim.Detector
	for _, n := range []int{1, 100} {
		long := strings.Repeat(text, n)
		dst := d.AppendHedges(nil, long)
		allocs := testing.AllocsPerRun(50, func() { dst = d.AppendHedges(dst[:0], long) })
		if allocs > 6 {
			t.Errorf("%d copies: AppendHedges with a reused slice allocates %v times per call, want at most 6", n, allocs)
		}
	}
}
