package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunHTML checks -format html on one input and on several, which
// share one page with a table of contents.
func TestRunHTML(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.txt")
	two := filepath.Join(dir, "two <b>.txt")
	for name, text := range map[string]string{
		one: "Sources say it may rain.",
		two: `Officials said "<script>alert(1)</script>" & more.`,
	} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name          string
		args          []string
		want, wantNot []string
	}{
		{"one input", []string{"-format", "html", one},
			[]string{"<!DOCTYPE html>", `<article id="d1">`, `<h2>` + one + `</h2>`, `<b class=v data-a=0>Sources</b>`, "</html>\n"},
			[]string{`<nav id="toc"`, `<article id="d2">`}},
		{"two inputs", []string{"-format", "html", one, two},
			[]string{`<nav id="toc"`, `<a href="#d2">` + dir + `/two &lt;b&gt;.txt</a>`, `&#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; &amp; more`},
			[]string{"<script>alert", "<b>.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tc.args, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			got := out.String()
			if n := strings.Count(got, "<!DOCTYPE html>"); n != 1 {
				t.Errorf("%d pages, want 1", n)
			}
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("output lacks %s", want)
				}
			}
			for _, bad := range tc.wantNot {
				if strings.Contains(got, bad) {
					t.Errorf("output has %s", bad)
				}
			}
		})
	}
}
