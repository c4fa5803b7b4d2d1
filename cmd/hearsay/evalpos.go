package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/eval/conllu"
	"github.com/hearsay-go/hearsay/internal/pos"
)

const evalPOSUsage = `usage: hearsay eval pos [-lang en|es] [-errors] FILE.conllu ...`

// evalPOS runs "hearsay eval pos": it tags the gold words of each
// sentence of CoNLL-U treebanks (the FORM column as given, so "do" and
// "n't" are two words; multiword token ranges and empty nodes left out)
// and ends with one line "upos A xpos B tokens N", the accuracies in
// percent ("xpos -" when the files have no XPOS). With -errors, the most
// frequent confusions come first.
func evalPOS(args []string, stdout, stderr io.Writer) int {
	fs := posFlagSet()
	showErrors := fs.Lookup("errors").Value.(flag.Getter)
	wantErrors := func() bool { return showErrors.Get().(bool) }
	lang := fs.Lookup("lang").Value
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		if err == nil {
			err = errors.New("no treebank file")
		}
		fmt.Fprintf(stderr, "hearsay eval: %v\n%s\n", err, evalPOSUsage)
		return 2
	}
	tag, err := language.Parse(lang.String())
	if err != nil {
		fmt.Fprintf(stderr, "hearsay eval: bad -lang %q\n%s\n", lang.String(), evalPOSUsage)
		return 2
	}
	tagger := pos.For(tag)
	var (
		s                  posScore
		words              []string
		tags               []pos.Tag
		uposConf, xposConf = map[[2]string]int{}, map[[2]string]int{}
	)
	for _, path := range fs.Args() {
		sents, err := conllu.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "hearsay eval: %v\n", err)
			return 1
		}
		for _, sent := range sents {
			words = words[:0]
			for _, w := range sent.Words {
				words = append(words, w.Form)
			}
			tags = tagger.Tag(words, tags[:0])
			for i, w := range sent.Words {
				s.tokens++
				if u := tags[i].UPOS().String(); u == w.UPOS {
					s.upos++
				} else {
					uposConf[[2]string{w.UPOS, u}]++
				}
				if w.XPOS == "" {
					continue
				}
				s.xposTokens++
				if x := tags[i].XPOS(); x == w.XPOS {
					s.xpos++
				} else {
					xposConf[[2]string{w.XPOS, tags[i].String()}]++
				}
			}
		}
	}
	if wantErrors() {
		printConfusions(stdout, "upos", uposConf)
		printConfusions(stdout, "xpos", xposConf)
	}
	fmt.Fprintln(stdout, s.line())
	return 0
}

// posScore counts the words tagged right.
type posScore struct {
	tokens, upos     int
	xposTokens, xpos int // words with a gold XPOS, and those right
}

// line returns "upos A xpos B tokens N".
func (s posScore) line() string {
	pct := func(n, d int) string {
		if d == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f", 100*float64(n)/float64(d))
	}
	return fmt.Sprintf("upos %s xpos %s tokens %d", pct(s.upos, s.tokens), pct(s.xpos, s.xposTokens), s.tokens)
}

// printConfusions prints the 20 most frequent gold -> predicted
// confusions, most frequent first.
func printConfusions(w io.Writer, kind string, conf map[[2]string]int) {
	type pair struct {
		gold, pred string
		n          int
	}
	var all []pair
	total := 0
	for k, n := range conf {
		all = append(all, pair{k[0], k[1], n})
		total += n
	}
	if total == 0 {
		return
	}
	slices.SortFunc(all, func(a, b pair) int {
		if a.n != b.n {
			return b.n - a.n
		}
		if a.gold != b.gold {
			return strings.Compare(a.gold, b.gold)
		}
		return strings.Compare(a.pred, b.pred)
	})
	fmt.Fprintf(w, "%s errors: %d (gold -> predicted)\n", kind, total)
	for _, p := range all[:min(20, len(all))] {
		fmt.Fprintf(w, "  %6d %5.1f%%  %s -> %s\n", p.n, 100*float64(p.n)/float64(total), p.gold, p.pred)
	}
}

// posFlagSet returns the flags of "hearsay eval pos".
func posFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("hearsay eval pos", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Bool("errors", false, "print the most frequent confusions")
	fs.String("lang", "en", "language of the treebank: en or es")
	return fs
}
