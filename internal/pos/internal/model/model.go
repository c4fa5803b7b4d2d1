package model

import (
	"encoding/binary"
	"errors"
	"math/bits"
)

// Magic opens a weights file.
const Magic = "hearsay-pos\x01"

// Class is one class a model predicts: a treebank's (XPOS, UPOS) pair,
// XPOS empty for a treebank without XPOS.
type Class struct{ XPOS, UPOS string }

// Model is a decoded weights file: immutable, safe for concurrent use.
//
// A weights file (little-endian) is Magic; the classes (a byte count,
// then per class XPOS and UPOS as byte-length-prefixed strings); the
// lexicon (uint32 count, the keys DictKey of its words ascending, one
// class byte each, then one bit each, low bit first, set for a word whose
// class is certain); and the features (uint32 count, their uint32 keys,
// one byte per feature counting its weights, then per weight its class
// byte, then the weights as int16). The weights of the features lie in
// memory in the order of the file.
type Model struct {
	Classes []Class
	dict    table // DictKey -> InDict | lexical class
	// feature key -> offset<<8 | count into pairs; a pair is
	// weight<<16 | class.
	feats table
	pairs []uint32
	// The summed weights of the context features whose inputs are
	// classes only, by those classes (see ctxIndex): hist by the two
	// classes before the token (histKeys); tl by the class before it and
	// the lexical class after it, ll by the lexical classes of the token
	// and the one after it, l2 by the lexical class two after it
	// (lexKeys).
	hist, tl, ll, l2 []int32
}

// ctxIndex maps a class as the context features see it to a row: the
// classes, then NoClass, then the padding words' lexical class.
func ctxIndex(c uint8, nc int) int {
	switch c {
	case NoClass:
		return nc
	case NoClass - 1:
		return nc + 1
	}
	return int(c)
}

// ctxValues is the number of rows of ctxIndex.
func ctxValues(nc int) int { return nc + 2 }

// ctxClass is the inverse of ctxIndex.
func ctxClass(i, nc int) uint8 {
	switch i {
	case nc:
		return NoClass
	case nc + 1:
		return NoClass - 1
	}
	return uint8(i)
}

// precompute fills the tables of the context features on classes.
func (m *Model) precompute() {
	nc := len(m.Classes)
	nv := ctxValues(nc)
	m.hist = make([]int32, nv*nv*nc)
	m.tl = make([]int32, nv*nv*nc)
	m.ll = make([]int32, nv*nv*nc)
	m.l2 = make([]int32, nv*nc)
	var keys [4]uint32
	for a := range nv {
		ca := ctxClass(a, nc)
		for b := range nv {
			cb := ctxClass(b, nc)
			r := (a*nv + b) * nc
			histKeys(keys[:3], ca, cb)
			m.add(m.hist[r:r+nc], keys[:3])
			// lexKeys(p1=ca, l0=ca, l1=cb, l2=cb): keys 0 (l1) and 2 (t1, l1)
			// go to tl, key 3 (l0, l1) to ll, key 1 (l2) to l2.
			lexKeys(keys[:4], ca, ca, cb, cb)
			m.add(m.tl[r:r+nc], []uint32{keys[0], keys[2]})
			m.add(m.ll[r:r+nc], keys[3:4])
			if a == 0 {
				m.add(m.l2[b*nc:b*nc+nc], keys[1:2])
			}
		}
	}
}

// table is an open-addressing hash table from nonzero uint32 keys to
// 32-bit values, a slot holding key<<32 | value.
type table struct {
	slots []uint64
	mask  uint32
}

// newTable returns a table for n keys, with at least a third of its
// slots empty (at most two thirds full), which keeps runs of probes
// short: half the slots of a table sized for 2n+1 keys.
func newTable(n int) table {
	size := 1 << bits.Len(uint(n+n/2+1))
	return table{slots: make([]uint64, size), mask: uint32(size - 1)}
}

