package seqmodel

import (
	"math/rand/v2"
	"testing"
)

// score returns the score of labels under the emission and transition
// scores.
func score(emit []int32, start *[NumLabels]int32, trans *[NumLabels][NumLabels]int32, labels []Label) int64 {
	var s int64
	for i, l := range labels {
		s += int64(emit[i*NumLabels+int(l)])
		if i == 0 {
			s += int64(start[l])
		} else {
			s += int64(trans[labels[i-1]][l])
		}
	}
	return s
}

// TestViterbiBest checks Viterbi against every valid label sequence of
// short random problems.
func TestViterbiBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var sc Scratch
	for trial := range 200 {
		n := 1 + trial%5
		emit := make([]int32, n*NumLabels)
		for i := range emit {
			emit[i] = int32(rng.IntN(41) - 20)
		}
		var start [NumLabels]int32
		var trans [NumLabels][NumLabels]int32
		for a := range trans {
			start[a] = int32(rng.IntN(21) - 10)
			for b := range trans[a] {
				trans[a][b] = int32(rng.IntN(21) - 10)
			}
		}
		got := viterbi(emit, &start, &trans, &sc, nil)
		best := int64(-1 << 62)
		labels := make([]Label, n)
		var walk func(i int)
		walk = func(i int) {
			if i == n {
				best = max(best, score(emit, &start, &trans, labels))
				return
			}
			for l := Label(0); l < NumLabels; l++ {
				prev := O
				if i > 0 {
					prev = labels[i-1]
				}
				if allowed(prev, l) {
					labels[i] = l
					walk(i + 1)
				}
			}
		}
		walk(0)
		if s := score(emit, &start, &trans, got); s != best {
			t.Fatalf("trial %d: Viterbi's labels %v score %d, the best %d", trial, got, s, best)
		}
	}
}
