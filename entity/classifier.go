package entity

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/lexicon"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
)

// ErrUnknownLanguage is returned by [NewClassifier] for a language without
// a source lexicon.
var ErrUnknownLanguage = errors.New("hearsay/entity: no source lexicon for this language")

// Classifier classifies the source phrases of one language, as [Classify]
// does for English: "fuentes oficiales" is a vague group, "un alto
// funcionario de la Casa Blanca" a described government source affiliated
// with the Casa Blanca, "el presidente Nicolás Maduro" a named person. It
// is immutable and safe for concurrent use.
type Classifier struct {
	lex     *sourceLexicon
	spanish bool
}

// NewClassifier returns the Classifier of the language of tag: English
// ("en") or Spanish ("es"). Other languages are an error wrapping
// [ErrUnknownLanguage].
func NewClassifier(tag language.Tag) (*Classifier, error) {
	l, err := builtinSources.Load(tag)
	if err != nil {
		return nil, err
	}
	base, _ := tag.Base()
	return &Classifier{lex: l, spanish: base.String() == "es"}, nil
}

// Classify classifies a source phrase of the Classifier's language. The
// zero Classifier classifies English.
func (c *Classifier) Classify(phrase string) Classification {
	tk := text.GetTokens()
	text.Tokenize(phrase, tk)
	cl := c.classifyTokens(phrase, tk.Toks)
	text.PutTokens(tk)
	return cl
}

// classifyTokens classifies a phrase already tokenized: toks are its
// tokens, with spans relative to the phrase. Analyze passes the tokens it
// made of the whole text (package stage).
func (c *Classifier) classifyTokens(phrase string, toks []text.Token) Classification {
	var cl Classification
	if c != nil && c.spanish {
		cl = classifySpanish(c.lex, phrase, toks)
	} else {
		cl = classify(phrase, toks)
	}
	return c.namedAppositive(phrase, toks, cl)
}

func init() {
	stage.Classify = func(c any, phrase string, toks []text.Token) any {
		cl, _ := c.(*Classifier)
		return cl.classifyTokens(phrase, toks)
	}
}

var builtinSources = &lexicon.Builtin[*sourceLexicon]{
	FS:      lexiconFiles,
	Files:   map[string]string{"en": "lexicons/sources_en.txt", "es": "lexicons/sources_es.txt"},
	Unknown: ErrUnknownLanguage,
	Build:   func(_ language.Tag, entries []lexicon.Entry) (*sourceLexicon, error) { return compileSources(entries) },
}

// compileSources compiles the entries of a source lexicon file.
func compileSources(entries []lexicon.Entry) (*sourceLexicon, error) {
	l := &sourceLexicon{entries: make([]sourceEntry, len(entries)), orgSuffix: map[string]bool{}}
	for i, e := range entries {
		c, ok := catNames[e.Category]
		if !ok {
			return nil, fmt.Errorf("%s:%d: unknown category %q", e.File, e.Line, e.Category)
		}
		se := sourceEntry{cat: c}
		if k, ok := e.Attr("kind"); ok {
			if err := se.kind.UnmarshalText([]byte(k)); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", e.File, e.Line, err)
			}
		}
		l.entries[i] = se
		if c == catOrgSuffix {
			l.orgSuffix[strings.TrimSuffix(text.Fold(e.Phrase), ".")] = true
		}
	}
	var err error
	if l.m, err = lexicon.Compile(entries); err != nil {
		return nil, err
	}
	return l, nil
}
