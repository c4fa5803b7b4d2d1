package claim_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
)

// TestStageHedges checks that the hook Analyze runs on its one annotated
// text finds what Detector.Scan finds on the same text.
func TestStageHedges(t *testing.T) {
	article, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	es, err := claim.DefaultLexicon(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		d      *claim.Detector
		tagger *pos.Tagger
		text   string
	}{
		{"article, nil detector", nil, pos.English(), string(article)},
		{"article", new(claim.Detector), pos.English(), string(article)},
		{"news sentences", new(claim.Detector), pos.English(),
			"She said the plant would close. It would collapse if rates rose. He could not attend, analysts say.\n\nThe suspect may have fled; I think it appears so."},
		{"spanish", claim.NewDetector(es), pos.Spanish(),
			"Según fuentes oficiales, el presidente habría ordenado la retirada. La medida podría fracasar, al parecer. Si llueve, no vamos; dijo que sí."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantH, wantN := tt.d.Scan(tt.text)
			a := annot.New(tt.text, text.Sentences(tt.text), tt.tagger)
			defer a.Release()
			var d any
			if tt.d != nil {
				d = tt.d
			}
			gotH, gotN := stage.Hedges(d, a, true)
			if diff := cmp.Diff(wantH, gotH.([]claim.Hedge)); diff != "" {
				t.Errorf("hedges (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(wantN, gotN); diff != "" {
				t.Errorf("negations (-want +got):\n%s", diff)
			}
			if len(wantH) == 0 {
				t.Error("no hedges: the test text needs some")
			}
			_, noNegs := stage.Hedges(d, a, false)
			if noNegs != nil {
				t.Errorf("wantNegs false gave negations %v", noNegs)
			}
		})
	}
}
