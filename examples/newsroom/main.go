// Command newsroom lints a news draft for weak sourcing: claims the author
// makes without a source, sources that are vague or anonymous, cues that
// distance the author from what is reported ("claim", "allege"), weasel
// words, and claims whose hedges make them only possible. Each finding
// comes with its line and column, as a compiler would report it; the exit
// status is 3 when there are findings, as linters do.
//
//	go run ./examples/newsroom testdata/article.txt
package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/span"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: newsroom DRAFT.txt")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsroom:", err)
		os.Exit(1)
	}
	if n := lint(os.Stdout, os.Args[1], string(data)); n > 0 {
		os.Exit(3) // findings, as linters signal them
	}
}

// finding is one lint message at a byte offset of the draft.
type finding struct {
	at  int
	msg string
}

// lint analyzes the draft and writes its findings in order of position;
// it returns how many there are.
func lint(w io.Writer, name, draft string) int {
	doc := hearsay.Analyze(draft)
	var fs []finding
	add := func(s span.Span, format string, args ...any) {
		fs = append(fs, finding{at: s.Start, msg: fmt.Sprintf(format, args...)})
	}
	for _, c := range doc.Unattributed() {
		if c.Kind == claim.Question || len(c.Spans) == 0 {
			continue
		}
		add(c.Spans[0], "unattributed claim: %s", short(c.Text))
	}
	for _, a := range doc.Attributions {
		if e, ok := doc.Entity(a.Source.Entity); ok && e.Anonymity.IsAnonymous() && len(a.Source.Spans) > 0 {
			add(a.Source.Spans[0], "%s source %q (%s %q)", e.Anonymity, e.Label(), a.Cue.Stance, a.Cue.Text)
		}
		if a.Source.Entity == "" && a.Form != attribution.Unattributed && len(a.Cue.Spans) > 0 {
			add(a.Cue.Spans[0], "no source for %q", a.Cue.Text)
		}
		if a.Cue.Stance == attribution.Distancing && len(a.Cue.Spans) > 0 {
			add(a.Cue.Spans[0], "distancing cue %q: the report keeps away from the claim", a.Cue.Text)
		}
	}
	for _, h := range doc.Hedges {
		if h.Category == claim.Weasel {
			add(h.Span, "weasel words %q", h.Text)
		}
	}
	for _, c := range doc.Claims {
		if c.Kind != claim.Question && (c.Certainty == claim.Possible || c.Certainty == claim.Underspecified) && len(c.Spans) > 0 {
			add(c.Spans[0], "hedged claim (%s): %s", c.Certainty, short(c.Text))
		}
	}
	slices.SortStableFunc(fs, func(a, b finding) int { return cmp.Compare(a.at, b.at) })
	// Positions are found in one pass over the draft, findings being in
	// order.
	line, col, at := 1, 1, 0
	for _, f := range fs {
		l, c := span.Position(draft[at:f.at], len(draft[at:f.at]))
		if l > 1 {
			line, col = line+l-1, c
		} else {
			col += c - 1
		}
		at = f.at
		fmt.Fprintf(w, "%s:%d:%d: %s\n", name, line, col, f.msg)
	}
	r := doc.Report()
	fmt.Fprintf(w, "%d findings; %d of %d claims unattributed, %d from anonymous sources\n",
		len(fs), r.Unattributed, r.Claims, r.Described+r.Vague)
	return len(fs)
}

// short cuts text to about 60 bytes on a rune boundary.
func short(text string) string {
	if len(text) <= 60 {
		return text
	}
	i := 60
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	return text[:i] + "…"
}
