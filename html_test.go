package hearsay_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"html/template"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/corpus"
	"github.com/hearsay-go/hearsay/span"
)

// htmlVoid lists the void elements the page uses.
var htmlVoid = map[string]bool{"meta": true, "br": true}

// parsedPage is what checkPage reads from a page.
type parsedPage struct {
	texts []string          // the text of each <div class="t">, unescaped
	inner []string          // the markup inside each <div class="t">
	refs  []map[int]bool    // attribution indexes of the marks of each text
	ids   map[string]bool   // element IDs
	tags  map[string]int    // elements by name
	attrs map[string]string // element ID -> data-v
}

// checkPage parses page as (non-strict) XML, token by token, and fails
// the test unless every element is closed in order and IDs are unique.
// The page's own markup is written to read as XML (see html.tmpl).
func checkPage(t *testing.T, page []byte) parsedPage {
	t.Helper()
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n<html lang=\"en\">")) || !bytes.HasSuffix(page, []byte("</html>\n")) {
		t.Fatalf("not one HTML page: %.80q ... %q", page, page[max(0, len(page)-40):])
	}
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var p parsedPage
	p.ids, p.tags, p.attrs = map[string]bool{}, map[string]int{}, map[string]string{}
	var stack []string
	inText := -1 // depth of the open <div class="t">, or -1
	var text, inner strings.Builder
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			p.tags[name]++
			var class, id string
			for _, a := range tok.Attr {
				switch a.Name.Local {
				case "id":
					id = a.Value
				case "class":
					class = a.Value
				case "data-a":
					if inText >= 0 {
						for f := range strings.FieldsSeq(a.Value) {
							n, err := strconv.Atoi(f)
							if err != nil {
								t.Errorf("data-a=%q", a.Value)
							}
							p.refs[len(p.refs)-1][n] = true
						}
					}
				case "data-v":
					p.attrs[id] = a.Value
				}
			}
			if id != "" {
				if p.ids[id] {
					t.Errorf("duplicate id %q", id)
				}
				p.ids[id] = true
			}
			if inText >= 0 {
				inner.WriteString("<" + name)
				for _, a := range tok.Attr {
					inner.WriteString(" " + a.Name.Local + "=" + strconv.Quote(a.Value))
				}
				inner.WriteString(">")
			}
			if name == "div" && class == "t" {
				if inText >= 0 {
					t.Fatal("text inside text")
				}
				inText = len(stack)
				text.Reset()
				inner.Reset()
				p.refs = append(p.refs, map[int]bool{})
			}
			if !htmlVoid[name] {
				stack = append(stack, name)
			}
		case xml.EndElement:
			name := tok.Name.Local
			if htmlVoid[name] {
				continue
			}
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Fatalf("</%s> closes %v", name, stack)
			}
			stack = stack[:len(stack)-1]
			if inText == len(stack) {
				p.texts = append(p.texts, text.String())
				p.inner = append(p.inner, inner.String())
				inText = -1
			} else if inText >= 0 {
				inner.WriteString("</" + name + ">")
			}
		case xml.CharData:
			if inText >= 0 {
				text.Write(tok)
				inner.WriteString(xmlEscape(string(tok)))
			}
		}
	}
	if len(stack) > 0 {
		t.Fatalf("elements left open: %v", stack)
	}
	return p
}

// xmlEscape escapes what must be escaped in text: < and &.
var xmlEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace

