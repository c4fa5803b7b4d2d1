package annot

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// TestTagsBySentence checks that tags asked a token at a time, which tag
// one sentence at a time, are the tags of each sentence tagged alone, and
// that every token belongs to a sentence, in order.
func TestTagsBySentence(t *testing.T) {
	src := "  The mayor said the bridge would close.  \"It may not,\" she replied. Then rain  "
	sents := text.Sentences(src)
	a := New(src, sents, pos.English())
	defer a.Release()
	var got []pos.Tag
	for i := range a.Tokens() {
		got = append(got, a.Tag(i))
	}
	var want []pos.Tag
	for k := range sents {
		from, to := a.SentenceTokens(k)
		want = pos.English().TagTokens(src, a.Tokens()[from:to], want)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tags (-alone +by token):\n%s", diff)
	}
	if diff := cmp.Diff(want, a.Tags()); diff != "" {
		t.Errorf("Tags (-want +got):\n%s", diff)
	}
	prev := 0
	for i := range a.Tokens() {
		k := a.Sentence(i)
		if from, to := a.SentenceTokens(k); i < from || i >= to || k < prev {
			t.Fatalf("token %d in sentence %d [%d,%d) after sentence %d", i, k, from, to, prev)
		}
		prev = k
	}
}

func TestNoSentences(t *testing.T) {
	for _, src := range []string{"", "word", "\xff\xfe", strings.Repeat("a ", 10)} {
		a := New(src, nil, pos.English())
		if n := len(a.Tags()); n != len(a.Tokens()) {
			t.Errorf("%q: %d tags for %d tokens", src, n, len(a.Tokens()))
		}
		if len(a.Tokens()) > 0 && a.Sentence(len(a.Tokens())-1) != 0 {
			t.Errorf("%q: the last token is not in run 0", src)
		}
		a.Release()
	}
}

func TestIn(t *testing.T) {
	src := "Officials, as reported by Axios, claim it."
	a := New(src, text.Sentences(src), nil)
	defer a.Release()
	i := strings.Index(src, "as reported")
	from, to := a.In(span.New(i, i+len("as reported by")))
	var got []string
	for _, tok := range a.Tokens()[from:to] {
		got = append(got, tok.Fold)
	}
	if want := []string{"as", "reported", "by"}; !slices.Equal(got, want) {
		t.Errorf("In = %q, want %q", got, want)
	}
	if j := a.TokenAt(i + 1); a.Tokens()[j].Fold != "as" {
		t.Errorf("TokenAt inside \"as\" = %q", a.Tokens()[j].Fold)
	}
}

// TestPhrase checks that the tokens of a phrase cut from the text are
// those of the phrase tokenized alone, and that a span that cuts a token
// is refused.
func TestPhrase(t *testing.T) {
	src := `A senior White House official told Axios: "We have covert operations."`
	a := New(src, text.Sentences(src), nil)
	defer a.Release()
	for _, phrase := range []string{"A senior White House official", "Axios", `"We have covert operations."`, "told"} {
		i := strings.Index(src, phrase)
		got, ok := a.Phrase(span.New(i, i+len(phrase)), nil)
		if !ok {
			t.Fatalf("%q: refused", phrase)
		}
		var alone text.Tokens
		text.Tokenize(phrase, &alone)
		if diff := cmp.Diff(alone.Toks, got); diff != "" {
			t.Errorf("%q (-alone +cut):\n%s", phrase, diff)
		}
	}
	if _, ok := a.Phrase(span.New(2, 5), nil); ok {
		t.Errorf("a span inside a word was not refused")
	}
}
