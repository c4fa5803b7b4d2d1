package main

import (
	"bytes"

	"github.com/hearsay-go/hearsay"
)

// htmlFormat returns the writer of -format html: one self-contained page
// with a section for each input, named by its file, and a table of
// contents when there are several. Each input's section is written as
// soon as it is given, so the page can be written as documents finish.
func htmlFormat() format {
	page := hearsay.HTMLPage{Title: "hearsay"}
	return format{
		each: func(w *bytes.Buffer, name string, _, _ int, doc *hearsay.Document) error {
			return page.Add(w, name, doc)
		},
		end: func(w *bytes.Buffer, _ int) {
			page.Close(w) // a bytes.Buffer does not fail
		},
	}
}
