// Package seqmodel is a linear-chain tagger over hashed sparse features:
// the BIO labels of attribution roles (source, cue, content), a flat table
// of quantized weights, first-order Viterbi decoding that only yields
// valid label sequences, and the averaged structured perceptron that
// learns the weights. Package attribution computes the features; the
// generator under cmd/internal/gen/attrmodel trains on the PolNeAR train
// split. It is not API.
package seqmodel

import "github.com/hearsay-go/hearsay/span"

// Role is the part a token plays in an attribution.
type Role uint8

// The roles. None is outside every attribution.
const (
	None Role = iota
	Source
	Cue
	Content
)

// NumRoles is the number of roles, None included.
const NumRoles = 4

var roleNames = [NumRoles]string{"none", "source", "cue", "content"}

// String returns the lowercase name of r.
func (r Role) String() string {
	if r >= NumRoles {
		return "?"
	}
	return roleNames[r]
}

// Label is a BIO tag: O, or the beginning or inside of a role's span.
type Label uint8

// The labels.
const (
	O Label = iota
	BSource
	ISource
	BCue
	ICue
	BContent
	IContent
)

// NumLabels is the number of labels.
const NumLabels = 7

var _ = [1]int{}[NumLabels-1-int(IContent)] // NumLabels counts every label

// stride is the number of weights per feature bucket: NumLabels padded to
// eight so that a bucket's row is one aligned word.
const stride = 8

var labelNames = [NumLabels]string{"O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content"}

// String returns the name of l ("B-cue").
func (l Label) String() string {
	if l >= NumLabels {
		return "?"
	}
	return labelNames[l]
}

// Role returns the role l is part of.
func (l Label) Role() Role { return Role((l + 1) / 2) }

// Begins reports whether l opens a span.
func (l Label) Begins() bool { return l != O && l%2 == 1 }

// Begin returns the label that opens a span of role r; O for None.
func Begin(r Role) Label {
	if r == None || r >= NumRoles {
		return O
	}
	return Label(2*r - 1)
}

// Inside returns the label that continues a span of role r; O for None.
func Inside(r Role) Label {
	if r == None || r >= NumRoles {
		return O
	}
	return Label(2 * r)
}

// allowed reports whether label b may follow label a: an inside label
// only continues a span of its own role.
func allowed(a, b Label) bool {
	if b == O || b.Begins() {
		return true
	}
	return a != O && a.Role() == b.Role()
}

// Seq is a token sequence ready to tag: token i's hashed features are
// Feats[Off[i]:Off[i+1]].
type Seq struct {
	Feats []uint32
	Off   []int32
}

// Len returns the number of tokens of s.
func (s *Seq) Len() int {
	if len(s.Off) == 0 {
		return 0
	}
	return len(s.Off) - 1
}

// Reset empties s, keeping its memory.
func (s *Seq) Reset() {
	s.Feats = s.Feats[:0]
	s.Off = append(s.Off[:0], 0)
}

// Next closes the features of the current token and starts the next.
func (s *Seq) Next() {
	if len(s.Off) == 0 {
		s.Off = append(s.Off, 0)
	}
	s.Off = append(s.Off, int32(len(s.Feats)))
}

// Token returns the features of token i.
func (s *Seq) Token(i int) []uint32 { return s.Feats[s.Off[i]:s.Off[i+1]] }

// Span is a span of tokens [Start, End) in one role.
type Span struct {
	Role       Role
	Start, End int
}

// AppendSpans appends the spans that labels mark to dst, in order. A
// span opens at a B label, or at an I label that does not continue its
// role (labels that Decode never gives, read leniently).
func AppendSpans(dst []Span, labels []Label) []Span {
	open := -1
	var role Role
	for i, l := range labels {
		r := l.Role()
		if open >= 0 && (l == O || l.Begins() || r != role) {
			dst = append(dst, Span{Role: role, Start: open, End: i})
			open = -1
		}
		if l != O && open < 0 {
			open, role = i, r
		}
	}
	if open >= 0 {
		dst = append(dst, Span{Role: role, Start: open, End: len(labels)})
	}
	return dst
}

// LabelSpans writes into labels (one per token) the BIO labels of spans,
// which must be in order and not overlap; tokens outside every span get O.
func LabelSpans(labels []Label, spans []Span) {
	clear(labels)
	for _, s := range spans {
		for i := max(s.Start, 0); i < min(s.End, len(labels)); i++ {
			if i == s.Start {
				labels[i] = Begin(s.Role)
			} else {
				labels[i] = Inside(s.Role)
			}
		}
	}
}

// Piece is a stretch of text as the tagger reads it: the byte spans of
// its tokens and their features.
type Piece struct {
	Tokens []span.Span
	Seq    Seq
	// Hand are the labels of the spans of the hand frames the cue
	// filter kept, for comparison.
	Hand []Label
}

// Featurize returns the pieces of a text with their features, as the
// extractor computes them. Package attribution sets it; the generator
// that trains the model calls it.
var Featurize func(txt string) []Piece
