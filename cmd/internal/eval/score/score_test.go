package score

import (
	"math"
	"testing"
)

func TestPRF(t *testing.T) {
	tests := []struct {
		name    string
		m       PRF
		p, r, f float64
	}{
		{"empty", PRF{}, 0, 0, 0},
		{"perfect", PRF{Gold: 4, Pred: 4, MatchedGold: 4, MatchedPred: 4}, 1, 1, 1},
		{"half", PRF{Gold: 4, Pred: 2, MatchedGold: 2, MatchedPred: 2}, 1, 0.5, 2.0 / 3},
		{"overlap counts differ", PRF{Gold: 2, Pred: 4, MatchedGold: 2, MatchedPred: 1}, 0.25, 1, 0.4},
		{"overlap recall above precision", PRF{Gold: 4, Pred: 2, MatchedGold: 3, MatchedPred: 1}, 0.5, 0.75, 0.6},
		{"half matched", PRF{Gold: 4, Pred: 2, MatchedGold: 2, MatchedPred: 1}, 0.5, 0.5, 0.5},
		{"skewed", PRF{Gold: 10, Pred: 5, MatchedGold: 5, MatchedPred: 5}, 1, 0.5, 2.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p, r, f := tt.m.Precision(), tt.m.Recall(), tt.m.F1(); math.Abs(p-tt.p) > 1e-12 || math.Abs(r-tt.r) > 1e-12 || math.Abs(f-tt.f) > 1e-12 {
				t.Errorf("got P %v R %v F1 %v, want %v %v %v", p, r, f, tt.p, tt.r, tt.f)
			}
		})
	}
	var sum PRF
	sum.Add(PRF{Gold: 1, Pred: 2, MatchedGold: 1, MatchedPred: 1})
	sum.Add(PRF{Gold: 3, Pred: 1, MatchedGold: 1, MatchedPred: 1})
	if sum != (PRF{Gold: 4, Pred: 3, MatchedGold: 2, MatchedPred: 2}) {
		t.Errorf("Add = %+v", sum)
	}
}
