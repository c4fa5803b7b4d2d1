package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/excerpt"
)

// writeText writes the model of one input for a person to read: the
// claims grouped by source with cue, stance, form and certainty, hedges
// marked in brackets, and the sourcing report.
// A text with no sentences says "(no text)".
func writeText(w *bytes.Buffer, name string, doc *hearsay.Document) {
	fmt.Fprintf(w, "== %s: %d sentences, %d claims, %d attributions, %d hedges\n",
		name, len(doc.Sentences), len(doc.Claims), len(doc.Attributions), len(doc.Hedges))

	// Look items up by ID through maps built once: the Document's own
	// lookups are linear, and a long text has many claims.
	entities := make(map[string]int, len(doc.Entities))
	for i, e := range doc.Entities {
		entities[e.ID] = i
	}
	claims := make(map[string]int, len(doc.Claims))
	for i, c := range doc.Claims {
		claims[c.ID] = i
	}
	attrs := make(map[string]int, len(doc.Attributions))
	for i, a := range doc.Attributions {
		attrs[a.ID] = i
	}
	hedges := map[string][]claim.Hedge{}
	for _, h := range doc.Hedges {
		if h.Claim != "" {
			hedges[h.Claim] = append(hedges[h.Claim], h)
		}
	}
	// A claim's text is printed whole once, within the budget of package
	// excerpt, so that the output stays linear in the input however the
	// claims nest or repeat; a claim printed again (it has several
	// sources) shows its first words, and one past the budget its place.
	plan := excerpt.New(len(doc.Text), doc.Claims)
	printed := make([]bool, len(doc.Claims))
	say := func(i int) string {
		c := doc.Claims[i]
		switch {
		case printed[i]:
			return shorten(c.Text, 80)
		case !plan.Full[i] && plan.Within[i] >= 0:
			return fmt.Sprintf("(%s: bytes %d-%d, inside %s)", c.ID, c.Span().Start, c.Span().End, doc.Claims[plan.Within[i]].ID)
		case !plan.Full[i]:
			return fmt.Sprintf("(%s: bytes %d-%d)", c.ID, c.Span().Start, c.Span().End)
		}
		printed[i] = true
		return marked(doc.Text, c, hedges[c.ID])
	}
	entityOf := func(id string) (entity.Entity, bool) {
		i, ok := entities[id]
		if !ok {
			return entity.Entity{}, false
		}
		return doc.Entities[i], true
	}

	// Group attributions by source, in order of first appearance.
	var order []string
	bySource := map[string][]attribution.Attribution{}
	for _, a := range doc.Attributions {
		if a.Form == attribution.Unattributed {
			continue
		}
		key := a.Source.Entity
		if _, ok := bySource[key]; !ok {
			order = append(order, key)
		}
		bySource[key] = append(bySource[key], a)
	}
	for _, key := range order {
		label := "(no source)"
		if e, ok := entityOf(key); ok {
			label = fmt.Sprintf("%s (%s %s)", e.Label(), e.Anonymity, e.Kind)
		}
		fmt.Fprintf(w, "\n%s\n", label)
		for _, a := range bySource[key] {
			c := doc.Claims[claims[a.Claim]]
			fmt.Fprintf(w, "  %q %s, %s, %s", a.Cue.Text, a.Cue.Stance, a.Form, c.Certainty)
			if i, ok := attrs[a.Via]; ok && a.Via != "" {
				if e, ok := entityOf(doc.Attributions[i].Source.Entity); ok {
					fmt.Fprintf(w, ", via %s", e.Label())
				}
			}
			fmt.Fprintf(w, "\n    %s\n", say(claims[a.Claim]))
		}
	}
	if un := doc.Unattributed(); len(un) > 0 {
		w.WriteString("\nauthor (unattributed)\n")
		for _, c := range un {
			fmt.Fprintf(w, "  %s\n", say(claims[c.ID]))
		}
	}
	if len(doc.Sentences) == 0 {
		w.WriteString("\n(no text)\n")
	} else if len(doc.Claims) == 0 {
		w.WriteString("\nsentences\n")
		for i, s := range doc.Sentences {
			fmt.Fprintf(w, "  %d. %s\n", i+1, s.Text(doc.Text))
		}
	}
	if len(doc.Claims) == 0 && len(doc.Hedges) > 0 {
		w.WriteString("\nhedges\n")
		for _, h := range doc.Hedges {
			fmt.Fprintf(w, "  [%s] %s at %v\n", h.Text, h.Category, h.Span)
		}
	}
	if len(doc.Claims) > 0 {
		w.WriteString("\n")
		w.WriteString(doc.Report().String())
	}
}

// marked returns the claim's text with its hedges in brackets, tagged by
// category: "his allies [might:epistemic] eliminate him".
func marked(text string, c claim.Claim, hedges []claim.Hedge) string {
	if len(hedges) == 0 || len(c.Spans) == 0 {
		return c.Text
	}
	var b strings.Builder
	for i, s := range c.Spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		pos := s.Start
		for _, h := range hedges {
			if h.Span.Start < pos || h.Span.End > s.End {
				continue
			}
			b.WriteString(text[pos:h.Span.Start])
			fmt.Fprintf(&b, "[%s:%s]", h.Text, h.Category)
			pos = h.Span.End
		}
		b.WriteString(text[pos:s.End])
	}
	return b.String()
}

// shorten returns s cut after at most n bytes, at a space and on a rune
// start when it can be, with " …" when it was cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > n/2 {
		cut = sp
	}
	return s[:cut] + " …"
}
