package hearsay_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
)

// sourced is one attribution of a Document as a reader checks it: the
// source's label and anonymity, the cue, the content fragments joined by
// " | ", and the label of the source of its via, if any.
type sourced struct {
	Source, Anonymity, Cue, Content, Via string
}

// sourcing returns the attributions of doc as rows, and the texts of the
// claims no attribution holds.
func sourcing(t *testing.T, doc *hearsay.Document) (rows []sourced, unattributed []string) {
	t.Helper()
	if err := doc.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	label := func(id string) (string, string) {
		if id == "" {
			return "", "none"
		}
		e, ok := doc.Entity(id)
		if !ok {
			t.Errorf("no entity %q", id)
		}
		return e.Label(), e.Anonymity.String()
	}
	for _, a := range doc.Attributions {
		r := sourced{Cue: a.Cue.Text}
		r.Source, r.Anonymity = label(a.Source.Entity)
		var parts []string
		for _, s := range a.Content.Spans {
			parts = append(parts, s.Text(doc.Text))
		}
		r.Content = strings.Join(parts, " | ")
		if a.Via != "" {
			v, _ := doc.Attribution(a.Via)
			r.Via, _ = label(v.Source.Entity)
		}
		rows = append(rows, r)
	}
	for _, c := range doc.Unattributed() {
		unattributed = append(unattributed, c.Text)
	}
	return rows, unattributed
}

