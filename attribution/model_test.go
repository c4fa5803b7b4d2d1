package attribution

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// TestSpanModelEmbedded checks that the embedded span model decodes.
func TestSpanModelEmbedded(t *testing.T) {
	m := spanModel()
	if m == nil {
		t.Fatal("no span model embedded")
	}
	if m.Buckets() == 0 || m.Scale <= 0 {
		t.Errorf("span model: %d buckets, scale %v", m.Buckets(), m.Scale)
	}
}

// TestModelRule checks that a cue only the model finds is named by the
// model and its strongest features, and that a cue a frame also finds
// keeps the frame's name.
func TestModelRule(t *testing.T) {
	tests := []struct {
		name, text, cue, rule string
	}{
		{"model only", `"This is a big political win for me," he gushed.`, "gushed", `model: cue "gushed" (`},
		{"frame and model", "The campaign insisted that the candidate had done nothing wrong.", "insisted", "X said C"},
	}
	var x Extractor
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range x.Extract(tt.text, nil) {
				if f.Cue.Text(tt.text) != tt.cue {
					continue
				}
				if !strings.HasPrefix(f.Rule, tt.rule) {
					t.Errorf("rule %q, want it to start with %q", f.Rule, tt.rule)
				}
				return
			}
			t.Errorf("no frame with cue %q in %v", tt.cue, rows(tt.text, x.Extract(tt.text, nil)))
		})
	}
}

