package uncertainty

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/span"
)

// All corpus snippets below are invented for the tests.

const szegedDoc = `<?xml version="1.0" encoding="UTF-8" standalone="no"?><!DOCTYPE Annotation PUBLIC "-//Test//DTD TEST//EN" "Missing.dtd">
<Annotation><DocumentSet><Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">Café Lumière_1</DocID>
<DocumentPart type="Title"><Sentence id="S1.1">Café Lumière</Sentence></DocumentPart>
<DocumentPart type="Text"><Sentence id="S1.2">The café <ccue type="speculation_modal_probable_">may</ccue> have opened in 1910 &amp; closed later.</Sentence>
<Sentence id="S1.3">Its owner <ccue type="speculation_hypo_doxastic _">is believed</ccue> to be <ccue type="speculation_hypo_condition _">either</ccue> a baker <ccue type="speculation_hypo_condition _">or</ccue> a cook.</Sentence>
<Sentence id="S1.4"><b>Bold</b> naïve words <i>wrap <ccue type="x">perhaps</ccue> here</i>.</Sentence>
</DocumentPart></Document>
<Document><DocumentPart><Sentence id="S9">No DocID.</Sentence></DocumentPart></Document>
<Document><DocID>Other</DocID><DocumentPart><Sentence id="S1.1">Nothing &#39;odd&#39; <ccue type="speculation_modal_possible_"></ccue>here.</Sentence></DocumentPart></Document>
</DocumentSet></Annotation>
`

const bioscopeDoc = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE Annotation PUBLIC "-//BIOSCOPE//DTD  SCOPE ANNOTATION 1.0//EN" "BioScope.dtd">
<Annotation created="1/1/2000">
	<DocumentSet>
		<Document type="Biological_abstract">
			<DocID type="PMID">123</DocID>
			<DocumentPart type="AbstractText">
				<sentence id="S1.1">The protein does <xcope id="X1.1.1"><cue type="negation" ref="X1.1.1">not</cue> bind ß-actin</xcope>.</sentence>
				<sentence id="S1.2">These data <xcope id="X1.2.2"><cue type="speculation" ref="X1.2.2">suggest that</cue> the gene <xcope id="X1.2.1"><cue type="speculation" ref="X1.2.1">might</cue> act <cue type="negation" ref="X1.2.3">without</cue> help</xcope></xcope>.</sentence>
				<sentence id="S1.3">We tested <xcope id="X1.3.1"><cue type="speculation" ref="X1.3.1">whether</cue> A &lt; B <cue type="speculation" ref="X1.3.1">or not</cue></xcope>.</sentence>
			</DocumentPart>
		</Document>
	</DocumentSet>
