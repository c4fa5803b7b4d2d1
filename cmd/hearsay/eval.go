package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/cmd/internal/eval/attrcorpus"
	"github.com/hearsay-go/hearsay/cmd/internal/eval/uncertainty"
	"github.com/hearsay-go/hearsay/span"
)

// evalCommand is one "hearsay eval KIND": its arguments and what it
// does, for -h; its flags, for -h (nil for none); and the command.
type evalCommand struct {
	name, args, what string
	flags            func() *flag.FlagSet
	run              func(args []string, stdout, stderr io.Writer) int
}

// evalUsage is the synopsis of every eval command.
func evalUsage() string {
	var b strings.Builder
	b.WriteString("usage:")
	for i, e := range evals {
		if i > 0 {
			b.WriteString("\n      ")
		}
		fmt.Fprintf(&b, " hearsay eval %s %s", e.name, e.args)
	}
	return b.String()
}

// runEval runs "hearsay eval KIND ...": it scores the analyzer against an
// annotated corpus read from the given paths and prints the figures.
func runEval(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "hearsay eval: missing corpus kind\n%s\n", evalUsage())
		return 2
	}
	for _, e := range evals {
		if e.name == args[0] {
			return e.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "hearsay eval: unknown corpus kind %q\n%s\n", args[0], evalUsage())
	return 2
}

// The synopses of the eval commands.
const (
	uncertaintyUsage = "hearsay eval uncertainty [-errors] [-lang en|es] FILE|DIR ..."
	polnearUsage     = "hearsay eval polnear [-errors] [-agreement] DIR"
)

// uncertaintyFlags are the flags of "hearsay eval uncertainty".
type uncertaintyFlags struct {
	errors bool
	lang   string
}

func (o *uncertaintyFlags) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("hearsay eval uncertainty", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.errors, "errors", false, "list the sentences the detector gets wrong")
	fs.StringVar(&o.lang, "lang", "en", "language of the corpus: en or es")
	return fs
}

func evalUncertainty(args []string, stdout, stderr io.Writer) int {
	var o uncertaintyFlags
	fs := o.flagSet()
	showErrors, lang := &o.errors, &o.lang
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		if errors.Is(err, flag.ErrHelp) {
			printFlags(stdout, uncertaintyUsage, fs)
			return 0
		}
		if err == nil {
			err = errors.New("no corpus file")
		}
		fmt.Fprintf(stderr, "hearsay eval: %v\n%s\n", err, "usage: "+uncertaintyUsage)
		return 2
	}
	tag, ok := parseLang(*lang)
	if !ok {
		fmt.Fprintf(stderr, "hearsay eval: -lang %q: want en or es\n%s\n", *lang, "usage: "+uncertaintyUsage)
		return 2
	}
	lex, err := claim.DefaultLexicon(language.Make(tag))
	if err != nil {
		fmt.Fprintf(stderr, "hearsay eval: %s\n", message(err))
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
			fmt.Fprintf(stderr, "hearsay eval: %s\n", message(err))
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

// polnearFlags are the flags of "hearsay eval polnear".
type polnearFlags struct{ errors, agreement bool }

func (o *polnearFlags) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("hearsay eval polnear", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.errors, "errors", false, "list the misses and false alarms of each article")
	fs.BoolVar(&o.agreement, "agreement", false, "score, on the articles two annotators annotated, the second against the first and the extractor against each")
	return fs
}

func evalPolNeAR(args []string, stdout, stderr io.Writer) int {
	var o polnearFlags
	fs := o.flagSet()
	showErrors := &o.errors
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if errors.Is(err, flag.ErrHelp) {
			printFlags(stdout, polnearUsage, fs)
			return 0
		}
		if err == nil {
			err = errors.New("want one split folder")
		}
		fmt.Fprintf(stderr, "hearsay eval: %v\n%s\n", err, "usage: "+polnearUsage)
		return 2
	}
	if o.agreement {
		if o.errors {
			fmt.Fprintf(stderr, "hearsay eval: -errors and -agreement do not go together\n%s\n", "usage: "+polnearUsage)
			return 2
		}
		return evalAgreement(fs.Arg(0), stdout, stderr)
	}
	gold, err := attrcorpus.ReadDir(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "hearsay eval: %s\n", message(err))
		return 1
	}
	pred := predictAll(gold)
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

// evalAgreement scores, on the articles of split dir that two annotators
// annotated, the second annotator against the first (how far people
// agree on the task), and the extractor against each.
func evalAgreement(dir string, stdout, stderr io.Writer) int {
	first, second, err := attrcorpus.ReadPairs(dir)
	if err == nil && len(first) == 0 {
		err = fmt.Errorf("no article of %s has two annotation files", dir)
	}
	if err != nil {
		fmt.Fprintf(stderr, "hearsay eval: %s\n", message(err))
		return 1
	}
	pred := predictAll(first)
	fmt.Fprintf(stdout, "== %s: articles annotated twice: %d\n", dir, len(first))
	fmt.Fprintf(stdout, "-- the second annotator against the first\n%s", attrcorpus.Score(first, second))
	fmt.Fprintf(stdout, "-- the extractor against the first\n%s", attrcorpus.Score(first, pred))
	fmt.Fprintf(stdout, "-- the extractor against the second\n%s", attrcorpus.Score(second, pred))
	return 0
}

// predictAll returns the English extractor's attributions of each
// article, as the corpus marks them (attrcorpus.Predict).
func predictAll(arts []attrcorpus.Article) []attrcorpus.Article {
	var x attribution.Extractor
	pred := make([]attrcorpus.Article, len(arts))
	for i, a := range arts {
		pred[i] = attrcorpus.Predict(&x, a)
	}
	return pred
}
