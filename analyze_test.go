package hearsay_test

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/worktest"
	"github.com/hearsay-go/hearsay/span"
)

func readArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func TestAnalyzeArticleHedges(t *testing.T) {
	doc := hearsay.Analyze(readArticle(t))
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range doc.Hedges {
		got = append(got, h.Text)
	}
	// Cues the article must yield, in order, from the table of DESIGN.md.
	want := []string{"fears", "might", "should", "according to", "as reported by", "fears", "if",
		"suggest", "According to", "potential", "views", "according to", "believe"}
	j := 0
	for _, g := range got {
		if j < len(want) && g == want[j] {
			j++
		}
	}
	if j < len(want) {
		t.Errorf("hedges %q: missing %q and after, in order", got, want[j:])
	}
	// A hedge belongs to a claim that contains it, or stands outside
	// every claim (a cue such as "according to").
	for _, h := range doc.Hedges {
		if h.Claim == "" {
			for _, c := range doc.Claims {
				for _, sp := range c.Spans {
					if sp.Contains(h.Span) {
						t.Errorf("hedge %q at %v has no claim but is inside %s", h.Text, h.Span, c.ID)
					}
				}
			}
			continue
		}
		c, ok := doc.Claim(h.Claim)
		if !ok || !slices.ContainsFunc(c.Spans, func(s span.Span) bool { return s.Contains(h.Span) }) {
			t.Errorf("hedge %q at %v is not inside its claim %q", h.Text, h.Span, h.Claim)
		}
	}
}

func TestAnalyzeCertainty(t *testing.T) {
	tests := []struct {
		name, text string
		certainty  claim.Certainty
		polarity   claim.Polarity
		kind       claim.Kind
	}{
		{"plain", "The ministry published the figures.", claim.Certain, claim.Positive, claim.Statement},
		{"modal", "The ministry may publish the figures.", claim.Possible, claim.Positive, claim.Statement},
		{"evidential", "The ministry reportedly hid the figures.", claim.Probable, claim.Positive, claim.Statement},
		{"negated", "The ministry did not publish the figures.", claim.Certain, claim.Negative, claim.Statement},
		{"no doubt is not negation", "There is no doubt the ministry hid them.", claim.Certain, claim.Positive, claim.Statement},
		{"question", `Did the ministry hide them?"`, claim.Underspecified, claim.Positive, claim.Question},
		{"conditional", "If the figures leak, the minister will resign.", claim.Underspecified, claim.Positive, claim.Statement},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := hearsay.Analyze(tt.text)
			if len(doc.Claims) != 1 {
				t.Fatalf("%d claims, want 1", len(doc.Claims))
			}
			c := doc.Claims[0]
			if c.Certainty != tt.certainty || c.Polarity != tt.polarity || c.Kind != tt.kind {
				t.Errorf("got %v %v %v, want %v %v %v", c.Certainty, c.Polarity, c.Kind, tt.certainty, tt.polarity, tt.kind)
			}
		})
	}
}

func TestAnalyzeSpanish(t *testing.T) {
	a, err := hearsay.New(hearsay.WithLanguage(language.MustParse("es-MX")))
	if err != nil {
		t.Fatal(err)
	}
	doc := a.Analyze("Según la fiscalía, el ministro habría ocultado las cifras.")
	if doc.Lang != language.Spanish {
		t.Errorf("Lang = %v, want es", doc.Lang)
	}
	if len(doc.Hedges) != 2 || doc.Hedges[1].Text != "habría" || doc.Claims[0].Certainty != claim.Probable {
		t.Errorf("hedges %+v, certainty %v", doc.Hedges, doc.Claims[0].Certainty)
	}
	if _, err := hearsay.New(hearsay.WithLanguage(language.Japanese)); err == nil {
		t.Error("New accepted Japanese, which has no lexicons")
	}
}

// equateTags compares language tags, whose fields are unexported.
var equateTags = cmp.Comparer(func(a, b language.Tag) bool { return a == b })

