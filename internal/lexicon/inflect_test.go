package lexicon

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		name string
		base string
		want []string
	}{
		{"regular", "claim", []string{"claim", "claims", "claimed", "claiming"}},
		{"silent e", "allege", []string{"allege", "alleges", "alleged", "alleging"}},
		{"consonant y", "deny", []string{"deny", "denies", "denied", "denying"}},
		{"vowel y", "play", []string{"play", "plays", "played", "playing"}},
		{"sibilant", "watch", []string{"watch", "watches", "watched", "watching"}},
		{"final o", "echo", []string{"echo", "echoes", "echoed", "echoing"}},
		{"one syllable doubles", "stop", []string{"stop", "stops", "stopped", "stopping"}},
		{"stressed final doubles", "admit", []string{"admit", "admits", "admitted", "admitting"}},
		{"stressed final r", "refer", []string{"refer", "refers", "referred", "referring"}},
		{"unstressed final does not double", "visit", []string{"visit", "visits", "visited", "visiting"}},
		{"unstressed offer", "offer", []string{"offer", "offers", "offered", "offering"}},
		{"w x y never double", "fix", []string{"fix", "fixes", "fixed", "fixing"}},
		{"two vowels do not double", "need", []string{"need", "needs", "needed", "needing"}},
		{"qu is a consonant", "equip", []string{"equip", "equips", "equipped", "equipping"}},
		{"quiz", "quiz", []string{"quiz", "quizzes", "quizzed", "quizzing"}},
		{"ie", "lie", []string{"lie", "lies", "lied", "lying"}},
		{"ee", "agree", []string{"agree", "agrees", "agreed", "agreeing"}},
		{"make", "make", []string{"make", "makes", "made", "making"}},
		{"ic", "panic", []string{"panic", "panics", "panicked", "panicking"}},
		{"say", "say", []string{"say", "says", "said", "saying"}},
		{"tell", "tell", []string{"tell", "tells", "told", "telling"}},
		{"think", "think", []string{"think", "thinks", "thought", "thinking"}},
		{"write", "write", []string{"write", "writes", "wrote", "written", "writing"}},
		{"speak", "speak", []string{"speak", "speaks", "spoke", "spoken", "speaking"}},
		{"hear", "hear", []string{"hear", "hears", "heard", "hearing"}},
		{"know", "know", []string{"know", "knows", "knew", "known", "knowing"}},
		{"see", "see", []string{"see", "sees", "saw", "seen", "seeing"}},
		{"feel", "feel", []string{"feel", "feels", "felt", "feeling"}},
		{"find", "find", []string{"find", "finds", "found", "finding"}},
		{"hold", "hold", []string{"hold", "holds", "held", "holding"}},
		{"insist is regular", "insist", []string{"insist", "insists", "insisted", "insisting"}},
		{"be", "be", []string{"be", "is", "am", "are", "was", "were", "been", "being"}},
		{"have", "have", []string{"have", "has", "had", "having"}},
		{"do", "do", []string{"do", "does", "did", "done", "doing"}},
		{"give", "give", []string{"give", "gives", "gave", "given", "giving"}},
		{"take", "take", []string{"take", "takes", "took", "taken", "taking"}},
		{"show", "show", []string{"show", "shows", "showed", "shown", "showing"}},
		{"bring", "bring", []string{"bring", "brings", "brought", "bringing"}},
		{"teach", "teach", []string{"teach", "teaches", "taught", "teaching"}},
		{"get", "get", []string{"get", "gets", "got", "gotten", "getting"}},
		{"prefixed irregular", "retell", []string{"retell", "retells", "retold", "retelling"}},
		{"prefixed irregular over", "overhear", []string{"overhear", "overhears", "overheard", "overhearing"}},
		{"regular despite prefix", "relay", []string{"relay", "relays", "relayed", "relaying"}},
		{"upper case folded", "Say", []string{"say", "says", "said", "saying"}},
		{"not letters", "u.s.", []string{"u.s."}},
		{"one letter", "a", []string{"a"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, VerbForms(tt.base)); diff != "" {
				t.Errorf("VerbForms(%q) mismatch (-want +got):\n%s", tt.base, diff)
			}
		})
	}
}

func TestPluralForms(t *testing.T) {
	tests := []struct {
		name string
		base string
		want []string
	}{
		{"regular", "source", []string{"source", "sources"}},
		{"sibilant", "witness", []string{"witness", "witnesses"}},
		{"ch", "church", []string{"church", "churches"}},
		{"consonant y", "agency", []string{"agency", "agencies"}},
		{"vowel y", "day", []string{"day", "days"}},
		{"man compound", "spokesman", []string{"spokesman", "spokesmen"}},
		{"woman compound", "spokeswoman", []string{"spokeswoman", "spokeswomen"}},
		{"person compound", "spokesperson", []string{"spokesperson", "spokespeople", "spokespersons"}},
		{"not a man compound", "human", []string{"human", "humans"}},
		{"person", "person", []string{"person", "people", "persons"}},
		{"sis", "analysis", []string{"analysis", "analyses"}},
		{"crisis", "crisis", []string{"crisis", "crises"}},
		{"oes", "hero", []string{"hero", "heroes"}},
		{"os", "photo", []string{"photo", "photos"}},
		{"medium", "medium", []string{"medium", "media", "mediums"}},
		{"upper case", "Official", []string{"official", "officials"}},
		{"not letters", "n.y.", []string{"n.y."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, PluralForms(tt.base)); diff != "" {
				t.Errorf("PluralForms(%q) mismatch (-want +got):\n%s", tt.base, diff)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		name   string
		phrase string
		want   [][]string
	}{
		{"literal", "According  To", [][]string{{"according", "to"}}},
		{"verb and particle", "point+ out", [][]string{{"point", "out"}, {"points", "out"}, {"pointed", "out"}, {"pointing", "out"}}},
		{"two markers", "source* say+", [][]string{
			{"source", "say"}, {"source", "says"}, {"source", "said"}, {"source", "saying"},
			{"sources", "say"}, {"sources", "says"}, {"sources", "said"}, {"sources", "saying"},
		}},
		{"punctuation word", "u.s. official*", [][]string{{"u.s.", "official"}, {"u.s.", "officials"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := expand(tt.phrase)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("expand(%q) mismatch (-want +got):\n%s", tt.phrase, diff)
			}
		})
	}
}
