package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalUncertainty(t *testing.T) {
	dir := t.TempDir()
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocumentPart>
<Sentence id="s1">The bridge <ccue type="speculation_modal_probable_">may</ccue> close.</Sentence>
<Sentence id="s2">The bridge closed on Monday.</Sentence>
<Sentence id="s3">Critics <ccue type="speculation_hypo_doxastic _">suspect</ccue> fraud.</Sentence>
</DocumentPart></Document></DocumentSet></Annotation>`
	file := filepath.Join(dir, "mini.xml")
	if err := os.WriteFile(file, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"eval", "uncertainty", file}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "sentence        2       2       2  100.00  100.00  100.00") {
		t.Errorf("unexpected figures:\n%s", out.String())
	}
}

// polnearSplit writes a PolNeAR split "dev" of one article, art1, with
// the annotation of each annotator (in metadata.tsv's order), and returns
// its folder.
func polnearSplit(t *testing.T, text string, annotators []string, anns []string) string {
	t.Helper()
	dir := t.TempDir()
	split := filepath.Join(dir, "dev")
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(split, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(split, "text", "art1.txt"): text,
		filepath.Join(dir, "metadata.tsv"):       "compartment\tfilename\tlevel\tannotators\n" + "dev\tart1\tNone\t" + strings.Join(annotators, "|") + "\n",
	}
	for i, a := range annotators {
		files[filepath.Join(split, "attributions", "art1_"+a+".ann")] = anns[i]
	}
	for name, data := range files {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return split
}

func TestEvalPolNeAR(t *testing.T) {
	text := "The mayor said the bridge will close.\n"
	ann := "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe bridge will close\nT4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
	split := polnearSplit(t, text, []string{"aaaa"}, []string{ann})
	var out, errOut bytes.Buffer
	if code := run([]string{"eval", "polnear", "-errors", split}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"1 articles", "cue           1      1 |      1 100.00 100.00 100.00"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestEvalPolNeARAgreement scores a second annotator against the first
// on the articles both annotated.
func TestEvalPolNeARAgreement(t *testing.T) {
	text := "The mayor said the bridge will close.\n"
	full := "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe bridge will close\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
	noSource := "T2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe bridge will close\nE1\tAttribution:T2 Cue:T2 Content:T3\n"
	split := polnearSplit(t, text, []string{"aaaa", "bbbb"}, []string{full, noSource})
	var out, errOut bytes.Buffer
	if code := run([]string{"eval", "polnear", "-agreement", split}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	i, j := strings.Index(got, "-- the second annotator against the first"), strings.Index(got, "-- the extractor against the first")
	if !strings.Contains(got, "articles annotated twice: 1") || i < 0 || j < i {
		t.Fatalf("unexpected output:\n%s", got)
	}
	for _, want := range []string{"source        1      0 |      0   0.00   0.00   0.00", "cue           1      1 |      1 100.00 100.00 100.00"} {
		if !strings.Contains(got[i:j], want) {
			t.Errorf("the second annotator's scores lack %q:\n%s", want, got)
		}
	}
	// One annotator only: an error, not empty scores; with -errors: a
	// usage error.
	var errOut2 bytes.Buffer
	if code := run([]string{"eval", "polnear", "-agreement", polnearSplit(t, text, []string{"aaaa"}, []string{full})}, nil, &out, &errOut2); code != 1 || !strings.Contains(errOut2.String(), "two annotation files") {
		t.Errorf("a split annotated once: exit %d, %q", code, errOut2.String())
	}
	if code := run([]string{"eval", "polnear", "-agreement", "-errors", split}, nil, &out, &errOut2); code != 2 {
		t.Errorf("-agreement -errors: exit %d, want 2", code)
	}
}

func TestEvalUsage(t *testing.T) {
	for _, args := range [][]string{{"eval"}, {"eval", "bleu"}, {"eval", "polnear"}, {"eval", "uncertainty"}} {
		var out, errOut bytes.Buffer
		if code := run(args, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "usage: hearsay eval") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"eval", "polnear", "/nonexistent/dir"}, nil, &out, &errOut); code != 1 {
		t.Errorf("missing folder: exit %d, want 1", code)
	}
}
