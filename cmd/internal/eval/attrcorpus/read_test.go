package attrcorpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/span"
)

// All texts and annotations below are invented for the tests.

// article has multi-byte runes before and inside the annotated spans, and
// a content that runs over a line break.
const article = "Ünïcode café — the mayor said: “Taxes will fall.”\nCritics, however, claimed the plan was\nflawed, according to the Gazette."

// runeOff returns the code point offset of the n-th (0-based) occurrence
// of sub in article, and its end.
func runeOff(t *testing.T, text, sub string, n int) (int, int) {
	t.Helper()
	b := byteSpan(t, text, sub, n)
	return utf8.RuneCountInString(text[:b.Start]), utf8.RuneCountInString(text[:b.End])
}

func byteSpan(t *testing.T, text, sub string, n int) span.Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			t.Fatalf("occurrence %d of %q not found", n, sub)
		}
		if n == 0 {
			return span.Span{Start: off + i, End: off + i + len(sub)}
		}
		n--
		off += i + len(sub)
	}
}

// tline formats a T line for the fragments subs (each the first
// occurrence) of text.
func tline(t *testing.T, text, id, typ string, subs ...string) string {
	t.Helper()
	var offs, surf []string
	for _, s := range subs {
		a, b := runeOff(t, text, s, 0)
		offs = append(offs, fmt.Sprintf("%d %d", a, b))
		surf = append(surf, s)
	}
	return fmt.Sprintf("%s\t%s %s\t%s\n", id, typ, strings.Join(offs, ";"), strings.Join(surf, " "))
}

func bs(t *testing.T, subs ...string) []span.Span {
	t.Helper()
	var out []span.Span
	for _, s := range subs {
		out = append(out, byteSpan(t, article, s, 0))
	}
	return out
}

func TestReadAnn(t *testing.T) {
	mayorContent := "“Taxes will fall.”"
	criticsContent := "the plan was\nflawed"
	ann := tline(t, article, "T1", "Source", "the mayor") +
		tline(t, article, "T2", "Cue", "said") +
		tline(t, article, "T3", "Content", mayorContent) +
		tline(t, article, "T4", "Attribution", "said") +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
		"#1\tAnnotatorNotes T3\ta note\n" +
		tline(t, article, "T5", "Source", "Critics") +
		// A discontinuous cue: "claimed ... according to".
		tline(t, article, "T6", "Cue", "claimed", "according to") +
		tline(t, article, "T7", "Content", criticsContent) +
		tline(t, article, "T8", "Content", "Ünïcode") +
		"\n" +
		// Arguments in another order, a numbered role, and no trigger type.
		"E2\tAttribution:T6 Source:T5  Content:T7 Cue:T6 Content2:T8\n" +
		tline(t, article, "T9", "Cue", "according to") +
		tline(t, article, "T10", "Attribution-no-source", "according to") +
		// No source, no content.
		"E3\tAttribution-no-source:T10 Cue:T9\n" +
		tline(t, article, "T11", "Discuss", "café") +
		"A1\tFlag T11\n" +
		"R1\tRel Arg1:T1 Arg2:T5\n" +
		// A bare trigger.
		"E4\tAttribution-no-source:T10\n"
	want := []Attribution{
		{ID: "E1", Source: bs(t, "the mayor"), Cue: bs(t, "said"), Content: bs(t, mayorContent)},
		{ID: "E2", Source: bs(t, "Critics"), Cue: bs(t, "claimed", "according to"), Content: bs(t, "Ünïcode", criticsContent)},
		{ID: "E3", Cue: bs(t, "according to")},
		{ID: "E4"},
	}
	short := "Zoë said ünits."
	tests := []struct {
		name string
		ann  string
		text string
		want []Attribution
	}{
		{"relations", ann, article, want},
		{
			name: "crlf line endings",
			ann:  "T1\tSource 0 3\tZoë\r\nT2\tCue 4 8\tsaid\r\nE1\tAttribution:T2 Source:T1 Cue:T2\r\n",
			text: short,
			want: []Attribution{{ID: "E1", Source: []span.Span{{Start: 0, End: 4}}, Cue: []span.Span{{Start: 5, End: 9}}}},
		},
		{"empty", "", short, []Attribution{}},
		{"notes only", "#1\tAnnotatorNotes T1\tcheck\n\n", short, []Attribution{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadAnn("a.ann", strings.NewReader(tt.ann), tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadAnn mismatch (-want +got):\n%s", diff)
			}
		})
	}
	got, err := ReadAnn("a.ann", strings.NewReader(ann), article)
	if err != nil {
		t.Fatal(err)
	}
	if s := got[1].Content[1].Text(article); s != criticsContent {
		t.Errorf("content text = %q, want %q", s, criticsContent)
	}
}

