package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name, phrase string
		want         Classification
	}{
		{"described official", "a senior White House official", Classification{Kind: Government, Anonymity: Described, Affiliation: "White House", AffiliationKind: Government, Head: "official"}},
		{"top officials", "Top U.S. officials", Classification{Kind: Government, Anonymity: Described, Affiliation: "U.S.", AffiliationKind: Government, Head: "officials"}},
		{"sources", "sources", Classification{Kind: Group, Anonymity: Vague, Head: "sources"}},
		{"analysts", "Analysts", Classification{Kind: Group, Anonymity: Vague, Head: "Analysts"}},
		{"critics", "critics", Classification{Kind: Group, Anonymity: Vague, Head: "critics"}},
		{"experts", "some experts", Classification{Kind: Group, Anonymity: Vague, Head: "experts"}},
		{"familiar", "people familiar with the matter", Classification{Kind: Group, Anonymity: Vague, Head: "people"}},
		{"nyt", "The New York Times", Classification{Kind: Media, Anonymity: Named, Head: "Times"}},
		{"axios", "Axios", Classification{Kind: Media, Anonymity: Named, Head: "Axios"}},
		{"reuters", "Reuters", Classification{Kind: Media, Anonymity: Named, Head: "Reuters"}},
		{"cnn", "CNN", Classification{Kind: Media, Anonymity: Named, Head: "CNN"}},
		{"heuristic outlet", "the Springfield Daily News", Classification{Kind: Media, Anonymity: Named, Head: "News"}},
		{"reports", "reports", Classification{Kind: Record, Anonymity: Vague, Head: "reports"}},
		{"intel reports", "U.S. intelligence reports", Classification{Kind: Record, Anonymity: Described, Affiliation: "U.S.", AffiliationKind: Government, Head: "reports"}},
		{"data", "leaked intelligence data", Classification{Kind: Record, Anonymity: Described, Head: "data"}},
		{"statement", "a statement", Classification{Kind: Record, Anonymity: Vague, Head: "statement"}},
		{"study", "a study", Classification{Kind: Record, Anonymity: Vague, Head: "study"}},
		{"washington", "Washington", Classification{Kind: Government, Anonymity: Named, Head: "Washington"}},
		{"kremlin", "the Kremlin", Classification{Kind: Government, Anonymity: Named, Head: "Kremlin"}},
		{"havana", "Havana", Classification{Kind: Government, Anonymity: Named, Head: "Havana"}},
		{"country", "Pakistan", Classification{Kind: Government, Anonymity: Named, Head: "Pakistan"}},
		{"the country", "the Netherlands", Classification{Kind: Government, Anonymity: Named, Head: "Netherlands"}},
		{"US in capitals", "US", Classification{Kind: Government, Anonymity: Named, Head: "US"}},
		{"us", "us", Classification{Kind: Person, Head: "us", Pronoun: true}},
		{"country in a name", "Air China", Classification{Kind: Person, Anonymity: Named, Head: "China"}},
		{"outlet in a name", "Michael J. Fox", Classification{Kind: Person, Anonymity: Named, Head: "Fox"}},
		{"first name before a country", "Brian France", Classification{Kind: Person, Anonymity: Named, Head: "France"}},
		{"people before an institution", "the British Parliament", Classification{Kind: Government, Anonymity: Named, Head: "Parliament"}},
		{"pronoun in capitals", "HE", Classification{Kind: Person, Head: "HE", Pronoun: true}},
		{"radio", "BBC Radio", Classification{Kind: Media, Anonymity: Named, Head: "Radio"}},
		{"country before", "the US State Department", Classification{Kind: Government, Anonymity: Named, Head: "Department"}},
		{"name after", "the House of Lords", Classification{Kind: Government, Anonymity: Named, Head: "House"}},
		{"party", "Labour", Classification{Kind: Organization, Anonymity: Named, Head: "Labour"}},
		{"members of parliament", "MPs", Classification{Kind: Government, Anonymity: Vague, Head: "MPs"}},
		{"parliament", "Parliament", Classification{Kind: Government, Anonymity: Named, Head: "Parliament"}},
		{"un", "UN", Classification{Kind: Agency, Anonymity: Named, Head: "UN"}},
		{"person", "Nicolás Maduro", Classification{Kind: Person, Anonymity: Named, Head: "Maduro"}},
		{"title", "Mr. Trump", Classification{Kind: Person, Anonymity: Named, Head: "Trump"}},
		{"party", "the Democratic Party", Classification{Kind: Organization, Anonymity: Named, Head: "Party"}},
		{"inc", "Acme Widgets Inc.", Classification{Kind: Organization, Anonymity: Named, Head: "Inc."}},
		{"watch", "Human Rights Watch", Classification{Kind: Organization, Anonymity: Named, Head: "Watch"}},
		{"reporter of an outlet", "a Reuters reporter", Classification{Kind: Person, Anonymity: Described, Affiliation: "Reuters", AffiliationKind: Media, Head: "reporter"}},
		{"spokesman of an organization", "a spokesman for Human Rights Watch", Classification{Kind: Organization, Anonymity: Described, Affiliation: "Human Rights Watch", AffiliationKind: Organization, Head: "spokesman"}},
		{"international", "Amnesty International", Classification{Kind: Organization, Anonymity: Named, Head: "International"}},
		{"pronoun", "he", Classification{Kind: Person, Head: "he", Pronoun: true}},
		{"they", "They", Classification{Kind: Group, Head: "They", Pronoun: true}},
		{"appositive", "Jane Roe, a spokeswoman for the agency", Classification{Kind: Person, Anonymity: Named, Head: "Roe"}},
		{"spokesman", "a spokesman for the campaign", Classification{Kind: Government, Anonymity: Described, Head: "spokesman"}},
		{"empty", "", Classification{Kind: Person, Anonymity: Vague}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.phrase)
			if got.Affiliation != "" && got.AffiliationSpan.Text(tt.phrase) != got.Affiliation || got.Affiliation == "" && !got.AffiliationSpan.IsEmpty() {
				t.Errorf("Classify(%q): affiliation %q at %v", tt.phrase, got.Affiliation, got.AffiliationSpan)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Classification{}, "AffiliationSpan")); diff != "" {
				t.Errorf("Classify(%q) (-want +got):\n%s", tt.phrase, diff)
			}
		})
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{"a senior White House official", "The New York Times", "", ",,,", "he"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Classify(s)
		if c.Affiliation == "" && (c.AffiliationKind != 0 || !c.AffiliationSpan.IsEmpty()) {
			t.Errorf("Classify(%q) = %+v: an affiliation's kind or span without an affiliation", s, c)
		}
		if c.Affiliation != "" && (c.AffiliationSpan.End > len(s) || c.AffiliationSpan.Text(s) != c.Affiliation) {
			t.Errorf("Classify(%q): affiliation %q at %v", s, c.Affiliation, c.AffiliationSpan)
		}
	})
}
