package pipeline

import (
	"errors"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/hearsay-go/hearsay"
)

func init() {
	register.Function1x2[hearsay.Report, string, error](reportJSON)
}

// Config is what [Build] reads and writes.
type Config struct {
	// Text is a glob of text files, one document each, with the path as
	// the id.
	Text string
	// JSONL is a glob of JSON Lines files, one document a line (see
	// [Input]). At least one of Text and JSONL is set; with both, the
	// documents of both are analyzed.
	JSONL string
	// Lang is the language of the documents that give none: "en" (when
	// empty) or "es".
	Lang string
	// Docs is the prefix of the files the documents are written to, one
	// JSON line each (the wire format, with the input's id), in no particular order: one file
	// DOCS-RANDOM.jsonl for each bundle (see [WriteShards]); none when
	// empty.
	Docs string
	// Report is the file the corpus report is written to, as the JSON of
	// a [hearsay.Report] on one line; none when empty.
	Report string
	// Top is the number of most cited sources in the report; 0 lists all.
	Top int
}

// ErrNoInput is returned by [Build] when the Config names no input.
var ErrNoInput = errors.New("hearsay: no input: set a glob of text files or of JSON Lines files")

// Build adds the pipeline of c to s: read, analyze, write the documents
// and the corpus report. It returns the documents (PCollection<string>)
// and the total (a one-element PCollection<hearsay.Report>) for callers
// that go on from them.
func Build(s beam.Scope, c Config) (docs, total beam.PCollection, err error) {
	var inputs []beam.PCollection
	if c.Text != "" {
		inputs = append(inputs, ReadText(s, c.Text))
	}
	if c.JSONL != "" {
		inputs = append(inputs, ReadJSONL(s, c.JSONL))
	}
	if len(inputs) == 0 {
		return beam.PCollection{}, beam.PCollection{}, ErrNoInput
	}
	in := inputs[0]
	if len(inputs) > 1 {
		in = beam.Flatten(s, inputs...)
	}
	docs, reports := Analyze(s, c.Lang, in)
	total = Total(s, c.Top, reports)
	if c.Docs != "" {
		WriteShards(s, c.Docs, docs)
	}
	if c.Report != "" {
		textio.Write(s.Scope("hearsay.WriteReport"), c.Report, beam.ParDo(s, reportJSON, total))
	}
	return docs, total, nil
}

// reportJSON encodes a report on one line.
func reportJSON(r hearsay.Report) (string, error) {
	b, err := encodeReport(r)
	return string(b), err
}
