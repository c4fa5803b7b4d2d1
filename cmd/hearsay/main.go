// Command hearsay analyzes news text into who claims what: the claims,
// the sources they are attributed to, the cues that tie them and the
// hedges that set their certainty. It is made for corpora: files,
// directories, standard input or JSONL streams of documents, analyzed in
// parallel and written as they finish, in input order, in bounded memory.
//
// Usage:
//
//	hearsay [flags] [FILE|DIR|- ...]
//	hearsay eval KIND [flags] ...
//	hearsay -version
//
// Run "hearsay -h" for the formats, the flags, the eval commands and the
// exit status.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
)

// formatEntry is one value of -format: its name, what it writes (for
// -h), and its constructor.
type formatEntry struct {
	name, help string
	new        func(formatConfig) format
}

// formats lists the values of -format in the order -h shows them. A new
// format is one line here (perDocument adapts a function that writes one
// document on its own).
var formats = []formatEntry{
	{"text", "for a person: the claims grouped by source, hedges in brackets, the sourcing report (default)", newText},
	{"json", "the wire format (README); one object for one input, an array written as it goes for several", newJSON},
	{"jsonl", "the wire format, one document a line", newJSONL},
	{"jsonld", "linked data: schema.org claims, PROV-O attributions, Web Annotation spans; compact unless -indent", newJSONLD},
	{"html", "one self-contained HTML page of the marked text and its sourcing report, a section an input", newHTML},
	{"dot", "the attribution graph for Graphviz; several inputs make one graph with a cluster each", newDOT},
	{"report", "the sourcing report of each input, and the total over several", newReport},
	{"report-json", `the sourcing reports as JSON: {"documents":[{"id":...,"report":{...}},...],"total":{...}}`, newReportJSON},
}

// evals lists the "hearsay eval" commands. A new one is one line here.
var evals = []evalCommand{
	{"uncertainty", "[-errors] [-lang en|es] FILE|DIR ...", "score hedge detection on the Szeged, BioScope or SFU corpora",
		func() *flag.FlagSet { return new(uncertaintyFlags).flagSet() }, evalUncertainty},
	{"polnear", "[-errors] [-agreement] DIR", "score attribution extraction on a PolNeAR split (brat standoff)",
		func() *flag.FlagSet { return new(polnearFlags).flagSet() }, evalPolNeAR},
	{"pos", "[-errors] [-lang en|es] FILE.conllu ...", "score the part-of-speech tagger on Universal Dependencies treebanks (CoNLL-U)",
		posFlagSet, evalPOS},
}

const synopsis = `usage: hearsay [flags] [FILE|DIR|- ...]
       hearsay eval KIND [flags] ...
       hearsay -version`

