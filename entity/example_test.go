package entity_test

import (
	"encoding/json"
	"fmt"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

func Example() {
	text := "Nicolás Maduro fears his allies, the Venezuelan leader said."
	maduro := entity.New("e1", "Nicolás Maduro", entity.Person).
		WithAliases("Maduro", "the Venezuelan leader").
		WithMentions(span.New(0, 15), span.New(34, 55))
	for _, m := range maduro.Mentions {
		fmt.Printf("%q\n", m.Text(text))
	}
	b, _ := json.Marshal(maduro)
	fmt.Println(string(b))
	// Output:
	// "Nicolás Maduro"
	// "the Venezuelan leader"
	// {"id":"e1","name":"Nicolás Maduro","kind":"person","anonymity":"named","aliases":["Maduro","the Venezuelan leader"],"mentions":[{"start":0,"end":15},{"start":34,"end":55}]}
}

func ExampleAnonymous() {
	official := entity.Anonymous("e2", "a senior White House official", entity.Government, entity.Described).
		WithAffiliation("e3")
	fmt.Println(official.Label(), official.Kind, official.Anonymity, official.Anonymity.IsAnonymous())
	// Output:
	// a senior White House official government described true
}

func ExampleKind_UnmarshalText() {
	var k entity.Kind
	fmt.Println(k.UnmarshalText([]byte("media")), k)
	fmt.Println(k.UnmarshalText([]byte("newspaper")))
	// Output:
	// <nil> media
	// hearsay/entity: unknown kind "newspaper"
}
