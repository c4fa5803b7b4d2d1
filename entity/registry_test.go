package entity

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hearsay-go/hearsay/span"
)

func testRegistry(t testing.TB) *Registry {
	t.Helper()
	r, err := NewRegistry(
		New("maduro", "Nicolás Maduro", Person).WithAliases("the Venezuelan leader", "the Venezuelan president"),
		New("warren", "Elizabeth Warren", Person),
		New("dtrump", "Donald Trump", Person),
		New("itrump", "Ivanka Trump", Person),
		New("mlk", "Martin Luther King Jr.", Person),
		New("axios", "Axios", Media),
		New("nyt", "The New York Times", Media).WithAliases("the Times", "NYT"),
		New("gm", "General Motors", Organization),
		New("chavez", "Hugo Chávez", Person).WithAffiliation("psuv"),
		New("psuv", "United Socialist Party of Venezuela", Organization).WithAliases("PSUV"),
	)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLookup(t *testing.T) {
	r := testRegistry(t)
	tests := []struct {
		name    string
		mention string
		want    string // ID; "" for no match
	}{
		{"exact", "Nicolás Maduro", "maduro"},
		{"no diacritics", "Nicolas Maduro", "maduro"},
		{"upper case", "NICOLÁS MADURO", "maduro"},
		{"full width", "Ｎｉｃｏｌáｓ　Ｍａｄｕｒｏ", "maduro"},
		{"combining accent", "Nicola\u0301s Maduro", "maduro"},
		{"extra spaces", "  Nicolás   Maduro ", "maduro"},
		{"surname", "Maduro", "maduro"},
		{"possessive surname", "Maduro's", "maduro"},
		{"curly possessive", "Maduro’s", "maduro"},
		{"possessive full name", "Nicolás Maduro's", "maduro"},
		{"title and surname", "President Maduro", "maduro"},
		{"abbreviated title", "Mr. Maduro", "maduro"},
		{"title and possessive", "Mr. Maduro's", "maduro"},
		{"title and full name", "President Nicolás Maduro", "maduro"},
		{"senator", "Sen. Warren", "warren"},
		{"senator spelled out", "Senator Elizabeth Warren", "warren"},
		{"descriptor alias", "the Venezuelan leader", "maduro"},
		{"descriptor alias capitalized", "The Venezuelan President", "maduro"},
		{"descriptor without the", "Venezuelan leader", "maduro"},
		{"quoted", "“Maduro,”", "maduro"},
		{"ambiguous surname", "Trump", ""},
		{"ambiguous surname with title", "President Trump", ""},
		{"full name despite shared surname", "Donald Trump", "dtrump"},
		{"suffix skipped for surname", "King", "mlk"},
		{"name with suffix", "Martin Luther King Jr.", "mlk"},
		{"organization", "AXIOS", "axios"},
		{"the dropped", "New York Times", "nyt"},
		{"the added", "the New York Times", "nyt"},
		{"short alias", "the Times", "nyt"},
		{"organization by last word is no surname", "Motors", ""},
		{"org starting with a title word", "General Motors", "gm"},
		{"acronym alias", "PSUV", "psuv"},
		{"first name only", "Nicolás", ""},
		{"unknown", "Diosdado Cabello", ""},
		{"the alone", "the", ""},
		{"empty", "", ""},
		{"punctuation", "“”,.", ""},
		{"invalid UTF-8", "Mad\xffuro", ""},
		{"descriptor needs the or nothing", "a Venezuelan leader", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := r.Lookup(tt.mention)
			if ok != (tt.want != "") || e.ID != tt.want {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tt.mention, e.ID, ok, tt.want)
			}
		})
	}
}

func TestLookupReturnsCopy(t *testing.T) {
	r := testRegistry(t)
	e, _ := r.Lookup("Maduro")
	e.Aliases[0] = "changed"
	e2, _ := r.Lookup("Maduro")
	want := []string{"the Venezuelan leader", "the Venezuelan president"}
	if diff := cmp.Diff(want, e2.Aliases); diff != "" {
		t.Errorf("aliases after modifying a returned entity (-want +got):\n%s", diff)
	}
}

