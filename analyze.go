package hearsay

import (
	"errors"
	"fmt"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/text"
)

// ErrUnsupportedLanguage is returned by [New] for a language hearsay has
// no lexicons for.
var ErrUnsupportedLanguage = errors.New("hearsay: unsupported language")

// Option configures an [Analyzer].
type Option func(*config)

type config struct {
	lang language.Tag
}

// WithLanguage sets the language of the texts to analyze. English is the
// default.
func WithLanguage(tag language.Tag) Option {
	return func(c *config) { c.lang = tag }
}

// supported lists the languages with lexicons; matching a tag against it
// maps "en-GB" to English.
var supported = language.NewMatcher([]language.Tag{language.English})

// Analyzer turns text into a [Document]. It is immutable and safe for
// concurrent use; build one with [New] and reuse it.
type Analyzer struct {
	lang language.Tag
}

// New returns an Analyzer configured by the options. It fails with
// [ErrUnsupportedLanguage] for a language without lexicons.
func New(opts ...Option) (*Analyzer, error) {
	c := config{lang: language.English}
	for _, o := range opts {
		o(&c)
	}
	tag, _, conf := supported.Match(c.lang)
	if conf < language.High {
		return nil, fmt.Errorf("%w: %v", ErrUnsupportedLanguage, c.lang)
	}
	base, _ := tag.Base()
	return &Analyzer{lang: language.Make(base.String())}, nil
}

var defaultAnalyzer = sync.OnceValue(func() *Analyzer {
	a, err := New()
	if err != nil {
		panic(err) // the default configuration is always valid
	}
	return a
})

// Analyze returns the model of text in English, with the default
// lexicons. It never fails: any string, even one that is not valid UTF-8,
// gives a Document whose spans are in bounds and on rune boundaries.
func Analyze(text string) *Document { return defaultAnalyzer().Analyze(text) }

// Analyze returns the model of text.
func (a *Analyzer) Analyze(s string) *Document {
	return &Document{
		Lang:      a.lang,
		Text:      s,
		Sentences: text.Sentences(s),
	}
}
