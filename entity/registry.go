package entity

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/text"
)

// Errors wrapped by the errors of [NewRegistry] and [LoadRegistry] to tell
// what is wrong.
var (
	// ErrRegistrySyntax: a registry file is not well formed (bad JSON, a
	// TSV line without three to five fields, an unknown JSON field,
	// invalid UTF-8).
	ErrRegistrySyntax = errors.New("hearsay/entity: malformed registry")
	// ErrInvalidEntity: a registry entity lacks an ID, a name or a kind,
	// has an alias with no words, or an affiliation that is not in the
	// registry.
	ErrInvalidEntity = errors.New("hearsay/entity: invalid registry entity")
	// ErrDuplicateID: two registry entities have the same ID.
	ErrDuplicateID = errors.New("hearsay/entity: duplicate entity ID")
	// ErrNameConflict: a name or alias of one registry entity folds to the
	// same key as a name or alias of another.
	ErrNameConflict = errors.New("hearsay/entity: name or alias of two entities")
)

// RegistryError is the error of [LoadRegistry] for a bad registry file:
// the file, the 1-based line of the problem, and what is wrong. Err wraps
// one of the package's registry errors ([ErrRegistrySyntax],
// [ErrInvalidEntity], [ErrDuplicateID], [ErrNameConflict]) or the
// reader's error.
type RegistryError struct {
	File string // the name given to LoadRegistry
	Line int    // 1-based line number; 0 when the error has no line (a read error)
	Err  error
}

// Error returns "FILE:LINE: message"; a zero line is left out.
func (e *RegistryError) Error() string {
	file := e.File
	if file == "" {
		file = "registry"
	}
	if e.Line <= 0 {
		return file + ": " + e.Err.Error()
	}
	return file + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RegistryError) Unwrap() error { return e.Err }

// Registry is a set of known entities, matched by name and alias with
// folding (case, width, diacritics), by surname, and with titles,
// possessives and a leading "the" ignored; see [Registry.Lookup]. It is
// built by [NewRegistry] or [LoadRegistry], immutable afterwards, and
// safe for concurrent use. A nil or zero Registry is empty.
type Registry struct {
	entities []Entity
	byID     map[string]int
	keys     map[string]int // folded name and alias keys -> entity index
	surnames map[string]int // folded last name of a person -> entity index; -1 when ambiguous
}

// NewRegistry returns a registry of the given entities, in that order.
// Every entity needs an ID, a Name and a Kind; IDs must be unique, no two
// entities may have a name or alias that folds to the same key ("Nicolás
// Maduro" and "NICOLAS MADURO" are one key, and so are "the Venezuelan
// leader" and "Venezuelan leader"), and an Affiliation must be the ID of
// an entity of the registry. A zero Anonymity is taken as [Named];
// Mentions are dropped. The entities are copied.
func NewRegistry(entities ...Entity) (*Registry, error) {
	b := newRegBuilder(len(entities))
	for _, e := range entities {
		if err := b.add(e, nil); err != nil {
			return nil, err
		}
	}
	if _, err := b.checkAffiliations(); err != nil {
		return nil, err
	}
	return b.r, nil
}

// Len returns the number of entities in r.
func (r *Registry) Len() int {
	if r == nil {
		return 0
	}
	return len(r.entities)
}

// All returns the entities of r in the order they were given.
func (r *Registry) All() iter.Seq[Entity] {
	return func(yield func(Entity) bool) {
		for i := range r.Len() {
			if !yield(r.entity(i)) {
				return
			}
		}
	}
}

// Entity returns the entity of r whose ID is id.
func (r *Registry) Entity(id string) (Entity, bool) {
	if r == nil {
		return Entity{}, false
	}
	i, ok := r.byID[id]
	if !ok {
		return Entity{}, false
	}
	return r.entity(i), true
}

// entity returns a copy of the i-th entity that shares nothing with r.
func (r *Registry) entity(i int) Entity {
	e := r.entities[i]
	e.Aliases = slices.Clone(e.Aliases)
	return e
}

