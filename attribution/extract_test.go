package attribution

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/worktest"
	"github.com/hearsay-go/hearsay/span"
)

// row is what a test expects of one attribution.
type row struct {
	Source, Cue, Lemma string
	Stance             Stance
	Kind               entity.Kind
	Anonymity          entity.Anonymity
	Form               Form
	Content            []string
	Addressee          string
	Via                string // the cue text of the outer frame
}

func rows(text string, frames []Frame) []row {
	var out []row
	for _, f := range frames {
		r := row{Source: f.Source.Text(text), Cue: f.Cue.Text(text), Lemma: f.Lemma, Stance: f.Stance,
			Kind: f.Kind, Anonymity: f.Anonymity, Form: f.Form, Addressee: f.Addressee.Text(text)}
		for _, c := range f.Content {
			r.Content = append(r.Content, c.Text(text))
		}
		if f.ViaIndex >= 0 {
			r.Via = frames[f.ViaIndex].Cue.Text(text)
		}
		out = append(out, r)
	}
	return out
}

func find(rs []row, source, cue string) (row, bool) {
	for _, r := range rs {
		if r.Source == source && r.Cue == cue {
			return r, true
		}
	}
	return row{}, false
}

func TestExtractFrames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []row
	}{
		{"X said that C", "The mayor said that the bridge would reopen.", []row{
			{Source: "The mayor", Cue: "said", Lemma: "say", Stance: Neutral, Kind: entity.Government, Anonymity: entity.Described,
				Form: Indirect, Content: []string{"that the bridge would reopen"}}}},
		{"C, X said", "The bridge will reopen, city officials said.", []row{
			{Source: "city officials", Cue: "said", Lemma: "say", Stance: Neutral, Kind: entity.Government, Anonymity: entity.Described,
				Form: Indirect, Content: []string{"The bridge will reopen"}}}},
		{"C, said X", `"We are ready," said Jane Roe, a spokeswoman for the port.`, []row{
			{Source: "Jane Roe, a spokeswoman for the port", Cue: "said", Lemma: "say", Stance: Neutral, Kind: entity.Person,
				Anonymity: entity.Named, Form: Direct, Content: []string{`"We are ready,"`}}}},
		{"according to X, C", "According to Reuters, the talks failed.", []row{
			{Source: "Reuters", Cue: "According to", Lemma: "according to", Stance: Citing, Kind: entity.Media,
				Anonymity: entity.Named, Form: Indirect, Content: []string{"the talks failed"}}}},
		{"X told Y that C", "A senior official told reporters that the plan was dead.", []row{
			{Source: "A senior official", Cue: "told", Lemma: "tell", Stance: Neutral, Kind: entity.Government,
				Anonymity: entity.Described, Form: Indirect, Addressee: "reporters", Content: []string{"that the plan was dead"}}}},
		{"X said: C", `The minister said: "No deal."`, []row{
			{Source: "The minister", Cue: "said:", Lemma: "say", Stance: Neutral, Kind: entity.Government,
				Anonymity: entity.Described, Form: Direct, Content: []string{`"No deal."`}}}},
		{"it is believed", "It is believed that the ship sank.", []row{
			{Cue: "is believed", Lemma: "believe", Stance: Belief, Anonymity: entity.NoSource, Form: Indirect,
				Content: []string{"that the ship sank"}}}},
	}
	var x Extractor
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(tt.text, x.Extract(tt.text, nil))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestArticle checks every attribution of the table in DESIGN.md.
func TestArticle(t *testing.T) {
	b, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Skip(err)
	}
	text := string(b)
	var x Extractor
	rs := rows(text, x.Extract(text, nil))
	checks := []struct {
		source, cue string
		kind        entity.Kind
		anon        entity.Anonymity
		stance      Stance
		form        Form
		via         string
	}{
		{"U.S. intelligence reports", "according to", entity.Record, entity.Described, Citing, Indirect, ""},
		{"a recent article in The New York Times", "according to", entity.Media, entity.Named, Citing, Indirect, ""},
		{"Top U.S. officials", "claim", entity.Government, entity.Described, Distancing, Indirect, "as reported by"},
		{"Axios", "as reported by", entity.Media, entity.Named, Citing, Indirect, ""},
		{"Sources", "suggest", entity.Group, entity.Vague, Tentative, Mixed, ""},
		{"a senior White House official", "told", entity.Government, entity.Described, Neutral, Direct, ""},
		{"Analysts", "believe", entity.Group, entity.Vague, Belief, Indirect, ""},
		{"leaked intelligence data", "according to", entity.Record, entity.Described, Citing, Indirect, ""},
		{"Washington", "views", entity.Government, entity.Named, Belief, Indirect, ""},
		{"the Venezuelan leader", "fears", entity.Person, entity.Described, Belief, Indirect, "claim"},
	}
	for _, c := range checks {
		r, ok := find(rs, c.source, c.cue)
		if !ok {
			t.Errorf("no attribution %q / %q", c.source, c.cue)
			continue
		}
		got := []any{r.Kind, r.Anonymity, r.Stance, r.Form, r.Via}
		want := []any{c.kind, c.anon, c.stance, c.form, c.via}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q / %q: kind, anonymity, stance, form, via (-want +got):\n%s", c.source, c.cue, diff)
		}
	}
	// The affiliation is located in the text.
	for _, f := range x.Extract(text, nil) {
		if f.Source.Text(text) == "a senior White House official" &&
			(f.Affiliation != "White House" || f.AffiliationSpan.Text(text) != "White House" || !f.Source.Contains(f.AffiliationSpan)) {
			t.Errorf("affiliation of %q: %q at %v", f.Source.Text(text), f.Affiliation, f.AffiliationSpan)
		}
	}
	// The two-sentence direct quote is one speaker's.
	r, _ := find(rs, "a senior White House official", "told")
	if r.Addressee != "Axios" || len(r.Content) != 2 || !strings.HasPrefix(r.Content[0], `"We have covert`) ||
		!strings.HasPrefix(r.Content[1], `"However`) {
		t.Errorf("the White House official's quote: %+v", r)
	}
	// The two coordinated sources share one content.
	a, _ := find(rs, "U.S. intelligence reports", "according to")
	n, _ := find(rs, "a recent article in The New York Times", "according to")
	if !cmp.Equal(a.Content, n.Content) || len(a.Content) == 0 {
		t.Errorf("coordinated sources: %q and %q", a.Content, n.Content)
	}
	// "This Cuban influence is not new." is the author's.
	for _, r := range rs {
		for _, c := range r.Content {
			if strings.Contains(c, "This Cuban influence") {
				t.Errorf("the author's sentence is attributed: %+v", r)
			}
		}
	}
}

