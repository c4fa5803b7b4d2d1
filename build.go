package hearsay

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/lexicon"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// builder turns what the extraction found in one text into the model.
type builder struct {
	doc *Document
	// text is the one tokenization of doc.Text; for a text read in
	// chunks, the tokens of its mentions (annot.Phrases).
	text      *annot.Text
	frames    []attribution.Frame
	hedges    []claim.Hedge
	negations []span.Span
	// named are the mentions of registry entities, when they were found
	// before (chunk by chunk in a long text) rather than in text.
	named []entity.Mention

	sourceOf    []string // per frame: entity ID of the source, or ""
	addresseeOf []string // per frame: entity ID of the addressee, or ""
	claimOf     []int    // per frame: index of its claim in doc.Claims, or -1
	// unresolved maps the lowercase text of a source the resolver left
	// without an entity to the entity made for it.
	unresolved map[string]string
}

// entities resolves the sources, addressees and affiliations the frames
// name, and the mentions of registry entities, into the document's
// entities.
func (b *builder) entities(r entity.Resolver, names *nameFinder, sources *entity.Classifier) {
	n := len(b.frames)
	src, addr, aff := make([]int, n), make([]int, n), make([]int, n)
	ms := make([]entity.Mention, 0, 2*n)
	add := func(m entity.Mention) int {
		ms = append(ms, m)
		return len(ms) - 1
	}
	bySpan := make(map[span.Span]int, n)
	for i, f := range b.frames {
		src[i], addr[i], aff[i] = -1, -1, -1
		if f.HasSource() {
			at := f.Source
			if !f.Antecedent.IsEmpty() {
				// A pronoun is its antecedent's mention: "The mayor, Jo
				// Park, toured the site. She said ..." is Jo Park's,
				// whether or not Jo Park was a source before.
				at = f.Antecedent
			}
			if k, ok := bySpan[at]; ok && !f.Antecedent.IsEmpty() {
				src[i] = k // the antecedent is an earlier source: one mention
			} else {
				src[i] = add(entity.Mention{Span: at, Kind: f.Kind, Anonymity: f.Anonymity})
				bySpan[at] = src[i]
			}
			// The affiliation a description names ("White House" in "a
			// senior White House official") is an entity of its own.
			// A nationality ("the Venezuelan leader") classifies as a
			// person and is left out: it is no actor of its own.
			if f.Affiliation != "" && (f.Source.Contains(f.AffiliationSpan) || f.Antecedent.Contains(f.AffiliationSpan)) {
				if k := f.AffiliationKind; k != entity.Person && k != 0 {
					aff[i] = add(entity.Mention{Span: f.AffiliationSpan, Kind: k, Anonymity: entity.Named})
				}
			}
		}
		if !f.Addressee.IsEmpty() {
			c := b.classify(sources, f.Addressee)
			addr[i] = add(entity.Mention{Span: f.Addressee, Kind: c.Kind, Anonymity: c.Anonymity})
		}
	}
	if names != nil {
		ms = names.appendMentions(ms, b.text.Tokens())
	}
	ms = append(ms, b.named...)
	res := stage.Resolve(r, b.text, ms).(entity.Resolution)
	b.doc.Entities = res.Entities
	id := func(m int) string {
		if m < 0 {
			return ""
		}
		return res.IDs[m]
	}
	byID := make(map[string]int, len(res.Entities))
	for k, e := range res.Entities {
		byID[e.ID] = k
	}
	b.sourceOf, b.addresseeOf = make([]string, n), make([]string, n)
	for i := range b.frames {
		b.sourceOf[i], b.addresseeOf[i] = id(src[i]), id(addr[i])
		if src[i] >= 0 {
			b.sourceOf[i] = b.ownSource(byID, b.sourceOf[i], i)
		}
		if a := id(aff[i]); a != "" && b.sourceOf[i] != "" && a != b.sourceOf[i] {
			if e := &b.doc.Entities[byID[b.sourceOf[i]]]; e.Affiliation == "" {
				e.Affiliation = a
			}
		}
	}
}

