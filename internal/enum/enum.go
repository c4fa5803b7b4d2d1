// Package enum implements the text form shared by hearsay's enumerated
// types: each value marshals to and from one lowercase word, and unknown
// words are rejected with an error that names the word. It is not API.
package enum

import "fmt"

// Names holds the words of one enumerated type. Index 0 is the zero
// value, which has no word: it is "unset" and is never marshaled.
type Names struct {
	pkg   string // "hearsay/entity"
	typ   string // "kind"
	words []string
}

// New returns the names of an enumerated type whose values 1..len(words)
// are the given words, in order.
func New(pkg, typ string, words ...string) *Names {
	return &Names{pkg: pkg, typ: typ, words: append([]string{""}, words...)}
}

// String returns the word of v, or "" for the zero value, or a
// description of an out-of-range value.
func (n *Names) String(v uint8) string {
	if int(v) < len(n.words) {
		return n.words[v]
	}
	return fmt.Sprintf("%s(%d)", n.typ, v)
}

// Marshal returns the word of v; it fails for the zero value and for
// values out of range.
func (n *Names) Marshal(v uint8) ([]byte, error) {
	if v == 0 || int(v) >= len(n.words) {
		return nil, fmt.Errorf("%s: invalid %s %d", n.pkg, n.typ, v)
	}
	return []byte(n.words[v]), nil
}

// Parse returns the value whose word is s.
func (n *Names) Parse(s string) (uint8, error) {
	for i := 1; i < len(n.words); i++ {
		if n.words[i] == s {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("%s: unknown %s %q", n.pkg, n.typ, s)
}

// Words returns the words of the type in order, without the zero value.
func (n *Names) Words() []string { return append([]string(nil), n.words[1:]...) }
