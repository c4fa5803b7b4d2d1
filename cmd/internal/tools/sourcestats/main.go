// Command sourcestats measures, on a news corpus of articles separated by
// blank lines (the BBC throughput corpus), two faults of sourcing that an
// auditor would trip on: described entities whose label ends in a
// capitalized First Last name (a named person graded as described), and
// unattributed claims that start inside the content of a direct quote's
// attribution (a quoted sentence left to the author). It is not API:
//
//	go run ./cmd/internal/tools/sourcestats ../shared/corpus/news.txt
//
// Each article is analyzed on its own. The corpus is read from the path
// given; nothing of it is copied into the repository.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

func main() {
	list := flag.Bool("list", false, "print each counted entity and claim")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: sourcestats [-list] news.txt")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var st stats
	for _, article := range strings.Split(string(data), "\n\n") {
		if strings.TrimSpace(article) == "" {
			continue
		}
		st.add(hearsay.Analyze(article), *list)
	}
	fmt.Printf("articles %d (failing Validate %d)\n", st.articles, st.invalid)
	fmt.Printf("described entities %d, ending in a capitalized First Last name %d\n", st.described, st.describedNamed)
	fmt.Printf("unattributed claims %d, starting inside an attributed quote %d, inside quotation marks %d\n", st.unattributed, st.insideQuote, st.insideMarks)
}

type stats struct {
	articles, described, describedNamed, unattributed, insideQuote, insideMarks, invalid int
}

func (st *stats) add(doc *hearsay.Document, list bool) {
	st.articles++
	if err := doc.Validate(); err != nil {
		st.invalid++
		if list {
			fmt.Printf("invalid\t%v\n", err)
		}
	}
	for _, e := range doc.Entities {
		if e.Anonymity != entity.Described {
			continue
		}
		st.described++
		if endsInName(e.Label()) {
			st.describedNamed++
			if list {
				fmt.Printf("described\t%s\n", e.Label())
			}
		}
	}
	attributed := map[string]bool{}
	for _, a := range doc.Attributions {
		attributed[a.Claim] = true
	}
	for _, c := range doc.Claims {
		if attributed[c.ID] || len(c.Spans) == 0 {
			continue
		}
		st.unattributed++
		start := c.Spans[0].Start
		if withinMarks(doc.Text, start) {
			st.insideMarks++
			if list {
				fmt.Printf("marks\t%q\n", c.Text)
			}
		}
		for _, a := range doc.Attributions {
			if a.Form != attribution.Direct && a.Form != attribution.Mixed {
				continue
			}
			if inside(a.Content.Spans, start) {
				st.insideQuote++
				if list {
					fmt.Printf("inside\t%q\n", c.Text)
				}
				break
			}
		}
	}
}

// withinMarks reports whether offset at of s lies inside double
// quotation marks: an odd number of them stands before it in its
// paragraph, or the paragraph opens with a mark that continues an
// unclosed quote of the paragraph before.
func withinMarks(s string, at int) bool {
	start := strings.LastIndexByte(s[:at], '\n') + 1
	n := marks(s[start:at])
	if start > 0 && strings.HasPrefix(strings.TrimSpace(s[start:at]), "\"") || start > 0 && strings.HasPrefix(strings.TrimSpace(s[start:at]), "“") {
		prev := strings.LastIndexByte(s[:start-1], '\n') + 1
		if marks(s[prev:start-1])%2 == 1 {
			n-- // the mark that opens the paragraph continues a quote
		}
	}
	return n%2 == 1
}

func marks(s string) int {
	return strings.Count(s, "\"") + strings.Count(s, "“") + strings.Count(s, "”")
}

// inside reports whether offset at lies inside one of spans, after its
// start.
func inside(spans []span.Span, at int) bool {
	for _, s := range spans {
		if s.Start < at && at < s.End {
			return true
		}
	}
	return false
}

// endsInName reports whether the last two words of s are capitalized
// words with a lowercase letter after the first ("Greg Dyke", not "BBC").
func endsInName(s string) bool {
	w := strings.Fields(strings.TrimRight(s, ".,;:\"'”’)"))
	if len(w) < 2 {
		return false
	}
	return nameWord(w[len(w)-2]) && nameWord(w[len(w)-1])
}

func nameWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
