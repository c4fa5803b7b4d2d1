package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"strconv"

	"github.com/hearsay-go/hearsay"
)

// piece is the output of one document, made by a worker.
type piece struct {
	data   []byte          // written whole, in input order
	report *hearsay.Report // the document's report, for the formats that total them
	// stream, when set, writes the output in place of data: a large
	// document is encoded as it is written rather than held encoded.
	stream func(w *bufio.Writer) error
}

// writeTo writes the piece.
func (p piece) writeTo(w *bufio.Writer) error {
	if p.stream != nil {
		return p.stream(w)
	}
	_, err := w.Write(p.data)
	return err
}

// jsonPiece is a document in the wire format: from Document.MarshalJSON
// directly (json.Marshal would scan and compact its output again), or,
// for a text longer than streamAbove, encoded piece by piece as it is
// written.
func jsonPiece(doc *hearsay.Document) (piece, error) {
	if len(doc.Text) > streamAbove {
		// Check in the worker, so that a bad document fails before its
		// turn to be written; WriteJSON checks again and writes nothing
		// of a document it refuses.
		if err := doc.Validate(); err != nil {
			return piece{}, err
		}
		return piece{stream: func(w *bufio.Writer) error { return doc.WriteJSON(w) }}, nil
	}
	b, err := doc.MarshalJSON()
	return piece{data: b}, err
}

// format turns analyzed documents into output. encode runs in the
// workers, concurrently, and only reads the format's configuration;
// write and end run in one goroutine, in input order: write for the
// i-th piece written (from 0), end once after the last of n pieces.
// Under the default failure mode, end is not called after a failure, so
// an array or a graph is left open and no reader takes the output for a
// whole one.
type format interface {
	encode(id string, seq int, doc *hearsay.Document) (piece, error)
	write(w *bufio.Writer, i int, id string, p piece) error
	end(w *bufio.Writer, n int) error
}

// formatConfig is what the formats take from the command line.
type formatConfig struct {
	several bool   // the inputs may be several documents (see inputs.several)
	base    string // -base: the JSON-LD base IRI, or "" for the default
	indent  bool   // -indent
}

// label is how text output names a document: its ID, or "standard input".
func label(id string) string {
	if id == stdinName {
		return "standard input"
	}
	return id
}

// perDocument makes a format of a function that writes one document on
// its own, such as a page for a person: the outputs of several
// documents follow one another.
func perDocument(encode func(w io.Writer, id string, doc *hearsay.Document) error) func(formatConfig) format {
	return func(formatConfig) format { return perDoc(encode) }
}

type perDoc func(w io.Writer, id string, doc *hearsay.Document) error

func (f perDoc) encode(id string, _ int, doc *hearsay.Document) (piece, error) {
	var b bytes.Buffer
	err := f(&b, id, doc)
	return piece{data: b.Bytes()}, err
}

func (f perDoc) write(w *bufio.Writer, _ int, _ string, p piece) error {
	_, err := w.Write(p.data)
	return err
}

func (f perDoc) end(*bufio.Writer, int) error { return nil }

// textFormat is -format text.
type textFormat struct{}

func newText(formatConfig) format { return textFormat{} }

func (textFormat) encode(id string, _ int, doc *hearsay.Document) (piece, error) {
	var b bytes.Buffer
	writeText(&b, label(id), doc)
	return piece{data: b.Bytes()}, nil
}

func (textFormat) write(w *bufio.Writer, i int, _ string, p piece) error {
	if i > 0 {
		w.WriteByte('\n')
	}
	_, err := w.Write(p.data)
	return err
}

func (textFormat) end(*bufio.Writer, int) error { return nil }

// arrayFormat writes one JSON value a document: the value alone for one
// input, a JSON array written element by element for several.
type arrayFormat struct {
	several bool
	value   func(id string, doc *hearsay.Document) (piece, error)
}

// newJSON is -format json: the wire format (jsonPiece).
func newJSON(c formatConfig) format {
	return arrayFormat{several: c.several, value: func(_ string, doc *hearsay.Document) (piece, error) {
		return jsonPiece(doc)
	}}
}

// newJSONLD is -format jsonld: compact unless -indent, with the base
// IRI of jsonldBase. A text longer than streamAbove is checked by
// Validate in the worker and encoded node by node as it is written
// (Document.WriteJSONLD), not held encoded.
func newJSONLD(c formatConfig) format {
	return arrayFormat{several: c.several, value: func(id string, doc *hearsay.Document) (piece, error) {
		opts := hearsay.JSONLDOptions{Base: jsonldBase(c, id), Compact: !c.indent}
		if len(doc.Text) > streamAbove {
			if err := doc.Validate(); err != nil {
				return piece{}, err
			}
			return piece{stream: func(w *bufio.Writer) error {
				return doc.WriteJSONLD(&dropFinalNewline{w: w}, opts)
			}}, nil
		}
		b, err := doc.MarshalJSONLD(opts)
		return piece{data: bytes.TrimSuffix(b, []byte("\n"))}, err
	}}
}

// dropFinalNewline passes writes on to w, but for a newline at the end
// of the last one: a newline is held back until more comes.
type dropFinalNewline struct {
	w       *bufio.Writer
	pending bool
}

// Write implements io.Writer.
func (d *dropFinalNewline) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if d.pending {
		d.w.WriteByte('\n')
	}
	q := p
	if d.pending = p[len(p)-1] == '\n'; d.pending {
		q = p[:len(p)-1]
	}
	if _, err := d.w.Write(q); err != nil {
		return 0, err
	}
	return len(p), nil
}

