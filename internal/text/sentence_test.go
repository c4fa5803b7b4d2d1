package text

import (
	"bufio"
	"math/bits"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/span"

	"github.com/hearsay-go/hearsay/internal/worktest"
)

// segCase is one case of testdata/segment/cases.txt.
type segCase struct {
	name string
	text string
	want []string
}

// loadSegCases reads testdata/segment/cases.txt (format in its README).
func loadSegCases(tb testing.TB) []segCase {
	tb.Helper()
	path := filepath.Join("..", "..", "testdata", "segment", "cases.txt")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var (
		cases   []segCase
		cur     *segCase
		input   []string
		inInput bool
		escaped bool
	)
	unq := func(line string, lineNo int) string {
		if !escaped {
			return line
		}
		s, err := strconv.Unquote(`"` + line + `"`)
		if err != nil {
			tb.Fatalf("%s:%d: %v", path, lineNo, err)
		}
		return s
	}
	sc := bufio.NewScanner(f)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			name := strings.TrimPrefix(line, "=== ")
			escaped = strings.HasSuffix(name, " [escaped]")
			cases = append(cases, segCase{name: name})
			cur = &cases[len(cases)-1]
			input, inInput = input[:0], true
		case cur == nil:
			// Comments and blank lines before the first case.
		case inInput && line == "---":
			cur.text = strings.Join(input, "\n")
			inInput = false
		case inInput:
			input = append(input, unq(line, lineNo))
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		default:
			cur.want = append(cur.want, unq(line, lineNo))
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if cur != nil && inInput {
		tb.Fatalf("%s: case %q has no --- line", path, cur.name)
	}
	return cases
}

