package claim

import (
	"github.com/hearsay-go/hearsay/internal/enum"
	"github.com/hearsay-go/hearsay/span"
)

// Category is the kind of a hedge cue.
type Category uint8

// Hedge categories. All but Sourcing and Booster express uncertainty
// (see [Category.IsUncertainty]). The zero Category is unset. A cue is
// its head word: "believed" in "it is believed", "think" in "I think".
const (
	Epistemic   Category = iota + 1 // modal: may, might, could, likely, possibly
	Evidential                      // hearsay markers: reportedly, allegedly, purportedly, is said to
	Belief                          // belief and fear: believe, think, fear, view ... as
	Tentative                       // suggest, appear, seem, indicate that
	Conditional                     // if, unless, whether ... or
	Inquiry                         // investigation: examine whether, it is unclear whether
	Weasel                          // unnamed holders: some say, many experts, it is believed, is widely considered
	Sourcing                        // sourcing phrases: according to, as reported by; vague sources with a neutral verb: sources say, analysts say
	Booster                         // the opposite pole: clearly, undoubtedly, confirm, no doubt
)

// Attribution is the old name of [Sourcing].
//
// Deprecated: use [Sourcing]; it is not the attribution.Attribution type.
const Attribution = Sourcing

var categoryNames = enum.New("hearsay/claim", "hedge category",
	"epistemic", "evidential", "belief", "tentative", "conditional", "inquiry", "weasel", "attribution", "booster")

// String returns the lowercase word of c.
func (c Category) String() string { return categoryNames.String(uint8(c)) }

// MarshalText implements encoding.TextMarshaler.
func (c Category) MarshalText() ([]byte, error) { return categoryNames.Marshal(uint8(c)) }

// UnmarshalText implements encoding.TextUnmarshaler; unknown words are errors.
func (c *Category) UnmarshalText(b []byte) error {
	v, err := categoryNames.Parse(string(b))
	*c = Category(v)
	return err
}

// IsUncertainty reports whether c lowers certainty: every category but
// Sourcing and Booster, and not the unset zero value.
//
// Weasel counts: a claim held by nobody in particular ("some say", "it
// is believed") is hedged. Sourcing does not: "analysts say" and
// "according to" attribute a claim (the attribution package grades the
// source as vague or named) without doubting it; where a vague source
// comes with a hedging verb ("analysts believe", "sources suggest"),
// the verb is the cue, of its own category. A user who counts vague
// sourcing as uncertainty too can test for Sourcing as well; one who
// counts only what the words doubt can leave out Weasel.
func (c Category) IsUncertainty() bool { return c >= Epistemic && c <= Weasel }

// Certainty returns the certainty a cue of category c conveys on its own,
// when its lexicon entry does not say.
func (c Category) Certainty() Certainty {
	switch c {
	case Epistemic:
		return Possible
	case Evidential, Belief, Tentative, Weasel:
		return Probable
	case Conditional, Inquiry:
		return Underspecified
	case Sourcing, Booster:
		return Certain
	}
	return 0
}

// Hedge is one hedge or booster cue in a text.
type Hedge struct {
	Text     string    `json:"text"`
	Category Category  `json:"category"`
	Span     span.Span `json:"span"`
	// Claim is the ID of the claim the cue is in, if any.
	Claim string `json:"claim,omitempty"`
	// Certainty is what the cue conveys; zero means Category.Certainty.
	Certainty Certainty `json:"certainty,omitempty"`
	// Rule names the lexicon entry or rule that found the cue, as
	// "FILE:LINE" or a rule name, so every decision can be explained.
	Rule string `json:"rule,omitempty"`
}

// NewHedge returns the hedge of category cat at span s of doc.
func NewHedge(doc string, s span.Span, cat Category) Hedge {
	return Hedge{Text: s.Text(doc), Category: cat, Span: s}
}

// In returns h assigned to the claim whose ID is id.
func (h Hedge) In(id string) Hedge {
	h.Claim = id
	return h
}

// Level returns the certainty the cue conveys.
func (h Hedge) Level() Certainty {
	if h.Certainty != 0 {
		return h.Certainty
	}
	return h.Category.Certainty()
}

// Assess returns the certainty a holder conveys through the given hedges:
// the weakest level among the uncertainty cues, or Certain when there is
// none. Boosters do not outweigh hedges: "clearly may" is still possible.
func Assess(hedges []Hedge) Certainty {
	c := Certain
	for _, h := range hedges {
		if h.Category.IsUncertainty() {
			c = c.Weaker(h.Level())
		}
	}
	return c
}
