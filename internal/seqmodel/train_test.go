package seqmodel

import (
	"math/rand/v2"
	"testing"
)

// TestTrainerLearns checks that the perceptron learns labels that one
// feature per token gives away, and that the quantized model decodes
// them back.
func TestTrainerLearns(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var seqs []Seq
	var gold [][]Label
	for range 50 {
		var spans []Span
		n := 0
		for n < 60 {
			r := Role(rng.IntN(int(NumRoles)))
			l := 1 + rng.IntN(4)
			if r != None {
				spans = append(spans, Span{Role: r, Start: n, End: n + l})
			}
			n += l
		}
		labels := make([]Label, n)
		LabelSpans(labels, spans)
		var h Hasher
		h.Reset()
		for _, l := range labels {
			h.add(1, l.String())
			h.add(0, "")
			h.Seq.Next()
		}
		seqs = append(seqs, h.Seq)
		gold = append(gold, labels)
	}
	tr := NewTrainer(10)
	wrong := 0
	for range 5 {
		wrong = 0
		for i := range seqs {
			wrong += tr.Update(&seqs[i], gold[i])
		}
	}
	if wrong != 0 {
		t.Errorf("last epoch: %d tokens wrong, want 0", wrong)
	}
	m := tr.Model(1, 1)
	var sc Scratch
	for i := range seqs {
		got := m.Decode(&seqs[i], &sc, nil)
		for k := range got {
			if got[k] != gold[i][k] {
				t.Fatalf("sequence %d token %d: got %v, want %v", i, k, got[k], gold[i][k])
			}
		}
	}
}
