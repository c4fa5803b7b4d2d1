package seqmodel

import (
	"encoding/binary"
	"errors"
	"math"
)

// Model is a trained tagger: per feature bucket, one quantized weight per
// label, and the label transition weights. A Model is immutable and safe
// for concurrent use; the zero Model tags every token O.
type Model struct {
	bits  uint
	w     []int8   // bucket*stride + label
	wb    []uint64 // per bucket: its weights + 128, one byte per label (see pack)
	start [NumLabels]int32
	trans [NumLabels][NumLabels]int32
	// Scale is what a weight was multiplied by before rounding: a score
	// divided by Scale is in the units of the trained weights.
	Scale float32
}

// Bits returns the number of hash bits of the feature buckets.
func (m *Model) Bits() uint { return m.bits }

// Buckets returns the number of feature buckets with a weight.
func (m *Model) Buckets() int {
	n := 0
	for b := 0; b < len(m.w)/stride; b++ {
		for _, v := range m.w[b*stride : b*stride+NumLabels] {
			if v != 0 {
				n++
				break
			}
		}
	}
	return n
}

// Weight returns the weight of feature f for label l.
func (m *Model) Weight(f uint32, l Label) int32 {
	if len(m.w) == 0 {
		return 0
	}
	return int32(m.w[int(f&(1<<m.bits-1))*stride+int(l)])
}

// forbidden is the score of a transition Decode never takes.
const forbidden = math.MinInt32 / 4

// Scratch is the per-call memory of Decode; the zero Scratch is ready.
type Scratch struct {
	emit []int32
	bp   []uint8
}

// Decode returns the best label sequence of s under m, appended to
// dst[:0]: every I label continues a span of its own role. It runs in
// time linear in the number of tokens and features.
func (m *Model) Decode(s *Seq, sc *Scratch, dst []Label) []Label {
	n := s.Len()
	if cap(sc.emit) < n*NumLabels {
		sc.emit = make([]int32, n*NumLabels)
	}
	emit := sc.emit[:n*NumLabels]
	clear(emit)
	if len(m.wb) > 0 {
		mask := uint32(1)<<m.bits - 1
		for i := 0; i < n; i++ {
			m.emission(s.Feats[s.Off[i]:s.Off[i+1]], mask, emit[i*NumLabels:i*NumLabels+NumLabels:i*NumLabels+NumLabels])
		}
	}
	return viterbi(emit, &m.start, &m.trans, sc, dst)
}

// floor bounds the scores of Viterbi's partial paths from below, so
// that forbidden transitions never overflow.
const floor = forbidden * 2

// lanes selects every other byte of a packed row: labels 0, 2, 4, 6, or
// shifted by a byte, 1, 3, 5.
const lanes = 0x00FF00FF00FF00FF

// emission writes into e the scores of the labels for the features
// feats. The rows are summed eight weights at a time in 16-bit lanes,
// biased by 128 so that no lane goes negative; 256 rows of at most 255
// fit in a lane, so the sums are flushed every 256 features.
func (m *Model) emission(feats []uint32, mask uint32, e []int32) {
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), 256)]
		feats = feats[len(chunk):]
		var lo, hi uint64
		for _, f := range chunk {
			x := m.wb[f&mask]
			lo += x & lanes
			hi += x >> 8 & lanes
		}
		bias := int32(128 * len(chunk))
		e[0] += int32(lo&0xFFFF) - bias
		e[1] += int32(hi&0xFFFF) - bias
		e[2] += int32(lo>>16&0xFFFF) - bias
		e[3] += int32(hi>>16&0xFFFF) - bias
		e[4] += int32(lo>>32&0xFFFF) - bias
		e[5] += int32(hi>>32&0xFFFF) - bias
		e[6] += int32(lo>>48&0xFFFF) - bias
	}
}

// pack fills wb from w.
func (m *Model) pack() {
	m.wb = make([]uint64, len(m.w)/stride)
	for k := range m.wb {
		var x uint64
		for l := 0; l < stride; l++ {
			v := int32(0)
			if l < NumLabels {
				v = int32(m.w[k*stride+l])
			}
			x |= uint64(v+128) << (8 * l)
		}
		m.wb[k] = x
	}
}

