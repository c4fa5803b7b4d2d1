// Package stage lets Analyze run the cores of the public packages on the
// one annotated text it builds (package annot), so that no stage
// tokenizes the text again. Each public package sets its hook in an init
// function; the values are typed by the package that sets them and
// asserted by the caller, which imports that package.
package stage

import (
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// Hedges runs a *claim.Detector (nil: the default) over a: the hedges
// ([]claim.Hedge) and, with wantNegs, the negations outside every
// lexicon phrase. Set by package claim.
var Hedges func(detector any, a *annot.Text, wantNegs bool) (hedges any, negations []span.Span)

// Frames runs an *attribution.Extractor over a: its frames
// ([]attribution.Frame). Set by package attribution.
var Frames func(extractor any, a *annot.Text) (frames any)

// Classify grades a source phrase with an *entity.Classifier (nil: the
// English one) from its tokens, spans relative to the phrase (see
// annot.Text.Phrase): an entity.Classification. Set by package entity.
var Classify func(classifier any, phrase string, toks []text.Token) any

// Resolve runs an entity.Resolver over the mentions ([]entity.Mention)
// of a, reading the mentions' tokens from a: an entity.Resolution. Set by
// package entity.
var Resolve func(resolver any, a *annot.Text, mentions any) any

// Pieces returns the byte offsets, in order and after 0, where a piece
// starts in every sequence of pieces an *attribution.Extractor reads the
// whole of src (segmented into sentences) in: an annotated text of a
// chunk that starts at such an offset and ends at another (or at the end
// of src) gives the extractor the pieces the whole text gives it there.
// Set by package attribution.
var Pieces func(extractor any, src string, sentences []span.Span) []int
