package hearsay

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
)

//go:embed html.tmpl
var htmlTemplateText string

var htmlTemplate = template.Must(template.New("html").Parse(htmlTemplateText))

// Sizes that bound the page: see [Document.WriteHTML].
const (
	// htmlAllowance is the markup every document may use whatever the
	// size of its text, so that a short text keeps all its marks.
	htmlAllowance = 8 << 10
	// htmlLabelRunes caps every label, ID, cue and rule shown, so that
	// what is written for one attribution stays bounded.
	htmlLabelRunes = 80
	// htmlClaimHedges is the most hedges listed for one claim.
	htmlClaimHedges = 5
	// HTMLOverhead is the fixed part of a page of one document: the
	// page's head, style and script, the sourcing report, the legend and
	// the allowance of markup every document has.
	HTMLOverhead = 32 << 10
)

// ErrHTMLClosed is returned by [HTMLPage.Add] and [HTMLPage.Close] after
// the page was closed.
var ErrHTMLClosed = errors.New("hearsay: HTML page already closed")

// WriteHTML writes d as one self-contained HTML5 page: no network is
// needed to show it (the style and a small script are inline, fonts are
// the system's, the chart is inline SVG), so it can be mailed or
// archived.
//
// The page shows the text with its marks: each source phrase is boxed,
// solid for a named source, dashed for a described one, dotted for a
// vague one; each cue is underlined in a style of its stance (wavy for
// distancing, double for endorsing, dotted for tentative, ...); the
// content of an attributed claim is in italics on a shaded background;
// hedges are in small capitals, with their category, certainty and
// lexicon line as a tooltip. Styles differ by more than colour, and each
// mark starts with a visually hidden label for screen readers ("vague
// source:", "distancing cue:"). Beside the text: what a selected mark is
// (needs JavaScript), the sourcing report of [Document.Report] with a
// chart of the claims by named, described and vague source, no source and
// unattributed, and a legend. Below it, one collapsed <details> per
// attribution: its source and entity, anonymity, cue and stance, form,
// claim and certainty, addressee, via and chain length, and the rule that
// produced it. Selecting a mark shows the details of its attributions and
// their via chains beside the text; without JavaScript the marks, the
// report and the list stay.
//
// Every character of the text is shown as text, escaped as
// html/template escapes text; each line is a paragraph. Spans may nest,
// overlap and be discontinuous: the text is cut at every span boundary,
// and an element that crosses the end of another (or of a line) is
// closed and opened again, so the elements nest properly; writing takes
// time linear in the text, the marks and the output, after sorting the
// marks.
//
// The page is at most max(3·len(d.Text), E) + [HTMLOverhead] bytes,
// whatever the number of attributions, where E is the length of the
// escaped text (3 or 4 more bytes for each < > & " ' of the text): marks,
// paragraphs and details are written while they fit that budget, and the
// page says how many were left out. In news text none are.
//
// WriteHTML returns the error of [Document.Validate] when d is not
// valid, and [ErrInvalidUTF8] when its text is not UTF-8, before writing
// anything.
func (d *Document) WriteHTML(w io.Writer) error {
	var p HTMLPage
	if err := p.Add(w, "", d); err != nil {
		return err
	}
	return p.Close(w)
}

// HTMLPage writes several documents into one HTML page, each as its own
// section as [Document.WriteHTML] writes it, followed by a table of
// contents with the sourcing report over all of them (shown first by the
// page's style). Call Add for each document as it is ready, then Close
// once. Each call writes its part of the page to the writer it is given,
// so the parts may go to one stream as documents finish, or to buffers
// that are written out in order.
//
// The page holds for each document at most what [Document.WriteHTML]
// writes for it, plus a few hundred bytes of contents; names are
// shortened to 80 characters. The zero HTMLPage is ready to use; an
// HTMLPage is not safe for concurrent use.
type HTMLPage struct {
	// Title is the title of the page; "hearsay" when empty.
	Title string

	started, closed bool
	entries         []htmlEntry
	total           Report
}

// htmlEntry is one document in the table of contents.
type htmlEntry struct {
	ID, Name   string
	Claims     int
	Attributed string
}

