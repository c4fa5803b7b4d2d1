package attribution

import (
	"slices"
	"testing"

	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// TestExplainFeatures checks that explainFeatures adds the features
// addFeatures adds, in the same order, one explained feature each, on
// every token of a text with quotes, frames, cues before and after and
// sentences of one token.
func TestExplainFeatures(t *testing.T) {
	txt := `"We have covert operations," a senior White House official told Axios, as reported by Reuters.` + "\n\n" +
		`The campaign insisted that the candidate had done nothing wrong. "It is over," he gushed. Fine.` + "\n\n" +
		`According to the mayor, the bridge will reopen in May, which critics doubt; she said it was safe.`
	var x Extractor
	a := annot.New(txt, text.Sentences(txt), pos.English())
	defer a.Release()
	mc, done := x.newModelCtx(a, nil)
	defer done()
	checked := 0
	mc.train = func(spans []span.Span, seq *seqmodel.Seq, _ []seqmodel.Label) {
		start := slices.IndexFunc(mc.c.toks, func(tk text.Token) bool { return tk.Span == spans[0] })
		if start < 0 {
			t.Fatalf("paragraph at %v: no such token", spans[0])
		}
		info := mc.ms.info[start : start+len(spans)]
		for i := range info {
			var h seqmodel.Hasher
			ex := explainer{mc: mc}
			explainFeatures(&h, info, i, &ex)
			if !slices.Equal(h.Seq.Feats, seq.Token(i)) || len(ex.feats) != len(h.Seq.Feats) {
				t.Errorf("token %d of the paragraph at %v: explainFeatures adds %d features, %d explained, addFeatures %d, or others",
					i, spans[0], len(h.Seq.Feats), len(ex.feats), len(seq.Token(i)))
			}
			checked++
		}
	}
	forModelPieces(txt, a.Sentences, a.Extent(), mc.piece)
	if checked < 40 {
		t.Errorf("%d tokens checked", checked)
	}
}
