package hearsay

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/excerpt"
	"github.com/hearsay-go/hearsay/span"
)

// JSON-LD vocabulary and defaults.
const (
	// JSONLDNamespace is the namespace of the hearsay vocabulary, bound to
	// the prefix "hearsay" in the context of [Document.MarshalJSONLD]. Its
	// terms name what schema.org, PROV-O and Web Annotation have no word
	// for (hearsay:stance, hearsay:anonymity, hearsay:certainty, the spans
	// of a source phrase or a cue) and the values of the model's
	// enumerations, as hearsay:stance/distancing, hearsay:anonymity/vague,
	// hearsay:hedge/epistemic.
	JSONLDNamespace = "https://hearsay-go.github.io/ns#"

	// DefaultJSONLDBase is the IRI of a document whose caller gives none
	// in [JSONLDOptions].
	DefaultJSONLDBase = "urn:hearsay:doc"

	// JSONLDInterpreter is the IRI of hearsay as a schema.org
	// SoftwareApplication, the claimInterpreter of every claim.
	JSONLDInterpreter = "https://github.com/hearsay-go/hearsay"
)

// JSONLDOptions configures [Document.MarshalJSONLD]. The zero value is
// ready to use.
type JSONLDOptions struct {
	// Base is the IRI of the document, such as the URL of the article: it
	// is the @id of the document node and the base of the IRIs minted for
	// its items, Base+"#claim/c1". It must be absolute and have no
	// fragment. Empty means [DefaultJSONLDBase].
	Base string
	// Text includes the whole text in the document node (schema:text).
	// Without it, the text is only quoted in the selectors of its spans.
	Text bool
	// Compact writes the JSON on one line, without indentation: smaller
	// and faster for machines. The zero value indents.
	Compact bool
}

// ErrJSONLDBase is returned by [Document.MarshalJSONLD] when the base IRI
// is not absolute or has a fragment.
var ErrJSONLDBase = errors.New("hearsay: JSON-LD base must be an absolute IRI without a fragment")

// jsonldQuoteContext is how many code points of context a
// TextQuoteSelector gives on each side of its exact text.
const jsonldQuoteContext = 32

// jsonldContext is the inline @context: no processor needs the network
// to read the output. schema.org is bound to http://schema.org/, the
// namespace its own published context expands to. Properties whose
// values are nodes are coerced to @id, so references are plain strings.
const jsonldContext = `{
  "@version": 1.1,
  "schema": "http://schema.org/",
  "prov": "http://www.w3.org/ns/prov#",
  "oa": "http://www.w3.org/ns/oa#",
  "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "hearsay": "` + JSONLDNamespace + `",
  "oa:start": {"@type": "xsd:nonNegativeInteger"},
  "oa:end": {"@type": "xsd:nonNegativeInteger"},
  "oa:hasSource": {"@type": "@id"},
  "oa:hasTarget": {"@type": "@id"},
  "oa:hasBody": {"@type": "@id"},
  "oa:motivatedBy": {"@type": "@id"},
  "schema:url": {"@type": "@id"},
  "schema:author": {"@type": "@id"},
  "schema:appearance": {"@type": "@id"},
  "schema:claimInterpreter": {"@type": "@id"},
  "schema:affiliation": {"@type": "@id"},
  "prov:agent": {"@type": "@id"},
  "prov:wasAttributedTo": {"@type": "@id"},
  "prov:qualifiedAttribution": {"@type": "@id"},
  "prov:wasDerivedFrom": {"@type": "@id"},
  "hearsay:entityKind": {"@type": "@id"},
  "hearsay:anonymity": {"@type": "@id"},
  "hearsay:claimKind": {"@type": "@id"},
  "hearsay:certainty": {"@type": "@id"},
  "hearsay:polarity": {"@type": "@id"},
  "hearsay:stance": {"@type": "@id"},
  "hearsay:form": {"@type": "@id"},
  "hearsay:via": {"@type": "@id"},
  "hearsay:claim": {"@type": "@id"},
  "hearsay:addressee": {"@type": "@id"},
  "hearsay:mention": {"@type": "@id"},
  "hearsay:span": {"@type": "@id"},
  "hearsay:sourceSpan": {"@type": "@id"},
  "hearsay:contentSpan": {"@type": "@id"},
  "hearsay:addresseeSpan": {"@type": "@id"}
}`

