package attribution_test

import (
	"encoding/json"
	"fmt"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/span"
)

func Example() {
	text := "Top U.S. officials, as reported by Axios, claim the leader fears his advisers."
	// Axios reports (outer), officials claim (inner, via Axios).
	axios := attribution.New("a1", "c1", "e2",
		attribution.NewCue(text, span.New(20, 34), "report", attribution.Citing), attribution.Indirect).
		WithSource(span.New(35, 40)).
		WithContent(span.New(48, 77))
	officials := attribution.New("a2", "c1", "e1",
		attribution.NewCue(text, span.New(42, 47), "claim", attribution.Distancing), attribution.Indirect).
		WithSource(span.New(0, 18)).
		WithContent(span.New(48, 77)).
		Through(axios.ID)
	for _, a := range []attribution.Attribution{officials, axios} {
		fmt.Printf("%s: %q (%s) by %q via %q\n", a.ID, a.Cue.Text, a.Cue.Stance,
			a.Source.Spans[0].Text(text), a.Via)
	}
	b, _ := json.Marshal(officials)
	fmt.Println(string(b))
	// Output:
	// a2: "claim" (distancing) by "Top U.S. officials" via "a1"
	// a1: "as reported by" (document) by "Axios" via ""
	// {"id":"a2","claim":"c1","source":{"entity":"e1","spans":[{"start":0,"end":18}]},"cue":{"text":"claim","lemma":"claim","stance":"distancing","spans":[{"start":42,"end":47}]},"content":{"spans":[{"start":48,"end":77}]},"form":"indirect","via":"a1"}
}

func ExampleAttribution_To() {
	text := `"We have covert operations," an official told Axios.`
	a := attribution.New("a1", "c1", "e1",
		attribution.NewCue(text, span.New(41, 45), "tell", attribution.Neutral), attribution.Direct).
		WithSource(span.New(29, 40)).
		WithContent(span.New(1, 26)).
		To("e2", span.New(46, 51))
	fmt.Printf("%s %q to %q\n", a.Form, a.Source.Spans[0].Text(text), a.Addressee.Spans[0].Text(text))
	// Output:
	// direct "an official" to "Axios"
}
