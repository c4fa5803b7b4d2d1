// Package entity defines the actors of a text: the people, organizations,
// governments, media and documents that claims are attributed to, how
// openly each is named, and its mentions in the text.
package entity

import (
	"github.com/hearsay-go/hearsay/internal/enum"
	"github.com/hearsay-go/hearsay/span"
)

// Kind is what sort of actor an entity is.
type Kind uint8

// Entity kinds. The zero Kind is unset.
const (
	Person       Kind = iota + 1 // a human being: "Nicolás Maduro", "a witness"
	Organization                 // a company, party or other body: "Exxon", "the Democratic Party"
	Government                   // a state or its executive, often by metonymy: "Washington", "the White House"
	Agency                       // a government agency or service: "the CIA", "U.S. agencies"
	Media                        // a news outlet: "Axios", "The New York Times"
	Record                       // a written or recorded source: "intelligence reports", "leaked data"
	Group                        // a collective of people: "analysts", "critics", "sources"
	Place                        // a location mentioned as such
)

// Document is the old name of [Record].
//
// Deprecated: use [Record]; "Document" is also the root type of hearsay.
const Document = Record

var kindNames = enum.New("hearsay/entity", "kind",
	"person", "organization", "government", "agency", "media", "document", "group", "place")

// String returns the lowercase word of k.
func (k Kind) String() string { return kindNames.String(uint8(k)) }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return kindNames.Marshal(uint8(k)) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown words are errors.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := kindNames.Parse(string(b))
	*k = Kind(v)
	return err
}

// Anonymity is how openly a source is identified. A document is graded
// as a person is: named by its title or its publisher ("a recent article
// in The New York Times"), described by its origin or nature without a
// name a reader could look up ("U.S. intelligence reports", "leaked
// intelligence data"), vague when bare ("reports", "documents").
type Anonymity uint8

// Anonymity levels. The zero Anonymity is unset.
const (
	Named     Anonymity = iota + 1 // identified by name: "Axios", "Maduro"
	Described                      // role and affiliation without a name: "a senior White House official"
	Vague                          // no identifying detail: "sources", "analysts", "some say"
	NoSource                       // no source at all: "it is believed"
)

// None is the old name of [NoSource].
//
// Deprecated: use [NoSource], the one name of "no source" across the packages.
const None = NoSource

var anonymityNames = enum.New("hearsay/entity", "anonymity", "named", "described", "vague", "none")

// String returns the lowercase word of a.
func (a Anonymity) String() string { return anonymityNames.String(uint8(a)) }

// MarshalText implements encoding.TextMarshaler.
func (a Anonymity) MarshalText() ([]byte, error) { return anonymityNames.Marshal(uint8(a)) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown words are errors.
func (a *Anonymity) UnmarshalText(b []byte) error {
	v, err := anonymityNames.Parse(string(b))
	*a = Anonymity(v)
	return err
}

// IsAnonymous reports whether a hides the source's name (described or vague).
func (a Anonymity) IsAnonymous() bool { return a == Described || a == Vague }

// Entity is one actor of a text with all its mentions. Anonymous sources
// are entities too: their Name is empty and Description says what the text
// tells of them ("a senior White House official").
type Entity struct {
	ID          string      `json:"id"`
	Name        string      `json:"name,omitempty"`
	Description string      `json:"description,omitempty"`
	Kind        Kind        `json:"kind,omitempty"`
	Anonymity   Anonymity   `json:"anonymity,omitempty"`
	Aliases     []string    `json:"aliases,omitempty"`
	Affiliation string      `json:"affiliation,omitempty"` // ID of the entity it belongs to
	Mentions    []span.Span `json:"mentions,omitempty"`
}

// New returns a named entity: "Nicolás Maduro", "Axios".
func New(id, name string, kind Kind) Entity {
	return Entity{ID: id, Name: name, Kind: kind, Anonymity: Named}
}

// Anonymous returns an unnamed source known by a description, with the
// given anonymity (Described or Vague).
func Anonymous(id, description string, kind Kind, a Anonymity) Entity {
	return Entity{ID: id, Description: description, Kind: kind, Anonymity: a}
}

// Label returns the name of e, or its description when it has no name.
func (e Entity) Label() string {
	if e.Name != "" {
		return e.Name
	}
	return e.Description
}

// WithAliases returns e with the aliases added.
func (e Entity) WithAliases(aliases ...string) Entity {
	e.Aliases = append(e.Aliases[:len(e.Aliases):len(e.Aliases)], aliases...)
	return e
}

// WithMentions returns e with the mentions added.
func (e Entity) WithMentions(mentions ...span.Span) Entity {
	e.Mentions = append(e.Mentions[:len(e.Mentions):len(e.Mentions)], mentions...)
	return e
}

// WithAffiliation returns e affiliated with the entity whose ID is id.
func (e Entity) WithAffiliation(id string) Entity {
	e.Affiliation = id
	return e
}
