package span_test

import (
	"fmt"

	"github.com/hearsay-go/hearsay/span"
)

func Example() {
	text := "Nicolás Maduro fears his allies."
	s := span.New(0, 15) // byte offsets: "á" takes two bytes
	fmt.Printf("%q %v %v\n", s.Text(text), s, s.Check(text))
	fmt.Println(span.New(0, 6).Check(text)) // ends inside "á"
	// Output:
	// "Nicolás Maduro" [0,15) <nil>
	// hearsay/span: not on a UTF-8 rune boundary: [0,6)
}

func ExampleRunes() {
	text := "Nicolás Maduro fears his allies."
	r := span.NewRunes(text)
	fmt.Println(r.ToRunes(span.New(16, 21)), r.ToBytes(span.New(15, 20)))
	// Output:
	// [15,20) [16,21)
}