func writeHTML(t *testing.T, doc *hearsay.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := doc.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// at returns the span of the n-th (from 0) occurrence of sub in text.
func at(text, sub string, n int) span.Span {
	i := -1
	for range n + 1 {
		k := strings.Index(text[i+1:], sub)
		if k < 0 {
			panic("no " + sub)
		}
		i += 1 + k
	}
	return span.New(i, i+len(sub))
}

// saidDoc is a valid document over text with one attribution for each
// triple of source, cue and content spans; attribution k holds claim k
// and is reported via attribution k-1 when nested is set.
func saidDoc(text string, nested bool, triples ...[3][]span.Span) *hearsay.Document {
	d := &hearsay.Document{Text: text}
	d.Entities = []entity.Entity{
		entity.New("e0", "X", entity.Person),
		entity.Anonymous("e1", "officials", entity.Government, entity.Described),
		entity.Anonymous("e2", "sources", entity.Group, entity.Vague),
	}
	for k, tr := range triples {
		id := "a" + strconv.Itoa(k)
		c := claim.New("c"+strconv.Itoa(k), text, tr[2]...)
		d.Claims = append(d.Claims, c)
		cue := attribution.Cue{Text: claim.JoinText(text, tr[1]), Lemma: "say", Stance: attribution.Stance(1 + k%7), Spans: tr[1]}
		a := attribution.New(id, c.ID, "e"+strconv.Itoa(k%3), cue, attribution.Indirect).WithSource(tr[0]...).WithContent(tr[2]...)
		if nested && k > 0 {
			a = a.Through("a" + strconv.Itoa(k-1))
		}
		d.Attributions = append(d.Attributions, a)
	}
	return d
}

func spans(s ...span.Span) []span.Span { return s }

// TestHTMLMarks checks how spans that nest, cross, coincide or break
// become elements, on the markup of the text.
func TestHTMLMarks(t *testing.T) {
	const said = "X said Y."
	withHedge := saidDoc(said, false, [3][]span.Span{spans(at(said, "X", 0)), spans(at(said, "said", 0)), spans(at(said, "Y", 0))})
	withHedge.Hedges = []claim.Hedge{claim.NewHedge(said, at(said, "said", 0), claim.Sourcing)}

	const crossing = "abcdef"
	cross := saidDoc(crossing, false, [3][]span.Span{spans(span.New(2, 6)), nil, spans(span.New(0, 4))})

	const quote = `"One," X said. "Two."`
	quoted := saidDoc(quote, false, [3][]span.Span{spans(at(quote, "X", 0)), spans(at(quote, "said", 0)),
		spans(at(quote, `"One,"`, 0), at(quote, `"Two."`, 0))})
	quoted.Attributions[0].Form = attribution.Direct

	const chain = "X said that officials said that sources said it."
	nested := saidDoc(chain, true,
		[3][]span.Span{spans(at(chain, "X", 0)), spans(at(chain, "said", 0)), spans(span.New(12, len(chain)-1))},
		[3][]span.Span{spans(at(chain, "officials", 0)), spans(at(chain, "said", 1)), spans(span.New(32, len(chain)-1))},
		[3][]span.Span{spans(at(chain, "sources", 0)), spans(at(chain, "said", 2)), spans(at(chain, "it", 0))},
	)

	// Two attributions of one claim share its content: one mark.
	const two = "Officials, as reported by X, claim Y."
	shared := saidDoc(two, false,
		[3][]span.Span{spans(at(two, "X", 0)), spans(at(two, "as reported by", 0)), spans(at(two, "Y", 0))},
		[3][]span.Span{spans(at(two, "Officials", 0)), spans(at(two, "claim", 0)), spans(at(two, "Y", 0))},
	)
	shared.Claims = shared.Claims[:1]
	shared.Attributions[1].Claim = "c0"
	shared.Attributions[1].Via = "a0"

	const lines = "X said\nY\n\nZ."
	multiline := saidDoc(lines, false, [3][]span.Span{spans(at(lines, "X", 0)), spans(at(lines, "said", 0)), spans(at(lines, "Y\n\nZ", 0))})

	empty := saidDoc(said, false, [3][]span.Span{spans(span.New(0, 0)), spans(at(said, "said", 0)), spans(at(said, "Y", 0))})

	for _, tc := range []struct {
		name string
		doc  *hearsay.Document
		want string
	}{
		{"cue and hedge on one span", withHedge,
			`<b class="n" data-a="0">X</b> <u class="n" data-a="0"><em class="a" title="attribution, certain">said</em></u> <i data-a="0">Y</i>.`},
		{"crossing spans are cut", cross,
			`<i data-a="0">ab<b class="n" data-a="0">cd</b></i><b class="n" data-a="0">ef</b>`},
		{"discontinuous content", quoted,
			`<i class="q" data-a="0">"One,"</i> <b class="n" data-a="0">X</b> <u class="n" data-a="0">said</u>. <i class="q" data-a="0">"Two."</i>`},
		{"nested contents", nested,
			`<b class="n" data-a="0">X</b> <u class="n" data-a="0">said</u> that <i data-a="0"><b class="d" data-a="1">officials</b> <u class="d" data-a="1">said</u> that <i data-a="1"><b class="v" data-a="2">sources</b> <u class="e" data-a="2">said</u> <i data-a="2">it</i></i></i>.`},
		{"one content mark for two attributions", shared,
			`<b class="d" data-a="1">Officials</b>, <u class="n" data-a="0">as reported by</u> <b class="n" data-a="0">X</b>, <u class="d" data-a="1">claim</u> <i data-a="0 1">Y</i>.`},
		{"a paragraph a line, marks cut at their ends", multiline,
			"<b class=\"n\" data-a=\"0\">X</b> <u class=\"n\" data-a=\"0\">said</u>\n</p><p><i data-a=\"0\">Y\n</i></p><p><i data-a=\"0\">\n</i></p><p><i data-a=\"0\">Z</i>."},
		{"an empty span has no mark", empty,
			`X <u class="n" data-a="0">said</u> <i data-a="0">Y</i>.`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.doc.Validate(); err != nil {
				t.Fatalf("test document: %v", err)
			}
			p := checkPage(t, writeHTML(t, tc.doc))
			if diff := cmp.Diff([]string{tc.doc.Text}, p.texts); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"<p>" + tc.want + "</p>"}, p.inner); diff != "" {
				t.Errorf("marked text (-want +got):\n%s", diff)
			}
			for i := range tc.doc.Attributions {
				if !p.ids["d1a"+strconv.Itoa(i)] {
					t.Errorf("no details for attribution %d", i)
				}
			}
		})
	}
}

