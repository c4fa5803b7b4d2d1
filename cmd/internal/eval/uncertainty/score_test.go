package uncertainty

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/span"
)

// wordPredictor marks every occurrence of the given words.
func wordPredictor(words ...string) Predictor {
	return func(text string) []span.Span {
		var out []span.Span
		for _, w := range words {
			off := 0
			for {
				i := strings.Index(text[off:], w)
				if i < 0 {
					break
				}
				out = append(out, sp(off+i, off+i+len(w)))
				off += i + len(w)
			}
		}
		return out
	}
}

func TestEvaluate(t *testing.T) {
	sents := []Sentence{
		{ID: "a", Text: "It may rain.", Cues: []span.Span{sp(3, 6)}, Group: []int{0}, Uncertain: true},
		{ID: "b", Text: "It rains.", Uncertain: false},
		{ID: "c", Text: "It might snow or hail.", Cues: []span.Span{sp(3, 8)}, Group: []int{0}, Uncertain: true},
		{ID: "d", Text: "Perhaps sun.", Cues: []span.Span{sp(0, 7)}, Group: []int{0}, Uncertain: true},
		{ID: "e", Text: "Rain or shine.", Uncertain: false},
	}
	tests := []struct {
		name string
		pred Predictor
		want Result
	}{
		{
			name: "nothing predicted",
			pred: func(string) []span.Span { return nil },
			want: Result{
				Sentences: 5,
				Sentence:  PRF{Gold: 3},
				Cue:       PRF{Gold: 3},
				Mistakes: []Mistake{
					{Kind: FalseNegative, ID: "a", Text: "It may rain.", Gold: []span.Span{sp(3, 6)}},
					{Kind: FalseNegative, ID: "c", Text: "It might snow or hail.", Gold: []span.Span{sp(3, 8)}},
					{Kind: FalseNegative, ID: "d", Text: "Perhaps sun.", Gold: []span.Span{sp(0, 7)}},
				},
			},
		},
		{
			name: "mixed",
			// "may" twice in the output of a sloppy predictor counts once.
			pred: func(text string) []span.Span {
				return append(wordPredictor("may", "or", "might snow")(text), wordPredictor("may")(text)...)
			},
			want: Result{
				Sentences: 5,
				Sentence:  PRF{Gold: 3, Pred: 3, MatchedGold: 2, MatchedPred: 2},
				Cue:       PRF{Gold: 3, Pred: 4, MatchedGold: 1, MatchedPred: 1},
				Mistakes: []Mistake{
					{Kind: FalsePositive, ID: "e", Text: "Rain or shine.", Pred: []span.Span{sp(5, 7)}},
					{Kind: FalseNegative, ID: "d", Text: "Perhaps sun.", Gold: []span.Span{sp(0, 7)}},
					{Kind: CueMismatch, ID: "c", Text: "It might snow or hail.", Gold: []span.Span{sp(3, 8)}, Pred: []span.Span{sp(3, 13), sp(14, 16)}},
				},
			},
		},
		{
			name: "perfect",
			pred: wordPredictor("may", "might", "Perhaps"),
			want: Result{
				Sentences: 5,
				Sentence:  PRF{Gold: 3, Pred: 3, MatchedGold: 3, MatchedPred: 3},
				Cue:       PRF{Gold: 3, Pred: 3, MatchedGold: 3, MatchedPred: 3},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(sents, tt.pred)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Evaluate mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResultFormat(t *testing.T) {
	r := Result{
		Sentences: 10,
		Sentence:  PRF{Gold: 4, Pred: 2, MatchedGold: 2, MatchedPred: 2},
		Cue:       PRF{Gold: 5, Pred: 4, MatchedGold: 1, MatchedPred: 1},
		Mistakes: []Mistake{
			{Kind: FalseNegative, ID: "x", Text: "Maybe née.", Gold: []span.Span{sp(0, 5)}},
		},
	}
	want := `10 sentences
level        gold    pred   match       P       R      F1
sentence        4       2       2  100.00   50.00   66.67
cue             5       4       1   25.00   20.00   22.22
`
	if diff := cmp.Diff(want, r.String()); diff != "" {
		t.Errorf("String (-want +got):\n%s", diff)
	}
	var b strings.Builder
	if err := r.FormatMistakes(&b); err != nil {
		t.Fatal(err)
	}
	wantM := "FN x\n  gold: \"Maybe\"[0,5)\n  pred: -\n  text: Maybe née.\n"
	if diff := cmp.Diff(wantM, b.String()); diff != "" {
		t.Errorf("FormatMistakes (-want +got):\n%s", diff)
	}
}

func TestEvaluateCapsMistakes(t *testing.T) {
	sents := make([]Sentence, MaxMistakes+5)
	for i := range sents {
		sents[i] = Sentence{ID: "s", Text: "may", Cues: []span.Span{sp(0, 3)}, Group: []int{0}, Uncertain: true}
	}
	r := Evaluate(sents, func(string) []span.Span { return nil })
	if len(r.Mistakes) != MaxMistakes {
		t.Errorf("len(Mistakes) = %d, want %d", len(r.Mistakes), MaxMistakes)
	}
	if r.Sentence.Gold != len(sents) {
		t.Errorf("Sentence.Gold = %d, want %d", r.Sentence.Gold, len(sents))
	}
}
