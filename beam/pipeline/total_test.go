package pipeline

import (
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hearsay-go/hearsay"
)

// TestTotalFnOrder checks that the combiner's total does not depend on the
// order of its inputs or on how a runner splits and merges them.
func TestTotalFnOrder(t *testing.T) {
	_, want := analyze(t, inputs(t, true))
	var reports []hearsay.Report
	for _, in := range inputs(t, true) {
		_, r := analyze(t, []Input{in})
		reports = append(reports, r)
	}
	fn := &TotalFn{}
	add := func(rs []hearsay.Report) Corpus {
		c := fn.CreateAccumulator()
		for _, r := range rs {
			c = fn.AddInput(c, r)
		}
		return c
	}
	reversed := make([]hearsay.Report, len(reports))
	for i, r := range reports {
		reversed[len(reports)-1-i] = r
	}
	tests := []struct {
		name string
		acc  Corpus
	}{
		{"in order", add(reports)},
		{"reversed", add(reversed)},
		{"split and merged", fn.MergeAccumulators(add(reports[3:]), add(reports[:3]))},
		{"one each, merged", func() Corpus {
			c := fn.CreateAccumulator()
			for _, r := range reversed {
				c = fn.MergeAccumulators(c, add([]hearsay.Report{r}))
			}
			return c
		}()},
		{"empty merged", fn.MergeAccumulators(fn.CreateAccumulator(), add(reports))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fn.ExtractOutput(tt.acc)
			if diff := gocmp.Diff(normalize(want, 0), got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("total (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTopSources(t *testing.T) {
	claims := map[string]int{"Reuters": 2, "Analysts": 2, "Hadi": 5, "Sources": 1}
	tests := []struct {
		name string
		top  int
		want []hearsay.SourceCount
	}{
		{"all", 0, []hearsay.SourceCount{{Label: "Hadi", Claims: 5}, {Label: "Analysts", Claims: 2}, {Label: "Reuters", Claims: 2}, {Label: "Sources", Claims: 1}}},
		{"top 2, ties by label", 2, []hearsay.SourceCount{{Label: "Hadi", Claims: 5}, {Label: "Analysts", Claims: 2}}},
		{"more than there are", 9, []hearsay.SourceCount{{Label: "Hadi", Claims: 5}, {Label: "Analysts", Claims: 2}, {Label: "Reuters", Claims: 2}, {Label: "Sources", Claims: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := gocmp.Diff(tt.want, TopSources(claims, tt.top)); diff != "" {
				t.Errorf("TopSources (-want +got):\n%s", diff)
			}
		})
	}
	if got := TopSources(nil, 3); got != nil {
		t.Errorf("TopSources(nil) = %v, want nil", got)
	}
}
