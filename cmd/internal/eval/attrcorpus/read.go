// Package attrcorpus reads the PolNeAR attribution corpus (brat standoff
// annotations of source, cue and content spans over news articles, with
// offsets in code points) into articles with byte-offset spans, and scores
// predicted attributions against it by exact and overlapping span match
// per role. It serves the evaluation command and is not API.
//
// It stands on the command's side, above what it scores: it imports
// package attribution ([Predict]), and the library never imports it.
package attrcorpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hearsay-go/hearsay/span"
)

// Article is one article of the corpus with its attributions.
type Article struct {
	ID           string // the file name of the text without ".txt"
	Text         string // the article text as stored
	Attributions []Attribution
}

// Attribution is one attribution relation: the spans of its source, cue
// and content. Each span is one fragment of a possibly discontinuous
// annotation, as byte offsets into the article's Text, sorted and without
// duplicates within a role. A role may have no span (no source for
// passives, and a few relations lack a cue or a content).
type Attribution struct {
	ID      string // the brat event ID ("E3"); empty for predictions that lack one
	Source  []span.Span
	Cue     []span.Span
	Content []span.Span
}

// Role is the part a span plays in an attribution.
type Role int

// The roles, in the order of Result's arrays.
const (
	Source Role = iota
	Cue
	Content
)

// NumRoles is the number of roles.
const NumRoles = 3

// Roles lists the roles in order.
var Roles = [NumRoles]Role{Source, Cue, Content}

var roleNames = [NumRoles]string{"source", "cue", "content"}

// String returns the lowercase name of the role.
func (r Role) String() string {
	if r >= 0 && int(r) < NumRoles {
		return roleNames[r]
	}
	return "role(" + strconv.Itoa(int(r)) + ")"
}

// Spans returns the spans of a's role r.
func (a Attribution) Spans(r Role) []span.Span {
	switch r {
	case Source:
		return a.Source
	case Cue:
		return a.Cue
	case Content:
		return a.Content
	}
	return nil
}

func (a *Attribution) spans(r Role) *[]span.Span {
	switch r {
	case Source:
		return &a.Source
	case Cue:
		return &a.Cue
	default:
		return &a.Content
	}
}

// ParseError is an error in a corpus file, located by line.
type ParseError struct {
	File string // the file name as given
	Line int    // 1-based line, 0 when the error concerns the whole file
	Err  error
}

// Error formats the error as "file:line: message".
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ReadDir reads a PolNeAR split folder: every DIR/text/ARTICLE.txt with
// its annotation DIR/attributions/ARTICLE_ANNOTATOR.ann, in lexical order
// of the article IDs. When an article has several annotations the
// canonical one is that of the first annotator that metadata.tsv (in DIR
// or its parent) lists for the article and that has a file; without a
// metadata entry, it is the file of the lexically first annotator. An
// article without any annotation file is an error.
func ReadDir(dir string) ([]Article, error) {
	var arts []Article
	err := readDir(dir, func(id, text string, annotators []string, read func(who string) ([]Attribution, error)) error {
		attrs, err := read(annotators[0])
		if err != nil {
			return err
		}
		arts = append(arts, Article{ID: id, Text: text, Attributions: attrs})
		return nil
	})
	return arts, err
}

// ReadPairs reads the articles of the split folder dir that two
// annotators annotated: first holds each as ReadDir gives it (the
// canonical annotator's), second the same articles as the next annotator
// in metadata.tsv's order (or lexical order) with a file annotated them.
// Scoring second against first measures how far two annotators agree.
func ReadPairs(dir string) (first, second []Article, err error) {
	err = readDir(dir, func(id, text string, annotators []string, read func(who string) ([]Attribution, error)) error {
		if len(annotators) < 2 {
			return nil
		}
		a, err := read(annotators[0])
		if err != nil {
			return err
		}
		b, err := read(annotators[1])
		if err != nil {
			return err
		}
		first = append(first, Article{ID: id, Text: text, Attributions: a})
		second = append(second, Article{ID: id, Text: text, Attributions: b})
		return nil
	})
	return first, second, err
}