// classify grades the source phrase at p from the tokens of the text,
// or from the phrase alone when p cuts a token.
func (b *builder) classify(c *entity.Classifier, p span.Span) entity.Classification {
	toks, ok := b.text.Phrase(p, nil)
	if !ok {
		return c.Classify(p.Text(b.doc.Text))
	}
	return stage.Classify(c, p.Text(b.doc.Text), toks).(entity.Classification)
}

// ownSource returns the entity of frame i's source, whose mention was
// resolved to id: the pronoun of a resolved antecedent joins the
// antecedent's mentions, and a source the resolver left without an entity
// (a pronoun with no antecedent: "we", "you", "they" of nobody before)
// gets a vague entity, one for each such pronoun of the text, so that no
// source span is without one.
func (b *builder) ownSource(byID map[string]int, id string, i int) string {
	f := b.frames[i]
	if id == "" {
		// One entity for each unresolved pronoun ("we" of the text).
		key := strings.ToLower(f.Source.Text(b.doc.Text))
		if id, ok := b.unresolved[key]; ok {
			addMention(&b.doc.Entities[byID[id]], f.Source)
			return id
		}
		k := f.Kind
		if k == 0 {
			k = entity.Person
		}
		n := len(b.doc.Entities) + 1
		id = "e" + strconv.Itoa(n)
		for _, taken := byID[id]; taken; _, taken = byID[id] {
			n++
			id = "e" + strconv.Itoa(n)
		}
		byID[id] = len(b.doc.Entities)
		if b.unresolved == nil {
			b.unresolved = map[string]string{}
		}
		b.unresolved[key] = id
		b.doc.Entities = append(b.doc.Entities, entity.Entity{ID: id, Description: f.Source.Text(b.doc.Text),
			Kind: k, Anonymity: entity.Vague, Mentions: []span.Span{f.Source}})
		return id
	}
	if !f.Antecedent.IsEmpty() {
		addMention(&b.doc.Entities[byID[id]], f.Source)
	}
	return id
}

// addMention adds sp to the sorted mentions of e, once. Frames come
// mostly in text order, so it mostly appends.
func addMention(e *entity.Entity, sp span.Span) {
	if n := len(e.Mentions); n == 0 || span.Compare(e.Mentions[n-1], sp) < 0 {
		e.Mentions = append(e.Mentions, sp)
		return
	}
	if k, found := slices.BinarySearchFunc(e.Mentions, sp, span.Compare); !found {
		e.Mentions = slices.Insert(e.Mentions, k, sp)
	}
}

// pendingClaim is a claim before its ID is known.
type pendingClaim struct {
	spans []span.Span
	kind  claim.Kind
}

// claims makes a claim of the content of each attribution (one claim for
// attributions that share their content, as coordinated sources and via
// chains do) and of each sentence that holds no attributed content.
func (b *builder) claims() {
	s := b.doc.Text
	pend := make([]pendingClaim, 0, len(b.frames)+len(b.doc.Sentences))
	byContent := contentIndex{short: make(map[shortKey]int, len(b.frames))}
	b.claimOf = make([]int, len(b.frames))
	covered := make([]span.Span, 0, 2*len(b.frames))
	for i, f := range b.frames {
		b.claimOf[i] = -1
		if len(f.Content) == 0 {
			continue
		}
		if j, ok := byContent.get(f.Content); ok {
			b.claimOf[i] = j
			continue
		}
		// A content's kind shows at its end: its last fragment suffices.
		kind := kindOf(f.Content[len(f.Content)-1].Text(s))
		switch {
		case kind == claim.Question:
		case f.Form == attribution.Direct:
			kind = claim.Quote
		case f.Stance == attribution.Belief:
			kind = claim.Opinion
		}
		byContent.put(f.Content, len(pend))
		b.claimOf[i] = len(pend)
		pend = append(pend, pendingClaim{spans: f.Content, kind: kind})
		covered = append(covered, f.Content...)
	}
	nContent := len(pend)
	cov := overlapCursor{sorted: union(covered)}
	starts := atLeastCursor{sorted: b.frameStarts()}
	arena := make([]span.Span, 0, len(b.doc.Sentences)) // one-span lists, not sharing Sentences
	for _, sent := range b.doc.Sentences {
		// A sentence that starts inside attributed content (the second
		// sentence of a quote) is the source's, whatever comes before the
		// cue in it.
		if !cov.overlaps(sent) || !cov.startsIn(sent) && b.authorLeads(sent, &starts) {
			arena = append(arena, sent)
			pend = append(pend, pendingClaim{spans: arena[len(arena)-1 : len(arena) : len(arena)], kind: kindOf(sent.Text(s))})
		}
	}
	// IDs follow the text: order the claims by where they start.
	order := orderClaims(pend, nContent)
	rank := make([]int, len(pend))
	b.doc.Claims = make([]claim.Claim, len(pend))
	claimIDs := makeIDs("c", len(pend))
	for r, i := range order {
		rank[i] = r
		c := claim.New(claimIDs[r], s, pend[i].spans...)
		c.Kind = pend[i].kind
		b.doc.Claims[r] = c
	}
	for i, c := range b.claimOf {
		if c >= 0 {
			b.claimOf[i] = rank[c]
		}
	}
}

