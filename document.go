package hearsay

import (
	"errors"
	"fmt"
	"strconv"

	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/span"
)

// Document is the model of one text: its sentences, the entities that act
// as sources, the claims, the attributions that tie claims to sources, and
// the hedges. Items refer to each other by ID, so a Document round-trips
// through JSON unchanged. Every span is a byte offset into Text.
//
// A Document is a plain value: build one by hand or get one from
// [Analyze]. Its methods only read it, so one Document may be queried from
// many goroutines as long as none modifies it.
type Document struct {
	// ID names the document in a corpus, such as the path of its file;
	// empty for a lone text. It is the first key of the JSON object,
	// omitted when empty.
	ID           string                    `json:"id,omitempty"`
	Lang         language.Tag              `json:"lang"`
	Text         string                    `json:"text"`
	Sentences    []span.Span               `json:"sentences"`
	Entities     []entity.Entity           `json:"entities"`
	Claims       []claim.Claim             `json:"claims"`
	Attributions []attribution.Attribution `json:"attributions"`
	Hedges       []claim.Hedge             `json:"hedges"`
}

// ErrInvalidUTF8 is returned when marshaling a Document whose text is not
// valid UTF-8: JSON cannot carry it without moving every offset.
var ErrInvalidUTF8 = errors.New("hearsay: text is not valid UTF-8")

// ValidationError is one broken invariant of a Document. Item names the
// item and field, as `claim "c1" spans[0]`.
type ValidationError struct {
	Item string
	Err  error
}

// Error returns "hearsay: ITEM: what is wrong".
func (e *ValidationError) Error() string { return "hearsay: " + e.Item + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ValidationError) Unwrap() error { return e.Err }

// Errors reported inside a [ValidationError].
var (
	ErrDuplicateID  = errors.New("duplicate ID")
	ErrMissingID    = errors.New("missing ID")
	ErrUnknownRef   = errors.New("reference to an unknown ID")
	ErrTextMismatch = errors.New("text differs from the text at its spans")
	ErrViaCycle     = errors.New("via chain loops")
	// ErrSourceWithoutEntity: a source has spans in the text but names no
	// entity, so no query or report can count it.
	ErrSourceWithoutEntity = errors.New("source spans without an entity")
	// ErrTooManyProblems follows the first MaxValidationErrors problems
	// that Validate lists, saying how many more it found.
	ErrTooManyProblems = errors.New("more problems not listed")
)

// MaxValidationErrors is how many problems [Document.Validate] lists
// before it only counts the rest.
const MaxValidationErrors = 20

