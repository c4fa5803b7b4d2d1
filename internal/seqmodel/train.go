package seqmodel

import (
	"math"
	"slices"
)

// Trainer learns a Model with the averaged structured perceptron
// (Collins 2002): decode each training sequence with the current weights
// and, where the best labels differ from the gold ones, add the gold
// sequence's features and subtract the predicted one's. The average of
// the weights over all steps is the model. Training is deterministic for
// a given order of sequences.
type Trainer struct {
	bits      uint
	w         []int32
	u         []int64 // sum over steps of step*update, for the average
	start, uS [NumLabels]int64
	trans, uT [NumLabels][NumLabels]int64
	step      int64
	sc        Scratch
	emit      []int32
	pred      []Label
	startI    [NumLabels]int32
	transI    [NumLabels][NumLabels]int32
	// Cost, when positive, is added to the score of every label but the
	// gold one while decoding for an update (loss-augmented decoding):
	// the weights learn to beat the wrong labels by a margin.
	Cost int32
}

// NewTrainer returns a Trainer over 2^bits feature buckets.
func NewTrainer(bits uint) *Trainer {
	return &Trainer{bits: bits, w: make([]int32, (1<<bits)*stride), u: make([]int64, (1<<bits)*stride), step: 1}
}

// Update decodes s with the current weights, learns from its gold labels
// and returns the number of tokens it got wrong.
func (t *Trainer) Update(s *Seq, gold []Label) int {
	n := s.Len()
	mask := uint32(1)<<t.bits - 1
	t.emit = slices.Grow(t.emit[:0], n*NumLabels)[:n*NumLabels]
	clear(t.emit)
	for i := 0; i < n; i++ {
		e := t.emit[i*NumLabels : i*NumLabels+NumLabels]
		for _, f := range s.Token(i) {
			row := t.w[int(f&mask)*stride:]
			for l := range e {
				e[l] += row[l]
			}
		}
	}
	if t.Cost > 0 {
		for i := 0; i < n; i++ {
			for l := range NumLabels {
				if Label(l) != gold[i] {
					t.emit[i*NumLabels+l] += t.Cost
				}
			}
		}
	}
	for a := range t.start {
		t.startI[a] = int32(t.start[a])
		for b := range t.trans[a] {
			t.transI[a][b] = int32(t.trans[a][b])
		}
	}
	t.pred = viterbi(t.emit, &t.startI, &t.transI, &t.sc, t.pred)
	wrong := 0
	for i := 0; i < n; i++ {
		g, p := gold[i], t.pred[i]
		if g != p {
			wrong++
			for _, f := range s.Token(i) {
				k := int(f&mask) * stride
				t.w[k+int(g)]++
				t.u[k+int(g)] += t.step
				t.w[k+int(p)]--
				t.u[k+int(p)] -= t.step
			}
		}
		if i == 0 {
			if g != p {
				t.start[g]++
				t.uS[g] += t.step
				t.start[p]--
				t.uS[p] -= t.step
			}
			continue
		}
		gp, pp := gold[i-1], t.pred[i-1]
		if gp != pp || g != p {
			t.trans[gp][g]++
			t.uT[gp][g] += t.step
			t.trans[pp][p]--
			t.uT[pp][p] -= t.step
		}
	}
	t.step++
	return wrong
}

// Model returns the averaged weights, quantized to int8: the weights are
// scaled so that the clip quantile of their magnitudes (0.9999, say)
// maps to 127, larger ones are clipped, and those that round to a
// magnitude below minQ are left out.
func (t *Trainer) Model(clip float64, minQ int) *Model {
	avg := func(w, u int64) float64 { return float64(w) - float64(u)/float64(t.step) }
	var mags []float64
	for k, w := range t.w {
		if a := math.Abs(avg(int64(w), t.u[k])); a > 0 {
			mags = append(mags, a)
		}
	}
	slices.Sort(mags)
	top := 1.0
	if len(mags) > 0 {
		top = mags[min(len(mags)-1, int(clip*float64(len(mags))))]
	}
	scale := 127 / top
	m := &Model{bits: t.bits, w: make([]int8, len(t.w)), Scale: float32(scale)}
	for k, w := range t.w {
		q := math.Round(avg(int64(w), t.u[k]) * scale)
		q = max(-127, min(127, q))
		if math.Abs(q) >= float64(minQ) {
			m.w[k] = int8(q)
		}
	}
	for a := range t.start {
		m.start[a] = int32(math.Round(avg(t.start[a], t.uS[a]) * scale))
		for b := range t.trans[a] {
			m.trans[a][b] = int32(math.Round(avg(t.trans[a][b], t.uT[a][b]) * scale))
		}
	}
	m.pack()
	return m
}