// readDir calls f for each article of the split folder dir, in the order
// of the text files, with its text, the annotators with a file (the
// canonical one first, see ReadDir) and a function that reads one
// annotator's file.
func readDir(dir string, f func(id, text string, annotators []string, read func(who string) ([]Attribution, error)) error) error {
	texts, err := listExt(filepath.Join(dir, "text"), ".txt")
	if err != nil {
		return err
	}
	if len(texts) == 0 {
		return fmt.Errorf("polnear: no .txt files in %s", filepath.Join(dir, "text"))
	}
	anns, err := listExt(filepath.Join(dir, "attributions"), ".ann")
	if err != nil {
		return err
	}
	// annotators[article] lists the annotators with a file, sorted.
	annotators := map[string][]string{}
	for _, base := range anns {
		i := strings.LastIndexByte(base, '_')
		if i < 0 {
			continue
		}
		annotators[base[:i]] = append(annotators[base[:i]], base[i+1:])
	}
	meta, err := readMetadata(dir)
	if err != nil {
		return err
	}
	for _, id := range texts {
		have := annotators[id]
		if len(have) == 0 {
			return fmt.Errorf("polnear: no annotation file for %s in %s", id, filepath.Join(dir, "attributions"))
		}
		b, err := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
		if err != nil {
			return err
		}
		text := string(b)
		read := func(who string) ([]Attribution, error) {
			ap := filepath.Join(dir, "attributions", id+"_"+who+".ann")
			af, err := os.Open(ap)
			if err != nil {
				return nil, err
			}
			defer af.Close()
			return ReadAnn(ap, af, text)
		}
		if err := f(id, text, annotatorOrder(have, meta[id]), read); err != nil {
			return err
		}
	}
	return nil
}

