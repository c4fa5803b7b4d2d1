// Command factcheck prepares a schema.org ClaimReview for one claim of a
// news text: the claim as the text gives it, who holds it (named or only
// described), through which outlets it reached the text, and how sure the
// holder sounds. A fact-checker adds the rating and publishes it.
//
//	go run ./examples/factcheck [-claim SUBSTRING] [-url URL] [FILE]
//
// With no FILE it reads testdata/article.txt; with no -claim it picks the
// claim of the seed article that top U.S. officials make through Axios.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
)

func main() {
	which := flag.String("claim", "the Venezuelan leader fears", "a piece of the text of the claim to review")
	url := flag.String("url", "https://example.com/news/maduro-security", "where the text appeared")
	flag.Parse()
	file := "testdata/article.txt"
	if flag.NArg() > 0 {
		file = flag.Arg(0)
	}
	data, err := os.ReadFile(file)
	if err == nil {
		err = review(os.Stdout, string(data), *which, *url)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "factcheck:", err)
		os.Exit(1)
	}
}

// node is one JSON-LD node; the keys are schema.org terms.
type node = map[string]any

// review writes the ClaimReview of the first claim of text that contains
// which.
func review(w io.Writer, text, which, url string) error {
	doc := hearsay.Analyze(text)
	var c claim.Claim
	for _, x := range doc.Claims {
		if strings.Contains(x.Text, which) {
			c = x
			break
		}
	}
	if c.ID == "" {
		return fmt.Errorf("no claim contains %q", which)
	}
	item := node{
		"@type":      "Claim",
		"text":       c.Text,
		"appearance": node{"@type": "CreativeWork", "url": url},
		// How sure the holder sounds, in the text's own words.
		"hearsay:certainty": c.Certainty.String(),
	}
	var authors, via []node
	attrs := doc.AttributionsOf(c.ID)
	outer := map[string]bool{} // outlets that report another source's claim
	for _, a := range attrs {
		outer[a.Via] = true
	}
	for _, a := range attrs {
		if outer[a.ID] {
			continue
		}
		chain := doc.Chain(a.ID)
		if e, ok := doc.Entity(a.Source.Entity); ok {
			authors = append(authors, agent(e, a.Cue.Text, a.Cue.Stance.String()))
		}
		for _, outer := range chain[1:] {
			if e, ok := doc.Entity(outer.Source.Entity); ok {
				via = append(via, agent(e, outer.Cue.Text, outer.Cue.Stance.String()))
			}
		}
	}
	if len(authors) == 0 {
		authors = append(authors, node{"@type": "Person", "description": "the author of the text"})
	}
	item["author"] = authors
	if len(via) > 0 {
		// The outlets the claim came through are its citations.
		item["citation"] = via
	}
	out := node{
		"@context": node{
			"@vocab":  "http://schema.org/",
			"hearsay": "https://hearsay-go.github.io/ns#",
		},
		"@type":         "ClaimReview",
		"claimReviewed": c.Text,
		"itemReviewed":  item,
		"url":           url + "#review-" + c.ID,
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return errors.Join(errors.New("encoding the review"), err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// agent describes a source as schema.org knows agents: named sources by
// name, anonymous ones by description only, with the cue that ties them.
func agent(e entity.Entity, cue, stance string) node {
	typ := "Organization"
	if e.Kind == entity.Person {
		typ = "Person"
	}
	n := node{"@type": typ, "hearsay:cue": cue, "hearsay:stance": stance, "hearsay:anonymity": e.Anonymity.String()}
	if e.Anonymity == entity.Named {
		n["name"] = e.Label()
	} else {
		n["description"] = e.Label()
	}
	return n
}
