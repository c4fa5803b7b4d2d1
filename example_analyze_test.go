package hearsay_test

import (
	"fmt"
	"log"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/entity"
)

// Analyze turns a text into its model: who claims what, through which
// cue, and how openly each source is named.
func ExampleAnalyze() {
	doc := hearsay.Analyze(`The bridge will reopen in May, the mayor said. ` +
		`Engineers may need more time, according to a city report. ` +
		`"We are ready," said Ana Ruiz, the transport minister.`)
	ix := doc.Index()
	for _, a := range doc.Attributions {
		src, _ := ix.Entity(a.Source.Entity)
		c, _ := ix.Claim(a.Claim)
		fmt.Printf("%s (%s) %s %q: %s [%s]\n", src.Label(), src.Anonymity, a.Cue.Stance, a.Cue.Text, c.Text, c.Certainty)
	}
	// Output:
	// the mayor (described) neutral "said": The bridge will reopen in May [certain]
	// a city report (described) document "according to": Engineers may need more time [possible]
	// Ana Ruiz (named) neutral "said": "We are ready," [certain]
}

// New builds an Analyzer once, here for Spanish; it is safe for
// concurrent use, so one serves a whole corpus.
func ExampleNew() {
	a, err := hearsay.New(hearsay.WithLanguage(language.Spanish))
	if err != nil {
		log.Fatal(err)
	}
	doc := a.Analyze(`Según fuentes del ministerio, el acuerdo podría firmarse en junio. ` +
		`"No hay prisa", dijo la ministra.`)
	ix := doc.Index()
	for _, at := range doc.Attributions {
		src, _ := ix.Entity(at.Source.Entity)
		c, _ := ix.Claim(at.Claim)
		fmt.Printf("%s (%s) %q: %s [%s]\n", src.Label(), src.Anonymity, at.Cue.Text, c.Text, c.Certainty)
	}
	// Output:
	// fuentes del ministerio (vague) "Según": el acuerdo podría firmarse en junio [possible]
	// la ministra (described) "dijo": "No hay prisa" [certain]
}

// WithRegistry makes the mentions of a known entity one entity: the full
// name, the surname and a description the registry lists.
func ExampleWithRegistry() {
	reg, err := entity.NewRegistry(
		entity.New("ruiz", "Ana Ruiz", entity.Person).WithAliases("the transport minister"),
	)
	if err != nil {
		log.Fatal(err)
	}
	a, err := hearsay.New(hearsay.WithRegistry(reg))
	if err != nil {
		log.Fatal(err)
	}
	doc := a.Analyze(`The transport minister said the bridge would reopen. ` +
		`Ruiz added that tolls may rise. Ana Ruiz toured the site on Monday.`)
	for _, c := range doc.ClaimsBy("ruiz") {
		fmt.Println("ruiz:", c.Text)
	}
	e, _ := doc.Entity("ruiz")
	fmt.Println(e.Name, "mentioned", len(e.Mentions), "times")
	// Output:
	// ruiz: the bridge would reopen
	// ruiz: that tolls may rise
	// Ana Ruiz mentioned 3 times
}
