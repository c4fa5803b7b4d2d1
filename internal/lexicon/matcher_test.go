package lexicon

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/google/go-cmp/cmp"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// toks splits s on spaces into tokens with byte spans and ASCII
// lower-cased folds, a stand-in for the tokenizer.
func toks(s string) []text.Token {
	var out []text.Token
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, text.Token{Span: span.New(start, i), Kind: text.Word, Fold: strings.ToLower(s[start:i])})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

const testLexicon = `# test lexicon
according	misc
according to	cue	stance=document
as reported by	cue	stance=document	via=true
as well as	conj
say+	cue	stance=neutral
tell+	cue	stance=neutral
claim+	cue	stance=distancing
source*	source	anonymity=vague
senior official*	source	anonymity=described
senior	adj
u.s.	place
u.s. intelligence report*	source	kind=document
a b c	abc
a b c d e f g h	long
`

func mustCompile(t testing.TB, lex string) *Matcher {
	t.Helper()
	entries, err := Parse("test.lex", strings.NewReader(lex))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(entries)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

type phraseMatch struct {
	Text   string
	Phrase string
}

func describeMatches(m *Matcher, tk []text.Token, ms []Match) []phraseMatch {
	var out []phraseMatch
	for _, x := range ms {
		var words []string
		for _, t := range tk[x.Start:x.End] {
			words = append(words, t.Fold)
		}
		out = append(out, phraseMatch{strings.Join(words, " "), m.Entry(x.Entry).Phrase})
	}
	return out
}

func TestLongest(t *testing.T) {
	m := mustCompile(t, testLexicon)
	tests := []struct {
		name   string
		input  string
		i      int
		want   int
		phrase string
	}{
		{"longest wins", "according to the report", 0, 2, "according to"},
		{"shorter when longer is cut", "according the report", 0, 1, "according"},
		{"shorter at end of input", "x according", 1, 1, "according"},
		{"case folded", "According To", 0, 2, "according to"},
		{"inflected", "sources said", 0, 1, "source*"},
		{"irregular", "sources said", 1, 1, "say+"},
		{"punctuation inside word", "U.S. intelligence reports", 0, 3, "u.s. intelligence report*"},
		{"fall back to prefix entry", "U.S. intelligence agencies", 0, 1, "u.s."},
		{"no entry on the path", "a b x", 0, 0, ""},
		{"eight words", "a b c d e f g h i", 0, 8, "a b c d e f g h"},
		{"seven of eight falls back", "a b c d e f g x", 0, 3, "a b c"},
		{"unknown word", "hello", 0, 0, ""},
		{"known word that starts nothing", "to", 0, 0, ""},
		{"index out of range", "say", 1, 0, ""},
		{"negative index", "say", -1, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, e, ok := m.Longest(toks(tt.input), tt.i)
			if ok != (tt.want > 0) || n != tt.want {
				t.Fatalf("Longest = %d, %d, %v; want %d tokens", n, e, ok, tt.want)
			}
			if ok {
				if got := m.Entry(e).Phrase; got != tt.phrase {
					t.Errorf("entry phrase = %q, want %q", got, tt.phrase)
				}
			}
		})
	}
}