func excerpts(text string, spans []span.Span) []string {
	var out []string
	if len(spans) > 0 {
		out = make([]string, len(spans))
	}
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSegmentCases(t *testing.T) {
	cases := loadSegCases(t)
	if len(cases) < 80 {
		t.Errorf("only %d segmentation cases, want at least 80", len(cases))
	}
	pass := 0
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spans := Sentences(tc.text)
			checkSentences(t, tc.text, spans)
			if diff := cmp.Diff(tc.want, excerpts(tc.text, spans)); diff != "" {
				t.Errorf("Sentences(%q) (-want +got):\n%s", tc.text, diff)
				return
			}
			pass++
		})
	}
	t.Logf("segmentation cases: %d of %d pass", pass, len(cases))
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []span.Span
	}{
		{name: "empty", text: "", want: nil},
		{name: "spaces", text: " \n\t ", want: nil},
		{name: "offsets", text: "  Hi there.  Bye.\n", want: []span.Span{{Start: 2, End: 11}, {Start: 13, End: 17}}},
		{name: "nul bytes", text: "a\x00b. C\x00.", want: []span.Span{{Start: 0, End: 4}, {Start: 5, End: 8}}},
		{name: "invalid utf8", text: "\xff\xfe. \x80x", want: []span.Span{{Start: 0, End: 3}, {Start: 4, End: 6}}},
		{name: "line separator", text: "One\u2028Two", want: []span.Span{{Start: 0, End: 3}, {Start: 6, End: 9}}},
		{name: "trailing nbsp", text: "End.\u00a0", want: []span.Span{{Start: 0, End: 4}}},
		{name: "only closers", text: ".\"\"\"", want: []span.Span{{Start: 0, End: 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.text)
			checkSentences(t, tt.text, got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestSentencesPathological checks that hostile inputs give well-formed
// results, and that four times the input takes about four times the work
// (a quadratic scan would take sixteen). Work is the CPU time of the
// test's thread with the collector off (package worktest).
func TestSentencesPathological(t *testing.T) {
	tests := []struct {
		name string
		unit string // repeated n times
		head string // before the repetition
		tail string // after it
	}{
		{name: "quotes", unit: `"`, head: "He said.", tail: " Then."},
		{name: "quotes alone", unit: `"`},
		{name: "quotes and periods", unit: `."`},
		{name: "one long line", unit: "word "},
		{name: "no spaces", unit: "a"},
		{name: "initials", unit: "A."},
		{name: "dotted word", unit: "ab."},
		{name: "spaced periods", unit: ". "},
		{name: "abbreviations", unit: "U.S. "},
		{name: "spaces then period", unit: " ", head: "x.", tail: "Y"},
		{name: "nbsp", unit: "\u00a0", head: "x.", tail: "y"},
		{name: "ellipses", unit: "… "},
		{name: "newlines", unit: "\n"},
		{name: "invalid", unit: "\xff"},
	}
	const small = 1 << 16 // bytes of repetition; the large input is 4x
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := func(bytes int) string {
				return tt.head + strings.Repeat(tt.unit, bytes/len(tt.unit)) + tt.tail
			}
			text := input(4 * small)
			var tok Tokens
			checkSentences(t, text, Sentences(text))
			Tokenize(text, &tok)
			checkTokens(t, &tok)
			// The inputs are made before the measure: only the work on
			// them counts.
			inputs := map[int]string{small: input(small), 4 * small: text}
			run := func(n int) {
				s := inputs[n]
				Sentences(s)
				Tokenize(s, &tok)
			}
			if g := worktest.Growth(t, run, small, 4*small); g > 10 {
				t.Errorf("4x the input took %.1fx the work", g)
			}
		})
	}
}

func TestAppendSentencesAllocs(t *testing.T) {
	text := syntheticText(20)
	dst := AppendSentences(nil, text)
	if len(dst) < 100 {
		t.Fatalf("only %d sentences", len(dst))
	}
	allocs := testing.AllocsPerRun(100, func() {
		dst = AppendSentences(dst[:0], text)
	})
	if allocs != 0 {
		t.Errorf("AppendSentences with capacity: %v allocations per run, want 0", allocs)
	}
}

// boundaries marks the offsets where a range loop over text yields a rune,
// and len(text): the rune boundaries, also for invalid UTF-8.
func boundaries(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := range text {
		b[i] = true
	}
	b[len(text)] = true
	return b
}

// checkSpans checks that spans are non-empty, sorted, non-overlapping, in
// bounds and on rune boundaries, and returns which bytes they cover.
func checkSpans(t testing.TB, text string, spans []span.Span) []bool {
	t.Helper()
	bound := boundaries(text)
	covered := make([]bool, len(text))
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v: not sorted, empty, overlapping or out of bounds (previous end %d, len %d)", i, s, prev, len(text))
		}
		if !bound[s.Start] || !bound[s.End] {
			t.Fatalf("span %d %v: not on rune boundaries", i, s)
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
		prev = s.End
	}
	return covered
}

// checkSentences checks the invariants of AppendSentences: see
// checkSpans, and: spans trimmed of white space, every non-space rune in a
// span.
func checkSentences(t testing.TB, text string, spans []span.Span) {
	t.Helper()
	covered := checkSpans(t, text, spans)
	for i, s := range spans {
		first, _ := utf8.DecodeRuneInString(text[s.Start:])
		last, _ := utf8.DecodeLastRuneInString(text[:s.End])
		if isSpaceRune(first) || isSpaceRune(last) {
			t.Fatalf("sentence %d %v %q: not trimmed", i, s, text[s.Start:s.End])
		}
	}
	for i, r := range text {
		if !isSpaceRune(r) && !covered[i] {
			t.Fatalf("non-space rune %q at %d is in no sentence", r, i)
		}
	}
}

func isSpaceRune(r rune) bool { return r != utf8.RuneError && unicode.IsSpace(r) }

func TestSentSpecial8(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			var b [8]byte
			for i := range b {
				b[i] = 'x'
			}
			b[pos] = byte(c)
			m := sentSpecial8(load8(string(b[:]), 0))
			want := c >= utf8.RuneSelf || sentSpecial[c]
			first := -1
			if m != 0 {
				first = bits.TrailingZeros64(m) >> 3
			}
			if want != (first == pos) || !want && m != 0 {
				t.Fatalf("byte %#x at %d: mask %#x", c, pos, m)
			}
		}
	}
}
