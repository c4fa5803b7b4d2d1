package attribution

import (
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/lexicon"
)

//go:embed lexicons/*.txt
var lexiconFiles embed.FS

// ErrUnknownLanguage is returned by [NewExtractor] for a language without
// a built-in cue lexicon.
var ErrUnknownLanguage = errors.New("hearsay/attribution: no cue lexicon for this language")

// cue categories of the lexicon files.
const (
	cueNone uint8 = iota
	cueVerb
	cuePrep
	cueNoun
)

// cueInfo is what the extractor needs of one lexicon entry, parsed once.
type cueInfo struct {
	cat    uint8
	stance Stance
	lemma  string
	lemmaV hv   // lemma as a feature value of the span model
	as     bool // "view C as ..."
	tell   bool // may take an addressee
	strict bool // a cue only before "that", a colon or a quote, or after its content
	noun   bool // the base and -s forms are also nouns ("report", "remarks")
	words  int  // words in the phrase as written
}

// cueLexicon is a compiled reporting-cue lexicon. It is immutable and
// safe for concurrent use.
type cueLexicon struct {
	m    *lexicon.Matcher
	info []cueInfo
}

var builtinCues = &lexicon.Builtin[*cueLexicon]{
	FS:      lexiconFiles,
	Files:   map[string]string{"en": "lexicons/cues_en.txt", "es": "lexicons/cues_es.txt"},
	Unknown: ErrUnknownLanguage,
	Build:   func(_ language.Tag, entries []lexicon.Entry) (*cueLexicon, error) { return compileCues(entries) },
}

// loadCues returns the built-in cue lexicon of the language of tag.
func loadCues(tag language.Tag) (*cueLexicon, error) { return builtinCues.Load(tag) }

var englishCues = sync.OnceValue(func() *cueLexicon {
	l, err := loadCues(language.English)
	if err != nil {
		panic(err) // the embedded lexicon is checked by the tests
	}
	return l
})

func compileCues(entries []lexicon.Entry) (*cueLexicon, error) {
	info := make([]cueInfo, len(entries))
	var errs []error
	for i, e := range entries {
		var in cueInfo
		switch e.Category {
		case "verb":
			in.cat = cueVerb
		case "prep":
			in.cat = cuePrep
		case "noun":
			in.cat = cueNoun
		case "none":
		default:
			errs = append(errs, &lexicon.ParseError{File: e.File, Line: e.Line,
				Err: fmt.Errorf("hearsay/attribution: unknown cue category %q", e.Category)})
			continue
		}
		in.words = len(strings.Fields(e.Phrase))
		in.lemma = strings.NewReplacer("+", "", "*", "").Replace(e.Phrase)
		for _, a := range e.Attrs {
			switch a.Key {
			case "stance":
				if err := in.stance.UnmarshalText([]byte(a.Value)); err != nil {
					errs = append(errs, &lexicon.ParseError{File: e.File, Line: e.Line, Err: err})
				}
			case "lemma":
				in.lemma = a.Value
			case "as":
				in.as = a.Value == "1"
			case "tell":
				in.tell = a.Value == "1"
			case "strict":
				in.strict = a.Value == "1"
			case "noun":
				in.noun = a.Value == "1"
			default:
				errs = append(errs, &lexicon.ParseError{File: e.File, Line: e.Line,
					Err: fmt.Errorf("hearsay/attribution: unknown attribute %q", a.Key)})
			}
		}
		if in.cat != cueNone && in.stance == 0 {
			in.stance = Neutral
		}
		in.lemmaV = dynamicHV(in.lemma, kindLemma, i)
		info[i] = in
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	m, err := lexicon.Compile(entries)
	if err != nil {
		return nil, err
	}
	return &cueLexicon{m: m, info: info}, nil
}
