package hearsay_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/span"
)

// ldGraph decodes the @graph of JSON-LD output into its nodes by @id.
func ldGraph(t *testing.T, b []byte) map[string]map[string]any {
	t.Helper()
	var out struct {
		Context map[string]any   `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if out.Context == nil {
		t.Fatal("@context is not an inline object")
	}
	nodes := map[string]map[string]any{}
	for _, n := range out.Graph {
		id, _ := n["@id"].(string)
		if _, dup := nodes[id]; dup {
			t.Errorf("node %q written twice", id)
		}
		nodes[id] = n
	}
	return nodes
}

func TestJSONLDArticle(t *testing.T) {
	doc := loadGolden(t)
	b, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{})
	if err != nil {
		t.Fatal(err)
	}
	again, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, again) {
		t.Error("two encodings of the same document differ")
	}
	nodes := ldGraph(t, b)
	const base = hearsay.DefaultJSONLDBase

	for _, e := range doc.Entities {
		n := nodes[base+"#entity/"+e.ID]
		if n == nil {
			t.Errorf("entity %s: no node", e.ID)
			continue
		}
		_, hasName := n["schema:name"]
		if e.Anonymity.IsAnonymous() {
			if hasName || n["schema:description"] != e.Description {
				t.Errorf("anonymous entity %s: name %v, description %v; want no name and %q",
					e.ID, n["schema:name"], n["schema:description"], e.Description)
			}
		} else if n["schema:name"] != e.Name {
			t.Errorf("entity %s: name %v, want %q", e.ID, n["schema:name"], e.Name)
		}
	}

	// Every span node quotes the text at its code-point positions.
	text := []rune(doc.Text)
	spans := 0
	for id, n := range nodes {
		if n["@type"] != "oa:SpecificResource" {
			continue
		}
		spans++
		sel := n["oa:hasSelector"].([]any)
		pos, quote := sel[0].(map[string]any), sel[1].(map[string]any)
		start, end := int(pos["oa:start"].(float64)), int(pos["oa:end"].(float64))
		if want := base + "#span/" + strconv.Itoa(start) + "-" + strconv.Itoa(end); id != want {
			t.Errorf("span node %s has position %d-%d", id, start, end)
		}
		if got, want := quote["oa:exact"], string(text[start:end]); got != want {
			t.Errorf("%s: exact %q, text at its code points %q", id, got, want)
		}
		prefix, _ := quote["oa:prefix"].(string)
		suffix, _ := quote["oa:suffix"].(string)
		if want := string(text[max(start-32, 0):start]); prefix != want {
			t.Errorf("%s: prefix %q, want %q", id, prefix, want)
		}
		if want := string(text[end:min(end+32, len(text))]); suffix != want {
			t.Errorf("%s: suffix %q, want %q", id, suffix, want)
		}
	}
	if spans == 0 {
		t.Error("no span nodes")
	}

	// The officials' claim: held by the officials, through Axios.
	c4 := nodes[base+"#claim/c4"]
	want := map[string]any{
		"@id":                       base + "#claim/c4",
		"@type":                     []any{"schema:Claim", "prov:Entity"},
		"schema:identifier":         "c4",
		"schema:text":               c4["schema:text"],
		"schema:author":             []any{base + "#entity/us-officials"},
		"schema:appearance":         base,
		"schema:claimInterpreter":   hearsay.JSONLDInterpreter,
		"hearsay:claimKind":         "hearsay:claimKind/statement",
		"hearsay:certainty":         "hearsay:certainty/certain",
		"hearsay:polarity":          "hearsay:polarity/positive",
		"prov:wasAttributedTo":      []any{base + "#entity/axios", base + "#entity/us-officials"},
		"prov:qualifiedAttribution": []any{base + "#attribution/a4", base + "#attribution/a5"},
		"prov:wasDerivedFrom":       []any{base + "#entity/axios"},
		"hearsay:span":              []any{base + "#span/432-626"},
	}
	if diff := cmp.Diff(want, c4); diff != "" {
		t.Errorf("claim c4 (-want +got):\n%s", diff)
	}
	if got := nodes[base+"#claim/c11"]["schema:author"]; !cmp.Equal(got, []any{base + "#author"}) {
		t.Errorf("unattributed claim c11: author %v, want the text's author", got)
	}
}

func TestJSONLDOptions(t *testing.T) {
	doc := loadGolden(t)
	const base = "https://example.com/news/maduro?id=7"
	b, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{Base: base, Text: true})
	if err != nil {
		t.Fatal(err)
	}
	nodes := ldGraph(t, b)
	d := nodes[base]
	if d["schema:url"] != base || d["schema:text"] != doc.Text || d["schema:inLanguage"] != "en" {
		t.Errorf("document node: %v", d)
	}
	if nodes[base+"#claim/c1"] == nil {
		t.Errorf("claim IRIs not minted from the base")
	}

	for _, bad := range []string{"relative/path", "https://example.com/a#frag", "urn:x y", ":"} {
		if _, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{Base: bad}); !errors.Is(err, hearsay.ErrJSONLDBase) {
			t.Errorf("base %q: error %v, want ErrJSONLDBase", bad, err)
		}
	}

	invalid := &hearsay.Document{Text: "bad \xff text"}
	if _, err := invalid.MarshalJSONLD(hearsay.JSONLDOptions{}); !errors.Is(err, hearsay.ErrInvalidUTF8) {
		t.Errorf("invalid UTF-8: error %v, want ErrInvalidUTF8", err)
	}
	broken := &hearsay.Document{Text: "short", Sentences: []span.Span{{Start: 0, End: 99}}}
	var verr *hearsay.ValidationError
	if _, err := broken.MarshalJSONLD(hearsay.JSONLDOptions{}); !errors.As(err, &verr) {
		t.Errorf("invalid model: error %v, want a ValidationError", err)
	}

	// IDs with characters that do not fit in a fragment are escaped.
	odd := &hearsay.Document{Text: "x"}
	odd.Entities = append(odd.Entities, doc.Entities[0])
	odd.Entities[0].ID, odd.Entities[0].Mentions = "a b/ç#", nil
	b, err = odd.MarshalJSONLD(hearsay.JSONLDOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if nodes := ldGraph(t, b); nodes[hearsay.DefaultJSONLDBase+"#entity/a%20b%2F%C3%A7%23"] == nil {
		t.Errorf("escaped entity IRI not found in %s", b)
	}

	empty := &hearsay.Document{}
	if b, err := empty.MarshalJSONLD(hearsay.JSONLDOptions{}); err != nil || !json.Valid(b) {
		t.Errorf("empty document: %v, %s", err, b)
	}
}

// TestJSONLDWithProcessor checks the article's JSON-LD with a real
// JSON-LD 1.1 processor, the npm jsonld package, which expands it to RDF
// with a document loader that refuses the network. It needs node and
// .ci/jsonld/node_modules (cd .ci/jsonld && npm ci); it skips without
// them unless HEARSAY_REQUIRE_JSONLD=1, as in CI, where it fails.
func TestJSONLDWithProcessor(t *testing.T) {
	unavailable := func(why string) {
		if os.Getenv("HEARSAY_REQUIRE_JSONLD") == "1" {
			t.Fatalf("HEARSAY_REQUIRE_JSONLD=1 but %s", why)
		}
		t.Skip(why)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		unavailable("node is not on PATH")
	}
	if _, err := os.Stat(filepath.Join(".ci", "jsonld", "node_modules", "jsonld")); err != nil {
		unavailable("the jsonld package is not installed (cd .ci/jsonld && npm ci)")
	}

	doc := loadGolden(t)
	const base = "https://example.com/news/maduro"
	b, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "article.jsonld")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join(".ci", "jsonld", "check.js"), file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check.js: %v\n%s", err, stderr.Bytes())
	}
	g := parseNQuads(t, string(out))

	const (
		rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
		schema  = "http://schema.org/"
		prov    = "http://www.w3.org/ns/prov#"
		oa      = "http://www.w3.org/ns/oa#"
		rdfs    = "http://www.w3.org/2000/01/rdf-schema#"
		xsdNNI  = "^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"
		ns      = hearsay.JSONLDNamespace
	)
	iri := func(s string) string { return "<" + s + ">" }
	item := func(s string) string { return iri(base + "#" + s) }
	lit := func(s string) string { q, _ := json.Marshal(s); return string(q) }

	for _, tr := range [][3]string{
		{iri(base), rdfType, iri(schema + "CreativeWork")},
		{iri(base), iri(schema + "url"), iri(base)},
		{iri(hearsay.JSONLDInterpreter), rdfType, iri(schema + "SoftwareApplication")},
		// Claims are schema.org claims that appear in the document.
		{item("claim/c4"), rdfType, iri(schema + "Claim")},
		{item("claim/c4"), iri(schema + "appearance"), iri(base)},
		{item("claim/c4"), iri(schema + "claimInterpreter"), iri(hearsay.JSONLDInterpreter)},
		{item("claim/c4"), iri(schema + "author"), item("entity/us-officials")},
		// PROV-O: the officials' claim, qualified by the cue "claim".
		{item("claim/c4"), iri(prov + "wasAttributedTo"), item("entity/us-officials")},
		{item("claim/c4"), iri(prov + "qualifiedAttribution"), item("attribution/a5")},
		{item("attribution/a5"), rdfType, iri(prov + "Attribution")},
		{item("attribution/a5"), iri(prov + "agent"), item("entity/us-officials")},
		{item("attribution/a5"), iri(prov + "hadRole"), item("attribution/a5/cue")},
		{item("attribution/a5/cue"), rdfType, iri(prov + "Role")},
		{item("attribution/a5/cue"), iri(rdfs + "label"), lit("claim")},
		{item("attribution/a5/cue"), iri(ns + "stance"), iri(ns + "stance/distancing")},
		// Nesting: officials via Axios; Maduro's fear via the officials.
		{item("attribution/a5"), iri(ns + "via"), item("attribution/a4")},
		{item("claim/c4"), iri(prov + "wasDerivedFrom"), item("entity/axios")},
		{item("claim/c5"), iri(prov + "wasDerivedFrom"), item("claim/c4")},
		{item("claim/c3"), iri(prov + "wasDerivedFrom"), item("claim/c2")},
		// Anonymous sources are described agents; named ones have names.
		{item("entity/us-officials"), rdfType, iri(prov + "Agent")},
		{item("entity/us-officials"), iri(schema + "description"), lit("top U.S. officials")},
		{item("entity/wh-official"), iri(schema + "description"), lit("a senior White House official")},
		{item("entity/sources"), iri(ns + "anonymity"), iri(ns + "anonymity/vague")},
		{item("entity/maduro"), iri(schema + "name"), lit("Nicolás Maduro")},
		{item("entity/maduro"), rdfType, iri(schema + "Person")},
		// The author holds the unattributed claims.
		{item("claim/c11"), iri(schema + "author"), item("author")},
		// Hedges are classifying annotations.
		{item("hedge/1"), rdfType, iri(oa + "Annotation")},
		{item("hedge/1"), iri(oa + "motivatedBy"), iri(oa + "classifying")},
		{item("hedge/1"), iri(oa + "hasBody"), iri(ns + "hedge/epistemic")},
	} {
		if !g.has(tr[0], tr[1], tr[2]) {
			t.Errorf("missing triple %s %s %s", tr[0], tr[1], tr[2])
		}
	}
	for _, anon := range []string{"us-officials", "wh-official", "sources", "analysts"} {
		if objs := g.objects(item("entity/"+anon), iri(schema+"name")); len(objs) > 0 {
			t.Errorf("anonymous source %s has schema:name %v", anon, objs)
		}
	}

	// The claim the officials hold follows "Nicolás" (one two-byte rune):
	// its selectors count code points, not bytes.
	c4, _ := doc.Claim("c4")
	s := c4.Spans[0]
	start, end := utf8.RuneCountInString(doc.Text[:s.Start]), utf8.RuneCountInString(doc.Text[:s.End])
	if start == s.Start {
		t.Fatalf("test needs a span after a multi-byte rune; %v is not", s)
	}
	target := item("span/" + strconv.Itoa(start) + "-" + strconv.Itoa(end))
	if !g.has(item("claim/c4"), iri(ns+"span"), target) {
		t.Errorf("claim c4 has no span %s", target)
	}
	var position, quote bool
	for _, sel := range g.objects(target, iri(oa+"hasSelector")) {
		switch {
		case g.has(sel, rdfType, iri(oa+"TextPositionSelector")):
			position = true
			if !g.has(sel, iri(oa+"start"), lit(strconv.Itoa(start))+xsdNNI) ||
				!g.has(sel, iri(oa+"end"), lit(strconv.Itoa(end))+xsdNNI) {
				t.Errorf("position selector of c4: start %v end %v, want %d %d (code points)",
					g.objects(sel, iri(oa+"start")), g.objects(sel, iri(oa+"end")), start, end)
			}
		case g.has(sel, rdfType, iri(oa+"TextQuoteSelector")):
			quote = true
			if !g.has(sel, iri(oa+"exact"), lit(c4.Text)) {
				t.Errorf("quote selector of c4: exact %v", g.objects(sel, iri(oa+"exact")))
			}
			if len(g.objects(sel, iri(oa+"prefix"))) != 1 || len(g.objects(sel, iri(oa+"suffix"))) != 1 {
				t.Error("quote selector of c4 lacks a prefix or a suffix")
			}
		}
	}
	if !position || !quote {
		t.Errorf("span %s: position selector %v, quote selector %v", target, position, quote)
	}
}

// nquads is a set of RDF triples from N-Quads in the default graph, each
// term as N-Quads writes it.
type nquads map[[3]string]bool

func (g nquads) has(s, p, o string) bool { return g[[3]string{s, p, o}] }

// objects returns the objects of the triples with subject s and
// predicate p.
func (g nquads) objects(s, p string) []string {
	var out []string
	for t := range g {
		if t[0] == s && t[1] == p {
			out = append(out, t[2])
		}
	}
	return out
}

// parseNQuads reads the lines jsonld.js writes: subject, predicate and
// object separated by one space and ended by " .". Subjects and
// predicates have no spaces; objects (literals) may.
func parseNQuads(t *testing.T, s string) nquads {
	t.Helper()
	g := nquads{}
	for line := range strings.Lines(s) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" {
			continue
		}
		subj, rest, ok1 := strings.Cut(line, " ")
		pred, obj, ok2 := strings.Cut(rest, " ")
		obj, ok3 := strings.CutSuffix(obj, " .")
		if !ok1 || !ok2 || !ok3 {
			t.Fatalf("not an N-Quads line: %q", line)
		}
		g[[3]string{subj, pred, obj}] = true
	}
	if len(g) == 0 {
		t.Fatal("the processor wrote no triples")
	}
	return g
}

func TestWriteJSONLD(t *testing.T) {
	doc := loadGolden(t)
	for _, opts := range []hearsay.JSONLDOptions{{}, {Compact: true}, {Base: "https://news.example/a", Text: true}} {
		want, err := doc.MarshalJSONLD(opts)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := doc.WriteJSONLD(&b, opts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, b.Bytes()) {
			t.Errorf("%+v: WriteJSONLD differs from MarshalJSONLD", opts)
		}
	}
	if err := doc.WriteJSONLD(&bytes.Buffer{}, hearsay.JSONLDOptions{Base: "no-scheme"}); !errors.Is(err, hearsay.ErrJSONLDBase) {
		t.Errorf("bad base: %v", err)
	}
	bad := *doc
	bad.Claims = append(bad.Claims[:len(bad.Claims):len(bad.Claims)], bad.Claims[0])
	var b bytes.Buffer
	if err := bad.WriteJSONLD(&b, hearsay.JSONLDOptions{}); err == nil || b.Len() > 0 {
		t.Errorf("invalid document: error %v, %d bytes written; want an error and nothing", err, b.Len())
	}
}
