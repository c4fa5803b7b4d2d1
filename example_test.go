package hearsay_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

// handBuilt models two sentences of the article by hand: officials claim,
// as Axios reports, that Maduro fears his advisers; and an unattributed
// claim of the author.
func handBuilt() *hearsay.Document {
	const text = "Top U.S. officials, as reported by Axios, claim the Venezuelan leader fears his Cuban advisers. This Cuban influence is not new."
	at := func(start, end int) span.Span { return span.New(start, end) }
	content := at(48, 94)
	return &hearsay.Document{
		Lang:      language.English,
		Text:      text,
		Sentences: []span.Span{at(0, 95), at(96, 128)},
		Entities: []entity.Entity{
			entity.Anonymous("e1", "top U.S. officials", entity.Government, entity.Described).WithMentions(at(0, 18)),
			entity.New("e2", "Axios", entity.Media).WithMentions(at(35, 40)),
			entity.New("e3", "Nicolás Maduro", entity.Person).WithAliases("the Venezuelan leader").WithMentions(at(48, 69)),
		},
		Claims: []claim.Claim{
			claim.New("c1", text, content).With(claim.Probable, claim.Positive),
			claim.New("c2", text, at(96, 128)).With(claim.Certain, claim.Negative),
		},
		Attributions: []attribution.Attribution{
			attribution.New("a1", "c1", "e2", attribution.NewCue(text, at(20, 34), "report", attribution.Citing), attribution.Indirect).
				WithSource(at(35, 40)).WithContent(content),
			attribution.New("a2", "c1", "e1", attribution.NewCue(text, at(42, 47), "claim", attribution.Distancing), attribution.Indirect).
				WithSource(at(0, 18)).WithContent(content).Through("a1"),
		},
		Hedges: []claim.Hedge{
			claim.NewHedge(text, at(20, 34), claim.Sourcing),
			claim.NewHedge(text, at(70, 75), claim.Belief).In("c1"),
		},
	}
}

func ExampleDocument() {
	doc := handBuilt()
	fmt.Println(doc.Validate())
	for _, c := range doc.Claims {
		fmt.Printf("%s %q\n", c.ID, c.Text)
		for _, e := range doc.SourcesOf(c.ID) {
			fmt.Printf("  source: %s (%s %s)\n", e.Label(), e.Anonymity, e.Kind)
		}
	}
	for _, c := range doc.Unattributed() {
		fmt.Printf("author's own: %s\n", c.ID)
	}
	// Output:
	// <nil>
	// c1 "the Venezuelan leader fears his Cuban advisers"
	//   source: Axios (named media)
	//   source: top U.S. officials (described government)
	// c2 "This Cuban influence is not new."
	// author's own: c2
}

func ExampleDocument_Chain() {
	doc := handBuilt()
	for _, a := range doc.Chain("a2") {
		src, _ := doc.Entity(a.Source.Entity)
		fmt.Printf("%s %s %q\n", src.Label(), a.Cue.Text, a.Cue.Stance)
	}
	// Output:
	// top U.S. officials claim "distancing"
	// Axios as reported by "document"
}

func ExampleDocument_Report() {
	fmt.Print(handBuilt().Report())
	// Output:
	// claims              2
	//   attributed        1  50%
	//     named           0   0%
	//     described       1  50%
	//     vague           0   0%
	//     no source       0   0%
	//   unattributed      1  50%
	//   hedged            1  50%
	// attributions  2 (1 distancing), deepest via-chain 2
	// sources by kind: government 1 media 1
	// most cited:
	//   1  Axios
	//   1  top U.S. officials
}

func ExampleDocument_WriteHTML() {
	var b strings.Builder
	if err := handBuilt().WriteHTML(&b); err != nil {
		panic(err)
	}
	page := b.String()
	// The marked text, a paragraph (<p>) a line: sources in <b>, cues in <u>, contents in <i>,
	// hedges in <em>; data-a names the attributions (by index) whose
	// details the page lists, and the class the anonymity or stance.
	start := strings.Index(page, `<div class="t"`)
	end := strings.Index(page[start:], "</div>")
	fmt.Println(page[start : start+end+len("</div>")])
	fmt.Println(strings.Count(page, "<details id="), "attributions listed")
	// Output:
	// <div class="t" lang="en"><p><b class=d data-a=1>Top U.S. officials</b>, <u class=c data-a=0><em class=a title="attribution, certain">as reported by</em></u> <b class=n data-a=0>Axios</b>, <u class=d data-a=1>claim</u> <i data-a="0 1">the Venezuelan leader <em class=b title="belief, probable">fears</em> his Cuban advisers</i>. This Cuban influence is not new.</p></div>
	// 2 attributions listed
}

func ExampleDocument_MarshalJSON() {
	doc := handBuilt()
	b, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	var back hearsay.Document // decoding validates
	if err := json.Unmarshal(b, &back); err != nil {
		panic(err)
	}
	fmt.Println(back.Lang, len(back.Claims), len(back.Attributions), back.Attributions[1].Via)

	// A broken reference is reported with the item that holds it.
	broken := []byte(`{"lang":"en","text":"Hi.","claims":[],"attributions":[{"id":"a1","claim":"c9"}]}`)
	fmt.Println(json.Unmarshal(broken, &back))
	// Output:
	// en 2 2 a1
	// hearsay: attribution "a1" claim: reference to an unknown ID "c9"
}
