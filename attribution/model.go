package attribution

import (
	"slices"
	"strings"
	"sync"

	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/boundary"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

//go:generate go run ../cmd/internal/gen/attrmodel

// spanModel is the embedded span model (model_gen.go), decoded on first
// use; nil when none is embedded.
var spanModel = sync.OnceValue(func() *seqmodel.Model {
	if len(spanModelData) == 0 {
		return nil
	}
	m, err := seqmodel.Unmarshal(spanModelData)
	if err != nil {
		panic(err) // the embedded model is checked by the tests
	}
	return m
})

// model returns the span model x uses: English only, as the model is
// learned on English news.
func (x *Extractor) model() *seqmodel.Model {
	if x != nil && x.spanish {
		return nil
	}
	return spanModel()
}

func init() {
	seqmodel.Featurize = featurize
	boundary.Featurize = featurizeBounds
}

// boundsModel is the embedded boundary model (bounds_gen.go), decoded on
// first use; nil when none is embedded.
var boundsModel = sync.OnceValue(func() *boundary.Model {
	if len(boundsModelData) == 0 {
		return nil
	}
	m, err := boundary.Unmarshal(boundsModelData)
	if err != nil {
		panic(err) // the embedded model is checked by the tests
	}
	return m
})

// featurizeBounds returns the boundary choices of the source phrases the
// span model m gives for txt, before the boundary model moves any.
func featurizeBounds(txt string, m *seqmodel.Model) []boundary.Choice {
	if len(txt) == 0 || m == nil {
		return nil
	}
	var x Extractor
	a := annot.New(txt, text.Sentences(txt), pos.English())
	defer a.Release()
	mc, done := x.newModelCtx(a, m)
	defer done()
	var out []boundary.Choice
	mc.collect = &out
	forModelPieces(txt, a.Sentences, a.Extent(), mc.piece)
	mc.finish()
	return out
}

// modelScratch is the span model's per-call memory, pooled.
type modelScratch struct {
	info   []tokInfo
	h      seqmodel.Hasher
	dec    seqmodel.Scratch
	labels []seqmodel.Label
	spans  []seqmodel.Span
	owner  []int   // per span: the index in spans of its cue, or -1
	skip   []int32 // frameInfo: skip[i] > i when token i is marked
	para   []seqmodel.Label
	margin []float32 // per token labelled B-cue: its margin (see margin)
	tags   tagCache
	mlog   matchLog // the frames' lexicon matches by sentence
	bounds boundsCtx
}

// unmarked returns the first token at or after i that no frame marked
// yet (see mark), compressing the path it walked.
func (mc *modelCtx) unmarked(i int) int {
	skip := mc.ms.skip
	if i >= len(skip) {
		return i
	}
	r := i
	for int(skip[r]) != r {
		r = int(skip[r])
	}
	for int(skip[i]) != i {
		next := int(skip[i])
		skip[i] = int32(r)
		i = next
	}
	return r
}

var modelPool = sync.Pool{New: func() any { return new(modelScratch) }}

// modelCtx is the state of one Extract call with the span model.
type modelCtx struct {
	c    *ctx
	m    *seqmodel.Model
	ms   *modelScratch
	hand []Frame // the hand frames before the learned cue filter
	kept []bool  // per hand frame: the cue filter kept it
	used []bool  // per hand frame: a model cue took it over
	// chained marks the hand frames that keep their own spans: an "as
	// reported by X" chain, "view C as", "it is believed", "X is said
	// to", the cited Y of "X, citing Y, said C", and a quote the frames
	// carried over sentences or paragraphs, which the corpus marks only
	// in part.
	chained []bool
	// owned lists, by start, the content fragments of the chained frames
	// the cue filter kept: no other cue takes them.
	owned []span.Span
	order []int // hand frames by cue start
	// handBuf is handAt's result, reused from one cue to the next.
	handBuf []int
	cursor  int   // in order: the first frame of the current piece
	origin  []int // per output frame: the hand frame it comes from, or -1
	// prevCue is the first token of the last cue of the piece emitted
	// with a source, prevSrc that source (see sharedSource); prevCue is
	// -1 when there is none.
	prevCue int
	prevSrc span.Span
	// train, when set, receives each piece instead of decoding it.
	train func(toks []span.Span, seq *seqmodel.Seq, hand []seqmodel.Label)
	// collect, when set, receives the source phrases' boundary choices
	// instead of the boundary model moving them.
	collect *[]boundary.Choice
}

// newModelCtx runs the hand frames and the cue filter over txt and
// returns the state for the span model.
func (x *Extractor) newModelCtx(a *annot.Text, m *seqmodel.Model) (*modelCtx, func()) {
	txt := a.Src
	ms := modelPool.Get().(*modelScratch)
	ms.mlog.reset()
	frames := x.extractLogged(a, &ms.mlog)
	all := slices.Clone(frames)
	kept := make([]bool, len(all))
	j := 0
	for _, f := range filterCues(txt, frames, true) {
		for j < len(all) && !sameFrame(&all[j], &f) {
			j++
		}
		if j < len(all) {
			kept[j] = true
			j++
		}
	}
	sc := scratchPool.Get().(*scratch)
	c := &ctx{x: x, lex: x.lexicon(), text: txt, a: a, sc: sc, mlog: &ms.mlog}
	c.frames = make([]Frame, 0, len(all)+4)
	c.pronoun = sc.pronoun[:0]
	mc := &modelCtx{c: c, m: m, ms: ms, hand: all, kept: kept, used: make([]bool, len(all))}
	mc.chained = make([]bool, len(all))
	for i, f := range all {
		if v := f.ViaIndex; v >= 0 && v < len(all) && all[v].Rule == "as reported by X" {
			mc.chained[i], mc.chained[v] = true, true
		}
		if strings.HasSuffix(f.Lemma, " as") || f.Rule == "it is believed" || f.Rule == "X is said to" {
			// "view C as ...", whose cue is discontinuous, the agentless
			// "it is believed that C", which news seldom has for the
			// model to learn from, and "X is said to C", whose content
			// is discontinuous too ("X | to C"): the frames keep their
			// spans.
			mc.chained[i] = true
		}
		if strings.Contains(f.Rule, "quote continued") || f.Rule == citedRule {
			// A quote carried over, and Y of "X, citing Y, said C",
			// nested in X's attribution of the same content.
			mc.chained[i] = true
		}
	}
	for i, f := range all {
		if mc.chained[i] && kept[i] && f.Rule != citedRule {
			mc.owned = append(mc.owned, f.Content...)
		}
	}
	slices.SortFunc(mc.owned, func(a, b span.Span) int { return a.Start - b.Start })
	mc.order = make([]int, len(all))
	for i := range mc.order {
		mc.order[i] = i
	}
	slices.SortStableFunc(mc.order, func(a, b int) int { return all[a].Cue.Start - all[b].Cue.Start })
	done := func() {
		sc.pronoun = c.pronoun[:0]
		sc.matches = sc.matches[:0]
		sc.quotes = sc.quotes[:0]
		clear(sc.classes)
		clear(ms.tags[:])
		ms.bounds.release()
		scratchPool.Put(sc)
		modelPool.Put(ms)
	}
	return mc, done
}

// sameFrame reports whether a and b are one frame before and after the
// cue filter (which changes only ViaIndex).
func sameFrame(a, b *Frame) bool {
	return a.Rule == b.Rule && a.Cue == b.Cue && a.Source == b.Source && a.SourcePhrase == b.SourcePhrase
}

// extractModel is Extract with the span model: the model tags source,
// cue and content spans over the hand frames' proposals, and the hand
// frames give the rest (stance, nesting, addressees).
func (x *Extractor) extractModel(a *annot.Text, m *seqmodel.Model) []Frame {
	mc, done := x.newModelCtx(a, m)
	defer done()
	forModelPieces(a.Src, a.Sentences, a.Extent(), mc.piece)
	return mc.finish()
}

// featurize returns the pieces of txt with the span model's features.
func featurize(txt string) []seqmodel.Piece {
	var x Extractor
	if len(txt) == 0 {
		return nil
	}
	sentences := text.Sentences(txt)
	a := annot.New(txt, sentences, pos.English())
	defer a.Release()
	mc, done := x.newModelCtx(a, nil)
	defer done()
	var out []seqmodel.Piece
	mc.train = func(toks []span.Span, seq *seqmodel.Seq, hand []seqmodel.Label) {
		out = append(out, seqmodel.Piece{
			Hand:   hand,
			Tokens: slices.Clone(toks),
			Seq:    seqmodel.Seq{Feats: slices.Clone(seq.Feats), Off: slices.Clone(seq.Off)},
		})
	}
	forModelPieces(txt, sentences, a.Extent(), mc.piece)
	return out
}

// modelPiece is the least length of the pieces the span model reads:
// smaller than the frames' (pieceSize), so that the per-token state stays
// in the cache; a piece still ends at a paragraph break, or at maxPiece.
const modelPiece = 4 << 10

// forModelPieces calls f on the pieces the span model reads
// txt[ext.Start:ext.End] in: the frames' pieces (forPieces with
// pieceSize), each cut into pieces of at least modelPiece bytes. Every
// piece of the frames thus starts a piece of the model, so that a chunk
// of a long text that starts where a piece of the frames starts is read
// in the pieces the whole text is read in there (pieceStarts).
func forModelPieces(txt string, sentences []span.Span, ext span.Span, f func(base, end int, sentences []span.Span)) {
	forPieces(txt, sentences, ext, pieceSize, func(base, end int, inner []span.Span) {
		forPieces(txt, inner, span.Span{Start: base, End: end}, modelPiece, f)
	})
}

// piece tags the piece txt[base:end] and turns the spans into frames.
func (mc *modelCtx) piece(base, end int, sentences []span.Span) {
	c, ms := mc.c, mc.ms
	c.setPiece(base, end)
	toks := c.toks
	if len(toks) == 0 {
		return
	}
	c.sc.quotes = c.sc.quotes[:0]
	c.findQuotes()
	ms.info = slices.Grow(ms.info[:0], len(toks))[:len(toks)]
	clear(ms.info)
	mc.sentenceInfo(sentences)
	mc.frameInfo()
	ms.labels = slices.Grow(ms.labels[:0], len(toks))[:len(toks)]
	clear(ms.labels)
	ms.margin = slices.Grow(ms.margin[:0], len(toks))[:len(toks)]
	clear(ms.margin)
	// Runs of active sentences within a paragraph, each read as one
	// sequence.
	run := -1
	info := ms.info
	for a := 0; a < len(info); {
		sent, para := info[a].sent, info[a].para
		b := a + 1
		for b < len(info) && info[b].sent == sent && info[b].para == para {
			b++
		}
		act := mc.active(a, b)
		if run >= 0 && (!act || para != info[run].para) {
			mc.paragraph(run, a)
			run = -1
		}
		if act && run < 0 {
			run = a
		}
		a = b
	}
	if run >= 0 {
		mc.paragraph(run, len(toks))
	}
	if mc.train != nil {
		return
	}
	mc.anchorKept()
	ms.spans = seqmodel.AppendSpans(ms.spans[:0], ms.labels)
	mc.prevCue = -1
	mc.group()
	mc.emit()
}

// anchorKept labels as cues the cues of the outer frames the cue filter
// kept where the model tagged nothing, so that the model's sources and
// contents around them go to them ("“C” ― Edwin Cole" after another
// signed quote), not to a cue further away.
func (mc *modelCtx) anchorKept() {
	c, ms := mc.c, mc.ms
	lo, hi := c.toks[0].Span.Start, c.toks[len(c.toks)-1].Span.End
	for _, k := range mc.order[mc.cursor:] {
		f := &mc.hand[k]
		if f.Cue.Start >= hi {
			break
		}
		if !mc.kept[k] || f.ViaIndex >= 0 || f.Cue.Start < lo {
			continue
		}
		i, j := c.tokenAt(f.Cue.Start), c.tokenAt(f.Cue.End)
		free := i < j && j <= len(ms.labels)
		for t := i; free && t < j; t++ {
			free = ms.labels[t] == seqmodel.O
		}
		if !free {
			continue
		}
		ms.labels[i] = seqmodel.BCue
		for t := i + 1; t < j; t++ {
			ms.labels[t] = seqmodel.ICue
		}
	}
}

// active reports whether the sentence of tokens [a, b) may hold part of
// an attribution: a reporting cue of the lexicon, a hand frame or a
// quotation mark. The model reads only runs of those within a
// paragraph; the other tokens are all O.
func (mc *modelCtx) active(a, b int) bool {
	info := mc.ms.info
	for i := a; i < b; i++ {
		if t := &info[i]; !t.lex.empty() || !t.frame.empty() || t.quote != qOut {
			return true
		}
	}
	return false
}

// paragraph tags tokens [a, b) of the piece: a run of active sentences
// of one paragraph.
func (mc *modelCtx) paragraph(a, b int) {
	c, ms := mc.c, mc.ms
	ms.h.Reset()
	info := ms.info[a:b]
	toks := c.toks
	c.toks, c.tok0 = toks[a:b], c.tok0+a
	c.hashInfo(info, 0, len(info), &ms.tags)
	clauseScan(info)
	for i := range info {
		addFeatures(&ms.h, info, i)
		ms.h.Seq.Next()
	}
	c.toks, c.tok0 = toks, c.tok0-a
	if mc.train != nil {
		spans := make([]span.Span, b-a)
		hand := make([]seqmodel.Label, b-a)
		for i := range spans {
			spans[i] = toks[a+i].Span
			if t := &info[i]; t.kept == hvKept {
				hand[i] = frameLabels[staticNames[t.frame.n]]
			}
		}
		mc.train(spans, &ms.h.Seq, hand)
		return
	}
	ms.para = mc.m.Decode(&ms.h.Seq, &ms.dec, ms.para)
	copy(ms.labels[a:b], ms.para)
	for i, l := range ms.para {
		if l == seqmodel.BCue {
			ms.margin[a+i] = margin(&ms.dec, i) / mc.m.Scale
		}
	}
}

// sentenceInfo fills the sentence, paragraph, lexicon and quote
// information of the piece's tokens.
func (mc *modelCtx) sentenceInfo(sentences []span.Span) {
	c, info := mc.c, mc.ms.info
	for i := range info {
		info[i].sent = -1
	}
	c.eachSentence(sentences, func(si, a, b int) {
		sent, last := info[a:b], len(buckets)-1
		for k := range sent {
			sent[k].sent, sent[k].sentPos, sent[k].sentLeft = int32(si), buckets[min(k, last)], buckets[min(len(sent)-1-k, last)]
		}
		mc.lexInfo(a, b)
	})
	// The common cases are tested here, without a call: one byte between
	// two tokens (paragraphBreak) and a token outside any quotation
	// (quoteState).
	toks, inq, txt := c.toks[:len(info)], c.sc.inq[:len(info)], c.text
	var para int32
	for i := range info {
		t := &info[i]
		if i > 0 {
			e, s := toks[i-1].Span.End, toks[i].Span.Start
			if s-e == 1 && uint(e) < uint(len(txt)) {
				if txt[e] == '\n' {
					para++
				}
			} else if c.paragraphBreak(e, s) {
				para++
			}
			if t.sent < 0 {
				t.sent = info[i-1].sent
			}
		}
		t.para = para
		if inq[i] < 0 && toks[i].Kind != text.Quote {
			t.quote = qOut
		} else {
			t.quote = c.quoteState(i)
		}
	}
}

// The quote states of quoteState.
var (
	quoteStates                         = hvs("mark", "out", "open", "close", "in")
	qMark, qOut, qOpen, qClose, qInside = quoteStates[0], quoteStates[1], quoteStates[2], quoteStates[3], quoteStates[4]
)

// quoteState tells where token i stands in the quotations.
func (c *ctx) quoteState(i int) hv {
	r := c.region(i)
	switch {
	case r == nil && c.toks[i].Kind == text.Quote:
		return qMark
	case r == nil:
		return qOut
	case i == r.open:
		return qOpen
	case r.closed && (i == r.close || i+1 == r.close && c.pairFirst(i)):
		return qClose
	}
	return qInside
}

// lexInfo fills the lexicon tags of the tokens of sentence [a, b) and the
// distances to the nearest lexicon cue.
func (mc *modelCtx) lexInfo(a, b int) {
	c, info := mc.c, mc.ms.info
	matches, ok := c.mlog.find(c.tok0+a, c.tok0+b)
	if !ok {
		c.sc.matches = c.lex.m.AppendMatches(c.sc.matches[:0], c.toks[a:b])
		c.mlog.tmp = appendCues(c.mlog.tmp[:0], c.sc.matches, c.lex)
		matches = c.mlog.tmp
	}
	for _, m := range matches {
		in := c.lex.info[m.entry]
		ms, me := a+int(m.start), a+int(m.end)
		for i := ms; i < me; i++ {
			bi := 1
			if i == ms {
				bi = 0
			}
			if info[i].lex.empty() {
				info[i].lex, info[i].lemma = lexTags[bi][in.cat][in.stance&7], in.lemmaV
			}
		}
	}
	if len(matches) == 0 {
		// No cue in the sentence: no distance to one, and no break.
		for i := a; i < b; i++ {
			t := &info[i]
			t.cueLeft, t.brkLeft, t.cueRight, t.brkRight = hvNone, hvNone, hvNone, hvNone
		}
		return
	}
	// brk tells whether a clause break lies between the last cue and the
	// token; it matters only once a cue has been seen.
	last, brk := -1, false
	for i := a; i < b; i++ {
		if !info[i].lex.empty() {
			info[i].cueLeft, info[i].brkLeft, last, brk = hvIn, hvIn, i, false
			continue
		}
		info[i].cueLeft, info[i].brkLeft = hvNone, hvNone
		if last >= 0 {
			info[i].cueLeft, info[i].brkLeft, info[i].lemmaLeft = distBucket(i-last), hvBreak[b2i(brk)], info[last].lemma
			brk = brk || c.toks[i].Kind == text.Punct && clauseBreak(c.toks[i].Fold)
		}
	}
	last, brk = -1, false
	for i := b - 1; i >= a; i-- {
		if !info[i].lex.empty() {
			info[i].cueRight, info[i].brkRight, last, brk = hvIn, hvIn, i, false
			continue
		}
		info[i].cueRight, info[i].brkRight = hvNone, hvNone
		if last >= 0 {
			info[i].cueRight, info[i].brkRight, info[i].lemmaRight = distBucket(last-i), hvBreak[b2i(brk)], info[last].lemma
			brk = brk || c.toks[i].Kind == text.Punct && clauseBreak(c.toks[i].Fold)
		}
	}
}

// hvBreak tells whether a clause break lies between a token and the
// nearest lexicon cue.
var hvBreak = hvs("same", "break")

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// clauseBreak reports whether a folded token ends or opens a clause.
func clauseBreak(f string) bool {
	switch f {
	case ",", ";", ":", "--", "\u2014", "\u2013", "(", ")":
		return true
	}
	return false
}

// frameInfo marks the tokens of the piece with the roles of the hand
// frames over them: the frames the cue filter kept first, outer ones
// before nested ones.
func (mc *modelCtx) frameInfo() {
	c := mc.c
	mc.ms.skip = slices.Grow(mc.ms.skip[:0], len(c.toks)+1)[:len(c.toks)+1]
	for i := range mc.ms.skip {
		mc.ms.skip[i] = int32(i)
	}
	lo, hi := c.toks[0].Span.Start, c.toks[len(c.toks)-1].Span.End
	for mc.cursor < len(mc.order) && mc.hand[mc.order[mc.cursor]].Cue.Start < lo {
		mc.cursor++
	}
	end := mc.cursor
	for end < len(mc.order) && mc.hand[mc.order[end]].Cue.Start < hi {
		end++
	}
	for pass := range 3 {
		for _, k := range mc.order[mc.cursor:end] {
			f := &mc.hand[k]
			switch pass {
			case 0:
				if !mc.kept[k] || f.ViaIndex >= 0 {
					continue
				}
			case 1:
				if !mc.kept[k] || f.ViaIndex < 0 {
					continue
				}
			case 2:
				if mc.kept[k] {
					continue
				}
			}
			kept := hvDropped
			if mc.kept[k] {
				kept = hvKept
			}
			rule := dynamicHV(f.Rule, kindRule, k)
			mc.mark(f.SourcePhrase, seqmodel.Source, rule, kept)
			mc.mark(f.Cue, seqmodel.Cue, rule, kept)
			for _, s := range f.Content {
				mc.mark(s, seqmodel.Content, rule, kept)
			}
		}
	}
}

// mark gives the tokens of s that no frame covers yet the role r. The
// tokens already marked are skipped in amortized constant time, so that
// many frames over one long stretch cost time linear in the text.
func (mc *modelCtx) mark(s span.Span, r seqmodel.Role, rule, kept hv) {
	if s.IsEmpty() {
		return
	}
	c, info := mc.c, mc.ms.info
	for i := mc.unmarked(c.tokenAt(s.Start)); i < len(c.toks) && c.toks[i].Span.End <= s.End; i = mc.unmarked(i + 1) {
		mc.ms.skip[i] = int32(i + 1)
		bi := 1
		if i == 0 || c.toks[i-1].Span.End <= s.Start {
			bi = 0
		}
		info[i].frame, info[i].rule, info[i].kept = frameTags[bi][r], rule, kept
	}
}
