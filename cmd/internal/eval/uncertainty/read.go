// Package uncertainty reads hedge and uncertainty cue corpora (the Szeged
// Uncertainty Corpus, BioScope and the SFU Review corpus with speculation
// annotation) into sentences with byte-offset cue spans, and scores a cue
// predictor against them as in CoNLL-2010 Task 1: precision, recall and F1
// of the uncertain sentence class, plus exact-span scores of the cues. It
// serves the evaluation command and is not API.
package uncertainty

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/ianaindex"

	"github.com/hearsay-go/hearsay/span"
)

// Sentence is one sentence of a corpus with its gold uncertainty cues.
type Sentence struct {
	// ID names the sentence: "DOCID/SID" when the corpus gives a document
	// ID, the sentence's own id otherwise, and "S<n>" (n counting from 1
	// in the file) for SFU Review sentences, which have none. ReadDir
	// prefixes the file's path relative to the directory and ":".
	ID string
	// Text is the sentence text: the character data of the sentence
	// element as is, or for SFU Review the tokens joined by single spaces.
	Text string
	// Cues holds the byte spans into Text of the cue fragments, one per
	// cue element, sorted by start then end, without duplicates. A
	// discontinuous cue ("either ... or") has several fragments.
	Cues []span.Span
	// Group numbers the cue each fragment belongs to: Group[i] is the cue
	// of Cues[i]. Fragments of one discontinuous cue share a number;
	// numbers count from 0 in order of each cue's first fragment. Only
	// BioScope (shared ref) and SFU Review (a ref from one cue to another)
	// link fragments; each Szeged cue element is a cue of its own.
	Group []int
	// Uncertain reports whether the sentence holds at least one
	// uncertainty cue element (speculation cues only, for the corpora
	// that also mark negation).
	Uncertain bool
}

// Format names a corpus file format.
type Format int

// The formats Read understands.
const (
	// Auto detects the format from the name of the first sentence element.
	Auto Format = iota
	// Szeged is the Szeged Uncertainty Corpus: <Sentence id=..> elements
	// with <ccue type=..> cues; every ccue counts.
	Szeged
	// BioScope is BioScope: <sentence id=..> elements, cues inside
	// <xcope>, <cue type="speculation" ref=..>; negation cues are ignored
	// and cues sharing a ref are one discontinuous cue.
	BioScope
	// SFU is the SFU Review corpus: <SENTENCE> elements of <W> tokens,
	// <cue type="speculation" ID=..> wrapping tokens.
	SFU
)

var formatNames = [...]string{Auto: "auto", Szeged: "szeged", BioScope: "bioscope", SFU: "sfu"}

// String returns the lowercase name of the format.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "format(" + strconv.Itoa(int(f)) + ")"
}

// sentenceElement maps the name of each format's sentence element.
var sentenceElement = map[string]Format{"Sentence": Szeged, "sentence": BioScope, "SENTENCE": SFU}

// ParseError is an error in a corpus file, located by line.
type ParseError struct {
	File string // the file name; empty when reading a bare io.Reader
	Line int    // 1-based line, 0 when unknown
	Err  error
}

// Error formats the error as "file:line: message".
func (e *ParseError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		if e.File == "" {
			b.WriteString("line ")
		}
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(":")
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ReadFile reads a corpus file, detecting its format.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(path, f, Auto)
}

// ReadDir reads every .xml file under dir, in lexical order of their
// paths, detecting each file's format. Sentence IDs are prefixed with the
// file's slash-separated path relative to dir and ":", so that they stay
// unique across files.
func ReadDir(dir string) ([]Sentence, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".xml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	var all []Sentence
	for _, p := range paths {
		sents, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			rel = p
		}
		prefix := filepath.ToSlash(rel) + ":"
		for i := range sents {
			sents[i].ID = prefix + sents[i].ID
		}
		all = append(all, sents...)
	}
	return all, nil
}

// Read reads one corpus file from r. With Auto the format is that of the
// first sentence element; with another format, a sentence element of a
// different format is an error. The DOCTYPE is skipped, never fetched.
func Read(r io.Reader, format Format) ([]Sentence, error) {
	return read("", r, format)
}