// awkwardHTMLDoc has markup, entities, quotes and a script in its text,
// IDs, names, rules and lexicon lines.
func awkwardHTMLDoc() *hearsay.Document {
	text := `<script>alert(1)</script> said "&amp; 'it' &lt;b&gt;" </div><!-- x --> ]]> & done`
	src := entity.Anonymous(`e"<1>`, `the "man" <img src=x onerror=alert(2)>`, entity.Person, entity.Described)
	c1 := claim.New(`c<1>`, text, at(text, `"&amp; 'it' &lt;b&gt;"`, 0))
	a1 := attribution.New(`a"1'`, c1.ID, src.ID, attribution.NewCue(text, at(text, "said", 0), "say", attribution.Neutral), attribution.Direct).
		WithSource(at(text, `<script>alert(1)</script>`, 0)).WithContent(c1.Spans...)
	a1.Rule = `<script>alert(3)</script>`
	h := claim.NewHedge(text, at(text, "&lt;b&gt;", 0), claim.Epistemic).In(c1.ID)
	h.Rule = `"><script>alert(4)</script>`
	return &hearsay.Document{Text: text, Entities: []entity.Entity{src}, Claims: []claim.Claim{c1},
		Attributions: []attribution.Attribution{a1}, Hedges: []claim.Hedge{h}}
}