// Lookup returns the entity that mention names. A mention matches
//
//   - a name or alias, folded: "Nicolas Maduro", "NICOLÁS MADURO" and
//     "Ｎｉｃｏｌáｓ Ｍａｄｕｒｏ" all match "Nicolás Maduro";
//   - ignoring a leading "the", quotation marks, punctuation at either
//     end and a final possessive: "Venezuelan leader" and "the Venezuelan
//     leader" match the alias "the Venezuelan leader", "Maduro's" matches
//     "Maduro";
//   - after leading titles ("President", "Mr.", "Sen.", "Dr.", ...):
//     "President Nicolás Maduro";
//   - by surname, when the mention (without titles) is one word and
//     exactly one person of the registry has that last name: "Maduro",
//     "Mr. Maduro", "Sen. Warren". A surname two persons share matches
//     neither.
//
// Lookup folds the mention once and then costs a few map lookups.
func (r *Registry) Lookup(mention string) (Entity, bool) {
	if r.Len() == 0 {
		return Entity{}, false
	}
	tk := text.GetTokens()
	text.Tokenize(mention, tk)
	var buf [64]byte
	i, _ := r.match(tk.Toks, buf[:0])
	text.PutTokens(tk)
	if i < 0 {
		return Entity{}, false
	}
	return r.entity(i), true
}

// match returns the index of the entity the tokens of a mention name, or
// -1, and whether it matched by surname alone. buf is scratch space for
// the key.
func (r *Registry) match(toks []text.Token, buf []byte) (int, bool) {
	if r.Len() == 0 {
		return -1, false
	}
	toks = dropThe(coreTokens(toks))
	if len(toks) == 0 {
		return -1, false
	}
	buf = appendKey(buf[:0], toks)
	if i, ok := r.keys[string(buf)]; ok {
		return i, false
	}
	st := stripTitles(toks)
	if len(st) < len(toks) {
		buf = appendKey(buf[:0], st)
		if i, ok := r.keys[string(buf)]; ok {
			return i, false
		}
	}
	if len(st) == 1 {
		if i, ok := r.surnames[st[0].Fold]; ok && i >= 0 {
			return i, true
		}
	}
	return -1, false
}

// regBuilder builds a Registry entity by entity.
type regBuilder struct {
	r    *Registry
	tk   text.Tokens
	keyE map[string]string // key -> the name or alias it came from, for messages
	// where[i] tells where entity i was given ("line 3"); empty for
	// NewRegistry.
	where []string
}

func newRegBuilder(n int) *regBuilder {
	return &regBuilder{
		r: &Registry{
			entities: make([]Entity, 0, n),
			byID:     make(map[string]int, n),
			keys:     make(map[string]int, 2*n),
			surnames: make(map[string]int, n),
		},
		keyE: make(map[string]string, 2*n),
	}
}

