package attribution

import (
	"math"
	"slices"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/boundary"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// boundsWindow is how many tokens the start or the end of a source
// phrase may move, either way.
const boundsWindow = 8

// boundsCtx chooses where a source phrase starts and ends with the
// boundary model: each candidate start (or end) within boundsWindow
// tokens of the proposed one, between the cue and the contents, is
// weighed by its features, and the heaviest wins.
type boundsCtx struct {
	c      *ctx
	toks   []text.Token // the tokens of the whole annotated text
	cue    span.Span
	lemma  uint64 // the hash of the cue's lemma
	side   uint64 // the hash of "before" or "after" the cue
	from   int    // the proposed first token
	last   int    // the proposed last token
	lo, hi int    // the first and last token a candidate may take
	// cueFirst and cueLast are the cue's first and last tokens.
	cueFirst, cueLast int
	base              int         // the token of vals[0]
	vals              []tokValues // the hashed values of the tokens around the phrase
	buf               []boundary.Feature
	cands             []int
	// The running sums of crossWeights.
	startIn, startOut, endIn, endOut []int32
	tags                             *tagCache // the span model's cache of lexical tags
}

// release drops what b holds of the last text, keeping its buffers.
func (b *boundsCtx) release() {
	b.c, b.toks, b.tags = nil, nil, nil
}

// handSource moves the source phrase of f, a frame the cue filter kept
// and the span model did not take over, to the boundaries the boundary
// model weighs most, and classifies the source anew. A coordinated source (one conjunct of the phrase) keeps
// its conjunct, and its phrase moves only where it still holds it; a
// phrase that would become a pronoun stays (its antecedent was sought
// where the frame was found), and so do the frames that keep their own
// spans (see modelCtx.chained).
func (mc *modelCtx) handSource(k int, f *Frame) {
	if mc.chained[k] {
		return
	}
	old := f.SourcePhrase
	src := mc.source(old, f.Cue, f.Lemma, f.Content)
	switch {
	case src == old:
		return
	case f.Source != old:
		if !src.Contains(f.Source) {
			return
		}
		f.SourcePhrase = src
	default:
		cl := mc.c.classify(src)
		if cl.Pronoun {
			return
		}
		f.SourcePhrase, f.Source, f.Antecedent = src, src, span.Span{}
		f.setClass(cl, src)
	}
	f.Rule += sourceBoundsRule
}

// sourceBoundsRule ends the rule of a frame whose source phrase the
// boundary model moved.
const sourceBoundsRule = " (source bounds: model)"

// source returns src with the boundaries the boundary model weighs most,
// for the frame of cue (lemma) with content; with mc.collect set (the
// generator), it appends the candidates to it and returns src as it is.
func (mc *modelCtx) source(src, cue span.Span, lemma string, content []span.Span) span.Span {
	m := boundsModel()
	if src.IsEmpty() || m == nil && mc.collect == nil {
		return src
	}
	b := &mc.ms.bounds
	if !b.init(mc.c, &mc.ms.tags, src, cue, lemma, content) {
		return src
	}
	b.cands = b.startCandidates(b.cands[:0])
	if mc.collect != nil {
		ch := boundary.Choice{Span: src}
		for _, i := range b.cands {
			ch.Starts = append(ch.Starts, boundary.Candidate{At: b.toks[i].Span.Start, Feats: slices.Clone(b.startFeats(i, true))})
		}
		for _, j := range b.endCandidates(b.cands[:0]) {
			ch.Ends = append(ch.Ends, boundary.Candidate{At: b.toks[j].Span.End, Feats: slices.Clone(b.endFeats(j, true))})
		}
		*mc.collect = append(*mc.collect, ch)
		return src
	}
	b.crossWeights(m)
	s := b.toks[b.bestStart(m)].Span.Start
	b.cands = b.endCandidates(b.cands[:0])
	e := b.toks[b.bestEnd(m)].Span.End
	moved := span.New(s, e)
	switch {
	case s >= e || moved == src:
		return src
	case mc.holdsCue(moved):
		// A source never holds the cue of a kept frame ("A website
		// quoting a judge said C": see holdsCue).
		return src
	case mc.c.classify(src).Anonymity == entity.Named && mc.c.classify(moved).Anonymity != entity.Named:
		// A move never hides a named source ("Deutsche Bank - itself a
		// target of a lawsuit - said").
		return src
	}
	return moved
}

// crossWeights sums the weights in m of the features of a boundary
// moving over the tokens between a candidate and the proposed boundary
// (the crossed tag and word), as running sums from the proposed
// boundary outward: the score of a candidate is then the weight of its
// other features plus one of the sums, the same as the weight of all its
// features (startFeats and endFeats with crossed set; TestBoundsCrossSums
// holds them equal), in far fewer lookups.
func (b *boundsCtx) crossWeights(m *boundary.Model) {
	T := boundary.Template
	w := func(tag, word uint8, dir uint64, t int) int32 {
		v := b.val(t)
		return m.Weight(T(tag).Mix(dir).Mix(v.tag)) + m.Weight(T(word).Mix(dir).Mix(v.word))
	}
	// sum returns the running sums over the n tokens from t on, a step
	// apart (n <= 0: none).
	sum := func(dst []int32, t, n, step int, tag, word uint8, dir uint64) []int32 {
		dst = append(dst[:0], 0)
		for ; n > 0; n, t = n-1, t+step {
			dst = append(dst, dst[len(dst)-1]+w(tag, word, dir, t))
		}
		return dst
	}
	// Starts before the proposed one cross [i, from); after it, [from, i).
	b.startIn = sum(b.startIn, b.from-1, b.from-b.lo, -1, bStartCrossTag, bStartCrossWord, dirIn)
	b.startOut = sum(b.startOut, b.from, min(b.from+boundsWindow, b.last)-b.from, 1, bStartCrossTag, bStartCrossWord, dirOut)
	// Ends before the proposed one cross (j, last]; after it, (last, j].
	b.endIn = sum(b.endIn, b.last, b.last-max(b.from, b.last-boundsWindow), -1, bEndCrossTag, bEndCrossWord, dirIn)
	b.endOut = sum(b.endOut, b.last+1, b.hi-b.last, 1, bEndCrossTag, bEndCrossWord, dirOut)
}

// startCross returns the weight of the crossed features of a start at i.
func (b *boundsCtx) startCross(i int) int32 {
	if i < b.from {
		return b.startIn[b.from-i]
	}
	return b.startOut[i-b.from]
}

// endCross returns the weight of the crossed features of an end at j.
func (b *boundsCtx) endCross(j int) int32 {
	if j < b.last {
		return b.endIn[b.last-j]
	}
	return b.endOut[j-b.last]
}

// bestStart returns the candidate start of b.cands that weighs most in
// m, the first on a tie.
func (b *boundsCtx) bestStart(m *boundary.Model) int {
	at, top := b.cands[0], int32(math.MinInt32)
	for _, i := range b.cands {
		if s := m.Score(b.startFeats(i, false)) + b.startCross(i); s > top {
			at, top = i, s
		}
	}
	return at
}

// bestEnd returns the candidate end of b.cands that weighs most in m, the
// first on a tie.
func (b *boundsCtx) bestEnd(m *boundary.Model) int {
	at, top := b.cands[0], int32(math.MinInt32)
	for _, j := range b.cands {
		if s := m.Score(b.endFeats(j, false)) + b.endCross(j); s > top {
			at, top = j, s
		}
	}
	return at
}

// init prepares b for the source phrase src of cue, with the lexical
// tags of tags: false when src does not start and end at token
// boundaries, or is a lone pronoun.
func (b *boundsCtx) init(c *ctx, tags *tagCache, src, cue span.Span, lemma string, content []span.Span) bool {
	toks := c.a.Tokens()
	from, to := c.in(src)
	if from >= to || toks[from].Span.Start != src.Start || toks[to-1].Span.End != src.End {
		return false
	}
	if to == from+1 && isPronoun(toks[from].Fold) {
		// "he said": a pronoun is the whole source.
		return false
	}
	*b = boundsCtx{c: c, toks: toks, cue: cue, from: from, last: to - 1,
		buf: b.buf, cands: b.cands, vals: b.vals, tags: tags,
		startIn: b.startIn, startOut: b.startOut, endIn: b.endIn, endOut: b.endOut}
	b.lemma = boundary.Hash(lemma)
	b.side = sideAfter
	if cue.Start >= src.End {
		b.side = sideBefore
	}
	// The candidates stay clear of the cue and the contents, and within
	// the paragraph.
	b.lo, b.hi = max(0, from-boundsWindow), min(len(toks)-1, to-1+boundsWindow)
	b.limit(cue, src)
	for _, s := range content {
		b.limit(s, src)
	}
	for i := from; i > b.lo; i-- {
		if c.paragraphBreak(toks[i-1].Span.End, toks[i].Span.Start) {
			b.lo = i
			break
		}
	}
	for i := to - 1; i < b.hi; i++ {
		if c.paragraphBreak(toks[i].Span.End, toks[i+1].Span.Start) {
			b.hi = i
			break
		}
	}
	// A limit that ends in the white space before the phrase (or starts
	// in the one after it) must not push the range past the phrase.
	b.lo, b.hi = min(b.lo, from), max(b.hi, to-1)
	b.cueFirst, b.cueLast = c.tokenAround(cue.Start), c.tokenAround(cue.End-1)
	b.values()
	return true
}

// limit keeps the candidates on src's side of the span s.
func (b *boundsCtx) limit(s, src span.Span) {
	switch {
	case s.IsEmpty():
	case s.End <= src.Start:
		b.lo = max(b.lo, b.c.tokenAround(s.End-1)+1)
	case s.Start >= src.End:
		b.hi = min(b.hi, b.c.tokenAround(s.Start)-1)
	}
}

// tokValues are the hashed values of one token for the boundary
// features.
type tokValues struct {
	word, tag uint64
	sentStart bool // a sentence starts at the token
	comma     bool
}

// values hashes the values of the tokens the features of the candidates
// read: from two before the first candidate to two after the last.
func (b *boundsCtx) values() {
	b.base = min(b.lo, b.from) - 2
	n := max(b.hi, b.last) + 3 - b.base
	b.vals = slices.Grow(b.vals[:0], n)[:n]
	// The sentence runs of the annotated text, walked along.
	k := b.c.a.Sentence(max(b.base, 0))
	first, end := b.c.a.SentenceTokens(k)
	for i := range b.vals {
		t, v := b.base+i, &b.vals[i]
		switch {
		case t < 0:
			*v = tokValues{word: hashStart, tag: hashNoTag, sentStart: true}
			continue
		case t >= len(b.toks):
			*v = tokValues{word: hashEnd, tag: hashNoTag, sentStart: true}
			continue
		}
		for t >= end {
			k++
			first, end = b.c.a.SentenceTokens(k)
		}
		tok := &b.toks[t]
		w := boundary.Hash(tok.Fold)
		*v = tokValues{word: w, tag: b.tagHash(tok), sentStart: t == first, comma: tok.Fold == ","}
	}
}

// val returns the values of token i.
func (b *boundsCtx) val(i int) *tokValues { return &b.vals[i-b.base] }

// The hashed values of the features that are not words or tags.
var (
	hashStart, hashEnd, hashNoTag = boundary.Hash("<s>"), boundary.Hash("</s>"), boundary.Hash("-")
	sideAfter, sideBefore         = boundary.Hash("after"), boundary.Hash("before")
	dirIn, dirOut                 = boundary.Hash("in"), boundary.Hash("out")
	tagHashes                     = func() (t [256]uint64) {
		for i := range t {
			t[i] = boundary.Hash(pos.Tag(i).XPOS())
		}
		return t
	}()
	shapeHashes = [...]uint64{boundary.Hash("Q"), boundary.Hash("?9"), boundary.Hash("?."), boundary.Hash("?x"), boundary.Hash("?X")}
)

// tagHash returns the hash of the part-of-speech tag token t most often
// has (see tagCache.lexical), or of its shape when the tagger does not
// know it.
func (b *boundsCtx) tagHash(t *text.Token) uint64 {
	if t.Kind == text.Quote {
		return shapeHashes[0]
	}
	if tag := b.tags.lexical(t.Fold, seqmodel.StrHash(t.Fold)); tag != 0 {
		return tagHashes[tag]
	}
	switch {
	case t.Kind == text.Number:
		return shapeHashes[1]
	case t.Kind == text.Punct:
		return shapeHashes[2]
	case b.c.text[t.Span.Start] >= 'a' && b.c.text[t.Span.Start] <= 'z':
		return shapeHashes[3]
	}
	return shapeHashes[4]
}

// startCandidates appends to dst the tokens a phrase may start at, the
// proposed one first.
func (b *boundsCtx) startCandidates(dst []int) []int {
	dst = append(dst, b.from)
	for i := b.lo; i <= min(b.from+boundsWindow, b.last); i++ {
		if i != b.from {
			dst = append(dst, i)
		}
	}
	return dst
}

// endCandidates appends to dst the tokens a phrase may end with, the
// proposed one first.
func (b *boundsCtx) endCandidates(dst []int) []int {
	dst = append(dst, b.last)
	for j := max(b.from, b.last-boundsWindow); j <= b.hi; j++ {
		if j != b.last {
			dst = append(dst, j)
		}
	}
	return dst
}

// bucket returns a signed distance in tokens: exact up to 2, then 3 for
// 3-4 and 5 for more, with the sign.
func bucket(d int) int {
	a := abs(d)
	switch {
	case a <= 2:
		return d
	case a <= 4:
		return 3 * sign(d)
	}
	return 5 * sign(d)
}

func sign(d int) int {
	if d < 0 {
		return -1
	}
	return 1
}

func b2u(v bool) uint64 {
	if v {
		return 1
	}
	return 0
}

// The templates of the boundary features. A change to them requires
// regenerating the weights.
const (
	bStartDist uint8 = iota + 1
	bStartDistWord
	bStartDistPrev
	bStartWord
	bStartPrev
	bStartTags
	bStartWords
	bStartDirTag
	bStartBreak
	bStartSide
	bStartCrossTag
	bStartCrossWord
	bStartLemma
	bStartNext
	bStartTrigram
	bEndDist
	bEndDistWord
	bEndDistNext
	bEndWord
	bEndNext
	bEndTags
	bEndWords
	bEndDirTag
	bEndBreak
	bEndSide
	bEndCrossTag
	bEndCrossWord
	bEndLemma
	bEndPrev
	bEndTrigram
	bStartGap
	bEndGap
	bEndCommas
)

// startFeats returns the features of starting the phrase at token i,
// valid until the next call; with crossed unset, it leaves out those of
// the tokens between i and the proposed start (see crossWeights).
func (b *boundsCtx) startFeats(i int, crossed bool) []boundary.Feature {
	T := boundary.Template
	d := uint64(bucket(i - b.from))
	v0, vp, vpp, vn := b.val(i), b.val(i-1), b.val(i-2), b.val(i+1)
	brk := b2u(v0.sentStart) | b2u(i == b.cueLast+1)<<1
	gap := uint64(1 << 8) // none: the cue is not before the phrase
	if b.side == sideAfter {
		gap = uint64(bucket(i - b.cueLast - 1))
	}
	fs := append(b.buf[:0],
		T(bStartDist).Mix(d),
		T(bStartDistWord).Mix(d).Mix(v0.word),
		T(bStartDistPrev).Mix(d).Mix(vp.word),
		T(bStartWord).Mix(v0.word),
		T(bStartPrev).Mix(vp.word),
		T(bStartTags).Mix(vp.tag).Mix(v0.tag),
		T(bStartWords).Mix(vp.word).Mix(v0.word),
		T(bStartDirTag).Mix(uint64(sign(i-b.from))).Mix(v0.tag),
		T(bStartBreak).Mix(brk).Mix(d),
		T(bStartSide).Mix(b.side).Mix(v0.word),
		T(bStartLemma).Mix(b.lemma).Mix(v0.word),
		T(bStartNext).Mix(v0.word).Mix(vn.word),
		T(bStartTrigram).Mix(vpp.tag).Mix(vp.tag).Mix(v0.tag),
		T(bStartGap).Mix(b.side).Mix(gap),
	)
	if crossed {
		lo, hi, dir := i, b.from, dirIn
		if i > b.from {
			lo, hi, dir = b.from, i, dirOut
		}
		fs = b.appendCrossed(fs, lo, hi, dir, bStartCrossTag, bStartCrossWord)
	}
	b.buf = fs
	return fs
}

// endFeats returns the features of ending the phrase with token j, valid
// until the next call; with crossed unset, it leaves out those of the
// tokens between j and the proposed end (see crossWeights).
func (b *boundsCtx) endFeats(j int, crossed bool) []boundary.Feature {
	T := boundary.Template
	d := uint64(bucket(j - b.last))
	v0, vn, vnn, vp := b.val(j), b.val(j+1), b.val(j+2), b.val(j-1)
	brk := b2u(vn.sentStart) | b2u(j+1 == b.cueFirst)<<1
	gap := uint64(1 << 8) // none: the cue is not after the phrase
	if b.side == sideBefore {
		gap = uint64(bucket(b.cueFirst - j - 1))
	}
	commas := uint64(0)
	for t := b.from; t <= j; t++ {
		commas ^= b2u(b.val(t).comma)
	}
	fs := append(b.buf[:0],
		T(bEndDist).Mix(d),
		T(bEndDistWord).Mix(d).Mix(v0.word),
		T(bEndDistNext).Mix(d).Mix(vn.word),
		T(bEndWord).Mix(v0.word),
		T(bEndNext).Mix(vn.word),
		T(bEndTags).Mix(v0.tag).Mix(vn.tag),
		T(bEndWords).Mix(v0.word).Mix(vn.word),
		T(bEndDirTag).Mix(uint64(sign(j-b.last))).Mix(vn.tag),
		T(bEndBreak).Mix(brk).Mix(d),
		T(bEndSide).Mix(b.side).Mix(vn.word),
		T(bEndLemma).Mix(b.lemma).Mix(vn.word),
		T(bEndPrev).Mix(vp.word).Mix(v0.word),
		T(bEndTrigram).Mix(v0.tag).Mix(vn.tag).Mix(vnn.tag),
		T(bEndGap).Mix(b.side).Mix(gap),
		T(bEndCommas).Mix(commas).Mix(vn.word),
	)
	if crossed {
		lo, hi, dir := j+1, b.last+1, dirIn
		if j > b.last {
			lo, hi, dir = b.last+1, j+1, dirOut
		}
		fs = b.appendCrossed(fs, lo, hi, dir, bEndCrossTag, bEndCrossWord)
	}
	b.buf = fs
	return fs
}

// appendCrossed appends the features of a boundary moving over the tokens
// [lo, hi) in direction dir: each token's tag and word, with the
// templates tag and word.
func (b *boundsCtx) appendCrossed(fs []boundary.Feature, lo, hi int, dir uint64, tag, word uint8) []boundary.Feature {
	T := boundary.Template
	for t := lo; t < hi; t++ {
		v := b.val(t)
		fs = append(fs, T(tag).Mix(dir).Mix(v.tag), T(word).Mix(dir).Mix(v.word))
	}
	return fs
}

// in returns the tokens [from, to) of the annotated text inside s, read
// in the piece's tokens when s lies in the piece.
func (c *ctx) in(s span.Span) (from, to int) {
	p := c.toks
	if len(p) == 0 || s.Start < p[0].Span.Start || s.End > p[len(p)-1].Span.End {
		return c.a.In(s)
	}
	from = c.tokenAt(s.Start)
	to = from
	for to < len(p) && p[to].Span.End <= s.End {
		to++
	}
	return c.tok0 + from, c.tok0 + to
}

// tokenAround returns the index in the annotated text of the token that
// holds byte b, or of the next one (annot.Text.TokenAt), read in the
// piece's tokens when b lies in the piece.
func (c *ctx) tokenAround(b int) int {
	p := c.toks
	if len(p) == 0 || b < p[0].Span.Start || b >= p[len(p)-1].Span.End {
		return c.a.TokenAt(b)
	}
	lo, hi := 0, len(p)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if p[mid].Span.End > b {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return c.tok0 + lo
}
