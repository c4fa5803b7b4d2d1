package hearsay

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
)

// WriteDOT writes the attribution graph of d in the DOT language of
// Graphviz, left to right: sources on the left, claims on the right.
//
//   - A source is a node shaped by its anonymity (named: box; described:
//     ellipse; vague: dashed ellipse; none: diamond) and filled by its
//     kind (person, government, media, document, ...).
//   - A claim is a note with its ID, kind and certainty and its text
//     shortened to a few lines.
//   - An attribution is an edge from its source to its claim, labeled
//     with the cue and its stance and styled by the stance: neutral
//     plain, distancing dashed orange, endorsing bold green, belief
//     purple, tentative dotted, document blue, denial bold red. An
//     agentless attribution comes from a shared "no source" diamond.
//   - A via-chain is drawn as it reads. When the outer attribution holds
//     the same claim ("officials, as reported by Axios, claim C"), its
//     edge goes from the outer source to the inner one (Axios -> the
//     officials -> C). When it holds another claim ("reports say that
//     Maduro fears C"), a dotted "via" edge goes from the outer claim to
//     the inner one, beside the inner source's own edge.
//   - The addressee of an attribution ("told Axios") is a dotted edge
//     from the source to the addressee.
//   - The claims no source holds are the rows of one node for the text's
//     author, each shortened to one line; the port of a row is the
//     claim's ID.
//
// Only entities that take part in an attribution are drawn. Node IDs are
// derived from model IDs with every unusual byte escaped, and labels are
// Graphviz HTML-like labels, so any text is safe. The output is
// deterministic: items come in model order. Render it with Graphviz:
//
//	dot -Tsvg graph.dot > graph.svg
//
// WriteDOT writes nothing and returns the error of [Document.Validate]
// when d is not valid.
func (d *Document) WriteDOT(w io.Writer) error {
	if err := d.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	g := dotWriter{w: bw, d: d}
	g.write()
	return bw.Flush()
}

// WriteDOTCluster writes the attribution graph of d as it [Document.WriteDOT]
// does, but as a cluster, "subgraph cluster_NAME { ... }", to go inside a
// digraph that the caller opens and closes: a corpus drawn as one graph,
// a cluster per document. The cluster is labeled with label, and every
// node ID starts with NAME and a slash, so that the nodes of two
// clusters never collide. NAME must consist of letters, digits and
// underscores.
func (d *Document) WriteDOTCluster(w io.Writer, name, label string) error {
	if err := d.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	g := dotWriter{w: bw, d: d, cluster: name, label: label}
	g.write()
	return bw.Flush()
}

// dotWriter holds the state of one WriteDOT call. Write errors surface at
// the final Flush of the bufio.Writer.
type dotWriter struct {
	w *bufio.Writer
	d *Document
	// cluster names the subgraph of WriteDOTCluster and prefixes every
	// node ID; empty for a whole graph.
	cluster, label string
}

// id returns the quoted DOT ID of a node: [dotID], prefixed with the
// cluster's name inside a cluster.
func (g *dotWriter) id(kind, id string) string {
	if g.cluster == "" {
		return dotID(kind, id)
	}
	return `"` + g.cluster + "/" + dotID(kind, id)[1:]
}

// Maximum shown text of a claim, in code points, and line width.
const (
	dotClaimRunes = 90
	dotLineRunes  = 34
	dotRowRunes   = 64 // a row of the author's table
)

// dotKindColor is the fill of a source node by entity kind.
var dotKindColor = map[entity.Kind]string{
	entity.Person:       "#fde0c5",
	entity.Organization: "#e3e3f7",
	entity.Government:   "#d4e6f7",
	entity.Agency:       "#cdeae3",
	entity.Media:        "#fff1a8",
	entity.Record:       "#e6e6e6",
	entity.Group:        "#ead8f3",
	entity.Place:        "#d8f0cf",
}

// dotStanceStyle is the edge attributes of an attribution by cue stance.
var dotStanceStyle = map[attribution.Stance]string{
	attribution.Neutral:    `color="#333333"`,
	attribution.Distancing: `style=dashed, color="#d35400", fontcolor="#d35400"`,
	attribution.Endorsing:  `style=bold, color="#1e8449", fontcolor="#1e8449"`,
	attribution.Belief:     `color="#7d3c98", fontcolor="#7d3c98"`,
	attribution.Tentative:  `style=dotted, color="#555555"`,
	attribution.Citing:     `color="#2e5c8a", fontcolor="#2e5c8a"`,
	attribution.Denial:     `style=bold, color="#c0392b", fontcolor="#c0392b"`,
}

func (g *dotWriter) printf(format string, args ...any) { fmt.Fprintf(g.w, format, args...) }