func TestNilRegistry(t *testing.T) {
	var r *Registry
	if _, ok := r.Lookup("Maduro"); ok {
		t.Error("nil registry matched")
	}
	if _, ok := r.Entity("x"); ok {
		t.Error("nil registry has an entity")
	}
	if n := r.Len(); n != 0 {
		t.Errorf("Len = %d", n)
	}
	for range r.All() {
		t.Error("nil registry yields an entity")
	}
	var z Registry
	if _, ok := z.Lookup("Maduro"); ok {
		t.Error("zero registry matched")
	}
}

func TestRegistryAccessors(t *testing.T) {
	r := testRegistry(t)
	if r.Len() != 10 {
		t.Errorf("Len = %d, want 10", r.Len())
	}
	var ids []string
	for e := range r.All() {
		ids = append(ids, e.ID)
		if e.Anonymity != Named {
			t.Errorf("%s: anonymity %v, want named", e.ID, e.Anonymity)
		}
	}
	want := []string{"maduro", "warren", "dtrump", "itrump", "mlk", "axios", "nyt", "gm", "chavez", "psuv"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
	e, ok := r.Entity("chavez")
	wantE := Entity{ID: "chavez", Name: "Hugo Chávez", Kind: Person, Anonymity: Named, Affiliation: "psuv"}
	if diff := cmp.Diff(wantE, e); !ok || diff != "" {
		t.Errorf("Entity(chavez) = %v (-want +got):\n%s", ok, diff)
	}
	if _, ok := r.Entity("nobody"); ok {
		t.Error("Entity(nobody) found")
	}
}

func TestNewRegistryErrors(t *testing.T) {
	tests := []struct {
		name     string
		entities []Entity
		want     error
		msg      string
	}{
		{
			name:     "empty ID",
			entities: []Entity{New("a", "A", Person), New(" ", "B", Person)},
			want:     ErrInvalidEntity,
			msg:      "hearsay/entity: invalid registry entity: entity 1 has an empty ID",
		},
		{
			name:     "duplicate ID",
			entities: []Entity{New("a", "Alice", Person), New("a", "Bob", Person)},
			want:     ErrDuplicateID,
			msg:      `hearsay/entity: duplicate entity ID "a" (first at index 0)`,
		},
		{
			name:     "no name",
			entities: []Entity{New("a", "", Person)},
			want:     ErrInvalidEntity,
			msg:      `hearsay/entity: invalid registry entity: "a" has no name`,
		},
		{
			name:     "no kind",
			entities: []Entity{New("a", "Alice", 0)},
			want:     ErrInvalidEntity,
			msg:      `hearsay/entity: invalid registry entity: "a" has no valid kind (want one of person, organization, government, agency, media, document, group, place)`,
		},
		{
			name:     "kind out of range",
			entities: []Entity{New("a", "Alice", Kind(99))},
			want:     ErrInvalidEntity,
		},
		{
			name:     "name conflict by folding",
			entities: []Entity{New("a", "Nicolás Maduro", Person), New("b", "NICOLAS MADURO", Person)},
			want:     ErrNameConflict,
			msg:      `hearsay/entity: name or alias of two entities: "NICOLAS MADURO" of "b" folds like "Nicolás Maduro" of "a" (at index 0)`,
		},
		{
			name: "alias conflict",
			entities: []Entity{
				New("a", "Nicolás Maduro", Person).WithAliases("the Venezuelan leader"),
				New("b", "Delcy Rodríguez", Person).WithAliases("Venezuelan leader"),
			},
			want: ErrNameConflict,
			msg:  `hearsay/entity: name or alias of two entities: "Venezuelan leader" of "b" folds like "the Venezuelan leader" of "a" (at index 0)`,
		},
		{
			name:     "alias without words",
			entities: []Entity{New("a", "Alice", Person).WithAliases("“”")},
			want:     ErrInvalidEntity,
			msg:      `hearsay/entity: invalid registry entity: "a": alias "“”" has no words`,
		},
		{
			name:     "unknown affiliation",
			entities: []Entity{New("a", "Alice", Person).WithAffiliation("nowhere")},
			want:     ErrInvalidEntity,
			msg:      `hearsay/entity: invalid registry entity: "a": affiliation "nowhere" is not an entity of the registry`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewRegistry(tt.entities...)
			if r != nil || !errors.Is(err, tt.want) {
				t.Fatalf("NewRegistry = %v, %v; want nil, %v", r, err, tt.want)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("error\n got %s\nwant %s", err, tt.msg)
			}
		})
	}
}