// orderClaims returns the indexes of the pending claims in the order of
// their first spans, stably: the claims of attributed content, the first
// n, in any order, then those of sentences, mostly in order already. It
// sorts each part and merges them, the content first on a tie, which is
// the stable sort of the whole.
func orderClaims(pend []pendingClaim, n int) []int {
	byStart := func(x, y int) int { return span.Compare(pend[x].spans[0], pend[y].spans[0]) }
	idx := make([]int, len(pend))
	for i := range idx {
		idx[i] = i
	}
	a, b := idx[:n], idx[n:]
	slices.SortStableFunc(a, byStart)
	if !slices.IsSortedFunc(b, byStart) {
		slices.SortStableFunc(b, byStart)
	}
	order := make([]int, 0, len(pend))
	for len(a) > 0 && len(b) > 0 {
		if byStart(b[0], a[0]) < 0 {
			order, b = append(order, b[0]), b[1:]
		} else {
			order, a = append(order, a[0]), a[1:]
		}
	}
	order = append(order, a...)
	return append(order, b...)
}

// frameStarts returns the sorted starts of every span of every frame.
func (b *builder) frameStarts() []int {
	starts := make([]int, 0, 4*len(b.frames))
	add := func(sp span.Span) {
		if !sp.IsEmpty() {
			starts = append(starts, sp.Start)
		}
	}
	for _, f := range b.frames {
		add(f.Source)
		add(f.Cue)
		add(f.Addressee)
		for _, sp := range f.Content {
			add(sp)
		}
	}
	slices.Sort(starts)
	return starts
}

// authorLeads reports whether a sentence that holds attributed content
// opens with a clause of the author's own: four words or more before the
// first source, cue or content in it ("Maduro has increased his reliance
// on Cuban security ..., as he fears that ..."). Such a sentence is an
// author's claim with the attribution nested inside it.
func (b *builder) authorLeads(sent span.Span, starts *atLeastCursor) bool {
	i := starts.find(sent.Start)
	first := sent.End
	if i < len(starts.sorted) && starts.sorted[i] < sent.End {
		first = starts.sorted[i]
	}
	return atLeastWords(b.doc.Text[sent.Start:first], 4)
}

// atLeastWords reports whether s holds at least n space-separated words.
func atLeastWords(s string, n int) bool {
	in := false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if !space && !in {
			if n--; n == 0 {
				return true
			}
		}
		in = !space
	}
	return false
}