func TestReadAnnErrors(t *testing.T) {
	text := "Zoë said ünits."
	tests := []struct {
		name   string
		ann    string
		line   int
		substr string
	}{
		{"surface mismatch", "T1\tSource 0 3\tZoë\nT2\tCue 4 8\tsaid\nT3\tCue 0 3\tZoe\n", 3, "does not match"},
		{"byte offsets instead of code points", "T1\tContent 9 15\tünits\n", 1, "does not match"},
		{"past the end", "T1\tCue 4 99\tsaid\n", 1, "outside the text"},
		{"reversed", "T1\tCue 8 4\tsaid\n", 1, "outside the text"},
		{"bad offsets", "T1\tCue 4 x\tsaid\n", 1, "bad offsets"},
		{"no offsets", "T1\tCue\tsaid\n", 1, "want \"Type start end\""},
		{"no surface", "T1\tCue 4 8\n", 1, "no surface"},
		{"undefined reference", "T1\tCue 4 8\tsaid\n\nE1\tAttribution:T1 Cue:T1 Source:T9\n", 3, "undefined T9"},
		{"bad argument", "E1\tAttribution:T1 Cue\n", 1, "not Role:ID"},
		{"unexpected line", "T1\tCue 4 8\tsaid\nhello\n", 2, "unexpected line"},
		{"duplicate", "T1\tCue 4 8\tsaid\nT1\tCue 4 8\tsaid\n", 2, "defined twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAnn("x.ann", strings.NewReader(tt.ann), text)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error = %v, want a *ParseError", err)
			}
			if pe.File != "x.ann" || pe.Line != tt.line {
				t.Errorf("at %s:%d, want x.ann:%d (%v)", pe.File, pe.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("error %q does not contain %q", err, tt.substr)
			}
		})
	}
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadDir(t *testing.T) {
	textA := "Él dijo: the minister said it."
	textB := "Nobody said anything, aides said."
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"metadata.tsv": "compartment\tfilename\tannotators\ttitle\n" +
			"dev\tpaper_a\tzz99|aa11\tA title\n" +
			"dev\tpaper_b\tbb22\tB title\n",
		"dev/text/paper_a.txt": textA,
		// The canonical annotation is zz99's, listed first, though aa11
		// sorts first.
		"dev/attributions/paper_a_aa11.ann": tline(t, textA, "T1", "Cue", "dijo") + "E1\tAttribution:T1 Cue:T1\n",
		"dev/attributions/paper_a_zz99.ann": tline(t, textA, "T1", "Source", "the minister") +
			tline(t, textA, "T2", "Cue", "said") + "E1\tAttribution:T2 Source:T1 Cue:T2\n",
		"dev/text/paper_b.txt": textB,
		// bb22 has no file: fall back to the only one there is.
		"dev/attributions/paper_b_cc33.ann": "",
	})
	got, err := ReadDir(filepath.Join(root, "dev"))
	if err != nil {
		t.Fatal(err)
	}
	sa := byteSpan(t, textA, "the minister", 0)
	ca := byteSpan(t, textA, "said", 0)
	want := []Article{
		{ID: "paper_a", Text: textA, Attributions: []Attribution{{ID: "E1", Source: []span.Span{sa}, Cue: []span.Span{ca}}}},
		{ID: "paper_b", Text: textB, Attributions: []Attribution{}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadDir mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Stats{Articles: 2, Attributions: 1, Spans: [NumRoles]int{1, 1, 0}}, Count(got)); diff != "" {
		t.Errorf("Count mismatch (-want +got):\n%s", diff)
	}
}

// TestReadPairs reads the articles two annotators annotated: the
// canonical annotation first, the next annotator's second; an article
// with one annotator is left out.
func TestReadPairs(t *testing.T) {
	textA := "Él dijo: the minister said it."
	textB := "Nobody said anything, aides said."
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"metadata.tsv": "compartment\tfilename\tannotators\ttitle\n" +
			"dev\tpaper_a\tzz99|aa11\tA title\n",
		"dev/text/paper_a.txt":              textA,
		"dev/attributions/paper_a_aa11.ann": tline(t, textA, "T1", "Cue", "dijo") + "E1\tAttribution:T1 Cue:T1\n",
		"dev/attributions/paper_a_zz99.ann": tline(t, textA, "T1", "Cue", "said") + "E1\tAttribution:T1 Cue:T1\n",
		"dev/text/paper_b.txt":              textB,
		"dev/attributions/paper_b_cc33.ann": "",
	})
	first, second, err := ReadPairs(filepath.Join(root, "dev"))
	if err != nil {
		t.Fatal(err)
	}
	said, dijo := byteSpan(t, textA, "said", 0), byteSpan(t, textA, "dijo", 0)
	wantFirst := []Article{{ID: "paper_a", Text: textA, Attributions: []Attribution{{ID: "E1", Cue: []span.Span{said}}}}}
	wantSecond := []Article{{ID: "paper_a", Text: textA, Attributions: []Attribution{{ID: "E1", Cue: []span.Span{dijo}}}}}
	if diff := cmp.Diff(wantFirst, first); diff != "" {
		t.Errorf("first mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantSecond, second); diff != "" {
		t.Errorf("second mismatch (-want +got):\n%s", diff)
	}
	if _, _, err := ReadPairs(filepath.Join(root, "nonexistent")); err == nil {
		t.Error("ReadPairs of a missing folder: no error")
	}
}

