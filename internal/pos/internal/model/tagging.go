package model

import "slices"

// Tagging is the state of tagging runs: the words of the current block
// of tokens, the right-to-left scores, and per direction a cache of the
// scores of each word's own features. Its zero value is ready; it keeps
// no reference to the tokens between runs. A Tagging serves one model
// and one run at a time.
type Tagging struct {
	model   *Model
	words   []Word
	certain []int16 // per word of the block: the class of a dictionary word, or -1
	back    []int32 // per word of the block: the right-to-left scores
	fc, bc  wordCache
}

// Block is the most tokens a tagger reads at once: a longer run is
// tagged as consecutive runs of Block tokens (a sentence rarely comes
// close), which bounds a Tagging's memory.
const Block = 1024

// cacheSize is the number of words a wordCache remembers the scores of.
const cacheSize = 2048

// wordCache holds the scores of the features of recent words alone.
type wordCache struct {
	keys   []uint64 // per entry: the word's key, 0 when empty
	scores []int32  // per entry: the scores of the word's features
}

// get returns the scores of w's own features under d, computing them
// unless w is cached; keys is scratch.
func (c *wordCache) get(d *direction, w *Word, nc int, keys []uint32) []int32 {
	if c.keys == nil {
		c.keys = make([]uint64, cacheSize)
		c.scores = make([]int32, cacheSize*nc)
	}
	wk := wordKey(w)
	slot := int(wk>>40) & (cacheSize - 1)
	s := c.scores[slot*nc : slot*nc+nc]
	if c.keys[slot] != wk {
		c.keys[slot] = wk
		WordKeys(keys[:NumWord], w)
		clear(s)
		d.add(s, keys[:NumWord])
	}
	return s
}

// wordKey identifies a word for the cache: its original and folded forms.
func wordKey(w *Word) uint64 { return (w.Raw ^ w.W*0x9e3779b97f4a7c15) | 1 }

// Tag predicts the class of n tokens: fill(i, w) fills w with token i,
// and emit(i, c) receives the class of token i, in order. A
// bidirectional model first reads each block right to left, keeping
// every token's scores, then left to right, adding them; a token's class
// is the best of the sum. Tag takes time linear in n.
func (m *Model) Tag(st *Tagging, n int, fill func(i int, w *Word), emit func(i int, c uint8)) {
	nc := len(m.Classes)
	if nc == 0 {
		for i := range n {
			emit(i, 0)
		}
		return
	}
	if st.model != m {
		*st = Tagging{model: m}
	}
	for b0 := 0; b0 < n; b0 += Block {
		k := min(Block, n-b0)
		st.words = slices.Grow(st.words[:0], k)[:k]
		st.certain = slices.Grow(st.certain[:0], k)[:k]
		for i := range k {
			fill(b0+i, &st.words[i])
			st.certain[i] = m.lookup(&st.words[i])
		}
		var back []int32
		if m.bwd != nil {
			st.back = slices.Grow(st.back[:0], k*nc)[:k*nc]
			back = st.back
			m.backward(st, k)
		}
		m.forward(st, k, back, func(i int, c uint8) { emit(b0+i, c) })
	}
}

// forward tags the k words of the block left to right, adding back[i*nc:]
// (if back is not nil) to the scores of word i.
func (m *Model) forward(st *Tagging, k int, back []int32, emit func(i int, c uint8)) {
	nc := len(m.Classes)
	var (
		keys [NumKeys]uint32
		win  [5]*Word
		s    [256]int32
	)
	words := st.words[:k]
	p1, p2 := uint8(NoClass), uint8(NoClass)
	for i := range k {
		c := uint8(st.certain[i])
		if st.certain[i] < 0 {
			for j := range 5 {
				win[j] = at(words, i+j-2)
			}
			base := st.fc.get(&m.fwd, win[2], nc, keys[:])
			scores := s[:nc]
			m.fwd.context(scores, base, &win, p1, p2, keys[NumWord:NumWord+lexStart-histEnd])
			if back != nil {
				b := back[i*nc : i*nc+nc]
				for j := range scores {
					scores[j] += b[j]
				}
			}
			c = best(scores)
		}
		emit(i, c)
		p2, p1 = p1, c
	}
}

