package entity_test

import (
	"fmt"
	"strings"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

func ExampleRegistry_Lookup() {
	reg, err := entity.NewRegistry(
		entity.New("maduro", "Nicolás Maduro", entity.Person).
			WithAliases("the Venezuelan leader", "the Venezuelan president"),
		entity.New("warren", "Elizabeth Warren", entity.Person),
		entity.New("dtrump", "Donald Trump", entity.Person),
		entity.New("itrump", "Ivanka Trump", entity.Person),
	)
	if err != nil {
		panic(err)
	}
	for _, m := range []string{
		"NICOLAS MADURO", "President Maduro", "Maduro's", "the Venezuelan leader",
		"Sen. Warren", "Trump", // two known persons are called Trump
	} {
		e, ok := reg.Lookup(m)
		fmt.Printf("%-22s %v %s\n", m, ok, e.ID)
	}
	// Output:
	// NICOLAS MADURO         true maduro
	// President Maduro       true maduro
	// Maduro's               true maduro
	// the Venezuelan leader  true maduro
	// Sen. Warren            true warren
	// Trump                  false
}

func ExampleLoadRegistry() {
	const tsv = "# id\tname\tkind\taliases\n" +
		"maduro\tNicolás Maduro\tperson\tthe Venezuelan leader|the Venezuelan president\n" +
		"axios\tAxios\tmedia\n" +
		"nyt\tThe New York Times\tmedia\n"
	reg, err := entity.LoadRegistry("registry.tsv", strings.NewReader(tsv))
	if err != nil {
		panic(err)
	}
	for e := range reg.All() {
		fmt.Println(e.ID, e.Name, e.Kind, e.Aliases)
	}

	const bad = `[
  {"id": "maduro", "name": "Nicolás Maduro", "kind": "person"},
  {"id": "axios", "name": "Axios", "kind": "newspaper"}
]`
	_, err = entity.LoadRegistry("registry.json", strings.NewReader(bad))
	fmt.Println(err)
	// Output:
	// maduro Nicolás Maduro person [the Venezuelan leader the Venezuelan president]
	// axios Axios media []
	// nyt The New York Times media []
	// registry.json:3: hearsay/entity: invalid registry entity: unknown kind "newspaper" (want one of person, organization, government, agency, media, document, group, place)
}

func ExampleResolver_Resolve() {
	text := "Nicolás Maduro fears his allies. Maduro told Axios it was wrong, the Venezuelan leader said."
	// The mentions extraction found, with the kind it guessed.
	find := func(phrase string, k entity.Kind, a entity.Anonymity) entity.Mention {
		i := strings.Index(text, phrase)
		return entity.Mention{Span: span.New(i, i+len(phrase)), Kind: k, Anonymity: a}
	}
	mentions := []entity.Mention{
		find("Nicolás Maduro", entity.Person, entity.Named),
		find("his", entity.Person, 0),
		find("Maduro told", entity.Person, entity.Named),
		find("Axios", entity.Media, entity.Named),
		find("it", entity.Group, 0),
		find("the Venezuelan leader", entity.Person, entity.Described),
	}
	mentions[2].Span.End -= len(" told")

	// Within the text alone, "Maduro" joins "Nicolás Maduro".
	res := entity.Resolver{}.Resolve(text, mentions)
	fmt.Println(res.IDs)

	// With a registry, the descriptor joins him too.
	reg, _ := entity.NewRegistry(entity.New("maduro", "Nicolás Maduro", entity.Person).
		WithAliases("the Venezuelan leader"))
	res = entity.Resolver{Registry: reg}.Resolve(text, mentions)
	fmt.Println(res.IDs)
	for _, e := range res.Entities {
		fmt.Printf("%s %q %v %q\n", e.ID, e.Name, e.Kind, e.Aliases)
		for _, m := range e.Mentions {
			fmt.Printf("\t%q\n", m.Text(text))
		}
	}
	// Output:
	// [e1 e1 e1 e2 e2 e3]
	// [maduro maduro maduro e1 e1 maduro]
	// maduro "Nicolás Maduro" person ["the Venezuelan leader" "Maduro"]
	// 	"Nicolás Maduro"
	// 	"his"
	// 	"Maduro"
	// 	"the Venezuelan leader"
	// e1 "Axios" media []
	// 	"Axios"
	// 	"it"
}
