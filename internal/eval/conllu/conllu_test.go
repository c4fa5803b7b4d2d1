package conllu

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRead(t *testing.T) {
	const in = "# sent_id = s1\n# text = Del año, don't.\n" +
		"1-2\tDel\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"1\tDe\tde\tADP\t_\t_\t3\tcase\t_\t_\n" +
		"2\tel\tel\tDET\t_\t_\t3\tdet\t_\t_\n" +
		"3\taño\taño\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"3.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n" +
		"4\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_\n" +
		"5-6\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
		"5\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n" +
		"6\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n" +
		"7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
	sents, err := Read(strings.NewReader(in), "in")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{
		ID: "s1", Text: "Del año, don't.",
		Words: []Word{
			{"De", "ADP", "", false}, {"el", "DET", "", true}, {"año", "NOUN", "NN", false},
			{",", "PUNCT", ",", true}, {"do", "AUX", "VBP", false}, {"n't", "PART", "RB", false},
			{".", "PUNCT", ".", true},
		},
		Multi: []MultiWord{{"Del", 0, 2, true}, {"don't", 4, 6, false}},
	}}
	if diff := cmp.Diff(want, sents); diff != "" {
		t.Fatalf("Read (-want +got):\n%s", diff)
	}
	surf, ranges := sents[0].Surface()
	if diff := cmp.Diff("Del año, don't. ", surf); diff != "" {
		t.Errorf("Surface text (-want +got):\n%s", diff)
	}
	wantRanges := [][2]int{{0, 3}, {0, 3}, {4, 8}, {8, 9}, {10, 12}, {12, 15}, {15, 16}}
	if diff := cmp.Diff(wantRanges, ranges); diff != "" {
		t.Errorf("Surface ranges (-want +got):\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"columns", "1\ta\tb\n", "f:1: 3 columns, want 10"},
		{"word ID", "2\ta\ta\tX\t_\t_\t0\troot\t_\t_\n", `f:1: bad word ID "2"`},
		{"range", "1-x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", `f:1: bad multiword range "1-x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "f")
			if err == nil || err.Error() != tt.want {
				t.Errorf("Read error %v, want %q", err, tt.want)
			}
		})
	}
}
