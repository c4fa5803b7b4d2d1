package text

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "lower ascii unchanged", in: "according to", want: "according to"},
		{name: "upper ascii", in: "The New York Times", want: "the new york times"},
		{name: "acute accent", in: "Nicolás Maduro", want: "nicolas maduro"},
		{name: "many diacritics", in: "Chávez Bogotá São Paulo Zürich Ñuñoa", want: "chavez bogota sao paulo zurich nunoa"},
		{name: "combining mark after ascii", in: "Nicola\u0301s", want: "nicolas"},
		{name: "upper diacritics", in: "ÉLITE ÀÖ", want: "elite ao"},
		{name: "sharp s", in: "Straße", want: "strasse"},
		{name: "greek final sigma", in: "ΟΔΥΣΣΕΥΣ", want: "οδυσσευσ"},
		{name: "full width", in: "ＡＢＣ　１２３！", want: "abc 123!"},
		{name: "half width katakana", in: "ｶﾀｶﾅ", want: "カタカナ"},
		{name: "curly apostrophes", in: "Venezuela’s don‘t ʼok", want: "venezuela's don't 'ok"},
		{name: "curly and angle quotes", in: "“Go” «non» „ja“", want: `"go" "non" "ja"`},
		{name: "invalid utf8", in: "a\xffB", want: "a\uFFFDb"},
		{name: "ligature", in: "ﬁnance", want: "finance"},
		{name: "apostrophe from case folding", in: "ŉ", want: "'n"},
		{name: "cjk unchanged", in: "中国", want: "中国"},
		// The voiced sound mark is a nonspacing mark (Mn) and goes, as in NFD "ガ".
		{name: "half-width katakana with sound mark", in: "ｶﾞ ガ", want: "カ カ"},
		{name: "hangul jamo compose", in: "\u1100\u1161", want: "가"},
		{name: "long non-ascii", in: string(make([]byte, 0)) + repeat("Ñandú ", 2000), want: repeat("nandu ", 2000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fold(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Fold(%q) (-want +got):\n%s", tt.in, diff)
			}
			app := string(AppendFold([]byte("prefix:"), tt.in))
			if diff := cmp.Diff("prefix:"+tt.want, app); diff != "" {
				t.Errorf("AppendFold(%q) (-want +got):\n%s", tt.in, diff)
			}
			if again := Fold(got); again != got {
				t.Errorf("Fold is not idempotent: Fold(%q) = %q", got, again)
			}
		})
	}
}

func repeat(s string, n int) string {
	b := make([]byte, 0, len(s)*n)
	for range n {
		b = append(b, s...)
	}
	return string(b)
}

func TestFoldUnchangedDoesNotAllocate(t *testing.T) {
	s := "according to sources"
	if a := testing.AllocsPerRun(100, func() { _ = Fold(s) }); a != 0 {
		t.Errorf("Fold of folded ASCII: %v allocations, want 0", a)
	}
	if got := Fold(s); !sameString(got, s) {
		t.Errorf("Fold did not return its argument")
	}
}

func TestAppendFoldASCIIAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	if a := testing.AllocsPerRun(100, func() { buf = AppendFold(buf[:0], "The U.S. Officials") }); a != 0 {
		t.Errorf("AppendFold of ASCII with capacity: %v allocations, want 0", a)
	}
}

// TestFoldConcurrent runs Fold from many goroutines; run with -race.
func TestFoldConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				in := "Nicolás Ｍaduro’s “aides” " + string(rune('A'+(g+i)%26))
				want := "nicolas maduro's \"aides\" " + string(rune('a'+(g+i)%26))
				if got := Fold(in); got != want {
					t.Errorf("Fold(%q) = %q, want %q", in, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestFoldSimpleMatchesSlow checks the per-rune table against the x/text
// pipeline for every rune of the table, alone and in context.
func TestFoldSimpleMatchesSlow(t *testing.T) {
	simpleOnce.Do(buildSimple)
	for _, rg := range simpleRanges {
		for r := rg.lo; r <= rg.hi; r++ {
			for _, s := range []string{string(r), "Ab" + string(r) + "C", string(r) + string(r) + "x"} {
				got, ok := appendFoldSimple(nil, s)
				if !ok {
					continue
				}
				if want := appendFoldSlow(nil, s); string(got) != string(want) {
					t.Errorf("%U in %q: table %q, x/text %q", r, s, got, want)
				}
			}
		}
	}
}

func TestAppendFoldUnicodeAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	buf := make([]byte, 0, 256)
	for _, s := range []string{"Nicolás Maduro’s", "Ñandú\u0301 ｶﾞ 한국어", "Ελληνικά"} {
		buf = AppendFold(buf[:0], s)
		if a := testing.AllocsPerRun(100, func() { buf = AppendFold(buf[:0], s) }); a != 0 {
			t.Errorf("AppendFold(%q) with capacity: %v allocations, want 0", s, a)
		}
	}
}
