package attribution

import (
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/span"
)

func init() {
	stage.Pieces = func(x any, src string, sentences []span.Span) []int {
		xx, _ := x.(*Extractor)
		return xx.pieceStarts(src, sentences)
	}
}

// pieceStarts returns the byte offsets, after 0, where a piece starts
// in every sequence of pieces x reads the whole of txt in: the frames'
// (pieceSize) and, with the span model, the model's (modelPiece). A
// chunk of txt that starts and ends at such offsets is read in the
// pieces the whole text is read in there, so that the frames found in
// it are those found in the whole text there, but for what links
// sentences across the chunk's edges (quotes, the antecedents of
// pronouns, via).
func (x *Extractor) pieceStarts(txt string, sentences []span.Span) []int {
	all := span.Span{End: len(txt)}
	starts := func(least int) []int {
		var ks []int
		forPieces(txt, sentences, all, least, func(base, _ int, _ []span.Span) {
			if base > 0 {
				ks = append(ks, base)
			}
		})
		return ks
	}
	ks := starts(pieceSize)
	if x.model() == nil {
		return ks
	}
	common := ks[:0]
	model := starts(modelPiece)
	for i, j := 0, 0; i < len(ks) && j < len(model); {
		switch {
		case ks[i] < model[j]:
			i++
		case ks[i] > model[j]:
			j++
		default:
			common = append(common, ks[i])
			i, j = i+1, j+1
		}
	}
	return common
}
