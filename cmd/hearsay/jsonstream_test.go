package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
)

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
