package hearsay_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/worktest"
	"github.com/hearsay-go/hearsay/span"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(d *hearsay.Document)
		want   []string // substrings, one per reported error, in order
	}{
		{"valid", func(d *hearsay.Document) {}, nil},
		{"sentence out of bounds", func(d *hearsay.Document) { d.Sentences[1].End = 999 },
			[]string{"sentences[1]: hearsay/span: outside the text"}},
		{"reversed mention", func(d *hearsay.Document) { d.Entities[0].Mentions[0] = span.New(5, 2) },
			[]string{`entity "e1" mentions[0]: hearsay/span: end before start`}},
		{"second mention reversed", func(d *hearsay.Document) {
			d.Entities[0].Mentions = append(d.Entities[0].Mentions, span.New(5, 2))
		}, []string{`entity "e1" mentions[1]: hearsay/span: end before start`}},
		{"mention inside a rune", func(d *hearsay.Document) {
			d.Text = "é" + d.Text[2:] // keeps byte length; offset 1 is inside é
			d.Entities[0].Mentions[0] = span.New(1, 5)
		}, []string{`entity "e1" mentions[0]: hearsay/span: not on a UTF-8 rune boundary`}},
		{"duplicate entity", func(d *hearsay.Document) { d.Entities[1].ID = "e1" },
			[]string{`entity "e1": duplicate ID`, `attribution "a1" source: reference to an unknown ID "e2"`}},
		{"missing claim ID", func(d *hearsay.Document) { d.Claims[1].ID = "" },
			[]string{`claim #1: missing ID`}},
		{"unknown affiliation", func(d *hearsay.Document) { d.Entities[0].Affiliation = "e9" },
			[]string{`entity "e1" affiliation: reference to an unknown ID "e9"`}},
		{"unknown source", func(d *hearsay.Document) { d.Attributions[0].Source.Entity = "e9" },
			[]string{`attribution "a1" source: reference to an unknown ID "e9"`}},
		{"unknown via", func(d *hearsay.Document) { d.Attributions[1].Via = "a7" },
			[]string{`attribution "a2" via: reference to an unknown ID "a7"`}},
		{"via loop", func(d *hearsay.Document) { d.Attributions[0].Via = "a2" },
			[]string{`attribution "a1" via: via chain loops`, `attribution "a2" via: via chain loops`}},
		{"claim text", func(d *hearsay.Document) { d.Claims[0].Text = "something else" },
			[]string{`claim "c1" text: text differs`}},
		{"cue text", func(d *hearsay.Document) { d.Attributions[1].Cue.Text = "claims" },
			[]string{`attribution "a2" cue text: text differs`}},
		{"hedge claim", func(d *hearsay.Document) { d.Hedges[1].Claim = "c5" },
			[]string{`hedge #1 "fears" claim: reference to an unknown ID "c5"`}},
		{"hedge without category", func(d *hearsay.Document) { d.Hedges[0].Category = 0 },
			[]string{`hedge #0 "as reported by" category: hearsay/claim: invalid hedge category 0`}},
		{"kind out of range", func(d *hearsay.Document) { d.Entities[0].Kind = 99 },
			[]string{`entity "e1" kind: hearsay/entity: invalid kind 99`}},
		{"several at once", func(d *hearsay.Document) {
			d.Claims[0].Spans[0].End = -1
			d.Attributions[0].Claim = ""
		}, []string{`claim "c1" spans[0]: hearsay/span: end before start`, `attribution "a1" claim: missing ID`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := handBuiltCopy(t)
			tt.break_(d)
			err := d.Validate()
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Validate() = %v, want %d errors: %q", err, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.Contains(got[i], tt.want[i]) {
					t.Errorf("error %d = %q, want it to contain %q", i, got[i], tt.want[i])
				}
			}
			if err != nil {
				var ve *hearsay.ValidationError
				if !errors.As(err, &ve) || ve.Item == "" {
					t.Errorf("error %v is not a *ValidationError naming the item", err)
				}
			}
		})
	}
}

