package attribution

// Quotations: where quotes open and close, the speakers of quotes, and
// quotes continued over sentences and paragraphs.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

func (c *ctx) isDouble(i int) bool {
	t := c.toks[i]
	if t.Kind == text.Quote && t.Fold == "'" {
		return c.pairFirst(i) || c.pairSecond(i) || c.singleOpensDouble(i)
	}
	return t.Kind == text.Quote && t.Fold == `"` || t.Kind == text.Punct && (t.Fold == "«" || t.Fold == "»")
}

// pairFirst and pairSecond report whether token i is the first or the
// second of two adjacent single quotes, ” written for a double quote.
func (c *ctx) pairFirst(i int) bool {
	return i+1 < len(c.toks) && c.toks[i].Kind == text.Quote && c.toks[i].Fold == "'" &&
		c.toks[i+1].Kind == text.Quote && c.toks[i+1].Fold == "'" && c.toks[i+1].Span.Start == c.toks[i].Span.End
}

func (c *ctx) pairSecond(i int) bool { return i > 0 && c.pairFirst(i-1) }

// opens reports whether the double quote at token i opens a quotation.
func (c *ctx) opens(i int) bool {
	if c.pairSecond(i) {
		i--
	}
	t := c.toks[i]
	r, _ := utf8.DecodeRuneInString(c.text[t.Span.Start:])
	switch r {
	case '“', '«', '„':
		return true
	case '”', '»':
		// A closing mark that opens a line opens it: a typo of news copy.
		p, _ := utf8.DecodeLastRuneInString(c.text[:t.Span.Start])
		return t.Span.Start == 0 || p == '\n'
	}
	if t.Span.Start == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(c.text[:t.Span.Start])
	if !(unicode.IsSpace(p) || p == '(' || p == '[' || p == '—' || p == '-' || p == ':') {
		return false
	}
	// A straight quote between spaces closes: "she said 'no,' " said X.
	e := c.toks[i].Span.End
	if c.pairFirst(i) {
		e = c.toks[i+1].Span.End
	}
	n, _ := utf8.DecodeRuneInString(c.text[e:])
	return e < len(c.text) && !unicode.IsSpace(n)
}

// findQuotes finds the quote regions of the piece: sc.quotes, sc.inq
// (each token's region) and sc.qprefix (quotation marks before each
// token).
func (c *ctx) findQuotes() {
	sc, toks := c.sc, c.toks
	if cap(sc.inq) < len(toks) {
		sc.inq = make([]int32, len(toks))
	}
	inq := sc.inq[:len(toks)]
	sc.inq = inq
	for i := range inq {
		inq[i] = -1
	}
	qprefix := slices.Grow(sc.qprefix[:0], len(toks)+1)[:len(toks)+1]
	qprefix[0] = 0
	sc.qprefix = qprefix
	var nq int32
	open, done := -1, -1
	for i := 0; i < len(toks); i++ {
		if open < 0 {
			// Outside a quote, words and numbers only extend qprefix: a
			// loop without calls, whose state stays in registers.
			for i < len(toks) && (toks[i].Kind == text.Word || toks[i].Kind == text.Number) {
				qprefix[i+1] = nq
				i++
			}
			if i == len(toks) {
				break
			}
		}
		t := &toks[i]
		if open >= 0 && i > 0 && c.paragraphBreak(toks[i-1].Span.End, t.Span.Start) {
			sc.closeQuote(open, i-1, false) // a paragraph ends an open quote
			open = -1
		}
		if t.Kind == text.Word || t.Kind == text.Number {
			qprefix[i+1] = nq // most tokens: no quotation mark
			continue
		}
		if t.Kind == text.Quote || t.Kind == text.Punct && (t.Fold == "«" || t.Fold == "»") {
			nq++
		}
		qprefix[i+1] = nq
		if i <= done || !c.isDouble(i) {
			continue
		}
		last := i
		if c.pairFirst(i) {
			last = i + 1 // '' is one mark
		}
		if c.opens(i) {
			if open >= 0 {
				sc.closeQuote(open, i-1, false)
			}
			open = i
			done = last
			continue
		}
		if open >= 0 {
			sc.closeQuote(open, last, true)
			open = -1
			done = last
		}
	}
	if open >= 0 {
		sc.closeQuote(open, len(toks)-1, false)
	}
}

// closeQuote records the quote region of tokens [open, end] and marks
// its tokens in inq.
func (sc *scratch) closeQuote(open, end int, closed bool) {
	r := int32(len(sc.quotes))
	sc.quotes = append(sc.quotes, qregion{open: open, close: end, closed: closed})
	for k := open; k <= end; k++ {
		sc.inq[k] = r
	}
}

// cover records that the quote closing at token i is content.
func (c *ctx) cover(i int) {
	c.covered = max(c.covered, c.toks[i].Span.End)
}

// region returns the quote region of token i, or nil.
func (c *ctx) region(i int) *qregion {
	if i < 0 || i >= len(c.sc.inq) || c.sc.inq[i] < 0 {
		return nil
	}
	return &c.sc.quotes[c.sc.inq[i]]
}

