package attribution

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// group gives each source and content span the cue span it belongs to:
// the nearest cue of its sentence, or else of its paragraph, or else, for
// a content, the nearer of the
// last cue of the two paragraphs before (a quotation that runs on) and
// the first of the next paragraph (a signature). Spans with no cue are
// left out. It runs in time linear in the number of spans.
func (mc *modelCtx) group() {
	ms := mc.ms
	spans := ms.spans
	ms.owner = slices.Grow(ms.owner[:0], len(spans))[:len(spans)]
	prev := -1
	for k := range spans {
		ms.owner[k] = prev // the last cue before, for now
		if spans[k].Role == seqmodel.Cue {
			prev = k
		}
	}
	next := -1
	for k := len(spans) - 1; k >= 0; k-- {
		s := spans[k]
		if s.Role == seqmodel.Cue {
			ms.owner[k] = k
			next = k
			continue
		}
		ms.owner[k] = mc.pick(s, ms.owner[k], next)
	}
}

// pick chooses between the cue spans p (before s) and q (after s), either
// -1 when absent.
func (mc *modelCtx) pick(s seqmodel.Span, p, q int) int {
	info := mc.ms.info
	spans := mc.ms.spans
	dist := func(u int) int {
		if u < 0 {
			return 1 << 30
		}
		c := spans[u]
		if s.End <= c.Start {
			return c.Start - s.End
		}
		return s.Start - c.End
	}
	same := func(u int, sentence bool) bool {
		if u < 0 {
			return false
		}
		a, b := &info[s.Start], &info[spans[u].Start]
		if sentence {
			return a.sent == b.sent
		}
		return a.para == b.para
	}
	closer := func(ok func(int) bool) int {
		switch {
		case ok(p) && ok(q):
			if dist(q) < dist(p) {
				return q
			}
			return p
		case ok(p):
			return p
		case ok(q):
			return q
		}
		return -1
	}
	// A source, and a content, go first to a cue of their own sentence:
	// "C, the mayor said. D, according to a report" gives D to the report.
	if u := closer(func(u int) bool { return same(u, true) }); u >= 0 {
		return u
	}
	if u := closer(func(u int) bool { return same(u, false) }); u >= 0 {
		return u
	}
	if s.Role != seqmodel.Content {
		return -1
	}
	// A content alone in its paragraph: a quotation run on from the last
	// cue of the two paragraphs before, or signed in the next one ("―
	// Sonya Ruiz"); the nearer wins.
	back := p >= 0 && info[s.Start].para-info[spans[p].Start].para <= 2
	ahead := q >= 0 && info[spans[q].Start].para-info[s.Start].para <= 1
	switch {
	case back && ahead && dist(q) < dist(p), ahead && !back:
		return q
	case back:
		return p
	}
	return -1
}

// emit turns the cue spans of the piece, with their sources and
// contents, into frames: a cue that a hand frame also found keeps that
// frame's rule, stance and classification with the model's spans; a cue
// only the model found is named by the model and its strongest features.
func (mc *modelCtx) emit() {
	c, ms := mc.c, mc.ms
	var contents []span.Span
	for k, s := range ms.spans {
		if s.Role != seqmodel.Cue {
			continue
		}
		var src span.Span
		srcDist := 1 << 30
		contents = contents[:0]
		for j := max(0, k-8); j < min(len(ms.spans), k+9); j++ {
			if ms.owner[j] != k || j == k {
				continue
			}
			o := ms.spans[j]
			switch o.Role {
			case seqmodel.Source:
				if d := abs(o.Start - s.Start); d < srcDist {
					src, srcDist = c.sp(o.Start, o.End), d
				}
			case seqmodel.Content:
				contents = append(contents, c.sp(o.Start, o.End))
			}
		}
		// Contents further away than the window: a long run of spans
		// between is rare; they are found by a wider scan.
		contents = mc.farContents(k, contents)
		mc.emitCue(s, src, contents)
	}
}

