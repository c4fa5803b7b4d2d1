package excerpt

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/span"
)

func TestNew(t *testing.T) {
	text := "Officials said that Maduro fears that his guards may leave. It rains."
	c := func(s string, from int) claim.Claim {
		i := strings.Index(text[from:], s) + from
		return claim.New("c", text, span.New(i, i+len(s)))
	}
	claims := []claim.Claim{
		c("Maduro fears that his guards may leave", 0),
		c("his guards may leave", 0),
		c("It rains.", 0),
		c("Maduro fears that his guards may leave", 0), // the same extent again
		{ID: "gaps", Text: "Maduro leave", Spans: []span.Span{span.New(20, 26), span.New(53, 58)}},
	}
	got := New(len(text), claims)
	want := Plan{Within: []int{-1, 4, -1, 0, 3}, Full: []bool{true, true, true, true, true}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNewBudget checks that the texts written stay within the budget on
// claims nested a thousand deep, and that the shortest are written.
func TestNewBudget(t *testing.T) {
	const unit = "X said that "
	text := strings.Repeat(unit, 1000) + "it rains."
	var claims []claim.Claim
	for i := 1; i <= 1000; i++ {
		claims = append(claims, claim.New("c", text, span.New(i*len(unit), len(text))))
	}
	p := New(len(text), claims)
	written := 0
	for i, full := range p.Full {
		if full {
			written += len(claims[i].Text)
		}
		if want := i - 1; p.Within[i] != want {
			t.Fatalf("claim %d within %d, want %d", i, p.Within[i], want)
		}
	}
	if written > Budget(len(text)) {
		t.Errorf("%d bytes of text written, budget %d", written, Budget(len(text)))
	}
	if !p.Full[len(claims)-1] || p.Full[0] {
		t.Errorf("the shortest claim is not written or the longest is")
	}
}

// TestNewNoSpans checks that a claim without spans keeps its text however
// long: nothing else holds it.
func TestNewNoSpans(t *testing.T) {
	claims := []claim.Claim{{ID: "c1", Text: strings.Repeat("a", 10000)}}
	if p := New(1, claims); !p.Full[0] {
		t.Errorf("the text of a claim without spans is left out")
	}
}
