package text

import (
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/span"
)

// sameString reports whether a and b share their bytes.
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

// tok is a token as the tests compare it.
type tok struct {
	Text string
	Kind Kind
	Fold string
}

func toks(tk *Tokens) []tok {
	out := make([]tok, len(tk.Toks))
	for i, x := range tk.Toks {
		out[i] = tok{Text: tk.Text[x.Span.Start:x.Span.End], Kind: x.Kind, Fold: x.Fold}
	}
	return out
}

func w(s, fold string) tok { return tok{Text: s, Kind: Word, Fold: fold} }
func num(s string) tok     { return tok{Text: s, Kind: Number, Fold: s} }
func p(s string) tok       { return tok{Text: s, Kind: Punct, Fold: s} }
func q(s, fold string) tok { return tok{Text: s, Kind: Quote, Fold: fold} }

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []tok
	}{
		{name: "empty", text: "", want: []tok{}},
		{name: "lowercase ascii", text: "according to", want: []tok{w("according", "according"), w("to", "to")}},
		{name: "capitals and final period", text: "The aim is new.", want: []tok{
			w("The", "the"), w("aim", "aim"), w("is", "is"), w("new", "new"), p("."),
		}},
		{name: "abbreviations keep periods", text: "Top U.S. officials met Mr. Smith, e.g. today.", want: []tok{
			w("Top", "top"), w("U.S.", "u.s."), w("officials", "officials"), w("met", "met"),
			w("Mr.", "mr."), w("Smith", "smith"), p(","), w("e.g.", "e.g."), w("today", "today"), p("."),
		}},
		{name: "initials", text: "James B. Comey and J.K. Rowling in the U.S.A.", want: []tok{
			w("James", "james"), w("B.", "b."), w("Comey", "comey"), w("and", "and"),
			w("J.K.", "j.k."), w("Rowling", "rowling"), w("in", "in"), w("the", "the"), w("U.S.A.", "u.s.a."),
		}},
		{name: "sentence-final period after ordinary word", text: "Havana. Cuba", want: []tok{
			w("Havana", "havana"), p("."), w("Cuba", "cuba"),
		}},
		{name: "ellipsis after abbreviation stays punct", text: "etc...", want: []tok{
			w("etc", "etc"), p("."), p("."), p("."),
		}},
		{name: "numbers", text: "2013 3.5 1,000 80 10:30", want: []tok{
			num("2013"), num("3.5"), num("1,000"), num("80"), num("10:30"),
		}},
		{name: "money and percent", text: "$1.2bn (£600m) 76%", want: []tok{
			p("$"), w("1.2bn", "1.2bn"), p("("), p("£"), w("600m", "600m"), p(")"), num("76"), p("%"),
		}},
		{name: "number then comma and period", text: "in 2013, 80.", want: []tok{
			w("in", "in"), num("2013"), p(","), num("80"), p("."),
		}},
		{name: "hyphens", text: "well-known Caracas-Havana Cuban-Backed -x y-", want: []tok{
			w("well-known", "well-known"), w("Caracas-Havana", "caracas-havana"),
			w("Cuban-Backed", "cuban-backed"), p("-"), w("x", "x"), w("y", "y"), p("-"),
		}},
		{name: "contraction", text: "don't won’t", want: []tok{
			w("don't", "don't"), w("won’t", "won't"),
		}},
		{name: "possessives split", text: "Maduro's Venezuela’s MADURO'S analysts' view", want: []tok{
			w("Maduro", "maduro"), w("'s", "'s"), w("Venezuela", "venezuela"), w("’s", "'s"),
			w("MADURO", "maduro"), w("'S", "'s"), w("analysts", "analysts"), w("'", "'"), w("view", "view"),
		}},
		{name: "single quotes around words", text: "Maduro 'knows too much'.", want: []tok{
			w("Maduro", "maduro"), q("'", "'"), w("knows", "knows"), w("too", "too"), w("much", "much"), q("'", "'"), p("."),
		}},
		{name: "single quotes ending in s", text: "'he sells shells' said", want: []tok{
			q("'", "'"), w("he", "he"), w("sells", "sells"), w("shells", "shells"), q("'", "'"), w("said", "said"),
		}},
		{name: "curly single quotes", text: "‘a misunderstanding’", want: []tok{
			q("‘", "'"), w("a", "a"), w("misunderstanding", "misunderstanding"), q("’", "'"),
		}},
		{name: "double quotes", text: `"Go," “Stop” «Non» ''x'' ` + "``y``", want: []tok{
			q(`"`, `"`), w("Go", "go"), p(","), q(`"`, `"`),
			q("“", `"`), w("Stop", "stop"), q("”", `"`),
			q("«", `"`), w("Non", "non"), q("»", `"`),
			q("''", `"`), w("x", "x"), q("''", `"`),
			q("``", `"`), w("y", "y"), q("``", `"`),
		}},
		{name: "diacritics", text: "Nicolás Chávez's ÉLITE", want: []tok{
			w("Nicolás", "nicolas"), w("Chávez", "chavez"), w("'s", "'s"), w("ÉLITE", "elite"),
		}},
		{name: "combining marks", text: "Nicola\u0301s", want: []tok{w("Nicola\u0301s", "nicolas")}},
		{name: "full width", text: "ＡＢＣ，１２", want: []tok{
			w("ＡＢＣ", "abc"), {Text: "，", Kind: Punct, Fold: ","}, {Text: "１２", Kind: Number, Fold: "12"},
		}},
		{name: "sharp s and dotted I", text: "Straße İstanbul", want: []tok{
			w("Straße", "strasse"), w("İstanbul", "istanbul"),
		}},
		{name: "punctuation and dashes", text: "end — (see); x–y", want: []tok{
			w("end", "end"), p("—"), p("("), w("see", "see"), p(")"), p(";"), w("x", "x"), p("–"), w("y", "y"),
		}},
		{name: "invalid utf8 and nul", text: "a\xffb\x00", want: []tok{
			w("a", "a"), {Text: "\xff", Kind: Punct, Fold: "\uFFFD"}, w("b", "b"), p("\x00"),
		}},
		{name: "domain and inner period", text: "bbc.co.uk. Ph.D.", want: []tok{
			w("bbc.co.uk", "bbc.co.uk"), p("."), w("Ph.D.", "ph.d."),
		}},
		{name: "mark without base", text: "\u073e x\u0301", want: []tok{
			p("\u073e"), w("x\u0301", "x"),
		}},
		{name: "cjk", text: "中国。", want: []tok{w("中国", "中国"), p("。")}},
		{name: "G2 and tiktok", text: "G2 TikTok", want: []tok{w("G2", "g2"), w("TikTok", "tiktok")}},
	}
	var tk Tokens // reused across cases on purpose
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Tokenize(tt.text, &tk)
			checkTokens(t, &tk)
			if diff := cmp.Diff(tt.want, toks(&tk)); diff != "" {
				t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// checkTokens checks the invariants of Tokenize: spans well formed (see
// checkSpans) and free of white space, every non-space rune in a token,
// kinds known, folds valid UTF-8 and non-empty, and the fold of a Word or
// Number equal to Fold of its excerpt.
func checkTokens(t testing.TB, tk *Tokens) {
	t.Helper()
	text := tk.Text
	spans := make([]span.Span, len(tk.Toks))
	for i, x := range tk.Toks {
		spans[i] = x.Span
	}
	covered := checkSpans(t, text, spans)
	for i, r := range text {
		if isSpaceRune(r) == covered[i] {
			t.Fatalf("rune %q at %d: space %v, in a token %v", r, i, isSpaceRune(r), covered[i])
		}
	}
	for i, x := range tk.Toks {
		ex := text[x.Span.Start:x.Span.End]
		if x.Kind < Word || x.Kind > Quote {
			t.Fatalf("token %d %q: kind %d", i, ex, x.Kind)
		}
		if x.Fold == "" || !utf8.ValidString(x.Fold) {
			t.Fatalf("token %d %q: fold %q", i, ex, x.Fold)
		}
		if (x.Kind == Word || x.Kind == Number) && x.Fold != Fold(ex) {
			t.Fatalf("token %d %q: fold %q, Fold(excerpt) %q", i, ex, x.Fold, Fold(ex))
		}
	}
}

func TestTokenizeSegmentCases(t *testing.T) {
	var tk Tokens
	for _, tc := range loadSegCases(t) {
		Tokenize(tc.text, &tk)
		checkTokens(t, &tk)
	}
}

// TestTokenizeASCIIFoldSlicesText checks the ASCII fast path: lower-case
// ASCII words fold to a slice of the text itself.
func TestTokenizeASCIIFoldSlicesText(t *testing.T) {
	text := "the analysts believe that"
	var tk Tokens
	Tokenize(text, &tk)
	for _, x := range tk.Toks {
		ex := text[x.Span.Start:x.Span.End]
		if x.Fold != ex || !sameString(x.Fold, ex) {
			t.Errorf("token %q: fold %q does not slice the text", ex, x.Fold)
		}
	}
	if len(tk.folded) != 0 {
		t.Errorf("folded buffer used for lower-case ASCII: %q", tk.folded)
	}
}

func TestTokenizeAllocs(t *testing.T) {
	var tk Tokens
	lower := strings.ToLower(syntheticText(5))
	Tokenize(lower, &tk)
	if a := testing.AllocsPerRun(50, func() { Tokenize(lower, &tk) }); a != 0 {
		t.Errorf("Tokenize of lower-case ASCII text: %v allocations per run, want 0", a)
	}

	mixed := syntheticText(5)
	Tokenize(mixed, &tk)
	if a := testing.AllocsPerRun(50, func() { Tokenize(mixed, &tk) }); a != 0 {
		t.Errorf("Tokenize of the same mixed-case ASCII text again: %v allocations per run, want 0", a)
	}

	// Two different texts in turn: the folded string must be built anew
	// each time, one allocation per call however many tokens there are.
	other := strings.ReplaceAll(mixed, "The", "Our")
	Tokenize(other, &tk)
	i := 0
	a := testing.AllocsPerRun(50, func() {
		i++
		if i%2 == 0 {
			Tokenize(mixed, &tk)
		} else {
			Tokenize(other, &tk)
		}
	})
	if a != 1 {
		t.Errorf("Tokenize of alternating texts: %v allocations per run, want 1", a)
	}
	if len(tk.Toks) < 1000 {
		t.Errorf("only %d tokens", len(tk.Toks))
	}

	if raceEnabled {
		return // sync.Pool drops items under the race detector
	}
	unicodeText := strings.Repeat("Nicolás Maduro’s “aides” in Bogotá. ", 50)
	Tokenize(unicodeText, &tk)
	if a := testing.AllocsPerRun(50, func() { Tokenize(unicodeText, &tk) }); a != 0 {
		t.Errorf("Tokenize of the same non-ASCII text again: %v allocations per run, want 0", a)
	}
}

// TestTokensKeepFoldsAcrossCalls checks that the folds of one call stay
// valid after the next call reuses the buffers.
func TestTokensKeepFoldsAcrossCalls(t *testing.T) {
	var tk Tokens
	Tokenize("Nicolás MADURO", &tk)
	first := toks(&tk)
	Tokenize("Otro TEXTO ÉL", &tk)
	want := []tok{w("Nicolás", "nicolas"), w("MADURO", "maduro")}
	if diff := cmp.Diff(want, first); diff != "" {
		t.Errorf("folds changed (-want +got):\n%s", diff)
	}
}

func TestTokensReset(t *testing.T) {
	var tk Tokens
	Tokenize("Some Text here.", &tk)
	tk.Reset()
	if tk.Text != "" || len(tk.Toks) != 0 || len(tk.folded) != 0 || tk.foldStr != "" {
		t.Errorf("Reset left %+v", tk)
	}
	for _, x := range tk.Toks[:cap(tk.Toks)] {
		if x.Fold != "" {
			t.Errorf("Reset kept a reference: %q", x.Fold)
		}
	}
	Tokenize("again", &tk)
	if diff := cmp.Diff([]tok{w("again", "again")}, toks(&tk)); diff != "" {
		t.Errorf("after Reset (-want +got):\n%s", diff)
	}
}

func TestScanWordASCII(t *testing.T) {
	// Against the byte loop, at every offset of texts with all kinds of
	// bytes around word boundaries.
	texts := []string{
		"abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789",
		"@[`{/:AZaz09 \x7f\x80\xff word Word WORD w0rd 12345678 abcdefgh.",
		"Maduro's well-known 3.5 U.S. a\u00e9b caf\u00e9 x",
	}
	var all []byte
	for c := range 256 {
		all = append(all, byte(c), 'a', byte(c), 'Z', byte(c), '5', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'q')
	}
	texts = append(texts, string(all))
	for _, text := range texts {
		for i := range len(text) {
			want, wantBits := i, uint8(0)
			for want < len(text) && wordBits[text[want]] != 0 {
				wantBits |= wordBits[text[want]]
				want++
			}
			got, gotBits := scanWordASCII(text, i)
			if got != want || gotBits != wantBits {
				t.Fatalf("scanWordASCII(%q, %d) = %d, %b; want %d, %b", text, i, got, gotBits, want, wantBits)
			}
		}
	}
}

// TestResetReleasesText checks that Reset clears every token a previous
// Tokenize wrote, also those beyond the last, shorter, text.
func TestResetReleasesText(t *testing.T) {
	var tk Tokens
	Tokenize("one two three four five six seven", &tk)
	Tokenize("one", &tk)
	tk.Reset()
	for i, tok := range tk.Toks[:cap(tk.Toks)] {
		if tok != (Token{}) {
			t.Fatalf("token %d kept after Reset: %+v", i, tok)
		}
	}
}

// TestASCIIWordEnd checks the fast path of Tokenize against Tokens.word:
// where asciiWordEnd says that a word ends at a comma, colon or period,
// word must end it there too, with the same token.
func TestASCIIWordEnd(t *testing.T) {
	words := []string{"said", "U.S", "Mr", "Inc", "A", "b", "2013", "1", "e.g", "Ph.D", "etc", "No", "x9", "MAY", "Gen"}
	after := []string{"", " ", "  x", ".", ",", ":", "1", "a", "A", "'", "-", "\"", "”", "é", "\n", ")", "..", ".a", ",5", ":30"}
	checked := 0
	for _, w := range words {
		for _, joiner := range []string{",", ":", ".", "-", "'", "’"} {
			for _, rest := range after {
				text := w + joiner + rest
				j, bits := scanWordASCII(text, 0)
				end, ok := asciiWordEnd(text, 0, j, bits)
				if !ok {
					continue
				}
				checked++
				// Tokenize takes the fast path on the whole text; word is
				// the slow path it replaces.
				var fast, slow Tokens
				Tokenize(text, &fast)
				slow.Text = text
				if got := slow.word(text, 0); got != end {
					t.Errorf("%q: word ends at %d, asciiWordEnd at %d", text, got, end)
					continue
				}
				// (word leaves the folds of capitalized words to the end of
				// Tokenize, so only spans and kinds compare.)
				if len(slow.Toks) != 1 || len(fast.Toks) == 0 || slow.Toks[0].Span != fast.Toks[0].Span ||
					slow.Toks[0].Kind != fast.Toks[0].Kind {
					t.Errorf("%q: word gives %+v, Tokenize %+v", text, slow.Toks, fast.Toks)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d cases checked", checked)
	}
}

// TestAddLower checks the folds of capitalized ASCII words, lowered eight
// bytes at a time, with every kind of byte after them and at the end of
// the text.
func TestAddLower(t *testing.T) {
	words := []string{"A", "He", "The", "NATO", "Maduro", "WhiteHo", "WASHINGT", "Caracas1", "Z9", "AZaz09"}
	after := []string{"", " x", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", " é and more", "—“Quoted”", "\x7f@[`{AZ", " Zzzzzzzzzz", ")ABCDEFGH"}
	var tk Tokens
	for _, w := range words {
		for _, a := range after {
			s := w + a
			Tokenize(s, &tk)
			if len(tk.Toks) == 0 || tk.Toks[0].Span.End != len(w) {
				t.Fatalf("%q: first token %+v, want the word %q", s, tk.Toks, w)
			}
			if got, want := tk.Toks[0].Fold, strings.ToLower(w); got != want {
				t.Errorf("%q: Fold %q, want %q", s, got, want)
			}
		}
	}
}
