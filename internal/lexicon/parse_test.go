package lexicon

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []Entry
	}{
		{
			name:  "empty",
			input: "",
			want:  nil,
		},
		{
			name:  "comments and blanks",
			input: "# a comment\n\n   \n\t\n  # indented comment\n",
			want:  nil,
		},
		{
			name: "entries",
			input: "# cues\n" +
				"according to\tcue\tstance=document\n" +
				"say+\t\tcue\tstance=neutral\tlemma=say   # trailing comment\n" +
				"\n" +
				"  Source*  \tsource\tanonymity=vague\n" +
				"U.S.\tplace\n" +
				"as   well  as\tconj\n" +
				"c#\tlang\n" +
				"no final newline\tcat",
			want: []Entry{
				{Phrase: "according to", Category: "cue", Attrs: []Attr{{"stance", "document"}}, File: "f.lex", Line: 2},
				{Phrase: "say+", Category: "cue", Attrs: []Attr{{"stance", "neutral"}, {"lemma", "say"}}, File: "f.lex", Line: 3},
				{Phrase: "Source*", Category: "source", Attrs: []Attr{{"anonymity", "vague"}}, File: "f.lex", Line: 5},
				{Phrase: "U.S.", Category: "place", File: "f.lex", Line: 6},
				{Phrase: "as well as", Category: "conj", File: "f.lex", Line: 7},
				{Phrase: "c#", Category: "lang", File: "f.lex", Line: 8},
				{Phrase: "no final newline", Category: "cat", File: "f.lex", Line: 9},
			},
		},
		{
			name:  "CRLF and BOM",
			input: "\uFEFFsay+\tcue\r\n\r\nclaim+\tcue\tstance=distancing\r\n",
			want: []Entry{
				{Phrase: "say+", Category: "cue", File: "f.lex", Line: 1},
				{Phrase: "claim+", Category: "cue", Attrs: []Attr{{"stance", "distancing"}}, File: "f.lex", Line: 3},
			},
		},
		{
			name:  "attribute value with spaces",
			input: "reportedly\thedge\tgloss=as reported\n",
			want:  []Entry{{Phrase: "reportedly", Category: "hedge", Attrs: []Attr{{"gloss", "as reported"}}, File: "f.lex", Line: 1}},
		},
		{
			name:  "same phrase same payload twice",
			input: "said\tcue\tlemma=say\nsay+\tcue\tlemma=say\n",
			want: []Entry{
				{Phrase: "said", Category: "cue", Attrs: []Attr{{"lemma", "say"}}, File: "f.lex", Line: 1},
				{Phrase: "say+", Category: "cue", Attrs: []Attr{{"lemma", "say"}}, File: "f.lex", Line: 2},
			},
		},
		{
			name:  "exactly 8 words and literal plus",
			input: "a b c d e f g h\tlong\n+\tsym\n",
			want: []Entry{
				{Phrase: "a b c d e f g h", Category: "long", File: "f.lex", Line: 1},
				{Phrase: "+", Category: "sym", File: "f.lex", Line: 2},
			},
		},
		{
			name:  "line of exactly 4096 bytes",
			input: "x\tcat\tk=" + strings.Repeat("v", MaxLine-8) + "\n",
			want:  []Entry{{Phrase: "x", Category: "cat", Attrs: []Attr{{"k", strings.Repeat("v", MaxLine-8)}}, File: "f.lex", Line: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("f.lex", strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	type lineErr struct {
		Line int
		Err  error
	}
	tests := []struct {
		name  string
		input string
		want  []lineErr
	}{
		{
			name:  "no category",
			input: "ok\tcat\naccording to cue\n",
			want:  []lineErr{{2, ErrNoCategory}},
		},
		{
			name:  "empty phrase",
			input: "\tcat\n",
			want:  []lineErr{{1, ErrEmptyPhrase}},
		},
		{
			name:  "invalid UTF-8",
			input: "ok\tcat\n\n\xff\xfe\tcat\n",
			want:  []lineErr{{3, ErrInvalidUTF8}},
		},
		{
			name:  "bad attribute",
			input: "a\tcat\tstance\nb\tcat\t=x\nc\tcat\tk=\nd\tcat\tk=1\tk=2\n",
			want:  []lineErr{{1, ErrAttr}, {2, ErrAttr}, {3, ErrAttr}, {4, ErrAttr}},
		},
		{
			name:  "bad category",
			input: "a\t1cat\nb\tk=v\n",
			want:  []lineErr{{1, ErrCategory}, {2, ErrCategory}},
		},
		{
			name:  "conflicting duplicate",
			input: "claim\tcue\nother\tx\nclaim+\tsource\n",
			want:  []lineErr{{3, ErrConflict}},
		},
		{
			name:  "conflicting attributes",
			input: "claim\tcue\tstance=distancing\nclaim\tcue\tstance=neutral\n",
			want:  []lineErr{{2, ErrConflict}},
		},
		{
			name:  "too many words",
			input: "a b c d e f g h i\tlong\n",
			want:  []lineErr{{1, ErrTooManyWords}},
		},
		{
			name:  "line too long",
			input: "ok\tcat\n" + "x\tcat\tk=" + strings.Repeat("v", MaxLine) + "\nafter\tcat\nbad\n",
			want:  []lineErr{{2, ErrLineTooLong}, {4, ErrNoCategory}},
		},
		{
			name:  "long last line without newline",
			input: "ok\tcat\n" + strings.Repeat("v", 3*MaxLine),
			want:  []lineErr{{2, ErrLineTooLong}},
		},
		{
			name:  "bad marker",
			input: "c++\tlang\nx+\tcat\nsay+s\tcue\n5*\tnum\n",
			want:  []lineErr{{1, ErrMarker}, {2, ErrMarker}, {4, ErrMarker}},
		},
		{
			name:  "too many forms",
			input: "say+ say+ say+ say+\tcue\n",
			want:  []lineErr{{1, ErrTooManyForms}},
		},
		{
			name:  "error count is capped",
			input: strings.Repeat("bad\n", 100),
			want: func() []lineErr {
				var w []lineErr
				for i := 1; i <= maxErrors; i++ {
					w = append(w, lineErr{i, ErrNoCategory})
				}
				return append(w, lineErr{maxErrors, ErrTooManyErrors})
			}(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("bad.lex", strings.NewReader(tt.input))
			if got != nil {
				t.Errorf("Parse returned %d entries with an error; want none", len(got))
			}
			if err == nil {
				t.Fatal("Parse: no error")
			}
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			} else {
				errs = []error{err}
			}
			var gotErrs []lineErr
			for _, e := range errs {
				var pe *ParseError
				if !errors.As(e, &pe) {
					t.Fatalf("error %v is not a *ParseError", e)
				}
				if pe.File != "bad.lex" {
					t.Errorf("File = %q, want bad.lex", pe.File)
				}
				// Keep the sentinel the error wraps.
				var sentinel error
				for _, s := range []error{ErrInvalidUTF8, ErrLineTooLong, ErrEmptyPhrase, ErrTooManyWords, ErrMarker,
					ErrTooManyForms, ErrNoCategory, ErrCategory, ErrAttr, ErrConflict, ErrTooManyErrors} {
					if errors.Is(pe, s) {
						sentinel = s
					}
				}
				gotErrs = append(gotErrs, lineErr{pe.Line, sentinel})
			}
			if diff := cmp.Diff(tt.want, gotErrs, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	_, err := Parse("cues.lex", strings.NewReader("say+\tcue\n\nsaid\tsource\n"))
	want := `cues.lex:3: hearsay/lexicon: phrase defined twice with different category or attributes: "said" (from "said") is "cue" at cues.lex:1, "source" here`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
	tests := []struct {
		name string
		err  *ParseError
		want string
	}{
		{"file and line", &ParseError{File: "a.lex", Line: 7, Err: ErrAttr}, "a.lex:7: " + ErrAttr.Error()},
		{"no line", &ParseError{File: "a.lex", Err: ErrAttr}, "a.lex: " + ErrAttr.Error()},
		{"no file", &ParseError{Line: 2, Err: ErrAttr}, "lexicon:2: " + ErrAttr.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.err.Error()); diff != "" {
				t.Errorf("Error() mismatch (-want +got):\n%s", diff)
			}
			if !errors.Is(tt.err, ErrAttr) {
				t.Error("errors.Is(err, ErrAttr) = false")
			}
		})
	}
}

type failingReader struct{ n int }

var errRead = errors.New("disk on fire")

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		r.n++
		return copy(p, "ok\tcat\nmore\tcat\n"), nil
	}
	return 0, errRead
}

func TestParseReadError(t *testing.T) {
	got, err := Parse("r.lex", &failingReader{})
	if got != nil || !errors.Is(err, errRead) {
		t.Errorf("Parse = %v, %v; want nil, %v", got, err, errRead)
	}
}

func TestEntryAttr(t *testing.T) {
	e := Entry{Attrs: []Attr{{"stance", "distancing"}, {"lemma", "claim"}}}
	tests := []struct {
		name, key, want string
		ok              bool
	}{
		{"present", "lemma", "claim", true},
		{"absent", "pos", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := e.Attr(tt.key)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Attr(%q) = %q, %v; want %q, %v", tt.key, got, ok, tt.want, tt.ok)
			}
		})
	}
}
