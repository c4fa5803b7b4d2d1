// Package boundary chooses where a span starts or ends among candidate
// positions with a learned linear ranker: each candidate is a list of
// hashed features, and the candidate whose features weigh most wins.
// The weights are learned by an averaged perceptron (Train) and stored
// compactly (Marshal).
package boundary

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/span"
)

// Feature is a hashed feature: build one with Template and Mix.
type Feature uint64

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Template starts the feature of template t.
func Template(t uint8) Feature { return Feature((offset64 ^ uint64(t)) * prime64) }

// Hash returns the hash of a string value, for Mix: a caller that adds
// one value to many features hashes it once.
func Hash(s string) uint64 {
	h := uint64(offset64)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}

// Mix adds a value hashed by Hash (or any 64-bit value) to f.
func (f Feature) Mix(h uint64) Feature {
	x := (uint64(f) ^ h) * 0x9e3779b97f4a7c15
	return Feature(x ^ x>>31)
}

// bucket returns the row of f in a table of 2^bits rows.
func (f Feature) bucket(bits uint8) uint32 {
	h := uint64(f)
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return uint32(h) & (1<<bits - 1)
}

// Model is a learned ranker. The zero Model scores every candidate 0,
// so that Best returns the first.
type Model struct {
	bits uint8
	w    []int16
}

// Score returns the weight of the features of one candidate.
func (m *Model) Score(feats []Feature) int32 {
	if m == nil || len(m.w) == 0 {
		return 0
	}
	var s int32
	for _, f := range feats {
		s += int32(m.w[f.bucket(m.bits)])
	}
	return s
}

// Weight returns the weight of one feature.
func (m *Model) Weight(f Feature) int32 {
	if m == nil || len(m.w) == 0 {
		return 0
	}
	return int32(m.w[f.bucket(m.bits)])
}

// Best returns the index of the candidate of cands with the highest
// score, the first on a tie, or -1 when cands is empty.
func (m *Model) Best(cands [][]Feature) int {
	if len(cands) == 0 {
		return -1
	}
	best, bestScore := 0, m.Score(cands[0])
	for i, c := range cands[1:] {
		if s := m.Score(c); s > bestScore {
			best, bestScore = i+1, s
		}
	}
	return best
}

// maxBits is the most hash bits a model takes: 2^24 int16 weights.
const maxBits = 24

// The weights format: the magic, the hash bits, the number of nonzero
// weights, then each as the distance to the previous row (uvarint) and
// the weight (varint).
const magic = "hearsay-bnd\x01"

// Marshal returns m in its stored form. A nil or zero Model is stored as
// a table of one bit without weights, which Unmarshal reads back as a
// model that scores everything 0.
func (m *Model) Marshal() []byte {
	if m == nil || m.bits == 0 {
		m = &Model{bits: 1, w: make([]int16, 2)}
	}
	out := append([]byte(magic), m.bits)
	n := 0
	for _, w := range m.w {
		if w != 0 {
			n++
		}
	}
	out = binary.AppendUvarint(out, uint64(n))
	prev := -1
	for i, w := range m.w {
		if w == 0 {
			continue
		}
		out = binary.AppendUvarint(out, uint64(i-prev))
		out = binary.AppendVarint(out, int64(w))
		prev = i
	}
	return out
}

// ErrFormat is wrapped by the errors of Unmarshal.
var ErrFormat = errors.New("boundary: bad weights")

// Unmarshal decodes weights written by Marshal; its errors wrap
// ErrFormat. The model holds a table of 2^bits int16 weights, at most 32
// MiB for the 24 bits it accepts.
func Unmarshal(b []byte) (*Model, error) {
	if len(b) < len(magic)+1 || string(b[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: no header", ErrFormat)
	}
	bits := b[len(magic)]
	if bits < 1 || bits > maxBits {
		return nil, fmt.Errorf("%w: %d hash bits", ErrFormat, bits)
	}
	b = b[len(magic)+1:]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > 1<<bits {
		return nil, fmt.Errorf("%w: weight count", ErrFormat)
	}
	b = b[k:]
	m := &Model{bits: bits, w: make([]int16, 1<<bits)}
	row := -1
	for range n {
		d, k := binary.Uvarint(b)
		if k <= 0 || d == 0 || d > uint64(len(m.w)) {
			return nil, fmt.Errorf("%w: row", ErrFormat)
		}
		b = b[k:]
		w, k := binary.Varint(b)
		if k <= 0 || w < math.MinInt16 || w > math.MaxInt16 {
			return nil, fmt.Errorf("%w: weight", ErrFormat)
		}
		b = b[k:]
		row += int(d)
		if row >= len(m.w) {
			return nil, fmt.Errorf("%w: row %d past the table", ErrFormat, row)
		}
		m.w[row] = int16(w)
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the weights", ErrFormat, len(b))
	}
	return m, nil
}

// Choice is where one span may start and end: the span as proposed, and
// the candidates of each boundary, the proposed one first.
type Choice struct {
	Span         span.Span
	Starts, Ends []Candidate
}

// Candidate is one position a boundary may take, as a byte offset, with
// its features.
type Candidate struct {
	At    int
	Feats []Feature
}

// Featurize returns the choices of the source phrases of a text as the
// attribution extractor proposes them with the span model m, before any
// is moved: the generator of the weights learns from them, with span
// models that did not see the text. Package attribution sets it.
var Featurize func(txt string, m *seqmodel.Model) []Choice
