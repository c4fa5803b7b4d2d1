package main

import (
	"flag"

	"github.com/hearsay-go/hearsay/internal/eval/conllu"
	"github.com/hearsay-go/hearsay/internal/pos/internal/model"
	"github.com/hearsay-go/hearsay/internal/text"
)

var (
	easy     = flag.Bool("easy", false, "tag easy first (most confident token first)")
	byMargin = flag.Bool("margin", true, "easy first: the most confident token by margin (else by score)")
	efUpdate = flag.String("efupd", "ge", "easy first update: ge (promote the best right action anywhere) or local")
	efCap    = flag.Int("efcap", 4, "easy first: most updates in a row before following the gold action")
)

// efKeys is the number of feature keys of a token tagged easy first.
const efKeys = model.NumKeys + model.NumRight

func tagAt(tags []uint8, j int) uint8 {
	if j < 0 || j >= len(tags) {
		return model.NoClass
	}
	return tags[j]
}

// efKeysAt writes the keys of token i given the classes so far.
func efKeysAt(keys *[efKeys]uint32, words []model.Word, tags []uint8, i int) {
	var win [5]*model.Word
	window(words, i, &win, &startW, &endW)
	p1, p2 := tagAt(tags, i-1), tagAt(tags, i-2)
	model.Keys((*[model.NumKeys]uint32)(keys[:model.NumKeys]), &win, p1, p2)
	model.RightKeys(keys[model.NumKeys:], &win, p1, tagAt(tags, i+1), tagAt(tags, i+2))
}

// efSent is the scratch of tagging one sequence easy first.
type efSent struct {
	tags    []uint8
	pending []int
	dirty   []bool
	keys    [][efKeys]uint32
	scores  [][]float64
}

func (e *efSent) reset(n, nclass int) {
	e.tags = append(e.tags[:0], make([]uint8, n)...)
	e.pending = e.pending[:0]
	e.dirty = append(e.dirty[:0], make([]bool, n)...)
	for len(e.keys) < n {
		e.keys = append(e.keys, [efKeys]uint32{})
		e.scores = append(e.scores, make([]float64, nclass))
	}
}

// confidence returns the best class of scores and how sure it is.
func confidence(scores []float64) (uint8, float64) {
	best, second := 0, -1
	for c := 1; c < len(scores); c++ {
		switch {
		case scores[c] > scores[best]:
			best, second = c, best
		case second < 0 || scores[c] > scores[second]:
			second = c
		}
	}
	if !*byMargin || second < 0 {
		return uint8(best), scores[best]
	}
	return uint8(best), scores[best] - scores[second]
}

// efTag tags words easy first with p; with gold, it learns on the way.
func (p *perceptron) efTag(e *efSent, words []model.Word, gold []uint8) {
	n := len(words)
	e.reset(n, p.nclass)
	for i := range words {
		v := p.dict[model.DictKey(&words[i])]
		if v&model.InDict != 0 {
			e.tags[i] = uint8(v)
		} else {
			e.tags[i] = model.Unknown
			e.pending = append(e.pending, i)
			e.dirty[i] = true
		}
	}
	updates := 0
	for len(e.pending) > 0 {
		bk, bc, bconf := -1, uint8(0), 0.0
		for k, i := range e.pending {
			if e.dirty[i] {
				efKeysAt(&e.keys[i], words, e.tags, i)
				p.predict(e.keys[i][:], e.scores[i])
				e.dirty[i] = false
			}
			c, conf := confidence(e.scores[i])
			if bk < 0 || conf > bconf {
				bk, bc, bconf = k, c, conf
			}
		}
		bi := e.pending[bk]
		if gold != nil {
			p.n++
			if bc != gold[bi] {
				switch *efUpdate {
				case "local":
					for _, k := range e.keys[bi] {
						p.bump(k, gold[bi], 1)
						p.bump(k, bc, -1)
					}
					e.dirty[bi] = true
				default:
					// the right action the model likes best
					gk, gs := -1, 0.0
					for k, j := range e.pending {
						if s := e.scores[j][gold[j]]; gk < 0 || s > gs {
							gk, gs = k, s
						}
					}
					gj := e.pending[gk]
					for _, k := range e.keys[gj] {
						p.bump(k, gold[gj], 1)
					}
					for _, k := range e.keys[bi] {
						p.bump(k, bc, -1)
					}
					for _, j := range e.pending {
						e.dirty[j] = true
					}
					updates++
					if updates <= *efCap {
						continue
					}
					bk, bi, bc = gk, gj, gold[gj]
				}
			}
			updates = 0
		}
		e.tags[bi] = bc
		e.pending[bk] = e.pending[len(e.pending)-1]
		e.pending = e.pending[:len(e.pending)-1]
		for j := max(bi-2, 0); j <= min(bi+2, n-1); j++ {
			e.dirty[j] = true
		}
	}
}

// efRun tags each sequence of order easy first; with learn, it updates
// the weights on each error.
func (p *perceptron) efRun(seqs []seq, order []int, learn bool) (correct, total int) {
	var e efSent
	for _, si := range order {
		s := seqs[si]
		var gold []uint8
		if learn {
			gold = s.gold
		}
		p.efTag(&e, s.words, gold)
		for i, c := range e.tags[:len(s.words)] {
			if c == s.gold[i] {
				correct++
			}
			total++
		}
	}
	return correct, total
}

// efScore tags the gold words of sents easy first with the averaged
// weights of p and counts the words whose XPOS and UPOS are right.
func efScore(p *perceptron, classes []model.Class, sents []conllu.Sentence) (xpos, upos, total int) {
	a := p.averaged()
	var e efSent
	for _, s := range sents {
		words := make([]model.Word, len(s.Words))
		for i, w := range s.Words {
			words[i].Set(text.Fold(w.Form), w.Form, false)
			words[i].Lex = model.NoClass
			if v, ok := a.dict[model.DictKey(&words[i])]; ok {
				words[i].Lex = uint8(v)
			}
		}
		a.efTag(&e, words, nil)
		for i, w := range s.Words {
			c := classes[e.tags[i]]
			if c.XPOS == w.XPOS {
				xpos++
			}
			if c.UPOS == w.UPOS {
				upos++
			}
			total++
		}
	}
	return xpos, upos, total
}