// viterbi returns the best valid label sequence for emission scores emit
// (NumLabels per token) and the transition scores.
func viterbi(emit []int32, start *[NumLabels]int32, trans *[NumLabels][NumLabels]int32, sc *Scratch, dst []Label) []Label {
	n := len(emit) / NumLabels
	dst = dst[:0]
	if n == 0 {
		return dst
	}
	if cap(sc.bp) < n*NumLabels {
		sc.bp = make([]uint8, n*NumLabels)
	}
	bp := sc.bp[:n*NumLabels]
	// The transitions with the forbidden ones in, as one table.
	var t [NumLabels][NumLabels]int32
	var cur [NumLabels]int32
	for a := Label(0); a < NumLabels; a++ {
		cur[a] = forbidden
		if allowed(O, a) {
			cur[a] = start[a] + emit[a]
		}
		for b := Label(0); b < NumLabels; b++ {
			t[a][b] = forbidden
			if allowed(a, b) {
				t[a][b] = trans[a][b]
			}
		}
	}
	for i := 1; i < n; i++ {
		e := emit[i*NumLabels : i*NumLabels+NumLabels : i*NumLabels+NumLabels]
		b := bp[i*NumLabels : i*NumLabels+NumLabels : i*NumLabels+NumLabels]
		var next [NumLabels]int32
		top := int32(floor)
		// O and the B labels may follow any label.
		for _, l := range [...]int{int(O), int(BSource), int(BCue), int(BContent)} {
			best, arg := cur[0]+t[0][l], 0
			for p := 1; p < NumLabels; p++ {
				if v := cur[p] + t[p][l]; v > best {
					best, arg = v, p
				}
			}
			best = max(best+e[l], floor)
			next[l], b[l] = best, uint8(arg)
			top = max(top, best)
		}
		// An I label follows only the B or I label of its role.
		for l := int(ISource); l < NumLabels; l += 2 {
			best, arg := cur[l-1]+t[l-1][l], l-1
			if v := cur[l] + t[l][l]; v > best {
				best, arg = v, l
			}
			best = max(best+e[l], floor)
			next[l], b[l] = best, uint8(arg)
			top = max(top, best)
		}
		// Keep the scores from running away on a long text.
		for l := range next {
			next[l] = max(next[l]-top, floor)
		}
		cur = next
	}
	last := Label(0)
	for l := Label(1); l < NumLabels; l++ {
		if cur[l] > cur[last] {
			last = l
		}
	}
	for range n {
		dst = append(dst, 0)
	}
	for i := n - 1; i >= 0; i-- {
		dst[i] = last
		last = Label(bp[i*NumLabels+int(last)])
	}
	return dst
}

// The binary form of a Model, little-endian: magic, version, hash bits,
// number of labels, the scale (float32 bits), the start and transition
// weights (int32), the number of buckets with a weight (uvarint), then
// per bucket the gap from the previous one (uvarint) and its NumLabels
// int8 weights.
const (
	magic   = "HSQM"
	version = 1
)

// ErrFormat is returned by Unmarshal for data that is not a model.
var ErrFormat = errors.New("hearsay/internal/seqmodel: malformed model")

// MarshalBinary encodes m compactly: buckets whose weights are all zero
// are left out.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := []byte(magic)
	b = append(b, version, byte(m.bits), NumLabels, 0)
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Scale))
	for _, v := range m.start {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	for _, row := range m.trans {
		for _, v := range row {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
	}
	b = binary.AppendUvarint(b, uint64(m.Buckets()))
	prev := 0
	for k := 0; k < len(m.w)/stride; k++ {
		row := m.w[k*stride : k*stride+NumLabels]
		zero := true
		for _, v := range row {
			zero = zero && v == 0
		}
		if zero {
			continue
		}
		b = binary.AppendUvarint(b, uint64(k-prev))
		prev = k
		for _, v := range row {
			b = append(b, byte(v))
		}
	}
	return b, nil
}

// Unmarshal decodes a model that MarshalBinary encoded.
func Unmarshal(b []byte) (*Model, error) {
	const head = len(magic) + 4 + 4 + 4*NumLabels + 4*NumLabels*NumLabels
	if len(b) < head || string(b[:len(magic)]) != magic || b[4] != version || b[6] != NumLabels || b[5] < 1 || b[5] > 26 {
		return nil, ErrFormat
	}
	m := &Model{bits: uint(b[5])}
	p := 8
	m.Scale = math.Float32frombits(binary.LittleEndian.Uint32(b[p:]))
	p += 4
	for l := range m.start {
		m.start[l] = int32(binary.LittleEndian.Uint32(b[p:]))
		p += 4
	}
	for a := range m.trans {
		for l := range m.trans[a] {
			m.trans[a][l] = int32(binary.LittleEndian.Uint32(b[p:]))
			p += 4
		}
	}
	n, k := binary.Uvarint(b[p:])
	if k <= 0 {
		return nil, ErrFormat
	}
	p += k
	m.w = make([]int8, (1<<m.bits)*stride)
	bucket := 0
	for range n {
		gap, k := binary.Uvarint(b[p:])
		if k <= 0 || p+k+NumLabels > len(b) || gap > uint64(len(m.w)) {
			return nil, ErrFormat
		}
		p += k
		bucket += int(gap)
		if bucket >= 1<<m.bits {
			return nil, ErrFormat
		}
		for l := 0; l < int(NumLabels); l++ {
			m.w[bucket*stride+l] = int8(b[p+l])
		}
		p += NumLabels
	}
	if p != len(b) {
		return nil, ErrFormat
	}
	m.pack()
	return m, nil
}

// Emission returns the score the features of token i gave label l in
// the last Decode with sc: with the scores of the other labels, it tells
// how sure the model is of a token.
func (sc *Scratch) Emission(i int, l Label) int32 {
	k := i*NumLabels + int(l)
	if i < 0 || k >= len(sc.emit) {
		return 0
	}
	return sc.emit[k]
}
