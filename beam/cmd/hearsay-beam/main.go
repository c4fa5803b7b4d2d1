// Command hearsay-beam analyzes a corpus with Apache Beam: it reads text
// files (one document each) or JSON Lines ({"id", "text", "lang"} a
// line), writes each document as a JSON line and the sourcing report of
// the corpus as JSON.
//
// Usage:
//
//	hearsay-beam [-text GLOB] [-jsonl GLOB] [-lang en|es] [-top N]
//	             [-docs PREFIX] [-report FILE] [BEAM FLAGS]
//
// It runs on the local prism runner by default; Beam's own flags select
// another: --runner=dataflow --project --region --staging_location
// --temp_location, --runner=flink --endpoint, --runner=spark --endpoint.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/hearsay-go/hearsay/beam/pipeline"
)

const usage = "usage: hearsay-beam [-text GLOB] [-jsonl GLOB] [-lang en|es] [-top N] [-docs PREFIX] [-report FILE] [BEAM FLAGS]\n(-h lists Beam's flags too)"

func main() {
	var c pipeline.Config
	flag.StringVar(&c.Text, "text", "", "a `glob` of text files, one document each")
	flag.StringVar(&c.JSONL, "jsonl", "", `a `+"`glob`"+` of JSON Lines files, {"id", "text", "lang"} a line`)
	flag.StringVar(&c.Lang, "lang", "en", "the `language` of documents that give none: en or es")
	flag.StringVar(&c.Docs, "docs", "", "write the documents, one JSON line each, to files `PREFIX`-RANDOM.jsonl (one a bundle)")
	flag.StringVar(&c.Report, "report", "", "write the corpus report to this `file` as JSON")
	flag.IntVar(&c.Top, "top", 20, "list the `N` most cited sources in the report (0: all)")
	flag.Parse()
	beam.Init()

	p, s := beam.NewPipelineWithRoot()
	if _, _, err := pipeline.Build(s, c); err != nil {
		if errors.Is(err, pipeline.ErrNoInput) {
			fmt.Fprintf(os.Stderr, "%v\n%s\n", err, usage)
			os.Exit(2)
		}
		fmt.Fprintf(os.Stderr, "hearsay-beam: %v\n", err)
		os.Exit(1)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "hearsay-beam: %v\n", err)
		os.Exit(1)
	}
}
