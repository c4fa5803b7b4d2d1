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
// then per class XPOS and UPOS as byte-length-prefixed strings); the lexicon
// (uint32 count, the keys DictKey of its words ascending, one class byte
// each, then one bit each, low bit first, set for a word whose class is
// certain); and the features (uint32 count, their uint32 keys
// ascending, one byte per feature counting its weights, then per weight
// its class byte, then the weights as int16), first for the first pass,
// then for the second (with no features when there is no second pass).
type Model struct {
	Classes []Class
	dict    table // DictKey -> InDict | lexical class
	// feats and pairs of each pass: feature key -> offset<<8 | count
	// into pairs; a pair is weight<<16 | class.
	feats [2]table
	pairs [2][]uint32
}

// table is an open-addressing hash table from nonzero uint32 keys to
// 32-bit values, a slot holding key<<32 | value.
type table struct {
	slots []uint64
	mask  uint32
}

func newTable(n int) table {
	size := 1 << bits.Len(uint(2*n+1))
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
	for pass := range 2 {
		if err := m.decodeFeatures(r, pass); err != nil {
			return nil, err
		}
	}
	if len(r.b) != 0 {
		return nil, errFormat
	}
	return m, nil
}

func (m *Model) decodeFeatures(r *reader, pass int) error {
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
	m.feats[pass] = newTable(nf)
	m.pairs[pass] = make([]uint32, total)
	off := 0
	for i := range nf {
		m.feats[pass].put(binary.LittleEndian.Uint32(keys[4*i:]), uint32(off)<<8|uint32(counts[i]))
		off += int(counts[i])
	}
	for i := range total {
		if int(pc[i]) >= nc {
			return errFormat
		}
		w := int16(binary.LittleEndian.Uint16(pw[2*i:]))
		m.pairs[pass][i] = uint32(uint16(w))<<16 | uint32(pc[i])
	}
	return nil
}

// Tagging is the state of one tagging run: the window of words around
// the current token. Its zero value is ready; it holds no references
// between runs.
type Tagging struct {
	ring [5]Word
}

// Tag predicts the class of n tokens: fill(i, w) fills w with token i,
// and the class of token i goes to out[i] (len(out) >= n). The first
// pass tags left to right from the classes before each token; when the
// model has a second, it tags left to right again, seeing also the first
// pass's classes of the token and the two after it (fill is then called
// twice per token).
func (m *Model) Tag(st *Tagging, n int, fill func(i int, w *Word), out []uint8) {
	out = out[:n]
	if len(m.Classes) == 0 {
		clear(out)
		return
	}
	m.pass(st, 0, n, fill, out)
	if len(m.feats[1].slots) > 0 {
		m.pass(st, 1, n, fill, out)
	}
}

// pass runs one pass of Tag; the second reads the first's classes from
// out before it overwrites them.
func (m *Model) pass(st *Tagging, pass, n int, fill func(i int, w *Word), out []uint8) {
	var certain [5]int16 // the class of a dictionary word, or -1
	for j := 0; j < 2 && j < n; j++ {
		fill(j, &st.ring[j])
		certain[j] = m.lookup(&st.ring[j])
	}
	var (
		keys   [NumKeys]uint32
		win    [5]*Word
		scores [256]int32
		ahead  [3]uint8
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
			var nk int
			if pass == 0 {
				nk = Keys(&keys, &win, p1, p2, nil)
			} else {
				for k := range ahead {
					ahead[k] = EndClass
					if i+k < n {
						ahead[k] = out[i+k]
					}
				}
				nk = Keys(&keys, &win, p1, p2, &ahead)
			}
			c = m.Predict(pass, keys[:nk], &scores)
		}
		out[i] = c
		p2, p1 = p1, c
	}
}

func (m *Model) lookup(w *Word) int16 {
	if c, ok := m.Lookup(w); ok {
		return int16(c)
	}
	return -1
}

// Predict returns the class with the highest score in the given pass
// for the feature keys (the lowest class on a tie), using scores as
// scratch.
func (m *Model) Predict(pass int, keys []uint32, scores *[256]int32) uint8 {
	nc := len(m.Classes)
	s := scores[:nc]
	clear(s)
	for _, k := range keys {
		v, ok := m.feats[pass].get(k)
		if !ok {
			continue
		}
		ps := m.pairs[pass][v>>8 : v>>8+v&0xff]
		for _, p := range ps {
			s[p&0xff] += int32(int16(p >> 16))
		}
	}
	best := 0
	for c := 1; c < nc; c++ {
		if s[c] > s[best] {
			best = c
		}
	}
	return uint8(best)
}
