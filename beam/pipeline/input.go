package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// Input is one document to analyze: an id to report it by, its text and
// its language as a BCP 47 tag (empty for the pipeline's default). It is
// also the shape of a JSON Lines input line:
// {"id": "...", "text": "...", "lang": "es"}.
type Input struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Lang string `json:"lang,omitempty"`
}

func init() {
	beam.RegisterType(reflect.TypeFor[Input]())
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Input), error](&fileFn{})
	register.DoFn2x1[string, func(Input), error](&lineFn{})
	register.Emitter1[Input]()
	register.Function1x1[fileio.FileMetadata, string](pathOf)
}

// ReadText returns a PCollection<Input> of the files that glob matches,
// one document each, with the file's path as its id. The glob may name any
// file system Beam knows (a local path, gs://...); a file ending in .gz
// is decompressed. A glob that matches no file fails the pipeline.
func ReadText(s beam.Scope, glob string) beam.PCollection {
	s = s.Scope("hearsay.ReadText")
	matches := fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow())
	// The matches come out of one element: without a shuffle, a runner
	// fuses reading and analyzing them into that element's bundle, on one
	// worker.
	matches = beam.Reshuffle(s, matches)
	files := fileio.ReadMatches(s, matches) // gzip and others by extension
	return beam.ParDo(s, &fileFn{}, files)
}

// fileFn reads a whole file as one document.
type fileFn struct{}

// ProcessElement emits the file's content with its path as the id.
func (fn *fileFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Input)) error {
	text, err := f.ReadString(ctx)
	if err != nil {
		return fmt.Errorf("hearsay: %s: %w", f.Metadata.Path, err)
	}
	emit(Input{ID: f.Metadata.Path, Text: text})
	return nil
}

// ReadJSONL returns a PCollection<Input> of the lines of the files that
// glob matches, each line one JSON object {"id", "text", "lang"} ("lang"
// optional). Blank lines are skipped; a line that is not such an object,
// or has no id, fails the pipeline with an error naming the line's start;
// so does a glob that matches no file.
func ReadJSONL(s beam.Scope, glob string) beam.PCollection {
	s = s.Scope("hearsay.ReadJSONL")
	// Matched here, rather than by textio.Read, which allows no match.
	paths := beam.ParDo(s, pathOf, fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow()))
	return beam.ParDo(s, &lineFn{}, textio.ReadAll(s, paths))
}

// pathOf returns the path of a matched file.
func pathOf(m fileio.FileMetadata) string { return m.Path }

// lineFn decodes one JSON Lines line.
type lineFn struct{}

// ProcessElement decodes line into an Input.
func (fn *lineFn) ProcessElement(line string, emit func(Input)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	var in Input
	if err := json.Unmarshal([]byte(line), &in); err != nil {
		return fmt.Errorf("hearsay: JSON Lines input %q: %w", prefix(line), err)
	}
	if in.ID == "" {
		return fmt.Errorf("hearsay: JSON Lines input %q: no id", prefix(line))
	}
	emit(in)
	return nil
}

// prefix returns the start of a line for an error message.
func prefix(line string) string {
	const n = 60
	if len(line) <= n {
		return line
	}
	return line[:n] + "..."
}