// quoted reports whether tokens [i, j) lie strictly inside one quotation.
func (c *ctx) quoted(i, j int) bool {
	r := c.region(i)
	return r != nil && r.open < i && j-1 < r.close || r != nil && !r.closed && r.open < i && j-1 <= r.close
}

// quoteLeads reports whether the sentence [a, ...) opens with a quotation
// that ends with a comma, a question or an exclamation mark just before
// the subject at ss: "'C,' X said ...".
func (c *ctx) quoteLeads(a, ss int) bool {
	q := ss - 1
	if q <= a || !c.isDouble(q) || c.opens(q) {
		return false
	}
	r := c.region(q)
	if r == nil || !r.closed || r.close != q || r.open > a {
		return false
	}
	p := q - 1
	if c.pairSecond(q) {
		p--
	}
	return p > r.open && (c.is(p, ",") || c.is(p, "?") || c.is(p, "!"))
}

// speakerColonRule is the rule of the frames speakerColon finds.
const speakerColonRule = "X: C"

// speakerColon handles a headline or transcript line that names its
// speaker before a colon: "Senator Smith: Tax Cuts Will Pass",
// "SMITH: Well, look ...".
func (c *ctx) speakerColon(a, e int) {
	s := a
	if s < e && c.isDouble(s) {
		s++
		if c.pairFirst(s - 1) {
			s++
		}
	}
	k := s
	for k < e && k-s < 5 && (c.capitalized(k) || c.is(k, "'s")) {
		k++
	}
	if k == s || k+3 > e || !c.is(k, ":") {
		return
	}
	switch c.fold(s) {
	case "note", "update", "updated", "watch", "photo", "video", "breaking", "related", "read", "editor's", "correction", "q", "a",
		"question", "answer", "name", "age", "city", "job", "pay", "excerpt", "source", "sources", "date", "title", "location", "subject", "topic", "summary", "caption", "credit", "disclaimer", "warning", "bottom", "the", "editor":
		return
	}
	fr := Frame{Rule: speakerColonRule, Cue: c.sp(k, k+1), Lemma: "say", Stance: Neutral}
	// A speaker who opens a paragraph speaks to its end, as in an
	// interview ("Q: ... A: ...") or a transcript.
	end := e
	if a == 0 || c.paragraphBreak(c.toks[a-1].Span.End, c.toks[a].Span.Start) {
		end = max(e, c.paragraphEnd(e))
	}
	fr.Content = append(fr.Content, c.sp(k+1, end))
	c.emit(fr, c.sp(s, k), -1)
}

// paragraphEnd returns the end of the content of the paragraph holding
// token e-1: the token after its last one, without a final period. It
// remembers the last paragraph found, so that a pass over the sentences
// of a paragraph reads it once.
func (c *ctx) paragraphEnd(e int) int {
	if e <= c.paraEnd {
		return c.end(e, c.paraEnd)
	}
	k := e
	for k < len(c.toks) && !c.paragraphBreak(c.toks[k-1].Span.End, c.toks[k].Span.Start) {
		k++
	}
	c.paraEnd = k
	return c.end(e, k)
}

func isDash(f string) bool { return f == "—" || f == "―" || f == "–" || f == "-" }

// dashSpeaker handles a quotation signed after a dash: "“C.” — Jane
// Doe", the convention of letters, vox pops and epigraphs.
func (c *ctx) dashSpeaker(a, e int) {
	for i := max(a, 1); i < e; i++ {
		if c.toks[i].Kind != text.Punct || !isDash(c.fold(i)) || !c.isDouble(i-1) || c.opens(i-1) {
			continue
		}
		r := c.region(i - 1)
		if r == nil || !r.closed || r.close != i-1 {
			continue
		}
		k := i + 1
		for k < e && c.toks[k].Kind == text.Punct && isDash(c.fold(k)) {
			k++
		}
		s := k
		for k < e && k-s < 8 && (c.isWord(k) || c.is(k, ",") || c.is(k, ".")) && !c.isDouble(k) {
			k++
		}
		if k == s || !c.capitalized(s) || k < e && !c.isDouble(k) {
			continue
		}
		for k > s && (c.is(k-1, ",") || c.is(k-1, ".")) {
			k--
		}
		c.cover(r.close)
		fr := Frame{Rule: "C — X", Cue: c.sp(i, s), Lemma: "say", Stance: Neutral}
		fr.Content = append(fr.Content, c.sp(r.open, i))
		c.emit(fr, c.sp(s, k), -1)
	}
}

// opensContent reports whether the content after a verb at token j
// starts the way reported speech does: "that", a question word, a colon
// or a quotation.
func (c *ctx) opensContent(j, e int) bool {
	if j < e && c.is(j, ",") {
		j++
	}
	if j >= e {
		return false
	}
	if c.isDouble(j) {
		return true
	}
	switch c.fold(j) {
	case "that", ":", "whether", "if", "what", "how", "why", "who", "when":
		return true
	}
	return false
}