// TestSpanishWithoutModel checks that Spanish, which has no training
// data, is extracted by the frames and the filter's rules alone.
func TestSpanishWithoutModel(t *testing.T) {
	x, err := NewExtractor(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	if x.model() != nil {
		t.Fatal("the Spanish extractor uses the span model")
	}
	text := "El ministro dijo que la economía crecerá este año."
	want := rows(text, filterCues(text, x.extractRaw(text), false))
	if diff := cmp.Diff(want, rows(text, x.Extract(text, nil))); diff != "" {
		t.Errorf("Extract (-want +got):\n%s", diff)
	}
}

// TestModelFramesValid checks the frames the model path gives on texts
// with quotes, nesting and via chains: spans inside the text and on
// token boundaries, ViaIndex in range and never the frame itself.
func TestModelFramesValid(t *testing.T) {
	texts := []string{
		"Top U.S. officials, as reported by Axios, claim the Venezuelan leader fears his own guards.",
		`"We have covert operations," a senior White House official told Axios. "They know too much."` + "\n\n" + `"It is over," he added.`,
		"Republicans questioned the cost, blamed the agency and said the deal was dead.",
		"It is believed that the ship sank. Analysts believe that the fate of the deal is sealed.",
	}
	var x Extractor
	for _, text := range texts {
		frames := x.Extract(text, nil)
		if len(frames) == 0 {
			t.Errorf("no frames in %q", text)
		}
		for i, f := range frames {
			spans := append([]namedSpan{{"cue", f.Cue}, {"source", f.Source}, {"source phrase", f.SourcePhrase}}, contentSpans(f)...)
			for _, s := range spans {
				if s.s.Start < 0 || s.s.End > len(text) || s.s.Start > s.s.End {
					t.Errorf("%q: frame %d: %s span %v out of the text", text, i, s.name, s.s)
				}
			}
			if f.Cue.IsEmpty() {
				t.Errorf("%q: frame %d (%s) has no cue", text, i, f.Rule)
			}
			if f.ViaIndex == i || f.ViaIndex >= len(frames) || f.ViaIndex < -1 {
				t.Errorf("%q: frame %d: ViaIndex %d", text, i, f.ViaIndex)
			}
			if f.Rule == "" {
				t.Errorf("%q: frame %d says not why", text, i)
			}
		}
	}
}

type namedSpan struct {
	name string
	s    span.Span
}

func contentSpans(f Frame) []namedSpan {
	var out []namedSpan
	for _, c := range f.Content {
		out = append(out, namedSpan{"content", c})
	}
	return out
}

// TestModelSharedSubject checks that coordinated verbs share their
// subject: the frames' inverted reading of "blamed the agency and said
// C" would make the object and the next verb a source.
func TestModelSharedSubject(t *testing.T) {
	text := "Republicans questioned the cost, blamed the agency and said the deal was dead."
	var x Extractor
	var got []string
	for _, f := range x.Extract(text, nil) {
		got = append(got, f.SourcePhrase.Text(text)+" / "+f.Cue.Text(text))
	}
	want := []string{"Republicans / questioned", "Republicans / blamed", "Republicans / said"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("source / cue (-want +got):\n%s", diff)
	}
}

// TestCutTails checks that a content ends before the source of a frame
// whose cue closes it ("..., she said."), which then stands on its own
// with a content of its own.
func TestCutTails(t *testing.T) {
	text := "A curator wrote that the exhibit was late because “nobody sent the crates on time,” she said. “We will open in May.”"
	s := func(a, b string) span.Span {
		i := strings.Index(text, a)
		return span.Span{Start: i, End: strings.Index(text, b) + len(b)}
	}
	frames := []Frame{
		{Cue: s("wrote", "wrote"), Content: []span.Span{s("that the", "said")}, ViaIndex: -1},
		{Cue: s("said", "said"), SourcePhrase: s("she said", "she"), Content: []span.Span{s("“nobody", "time,”"), s("“We", "May.”")}, ViaIndex: 0},
	}
	cutTails(text, frames)
	if got, want := frames[0].Content[0].Text(text), "that the exhibit was late because “nobody sent the crates on time,”"; got != want {
		t.Errorf("content %q, want %q", got, want)
	}
	if frames[1].ViaIndex != -1 || len(frames[1].Content) != 1 || frames[1].Content[0].Text(text) != "“We will open in May.”" {
		t.Errorf("closing frame: via %d, content %v", frames[1].ViaIndex, frames[1].Content)
	}
}

// TestValueNames checks that the name of every feature value the span
// model reads on a text gives back the string the value hashes: the
// explanations name the features the weights score. The zero value,
// which no string hashes to, names "".
func TestValueNames(t *testing.T) {
	for i, s := range staticNames {
		if staticIndex[s] != name(i) {
			t.Errorf("static name %d (%q) indexed as %d", i, s, staticIndex[s])
		}
	}
	txt := `"We have covert operations," a senior White House official told Axios, as reported by Reuters.` + "\n\n" +
		`The campaign insisted that the candidate had done nothing wrong. "It is over," he gushed.`
	var x Extractor
	a := annot.New(txt, text.Sentences(txt), pos.English())
	defer a.Release()
	mc, done := x.newModelCtx(a, nil)
	defer done()
	checked := 0
	mc.train = func(_ []span.Span, _ *seqmodel.Seq, _ []seqmodel.Label) {
		for i := range mc.ms.info {
			v := &mc.ms.info[i]
			for _, f := range []hv{v.word, v.shape, v.lex, v.lemma, v.quote, v.frame, v.rule, v.kept, v.sentPos, v.sentLeft,
				v.cueLeft, v.cueRight, v.brkLeft, v.brkRight, v.lemmaLeft, v.lemmaRight, v.tag, v.anchor} {
				if f == (hv{}) {
					continue
				}
				s := mc.str(f.n)
				if seqmodel.StrHash(s) != f.h || (s == "") != f.empty() {
					t.Errorf("token %d: value %+v names %q", i, f, s)
				}
				checked++
			}
		}
	}
	forModelPieces(txt, a.Sentences, a.Extent(), mc.piece)
	if checked == 0 {
		t.Error("no value checked")
	}
}

func TestDynamicNames(t *testing.T) {
	// An index past a name's 30 bits names "?", with the value's own hash.
	for _, tt := range []struct {
		i    int
		want name
	}{{5, kindWord | 5}, {1<<30 - 1, kindWord | (1<<30 - 1)}, {1 << 30, hvFar.n}, {1<<30 + 7, hvFar.n}} {
		v := dynamicHV("said", kindWord, tt.i)
		if v.n != tt.want || v.h != seqmodel.StrHash("said") || v.empty() {
			t.Errorf("dynamicHV(%q, kindWord, %d) = %+v, want name %#x", "said", tt.i, v, tt.want)
		}
	}
	if v := dynamicHV("", kindRule, 3); !v.empty() {
		t.Errorf(`dynamicHV("", kindRule, 3) = %+v, want empty`, v)
	}
}
