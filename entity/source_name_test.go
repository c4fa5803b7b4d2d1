package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"
)

// TestClassifyTitledName checks the grading of a title or role before a
// name, of outlet words and of a name in apposition, on sentences written
// for this test.
func TestClassifyTitledName(t *testing.T) {
	es, err := NewClassifier(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, phrase string
		spanish      bool
		want         Classification
	}{
		{"role and name", "chief executive David Moorcroft", false, Classification{Kind: Person, Anonymity: Named, Head: "Moorcroft"}},
		{"affiliation, role and name", "BBC director general Greg Dyke", false, Classification{Kind: Person, Anonymity: Named, Affiliation: "BBC", AffiliationKind: Media, Head: "Dyke"}},
		{"group noun and name", "bond analyst Priya Natarajan", false, Classification{Kind: Person, Anonymity: Named, Head: "Natarajan"}},
		{"possessive affiliation", "Acme's principal engineer Lou Brandt", false, Classification{Kind: Person, Anonymity: Named, Affiliation: "Acme", AffiliationKind: Person, Head: "Brandt"}},
		{"unlisted noun and full name", "goalkeeper Tomas Vandel", false, Classification{Kind: Person, Anonymity: Named, Head: "Vandel"}},
		{"unlisted noun and one word", "goalkeeper Vandel", false, Classification{Kind: Person, Anonymity: Described, Head: "Vandel"}},
		{"role after a post-modifier", "Bank of Lorland deputy governor Ada Quist", false, Classification{Kind: Person, Anonymity: Named, Affiliation: "Bank", AffiliationKind: Organization, Head: "Quist"}},
		{"name after a study stays a document", "a 2019 study by professor Ada Quist", false, Classification{Kind: Record, Anonymity: Described, Affiliation: "Ada Quist", AffiliationKind: Person, Head: "study"}},
		{"firm and name", "Dutch software firm Brightwell Systems", false, Classification{Kind: Organization, Anonymity: Named, Head: "Systems"}},
		{"newspaper after a name", "The Clarion newspaper", false, Classification{Kind: Media, Anonymity: Named, Head: "newspaper"}},
		{"news agency", "the Reuters news agency", false, Classification{Kind: Media, Anonymity: Named, Head: "agency"}},
		{"magazine before a name", "business magazine Ledger Weekly", false, Classification{Kind: Media, Anonymity: Named, Head: "Weekly"}},
		{"described newspaper", "a Chinese newspaper", false, Classification{Kind: Media, Anonymity: Described, Affiliation: "Chinese", AffiliationKind: Person, Head: "newspaper"}},
		{"bare broadcasters", "broadcasters", false, Classification{Kind: Media, Anonymity: Vague, Head: "broadcasters"}},
		{"local channel", "a local channel", false, Classification{Kind: Media, Anonymity: Described, Head: "channel"}},
		{"appositive name", "the union's negotiator in Leeds, Maria Oakes", false, Classification{Kind: Person, Anonymity: Named, Affiliation: "Leeds", AffiliationKind: Person, Head: "Oakes"}},
		{"appositive firm", "the region's largest brewing firm, Hollin Ales", false, Classification{Kind: Organization, Anonymity: Named, Head: "Ales"}},
		{"described stays described", "a senior Treasury official", false, Classification{Kind: Government, Anonymity: Described, Affiliation: "Treasury", AffiliationKind: Person, Head: "official"}},
		{"party is no title", "the ruling Unity Party", false, Classification{Kind: Organization, Anonymity: Named, Affiliation: "Unity", AffiliationKind: Person, Head: "Party"}},
		{"title before a name like a document", "Mr Cable", false, Classification{Kind: Person, Anonymity: Named, Head: "Cable"}},
		{"title with its period", "Ms. Report", false, Classification{Kind: Person, Anonymity: Named, Head: "Report"}},
		{"spanish appositive", "El ministro de Economía, Carlos Ruiz", true, Classification{Kind: Person, Anonymity: Named, Affiliation: "Economía", AffiliationKind: Person, Head: "Ruiz"}},
		{"spanish spokeswoman appositive", "la portavoz del partido, Lucía Ferrer", true, Classification{Kind: Person, Anonymity: Named, Head: "Ferrer"}},
		{"spanish newspaper", "el diario La Gaceta", true, Classification{Kind: Media, Anonymity: Named, Head: "Gaceta"}},
		{"spanish described newspaper", "un periódico local", true, Classification{Kind: Media, Anonymity: Described, Head: "periódico"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Classification
			if tt.spanish {
				got = es.Classify(tt.phrase)
			} else {
				got = Classify(tt.phrase)
			}
			if got.Affiliation != "" && got.AffiliationSpan.Text(tt.phrase) != got.Affiliation {
				t.Errorf("Classify(%q): affiliation %q at %v", tt.phrase, got.Affiliation, got.AffiliationSpan)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Classification{}, "AffiliationSpan")); diff != "" {
				t.Errorf("Classify(%q) (-want +got):\n%s", tt.phrase, diff)
			}
		})
	}
}
