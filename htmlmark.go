package hearsay

import (
	"bufio"
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/span"
)

// The roles of the marks in the text, in the order in which marks of the
// same extent nest, outermost first. Each role is its own element, so
// that a class letter says the rest.
const (
	roleContent uint8 = iota // <i>: the content of an attributed claim
	roleSource               // <b>: a source or addressee phrase
	roleCue                  // <u>: a cue
	roleHedge                // <em>: a hedge or booster
)

var (
	htmlOpenTag  = [...]string{"<i", "<b", "<u", "<em"}
	htmlCloseTag = [...]string{"</i>", "</b>", "</u>", "</em>"}
)

// htmlMark is one element of the marked text: a byte range of the text
// with one role and style, and the attributions it belongs to. Identical
// spans of one role and style (the content shared by the attributions of
// one claim, the cue of coordinated sources) are one mark.
type htmlMark struct {
	start, end int
	role       uint8
	class      byte  // style letter, 0 for none
	refs       []int // indexes of the attributions
	title      string
	open       string // the start tag
	pos        int    // index on the stack of open elements, -1 when closed
}

type htmlMarkKey struct {
	start, end  int
	role, class uint8
}

// marks returns the marks of the document, with their start tags.
func (h *htmlDoc) marks() []htmlMark {
	var ms []htmlMark
	at := map[htmlMarkKey]int{}
	add := func(s span.Span, role, class uint8, ref int, title string) {
		if s.IsEmpty() {
			return
		}
		k := htmlMarkKey{s.Start, s.End, role, class}
		i, ok := at[k]
		if !ok {
			i = len(ms)
			at[k] = i
			ms = append(ms, htmlMark{start: s.Start, end: s.End, role: role, class: class, title: title})
		}
		if ref >= 0 {
			if r := ms[i].refs; len(r) == 0 || r[len(r)-1] != ref {
				ms[i].refs = append(ms[i].refs, ref)
			}
		}
	}
	letter := func(s string) uint8 {
		if s == "" {
			return 0
		}
		return s[0]
	}
	for i, a := range h.d.Attributions {
		var form uint8
		switch a.Form {
		case attribution.Direct:
			form = 'q'
		case attribution.Mixed:
			form = 'm'
		}
		for _, s := range a.Content.Spans {
			add(s, roleContent, form, i, "")
		}
		anon := uint8('x')
		if e, ok := h.entity(a.Source.Entity); ok {
			anon = letter(htmlAnonClass(e.Anonymity))
		}
		for _, s := range a.Source.Spans {
			add(s, roleSource, anon, i, "")
		}
		anon = 'x'
		if e, ok := h.entity(a.Addressee.Entity); ok {
			anon = letter(htmlAnonClass(e.Anonymity))
		}
		for _, s := range a.Addressee.Spans {
			add(s, roleSource, anon, i, "")
		}
		stance := letter(htmlStanceClass(a.Cue.Stance))
		for _, s := range a.Cue.Spans {
			add(s, roleCue, stance, i, "")
		}
	}
	for _, hd := range h.d.Hedges {
		var class uint8
		if c := int(hd.Category); c >= 1 && c <= len(htmlHedgeLetters) {
			class = htmlHedgeLetters[c-1]
		}
		add(hd.Span, roleHedge, class, -1, htmlHedgeInfo(hd))
	}
	var b strings.Builder
	for i := range ms {
		m := &ms[i]
		b.Reset()
		b.WriteString(htmlOpenTag[m.role])
		if m.class != 0 {
			b.WriteString(" class=")
			b.WriteByte(m.class)
		}
		switch len(m.refs) {
		case 0:
		case 1:
			b.WriteString(" data-a=")
			b.WriteString(strconv.Itoa(m.refs[0]))
		default:
			b.WriteString(` data-a="`)
			for k, r := range m.refs {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strconv.Itoa(r))
			}
			b.WriteByte('"')
		}
		if m.title != "" {
			b.WriteString(` title="`)
			b.WriteString(template.HTMLEscapeString(m.title))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		m.open = b.String()
		m.pos = -1
		m.refs = nil
	}
	return ms
}

