package hearsay

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/excerpt"
	"github.com/hearsay-go/hearsay/span"
)

// wireDocument is the wire format: a Document whose claims say which
// claim they are inside and may leave their text to their spans.
type wireDocument struct {
	ID           string                    `json:"id,omitempty"`
	Lang         language.Tag              `json:"lang"`
	Text         string                    `json:"text"`
	Sentences    []span.Span               `json:"sentences"`
	Entities     []entity.Entity           `json:"entities"`
	Claims       []wireClaim               `json:"claims"`
	Attributions []attribution.Attribution `json:"attributions"`
	Hedges       []claim.Hedge             `json:"hedges"`
}

// wireClaim is a claim on the wire. Text is left out when the budget of
// package excerpt is spent; Within is the ID of the smallest claim whose
// extent holds this one's.
type wireClaim struct {
	ID        string          `json:"id"`
	Text      *string         `json:"text,omitempty"`
	Within    string          `json:"within,omitempty"`
	Spans     []span.Span     `json:"spans"`
	Kind      claim.Kind      `json:"kind,omitempty"`
	Certainty claim.Certainty `json:"certainty,omitempty"`
	Polarity  claim.Polarity  `json:"polarity,omitempty"`
}

// MarshalJSON encodes d in the wire format; empty lists are written as []
// rather than null. It fails with [ErrInvalidUTF8] when the text is not
// valid UTF-8, and with the error of [Document.Validate] when d is not
// valid, so that what it writes always decodes. It returns the bytes
// [Document.WriteJSON] writes.
//
// The output is linear in the size of d: each claim names the claim it
// lies inside ("within"), and claim texts are written shortest first
// until they add up to twice the text (and 4 kB); a claim written
// without its text has the text at its spans, which decoding restores.
// On news every text is written.
//
// Call it directly rather than through json.Marshal, which checks and
// compacts the whole output once more.
func (d Document) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(6 * len(d.Text))
	if err := d.WriteJSON(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteJSON writes d in the wire format to w, the bytes of
// [Document.MarshalJSON], one value at a time: the text in chunks and
// each item of the lists on its own, so that a large document is never
// held encoded. It checks d first, as MarshalJSON does, and writes
// nothing when d cannot be written.
func (d *Document) WriteJSON(w io.Writer) error {
	if !utf8.ValidString(d.Text) {
		return ErrInvalidUTF8
	}
	if err := d.Validate(); err != nil {
		return err
	}
	plan := excerpt.New(len(d.Text), d.Claims)
	jw := jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.raw("{")
	if d.ID != "" {
		jw.key("id")
		jw.value(d.ID)
		jw.raw(",")
	}
	jw.key("lang")
	jw.value(d.Lang)
	jw.raw(",")
	jw.key("text")
	jw.text(d.Text)
	jw.raw(",")
	jw.key("sentences")
	jsonList(&jw, d.Sentences, func(s span.Span) any { return s })
	jw.raw(",")
	jw.key("entities")
	jsonList(&jw, d.Entities, func(e entity.Entity) any { return e })
	jw.raw(",")
	jw.key("claims")
	i := 0
	jsonList(&jw, d.Claims, func(cl claim.Claim) any {
		c := wireClaim{ID: cl.ID, Spans: nonNil(cl.Spans), Kind: cl.Kind, Certainty: cl.Certainty, Polarity: cl.Polarity}
		if plan.Full[i] {
			c.Text = &d.Claims[i].Text
		}
		if j := plan.Within[i]; j >= 0 {
			c.Within = d.Claims[j].ID
		}
		i++
		return c
	})
	jw.raw(",")
	jw.key("attributions")
	jsonList(&jw, d.Attributions, func(a attribution.Attribution) any { return a })
	jw.raw(",")
	jw.key("hedges")
	jsonList(&jw, d.Hedges, func(h claim.Hedge) any { return h })
	jw.raw("}")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonWriter writes JSON values one at a time and keeps the first error.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) key(k string) {
	j.raw(`"`)
	j.raw(k)
	j.raw(`":`)
}

func (j *jsonWriter) value(v any) {
	if j.err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(b)
}

// textChunk is how many bytes of the text are encoded at once.
const textChunk = 64 << 10

// text writes s as a JSON string, as json.Marshal does, in chunks cut at
// rune starts: a rune's escape does not depend on its neighbours, so
// the chunks' encodings, quotes removed, join into the encoding of s.
func (j *jsonWriter) text(s string) {
	j.raw(`"`)
	for len(s) > 0 && j.err == nil {
		n := min(len(s), textChunk)
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		b, err := json.Marshal(s[:n])
		if err != nil {
			j.err = err
			return
		}
		_, j.err = j.w.Write(b[1 : len(b)-1])
		s = s[n:]
	}
	j.raw(`"`)
}

// jsonList writes items as a JSON array, [] when there are none, each
// item as wire returns it.
func jsonList[T any](j *jsonWriter, items []T, wire func(T) any) {
	j.raw("[")
	for i, it := range items {
		if i > 0 {
			j.raw(",")
		}
		j.value(wire(it))
	}
	j.raw("]")
}

// UnmarshalJSON decodes the wire format and validates the result: a
// Document that decodes without error satisfies [Document.Validate]. A
// claim without its text gets the text at its spans; "within" is checked
// to name a claim and is not kept (it follows from the spans).
func (d *Document) UnmarshalJSON(b []byte) error {
	var c wireDocument
	if err := json.Unmarshal(b, &c); err != nil {
		return err
	}
	v := Document{ID: c.ID, Lang: c.Lang, Text: c.Text, Sentences: c.Sentences, Entities: c.Entities, Attributions: c.Attributions, Hedges: c.Hedges}
	v.Claims = make([]claim.Claim, len(c.Claims))
	ids := make(map[string]bool, len(c.Claims))
	for i, w := range c.Claims {
		ids[w.ID] = true
		cl := claim.Claim{ID: w.ID, Spans: w.Spans, Kind: w.Kind, Certainty: w.Certainty, Polarity: w.Polarity}
		if w.Text != nil {
			cl.Text = *w.Text
		} else if spansIn(v.Text, w.Spans) {
			cl.Text = claim.JoinText(v.Text, w.Spans)
		}
		v.Claims[i] = cl
	}
	if c.Claims == nil {
		v.Claims = nil
	}
	var errs []error
	bad := 0
	for _, w := range c.Claims {
		if w.Within != "" && !ids[w.Within] {
			if bad++; bad <= MaxValidationErrors {
				errs = append(errs, &ValidationError{Item: fmt.Sprintf("claim %q within", w.ID), Err: fmt.Errorf("%w %q", ErrUnknownRef, w.Within)})
			}
		}
	}
	if more := bad - MaxValidationErrors; more > 0 {
		errs = append(errs, fmt.Errorf("hearsay: %d %w", more, ErrTooManyProblems))
	}
	if err := v.Validate(); err != nil || len(errs) > 0 {
		return errors.Join(append(errs, err)...)
	}
	*d = v
	return nil
}

// spansIn reports whether every span is a valid span of text.
func spansIn(text string, spans []span.Span) bool {
	for _, s := range spans {
		if s.Check(text) != nil {
			return false
		}
	}
	return true
}