// help is the text of -h, around the flags.
const (
	helpIntro = `hearsay analyzes news text into who claims what: the claims, the sources they
are attributed to (named, described, vague or none), the cues that tie them,
with their stance, and the hedges that set each holder's certainty.

` + synopsis + `

Inputs: each FILE is one document; a DIR is walked in lexical order for the
files that match -glob; "-", or no argument at all, is standard input. With
-input jsonl, each line of every input is one document:
{"id": "...", "text": "...", "lang": "es"} (id a string or a number, FILE:LINE
when absent; lang optional, and it wins over -lang). Every document in the
output carries an "id": the path as given ("-" for standard input) or the
line's id.

Each document is analyzed on its own, up to -j at a time, and written as soon
as it and those before it are done, in input order; at most 2*j documents are
held at once, so memory does not grow with the corpus.
`
	helpFailure = `
Failures: an input that cannot be read, is not UTF-8 text, or is a bad JSONL
line fails. By default the first failure stops the run: the documents before
it are written whole, nothing of it or after it, and an array or graph is
left unclosed so that no reader takes it for a whole result; exit status 1.
With -keep-going, every good document is written, each failure is reported
on standard error, the output is closed, and the exit status is 1.

Language: a text whose function words look like another language than the
one given gets a warning on standard error; -lang auto picks en or es for
each document.

Exit status: 0 success; 1 an input failed, a -hedges or -registry file is
bad, or the output could not be written; 2 usage error (bad flag or value).
`
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the flags of the main command.
type options struct {
	format, lang, input, glob, base string
	hedges, registry                string
	jobs                            int
	keepGoing, indent, version      bool
}

func (o *options) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("hearsay", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.format, "format", "text", "output `format`: "+formatNames())
	fs.StringVar(&o.lang, "lang", "en", "language of the input: en, es, or auto (guessed per document)")
	fs.StringVar(&o.input, "input", "text", "input `kind`: text (a file is a document) or jsonl (a line is a document)")
	fs.StringVar(&o.glob, "glob", "", "the file names taken from a directory (`pattern` of path/filepath.Match; default *.txt, *.jsonl with -input jsonl)")
	fs.StringVar(&o.base, "base", "", "JSON-LD base `IRI`: the document's @id for one input, a prefix of the escaped id for several; default urn:hearsay: and the id")
	fs.StringVar(&o.hedges, "hedges", "", "a hedge lexicon `file` whose entries are added to the built-in ones")
	fs.StringVar(&o.registry, "registry", "", "a `file` of known entities (JSON or TSV) that mentions resolve to")
	fs.IntVar(&o.jobs, "j", runtime.GOMAXPROCS(0), "analyze up to `N` documents in parallel; output stays in input order")
	fs.BoolVar(&o.keepGoing, "keep-going", false, "write every good document when some inputs fail, report the failures, exit 1")
	fs.BoolVar(&o.indent, "indent", false, "indent -format jsonld")
	fs.BoolVar(&o.version, "version", false, "print the module version and exit")
	return fs
}

// run is the whole command, apart from the process: it returns the exit
// status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "eval" {
		return runEval(args[1:], stdout, stderr)
	}
	var o options
	fs := o.flagSet()
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeHelp(stdout, fs)
			return 0
		}
		return usageError(stderr, err.Error())
	}
	if o.version {
		bi, _ := debug.ReadBuildInfo()
		fmt.Fprint(stdout, versionText(bi))
		return 0
	}
	var newFormat func(formatConfig) format
	for _, f := range formats {
		if f.name == o.format {
			newFormat = f.new
		}
	}
	if newFormat == nil {
		return usageError(stderr, fmt.Sprintf("-format %q: want %s", o.format, formatNames()))
	}
	if o.jobs < 1 {
		return usageError(stderr, fmt.Sprintf("-j %d: want at least 1", o.jobs))
	}
	lang := "auto"
	if o.lang != "auto" {
		l, ok := parseLang(o.lang)
		if !ok {
			why := ""
			if _, err := language.Parse(o.lang); err == nil {
				why = "unsupported language; "
			}
			return usageError(stderr, fmt.Sprintf("-lang %q: %swant en, es or auto", o.lang, why))
		}
		lang = l
	}
	if o.input != "text" && o.input != "jsonl" {
		return usageError(stderr, fmt.Sprintf("-input %q: want text or jsonl", o.input))
	}
	in := &inputs{args: fs.Args(), stdin: stdin, glob: o.glob, jsonl: o.input == "jsonl"}
	if in.glob == "" {
		in.glob = "*.txt"
		if in.jsonl {
			in.glob = "*.jsonl"
		}
	}
	if _, err := filepath.Match(in.glob, ""); err != nil {
		return usageError(stderr, fmt.Sprintf("-glob %q: %v", in.glob, err))
	}
	if o.base != "" {
		if _, err := (&hearsay.Document{}).MarshalJSONLD(hearsay.JSONLDOptions{Base: o.base}); err != nil {
			return usageError(stderr, fmt.Sprintf("-base %q: %s", o.base, message(err)))
		}
	}

	a, err := newAnalyzers(lang, o.hedges, o.registry)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %s\n", message(err))
		return 1
	}
	if err := in.check(); err != nil {
		fmt.Fprintf(stderr, "hearsay: %s\n", message(err))
		return 1
	}
	f := newFormat(formatConfig{several: in.several(), base: o.base, indent: o.indent})
	return write(in, a, f, o.jobs, o.keepGoing, stdout, stderr)
}

