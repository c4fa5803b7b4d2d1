package attribution

import (
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay/span"
)

// TestTrimSource checks the source edges PolNeAR leaves out whatever the
// boundary model says, and phrases that keep them.
func TestTrimSource(t *testing.T) {
	for _, tc := range []struct {
		text, cue       string
		source, wantCue string // "" when the phrase must not be trimmed
	}{
		// A contracted auxiliary goes to the cue, and the pronoun stays.
		{"You’ve been talking about the plan for weeks.", "’ve", "You", "’ve been talking about"},
		{"I've suggested that the plan is bad.", "'ve", "I", "'ve suggested"},
		// A medium phrase before the cue.
		{"Ms. Stumpf in a televised interview appeared to blame the staff for the losses.", "appeared", "Ms. Stumpf", "appeared"},
		{"ACLU executive director Anthony Romero in a statement said the law was unconstitutional.", "said", "ACLU executive director Anthony Romero", "said"},
		// Kept: a quotation the phrase opens, a relative clause, a
		// capitalized Post, a possessive.
		{"“Daily Show” host Trevor Noah said the plan failed.", "said", "", ""},
		{"Gloria Garcia, a nurse who was polled in a follow-up interview, says the plan failed.", "says", "", ""},
		{"A columnist in The Washington Post said the plan failed.", "said", "", ""},
		{"Trump’s aides said the plan failed.", "said", "", ""},
	} {
		var x Extractor
		found := false
		for _, f := range x.Extract(tc.text, nil) {
			if !strings.HasPrefix(f.Cue.Text(tc.text), tc.cue) {
				continue
			}
			found = true
			trimmed := strings.Contains(f.Rule, sourceTrimRule)
			if tc.source == "" {
				if trimmed {
					t.Errorf("%q: trimmed to %q", tc.text, f.SourcePhrase.Text(tc.text))
				}
				continue
			}
			if !trimmed {
				t.Errorf("%q: rule %q, want it to end in %q", tc.text, f.Rule, sourceTrimRule)
			}
			if got := f.SourcePhrase.Text(tc.text); got != tc.source {
				t.Errorf("%q: source %q, want %q", tc.text, got, tc.source)
			}
			if got := f.Cue.Text(tc.text); got != tc.wantCue {
				t.Errorf("%q: cue %q, want %q", tc.text, got, tc.wantCue)
			}
		}
		if !found {
			t.Errorf("%q: no attribution of %q", tc.text, tc.cue)
		}
	}
}

func TestContractedAuxiliary(t *testing.T) {
	for w, want := range map[string]int{
		"you’ve": len("’ve"), "I'm": 2, "he’ll": len("’ll"), "who’d": len("’d"), "they're": 3,
		"Trump’s": 0, "She's": 0, "don't": 0, "it": 0, "'ve": 0, "": 0,
	} {
		if got := contractedAuxiliary(w); got != want {
			t.Errorf("contractedAuxiliary(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestTrimSourcePhrases checks trimSource on phrases given, whatever the
// models propose for the text.
func TestTrimSourcePhrases(t *testing.T) {
	txt := "On this weekend’s episode of “Meet the Voters,” Democratic candidate Jane Miller said the ad was a joke. " +
		"Jane Miller, in an interview, said it again. “The Hill” reporter Tom Lee said so. We’ll see, he said. " +
		"The man in the video said no."
	mc, _ := readModelPieces(t, txt)
	at := func(s string, n int) span.Span { // the nth s in txt
		i := -1
		for ; n > 0; n-- {
			i += 1 + strings.Index(txt[i+1:], s)
		}
		return span.New(i, i+len(s))
	}
	for _, tc := range []struct {
		src, cue     span.Span
		source, cue2 string
	}{
		{span.New(at("Meet", 1).Start, at("Miller", 1).End), at("said", 1), "Democratic candidate Jane Miller", "said"},
		{span.New(at("Jane", 2).Start, at("interview", 1).End), at("said", 2), "Jane Miller", "said"},
		{span.New(at("Jane", 2).Start, at("interview,", 1).End), at("said", 2), "Jane Miller", "said"},
		{span.New(at("“The", 1).Start, at("Lee", 1).End), at("said", 3), "“The Hill” reporter Tom Lee", "said"},
		{at("We’ll", 1), at("see", 1), "We", "’ll see"},
		{span.New(at("he said", 1).Start, at("he said", 1).Start+len("he")), at("said", 4), "he", "said"},
		// A quotation that closes with no comma before it is no title
		// before the phrase.
		{span.New(at("Hill", 1).Start, at("Lee", 1).End), at("said", 3), "Hill” reporter Tom Lee", "said"},
		// A place, not a medium.
		{span.New(at("The man", 1).Start, at("video", 1).End), at("said", 5), "The man in the video", "said"},
	} {
		src, cue := mc.trimSource(tc.src, tc.cue)
		if got := src.Text(txt); got != tc.source {
			t.Errorf("%q: source %q, want %q", tc.src.Text(txt), got, tc.source)
		}
		if got := cue.Text(txt); got != tc.cue2 {
			t.Errorf("%q: cue %q, want %q", tc.src.Text(txt), got, tc.cue2)
		}
	}
}
