package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(good, []byte("Sources say it may rain. Mr. Smith disagreed."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("ok \xff not ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	lex := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(lex, []byte("# mine\ndisagree+\tbelief\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badLex := filepath.Join(dir, "bad.lex")
	if err := os.WriteFile(badLex, []byte("ok\tbelief\nnope\tguess\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		stdin     string
		wantCode  int
		wantOut   string // substring of stdout
		wantErr   string // substring of stderr
		wantNoOut bool
	}{
		{name: "text from file", args: []string{good}, wantOut: "2 sentences"},
		{name: "json from stdin", args: []string{"-format", "json"}, stdin: "One. Two.", wantOut: `"sentences":[{"start":0,"end":4},{"start":5,"end":9}]`},
		{name: "unknown format", args: []string{"-format", "xml"}, wantCode: 2, wantErr: "usage: hearsay", wantNoOut: true},
		{name: "unknown flag", args: []string{"-x"}, wantCode: 2, wantErr: "usage: hearsay", wantNoOut: true},
		{name: "unsupported language", args: []string{"-lang", "ja"}, wantCode: 2, wantErr: "unsupported language", wantNoOut: true},
		{name: "missing file", args: []string{good, filepath.Join(dir, "nope.txt")}, wantCode: 1, wantErr: "nope.txt", wantNoOut: true},
		{name: "invalid UTF-8", args: []string{bad}, wantCode: 1, wantErr: "bad.txt: not UTF-8 text: invalid byte 0xff at offset 3", wantNoOut: true},
		{name: "help", args: []string{"-h"}, wantOut: "usage: hearsay"},
		{name: "spanish", args: []string{"-lang", "es"}, stdin: "Según la fiscalía, podría llover.", wantOut: "[podría:epistemic]"},
		{name: "user hedges", args: []string{"-hedges", lex, good}, wantOut: "[disagreed:belief]"},
		{name: "bad user hedges", args: []string{"-hedges", badLex, good}, wantCode: 1, wantErr: `bad.lex:2: unknown hedge category "guess"`, wantNoOut: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, errOut.String())
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout %q does not contain %q", out.String(), tt.wantOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut.String(), tt.wantErr)
			}
			if tt.wantNoOut && out.Len() > 0 {
				t.Errorf("stdout %q, want nothing on error", out.String())
			}
		})
	}
}

func TestJSONOutputDecodes(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-format", "json", "../../testdata/article.txt"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var doc hearsay.Document
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("output does not decode as a valid Document: %v", err)
	}
	if len(doc.Sentences) == 0 {
		t.Error("no sentences in the output")
	}
}

func TestManyInputs(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i, text := range []string{"One. Two.", "Sources say it may rain.", "Officials denied it.", "Rain fell. Wind blew. It ended."} {
		name := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	t.Run("json array in input order", func(t *testing.T) {
		var out, errOut bytes.Buffer
		if code := run(append([]string{"-format", "json", "-j", "3"}, names...), nil, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		var docs []hearsay.Document
		if err := json.Unmarshal(out.Bytes(), &docs); err != nil {
			t.Fatalf("output is not a JSON array of documents: %v", err)
		}
		if len(docs) != 4 || docs[1].Text != "Sources say it may rain." || len(docs[3].Sentences) != 3 {
			t.Errorf("documents out of order or wrong: %+v", docs)
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		var out, errOut bytes.Buffer
		if code := run(append([]string{"-format", "jsonl"}, names...), nil, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != 4 {
			t.Fatalf("%d lines, want 4", len(lines))
		}
		var doc hearsay.Document
		if err := json.Unmarshal([]byte(lines[2]), &doc); err != nil || doc.Text != "Officials denied it." {
			t.Errorf("line 3 = %q (%v)", lines[2], err)
		}
	})
	t.Run("report with totals", func(t *testing.T) {
		var out, errOut bytes.Buffer
		if code := run(append([]string{"-format", "report"}, names...), nil, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		if !strings.Contains(out.String(), "== total over 4 inputs") {
			t.Errorf("no totals in %q", out.String())
		}
	})
	t.Run("jsonld and dot", func(t *testing.T) {
		for format, want := range map[string]string{"jsonld": `"@context"`, "dot": "digraph"} {
			var out, errOut bytes.Buffer
			if code := run([]string{"-format", format, names[1]}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), want) {
				t.Errorf("-format %s: exit %d, output %q lacks %q (%s)", format, code, out.String(), want, errOut.String())
			}
		}
	})
	t.Run("registry", func(t *testing.T) {
		var out, errOut bytes.Buffer
		args := []string{"-format", "json", "-registry", "../../testdata/article.registry.tsv", "../../testdata/article.txt"}
		if code := run(args, nil, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		var doc hearsay.Document
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		e, ok := doc.Entity("maduro")
		if !ok || len(e.Mentions) < 10 {
			t.Errorf("registry entity maduro: %+v", e)
		}
	})
	t.Run("bad registry", func(t *testing.T) {
		bad := filepath.Join(dir, "reg.tsv")
		if err := os.WriteFile(bad, []byte("a\tA\tperson\nb\tB\talien\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		if code := run([]string{"-registry", bad, names[0]}, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "reg.tsv:2") {
			t.Errorf("exit %d, stderr %q: want 1 and the file and line", code, errOut.String())
		}
	})
	t.Run("bad -j", func(t *testing.T) {
		var out, errOut bytes.Buffer
		if code := run([]string{"-j", "0"}, nil, &out, &errOut); code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
	})
}
