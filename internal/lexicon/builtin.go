package lexicon

import (
	"fmt"
	"io/fs"
	"sync"

	"golang.org/x/text/language"
)

// Builtin is a set of embedded lexicon files, one per language, each
// parsed and compiled the first time it is asked for and kept: the
// default lexicons of a package. It is safe for concurrent use.
type Builtin[T any] struct {
	FS    fs.FS             // the embedded files
	Files map[string]string // base language ("en") -> file name in FS
	// Unknown is the error, wrapped, for a language without a file.
	Unknown error
	// Build compiles the parsed entries of the file of lang.
	Build func(lang language.Tag, entries []Entry) (T, error)

	cache sync.Map // base language -> T
}

// Load returns the lexicon of the base language of tag.
func (b *Builtin[T]) Load(tag language.Tag) (T, error) {
	base, _ := tag.Base()
	key := base.String()
	if l, ok := b.cache.Load(key); ok {
		return l.(T), nil
	}
	var zero T
	name, ok := b.Files[key]
	if !ok {
		return zero, fmt.Errorf("%w: %v", b.Unknown, tag)
	}
	f, err := b.FS.Open(name)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	entries, err := Parse(name, f)
	if err != nil {
		return zero, err
	}
	l, err := b.Build(language.Make(key), entries)
	if err != nil {
		return zero, err
	}
	got, _ := b.cache.LoadOrStore(key, l)
	return got.(T), nil
}
