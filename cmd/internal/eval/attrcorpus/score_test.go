package attrcorpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/span"
)

func sp(s, e int) span.Span { return span.Span{Start: s, End: e} }

func spans(ss ...span.Span) []span.Span { return ss }

// scoreText has the byte spans Aides [0,5), said [6,10), that [11,15),
// vote [20,24), was [25,28), rigged [29,35), he [37,39), added [40,45).
const scoreText = "Aides said that the vote was rigged, he added."

func TestScore(t *testing.T) {
	gold := []Article{
		{ID: "a", Text: scoreText, Attributions: []Attribution{
			{ID: "E1", Source: spans(sp(0, 5)), Cue: spans(sp(6, 10)), Content: spans(sp(11, 35))},
			// The same source span in a second relation counts once.
			{ID: "E2", Source: spans(sp(0, 5)), Cue: spans(sp(40, 45)), Content: spans(sp(16, 24), sp(25, 35))},
		}},
		{ID: "b", Text: "x", Attributions: []Attribution{{Cue: spans(sp(0, 1))}}},
	}
	tests := []struct {
		name string
		pred []Article
		want Result
	}{
		{
			name: "perfect",
			pred: gold,
			want: Result{
				Articles: 2,
				Exact:    [NumRoles]PRF{prf(1, 1, 1, 1), prf(3, 3, 3, 3), prf(3, 3, 3, 3)},
				Overlap:  [NumRoles]PRF{prf(1, 1, 1, 1), prf(3, 3, 3, 3), prf(3, 3, 3, 3)},
			},
		},
		{
			name: "partial",
			pred: []Article{
				{ID: "a", Attributions: []Attribution{
					// Source off by one: no exact match, overlap.
					{Source: spans(sp(0, 4)), Cue: spans(sp(6, 10)), Content: spans(sp(16, 35))},
					// A cue far from any gold cue; the content overlaps
					// all three gold content fragments.
					{Source: spans(sp(37, 39)), Cue: spans(sp(28, 35)), Content: spans(sp(11, 35))},
				}},
				// Not in gold: false alarms.
				{ID: "z", Attributions: []Attribution{{Cue: spans(sp(0, 1))}}},
			},
			want: Result{
				Articles: 2,
				Missing:  1,
				Extra:    1,
				Exact: [NumRoles]PRF{
					{Gold: 1, Pred: 2},
					{Gold: 3, Pred: 3, MatchedGold: 1, MatchedPred: 1},
					{Gold: 3, Pred: 2, MatchedGold: 1, MatchedPred: 1},
				},
				Overlap: [NumRoles]PRF{
					{Gold: 1, Pred: 2, MatchedGold: 1, MatchedPred: 1},
					{Gold: 3, Pred: 3, MatchedGold: 1, MatchedPred: 1},
					{Gold: 3, Pred: 2, MatchedGold: 3, MatchedPred: 2},
				},
			},
		},
		{
			name: "nothing",
			pred: nil,
			want: Result{
				Articles: 2,
				Missing:  2,
				Exact:    [NumRoles]PRF{{Gold: 1}, {Gold: 3}, {Gold: 3}},
				Overlap:  [NumRoles]PRF{{Gold: 1}, {Gold: 3}, {Gold: 3}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(gold, tt.pred)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Score mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	gold := Article{ID: "a", Text: scoreText, Attributions: []Attribution{
		{Source: spans(sp(0, 5)), Cue: spans(sp(6, 10)), Content: spans(sp(11, 35))},
	}}
	tests := []struct {
		name string
		pred Article
		want []Difference
	}{
		{name: "same", pred: gold, want: nil},
		{
			name: "misses and false alarms",
			pred: Article{ID: "a", Attributions: []Attribution{
				{Source: spans(sp(0, 4)), Cue: spans(sp(6, 10)), Content: spans(sp(37, 45))},
			}},
			want: []Difference{
				{Kind: FalseAlarm, Role: Source, Span: sp(0, 4), Text: "Aide", Partial: true},
				{Kind: Miss, Role: Source, Span: sp(0, 5), Text: "Aides", Partial: true},
				{Kind: Miss, Role: Content, Span: sp(11, 35), Text: "that the vote was rigged"},
				{Kind: FalseAlarm, Role: Content, Span: sp(37, 45), Text: "he added"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Diff(gold, tt.pred)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Diff mismatch (-want +got):\n%s", diff)
			}
		})
	}
	d := Difference{Kind: Miss, Role: Cue, Span: sp(6, 10), Text: "said", Partial: true}
	if got, want := d.String(), `miss cue [6,10) "said" (partial)`; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}

func TestResultString(t *testing.T) {
	r := Result{
		Articles: 3,
		Missing:  1,
		Exact:    [NumRoles]PRF{{Gold: 4, Pred: 2, MatchedGold: 1, MatchedPred: 1}, {}, {Gold: 2, Pred: 2, MatchedGold: 2, MatchedPred: 2}},
		Overlap:  [NumRoles]PRF{{Gold: 4, Pred: 2, MatchedGold: 2, MatchedPred: 2}, {}, {Gold: 2, Pred: 2, MatchedGold: 2, MatchedPred: 2}},
	}
	want := `3 articles (1 without prediction, 0 predicted without gold)
role       gold   pred |  exact      P      R     F1 | ovlp P      R     F1
source        4      2 |      1  50.00  25.00  33.33 | 100.00  50.00  66.67
cue           0      0 |      0   0.00   0.00   0.00 |   0.00   0.00   0.00
content       2      2 |      2 100.00 100.00 100.00 | 100.00 100.00 100.00
`
	if diff := cmp.Diff(want, r.String()); diff != "" {
		t.Errorf("String mismatch (-want +got):\n%s", diff)
	}
}

// prf returns the counts gold, pred, matched gold, matched pred.
func prf(gold, pred, matchedGold, matchedPred int) PRF {
	return PRF{Gold: gold, Pred: pred, MatchedGold: matchedGold, MatchedPred: matchedPred}
}