// handBuiltCopy returns a deep copy of the hand-built example document, so
// each test may break it freely.
func handBuiltCopy(t *testing.T) *hearsay.Document {
	t.Helper()
	b, err := json.Marshal(handBuilt())
	if err != nil {
		t.Fatal(err)
	}
	var d hearsay.Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

func TestJSONRoundTrip(t *testing.T) {
	want := handBuilt()
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got hearsay.Document
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, &got, cmp.Comparer(func(a, b interface{ String() string }) bool { return a.String() == b.String() })); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestJSONShape(t *testing.T) {
	b, err := json.Marshal(hearsay.Document{Text: "Hi."}) // a value, not a pointer
	if err != nil {
		t.Fatal(err)
	}
	want := `{"lang":"und","text":"Hi.","sentences":[],"entities":[],"claims":[],"attributions":[],"hedges":[]}`
	if got := string(b); got != want {
		t.Errorf("empty document JSON:\n got %s\nwant %s", got, want)
	}
	if _, err := json.Marshal(struct{ D hearsay.Document }{hearsay.Document{Text: "bad \xff"}}); !errors.Is(err, hearsay.ErrInvalidUTF8) {
		t.Errorf("marshal of invalid UTF-8 = %v, want ErrInvalidUTF8", err)
	}
}

func TestJSONRejects(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"unknown kind", `{"text":"","entities":[{"id":"e1","kind":"alien"}]}`, `unknown kind "alien"`},
		{"unknown anonymity", `{"text":"","entities":[{"id":"e1","anonymity":"secret"}]}`, `unknown anonymity "secret"`},
		{"unknown claim kind", `{"text":"","claims":[{"id":"c1","kind":"rumor","text":"","spans":[]}]}`, `unknown kind "rumor"`},
		{"unknown certainty", `{"text":"","claims":[{"id":"c1","certainty":"sure","text":"","spans":[]}]}`, `unknown certainty "sure"`},
		{"unknown polarity", `{"text":"","claims":[{"id":"c1","polarity":"neutral","text":"","spans":[]}]}`, `unknown polarity "neutral"`},
		{"unknown stance", `{"text":"","claims":[{"id":"c1","text":"","spans":[]}],"attributions":[{"id":"a1","claim":"c1","cue":{"text":"","stance":"angry","spans":[]}}]}`, `unknown stance "angry"`},
		{"unknown form", `{"text":"","claims":[{"id":"c1","text":"","spans":[]}],"attributions":[{"id":"a1","claim":"c1","form":"oblique"}]}`, `unknown form "oblique"`},
		{"unknown category", `{"text":"x","hedges":[{"text":"x","category":"modal","span":{"start":0,"end":1}}]}`, `unknown hedge category "modal"`},
		{"span past text", `{"text":"x","sentences":[{"start":0,"end":2}]}`, `sentences[0]: hearsay/span: outside the text`},
		{"bad language", `{"lang":"!!","text":"x"}`, `language`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d hearsay.Document
			err := json.Unmarshal([]byte(tt.json), &d)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Unmarshal = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestEnumWords checks that every enumerated value marshals to its word
// and back.
func TestEnumWords(t *testing.T) {
	type textual interface {
		MarshalText() ([]byte, error)
	}
	check := func(t *testing.T, words []string, value func(i int) textual, parse func(string) (textual, error)) {
		t.Helper()
		for i, w := range words {
			b, err := value(i + 1).MarshalText()
			if err != nil || string(b) != w {
				t.Errorf("value %d marshals to %q, %v; want %q", i+1, b, err, w)
			}
			back, err := parse(w)
			if err != nil || back != value(i+1) {
				t.Errorf("%q unmarshals to %v, %v", w, back, err)
			}
		}
		if _, err := value(0).MarshalText(); err == nil {
			t.Error("the unset zero value marshals without error")
		}
	}
	t.Run("entity kind", func(t *testing.T) {
		check(t, []string{"person", "organization", "government", "agency", "media", "document", "group", "place"},
			func(i int) textual { return entity.Kind(i) },
			func(s string) (textual, error) { var v entity.Kind; return v, v.UnmarshalText([]byte(s)) })
	})
	t.Run("anonymity", func(t *testing.T) {
		check(t, []string{"named", "described", "vague", "none"},
			func(i int) textual { return entity.Anonymity(i) },
			func(s string) (textual, error) { var v entity.Anonymity; return v, v.UnmarshalText([]byte(s)) })
	})
	t.Run("hedge category", func(t *testing.T) {
		check(t, []string{"epistemic", "evidential", "belief", "tentative", "conditional", "inquiry", "weasel", "attribution", "booster"},
			func(i int) textual { return claim.Category(i) },
			func(s string) (textual, error) { var v claim.Category; return v, v.UnmarshalText([]byte(s)) })
	})
	t.Run("certainty", func(t *testing.T) {
		check(t, []string{"certain", "probable", "possible", "underspecified"},
			func(i int) textual { return claim.Certainty(i) },
			func(s string) (textual, error) { var v claim.Certainty; return v, v.UnmarshalText([]byte(s)) })
	})
	t.Run("polarity", func(t *testing.T) {
		check(t, []string{"positive", "negative"},
			func(i int) textual { return claim.Polarity(i) },
			func(s string) (textual, error) { var v claim.Polarity; return v, v.UnmarshalText([]byte(s)) })
	})
	t.Run("claim kind", func(t *testing.T) {
		check(t, []string{"statement", "quote", "opinion", "prediction", "question"},
			func(i int) textual { return claim.Kind(i) },
			func(s string) (textual, error) { var v claim.Kind; return v, v.UnmarshalText([]byte(s)) })
	})
	t.Run("stance", func(t *testing.T) {
		check(t, []string{"neutral", "distancing", "endorsing", "belief", "tentative", "document", "denial"},
			func(i int) textual { return attribution.Stance(i) },
			func(s string) (textual, error) { var v attribution.Stance; return v, v.UnmarshalText([]byte(s)) })
	})
	t.Run("form", func(t *testing.T) {
		check(t, []string{"direct", "indirect", "mixed", "unattributed"},
			func(i int) textual { return attribution.Form(i) },
			func(s string) (textual, error) { var v attribution.Form; return v, v.UnmarshalText([]byte(s)) })
	})
}

func TestQueries(t *testing.T) {
	d := handBuilt()
	ids := func(cs []claim.Claim) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	if diff := cmp.Diff([]string{"c1"}, ids(d.ClaimsBy("e1"))); diff != "" {
		t.Errorf("ClaimsBy(e1) (-want +got):\n%s", diff)
	}
	if got := d.ClaimsBy("e3"); len(got) != 0 {
		t.Errorf("ClaimsBy(e3) = %v, want none", got)
	}
	if diff := cmp.Diff([]string{"c2"}, ids(d.Unattributed())); diff != "" {
		t.Errorf("Unattributed (-want +got):\n%s", diff)
	}
	var chain []string
	for _, a := range d.Chain("a2") {
		chain = append(chain, a.ID)
	}
	if diff := cmp.Diff([]string{"a2", "a1"}, chain); diff != "" {
		t.Errorf("Chain(a2) (-want +got):\n%s", diff)
	}
	if got := d.Chain("a9"); got != nil {
		t.Errorf("Chain(unknown) = %v", got)
	}
	d.Attributions[0].Via = "a2" // a loop must not hang
	if got := len(d.Chain("a2")); got != 2 {
		t.Errorf("Chain on a loop has %d links, want 2", got)
	}
	if got := len(d.HedgesOf("c1")); got != 1 {
		t.Errorf("HedgesOf(c1) = %d hedges, want 1", got)
	}
}

// TestLongViaChain checks that validation, the report, the queries and
// the encoders stay linear on a 20,000-long via chain (four times the
// chain takes about four times the work, package worktest), and that a
// loop in it is found.
func TestLongViaChain(t *testing.T) {
	n := 20000
	if raceEnabled {
		n = 8000
	}
	chain := func(n int) *hearsay.Document {
		d := &hearsay.Document{Text: "x"}
		d.Claims = []claim.Claim{{ID: "c1", Text: "x", Spans: []span.Span{span.New(0, 1)}}}
		for i := range n {
			a := attribution.Attribution{ID: "a" + strconv.Itoa(i), Claim: "c1"}
			if i > 0 {
				a.Via = "a" + strconv.Itoa(i-1)
			}
			d.Attributions = append(d.Attributions, a)
		}
		return d
	}
	d := chain(n)
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := d.Report().DeepestChain; got != n {
		t.Errorf("deepest chain %d, want %d", got, n)
	}
	if got := len(d.Chain("a" + strconv.Itoa(n-1))); got != n {
		t.Errorf("chain of %d, want %d", got, n)
	}
	if got := len(d.Index().Chain("a" + strconv.Itoa(n-1))); got != n {
		t.Errorf("indexed chain of %d, want %d", got, n)
	}
	work := func(n int) {
		d := chain(n)
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
		d.Report()
		d.Chain("a" + strconv.Itoa(n-1))
		ix := d.Index()
		for _, a := range d.Attributions {
			if v, ok := ix.Attribution(a.Via); a.Via != "" && (!ok || v.ID != a.Via) {
				t.Fatalf("attribution %s: via %s not found", a.ID, a.Via)
			}
		}
		if _, err := d.MarshalJSONLD(hearsay.JSONLDOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteDOT(io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	if g := worktest.Growth(t, work, n/4, n); g > 10 {
		t.Errorf("4x the chain took %.1fx the work", g)
	}
	d.Attributions[0].Via = "a" + strconv.Itoa(n-1) // close a loop of n
	err := d.Validate()
	msg := fmt.Sprint(err)
	if got := strings.Count(msg, "via chain loops"); got != hearsay.MaxValidationErrors {
		t.Errorf("a loop of %d attributions listed %d loop errors, want %d", n, got, hearsay.MaxValidationErrors)
	}
	if !errors.Is(err, hearsay.ErrViaCycle) || !errors.Is(err, hearsay.ErrTooManyProblems) ||
		!strings.Contains(msg, fmt.Sprintf("%d more problems not listed", n-hearsay.MaxValidationErrors)) {
		t.Errorf("the loop's error does not count the problems it leaves out: ...%s", msg[max(len(msg)-200, 0):])
	}
	if got := d.Report().DeepestChain; got != n {
		t.Errorf("deepest chain on the loop %d, want %d", got, n)
	}
}

// TestEncodersRefuseInvalid checks that every encoder refuses a document
// that Validate rejects, with Validate's error, and writes nothing.
func TestEncodersRefuseInvalid(t *testing.T) {
	d := handBuiltCopy(t)
	d.Claims[0].Spans[0].End = len(d.Text) + 5
	want := d.Validate()
	if want == nil {
		t.Fatal("the broken document validates")
	}
	if _, err := d.MarshalJSON(); err == nil || err.Error() != want.Error() {
		t.Errorf("MarshalJSON: %v, want %v", err, want)
	}
	if _, err := json.Marshal(d); err == nil || !strings.Contains(err.Error(), want.Error()) {
		t.Errorf("json.Marshal: %v, want %v", err, want)
	}
	if _, err := d.MarshalJSONLD(hearsay.JSONLDOptions{}); err == nil || err.Error() != want.Error() {
		t.Errorf("MarshalJSONLD: %v, want %v", err, want)
	}
	var buf strings.Builder
	if err := d.WriteDOT(&buf); err == nil || err.Error() != want.Error() || buf.Len() > 0 {
		t.Errorf("WriteDOT: %v and %d bytes, want %v and nothing", err, buf.Len(), want)
	}
	if err := d.WriteDOTCluster(&buf, "c1", "one"); err == nil || err.Error() != want.Error() || buf.Len() > 0 {
		t.Errorf("WriteDOTCluster: %v and %d bytes, want %v and nothing", err, buf.Len(), want)
	}
	if err := d.WriteJSON(&buf); err == nil || err.Error() != want.Error() || buf.Len() > 0 {
		t.Errorf("WriteJSON: %v and %d bytes, want %v and nothing", err, buf.Len(), want)
	}
	if err := d.WriteJSONLD(&buf, hearsay.JSONLDOptions{}); err == nil || err.Error() != want.Error() || buf.Len() > 0 {
		t.Errorf("WriteJSONLD: %v and %d bytes, want %v and nothing", err, buf.Len(), want)
	}
	if err := d.WriteHTML(&buf); err == nil || err.Error() != want.Error() || buf.Len() > 0 {
		t.Errorf("WriteHTML: %v and %d bytes, want %v and nothing", err, buf.Len(), want)
	}
}

// TestValidateCapped checks that a document with 100,000 bad spans gets
// an error of bounded size that still counts them all.
func TestValidateCapped(t *testing.T) {
	d := &hearsay.Document{Text: "x"}
	const n = 100000
	for range n {
		d.Sentences = append(d.Sentences, span.New(0, 9))
	}
	err := d.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	if len(err.Error()) > 4096 {
		t.Errorf("the error is %d bytes", len(err.Error()))
	}
	if want := fmt.Sprintf("%d more problems not listed", n-hearsay.MaxValidationErrors); !strings.Contains(err.Error(), want) {
		t.Errorf("the error does not say %q: %v", want, err)
	}
}

func TestDocumentIDJSON(t *testing.T) {
	doc := hearsay.Document{ID: "corpus/a.txt", Text: "Hi."}
	b, err := doc.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"corpus/a.txt","lang":`; !strings.HasPrefix(string(b), want) {
		t.Errorf("MarshalJSON = %s, want it to start with %s", b, want)
	}
	var back hearsay.Document
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.ID != doc.ID {
		t.Errorf("decoded ID %q, want %q", back.ID, doc.ID)
	}
	doc.ID = ""
	if b, _ := doc.MarshalJSON(); strings.Contains(string(b), `"id"`) {
		t.Errorf("empty ID written: %s", b)
	}
}

func TestJSONLDCompact(t *testing.T) {
	doc := hearsay.Document{Text: "Hi."}
	b, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{Compact: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "\n"); n != 1 {
		t.Errorf("compact JSON-LD has %d newlines, want 1 (the last):\n%s", n, b)
	}
}
