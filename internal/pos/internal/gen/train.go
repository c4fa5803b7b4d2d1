package main

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/hearsay-go/hearsay/internal/pos/internal/model"
)

// seq is one training sequence: the tokens' words and gold classes.
type seq struct {
	words []model.Word
	gold  []uint8
	fold  int // the sentence's fold for the jackknifed lexicon
}

// entry is one class weight of a feature, with what averaging needs.
type entry struct {
	class uint8
	w     float64
	total float64 // sum of w over the instances before ts
	ts    int     // instance of the last change
}

// perceptron is a greedy averaged perceptron over hashed features: one
// the tagger's model.
type perceptron struct {
	nclass int
	dict   map[uint32]uint32 // DictKey -> class | model.InDict
	index  map[uint32]int32
	rows   [][]entry
	n      int // instances seen
	// dropout is the share of the features of a training instance left
	// out of its prediction and update, drawn from rng; a feature that
	// fires fewer than featMin times by freq is always left out.
	dropout float64
	rng     *rand.Rand
	freq    map[uint32]int
	featMin int
}

func newPerceptron(nclass int, dict map[uint32]uint32, set settings, freq map[uint32]int) *perceptron {
	return &perceptron{nclass: nclass, dict: dict, index: map[uint32]int32{}, dropout: set.dropout, rng: rand.New(rand.NewPCG(7, 8)), freq: freq, featMin: set.featMin}
}

// countFeatures returns how often each feature fires on the sequences
// (with the gold classes before each token) for a token that the tag
// dictionary leaves to the model.
func countFeatures(seqs []seq, dict map[uint32]uint32) map[uint32]int {
	count := map[uint32]int{}
	var (
		keys [model.NumKeys]uint32
		win  [5]*model.Word
	)
	for _, s := range seqs {
		p1, p2 := uint8(model.NoClass), uint8(model.NoClass)
		for i := range s.words {
			window(s.words, i, &win, &startW, &endW)
			if dict[model.DictKey(win[2])]&model.InDict == 0 {
				model.Keys(&keys, &win, p1, p2)
				for _, k := range keys {
					count[k]++
				}
			}
			p2, p1 = p1, s.gold[i]
		}
	}
	return count
}

func (p *perceptron) predict(keys []uint32, scores []float64) uint8 {
	clear(scores)
	for _, k := range keys {
		if i, ok := p.index[k]; ok {
			for _, e := range p.rows[i] {
				scores[e.class] += e.w
			}
		}
	}
	best := 0
	for c := 1; c < p.nclass; c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return uint8(best)
}

func (p *perceptron) bump(key uint32, class uint8, v float64) {
	if key == 0 {
		return
	}
	i, ok := p.index[key]
	if !ok {
		i = int32(len(p.rows))
		p.index[key] = i
		p.rows = append(p.rows, nil)
	}
	row := p.rows[i]
	j := slices.IndexFunc(row, func(e entry) bool { return e.class == class })
	if j < 0 {
		row = append(row, entry{class: class, ts: p.n})
		j = len(row) - 1
		p.rows[i] = row
	}
	e := &row[j]
	e.total += float64(p.n-e.ts) * e.w
	e.ts = p.n
	e.w += v
}

// window returns the window of token i of words.
func window(words []model.Word, i int, win *[5]*model.Word, start, end *model.Word) {
	for k := range 5 {
		j := i + k - 2
		switch {
		case j < 0:
			win[k] = start
		case j >= len(words):
			win[k] = end
		default:
			win[k] = &words[j]
		}
	}
}

var startW, endW model.Word

func init() {
	// The model's padding words are unexported: the same hashes come
	// from tagging an empty window, so rebuild them the same way.
	startW, endW = model.Padding()
}

// run tags each sequence of order greedily; with learn, it updates the
// weights on each error.
func (p *perceptron) run(seqs []seq, order []int, learn bool) (correct, total int) {
	var (
		keys [model.NumKeys]uint32
		win  [5]*model.Word
	)
	scores := make([]float64, p.nclass)
	for _, si := range order {
		s := seqs[si]
		p1, p2 := uint8(model.NoClass), uint8(model.NoClass)
		for i := range s.words {
			window(s.words, i, &win, &startW, &endW)
			v := p.dict[model.DictKey(win[2])]
			guess := uint8(v)
			if v&model.InDict == 0 {
				model.Keys(&keys, &win, p1, p2)
				// 0 is no key: predict finds no weights for it and bump
				// leaves it out
				if learn && p.featMin > 0 {
					for j, k := range keys {
						if p.freq[k] < p.featMin {
							keys[j] = 0
						}
					}
				}
				if learn && p.dropout > 0 {
					for j := range keys {
						if p.rng.Float64() < p.dropout {
							keys[j] = 0
						}
					}
				}
				guess = p.predict(keys[:], scores)
				if learn {
					p.n++
					if guess != s.gold[i] {
						for _, k := range keys {
							p.bump(k, s.gold[i], 1)
							p.bump(k, guess, -1)
						}
					}
				}
			}
			if guess == s.gold[i] {
				correct++
			}
			total++
			p2, p1 = p1, guess
		}
	}
	return correct, total
}