</Annotation>
`

const sfuDoc = `<?xml version="1.0" encoding="UTF-8"?>
<DOCUMENT><DESC></DESC><P><SENTENCE><W>The</W><W>pan</W><W>isn&#39;t</W><W>bad</W><W>.</W></SENTENCE><SENTENCE><W>It</W><cue ID="1" type="speculation"><W>might</W></cue><xcope ID="2"><ref ID="3" SRC="1"/><W>crack</W></xcope><cue ID="4" type="negation"><W>never</W></cue><W>.</W></SENTENCE></P>
<P><SENTENCE><W>Ask</W><cue ID="5" type="speculation"><ref ID="6" SRC="7"></ref><W>whether</W></cue><W>it</W><W>fits</W><cue ID="7" type="speculation"><W>or</W><W>not</W></cue><W>;</W><C><cue ID="8" type="speculation"><W>I</W><W>think</W></cue></C><cue ID="9" type="speculation"><cue ID="10" type="speculation"><W>so</W></cue></cue><W>–</W><W>ünd</W></SENTENCE></P></DOCUMENT>
`

func sp(s, e int) span.Span { return span.Span{Start: s, End: e} }

// at returns the byte span of the n-th (0-based) occurrence of sub in text.
func at(t *testing.T, text, sub string, n int) span.Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", text, n, sub)
		}
		if n == 0 {
			return sp(off+i, off+i+len(sub))
		}
		n--
		off += i + len(sub)
	}
}

func TestRead(t *testing.T) {
	s12 := "The café may have opened in 1910 & closed later."
	s13 := "Its owner is believed to be either a baker or a cook."
	s14 := "Bold naïve words wrap perhaps here."
	b12 := "These data suggest that the gene might act without help."
	b13 := "We tested whether A < B or not."
	f2 := "It might crack never ."
	f3 := "Ask whether it fits or not ; I think so – ünd"
	tests := []struct {
		name   string
		doc    string
		format Format
		want   []Sentence
	}{
		{
			name:   "szeged",
			doc:    szegedDoc,
			format: Auto,
			want: []Sentence{
				{ID: "Café Lumière_1/S1.1", Text: "Café Lumière"},
				{ID: "Café Lumière_1/S1.2", Text: s12, Cues: []span.Span{at(t, s12, "may", 0)}, Group: []int{0}, Uncertain: true},
				{ID: "Café Lumière_1/S1.3", Text: s13, Cues: []span.Span{at(t, s13, "is believed", 0), at(t, s13, "either", 0), at(t, s13, "or", 0)}, Group: []int{0, 1, 2}, Uncertain: true},
				{ID: "Café Lumière_1/S1.4", Text: s14, Cues: []span.Span{at(t, s14, "perhaps", 0)}, Group: []int{0}, Uncertain: true},
				{ID: "S9", Text: "No DocID."},
				// An empty ccue makes the sentence uncertain but has no span.
				{ID: "Other/S1.1", Text: "Nothing 'odd' here.", Uncertain: true},
			},
		},
		{
			name:   "szeged explicit",
			doc:    `<Annotation><Sentence id="a">x <ccue>y</ccue></Sentence></Annotation>`,
			format: Szeged,
			want:   []Sentence{{ID: "a", Text: "x y", Cues: []span.Span{sp(2, 3)}, Group: []int{0}, Uncertain: true}},
		},
		{
			name:   "bioscope",
			doc:    bioscopeDoc,
			format: BioScope,
			want: []Sentence{
				{ID: "123/S1.1", Text: "The protein does not bind ß-actin."},
				{ID: "123/S1.2", Text: b12, Cues: []span.Span{at(t, b12, "suggest that", 0), at(t, b12, "might", 0)}, Group: []int{0, 1}, Uncertain: true},
				{ID: "123/S1.3", Text: b13, Cues: []span.Span{at(t, b13, "whether", 0), at(t, b13, "or not", 0)}, Group: []int{0, 0}, Uncertain: true},
			},
		},
		{
			name:   "sfu",
			doc:    sfuDoc,
			format: Auto,
			want: []Sentence{
				{ID: "S1", Text: "The pan isn't bad ."},
				{ID: "S2", Text: f2, Cues: []span.Span{at(t, f2, "might", 0)}, Group: []int{0}, Uncertain: true},
				{ID: "S3", Text: f3, Cues: []span.Span{
					at(t, f3, "whether", 0), at(t, f3, "or not", 0), at(t, f3, "I think", 0), at(t, f3, "so", 0),
				}, Group: []int{0, 0, 1, 2}, Uncertain: true},
			},
		},
		{
			name:   "no sentences with explicit format",
			doc:    `<DOCUMENT></DOCUMENT>`,
			format: SFU,
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.doc), tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read mismatch (-want +got):\n%s", diff)
			}
			for _, s := range got {
				for _, c := range s.Cues {
					if err := c.Check(s.Text); err != nil {
						t.Errorf("%s: cue %v: %v", s.ID, c, err)
					}
				}
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name   string
		doc    string
		format Format
		line   int
		substr string
	}{
		{
			name:   "syntax",
			doc:    "<Annotation>\n<Sentence id=\"a\">text\n</Sentnce></Annotation>",
			line:   3,
			substr: "Sentnce",
		},
		{
			name:   "format mismatch",
			doc:    "<Annotation>\n<Sentence id=\"a\">x</Sentence>\n\n<sentence id=\"b\">y</sentence></Annotation>",
			line:   4,
			substr: "bioscope sentence element in a szeged file",
		},
		{
			name:   "explicit format mismatch",
			doc:    "<DOCUMENT>\n<SENTENCE><W>a</W></SENTENCE></DOCUMENT>",
			format: BioScope,
			line:   2,
			substr: "sfu sentence element in a bioscope file",
		},
		{
			name:   "nested sentence",
			doc:    "<a><sentence id=\"1\">x\n<sentence id=\"2\">y</sentence></sentence></a>",
			line:   2,
			substr: "inside a sentence",
		},
		{
			name:   "no sentence",
			doc:    "<a>text</a>",
			substr: "no sentence element",
		},
		{
			name:   "unknown entity",
			doc:    "<a>\n<Sentence id=\"1\">x &bogus; y</Sentence></a>",
			line:   2,
			substr: "bogus",
		},
		{
			name:   "truncated",
			doc:    "<a>\n<Sentence id=\"1\">x",
			line:   2,
			substr: "unexpected EOF",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.doc), tt.format)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read error = %v, want a *ParseError", err)
			}
			if pe.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", pe.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("error %q does not contain %q", err, tt.substr)
			}
		})
	}
}

func TestReadFileAndDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "B"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"A/one.xml":   sfuDoc,
		"B/two.xml":   `<DOCUMENT><SENTENCE><W>Maybe</W></SENTENCE></DOCUMENT>`,
		"B/notes.txt": "not xml",
		"bad.xml":     "<a>\n\n<b></a>",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := ReadFile(filepath.Join(dir, "bad.xml"))
	if want := filepath.Join(dir, "bad.xml") + ":3: "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("ReadFile(bad.xml) error = %v, want prefix %q", err, want)
	}
	if _, err := ReadDir(dir); err == nil {
		t.Error("ReadDir with a bad file: no error")
	}
	if err := os.Remove(filepath.Join(dir, "bad.xml")); err != nil {
		t.Fatal(err)
	}
	got, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID)
	}
	want := []string{"A/one.xml:S1", "A/one.xml:S2", "A/one.xml:S3", "B/two.xml:S1"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ReadDir IDs (-want +got):\n%s", diff)
	}
}

func TestCount(t *testing.T) {
	sents, err := Read(strings.NewReader(bioscopeDoc), Auto)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Sentences: 3, Uncertain: 2, Fragments: 4, Cues: 3}
	if diff := cmp.Diff(want, Count(sents)); diff != "" {
		t.Errorf("Count (-want +got):\n%s", diff)
	}
}

// corpusDir returns the shared evaluation corpora directory, or skips.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("HEARSAY_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(filepath.Join(dir, "uncertainty")); err != nil {
		t.Skipf("evaluation corpora not found at %s (set HEARSAY_EVAL)", dir)
	}
	return filepath.Join(dir, "uncertainty")
}

// TestRealCorpora checks the counts the corpora's documentation gives.
func TestRealCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("reads large corpora")
	}
	dir := corpusDir(t)
	tests := []struct {
		name string
		path string
		dir  bool
		want Stats
	}{
		{"szeged wiki", "szeged/wiki.xml", false, Stats{Sentences: 20748, Uncertain: 2606, Fragments: 3265, Cues: 3265}},
		{"bioscope abstracts", "bioscope/abstracts.xml", false, Stats{Sentences: 11871, Uncertain: 2101, Fragments: 2694, Cues: 2659}},
		{"sfu review", "sfu-review", true, Stats{Sentences: 17263, Uncertain: 3912, Fragments: 5362, Cues: 5345}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.path)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("%s absent", p)
			}
			var sents []Sentence
			var err error
			if tt.dir {
				sents, err = ReadDir(p)
			} else {
				sents, err = ReadFile(p)
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, Count(sents)); diff != "" {
				t.Errorf("Count (-want +got):\n%s", diff)
			}
			for _, s := range sents {
				for _, c := range s.Cues {
					if err := c.Check(s.Text); err != nil {
						t.Fatalf("%s: cue %v: %v", s.ID, c, err)
					}
				}
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add(szegedDoc)
	f.Add(bioscopeDoc)
	f.Add(sfuDoc)
	f.Add(`<a><sentence id="1"><cue type="speculation" ref="r">x</cue><cue type="speculation" ref="r"/></sentence></a>`)
	f.Fuzz(func(t *testing.T, doc string) {
		sents, err := Read(strings.NewReader(doc), Auto)
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Group) != len(s.Cues) {
				t.Fatalf("%s: %d groups for %d cues", s.ID, len(s.Group), len(s.Cues))
			}
			for _, c := range s.Cues {
				if c.Start < 0 || c.End > len(s.Text) || c.Start >= c.End {
					t.Fatalf("%s: cue %v out of %d bytes", s.ID, c, len(s.Text))
				}
			}
		}
	})
}
