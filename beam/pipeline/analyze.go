package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/hearsay-go/hearsay"
	"golang.org/x/text/language"
)

func init() {
	// Reports travel between stages in their JSON encoding, which
	// round-trips the map keyed by entity.Kind.
	beam.RegisterCoder(reflect.TypeFor[hearsay.Report](), encodeReport, decodeReport)
	register.DoFn4x1[context.Context, Input, func(string), func(hearsay.Report), error](&analyzeFn{})
	register.Emitter1[string]()
	register.Emitter1[hearsay.Report]()
}

func encodeReport(r hearsay.Report) ([]byte, error) { return json.Marshal(r) }

func decodeReport(b []byte) (hearsay.Report, error) {
	var r hearsay.Report
	err := json.Unmarshal(b, &r)
	return r, err
}

// Analyze analyzes a PCollection<Input> and returns the documents, a
// PCollection<string> of JSON lines (the wire format, with the input's id), and their sourcing
// reports, a PCollection<hearsay.Report>. lang is the language of inputs
// that give none ("en" when empty). The Analyzer is built once for each
// instance of the DoFn, in Setup, and reused for every element of every
// bundle the instance processes (a runner keeps an instance for each
// worker thread); a language other than lang gets its own Analyzer the
// first time an instance meets it.
//
// An input that cannot be analyzed (a language without lexicons) or
// written (text that is not valid UTF-8) fails the pipeline with an
// error naming its id.
func Analyze(s beam.Scope, lang string, inputs beam.PCollection) (docs, reports beam.PCollection) {
	s = s.Scope("hearsay.Analyze")
	return beam.ParDo2(s, &analyzeFn{Lang: lang}, inputs)
}

// analyzeFn is the DoFn of Analyze.
type analyzeFn struct {
	// Lang is the default language tag.
	Lang string `json:"lang"`

	analyzers map[string]*hearsay.Analyzer // by language tag as given
}

// Setup builds the Analyzer of the default language.
func (fn *analyzeFn) Setup() error {
	fn.analyzers = map[string]*hearsay.Analyzer{}
	_, err := fn.analyzer(fn.Lang)
	return err
}

// analyzer returns the Analyzer of a language tag, building it the first
// time.
func (fn *analyzeFn) analyzer(lang string) (*hearsay.Analyzer, error) {
	if lang == "" {
		lang = fn.Lang
	}
	if lang == "" {
		lang = "en"
	}
	if a, ok := fn.analyzers[lang]; ok {
		return a, nil
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, fmt.Errorf("bad language %q: %w", lang, err)
	}
	a, err := hearsay.New(hearsay.WithLanguage(tag))
	if err != nil {
		return nil, err
	}
	fn.analyzers[lang] = a
	return a, nil
}

// ProcessElement analyzes one input and emits its JSON line and report.
func (fn *analyzeFn) ProcessElement(ctx context.Context, in Input, doc func(string), report func(hearsay.Report)) error {
	a, err := fn.analyzer(in.Lang)
	if err != nil {
		return fmt.Errorf("hearsay: %s: %w", in.ID, err)
	}
	d := a.Analyze(in.Text)
	line, err := encode(in.ID, d)
	if err != nil {
		return fmt.Errorf("hearsay: %s: %w", in.ID, err)
	}
	doc(string(line))
	report(d.Report())
	return nil
}
