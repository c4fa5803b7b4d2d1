package seqmodel

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// TestViterbiSmall checks that viterbiSmall gives the labels of viterbi,
// ties included, on random problems with few distinct scores and on
// problems at the bound of Decode's choice between them.
func TestViterbiSmall(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var sc, sc2 Scratch
	for trial := range 5000 {
		n := 1 + rng.IntN(60)
		r := int32(1 + trial%9) // scores in [-r, r]: many ties
		big := trial%5 == 0
		if big {
			r = maxPath / 2 / int32(n+1)
		}
		emit := make([]int32, n*NumLabels)
		for i := range emit {
			emit[i] = rng.Int32N(2*r+1) - r
		}
		var start [NumLabels]int32
		var trans [NumLabels][NumLabels]int32
		for a := range trans {
			start[a] = rng.Int32N(2*r+1) - r
			for b := range trans[a] {
				trans[a][b] = rng.Int32N(2*r+1) - r
			}
		}
		want := viterbi(emit, &start, &trans, &sc, nil)
		got := viterbiSmall(emit, &start, &trans, &sc2, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: viterbiSmall %v, viterbi %v", trial, got, want)
		}
	}
}

// TestDecodeBounded checks that bounded tells a model whose path scores
// could overflow viterbiSmall's (which Decode then leaves to viterbi),
// and that Decode's emission scores and labels are the plain ones either
// way.
func TestDecodeBounded(t *testing.T) {
	m := testModel(6, 4)
	if !m.bounded(1000, 10000) {
		t.Fatal("a small model and text should be bounded")
	}
	big := *m
	big.trans[O][O] = maxPath
	if big.bounded(2, 0) {
		t.Fatal("a transition of maxPath should not be bounded")
	}
	var h Hasher
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		h.add(1, string(rune('a'+rng.IntN(26))))
		h.Seq.Next()
	}
	for _, m := range []*Model{m, &big} {
		var sc Scratch
		got := m.Decode(&h.Seq, &sc, nil)
		emit := make([]int32, h.Seq.Len()*NumLabels)
		for i := range h.Seq.Len() {
			for l := range NumLabels {
				for _, f := range h.Seq.Token(i) {
					emit[i*NumLabels+l] += m.Weight(f, Label(l))
				}
			}
		}
		if diff := cmp.Diff(emit, sc.emit[:len(emit)]); diff != "" {
			t.Errorf("emission scores (-want +got):\n%s", diff)
		}
		want := viterbi(emit, &m.start, &m.trans, &Scratch{}, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("Decode %v, viterbi %v", got, want)
		}
	}
}
