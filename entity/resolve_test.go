package entity

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hearsay-go/hearsay/span"
)

// at returns the span of the n-th (0-based) occurrence of phrase in text
// as a whole word.
func at(text, phrase string, n int) span.Span {
	off := 0
	for {
		i := strings.Index(text[off:], phrase)
		if i < 0 {
			panic("no " + phrase + " in " + text)
		}
		s, e := off+i, off+i+len(phrase)
		off = s + 1
		if s > 0 && isLetter(text[s-1]) || e < len(text) && isLetter(text[e]) {
			continue
		}
		if n == 0 {
			return span.New(s, e)
		}
		n--
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// men returns a mention of the n-th phrase in text.
func men(text, phrase string, n int, k Kind, a Anonymity) Mention {
	return Mention{Span: at(text, phrase, n), Kind: k, Anonymity: a}
}

func TestResolve(t *testing.T) {
	const (
		folded    = "Nicolás Maduro spoke. Then NICOLAS MADURO left."
		surname   = "Nicolás Maduro spoke. Maduro left. Maduro's aides stayed."
		before    = "Maduro spoke first. Later, Nicolás Maduro left."
		ambiguous = "Donald Trump met Ivanka Trump. Trump said so."
		titles    = "President Donald Trump spoke. Trump left. Mr. Trump's plane."
		pronouns  = "Maduro fears his allies. Axios said it had sources; the officials said they knew. He agreed."
		nothing   = "He said it. We know."
		capitals  = "US said it. Maduro agreed."
		anonymous = "A senior official said no. A senior official said yes. The official said maybe; the official left."
		kinds     = "The Times reported it. The Times said."
	)
	tests := []struct {
		name     string
		text     string
		reg      []Entity
		mentions []Mention
		want     Resolution
	}{
		{
			name:     "no mentions",
			text:     folded,
			mentions: nil,
			want:     Resolution{IDs: []string{}},
		},
		{
			name: "folded names merge",
			text: folded,
			mentions: []Mention{
				men(folded, "Nicolás Maduro", 0, Person, Named),
				men(folded, "NICOLAS MADURO", 0, Person, Named),
			},
			want: Resolution{
				Entities: []Entity{{ID: "e1", Name: "Nicolás Maduro", Kind: Person, Anonymity: Named,
					Mentions: []span.Span{at(folded, "Nicolás Maduro", 0), at(folded, "NICOLAS MADURO", 0)}}},
				IDs: []string{"e1", "e1"},
			},
		},
		{
			name: "surname after the full name",
			text: surname,
			mentions: []Mention{
				men(surname, "Nicolás Maduro", 0, Person, Named),
				men(surname, "Maduro", 1, Person, Named),
				men(surname, "Maduro's", 0, Person, Named),
			},
			want: Resolution{
				Entities: []Entity{{ID: "e1", Name: "Nicolás Maduro", Kind: Person, Anonymity: Named,
					Aliases:  []string{"Maduro"},
					Mentions: []span.Span{at(surname, "Nicolás Maduro", 0), at(surname, "Maduro", 1), at(surname, "Maduro's", 0)}}},
				IDs: []string{"e1", "e1", "e1"},
			},
		},
		{
			name: "surname before the full name",
			text: before,
			mentions: []Mention{
				men(before, "Maduro", 0, Person, Named),
				men(before, "Nicolás Maduro", 0, 0, 0),
			},
			want: Resolution{
				Entities: []Entity{{ID: "e1", Name: "Nicolás Maduro", Kind: Person, Anonymity: Named,
					Aliases:  []string{"Maduro"},
					Mentions: []span.Span{at(before, "Maduro", 0), at(before, "Nicolás Maduro", 0)}}},
				IDs: []string{"e1", "e1"},
			},
		},
		{
			name: "ambiguous surname",
			text: ambiguous,
			mentions: []Mention{
				men(ambiguous, "Donald Trump", 0, Person, Named),
				men(ambiguous, "Ivanka Trump", 0, Person, Named),
				men(ambiguous, "Trump", 2, Person, Named),
			},
			want: Resolution{
				Entities: []Entity{
					{ID: "e1", Name: "Donald Trump", Kind: Person, Anonymity: Named, Mentions: []span.Span{at(ambiguous, "Donald Trump", 0)}},
					{ID: "e2", Name: "Ivanka Trump", Kind: Person, Anonymity: Named, Mentions: []span.Span{at(ambiguous, "Ivanka Trump", 0)}},
					{ID: "e3", Name: "Trump", Kind: Person, Anonymity: Named, Mentions: []span.Span{at(ambiguous, "Trump", 2)}},
				},
				IDs: []string{"e1", "e2", "e3"},
			},
		},
		{
			name: "titles",
			text: titles,
			mentions: []Mention{
				men(titles, "President Donald Trump", 0, Person, Named),
				men(titles, "Trump", 1, Person, Named),
				men(titles, "Mr. Trump's", 0, Person, Named),
			},
			want: Resolution{
				Entities: []Entity{{ID: "e1", Name: "Donald Trump", Kind: Person, Anonymity: Named,
					Aliases:  []string{"President Donald Trump", "Trump", "Mr. Trump"},
					Mentions: []span.Span{at(titles, "President Donald Trump", 0), at(titles, "Trump", 1), at(titles, "Mr. Trump's", 0)}}},
				IDs: []string{"e1", "e1", "e1"},
			},
		},
		{
			name: "pronouns",
			text: pronouns,
			mentions: []Mention{
				men(pronouns, "Maduro", 0, Person, Named),
				men(pronouns, "his", 0, Person, 0),
				men(pronouns, "Axios", 0, Media, Named),
				men(pronouns, "it", 0, Group, 0),
				men(pronouns, "the officials", 0, Government, Described),
				men(pronouns, "they", 0, Group, 0),
				men(pronouns, "He", 0, Person, 0),
			},
			want: Resolution{
				Entities: []Entity{
					{ID: "e1", Name: "Maduro", Kind: Person, Anonymity: Named,
						Mentions: []span.Span{at(pronouns, "Maduro", 0), at(pronouns, "his", 0), at(pronouns, "He", 0)}},
					{ID: "e2", Name: "Axios", Kind: Media, Anonymity: Named,
						Mentions: []span.Span{at(pronouns, "Axios", 0), at(pronouns, "it", 0)}},
					{ID: "e3", Description: "the officials", Kind: Government, Anonymity: Described,
						Mentions: []span.Span{at(pronouns, "the officials", 0), at(pronouns, "they", 0)}},
				},
				IDs: []string{"e1", "e1", "e2", "e2", "e3", "e3", "e1"},
			},
		},
		{
			name: "pronouns without antecedents",
			text: nothing,
			mentions: []Mention{
				men(nothing, "He", 0, Person, 0),
				men(nothing, "it", 0, 0, 0),
				men(nothing, "We", 0, 0, 0),
			},
			want: Resolution{IDs: []string{"", "", ""}},
		},
		{
			// "US" in capitals is the country, no pronoun left unresolved.
			name: "capitals are no pronoun",
			text: capitals,
			mentions: []Mention{
				men(capitals, "US", 0, Government, Named),
				men(capitals, "Maduro", 0, Person, Named),
			},
			want: Resolution{
				Entities: []Entity{
					{ID: "e1", Name: "US", Kind: Government, Anonymity: Named, Mentions: []span.Span{at(capitals, "US", 0)}},
					{ID: "e2", Name: "Maduro", Kind: Person, Anonymity: Named, Mentions: []span.Span{at(capitals, "Maduro", 0)}},
				},
				IDs: []string{"e1", "e2"},
			},
		},
		{
			name: "pronoun skips incompatible entities",
			text: pronouns,
			mentions: []Mention{
				men(pronouns, "Maduro", 0, Person, Named),
				men(pronouns, "Axios", 0, Media, Named),
				men(pronouns, "the officials", 0, Group, Vague),
				men(pronouns, "He", 0, Person, 0),
			},
			want: Resolution{
				Entities: []Entity{
					{ID: "e1", Name: "Maduro", Kind: Person, Anonymity: Named,
						Mentions: []span.Span{at(pronouns, "Maduro", 0), at(pronouns, "He", 0)}},
					{ID: "e2", Name: "Axios", Kind: Media, Anonymity: Named, Mentions: []span.Span{at(pronouns, "Axios", 0)}},
					{ID: "e3", Description: "the officials", Kind: Group, Anonymity: Vague,
						Mentions: []span.Span{at(pronouns, "the officials", 0)}},
				},
				IDs: []string{"e1", "e2", "e3", "e1"},
			},
		},
		{
			name: "anonymous mentions",
			text: anonymous,
			mentions: []Mention{
				men(anonymous, "A senior official", 0, Person, Described),
				men(anonymous, "A senior official", 1, Person, Described),
				men(anonymous, "The official", 0, Person, Described),
				men(anonymous, "the official", 0, Person, Described),
			},
			want: Resolution{
				Entities: []Entity{
					{ID: "e1", Description: "A senior official", Kind: Person, Anonymity: Described,
						Mentions: []span.Span{at(anonymous, "A senior official", 0)}},
					{ID: "e2", Description: "A senior official", Kind: Person, Anonymity: Described,
						Mentions: []span.Span{at(anonymous, "A senior official", 1)}},
					{ID: "e3", Description: "The official", Kind: Person, Anonymity: Described,
						Mentions: []span.Span{at(anonymous, "The official", 0), at(anonymous, "the official", 0)}},
				},
				IDs: []string{"e1", "e2", "e3", "e3"},
			},
		},
		{
			name: "unordered, duplicate and bad spans",
			text: surname,
			mentions: []Mention{
				men(surname, "Maduro's", 0, Person, Named),
				{Span: span.New(-1, 3)},
				men(surname, "Nicolás Maduro", 0, Person, Named),
				{Span: span.New(5, 500)},
				men(surname, "Nicolás Maduro", 0, Person, Named),
				{Span: span.New(3, 3)},
				{Span: span.New(strings.Index(surname, "."), strings.Index(surname, ".")+1)},
			},
			want: Resolution{
				Entities: []Entity{{ID: "e1", Name: "Nicolás Maduro", Kind: Person, Anonymity: Named,
					Aliases:  []string{"Maduro"},
					Mentions: []span.Span{at(surname, "Nicolás Maduro", 0), at(surname, "Maduro's", 0)}}},
				IDs: []string{"e1", "", "e1", "", "e1", "", ""},
			},
		},
		{
			name: "kind by majority",
			text: kinds,
			mentions: []Mention{
				men(kinds, "The Times", 0, Organization, Named),
				men(kinds, "The Times", 1, Media, Named),
				men(kinds, "it", 0, 0, 0),
			},
			want: Resolution{
				Entities: []Entity{{ID: "e1", Name: "The Times", Kind: Organization, Anonymity: Named,
					Mentions: []span.Span{at(kinds, "The Times", 0), at(kinds, "it", 0), at(kinds, "The Times", 1)}}},
				IDs: []string{"e1", "e1", "e1"},
			},
		},
		{
			name: "registry entities keep their IDs; generated IDs skip them",
			text: ambiguous,
			reg: []Entity{
				New("e1", "Donald Trump", Person).WithAliases("the president"),
				New("e2", "Someone Else", Person),
			},
			mentions: []Mention{
				men(ambiguous, "Donald Trump", 0, Person, Named),
				men(ambiguous, "Ivanka Trump", 0, Person, Named),
				men(ambiguous, "Trump", 2, Person, Named),
			},
			want: Resolution{
				Entities: []Entity{
					{ID: "e1", Name: "Donald Trump", Kind: Person, Anonymity: Named, Aliases: []string{"the president"},
						Mentions: []span.Span{at(ambiguous, "Donald Trump", 0)}},
					{ID: "e3", Name: "Ivanka Trump", Kind: Person, Anonymity: Named, Mentions: []span.Span{at(ambiguous, "Ivanka Trump", 0)}},
					{ID: "e4", Name: "Trump", Kind: Person, Anonymity: Named, Mentions: []span.Span{at(ambiguous, "Trump", 2)}},
				},
				IDs: []string{"e1", "e3", "e4"},
			},
		},
		{
			name: "registry surname joins in the document when the registry cannot tell",
			text: ambiguous,
			reg: []Entity{
				New("dt", "Donald Trump", Person),
				New("mt", "Melania Trump", Person),
			},
			mentions: []Mention{
				men(ambiguous, "Donald Trump", 0, Person, Named),
				men(ambiguous, "Trump", 2, Person, Named),
			},
			want: Resolution{
				Entities: []Entity{
					{ID: "dt", Name: "Donald Trump", Kind: Person, Anonymity: Named, Aliases: []string{"Trump"},
						Mentions: []span.Span{at(ambiguous, "Donald Trump", 0), at(ambiguous, "Trump", 2)}},
				},
				IDs: []string{"dt", "dt"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Resolver
			if tt.reg != nil {
				reg, err := NewRegistry(tt.reg...)
				if err != nil {
					t.Fatal(err)
				}
				r.Registry = reg
			}
			got := r.Resolve(tt.text, tt.mentions)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolutionOf(t *testing.T) {
	const text = "Maduro said he would stay."
	res := Resolver{}.Resolve(text, []Mention{
		men(text, "Maduro", 0, Person, Named), men(text, "he", 0, Person, 0), men(text, "would", 0, 0, 0)})
	if e, ok := res.Of(1); !ok || e.Name != "Maduro" {
		t.Errorf("Of(1) = %v, %v", e, ok)
	}
	for _, i := range []int{-1, 3} {
		if _, ok := res.Of(i); ok {
			t.Errorf("Of(%d) found", i)
		}
	}
}

// TestResolveArticle resolves every mention of Maduro in the seed article
// to one entity of a three-line registry.
func TestResolveArticle(t *testing.T) {
	b, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	reg, err := LoadRegistry("registry.tsv", strings.NewReader(
		"maduro\tNicolás Maduro\tperson\tthe Venezuelan leader|the Venezuelan president\n"+
			"axios\tAxios\tmedia\n"+
			"nyt\tThe New York Times\tmedia\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Every occurrence of each phrase, as extraction would find them.
	var mentions []Mention
	var want []string
	add := func(phrase string, k Kind, a Anonymity, id string) {
		for n := 0; strings.Count(text, phrase) > n; n++ {
			s := at(text, phrase, n)
			// "Maduro" inside "Nicolás Maduro" or "Maduro's" is not a
			// mention of its own.
			if phrase == "Maduro" && (strings.HasSuffix(text[:s.Start], "Nicolás ") || strings.HasPrefix(text[s.End:], "'s")) {
				continue
			}
			mentions = append(mentions, Mention{Span: s, Kind: k, Anonymity: a})
			want = append(want, id)
		}
	}
	add("Nicolás Maduro", Person, Named, "maduro")
	add("Maduro", Person, Named, "maduro")
	add("Maduro's", Person, Named, "maduro")
	add("the Venezuelan leader", Person, Described, "maduro")
	add("the Venezuelan president", Person, Described, "maduro")
	add("Axios", Media, Named, "axios")
	add("The New York Times", Media, Named, "nyt")
	add("Washington", Government, Named, "e1")
	add("a senior White House official", Government, Described, "e2")
	if len(mentions) < 17 {
		t.Fatalf("found only %d mentions", len(mentions))
	}

	res := Resolver{Registry: reg}.Resolve(text, mentions)
	if diff := cmp.Diff(want, res.IDs); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
	var maduro Entity
	for _, e := range res.Entities {
		if e.ID == "maduro" {
			maduro = e
		}
	}
	wantMaduro := Entity{ID: "maduro", Name: "Nicolás Maduro", Kind: Person, Anonymity: Named,
		Aliases: []string{"the Venezuelan leader", "the Venezuelan president", "Maduro"}}
	got := maduro
	got.Mentions = nil
	if diff := cmp.Diff(wantMaduro, got); diff != "" {
		t.Errorf("Maduro (-want +got):\n%s", diff)
	}
	n := 0
	for _, id := range want {
		if id == "maduro" {
			n++
		}
	}
	if len(maduro.Mentions) != n {
		t.Errorf("Maduro has %d mentions, want %d", len(maduro.Mentions), n)
	}
	for _, m := range maduro.Mentions {
		if !strings.Contains(m.Text(text), "Maduro") && !strings.Contains(m.Text(text), "Venezuelan") {
			t.Errorf("mention %v %q is not Maduro", m, m.Text(text))
		}
	}

	// Without the registry: the named forms still merge, and the
	// descriptions stay apart.
	res = Resolver{}.Resolve(text, mentions)
	ids := map[string]bool{}
	for i, m := range mentions {
		if want[i] == "maduro" && strings.Contains(m.Span.Text(text), "Maduro") {
			ids[res.IDs[i]] = true
		}
	}
	if len(ids) != 1 {
		t.Errorf("without a registry, the named mentions of Maduro are %d entities: %v", len(ids), ids)
	}
}

func TestResolveArticlePronouns(t *testing.T) {
	const text = "Nicolás Maduro has ramped up his personal security. This move comes amid fears that his own allies might eliminate him."
	mentions := []Mention{
		men(text, "Nicolás Maduro", 0, Person, Named),
		men(text, "his", 0, Person, 0),
		men(text, "his", 1, Person, 0),
		men(text, "him", 0, Person, 0),
	}
	res := Resolver{}.Resolve(text, mentions)
	if diff := cmp.Diff([]string{"e1", "e1", "e1", "e1"}, res.IDs); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
}

func BenchmarkResolve(b *testing.B) {
	data, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	reg := testRegistry(b)
	var mentions []Mention
	for _, p := range []string{"Nicolás Maduro", "Maduro", "his", "he", "Axios", "The New York Times"} {
		for n := 0; n < strings.Count(text, p); n++ {
			func() {
				defer func() { _ = recover() }() // substrings of words
				mentions = append(mentions, Mention{Span: at(text, p, n), Kind: Person, Anonymity: Named})
			}()
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Resolver{Registry: reg}.Resolve(text, mentions)
	}
}

// TestAssignMembers checks that each group gets its mentions in order, and
// that appending to one group leaves the next group's members alone.
func TestAssignMembers(t *testing.T) {
	groups := make([]rgroup, 3)
	rms := []rmention{{group: 1}, {group: 0}, {group: -1}, {group: 1}, {group: 0}}
	assignMembers(groups, rms)
	want := [][]int{{1, 4}, {0, 3}, {}}
	for g := range groups {
		if !slices.Equal(groups[g].members, want[g]) {
			t.Fatalf("group %d: members %v, want %v", g, groups[g].members, want[g])
		}
	}
	groups[0].members = append(groups[0].members, 2)
	if !slices.Equal(groups[1].members, []int{0, 3}) {
		t.Fatalf("append to group 0 changed group 1: %v", groups[1].members)
	}
}