func TestAppendMatches(t *testing.T) {
	m := mustCompile(t, testLexicon)
	tests := []struct {
		name  string
		input string
		want  []phraseMatch
	}{
		{"empty", "", nil},
		{"nothing", "the cat sat", nil},
		{
			name:  "the article sentence",
			input: "according to U.S. intelligence reports and a recent article , senior officials claim",
			want: []phraseMatch{
				{"according to", "according to"},
				{"u.s. intelligence reports", "u.s. intelligence report*"},
				{"senior officials", "senior official*"},
				{"claim", "claim+"},
			},
		},
		{
			name:  "left to right longest non-overlapping",
			input: "as reported by sources , as well as",
			want: []phraseMatch{
				{"as reported by", "as reported by"},
				{"sources", "source*"},
				{"as well as", "as well as"},
			},
		},
		{
			// "a b c" starts at 0 and wins over "b"-less overlaps later.
			name:  "overlap resolved by earliest start",
			input: "a b c d e f g x a b c",
			want: []phraseMatch{
				{"a b c", "a b c"},
				{"a b c", "a b c"},
			},
		},
		{
			name:  "cut phrase restarts after the shorter match",
			input: "senior senior officials told",
			want: []phraseMatch{
				{"senior", "senior"},
				{"senior officials", "senior official*"},
				{"told", "tell+"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := toks(tt.input)
			got := describeMatches(m, tk, m.AppendMatches(nil, tk))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AppendMatches mismatch (-want +got):\n%s", diff)
			}
			all := describeMatches(m, tk, slices.Collect(m.All(tk)))
			if diff := cmp.Diff(tt.want, all); diff != "" {
				t.Errorf("All mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAllStopsEarly(t *testing.T) {
	m := mustCompile(t, testLexicon)
	n := 0
	for range m.All(toks("say say say say")) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("iterated %d times, want 2", n)
	}
}

func TestAppendMatchesKeepsDst(t *testing.T) {
	m := mustCompile(t, testLexicon)
	dst := []Match{{Start: 9, End: 10, Entry: 0}}
	got := m.AppendMatches(dst, toks("x say"))
	want := []Match{{Start: 9, End: 10, Entry: 0}, {Start: 1, End: 2, Entry: 4}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AppendMatches mismatch (-want +got):\n%s", diff)
	}
}

func TestZeroMatcher(t *testing.T) {
	var zero Matcher
	var nilm *Matcher
	tk := toks("say according to")
	for name, m := range map[string]*Matcher{"zero": &zero, "nil": nilm} {
		t.Run(name, func(t *testing.T) {
			if _, _, ok := m.Longest(tk, 0); ok {
				t.Error("Longest matched")
			}
			if got := m.AppendMatches(nil, tk); got != nil {
				t.Errorf("AppendMatches = %v", got)
			}
			if m.Len() != 0 {
				t.Errorf("Len = %d", m.Len())
			}
		})
	}
}

func TestCompile(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		wantErr []error // sentinels, in order; nil for success
		wantMsg string  // if set, the exact error text
	}{
		{
			name: "same payload keeps first",
			entries: []Entry{
				{Phrase: "said", Category: "cue", Attrs: []Attr{{"a", "1"}, {"b", "2"}}, File: "a.lex", Line: 1},
				{Phrase: "say+", Category: "cue", Attrs: []Attr{{"b", "2"}, {"a", "1"}}, File: "b.lex", Line: 4},
			},
		},
		{
			name: "conflict across files names both lines",
			entries: []Entry{
				{Phrase: "claim+", Category: "cue", File: "cues.lex", Line: 3},
				{Phrase: "claim*", Category: "noun", File: "nouns.lex", Line: 9},
			},
			wantErr: []error{ErrConflict},
			wantMsg: `nouns.lex:9: hearsay/lexicon: phrase defined twice with different category or attributes: "claim" (from "claim*") is "cue" at cues.lex:3, "noun" here`,
		},
		{
			name: "conflict without positions",
			entries: []Entry{
				{Phrase: "x", Category: "a"},
				{Phrase: "X", Category: "b"},
			},
			wantErr: []error{ErrConflict},
			wantMsg: `entry 1: hearsay/lexicon: phrase defined twice with different category or attributes: "x" (from "X") is "a" at entry 0, "b" here`,
		},
		{
			name: "invalid entries",
			entries: []Entry{
				{Phrase: "", Category: "a", File: "f", Line: 1},
				{Phrase: "x", Category: "", File: "f", Line: 2},
				{Phrase: "x", Category: "a b", File: "f", Line: 3},
				{Phrase: "1 2 3 4 5 6 7 8 9", Category: "a", File: "f", Line: 4},
				{Phrase: "x+", Category: "a", File: "f", Line: 5},
			},
			wantErr: []error{ErrEmptyPhrase, ErrNoCategory, ErrCategory, ErrTooManyWords, ErrMarker},
		},
		{name: "empty", entries: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Compile(tt.entries)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Compile: %v", err)
				}
				if m.Len() != len(tt.entries) {
					t.Errorf("Len = %d, want %d", m.Len(), len(tt.entries))
				}
				return
			}
			if m != nil || err == nil {
				t.Fatalf("Compile = %v, %v; want an error", m, err)
			}
			errs := err.(interface{ Unwrap() []error }).Unwrap()
			if len(errs) != len(tt.wantErr) {
				t.Fatalf("got %d errors, want %d: %v", len(errs), len(tt.wantErr), err)
			}
			for i, e := range errs {
				var pe *ParseError
				if !errors.As(e, &pe) || !errors.Is(e, tt.wantErr[i]) {
					t.Errorf("error %d = %v, want a *ParseError wrapping %v", i, e, tt.wantErr[i])
				}
			}
			if tt.wantMsg != "" && err.Error() != tt.wantMsg {
				t.Errorf("error = %s\nwant    %s", err, tt.wantMsg)
			}
		})
	}
}

