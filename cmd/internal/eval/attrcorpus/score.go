package attrcorpus

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hearsay-go/hearsay/cmd/internal/eval/score"
	"github.com/hearsay-go/hearsay/span"
)

// PRF holds the counts of one precision/recall measure.
type PRF = score.PRF

// Result is the score of predicted attributions against gold ones.
//
// The unit is the span fragment: each fragment of a discontinuous span is
// scored on its own, and within one article each distinct fragment of a
// role counts once however many attributions share it (a source quoted
// twice). So per article and role there is a set G of gold fragments and
// a set P of predicted ones.
//
// Exact: a predicted fragment matches when a gold fragment of the same
// role in the same article has the same start and end; MatchedGold =
// MatchedPred = |G ∩ P|.
//
// Overlap: MatchedPred counts the fragments of P that share at least one
// byte with some fragment of G, and MatchedGold the fragments of G that
// share at least one byte with some fragment of P; so precision is the
// share of predicted fragments overlapping some gold fragment, and recall
// the share of gold fragments overlapped by some prediction. Empty spans
// overlap nothing.
//
// Counts are summed over articles (micro-averaged). Articles are matched
// by ID; a gold article without a prediction counts all its spans as
// misses, and a predicted article without gold all its spans as false
// alarms.
type Result struct {
	Articles int // gold articles
	Missing  int // gold articles without a predicted article
	Extra    int // predicted articles without a gold article
	// Exact and Overlap hold the scores of each role, indexed by Role.
	Exact, Overlap [NumRoles]PRF
}

// roleSets returns the sorted distinct fragments of each role in a.
func roleSets(a Article) [NumRoles][]span.Span {
	var sets [NumRoles][]span.Span
	for _, at := range a.Attributions {
		for _, r := range Roles {
			sets[r] = append(sets[r], at.Spans(r)...)
		}
	}
	for r := range sets {
		slices.SortFunc(sets[r], span.Compare)
		sets[r] = slices.Compact(sets[r])
	}
	return sets
}

// byID merges the role sets of the articles of each ID, keeping the first
// appearance order of the IDs.
func byID(arts []Article) (map[string][NumRoles][]span.Span, []string) {
	m := map[string][NumRoles][]span.Span{}
	var order []string
	for _, a := range arts {
		sets := roleSets(a)
		old, ok := m[a.ID]
		if !ok {
			order = append(order, a.ID)
		} else {
			for r := range sets {
				sets[r] = append(sets[r], old[r]...)
				slices.SortFunc(sets[r], span.Compare)
				sets[r] = slices.Compact(sets[r])
			}
		}
		m[a.ID] = sets
	}
	return m, order
}

