package claim_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/text"
)

// TestContextRules checks the readings of issue 10 that depend on the
// clause around a cue, on sentences written for this test: each pair
// holds the reading that hedges and the one that does not.
func TestContextRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// would
		{"would after said", "She said the plant would close in May.", nil},
		{"would after told that", "The minister told reporters on Monday that the scheme would end.", nil},
		{"would after announced", "The firm announced it would not renew the lease.", nil},
		{"would of a plan's terms", "The deal would give each holder two shares.", nil},
		{"would of a bill's terms", "The bill, which would require audits, passed.", nil},
		{"would in a story", "He would later become mayor. The song would eventually top the charts.", nil},
		{"would of a habit", "As a child she would often sing at church.", nil},
		{"would conditional", "The bank would collapse if rates rose again.", []string{"would:epistemic", "if:conditional"}},
		{"would after said, conditional", "She said the plant would close unless buyers came.", []string{"would:epistemic", "unless:conditional"}},
		{"would have", "He said the team would have won with a full squad.", []string{"would:epistemic"}},
		{"would plain", "That would be a mistake.", []string{"would:epistemic"}},
		{"that being said", "That being said, I would avoid it.", []string{"would:epistemic"}},
		// could, can, should
		{"could not of past inability", "He could not attend the hearing.", nil},
		{"couldn't split", "They could n't agree on a date.", nil},
		{"could not be", "The cause could not be determined yet.", []string{"could:epistemic"}},
		{"could not have", "She could not have known.", []string{"could:epistemic"}},
		{"could possibility", "The strike could spread to other ports.", []string{"could:epistemic"}},
		{"you should", "You should apply early. If it rains, you should stay.", []string{"If:conditional"}},
		{"should expectation", "The works should be finished by 2030.", []string{"should:epistemic"}},
		{"as possible", "Come as soon as possible and bring as many as possible. Every possible means was used.", nil},
		{"possible to", "It is possible to bend the pins. The highest possible level.", nil},
		{"possible that", "It is possible that he left. A possible cause.", []string{"possible:epistemic", "possible:epistemic"}},
		{"can be found", "The records can be found in the archive. Tickets can also be easily bought online.", nil},
		{"can possibility", "The drug can cause headaches.", []string{"can:epistemic"}},
		{"can be adjective", "Winters can be harsh here.", []string{"can:epistemic"}},
		// nouns that look like cues
		{"the suspect", "The suspect was arrested. Police said two suspects fled.", nil},
		{"a murder suspect", "A murder suspect escaped.", nil},
		{"we suspect", "We suspect the figures are wrong.", []string{"suspect:belief"}},
		{"suspects before a preposition", suspectsBeforePreposition, nil},
		{"potential buyers", "Potential buyers toured the plant. Potential investors stayed away.", nil},
		{"potential threat", "It is a potential threat.", []string{"potential:epistemic"}},
		{"as expected", "Sales rose as expected. Profits were higher than expected.", nil},
		{"expectations business", "Earnings beat expectations. Results were in line with expectations.", nil},
		{"expect belief", "Economists expect rates to rise.", []string{"expect:belief"}},
		// indicate, point to, consider, view
		{"as indicated", "As indicated in the report, costs rose.", nil},
		{"indicated by", "The route is indicated by signs.", nil},
		{"indicate that", "The data indicate that sales rose.", []string{"indicate that:tentative"}},
		{"indicate an object", "These results indicate a role for the gene.", []string{"indicate:tentative"}},
		{"consider deliberate", "The board will consider the bid. They are considering whether to sell.", []string{"whether:inquiry"}},
		{"considering concessive", "Considering the price, it works well.", nil},
		{"consider judgment", "Many consider him a hero. It was considered the best film.", []string{"Many consider:weasel", "considered:weasel"}},
		{"considered active", "He considered the book a masterpiece.", []string{"considered:belief"}},
		{"view noun", "The view from the bridge is superb. His views differ.", nil},
		{"view as", "Washington views this alliance as a threat.", []string{"views:belief"}},
		// head words
		{"i think", "I think it will rain.", []string{"think:belief"}},
		{"it appears", "It appears that the vote was rigged.", []string{"appears:tentative"}},
		{"is believed to", "He is believed to have fled.", []string{"believed:weasel"}},
		{"is said to", "She is said to be ill.", []string{"said:evidential"}},
		{"is widely considered", "It is widely considered a classic.", []string{"considered:weasel"}},
		// sourcing
		{"analysts say", "Analysts say the merger will fail.", []string{"Analysts say:attribution"}},
		{"people familiar", "People familiar with the matter said it was over.", []string{"People familiar with the matter:attribution"}},
		{"some say", "Some say the vote was rigged.", []string{"Some say:weasel"}},
	}
	var d claim.Detector
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Find(tt.text)
			if diff := cmp.Diff(tt.want, cues(got)); diff != "" {
				t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestUncertaintyCategories documents which categories count as
// uncertainty: all but Sourcing (attribution) and Booster.
func TestUncertaintyCategories(t *testing.T) {
	got := map[string]bool{}
	for c := claim.Epistemic; c <= claim.Booster; c++ {
		got[c.String()] = c.IsUncertainty()
	}
	want := map[string]bool{"epistemic": true, "evidential": true, "belief": true, "tentative": true,
		"conditional": true, "inquiry": true, "weasel": true, "attribution": false, "booster": false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("IsUncertainty (-want +got):\n%s", diff)
	}
}

// suspectsBeforePreposition has "suspects" the noun, which the tagger
// takes for a verb (TestSuspectsTaggedVerb), before a preposition.
const suspectsBeforePreposition = "The government keeps foreign terror suspects under house arrest. They kept the terror suspects in custody."

// TestSuspectsTaggedVerb checks that the case "suspects before a
// preposition" tests the preposition rule of isHedgingSuspect: the
// tagger takes each "suspects" there for a verb.
func TestSuspectsTaggedVerb(t *testing.T) {
	var toks text.Tokens
	text.Tokenize(suspectsBeforePreposition, &toks)
	tags := pos.English().TagTokens(suspectsBeforePreposition, toks.Toks, nil)
	n := 0
	for i, tk := range toks.Toks {
		if tk.Fold == "suspects" {
			n++
			if tags[i].UPOS().String() != "VERB" {
				t.Errorf("suspects at %d tagged %s: the case no longer tests the preposition rule", tk.Span.Start, tags[i].XPOS())
			}
		}
	}
	if n != 2 {
		t.Errorf("%d suspects, want 2", n)
	}
}