// TestAnalyzeConcurrent runs Analyze from many goroutines at once on
// texts of several sizes, so that pooled buffers pass from long texts to
// short ones, and checks every result against one made alone; run it
// with -race.
func TestAnalyzeConcurrent(t *testing.T) {
	article := readArticle(t)
	texts := []string{article, article[:len(article)/3], "Officials said the bridge may close.",
		strings.Repeat(`"We will rebuild," the mayor said. Critics claim it may fail. `, 300)}
	want := make([]*hearsay.Document, len(texts))
	for i, s := range texts {
		want[i] = hearsay.Analyze(s)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for r := range 4 {
				i := (g + r) % len(texts)
				if diff := cmp.Diff(want[i], hearsay.Analyze(texts[i]), equateTags); diff != "" {
					t.Errorf("text %d analyzed concurrently differs (-alone +concurrent):\n%s", i, diff)
					return
				}
			}
		})
	}
	wg.Wait()
}

// fuzzSeeds are the seeds of FuzzAnalyze and FuzzAnalyzeSpanish: the
// article's paragraphs and small hostile texts. Inputs past fuzzMax
// bytes are cut to it, so that the fuzzer spends its time on many small
// inputs; the long hostile inputs have their own tests
// (TestAnalyzeLinear, TestOutputLinear).
func fuzzSeeds(f *testing.F) {
	for p := range strings.SplitSeq(readArticle(f), "\n\n") {
		f.Add(p[:min(len(p), fuzzMax)])
	}
	for _, s := range []string{"", "\"", "a\x00b. C?", "\xff\xfe. may", strings.Repeat("\"", 100),
		strings.Repeat("«", 20) + "may" + strings.Repeat("»", 19), strings.Repeat("x may ", 20),
		"Smith: We will win. \"Really,\" he said.", "López: Vamos a ganar. «Claro», dijo él.",
		"Un alto funcionario de la Casa Blanca dijo a la prensa que no, según informó EFE."} {
		f.Add(s)
	}
}

const fuzzMax = 512

// FuzzAnalyze checks the invariants of Analyze's output: a valid
// Document, sentences and hedges in order, and JSON for valid UTF-8.
func FuzzAnalyze(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		s = s[:min(len(s), fuzzMax)]
		doc := hearsay.Analyze(s)
		if err := doc.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		prev := 0
		for _, sent := range doc.Sentences {
			if sent.Start < prev || sent.End <= sent.Start {
				t.Fatalf("sentence %v out of order or empty", sent)
			}
			prev = sent.End
		}
		prev = 0
		for _, h := range doc.Hedges {
			if h.Span.Start < prev {
				t.Fatalf("hedge %v out of order", h.Span)
			}
			prev = h.Span.End
		}
		if utf8.ValidString(s) {
			b, err := doc.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON: %v", err)
			}
			var back hearsay.Document
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("the JSON does not decode: %v", err)
			}
			if diff := cmp.Diff(doc, &back, cmpopts.EquateEmpty(), equateTags); diff != "" {
				t.Fatalf("after a JSON round trip (-want +got):\n%s", diff)
			}
		}
	})
}

// FuzzAnalyzeSpanish checks that the Spanish analysis gives a valid
// Document for any input.
func FuzzAnalyzeSpanish(f *testing.F) {
	fuzzSeeds(f)
	es, err := hearsay.New(hearsay.WithLanguage(language.Spanish))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = s[:min(len(s), fuzzMax)]
		if err := es.Analyze(s).Validate(); err != nil {
			t.Fatalf("Validate (Spanish): %v", err)
		}
	})
}

// TestAnalyzeLinear runs inputs that once made model building quadratic
// (every sentence an attribution, a via chain per sentence, quotes that
// never close) and checks that each validates and that four times the
// input takes about four times the work (package worktest).
func TestAnalyzeLinear(t *testing.T) {
	for _, unit := range []string{
		"he said ",
		"according to ",
		`"`,
		`He said, "yes." `,
		"Officials, as reported by Axios, claim he fears it. ",
	} {
		n := max(1000, 8000/len(unit))
		if err := hearsay.Analyze(strings.Repeat(unit, 4*n)).Validate(); err != nil {
			t.Fatal(err)
		}
		run := func(n int) { hearsay.Analyze(strings.Repeat(unit, n)) }
		if g := worktest.Growth(t, run, n, 4*n); g > 10 {
			t.Errorf("%q: 4x the text took %.1fx the work", unit, g)
		}
	}
}