func (t *table) put(key, val uint32) {
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		if t.slots[i] == 0 || uint32(t.slots[i]>>32) == key {
			t.slots[i] = uint64(key)<<32 | uint64(val)
			return
		}
	}
}

func (t *table) get(key uint32) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if uint32(s>>32) == key {
			return uint32(s), true
		}
	}
}

// InDict marks a word of the tag dictionary in a lexicon value: its
// class is certain.
const InDict = 1 << 8

// Lookup sets w.Lex and reports whether w's class is certain without
// the model.
func (m *Model) Lookup(w *Word) (uint8, bool) {
	v, ok := m.dict.get(DictKey(w))
	if !ok {
		w.Lex = NoClass
		return 0, false
	}
	w.Lex = uint8(v)
	return uint8(v), v&InDict != 0
}

// DictKey is the tag dictionary's key of a word.
func DictKey(w *Word) uint32 { return mix(99, w.W, 0) }

var errFormat = errors.New("hearsay/pos: malformed weights")

type reader struct {
	b   []byte
	err error
}

func (r *reader) next(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.err = errFormat
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) u8() int {
	if s := r.next(1); s != nil {
		return int(s[0])
	}
	return 0
}

func (r *reader) u32() int {
	if s := r.next(4); s != nil {
		return int(binary.LittleEndian.Uint32(s))
	}
	return 0
}

func (r *reader) str() string { return string(r.next(r.u8())) }

// Decode decodes a weights file.
func Decode(b []byte) (*Model, error) {
	r := &reader{b: b}
	if string(r.next(len(Magic))) != Magic {
		return nil, errFormat
	}
	m := &Model{}
	nc := r.u8()
	for range nc {
		x := r.str()
		m.Classes = append(m.Classes, Class{XPOS: x, UPOS: r.str()})
	}
	nd := r.u32()
	keys := r.next(4 * nd)
	cls := r.next(nd)
	if r.err != nil {
		return nil, r.err
	}
	m.dict = newTable(nd)
	flags := r.next((nd + 7) / 8)
	if r.err != nil {
		return nil, r.err
	}
	for i := range nd {
		if int(cls[i]) >= nc {
			return nil, errFormat
		}
		v := uint32(cls[i])
		if flags[i/8]>>(i%8)&1 != 0 {
			v |= InDict
		}
		m.dict.put(binary.LittleEndian.Uint32(keys[4*i:]), v)
	}
	if err := m.decodeFeatures(r); err != nil {
		return nil, err
	}
	if len(r.b) != 0 {
		return nil, errFormat
	}
	if nc > 0 {
		m.precompute()
	}
	return m, nil
}

func (m *Model) decodeFeatures(r *reader) error {
	nc := len(m.Classes)
	nf := r.u32()
	keys := r.next(4 * nf)
	counts := r.next(nf)
	if r.err != nil {
		return r.err
	}
	total := 0
	for _, c := range counts {
		total += int(c)
	}
	pc := r.next(total)
	pw := r.next(2 * total)
	if r.err != nil {
		return errFormat
	}
	if nf == 0 {
		return nil
	}
	m.feats = newTable(nf)
	m.pairs = make([]uint32, total)
	off := 0
	for i := range nf {
		m.feats.put(binary.LittleEndian.Uint32(keys[4*i:]), uint32(off)<<8|uint32(counts[i]))
		off += int(counts[i])
	}
	for i := range total {
		if int(pc[i]) >= nc {
			return errFormat
		}
		w := int16(binary.LittleEndian.Uint16(pw[2*i:]))
		m.pairs[i] = uint32(uint16(w))<<16 | uint32(pc[i])
	}
	return nil
}

// Tagging is the state of tagging runs: the window of words around the
// current token, and a cache of the scores of each word's own features.
// Its zero value is ready; it keeps no reference to the tokens between
// runs. A Tagging serves one model and one run at a time.
type Tagging struct {
	ring  [5]Word
	model *Model
	keys  []uint64 // per cache entry: the word's key, 0 when empty
	cache []int32  // per cache entry: the scores of the word's features
}

