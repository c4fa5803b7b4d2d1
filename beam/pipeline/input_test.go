package pipeline

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hearsay-go/hearsay"
)

// TestNoMatch checks that a glob that matches nothing fails the pipeline
// rather than writing nothing.
func TestNoMatch(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		c    Config
	}{
		{"text", Config{Text: filepath.Join(dir, "*.txt")}},
		{"jsonl", Config{JSONL: filepath.Join(dir, "*.jsonl")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.Report = filepath.Join(dir, tt.name+".json")
			p, s := beam.NewPipelineWithRoot()
			if _, _, err := Build(s, tt.c); err != nil {
				t.Fatal(err)
			}
			err := ptest.Run(p)
			if err == nil || !strings.Contains(err.Error(), "no files matching") {
				t.Errorf("pipeline over no file: got error %v, want one saying no files match", err)
			}
		})
	}
}

// TestNoDocument checks that input with no document (a JSON Lines file of
// blank lines) still gives a total, of zero.
func TestNoDocument(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "blank.jsonl")
	if err := os.WriteFile(in, []byte("\n  \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := Config{JSONL: in, Report: filepath.Join(dir, "report.json")}
	p, s := beam.NewPipelineWithRoot()
	if _, _, err := Build(s, c); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	lines := readLines(t, c.Report)
	if diff := gocmp.Diff([]string{`{"claims":0,"attributed":0,"named":0,"described":0,"vague":0,"agentless":0,"unattributed":0,"hedged":0,"attributions":0,"distancing":0,"sources_by_kind":{},"deepest_chain":0,"top_sources":null}`}, lineStrings(lines), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

func lineStrings(lines [][]byte) []string {
	var s []string
	for _, l := range lines {
		s = append(s, string(l))
	}
	return s
}

// TestBadInput checks that an input the pipeline cannot take fails it
// with an error that names it.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, input, want string
		text              bool // a text file rather than JSON Lines
	}{
		{"not JSON", "{\"id\": \"a\", \"text\": \"Hello\"}\nnot json at all\n", `JSON Lines input "not json at all"`, false},
		{"no id", `{"text": "Police said so."}` + "\n", "no id", false},
		{"language without lexicons", `{"id": "fr-1", "text": "Le ministre a dit non.", "lang": "fr"}` + "\n", "fr-1", false},
		{"bad language tag", `{"id": "x-1", "text": "Hello.", "lang": "not a tag"}` + "\n", "x-1: bad language", false},
		{"text not valid UTF-8", "Police said caf\xe9 owners were warned.", "4.txt: hearsay: text is not valid UTF-8", true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Config{Report: filepath.Join(dir, fmt.Sprintf("%d.json", i))}
			in := filepath.Join(dir, fmt.Sprintf("%d.jsonl", i))
			if tt.text {
				in = filepath.Join(dir, fmt.Sprintf("%d.txt", i))
				c.Text = in
			} else {
				c.JSONL = in
			}
			if err := os.WriteFile(in, []byte(tt.input), 0o644); err != nil {
				t.Fatal(err)
			}
			p, s := beam.NewPipelineWithRoot()
			if _, _, err := Build(s, c); err != nil {
				t.Fatal(err)
			}
			err := ptest.Run(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// TestCompressedText checks that a gzipped text file is read as its
// text.
func TestCompressedText(t *testing.T) {
	const text = "The mayor said the bridge would reopen in May."
	dir := t.TempDir()
	in := filepath.Join(dir, "bridge.txt.gz")
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(text))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, _ := run(t, Config{Text: filepath.Join(dir, "*.gz")})
	var got hearsay.Document
	if err := json.Unmarshal(docs[in], &got); err != nil {
		t.Fatalf("document %s: %v (%s)", in, err, docs[in])
	}
	if got.Text != text {
		t.Errorf("text = %q, want %q", got.Text, text)
	}
}

// TestBuildNoInput checks that a Config without input is refused.
func TestBuildNoInput(t *testing.T) {
	_, s := beam.NewPipelineWithRoot()
	if _, _, err := Build(s, Config{Report: "x"}); err != ErrNoInput {
		t.Errorf("Build without input: got %v, want ErrNoInput", err)
	}
}