func (g *dotWriter) write() {
	d := g.d
	if g.cluster != "" {
		g.printf("subgraph cluster_%s {\n", g.cluster)
		g.printf("  graph [label=<%s>, labeljust=l, fontname=\"Helvetica\", color=\"#bbbbbb\"];\n", dotHTML(g.label))
	} else {
		g.printf("digraph hearsay {\n")
		g.printf("  graph [rankdir=LR, ranksep=0.5, nodesep=0.18, fontname=\"Helvetica\", bgcolor=\"white\"];\n")
	}
	g.printf("  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=white];\n")
	g.printf("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n")

	// A medium others are reported through is drawn to their sources.
	ix := d.index()

	// Sources: the entities that take part in an attribution.
	used := map[string]bool{}
	agentless := false
	for _, a := range d.Attributions {
		if a.Form == attribution.Unattributed {
			continue
		}
		if a.Source.Entity == "" {
			agentless = true
		}
		used[a.Source.Entity] = true
		used[a.Addressee.Entity] = true
	}
	g.printf("\n  // sources\n")
	for _, e := range d.Entities {
		if used[e.ID] {
			g.entity(e)
		}
	}
	if agentless {
		g.printf("  %s [label=<<i>no source</i>>, shape=diamond, fillcolor=\"#f4f4f4\"];\n", g.id("none", ""))
	}

	unattributed := d.Unattributed()
	own := make(map[string]bool, len(unattributed))
	for _, c := range unattributed {
		own[c.ID] = true
	}

	g.printf("\n  // claims\n")
	for _, c := range d.Claims {
		if own[c.ID] {
			continue
		}
		head := c.ID
		if c.Kind != 0 {
			head += " · " + c.Kind.String()
		}
		if c.Certainty != 0 {
			head += " · " + c.Certainty.String()
		}
		if c.Polarity == claim.Negative {
			head += " · negative"
		}
		g.printf("  %s [label=<<font point-size=\"8\" color=\"#666666\">%s</font><br align=\"left\"/>%s>, shape=note, fillcolor=\"#fffdf5\", color=\"#999999\"];\n",
			g.id("claim", c.ID), dotHTML(head), dotWrap(c.Text))
	}

	g.printf("\n  // attributions\n")
	for i, a := range d.Attributions {
		if a.Form == attribution.Unattributed {
			continue
		}
		from := g.source(a.Source.Entity)
		attrs := dotStanceStyle[a.Cue.Stance]
		if attrs == "" {
			attrs = `color="#333333"`
		}
		label := dotHTML(a.Cue.Text)
		var notes []string
		if a.Cue.Stance != 0 {
			notes = append(notes, a.Cue.Stance.String())
		}
		if a.Form == attribution.Direct || a.Form == attribution.Mixed {
			notes = append(notes, a.Form.String())
		}
		if len(notes) > 0 {
			label += `<br/><font point-size="8">` + dotHTML(strings.Join(notes, ", ")) + `</font>`
		}
		if ix.outer[i] {
			// The medium: drawn to each source reported through it.
			for _, k := range ix.inner[i] {
				in := d.Attributions[k]
				g.printf("  %s -> %s [label=<%s>, %s]; // %s via %s\n",
					from, g.source(in.Source.Entity), label, attrs, dotComment(in.ID), dotComment(a.ID))
			}
			continue
		}
		g.printf("  %s -> %s [label=<%s>, %s]; // %s\n", from, g.id("claim", a.Claim), label, attrs, dotComment(a.ID))
		if v, ok := ix.viaOf(d, a); ok && v.Claim != a.Claim {
			g.printf("  %s -> %s [label=<<font point-size=\"8\">via</font>>, style=dotted, color=\"#888888\", fontcolor=\"#888888\"]; // %s via %s\n",
				g.id("claim", v.Claim), g.id("claim", a.Claim), dotComment(a.ID), dotComment(v.ID))
		}
		if a.Addressee.Entity != "" {
			g.printf("  %s -> %s [label=<<font point-size=\"8\">to</font>>, style=dotted, color=\"#888888\", fontcolor=\"#888888\"]; // %s addressee\n",
				from, g.id("entity", a.Addressee.Entity), dotComment(a.ID))
		}
	}
	// The claims no source holds are rows of the author's node, so that
	// the author's many claims do not fan out over the whole picture.
	if len(unattributed) > 0 {
		g.printf("\n  // the author and the claims no source holds\n")
		g.printf("  %s [shape=plain, label=<<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\" color=\"#999999\" bgcolor=\"#fffdf5\">\n", g.id("author", ""))
		g.printf("    <tr><td colspan=\"2\" bgcolor=\"#eeeeee\"><b>the author</b> <font point-size=\"8\">(unattributed claims)</font></td></tr>\n")
		for _, c := range unattributed {
			g.printf("    <tr><td align=\"left\" valign=\"top\"><font point-size=\"8\" color=\"#666666\">%s</font></td><td align=\"left\" port=%q>%s</td></tr>\n",
				dotHTML(c.ID), escapeFragment(c.ID), dotHTML(dotShorten(c.Text, dotRowRunes)))
		}
		g.printf("  </table>>];\n")
	}

	g.printf("}\n")
}

