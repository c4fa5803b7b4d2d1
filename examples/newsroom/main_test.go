package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestLintArticle(t *testing.T) {
	data, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	n := lint(&out, "article.txt", string(data))
	got := out.String()
	for _, want := range []string{
		"article.txt:3:1: vague source \"Sources\" (tentative \"suggest\")",
		"article.txt:6:1: unattributed claim: This Cuban influence is not new.",
		"findings;",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if n == 0 {
		t.Error("no findings on the article")
	}
}

func TestLintPositionsAreOrdered(t *testing.T) {
	var out bytes.Buffer
	lint(&out, "d.txt", "Critics argue it failed.\nIt is believed he fled.\n")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "d.txt:1:1:") || !strings.HasPrefix(lines[len(lines)-2], "d.txt:2:") {
		t.Errorf("findings not in position order:\n%s", out.String())
	}
}
