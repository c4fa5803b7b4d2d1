package entity

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"
)

func TestClassifySpanish(t *testing.T) {
	es, err := NewClassifier(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, phrase string
		want         Classification
	}{
		{"vague sources", "fuentes oficiales", Classification{Kind: Group, Anonymity: Vague, Head: "fuentes"}},
		{"some analysts", "algunos analistas", Classification{Kind: Group, Anonymity: Vague, Head: "analistas"}},
		{"described official", "un alto funcionario de la Casa Blanca", Classification{Kind: Government, Anonymity: Described, Affiliation: "Casa Blanca", AffiliationKind: Government, Head: "funcionario"}},
		{"officials of a country", "funcionarios estadounidenses", Classification{Kind: Government, Anonymity: Described, Head: "funcionarios"}},
		{"bare officials", "Funcionarios", Classification{Kind: Government, Anonymity: Vague, Head: "Funcionarios"}},
		{"the officials", "los funcionarios", Classification{Kind: Government, Anonymity: Vague, Head: "funcionarios"}},
		{"country", "Pakistán", Classification{Kind: Government, Anonymity: Named, Head: "Pakistán"}},
		{"watch", "Human Rights Watch", Classification{Kind: Organization, Anonymity: Named, Head: "Watch"}},
		{"spokesman of an organization", "un portavoz de Amnistía Internacional", Classification{Kind: Organization, Anonymity: Described, Affiliation: "Amnistía Internacional", AffiliationKind: Organization, Head: "portavoz"}},
		{"spokeswoman", "la portavoz del Ministerio de Defensa", Classification{Kind: Government, Anonymity: Described, Affiliation: "Ministerio de Defensa", AffiliationKind: Government, Head: "portavoz"}},
		{"title before name", "el presidente Nicolás Maduro", Classification{Kind: Person, Anonymity: Named, Head: "Maduro"}},
		{"name", "Nicolás Maduro", Classification{Kind: Person, Anonymity: Named, Head: "Maduro"}},
		{"name like a capital", "Santiago Peña", Classification{Kind: Person, Anonymity: Named, Head: "Peña"}},
		{"title before a name like a capital", "el presidente Santiago Peña", Classification{Kind: Person, Anonymity: Named, Head: "Peña"}},
		{"ministry", "el Ministerio de Defensa", Classification{Kind: Government, Anonymity: Named, Head: "Defensa"}},
		{"party", "el Partido Socialista Unido", Classification{Kind: Organization, Anonymity: Named, Head: "Unido"}},
		{"outlet", "El País", Classification{Kind: Media, Anonymity: Named, Head: "País"}},
		{"agency", "la agencia EFE", Classification{Kind: Media, Anonymity: Named, Head: "EFE"}},
		{"capital", "Washington", Classification{Kind: Government, Anonymity: Named, Head: "Washington"}},
		{"havana", "La Habana", Classification{Kind: Government, Anonymity: Named, Head: "Habana"}},
		{"report", "un informe de inteligencia", Classification{Kind: Record, Anonymity: Described, Head: "informe"}},
		{"bare reports", "informes", Classification{Kind: Record, Anonymity: Vague, Head: "informes"}},
		{"outlet's article", "un artículo de El País", Classification{Kind: Media, Anonymity: Named, Affiliation: "El País", AffiliationKind: Media, Head: "artículo"}},
		{"close sources", "fuentes cercanas a la investigación", Classification{Kind: Group, Anonymity: Vague, Head: "fuentes"}},
		{"pronoun", "ella", Classification{Kind: Person, Head: "ella", Pronoun: true}},
		{"they", "Ellos", Classification{Kind: Group, Head: "Ellos", Pronoun: true}},
		{"relative clause", "el ministro, que habló en Caracas", Classification{Kind: Government, Anonymity: Described, Head: "ministro"}},
		{"empty", "", Classification{Kind: Person, Anonymity: Vague}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := es.Classify(tt.phrase)
			if got.Affiliation != "" && got.AffiliationSpan.Text(tt.phrase) != got.Affiliation || got.Affiliation == "" && !got.AffiliationSpan.IsEmpty() {
				t.Errorf("Classify(%q): affiliation %q at %v", tt.phrase, got.Affiliation, got.AffiliationSpan)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Classification{}, "AffiliationSpan")); diff != "" {
				t.Errorf("Classify(%q) (-want +got):\n%s", tt.phrase, diff)
			}
		})
	}
}

func TestNewClassifier(t *testing.T) {
	en, err := NewClassifier(language.MustParse("en-GB"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := en.Classify("a senior White House official"), Classify("a senior White House official"); got != want {
		t.Errorf("English classifier: %+v, Classify: %+v", got, want)
	}
	var zero *Classifier
	if got := zero.Classify("sources"); got.Anonymity != Vague {
		t.Errorf("nil Classifier: %+v, want English", got)
	}
	if _, err := NewClassifier(language.German); !errors.Is(err, ErrUnknownLanguage) {
		t.Errorf("German: err %v, want ErrUnknownLanguage", err)
	}
}

func FuzzClassifySpanish(f *testing.F) {
	for _, s := range []string{"un alto funcionario de la Casa Blanca", "el presidente Nicolás Maduro", "la agencia EFE", "", ",,,", "ella", "Presidente Presidente Presidente"} {
		f.Add(s)
	}
	es, err := NewClassifier(language.Spanish)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := es.Classify(s)
		if c.Affiliation == "" && (c.AffiliationKind != 0 || !c.AffiliationSpan.IsEmpty()) {
			t.Errorf("Classify(%q) = %+v: an affiliation's kind or span without an affiliation", s, c)
		}
		if c.Affiliation != "" && (c.AffiliationSpan.End > len(s) || c.AffiliationSpan.Text(s) != c.Affiliation) ||
			c.Head != "" && !strings.Contains(s, c.Head) {
			t.Errorf("Classify(%q) = %+v: affiliation or head not in the phrase", s, c)
		}
	})
}