// fieldError is an error of one field of an entity: "id", "name",
// "kind", "affiliation", or "aliases" with the alias index.
type fieldError struct {
	field string
	alias int
	err   error
}

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// add adds e to the registry, or returns a *fieldError. where tells, for
// messages of later entities, where e was given (nil: its index).
func (b *regBuilder) add(e Entity, where func() string) error {
	r := b.r
	idx := len(r.entities)
	e.ID = strings.TrimSpace(e.ID)
	e.Name = strings.TrimSpace(e.Name)
	if e.ID == "" {
		return &fieldError{"id", 0, fmt.Errorf("%w: entity %d has an empty ID", ErrInvalidEntity, idx)}
	}
	if j, ok := r.byID[e.ID]; ok {
		return &fieldError{"id", 0, fmt.Errorf("%w %q (first %s)", ErrDuplicateID, e.ID, b.whereOf(j))}
	}
	if e.Name == "" {
		return &fieldError{"name", 0, fmt.Errorf("%w: %q has no name", ErrInvalidEntity, e.ID)}
	}
	if e.Kind == 0 || int(e.Kind) > len(kindNames.Words()) {
		return &fieldError{"kind", 0, fmt.Errorf("%w: %q has no valid kind (want one of %s)",
			ErrInvalidEntity, e.ID, strings.Join(kindNames.Words(), ", "))}
	}
	if int(e.Anonymity) > len(anonymityNames.Words()) {
		return &fieldError{"anonymity", 0, fmt.Errorf("%w: %q has an invalid anonymity", ErrInvalidEntity, e.ID)}
	}
	if e.Anonymity == 0 {
		e.Anonymity = Named
	}
	e.Affiliation = strings.TrimSpace(e.Affiliation)
	e.Mentions = nil

	// Keys of the name and the aliases; check them all before adding any.
	type keyed struct {
		key, form string
		alias     int // -1 for the name
	}
	keys := make([]keyed, 0, 1+len(e.Aliases))
	var aliases []string
	for i := -1; i < len(e.Aliases); i++ {
		form := e.Name
		field := "name"
		if i >= 0 {
			form = strings.TrimSpace(e.Aliases[i])
			field = "aliases"
		}
		text.Tokenize(form, &b.tk)
		toks := dropThe(coreTokens(b.tk.Toks))
		if len(toks) == 0 {
			what := "name"
			if i >= 0 {
				what = "alias"
			}
			return &fieldError{field, max(i, 0), fmt.Errorf("%w: %q: %s %q has no words", ErrInvalidEntity, e.ID, what, form)}
		}
		key := string(appendKey(nil, toks))
		if j, ok := r.keys[key]; ok {
			return &fieldError{field, max(i, 0), fmt.Errorf("%w: %q of %q folds like %q of %q (%s)",
				ErrNameConflict, form, e.ID, b.keyE[key], r.entities[j].ID, b.whereOf(j))}
		}
		if slices.ContainsFunc(keys, func(k keyed) bool { return k.key == key }) {
			continue // an alias repeating the name or another alias
		}
		keys = append(keys, keyed{key, form, i})
		if i >= 0 {
			aliases = append(aliases, form)
		}
	}
	e.Aliases = aliases
	for _, k := range keys {
		r.keys[k.key] = idx
		b.keyE[k.key] = k.form
	}
	if e.Kind == Person {
		text.Tokenize(e.Name, &b.tk)
		toks := trimSuffixes(stripTitles(dropThe(coreTokens(b.tk.Toks))))
		if len(toks) > 0 {
			last := toks[len(toks)-1].Fold
			if j, ok := r.surnames[last]; ok && j != idx {
				r.surnames[last] = -1
			} else if !ok {
				r.surnames[strings.Clone(last)] = idx
			}
		}
	}
	r.byID[e.ID] = idx
	r.entities = append(r.entities, e)
	w := ""
	if where != nil {
		w = where()
	}
	b.where = append(b.where, w)
	return nil
}

// whereOf describes where entity j was given.
func (b *regBuilder) whereOf(j int) string {
	if j < len(b.where) && b.where[j] != "" {
		return b.where[j]
	}
	return "at index " + strconv.Itoa(j)
}

// checkAffiliations checks that every affiliation is an ID of the
// registry; it returns the index of the first bad entity.
func (b *regBuilder) checkAffiliations() (int, error) {
	for i, e := range b.r.entities {
		if e.Affiliation == "" {
			continue
		}
		if _, ok := b.r.byID[e.Affiliation]; !ok {
			return i, &fieldError{"affiliation", 0,
				fmt.Errorf("%w: %q: affiliation %q is not an entity of the registry", ErrInvalidEntity, e.ID, e.Affiliation)}
		}
	}
	return -1, nil
}

