package attribution

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/internal/lexicon"
	"github.com/hearsay-go/hearsay/internal/text"
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
	as     bool // "view C as ..."
	tell   bool // may take an addressee
	strict bool // a cue only before "that", a colon or a quote, or after its content
	noun   bool // the base and -s forms are also nouns ("report", "remarks")
	words  int  // words in the phrase as written
}

// cueLexicon is a compiled reporting-cue lexicon. It is immutable and
// safe for concurrent use.
type cueLexicon struct {
	m     *lexicon.Matcher
	info  []cueInfo
	first firstFilter // the first words of the entries
}

// firstFilter is a bit set over a hash of folded words, set for every
// word that starts a lexicon phrase: a token whose bit is clear starts no
// phrase, and the matcher's map lookup is skipped for it.
type firstFilter [1 << 16 / 64]uint64

func firstHash(f string) uint32 {
	n := len(f)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9e3779b1 ^ uint32(f[0])<<8 ^ uint32(f[n-1])*0x85ebca6b ^ uint32(f[n/2])*0xc2b2ae35
	return (h ^ h>>16) & (1<<16 - 1)
}

func (ff *firstFilter) add(f string) {
	h := firstHash(f)
	ff[h>>6] |= 1 << (h & 63)
}

func (ff *firstFilter) has(f string) bool {
	h := firstHash(f)
	return ff[h>>6]&(1<<(h&63)) != 0
}

// firstWords returns the folded forms a phrase of the lexicon syntax may
// start with.
func firstWords(phrase string) []string {
	w, _, _ := strings.Cut(strings.TrimSpace(phrase), " ")
	if len(w) > 1 {
		switch stem := w[:len(w)-1]; w[len(w)-1] {
		case '+':
			return lexicon.VerbForms(stem)
		case '*':
			return lexicon.PluralForms(stem)
		}
	}
	var tk text.Tokens
	text.Tokenize(w, &tk)
	if len(tk.Toks) == 0 {
		return nil
	}
	return []string{tk.Toks[0].Fold}
}

// longest is the matcher's Longest behind the first-word filter.
func (l *cueLexicon) longest(toks []text.Token, i int) (n, entry int, ok bool) {
	if i < 0 || i >= len(toks) || !l.first.has(toks[i].Fold) {
		return 0, 0, false
	}
	return l.m.Longest(toks, i)
}

// appendMatches is the matcher's AppendMatches behind the first-word
// filter.
func (l *cueLexicon) appendMatches(dst []lexicon.Match, toks []text.Token) []lexicon.Match {
	for i := 0; i < len(toks); {
		if n, e, ok := l.longest(toks, i); ok {
			dst = append(dst, lexicon.Match{Start: i, End: i + n, Entry: e})
			i += n
			continue
		}
		i++
	}
	return dst
}

var builtinCues = map[string]string{
	"en": "lexicons/cues_en.txt",
	"es": "lexicons/cues_es.txt",
}

var cueLexicons sync.Map // base language string -> *cueLexicon

// loadCues returns the built-in cue lexicon of the language of tag.
func loadCues(tag language.Tag) (*cueLexicon, error) {
	base, _ := tag.Base()
	key := base.String()
	if l, ok := cueLexicons.Load(key); ok {
		return l.(*cueLexicon), nil
	}
	name, ok := builtinCues[key]
	if !ok {
		return nil, fmt.Errorf("%w: %v", ErrUnknownLanguage, tag)
	}
	b, err := lexiconFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	entries, err := lexicon.Parse(name, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	l, err := compileCues(entries)
	if err != nil {
		return nil, err
	}
	got, _ := cueLexicons.LoadOrStore(key, l)
	return got.(*cueLexicon), nil
}

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
		info[i] = in
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	m, err := lexicon.Compile(entries)
	if err != nil {
		return nil, err
	}
	l := &cueLexicon{m: m, info: info}
	for _, e := range entries {
		for _, f := range firstWords(e.Phrase) {
			l.first.add(f)
		}
	}
	return l, nil
}
