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
}

// entry is one class weight of a feature, with what averaging needs.
type entry struct {
	class uint8
	w     float64
	total float64 // sum of w over the instances before ts
	ts    int     // instance of the last change
}

// perceptron is a greedy averaged perceptron over hashed features.
type perceptron struct {
	nclass int
	dict   map[uint32]uint32 // DictKey -> class | model.InDict
	index  map[uint32]int32
	rows   [][]entry
	n      int // instances seen
}

func (p *perceptron) predict(keys *[model.NumFeatures]uint32, scores []float64) uint8 {
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

// epoch trains one pass over the sequences in the order given.
func (p *perceptron) epoch(seqs []seq, order []int) (correct, total int) {
	var (
		keys [model.NumFeatures]uint32
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
				guess = p.predict(&keys, scores)
				p.n++
				if guess != s.gold[i] {
					for _, k := range keys {
						p.bump(k, s.gold[i], 1)
						p.bump(k, guess, -1)
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

// train runs the given number of epochs, shuffling the order of the
// sequences with a fixed seed before each.
func (p *perceptron) train(seqs []seq, epochs int, after func(epoch int)) {
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(seqs))
	for i := range order {
		order[i] = i
	}
	for e := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		c, t := p.epoch(seqs, order)
		logf("epoch %d: train accuracy %.2f%%, %d features", e+1, 100*float64(c)/float64(t), len(p.rows))
		if after != nil {
			after(e + 1)
		}
	}
}

// encode writes the averaged weights as a weights file, quantized to
// int16 and leaving out those that round below minQ.
func (p *perceptron) encode(classes []model.Class, minQ int) []byte {
	type feat struct {
		key   uint32
		pairs []entry
	}
	maxAbs := 0.0
	avg := make([][]entry, len(p.rows))
	for i, row := range p.rows {
		for _, e := range row {
			t := e.total + float64(p.n-e.ts)*e.w
			a := t / float64(p.n)
			avg[i] = append(avg[i], entry{class: e.class, w: a})
			maxAbs = max(maxAbs, math.Abs(a))
		}
	}
	scale := 32767 / maxAbs
	var feats []feat
	kept := 0
	for key, i := range p.index {
		var ps []entry
		for _, e := range avg[i] {
			q := math.Round(e.w * scale)
			if math.Abs(q) >= float64(minQ) {
				ps = append(ps, entry{class: e.class, w: q})
			}
		}
		if len(ps) > 0 {
			slices.SortFunc(ps, func(a, b entry) int { return int(a.class) - int(b.class) })
			feats = append(feats, feat{key, ps})
			kept += len(ps)
		}
	}
	slices.SortFunc(feats, func(a, b feat) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	logf("encode: %d of %d features, %d weights, scale %.1f", len(feats), len(p.rows), kept, scale)

	b := []byte(model.Magic)
	b = append(b, byte(len(classes)))
	for _, c := range classes {
		b = append(b, byte(len(c.XPOS)))
		b = append(b, c.XPOS...)
		b = append(b, byte(len(c.UPOS)))
		b = append(b, c.UPOS...)
	}
	dk := make([]uint32, 0, len(p.dict))
	for k := range p.dict {
		dk = append(dk, k)
	}
	slices.Sort(dk)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(dk)))
	for _, k := range dk {
		b = binary.LittleEndian.AppendUint32(b, k)
	}
	for _, k := range dk {
		b = append(b, uint8(p.dict[k]))
	}
	flags := make([]byte, (len(dk)+7)/8)
	for i, k := range dk {
		if p.dict[k]&model.InDict != 0 {
			flags[i/8] |= 1 << (i % 8)
		}
	}
	b = append(b, flags...)
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