// TestSourcing checks the sources and claims of sentences written for this
// test, one shape of sourcing each: titles and roles before names, outlet
// words, discourse adverbs, quotes of several sentences and paragraphs,
// pronouns, nested citing, agentless passives, weasel sources and quote
// marks that do not match.
func TestSourcing(t *testing.T) {
	es, err := hearsay.New(hearsay.WithLanguage(language.Spanish))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text   string
		spanish      bool
		want         []sourced
		unattributed []string
	}{
		{
			name: "role before a name",
			text: `"Costs will fall," chief executive Dana Whitlow said.`,
			want: []sourced{{"Dana Whitlow", "named", "said", `"Costs will fall,"`, ""}},
		},
		{
			name: "affiliation and role before a name",
			text: "Harbour Radio station manager Olu Mensah said the licence would be renewed.",
			want: []sourced{{"Olu Mensah", "named", "said", "the licence would be renewed", ""}},
		},
		{
			name: "title after a name",
			text: "Pia Lind, the club's head coach, said the squad was tired.",
			want: []sourced{{"Pia Lind", "named", "said", "the squad was tired", ""}},
		},
		{
			name: "outlet word after a name",
			text: "The Morning Ledger newspaper reported that the mill would close.",
			want: []sourced{{"The Morning Ledger newspaper", "named", "reported", "that the mill would close", ""}},
		},
		{
			name: "news agency",
			text: "The Reuters news agency said the ferry had sunk.",
			want: []sourced{{"The Reuters news agency", "named", "said", "the ferry had sunk", ""}},
		},
		{
			name: "described outlet",
			text: "A regional broadcaster said the strike was over.",
			want: []sourced{{"A regional broadcaster", "described", "said", "the strike was over", ""}},
		},
		{
			name: "discourse adverb",
			text: "Halvorsen, however, said the count was wrong.",
			want: []sourced{{"Halvorsen", "named", "said", "the count was wrong", ""}},
		},
		{
			name: "discourse phrase",
			text: "The ministry, for its part, said the figures were provisional.",
			want: []sourced{{"The ministry", "described", "said", "the figures were provisional", ""}},
		},
		{
			name: "every sentence of a quote",
			text: `"The bridge will reopen. It always does. We owe it to the town," Ames said.`,
			want: []sourced{{"Ames", "named", "said", `"The bridge will reopen. It always does. We owe it to the town,"`, ""}},
		},
		{
			name: "quote before and after the speaker",
			text: `"We lost," the manager said. "We will learn from it. Next week is another game."`,
			want: []sourced{{"the manager", "described", "said", `"We lost," | "We will learn from it. Next week is another game."`, ""}},
		},
		{
			name: "quote continued over paragraphs",
			text: "\"The plant stays open,\" said Rosa Vint, the union's negotiator. \"Forty years of work built this town.\n\"Nobody here will forget that.\"\n\"Talks went well,\" said Tom Reed.",
			want: []sourced{
				{"Rosa Vint", "named", "said", "\"The plant stays open,\" | \"Forty years of work built this town. | \"Nobody here will forget that.\"", ""},
				{"Tom Reed", "named", "said", `"Talks went well,"`, ""},
			},
		},
		{
			name: "open quote waits for the next paragraph's speaker",
			text: "\"The first half of the statement has no speaker.\n\"The second half does,\" said Lee Orr.",
			want: []sourced{{"Lee Orr", "named", "said", "\"The first half of the statement has no speaker. | \"The second half does,\"", ""}},
		},
		{
			name:         "open quote ends with its paragraph",
			text:         "The warden said: \"We have done what we can.\nThe prison will reopen in May.",
			want:         []sourced{{"The warden", "described", "said:", `"We have done what we can.`, ""}},
			unattributed: []string{"The prison will reopen in May."},
		},
		{
			name:         "pronoun after a named mention that was no source",
			text:         "The mayor, Jo Park, toured the site. She said the damage was severe.",
			want:         []sourced{{"Jo Park", "named", "said", "the damage was severe", ""}},
			unattributed: []string{"The mayor, Jo Park, toured the site."},
		},
		{
			name: "pronoun after a later name",
			text: `"We will appeal," said Ann Lowe. Mr Tovey spoke next. "The deal is done," he said.`,
			want: []sourced{
				{"Ann Lowe", "named", "said", `"We will appeal,"`, ""},
				{"Tovey", "named", "said", `"The deal is done,"`, ""},
			},
			unattributed: []string{"Mr Tovey spoke next."},
		},
		{
			name: "pronoun without antecedent",
			text: "We said the vote was fair.",
			want: []sourced{{"We", "vague", "said", "the vote was fair", ""}},
		},
		{
			name: "report citing officials",
			text: "A report by Reuters citing unnamed officials said the talks had stalled.",
			want: []sourced{
				{"A report by Reuters", "named", "said", "the talks had stalled", ""},
				{"unnamed officials", "described", "citing", "the talks had stalled", "A report by Reuters"},
			},
		},
		{
			name: "outlet quoting an aide",
			text: "The tabloid, quoting a palace aide, said the tour was cancelled.",
			want: []sourced{
				{"a palace aide", "described", "quoting", "the tour was cancelled", "The tabloid"},
				{"The tabloid", "described", "said", "the tour was cancelled", ""},
			},
		},
		{
			name: "according to a source of a source",
			text: "Officials said the talks had stalled, according to Reuters.",
			want: []sourced{
				{"Officials", "vague", "said", "the talks had stalled", "Reuters"},
				{"Reuters", "named", "according to", "Officials said the talks had stalled", ""},
			},
		},
		{
			name: "agentless passive",
			text: "German politicians are also said to be angry.",
			want: []sourced{{"", "none", "are also said", "German politicians | to be angry", ""}},
		},
		{
			name: "agentless passive with an adverb",
			text: "The two firms are widely said to be near a deal.",
			want: []sourced{{"", "none", "are widely said", "The two firms | to be near a deal", ""}},
		},
		{
			name:         "agentless belief is the author's, hedged, with no source",
			text:         "The minister is believed to favour a delay.",
			unattributed: []string{"The minister is believed to favour a delay."},
		},
		{
			name: "weasel others",
			text: "Others claim it will weaken the currency.",
			want: []sourced{{"Others", "vague", "claim", "it will weaken the currency", ""}},
		},
		{
			name: "weasel some",
			text: "Some argue that the tax is unfair.",
			want: []sourced{{"Some", "vague", "argue", "that the tax is unfair", ""}},
		},
		{
			name: "weasel critics",
			text: "Critics say the scheme favours the rich.",
			want: []sourced{{"Critics", "vague", "say", "the scheme favours the rich", ""}},
		},
		{
			name: "single mark closed by a double one",
			text: `'We are not leaving," the striker said.`,
			want: []sourced{{"the striker", "described", "said", `'We are not leaving,"`, ""}},
		},
		{
			name: "straight mark closing a curly one",
			text: "“We will appeal,\" the lawyer said.",
			want: []sourced{{"the lawyer", "vague", "said", "“We will appeal,\"", ""}},
		},
		{
			name: "discourse adverb meanwhile",
			text: "Okafor, meanwhile, said the bid was too low.",
			want: []sourced{{"Okafor", "named", "said", "the bid was too low", ""}},
		},
		{
			name: "outlet word before a name",
			text: "Trade magazine Grocer Weekly reported that prices rose.",
			want: []sourced{{"Trade magazine Grocer Weekly", "named", "reported", "that prices rose", ""}},
		},
		{
			name: "appositive name after a role",
			text: "The council's planning officer, Ruth Adeyemi, said the site was unsafe.",
			want: []sourced{{"Ruth Adeyemi", "named", "said", "the site was unsafe", ""}},
		},
		{
			name: "quote of three sentences before a titled speaker",
			text: `"It was a fair result. We played well. The referee was good," said coach Ivo Marsh.`,
			want: []sourced{{"Ivo Marsh", "named", "said", `"It was a fair result. We played well. The referee was good,"`, ""}},
		},
		{
			name: "quoting without commas",
			text: "A website quoting a senior judge said the law was flawed.",
			want: []sourced{
				{"A website", "vague", "said", "the law was flawed", ""},
				{"a senior judge", "described", "quoting", "the law was flawed", "A website"},
			},
		},
		{
			name: "according to an outlet",
			text: "Unions said the offer was poor, according to the BBC.",
			want: []sourced{
				{"Unions", "described", "said", "the offer was poor", "BBC"},
				{"BBC", "named", "according to", "Unions said the offer was poor", ""},
			},
		},
		{
			name: "weasel many",
			text: "Many fear the plan will fail.",
			want: []sourced{{"Many", "vague", "fear", "the plan will fail", ""}},
		},
		{
			name:    "spanish connective además",
			spanish: true,
			text:    "Además, según el diario La Gaceta, el acuerdo está cerrado.",
			want:    []sourced{{"el diario La Gaceta", "named", "según", "el acuerdo está cerrado", ""}},
		},
		{
			name:    "spanish appositive name",
			spanish: true,
			text:    "El ministro de Economía, Carlos Ruiz, dijo que el déficit bajará.",
			want:    []sourced{{"Carlos Ruiz", "named", "dijo", "que el déficit bajará", ""}},
		},
		{
			name:    "spanish connective before según",
			spanish: true,
			text:    "Sin embargo, según fuentes del Banco Central, la entidad podría subir los tipos.",
			want:    []sourced{{"fuentes del Banco Central", "described", "según", "la entidad podría subir los tipos", ""}},
		},
		{
			name:    "spanish discourse adverb",
			spanish: true,
			text:    "Ana Torres, sin embargo, afirmó que la reforma fracasará.",
			want:    []sourced{{"Ana Torres", "named", "afirmó", "que la reforma fracasará", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc *hearsay.Document
			if tt.spanish {
				doc = es.Analyze(tt.text)
			} else {
				doc = hearsay.Analyze(tt.text)
			}
			rows, unattributed := sourcing(t, doc)
			// The order of attributions is not what is tested: a nested
			// one may come before or after the one it is reported through.
			bySourceCue := cmpopts.SortSlices(func(a, b sourced) bool {
				return a.Source+"\x00"+a.Cue < b.Source+"\x00"+b.Cue
			})
			if diff := cmp.Diff(tt.want, rows, bySourceCue); diff != "" {
				t.Errorf("attributions (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.unattributed, unattributed); diff != "" {
				t.Errorf("unattributed claims (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSourcingHedgeInClaim checks that the hedge of the content after
// "según X," belongs to that claim.
func TestSourcingHedgeInClaim(t *testing.T) {
	es, err := hearsay.New(hearsay.WithLanguage(language.Spanish))
	if err != nil {
		t.Fatal(err)
	}
	doc := es.Analyze("Sin embargo, según fuentes del Banco Central, la entidad podría subir los tipos.")
	var got []string
	for _, h := range doc.Hedges {
		if h.Text != "podría" {
			continue
		}
		c, ok := doc.Claim(h.Claim)
		if !ok {
			t.Errorf("hedge %q in no claim", h.Text)
			continue
		}
		got = append(got, h.Text+" in "+c.Text)
	}
	want := []string{"podría in la entidad podría subir los tipos"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("hedges (-want +got):\n%s", diff)
	}
}

// TestValidateSourceWithoutEntity checks that Validate rejects a source
// with spans in the text and no entity.
func TestValidateSourceWithoutEntity(t *testing.T) {
	doc := hearsay.Analyze("She said the vote was fair.")
	if err := doc.Validate(); err != nil {
		t.Fatalf("Analyze gave an invalid document: %v", err)
	}
	if len(doc.Attributions) != 1 || len(doc.Attributions[0].Source.Spans) != 1 {
		t.Fatalf("want one attribution with a source span, got %+v", doc.Attributions)
	}
	doc.Attributions[0].Source.Entity = ""
	err := doc.Validate()
	if !errors.Is(err, hearsay.ErrSourceWithoutEntity) {
		t.Fatalf("Validate = %v, want %v", err, hearsay.ErrSourceWithoutEntity)
	}
	if want := `hearsay: attribution "a1" source: source spans without an entity`; err.Error() != want {
		t.Errorf("Validate = %q, want %q", err, want)
	}
}