// writeText writes the text with its marks ms as properly nested elements.
//
// The text is cut at every start and end of a mark. At each cut, the
// marks that end there are closed; when one of them is not the innermost
// open element, the elements inside it are closed too and opened again
// after it, so that elements never cross. Then the marks that start there
// are opened, the longest first, so that the longer marks are the outer
// elements and need fewer cuts later. Each cut costs time in proportion
// to the tags it writes, so the whole is linear in the text, the marks and
// the output, after the marks are sorted.
//
// Each line of the text is a paragraph (<p>), while the budget allows:
// at a line's end every open element is closed and opened again in the
// next.
//
// A mark is opened only while its start and end tags fit in the markup
// budget h.left, counting the end tags of the open elements as spent;
// a mark that does not fit is left out from there on and counted in
// h.dropped.
func (h *htmlDoc) writeText(w *bufio.Writer, ms []htmlMark) {
	text := h.d.Text
	// byStart: by start, then longest first, then by role; byEnd: by end.
	byStart := make([]int32, len(ms))
	byEnd := make([]int32, len(ms))
	for i := range ms {
		byStart[i], byEnd[i] = int32(i), int32(i)
	}
	slices.SortFunc(byStart, func(a, b int32) int {
		x, y := &ms[a], &ms[b]
		return cmp.Or(cmp.Compare(x.start, y.start), cmp.Compare(y.end, x.end), cmp.Compare(x.role, y.role), cmp.Compare(a, b))
	})
	slices.SortFunc(byEnd, func(a, b int32) int { return cmp.Or(cmp.Compare(ms[a].end, ms[b].end), cmp.Compare(a, b)) })

	var stack, opening []int32
	dropped := make([]bool, len(ms))
	// next returns where the next paragraph starts after i: after the
	// next newline, or past the text.
	next := func(i int) int {
		if k := strings.IndexByte(text[i:], '\n'); k >= 0 && i+k+1 < len(text) {
			return i + k + 1
		}
		return len(text) + 1
	}
	w.WriteString("<p>")
	prev, si, ei, para := 0, 0, 0, next(0)
	for si < len(byStart) || ei < len(byEnd) || para <= len(text) {
		p := para
		if si < len(byStart) {
			p = min(p, ms[byStart[si]].start)
		}
		if ei < len(byEnd) {
			p = min(p, ms[byEnd[ei]].end)
		}
		htmlWriteEscaped(w, text[prev:p])
		prev = p

		// Close the marks that end at p, and whatever is open inside
		// them; at the start of a paragraph, close everything.
		low := len(stack)
		for ; ei < len(byEnd) && ms[byEnd[ei]].end == p; ei++ {
			if m := &ms[byEnd[ei]]; m.pos >= 0 && m.pos < low {
				low = m.pos
			}
		}
		split := p == para && h.left >= len(htmlParagraph)
		if split {
			low = 0
		}
		opening = opening[:0]
		for k := len(stack) - 1; k >= low; k-- {
			m := &ms[stack[k]]
			w.WriteString(htmlCloseTag[m.role])
			m.pos = -1
			if m.end > p {
				opening = append(opening, stack[k])
			}
		}
		stack = stack[:low]
		if split {
			w.WriteString(htmlParagraph)
			h.left -= len(htmlParagraph)
		}
		if p == para {
			para = next(p)
		}

		// Open what was cut and what starts at p, the longest first.
		for ; si < len(byStart) && ms[byStart[si]].start == p; si++ {
			opening = append(opening, byStart[si])
		}
		if len(opening) > 1 {
			slices.SortFunc(opening, func(a, b int32) int {
				x, y := &ms[a], &ms[b]
				return cmp.Or(cmp.Compare(y.end, x.end), cmp.Compare(x.role, y.role), cmp.Compare(a, b))
			})
		}
		for _, k := range opening {
			m := &ms[k]
			if dropped[k] {
				continue
			}
			cost := len(m.open) + len(htmlCloseTag[m.role])
			if cost > h.left {
				dropped[k] = true
				h.dropped++
				continue
			}
			h.left -= cost
			w.WriteString(m.open)
			m.pos = len(stack)
			stack = append(stack, k)
		}
	}
	// Every mark ends inside the text, so the stack is empty here.
	htmlWriteEscaped(w, text[prev:])
	w.WriteString("</p>")
}

// htmlParagraph ends a paragraph of the text and starts the next. Each
// line of the text is a paragraph, with its newline at its end: a block
// of its own is much cheaper for a browser to lay out than one block of
// megabytes.
const htmlParagraph = "</p><p>"

// htmlWriteEscaped writes s escaped as html/template escapes text.
func htmlWriteEscaped(w *bufio.Writer, s string) {
	if s != "" {
		w.WriteString(template.HTMLEscapeString(s))
	}
}

// htmlEscapedLen returns the length of s escaped by htmlWriteEscaped.
func htmlEscapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'', '&':
			n += 4 // &#34; &#39; &amp;
		case '<', '>':
			n += 3 // &lt; &gt;
		case 0:
			n += 2 // U+FFFD
		}
	}
	return n
}