// annotatorOrder returns the annotators of have (file names) in the order
// of listed (metadata.tsv's), then the rest in lexical order.
func annotatorOrder(have, listed []string) []string {
	slices.Sort(have)
	out := make([]string, 0, len(have))
	for _, a := range listed {
		if slices.Contains(have, a) && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	for _, a := range have {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// listExt returns the names, without the extension, of the regular files
// in dir whose names end in ext, sorted.
func listExt(dir, ext string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			names = append(names, strings.TrimSuffix(e.Name(), ext))
		}
	}
	return names, nil
}

// readMetadata reads the annotators of each article from metadata.tsv in
// dir or its parent; it returns nil when there is no such file.
func readMetadata(dir string) (map[string][]string, error) {
	var f *os.File
	var name string
	for _, d := range []string{dir, filepath.Dir(filepath.Clean(dir))} {
		name = filepath.Join(d, "metadata.tsv")
		var err error
		f, err = os.Open(name)
		if err == nil {
			break
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	if f == nil {
		return nil, nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	fileCol, annCol := -1, -1
	meta := map[string][]string{}
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(strings.TrimSuffix(sc.Text(), "\r"), "\t")
		if line == 1 {
			for i, c := range cols {
				switch c {
				case "filename":
					fileCol = i
				case "annotators":
					annCol = i
				}
			}
			if fileCol < 0 || annCol < 0 {
				return nil, &ParseError{File: name, Line: 1, Err: errors.New(`header lacks "filename" or "annotators"`)}
			}
			continue
		}
		if len(cols) == 1 && cols[0] == "" {
			continue
		}
		if len(cols) <= max(fileCol, annCol) {
			return nil, &ParseError{File: name, Line: line, Err: fmt.Errorf("%d columns, want at least %d", len(cols), max(fileCol, annCol)+1)}
		}
		meta[cols[fileCol]] = strings.Split(cols[annCol], "|")
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	return meta, nil
}

// textBound is a text-bound annotation (a T line).
type textBound struct {
	frags []span.Span // byte spans
	line  int
}

// event is a relation (an E line) before its references are resolved.
type event struct {
	id   string
	args [][2]string // role, T id
	line int
}

// ReadAnn reads the brat standoff annotation of one article whose text is
// text; name names the file in errors. It returns one Attribution per
// event ("E") line, in file order, with the spans of its Source, Cue and
// Content arguments (numbered arguments such as Content2 count as their
// role; other arguments, the trigger included, are ignored). Offsets are
// code points; they are converted to bytes. The surface text of each
// text-bound ("T") line must equal the fragments of text it covers joined
// by single spaces; a surface spanning lines of the text continues on the
// following lines of the file, as brat writes it. Note ("#"), attribute
// ("A", "M"), relation ("R"), normalization ("N") and equivalence ("*")
// lines, and blank lines, are skipped.
func ReadAnn(name string, r io.Reader, text string) ([]Attribution, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	runes := span.NewRunes(text)
	fail := func(line int, format string, args ...any) error {
		return &ParseError{File: name, Line: line, Err: fmt.Errorf(format, args...)}
	}
	tbs := map[string]textBound{}
	var events []event
	for i := 0; i < len(lines); i++ {
		l, line := lines[i], i+1
		if strings.TrimSpace(l) == "" {
			continue
		}
		switch l[0] {
		case 'T':
			id, rest, ok := strings.Cut(l, "\t")
			if !ok {
				return nil, fail(line, "text-bound annotation without a tab")
			}
			head, surface, ok := strings.Cut(rest, "\t")
			if !ok {
				return nil, fail(line, "%s: no surface text", id)
			}
			typ, offs, ok := strings.Cut(head, " ")
			if !ok || typ == "" {
				return nil, fail(line, "%s: want \"Type start end\", got %q", id, head)
			}
			frags, err := parseOffsets(offs, runes)
			if err != nil {
				return nil, fail(line, "%s: %v", id, err)
			}
			parts := make([]string, len(frags))
			for k, f := range frags {
				parts[k] = text[f.Start:f.End]
			}
			want := strings.Join(parts, " ")
			// brat writes the surface as is: a newline inside a span
			// continues it on the next lines of the file.
			for surface != want && strings.HasPrefix(want, surface+"\n") && i+1 < len(lines) {
				i++
				surface += "\n" + lines[i]
			}
			if surface != want {
				return nil, fail(line, "%s: surface %q does not match the text at %s: %q", id, clip(surface), offs, clip(want))
			}
			if _, dup := tbs[id]; dup {
				return nil, fail(line, "%s defined twice", id)
			}
			tbs[id] = textBound{frags: frags, line: line}
		case 'E':
			id, rest, ok := strings.Cut(l, "\t")
			if !ok {
				return nil, fail(line, "event without a tab")
			}
			rest, _, _ = strings.Cut(rest, "\t") // a comment may follow
			ev := event{id: id, line: line}
			for k, arg := range strings.Fields(rest) {
				role, ref, ok := strings.Cut(arg, ":")
				if !ok || ref == "" {
					return nil, fail(line, "%s: argument %q is not Role:ID", id, arg)
				}
				if k == 0 {
					continue // the trigger
				}
				ev.args = append(ev.args, [2]string{strings.TrimRight(role, "0123456789"), ref})
			}
			events = append(events, ev)
		case '#', 'A', 'M', 'R', 'N', '*':
		default:
			return nil, fail(line, "unexpected line %q", clip(l))
		}
	}
	attrs := make([]Attribution, 0, len(events))
	for _, ev := range events {
		a := Attribution{ID: ev.id}
		for _, arg := range ev.args {
			var role Role
			switch arg[0] {
			case "Source":
				role = Source
			case "Cue":
				role = Cue
			case "Content":
				role = Content
			default:
				continue
			}
			tb, ok := tbs[arg[1]]
			if !ok {
				return nil, fail(ev.line, "%s: %s refers to undefined %s", ev.id, arg[0], arg[1])
			}
			p := a.spans(role)
			*p = append(*p, tb.frags...)
		}
		for _, r := range Roles {
			p := a.spans(r)
			slices.SortFunc(*p, span.Compare)
			*p = slices.Compact(*p)
		}
		attrs = append(attrs, a)
	}
	return attrs, nil
}

// parseOffsets parses "start end[;start end...]" in code points and returns
// byte spans.
func parseOffsets(s string, runes *span.Runes) ([]span.Span, error) {
	var out []span.Span
	for _, frag := range strings.Split(s, ";") {
		f := strings.Fields(frag)
		if len(f) != 2 {
			return nil, fmt.Errorf("bad offsets %q", s)
		}
		a, err1 := strconv.Atoi(f[0])
		b, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad offsets %q", s)
		}
		if a < 0 || b < a || b > runes.Len() {
			return nil, fmt.Errorf("offsets %d %d outside the text of %d code points", a, b, runes.Len())
		}
		out = append(out, runes.ToBytes(span.Span{Start: a, End: b}))
	}
	return out, nil
}

// clip shortens s for error messages.
func clip(s string) string {
	const n = 80
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !isRuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Stats counts a set of articles.
type Stats struct {
	Articles     int
	Attributions int
	// Spans counts the distinct fragments of each role in each article,
	// the unit Score counts, indexed by Role.
	Spans [NumRoles]int
}

// Count returns the counts of arts.
func Count(arts []Article) Stats {
	var st Stats
	for _, a := range arts {
		st.Articles++
		st.Attributions += len(a.Attributions)
		sets := roleSets(a)
		for r := range NumRoles {
			st.Spans[r] += len(sets[r])
		}
	}
	return st
}

// String formats the counts on one line.
func (st Stats) String() string {
	return fmt.Sprintf("%d articles, %d attributions, spans: %d source, %d cue, %d content",
		st.Articles, st.Attributions, st.Spans[Source], st.Spans[Cue], st.Spans[Content])
}