// jsonldBase is the JSON-LD base IRI of the document id: -base for a
// lone input, -base followed by the escaped id for several, and
// "urn:hearsay:" and the escaped id without -base. It is never built
// from the local file system.
func jsonldBase(c formatConfig, id string) string {
	switch {
	case c.base == "":
		return "urn:hearsay:" + url.PathEscape(id)
	case c.several:
		return c.base + url.PathEscape(id)
	}
	return c.base
}

func (f arrayFormat) encode(id string, _ int, doc *hearsay.Document) (piece, error) {
	return f.value(id, doc)
}

// write writes a value on a line of its own: "[\n" before the first of
// several, ",\n" between them.
func (f arrayFormat) write(w *bufio.Writer, i int, _ string, p piece) error {
	switch {
	case !f.several:
		if err := p.writeTo(w); err != nil {
			return err
		}
		return w.WriteByte('\n')
	case i == 0:
		w.WriteString("[\n")
	default:
		w.WriteString(",\n")
	}
	return p.writeTo(w)
}

func (f arrayFormat) end(w *bufio.Writer, n int) error {
	if !f.several {
		return nil
	}
	if n == 0 {
		_, err := w.WriteString("[]\n")
		return err
	}
	_, err := w.WriteString("\n]\n")
	return err
}

// jsonlFormat is -format jsonl: one document a line.
type jsonlFormat struct{}

func newJSONL(formatConfig) format { return jsonlFormat{} }

func (jsonlFormat) encode(_ string, _ int, doc *hearsay.Document) (piece, error) {
	return jsonPiece(doc)
}

func (jsonlFormat) write(w *bufio.Writer, _ int, _ string, p piece) error {
	if err := p.writeTo(w); err != nil {
		return err
	}
	return w.WriteByte('\n')
}

func (jsonlFormat) end(*bufio.Writer, int) error { return nil }

// dotFormat is -format dot: the graph of one document, or one graph of
// several with a cluster each (cluster_N for the N-th input, from 1).
type dotFormat struct{ several bool }

func newDOT(c formatConfig) format { return dotFormat{several: c.several} }

// dotHeader opens the graph of several documents.
const dotHeader = `digraph hearsay {
  graph [rankdir=LR, ranksep=0.5, nodesep=0.18, fontname="Helvetica", bgcolor="white"];
`

func (f dotFormat) encode(id string, seq int, doc *hearsay.Document) (piece, error) {
	var b bytes.Buffer
	var err error
	if f.several {
		err = doc.WriteDOTCluster(&b, strconv.Itoa(seq+1), label(id))
	} else {
		err = doc.WriteDOT(&b)
	}
	return piece{data: b.Bytes()}, err
}

func (f dotFormat) write(w *bufio.Writer, i int, _ string, p piece) error {
	if f.several && i == 0 {
		w.WriteString(dotHeader)
	}
	_, err := w.Write(p.data)
	return err
}

func (f dotFormat) end(w *bufio.Writer, n int) error {
	if !f.several {
		return nil
	}
	if n == 0 {
		w.WriteString(dotHeader)
	}
	_, err := w.WriteString("}\n")
	return err
}

// reportFormat is -format report: each document's sourcing report for a
// person, and the total when there are several.
type reportFormat struct{ total *hearsay.Report }

func newReport(formatConfig) format { return reportFormat{total: &hearsay.Report{}} }

func (reportFormat) encode(_ string, _ int, doc *hearsay.Document) (piece, error) {
	r := doc.Report()
	return piece{data: []byte(r.String()), report: &r}, nil
}

func (f reportFormat) write(w *bufio.Writer, i int, id string, p piece) error {
	if i > 0 {
		w.WriteByte('\n')
	}
	f.total.Add(*p.report)
	w.WriteString("== " + label(id) + "\n")
	_, err := w.Write(p.data)
	return err
}

func (f reportFormat) end(w *bufio.Writer, n int) error {
	if n < 2 {
		return nil
	}
	_, err := w.WriteString("\n== total over " + strconv.Itoa(n) + " inputs\n" + f.total.String())
	return err
}

// reportJSONFormat is -format report-json: the sourcing reports as one
// JSON object, written as the documents come,
//
//	{"documents":[{"id":"...","report":{...}}, ...],"total":{...}}
//
// where each report is a [hearsay.Report] and total is their sum by
// [hearsay.Report.Add].
type reportJSONFormat struct{ total *hearsay.Report }

func newReportJSON(formatConfig) format {
	return reportJSONFormat{total: &hearsay.Report{}}
}

func (reportJSONFormat) encode(_ string, _ int, doc *hearsay.Document) (piece, error) {
	r := doc.Report()
	b, err := json.Marshal(r)
	return piece{data: b, report: &r}, err
}

func (f reportJSONFormat) write(w *bufio.Writer, i int, id string, p piece) error {
	if i == 0 {
		w.WriteString("{\"documents\":[\n")
	} else {
		w.WriteString(",\n")
	}
	f.total.Add(*p.report)
	qid, err := json.Marshal(id)
	if err != nil {
		return err
	}
	w.WriteString(`{"id":`)
	w.Write(qid)
	w.WriteString(`,"report":`)
	w.Write(p.data)
	_, err = w.WriteString("}")
	return err
}

func (f reportJSONFormat) end(w *bufio.Writer, n int) error {
	if n == 0 {
		w.WriteString("{\"documents\":[")
	}
	total, err := json.Marshal(f.total)
	if err != nil {
		return err
	}
	w.WriteString("\n],\"total\":")
	w.Write(total)
	_, err = w.WriteString("}\n")
	return err
}