// cacheSize is the number of words a Tagging remembers the scores of.
const cacheSize = 2048

// wordKey identifies a word for the cache: its original and folded forms.
func wordKey(w *Word) uint64 { return (w.Raw ^ w.W*0x9e3779b97f4a7c15) | 1 }

// Tag predicts the class of n tokens, left to right: fill(i, w) fills w
// with token i, and emit(i, c) receives the class of token i, in order.
func (m *Model) Tag(st *Tagging, n int, fill func(i int, w *Word), emit func(i int, c uint8)) {
	nc := len(m.Classes)
	if nc == 0 {
		for i := range n {
			emit(i, 0)
		}
		return
	}
	if st.model != m {
		st.model = m
		st.keys = make([]uint64, cacheSize)
		st.cache = make([]int32, cacheSize*nc)
	}
	var certain [5]int16 // the class of a dictionary word, or -1
	for j := 0; j < 2 && j < n; j++ {
		fill(j, &st.ring[j])
		certain[j] = m.lookup(&st.ring[j])
	}
	var (
		keys [NumKeys]uint32
		win  [5]*Word
	)
	p1, p2 := uint8(NoClass), uint8(NoClass)
	for i := range n {
		if j := i + 2; j < n {
			fill(j, &st.ring[j%5])
			certain[j%5] = m.lookup(&st.ring[j%5])
		}
		c := uint8(certain[i%5])
		if certain[i%5] < 0 {
			for k := range 5 {
				j := i + k - 2
				switch {
				case j < 0:
					win[k] = &startWord
				case j >= n:
					win[k] = &endWord
				default:
					win[k] = &st.ring[j%5]
				}
			}
			w := win[2]
			wk := wordKey(w)
			slot := int(wk>>40) & (cacheSize - 1)
			scores := st.cache[slot*nc : slot*nc+nc]
			if st.keys[slot] != wk {
				st.keys[slot] = wk
				WordKeys(keys[:NumWord], w)
				clear(scores)
				m.add(scores, keys[:NumWord])
			}
			c = m.predictContext(scores, &win, p1, p2, keys[NumWord:NumWord+lexStart-histEnd])
		}
		emit(i, c)
		p2, p1 = p1, c
	}
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
func (m *Model) add(scores []int32, keys []uint32) {
	var rows [NumKeys]uint32 // offset<<8 | count; 0: none
	t := &m.feats
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
	pairs := m.pairs
	for _, v := range rows[:len(keys)] {
		for _, p := range pairs[v>>8 : v>>8+v&0xff] {
			scores[p&0xff] += int32(int16(p >> 16))
		}
	}
}

// predictContext returns the class with the highest score: base, the
// scores of the word's own features, plus the weights of the context
// features (the lowest class on a tie), using keys as scratch.
func (m *Model) predictContext(base []int32, win *[5]*Word, p1, p2 uint8, keys []uint32) uint8 {
	var buf [256]int32
	nc := len(base)
	nv := ctxValues(nc)
	s := buf[:nc]
	i1, i2 := ctxIndex(p1, nc), ctxIndex(p2, nc)
	l0, l1, l2 := ctxIndex(win[2].Lex, nc), ctxIndex(win[3].Lex, nc), ctxIndex(win[4].Lex, nc)
	h := m.hist[(i1*nv+i2)*nc:][:nc]
	tl := m.tl[(i1*nv+l1)*nc:][:nc]
	ll := m.ll[(l0*nv+l1)*nc:][:nc]
	lt := m.l2[l2*nc:][:nc]
	for k := range s {
		s[k] = base[k] + h[k] + tl[k] + ll[k] + lt[k]
	}
	restKeys(keys, win, p1)
	m.add(s, keys)
	best := 0
	for c := 1; c < nc; c++ {
		if s[c] > s[best] {
			best = c
		}
	}
	return uint8(best)
}
