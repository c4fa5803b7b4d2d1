package seqmodel

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
)

// Model is a trained tagger: per feature bucket, one quantized weight per
// label, and the label transition weights. A Model is immutable and safe
// for concurrent use; the zero Model tags every token O.
type Model struct {
	bits  uint
	w     []int8   // bucket*stride + label, until pack
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
	for _, x := range m.wb {
		if x&lanesUsed != zeroRow {
			n++
		}
	}
	return n
}

// The bytes of a bucket of wb that hold a label's weight, and their
// value when every weight is 0.
const (
	lanesUsed = 1<<(8*NumLabels) - 1
	zeroRow   = lanesUsed / 0xff * 128
)

// weight returns the weight of label l in bucket k.
func (m *Model) weight(k int, l Label) int8 {
	return int8(int32(byte(m.wb[k]>>(8*l))) - 128)
}

// Weight returns the weight of feature f for label l.
func (m *Model) Weight(f uint32, l Label) int32 {
	if len(m.wb) == 0 || l >= NumLabels {
		return 0
	}
	return int32(m.weight(int(f&(1<<m.bits-1)), l))
}

// forbidden is the score of a transition Decode never takes.
const forbidden = math.MinInt32 / 4

// Scratch is the per-call memory of Decode; the zero Scratch is ready.
type Scratch struct {
	emit []int32
	bp   []uint8
	path []int32 // viterbiSmall: per token and label, the best path's score
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
	if len(m.wb) == 0 {
		clear(emit)
	} else {
		m.emissions(s.Feats, s.Off[:n+1], emit)
	}
	if m.bounded(n, len(s.Feats)) {
		return viterbiSmall(emit, &m.start, &m.trans, sc, dst)
	}
	return viterbi(emit, &m.start, &m.trans, sc, dst)
}

// maxPath bounds the magnitude of the score of every label path that
// viterbiSmall computes (see bounded).
const maxPath = 1 << 27

// bounded reports whether every path through n tokens with feats
// features in all scores at most maxPath in magnitude under m: a weight
// is at most 128 in magnitude, so the emissions of all tokens sum to at
// most 128 per feature, and each step adds a transition.
func (m *Model) bounded(n, feats int) bool {
	var s, t int64
	for a := range NumLabels {
		s = max(s, abs64(int64(m.start[a])))
		for b := range NumLabels {
			t = max(t, abs64(int64(m.trans[a][b])))
		}
	}
	return s+128*int64(feats)+int64(n)*t < maxPath
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
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
func (m *Model) emission(feats []uint32, mask uint32, e *[NumLabels]int32) {
	var sum [NumLabels]int32
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), 256)]
		feats = feats[len(chunk):]
		lo, hi := sumRows(m.wb, chunk, mask)
		part := lanes16(lo, hi, len(chunk))
		for l := range sum {
			sum[l] += part[l]
		}
	}
	*e = sum
}

// emissions writes into emit the scores of the labels of each token, the
// features of token i being feats[off[i]:off[i+1]]: emission for every
// token, with the rows of a token of at most 256 features summed at once,
// with no flush.
func (m *Model) emissions(feats []uint32, off []int32, emit []int32) {
	mask := uint32(1)<<m.bits - 1
	for i := 0; i+1 < len(off); i++ {
		e := (*[NumLabels]int32)(emit[i*NumLabels:])
		fs := feats[off[i]:off[i+1]]
		if len(fs) > 256 {
			m.emission(fs, mask, e)
			continue
		}
		lo, hi := sumRows(m.wb, fs, mask)
		*e = lanes16(lo, hi, len(fs))
	}
}

// lanes16 returns the label scores in the 16-bit lanes of sumRows's sums
// of n rows, less the bias of 128 a row.
func lanes16(lo, hi uint64, n int) [NumLabels]int32 {
	bias := int32(128 * n)
	return [NumLabels]int32{
		int32(lo&0xFFFF) - bias, int32(hi&0xFFFF) - bias,
		int32(lo>>16&0xFFFF) - bias, int32(hi>>16&0xFFFF) - bias,
		int32(lo>>32&0xFFFF) - bias, int32(hi>>32&0xFFFF) - bias,
		int32(lo>>48&0xFFFF) - bias,
	}
}

// sumRows returns the sums of the packed rows of feats in 16-bit lanes:
// the even labels' in lo, the odd labels' in hi (hi's top lane, the
// padding byte's, is not kept: only its low bits are right). It is a
// function of its own, not inlined, so that the loop keeps its few
// values in registers (inlined, the compiler spills them to the stack at
// every feature). wb must hold more than mask rows, as a model's table
// always does.
//
// It sums the even bytes of the rows and the whole rows, two rows a
// step: the whole sum less the even bytes' is the odd bytes', each in a
// 16-bit lane shifted up by a byte, and the sum of the top byte's lane
// spills past 64 bits without touching the others.
//
//go:noinline
func sumRows(wb []uint64, feats []uint32, mask uint32) (lo, hi uint64) {
	_ = wb[mask] // f&mask <= mask: no bounds check in the loop
	var all, lo1, all1 uint64
	i := 0
	for ; i < len(feats)-1; i += 2 {
		x, y := wb[feats[i]&mask], wb[feats[i+1]&mask]
		lo += x & lanes
		all += x
		lo1 += y & lanes
		all1 += y
	}
	if i < len(feats) {
		x := wb[feats[i]&mask]
		lo += x & lanes
		all += x
	}
	lo += lo1
	return lo, (all + all1 - lo) >> 8
}

