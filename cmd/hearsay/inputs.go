package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// stdinName is the argument that reads standard input, and the ID of the
// document read from it.
const stdinName = "-"

// item is one document to analyze, or the error that kept it from being
// read. seq numbers the items from 0 in input order.
type item struct {
	seq  int
	id   string // the path as given, or the id of a JSONL line
	text string
	lang string // the language a JSONL line asks for; "" for -lang
	// err is why the item could not be read, a message that names it
	// (its file, or file:line).
	err error
}

// inputs says where the documents come from.
type inputs struct {
	args  []string  // files, directories and "-"; none means standard input
	stdin io.Reader //
	glob  string    // the names taken from a directory, as filepath.Match
	jsonl bool      // each line of an input is a document {"id", "text", "lang"}
}

// several reports whether the arguments may name several documents (more
// than one argument, a directory, or JSONL input): the formats that write
// one object for one document then write an array, or one graph with a
// cluster a document. It is decided from the command line alone, so that
// the shape of the output does not depend on how many files a directory
// happens to hold.
func (in *inputs) several() bool {
	if in.jsonl || len(in.args) > 1 {
		return true
	}
	for _, a := range in.args {
		if a == stdinName {
			continue
		}
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			return true
		}
	}
	return false
}

// check reports the first argument that does not exist or cannot be
// examined, before anything is read or written.
func (in *inputs) check() error {
	for _, a := range in.args {
		if a == stdinName {
			continue
		}
		if _, err := os.Stat(a); err != nil {
			return err // *fs.PathError names the file
		}
	}
	return nil
}

// all yields the documents in input order: each argument in turn, the
// files of a directory in lexical order of their paths, the lines of a
// JSONL input in order. Each is read only when the consumer asks for it,
// so the caller bounds how much is read ahead. An input that cannot be
// read is yielded as an item with err set.
func (in *inputs) all() iter.Seq[item] {
	return func(yield func(item) bool) {
		seq := 0
		emit := func(it item) bool {
			it.seq = seq
			seq++
			return yield(it)
		}
		args := in.args
		if len(args) == 0 {
			args = []string{stdinName}
		}
		for _, a := range args {
			if !in.one(a, emit) {
				return
			}
		}
	}
}

// one yields the documents of one argument; false means stop.
func (in *inputs) one(arg string, yield func(item) bool) bool {
	if arg == stdinName {
		return in.read(stdinName, "standard input", in.stdin, yield)
	}
	st, err := os.Stat(arg)
	if err != nil {
		return yield(item{id: arg, err: err})
	}
	if !st.IsDir() {
		return in.file(arg, yield)
	}
	stopped := false
	err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(item{id: path, err: err}) {
				stopped = true
				return filepath.SkipAll
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if ok, _ := filepath.Match(in.glob, d.Name()); !ok {
			return nil
		}
		if !in.file(path, yield) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && !stopped {
		return yield(item{id: arg, err: err})
	}
	return !stopped
}

// file yields the documents of one file.
func (in *inputs) file(path string, yield func(item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(item{id: path, err: err})
	}
	defer f.Close()
	return in.read(path, path, f, yield)
}

// read yields the documents of one input: the whole of it as one text
// named id, or its JSONL lines.
func (in *inputs) read(id, name string, r io.Reader, yield func(item) bool) bool {
	if in.jsonl {
		return readJSONL(name, r, yield)
	}
	text, err := readText(r)
	if err != nil {
		return yield(item{id: id, err: fmt.Errorf("%s: %w", name, err)})
	}
	if err := checkUTF8(text); err != nil {
		return yield(item{id: id, err: fmt.Errorf("%s: %w", name, err)})
	}
	return yield(item{id: id, text: text})
}

// readText reads r to the end into a string. A file's buffer is sized
// from its length, and the string is the buffer itself, not a copy: a
// large document is held once.
func readText(r io.Reader) (string, error) {
	var b strings.Builder
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			b.Grow(int(st.Size()) + 1)
		}
	}
	_, err := io.Copy(&b, r)
	return b.String(), err
}

// jsonlLine is one line of JSONL input.
type jsonlLine struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
	Lang string          `json:"lang"`
}

// readJSONL yields the documents of a JSONL input, one a line; blank
// lines are skipped. A line that is not an object with a "text" string
// is an error naming NAME:LINE. The id is a string or a number; a line
// without one is named NAME:LINE.
func readJSONL(name string, r io.Reader, yield func(item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if !yield(parseJSONL(name, n, line)) {
				return false
			}
		}
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return yield(item{id: fmt.Sprintf("%s:%d", name, n), err: fmt.Errorf("%s:%d: %w", name, n, err)})
		}
	}
}

// parseJSONL decodes line n of a JSONL input.
func parseJSONL(name string, n int, line []byte) item {
	where := fmt.Sprintf("%s:%d", name, n)
	bad := func(format string, args ...any) item {
		return item{id: where, err: fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))}
	}
	var l jsonlLine
	if err := json.Unmarshal(line, &l); err != nil {
		return bad("not a JSON object with an id and a text: %v", err)
	}
	if l.Text == nil {
		return bad(`no "text"`)
	}
	id := where
	if len(l.ID) > 0 && string(l.ID) != "null" {
		switch l.ID[0] {
		case '"':
			if err := json.Unmarshal(l.ID, &id); err != nil {
				return bad("id: %v", err)
			}
		default:
			if _, err := strconv.ParseFloat(string(l.ID), 64); err != nil {
				return bad("id %s: want a string or a number", l.ID)
			}
			id = string(l.ID)
		}
	}
	if l.Lang != "" {
		if _, ok := parseLang(l.Lang); !ok {
			return bad("lang %q: want en or es", l.Lang)
		}
	}
	return item{id: id, text: *l.Text, lang: l.Lang}
}

// checkUTF8 reports the first byte that is not part of valid UTF-8.
func checkUTF8(b string) error {
	if utf8.ValidString(b) {
		return nil
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRuneInString(b[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("not UTF-8 text: invalid byte 0x%02x at offset %d", b[i], i)
		}
		i += n
	}
	return nil
}