func TestSpanish(t *testing.T) {
	x, err := NewExtractor(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	text := "Según el diario, el ministro dimitió. «No hay acuerdo», dijo el portavoz."
	rs := rows(text, x.Extract(text, nil))
	if _, ok := find(rs, "el diario", "Según"); !ok {
		t.Errorf("no según frame in %+v", rs)
	}
	if r, ok := find(rs, "el portavoz", "dijo"); !ok || r.Form != Direct {
		t.Errorf("no dijo frame in %+v", rs)
	}
	if _, err := NewExtractor(language.German); err == nil {
		t.Error("German: no error")
	}

	// Sources are classified with the Spanish source lexicon.
	text = "Según fuentes oficiales, el acuerdo fracasó. El presidente Nicolás Maduro afirmó que no habrá elecciones. " +
		"Un alto funcionario de la Casa Blanca dijo que el plan sigue. " +
		"La oposición denunció que hubo fraude, según informó la agencia EFE. " +
		"El ministro aseguró a la prensa que la inflación bajará."
	rs = rows(text, x.Extract(text, nil))
	for _, c := range []struct {
		source, cue string
		kind        entity.Kind
		anon        entity.Anonymity
	}{
		{"fuentes oficiales", "Según", entity.Group, entity.Vague},
		{"El presidente Nicolás Maduro", "afirmó", entity.Person, entity.Named},
		{"Un alto funcionario de la Casa Blanca", "dijo", entity.Government, entity.Described},
		{"la agencia EFE", "según informó", entity.Media, entity.Named},
		{"La oposición", "denunció", entity.Organization, entity.Described},
	} {
		r, ok := find(rs, c.source, c.cue)
		if !ok {
			t.Errorf("no attribution %q / %q in %+v", c.source, c.cue, rs)
			continue
		}
		if r.Kind != c.kind || r.Anonymity != c.anon {
			t.Errorf("%q: %v, %v; want %v, %v", c.source, r.Kind, r.Anonymity, c.kind, c.anon)
		}
	}
	if r, ok := find(rs, "El ministro", "aseguró"); !ok || r.Addressee != "la prensa" || r.Stance != Neutral ||
		len(r.Content) != 1 || r.Content[0] != "que la inflación bajará" {
		t.Errorf("aseguró a la prensa que C: %+v", r)
	}
}

func checkFrames(t *testing.T, text string, frames []Frame) {
	t.Helper()
	check := func(what string, s span.Span) {
		if s.IsEmpty() && s.Start == 0 && s.End == 0 {
			return
		}
		if err := s.Check(text); err != nil || s.Start > s.End {
			t.Fatalf("%s %v: %v", what, s, err)
		}
	}
	for _, f := range frames {
		check("source", f.Source)
		check("source phrase", f.SourcePhrase)
		check("antecedent", f.Antecedent)
		check("cue", f.Cue)
		check("addressee", f.Addressee)
		check("affiliation", f.AffiliationSpan)
		if f.Affiliation != "" && f.AffiliationSpan.Text(text) != f.Affiliation {
			t.Fatalf("affiliation %q at %v reads %q", f.Affiliation, f.AffiliationSpan, f.AffiliationSpan.Text(text))
		}
		for _, c := range f.Content {
			check("content", c)
		}
		if f.ViaIndex >= len(frames) {
			t.Fatalf("via %d out of range", f.ViaIndex)
		}
	}
}

func TestPathological(t *testing.T) {
	var x Extractor
	es, err := NewExtractor(language.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"", `"`, `"""`, `He said "`, strings.Repeat(`"`, 1000) + " he said",
		strings.Repeat("“", 1000), strings.Repeat("he said that ", 50000),
		strings.Repeat("word ", 1<<20) + "said.", "\xff\xfe said \xff", "according to", ", said",
		// A quote inside the paragraph of a speaker who opened it.
		"Smith: We will win. \"Really.\" Then he left.", "Smith: We will win. \"Really,\" he said.",
		"López: Vamos a ganar. «Claro», dijo él.", "B:0 0!  \"0",
	} {
		checkFrames(t, text, x.Extract(text, nil))
		checkFrames(t, text, es.Extract(text, nil))
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The mayor said that the bridge would reopen.",
		`"We are ready," said Jane Roe. "Really."`,
		"According to Reuters, the talks failed.",
		"Officials, as reported by Axios, claim he fears them.",
		"It is believed that «no», dijo él.", `"unclosed quote, he said`,
		"Smith: We will win. \"Really.\" Then he left.", "López: Vamos a ganar. «Claro», dijo él.",
		"As the mayor said, the plan, a good one, failed.", "Según informó la agencia EFE, un alto funcionario de la Casa Blanca dijo a la prensa que no.",
		"You’ve been talking about it, and I'm told they’d agree.", "On “Fox News Sunday,” Gov. Mike Pence said no.",
		"Ms. Stumpf in a televised interview appeared to blame them, before asking why.",
	} {
		f.Add(s)
	}
	var x Extractor
	es, err := NewExtractor(language.Spanish)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFrames(t, s, es.Extract(s, nil))
		fr := x.Extract(s, nil)
		checkFrames(t, s, fr)
		for _, f := range fr {
			if !utf8.ValidString(s) {
				continue
			}
			_ = f.Cue.Text(s)
		}
	})
}

