package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
)

// TestJSONStreamEqualsMarshalJSON holds writeJSONStream to the bytes of
// Document.MarshalJSON: when the wire format changes there, this fails
// until the stream follows.
func TestJSONStreamEqualsMarshalJSON(t *testing.T) {
	article, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	withID := hearsay.Analyze(string(article))
	withID.ID = `dir/a "b" <c> & d.txt`
	es, err := hearsay.New(hearsay.WithLanguage(language.Spanish))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  *hearsay.Document
	}{
		{name: "article", doc: hearsay.Analyze(string(article))},
		{name: "article with an id", doc: withID},
		{name: "empty", doc: &hearsay.Document{}},
		{name: "spanish", doc: es.Analyze("Según la fiscalía, el acusado podría haber huido.")},
		{name: "html and unicode", doc: hearsay.Analyze("Officials <b>said</b> the \u2028 café & bar \"may\" close.")},
		// The text is written in chunks cut at rune boundaries.
		{name: "a chunk boundary inside a rune", doc: &hearsay.Document{Text: "x" + strings.Repeat("é", stringChunk)}},
		{name: "text over several chunks", doc: &hearsay.Document{ID: "long", Text: strings.Repeat("é\u2028<\"a\\\n", stringChunk/3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := tt.doc.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			w := bufio.NewWriter(&b)
			if err := writeJSONStream(w, tt.doc); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("(-MarshalJSON +stream):\n%s", diff)
			}
		})
	}
	t.Run("invalid UTF-8", func(t *testing.T) {
		w := bufio.NewWriter(&bytes.Buffer{})
		if err := writeJSONStream(w, &hearsay.Document{Text: "\xff"}); err != hearsay.ErrInvalidUTF8 {
			t.Errorf("error %v, want ErrInvalidUTF8", err)
		}
	})
}

// TestLargeDocumentStreams runs the command on a document above the
// streaming threshold: its output is the document MarshalJSON writes.
func TestLargeDocumentStreams(t *testing.T) {
	saved := streamAbove
	t.Cleanup(func() { streamAbove = saved })
	streamAbove = 100
	text := strings.Repeat("Officials said the bridge may close. ", 10)
	for _, format := range []string{"json", "jsonl"} {
		code, out, errOut := runCmd(t, text, "-format", format)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		doc := hearsay.Analyze(text)
		doc.ID = "-"
		want, _ := doc.MarshalJSON()
		if diff := cmp.Diff(string(want)+"\n", out); diff != "" {
			t.Errorf("-format %s (-want +got):\n%s", format, diff)
		}
		var back hearsay.Document
		if err := json.Unmarshal([]byte(out), &back); err != nil {
			t.Errorf("-format %s: %v", format, err)
		}
	}
}

// TestLargeJSONLDStreams runs -format jsonld on documents above the
// streaming threshold: the output is that of MarshalJSONLD.
func TestLargeJSONLDStreams(t *testing.T) {
	saved := streamAbove
	t.Cleanup(func() { streamAbove = saved })
	streamAbove = 100
	text := strings.Repeat("Officials said the bridge may close. ", 10)
	doc := hearsay.Analyze(text)
	for _, tt := range []struct {
		name string
		args []string
		opts hearsay.JSONLDOptions
		n    int // documents
	}{
		{name: "compact", args: []string{"-"}, opts: hearsay.JSONLDOptions{Base: "urn:hearsay:-", Compact: true}, n: 1},
		{name: "indent", args: []string{"-indent", "-"}, opts: hearsay.JSONLDOptions{Base: "urn:hearsay:-"}, n: 1},
		{name: "several", args: []string{"-", "-"}, opts: hearsay.JSONLDOptions{Base: "urn:hearsay:-", Compact: true}, n: 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, text, append([]string{"-format", "jsonld"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			b, err := doc.MarshalJSONLD(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			want := string(b)
			if tt.n > 1 {
				// Standard input is read once: the second "-" is empty.
				empty, _ := (&hearsay.Document{Lang: doc.Lang}).MarshalJSONLD(tt.opts)
				want = "[\n" + want[:len(want)-1] + ",\n" + string(empty[:len(empty)-1]) + "\n]\n"
			}
			if diff := cmp.Diff(want, out); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
