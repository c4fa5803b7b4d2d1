package hearsay

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
)

// ErrUnsupportedLanguage is returned by [New] for a language hearsay has
// no lexicons for.
var ErrUnsupportedLanguage = errors.New("hearsay: unsupported language")

// Option configures an [Analyzer].
type Option func(*config)

type config struct {
	lang     language.Tag
	hedges   *claim.Lexicon
	registry *entity.Registry
}

// WithLanguage sets the language of the texts to analyze: English (the
// default) or Spanish.
func WithLanguage(tag language.Tag) Option {
	return func(c *config) { c.lang = tag }
}

// WithHedges sets the hedge lexicon, in place of the built-in one of the
// language: for instance [claim.DefaultLexicon] with entries added from a
// file of the user's ([claim.Lexicon.Add]).
func WithHedges(l *claim.Lexicon) Option {
	return func(c *config) { c.hedges = l }
}

// WithRegistry sets the known entities: every mention of one of them by
// name, alias or unique surname resolves to it, with its ID, kind and
// affiliation (see [entity.Registry.Lookup]).
func WithRegistry(r *entity.Registry) Option {
	return func(c *config) { c.registry = r }
}

// supported lists the languages with lexicons; matching a tag against it
// maps "en-GB" to English.
var supported = language.NewMatcher([]language.Tag{language.English, language.Spanish})

// Analyzer turns text into a [Document]. It is immutable and safe for
// concurrent use; build one with [New] and reuse it.
type Analyzer struct {
	lang      language.Tag
	hedges    *claim.Detector
	extractor *attribution.Extractor
	resolver  entity.Resolver
	sources   *entity.Classifier // classifies addressees and affiliations
	names     *nameFinder        // mentions of registry entities; nil without a registry
	tagger    *pos.Tagger        // the part-of-speech tagger of lang
	chunk     int                // the least length of a long text's chunks; 0: defaultChunkSize
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
	lang := language.Make(base.String())
	lex := c.hedges
	if lex == nil {
		var err error
		if lex, err = claim.DefaultLexicon(lang); err != nil {
			return nil, err
		}
	}
	x, err := attribution.NewExtractor(lang)
	if err != nil {
		return nil, err
	}
	sources, err := entity.NewClassifier(lang)
	if err != nil {
		return nil, err
	}
	a := &Analyzer{
		lang:      lang,
		hedges:    claim.NewDetector(lex),
		extractor: x,
		resolver:  entity.Resolver{Registry: c.registry},
		sources:   sources,
		tagger:    pos.For(lang),
	}
	if c.registry.Len() > 0 {
		if a.names, err = newNameFinder(c.registry); err != nil {
			return nil, err
		}
	}
	return a, nil
}

var defaultAnalyzer = sync.OnceValue(func() *Analyzer {
	a, err := New()
	if err != nil {
		panic(err) // the default configuration is always valid
	}
	return a
})

// Analyze returns the model of text in English, with the default
// lexicons; see [Analyzer.Analyze].
func Analyze(text string) *Document { return defaultAnalyzer().Analyze(text) }

// Analyze returns the model of text. Any string is accepted, even one
// that is not valid UTF-8: the result always satisfies
// [Document.Validate].
//
// The attributions are those the frames of [attribution.Extractor] find;
// their sources become entities, resolved by name, surname, pronoun and
// the registry ([entity.Resolver]); the content of each attribution is a
// claim, and every sentence that holds no attributed content is a claim of
// the author. Hedges are found in the whole text ([claim.Detector]); each
// belongs to the innermost claim around it, and a claim's certainty is
// the weakest its hedges convey, not counting the cues of attributions
// nested in it ("the leader fears ...": the fear is the leader's, not an
// uncertainty of the officials who report it).
func (a *Analyzer) Analyze(s string) *Document {
	doc := &Document{Lang: a.lang, Text: s, Sentences: text.Sentences(s)}
	var b builder
	if starts := a.chunkStarts(s, doc.Sentences); len(starts) > 0 {
		b = a.readChunks(doc, starts) // chunks.go
	} else {
		at := annot.New(s, doc.Sentences, a.tagger)
		hs, negations := stage.Hedges(a.hedges, at, true)
		hedges := hs.([]claim.Hedge)
		frames := stage.Frames(a.extractor, at).([]attribution.Frame)
		b = builder{doc: doc, text: at, frames: frames, hedges: hedges, negations: negations}
		b.entities(a.resolver, a.names, a.sources)
		// The rest reads spans only: the tokens go now.
		b.text = nil
		at.Release()
	}
	b.claims()
	b.attributions()
	b.assignHedges()
	doc.Hedges = b.hedges
	return doc
}

// kindOf tells a question from a statement by its final punctuation,
// looking past closing quotes.
func kindOf(s string) claim.Kind {
	// strings.TrimRight(s, " \t\"'”’»)") and a look at the last byte,
	// without decoding every rune of the cutset.
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', '\t', '"', '\'', ')':
			s = s[:len(s)-1]
			continue
		case '?':
			return claim.Question
		case 0x9D, 0x99: // the last bytes of ” and ’
			if strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’") {
				s = s[:len(s)-len("”")]
				continue
			}
		case 0xBB: // the last byte of »
			if strings.HasSuffix(s, "»") {
				s = s[:len(s)-len("»")]
				continue
			}
		}
		break
	}
	return claim.Statement
}
