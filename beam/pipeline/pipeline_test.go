package pipeline

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hearsay-go/hearsay"
	"golang.org/x/text/language"
)

// TestMain runs the pipelines of the tests on Beam's local runner, prism
// (ptest's default; -runner selects another).
func TestMain(m *testing.M) { ptest.Main(m) }

const (
	textGlob  = "../testdata/texts/*.txt"
	jsonlFile = "../testdata/docs.jsonl"
)

// run runs the pipeline of c, with its outputs in a temporary directory,
// and returns the documents by id and the total.
func run(t *testing.T, c Config) (map[string]json.RawMessage, hearsay.Report) {
	t.Helper()
	dir := t.TempDir()
	c.Docs = filepath.Join(dir, "docs")
	c.Report = filepath.Join(dir, "report.json")
	p, s := beam.NewPipelineWithRoot()
	if _, _, err := Build(s, c); err != nil {
		t.Fatalf("Build: %v", err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	docs := map[string]json.RawMessage{}
	shards, err := filepath.Glob(c.Docs + "-*")
	if err != nil || len(shards) == 0 {
		t.Fatalf("no document files %s-* (%v)", c.Docs, err)
	}
	var lines [][]byte
	for _, f := range shards {
		if filepath.Ext(f) != ".jsonl" {
			t.Errorf("document file %s: want it named .jsonl", f)
		}
		lines = append(lines, readLines(t, f)...)
	}
	for _, line := range lines {
		var o struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(line, &o); err != nil {
			t.Fatalf("document line %q: %v", line, err)
		}
		if _, dup := docs[o.ID]; dup {
			t.Errorf("document %q written twice", o.ID)
		}
		docs[o.ID] = line
	}
	lines = readLines(t, c.Report)
	if len(lines) != 1 {
		t.Fatalf("report: got %d lines, want 1", len(lines))
	}
	var total hearsay.Report
	if err := json.Unmarshal(lines[0], &total); err != nil {
		t.Fatalf("report %q: %v", lines[0], err)
	}
	return docs, total
}

func readLines(t *testing.T, name string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		lines = append(lines, slices.Clone(sc.Bytes()))
	}
	return lines
}

// inputs returns the test inputs in the order the command line reads
// them: the text files in glob order, then the JSON Lines.
func inputs(t *testing.T, withJSONL bool) []Input {
	t.Helper()
	files, err := filepath.Glob(textGlob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no test texts (%v)", err)
	}
	var ins []Input
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, Input{ID: f, Text: string(b)})
	}
	if withJSONL {
		for _, line := range readLines(t, jsonlFile) {
			var in Input
			if err := json.Unmarshal(line, &in); err != nil {
				t.Fatal(err)
			}
			ins = append(ins, in)
		}
	}
	return ins
}

// analyze analyzes each input as the command line does and returns the
// documents and the total of their reports, added in input order.
func analyze(t *testing.T, ins []Input) ([]*hearsay.Document, hearsay.Report) {
	t.Helper()
	var docs []*hearsay.Document
	var total hearsay.Report
	for _, in := range ins {
		a, err := hearsay.New(hearsay.WithLanguage(language.Make(cmp.Or(in.Lang, "en"))))
		if err != nil {
			t.Fatal(err)
		}
		d := a.Analyze(in.Text)
		docs = append(docs, d)
		total.Add(d.Report())
	}
	return docs, total
}

// normalize orders the most cited sources of a total as TotalFn does:
// Report.Add orders ties by first appearance, which depends on the order
// of the inputs; TotalFn orders them by label.
func normalize(r hearsay.Report, top int) hearsay.Report {
	claims := map[string]int{}
	for _, s := range r.TopSources {
		claims[s.Label] += s.Claims
	}
	r.TopSources = TopSources(claims, top)
	return r
}

// TestPipeline runs the pipeline on the local runner over text files and
// JSON Lines (one Spanish) and checks each document against Analyze and
// the total against the reports added in input order.
func TestPipeline(t *testing.T) {
	ins := inputs(t, true)
	wantDocs, wantTotal := analyze(t, ins)
	docs, total := run(t, Config{Text: textGlob, JSONL: jsonlFile})

	if diff := gocmp.Diff(normalize(wantTotal, 0), total, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("total (-want +got):\n%s", diff)
	}
	if wantTotal.Claims == 0 || len(total.TopSources) < 2 {
		t.Errorf("the test inputs give too little to check: %+v", total)
	}
	if len(docs) != len(ins) {
		t.Errorf("got %d documents, want %d", len(docs), len(ins))
	}
	for i, in := range ins {
		wantDocs[i].ID = in.ID
		want, err := wantDocs[i].MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(string(want), string(docs[in.ID])); diff != "" {
			t.Errorf("document %s (-want +got):\n%s", in.ID, diff)
		}
	}
}

// TestPipelineTop checks that -top keeps the most cited sources, ties by
// label.
func TestPipelineTop(t *testing.T) {
	_, wantTotal := analyze(t, inputs(t, false))
	_, total := run(t, Config{Text: textGlob, Top: 3})
	want := normalize(wantTotal, 3)
	if len(want.TopSources) != 3 {
		t.Fatalf("want 3 sources, have %v", want.TopSources)
	}
	if diff := gocmp.Diff(want, total, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("total (-want +got):\n%s", diff)
	}
}