// TestMoreFrames covers the speaker-colon, dash-signature, "and said",
// "asked whether" and quote-then-speaker frames.
func TestMoreFrames(t *testing.T) {
	tests := []struct {
		name, text, source, cue, content string
	}{
		{"headline colon", "Senator Jones: The Budget Deal Is Dead.", "Senator Jones", ":", "The Budget Deal Is Dead"},
		{"dash signature", "“We need better roads in this town.” — Maria Lopez\n", "Maria Lopez", "—", "“We need better roads in this town.”"},
		{"and said", "Smith visited the plant on Monday and said the jobs would stay.", "Smith", "said", "the jobs would stay"},
		{"asked whether", "Asked whether she would run again, the mayor smiled.", "", "Asked", "whether she would run again"},
		{"quote then speaker", "“The bridge will reopen in May.” Garcia said.", "Garcia", "said", "“The bridge will reopen in May.”"},
		{"verb with preposition", "The governor spoke about the new budget.", "The governor", "spoke about", "the new budget"},
		{"time after cue", "The minister said Friday that taxes would fall.", "The minister", "said", "that taxes would fall"},
		{"capitals are no determiner", "The UN said the talks failed.", "The UN", "said", "the talks failed"},
		{"negated contraction", "The mayor didn't say whether the pool would open.", "The mayor", "didn't say", "whether the pool would open"},
		{"pronoun aux", "Later he's predicting a long winter.", "he", "'s predicting", "a long winter"},
		{"relative object", "It was a plan which the senator said would fail.", "the senator", "said", "would fail"},
		{"pronoun after adverb", "Perhaps she doubts the figures.", "she", "doubts", "the figures"},
		{"passive without to", "The council is expected to vote on Tuesday.", "", "is expected", "The council"},
		{"was asked whether", "The coach was asked whether he would resign.", "", "was asked", "whether he would resign"},
		{"in a poll", "In a county survey released Monday, most residents backed the park.", "a county survey released Monday", "In", "most residents backed the park"},
		{"headline verb", "Local Baker Says Prices Will Rise", "Local Baker", "Says", "Prices Will Rise"},
		{"dash appositive", "Ann Lee — a nurse from Dayton — says the clinic is full.", "Ann Lee — a nurse from Dayton —", "says", "the clinic is full"},
		{"title before name", "\"We will appeal,\" said former Judge Amy Park.", "former Judge Amy Park", "said", "\"We will appeal,\""},
		{"stance verb", "The union backed the new contract.", "The union", "backed", "the new contract"},
		{"slash in source", "The Smith/Jones survey shows that rents rose.", "The Smith/Jones survey", "shows", "that rents rose"},
		{"quantifier subject", "Some said they would vote for the levy.", "Some", "said", "they would vote for the levy"},
		{"and others", "Edwards and others said they could not support the plan.", "Edwards and others", "said", "they could not support the plan"},
		{"nested quote closes", `"She told me, 'wait,' " said Tom Hale, a neighbor.`, "Tom Hale, a neighbor", "said", `"She told me, 'wait,' "`},
		{"speaker's paragraph", "MAYOR: We will rebuild. The money is there.\n\nThe council met later.", "MAYOR", ":", "We will rebuild. The money is there"},
		{"modal passive", "The council could be expected to vote on Tuesday.", "", "could be expected", "The council"},
		{"quoted title in source", `According to her "clawback" plan, firms must repay the aid.`, `her "clawback" plan`, "According to", "firms must repay the aid"},
		{"appositive of according to", "According to Ann Blair, a friend of the mayor, the aide quit.", "Ann Blair, a friend of the mayor", "According to", "the aide quit"},
		{"coordinated modifiers", "The inquiry found nothing new, current and former officials said.", "current and former officials", "said", "The inquiry found nothing new"},
		{"quantified coordinated modifiers", "Several current and former officials said the road would close.", "Several current and former officials", "said", "the road would close"},
		{"coordinated sources, one with a modifier", "The Department of State and local officials said the road would close.", "The Department of State and local officials", "said", "the road would close"},
		{"now in the verb group", "The mayor now says the pool will open.", "The mayor", "now says", "the pool will open"},
		{"typo closing mark opens a line", "Intro.\n”We will win.” ― Ana Ruiz\n", "Ana Ruiz", "―", "”We will win.”"},
		{"quote first, circumstance after", `"We will win," Mr. Hale said on Saturday in Ohio.`, "Mr. Hale", "said", `"We will win,"`},
		{"quote first, topic after", `"I would regret it," he said about speaking out.`, "he", "said", `"I would regret it,"`},
		{"quote first, content after", `"Listen," she said that the vote was rigged.`, "she", "said", "that the vote was rigged"},
		{"as X said, C", "As the mayor told the Daily News, the pool will open in May.", "the mayor", "told", "the pool will open in May"},
		{"C, as X said", "The pool opened late, as the Herald reported on Tuesday.", "the Herald", "reported", "The pool opened late"},
		{"some say", "Some say the pool will never open.", "Some", "say", "the pool will never open"},
		{"adverb after particle", "The union has called for immediately ending the strike.", "The union", "has called for", "immediately ending the strike"},
	}
	var x Extractor
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frames := x.Extract(tt.text, nil)
			for _, f := range frames {
				if f.Cue.Text(tt.text) != tt.cue {
					continue
				}
				// The content fragment wanted, or else the first: with
				// the span model a content may have more fragments
				// ("Listen," before the cue).
				got := [2]string{f.SourcePhrase.Text(tt.text), ""}
				for i, c := range f.Content {
					if i == 0 || c.Text(tt.text) == tt.content {
						got[1] = c.Text(tt.text)
					}
				}
				if diff := cmp.Diff([2]string{tt.source, tt.content}, got); diff != "" {
					t.Errorf("source, content (-want +got):\n%s", diff)
				}
				return
			}
			t.Errorf("no frame with cue %q in %v", tt.cue, rows(tt.text, frames))
		})
	}
}