// farContents adds the content spans owned by cue k that lie more than
// eight spans away.
func (mc *modelCtx) farContents(k int, contents []span.Span) []span.Span {
	ms := mc.ms
	for j := k + 9; j < len(ms.spans) && ms.spans[j].Role != seqmodel.Cue; j++ {
		if ms.owner[j] == k && ms.spans[j].Role == seqmodel.Content {
			contents = append(contents, mc.c.sp(ms.spans[j].Start, ms.spans[j].End))
		}
	}
	return contents
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// handAt returns the hand frames whose cue overlaps cue, best first: kept
// by the cue filter and outermost first. The slice is mc.handBuf, valid
// until the next call.
func (mc *modelCtx) handAt(cue span.Span) []int {
	out := mc.handBuf[:0]
	i := sort.Search(len(mc.order), func(i int) bool { return mc.hand[mc.order[i]].Cue.Start >= cue.Start-64 })
	for ; i < len(mc.order) && mc.hand[mc.order[i]].Cue.Start < cue.End; i++ {
		k := mc.order[i]
		if f := &mc.hand[k]; f.Cue.End > cue.Start && f.Rule != "as reported by X" {
			out = append(out, k)
		}
	}
	rank := func(k int) int {
		r := 0
		if !mc.kept[k] {
			r += 2
		}
		if mc.hand[k].ViaIndex >= 0 {
			r++
		}
		return r
	}
	slices.SortStableFunc(out, func(a, b int) int { return rank(a) - rank(b) })
	mc.handBuf = out
	return out
}

// emitCue emits the frames of the model cue s with source src (empty for
// none) and contents.
func (mc *modelCtx) emitCue(s seqmodel.Span, src span.Span, contents []span.Span) {
	c := mc.c
	cue := c.sp(s.Start, s.End)
	hand := mc.handAt(cue)
	content := mc.unowned(contents, hand)
	if len(hand) == 0 || !mc.kept[hand[0]] {
		// A cue the frames did not keep needs a content and a sure model,
		// and is none of the frames that keep their own spans (which
		// include the agentless passives the filter dropped: "X is said
		// to C").
		if len(content) == 0 || mc.ms.margin[s.Start] < newCueMargin || len(hand) > 0 && mc.chained[hand[0]] {
			return
		}
	}
	if len(hand) == 0 {
		lemma, stance := mc.lemma(s)
		cue = mc.toPreposition(cue, src, content)
		src = mc.clauseSource(src, cue)
		fr := Frame{Rule: mc.explain(s, cue), Cue: cue, Lemma: lemma, Stance: stance, Content: content}
		if moved := mc.source(src, cue, lemma, content); moved != src {
			src = moved
			fr.Rule += sourceBoundsRule
		}
		if trimmed, cue := mc.trimSource(src, cue); trimmed != src {
			src, fr.Cue = trimmed, cue
			fr.Rule += sourceTrimRule
		}
		mc.remember(s, src)
		mc.add(-1, func() { c.emit(fr, src, -1) })
		return
	}
	best := mc.hand[hand[0]]
	for _, k := range hand {
		mc.used[k] = true
	}
	if mc.kept[hand[0]] {
		// The kept frame's cue: on the cues both find, its boundaries are
		// right a little more often than the model's (dev).
		if !(best.Cue.Start == cue.Start && best.Cue.End < cue.End && mc.timeWords(best.Cue.End, cue.End)) {
			cue = best.Cue
		}
		if mc.chained[hand[0]] {
			// A via chain, which the corpus does not annotate, or another
			// frame that keeps its own spans (see modelCtx.chained).
			for _, k := range hand {
				if f := mc.hand[k]; f.Cue == best.Cue && mc.kept[k] {
					mc.add(k, func() { c.add(f) })
				}
			}
			return
		}
		// What the model leaves empty the frame gives.
		// A source after its cue keeps the cue of a relative clause of
		// its own, after its relative pronoun: "C, said X, who declined
		// to D" is X's, relative clause and all.
		holds := func(src span.Span) bool {
			if !mc.holdsCue(src) {
				return false
			}
			r := mc.relative(src)
			return src.Start < cue.End || r < 0 || mc.holdsCue(span.New(src.Start, r))
		}
		if src.IsEmpty() || mc.nameCut(src, best.SourcePhrase) || appositiveCut(src, best.SourcePhrase, mc.c.text) || holds(src) || mc.inCited(src) {
			src = best.SourcePhrase
			if holds(src) {
				// "X questioned A, blamed B and said C": the frame took
				// an object and the next verb for the source; the verbs
				// share the source of the cue before in the sentence.
				src = mc.sharedSource(s)
			}
		}
		if len(content) == 0 {
			// A copy: toComplementizer below may move its start, and
			// the frame's own content must stay as the frame found it.
			content = slices.Clone(best.Content)
		} else {
			mc.extendCut(content, best.Content)
			content = mc.addUntagged(content, best.Content)
		}
	}
	mc.toComplementizer(cue, content)
	cue = mc.toPreposition(cue, src, content)
	src = mc.clauseSource(src, cue)
	moved, trimmed := false, false
	if ranked := mc.source(src, cue, best.Lemma, content); ranked != src {
		src, moved = ranked, true
	}
	if ts, tc := mc.trimSource(src, cue); ts != src {
		src, cue, trimmed = ts, tc, true
	}
	mc.remember(s, src)
	if src == best.SourcePhrase {
		// The hand frame's source phrase: keep its conjuncts and their
		// classification.
		for _, k := range hand {
			f := mc.hand[k]
			if f.Cue != best.Cue || f.SourcePhrase != best.SourcePhrase {
				continue
			}
			f.Cue, f.Content = cue, content
			f.Form = c.form(content)
			mc.add(k, func() { c.add(f) })
		}
		return
	}
	fr := best
	fr.Cue, fr.Content = cue, content
	fr.Source, fr.SourcePhrase, fr.Antecedent = span.Span{}, span.Span{}, span.Span{}
	if moved {
		fr.Rule += sourceBoundsRule
	}
	if trimmed {
		fr.Rule += sourceTrimRule
	}
	mc.add(hand[0], func() { c.emit(fr, src, -1) })
}

// relative returns where the first relative pronoun of the phrase src
// starts ("X, who declined to D"), or -1.
func (mc *modelCtx) relative(src span.Span) int {
	c := mc.c
	for i := c.tokenAt(src.Start); i < len(c.toks) && c.toks[i].Span.End <= src.End; i++ {
		if f := c.toks[i].Fold; f == "who" || f == "which" || f == "whose" {
			return c.toks[i].Span.Start
		}
	}
	return -1
}

// holdsCue reports whether src holds the cue of a kept frame: a source
// never holds a cue ("A website quoting a judge said C" has the source
// "A website", the judge's attribution nested).
func (mc *modelCtx) holdsCue(src span.Span) bool {
	if src.IsEmpty() {
		return false
	}
	i := sort.Search(len(mc.order), func(i int) bool { return mc.hand[mc.order[i]].Cue.Start >= src.Start })
	for ; i < len(mc.order) && mc.hand[mc.order[i]].Cue.Start < src.End; i++ {
		k := mc.order[i]
		if f := &mc.hand[k]; mc.kept[k] && f.Cue.End <= src.End {
			return true
		}
	}
	return false
}

// remember keeps src as the source of cue s for sharedSource.
func (mc *modelCtx) remember(s seqmodel.Span, src span.Span) {
	if !src.IsEmpty() {
		mc.prevCue, mc.prevSrc = s.Start, src
	}
}

// sharedSource returns the source of the last cue emitted before cue s
// in its sentence, or none.
func (mc *modelCtx) sharedSource(s seqmodel.Span) span.Span {
	if mc.prevCue >= 0 && mc.ms.info[mc.prevCue].sent == mc.ms.info[s.Start].sent {
		return mc.prevSrc
	}
	return span.Span{}
}

// clauseSource returns the source of cue given src, the model's or the
// frame's. A participle cue after a comma, a conjunction or a
// preposition of manner or time ("Trump lashed out at Clinton on Monday,
// accusing her of C", "and saying", "while insisting", "began by
// saying", "before asking") takes the subject of its clause as clauseSubject
// finds it (the source of the last cue before it in the sentence, or a
// name or pronoun that opens the sentence) when src is empty or an object
// of the clause's verb ("Reid mocked Romney for ..., claiming C"); any
// other cue keeps src.
func (mc *modelCtx) clauseSource(src, cue span.Span) span.Span {
	c, info := mc.c, mc.ms.info
	i := c.tokenAt(cue.Start)
	if i <= 0 || i >= len(info) {
		return src
	}
	if !strings.HasSuffix(c.toks[i].Fold, "ing") {
		return src
	}
	k := i - 1
	if k > 0 && c.toks[k].Kind == text.Quote && c.toks[k-1].Fold == "," {
		k-- // `a “strong leader,” comparing`
	}
	switch c.toks[k].Fold {
	case ",", "and", "while", "after", "but", "before", "by", "without":
	default:
		return src
	}
	a, ok := mc.sentenceStart(i)
	// "X said C, citing Y" is X's: Y, the source the frame of "citing"
	// gives, is what X cites. "According to Y" keeps Y.
	cited := c.toks[i].Fold == "citing" && src.Start >= cue.End
	if !ok || !src.IsEmpty() && !cited && !mc.objectSource(src, a, i) {
		return src
	}
	if p := c.clauseSubject(a, k); !p.IsEmpty() {
		return p
	}
	// Else the noun phrase before the clause's first verb ("In 1986, the
	// Supreme Court blocked ..., citing C").
	for v := a; v < k; v++ {
		if mc.verbLike(v) {
			if st := c.np(a, v); st >= 0 && st < v {
				return c.sp(st, v)
			}
			break
		}
	}
	return src
}

// maxClauseReach bounds how far back, in tokens, clauseSource looks for
// the start of the sentence, so that a long sentence of many cues costs
// time linear in its length.
const maxClauseReach = 64

// sentenceStart returns the first token of the sentence of token i, and
// false when it lies more than maxClauseReach tokens before i.
func (mc *modelCtx) sentenceStart(i int) (int, bool) {
	info := mc.ms.info
	a := i
	for a > 0 && info[a-1].sent == info[i].sent {
		if i-a >= maxClauseReach {
			return 0, false
		}
		a--
	}
	return a, true
}

// objectSource reports whether src lies after the first verb of the
// sentence that starts at token a, and before token i.
func (mc *modelCtx) objectSource(src span.Span, a, i int) bool {
	for v := a; v < i; v++ {
		if mc.verbLike(v) {
			return src.Start > mc.c.toks[v].Span.Start && src.End <= mc.c.toks[i].Span.Start
		}
	}
	return false
}

// verbLike reports whether token i of the piece reads as the verb of a
// clause: a finite verb or a modal, a past participle, or a word the
// tagger does not know that ends in "ed" ("mocked").
func (mc *modelCtx) verbLike(i int) bool {
	t := &mc.ms.info[i]
	if t.finite || t.tag == vbnValue {
		return true
	}
	return t.tag == unknownTagValue && strings.HasSuffix(mc.c.toks[i].Fold, "ed")
}

// unknownTagValue is the feature value of the tag of a word the tagger's
// dictionary does not hold (pos.Tagger.Lexical's zero Tag).
var unknownTagValue = tagValues[0]

// vbnValue is the feature value of the tag VBN.
var vbnValue = func() hv {
	for i := range tagValues {
		if pos.Tag(i).String() == "VBN" {
			return tagValues[i]
		}
	}
	panic("no VBN tag")
}()

// toPreposition extends cue over the few words between it and the first
// fragment of content when they end in a preposition: the corpus marks
// a verb with its object and preposition as the cue ("likened the rules
// to", "accused Holt of", "asked Clinton about").
func (mc *modelCtx) toPreposition(cue, src span.Span, content []span.Span) span.Span {
	if len(content) == 0 || content[0].Start < cue.End {
		return cue
	}
	c := mc.c
	i, j := c.tokenAt(cue.End), c.tokenAt(content[0].Start)
	if j-i < 1 || j-i > maxPrepGap || j > len(c.toks) || src.Start < content[0].Start && src.End > cue.End {
		return cue
	}
	for t := i; t < j; t++ {
		if k := c.toks[t].Kind; k == text.Punct || k == text.Quote || k == text.Number {
			return cue
		}
	}
	switch c.toks[j-1].Fold {
	case "of", "to", "about", "for", "on", "as", "with", "against", "over":
		cue.End = c.toks[j-1].Span.End
	}
	return cue
}

// maxPrepGap is the most words toPreposition adds to a cue.
const maxPrepGap = 4

// timeWords reports whether the tokens between bytes a and b are all
// words of time ("Friday", "this week", "then"), which the corpus marks
// in the cue right after it ("said Friday"), but for the most part not
// before a "that" opening the content ("said Friday that C": 16 of 27
// in train).
func (mc *modelCtx) timeWords(a, b int) bool {
	c := mc.c
	if j := c.tokenAt(b); j < len(c.toks) && c.toks[j].Fold == "that" {
		return false
	}
	n := 0
	for i := c.tokenAt(a); i < len(c.toks) && c.toks[i].Span.End <= b; i++ {
		switch c.toks[i].Fold {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"today", "yesterday", "tonight", "then", "later", "earlier", "this", "last", "week",
			"month", "morning", "afternoon", "evening", "night":
			n++
		default:
			return false
		}
	}
	return n > 0
}

// unowned returns the contents that no chained frame (see modelCtx)
// other than those of hand holds: "Nobody will forget that." of a quote
// the frames carried over paragraphs to its speaker is not the next
// speaker's.
func (mc *modelCtx) unowned(contents []span.Span, hand []int) []span.Span {
	out := make([]span.Span, 0, len(contents))
	for _, s := range contents {
		i := sort.Search(len(mc.owned), func(i int) bool { return mc.owned[i].End > s.Start })
		taken := false
		for ; i < len(mc.owned) && mc.owned[i].Start < s.End && !taken; i++ {
			taken = !slices.ContainsFunc(hand, func(k int) bool { return slices.Contains(mc.hand[k].Content, mc.owned[i]) })
		}
		if !taken {
			out = append(out, s)
		}
	}
	return out
}

// newCueMargin is the least margin (see margin) of a cue that the cue
// filter did not keep (one no frame proposed, or one the filter dropped),
// in units of the trained weights. Such cues are the model's least
// precise: on dev, without the margin about 30% of them are right and
// cue F1 falls from 70.6 to 69.5; a margin of 2 to 20 gives 70.5-70.7.
const newCueMargin = 10

// margin returns how much more the features of token i weighed, in the
// last Decode with d, for opening a cue than for the best other label.
func margin(d *seqmodel.Scratch, i int) float32 {
	other := int32(math.MinInt32)
	for l := seqmodel.Label(0); l < seqmodel.NumLabels; l++ {
		if l != seqmodel.BCue {
			other = max(other, d.Emission(i, l))
		}
	}
	return float32(d.Emission(i, seqmodel.BCue) - other)
}

// addUntagged adds to content the spans of hand that the model left
// wholly untagged, in text order.
func (mc *modelCtx) addUntagged(content, hand []span.Span) []span.Span {
	c := mc.c
	n := len(content)
	for _, h := range hand {
		i, j := c.tokenAt(h.Start), c.tokenAt(h.End)
		free := i < j && j <= len(mc.ms.labels)
		for k := i; free && k < j; k++ {
			free = mc.ms.labels[k] == seqmodel.O
		}
		if free {
			content = append(content, h)
		}
	}
	if len(content) > n {
		slices.SortFunc(content, func(a, b span.Span) int { return a.Start - b.Start })
	}
	return content
}

// extendCut widens each fragment of content to the fragment of the
// frame's content around it when the model left the rest of that one
// untagged ("... for Russia" of "... for Russia, China, and Iran"; "The
// money is there" of "We will rebuild. The money is there").
func (mc *modelCtx) extendCut(content, hand []span.Span) {
	for i, f := range content {
		for _, h := range hand {
			if h.Start <= f.Start && f.End <= h.End && h != f &&
				mc.untagged(h.Start, f.Start) && mc.untagged(f.End, h.End) {
				content[i] = h
			}
		}
	}
}

// untagged reports whether the model tagged no token of the bytes
// [from, to).
func (mc *modelCtx) untagged(from, to int) bool {
	c := mc.c
	for k := c.tokenAt(from); k < len(c.toks) && c.toks[k].Span.End <= to; k++ {
		if k >= len(mc.ms.labels) || mc.ms.labels[k] != seqmodel.O {
			return false
		}
	}
	return true
}

// nameCut reports whether the model's source src is the start of the
// frame's source phrase p cut inside a name ("Sonya" of "Sonya Ruiz"):
// the rest of p is capitalized words.
func (mc *modelCtx) nameCut(src, p span.Span) bool {
	if src.Start != p.Start || src.End >= p.End {
		return false
	}
	rest := strings.Fields(mc.c.text[src.End:p.End])
	for _, w := range rest {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(rest) > 0
}

// appositiveCut reports whether the model's source src is the name at
// the end of the frame's source phrase p after a comma, "Ruth Adeyemi"
// of "The council's planning officer, Ruth Adeyemi": the description is
// the source's too.
func appositiveCut(src, p span.Span, text string) bool {
	return src.End == p.End && src.Start > p.Start && p.Start >= 0 && p.End <= len(text) &&
		strings.HasSuffix(strings.TrimRight(text[p.Start:src.Start], " "), ",")
}

// add runs emit, which appends frames to the output, and records where
// they came from.
func (mc *modelCtx) add(origin int, emit func()) {
	n := len(mc.c.frames)
	emit()
	for range len(mc.c.frames) - n {
		mc.origin = append(mc.origin, origin)
	}
}

// lemma returns the lemma and stance of a cue only the model found: the
// lexicon's when a lexicon cue starts it, else its first word, neutral.
func (mc *modelCtx) lemma(s seqmodel.Span) (string, Stance) {
	c := mc.c
	for i := s.Start; i < s.End; i++ {
		if n, e, ok := c.lex.m.Longest(c.toks, i); ok && n > 0 {
			if in := c.lex.info[e]; in.cat != cueNone {
				return in.lemma, in.stance
			}
		}
	}
	for i := s.Start; i < s.End; i++ {
		if c.isWord(i) {
			return c.fold(i), Neutral
		}
	}
	return c.fold(s.Start), Neutral
}

// explain names a cue only the model found: `model: cue "likened" (word
// likened, lex B verb neutral, ...)`, with the three features that weigh
// most for opening a cue at its first token.
func (mc *modelCtx) explain(s seqmodel.Span, cue span.Span) string {
	var h seqmodel.Hasher
	ex := explainer{mc: mc}
	explainFeatures(&h, mc.ms.info, s.Start, &ex)
	type fw struct {
		f seqmodel.Feature
		w int32
	}
	var top []fw
	for i, f := range ex.feats {
		if w := mc.m.Weight(h.Seq.Feats[i], seqmodel.BCue); w > 0 && (f.A != "" || f.T == fBias) {
			top = append(top, fw{f, w})
		}
	}
	slices.SortStableFunc(top, func(a, b fw) int { return int(b.w - a.w) })
	var b strings.Builder
	b.WriteString("model: cue ")
	b.WriteString(strconv.Quote(cue.Text(mc.c.text)))
	b.WriteString(" (")
	for i, t := range top[:min(3, len(top))] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(templateNames[t.f.T])
		if t.f.A != "" {
			b.WriteString(" " + t.f.A)
		}
		if t.f.B != "" {
			b.WriteString(" " + t.f.B)
		}
	}
	b.WriteString(")")
	return b.String()
}

// finish adds the hand frames the model did not take over: every frame
// the cue filter kept (the corpus leaves nested attributions, speakers
// of quotes across paragraphs and signatures unmarked, so the model's
// silence is no verdict on them) and the "as reported by X" layer of a
// via chain. Then it orders the frames
// by cue and links each to its outer one.
func (mc *modelCtx) finish() []Frame {
	c := mc.c
	for k := range mc.hand {
		f := mc.hand[k]
		if mc.used[k] || !(f.Rule == "as reported by X" || mc.kept[k]) {
			continue
		}
		f.ViaIndex = -1
		mc.handSource(k, &f)
		c.frames = append(c.frames, f)
		c.pronoun = append(c.pronoun, false)
		mc.origin = append(mc.origin, k)
	}
	perm := make([]int, len(c.frames))
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int { return c.frames[a].Cue.Start - c.frames[b].Cue.Start })
	frames := make([]Frame, len(perm))
	newIndex := make([]int32, len(mc.hand)) // hand frame -> output frame + 1
	for i, p := range perm {
		frames[i] = c.frames[p]
		if o := mc.origin[p]; o >= 0 && newIndex[o] == 0 {
			newIndex[o] = int32(i + 1)
		}
	}
	for i, p := range perm {
		frames[i].ViaIndex = -1
		if o := mc.origin[p]; o >= 0 && mc.hand[o].ViaIndex >= 0 {
			if v := int(newIndex[mc.hand[o].ViaIndex]) - 1; v >= 0 && v != i {
				frames[i].ViaIndex = v
			}
		}
	}
	cutTails(c.text, frames)
	c.frames = frames
	c.finish()
	return c.frames
}