// pack fills wb from w, and lets w go: a model holds its weights once.
func (m *Model) pack() {
	defer func() { m.w = nil }()
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
	dst = slices.Grow(dst, n)[:n]
	for i := n - 1; i >= 0; i-- {
		dst[i] = last
		last = Label(bp[i*NumLabels+int(last)])
	}
	return dst
}

// viterbiSmall is viterbi for scores too small to need its floor: every
// label path scores at most maxPath in magnitude (see bounded). It gives
// the labels viterbi gives, ties included, as the scores of the paths
// then differ from viterbi's by one constant per token (viterbi's
// normalization) and none is clamped, and ties break the same way.
//
// Its forward pass keeps the score of the best path to each label at each
// token, with no back pointer: max without a branch to mispredict and no
// normalization, so that a step waits on little more than the maxima of
// the step before. The way back recomputes the best predecessor of the
// one label taken at each token (see predecessor).
func viterbiSmall(emit []int32, start *[NumLabels]int32, t *[NumLabels][NumLabels]int32, sc *Scratch, dst []Label) []Label {
	n := len(emit) / NumLabels
	dst = dst[:0]
	if n == 0 {
		return dst
	}
	if cap(sc.path) < n*NumLabels {
		sc.path = make([]int32, n*NumLabels)
	}
	path := sc.path[:n*NumLabels]
	// Scores of the paths to each label at the last token, in scalars.
	c0, c2, c4, c6 := start[O]+emit[O], int32(forbidden), int32(forbidden), int32(forbidden)
	c1, c3, c5 := start[BSource]+emit[BSource], start[BCue]+emit[BCue], start[BContent]+emit[BContent]
	for i := 0; i < n; i++ {
		if i > 0 {
			e := (*[NumLabels]int32)(emit[i*NumLabels:])
			// O and the B labels may follow any label; an I label follows
			// only the B or I label of its role.
			from := func(l Label) int32 {
				return max(c0+t[0][l], c1+t[1][l], c2+t[2][l], c3+t[3][l], c4+t[4][l], c5+t[5][l], c6+t[6][l])
			}
			n0 := from(O) + e[O]
			n1 := from(BSource) + e[BSource]
			n3 := from(BCue) + e[BCue]
			n5 := from(BContent) + e[BContent]
			c2 = max(c1+t[BSource][ISource], c2+t[ISource][ISource]) + e[ISource]
			c4 = max(c3+t[BCue][ICue], c4+t[ICue][ICue]) + e[ICue]
			c6 = max(c5+t[BContent][IContent], c6+t[IContent][IContent]) + e[IContent]
			c0, c1, c3, c5 = n0, n1, n3, n5
		}
		p := (*[NumLabels]int32)(path[i*NumLabels:])
		p[0], p[1], p[2], p[3], p[4], p[5], p[6] = c0, c1, c2, c3, c4, c5, c6
	}
	cur := (*[NumLabels]int32)(path[(n-1)*NumLabels:])
	last := Label(0)
	for l := Label(1); l < NumLabels; l++ {
		if cur[l] > cur[last] {
			last = l
		}
	}
	dst = slices.Grow(dst, n)[:n]
	dst[n-1] = last
	for i := n - 1; i > 0; i-- {
		last = predecessor((*[NumLabels]int32)(path[(i-1)*NumLabels:]), t, last)
		dst[i-1] = last
	}
	return dst
}

// predecessor returns the label before l on the best path to l, given
// the scores prev of the best paths to each label at the token before:
// the first of the best in the order of the labels, as viterbi takes.
func predecessor(prev *[NumLabels]int32, t *[NumLabels][NumLabels]int32, l Label) Label {
	if l != O && !l.Begins() {
		if prev[l]+t[l][l] > prev[l-1]+t[l-1][l] {
			return l
		}
		return l - 1
	}
	best, arg := prev[0]+t[0][l], Label(0)
	for p := Label(1); p < NumLabels; p++ {
		if v := prev[p] + t[p][l]; v > best {
			best, arg = v, p
		}
	}
	return arg
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
	for k, x := range m.wb {
		if x&lanesUsed == zeroRow {
			continue
		}
		b = binary.AppendUvarint(b, uint64(k-prev))
		prev = k
		for l := range Label(NumLabels) {
			b = append(b, byte(m.weight(k, l)))
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
