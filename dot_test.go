package hearsay_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

// Regenerate docs/article.svg, the README's picture of the article's
// attribution graph (needs Graphviz's dot on PATH):
//
//	go test -run TestDOTArticleSVG -update-svg .
var updateSVG = flag.Bool("update-svg", false, "rewrite docs/article.svg with dot -Tsvg")

func articleDOT(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	if err := loadGolden(t).WriteDOT(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestDOTArticle(t *testing.T) {
	got := articleDOT(t)
	if again := articleDOT(t); again != got {
		t.Error("two renderings of the same document differ")
	}
	if !strings.HasPrefix(got, "digraph hearsay {\n") || !strings.HasSuffix(got, "}\n") {
		t.Errorf("not one digraph:\n%s", got)
	}
	for _, want := range []string{
		"rankdir=LR",
		// Shapes by anonymity, fill by kind.
		`"entity:maduro" [label=<<b>Nicolás Maduro</b><br/><font point-size="8">person</font>>, shape=box, style="filled", fillcolor="#fde0c5"]`,
		`"entity:us-officials" [label=<<b>top U.S. officials</b><br/><font point-size="8">government · described</font>>, shape=ellipse, style="filled"`,
		`"entity:sources" [label=<<b>sources</b><br/><font point-size="8">group · vague</font>>, shape=ellipse, style="dashed,filled"`,
		// Claims as notes.
		`"claim:c4" [label=<<font point-size="8" color="#666666">c4 · statement · certain</font><br align="left"/>the Venezuelan leader fears<br align="left"/>`,
		`shape=note`,
		// Attributions styled by stance.
		`"entity:us-officials" -> "claim:c4" [label=<claim<br/><font point-size="8">distancing</font>>, style=dashed`,
		`"entity:wh-official" -> "claim:c19" [label=<told<br/><font point-size="8">neutral, direct</font>>`,
		`"entity:sources" -> "claim:c6" [label=<suggest<br/><font point-size="8">tentative, mixed</font>>, style=dotted`,
		// Via: the medium to the inner source, the outer claim to the inner.
		`"entity:axios" -> "entity:us-officials" [label=<as reported by<br/><font point-size="8">document</font>>`,
		`"claim:c4" -> "claim:c5" [label=<<font point-size="8">via</font>>, style=dotted`,
		`"claim:c2" -> "claim:c3" [label=<<font point-size="8">via</font>>, style=dotted`,
		// The addressee.
		`"entity:wh-official" -> "entity:axios" [label=<<font point-size="8">to</font>>`,
		// The author's claims.
		`<b>the author</b>`,
		`port="c11">This Cuban influence is not new</td>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	for _, unwanted := range []string{
		`"entity:axios" -> "claim:c4"`, // Axios is the medium, not a holder
		`"claim:c11" [`,                // an author's claim is a row
		`"entity:cuba"`,                // not a source
	} {
		if strings.Contains(got, unwanted) {
			t.Errorf("output has %s", unwanted)
		}
	}
}

// awkwardDoc has IDs and texts with quotes, backslashes, markup and
// control characters, and an agentless attribution.
func awkwardDoc() *hearsay.Document {
	text := `He said "a\b <c> & d" \` + "\x01" + `. It is believed that x\`
	at := func(sub string) span.Span {
		i := strings.Index(text, sub)
		return span.New(i, i+len(sub))
	}
	src := entity.Anonymous(`e"1\`, `the "man" <in> \ black\`, entity.Person, entity.Described)
	c1 := claim.New(`c"1\`, text, at(`"a\b <c> & d" \`))
	c2 := claim.New(`c2\`, text, at(`x\`))
	c3 := claim.New(`c3`, text, at("\x01"))
	a1 := attribution.New(`a1"`, c1.ID, src.ID, attribution.NewCue(text, at("said"), "say", attribution.Neutral), attribution.Direct)
	a2 := attribution.New(`a2`, c2.ID, "", attribution.NewCue(text, at("It is believed"), "believe", attribution.Belief), attribution.Indirect)
	return &hearsay.Document{
		Text: text, Entities: []entity.Entity{src},
		Claims:       []claim.Claim{c1, c2, c3},
		Attributions: []attribution.Attribution{a1, a2},
	}
}

func TestDOTEscaping(t *testing.T) {
	doc := awkwardDoc()
	if err := doc.Validate(); err != nil {
		t.Fatalf("test document: %v", err)
	}
	var b bytes.Buffer
	if err := doc.WriteDOT(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		`"entity:e%221%5C" [label=<<b>the &quot;man&quot; &lt;in&gt; \ black\</b>`,
		`"entity:e%221%5C" -> "claim:c%221%5C"`,
		`"none" [label=<<i>no source</i>>, shape=diamond`,
		`"none" -> "claim:c2%5C" [label=<It is believed`,
		`&quot;a\b &lt;c&gt; &amp; d&quot; \<br align="left"/>`,
		`port="c3">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s\n%s", want, got)
		}
	}
	if strings.ContainsRune(got, '\x01') {
		t.Error("a control character reached the output")
	}
	renderDOT(t, got)
}

// renderDOT runs dot -Tsvg on src and returns the SVG; it skips the test
// when dot is not installed.
func renderDOT(t *testing.T, src string) []byte {
	t.Helper()
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not on PATH")
	}
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s\n%s", err, stderr.Bytes(), src)
	}
	if !bytes.Contains(out, []byte("<svg")) {
		t.Fatalf("dot wrote no SVG:\n%s", out)
	}
	return out
}

// TestDOTArticleSVG renders the article's graph with Graphviz, and with
// -update-svg writes it to docs/article.svg.
func TestDOTArticleSVG(t *testing.T) {
	svg := renderDOT(t, articleDOT(t))
	for _, want := range []string{"top U.S. officials", "Nicolás Maduro", "as reported by", "the author"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if *updateSVG {
		if err := os.WriteFile(filepath.Join("docs", "article.svg"), svg, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDOTCluster(t *testing.T) {
	doc := awkwardDoc()
	var b bytes.Buffer
	b.WriteString("digraph corpus {\n")
	for _, name := range []string{"d1", "d2"} {
		if err := doc.WriteDOTCluster(&b, name, `a "label" <x>`); err != nil {
			t.Fatal(err)
		}
	}
	b.WriteString("}\n")
	got := b.String()
	for _, want := range []string{
		"subgraph cluster_d1 {\n  graph [label=<a &quot;label&quot; &lt;x&gt;>",
		"subgraph cluster_d2 {\n",
		`"d1/entity:e%221%5C" -> "d1/claim:c%221%5C"`,
		`"d2/none" -> "d2/claim:c2%5C"`,
		`"d2/author" [shape=plain`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s\n%s", want, got)
		}
	}
	if n := strings.Count(got, "digraph"); n != 1 {
		t.Errorf("%d digraphs, want 1", n)
	}
	renderDOT(t, got)
}
