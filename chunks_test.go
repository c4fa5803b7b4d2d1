package hearsay

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/corpus"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// chunked returns a copy of a that reads texts longer than least bytes
// in chunks of at least least bytes.
func chunked(a *Analyzer, least int) *Analyzer {
	c := *a
	c.chunk = least
	return &c
}

// longText returns a text of many articles (those of the testdata file
// name, in turn) in which every fifth article ends with a paragraph of
// over 16 KiB (the sentence long, again and again): the extractor starts
// a piece after such a paragraph however it read the text before, so a
// chunk can start there.
func longText(t *testing.T, name, sentence string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	articles := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n\n")
	var long strings.Builder
	for long.Len() < 17<<10 {
		long.WriteString(sentence + " ")
	}
	var sb strings.Builder
	for i := range 40 {
		sb.WriteString(articles[i%len(articles)])
		if i%5 == 4 {
			sb.WriteString("\n")
			sb.WriteString(strings.TrimSpace(long.String()))
		}
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// TestChunksSame reads long texts of articles (English, with and without
// a registry, and Spanish) whole and in small chunks, and checks that
// the two Documents are the same: the chunks start between articles,
// whose links the rules do not need.
func TestChunksSame(t *testing.T) {
	en := longText(t, "testdata/chunks.txt", "The committee met again on Thursday, officials said, and the talks may go on.")
	es := longText(t, "testdata/chunks_es.txt", "El comité se reunió de nuevo el jueves, dijeron los funcionarios, y las conversaciones podrían seguir.")
	reg, err := entity.NewRegistry(
		entity.Entity{ID: "ana", Name: "Ana Núñez", Kind: entity.Person},
		entity.Entity{ID: "courier", Name: "Daily Courier", Kind: entity.Media, Aliases: []string{"the Courier"}},
	)
	if err != nil {
		t.Fatal(err)
	}
	withReg, err := New(WithRegistry(reg))
	if err != nil {
		t.Fatal(err)
	}
	spanish, err := New(WithLanguage(language.Spanish))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		a    *Analyzer
		s    string
	}{{"default", defaultAnalyzer(), en}, {"registry", withReg, en}, {"spanish", spanish, es}} {
		a, s := tt.a, tt.s
		t.Run(tt.name, func(t *testing.T) {
			small := chunked(a, 4<<10)
			sentences := text.Sentences(s)
			starts := small.chunkStarts(s, sentences)
			if len(starts) < 3 {
				t.Fatalf("%d chunks of a text of %d bytes: the test needs more", len(starts)+1, len(s))
			}
			for _, k := range starts {
				if gap := s[sentences[k-1].End:sentences[k].Start]; gap != "\n\n" {
					t.Errorf("a chunk starts at %d after %q, not between articles", sentences[k].Start, gap)
				}
			}
			whole := chunked(a, len(s)).Analyze(s)
			got := small.Analyze(s)
			if diff := gocmp.Diff(whole, got, gocmp.Comparer(func(a, b language.Tag) bool { return a == b })); diff != "" {
				t.Errorf("in %d chunks (-whole +chunks):\n%s", len(starts)+1, diff)
			}
			if err := got.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestChunkStarts checks where chunks start: nowhere in a text no longer
// than a chunk, at a blank line with no quotation open, and not inside
// a quotation that runs over paragraphs.
func TestChunkStarts(t *testing.T) {
	a := chunked(defaultAnalyzer(), 10)
	for _, s := range []string{"", "One sentence.", "Short. Text."} {
		if starts := a.chunkStarts(s, text.Sentences(s)); starts != nil {
			t.Errorf("%q: chunks at %v", s, starts)
		}
	}
	open := `"It opens here.` + "\n\n" + `"And goes on," she said.`
	if !quoteClosed("A b.\n\nC d.", span.Span{Start: 0, End: 4}, span.Span{Start: 6, End: 10}) {
		t.Error("no quotation is open between two plain paragraphs")
	}
	if quoteClosed(open, span.Span{Start: 0, End: 15}, span.Span{Start: 17, End: len(open)}) {
		t.Errorf("%q: a quotation is open at the break", open)
	}
}

// TestChunksNews reads the news corpus (5 MB, 2,225 articles) as one
// text, whole and in chunks, and reports where the two differ. The rules
// link a pronoun to a source up to twenty attributions back, which in
// one text of many articles can be in the article before ("They would
// support" at the start of an article, linked to "the Prime Minister" of
// the one before); a chunk does not see the chunk before. So the frames
// found may differ in the article after a chunk's start, and nowhere
// else; in the Document, the resolution of pronouns to the nearest
// mention before them carries such a difference a little further, and
// unresolved pronouns ("which", "it") are one entity each over the whole
// text, so the test bounds the number of items that differ.
func TestChunksNews(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 5 MB twice")
	}
	s := corpus.News(t)
	a := defaultAnalyzer()
	whole, got := chunked(a, len(s)).Analyze(s), a.Analyze(s)
	if err := got.Validate(); err != nil {
		t.Fatal(err)
	}
	starts := a.chunkStarts(s, got.Sentences)
	if len(starts) == 0 {
		t.Fatal("the corpus is read whole")
	}
	// The frames: every difference in the article after a chunk start.
	var after []span.Span
	for _, k := range starts {
		at := got.Sentences[k].Start
		end := len(s)
		if i := strings.Index(s[at:], "\n\n"); i >= 0 {
			end = at + i
		}
		after = append(after, span.Span{Start: at, End: end})
	}
	at := annot.New(s, got.Sentences, a.tagger)
	wholeFrames := stage.Frames(a.extractor, at).([]attribution.Frame)
	at.Release()
	b := a.readChunks(&Document{Text: s, Sentences: got.Sentences}, starts)
	for sign, fs := range map[string][2][]attribution.Frame{"-": {wholeFrames, b.frames}, "+": {b.frames, wholeFrames}} {
		other := frameKeys(fs[1])
		for key, f := range frameKeys(fs[0]) {
			if _, ok := other[key]; ok {
				continue
			}
			if slices.ContainsFunc(after, func(n span.Span) bool { return n.Contains(f.Cue) }) {
				t.Logf("frame %s %q at %v, in the article after a chunk start", sign, f.Cue.Text(s), f.Cue)
			} else {
				t.Errorf("frame %s %q at %v, far from every chunk start (-whole +chunks)", sign, f.Cue.Text(s), f.Cue)
			}
		}
	}
	// The Document: few differences, each logged.
	w, g := summarize(whole), summarize(got)
	n := 0
	for sign, d := range map[string][2]map[string]int{"-": {w, g}, "+": {g, w}} {
		for key, at := range d[0] {
			if _, ok := d[1][key]; !ok {
				n++
				t.Logf("%s %d: %.300s", sign, at, key)
			}
		}
	}
	t.Logf("%d chunks; %d of %d items of the Document differ (-whole +chunks)", len(starts)+1, n, len(w))
	if n > 10*len(starts) {
		t.Errorf("%d items differ at %d chunk starts: more than 10 a chunk start", n, len(starts))
	}
}

// frameKeys returns the frames by their text, with the via of each
// named by its cue rather than by its index.
func frameKeys(fs []attribution.Frame) map[string]attribution.Frame {
	m := make(map[string]attribution.Frame, len(fs))
	for _, f := range fs {
		via := span.Span{}
		if f.ViaIndex >= 0 {
			via = fs[f.ViaIndex].Cue
		}
		g := f
		g.ViaIndex = 0
		m[fmt.Sprintf("%+v via %v", g, via)] = f
	}
	return m
}

// summarize lists the hedges, claims, attributions and entities of d as
// text without their IDs (which shift with one entity more or less), each
// with the byte offset it starts at. An attribution names its source
// entity by the entity's first mention, so that a mention more or less
// of an entity shows in that entity alone.
func summarize(d *Document) map[string]int {
	out := map[string]int{}
	for _, h := range d.Hedges {
		out[fmt.Sprintf("hedge %+v", h)] = h.Span.Start
	}
	claims := map[string]string{}
	for _, c := range d.Claims {
		claims[c.ID] = fmt.Sprint(c.Spans)
		out[fmt.Sprintf("claim %v %v %v %v", c.Spans, c.Kind, c.Certainty, c.Polarity)] = c.Spans[0].Start
	}
	ents := map[string]string{} // an entity by its first mention
	for _, e := range d.Entities {
		ents[e.ID] = fmt.Sprint(e.Mentions[0])
		out[fmt.Sprintf("entity %q %q %v %v %v %v", e.Name, e.Description, e.Kind, e.Anonymity, e.Aliases, e.Mentions)] = e.Mentions[0].Start
	}
	cues := map[string]string{}
	for _, r := range d.Attributions {
		cues[r.ID] = fmt.Sprint(r.Cue.Spans)
	}
	for _, r := range d.Attributions {
		out[fmt.Sprintf("attribution of claim %s: source %s %v, cue %+v, addressee %s %v, form %v, via %s, rule %q",
			claims[r.Claim], ents[r.Source.Entity], r.Source.Spans, r.Cue, ents[r.Addressee.Entity], r.Addressee.Spans,
			r.Form, cues[r.Via], r.Rule)] = r.Cue.Spans[0].Start
	}
	return out
}

// TestChunkStartsLong checks where long texts of our own are cut: after
// a line break, into chunks no shorter than asked and of bounded length
// (the extractor's pieces, at least 16 KiB, decide where a chunk may
// start), whether or not blank lines separate articles.
func TestChunkStartsLong(t *testing.T) {
	b, err := os.ReadFile("testdata/chunks.txt")
	if err != nil {
		t.Fatal(err)
	}
	articles := strings.TrimSuffix(string(b), "\n")
	const least = 1 << 10
	a := chunked(defaultAnalyzer(), least)
	for _, tc := range []struct {
		name string
		text string
	}{
		{"articles", strings.Repeat(articles+"\n\n", 40)},
		{"a sentence a line", strings.Repeat("Officials said the plan would work. Critics disagreed.\n", 4000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.text
			sentences := text.Sentences(s)
			starts := a.chunkStarts(s, sentences)
			if len(starts) < 3 {
				t.Fatalf("%d bytes cut at %d places", len(s), len(starts))
			}
			prev := 0
			for _, k := range append(starts, len(sentences)) {
				end := len(s)
				if k < len(sentences) {
					end = sentences[k].Start
					if !strings.HasSuffix(s[:end], "\n") {
						t.Errorf("a chunk starts at %d, not after a line break", end)
					}
				}
				if end-prev < least && k < len(sentences) {
					t.Errorf("chunk [%d, %d) shorter than %d", prev, end, least)
				}
				if longest := 2*least + 20<<10; end-prev > longest {
					t.Errorf("chunk [%d, %d) longer than %d", prev, end, longest)
				}
				prev = end
			}
			if err := a.Analyze(s).Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

// FuzzChunks reads texts made of the input, repeated between blank lines
// and line breaks past several chunks, in chunks of 1 KiB: the Document
// must be valid whatever the text.
func FuzzChunks(f *testing.F) {
	for _, s := range []string{
		"Officials said the plan would work.",
		`"It may rain," she said.` + "\n",
		"He told reporters that it was over, according to the agency.\n\n",
		"“Open quote and no close\n",
		"\xff\xfe broken",
		"",
	} {
		f.Add(s)
	}
	a := chunked(defaultAnalyzer(), 1<<10)
	f.Fuzz(func(t *testing.T, s string) {
		s = s[:min(len(s), 512)]
		var sb strings.Builder
		for i := 0; sb.Len() < 24<<10 && i < 4096; i++ {
			sb.WriteString(s)
			sb.WriteString([]string{"\n\n", "\n", " "}[i%3])
		}
		if err := a.Analyze(sb.String()).Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
	})
}
