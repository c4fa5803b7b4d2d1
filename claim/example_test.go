package claim_test

import (
	"fmt"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/span"
)

func Example() {
	text := "His own allies in Havana might eliminate him."
	c := claim.New("c1", text, span.New(0, 45))
	might := claim.NewHedge(text, span.New(25, 30), claim.Epistemic).In(c.ID)
	c = c.With(claim.Assess([]claim.Hedge{might}), claim.Positive)
	fmt.Printf("%s: %q\n", c.ID, c.Text)
	fmt.Printf("hedge %q %s in %s\n", might.Text, might.Category, might.Claim)
	fmt.Println(c.Kind, c.Certainty, c.Polarity)
	// Output:
	// c1: "His own allies in Havana might eliminate him."
	// hedge "might" epistemic in c1
	// statement possible positive
}

func ExampleAssess() {
	h := func(cat claim.Category) claim.Hedge { return claim.Hedge{Category: cat} }
	fmt.Println(claim.Assess(nil))
	fmt.Println(claim.Assess([]claim.Hedge{h(claim.Booster)}))
	fmt.Println(claim.Assess([]claim.Hedge{h(claim.Evidential)}))
	fmt.Println(claim.Assess([]claim.Hedge{h(claim.Evidential), h(claim.Epistemic)}))
	fmt.Println(claim.Assess([]claim.Hedge{h(claim.Conditional)}))
	// Output:
	// certain
	// certain
	// probable
	// possible
	// underspecified
}

func ExampleNew_discontinuous() {
	text := `"We have covert operations," an official said. "But not to kill."`
	c := claim.New("c1", text, span.New(1, 26), span.New(48, 64)).As(claim.Quote)
	fmt.Printf("%q %s\n", c.Text, c.Span())
	// Output:
	// "We have covert operations But not to kill." [1,64)
}
