package claim

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/lexicon"
	"github.com/hearsay-go/hearsay/internal/pos"
)

//go:embed lexicons/*.txt
var lexiconFiles embed.FS

// ParseError is the error for one bad line of a lexicon file: the file
// name, the 1-based line number, and what is wrong.
type ParseError = lexicon.ParseError

// Errors of lexicon loading.
var (
	ErrUnknownLanguage = errors.New("hearsay/claim: no hedge lexicon for this language")
	ErrUnknownCategory = errors.New("unknown hedge category")
	ErrBadAttribute    = errors.New("bad attribute")
)

// A Lexicon is a compiled hedge lexicon: phrases with their category,
// certainty and context rule. It is immutable and safe for concurrent
// use; Add and Remove return new Lexicons.
//
// The file format is described in claim/lexicons/hedges_en.txt: one entry
// a line, "phrase TAB category [TAB key=value ...]", "#" comments, "+" on a
// verb for its inflections.
type Lexicon struct {
	lang    language.Tag
	entries []lexicon.Entry
	m       *lexicon.Matcher
	info    []entryInfo // per entry, parsed attributes
}

// entryInfo is what the detector needs of one entry, parsed once.
type entryInfo struct {
	cat       Category // 0 for "none": a blocking phrase
	certainty Certainty
	check     check
	span      int    // cue length in tokens; 0 means the whole phrase
	head      int    // 1-based position of the cue's one word; 0 means span
	rule      string // FILE:LINE of the entry
	negRule   string // rule when a negation turns a booster into a hedge
}

var builtin = &lexicon.Builtin[*Lexicon]{
	FS:      lexiconFiles,
	Files:   map[string]string{"en": "lexicons/hedges_en.txt", "es": "lexicons/hedges_es.txt"},
	Unknown: ErrUnknownLanguage,
	Build:   compile,
}

// DefaultLexicon returns the built-in hedge lexicon of the language of
// tag: English ("en") or Spanish ("es").
func DefaultLexicon(tag language.Tag) (*Lexicon, error) { return builtin.Load(tag) }

var english = sync.OnceValue(func() *Lexicon {
	l, err := DefaultLexicon(language.English)
	if err != nil {
		panic(err) // the embedded English lexicon is checked by the tests
	}
	return l
})

// ParseLexicon reads a hedge lexicon file for language tag. name is used in
// errors and in the Rule of each hedge found. A file with any bad line is
// rejected whole, with a [*ParseError] for each bad line.
func ParseLexicon(tag language.Tag, name string, r io.Reader) (*Lexicon, error) {
	entries, err := lexicon.Parse(name, r)
	if err != nil {
		return nil, err
	}
	return compile(tag, entries)
}

// Add returns a lexicon with the entries of the file added to l's; an
// added phrase replaces the same phrase of l. As everywhere in this
// package, a nil *Lexicon is the built-in English lexicon.
func (l *Lexicon) Add(name string, r io.Reader) (*Lexicon, error) {
	l = l.orEnglish()
	add, err := lexicon.Parse(name, r)
	if err != nil {
		return nil, err
	}
	return compile(l.lang, lexicon.Merge(l.entries, add, nil))
}

// Remove returns a lexicon without the given phrases (compared folded,
// with their inflection markers as written in the file: "suggest+").
func (l *Lexicon) Remove(phrases ...string) (*Lexicon, error) {
	l = l.orEnglish()
	return compile(l.lang, lexicon.Merge(l.entries, nil, phrases))
}

// Language returns the language of the lexicon.
func (l *Lexicon) Language() language.Tag { return l.orEnglish().lang }

// tagger returns the part-of-speech tagger of the lexicon's language.
func (l *Lexicon) tagger() *pos.Tagger { return pos.For(l.orEnglish().lang) }

// Len returns the number of entries, before inflection.
func (l *Lexicon) Len() int { return len(l.orEnglish().entries) }

// orEnglish returns l, or the built-in English lexicon for a nil l.
func (l *Lexicon) orEnglish() *Lexicon {
	if l == nil {
		return english()
	}
	return l
}

func compile(tag language.Tag, entries []lexicon.Entry) (*Lexicon, error) {
	info := make([]entryInfo, len(entries))
	var errs []error
	for i, e := range entries {
		in, err := parseInfo(e)
		if err != nil {
			errs = append(errs, &ParseError{File: e.File, Line: e.Line, Err: err})
			continue
		}
		info[i] = in
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	m, err := lexicon.Compile(entries)
	if err != nil {
		return nil, err
	}
	return &Lexicon{lang: tag, entries: entries, m: m, info: info}, nil
}

func parseInfo(e lexicon.Entry) (entryInfo, error) {
	in := entryInfo{rule: e.File + ":" + strconv.Itoa(e.Line)}
	in.negRule = in.rule + "+negated"
	if e.Category != "none" {
		v, err := categoryNames.Parse(e.Category)
		if err != nil {
			return in, fmt.Errorf("%w %q", ErrUnknownCategory, e.Category)
		}
		in.cat = Category(v)
	}
	for _, a := range e.Attrs {
		switch a.Key {
		case "certainty":
			v, err := certaintyNames.Parse(a.Value)
			if err != nil {
				return in, fmt.Errorf("%w: certainty=%s", ErrBadAttribute, a.Value)
			}
			in.certainty = Certainty(v)
		case "check":
			c, ok := checks[a.Value]
			if !ok {
				return in, fmt.Errorf("%w: unknown check %q", ErrBadAttribute, a.Value)
			}
			in.check = c
		case "head":
			n, err := strconv.Atoi(a.Value)
			if err != nil || n < 1 || n > 8 {
				return in, fmt.Errorf("%w: head=%s", ErrBadAttribute, a.Value)
			}
			in.head = n
		case "span":
			n, err := strconv.Atoi(a.Value)
			if err != nil || n < 1 || n > 8 {
				return in, fmt.Errorf("%w: span=%s", ErrBadAttribute, a.Value)
			}
			in.span = n
		default:
			return in, fmt.Errorf("%w: unknown key %q", ErrBadAttribute, a.Key)
		}
	}
	return in, nil
}
