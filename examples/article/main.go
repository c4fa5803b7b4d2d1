// Article is the seed article (testdata/article.txt) modeled by hand with
// hearsay's types: who claims what, through which words, and how sure
// anyone sounds. It prints a readable account of the model, then the model
// and what hearsay.Analyze finds in the same text side by side; with -json
// it prints the model itself in the format of testdata/article.golden.json.
//
// Usage:
//
//	go run ./examples/article [-json]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/claim"
)

func main() {
	asJSON := flag.Bool("json", false, "print the model as indented JSON (the golden format)")
	flag.Parse()
	doc := model()
	if *asJSON {
		if err := writeJSON(os.Stdout, doc); err != nil {
			fmt.Fprintln(os.Stderr, "article:", err)
			os.Exit(1)
		}
		return
	}
	got, err := analyzed()
	if err == nil {
		err = writeAccount(os.Stdout, doc)
	}
	if err == nil {
		fmt.Println()
		err = writeSideBySide(os.Stdout, doc, got)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "article:", err)
		os.Exit(1)
	}
}

// writeJSON writes doc as indented JSON followed by a newline.
func writeJSON(w io.Writer, doc *hearsay.Document) error {
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// writeAccount writes a readable account of doc: each claim with its
// attributions (or "author"), the hedges, and the sourcing report.
func writeAccount(w io.Writer, doc *hearsay.Document) error {
	var b strings.Builder
	label := func(id string) string {
		if e, ok := doc.Entity(id); ok {
			return e.Label()
		}
		if id == "" {
			return "(no source)"
		}
		return id
	}
	b.WriteString("CLAIMS (certainty and polarity are the holder's)\n\n")
	for _, c := range doc.Claims {
		fmt.Fprintf(&b, "%-4s %s, %s", c.ID, c.Kind, c.Certainty)
		if c.Polarity == claim.Negative {
			b.WriteString(", negative")
		}
		fmt.Fprintf(&b, "\n     %q\n", shorten(c.Text, 70))
		attrs := doc.AttributionsOf(c.ID)
		if len(attrs) == 0 {
			b.WriteString("     author\n")
		}
		for _, a := range attrs {
			fmt.Fprintf(&b, "     %s %s", a.ID, label(a.Source.Entity))
			if e, ok := doc.Entity(a.Source.Entity); ok {
				fmt.Fprintf(&b, " (%s %s)", e.Anonymity, e.Kind)
			}
			fmt.Fprintf(&b, " %q %s, %s", a.Cue.Text, a.Cue.Stance, a.Form)
			if a.Addressee.Entity != "" {
				fmt.Fprintf(&b, ", to %s", label(a.Addressee.Entity))
			}
			for _, outer := range doc.Chain(a.ID)[1:] {
				fmt.Fprintf(&b, ", via %s (%s)", label(outer.Source.Entity), outer.ID)
			}
			b.WriteByte('\n')
		}
	}
	b.WriteString("\nHEDGES\n\n")
	for _, h := range doc.Hedges {
		in := h.Claim
		if in == "" {
			in = "-"
		}
		fmt.Fprintf(&b, "  %-16q %-12s %-12s in %s\n", h.Text, h.Category, h.Span, in)
	}
	b.WriteString("\nREPORT\n\n")
	b.WriteString(doc.Report().String())
	_, err := io.WriteString(w, b.String())
	return err
}

// shorten returns s cut to at most n runes, ending in "…" when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strings.TrimRight(s[:i], " ,") + "…"
}
