package hearsay_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
)

// TestWriteJSON checks that WriteJSON writes compact JSON that decodes
// to the document it wrote, the bytes of MarshalJSON, on texts whose
// encoding is written in several chunks cut inside runes.
func TestWriteJSON(t *testing.T) {
	es, err := hearsay.New(hearsay.WithLanguage(language.Spanish))
	if err != nil {
		t.Fatal(err)
	}
	withID := hearsay.Analyze("Officials said the bridge may close.")
	withID.ID = `dir/a "b" <c> & d.txt`
	tests := []struct {
		name string
		doc  *hearsay.Document
	}{
		{"empty", &hearsay.Document{}},
		{"with an id", withID},
		{"spanish", es.Analyze("Según la fiscalía, el acusado podría haber huido.")},
		{"html and unicode", hearsay.Analyze("Officials <b>said</b> the \u2028 café & bar \"may\" close.")},
		{"a chunk boundary inside a rune", &hearsay.Document{Text: "x" + strings.Repeat("é", 64<<10)}},
		{"text over several chunks", &hearsay.Document{ID: "long", Text: strings.Repeat("é\u2028<\"a\\\n", 70<<10)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.doc.WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, b.Bytes()); err != nil || compact.Len() != b.Len() {
				t.Errorf("not compact JSON (%v)", err)
			}
			var back hearsay.Document
			if err := json.Unmarshal(b.Bytes(), &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.doc.Text, back.Text); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.doc.ID, back.ID); diff != "" {
				t.Errorf("id (-want +got):\n%s", diff)
			}
			m, err := tt.doc.MarshalJSON()
			if err != nil || !bytes.Equal(m, b.Bytes()) {
				t.Errorf("MarshalJSON differs from WriteJSON (%v)", err)
			}
		})
	}
	if err := (&hearsay.Document{Text: "\xff"}).WriteJSON(&bytes.Buffer{}); err != hearsay.ErrInvalidUTF8 {
		t.Errorf("invalid UTF-8: %v, want ErrInvalidUTF8", err)
	}
}