// attributions makes an attribution of each frame that has content.
func (b *builder) attributions() {
	s := b.doc.Text
	ids := make([]string, len(b.frames))
	b.doc.Attributions = make([]attribution.Attribution, 0, len(b.frames))
	// One backing array holds the one-span lists of all attributions.
	arena := make([]span.Span, 0, 3*len(b.frames))
	one := func(sp span.Span) []span.Span {
		arena = append(arena, sp)
		return arena[len(arena)-1 : len(arena) : len(arena)]
	}
	n := 0
	attrIDs := makeIDs("a", len(b.frames))
	for i, f := range b.frames {
		if b.claimOf[i] < 0 {
			continue
		}
		ids[i] = attrIDs[n]
		n++
		a := attribution.Attribution{
			ID:      ids[i],
			Claim:   b.doc.Claims[b.claimOf[i]].ID,
			Cue:     attribution.Cue{Text: f.Cue.Text(s), Lemma: f.Lemma, Stance: f.Stance, Spans: one(f.Cue)},
			Content: attribution.Content{Spans: f.Content},
			Form:    f.Form,
			Rule:    f.Rule,
		}
		if f.Cue.IsEmpty() {
			a.Cue = attribution.Cue{}
		}
		if f.HasSource() {
			a.Source = attribution.Source{Entity: b.sourceOf[i], Spans: one(f.Source)}
		}
		if !f.Addressee.IsEmpty() {
			a.Addressee = attribution.Source{Entity: b.addresseeOf[i], Spans: one(f.Addressee)}
		}
		b.doc.Attributions = append(b.doc.Attributions, a)
	}
	k := 0
	for i, f := range b.frames {
		if ids[i] == "" {
			continue
		}
		if f.ViaIndex >= 0 && f.ViaIndex < len(ids) && f.ViaIndex != i {
			b.doc.Attributions[k].Via = ids[f.ViaIndex]
		}
		k++
	}
	// A via that would loop is dropped rather than kept broken.
	for _, i := range walkVia(b.doc.Attributions, attributionIndex(b.doc.Attributions)).closing {
		b.doc.Attributions[i].Via = ""
	}
}

// claimSpan is one span of a claim, for finding the claim around a cue.
type claimSpan struct {
	span.Span
	claim int
}

// claimIndex finds the innermost claim around a span among the claim
// spans, sorted by span.Compare.
type claimIndex struct {
	cs   []claimSpan
	next int // the last answer of after
}

// after returns the number of spans that start at or before t.Start. The
// hedges and negations come in text order, so it mostly moves forward
// from its last answer, and searches only when they do not.
func (x *claimIndex) after(t span.Span) int {
	cs := x.cs
	if x.next > 0 && cs[x.next-1].Start > t.Start {
		x.next, _ = slices.BinarySearchFunc(cs, t.Start+1, func(c claimSpan, start int) int { return c.Start - start })
		return x.next
	}
	for x.next < len(cs) && cs[x.next].Start <= t.Start {
		x.next++
	}
	return x.next
}

// inner returns the claim of the smallest span that contains t among the
// last 64 spans that start at or before t (claims nest far less deeply),
// the last of them on a tie; -1 when none does.
func (x *claimIndex) inner(t span.Span) int {
	cs := x.cs
	i := x.after(t)
	best := -1
	for j := i - 1; j >= 0 && j >= i-64; j-- {
		// A span that starts at or before cs[j] and contains t is at
		// least t.End-cs[j].Start long: once the best is no longer, no
		// span before can replace it.
		if best >= 0 && cs[best].Len() <= t.End-cs[j].Start {
			break
		}
		if cs[j].Contains(t) && (best < 0 || cs[j].Len() < cs[best].Len()) {
			best = j
		}
	}
	if best < 0 {
		return -1
	}
	return cs[best].claim
}