// MarshalJSONLD encodes d as JSON-LD 1.1 with an inline @context, so that
// it reads as linked data without fetching anything. The output is
// indented (unless [JSONLDOptions].Compact) and deterministic: one @graph whose nodes come in a fixed
// order (the document, the interpreter, the author, then entities,
// claims, attributions and hedges in model order, then the spans by
// position).
//
//   - The document is a schema:CreativeWork whose @id is the base IRI
//     ([JSONLDOptions]); it is its schema:url too when the base is an
//     http(s) URL.
//   - Each claim is a schema:Claim (and prov:Entity), @id Base#claim/ID,
//     with schema:text, schema:author (its holders: the innermost sources
//     of its attributions, or the text's author, Base#author, when no
//     source holds it), schema:appearance (the document) and
//     schema:claimInterpreter (hearsay, a schema:SoftwareApplication at
//     [JSONLDInterpreter]), and hearsay:claimKind, hearsay:certainty and
//     hearsay:polarity.
//   - Each entity is a prov:Agent, @id Base#entity/ID, typed by kind as
//     well (schema:Person, schema:NewsMediaOrganization, ...). A named
//     source has schema:name; an anonymous one (described or vague) has
//     schema:description ("a senior White House official") and never a
//     schema:name.
//   - Each attribution is PROV-O: the claim prov:wasAttributedTo the
//     source and has a prov:qualifiedAttribution, a prov:Attribution
//     (@id Base#attribution/ID) with prov:agent and prov:hadRole, the cue
//     as a prov:Role with rdfs:label (the cue's words), hearsay:lemma and
//     hearsay:stance. A via-chain is hearsay:via between attributions,
//     and the inner claim prov:wasDerivedFrom the claim it is reported
//     through, or the via's source when both attributions hold the same
//     claim ("officials, as reported by Axios, claim C": C was derived
//     from Axios). An agentless attribution has no prov:agent.
//   - Each hedge is an oa:Annotation (@id Base#hedge/N, N its index in
//     d.Hedges) motivated by oa:classifying, whose body is its category
//     (hearsay:hedge/epistemic) and whose target is its span.
//   - Every span of a claim, entity mention, source phrase, cue, content,
//     addressee or hedge is an oa:SpecificResource of the document, @id
//     Base#span/START-END in code points, with an oa:TextPositionSelector
//     (start and end in code points, typed xsd:nonNegativeInteger) and an
//     oa:TextQuoteSelector (exact, and up to 32 code points of prefix and
//     suffix). Sentences are not written.
//   - So that the output stays linear in the text however spans nest, the
//     quote selectors and the claims' schema:text are written shortest
//     first while they add up to at most twice the text (and 4 kB); past
//     that, a span has its position selector only and a claim no text. On
//     news everything is written.
//
// MarshalJSONLD fails with [ErrInvalidUTF8] when the text is not valid
// UTF-8, with [ErrJSONLDBase] for a bad base, and with the error of
// [Document.Validate] when d is not a valid model.
func (d *Document) MarshalJSONLD(opts JSONLDOptions) ([]byte, error) {
	var buf bytes.Buffer
	if err := d.WriteJSONLD(&buf, opts); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteJSONLD writes what [Document.MarshalJSONLD] returns to w, encoding
// one node of the graph at a time, so that a large document is not held
// encoded in memory. It checks d and the base before it writes anything,
// so a document it refuses leaves nothing on w.
func (d *Document) WriteJSONLD(w io.Writer, opts JSONLDOptions) error {
	if !utf8.ValidString(d.Text) {
		return ErrInvalidUTF8
	}
	base := opts.Base
	if base == "" {
		base = DefaultJSONLDBase
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || strings.ContainsAny(base, "# \t\r\n<>\"{}|\\^`") {
		return fmt.Errorf("%w: %q", ErrJSONLDBase, base)
	}
	if err := d.Validate(); err != nil {
		return err
	}
	lw := &ldWriter{d: d, base: base, runes: span.NewRunes(d.Text), spans: map[span.Span]bool{}}
	bw := bufio.NewWriter(w)
	// The nodes are encoded as the one Encoder of the whole document
	// would: no HTML escaping, and with the indentation of their depth.
	var node bytes.Buffer
	enc := json.NewEncoder(&node)
	enc.SetEscapeHTML(false)
	nl, sep, ind := "", ",", ""
	if !opts.Compact {
		nl, sep, ind = "\n", ",\n", "    "
		enc.SetIndent(ind, "  ")
	}
	encode := func(v any) {
		node.Reset()
		if err == nil {
			err = enc.Encode(v)
		}
		bw.Write(bytes.TrimSuffix(node.Bytes(), []byte("\n")))
	}
	bw.WriteString("{" + nl)
	if opts.Compact {
		bw.WriteString(`"@context":`)
	} else {
		bw.WriteString(`  "@context": `)
		enc.SetIndent("  ", "  ")
	}
	encode(json.RawMessage(jsonldContext))
	if opts.Compact {
		bw.WriteString(`,"@graph":[`)
	} else {
		bw.WriteString(",\n  \"@graph\": [\n")
		enc.SetIndent(ind, "  ")
	}
	first := true
	lw.graph(opts, u.Scheme == "http" || u.Scheme == "https", func(n any) {
		if !first {
			bw.WriteString(sep)
		}
		first = false
		bw.WriteString(ind)
		encode(n)
	})
	if opts.Compact {
		bw.WriteString("]}\n")
	} else {
		bw.WriteString("\n  ]\n}\n")
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// ldWriter holds the state of one WriteJSONLD call.
type ldWriter struct {
	d     *Document
	base  string
	runes *span.Runes
	spans map[span.Span]bool // byte spans referred to, written at the end
}

// ldRef is a reference to a node by IRI; the context coerces the
// properties that hold one to @id.
type ldRef = string

type ldDocument struct {
	ID         string `json:"@id"`
	Type       string `json:"@type"`
	URL        ldRef  `json:"schema:url,omitempty"`
	InLanguage string `json:"schema:inLanguage,omitempty"`
	Text       string `json:"schema:text,omitempty"`
}

type ldSoftware struct {
	ID   string `json:"@id"`
	Type string `json:"@type"`
	Name string `json:"schema:name"`
	URL  ldRef  `json:"schema:url"`
}

type ldAgent struct {
	ID            string   `json:"@id"`
	Type          []string `json:"@type"`
	Identifier    string   `json:"schema:identifier,omitempty"`
	Name          string   `json:"schema:name,omitempty"`
	Description   string   `json:"schema:description,omitempty"`
	AlternateName []string `json:"schema:alternateName,omitempty"`
	Affiliation   ldRef    `json:"schema:affiliation,omitempty"`
	Kind          ldRef    `json:"hearsay:entityKind,omitempty"`
	Anonymity     ldRef    `json:"hearsay:anonymity,omitempty"`
	Mentions      []ldRef  `json:"hearsay:mention,omitempty"`
}

type ldClaim struct {
	ID                   string   `json:"@id"`
	Type                 []string `json:"@type"`
	Identifier           string   `json:"schema:identifier"`
	Text                 string   `json:"schema:text,omitempty"`
	Author               []ldRef  `json:"schema:author,omitempty"`
	Appearance           ldRef    `json:"schema:appearance"`
	Interpreter          ldRef    `json:"schema:claimInterpreter"`
	Kind                 ldRef    `json:"hearsay:claimKind,omitempty"`
	Certainty            ldRef    `json:"hearsay:certainty,omitempty"`
	Polarity             ldRef    `json:"hearsay:polarity,omitempty"`
	WasAttributedTo      []ldRef  `json:"prov:wasAttributedTo,omitempty"`
	QualifiedAttribution []ldRef  `json:"prov:qualifiedAttribution,omitempty"`
	WasDerivedFrom       []ldRef  `json:"prov:wasDerivedFrom,omitempty"`
	Spans                []ldRef  `json:"hearsay:span,omitempty"`
}

type ldAttribution struct {
	ID             string  `json:"@id"`
	Type           string  `json:"@type"`
	Identifier     string  `json:"schema:identifier"`
	Agent          ldRef   `json:"prov:agent,omitempty"`
	Role           ldRole  `json:"prov:hadRole"`
	Form           ldRef   `json:"hearsay:form,omitempty"`
	Via            ldRef   `json:"hearsay:via,omitempty"`
	SourceSpans    []ldRef `json:"hearsay:sourceSpan,omitempty"`
	ContentSpans   []ldRef `json:"hearsay:contentSpan,omitempty"`
	Addressee      ldRef   `json:"hearsay:addressee,omitempty"`
	AddresseeSpans []ldRef `json:"hearsay:addresseeSpan,omitempty"`
	Rule           string  `json:"hearsay:rule,omitempty"`
}

type ldRole struct {
	ID     string   `json:"@id"`
	Type   []string `json:"@type"`
	Label  string   `json:"rdfs:label,omitempty"`
	Lemma  string   `json:"hearsay:lemma,omitempty"`
	Stance ldRef    `json:"hearsay:stance,omitempty"`
	Spans  []ldRef  `json:"hearsay:span,omitempty"`
}

type ldHedge struct {
	ID          string   `json:"@id"`
	Type        []string `json:"@type"`
	MotivatedBy ldRef    `json:"oa:motivatedBy"`
	Body        ldRef    `json:"oa:hasBody,omitempty"`
	Target      ldRef    `json:"oa:hasTarget"`
	Label       string   `json:"rdfs:label"`
	Certainty   ldRef    `json:"hearsay:certainty,omitempty"`
	Claim       ldRef    `json:"hearsay:claim,omitempty"`
	Rule        string   `json:"hearsay:rule,omitempty"`
}

type ldSpan struct {
	ID       string `json:"@id"`
	Type     string `json:"@type"`
	Source   ldRef  `json:"oa:hasSource"`
	Selector []any  `json:"oa:hasSelector"`
}

type ldPosition struct {
	Type  string `json:"@type"`
	Start int    `json:"oa:start"`
	End   int    `json:"oa:end"`
}

type ldQuote struct {
	Type   string `json:"@type"`
	Exact  string `json:"oa:exact"`
	Prefix string `json:"oa:prefix,omitempty"`
	Suffix string `json:"oa:suffix,omitempty"`
}

// graph passes the nodes of the document to emit, one at a time, in
// their fixed order.
func (w *ldWriter) graph(opts JSONLDOptions, isURL bool, emit func(any)) {
	d := w.d
	doc := ldDocument{ID: w.base, Type: "schema:CreativeWork"}
	if isURL {
		doc.URL = w.base
	}
	if lang := d.Lang.String(); lang != "und" {
		doc.InLanguage = lang
	}
	if opts.Text {
		doc.Text = d.Text
	}
	emit(doc)
	emit(ldSoftware{
		ID: JSONLDInterpreter, Type: "schema:SoftwareApplication",
		Name: "hearsay", URL: JSONLDInterpreter,
	})

	author := w.iri("author", "")
	own := map[string]bool{} // claims only the author holds
	for _, c := range d.Unattributed() {
		own[c.ID] = true
	}
	if len(own) > 0 {
		emit(ldAgent{ID: author, Type: []string{"prov:Agent"}, Description: "the author of the text"})
	}
	for _, e := range d.Entities {
		emit(w.agent(e))
	}

	ix := d.index()
	plan := excerpt.New(len(d.Text), d.Claims)
	for i, c := range d.Claims {
		n := ldClaim{
			ID: w.iri("claim", c.ID), Type: []string{"schema:Claim", "prov:Entity"},
			Identifier: c.ID,
			Appearance: w.base, Interpreter: JSONLDInterpreter,
			Kind:      term("claimKind", c.Kind),
			Certainty: term("certainty", c.Certainty),
			Polarity:  term("polarity", c.Polarity),
			Spans:     w.spanRefs(c.Spans),
		}
		if plan.Full[i] {
			n.Text = c.Text
		}
		if own[c.ID] {
			n.Author = []ldRef{author}
		}
		for _, i := range ix.byClaim[c.ID] {
			a := d.Attributions[i]
			n.QualifiedAttribution = append(n.QualifiedAttribution, w.iri("attribution", a.ID))
			if a.Source.Entity != "" {
				src := w.iri("entity", a.Source.Entity)
				n.WasAttributedTo = addRef(n.WasAttributedTo, src)
				if !ix.outer[i] && a.Form != attribution.Unattributed {
					n.Author = addRef(n.Author, src)
				}
			}
			if v, ok := ix.viaOf(d, a); ok {
				switch {
				case v.Claim != a.Claim:
					n.WasDerivedFrom = addRef(n.WasDerivedFrom, w.iri("claim", v.Claim))
				case v.Source.Entity != "":
					n.WasDerivedFrom = addRef(n.WasDerivedFrom, w.iri("entity", v.Source.Entity))
				}
			}
		}
		emit(n)
	}

	for _, a := range d.Attributions {
		id := w.iri("attribution", a.ID)
		n := ldAttribution{
			ID: id, Type: "prov:Attribution", Identifier: a.ID,
			Role: ldRole{
				ID: id + "/cue", Type: []string{"prov:Role", "hearsay:Cue"},
				Label: a.Cue.Text, Lemma: a.Cue.Lemma,
				Stance: term("stance", a.Cue.Stance),
				Spans:  w.spanRefs(a.Cue.Spans),
			},
			Form:           term("form", a.Form),
			SourceSpans:    w.spanRefs(a.Source.Spans),
			ContentSpans:   w.spanRefs(a.Content.Spans),
			AddresseeSpans: w.spanRefs(a.Addressee.Spans),
			Rule:           a.Rule,
		}
		if a.Source.Entity != "" {
			n.Agent = w.iri("entity", a.Source.Entity)
		}
		if a.Via != "" {
			n.Via = w.iri("attribution", a.Via)
		}
		if a.Addressee.Entity != "" {
			n.Addressee = w.iri("entity", a.Addressee.Entity)
		}
		emit(n)
	}

	for i, h := range d.Hedges {
		n := ldHedge{
			ID:          w.iri("hedge", strconv.Itoa(i)),
			Type:        []string{"oa:Annotation", "hearsay:Hedge"},
			MotivatedBy: "oa:classifying",
			Body:        term("hedge", h.Category),
			Target:      w.spanRef(h.Span),
			Label:       h.Text,
			Certainty:   term("certainty", h.Level()),
			Rule:        h.Rule,
		}
		if h.Claim != "" {
			n.Claim = w.iri("claim", h.Claim)
		}
		emit(n)
	}

	spans := make([]span.Span, 0, len(w.spans))
	for s := range w.spans {
		spans = append(spans, s)
	}
	// Quote selectors repeat the text, so that nested spans could make
	// the output grow with the square of the text: they are written for
	// the shortest spans first, within the budget of the claim texts.
	slices.SortFunc(spans, func(a, b span.Span) int { return cmp.Or(cmp.Compare(a.Len(), b.Len()), span.Compare(a, b)) })
	quote := make(map[span.Span]bool, len(spans))
	left := excerpt.Budget(len(w.d.Text))
	for _, s := range spans {
		if s.Len() <= left {
			quote[s], left = true, left-s.Len()
		}
	}
	slices.SortFunc(spans, span.Compare)
	for _, s := range spans {
		emit(w.span(s, quote[s]))
	}
}

// agent returns the node of an entity.
func (w *ldWriter) agent(e entity.Entity) ldAgent {
	n := ldAgent{
		ID: w.iri("entity", e.ID), Type: []string{"prov:Agent"}, Identifier: e.ID,
		AlternateName: e.Aliases,
		Kind:          term("entityKind", e.Kind),
		Anonymity:     term("anonymity", e.Anonymity),
		Mentions:      w.spanRefs(e.Mentions),
	}
	if t := schemaType(e.Kind); t != "" {
		n.Type = append(n.Type, t)
	}
	if e.Anonymity.IsAnonymous() {
		// An anonymous source has no name, whatever the model holds.
		n.Description = e.Label()
	} else {
		n.Name, n.Description = e.Name, e.Description
	}
	if e.Affiliation != "" {
		n.Affiliation = w.iri("entity", e.Affiliation)
	}
	return n
}

// schemaType returns the schema.org type of an entity of kind k, or "".
func schemaType(k entity.Kind) string {
	switch k {
	case entity.Person:
		return "schema:Person"
	case entity.Organization:
		return "schema:Organization"
	case entity.Government, entity.Agency:
		return "schema:GovernmentOrganization"
	case entity.Media:
		return "schema:NewsMediaOrganization"
	case entity.Record:
		return "schema:CreativeWork"
	case entity.Place:
		return "schema:Place"
	}
	return ""
}

// iri returns the IRI of the item of a kind ("claim", "entity") with the
// given ID, Base#kind/ID; an empty id gives Base#kind.
func (w *ldWriter) iri(kind, id string) string {
	if id == "" {
		return w.base + "#" + kind
	}
	return w.base + "#" + kind + "/" + escapeFragment(id)
}

// term returns the hearsay vocabulary term of an enumerated value, as
// hearsay:stance/distancing, or "" for an unset value.
func term[T interface {
	~uint8
	String() string
}](group string, v T) ldRef {
	if v == 0 {
		return ""
	}
	return "hearsay:" + group + "/" + escapeFragment(v.String())
}

// spanRef records s and returns the IRI of its node.
func (w *ldWriter) spanRef(s span.Span) ldRef {
	w.spans[s] = true
	r := w.runes.ToRunes(s)
	return w.iri("span", strconv.Itoa(r.Start)+"-"+strconv.Itoa(r.End))
}

func (w *ldWriter) spanRefs(spans []span.Span) []ldRef {
	var out []ldRef
	for _, s := range spans {
		out = addRef(out, w.spanRef(s))
	}
	return out
}

// span returns the node of byte span s: a specific resource of the
// document selected by position and, when quote holds, by quote, both in
// code points.
func (w *ldWriter) span(s span.Span, quote bool) ldSpan {
	text := w.d.Text
	r := w.runes.ToRunes(s)
	before := w.runes.ByteOffset(max(r.Start-jsonldQuoteContext, 0))
	after := w.runes.ByteOffset(r.End + jsonldQuoteContext)
	n := ldSpan{
		ID: w.spanRef(s), Type: "oa:SpecificResource", Source: w.base,
		Selector: []any{ldPosition{Type: "oa:TextPositionSelector", Start: r.Start, End: r.End}},
	}
	if quote {
		n.Selector = append(n.Selector, ldQuote{
			Type:   "oa:TextQuoteSelector",
			Exact:  text[s.Start:s.End],
			Prefix: text[before:s.Start],
			Suffix: text[s.End:after],
		})
	}
	return n
}

// addRef appends r to refs unless it is there already.
func addRef(refs []ldRef, r ldRef) []ldRef {
	if slices.Contains(refs, r) {
		return refs
	}
	return append(refs, r)
}

// escapeFragment percent-encodes every byte of s but the unreserved
// characters of RFC 3986, so that any model ID fits in an IRI fragment.
func escapeFragment(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
