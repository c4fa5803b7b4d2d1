package pipeline

import (
	"cmp"
	"encoding/json"
	"reflect"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/entity"
)

func init() {
	beam.RegisterCoder(reflect.TypeFor[Corpus](), encodeCorpus, decodeCorpus)
	register.Combiner2[Corpus, hearsay.Report](&TotalFn{})
}

// Total combines a PCollection<hearsay.Report> into a one-element
// PCollection<hearsay.Report>: the corpus total, equal to adding the
// reports with [hearsay.Report.Add] in any order, with the most cited
// sources cut to the first top (all when top is 0; see [TotalFn]).
// An empty collection totals to a zero report.
func Total(s beam.Scope, top int, reports beam.PCollection) beam.PCollection {
	s = s.Scope("hearsay.Total")
	// A global combine of nothing gives nothing; one zero report, which
	// adds nothing, makes sure there is a total.
	zero := beam.Create(s, hearsay.Report{})
	return beam.Combine(s, &TotalFn{Top: top}, beam.Flatten(s, reports, zero))
}

// Corpus is the accumulator of [TotalFn]: the counts of the reports added
// so far, and the claims of each source by its label. Sources are kept
// apart from Report.TopSources so that merging is a sum by label,
// independent of order.
type Corpus struct {
	Report  hearsay.Report `json:"report"` // TopSources stays empty
	Sources map[string]int `json:"sources"`
}

func encodeCorpus(c Corpus) ([]byte, error) { return json.Marshal(c) }

func decodeCorpus(b []byte) (Corpus, error) {
	var c Corpus
	err := json.Unmarshal(b, &c)
	return c, err
}

// TotalFn is the Beam combiner of the corpus report. Every count is a sum
// (the deepest chain a maximum) computed by [hearsay.Report.Add], so the
// total is the command line's. Report.Add also merges the most cited
// sources by label, but in the order it meets them, which a combiner
// cannot rely on: TotalFn sums them by label in a map instead and sorts
// once, in ExtractOutput, by claims, most first, then by label; so the
// total is the same however the runner splits and merges the reports.
type TotalFn struct {
	// Top is the number of most cited sources kept; 0 keeps them all.
	Top int `json:"top"`
}

// CreateAccumulator returns an empty total.
func (fn *TotalFn) CreateAccumulator() Corpus {
	return Corpus{Sources: map[string]int{}}
}

// AddInput adds the report of one document.
func (fn *TotalFn) AddInput(c Corpus, r hearsay.Report) Corpus {
	if c.Sources == nil {
		c.Sources = map[string]int{}
	}
	for _, s := range r.TopSources {
		c.Sources[s.Label] += s.Claims
	}
	r.TopSources = nil
	c.Report.Add(r)
	return c
}

// MergeAccumulators adds b to a.
func (fn *TotalFn) MergeAccumulators(a, b Corpus) Corpus {
	if a.Sources == nil {
		a.Sources = map[string]int{}
	}
	for label, n := range b.Sources {
		a.Sources[label] += n
	}
	a.Report.Add(b.Report)
	return a
}

// ExtractOutput returns the total with its most cited sources.
func (fn *TotalFn) ExtractOutput(c Corpus) hearsay.Report {
	r := c.Report
	if r.SourcesByKind == nil {
		r.SourcesByKind = map[entity.Kind]int{}
	}
	r.TopSources = TopSources(c.Sources, fn.Top)
	return r
}

// TopSources returns the sources of a count by label, most claims first,
// ties by label, cut to the first top (all when top is 0). The entity IDs
// are empty: they are per document.
func TopSources(claims map[string]int, top int) []hearsay.SourceCount {
	if len(claims) == 0 {
		return nil
	}
	out := make([]hearsay.SourceCount, 0, len(claims))
	for label, n := range claims {
		out = append(out, hearsay.SourceCount{Label: label, Claims: n})
	}
	slices.SortFunc(out, func(a, b hearsay.SourceCount) int {
		return cmp.Or(cmp.Compare(b.Claims, a.Claims), cmp.Compare(a.Label, b.Label))
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}