func TestReadDirErrors(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		substr string
	}{
		{
			name:   "no texts",
			files:  map[string]string{"dev/attributions/x_a.ann": ""},
			substr: "text",
		},
		{
			name:   "no annotation",
			files:  map[string]string{"dev/text/x.txt": "hi", "dev/attributions/y_a.ann": ""},
			substr: "no annotation file for x",
		},
		{
			name: "bad annotation names file and line",
			files: map[string]string{
				"dev/text/x.txt":           "hi there",
				"dev/attributions/x_a.ann": "T1\tCue 0 2\thi\nT2\tCue 3 8\tthere!\n",
			},
			substr: filepath.Join("dev", "attributions", "x_a.ann") + ":2:",
		},
		{
			name: "bad metadata",
			files: map[string]string{
				"metadata.tsv":             "name\tannotators\n",
				"dev/text/x.txt":           "hi",
				"dev/attributions/x_a.ann": "",
			},
			substr: "metadata.tsv:1:",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeFiles(t, root, tt.files)
			_, err := ReadDir(filepath.Join(root, "dev"))
			if err == nil || !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("error = %v, want one containing %q", err, tt.substr)
			}
		})
	}
}

func FuzzReadAnn(f *testing.F) {
	f.Add("T1\tSource 0 3\tZoë\nT2\tCue 4 8\tsaid\nE1\tAttribution:T2 Source:T1 Cue:T2\n", "Zoë said ünits.")
	f.Add("T1\tContent 0 3;4 8\tZoë said\nE1\tA:T1 Content:T1 Content2:T1\n", "Zoë said ünits.")
	f.Add("T1\tContent 0 5\ta\n\nb\nE1\tX:T1 Content:T1\n#1\tnote\n", "a\n\nbcd")
	f.Add("T1\tCue 2 3\t\xff\n", "a\xffb\xc3")
	f.Fuzz(func(t *testing.T, ann, text string) {
		attrs, err := ReadAnn("f.ann", strings.NewReader(ann), text)
		if err != nil {
			return
		}
		for _, a := range attrs {
			for _, r := range Roles {
				for _, s := range a.Spans(r) {
					if s.Start < 0 || s.End > len(text) || s.Start > s.End {
						t.Fatalf("%s %v span %v out of %d bytes", a.ID, r, s, len(text))
					}
				}
			}
		}
	})
}

// corpusDir returns the PolNeAR directory of the shared evaluation
// corpora, or skips.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("HEARSAY_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "..", "shared", "eval")
	}
	dir = filepath.Join(dir, "attribution", "polnear")
	if _, err := os.Stat(filepath.Join(dir, "dev")); err != nil {
		t.Skipf("PolNeAR not found at %s (set HEARSAY_EVAL)", dir)
	}
	return dir
}

func TestRealDev(t *testing.T) {
	dir := corpusDir(t)
	arts, err := ReadDir(filepath.Join(dir, "dev"))
	if err != nil {
		t.Fatal(err)
	}
	st := Count(arts)
	t.Logf("dev: %v", st)
	if st.Articles != 84 {
		t.Errorf("dev articles = %d, want 84", st.Articles)
	}
	for _, a := range arts {
		for _, at := range a.Attributions {
			for _, r := range Roles {
				for _, s := range at.Spans(r) {
					if err := s.Check(a.Text); err != nil {
						t.Fatalf("%s %s %v: %v", a.ID, at.ID, r, err)
					}
				}
			}
		}
	}
	res := Score(arts, arts)
	for _, r := range Roles {
		if res.Exact[r].F1() != 1 && res.Exact[r].Gold > 0 {
			t.Errorf("gold against itself: %v exact F1 = %v", r, res.Exact[r].F1())
		}
	}
}