// Validate reports every broken invariant of d, each as a
// [*ValidationError] naming the item, joined with errors.Join: spans
// reversed, outside the text or not on a rune boundary; enumerated values
// out of range, or a hedge without a category; empty or duplicate IDs; references to unknown entities, claims or attributions;
// item text that is not the text at its spans; via chains that loop; a
// source with spans and no entity. It returns nil for a valid Document.
// It lists the first [MaxValidationErrors] problems and then one error
// wrapping [ErrTooManyProblems] with the number of the others.
func (d *Document) Validate() error {
	var errs []error
	problems := 0 // listed or not
	bad := func(item itemName, err error) {
		if problems++; len(errs) < MaxValidationErrors {
			errs = append(errs, &ValidationError{Item: item.String(), Err: err})
		}
	}
	checkSpans := func(item itemName, spans []span.Span) {
		for i, s := range spans {
			if err := s.Check(d.Text); err != nil {
				item.span = i
				bad(item, err)
			}
		}
	}
	ids := func(kind string, n int, id func(int) string) map[string]bool {
		seen := make(map[string]bool, n)
		for i := range n {
			switch v := id(i); {
			case v == "":
				bad(itemName{kind: kind, num: i, span: -1}, ErrMissingID)
			case seen[v]:
				bad(named(kind, v), ErrDuplicateID)
			default:
				seen[v] = true
			}
		}
		return seen
	}
	entities := ids("entity", len(d.Entities), func(i int) string { return d.Entities[i].ID })
	claims := ids("claim", len(d.Claims), func(i int) string { return d.Claims[i].ID })
	attrs := ids("attribution", len(d.Attributions), func(i int) string { return d.Attributions[i].ID })
	ref := func(item itemName, id string, known map[string]bool) {
		if id != "" && !known[id] {
			bad(item, fmt.Errorf("%w %q", ErrUnknownRef, id))
		}
	}

	// enum reports an enumerated value out of range (or unset where it is
	// required), which JSON could not carry.
	enum := func(item itemName, v interface{ MarshalText() ([]byte, error) }, isZero, required bool) {
		if isZero && !required {
			return
		}
		if _, err := v.MarshalText(); err != nil {
			bad(item, err)
		}
	}
	checkSpans(itemName{kind: "sentences", num: -1, span: -1}, d.Sentences)
	for _, e := range d.Entities {
		item := named("entity", e.ID)
		enum(item.field("kind"), e.Kind, e.Kind == 0, false)
		enum(item.field("anonymity"), e.Anonymity, e.Anonymity == 0, false)
		checkSpans(item.field("mentions"), e.Mentions)
		ref(item.field("affiliation"), e.Affiliation, entities)
	}
	for _, c := range d.Claims {
		item := named("claim", c.ID)
		enum(item.field("kind"), c.Kind, c.Kind == 0, false)
		enum(item.field("certainty"), c.Certainty, c.Certainty == 0, false)
		enum(item.field("polarity"), c.Polarity, c.Polarity == 0, false)
		n := problems
		checkSpans(item.field("spans"), c.Spans)
		if problems == n && len(c.Spans) > 0 && c.Text != claim.JoinText(d.Text, c.Spans) {
			bad(item.field("text"), ErrTextMismatch)
		}
	}
	for _, a := range d.Attributions {
		item := named("attribution", a.ID)
		if a.Claim == "" {
			bad(item.field("claim"), ErrMissingID)
		}
		enum(item.field("form"), a.Form, a.Form == 0, false)
		enum(item.field("stance"), a.Cue.Stance, a.Cue.Stance == 0, false)
		ref(item.field("claim"), a.Claim, claims)
		ref(item.field("source"), a.Source.Entity, entities)
		if len(a.Source.Spans) > 0 && a.Source.Entity == "" {
			bad(item.field("source"), ErrSourceWithoutEntity)
		}
		ref(item.field("addressee"), a.Addressee.Entity, entities)
		ref(item.field("via"), a.Via, attrs)
		checkSpans(item.field("source spans"), a.Source.Spans)
		checkSpans(item.field("addressee spans"), a.Addressee.Spans)
		checkSpans(item.field("content spans"), a.Content.Spans)
		n := problems
		checkSpans(item.field("cue spans"), a.Cue.Spans)
		if problems == n && len(a.Cue.Spans) > 0 && a.Cue.Text != claim.JoinText(d.Text, a.Cue.Spans) {
			bad(item.field("cue text"), ErrTextMismatch)
		}
	}
	loops := walkVia(d.Attributions, attributionIndex(d.Attributions)).onLoop
	for i, a := range d.Attributions {
		if loops[i] {
			bad(named("attribution", a.ID).field("via"), ErrViaCycle)
		}
	}
	for i, h := range d.Hedges {
		item := itemName{kind: "hedge", num: i, id: h.Text, quoted: true, span: -1}
		enum(item.field("category"), h.Category, h.Category == 0, true)
		enum(item.field("certainty"), h.Certainty, h.Certainty == 0, false)
		if err := h.Span.Check(d.Text); err != nil {
			bad(item.field("span"), err)
		} else if h.Text != h.Span.Text(d.Text) {
			bad(item.field("text"), ErrTextMismatch)
		}
		ref(item.field("claim"), h.Claim, claims)
	}
	if more := problems - len(errs); more > 0 {
		errs = append(errs, fmt.Errorf("hearsay: %d %w", more, ErrTooManyProblems))
	}
	return errors.Join(errs...)
}

// itemName names an item of a Document in a ValidationError: `claim
// "c1" spans[0]`, `hedge #2 "may" category`. Validate reads every item,
// and is meant to run on every document written out, so the name is put
// together only for a problem.
type itemName struct {
	kind   string // "entity", "claim", "attribution", "hedge", "sentences"
	num    int    // "#num" after kind, or -1
	id     string // quoted after kind and num, when quoted is set
	quoted bool
	what   string // the part of the item after a space: "kind", "mentions"
	span   int    // "[span]" after what, or -1
}

// named is the item of that kind with that ID.
func named(kind, id string) itemName {
	return itemName{kind: kind, num: -1, id: id, quoted: true, span: -1}
}

// field is n's part what.
func (n itemName) field(what string) itemName {
	n.what = what
	return n
}

// String returns the name as a ValidationError's Item.
func (n itemName) String() string {
	s := n.kind
	if n.num >= 0 {
		s += " #" + strconv.Itoa(n.num)
	}
	if n.quoted {
		s += " " + strconv.Quote(n.id)
	}
	if n.what != "" {
		s += " " + n.what
	}
	if n.span >= 0 {
		s += "[" + strconv.Itoa(n.span) + "]"
	}
	return s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