// write analyzes the inputs through the bounded pipeline and writes each
// document as it comes, in input order; it returns the exit status.
func write(in *inputs, a *analyzers, f format, jobs int, keepGoing bool, stdout, stderr io.Writer) int {
	w := bufio.NewWriterSize(stdout, 64<<10)
	var written, failed int
	var werr error
	work := func(it item) result { return a.work(f, it) }
	pipeline(in.all(), jobs, work, func(r result) bool {
		for _, msg := range r.warnings {
			fmt.Fprintf(stderr, "hearsay: warning: %s\n", msg)
		}
		if r.err != nil {
			fmt.Fprintf(stderr, "hearsay: %s\n", message(r.err))
			failed++
			return keepGoing
		}
		if werr = f.write(w, written, r.id, r.piece); werr == nil {
			werr = w.Flush()
		}
		written++
		return werr == nil
	})
	if werr == nil && (failed == 0 || keepGoing) {
		if werr = f.end(w, written); werr == nil {
			werr = w.Flush()
		}
	}
	switch {
	case werr != nil:
		fmt.Fprintf(stderr, "hearsay: writing the output: %v\n", werr)
		return 1
	case failed > 0 && keepGoing:
		fmt.Fprintf(stderr, "hearsay: %d of %d inputs failed\n", failed, failed+written)
		return 1
	case failed > 0:
		w.Flush()
		return 1
	}
	return 0
}

// formatNames lists the formats: "text, json, ... or report-json".
func formatNames() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// usageError reports a usage error and returns its exit status, 2.
func usageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "hearsay: %s\n%s\nRun 'hearsay -h' for the formats and flags.\n", msg, synopsis)
	return 2
}

// message is the text of err without the "hearsay: " that the library's
// errors begin with, for the command adds its own.
func message(err error) string {
	return strings.TrimPrefix(err.Error(), "hearsay: ")
}

// parseLang returns "en" or "es" for a language tag whose base language
// is one of them ("en", "en-GB", "ES"); false for anything else.
func parseLang(s string) (string, bool) {
	tag, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	base, conf := tag.Base()
	if conf < language.High || (base.String() != "en" && base.String() != "es") {
		return "", false
	}
	return base.String(), true
}

// writeHelp writes -h: what the tool does, the inputs, the formats, the
// flags, failures, the eval commands and their flags, the exit status.
func writeHelp(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, helpIntro)
	fmt.Fprint(w, "\nFormats (-format):\n")
	for _, f := range formats {
		fmt.Fprintf(w, "  %-12s %s\n", f.name, f.help)
	}
	fmt.Fprint(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, helpFailure)
	fmt.Fprint(w, "\nEvaluation against annotated corpora (figures in EVALUATION.md):\n")
	for _, e := range evals {
		fmt.Fprintf(w, "\n  hearsay eval %s %s\n    %s\n", e.name, e.args, e.what)
		if e.flags != nil {
			efs := e.flags()
			efs.SetOutput(w)
			efs.PrintDefaults()
		}
	}
}

// printFlags writes the usage line and the flags of a subcommand.
func printFlags(w io.Writer, usage string, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s\n", usage)
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// versionText is what -version prints: the module path and version
// ("(devel)" when built from a checkout), the VCS revision when the
// build recorded one, and the Go version.
func versionText(bi *debug.BuildInfo) string {
	if bi == nil {
		return "hearsay (no build information)\n"
	}
	path, version := bi.Main.Path, bi.Main.Version
	if path == "" {
		path = "github.com/hearsay-go/hearsay"
	}
	if version == "" {
		version = "(devel)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "hearsay %s %s\n", path, version)
	var rev string
	var about []string
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision":
			rev = s.Value
		case s.Key == "vcs.time":
			about = append([]string{s.Value}, about...)
		case s.Key == "vcs.modified" && s.Value == "true":
			about = append(about, "modified")
		}
	}
	if rev != "" {
		fmt.Fprintf(&b, "revision %s", rev)
		if len(about) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(about, ", "))
		}
		b.WriteByte('\n')
	}
	if bi.GoVersion != "" {
		fmt.Fprintf(&b, "built with %s\n", bi.GoVersion)
	}
	return b.String()
}
