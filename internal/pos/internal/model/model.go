package model

import (
	"encoding/binary"
	"errors"
	"math/bits"
)

// Magic opens a weights file.
const Magic = "hearsay-pos\x02"

// Class is one class a model predicts: a treebank's (XPOS, UPOS) pair,
// XPOS empty for a treebank without XPOS.
type Class struct{ XPOS, UPOS string }

// Model is a decoded weights file: immutable, safe for concurrent use.
//
// A weights file (little-endian) is Magic; the classes (a byte count,
// then per class XPOS and UPOS as byte-length-prefixed strings); the
// lexicon (uint32 count, the keys DictKey of its words ascending, one
// class byte each, then one bit each, low bit first, set for a word whose
// class is certain); a byte counting the directions (1: left to right; 2:
// left to right, then right to left); and per direction the features
// (uint32 count, their uint32 keys, one byte per feature counting its
// weights, then per weight its class byte, then the weights as int16).
// The weights of the features lie in memory in the order of the file.
// Both directions' weights are on one scale, so that their scores add.
type Model struct {
	Classes []Class
	dict    table // DictKey -> InDict | lexical class
	fwd     direction
	bwd     *direction // nil for a model that reads left to right only
}

// direction is the weights of one reading direction. A right-to-left
// direction sees each token's window mirrored: the tokens after it come
// first, and its two previous classes are those of the two tokens after
// it.
type direction struct {
	// feature key -> offset<<8 | count into pairs; a pair is
	// weight<<16 | class.
	feats table
	pairs []uint32
	// The summed weights of the context features whose inputs are
	// classes only, by those classes (see ctxIndex): hist by the two
	// previous classes (histKeys); tl by the previous class and the
	// lexical class of the next token, ll by the lexical classes of the
	// token and the next one, l2 by the lexical class of the one after
	// that (lexKeys).
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
func (m *direction) precompute(nc int) {
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
	switch r.u8() {
	case 1:
	case 2:
		m.bwd = new(direction)
	default:
		return nil, errFormat
	}
	if err := m.fwd.decode(r, nc); err != nil {
		return nil, err
	}
	if m.bwd != nil {
		if err := m.bwd.decode(r, nc); err != nil {
			return nil, err
		}
	}
	if len(r.b) != 0 {
		return nil, errFormat
	}
	if nc > 0 {
		m.fwd.precompute(nc)
		if m.bwd != nil {
			m.bwd.precompute(nc)
		}
	}
	return m, nil
}

// Bidirectional reports whether m reads right to left as well.
func (m *Model) Bidirectional() bool { return m.bwd != nil }

// decode reads the features of a direction of a model of nc classes.
func (m *direction) decode(r *reader, nc int) error {
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