// source returns the node ID of a source entity, or of the shared "no
// source" node for an empty ID.
func (g *dotWriter) source(id string) string {
	if id == "" {
		return g.id("none", "")
	}
	return g.id("entity", id)
}

// entity writes the node of a source.
func (g *dotWriter) entity(e entity.Entity) {
	shape, style := "box", "filled"
	switch e.Anonymity {
	case entity.Described:
		shape = "ellipse"
	case entity.Vague:
		shape, style = "ellipse", "dashed,filled"
	case entity.NoSource:
		shape = "diamond"
	}
	fill := dotKindColor[e.Kind]
	if fill == "" {
		fill = "#ffffff"
	}
	label := e.Label()
	if label == "" {
		label = e.ID
	}
	var about []string
	if e.Kind != 0 {
		about = append(about, e.Kind.String())
	}
	if e.Anonymity != 0 && e.Anonymity != entity.Named {
		about = append(about, e.Anonymity.String())
	}
	html := "<b>" + dotHTML(label) + "</b>"
	if len(about) > 0 {
		html += `<br/><font point-size="8">` + dotHTML(strings.Join(about, " · ")) + `</font>`
	}
	g.printf("  %s [label=<%s>, shape=%s, style=%q, fillcolor=%q];\n", g.id("entity", e.ID), html, shape, style, fill)
}

// dotID returns a quoted DOT ID "kind:id" in which every byte of id but
// letters, digits and "-._" is percent-escaped, so that it never holds
// a quote or a backslash.
func dotID(kind, id string) string {
	if id == "" {
		return `"` + kind + `"`
	}
	return `"` + kind + ":" + escapeFragment(id) + `"`
}

// dotComment returns s safe in a // comment: on one line.
func dotComment(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// dotHTML escapes s for a Graphviz HTML-like label: markup characters
// become entities, and invalid UTF-8 and control characters, which the
// XML parser of Graphviz rejects, become spaces or U+FFFD.
func dotHTML(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dotWrap shortens text to dotClaimRunes code points at a word boundary,
// with an ellipsis, and breaks it into left-aligned lines of about
// dotLineRunes, escaped for an HTML-like label.
func dotWrap(text string) string {
	text, cut := dotClip(text, dotClaimRunes)
	words := strings.Fields(strings.ToValidUTF8(text, "\uFFFD"))
	var lines []string
	var line strings.Builder
	total := 0
	for i, w := range words {
		n := utf8.RuneCountInString(w)
		if total+n > dotClaimRunes && total > 0 {
			cut = true
			break
		}
		if n > dotClaimRunes && i == 0 {
			w, cut = string([]rune(w)[:dotClaimRunes]), true
		}
		if line.Len() > 0 && utf8.RuneCountInString(line.String())+1+n > dotLineRunes {
			lines = append(lines, line.String())
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(w)
		total += n + 1
	}
	if cut {
		line.WriteString(" …")
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(dotHTML(l))
		b.WriteString(`<br align="left"/>`)
	}
	return b.String()
}

// dotShorten returns text with its spaces collapsed, cut at a word
// boundary to at most n code points with an ellipsis.
func dotShorten(text string, n int) string {
	text, cut := dotClip(text, n)
	words := strings.Fields(strings.ToValidUTF8(text, "\uFFFD"))
	var b strings.Builder
	total := 0
	for i, w := range words {
		k := utf8.RuneCountInString(w)
		if i > 0 && total+1+k > n {
			cut = true
			break
		}
		if i == 0 && k > n {
			w, k, cut = string([]rune(w)[:n]), n, true
		}
		if i > 0 {
			b.WriteByte(' ')
			total++
		}
		b.WriteString(w)
		total += k
	}
	if cut {
		b.WriteString(" …")
	}
	return b.String()
}

// dotClip cuts text to the bytes that can hold n code points after
// spaces are collapsed (at most 4n bytes of runes and 4n of spaces), so
// that shortening a long claim costs what is shown, not the claim. It
// reports whether it cut.
func dotClip(text string, n int) (string, bool) {
	limit := 8*n + 8
	if len(text) <= limit {
		return text, false
	}
	for limit > 0 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return text[:limit], true
}
