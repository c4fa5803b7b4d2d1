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
	// The first paragraph has no cue, so that the first run the model
	// reads starts past the piece's first token; the last holds a frame
	// the cue filter drops.
	txt := "The bridge is long. It crosses the river.\n\n" +
		`"We have covert operations," a senior White House official told Axios, as reported by Reuters.` + "\n\n" +
		`The campaign insisted that the candidate had done nothing wrong. "It is over," he gushed. Fine.` + "\n\n" +
		`According to the mayor, the bridge will reopen in May, which critics doubt; she said it was safe.` + "\n\n" +
		"To support the plan, the mayor will seek more funds. His criticism of the bill was sharp."
	var x Extractor
	a := annot.New(txt, text.Sentences(txt), pos.English())
	defer a.Release()
	mc, done := x.newModelCtx(a, nil)
	defer done()
	checked, pastStart := 0, false
	mc.train = func(spans []span.Span, seq *seqmodel.Seq, _ []seqmodel.Label) {
		start := slices.IndexFunc(mc.c.toks, func(tk text.Token) bool { return tk.Span == spans[0] })
		if start < 0 {
			t.Fatalf("paragraph at %v: no such token", spans[0])
		}
		if start > 0 {
			pastStart = true
		}
		for i := range spans {
			// as explain calls it: the piece's tokens, a piece index
			var h seqmodel.Hasher
			ex := explainer{mc: mc}
			explainFeatures(&h, mc.ms.info, start+i, &ex)
			for k, f := range ex.feats {
				if k < len(h.Seq.Feats) && !explainedAs(h.Seq.Feats[k], f) {
					t.Errorf("token %d of the paragraph at %v: feature %d (%+v) explained as other values than it hashes", i, spans[0], k, f)
				}
			}
			if !slices.Equal(h.Seq.Feats, seq.Token(i)) || len(ex.feats) != len(h.Seq.Feats) {
				t.Errorf("token %d of the paragraph at %v: explainFeatures adds %d features, %d explained, addFeatures %d, or others",
					i, spans[0], len(h.Seq.Feats), len(ex.feats), len(seq.Token(i)))
			}
			checked++
		}
	}
	forModelPieces(txt, a.Sentences, a.Extent(), mc.piece)
	if !pastStart {
		t.Error("no run starts past the piece's first token")
	}
	if checked < 40 {
		t.Errorf("%d tokens checked", checked)
	}
}

// explainedAs reports whether the feature hash h is that of the
// explained feature f: its template and values. An empty value hashes
// as "" or, unset, as 0, and a feature of one value has 0 for its
// second; a feature of three values (its last two joined in f.B) is not
// checked.
func explainedAs(h uint32, f seqmodel.Feature) bool {
	switch f.T {
	case fTags3, fCueRightT, fLemmaL, fLemmaR:
		return true
	}
	hashes := func(s string) []uint32 {
		if s == "" {
			return []uint32{0, seqmodel.StrHash("")}
		}
		return []uint32{seqmodel.StrHash(s)}
	}
	for _, a := range hashes(f.A) {
		for _, b := range hashes(f.B) {
			if h == seqmodel.Combine(f.T, a, b) {
				return true
			}
		}
	}
	return false
}