// assignHedges gives each hedge and negation the innermost claim around
// it, then sets each claim's certainty and polarity.
func (b *builder) assignHedges() {
	cs := make([]claimSpan, 0, len(b.doc.Claims)+len(b.frames))
	for i, c := range b.doc.Claims {
		for _, sp := range c.Spans {
			cs = append(cs, claimSpan{sp, i})
		}
	}
	slices.SortFunc(cs, func(x, y claimSpan) int { return span.Compare(x.Span, y.Span) })
	ix := &claimIndex{cs: cs}
	inner := ix.inner
	cues := make([]span.Span, 0, len(b.frames))
	for _, f := range b.frames {
		if !f.Cue.IsEmpty() {
			cues = append(cues, f.Cue)
		}
	}
	cov := overlapCursor{sorted: union(cues)}
	weakest := make([]claim.Certainty, len(b.doc.Claims))
	for i := range b.hedges {
		h := &b.hedges[i]
		c := inner(h.Span)
		if c < 0 {
			continue
		}
		h.Claim = b.doc.Claims[c].ID
		if h.Category.IsUncertainty() && !cov.overlaps(h.Span) {
			weakest[c] = weakest[c].Weaker(h.Level())
		}
	}
	negative := make([]bool, len(b.doc.Claims))
	for _, n := range b.negations {
		if c := inner(n); c >= 0 {
			negative[c] = true
		}
	}
	for i := range b.doc.Claims {
		c := &b.doc.Claims[i]
		c.Certainty = claim.Certain.Weaker(weakest[i])
		if c.Kind == claim.Question {
			c.Certainty = claim.Underspecified
		}
		if negative[i] {
			c.Polarity = claim.Negative
		}
	}
}

// makeIDs returns the IDs prefix1 ... prefixN as substrings of one string,
// so that a long document's IDs cost one allocation.
func makeIDs(prefix string, n int) []string {
	buf := make([]byte, 0, n*(len(prefix)+6))
	ends := make([]int, n)
	for i := range n {
		buf = append(buf, prefix...)
		buf = strconv.AppendInt(buf, int64(i+1), 10)
		ends[i] = len(buf)
	}
	all := string(buf)
	ids := make([]string, n)
	start := 0
	for i, end := range ends {
		ids[i] = all[start:end]
		start = end
	}
	return ids
}

// contentKey identifies a list of spans: attributions whose content has
// the same spans share one claim.
type contentKey struct {
	first, last span.Span
	n           int
	middle      string // the spans between first and last, when n > 2
}

// shortKey is the key of a list of one or two spans, most of them: a key
// without a string hashes faster.
type shortKey struct {
	first, last span.Span
	n           int
}

// contentIndex maps lists of spans to the index of their claim.
type contentIndex struct {
	short map[shortKey]int
	long  map[contentKey]int // lists of more than two spans
}

func (x *contentIndex) get(spans []span.Span) (int, bool) {
	if len(spans) <= 2 {
		j, ok := x.short[shortKey{spans[0], spans[len(spans)-1], len(spans)}]
		return j, ok
	}
	j, ok := x.long[keyOf(spans)]
	return j, ok
}

func (x *contentIndex) put(spans []span.Span, j int) {
	if len(spans) <= 2 {
		x.short[shortKey{spans[0], spans[len(spans)-1], len(spans)}] = j
		return
	}
	if x.long == nil {
		x.long = map[contentKey]int{}
	}
	x.long[keyOf(spans)] = j
}

func keyOf(spans []span.Span) contentKey {
	k := contentKey{first: spans[0], last: spans[len(spans)-1], n: len(spans)}
	if len(spans) > 2 {
		var b []byte
		for _, s := range spans[1 : len(spans)-1] {
			b = strconv.AppendInt(b, int64(s.Start), 10)
			b = append(b, '-')
			b = strconv.AppendInt(b, int64(s.End), 10)
			b = append(b, ',')
		}
		k.middle = string(b)
	}
	return k
}