func TestNewRegistryDuplicateAliasOfSameEntity(t *testing.T) {
	r, err := NewRegistry(New("a", "Nicolás Maduro", Person).WithAliases("Nicolas Maduro", "Maduro", "MADURO", " "+"Maduro"))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := r.Entity("a")
	if diff := cmp.Diff([]string{"Maduro"}, e.Aliases); diff != "" {
		t.Errorf("aliases (-want +got):\n%s", diff)
	}
}

func TestNewRegistryCopies(t *testing.T) {
	aliases := []string{"the Venezuelan leader"}
	e := Entity{ID: "a", Name: "Nicolás Maduro", Kind: Person, Aliases: aliases}
	r, err := NewRegistry(e)
	if err != nil {
		t.Fatal(err)
	}
	aliases[0] = "changed"
	if _, ok := r.Lookup("the Venezuelan leader"); !ok {
		t.Error("registry changed with its input")
	}
}

const testJSON = `[
  {"id": "maduro", "name": "Nicolás Maduro", "kind": "person",
   "aliases": ["the Venezuelan leader", "the Venezuelan president"],
   "affiliation": "psuv"},
  {"id": "psuv", "name": "United Socialist Party of Venezuela", "kind": "organization", "aliases": null},
  {"id": "official", "name": "White House spokesperson", "kind": "person", "anonymity": "described",
   "description": "the spokesperson"}
]
`

const testTSV = "# known entities\n" +
	"id\tname\tkind\taliases\taffiliation\n" +
	"\n" +
	"maduro\tNicolás Maduro\tperson\tthe Venezuelan leader | the Venezuelan president\tpsuv\r\n" +
	"  # indented comment\n" +
	"psuv\tUnited Socialist Party of Venezuela\torganization\t\n" +
	"official\tWhite House spokesperson\tperson"