func read(name string, r io.Reader, format Format) ([]Sentence, error) {
	if format < Auto || format > SFU {
		return nil, &ParseError{File: name, Err: fmt.Errorf("unknown format %d", int(format))}
	}
	d := xml.NewDecoder(r)
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	p := &parser{name: name, d: d, format: format}
	if err := p.run(); err != nil {
		return nil, err
	}
	if p.nsent == 0 && p.format == Auto {
		return nil, &ParseError{File: name, Err: errors.New("no sentence element (Sentence, sentence or SENTENCE) found")}
	}
	return p.sents, nil
}

func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := ianaindex.IANA.Encoding(label)
	if err != nil {
		return nil, err
	}
	if enc == nil {
		return nil, fmt.Errorf("unsupported charset %q", label)
	}
	return enc.NewDecoder().Reader(input), nil
}

// openElem is an element open inside the current sentence.
type openElem struct {
	name  string
	cue   bool   // a counted cue element
	key   string // the cue's linking key (BioScope ref, SFU ID); "" for none
	start int    // Szeged, BioScope: text length at the start tag
	first int    // SFU: start of the first token inside, -1 before any
	last  int    // SFU: end of the last token inside
}

// fragment is a cue fragment before grouping.
type fragment struct {
	s   span.Span
	key string // linking key, or a unique key for unlinked cues
}

type parser struct {
	name   string
	d      *xml.Decoder
	format Format
	sents  []Sentence

	nsent   int    // sentence elements seen
	docID   string // the current document ID
	inDocID bool
	docBuf  strings.Builder

	// The current sentence.
	in        bool
	id        string
	text      strings.Builder
	stack     []openElem
	frags     []fragment
	uncertain bool
	ntok      int      // SFU: tokens so far
	wStart    int      // SFU: start of the open token, -1 outside tokens
	links     []string // SFU: pairs of linked cue IDs (from, to, from, to...)
	ncue      int      // cue elements so far, for unique keys
}

func (p *parser) errorf(format string, args ...any) error {
	line, _ := p.d.InputPos()
	return &ParseError{File: p.name, Line: line, Err: fmt.Errorf(format, args...)}
}

