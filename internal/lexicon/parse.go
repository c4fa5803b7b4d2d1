package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits of the file syntax.
const (
	// MaxWords is the largest number of words in a phrase.
	MaxWords = 8
	// MaxLine is the largest number of bytes in a line, without its end.
	MaxLine = 4096
	// MaxForms is the largest number of phrases one entry may expand to.
	MaxForms = 64
	// maxErrors is how many errors Parse and Compile report before giving up.
	maxErrors = 20
)

// Errors wrapped by a [ParseError] to tell what is wrong with a line.
var (
	ErrInvalidUTF8   = errors.New("hearsay/lexicon: invalid UTF-8")
	ErrLineTooLong   = errors.New("hearsay/lexicon: line longer than 4096 bytes")
	ErrEmptyPhrase   = errors.New("hearsay/lexicon: empty phrase")
	ErrTooManyWords  = errors.New("hearsay/lexicon: phrase longer than 8 words")
	ErrMarker        = errors.New("hearsay/lexicon: bad inflection marker")
	ErrTooManyForms  = errors.New("hearsay/lexicon: phrase expands to more than 64 forms")
	ErrNoCategory    = errors.New("hearsay/lexicon: no category (fields are separated by TAB)")
	ErrCategory      = errors.New("hearsay/lexicon: bad category")
	ErrAttr          = errors.New("hearsay/lexicon: bad attribute (want key=value)")
	ErrConflict      = errors.New("hearsay/lexicon: phrase defined twice with different category or attributes")
	ErrTooManyErrors = errors.New("hearsay/lexicon: too many errors")
)

// ParseError is the error for one bad line of a lexicon, or one bad entry
// given to [Compile]. Err is one of the package's sentinel errors, possibly
// wrapped with detail, or the reader's error.
type ParseError struct {
	File string // the name given to Parse, or the Entry's File
	Line int    // 1-based line number; 0 when unknown
	Err  error
}

// Error returns "FILE:LINE: message"; an unknown line is left out.
func (e *ParseError) Error() string {
	file := e.File
	if file == "" {
		file = "lexicon"
	}
	if e.Line <= 0 {
		return file + ": " + e.Err.Error()
	}
	return file + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// Attr is one key=value attribute of an entry.
type Attr struct {
	Key   string
	Value string
}

// Entry is one lexicon entry: a phrase, its category and attributes, and
// where it was defined. Phrase is kept as written (with its inflection
// markers, words separated by single spaces); File and Line let a match
// explain itself.
type Entry struct {
	Phrase   string
	Category string
	Attrs    []Attr // in the order written; keys are unique
	File     string
	Line     int
}

// Attr returns the value of the attribute key and whether the entry has it.
func (e Entry) Attr(key string) (string, bool) {
	for _, a := range e.Attrs {
		if a.Key == key {
			return a.Value, true
		}
	}
	return "", false
}

// Parse reads a lexicon file (see the package documentation for its
// syntax) and returns its entries in file order. name is used in errors
// and recorded in each Entry's File. If any line is bad, Parse returns nil
// and the errors of the bad lines (each a *ParseError, joined with
// errors.Join; at most 20, then ErrTooManyErrors): a file is never half
// loaded.
func Parse(name string, r io.Reader) ([]Entry, error) {
	br := bufio.NewReaderSize(r, MaxLine+2)
	var (
		entries []Entry
		errs    []error
		seen    = map[string]int{} // folded phrase form -> index in entries
		lineNo  int
	)
	fail := func(err error) bool {
		errs = append(errs, &ParseError{File: name, Line: lineNo, Err: err})
		if len(errs) >= maxErrors {
			errs = append(errs, &ParseError{File: name, Line: lineNo, Err: ErrTooManyErrors})
			return true
		}
		return false
	}
	for {
		raw, tooLong, err := readLine(br)
		if err == io.EOF && raw == nil && !tooLong {
			break
		}
		lineNo++
		if err != nil && err != io.EOF {
			errs = append(errs, &ParseError{File: name, Line: lineNo, Err: err})
			break
		}
		if lineNo == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
		}
		if tooLong {
			if fail(ErrLineTooLong) {
				break
			}
		} else if !utf8.Valid(raw) {
			if fail(ErrInvalidUTF8) {
				break
			}
		} else if e, ok, perr := parseLine(string(raw)); perr != nil {
			if fail(perr) {
				break
			}
		} else if ok {
			e.File, e.Line = name, lineNo
			if cerr := checkDuplicates(seen, entries, e, len(entries)); cerr != nil {
				if fail(cerr) {
					break
				}
			}
			entries = append(entries, e)
		}
		if err == io.EOF {
			break
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return entries, nil
}

// readLine returns the next line without its "\n" or "\r\n". A line
// longer than MaxLine is consumed and reported by tooLong with a nil line.
// At the end of input it returns io.EOF, with the last unterminated line
// if there is one.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	b, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		for err == bufio.ErrBufferFull {
			_, err = br.ReadSlice('\n')
		}
		return nil, true, err
	}
	if err == io.EOF && len(b) == 0 {
		return nil, false, io.EOF
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if len(b) > MaxLine {
		return nil, true, err
	}
	return b, false, err
}

