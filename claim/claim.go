// Package claim defines claims (what a text asserts, quotes or asks), their
// certainty on FactBank's factuality scale, and the hedges and boosters
// that set it.
package claim

import (
	"strings"

	"github.com/hearsay-go/hearsay/internal/enum"
	"github.com/hearsay-go/hearsay/span"
)

// Kind is what sort of claim a text makes.
type Kind uint8

// Claim kinds. The zero Kind is unset.
const (
	Statement  Kind = iota + 1 // an assertion of fact
	Quote                      // words given as someone's own, in quotation marks
	Opinion                    // a judgement or belief
	Prediction                 // a claim about the future
	Question                   // a question the text asks
)

var kindNames = enum.New("hearsay/claim", "kind", "statement", "quote", "opinion", "prediction", "question")

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

// Certainty is how committed a holder is to a claim, on the scale of
// FactBank (Saurí and Pustejovsky 2009).
type Certainty uint8

// Certainty levels from most to least committed. The zero Certainty is unset.
const (
	Certain        Certainty = iota + 1 // CT: the holder presents it as fact
	Probable                            // PR: likely, believed, reportedly
	Possible                            // PS: may, might, could
	Underspecified                      // U: asked, conditional, unknown
)

var certaintyNames = enum.New("hearsay/claim", "certainty", "certain", "probable", "possible", "underspecified")

// String returns the lowercase word of c.
func (c Certainty) String() string { return certaintyNames.String(uint8(c)) }

// MarshalText implements encoding.TextMarshaler.
func (c Certainty) MarshalText() ([]byte, error) { return certaintyNames.Marshal(uint8(c)) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown words are errors.
func (c *Certainty) UnmarshalText(b []byte) error {
	v, err := certaintyNames.Parse(string(b))
	*c = Certainty(v)
	return err
}

// Weaker returns the less committed of c and d; an unset value yields
// the other.
func (c Certainty) Weaker(d Certainty) Certainty {
	if c == 0 {
		return d
	}
	return max(c, d)
}

// Polarity is whether a claim is asserted or denied.
type Polarity uint8

// Polarities. The zero Polarity is unset.
const (
	Positive Polarity = iota + 1
	Negative
)

var polarityNames = enum.New("hearsay/claim", "polarity", "positive", "negative")

// String returns the lowercase word of p.
func (p Polarity) String() string { return polarityNames.String(uint8(p)) }

// MarshalText implements encoding.TextMarshaler.
func (p Polarity) MarshalText() ([]byte, error) { return polarityNames.Marshal(uint8(p)) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown words are errors.
func (p *Polarity) UnmarshalText(b []byte) error {
	v, err := polarityNames.Parse(string(b))
	*p = Polarity(v)
	return err
}

// Claim is one thing a text asserts, quotes or asks. Its spans may be
// discontinuous; Text is the text of the spans joined by one space.
// Certainty and Polarity are those of the claim's holder as the hedges
// inside it show them.
type Claim struct {
	ID        string      `json:"id"`
	Text      string      `json:"text"`
	Spans     []span.Span `json:"spans"`
	Kind      Kind        `json:"kind,omitempty"`
	Certainty Certainty   `json:"certainty,omitempty"`
	Polarity  Polarity    `json:"polarity,omitempty"`
}

// New returns a positive, certain statement whose text is the text of the
// spans of doc, joined by one space.
func New(id, doc string, spans ...span.Span) Claim {
	return Claim{
		ID:        id,
		Text:      JoinText(doc, spans),
		Spans:     spans,
		Kind:      Statement,
		Certainty: Certain,
		Polarity:  Positive,
	}
}

// JoinText returns the text of the spans of doc joined by one space: the
// Text of a claim with those spans.
func JoinText(doc string, spans []span.Span) string {
	if len(spans) == 1 {
		return spans[0].Text(doc)
	}
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Text(doc))
	}
	return b.String()
}

// As returns c with kind k.
func (c Claim) As(k Kind) Claim {
	c.Kind = k
	return c
}

// With returns c with the certainty and polarity of its holder.
func (c Claim) With(ct Certainty, p Polarity) Claim {
	c.Certainty, c.Polarity = ct, p
	return c
}

// Span returns the smallest span that covers all of c's spans.
func (c Claim) Span() span.Span {
	if len(c.Spans) == 0 {
		return span.Span{}
	}
	s := c.Spans[0]
	for _, t := range c.Spans[1:] {
		s = s.Union(t)
	}
	return s
}