// TestHTMLEscaping checks that markup in the text and in the model is
// shown as text: the page parses, its text is the input character for
// character, and no script of the input reaches it.
func TestHTMLEscaping(t *testing.T) {
	doc := awkwardHTMLDoc()
	if err := doc.Validate(); err != nil {
		t.Fatalf("test document: %v", err)
	}
	var b bytes.Buffer
	page := hearsay.HTMLPage{Title: `<script>alert(5)</script> & "title"`}
	if err := page.Add(&b, `</h2><script>alert(6)</script>`, doc); err != nil {
		t.Fatal(err)
	}
	if err := page.Close(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	p := checkPage(t, b.Bytes())
	if diff := cmp.Diff([]string{doc.Text}, p.texts); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	if n := strings.Count(got, "<script"); n != 1 {
		t.Errorf("%d <script elements, want the page's own one", n)
	}
	if strings.Contains(got, "<img") || strings.Contains(got, "<!-- x") {
		t.Error("markup of the input reached the page")
	}
	for _, want := range []string{
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`&#34;&amp;amp; &#39;it&#39; <em class=e title=`,
		`>&amp;lt;b&amp;gt;</em>&#34;</i>`,
		`&lt;/div&gt;&lt;!-- x --&gt; ]]&gt; &amp; done`,
		`<title>&lt;script&gt;alert(5)&lt;/script&gt; &amp; &#34;title&#34;</title>`,
		`<h2>&lt;/h2&gt;&lt;script&gt;alert(6)&lt;/script&gt;</h2>`,
		`the &#34;man&#34; &lt;img src=x onerror=alert(2)&gt;`,
		`&lt;script&gt;alert(3)&lt;/script&gt;`,
		`title="epistemic, possible, &#34;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestHTMLControlCharacters checks that characters XML would refuse are
// still written: every character of the text is shown.
func TestHTMLControlCharacters(t *testing.T) {
	text := "a\x01b\tc\x7f\u2028d\r\ne"
	got := string(writeHTML(t, &hearsay.Document{Text: text}))
	if !strings.Contains(got, "<p>a\x01b\tc\x7f\u2028d\r\n</p><p>e</p></div>") {
		t.Errorf("text not written as is:\n%s", got)
	}
}

func TestHTMLInvalid(t *testing.T) {
	bad := handBuilt()
	bad.Claims[0].Spans[0].End = 10_000
	invalidUTF8 := &hearsay.Document{Text: "a\xffb"}
	for _, tc := range []struct {
		name string
		doc  *hearsay.Document
		want error
	}{
		{"span outside the text", bad, span.ErrOutOfBounds},
		{"not UTF-8", invalidUTF8, hearsay.ErrInvalidUTF8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := tc.doc.WriteHTML(&b)
			if !errors.Is(err, tc.want) {
				t.Errorf("WriteHTML = %v, want %v", err, tc.want)
			}
			if b.Len() > 0 {
				t.Errorf("wrote %d bytes before failing", b.Len())
			}
		})
	}
}

// TestHTMLPage writes two documents into one page with contents.
func TestHTMLPage(t *testing.T) {
	var b bytes.Buffer
	var page hearsay.HTMLPage
	for _, name := range []string{"first.txt", "second.txt"} {
		if err := page.Add(&b, name, handBuilt()); err != nil {
			t.Fatal(err)
		}
	}
	if err := page.Close(&b); err != nil {
		t.Fatal(err)
	}
	if err := page.Close(&b); !errors.Is(err, hearsay.ErrHTMLClosed) {
		t.Errorf("second Close = %v, want ErrHTMLClosed", err)
	}
	if err := page.Add(&b, "late", handBuilt()); !errors.Is(err, hearsay.ErrHTMLClosed) {
		t.Errorf("Add after Close = %v, want ErrHTMLClosed", err)
	}
	p := checkPage(t, b.Bytes())
	got := b.String()
	if diff := cmp.Diff([]string{handBuilt().Text, handBuilt().Text}, p.texts); diff != "" {
		t.Errorf("texts (-want +got):\n%s", diff)
	}
	for _, want := range []string{
		`<li><a href="#d1">first.txt</a>: 2 claims, 50% attributed</li>`,
		`<li><a href="#d2">second.txt</a>: 2 claims, 50% attributed</li>`,
		`<summary>Sourcing over all 2 texts</summary>`,
		`<title id="tr">Claims by source, of 4: named 0, described 2, vague 0, no source 0, unattributed 2</title>`,
		`<details id="d2a1" data-v="0">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if diff := cmp.Diff(map[string]string{"d1a1": "0", "d2a1": "0"}, p.attrs); diff != "" {
		t.Errorf("via references (-want +got):\n%s", diff)
	}

	var empty bytes.Buffer
	if err := new(hearsay.HTMLPage).Close(&empty); err != nil {
		t.Fatal(err)
	}
	checkPage(t, empty.Bytes())
}

// TestHTMLArticle checks the page of the analyzed article: a mark and
// details for each attribution, the report, and the same bytes each time.
func TestHTMLArticle(t *testing.T) {
	doc := hearsay.Analyze(readArticle(t))
	page := writeHTML(t, doc)
	if again := writeHTML(t, doc); !bytes.Equal(page, again) {
		t.Error("two pages of the same document differ")
	}
	p := checkPage(t, page)
	if diff := cmp.Diff([]string{doc.Text}, p.texts); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	var missing []int
	for i := range doc.Attributions {
		if !p.refs[0][i] || !p.ids["d1a"+strconv.Itoa(i)] {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		t.Errorf("attributions without a mark or details: %v", missing)
	}
	r := doc.Report()
	for _, want := range []string{
		`<tr><th>claims</th><td>` + strconv.Itoa(r.Claims) + `</td>`,
		`<u class="d" data-a=`, // "claim", distancing
		`<b class="v" data-a=`, // "Sources", vague
		`<svg role="img"`,
	} {
		if !strings.Contains(string(page), want) && !strings.Contains(p.inner[0], want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := len(page); n > 3*len(doc.Text)+hearsay.HTMLOverhead {
		t.Errorf("page of %d bytes for a text of %d", n, len(doc.Text))
	}
}

// TestHTMLSize checks that a page stays within 3·len(text) (or the
// escaped text when longer) + HTMLOverhead bytes however many
// attributions, nested, stacked or crossing, the text has.
func TestHTMLSize(t *testing.T) {
	const n = 600
	deepText := strings.Repeat("X said that ", n) + "it rained."
	var deep [][3][]span.Span
	for k := range n {
		deep = append(deep, [3][]span.Span{spans(span.New(12*k, 12*k+1)), spans(span.New(12*k+2, 12*k+6)), spans(span.New(12*k+12, len(deepText)-1))})
	}

	stackedText := "X said Y."
	var stacked [][3][]span.Span
	for range 3000 {
		stacked = append(stacked, [3][]span.Span{spans(span.New(0, 1)), spans(span.New(2, 6)), spans(span.New(7, 8))})
	}
	stackedDoc := saidDoc(stackedText, false, stacked...)

	// Hedges of 40 bytes at every byte: each cut closes and opens all.
	crossingText := strings.Repeat("abcdefghij", 400)
	crossing := &hearsay.Document{Text: crossingText}
	for i := 0; i+40 <= len(crossingText); i++ {
		crossing.Hedges = append(crossing.Hedges, claim.NewHedge(crossingText, span.New(i, i+40), claim.Epistemic))
	}

	// Names, IDs and rules of 10 kB on a short text are shortened.
	long := strings.Repeat(`"<&>'`, 2000)
	longDoc := handBuilt()
	for i := range longDoc.Entities {
		longDoc.Entities[i].Name, longDoc.Entities[i].Description = long+"name", long+"description"
	}
	for i := range longDoc.Attributions {
		longDoc.Attributions[i].Rule = long
		longDoc.Attributions[i].Cue.Lemma = long
	}
	for i := range longDoc.Hedges {
		longDoc.Hedges[i].Rule = long
		if longDoc.Hedges[i].Claim != "" {
			longDoc.Hedges[i].Claim = long
		}
	}
	longDoc.Claims[0].ID = long
	longDoc.Attributions[0].Claim, longDoc.Attributions[1].Claim = long, long

	// Escaping makes this text five times larger.
	escapes := &hearsay.Document{Text: strings.Repeat(`"&`, 5000)}

	analyzed := hearsay.Analyze(strings.Repeat("Officials said that analysts believe that sources suggest that ", 200) + "it rained.")

	for _, tc := range []struct {
		name string
		doc  *hearsay.Document
	}{
		{"nested via chains", saidDoc(deepText, true, deep...)},
		{"stacked on one span", stackedDoc},
		{"crossing everywhere", crossing},
		{"analyzed nesting", analyzed},
		{"long names", longDoc},
		{"escapes", escapes},
		{"empty text", &hearsay.Document{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := writeHTML(t, tc.doc)
			escaped := len(template.HTMLEscapeString(tc.doc.Text))
			if max := max(3*len(tc.doc.Text), escaped) + hearsay.HTMLOverhead; len(page) > max {
				t.Errorf("page of %d bytes for a text of %d: more than %d", len(page), len(tc.doc.Text), max)
			}
			p := checkPage(t, page)
			if diff := cmp.Diff([]string{tc.doc.Text}, p.texts); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			t.Logf("%d attributions, %d hedges: %d bytes for %d (%.2f×)", len(tc.doc.Attributions), len(tc.doc.Hedges),
				len(page), len(tc.doc.Text), float64(len(page))/float64(max(1, len(tc.doc.Text))))
		})
	}
}

// TestHTMLCorpusSize checks the size of the page of the news corpus,
// counting bytes; it skips when the corpus is absent.
func TestHTMLCorpusSize(t *testing.T) {
	if raceEnabled {
		t.Skip("too slow under the race detector; .ci/run runs it without")
	}
	news := corpus.News(t)
	doc := hearsay.Analyze(news)
	var c countingWriter
	if err := doc.WriteHTML(&c); err != nil {
		t.Fatal(err)
	}
	if c.leftOut {
		t.Error("marks or details left out of the page of news text")
	}
	if max := 3*len(news) + hearsay.HTMLOverhead; c.n > max {
		t.Errorf("page of %d bytes for a text of %d: more than %d", c.n, len(news), max)
	}
	t.Logf("%d attributions: page of %d bytes for a text of %d (%.2f×)", len(doc.Attributions), c.n, len(news), float64(c.n)/float64(len(news)))
}

// countingWriter counts the bytes of a page and notes whether the page
// says it left something out.
type countingWriter struct {
	n       int
	leftOut bool
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.leftOut = c.leftOut || bytes.Contains(p, []byte("left out, to keep the page"))
	return len(p), nil
}

var dataA = regexp.MustCompile(`data-a="?([0-9 ]+)`)

// markedAttributions returns the attribution indexes the marks of a page
// or DOM refer to.
func markedAttributions(page string) []int {
	var out []int
	for _, m := range dataA.FindAllStringSubmatch(page, -1) {
		for f := range strings.FieldsSeq(m[1]) {
			n, _ := strconv.Atoi(f)
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