// Score scores pred against gold, matching articles by ID. See Result for
// the definitions.
func Score(gold, pred []Article) Result {
	var res Result
	g, gorder := byID(gold)
	p, porder := byID(pred)
	res.Articles = len(gorder)
	ids := slices.Clone(gorder)
	for _, id := range gorder {
		if _, ok := p[id]; !ok {
			res.Missing++
		}
	}
	for _, id := range porder {
		if _, ok := g[id]; !ok {
			res.Extra++
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		gs, ps := g[id], p[id]
		for r := range NumRoles {
			ex, ov := match(gs[r], ps[r])
			add(&res.Exact[r], ex)
			add(&res.Overlap[r], ov)
		}
	}
	return res
}

func add(m *PRF, o PRF) {
	m.Gold += o.Gold
	m.Pred += o.Pred
	m.MatchedGold += o.MatchedGold
	m.MatchedPred += o.MatchedPred
}

// match scores two sorted sets of fragments.
func match(gold, pred []span.Span) (exact, overlap PRF) {
	exact = PRF{Gold: len(gold), Pred: len(pred)}
	overlap = exact
	for _, s := range pred {
		if _, ok := slices.BinarySearchFunc(gold, s, span.Compare); ok {
			exact.MatchedGold++
			exact.MatchedPred++
		}
		if overlapsAny(s, gold) {
			overlap.MatchedPred++
		}
	}
	for _, s := range gold {
		if overlapsAny(s, pred) {
			overlap.MatchedGold++
		}
	}
	return exact, overlap
}

func overlapsAny(s span.Span, set []span.Span) bool {
	for _, t := range set {
		if s.Overlaps(t) {
			return true
		}
	}
	return false
}

// Format writes the scores as a table, percentages for P, R and F1.
func (res Result) Format(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles", res.Articles)
	if res.Missing > 0 || res.Extra > 0 {
		fmt.Fprintf(&b, " (%d without prediction, %d predicted without gold)", res.Missing, res.Extra)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%-8s %6s %6s | %6s %6s %6s %6s | %6s %6s %6s\n", "role", "gold", "pred",
		"exact", "P", "R", "F1", "ovlp P", "R", "F1")
	for _, r := range Roles {
		e, o := res.Exact[r], res.Overlap[r]
		fmt.Fprintf(&b, "%-8s %6d %6d | %6d %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f\n", r, e.Gold, e.Pred,
			e.MatchedGold, 100*e.Precision(), 100*e.Recall(), 100*e.F1(),
			100*o.Precision(), 100*o.Recall(), 100*o.F1())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String returns the table Format writes.
func (res Result) String() string {
	var b strings.Builder
	res.Format(&b)
	return b.String()
}

// DiffKind tells which side of a Difference is unmatched.
type DiffKind int

// The kinds of differences.
const (
	// Miss is a gold fragment no predicted fragment matches exactly.
	Miss DiffKind = iota + 1
	// FalseAlarm is a predicted fragment that matches no gold fragment
	// exactly.
	FalseAlarm
)

// String returns "miss" or "false alarm".
func (k DiffKind) String() string {
	switch k {
	case Miss:
		return "miss"
	case FalseAlarm:
		return "false alarm"
	}
	return fmt.Sprintf("DiffKind(%d)", int(k))
}

// Difference is one fragment that one side has and the other lacks.
type Difference struct {
	Kind DiffKind
	Role Role
	Span span.Span // byte offsets into the article's text
	Text string    // the text the fragment covers
	// Partial reports whether a fragment of the same role on the other
	// side overlaps this one, so that it matches under overlap scoring.
	Partial bool
}

// String formats the difference on one line: kind, role, span, text.
func (d Difference) String() string {
	s := fmt.Sprintf("%s %s %v %q", d.Kind, d.Role, d.Span, d.Text)
	if d.Partial {
		s += " (partial)"
	}
	return s
}

// Diff lists the fragments of gold that pred misses and those of pred that
// gold lacks, per role, by exact match as Score counts them, sorted by
// span, then role, then kind. The text of a false alarm is taken from
// pred.Text, or from gold.Text when pred has none.
func Diff(gold, pred Article) []Difference {
	gs, ps := roleSets(gold), roleSets(pred)
	ptext := pred.Text
	if ptext == "" {
		ptext = gold.Text
	}
	var out []Difference
	for _, r := range Roles {
		for _, s := range gs[r] {
			if _, ok := slices.BinarySearchFunc(ps[r], s, span.Compare); !ok {
				out = append(out, Difference{Kind: Miss, Role: r, Span: s, Text: s.Text(gold.Text), Partial: overlapsAny(s, ps[r])})
			}
		}
		for _, s := range ps[r] {
			if _, ok := slices.BinarySearchFunc(gs[r], s, span.Compare); !ok {
				out = append(out, Difference{Kind: FalseAlarm, Role: r, Span: s, Text: s.Text(ptext), Partial: overlapsAny(s, gs[r])})
			}
		}
	}
	slices.SortFunc(out, func(a, b Difference) int {
		return cmp.Or(span.Compare(a.Span, b.Span), cmp.Compare(a.Role, b.Role), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}
