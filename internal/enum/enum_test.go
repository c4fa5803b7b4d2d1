package enum

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNames(t *testing.T) {
	n := New("hearsay/test", "color", "red", "green")
	tests := []struct {
		name    string
		word    string
		want    uint8
		wantErr string
	}{
		{"first", "red", 1, ""},
		{"second", "green", 2, ""},
		{"unknown", "blue", 0, `hearsay/test: unknown color "blue"`},
		{"case matters", "Red", 0, `hearsay/test: unknown color "Red"`},
		{"empty", "", 0, `hearsay/test: unknown color ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := n.Parse(tt.word)
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if diff := cmp.Diff([]any{tt.want, tt.wantErr}, []any{got, gotErr}); diff != "" {
				t.Errorf("Parse(%q) mismatch (-want +got):\n%s", tt.word, diff)
			}
		})
	}
	if _, err := n.Marshal(0); err == nil {
		t.Error("Marshal(0) succeeded, want error for the unset value")
	}
	if _, err := n.Marshal(3); err == nil {
		t.Error("Marshal(3) succeeded, want error for out of range")
	}
	if b, err := n.Marshal(2); err != nil || string(b) != "green" {
		t.Errorf("Marshal(2) = %q, %v", b, err)
	}
	if got := n.String(9); got != "color(9)" {
		t.Errorf("String(9) = %q", got)
	}
	if diff := cmp.Diff([]string{"red", "green"}, n.Words()); diff != "" {
		t.Errorf("Words mismatch (-want +got):\n%s", diff)
	}
}