// backward tags the k words of the block right to left with m.bwd,
// keeping each word's scores in st.back (those of a dictionary word are
// left as they were: forward does not read them).
func (m *Model) backward(st *Tagging, k int) {
	nc := len(m.Classes)
	var (
		keys [NumKeys]uint32
		win  [5]*Word
	)
	words := st.words[:k]
	p1, p2 := uint8(NoClass), uint8(NoClass)
	for i := k - 1; i >= 0; i-- {
		c := uint8(st.certain[i])
		if st.certain[i] < 0 {
			// the window mirrored: the padding after the last token is
			// the start of this reading
			for j := range 5 {
				win[j] = atMirrored(words, i-j+2)
			}
			base := st.bc.get(m.bwd, win[2], nc, keys[:])
			scores := st.back[i*nc : i*nc+nc]
			m.bwd.context(scores, base, &win, p1, p2, keys[NumWord:NumWord+lexStart-histEnd])
			c = best(scores)
		}
		p2, p1 = p1, c
	}
}

// at returns word i of words, or the padding before or after them.
func at(words []Word, i int) *Word {
	switch {
	case i < 0:
		return &startWord
	case i >= len(words):
		return &endWord
	}
	return &words[i]
}

// atMirrored is at for a right-to-left reading.
func atMirrored(words []Word, i int) *Word {
	switch {
	case i < 0:
		return &endWord
	case i >= len(words):
		return &startWord
	}
	return &words[i]
}

// best returns the class of the highest score, the lowest on a tie.
func best(s []int32) uint8 {
	b := 0
	for c := 1; c < len(s); c++ {
		if s[c] > s[b] {
			b = c
		}
	}
	return uint8(b)
}

func (m *Model) lookup(w *Word) int16 {
	if c, ok := m.Lookup(w); ok {
		return int16(c)
	}
	return -1
}

// add adds the weights of the features to scores. The table slots of
// all the keys are loaded first, and then the weights of every row found,
// so that the processor waits for the memory of many at once rather than
// of one after another.
func (d *direction) add(scores []int32, keys []uint32) {
	var rows [NumKeys]uint32 // offset<<8 | count; 0: none
	t := &d.feats
	if len(t.slots) == 0 {
		return
	}
	keys = keys[:min(len(keys), NumKeys)]
	for i, k := range keys {
		s := t.slots[k&t.mask]
		rows[i] = uint32(s)
		if uint32(s>>32) != k {
			rows[i] = 0
			if s != 0 { // probe on
				rows[i], _ = t.get(k)
			}
		}
	}
	pairs := d.pairs
	for _, v := range rows[:len(keys)] {
		for _, p := range pairs[v>>8 : v>>8+v&0xff] {
			scores[p&0xff] += int32(int16(p >> 16))
		}
	}
}

// context writes into s the scores of the token win[2]: base, the scores
// of the word's own features, plus the weights of the context features,
// using keys as scratch.
func (d *direction) context(s, base []int32, win *[5]*Word, p1, p2 uint8, keys []uint32) {
	nc := len(base)
	nv := ctxValues(nc)
	i1, i2 := ctxIndex(p1, nc), ctxIndex(p2, nc)
	l0, l1, l2 := ctxIndex(win[2].Lex, nc), ctxIndex(win[3].Lex, nc), ctxIndex(win[4].Lex, nc)
	h := d.hist[(i1*nv+i2)*nc:][:nc]
	tl := d.tl[(i1*nv+l1)*nc:][:nc]
	ll := d.ll[(l0*nv+l1)*nc:][:nc]
	lt := d.l2[l2*nc:][:nc]
	s = s[:nc]
	for k := range s {
		s[k] = base[k] + h[k] + tl[k] + ll[k] + lt[k]
	}
	restKeys(keys, win, p1)
	d.add(s, keys)
}