// train runs the given number of epochs over the sequences of order,
// shuffling it before each with the given seed.
func (p *perceptron) train(seqs []seq, order []int, epochs int, seed uint64, after func(epoch int)) {
	rng := rand.New(rand.NewPCG(2*seed-1, 2*seed))
	order = slices.Clone(order)
	for e := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		c, t := p.run(seqs, order, true)
		logf("epoch %d: train accuracy %.2f%%, %d features", e+1, 100*float64(c)/float64(t), len(p.rows))
		if after != nil {
			after(e + 1)
		}
	}
}

// averaged returns the perceptron with its averaged weights.
func (p *perceptron) averaged() *perceptron {
	a := &perceptron{nclass: p.nclass, dict: p.dict, index: p.index, rows: make([][]entry, len(p.rows)), n: p.n}
	for i, row := range p.rows {
		a.rows[i] = make([]entry, len(row))
		for j, e := range row {
			t := e.total + float64(p.n-e.ts)*e.w
			a.rows[i][j] = entry{class: e.class, w: t / float64(max(p.n, 1))}
		}
	}
	return a
}

// sum returns a perceptron whose averaged weights are the sum of the
// averaged weights of ps, which share their dictionary.
func sum(ps []*perceptron) *perceptron {
	out := &perceptron{nclass: ps[0].nclass, dict: ps[0].dict, index: map[uint32]int32{}}
	for _, p := range ps {
		a := p.averaged()
		keys := make([]uint32, 0, len(a.index))
		for k := range a.index {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			for _, e := range a.rows[a.index[k]] {
				out.bump(k, e.class, e.w)
			}
		}
	}
	// one instance, at which every weight is its sum
	out.n = 1
	for _, row := range out.rows {
		for j := range row {
			row[j].total, row[j].ts = 0, 0
		}
	}
	return out
}

// encode writes a weights file of the averaged weights of the directions
// (left to right, then right to left), quantized to int16 on one scale
// and leaving out those that round below minQ.
func encode(classes []model.Class, dict map[uint32]uint32, dirs []direction, minQ int) []byte {
	maxAbs := 0.0
	avgs := make([]*perceptron, len(dirs))
	for i, d := range dirs {
		avgs[i] = d.p.averaged()
		for _, row := range avgs[i].rows {
			for _, e := range row {
				maxAbs = max(maxAbs, math.Abs(e.w))
			}
		}
	}
	scale := 32767 / max(maxAbs, 1e-9)

	b := []byte(model.Magic)
	b = append(b, byte(len(classes)))
	for _, c := range classes {
		b = append(b, byte(len(c.XPOS)))
		b = append(b, c.XPOS...)
		b = append(b, byte(len(c.UPOS)))
		b = append(b, c.UPOS...)
	}
	dk := make([]uint32, 0, len(dict))
	for k := range dict {
		dk = append(dk, k)
	}
	slices.Sort(dk)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(dk)))
	for _, k := range dk {
		b = binary.LittleEndian.AppendUint32(b, k)
	}
	for _, k := range dk {
		b = append(b, uint8(dict[k]))
	}
	flags := make([]byte, (len(dk)+7)/8)
	for i, k := range dk {
		if dict[k]&model.InDict != 0 {
			flags[i/8] |= 1 << (i % 8)
		}
	}
	b = append(b, flags...)
	b = append(b, byte(len(dirs)))
	for i, d := range dirs {
		b = avgs[i].appendFeatures(b, d.freq, scale, minQ)
	}
	return b
}

// direction is the weights of one reading direction, with how often each
// feature fired in its training sequences.
type direction struct {
	p    *perceptron
	freq map[uint32]int
}

// appendFeatures appends the features of a weights file, the most
// frequent in training first (ties by key), so that the weights a
// tagger reads most lie together in memory.
func (a *perceptron) appendFeatures(b []byte, freq map[uint32]int, scale float64, minQ int) []byte {
	type feat struct {
		key   uint32
		pairs []entry
	}
	var feats []feat
	kept := 0
	{
		for key, i := range a.index {
			var ps []entry
			for _, e := range a.rows[i] {
				q := math.Round(e.w * scale)
				if math.Abs(q) >= float64(minQ) {
					ps = append(ps, entry{class: e.class, w: q})
				}
			}
			if len(ps) > 0 {
				slices.SortFunc(ps, func(x, y entry) int { return int(x.class) - int(y.class) })
				feats = append(feats, feat{key, ps})
				kept += len(ps)
			}
		}
		logf("encode: %d of %d features, %d weights, scale %.1f", len(feats), len(a.rows), kept, scale)
	}
	slices.SortFunc(feats, func(x, y feat) int {
		if fx, fy := freq[x.key], freq[y.key]; fx != fy {
			return fy - fx
		}
		switch {
		case x.key < y.key:
			return -1
		case x.key > y.key:
			return 1
		}
		return 0
	})
	b = binary.LittleEndian.AppendUint32(b, uint32(len(feats)))
	for _, f := range feats {
		b = binary.LittleEndian.AppendUint32(b, f.key)
	}
	for _, f := range feats {
		b = append(b, byte(len(f.pairs)))
	}
	for _, f := range feats {
		for _, e := range f.pairs {
			b = append(b, e.class)
		}
	}
	for _, f := range feats {
		for _, e := range f.pairs {
			b = binary.LittleEndian.AppendUint16(b, uint16(int16(e.w)))
		}
	}
	return b
}
