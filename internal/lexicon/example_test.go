package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/hearsay-go/hearsay/internal/lexicon"
	"github.com/hearsay-go/hearsay/internal/text"
)

// words makes tokens from space-separated words, folding by lower-casing.
func words(s string) []text.Token {
	var toks []text.Token
	for _, w := range strings.Fields(s) {
		toks = append(toks, text.Token{Kind: text.Word, Fold: strings.ToLower(w)})
	}
	return toks
}

func Example() {
	const cues = "according to\tcue\tstance=document\n" +
		"claim+\tcue\tstance=distancing\n" +
		"tell+\tcue\tstance=neutral\n" +
		"senior official*\tsource\tanonymity=described\n"
	entries, err := lexicon.Parse("cues.lex", strings.NewReader(cues))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := lexicon.Compile(entries)
	if err != nil {
		fmt.Println(err)
		return
	}
	toks := words("Senior officials claim , according to Axios , what a senior official told reporters")
	for match := range m.All(toks) {
		e := m.Entry(match.Entry)
		stance, _ := e.Attr("stance")
		fmt.Printf("tokens %d-%d: %s %q %s (%s:%d)\n", match.Start, match.End, e.Category, e.Phrase, stance, e.File, e.Line)
	}
	// Output:
	// tokens 0-2: source "senior official*"  (cues.lex:4)
	// tokens 2-3: cue "claim+" distancing (cues.lex:2)
	// tokens 4-6: cue "according to" document (cues.lex:1)
	// tokens 10-12: source "senior official*"  (cues.lex:4)
	// tokens 12-13: cue "tell+" neutral (cues.lex:3)
}

func ExampleParse_error() {
	const bad = "say+\tcue\n" +
		"according to cue\n" + // spaces, not a TAB
		"said\tsource\n"
	_, err := lexicon.Parse("cues.lex", strings.NewReader(bad))
	fmt.Println(err)
	// Output:
	// cues.lex:2: hearsay/lexicon: no category (fields are separated by TAB): "according to cue"
	// cues.lex:3: hearsay/lexicon: phrase defined twice with different category or attributes: "said" (from "said") is "cue" at cues.lex:1, "source" here
}

func ExampleVerbForms() {
	fmt.Println(lexicon.VerbForms("admit"))
	fmt.Println(lexicon.VerbForms("visit"))
	fmt.Println(lexicon.VerbForms("write"))
	fmt.Println(lexicon.PluralForms("spokesman"))
	// Output:
	// [admit admits admitted admitting]
	// [visit visits visited visiting]
	// [write writes wrote written writing]
	// [spokesman spokesmen]
}

func ExampleMerge() {
	base := []lexicon.Entry{
		{Phrase: "say+", Category: "cue"},
		{Phrase: "claim+", Category: "cue"},
		{Phrase: "sources", Category: "source"},
	}
	add := []lexicon.Entry{{Phrase: "claim+", Category: "distancing"}}
	for _, e := range lexicon.Merge(base, add, []string{"Sources"}) {
		fmt.Println(e.Phrase, e.Category)
	}
	// Output:
	// say+ cue
	// claim+ distancing
}
