package uncertainty

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hearsay-go/hearsay/cmd/internal/eval/score"
	"github.com/hearsay-go/hearsay/span"
)

// Predictor returns the byte spans of the uncertainty cues it finds in a
// sentence's text. A sentence is predicted uncertain when it returns at
// least one span.
type Predictor func(text string) []span.Span

// PRF holds the counts of one precision/recall measure.
type PRF = score.PRF

// MistakeKind tells how a prediction for a sentence went wrong.
type MistakeKind int

// The kinds of mistakes Evaluate records.
const (
	// FalsePositive: the sentence is certain but cues were predicted.
	FalsePositive MistakeKind = iota + 1
	// FalseNegative: the sentence is uncertain but no cue was predicted.
	FalseNegative
	// CueMismatch: the sentence is rightly predicted uncertain but the
	// predicted cue spans differ from the gold ones.
	CueMismatch
)

// String returns a short name of the kind: FP, FN or CUE.
func (k MistakeKind) String() string {
	switch k {
	case FalsePositive:
		return "FP"
	case FalseNegative:
		return "FN"
	case CueMismatch:
		return "CUE"
	}
	return fmt.Sprintf("MistakeKind(%d)", int(k))
}

// Mistake is one sentence the predictor got wrong, for diagnosis.
type Mistake struct {
	Kind MistakeKind
	ID   string
	Text string
	Gold []span.Span // the gold cue fragments
	Pred []span.Span // the predicted cue spans, sorted, without duplicates
}

// MaxMistakes caps the mistakes Evaluate records of each kind.
const MaxMistakes = 100

// Result is the score of a predictor on a corpus.
type Result struct {
	// Sentences is the number of sentences scored.
	Sentences int
	// Sentence scores the uncertain class at sentence level: Gold counts
	// the gold uncertain sentences, Pred the predicted uncertain ones,
	// and the matched counts the sentences both call uncertain.
	Sentence PRF
	// Cue scores cue spans by exact match: a predicted span matches a
	// gold fragment of the same sentence with the same start and end.
	// Duplicate spans within a sentence count once.
	Cue PRF
	// Mistakes lists the first MaxMistakes mistakes of each kind, in
	// corpus order within each kind.
	Mistakes []Mistake
}

// Evaluate runs p on every sentence and scores it against the gold cues.
func Evaluate(sents []Sentence, p Predictor) Result {
	var r Result
	counts := map[MistakeKind]int{}
	for _, s := range sents {
		r.Sentences++
		pred := slices.Clone(p(s.Text))
		slices.SortFunc(pred, span.Compare)
		pred = slices.Compact(pred)
		gold := slices.Clone(s.Cues)
		slices.SortFunc(gold, span.Compare)
		gold = slices.Compact(gold)

		predU := len(pred) > 0
		var sm PRF
		if s.Uncertain {
			sm.Gold = 1
		}
		if predU {
			sm.Pred = 1
		}
		if s.Uncertain && predU {
			sm.MatchedGold, sm.MatchedPred = 1, 1
		}
		r.Sentence.Add(sm)

		n := 0
		for _, g := range gold {
			if _, ok := slices.BinarySearchFunc(pred, g, span.Compare); ok {
				n++
			}
		}
		r.Cue.Add(PRF{Gold: len(gold), Pred: len(pred), MatchedGold: n, MatchedPred: n})

		var kind MistakeKind
		switch {
		case predU && !s.Uncertain:
			kind = FalsePositive
		case !predU && s.Uncertain:
			kind = FalseNegative
		case n != len(gold) || n != len(pred):
			kind = CueMismatch
		}
		if kind != 0 && counts[kind] < MaxMistakes {
			counts[kind]++
			r.Mistakes = append(r.Mistakes, Mistake{Kind: kind, ID: s.ID, Text: s.Text, Gold: gold, Pred: pred})
		}
	}
	slices.SortStableFunc(r.Mistakes, func(a, b Mistake) int { return int(a.Kind) - int(b.Kind) })
	return r
}

// Format writes the scores as a table.
func (r Result) Format(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d sentences\n", r.Sentences)
	fmt.Fprintf(&b, "%-9s %7s %7s %7s %7s %7s %7s\n", "level", "gold", "pred", "match", "P", "R", "F1")
	row := func(name string, m PRF) {
		fmt.Fprintf(&b, "%-9s %7d %7d %7d %7.2f %7.2f %7.2f\n", name, m.Gold, m.Pred, m.MatchedGold,
			100*m.Precision(), 100*m.Recall(), 100*m.F1())
	}
	row("sentence", r.Sentence)
	row("cue", r.Cue)
	_, err := io.WriteString(w, b.String())
	return err
}

// String returns the table Format writes.
func (r Result) String() string {
	var b strings.Builder
	r.Format(&b)
	return b.String()
}

// FormatMistakes writes the recorded mistakes, one per paragraph: kind, ID,
// gold and predicted cue texts, and the sentence.
func (r Result) FormatMistakes(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Mistakes {
		fmt.Fprintf(&b, "%s %s\n  gold: %s\n  pred: %s\n  text: %s\n", m.Kind, m.ID,
			cueList(m.Text, m.Gold), cueList(m.Text, m.Pred), m.Text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func cueList(text string, spans []span.Span) string {
	if len(spans) == 0 {
		return "-"
	}
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = fmt.Sprintf("%q%v", s.Text(text), s)
	}
	return strings.Join(parts, " ")
}
