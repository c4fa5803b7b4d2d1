package attribution

import (
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/span"
)

func init() {
	stage.Pieces = func(_ any, src string, sentences []span.Span) []int {
		return pieceStarts(src, sentences)
	}
}

// pieceStarts returns the byte offsets, after 0, where a piece starts
// in every sequence of pieces an Extractor reads the whole of txt in, in
// English and in Spanish alike: where a piece of the frames (pieceSize)
// starts, since the span model's pieces are cut from the frames'
// (forModelPieces). A chunk of txt that starts and ends at such offsets
// is read in the pieces the whole text is read in there, so that the
// frames found in it are those found in the whole text there, but for
// what links sentences across the chunk's edges (quotes, the antecedents
// of pronouns, via).
func pieceStarts(txt string, sentences []span.Span) []int {
	var starts []int
	forPieces(txt, sentences, span.Span{End: len(txt)}, pieceSize, func(base, _ int, _ []span.Span) {
		if base > 0 {
			starts = append(starts, base)
		}
	})
	return starts
}
