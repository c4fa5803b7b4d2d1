package boundary

import (
	"math"
	"math/rand/v2"
)

// Example is one choice to learn: the features of each candidate and the
// index of the right one.
type Example struct {
	Cands [][]Feature
	Gold  int
}

// TrainConfig sets how Train learns.
type TrainConfig struct {
	Bits     uint8  // the table holds 2^Bits weights
	Epochs   int    // passes over the examples
	Seed     uint64 // the order of the examples in each pass
	MinCount int    // features of fewer candidates are left out
}

// Train learns a Model from examples with an averaged perceptron: in a
// fixed shuffled order, each example whose best candidate is wrong moves
// the weights toward the right candidate's features and away from the
// chosen one's. The averaged weights are scaled to int16. The result
// depends only on the examples and cfg.
func Train(examples []Example, cfg TrainConfig) *Model {
	size := 1 << cfg.Bits
	count := make([]int32, size)
	for _, ex := range examples {
		for _, c := range ex.Cands {
			for _, f := range c {
				count[f.bucket(cfg.Bits)]++
			}
		}
	}
	keep := func(b uint32) bool { return int(count[b]) >= cfg.MinCount }
	w := make([]float64, size)
	sum := make([]float64, size) // sum of the updates, each times its step
	step := 1.0
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x626e64))
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	score := func(feats []Feature) float64 {
		s := 0.0
		for _, f := range feats {
			s += w[f.bucket(cfg.Bits)]
		}
		return s
	}
	update := func(feats []Feature, d float64) {
		for _, f := range feats {
			if b := f.bucket(cfg.Bits); keep(b) {
				w[b] += d
				sum[b] += d * step
			}
		}
	}
	for range cfg.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &examples[k]
			best, bestScore := -1, math.Inf(-1)
			for i, c := range ex.Cands {
				if s := score(c); s > bestScore {
					best, bestScore = i, s
				}
			}
			if best != ex.Gold {
				update(ex.Cands[ex.Gold], 1)
				update(ex.Cands[best], -1)
			}
			step++
		}
	}
	avg := make([]float64, size)
	max := 0.0
	for i := range w {
		avg[i] = w[i] - sum[i]/step
		max = math.Max(max, math.Abs(avg[i]))
	}
	m := &Model{bits: cfg.Bits, w: make([]int16, size)}
	if max == 0 {
		return m
	}
	scale := 32767 / max
	for i, v := range avg {
		m.w[i] = int16(math.Round(v * scale))
	}
	return m
}