// LoadRegistry reads a registry from r; name is the file name used in
// errors. The file is JSON when its first non-space byte is '[', and TSV
// otherwise.
//
// JSON is an array of objects with the fields "id", "name", "kind"
// (person, organization, government, agency, media, document, group,
// place), and optionally "aliases" (an array of strings), "affiliation"
// (the ID of another entity of the registry), "anonymity" (named by
// default) and "description":
//
//	[
//	  {"id": "maduro", "name": "Nicolás Maduro", "kind": "person",
//	   "aliases": ["the Venezuelan leader", "the Venezuelan president"]},
//	  {"id": "nyt", "name": "The New York Times", "kind": "media"}
//	]
//
// TSV has one entity a line, its fields separated by TAB: ID, name, kind,
// then optionally aliases separated by '|' and an affiliation. Blank lines
// and lines starting with '#' are skipped, and so is a first line "id
// TAB name TAB kind ...":
//
//	# id	name	kind	aliases	affiliation
//	maduro	Nicolás Maduro	person	the Venezuelan leader|the Venezuelan president
//	axios	Axios	media
//
// The rules of [NewRegistry] apply. On error LoadRegistry returns no
// registry and a *[RegistryError] naming the file and line of the first
// problem: a file is never half loaded.
func LoadRegistry(name string, r io.Reader) (*Registry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &RegistryError{File: name, Err: err}
	}
	lc := lineCounter{data: data}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return nil, &RegistryError{File: name, Line: lc.line(off), Err: fmt.Errorf("%w: invalid UTF-8", ErrRegistrySyntax)}
	}
	// A byte order mark has no newline: line numbers stay the same.
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	lc = lineCounter{data: data}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return loadJSON(name, data, &lc)
	}
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return nil, &RegistryError{File: name, Line: lc.line(len(data) - len(trimmed)),
			Err: fmt.Errorf("%w: a JSON registry is an array of objects: [{...}, ...]", ErrRegistrySyntax)}
	}
	return loadTSV(name, data)
}

// lineCounter turns byte offsets, asked in increasing order, into line
// numbers in linear time overall.
type lineCounter struct {
	data []byte
	off  int // offset counted up to
	n    int // newlines in data[:off]
}

// line returns the 1-based line of offset off.
func (c *lineCounter) line(off int) int {
	off = min(max(off, 0), len(c.data))
	if off < c.off {
		c.off, c.n = 0, 0
	}
	c.n += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.n + 1
}

// skipTo returns the offset of the first byte at or after off that is not
// white space, a comma or a colon: where the next JSON token starts.
func skipTo(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// jsonEntity is one parsed object of a JSON registry with the lines of
// its fields.
type jsonEntity struct {
	e          Entity
	line       int            // line of the object's '{'
	fieldLines map[string]int // field -> line of its key
	aliasLines []int
}

func (j *jsonEntity) lineOf(fe *fieldError) int {
	if fe.field == "aliases" && fe.alias < len(j.aliasLines) {
		return j.aliasLines[fe.alias]
	}
	if l, ok := j.fieldLines[fe.field]; ok {
		return l
	}
	return j.line
}

func loadJSON(name string, data []byte, lc *lineCounter) (*Registry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(off int, err error) (*Registry, error) {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset)
			if off > 0 {
				off-- // the offset is after the bad byte
			}
			err = fmt.Errorf("%w: %v", ErrRegistrySyntax, se)
		} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			off = len(data)
			err = fmt.Errorf("%w: unexpected end of JSON", ErrRegistrySyntax)
		}
		return nil, &RegistryError{File: name, Line: lc.line(off), Err: err}
	}
	if _, err := dec.Token(); err != nil { // '['
		return fail(0, err)
	}
	var ents []jsonEntity
	for dec.More() {
		start := skipTo(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return fail(start, err)
		}
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return fail(start, fmt.Errorf("%w: want an object for each entity, got %s", ErrRegistrySyntax, describeToken(tok)))
		}
		je := jsonEntity{line: lc.line(start), fieldLines: map[string]int{}}
		for dec.More() {
			koff := skipTo(data, int(dec.InputOffset()))
			tok, err := dec.Token()
			if err != nil {
				return fail(koff, err)
			}
			key, _ := tok.(string)
			kline := lc.line(koff)
			if _, dup := je.fieldLines[key]; dup {
				return fail(koff, fmt.Errorf("%w: field %q given twice", ErrRegistrySyntax, key))
			}
			je.fieldLines[key] = kline
			var s *string
			switch key {
			case "id":
				s = &je.e.ID
			case "name":
				s = &je.e.Name
			case "description":
				s = &je.e.Description
			case "affiliation":
				s = &je.e.Affiliation
			case "kind", "anonymity":
				var v string
				if err := decodeString(dec, &v, key); err != nil {
					return fail(koff, err)
				}
				if v == "" {
					continue
				}
				var perr error
				if key == "kind" {
					perr = je.e.Kind.UnmarshalText([]byte(v))
				} else {
					perr = je.e.Anonymity.UnmarshalText([]byte(v))
				}
				if perr != nil {
					words := kindNames.Words()
					if key == "anonymity" {
						words = anonymityNames.Words()
					}
					return fail(koff, fmt.Errorf("%w: unknown %s %q (want one of %s)",
						ErrInvalidEntity, key, v, strings.Join(words, ", ")))
				}
				continue
			case "aliases":
				if err := je.decodeAliases(dec, data, lc, koff); err != nil {
					return fail(koff, err)
				}
				continue
			default:
				return fail(koff, fmt.Errorf("%w: unknown field %q (want id, name, kind, aliases, affiliation, anonymity, description)",
					ErrRegistrySyntax, key))
			}
			if err := decodeString(dec, s, key); err != nil {
				return fail(koff, err)
			}
		}
		end := skipTo(data, int(dec.InputOffset()))
		if _, err := dec.Token(); err != nil { // '}'
			return fail(end, err)
		}
		ents = append(ents, je)
	}
	end := skipTo(data, int(dec.InputOffset()))
	if _, err := dec.Token(); err != nil { // ']'
		return fail(end, err)
	}
	if rest := skipTo(data, int(dec.InputOffset())); rest < len(data) {
		return fail(rest, fmt.Errorf("%w: data after the array", ErrRegistrySyntax))
	}

	b := newRegBuilder(len(ents))
	for i := range ents {
		je := &ents[i]
		if err := b.add(je.e, func() string { return "on line " + strconv.Itoa(je.line) }); err != nil {
			return nil, &RegistryError{File: name, Line: je.lineOf(err.(*fieldError)), Err: errors.Unwrap(err)}
		}
	}
	if i, err := b.checkAffiliations(); err != nil {
		return nil, &RegistryError{File: name, Line: ents[i].lineOf(err.(*fieldError)), Err: errors.Unwrap(err)}
	}
	return b.r, nil
}

