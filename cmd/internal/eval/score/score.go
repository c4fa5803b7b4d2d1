// Package score holds the precision, recall and F1 counts the evaluation
// readers share. It is not API.
package score

// PRF holds the counts of one precision/recall measure. Precision is
// MatchedPred/Pred and recall MatchedGold/Gold; for exact matching the two
// matched counts are equal.
type PRF struct {
	Gold        int // gold items
	Pred        int // predicted items
	MatchedGold int // gold items matched by a prediction
	MatchedPred int // predicted items that match a gold item
}

// Precision returns MatchedPred/Pred, or 0 when nothing was predicted.
func (m PRF) Precision() float64 { return ratio(m.MatchedPred, m.Pred) }

// Recall returns MatchedGold/Gold, or 0 when there is no gold item.
func (m PRF) Recall() float64 { return ratio(m.MatchedGold, m.Gold) }

// F1 returns the harmonic mean of precision and recall, or 0 when both
// are 0.
func (m PRF) F1() float64 {
	p, r := m.Precision(), m.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add adds the counts of o to m.
func (m *PRF) Add(o PRF) {
	m.Gold += o.Gold
	m.Pred += o.Pred
	m.MatchedGold += o.MatchedGold
	m.MatchedPred += o.MatchedPred
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