func TestCompileCopiesEntries(t *testing.T) {
	entries := []Entry{{Phrase: "say+", Category: "cue", Attrs: []Attr{{"lemma", "say"}}}}
	m, err := Compile(entries)
	if err != nil {
		t.Fatal(err)
	}
	entries[0].Phrase = "changed"
	entries[0].Attrs[0].Value = "changed"
	want := Entry{Phrase: "say+", Category: "cue", Attrs: []Attr{{"lemma", "say"}}}
	if diff := cmp.Diff(want, m.Entry(0)); diff != "" {
		t.Errorf("Entry(0) mismatch (-want +got):\n%s", diff)
	}
}

func TestEntryExplainsMatch(t *testing.T) {
	m := mustCompile(t, testLexicon)
	tk := toks("officials claimed")
	ms := m.AppendMatches(nil, tk)
	if len(ms) != 1 {
		t.Fatalf("matches = %v", ms)
	}
	want := Entry{Phrase: "claim+", Category: "cue", Attrs: []Attr{{"stance", "distancing"}}, File: "test.lex", Line: 8}
	if diff := cmp.Diff(want, m.Entry(ms[0].Entry)); diff != "" {
		t.Errorf("Entry mismatch (-want +got):\n%s", diff)
	}
}

func TestMerge(t *testing.T) {
	base := []Entry{
		{Phrase: "say+", Category: "cue", Line: 1},
		{Phrase: "claim+", Category: "cue", Line: 2},
		{Phrase: "According  to", Category: "cue", Line: 3},
		{Phrase: "source*", Category: "source", Line: 4},
	}
	add := []Entry{
		{Phrase: "claim+", Category: "distancing", Line: 10},
		{Phrase: "reportedly", Category: "hedge", Line: 11},
	}
	baseCopy := slices.Clone(base)
	got := Merge(base, add, []string{"according to", "SOURCE*", "said", "not there"})
	want := []Entry{
		{Phrase: "say+", Category: "cue", Line: 1},
		{Phrase: "claim+", Category: "distancing", Line: 10},
		{Phrase: "reportedly", Category: "hedge", Line: 11},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Merge mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(baseCopy, base); diff != "" {
		t.Errorf("Merge modified base (-want +got):\n%s", diff)
	}
	if _, err := Compile(got); err != nil {
		t.Errorf("Compile(Merge(...)): %v", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	m := mustCompile(t, testLexicon)
	tk := toks(strings.Repeat("according to U.S. intelligence reports , senior officials claimed , sources said . ", 50))
	want := m.AppendMatches(nil, tk)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			var dst []Match
			for range 50 {
				dst = m.AppendMatches(dst[:0], tk)
				if !slices.Equal(want, dst) {
					t.Error("concurrent AppendMatches differs")
					return
				}
				for i := range tk {
					m.Longest(tk, i)
				}
				_ = m.Entry(dst[0].Entry)
			}
		})
	}
	wg.Wait()
}