func TestLoadRegistry(t *testing.T) {
	maduro := Entity{ID: "maduro", Name: "Nicolás Maduro", Kind: Person, Anonymity: Named,
		Aliases: []string{"the Venezuelan leader", "the Venezuelan president"}, Affiliation: "psuv"}
	psuv := Entity{ID: "psuv", Name: "United Socialist Party of Venezuela", Kind: Organization, Anonymity: Named}
	tests := []struct {
		name  string
		input string
		want  []Entity
	}{
		{"JSON", testJSON, []Entity{maduro, psuv,
			{ID: "official", Name: "White House spokesperson", Description: "the spokesperson", Kind: Person, Anonymity: Described}}},
		{"JSON with BOM and space", "\uFEFF \n [ ] \n", nil},
		{"TSV", testTSV, []Entity{maduro, psuv, {ID: "official", Name: "White House spokesperson", Kind: Person, Anonymity: Named}}},
		{"empty", "", nil},
		{"only comments", "# nothing\n\n", nil},
		{"three lines", "maduro\tNicolás Maduro\tperson\tthe Venezuelan leader|the Venezuelan president\n" +
			"psuv\tUnited Socialist Party of Venezuela\torganization\n" +
			"\n", []Entity{{ID: "maduro", Name: "Nicolás Maduro", Kind: Person, Anonymity: Named,
			Aliases: []string{"the Venezuelan leader", "the Venezuelan president"}}, psuv}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := LoadRegistry("test", strings.NewReader(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, slices.Collect(r.All())); diff != "" {
				t.Errorf("entities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadRegistryErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  error // the sentinel wrapped
		line  int
		msg   string // the whole message, when given
	}{
		{
			name:  "JSON syntax",
			input: "[\n  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"},\n  {\"id\": \"b\" \"name\": \"B\"}\n]",
			want:  ErrRegistrySyntax, line: 3,
			msg: `reg.json:3: hearsay/entity: malformed registry: invalid character '"' after object key:value pair`,
		},
		{
			name:  "JSON unknown kind",
			input: "[\n  {\"id\": \"a\",\n   \"name\": \"A\",\n   \"kind\": \"newspaper\"}\n]",
			want:  ErrInvalidEntity, line: 4,
			msg: `reg.json:4: hearsay/entity: invalid registry entity: unknown kind "newspaper" (want one of person, organization, government, agency, media, document, group, place)`,
		},
		{
			name:  "JSON unknown anonymity",
			input: `[{"id": "a", "name": "A", "kind": "person", "anonymity": "secret"}]`,
			want:  ErrInvalidEntity, line: 1,
		},
		{
			name:  "JSON unknown field",
			input: "[\n {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\",\n  \"alias\": [\"x\"]}]",
			want:  ErrRegistrySyntax, line: 3,
			msg: `reg.json:3: hearsay/entity: malformed registry: unknown field "alias" (want id, name, kind, aliases, affiliation, anonymity, description)`,
		},
		{
			name:  "JSON missing kind",
			input: "[\n{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"},\n{\"id\": \"b\",\n \"name\": \"B\"}]",
			want:  ErrInvalidEntity, line: 3,
		},
		{
			name:  "JSON duplicate ID",
			input: "[\n{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"},\n{\"name\": \"B\",\n \"id\": \"a\", \"kind\": \"person\"}]",
			want:  ErrDuplicateID, line: 4,
			msg: `reg.json:4: hearsay/entity: duplicate entity ID "a" (first on line 2)`,
		},
		{
			name: "JSON alias conflict names the alias line",
			input: "[\n{\"id\": \"a\", \"name\": \"Nicolás Maduro\", \"kind\": \"person\"},\n" +
				"{\"id\": \"b\", \"name\": \"B\", \"kind\": \"person\", \"aliases\": [\n  \"Bee\",\n  \"nicolas maduro\"\n]}]",
			want: ErrNameConflict, line: 5,
			msg: `reg.json:5: hearsay/entity: name or alias of two entities: "nicolas maduro" of "b" folds like "Nicolás Maduro" of "a" (on line 2)`,
		},
		{
			name:  "JSON unknown affiliation",
			input: "[\n{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\",\n \"affiliation\": \"z\"}]",
			want:  ErrInvalidEntity, line: 3,
		},
		{
			name:  "JSON name not a string",
			input: "[\n{\"id\": \"a\",\n \"name\": 3, \"kind\": \"person\"}]",
			want:  ErrRegistrySyntax, line: 3,
		},
		{
			name:  "JSON aliases not strings",
			input: "[\n{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\",\n \"aliases\": [1]}]",
			want:  ErrRegistrySyntax, line: 3,
		},
		{
			name:  "JSON element not an object",
			input: "[\n{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"},\n \"b\"]",
			want:  ErrRegistrySyntax, line: 3,
		},
		{
			name:  "JSON duplicate field",
			input: "[{\"id\": \"a\", \"name\": \"A\",\n \"name\": \"B\", \"kind\": \"person\"}]",
			want:  ErrRegistrySyntax, line: 2,
		},
		{
			name:  "JSON truncated",
			input: "[\n{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"},\n",
			want:  ErrRegistrySyntax, line: 3,
		},
		{
			name:  "JSON data after the array",
			input: "[]\n\n[]",
			want:  ErrRegistrySyntax, line: 3,
		},
		{
			name:  "JSON object instead of an array",
			input: "\n{\"id\": \"a\"}",
			want:  ErrRegistrySyntax, line: 2,
		},
		{
			name:  "TSV too few fields",
			input: "# comment\nmaduro\tNicolás Maduro\tperson\naxios Axios media\n",
			want:  ErrRegistrySyntax, line: 3,
			msg: `reg.json:3: hearsay/entity: malformed registry: 1 fields, want 3 to 5 separated by TAB: id, name, kind, aliases (separated by |), affiliation`,
		},
		{
			name:  "TSV unknown kind",
			input: "a\tA\tperson\nb\tB\tnewspaper\n",
			want:  ErrInvalidEntity, line: 2,
		},
		{
			name:  "TSV duplicate ID",
			input: "a\tA\tperson\n\n# c\na\tB\tperson\n",
			want:  ErrDuplicateID, line: 4,
			msg: `reg.json:4: hearsay/entity: duplicate entity ID "a" (first on line 1)`,
		},
		{
			name:  "TSV alias conflict",
			input: "a\tNicolás Maduro\tperson\nb\tB\tperson\tthe Bee|NICOLÁS MADURO\n",
			want:  ErrNameConflict, line: 2,
		},
		{
			name:  "TSV empty name",
			input: "a\tA\tperson\nb\t \tperson\n",
			want:  ErrInvalidEntity, line: 2,
		},
		{
			name:  "TSV unknown affiliation",
			input: "a\tA\tperson\t\tb\nc\tC\tperson\n",
			want:  ErrInvalidEntity, line: 1,
		},
		{
			name:  "invalid UTF-8",
			input: "a\tA\tperson\nb\tB\xff\tperson\n",
			want:  ErrRegistrySyntax, line: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := LoadRegistry("reg.json", strings.NewReader(tt.input))
			if r != nil {
				t.Errorf("got a registry of %d entities with the error", r.Len())
			}
			var re *RegistryError
			if !errors.As(err, &re) {
				t.Fatalf("error %v (%T), want a *RegistryError", err, err)
			}
			if re.File != "reg.json" || re.Line != tt.line || !errors.Is(err, tt.want) {
				t.Errorf("error %q: file %q line %d; want line %d wrapping %v", err, re.File, re.Line, tt.line, tt.want)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("error\n got %s\nwant %s", err, tt.msg)
			}
		})
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestLoadRegistryReadError(t *testing.T) {
	_, err := LoadRegistry("x.tsv", errReader{})
	if err == nil || err.Error() != "x.tsv: disk on fire" {
		t.Errorf("error %v, want x.tsv: disk on fire", err)
	}
}

func TestRegistryConcurrent(t *testing.T) {
	r := testRegistry(t)
	mentions := []string{"Maduro", "NICOLÁS MADURO", "the Venezuelan leader", "Sen. Warren", "Trump", "Axios", "nobody"}
	want := make([]string, len(mentions))
	for i, m := range mentions {
		e, _ := r.Lookup(m)
		want[i] = e.ID
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := (i + g) % len(mentions)
				if e, _ := r.Lookup(mentions[k]); e.ID != want[k] {
					t.Errorf("Lookup(%q) = %q, want %q", mentions[k], e.ID, want[k])
					return
				}
				res := Resolver{Registry: r}.Resolve("Maduro said he", []Mention{
					{Span: span.New(0, 6), Kind: Person}, {Span: span.New(12, 14)}})
				if res.IDs[0] != "maduro" || res.IDs[1] != "maduro" {
					t.Errorf("Resolve IDs %v", res.IDs)
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzLoadRegistry(f *testing.F) {
	f.Add(testJSON)
	f.Add(testTSV)
	f.Add("maduro\tNicolás Maduro\tperson\tthe Venezuelan leader|the Venezuelan president\naxios\tAxios\tmedia\n")
	f.Add(`[{"id":"a","name":"A","kind":"person","aliases":["x",null]}]`)
	f.Add("[{\"id\":\"a\",\"name\":\"\u201c\u201d\",\"kind\":\"person\"}]")
	f.Add("a\t's\tperson\t's|the|the the\n")
	f.Fuzz(func(t *testing.T, input string) {
		r, err := LoadRegistry("fuzz", strings.NewReader(input))
		if err != nil {
			var re *RegistryError
			if r != nil || !errors.As(err, &re) || re.File != "fuzz" || re.Line < 1 {
				t.Fatalf("LoadRegistry = %v, %#v", r, err)
			}
			return
		}
		// A valid registry: every entity is found by its ID and its name.
		for e := range r.All() {
			if got, ok := r.Entity(e.ID); !ok || got.ID != e.ID {
				t.Errorf("Entity(%q) = %q, %v", e.ID, got.ID, ok)
			}
			if got, ok := r.Lookup(e.Name); !ok || got.ID != e.ID {
				t.Errorf("Lookup(%q) = %q, %v; want %q", e.Name, got.ID, ok, e.ID)
			}
			for _, a := range e.Aliases {
				if got, ok := r.Lookup(a); !ok || got.ID != e.ID {
					t.Errorf("Lookup(alias %q) = %q, %v; want %q", a, got.ID, ok, e.ID)
				}
			}
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	r := testRegistry(b)
	for _, m := range []string{"Maduro's", "NICOLÁS MADURO", "the Venezuelan president", "nobody at all"} {
		b.Run(m, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.Lookup(m)
			}
		})
	}
}