// TestOutputLinear checks that every format writes at most a fixed
// number of bytes per input byte, on texts whose claims nest thousands
// deep or run for pages without a sentence end.
func TestOutputLinear(t *testing.T) {
	words := strings.Fields("the minister said that officials believe the plan may fail and critics claim " +
		"it will cost more while the mayor told reporters that analysts suggest the vote could be delayed " +
		"according to a report by the agency which says the company denied the charges")
	var unpunctuated strings.Builder
	for i := 0; unpunctuated.Len() < 400_000; i++ {
		unpunctuated.WriteString(words[(i*7)%len(words)])
		unpunctuated.WriteByte(' ')
	}
	n := 5000 // the input of the issue that found output growing with its square
	if raceEnabled {
		n = 1000
	}
	tests := []struct {
		name string
		text string
	}{
		{"nested speech", strings.Repeat("X said that Y said that ", n) + "it rains."},
		{"nested claims", strings.Repeat("Officials claim that ", n) + "it rains."},
		{"no sentence ends", unpunctuated.String()},
		{"quotes in quotes", strings.Repeat(`He said, "she said, 'they said, `, 2000) + "yes"},
	}
	const maxJSON, maxJSONLD, maxDOT = 40, 400, 100 // bytes per input byte
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := hearsay.Analyze(tt.text)
			js, err := doc.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if r := float64(len(js)) / float64(len(tt.text)); r > maxJSON {
				t.Errorf("JSON: %.1f bytes per input byte, want at most %d", r, maxJSON)
			}
			var back hearsay.Document
			if err := json.Unmarshal(js, &back); err != nil {
				t.Fatalf("the JSON does not decode: %v", err)
			}
			if diff := cmp.Diff(doc.Claims, back.Claims); diff != "" {
				t.Errorf("claims after a round trip (-want +got):\n%s", diff)
			}
			ld, err := doc.MarshalJSONLD(hearsay.JSONLDOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if r := float64(len(ld)) / float64(len(tt.text)); r > maxJSONLD {
				t.Errorf("JSON-LD: %.1f bytes per input byte, want at most %d", r, maxJSONLD)
			}
			var dot strings.Builder
			if err := doc.WriteDOT(&dot); err != nil {
				t.Fatal(err)
			}
			if r := float64(dot.Len()) / float64(len(tt.text)); r > maxDOT {
				t.Errorf("DOT: %.1f bytes per input byte, want at most %d", r, maxDOT)
			}
			t.Logf("bytes per input byte: JSON %.1f, JSON-LD %.1f, DOT %.1f",
				float64(len(js))/float64(len(tt.text)), float64(len(ld))/float64(len(tt.text)), float64(dot.Len())/float64(len(tt.text)))
		})
	}
}

func TestRegistryNames(t *testing.T) {
	reg, err := entity.NewRegistry(
		entity.New("mlk", "Martin Luther King Jr.", entity.Person),
		entity.New("cpp", "C++ Foundation", entity.Organization).WithAliases("the standard committee of the C++ language and its friends here"),
		entity.New("maduro", "Nicolás Maduro", entity.Person),
	)
	if err != nil {
		t.Fatal(err)
	}
	a, err := hearsay.New(hearsay.WithRegistry(reg))
	if err != nil {
		t.Fatalf("New with a registry the lexicon syntax cannot hold: %v", err)
	}
	doc := a.Analyze("Robert Downey Jr. said the film was fun. Maduro said nothing.")
	for _, e := range doc.Entities {
		if e.Label() == "Jr." {
			t.Errorf("a suffix became an entity: %+v", e)
		}
	}
	if e, ok := doc.Entity("maduro"); !ok || len(e.Mentions) != 1 {
		t.Errorf("Maduro by surname: %+v", e)
	}
}
