package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/cmd/internal/eval/attrcorpus"
	"github.com/hearsay-go/hearsay/cmd/internal/eval/uncertainty"
	"github.com/hearsay-go/hearsay/span"
)

const evalUsage = `usage: hearsay eval uncertainty [-errors] [-lang en] FILE|DIR ...
       hearsay eval polnear [-errors] DIR`

// runEval runs "hearsay eval KIND ...": it scores the analyzer against an
// annotated corpus read from the given paths and prints the figures.
func runEval(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "hearsay eval: missing corpus kind\n%s\n", evalUsage)
		return 2
	}
	switch args[0] {
	case "uncertainty":
		return evalUncertainty(args[1:], stdout, stderr)
	case "polnear":
		return evalPolNeAR(args[1:], stdout, stderr)
	case "pos":
		return evalPOS(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "hearsay eval: unknown corpus kind %q\n%s\n", args[0], evalUsage)
	return 2
}

func evalUncertainty(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hearsay eval uncertainty", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	showErrors := fs.Bool("errors", false, "list the sentences the detector gets wrong")
	lang := fs.String("lang", "en", "language of the corpus")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		if err == nil {
			err = errors.New("no corpus file")
		}
		fmt.Fprintf(stderr, "hearsay eval: %v\n%s\n", err, evalUsage)
		return 2
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay eval: bad -lang %q\n%s\n", *lang, evalUsage)
		return 2
	}
	lex, err := claim.DefaultLexicon(tag)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay eval: %v\n", err)
		return 2
	}
	d := claim.NewDetector(lex)
	predict := func(text string) []span.Span {
		var out []span.Span
		for _, h := range d.Find(text) {
			if h.Category.IsUncertainty() {
				out = append(out, h.Span)
			}
		}
		return out
	}
	for _, path := range fs.Args() {
		read := uncertainty.ReadFile
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			read = uncertainty.ReadDir
		}
		sents, err := read(path)
		if err != nil {
			fmt.Fprintf(stderr, "hearsay eval: %v\n", err)
			return 1
		}
		res := uncertainty.Evaluate(sents, predict)
		fmt.Fprintf(stdout, "== %s (%s)\n%s", path, uncertainty.Count(sents), res)
		if *showErrors {
			if err := res.FormatMistakes(stdout); err != nil {
				return 1
			}
		}
	}
	return 0
}

func evalPolNeAR(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hearsay eval polnear", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	showErrors := fs.Bool("errors", false, "list the misses and false alarms of each article")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == nil {
			err = errors.New("want one split folder")
		}
		fmt.Fprintf(stderr, "hearsay eval: %v\n%s\n", err, evalUsage)
		return 2
	}
	gold, err := attrcorpus.ReadDir(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "hearsay eval: %v\n", err)
		return 1
	}
	var x attribution.Extractor
	pred := make([]attrcorpus.Article, len(gold))
	for i, a := range gold {
		pred[i] = attrcorpus.Predict(&x, a)
	}
	fmt.Fprintf(stdout, "== %s (%s)\n%s", fs.Arg(0), attrcorpus.Count(gold), attrcorpus.Score(gold, pred))
	if *showErrors {
		for i, a := range gold {
			for _, d := range attrcorpus.Diff(a, pred[i]) {
				fmt.Fprintf(stdout, "%s\t%v\n", a.ID, d)
			}
		}
	}
	return 0
}