// decodeString decodes a JSON string (or null) into s.
func decodeString(dec *json.Decoder, s *string, key string) error {
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		*s = v
		return nil
	}
	return fmt.Errorf("%w: field %q must be a string", ErrRegistrySyntax, key)
}

// decodeAliases decodes the aliases array, recording the line of each.
func (je *jsonEntity) decodeAliases(dec *json.Decoder, data []byte, lc *lineCounter, koff int) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("%w: field \"aliases\" must be an array of strings", ErrRegistrySyntax)
	}
	for dec.More() {
		off := skipTo(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		s, ok := tok.(string)
		if !ok {
			return fmt.Errorf("%w: field \"aliases\" must be an array of strings", ErrRegistrySyntax)
		}
		je.e.Aliases = append(je.e.Aliases, s)
		je.aliasLines = append(je.aliasLines, lc.line(off))
	}
	_, err = dec.Token() // ']'
	return err
}

// describeToken names a JSON token for a message.
func describeToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		return "'" + v.String() + "'"
	case string:
		return "a string"
	case nil:
		return "null"
	case bool:
		return "a boolean"
	}
	return "a number"
}

func loadTSV(name string, data []byte) (*Registry, error) {
	type tsvEntity struct {
		e    Entity
		line int
	}
	var ents []tsvEntity
	rest := string(data)
	first := true
	for lineNo := 1; rest != ""; lineNo++ {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		bad := func(err error) (*Registry, error) {
			return nil, &RegistryError{File: name, Line: lineNo, Err: err}
		}
		if len(f) < 3 || len(f) > 5 {
			return bad(fmt.Errorf("%w: %d fields, want 3 to 5 separated by TAB: id, name, kind, aliases (separated by |), affiliation",
				ErrRegistrySyntax, len(f)))
		}
		if first && strings.EqualFold(f[0], "id") && strings.EqualFold(f[2], "kind") {
			first = false
			continue // a header
		}
		first = false
		e := Entity{ID: f[0], Name: f[1]}
		if err := e.Kind.UnmarshalText([]byte(f[2])); err != nil {
			return bad(fmt.Errorf("%w: unknown kind %q (want one of %s)", ErrInvalidEntity, f[2], strings.Join(kindNames.Words(), ", ")))
		}
		if len(f) > 3 && f[3] != "" {
			for a := range strings.SplitSeq(f[3], "|") {
				if a = strings.TrimSpace(a); a != "" {
					e.Aliases = append(e.Aliases, a)
				}
			}
		}
		if len(f) > 4 {
			e.Affiliation = f[4]
		}
		ents = append(ents, tsvEntity{e, lineNo})
	}
	b := newRegBuilder(len(ents))
	for _, te := range ents {
		if err := b.add(te.e, func() string { return "on line " + strconv.Itoa(te.line) }); err != nil {
			return nil, &RegistryError{File: name, Line: te.line, Err: errors.Unwrap(err)}
		}
	}
	if i, err := b.checkAffiliations(); err != nil {
		return nil, &RegistryError{File: name, Line: ents[i].line, Err: errors.Unwrap(err)}
	}
	return b.r, nil
}

