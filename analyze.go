package hearsay

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/internal/text"
)

// ErrUnsupportedLanguage is returned by [New] for a language hearsay has
// no lexicons for.
var ErrUnsupportedLanguage = errors.New("hearsay: unsupported language")

// Option configures an [Analyzer].
type Option func(*config)

type config struct {
	lang   language.Tag
	hedges *claim.Lexicon
}

// WithLanguage sets the language of the texts to analyze. English is the
// default.
func WithLanguage(tag language.Tag) Option {
	return func(c *config) { c.lang = tag }
}

// WithHedges sets the hedge lexicon, in place of the built-in one of the
// language: for instance [claim.DefaultLexicon] with entries added from a
// file of the user's ([claim.Lexicon.Add]).
func WithHedges(l *claim.Lexicon) Option {
	return func(c *config) { c.hedges = l }
}

// supported lists the languages with lexicons; matching a tag against it
// maps "en-GB" to English.
var supported = language.NewMatcher([]language.Tag{language.English, language.Spanish})

// Analyzer turns text into a [Document]. It is immutable and safe for
// concurrent use; build one with [New] and reuse it.
type Analyzer struct {
	lang   language.Tag
	hedges *claim.Detector
}

// New returns an Analyzer configured by the options. It fails with
// [ErrUnsupportedLanguage] for a language without lexicons.
func New(opts ...Option) (*Analyzer, error) {
	c := config{lang: language.English}
	for _, o := range opts {
		o(&c)
	}
	var err error
	tag, _, conf := supported.Match(c.lang)
	if conf < language.High {
		return nil, fmt.Errorf("%w: %v", ErrUnsupportedLanguage, c.lang)
	}
	base, _ := tag.Base()
	lang := language.Make(base.String())
	lex := c.hedges
	if lex == nil {
		if lex, err = claim.DefaultLexicon(lang); err != nil {
			return nil, err
		}
	}
	return &Analyzer{lang: lang, hedges: claim.NewDetector(lex)}, nil
}

var defaultAnalyzer = sync.OnceValue(func() *Analyzer {
	a, err := New()
	if err != nil {
		panic(err) // the default configuration is always valid
	}
	return a
})

// Analyze returns the model of text in English, with the default
// lexicons; see [Analyzer.Analyze]. It never fails: any string, even one that is not valid UTF-8,
// gives a Document whose spans are in bounds and on rune boundaries.
func Analyze(text string) *Document { return defaultAnalyzer().Analyze(text) }

// Analyze returns the model of text: its sentences, every hedge cue in
// order, and a claim for each sentence with the certainty its hedges
// convey and its polarity.
func (a *Analyzer) Analyze(s string) *Document {
	doc := &Document{Lang: a.lang, Text: s, Sentences: text.Sentences(s)}
	hedges, negations := a.hedges.Scan(s)
	doc.Hedges = hedges
	doc.Claims = make([]claim.Claim, 0, len(doc.Sentences))
	h, n := 0, 0 // next hedge and negation, both sorted like the sentences
	for i, sent := range doc.Sentences {
		c := claim.New("c"+strconv.Itoa(i+1), s, sent)
		c.Kind = kindOf(c.Text)
		for h < len(hedges) && hedges[h].Span.Start < sent.Start {
			h++
		}
		first := h
		for h < len(hedges) && sent.Contains(hedges[h].Span) {
			hedges[h].Claim = c.ID
			h++
		}
		c.Certainty = claim.Assess(hedges[first:h])
		if c.Kind == claim.Question {
			c.Certainty = claim.Underspecified
		}
		for n < len(negations) && negations[n].Start < sent.Start {
			n++
		}
		if n < len(negations) && sent.Contains(negations[n]) {
			c.Polarity = claim.Negative
		}
		doc.Claims = append(doc.Claims, c)
	}
	return doc
}

// kindOf tells a question from a statement by its final punctuation,
// looking past closing quotes.
func kindOf(s string) claim.Kind {
	s = strings.TrimRight(s, " \t\"'”’»)")
	if strings.HasSuffix(s, "?") {
		return claim.Question
	}
	return claim.Statement
}
