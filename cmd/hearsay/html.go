package main

import (
	"bufio"

	"github.com/hearsay-go/hearsay"
)

// htmlFormat is -format html: one self-contained page with a section for
// each input, named by its id, and a table of contents when there are
// several. The page's state (the head before the first section, the
// numbering, the totals) belongs to the writing goroutine, so a section
// is rendered when its turn to be written comes, as documents finish.
type htmlFormat struct {
	page *hearsay.HTMLPage
}

func newHTML(formatConfig) format { return htmlFormat{page: &hearsay.HTMLPage{Title: "hearsay"}} }

func (f htmlFormat) encode(id string, _ int, doc *hearsay.Document) (piece, error) {
	if err := doc.Validate(); err != nil {
		return piece{}, err
	}
	return piece{stream: func(w *bufio.Writer) error { return f.page.Add(w, label(id), doc) }}, nil
}

func (htmlFormat) write(w *bufio.Writer, _ int, _ string, p piece) error { return p.writeTo(w) }

func (f htmlFormat) end(w *bufio.Writer, _ int) error { return f.page.Close(w) }