// Name keys. A phrase is tokenized with text.Tokenize; its key is the
// folded forms of its tokens joined by single spaces, without quotation
// marks, punctuation at either end, a final possessive and a leading "the".

// coreTokens returns toks without quotation marks and punctuation at
// either end and without a final possessive ("'s", or "'" after a plural).
func coreTokens(toks []text.Token) []text.Token {
	isWord := func(t text.Token) bool {
		return (t.Kind == text.Word || t.Kind == text.Number) && t.Fold != "'"
	}
	for len(toks) > 0 && !isWord(toks[0]) {
		toks = toks[1:]
	}
	for len(toks) > 0 && !isWord(toks[len(toks)-1]) {
		toks = toks[:len(toks)-1]
	}
	if n := len(toks); n > 1 && toks[n-1].Fold == "'s" {
		toks = toks[:n-1]
		for len(toks) > 0 && !isWord(toks[len(toks)-1]) {
			toks = toks[:len(toks)-1]
		}
	}
	return toks
}

// dropThe returns toks without a leading "the", unless "the" is all.
func dropThe(toks []text.Token) []text.Token {
	if len(toks) > 1 && toks[0].Fold == "the" {
		return toks[1:]
	}
	return toks
}

// stripTitles returns toks without leading titles ("President", "Mr.",
// "Sen."), keeping at least one token.
func stripTitles(toks []text.Token) []text.Token {
	for len(toks) > 1 && isTitle(toks[0].Fold) {
		toks = toks[1:]
	}
	return toks
}

// trimSuffixes returns toks without final name suffixes ("Jr.", "III"),
// keeping at least one token.
func trimSuffixes(toks []text.Token) []text.Token {
	for len(toks) > 1 {
		switch toks[len(toks)-1].Fold {
		case "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "esq", "esq.":
			toks = toks[:len(toks)-1]
			continue
		}
		break
	}
	return toks
}

// isTitle reports whether a folded word is a title before a person's name.
func isTitle(f string) bool {
	switch strings.TrimSuffix(f, ".") {
	case "mr", "mrs", "ms", "miss", "mme", "dr", "prof", "professor", "sen", "senator",
		"rep", "representative", "congressman", "congresswoman", "gov", "governor",
		"gen", "general", "lt", "col", "colonel", "capt", "captain", "cmdr", "maj", "major",
		"adm", "admiral", "sgt", "sergeant", "rev", "reverend", "fr", "hon",
		"pres", "president", "vice", "prime", "minister", "premier", "chancellor",
		"secretary", "ambassador", "amb", "judge", "justice", "mayor", "sheikh",
		"ayatollah", "pope", "king", "queen", "prince", "princess", "sir", "dame",
		"lord", "lady", "former", "deputy", "chairman", "chairwoman", "chief",
		"commander":
		return true
	}
	return false
}

// appendKey appends the key of toks to dst.
func appendKey(dst []byte, toks []text.Token) []byte {
	first := true
	for _, t := range toks {
		if t.Kind == text.Quote {
			continue
		}
		if !first {
			dst = append(dst, ' ')
		}
		first = false
		dst = append(dst, t.Fold...)
	}
	return dst
}