// quoteAfterComma reports whether tokens j, j+1 are a comma and an opening
// quote (or a comma after an inverted source and then a quote).
func (c *ctx) quoteAfterComma(j, e int) bool {
	for k := j; k < e && k < j+30; k++ {
		if c.is(k, ",") && k+1 < e && c.isDouble(k+1) && c.opens(k+1) {
			return true
		}
		if !c.isWord(k) && !c.is(k, ",") && !c.is(k, "(") && !c.is(k, ")") {
			return false
		}
	}
	return false
}

// quoteFrom returns the quotation opening at or after token i (after an
// optional comma) up to its close.
func (c *ctx) quoteFrom(i, e int) span.Span {
	for i < e && (c.is(i, ",") || !c.isDouble(i)) {
		if c.isWord(i) {
			return span.Span{}
		}
		i++
	}
	r := c.region(i)
	if r == nil || r.open != i {
		return span.Span{}
	}
	c.cover(r.close)
	return c.sp(i, r.close+1)
}

// form tells direct, mixed or indirect from the quotation marks in the
// content.
func (c *ctx) form(content []span.Span) Form {
	isQ := func(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '«' || r == '»' }
	direct, quote := len(content) > 0, false
	for _, s := range content {
		r0, _ := utf8.DecodeRuneInString(c.text[s.Start:])
		r1, _ := utf8.DecodeLastRuneInString(c.text[:s.End])
		if !((isQ(r0) || r0 == '\'' || r0 == '‘') && isQ(r1)) || s.Len() < 2 {
			direct = false
		}
		i := c.tokenAt(s.Start)
		j := c.tokenAt(s.End)
		if c.sc.qprefix[j]-c.sc.qprefix[i] > 0 {
			quote = true
		}
	}
	switch {
	case direct:
		return Direct
	case quote:
		return Mixed
	}
	return Indirect
}

// tokenAt returns the index of the first token that starts at or after
// byte offset b.
func (c *ctx) tokenAt(b int) int {
	// sort.Search, written out: the frames ask this for many spans.
	lo, hi := 0, len(c.toks)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if c.toks[mid].Span.Start >= b {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// continuation attaches a sentence that is only a quotation, and holds no
// attribution of its own, to the quote of the previous sentence's speaker,
// or keeps it for the speaker of the next sentence.
func (c *ctx) continuation(a, b, n int) {
	if len(c.frames) > n {
		// The sentence has its own attribution: a quote waiting for a
		// speaker goes to its first direct one.
		if len(c.pending) > 0 {
			for i := n; i < len(c.frames); i++ {
				if c.frames[i].Form == Direct {
					var pre []span.Span
					for _, p := range c.pending {
						if !slices.Contains(c.frames[i].Content, p) {
							pre = append(pre, p)
						}
					}
					if len(pre) == 0 {
						break
					}
					c.frames[i].Content = append(pre, c.frames[i].Content...)
					c.frames[i].Rule += "; quote before speaker"
					break
				}
			}
			c.pending = c.pending[:0]
		}
		return
	}
	if c.toks[a].Span.Start < c.covered || !c.isDouble(a) || !c.opens(a) {
		c.pending = c.pending[:0]
		return
	}
	r := c.region(a)
	if r == nil || r.open != a {
		return
	}
	q := c.sp(a, r.close+1)
	if k := r.close + 1; k+1 < len(c.toks) && c.toks[k].Kind == text.Punct && isDash(c.fold(k)) && c.capitalized(k+1) {
		return // signed after the quote: "C" — X
	}
	// A paragraph that leaves its quote open for the next one, which
	// opens with a mark, is one quote with it: it waits for the next
	// paragraph's speaker, as do the quotes after it.
	if len(c.pending) > 0 || !r.closed && c.opensParagraph(a) && c.nextParagraphQuotes(r.close) {
		if r.close < b || !r.closed {
			c.pending = append(c.pending, q)
			c.cover(r.close)
		}
		return
	}
	// The direct quote of the previous frame, if it ended close by.
	if i := len(c.frames) - 1; i >= 0 {
		f := &c.frames[i]
		if f.Form == Direct || f.Form == Mixed {
			last := f.Content[len(f.Content)-1]
			if last.End > q.Start {
				return // the quote is inside that content already: "X: C. "D." ..."
			}
			if q.Start-last.End <= 400 && strings.Count(c.text[last.End:q.Start], "\n") <= 2 || c.openContinues(last, q) {
				f.Content = append(f.Content, q)
				f.Rule += "; quote continued"
				c.cover(r.close)
				// a coordinated source shares the content
				for j := i - 1; j >= 0 && c.frames[j].Cue == f.Cue; j-- {
					c.frames[j].Content = append(c.frames[j].Content, q)
				}
				return
			}
		}
	}
	if r.close < b {
		c.pending = append(c.pending, q)
		c.cover(r.close)
	}
}
