package boundary

import (
	"fmt"
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
	MinCount int    // features whose bucket occurs fewer times in all the candidates are left out
	// Runs is how many perceptrons, each over its own order of the
	// examples (seeds Seed, Seed+1, ...), are summed; 0 means 1. A sum
	// depends less on one order than each of its terms.
	Runs int
}

// Train learns a Model from examples with averaged perceptrons (an error
// for hash bits outside 1 to 24 or an example whose right candidate is
// not one of its candidates): in a
// fixed shuffled order, each example whose best candidate is wrong moves
// the weights toward the right candidate's features and away from the
// chosen one's. The averaged weights of cfg.Runs such perceptrons are
// summed and scaled to int16. The result depends only on the examples
// and cfg.
func Train(examples []Example, cfg TrainConfig) (*Model, error) {
	if cfg.Bits < 1 || cfg.Bits > maxBits {
		return nil, fmt.Errorf("boundary: %d hash bits, want 1 to %d", cfg.Bits, maxBits)
	}
	for i, ex := range examples {
		if ex.Gold < 0 || ex.Gold >= len(ex.Cands) {
			return nil, fmt.Errorf("boundary: example %d: right candidate %d of %d", i, ex.Gold, len(ex.Cands))
		}
	}
	size := 1 << cfg.Bits
	count := make([]int32, size)
	for _, ex := range examples {
		for _, c := range ex.Cands {
			for _, f := range c {
				count[f.bucket(cfg.Bits)]++
			}
		}
	}
	total := make([]float64, size)
	for r := range max(cfg.Runs, 1) {
		for i, v := range train(examples, cfg, count, cfg.Seed+uint64(r)) {
			total[i] += v
		}
	}
	peak := 0.0
	for _, v := range total {
		peak = math.Max(peak, math.Abs(v))
	}
	m := &Model{bits: cfg.Bits, w: make([]int16, size)}
	if peak == 0 {
		return m, nil
	}
	scale := 32767 / peak
	for i, v := range total {
		m.w[i] = int16(math.Round(v * scale))
	}
	return m, nil
}

// train returns the averaged weights of one perceptron over the examples
// in the order of seed; count holds the number of candidates with each
// bucket's features.
func train(examples []Example, cfg TrainConfig, count []int32, seed uint64) []float64 {
	size := len(count)
	keep := func(b uint32) bool { return int(count[b]) >= cfg.MinCount }
	w := make([]float64, size)
	sum := make([]float64, size) // sum of the updates, each times its step
	step := 1.0
	rng := rand.New(rand.NewPCG(seed, 0x626e64))
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
	for i := range w {
		avg[i] = w[i] - sum[i]/step
	}
	return avg
}