func TestAllocs(t *testing.T) {
	m := mustCompile(t, testLexicon)
	tk := toks("according to U.S. intelligence reports and a b c , senior officials claimed unknown words here")
	dst := make([]Match, 0, len(tk))
	tests := []struct {
		name string
		f    func()
	}{
		{"Longest", func() {
			for i := range tk {
				m.Longest(tk, i)
			}
		}},
		{"AppendMatches", func() { dst = m.AppendMatches(dst[:0], tk) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(100, tt.f); n != 0 {
				t.Errorf("%s allocates %v times per run, want 0", tt.name, n)
			}
		})
	}
	if len(dst) == 0 {
		t.Error("no matches in the allocation test")
	}
}

func TestWideNode(t *testing.T) {
	// A node with many children exercises the binary search.
	var entries []Entry
	words := strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa")
	for _, w := range words {
		entries = append(entries, Entry{Phrase: "the " + w, Category: "x"})
	}
	m, err := Compile(entries)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		n, e, ok := m.Longest(toks("the "+w), 0)
		if !ok || n != 2 || e != i {
			t.Errorf("Longest(the %s) = %d, %d, %v; want 2, %d, true", w, n, e, ok, i)
		}
	}
	if _, _, ok := m.Longest(toks("the zulu"), 0); ok {
		t.Error("Longest(the zulu) matched")
	}
}

// TestFirstFilterHidesNothing checks that the first-word filter passes
// every word that starts a phrase, that a phrase is found after it, and
// that no node's child filter hides a child.
func TestFirstFilterHidesNothing(t *testing.T) {
	var entries []Entry
	for i, p := range []string{"according to", "as reported by", "say+", "u.s.", "Según", "claim", "people familiar with the matter"} {
		entries = append(entries, Entry{Phrase: p, Category: "cue", File: "t", Line: i + 1})
	}
	m, err := Compile(entries)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range m.words.slots {
		if s.id == 0 {
			continue
		}
		n++
		if s.root >= 0 && (!m.first.has(wordHash(s.word)) || !m.MayStart(s.word)) {
			t.Errorf("the filter hides %q, which starts a phrase", s.word)
		}
		if got := m.words.lookup(s.word); got == nil || got.id != s.id {
			t.Errorf("the table does not find %q", s.word)
		}
	}
	if n == 0 {
		t.Error("the word table is empty")
	}
	words := map[uint32]string{}
	for _, s := range m.words.slots {
		if s.id != 0 {
			words[s.id-1] = s.word
		}
	}
	for k, nd := range m.nodes {
		for _, e := range m.edges[nd.lo:nd.hi] {
			if nd.kids>>(wordHash(words[e.word])>>58)&1 == 0 {
				t.Errorf("node %d hides its child %q", k, words[e.word])
			}
		}
	}
	var none *Matcher
	if none.MayStart("according") || len(none.AppendMatches(nil, nil)) > 0 {
		t.Error("a nil Matcher starts a phrase")
	}
}

func TestBuiltin(t *testing.T) {
	files := fstest.MapFS{"en.txt": {Data: []byte("say+\tcue\n")}, "bad.txt": {Data: []byte("say+\n")}}
	errUnknown := errors.New("no lexicon")
	builds := 0
	b := &Builtin[*Matcher]{
		FS: files, Files: map[string]string{"en": "en.txt", "de": "bad.txt"}, Unknown: errUnknown,
		Build: func(_ language.Tag, e []Entry) (*Matcher, error) { builds++; return Compile(e) },
	}
	m1, err := b.Load(language.MustParse("en-GB"))
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := b.Load(language.English)
	if m1 != m2 || builds != 1 {
		t.Errorf("the lexicon was built %d times, want once and shared", builds)
	}
	if _, err := b.Load(language.French); !errors.Is(err, errUnknown) {
		t.Errorf("French: %v, want the Unknown error", err)
	}
	if _, err := b.Load(language.German); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("a bad file: %v, want its name and line", err)
	}
}
