package lexicon

import (
	"errors"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	f.Add(testLexicon)
	f.Add("say+\tcue\r\n\uFEFF# x\n\tcat\nc++\tlang\nclaim\tcue\nclaim*\tnoun\n")
	f.Add("a b c d e f g h i\tx\n\xff\tx\nk\tc\tk=v\tk=w\n")
	f.Add("source* say+\tx\tstance=neutral # c\n" + strings.Repeat("z", MaxLine+1))
	f.Fuzz(func(t *testing.T, data string) {
		lines := strings.Count(data, "\n") + 1
		entries, err := Parse("fuzz.lex", strings.NewReader(data))
		if err != nil {
			if entries != nil {
				t.Fatalf("entries and error: %d, %v", len(entries), err)
			}
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			} else {
				errs = []error{err}
			}
			for _, e := range errs {
				var pe *ParseError
				if !errors.As(e, &pe) {
					t.Fatalf("not a *ParseError: %v", e)
				}
				if pe.Line < 1 || pe.Line > lines {
					t.Fatalf("error line %d not in [1, %d]: %v", pe.Line, lines, e)
				}
			}
			return
		}
		for _, e := range entries {
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("entry line %d not in [1, %d]", e.Line, lines)
			}
			if e.Phrase == "" || e.Category == "" || e.File != "fuzz.lex" {
				t.Fatalf("bad entry %+v", e)
			}
		}
		// A file that parses compiles.
		m, err := Compile(entries)
		if err != nil {
			t.Fatalf("Compile of parsed entries: %v", err)
		}
		if m.Len() != len(entries) {
			t.Fatalf("Len = %d, want %d", m.Len(), len(entries))
		}
	})
}

func FuzzMatch(f *testing.F) {
	f.Add("according to U.S. intelligence reports , senior officials claimed")
	f.Add("a b c d e f g h a b c d e f g x")
	f.Add("as reported by sources as well as said told")
	f.Add("")
	m := mustCompile(f, testLexicon)
	// Reference: every expanded phrase to its first entry.
	ref := map[string]int{}
	for i := 0; i < m.Len(); i++ {
		forms, err := expand(m.Entry(i).Phrase)
		if err != nil {
			f.Fatal(err)
		}
		for _, w := range forms {
			if _, ok := ref[strings.Join(w, " ")]; !ok {
				ref[strings.Join(w, " ")] = i
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		tk := toks(s)
		folds := make([]string, len(tk))
		for i, x := range tk {
			folds[i] = x.Fold
		}
		for i := range tk {
			wantN, wantE := 0, 0
			for n := min(MaxWords, len(tk)-i); n > 0; n-- {
				if e, ok := ref[strings.Join(folds[i:i+n], " ")]; ok {
					wantN, wantE = n, e
					break
				}
			}
			n, e, ok := m.Longest(tk, i)
			if ok != (wantN > 0) || n != wantN || ok && e != wantE {
				t.Fatalf("Longest(%d) = %d, %d, %v; want %d, %d", i, n, e, ok, wantN, wantE)
			}
		}
		prev := 0
		for _, x := range m.AppendMatches(nil, tk) {
			if x.Start < prev || x.End <= x.Start || x.End > len(tk) || x.Entry < 0 || x.Entry >= m.Len() {
				t.Fatalf("bad match %+v after %d in %d tokens", x, prev, len(tk))
			}
			// No match may start in the gap before x.
			for j := prev; j < x.Start; j++ {
				if _, _, ok := m.Longest(tk, j); ok {
					t.Fatalf("skipped a match at %d", j)
				}
			}
			prev = x.End
		}
	})
}