// parseLine parses one line that is valid UTF-8. ok is false for a blank
// or comment line.
func parseLine(line string) (e Entry, ok bool, err error) {
	line = stripComment(line)
	if strings.TrimSpace(line) == "" {
		return Entry{}, false, nil
	}
	fields := splitFields(line)
	phrase := strings.Join(strings.Fields(fields[0]), " ")
	if phrase == "" {
		return Entry{}, false, ErrEmptyPhrase
	}
	if len(fields) < 2 {
		return Entry{}, false, fmt.Errorf("%w: %q", ErrNoCategory, strings.TrimSpace(line))
	}
	e.Phrase = phrase
	e.Category = strings.TrimSpace(fields[1])
	if !isIdent(e.Category) {
		return Entry{}, false, fmt.Errorf("%w: %q", ErrCategory, e.Category)
	}
	for _, f := range fields[2:] {
		f = strings.TrimSpace(f)
		k, v, found := strings.Cut(f, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !found || !isIdent(k) || v == "" {
			return Entry{}, false, fmt.Errorf("%w: %q", ErrAttr, f)
		}
		if _, dup := e.Attr(k); dup {
			return Entry{}, false, fmt.Errorf("%w: key %q given twice", ErrAttr, k)
		}
		e.Attrs = append(e.Attrs, Attr{Key: k, Value: v})
	}
	if _, err := expand(e.Phrase); err != nil {
		return Entry{}, false, err
	}
	return e, true, nil
}

// stripComment cuts line at a "#" that starts it or follows a space or TAB.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}

// splitFields splits line at runs of TABs: the phrase is all before the
// first TAB (possibly empty), and empty fields after it are dropped.
func splitFields(line string) []string {
	phrase, rest, _ := strings.Cut(line, "\t")
	return append([]string{phrase}, strings.FieldsFunc(rest, func(r rune) bool { return r == '\t' })...)
}

// isIdent reports whether s is a letter followed by letters, digits, "_",
// "-" or ".".
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// checkDuplicates records the forms of e (index i) in seen and reports a
// form an earlier entry gave a different payload.
func checkDuplicates(seen map[string]int, entries []Entry, e Entry, i int) error {
	forms, err := expand(e.Phrase)
	if err != nil {
		return err
	}
	key := payloadKey(e)
	for _, words := range forms {
		f := strings.Join(words, " ")
		j, dup := seen[f]
		if !dup {
			seen[f] = i
			continue
		}
		if payloadKey(entries[j]) != key {
			return fmt.Errorf("%w: %q (from %q) is %s at %s, %s here",
				ErrConflict, f, e.Phrase, describe(entries[j]), position(entries[j], j), describe(e))
		}
	}
	return nil
}

// payloadKey returns a string equal for two entries exactly when they
// carry the same category and the same set of attributes.
func payloadKey(e Entry) string {
	if len(e.Attrs) == 0 {
		return e.Category
	}
	kv := make([]string, len(e.Attrs))
	for i, a := range e.Attrs {
		kv[i] = a.Key + "=" + a.Value
	}
	slices.Sort(kv)
	return e.Category + "\x00" + strings.Join(kv, "\x00")
}

// describe renders an entry's payload for error messages.
func describe(e Entry) string {
	var b strings.Builder
	b.WriteString(strconv.Quote(e.Category))
	for _, a := range e.Attrs {
		b.WriteString(" " + a.Key + "=" + a.Value)
	}
	return b.String()
}

// position names where entry i came from.
func position(e Entry, i int) string {
	switch {
	case e.File != "" && e.Line > 0:
		return e.File + ":" + strconv.Itoa(e.Line)
	case e.Line > 0:
		return "line " + strconv.Itoa(e.Line)
	default:
		return "entry " + strconv.Itoa(i)
	}
}
