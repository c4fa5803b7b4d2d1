// Command sourcestats measures, on a news corpus of articles separated by
// blank lines (the BBC throughput corpus), two faults of sourcing that an
// auditor would trip on: described entities whose label ends in a
// capitalized First Last name (a named person graded as described), and
// unattributed claims that start inside the content of a direct quote's
// attribution (a quoted sentence left to the author). It is not API:
//
//	go run ./internal/tools/sourcestats ../shared/corpus/news.txt
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
	fmt.Printf("articles %d\n", st.articles)
	fmt.Printf("described entities %d, ending in a capitalized First Last name %d\n", st.described, st.describedNamed)
	fmt.Printf("unattributed claims %d, starting inside an attributed quote %d\n", st.unattributed, st.insideQuote)
}

type stats struct {
	articles, described, describedNamed, unattributed, insideQuote int
}

func (st *stats) add(doc *hearsay.Document, list bool) {
	st.articles++
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
