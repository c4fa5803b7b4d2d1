package pipeline

import (
	"context"
	"testing"

	"github.com/hearsay-go/hearsay"
)

// TestAnalyzeFnReuse checks that a DoFn instance builds its Analyzer in
// Setup and reuses it, with one more for each other language it meets.
func TestAnalyzeFnReuse(t *testing.T) {
	fn := &analyzeFn{Lang: "en"}
	if err := fn.Setup(); err != nil {
		t.Fatal(err)
	}
	en := fn.analyzers["en"]
	if en == nil || len(fn.analyzers) != 1 {
		t.Fatalf("after Setup: analyzers %v, want the English one", fn.analyzers)
	}
	var lines []string
	var reports []hearsay.Report
	emitLine := func(s string) { lines = append(lines, s) }
	emitReport := func(r hearsay.Report) { reports = append(reports, r) }
	for _, in := range []Input{
		{ID: "a", Text: "The minister said the plan would work."},
		{ID: "b", Text: "Officials believe the talks may fail.", Lang: "en"},
		{ID: "c", Text: "El ministro dijo que el plan funcionaría.", Lang: "es"},
		{ID: "d", Text: "La ministra afirmó que no habrá cambios.", Lang: "es"},
	} {
		if err := fn.ProcessElement(context.Background(), in, emitLine, emitReport); err != nil {
			t.Fatalf("%s: %v", in.ID, err)
		}
	}
	if fn.analyzers["en"] != en || len(fn.analyzers) != 2 || fn.analyzers["es"] == nil {
		t.Errorf("after four inputs: analyzers %v, want the same English one and a Spanish one", fn.analyzers)
	}
	if len(lines) != 4 || len(reports) != 4 {
		t.Errorf("got %d lines and %d reports, want 4 of each", len(lines), len(reports))
	}
}
