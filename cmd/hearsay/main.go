// Command hearsay analyzes news text into claims, sources, attributions and
// hedges, and prints the model.
//
// Usage:
//
//	hearsay [-format text|json] [-lang en|es] [-hedges FILE] [FILE ...]
//	hearsay eval uncertainty [-errors] FILE|DIR ...
//
// With no FILE it reads standard input. Each input is analyzed on its own;
// with -format json every input gives one JSON document on its own line.
// Exit status: 0 on success, 1 when an input cannot be read or is not
// UTF-8 text, 2 on a usage error.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/claim"
)

const usage = "usage: hearsay [-format text|json] [-lang en|es] [-hedges FILE] [FILE ...]\n       hearsay eval uncertainty [-errors] FILE|DIR ..."

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// input is one text to analyze and the name to report it by.
type input struct {
	name string
	text string
}

// run is the whole command, apart from the process: it returns the exit
// status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "eval" {
		return runEval(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("hearsay", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "output format: text or json")
	lang := fs.String("lang", "en", "language of the input, as a BCP 47 tag: en or es")
	hedgeFile := fs.String("hedges", "", "a hedge lexicon `file` whose entries are added to the built-in ones")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, usage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintf(stderr, "hearsay: %v\n%s\n", err, usage)
		return 2
	}
	write, ok := formats[*format]
	if !ok {
		fmt.Fprintf(stderr, "hearsay: unknown format %q\n%s\n", *format, usage)
		return 2
	}
	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: bad -lang %q: %v\n%s\n", *lang, err, usage)
		return 2
	}
	opts := []hearsay.Option{hearsay.WithLanguage(tag)}
	if *hedgeFile != "" {
		lex, err := loadHedges(tag, *hedgeFile)
		if err != nil {
			fmt.Fprintf(stderr, "hearsay: %v\n", err)
			return 1
		}
		opts = append(opts, hearsay.WithHedges(lex))
	}
	analyzer, err := hearsay.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n%s\n", err, usage)
		return 2
	}

	inputs, err := readInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return 1
	}
	// Everything is written to a buffer first, so an error never leaves
	// half an output behind.
	var out bytes.Buffer
	for i, in := range inputs {
		doc := analyzer.Analyze(in.text)
		if err := write(&out, in.name, i, doc); err != nil {
			fmt.Fprintf(stderr, "hearsay: %s: %v\n", in.name, err)
			return 1
		}
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return 1
	}
	return 0
}

// loadHedges returns the built-in hedge lexicon of tag with the entries of
// the file added.
func loadHedges(tag language.Tag, name string) (*claim.Lexicon, error) {
	base, err := claim.DefaultLexicon(tag)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return base.Add(name, f)
}

// readInputs reads the named files, or standard input when there are none,
// and checks that each is UTF-8 text.
func readInputs(names []string, stdin io.Reader) ([]input, error) {
	if len(names) == 0 {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w", err)
		}
		return []input{{name: "standard input", text: string(b)}}, checkUTF8("standard input", b)
	}
	inputs := make([]input, 0, len(names))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err // *fs.PathError names the file
		}
		if err := checkUTF8(name, b); err != nil {
			return nil, err
		}
		inputs = append(inputs, input{name: name, text: string(b)})
	}
	return inputs, nil
}

// checkUTF8 reports the first byte that is not part of valid UTF-8.
func checkUTF8(name string, b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("%s: not UTF-8 text: invalid byte 0x%02x at offset %d", name, b[i], i)
		}
		i += n
	}
	return nil
}

// formats maps -format values to writers of one analyzed input.
var formats = map[string]func(w *bytes.Buffer, name string, i int, doc *hearsay.Document) error{
	"json": writeJSON,
	"text": writeText,
}

func writeJSON(w *bytes.Buffer, _ string, _ int, doc *hearsay.Document) error {
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	w.Write(b)
	w.WriteByte('\n')
	return nil
}
