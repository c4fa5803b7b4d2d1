// Package attribution defines attributions: a claim tied to its source
// through a cue ("said", "according to", "claim"), with the cue's stance,
// the form of the report (direct quote, indirect, mixed), and nesting
// through Via ("Axios reports that officials claim ...").
package attribution

import (
	"github.com/hearsay-go/hearsay/internal/enum"
	"github.com/hearsay-go/hearsay/span"
)

// Stance is what a cue conveys about the author's view of the content.
type Stance uint8

// Cue stances. The zero Stance is unset.
const (
	Neutral    Stance = iota + 1 // say, tell, add, note, report
	Distancing                   // claim, allege, insist: the author keeps away
	Endorsing                    // confirm, reveal, acknowledge: the author vouches
	Belief                       // think, believe, fear, view ... as
	Tentative                    // suggest, indicate
	Citing                       // according to, citing: a written source
	Denial                       // deny, reject, dispute
)

// Document is the old name of [Citing].
//
// Deprecated: use [Citing]; "Document" is also the root type of hearsay.
const Document = Citing

var stanceNames = enum.New("hearsay/attribution", "stance",
	"neutral", "distancing", "endorsing", "belief", "tentative", "document", "denial")

// String returns the lowercase word of s.
func (s Stance) String() string { return stanceNames.String(uint8(s)) }

// MarshalText implements encoding.TextMarshaler.
func (s Stance) MarshalText() ([]byte, error) { return stanceNames.Marshal(uint8(s)) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown words are errors.
func (s *Stance) UnmarshalText(b []byte) error {
	v, err := stanceNames.Parse(string(b))
	*s = Stance(v)
	return err
}

// Form is how the content of an attribution is given.
type Form uint8

// Attribution forms. The zero Form is unset.
const (
	Direct       Form = iota + 1 // a quotation: "We have covert operations," an official said
	Indirect                     // reported speech: officials claim the leader fears ...
	Mixed                        // reported speech with a quoted fragment: Maduro "knows too much"
	Unattributed                 // the author's own claim
)

var formNames = enum.New("hearsay/attribution", "form", "direct", "indirect", "mixed", "unattributed")

// String returns the lowercase word of f.
func (f Form) String() string { return formNames.String(uint8(f)) }

// MarshalText implements encoding.TextMarshaler.
func (f Form) MarshalText() ([]byte, error) { return formNames.Marshal(uint8(f)) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown words are errors.
func (f *Form) UnmarshalText(b []byte) error {
	v, err := formNames.Parse(string(b))
	*f = Form(v)
	return err
}

// Source is who a claim is attributed to: an entity and the spans of the
// source phrase. An agentless attribution ("it is believed") has none.
type Source struct {
	Entity string      `json:"entity,omitempty"` // entity ID
	Spans  []span.Span `json:"spans,omitempty"`
}

// Cue is the words that tie a claim to its source.
type Cue struct {
	Text   string      `json:"text"`
	Lemma  string      `json:"lemma,omitempty"`
	Stance Stance      `json:"stance,omitempty"`
	Spans  []span.Span `json:"spans"`
}

// Content is where the attributed claim stands in the text.
type Content struct {
	Spans []span.Span `json:"spans"`
}

// Attribution ties a claim to its source through a cue.
type Attribution struct {
	ID      string  `json:"id"`
	Claim   string  `json:"claim"` // claim ID
	Source  Source  `json:"source,omitzero"`
	Cue     Cue     `json:"cue,omitzero"`
	Content Content `json:"content,omitzero"`
	Form    Form    `json:"form,omitempty"`
	// Via is the ID of the outer attribution this one is reported through:
	// in "officials, as reported by Axios, claim C" the officials' claim is
	// via Axios's report.
	Via string `json:"via,omitempty"`
	// Addressee is to whom or through which medium the source spoke: Axios
	// in "an official told Axios".
	Addressee Source `json:"addressee,omitzero"`
	// Rule names the frame or rule that produced the attribution.
	Rule string `json:"rule,omitempty"`
}

// New returns an attribution of claim claimID to the source entity
// sourceID through cue, in form f.
func New(id, claimID, sourceID string, cue Cue, f Form) Attribution {
	return Attribution{ID: id, Claim: claimID, Source: Source{Entity: sourceID}, Cue: cue, Form: f}
}

// NewCue returns the cue at span s of doc, with its lemma and stance.
func NewCue(doc string, s span.Span, lemma string, st Stance) Cue {
	return Cue{Text: s.Text(doc), Lemma: lemma, Stance: st, Spans: []span.Span{s}}
}

// WithSource returns a with the source phrase at the spans.
func (a Attribution) WithSource(spans ...span.Span) Attribution {
	a.Source.Spans = append(a.Source.Spans[:len(a.Source.Spans):len(a.Source.Spans)], spans...)
	return a
}

// WithContent returns a with the content at the spans.
func (a Attribution) WithContent(spans ...span.Span) Attribution {
	a.Content.Spans = append(a.Content.Spans[:len(a.Content.Spans):len(a.Content.Spans)], spans...)
	return a
}

// Through returns a reported via the attribution whose ID is via.
func (a Attribution) Through(via string) Attribution {
	a.Via = via
	return a
}

// To returns a with the addressee or medium entity at the spans.
func (a Attribution) To(entityID string, spans ...span.Span) Attribution {
	a.Addressee = Source{Entity: entityID, Spans: spans}
	return a
}
