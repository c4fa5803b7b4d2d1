package attribution

import "github.com/hearsay-go/hearsay/internal/seqmodel"

// explainFeatures is addFeatures for an explanation: it adds the same
// features to h, in the same order, and gives ex each of them as text.
// A change to one is a change to both (TestExplainFeatures compares
// them).
func explainFeatures(h *seqmodel.Hasher, info []tokInfo, i int, ex *explainer) {
	v := &info[i]
	w := &v.word
	prev, next := &hvStart, &hvEnd
	pshape, pq, pframe, ptag := &hvStart, &hvStart, &hvStart, &hvStart
	ntag := &hvEnd
	if i > 0 && info[i-1].sent == v.sent {
		p := &info[i-1]
		prev, pshape, pq, pframe, ptag = &p.word, &p.shape, &p.quote, &p.frame, &p.tag
	}
	if i+1 < len(info) && info[i+1].sent == v.sent {
		n := &info[i+1]
		next, ntag = &n.word, &n.tag
	}
	feats := h.Seq.Feats
	one := func(tm uint8, x *hv) {
		feats = append(feats, seqmodel.Combine(tm, x.h, 0))
		ex.add(tm, x, nil, nil)
	}
	two := func(tm uint8, x, y *hv) {
		feats = append(feats, seqmodel.Combine(tm, x.h, y.h))
		ex.add(tm, x, y, nil)
	}
	three := func(tm uint8, x, y, z *hv) {
		feats = append(feats, seqmodel.Combine(tm, x.h, y.h*0x01000193^z.h))
		ex.add(tm, x, y, z)
	}
	feats = append(feats, biasFeature)
	ex.add(fBias, &hvEnd, nil, nil)
	one(fWord, w)
	one(fPrev, prev)
	one(fNext, next)
	two(fWordNext, w, next)
	one(fShape, &v.shape)
	one(fLex, &v.lex)
	if !v.lemma.empty() {
		one(fLexLemma, &v.lemma)
	}
	one(fSentPos, &v.sentPos)
	one(fSentLeft, &v.sentLeft)
	one(fCueLeft, &v.cueLeft)
	one(fFrame, &v.frame)
	if !v.frame.empty() {
		two(fFrameRule, &v.frame, &v.rule)
		two(fFrameKept, &v.frame, &v.kept)
	}
	two(fWordQuote, w, &v.quote)
	two(fShapes, pshape, &v.shape)
	two(fQuotes, pq, &v.quote)
	two(fFramePrev, pframe, &v.frame)
	if !v.lex.empty() {
		two(fLexNextW, &v.lex, next)
	}
	two(fFrameQ, &v.frame, &v.quote)
	tag := &v.tag
	one(fTag, tag)
	two(fTags, ptag, tag)
	three(fTags3, ptag, tag, ntag)
	two(fTagFrame, tag, &v.frame)
	three(fCueRightT, &v.cueRight, &v.brkRight, tag)
	ancL, ancDL, ancR, ancDR, verbL, verbR := clauseValues(info, i)
	two(fAnchorL, ancL, ancDL)
	two(fAnchorR, ancR, ancDR)
	two(fAnchorLT, ancL, tag)
	two(fAnchorRT, ancR, tag)
	two(fVerbs, verbL, verbR)
	two(fVerbLex, verbL, &v.lex)
	if !v.lemma.empty() {
		two(fLemmaTagN, &v.lemma, ntag)
	}
	if !v.lemmaLeft.empty() {
		three(fLemmaL, &v.lemmaLeft, &v.cueLeft, &v.brkLeft)
		two(fLemmaLT, &v.lemmaLeft, tag)
		two(fLemmaAnc, &v.lemmaLeft, ancL)
	}
	if !v.lemmaRight.empty() {
		three(fLemmaR, &v.lemmaRight, &v.cueRight, &v.brkRight)
		two(fLemmaRT, &v.lemmaRight, tag)
		two(fLemmaAncR, &v.lemmaRight, ancR)
	}
	h.Seq.Feats = feats
}

// explainer gives addFeatures' features as text, for an explanation.
type explainer struct {
	mc    *modelCtx          // to find the strings of values (str)
	feats []seqmodel.Feature // one per feature hash
}

// add appends the feature of template tm and values x, y and z; y and z
// may be nil.
func (ex *explainer) add(tm uint8, x, y, z *hv) {
	f := seqmodel.Feature{T: tm, A: ex.mc.str(x.n)}
	switch {
	case z != nil:
		f.B = ex.mc.str(y.n) + " " + ex.mc.str(z.n)
	case y != nil:
		f.B = ex.mc.str(y.n)
	}
	ex.feats = append(ex.feats, f)
}
