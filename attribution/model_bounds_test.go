package attribution

import (
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/boundary"
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// TestSourceBounds checks that the boundary model moves a source phrase
// the span model cut short, classifies the new phrase and says so in the
// rule.
func TestSourceBounds(t *testing.T) {
	if boundsModel() == nil {
		t.Fatal("no boundary model is embedded")
	}
	if boundary.Featurize == nil {
		t.Fatal("boundary.Featurize is not set")
	}
	s := "The carmakers met on Monday. Neither Rover nor Shanghai Automotive commented on the reports."
	choices := featurizeBounds(s, spanModel())
	if len(choices) != 1 || choices[0].Span.Text(s) != "Automotive" {
		t.Fatalf("proposed source phrases %v, want one, %q", choices, "Automotive")
	}
	ch := choices[0]
	if ch.Starts[0].At != ch.Span.Start || ch.Ends[0].At != ch.Span.End {
		t.Errorf("the proposed boundaries are not the first candidates: %d, %d", ch.Starts[0].At, ch.Ends[0].At)
	}
	var x Extractor
	frames := x.Extract(s, nil)
	if len(frames) != 1 {
		t.Fatalf("%d frames, want 1", len(frames))
	}
	f := frames[0]
	want := "Neither Rover nor Shanghai Automotive"
	if got := f.SourcePhrase.Text(s); got != want || f.Source != f.SourcePhrase {
		t.Errorf("source %q, phrase %q, want both %q", f.Source.Text(s), got, want)
	}
	if !strings.HasSuffix(f.Rule, sourceBoundsRule) {
		t.Errorf("rule %q does not say the boundary model moved the source", f.Rule)
	}
	if cl := entity.Classify(want); f.Kind != cl.Kind || f.Anonymity != cl.Anonymity {
		t.Errorf("source classified %v %v, want %v %v (the moved phrase's)", f.Kind, f.Anonymity, cl.Kind, cl.Anonymity)
	}
}

// TestSourceBoundsCandidates checks that the candidate boundaries of a
// source phrase stay clear of its cue and content and within its
// paragraph.
func TestSourceBoundsCandidates(t *testing.T) {
	s := "Earlier text ends here.\n\n“We will appeal,” said Jamie Firestone, a lawyer in Moscow who is not connected to the case.\n\nNext paragraph here."
	cue := span.New(strings.Index(s, "said"), strings.Index(s, "said")+len("said"))
	para := span.New(strings.Index(s, "“"), strings.Index(s, "\n\nNext"))
	choices := featurizeBounds(s, spanModel())
	if len(choices) == 0 {
		t.Fatal("no source phrase proposed")
	}
	for _, ch := range choices {
		for _, c := range ch.Starts {
			if c.At < cue.End || c.At >= para.End {
				t.Errorf("start candidate at %d: outside (%d, %d)", c.At, cue.End, para.End)
			}
		}
		for _, c := range ch.Ends {
			if c.At <= cue.End || c.At > para.End {
				t.Errorf("end candidate at %d: outside (%d, %d]", c.At, cue.End, para.End)
			}
		}
		if len(ch.Starts) < 2 || len(ch.Ends) < 2 {
			t.Errorf("%d start and %d end candidates, want several", len(ch.Starts), len(ch.Ends))
		}
	}
}

// TestBoundsCrossSums checks that the running sums of the crossed
// weights give each candidate the score of all its features.
func TestBoundsCrossSums(t *testing.T) {
	m := boundsModel()
	txt := "Oil prices rose on Monday. The Paris-based economics think tank, which advises 38 countries, said growth would slow.\n\n" +
		"“We will appeal,” said Jamie Firestone, a lawyer in Moscow who is not connected to the case, on Friday."
	mc, a := readModelPieces(t, txt)
	toks := a.Tokens()
	b := &mc.ms.bounds
	checked := 0
	// Every phrase of one to four tokens: with a cue of one token two
	// tokens after it and no content; with a cue right before it that
	// takes the space after it (a limit that ends in the phrase's
	// leading white space) and a content two tokens after it; and with
	// a cue at its first token.
	type setup struct {
		cue     span.Span
		content []span.Span
	}
	for i := range toks {
		for n := 1; n <= 4 && i+n+2 < len(toks); n++ {
			src := span.New(toks[i].Span.Start, toks[i+n-1].Span.End)
			setups := []setup{{cue: toks[i+n+1].Span}}
			if i > 0 {
				setups = append(setups, setup{cue: span.New(toks[i-1].Span.Start, src.Start), content: []span.Span{toks[i+n+1].Span}})
			}
			setups = append(setups, setup{cue: toks[i].Span})
			for _, su := range setups {
				checked += checkCrossSums(t, b, m, mc, txt, src, su.cue, su.content)
			}
		}
	}
	if checked < 1500 {
		t.Errorf("only %d candidates checked", checked)
	}
}

// checkCrossSums checks the scores of the candidates of src (cue,
// content) and returns how many it checked.
func checkCrossSums(t *testing.T, b *boundsCtx, m *boundary.Model, mc *modelCtx, txt string, src, cue span.Span, content []span.Span) int {
	t.Helper()
	if !b.init(mc.c, &mc.ms.tags, src, cue, "say", content) {
		return 0
	}
	b.crossWeights(m)
	checked := 0
	for _, k := range b.startCandidates(nil) {
		want := m.Score(b.startFeats(k, true))
		got := m.Score(b.startFeats(k, false)) + b.startCross(k)
		if got != want {
			t.Fatalf("start %d of %q: %d from the sums, %d from the features", k, src.Text(txt), got, want)
		}
		checked++
	}
	for _, k := range b.endCandidates(nil) {
		want := m.Score(b.endFeats(k, true))
		got := m.Score(b.endFeats(k, false)) + b.endCross(k)
		if got != want {
			t.Fatalf("end %d of %q: %d from the sums, %d from the features", k, src.Text(txt), got, want)
		}
		checked++
	}
	return checked
}

// TestSourceBoundsKeepName checks that the boundary model never moves a
// named source to a phrase without the name.
func TestSourceBoundsKeepName(t *testing.T) {
	s := "But Deutsche Bank - itself a target of a Yukos lawsuit - said documents had been backdated to strengthen the case."
	var x Extractor
	frames := x.Extract(s, nil)
	if len(frames) != 1 {
		t.Fatalf("%d frames, want 1", len(frames))
	}
	if got := frames[0].SourcePhrase.Text(s); !strings.HasPrefix(got, "Deutsche Bank") || frames[0].Anonymity != entity.Named {
		t.Errorf("source phrase %q (%v), want the named Deutsche Bank", got, frames[0].Anonymity)
	}
}

// TestParticipleSource checks that a participle cue after a comma takes
// the subject of its clause, not an object of the verb before it.
func TestParticipleSource(t *testing.T) {
	for _, tc := range []struct{ text, cue, want string }{
		{"Trump has tried to use the ad against Clinton, accusing her of being asleep when the calls came in.", "accusing", "Trump"},
		{"Reid frequently mocked Romney for not releasing his full tax returns, claiming that he had a well-connected source.", "claiming", "Reid"},
		{"Trump openly admires Russian President Vladimir Putin as a “strong leader,” comparing him favorably to Obama.", "comparing", "Trump"},
		{`The country "has made dramatic changes for the better," McConnell said in June 2012, citing the release of political prisoners.`, "citing", "McConnell"},
		{"He will likely be able to sign up more donors by citing his early results in the polls.", "citing", "He"},
		{"The singer performed for the crowd before asking them to vote for Clinton.", "asking", "The singer"},
	} {
		var x Extractor
		found := false
		for _, f := range x.Extract(tc.text, nil) {
			if !strings.HasPrefix(f.Cue.Text(tc.text), tc.cue) {
				continue
			}
			found = true
			if got := f.SourcePhrase.Text(tc.text); got != tc.want {
				t.Errorf("%q: source %q, want %q", tc.cue, got, tc.want)
			}
		}
		if !found {
			t.Errorf("%q: no attribution", tc.cue)
		}
	}
}

// TestInvertedSourceRelative checks that a source after its cue keeps a
// relative clause with a cue of its own, as PolNeAR marks it.
func TestInvertedSourceRelative(t *testing.T) {
	s := "They bought data.\n\n“It was a sizable purchase of data,” said L2 president Bruce Willsie, who declined to give a specific price tag."
	var x Extractor
	for _, f := range x.Extract(s, nil) {
		if f.Cue.Text(s) != "said" {
			continue
		}
		if got, want := f.SourcePhrase.Text(s), "L2 president Bruce Willsie, who declined to give a specific price tag"; got != want {
			t.Errorf("source %q, want %q", got, want)
		}
		return
	}
	t.Error("no attribution of said")
}

// readModelPieces reads txt with the embedded span model as Extract does,
// and returns the model's context, left on the text's last piece, and the
// annotated text; both are released when the test ends.
func readModelPieces(t *testing.T, txt string) (*modelCtx, *annot.Text) {
	t.Helper()
	var x Extractor
	a := annot.New(txt, text.Sentences(txt), pos.English())
	mc, done := x.newModelCtx(a, spanModel())
	t.Cleanup(func() {
		done()
		a.Release()
	})
	forModelPieces(txt, a.Sentences, a.Extent(), mc.piece)
	return mc, a
}
