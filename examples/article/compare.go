package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/entity"
)

// analyzed returns what hearsay.Analyze makes of the article, with a
// registry of three known entities so that every mention of Maduro
// resolves to one entity.
func analyzed() (*hearsay.Document, error) {
	reg, err := entity.NewRegistry(
		entity.New("maduro", "Nicolás Maduro", entity.Person).WithAliases("the Venezuelan leader", "the Venezuelan president"),
		entity.New("axios", "Axios", entity.Media),
		entity.New("nyt", "The New York Times", entity.Media),
	)
	if err != nil {
		return nil, err
	}
	a, err := hearsay.New(hearsay.WithRegistry(reg))
	if err != nil {
		return nil, err
	}
	return a.Analyze(article), nil
}

// writeSideBySide writes, for each attribution of the hand-built model,
// what the analyzer found through the same cue, then the attributions
// only the analyzer found, then both sourcing reports in two columns.
func writeSideBySide(w io.Writer, hand, got *hearsay.Document) error {
	var b strings.Builder
	b.WriteString("HAND-BUILT AND ANALYZED, SIDE BY SIDE\n\n")
	used := map[string]bool{}
	for _, ha := range hand.Attributions {
		ga, ok := sameCue(got, ha, used)
		fmt.Fprintf(&b, "  hand      %s\n", line(hand, ha))
		if ok {
			used[ga.ID] = true
			mark := "="
			if !strings.EqualFold(line(hand, ha), line(got, ga)) {
				mark = "≠"
			}
			fmt.Fprintf(&b, "  analyzed  %s  %s\n\n", line(got, ga), mark)
		} else {
			b.WriteString("  analyzed  (not found)\n\n")
		}
	}
	for _, ga := range got.Attributions {
		if !used[ga.ID] {
			fmt.Fprintf(&b, "  only analyzed  %s\n", line(got, ga))
		}
	}
	b.WriteString("\nREPORTS (hand | analyzed)\n\n")
	left := strings.Split(hand.Report().String(), "\n")
	right := strings.Split(got.Report().String(), "\n")
	for i := range max(len(left), len(right)) {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		fmt.Fprintf(&b, "  %-44s | %s\n", l, r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sameCue finds the attribution of got through the cue of a, not yet
// used, preferring one whose source overlaps a's.
func sameCue(got *hearsay.Document, a attribution.Attribution, used map[string]bool) (attribution.Attribution, bool) {
	var first *attribution.Attribution
	for i := range got.Attributions {
		g := &got.Attributions[i]
		if used[g.ID] || len(g.Cue.Spans) == 0 || len(a.Cue.Spans) == 0 || !g.Cue.Spans[0].Overlaps(a.Cue.Spans[0]) {
			continue
		}
		if len(g.Source.Spans) > 0 && len(a.Source.Spans) > 0 && g.Source.Spans[0].Overlaps(a.Source.Spans[0]) {
			return *g, true
		}
		if first == nil {
			first = g
		}
	}
	if first == nil {
		return attribution.Attribution{}, false
	}
	return *first, true
}

// line renders one attribution: source, cue and stance, form, via.
func line(doc *hearsay.Document, a attribution.Attribution) string {
	src := "(no source)"
	if e, ok := doc.Entity(a.Source.Entity); ok {
		src = fmt.Sprintf("%s (%s %s)", e.Label(), e.Anonymity, e.Kind)
	}
	s := fmt.Sprintf("%s %q %s, %s", src, a.Cue.Text, a.Cue.Stance, a.Form)
	if v, ok := doc.Attribution(a.Via); ok {
		if e, ok := doc.Entity(v.Source.Entity); ok {
			s += ", via " + e.Label()
		}
	}
	return s
}
