package main

import (
	"fmt"
	"os"
	"sync"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/langid"
)

// analyzers holds one Analyzer a language, each built once, on first use,
// and shared by the workers (an Analyzer is safe for concurrent use).
type analyzers struct {
	lang string // -lang: "en", "es" or "auto"
	get  map[string]func() (*hearsay.Analyzer, error)
}

// newAnalyzers prepares the analyzers of -lang (en, es or auto) with the
// hedge lexicon file and the registry file, if any. It builds the one of
// -lang (English for auto) at once, so that a bad file is reported before
// any input is read; the other is built when a document needs it.
func newAnalyzers(lang, hedgeFile, registryFile string) (*analyzers, error) {
	var reg *entity.Registry
	if registryFile != "" {
		var err error
		if reg, err = loadRegistry(registryFile); err != nil {
			return nil, err
		}
	}
	a := &analyzers{lang: lang, get: map[string]func() (*hearsay.Analyzer, error){}}
	for _, l := range []string{"en", "es"} {
		tag := language.Make(l)
		a.get[l] = sync.OnceValues(func() (*hearsay.Analyzer, error) {
			opts := []hearsay.Option{hearsay.WithLanguage(tag)}
			if hedgeFile != "" {
				lex, err := loadHedges(tag, hedgeFile)
				if err != nil {
					return nil, err
				}
				opts = append(opts, hearsay.WithHedges(lex))
			}
			if reg != nil {
				opts = append(opts, hearsay.WithRegistry(reg))
			}
			return hearsay.New(opts...)
		})
	}
	first := lang
	if first == "auto" {
		first = "en"
	}
	if _, err := a.get[first](); err != nil {
		return nil, err
	}
	return a, nil
}

// language returns the language to analyze the item in, and a warning
// when its text looks like another language than the one it is given.
func (a *analyzers) language(it item) (lang, warning string, err error) {
	lang, given := a.lang, "-lang"
	if it.lang != "" {
		l, ok := parseLang(it.lang)
		if !ok {
			return "", "", fmt.Errorf("%s: lang %q: want en or es", it.id, it.lang)
		}
		lang, given = l, "its lang"
	}
	counts := langid.Count(it.text)
	guess := counts.Lang()
	if lang == "auto" {
		if guess == langid.Spanish {
			return "es", "", nil
		}
		return "en", "", nil
	}
	if guess != langid.Unknown && guess.String() != lang {
		name := map[langid.Lang]string{langid.English: "English", langid.Spanish: "Spanish"}
		warning = fmt.Sprintf("%s looks like %s (%d Spanish and %d English function words), not %s as %s says; try -lang %s or -lang auto",
			label(it.id), name[guess], counts.Spanish, counts.English, lang, given, guess)
	}
	return lang, warning, nil
}

// work analyzes one item and encodes it in format f; it runs in a worker.
func (a *analyzers) work(f format, it item) result {
	r := result{seq: it.seq, id: it.id}
	lang, warning, err := a.language(it)
	if err != nil {
		r.err = err
		return r
	}
	if warning != "" {
		r.warnings = append(r.warnings, warning)
	}
	an, err := a.get[lang]()
	if err != nil {
		r.err = fmt.Errorf("%s: %s", label(it.id), message(err))
		return r
	}
	gc.tighten(len(it.text))
	doc := an.Analyze(it.text)
	doc.ID = it.id
	if r.piece, err = f.encode(it.id, it.seq, doc); err != nil {
		r.err = fmt.Errorf("%s: %s", label(it.id), message(err))
	}
	return r
}

// loadHedges returns the built-in hedge lexicon of tag with the entries of
// the file added.
func loadHedges(tag language.Tag, name string) (*claim.Lexicon, error) {
	base, err := claim.DefaultLexicon(tag)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return base.Add(name, f)
}

// loadRegistry reads a registry of known entities.
func loadRegistry(name string) (*entity.Registry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return entity.LoadRegistry(name, f)
}
