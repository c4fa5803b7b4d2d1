// Command hearsay analyzes news text into claims, sources, attributions and
// hedges, and prints the model.
//
// Usage:
//
//	hearsay [-format text|json|jsonl|jsonld|dot|report] [-lang en|es] [-hedges FILE] [-registry FILE] [-j N] [FILE ...]
//	hearsay eval uncertainty [-errors] FILE|DIR ...
//	hearsay eval polnear [-errors] DIR
//
// With no FILE it reads standard input. Each input is analyzed on its own,
// up to -j at a time, and printed in input order: -format json prints one
// document, or an array of them for several inputs; jsonl one document a
// line; report the sourcing report of each input and their total.
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
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
)

const usage = "usage: hearsay [-format text|json|jsonl|jsonld|dot|report] [-lang en|es] [-hedges FILE] [-registry FILE] [-j N] [FILE ...]\n       hearsay eval uncertainty [-errors] FILE|DIR ...\n       hearsay eval polnear [-errors] DIR"

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
	format := fs.String("format", "text", "output `format`: text, json, jsonl, jsonld, dot or report")
	registryFile := fs.String("registry", "", "a `file` of known entities (JSON or TSV) that mentions resolve to")
	jobs := fs.Int("j", runtime.GOMAXPROCS(0), "analyze up to `N` inputs in parallel; output stays in input order")
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
	out, ok := newFormat(*format)
	if !ok {
		fmt.Fprintf(stderr, "hearsay: unknown format %q\n%s\n", *format, usage)
		return 2
	}
	if *jobs < 1 {
		fmt.Fprintf(stderr, "hearsay: -j must be at least 1\n%s\n", usage)
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
	if *registryFile != "" {
		reg, err := loadRegistry(*registryFile)
		if err != nil {
			fmt.Fprintf(stderr, "hearsay: %v\n", err)
			return 1
		}
		opts = append(opts, hearsay.WithRegistry(reg))
	}
	analyzer, err := hearsay.New(opts...)
	if errors.Is(err, hearsay.ErrUnsupportedLanguage) {
		fmt.Fprintf(stderr, "hearsay: %v\n%s\n", err, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return 1
	}

	inputs, err := readInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return 1
	}
	docs := analyzeAll(analyzer, inputs, *jobs)
	// Everything is written to a buffer first, so an error never leaves
	// half an output behind.
	var buf bytes.Buffer
	for i, in := range inputs {
		if err := out.each(&buf, in.name, i, len(inputs), docs[i]); err != nil {
			fmt.Fprintf(stderr, "hearsay: %s: %v\n", in.name, err)
			return 1
		}
	}
	if out.end != nil {
		out.end(&buf, len(inputs))
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return 1
	}
	return 0
}

// analyzeAll analyzes the inputs with up to jobs goroutines and returns
// the documents in input order.
func analyzeAll(a *hearsay.Analyzer, inputs []input, jobs int) []*hearsay.Document {
	docs := make([]*hearsay.Document, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, len(inputs)) {
		wg.Go(func() {
			for i := range next {
				docs[i] = a.Analyze(inputs[i].text)
			}
		})
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs
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

// loadRegistry reads a registry of known entities.
func loadRegistry(name string) (*entity.Registry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return entity.LoadRegistry(name, f)
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

// format writes analyzed inputs: each is called for every input in order
// (i of n), end once after the last one.
type format struct {
	each func(w *bytes.Buffer, name string, i, n int, doc *hearsay.Document) error
	end  func(w *bytes.Buffer, n int)
}

// newFormat returns the writer of a -format value.
func newFormat(name string) (format, bool) {
	switch name {
	case "text":
		return format{each: writeText}, true
	case "json":
		// One input gives one object; several give an array of them.
		return format{
			each: func(w *bytes.Buffer, _ string, i, n int, doc *hearsay.Document) error {
				switch {
				case n > 1 && i == 0:
					w.WriteString("[\n")
				case n > 1:
					w.WriteString(",\n")
				}
				return writeJSON(w, doc)
			},
			end: func(w *bytes.Buffer, n int) {
				if n > 1 {
					w.WriteString("]\n")
				}
			},
		}, true
	case "jsonld":
		return format{
			each: func(w *bytes.Buffer, name string, i, n int, doc *hearsay.Document) error {
				b, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{Base: baseIRI(name)})
				if err != nil {
					return err
				}
				switch {
				case n > 1 && i == 0:
					w.WriteString("[\n")
				case n > 1:
					w.WriteString(",\n")
				}
				w.Write(b)
				w.WriteByte('\n')
				return nil
			},
			end: func(w *bytes.Buffer, n int) {
				if n > 1 {
					w.WriteString("]\n")
				}
			},
		}, true
	case "dot":
		return format{each: func(w *bytes.Buffer, _ string, _, _ int, doc *hearsay.Document) error {
			return doc.WriteDOT(w)
		}}, true
	case "html":
		return htmlFormat(), true
	case "jsonl":
		return format{each: func(w *bytes.Buffer, _ string, _, _ int, doc *hearsay.Document) error {
			return writeJSON(w, doc)
		}}, true
	case "report":
		var total hearsay.Report
		return format{
			each: func(w *bytes.Buffer, name string, i, _ int, doc *hearsay.Document) error {
				if i > 0 {
					w.WriteByte('\n')
				}
				r := doc.Report()
				total.Add(r)
				fmt.Fprintf(w, "== %s\n%s", name, r)
				return nil
			},
			end: func(w *bytes.Buffer, n int) {
				if n > 1 {
					fmt.Fprintf(w, "\n== total over %d inputs\n%s", n, total)
				}
			},
		}, true
	}
	return format{}, false
}

// baseIRI names an input in JSON-LD: the file's URL, or the default base
// for standard input.
func baseIRI(name string) string {
	if name == "standard input" {
		return hearsay.DefaultJSONLDBase
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return hearsay.DefaultJSONLDBase
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// writeJSON writes doc in the wire format on one line.
func writeJSON(w *bytes.Buffer, doc *hearsay.Document) error {
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	w.Write(b)
	w.WriteByte('\n')
	return nil
}