// Add writes the section of d, named name (a file name, a headline; no
// heading when empty), writing the head of the page first if d is the
// first document. It returns the error of [Document.Validate] or
// [ErrInvalidUTF8] before writing anything when d cannot be shown.
func (p *HTMLPage) Add(w io.Writer, name string, d *Document) error {
	if p.closed {
		return ErrHTMLClosed
	}
	if err := d.Validate(); err != nil {
		return err
	}
	if !utf8.ValidString(d.Text) {
		return ErrInvalidUTF8
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if !p.started {
		if err := htmlTemplate.ExecuteTemplate(bw, "head", p.title()); err != nil {
			return err
		}
		p.started = true
	}
	id := "d" + strconv.Itoa(len(p.entries)+1)
	name = htmlShort(name)
	r := d.Report()
	if err := newHTMLDoc(d, id).write(bw, name, r); err != nil {
		return err
	}
	p.entries = append(p.entries, htmlEntry{ID: id, Name: cmp.Or(name, id), Claims: r.Claims, Attributed: htmlPct(r.Share(r.Attributed))})
	p.total.Add(r)
	return bw.Flush()
}

// Close writes the end of the page: the table of contents when there are
// several documents, and the script. A page closed without documents is
// a valid, empty page.
func (p *HTMLPage) Close(w io.Writer) error {
	if p.closed {
		return ErrHTMLClosed
	}
	p.closed = true
	bw := bufio.NewWriter(w)
	if !p.started {
		if err := htmlTemplate.ExecuteTemplate(bw, "head", p.title()); err != nil {
			return err
		}
	}
	if len(p.entries) > 1 {
		toc := struct {
			Entries []htmlEntry
			Report  htmlReport
		}{p.entries, newHTMLReport(p.total, "tr")}
		if err := htmlTemplate.ExecuteTemplate(bw, "toc", toc); err != nil {
			return err
		}
	}
	if err := htmlTemplate.ExecuteTemplate(bw, "tail", nil); err != nil {
		return err
	}
	return bw.Flush()
}

func (p *HTMLPage) title() string {
	if p.Title == "" {
		return "hearsay"
	}
	return htmlShort(p.Title)
}

// htmlDoc writes the section of one document.
type htmlDoc struct {
	d        *Document
	id       string // element ID of the section: "d1"
	ix       *index
	entities map[string]int
	claims   map[string]int
	hedgesOf map[string][]int
	// left is the markup, in bytes, the document may still use.
	left    int
	dropped int // marks left out
}

func newHTMLDoc(d *Document, id string) *htmlDoc {
	h := &htmlDoc{
		d:        d,
		id:       id,
		ix:       d.index(),
		entities: make(map[string]int, len(d.Entities)),
		claims:   make(map[string]int, len(d.Claims)),
		hedgesOf: map[string][]int{},
		left:     max(0, 3*len(d.Text)-htmlEscapedLen(d.Text)) + htmlAllowance,
	}
	for i, e := range d.Entities {
		h.entities[e.ID] = i
	}
	for i, c := range d.Claims {
		h.claims[c.ID] = i
	}
	for i, hd := range d.Hedges {
		if hd.Claim != "" {
			h.hedgesOf[hd.Claim] = append(h.hedgesOf[hd.Claim], i)
		}
	}
	return h
}

func (h *htmlDoc) write(w *bufio.Writer, name string, r Report) error {
	// The details of the attributions are written after the text but
	// budgeted first: they may use what the marks leave, and at least
	// half of the markup allowed.
	ms := h.marks()
	marksCost := 0
	for i := range ms {
		marksCost += len(ms[i].open) + len(htmlCloseTag[ms[i].role])
	}
	var details bytes.Buffer
	listed, err := h.details(&details, max(h.left/2, h.left-marksCost))
	if err != nil {
		return err
	}
	h.left -= details.Len()

	start := struct{ ID, Name, Lang string }{h.id, name, h.d.Lang.String()}
	if err := htmlTemplate.ExecuteTemplate(w, "docStart", start); err != nil {
		return err
	}
	h.writeText(w, ms)
	mid := struct {
		Report       htmlReport
		Attributions int
	}{newHTMLReport(r, h.id+"r"), len(h.d.Attributions)}
	if err := htmlTemplate.ExecuteTemplate(w, "docMid", mid); err != nil {
		return err
	}
	w.Write(details.Bytes())
	end := struct{ Left, Dropped int }{len(h.d.Attributions) - listed, h.dropped}
	return htmlTemplate.ExecuteTemplate(w, "docEnd", end)
}

// htmlAttr is what the details of one attribution show.
type htmlAttr struct {
	ID, Name, Via    string
	Source, Anon     string
	Cue, Stance      string
	Entity, CueInfo  string
	Addressee, Claim string
	ViaID, ViaName   string
	Depth            int
	Rule             string
}

// details writes one <details> element per attribution to b while they
// fit in budget bytes, and returns how many it wrote.
func (h *htmlDoc) details(b *bytes.Buffer, budget int) (int, error) {
	var one bytes.Buffer
	for i, a := range h.d.Attributions {
		one.Reset()
		if err := htmlTemplate.ExecuteTemplate(&one, "attr", h.attr(i, a)); err != nil {
			return i, err
		}
		if b.Len()+one.Len() > budget {
			return i, nil
		}
		b.Write(one.Bytes())
	}
	return len(h.d.Attributions), nil
}

func (h *htmlDoc) attr(i int, a attribution.Attribution) htmlAttr {
	d := h.d
	v := htmlAttr{
		ID:     h.id + "a" + strconv.Itoa(i),
		Name:   htmlShort(a.ID),
		Cue:    htmlShort(a.Cue.Text),
		Stance: htmlStanceClass(a.Cue.Stance),
		Rule:   htmlShort(a.Rule),
		Depth:  h.ix.via.depth[i],
	}
	if v.Cue == "" {
		v.Cue = "(no cue)"
	}
	var facts []string
	if e, ok := h.entity(a.Source.Entity); ok {
		v.Source = htmlShort(e.Label())
		v.Anon = htmlAnonClass(e.Anonymity)
		if e.Kind != 0 {
			facts = append(facts, e.Kind.String())
		}
		facts = append(facts, cmp.Or(e.Anonymity, entity.Named).String())
		if aff, ok := h.entity(e.Affiliation); ok {
			facts = append(facts, "of "+htmlShort(aff.Label()))
		}
		v.Entity = htmlShort(e.ID) + ": " + strings.Join(facts, ", ")
	} else {
		v.Anon = "x"
	}
	facts = facts[:0]
	if a.Cue.Stance != 0 {
		facts = append(facts, a.Cue.Stance.String())
	}
	if a.Form != 0 {
		facts = append(facts, a.Form.String())
	}
	if a.Cue.Lemma != "" {
		facts = append([]string{htmlShort(a.Cue.Lemma)}, facts...)
	}
	v.CueInfo = strings.Join(facts, ", ")
	if e, ok := h.entity(a.Addressee.Entity); ok {
		v.Addressee = htmlShort(e.Label())
	}
	if k, ok := h.claims[a.Claim]; ok {
		v.Claim = h.claimInfo(d.Claims[k])
	}
	if k, ok := h.ix.attr[a.Via]; ok && a.Via != "" {
		v.Via = strconv.Itoa(k)
		v.ViaID = h.id + "a" + v.Via
		via := d.Attributions[k]
		v.ViaName = htmlShort(via.ID)
		if e, ok := h.entity(via.Source.Entity); ok {
			v.ViaName += " " + htmlShort(e.Label())
		}
		if via.Cue.Text != "" {
			v.ViaName += " " + htmlShort(via.Cue.Text)
		}
	}
	return v
}

// claimInfo is one line about a claim: ID, kind, certainty, polarity
// when negative, and its first hedges with their category and rule.
func (h *htmlDoc) claimInfo(c claim.Claim) string {
	s := htmlShort(c.ID)
	var facts []string
	if c.Kind != 0 {
		facts = append(facts, c.Kind.String())
	}
	if c.Certainty != 0 {
		facts = append(facts, c.Certainty.String())
	}
	if c.Polarity == claim.Negative {
		facts = append(facts, "negative")
	}
	if len(facts) > 0 {
		s += ": " + strings.Join(facts, ", ")
	}
	hs := h.hedgesOf[c.ID]
	if len(hs) == 0 {
		return s
	}
	s += "; hedges:"
	for n, k := range hs {
		if n == htmlClaimHedges {
			s += fmt.Sprintf(" and %d more", len(hs)-n)
			break
		}
		if n > 0 {
			s += ","
		}
		s += " " + htmlShort(h.d.Hedges[k].Text) + " (" + htmlHedgeInfo(h.d.Hedges[k]) + ")"
	}
	return s
}

func (h *htmlDoc) entity(id string) (entity.Entity, bool) {
	if id == "" {
		return entity.Entity{}, false
	}
	k, ok := h.entities[id]
	if !ok {
		return entity.Entity{}, false
	}
	return h.d.Entities[k], true
}

// htmlHedgeInfo is the category, certainty and rule of a hedge.
func htmlHedgeInfo(hd claim.Hedge) string {
	s := hd.Category.String() + ", " + cmp.Or(hd.Certainty, hd.Category.Certainty()).String()
	if hd.Rule != "" {
		s += ", " + htmlShort(hd.Rule)
	}
	return s
}

// htmlReport is what the report template shows.
type htmlReport struct {
	ChartID string
	R       Report
	Height  int
	Summary string
	Bars    []htmlBar
	Rows    []htmlRow
	Kinds   string
	Top     []SourceCount
}

type htmlBar struct {
	Label, Fill, Pct string
	N, Y             int
	W, TX            string // one decimal
	Hatch            bool
}

type htmlRow struct {
	Label string
	N     int
	Pct   string
}

// The chart's bar colours, those of the source marks.
const (
	htmlNamedFill     = "#1f6f3f"
	htmlDescribedFill = "#a05a00"
	htmlVagueFill     = "#b03a2e"
	htmlNoSourceFill  = "#6b4fa0"
	htmlOwnFill       = "#bbbbbb"
)

func newHTMLReport(r Report, chartID string) htmlReport {
	v := htmlReport{ChartID: chartID, R: r}
	bars := []struct {
		label, fill string
		n           int
	}{
		{"named", htmlNamedFill, r.Named},
		{"described", htmlDescribedFill, r.Described},
		{"vague", htmlVagueFill, r.Vague},
		{"no source", htmlNoSourceFill, r.NoSource},
		{"unattributed", htmlOwnFill, r.Unattributed},
	}
	const barWidth = 130.0
	var summary []string
	for i, b := range bars {
		w := barWidth * r.Share(b.n)
		v.Bars = append(v.Bars, htmlBar{
			Label: b.label, Fill: b.fill, N: b.n, Pct: htmlPct(r.Share(b.n)),
			Y: i * 20, W: strconv.FormatFloat(w, 'f', 1, 64), TX: strconv.FormatFloat(88+w+4, 'f', 1, 64), Hatch: b.label == "unattributed",
		})
		summary = append(summary, fmt.Sprintf("%s %d", b.label, b.n))
	}
	v.Height = len(bars)*20 - 4
	v.Summary = fmt.Sprintf("Claims by source, of %d: %s", r.Claims, strings.Join(summary, ", "))
	for _, row := range []struct {
		label string
		n     int
	}{
		{"attributed", r.Attributed}, {"named", r.Named}, {"described", r.Described},
		{"vague", r.Vague}, {"no source", r.NoSource}, {"unattributed", r.Unattributed}, {"hedged", r.Hedged},
	} {
		v.Rows = append(v.Rows, htmlRow{row.label, row.n, htmlPct(r.Share(row.n))})
	}
	var kinds []string
	for k := entity.Person; k <= entity.Place; k++ {
		if n := r.SourcesByKind[k]; n > 0 {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
	}
	v.Kinds = strings.Join(kinds, ", ")
	for i, s := range r.TopSources {
		if i == 5 {
			break
		}
		v.Top = append(v.Top, SourceCount{Label: htmlShort(s.Label), Claims: s.Claims})
	}
	return v
}

func htmlPct(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) }

// htmlShort returns s cut to htmlLabelRunes code points, with an
// ellipsis when cut.
func htmlShort(s string) string {
	if len(s) <= htmlLabelRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == htmlLabelRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Class letters of the marks (see the style in html.tmpl).

func htmlAnonClass(a entity.Anonymity) string {
	switch a {
	case entity.Named, 0:
		return "n"
	case entity.Described:
		return "d"
	case entity.Vague:
		return "v"
	}
	return "x"
}

func htmlStanceClass(s attribution.Stance) string {
	if s == 0 || int(s) > len(htmlStanceLetters) {
		return ""
	}
	return htmlStanceLetters[s-1 : s]
}

// htmlStanceLetters has the class of each stance, in the order of the
// constants: neutral, distancing, endorsing, belief, tentative, citing,
// denial.
const htmlStanceLetters = "ndebtcx"

// htmlHedgeLetters has the class of each hedge category, in the order of
// the constants: epistemic, evidential, belief, tentative, conditional,
// inquiry, weasel, attribution, booster.
const htmlHedgeLetters = "evbtciwao"