// TestOpenerBeforeAccordingTo checks that an adverbial opening the
// sentence before "according to X," is a fragment of the content, not a
// source, and that no other frame takes X.
func TestOpenerBeforeAccordingTo(t *testing.T) {
	text := "Since last November, according to the monitors, state police have arrested 400 people."
	var x Extractor
	got := rows(text, x.Extract(text, nil))
	want := []row{{Source: "the monitors", Cue: "according to", Lemma: "according to", Stance: Citing,
		Kind: entity.Person, Anonymity: entity.Described, Form: Indirect,
		Content: []string{"Since last November", "state police have arrested 400 people"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSignedQuotesInARow checks that quotes signed one per line stay
// each with its own signer, none continuing the quote before it.
func TestSignedQuotesInARow(t *testing.T) {
	text := "“The plan failed. We lost.” ― Sonya Ruiz\n“It will work. Wait.” ― Edwin Cole\n"
	var x Extractor
	got := rows(text, x.Extract(text, nil))
	want := []row{
		{Source: "Sonya Ruiz", Cue: "―", Lemma: "say", Stance: Neutral, Kind: entity.Person, Anonymity: entity.Named,
			Form: Direct, Content: []string{"“The plan failed. We lost.”"}},
		{Source: "Edwin Cole", Cue: "―", Lemma: "say", Stance: Neutral, Kind: entity.Person, Anonymity: entity.Named,
			Form: Direct, Content: []string{"“It will work. Wait.”"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestAsClauseInside checks that "as X said" inside a sentence takes the
// clause around it, in two fragments.
func TestAsClauseInside(t *testing.T) {
	text := "The plan, as the mayor said, was a failure."
	var x Extractor
	got := rows(text, x.Extract(text, nil))
	want := []row{{Source: "the mayor", Cue: "said", Lemma: "say", Stance: Neutral, Kind: entity.Government,
		Anonymity: entity.Described, Form: Indirect, Content: []string{"The plan", "was a failure"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNotCues lists words of the cue lexicon used as nouns or
// participles, which are not cues.
func TestNotCues(t *testing.T) {
	tests := []struct{ text, word string }{
		{"The remarks were widely shared online.", "remarks"},
		{"Her recent comments he ignored.", "comments"},
		{"The law passed in 30 states.", "states"},
		{"She won the string of races known as the primaries.", "known"},
		{"He runs a charity called Open Doors.", "called"},
		{"As expected, the vote failed.", "expected"},
		{"Some claims were false.", "claims"},
		{"Eggs cost $3 per dozen.", "per"},
		{"Question: Who pays for the bridge?", ":"},
		{"The mayor quit, having ordered a review of the budget.", "ordered"},
		{"A news report published Monday described the crash.", "report"},
	}
	var x Extractor
	for _, tt := range tests {
		for _, f := range x.Extract(tt.text, nil) {
			if f.Cue.Text(tt.text) == tt.word {
				t.Errorf("%q: %q is a cue: %+v", tt.text, tt.word, rows(tt.text, []Frame{f}))
			}
		}
	}
}

// TestExtractLinear checks that four times the text takes about four
// times the work, not sixteen, on texts that nest or chain many frames.
// Work is the CPU time of the test's thread with the collector off
// (package worktest), so a busy machine does not change the ratio.
func TestExtractLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("measures growth")
	}
	var x Extractor
	for _, unit := range []string{
		"Ohio, he said in ", // a chain of frames each nested in the next
		`"Yes," he said. `,
		"Officials, as reported by Axios, claim he fears it. ",
		"criticism of ", // noun cues of one long clause
		"fears of support for ",
	} {
		run := func(n int) { x.Extract(`"Yes," he said in `+strings.Repeat(unit, n), nil) }
		if g := worktest.Growth(t, run, 5000, 20000); g > 10 {
			t.Errorf("%q: 4x the text took %.1fx the work", unit, g)
		}
	}
	// Leading punctuation before the content of many cues of one sentence.
	lead := func(n int) { x.Extract(strings.Repeat("- ", n)+strings.Repeat("C, he said, ", n), nil) }
	if g := worktest.Growth(t, lead, 4000, 16000); g > 10 {
		t.Errorf("leading punctuation: 4x the text took %.1fx the work", g)
	}
}

// TestSpeakerPronouns checks that "I", "we" and "you" take no name
// before them: outside any content they are the author's (or the
// reader's), and in another attribution's content its source's.
func TestSpeakerPronouns(t *testing.T) {
	s := "John Smith said the plan failed.\n\nI think it will work."
	var x Extractor
	found := false
	for _, f := range x.Extract(s, nil) {
		if f.Cue.Text(s) != "think" {
			continue
		}
		found = true
		if f.Source.Text(s) != "I" || !f.Antecedent.IsEmpty() || f.Anonymity == entity.Named {
			t.Errorf("think: source %q, antecedent %q, %v; want I, none, not named", f.Source.Text(s), f.Antecedent.Text(s), f.Anonymity)
		}
	}
	if !found {
		t.Fatal("no attribution of think")
	}

	// Frames as the rules would give them: Smith's quotation reports
	// "I" and "you"; "we" stands outside it with a wrong antecedent.
	s = "“I fear it and you know it,” John Smith said. We doubt it."
	at := func(w string) span.Span { return firstSpan(s, w) }
	smith := Frame{Source: at("John Smith"), Cue: at("said"), Content: []span.Span{at("“I fear it and you know it,”")},
		Kind: entity.Person, Anonymity: entity.Named, ViaIndex: -1}
	frames := []Frame{
		{Source: at("I"), Antecedent: at("Smith"), Cue: at("fear"), Content: []span.Span{at("it and")}, ViaIndex: 2},
		{Source: at("you"), Antecedent: at("John"), Cue: at("know"), Content: []span.Span{at("it,")}, ViaIndex: 2},
		smith,
		{Source: at("We"), Antecedent: at("John Smith"), Cue: at("doubt"), Kind: entity.Person, Anonymity: entity.Named, ViaIndex: -1},
	}
	frames = x.settleSources(s, frames)
	if f := frames[0]; f.Antecedent != smith.Source || f.Anonymity != entity.Named || f.Kind != entity.Person {
		t.Errorf("I: antecedent %q, %v %v; want John Smith, named person", f.Antecedent.Text(s), f.Kind, f.Anonymity)
	}
	for _, f := range frames[1:4:4] {
		if f.Cue == smith.Cue {
			continue
		}
		if !f.Antecedent.IsEmpty() || f.Anonymity == entity.Named {
			t.Errorf("%s: antecedent %q, %v; want none, not named", f.Source.Text(s), f.Antecedent.Text(s), f.Anonymity)
		}
	}
	if d := cmp.Diff(smith, frames[2]); d != "" {
		t.Errorf("Smith's frame changed (-want +got):\n%s", d)
	}
}

// TestSettleSources checks that "There" is no source and a time word
// no antecedent.
func TestSettleSources(t *testing.T) {
	s := "It was delayed in September. He said it would open. There were calls for a new vote. May spoke. She agreed."
	at := func(w string) span.Span { return firstSpan(s, w) }
	frames := []Frame{
		{Source: at("He"), SourcePhrase: at("He"), Antecedent: at("September"), Kind: entity.Person, Anonymity: entity.Named, Cue: at("said"), ViaIndex: -1},
		{Source: at("There"), SourcePhrase: at("There"), Kind: entity.Person, Anonymity: entity.Named, Cue: at("calls for"), ViaIndex: -1},
		// "May" is as often a name as a month.
		{Source: at("She"), SourcePhrase: at("She"), Antecedent: at("May"), Kind: entity.Person, Anonymity: entity.Named, Cue: at("agreed"), ViaIndex: -1},
		// A lone preposition is no source.
		{Source: at("in"), SourcePhrase: at("in"), Kind: entity.Person, Anonymity: entity.Described, Cue: at("delayed"), ViaIndex: -1},
	}
	var x Extractor
	frames = x.settleSources(s, frames)
	if f := frames[0]; !f.Antecedent.IsEmpty() || f.Anonymity == entity.Named {
		t.Errorf("He: antecedent %q, %v; want none, not named", f.Antecedent.Text(s), f.Anonymity)
	}
	if f := frames[1]; !f.Source.IsEmpty() || !f.SourcePhrase.IsEmpty() || f.Anonymity != entity.NoSource || !strings.HasSuffix(f.Rule, noSourceRule) {
		t.Errorf("There: source %q, %v, rule %q; want none, saying why", f.SourcePhrase.Text(s), f.Anonymity, f.Rule)
	}
	if f := frames[2]; f.Antecedent != at("May") || f.Anonymity != entity.Named {
		t.Errorf("She: antecedent %q, %v; want May, named", f.Antecedent.Text(s), f.Anonymity)
	}
	if f := frames[3]; !f.SourcePhrase.IsEmpty() || f.Anonymity != entity.NoSource {
		t.Errorf("in: source %q, %v; want none", f.SourcePhrase.Text(s), f.Anonymity)
	}

	// "We" reported by the author's "I" is the author's too.
	s = "“We think it,” I said."
	frames = []Frame{
		{Source: at("We"), SourcePhrase: at("We"), Antecedent: at("I"), Kind: entity.Person, Anonymity: entity.Named, Cue: at("think"), ViaIndex: 1},
		{Source: at("I"), SourcePhrase: at("I"), Cue: at("said"), Content: []span.Span{at("“We think it,”")}, Kind: entity.Person, Anonymity: entity.Vague, ViaIndex: -1},
	}
	frames = x.settleSources(s, frames)
	if f := frames[0]; !f.Antecedent.IsEmpty() || f.Anonymity == entity.Named {
		t.Errorf("We: antecedent %q, %v; want none, not named", f.Antecedent.Text(s), f.Anonymity)
	}
}

// TestListHeading checks that the heading of a line-up is no speaker.
func TestListHeading(t *testing.T) {
	for _, s := range []string{
		"Chelsea won. Subs Not Used: Pidgeley, Tiago.\n",
		"The teams:\n\nWales: G Thomas; H Luscombe, T Shanklin, G Henson, S Williams; S Jones, D Peel.\n",
	} {
		var x Extractor
		for _, f := range x.Extract(s, nil) {
			if f.Cue.Text(s) == ":" {
				t.Errorf("%q: %q is a speaker", s, f.SourcePhrase.Text(s))
			}
		}
	}
	s := "Senator Jones: The Budget Deal Is Dead, and the Tax Plan, the Roads and the Schools Go With It.\n"
	var x Extractor
	for _, f := range x.Extract(s, nil) {
		if f.Cue.Text(s) == ":" && f.SourcePhrase.Text(s) == "Senator Jones" {
			return
		}
	}
	t.Errorf("%q: no speaker", s)
}

// TestSettleSourcesAllocs checks that settling frames that need no change
// allocates nothing: it runs on every frame of every text.
func TestSettleSourcesAllocs(t *testing.T) {
	s := "John Smith said it. He said more. Officials In Washington said so. She agreed."
	at := func(w string) span.Span { return firstSpan(s, w) }
	frames := []Frame{
		{Source: at("John Smith"), SourcePhrase: at("John Smith"), Rule: "X said C", Cue: at("said"), ViaIndex: -1},
		{Source: at("He"), SourcePhrase: at("He"), Antecedent: at("John Smith"), Rule: "X said C", ViaIndex: -1},
		{Source: at("Officials In Washington"), SourcePhrase: at("Officials In Washington"), Rule: "X said C", ViaIndex: -1},
		{Source: at("She"), SourcePhrase: at("She"), Antecedent: at("Smith"), Rule: "X said C", ViaIndex: -1},
	}
	var x Extractor
	if a := testing.AllocsPerRun(50, func() { frames = x.settleSources(s, frames) }); a != 0 {
		t.Errorf("settleSources: %v allocations per call, want 0", a)
	}
}

// firstSpan returns the span of the first w in s.
func firstSpan(s, w string) span.Span {
	i := strings.Index(s, w)
	return span.New(i, i+len(w))
}
