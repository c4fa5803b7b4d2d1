package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
)

// writeFiles writes files (path relative to dir: content) and returns dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runCmd runs the command and returns its exit status, stdout and stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// jsonlIDs decodes JSONL documents and returns their IDs and texts.
func jsonlIDs(t *testing.T, out string) (ids, texts []string) {
	t.Helper()
	for line := range strings.Lines(out) {
		var doc hearsay.Document
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		ids = append(ids, doc.ID)
		texts = append(texts, doc.Text)
	}
	return ids, texts
}

func TestInputs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":      "Officials denied it.",
		"a.txt":      "Sources say it may rain.",
		"sub/c.txt":  "Mr. Smith said it rains.",
		"sub/d.md":   "A note.",
		"z/e.jsonl":  `{"id": "x1", "text": "It rained."}` + "\n",
		"lines.json": "",
	})
	single := filepath.Join(dir, "a.txt")
	lines := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(lines, []byte(`{"id": "first", "text": "Officials denied it."}

{"id": 42, "text": "Según la fiscalía, el acusado podría haber huido del país.", "lang": "es"}
{"text": "No id here."}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		stdin   string
		args    []string
		wantIDs []string
	}{
		{name: "directory in lexical order, *.txt", args: []string{dir},
			wantIDs: []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub/c.txt")}},
		{name: "glob", args: []string{"-glob", "*.md", dir}, wantIDs: []string{filepath.Join(dir, "sub/d.md")}},
		{name: "file as given", args: []string{single}, wantIDs: []string{single}},
		{name: "stdin as -", stdin: "It rained.", args: []string{"-", single}, wantIDs: []string{"-", single}},
		{name: "no argument is stdin", stdin: "It rained.", wantIDs: []string{"-"}},
		{name: "jsonl ids: string, number, file:line", args: []string{"-input", "jsonl", lines},
			wantIDs: []string{"first", "42", lines + ":4"}},
		{name: "jsonl from stdin", stdin: `{"id": "s", "text": "Hi."}`, args: []string{"-input", "jsonl"}, wantIDs: []string{"s"}},
		{name: "jsonl directory takes *.jsonl", args: []string{"-input", "jsonl", filepath.Join(dir, "z")}, wantIDs: []string{"x1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, append([]string{"-format", "jsonl"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			ids, _ := jsonlIDs(t, out)
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONLLang(t *testing.T) {
	in := `{"id": "es", "text": "Según la fiscalía, el acusado podría haber huido del país.", "lang": "es"}` + "\n" +
		`{"id": "en", "text": "Prosecutors said the man may have fled."}` + "\n"
	code, out, errOut := runCmd(t, in, "-input", "jsonl", "-format", "jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var langs []string
	for line := range strings.Lines(out) {
		var doc hearsay.Document
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatal(err)
		}
		langs = append(langs, doc.Lang.String())
	}
	if diff := cmp.Diff([]string{"es", "en"}, langs); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
	if errOut != "" {
		t.Errorf("stderr %q, want nothing: each line is in its own language", errOut)
	}
}

func TestJSONLBadLines(t *testing.T) {
	dir := writeFiles(t, map[string]string{"in.jsonl": `{"id": "a", "text": "One."}
{"id": "b", "text": 
{"id": "c"}
{"id": "d", "text": "Two.", "lang": "fr"}
{"id": ["e"], "text": "Three."}
{"id": "f", "text": "Four."}
`})
	file := filepath.Join(dir, "in.jsonl")
	tests := []struct {
		name     string
		args     []string
		wantIDs  []string
		wantErrs []string
	}{
		{name: "default stops at the first bad line", args: nil, wantIDs: []string{"a"},
			wantErrs: []string{file + ":2: not a JSON object with an id and a text"}},
		{name: "keep-going", args: []string{"-keep-going"}, wantIDs: []string{"a", "f"},
			wantErrs: []string{
				file + ":2: not a JSON object",
				file + `:3: no "text"`,
				file + `:4: lang "fr": want en or es`,
				file + `:5: id ["e"]: want a string or a number`,
				"4 of 6 inputs failed",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-input", "jsonl", "-format", "jsonl"}, tt.args...)
			code, out, errOut := runCmd(t, "", append(args, file)...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			ids, _ := jsonlIDs(t, out)
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			for _, want := range tt.wantErrs {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr %q lacks %q", errOut, want)
				}
			}
		})
	}
}

func TestOrderWithManyJobs(t *testing.T) {
	// Documents of very different lengths, so that workers finish out of
	// order.
	var in strings.Builder
	var want []string
	for i := range 40 {
		id := fmt.Sprintf("doc%02d", i)
		want = append(want, id)
		text := strings.Repeat("Officials said it may rain. ", 1+(i*7)%23)
		fmt.Fprintf(&in, "{\"id\": %q, \"text\": %q}\n", id, text)
	}
	for _, format := range []string{"jsonl", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runCmd(t, in.String(), "-input", "jsonl", "-j", "4", "-format", format)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var ids []string
			if format == "json" {
				var docs []hearsay.Document
				if err := json.Unmarshal([]byte(out), &docs); err != nil {
					t.Fatalf("not a JSON array of documents: %v", err)
				}
				for _, d := range docs {
					ids = append(ids, d.ID)
				}
			} else {
				ids, _ = jsonlIDs(t, out)
			}
			if diff := cmp.Diff(want, ids); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFailures(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"1.txt": "Sources say it may rain.",
		"2.txt": "ok \xff not ok",
		"3.txt": "Officials denied it.",
	})
	tests := []struct {
		name      string
		args      []string
		wantIDs   []string
		wantValid bool // the output is a whole JSON array
		wantErr   string
	}{
		{name: "default stops", wantIDs: []string{filepath.Join(dir, "1.txt")}, wantValid: false,
			wantErr: filepath.Join(dir, "2.txt") + ": not UTF-8 text: invalid byte 0xff at offset 3\n"},
		{name: "keep-going", args: []string{"-keep-going"}, wantIDs: []string{filepath.Join(dir, "1.txt"), filepath.Join(dir, "3.txt")}, wantValid: true,
			wantErr: "hearsay: 1 of 3 inputs failed\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", append(append([]string{"-format", "json", "-j", "2"}, tt.args...), dir)...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut, tt.wantErr)
			}
			var docs []hearsay.Document
			err := json.Unmarshal([]byte(out), &docs)
			if (err == nil) != tt.wantValid {
				t.Fatalf("output decodes: %v, want %v:\n%s", err == nil, tt.wantValid, out)
			}
			if !tt.wantValid {
				// Whole documents only: the open array decodes once closed.
				if err := json.Unmarshal([]byte(out+"]"), &docs); err != nil {
					t.Fatalf("the output before the failure is not whole documents: %v\n%s", err, out)
				}
			}
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("documents written (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Sources say it may rain. Officials, as reported by Axios, claim the leader fears a coup.",
		"b.txt": "Officials denied it. Sources say the talks could fail.",
		"c.txt": "",
	})
	code, out, errOut := runCmd(t, "", "-format", "report-json", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, `{"documents":[`) || !strings.HasSuffix(out, "}\n") {
		t.Errorf("not one object {\"documents\": ..., \"total\": ...}:\n%s", out)
	}
	var got struct {
		Documents []struct {
			ID     string         `json:"id"`
			Report hearsay.Report `json:"report"`
		} `json:"documents"`
		Total hearsay.Report `json:"total"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("report-json does not decode as {documents, total}: %v\n%s", err, out)
	}
	var ids []string
	var sum hearsay.Report
	for _, d := range got.Documents {
		ids = append(ids, d.ID)
		sum.Add(d.Report)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(sum, got.Total); diff != "" {
		t.Errorf("total is not the sum of the documents' reports (-want +got):\n%s", diff)
	}
	if got.Total.Claims == 0 || got.Total.Attributions == 0 {
		t.Errorf("empty total: %+v", got.Total)
	}

	// The reports are those of the library, document by document.
	text, err := os.ReadFile(filepath.Join(dir, "b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(hearsay.Analyze(string(text)).Report(), got.Documents[1].Report); diff != "" {
		t.Errorf("report of b.txt (-want +got):\n%s", diff)
	}

	t.Run("no documents", func(t *testing.T) {
		code, out, _ := runCmd(t, "", "-format", "report-json", "-input", "jsonl")
		var v map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v["documents"] == nil {
			t.Errorf("exit %d, output %q: want an object with an empty list", code, out)
		}
	})
}

func TestDOTOneGraph(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Sources say it may rain. It rained.",
		"b.txt": "Sources say it may rain. Officials denied it.",
	})
	code, out, errOut := runCmd(t, "", "-format", "dot", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	counts := map[string]int{}
	for _, s := range []string{"digraph", "subgraph cluster_1 {", "subgraph cluster_2 {", `"1/entity:e1"`, `"2/entity:e1"`, `"entity:e1"`} {
		counts[s] = strings.Count(out, s)
	}
	want := map[string]int{"digraph": 1, "subgraph cluster_1 {": 1, "subgraph cluster_2 {": 1, `"1/entity:e1"`: 2, `"2/entity:e1"`: 2, `"entity:e1"`: 0}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Errorf("occurrences (-want +got):\n%s\n%s", diff, out)
	}
	if strings.Count(out, "{") != strings.Count(out, "}") || !strings.HasSuffix(out, "}\n}\n") {
		t.Errorf("braces do not balance:\n%s", out)
	}
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not on PATH")
	}
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || stderr.Len() > 0 || !bytes.Contains(svg, []byte("<svg")) {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
}

func TestJSONLDBase(t *testing.T) {
	article := "../../testdata/article.txt"
	abs, err := filepath.Abs(article)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"a b.txt": "Sources say it may rain.", "c.txt": "It rained."})
	tests := []struct {
		name   string
		args   []string
		wantID []string // the @id of each document node
	}{
		{name: "default: urn:hearsay: and the escaped id", args: []string{article},
			wantID: []string{"urn:hearsay:" + url.PathEscape(article)}},
		{name: "-base for one input", args: []string{"-base", "https://news.example/2025/maduro", article},
			wantID: []string{"https://news.example/2025/maduro"}},
		{name: "-base prefixes the ids of several", args: []string{"-base", "https://corpus.example/", dir},
			wantID: []string{"https://corpus.example/" + url.PathEscape(filepath.Join(dir, "a b.txt")), "https://corpus.example/" + url.PathEscape(filepath.Join(dir, "c.txt"))}},
		{name: "stdin", args: []string{"-"}, wantID: []string{"urn:hearsay:-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, "It rained.", append([]string{"-format", "jsonld"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if strings.Contains(out, "file:") || strings.Contains(out, abs) {
				t.Errorf("a local path leaks into the output")
			}
			type ldDoc struct {
				Graph []struct {
					ID   string `json:"@id"`
					Type any    `json:"@type"`
				} `json:"@graph"`
			}
			var docs []ldDoc
			if strings.HasPrefix(out, "[") {
				if err := json.Unmarshal([]byte(out), &docs); err != nil {
					t.Fatal(err)
				}
			} else {
				var d ldDoc
				if err := json.Unmarshal([]byte(out), &d); err != nil {
					t.Fatal(err)
				}
				docs = []ldDoc{d}
			}
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.Graph[0].ID)
			}
			if diff := cmp.Diff(tt.wantID, ids); diff != "" {
				t.Errorf("document @ids (-want +got):\n%s", diff)
			}
			if !strings.Contains(tt.name, "several") && strings.Count(out, "\n") != 1 {
				t.Errorf("jsonld is not compact: %d lines", strings.Count(out, "\n"))
			}
		})
	}
	t.Run("-indent", func(t *testing.T) {
		_, out, _ := runCmd(t, "It rained.", "-format", "jsonld", "-indent")
		if !strings.Contains(out, "\n  \"@graph\"") {
			t.Errorf("not indented:\n%s", out)
		}
	})
	t.Run("bad -base", func(t *testing.T) {
		code, _, errOut := runCmd(t, "", "-format", "jsonld", "-base", "relative/path")
		if code != 2 || !strings.Contains(errOut, `hearsay: -base "relative/path": JSON-LD base must be an absolute IRI`) {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
}

func TestLanguage(t *testing.T) {
	es := "Según la fiscalía, el acusado podría haber huido del país con una parte de los fondos, dijo el ministro."
	en := "Prosecutors said the man may have fled the country with part of the funds."
	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantLang string
		wantErr  string
	}{
		{name: "spanish under -lang en warns", stdin: es, args: []string{"-lang", "en"}, wantLang: "en",
			wantErr: "hearsay: warning: standard input looks like Spanish (10 Spanish and 0 English function words), not en as -lang says; try -lang es or -lang auto\n"},
		{name: "english under -lang es warns", stdin: en, args: []string{"-lang", "es"}, wantLang: "es",
			wantErr: "hearsay: warning: standard input looks like English"},
		{name: "spanish under -lang es is quiet", stdin: es, args: []string{"-lang", "es"}, wantLang: "es"},
		{name: "auto picks es", stdin: es, args: []string{"-lang", "auto"}, wantLang: "es"},
		{name: "auto picks en", stdin: en, args: []string{"-lang", "auto"}, wantLang: "en"},
		{name: "auto on too little text is en", stdin: "Hola.", args: []string{"-lang", "auto"}, wantLang: "en"},
		{name: "a tag with a region", stdin: es, args: []string{"-lang", "es-MX"}, wantLang: "es"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, append([]string{"-format", "json"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var doc hearsay.Document
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			if got := doc.Lang.String(); got != tt.wantLang {
				t.Errorf("lang %s, want %s", got, tt.wantLang)
			}
			if tt.wantErr == "" && errOut != "" || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q, want %q", errOut, tt.wantErr)
			}
		})
	}
	t.Run("auto finds the spanish attributions", func(t *testing.T) {
		_, out, _ := runCmd(t, "Según la fiscalía, el acusado podría haber huido del país.", "-lang", "auto")
		if !strings.Contains(out, "[podría:epistemic]") {
			t.Errorf("spanish hedge not found:\n%s", out)
		}
	})
}