func (p *parser) run() error {
	for {
		tok, err := p.d.Token()
		if err == io.EOF {
			if p.in {
				return p.errorf("unexpected end of file inside a sentence")
			}
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &ParseError{File: p.name, Line: se.Line, Err: errors.New(se.Msg)}
			}
			return p.errorf("%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if err := p.end(t); err != nil {
				return err
			}
		case xml.CharData:
			p.chars(t)
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (p *parser) start(e xml.StartElement) error {
	name := e.Name.Local
	if !p.in {
		f, ok := sentenceElement[name]
		switch {
		case ok:
			if p.format == Auto {
				p.format = f
			} else if f != p.format {
				return p.errorf("<%s> is a %v sentence element in a %v file", name, f, p.format)
			}
			p.begin(e)
		case name == "Document":
			p.docID = ""
		case name == "DocID":
			p.inDocID = true
			p.docBuf.Reset()
		}
		return nil
	}
	if _, ok := sentenceElement[name]; ok {
		return p.errorf("<%s> inside a sentence", name)
	}
	o := openElem{name: name, first: -1, start: p.text.Len()}
	switch p.format {
	case Szeged:
		if name == "ccue" {
			o.cue = true
		}
	case BioScope:
		if name == "cue" && attr(e, "type") == "speculation" {
			o.cue, o.key = true, attr(e, "ref")
		}
	case SFU:
		switch name {
		case "cue":
			if attr(e, "type") == "speculation" {
				o.cue, o.key = true, attr(e, "ID")
			}
		case "ref":
			// A ref inside a cue that points at another cue links the
			// two into one discontinuous cue; refs in scopes point at
			// their cue and link nothing.
			if src := attr(e, "SRC"); src != "" {
				for i := len(p.stack) - 1; i >= 0; i-- {
					if p.stack[i].cue && p.stack[i].key != "" {
						p.links = append(p.links, p.stack[i].key, src)
						break
					}
				}
			}
		case "W":
			if p.wStart >= 0 {
				return p.errorf("<W> inside <W>")
			}
			if p.ntok > 0 {
				p.text.WriteByte(' ')
			}
			p.ntok++
			p.wStart = p.text.Len()
		}
	}
	if o.cue {
		p.uncertain = true
	}
	p.stack = append(p.stack, o)
	return nil
}

func (p *parser) begin(e xml.StartElement) {
	p.nsent++
	p.in = true
	p.text.Reset()
	p.stack = p.stack[:0]
	p.frags = p.frags[:0]
	p.links = p.links[:0]
	p.uncertain = false
	p.ntok, p.wStart, p.ncue = 0, -1, 0
	id := attr(e, "id")
	if p.format == SFU || id == "" {
		id = "S" + strconv.Itoa(p.nsent)
	}
	if p.docID != "" {
		id = p.docID + "/" + id
	}
	p.id = id
}

func (p *parser) end(e xml.EndElement) error {
	name := e.Name.Local
	if !p.in {
		if name == "DocID" && p.inDocID {
			p.inDocID = false
			p.docID = strings.TrimSpace(p.docBuf.String())
		}
		return nil
	}
	if len(p.stack) == 0 {
		// The decoder checks nesting, so this ends the sentence.
		p.finish()
		return nil
	}
	o := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	if p.format == SFU && name == "W" {
		end := p.text.Len()
		for i := range p.stack {
			if p.stack[i].first < 0 {
				p.stack[i].first = p.wStart
			}
			p.stack[i].last = end
		}
		p.wStart = -1
	}
	if !o.cue {
		return nil
	}
	s := span.Span{Start: o.start, End: p.text.Len()}
	if p.format == SFU {
		if o.first < 0 {
			return nil // a cue without tokens has no span
		}
		s = span.Span{Start: o.first, End: o.last}
		// Tokens inside this cue also lie inside the enclosing elements.
		for i := range p.stack {
			if p.stack[i].first < 0 {
				p.stack[i].first = o.first
			}
			p.stack[i].last = max(p.stack[i].last, o.last)
		}
	}
	if s.IsEmpty() {
		return nil
	}
	key := o.key
	if key == "" {
		key = "\x00" + strconv.Itoa(p.ncue)
	}
	p.ncue++
	p.frags = append(p.frags, fragment{s: s, key: key})
	return nil
}

func (p *parser) chars(c xml.CharData) {
	switch {
	case p.inDocID:
		p.docBuf.Write(c)
	case !p.in:
	case p.format != SFU || p.wStart >= 0:
		p.text.Write(c)
	}
}

// finish closes the current sentence: it sorts and deduplicates the cue
// fragments and numbers their cues.
func (p *parser) finish() {
	p.in = false
	s := Sentence{ID: p.id, Text: p.text.String(), Uncertain: p.uncertain}
	// Union the keys linked by SFU refs, keeping only links between cues.
	keys := make(map[string]string, len(p.frags))
	for _, f := range p.frags {
		keys[f.key] = f.key
	}
	root := func(k string) string {
		for keys[k] != k {
			keys[k] = keys[keys[k]]
			k = keys[k]
		}
		return k
	}
	for i := 0; i+1 < len(p.links); i += 2 {
		a, b := p.links[i], p.links[i+1]
		if _, ok := keys[a]; !ok {
			continue
		}
		if _, ok := keys[b]; !ok {
			continue
		}
		ra, rb := root(a), root(b)
		if ra != rb {
			keys[rb] = ra
		}
	}
	frags := slices.Clone(p.frags)
	slices.SortStableFunc(frags, func(a, b fragment) int { return span.Compare(a.s, b.s) })
	frags = slices.CompactFunc(frags, func(a, b fragment) bool { return a.s == b.s })
	group := map[string]int{}
	for _, f := range frags {
		r := root(f.key)
		g, ok := group[r]
		if !ok {
			g = len(group)
			group[r] = g
		}
		s.Cues = append(s.Cues, f.s)
		s.Group = append(s.Group, g)
	}
	p.sents = append(p.sents, s)
}

// Stats counts a corpus.
type Stats struct {
	Sentences int // sentences
	Uncertain int // sentences with at least one cue element
	Fragments int // cue fragments (spans)
	Cues      int // cues, counting a discontinuous cue once
}

// Count returns the counts of sents.
func Count(sents []Sentence) Stats {
	var st Stats
	for _, s := range sents {
		st.Sentences++
		if s.Uncertain {
			st.Uncertain++
		}
		st.Fragments += len(s.Cues)
		groups := map[int]bool{}
		for _, g := range s.Group {
			groups[g] = true
		}
		st.Cues += len(groups)
	}
	return st
}

// String formats the counts on one line.
func (st Stats) String() string {
	return fmt.Sprintf("%d sentences, %d uncertain, %d cues (%d fragments)", st.Sentences, st.Uncertain, st.Cues, st.Fragments)
}