// union returns the spans merged into disjoint, sorted spans.
func union(spans []span.Span) []span.Span {
	slices.SortFunc(spans, span.Compare)
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// overlapCursor tells whether spans overlap one of disjoint sorted
// spans, for queries that mostly come in text order: it moves forward
// from its last answer, and searches only when a query comes before it.
// Queries in text order (sentences, hedges) cost linear time in all; a
// query far ahead of the last one walks the spans between them.
type overlapCursor struct {
	sorted []span.Span // disjoint and sorted
	k      int         // the first span that ends after the last query's start
}

// overlaps reports whether t overlaps one of the spans.
func (c *overlapCursor) overlaps(t span.Span) bool {
	s := c.sorted
	if c.k > 0 && s[c.k-1].End > t.Start {
		c.k = endsAfter(s, t.Start)
	} else {
		for c.k < len(s) && s[c.k].End <= t.Start {
			c.k++
		}
	}
	return c.k < len(s) && s[c.k].Overlaps(t)
}

// startsIn reports whether t starts inside one of the spans, after its
// start; it must follow a call of overlaps with the same t.
func (c *overlapCursor) startsIn(t span.Span) bool {
	return c.k < len(c.sorted) && c.sorted[c.k].Start < t.Start && t.Start < c.sorted[c.k].End
}

// atLeastCursor finds the first of sorted ints at least as large as a
// query, for queries that mostly come in order: it moves forward from its
// last answer, and searches only when a query comes before it.
type atLeastCursor struct {
	sorted []int
	k      int
}

// find returns the index of the first int >= x, or len(c.sorted).
func (c *atLeastCursor) find(x int) int {
	if c.k > 0 && c.sorted[c.k-1] >= x {
		c.k, _ = slices.BinarySearch(c.sorted, x)
		return c.k
	}
	for c.k < len(c.sorted) && c.sorted[c.k] < x {
		c.k++
	}
	return c.k
}

// endsAfter returns the index of the first of the disjoint sorted spans
// that ends after start, or len(sorted).
func endsAfter(sorted []span.Span, start int) int {
	i, _ := slices.BinarySearchFunc(sorted, start, func(s span.Span, start int) int {
		if s.End <= start {
			return -1
		}
		return 1
	})
	return i
}

// nameFinder finds the mentions of registry entities in a text: their
// names, aliases and unique surnames, as a compiled phrase lexicon.
type nameFinder struct {
	m     *lexicon.Matcher
	kinds []entity.Kind // per lexicon entry
}

func newNameFinder(r *entity.Registry) (*nameFinder, error) {
	var entries []lexicon.Entry
	var kinds []entity.Kind
	seen := map[string]bool{}
	// addPhrase adds a phrase that the registry itself resolves to e, so
	// that the finder proposes no mention the registry would not take
	// ("Jr." of "Martin Luther King Jr." is no surname). Phrases the
	// lexicon syntax cannot hold (a word ending in "+" or "*", more than
	// lexicon.MaxWords words) are left out; Lookup still matches them
	// when extraction finds them as sources.
	addPhrase := func(p string, e entity.Entity) {
		key := text.Fold(p)
		words := strings.Fields(p)
		if len(words) == 0 || len(words) > lexicon.MaxWords || seen[key] || strings.ContainsAny(p, "\t#") {
			return
		}
		for _, w := range words {
			if len(w) > 1 && (strings.HasSuffix(w, "+") || strings.HasSuffix(w, "*")) {
				return
			}
		}
		if got, ok := r.Lookup(p); !ok || got.ID != e.ID {
			return
		}
		seen[key] = true
		entries = append(entries, lexicon.Entry{Phrase: strings.Join(words, " "), Category: "entity", File: "registry", Line: len(entries) + 1})
		kinds = append(kinds, e.Kind)
	}
	for e := range r.All() {
		addPhrase(e.Name, e)
		for _, a := range e.Aliases {
			addPhrase(a, e)
		}
		if e.Kind == entity.Person {
			for _, w := range strings.Fields(e.Name)[1:] {
				addPhrase(w, e) // the surname, if the registry takes it
			}
		}
	}
	m, err := lexicon.Compile(entries)
	if err != nil {
		return nil, fmt.Errorf("hearsay: registry names: %w", err)
	}
	return &nameFinder{m: m, kinds: kinds}, nil
}

// appendMentions appends the registry mentions among toks to ms.
func (f *nameFinder) appendMentions(ms []entity.Mention, toks []text.Token) []entity.Mention {
	for m := range f.m.All(toks) {
		at := span.New(toks[m.Start].Span.Start, toks[m.End-1].Span.End)
		ms = append(ms, entity.Mention{Span: at, Kind: f.kinds[m.Entry], Anonymity: entity.Named})
	}
	return ms
}
