package entity

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// Mention is one phrase of a text that names or refers to an actor, as
// found by extraction: "Nicolás Maduro", "the Venezuelan leader", "a
// senior White House official", "he". Its text is Span of the text given
// to [Resolver.Resolve].
type Mention struct {
	Span span.Span
	// Kind is the kind extraction guessed ([Classify] gives one); zero
	// when unknown.
	Kind Kind
	// Anonymity is how openly the phrase identifies its actor: Described
	// and Vague mentions ("a senior official", "sources") are anonymous
	// and are not merged by name. Zero is taken as Named.
	Anonymity Anonymity
}

// Resolution is the result of [Resolver.Resolve]: the entities of a text
// and which entity each mention refers to.
type Resolution struct {
	// Entities are the entities of the text in the order of their first
	// mention. Each has its Mentions sorted and without duplicates.
	Entities []Entity
	// IDs[i] is the ID of the entity of the i-th mention given to
	// Resolve; "" when the mention is not resolved (a pronoun with no
	// compatible antecedent, "I", "we", "you", or a span outside the text).
	IDs []string
}

// Of returns the entity of the i-th mention given to Resolve.
func (r Resolution) Of(i int) (Entity, bool) {
	if i < 0 || i >= len(r.IDs) || r.IDs[i] == "" {
		return Entity{}, false
	}
	for _, e := range r.Entities {
		if e.ID == r.IDs[i] {
			return e, true
		}
	}
	return Entity{}, false
}

// Resolver links the mentions of one text to entities. The zero Resolver
// resolves within the text alone; with a Registry, mentions the registry
// matches join its entities. A Resolver is safe for concurrent use.
type Resolver struct {
	// Registry holds the known entities; nil for none.
	Registry *Registry
}

// Resolve groups the mentions of text into entities:
//
//   - A mention the Registry matches ([Registry.Lookup]: by name, alias,
//     descriptor alias, title and surname) joins that entity, which keeps
//     its ID, Name, Kind, Anonymity, Aliases and Affiliation from the
//     registry.
//   - Named mentions that fold to the same name, ignoring titles, a
//     leading "the" and a possessive, are one entity: "Nicolás Maduro",
//     "NICOLAS MADURO", "President Nicolás Maduro".
//   - A one-word named mention joins the one person of the text, seen
//     before or after it, whose full name ends with that word: "Maduro"
//     joins "Nicolás Maduro". When two persons share it, it joins neither.
//   - Anonymous mentions (Described, Vague) are an entity each, except
//     that definite descriptions that fold the same ("the official") are
//     one.
//   - A pronoun joins the entity of the nearest preceding mention it can
//     refer to: he, him, his, she, her and their reflexives a person;
//     they, them, their, it and its a group, organization, government,
//     agency, media outlet or document ("it" also a place); who a person
//     or group; which a non-person. An entity of unknown kind is
//     compatible with every pronoun. First- and second-person pronouns
//     are not resolved.
//
// Entities not from the registry get IDs "e1", "e2", ... in the order of
// their first mention, skipping IDs of the registry; their Name is the
// fullest named form without titles ("Nicolás Maduro" rather than
// "Maduro"), their Aliases the other forms as written (without a final
// possessive), and an anonymous entity has its first phrase as
// Description. The Kind of an entity is the kind most of its mentions
// guessed. Surface forms not yet among a registry entity's name and
// aliases are added to its Aliases.
//
// Mentions may come in any order and may overlap; spans outside text are
// left unresolved.
func (r Resolver) Resolve(txt string, mentions []Mention) Resolution {
	return r.resolve(txt, mentions, nil)
}

func init() {
	stage.Resolve = func(r any, a *annot.Text, mentions any) any {
		rv, _ := r.(Resolver)
		ms, _ := mentions.([]Mention)
		return rv.resolve(a.Src, ms, a)
	}
}

// resolve is Resolve, reading the tokens of each mention from a when it
// is not nil (Analyze's one tokenization of the text) and tokenizing the
// mention otherwise.
func (r Resolver) resolve(txt string, mentions []Mention, a *annot.Text) Resolution {
	res := Resolution{IDs: make([]string, len(mentions))}
	if len(mentions) == 0 {
		return res
	}
	tk := text.GetTokens()
	defer text.PutTokens(tk)

	s := resolveState{reg: r.Registry, tk: tk}
	// The group of each registry entity with one. Like surnames below it
	// is a local passed to the methods of s, which keeps it on the stack
	// (go build -gcflags=-m: does not escape); as a field of s it would
	// escape with s's groups.
	byReg := map[int]int{}
	s.rms = resolveMentions(txt, mentions, a, tk)
	s.groupByName(byReg)

	// Kinds and surnames of the groups.
	assignMembers(s.groups, s.rms)
	for gi := range s.groups {
		g := &s.groups[gi]
		g.kind = g.majorityKind(s.rms, s.reg)
		if g.reg >= 0 {
			g.full = true
		}
	}
	surnames := map[string][]int{}
	s.collectSurnames(surnames)
	s.mergeBySurname(byReg, surnames)

	for gi := range s.groups {
		s.groups[gi].kind = s.groups[gi].majorityKind(s.rms, s.reg)
	}

	s.linkPronouns()
	s.entities(&res)
	return res
}

// resolveState is the state of one call of resolve: the mentions being
// resolved and the groups they form.
type resolveState struct {
	reg *Registry
	tk  *text.Tokens // scratch tokens
	rms []rmention   // the mentions in text order
	// Groups are values, not pointers, one allocation for all; a pointer
	// into groups is not kept across newGroup, which may move them.
	groups []rgroup
}

// resolveMentions returns the mentions of txt to resolve, with their core
// tokens, sorted by span. A mention outside txt or without core tokens is
// left out.
func resolveMentions(txt string, mentions []Mention, a *annot.Text, tk *text.Tokens) []rmention {
	// Tokenize each mention; keep the core tokens in one arena.
	rms := make([]rmention, 0, len(mentions))
	// Most tokens take more than four bytes with the space after them,
	// and in news about half the mentions repeat an earlier phrase, whose
	// tokens are not made again (append grows the arena for a text with
	// fewer repeats); overlapping mentions of a long text must not make a
	// huge arena.
	size := 0
	for _, m := range mentions {
		if m.Span.Start >= 0 && m.Span.End <= len(txt) && m.Span.Start < m.Span.End {
			size += min(m.Span.End-m.Span.Start, 64)
		}
	}
	arena := make([]text.Token, 0, size/8+len(mentions)/2)
	// The same phrase ("he", "officials", "Maduro") comes again and again:
	// its core tokens are made once. Their spans are relative to the
	// phrase, and nothing changes them, so mentions share them.
	type tokRange struct{ lo, hi int }
	made := make(map[string]tokRange, len(mentions)/2)
	var phraseToks []text.Token // a mention's tokens cut from a
	for i, m := range mentions {
		if m.Span.Start < 0 || m.Span.End > len(txt) || m.Span.Start >= m.Span.End {
			continue
		}
		phrase := txt[m.Span.Start:m.Span.End]
		r, ok := made[phrase]
		if !ok {
			toks, cut := []text.Token(nil), false
			if a != nil {
				phraseToks, cut = a.Phrase(m.Span, phraseToks[:0])
				toks = phraseToks
			}
			if !cut {
				text.Tokenize(phrase, tk)
				toks = tk.Toks
			}
			r.lo = len(arena)
			arena = append(arena, coreTokens(toks)...)
			r.hi = len(arena)
			made[phrase] = r
		}
		if r.lo == r.hi {
			continue
		}
		rm := rmention{idx: i, m: m, phrase: phrase, lo: r.lo, hi: r.hi, group: -1, regHint: -1}
		if t := arena[r.lo]; r.hi-r.lo == 1 && !countryUS(t.Fold, t.Span.Text(phrase)) {
			rm.pron = pronounOf(t.Fold)
		}
		rms = append(rms, rm)
	}
	for i := range rms {
		rms[i].toks = arena[rms[i].lo:rms[i].hi]
		if m := rms[i].m; m.Kind == Person && (m.Anonymity == Named || m.Anonymity == 0) && rms[i].pron == notPronoun {
			rms[i].toks = personName(rms[i].phrase, rms[i].toks)
		}
	}
	slices.SortStableFunc(rms, func(a, b rmention) int {
		if c := cmp.Compare(a.m.Span.Start, b.m.Span.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.m.Span.End, b.m.Span.End)
	})
	return rms
}

// newGroup adds an empty group and returns its index.
func (s *resolveState) newGroup() int {
	s.groups = append(s.groups, rgroup{reg: -1})
	return len(s.groups) - 1
}

// regGroup returns the group of registry entity ri, adding it if there is
// none yet; byReg holds the group of each registry entity with one.
func (s *resolveState) regGroup(byReg map[int]int, ri int) int {
	g, ok := byReg[ri]
	if !ok {
		g = s.newGroup()
		s.groups[g].reg = ri
		s.groups[g].full = true
		s.groups[g].kind = s.reg.entities[ri].Kind
		byReg[ri] = g
	}
	return g
}

// groupByName puts each mention that is not a pronoun in a group: the
// registry entity it names, the group of the definite descriptions that
// fold the same (a new group for any other anonymous mention), or the
// group of the named mentions with the same key.
func (s *resolveState) groupByName(byReg map[int]int) {
	byKey := map[string]int{}
	byDef := map[string]int{}
	var buf []byte
	for k := range s.rms {
		rm := &s.rms[k]
		if rm.pron != notPronoun {
			continue
		}
		ri, bySurname := s.reg.match(rm.toks, buf[:0])
		if ri >= 0 && !bySurname {
			rm.group = s.regGroup(byReg, ri)
			continue
		}
		// A surname the registry knows is still checked against the
		// persons of the text below.
		rm.regHint = ri
		toks := dropThe(rm.toks)
		if rm.m.Anonymity == Described || rm.m.Anonymity == Vague {
			if len(rm.toks) > 1 && rm.toks[0].Fold == "the" {
				buf = appendKey(buf[:0], toks)
				g, ok := byDef[string(buf)]
				if !ok {
					g = s.newGroup()
					byDef[string(buf)] = g
				}
				rm.group = g
			} else {
				rm.group = s.newGroup()
			}
			s.groups[rm.group].anon = true
			continue
		}
		if personish(rm.m.Kind) {
			toks = stripTitles(toks)
		}
		buf = appendKey(buf[:0], toks)
		g, ok := byKey[string(buf)]
		if !ok {
			g = s.newGroup()
			byKey[string(buf)] = g
		}
		rm.group = g
		if len(toks) > 1 {
			s.groups[g].full = true
		}
	}
}

// collectSurnames adds to surnames the groups of each surname: the last
// words of the full names of person groups.
func (s *resolveState) collectSurnames(surnames map[string][]int) {
	for gi := range s.groups {
		g := &s.groups[gi]
		if g.anon || !g.full || !personish(g.kind) {
			continue
		}
		if g.reg >= 0 {
			e := s.reg.entities[g.reg]
			text.Tokenize(e.Name, s.tk)
			if t := trimSuffixes(stripTitles(dropThe(coreTokens(s.tk.Toks)))); len(t) > 1 {
				addSurname(surnames, t[len(t)-1].Fold, gi)
			}
		}
		for _, k := range g.members {
			t := trimSuffixes(stripTitles(dropThe(s.rms[k].toks)))
			if len(t) > 1 {
				addSurname(surnames, t[len(t)-1].Fold, gi)
			}
		}
	}
}

// addSurname adds group gi to the groups of surname sn, once.
func addSurname(surnames map[string][]int, sn string, gi int) {
	if !slices.Contains(surnames[sn], gi) {
		surnames[sn] = append(surnames[sn], gi)
	}
}

// mergeBySurname merges the groups of one-word names into the unique
// person of the text, or of the registry, with that surname.
func (s *resolveState) mergeBySurname(byReg map[int]int, surnames map[string][]int) {
	rms := s.rms
	for gi := range len(s.groups) {
		g := &s.groups[gi]
		if g.anon || g.full || g.reg >= 0 || !personish(g.kind) || len(g.members) == 0 {
			continue
		}
		t := stripTitles(dropThe(rms[g.members[0]].toks))
		cands := surnames[t[len(t)-1].Fold]
		hint := -1
		for _, k := range g.members {
			if ri := rms[k].regHint; ri >= 0 {
				hint = ri
			}
		}
		if hint >= 0 {
			if rg, ok := byReg[hint]; !ok || !slices.Contains(cands, rg) {
				if len(cands) > 0 {
					continue // a person of the text the registry does not know
				}
				cands = []int{s.regGroup(byReg, hint)}
				g = &s.groups[gi] // regGroup may have moved the groups
			}
		}
		if len(cands) != 1 || cands[0] == gi {
			continue
		}
		target := cands[0]
		dst := &s.groups[target]
		for _, k := range g.members {
			rms[k].group = target
		}
		dst.members = append(dst.members, g.members...)
		g.members = nil
	}
}

// linkPronouns puts each pronoun in the group of the nearest compatible
// preceding mention, if near.
func (s *resolveState) linkPronouns() {
	rms, groups := s.rms, s.groups
	for k := range rms {
		rm := &rms[k]
		if rm.pron == notPronoun {
			continue
		}
		// Look back at most pronounWindow mentions: an antecedent
		// further away is a guess, and the bound keeps Resolve linear.
		for j := k - 1; j >= 0 && j >= k-pronounWindow; j-- {
			a := &rms[j]
			if a.pron != notPronoun || a.group < 0 || a.m.Span.End > rm.m.Span.Start {
				continue
			}
			if rm.pron.accepts(groups[a.group].kind) {
				rm.group = a.group
				groups[a.group].members = append(groups[a.group].members, k)
				break
			}
		}
	}
}

// firstMentionOrder sorts the members of each group and appends to order
// the groups with members, in the order of their first mention.
func (s *resolveState) firstMentionOrder(order []int) []int {
	groups := s.groups
	// The groups share no member, so their first members tell them
	// apart: a table indexed by first member orders them without a sort.
	byFirst := make([]int32, len(s.rms))
	for k := range byFirst {
		byFirst[k] = -1
	}
	shared := false
	for gi := range groups {
		if g := &groups[gi]; len(g.members) > 0 {
			slices.Sort(g.members)
			shared = shared || byFirst[g.members[0]] >= 0
			byFirst[g.members[0]] = int32(gi)
			order = append(order, gi)
		}
	}
	if shared { // never, but then the order is that of a sort
		slices.SortFunc(order, func(a, b int) int {
			return cmp.Compare(groups[a].members[0], groups[b].members[0])
		})
	} else {
		order = order[:0]
		for _, gi := range byFirst {
			if gi >= 0 {
				order = append(order, int(gi))
			}
		}
	}
	return order
}

// entities sets the entities of res, in the order of their first
// mention, and the ID of each resolved mention.
func (s *resolveState) entities(res *Resolution) {
	reg, groups := s.reg, s.groups
	// Entities in the order of first mention.
	order := s.firstMentionOrder(make([]int, 0, len(groups)))
	ids := make([]string, len(groups))
	var forms formSet
	n := 0
	if len(order) > 0 {
		res.Entities = make([]Entity, 0, len(order))
	}
	for _, gi := range order {
		g := &groups[gi]
		var e Entity
		if g.reg >= 0 {
			e = reg.entity(g.reg)
		} else {
			for {
				n++
				e.ID = "e" + strconv.Itoa(n)
				if _, taken := reg.Entity(e.ID); !taken {
					break
				}
			}
			e.Kind = g.kind
		}
		g.build(&e, s.rms, &forms)
		ids[gi] = e.ID
		res.Entities = append(res.Entities, e)
	}
	for _, rm := range s.rms {
		if rm.group >= 0 {
			res.IDs[rm.idx] = ids[rm.group]
		}
	}
}

// rmention is a mention being resolved.
type rmention struct {
	idx     int // index in the input
	m       Mention
	phrase  string
	lo, hi  int          // core tokens in the arena
	toks    []text.Token // core tokens: spans relative to phrase
	pron    pronoun
	group   int // -1 when unresolved
	regHint int // the registry entity the mention names by surname, or -1
}

// form returns the mention as written without quotes, punctuation at
// either end, a final possessive and a lower-case leading "the"; and
// without leading titles when notitles is set.
func (rm *rmention) form(notitles bool) (string, []text.Token) {
	toks := rm.toks
	if len(toks) > 1 && toks[0].Span.Text(rm.phrase) == "the" {
		toks = toks[1:]
	}
	if notitles {
		toks = stripTitles(toks)
	}
	return rm.phrase[toks[0].Span.Start:toks[len(toks)-1].Span.End], toks
}

// rgroup is an entity being built.
type rgroup struct {
	reg     int  // registry entity index, or -1
	anon    bool // an anonymous entity
	full    bool // has a named mention of more than one word (or is a registry entity)
	kind    Kind
	members []int // indexes into the sorted mentions
}

// majorityKind returns the kind of the registry entity, or the kind most
// mentions of g guessed, the earliest on a tie.
func (g *rgroup) majorityKind(rms []rmention, reg *Registry) Kind {
	if g.reg >= 0 {
		return reg.entities[g.reg].Kind
	}
	var count [16]int
	best := Kind(0)
	for _, k := range g.members {
		kd := rms[k].m.Kind
		if kd == 0 || int(kd) >= len(count) {
			continue
		}
		count[kd]++
		if best == 0 || count[kd] > count[best] {
			best = kd
		}
	}
	return best
}

// build fills in the name, description, aliases and mentions of e.
func (g *rgroup) build(e *Entity, rms []rmention, forms *formSet) {
	forms.reset()
	// add records the key of a form and reports whether it is new.
	add := func(toks []text.Token) bool { return forms.add(dropThe(toks)) }
	if g.reg >= 0 {
		for _, f := range append([]string{e.Name}, e.Aliases...) {
			var tk text.Tokens
			text.Tokenize(f, &tk)
			add(coreTokens(tk.Toks))
		}
	} else if g.anon {
		first := &rms[g.members[0]]
		e.Anonymity = first.m.Anonymity
		e.Description = first.phrase[first.toks[0].Span.Start:first.toks[len(first.toks)-1].Span.End]
	} else {
		e.Anonymity = Named
		// The fullest name: most words without titles, then the longest,
		// then the first.
		best, bestN := "", 0
		var bestToks []text.Token
		for _, k := range g.members {
			rm := &rms[k]
			if rm.pron != notPronoun {
				continue
			}
			f, toks := rm.form(personish(g.kind))
			if len(toks) > bestN || len(toks) == bestN && len(f) > len(best) {
				best, bestN, bestToks = f, len(toks), toks
			}
		}
		e.Name = best
		add(bestToks)
	}
	e.Mentions = slices.Grow(e.Mentions, len(g.members))
	for _, k := range g.members {
		rm := &rms[k]
		e.Mentions = append(e.Mentions, rm.m.Span)
		if rm.pron != notPronoun || g.anon {
			continue
		}
		if f, toks := rm.form(false); add(toks) {
			e.Aliases = append(e.Aliases, f)
		}
	}
	slices.SortFunc(e.Mentions, func(a, b span.Span) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.End, b.End)
	})
	e.Mentions = slices.Compact(e.Mentions)
}

// formSet is the set of the keys of the forms of one entity. Most
// entities have a few forms: their keys are compared in one buffer,
// reused from entity to entity, and only an entity with many forms
// builds a map.
type formSet struct {
	buf  []byte          // the keys, one after another
	ends []int           // the end of each key in buf
	big  map[string]bool // all the keys, once there are more than formSetSmall
}

const formSetSmall = 8

func (s *formSet) reset() {
	s.buf, s.ends, s.big = s.buf[:0], s.ends[:0], nil
}

// add adds the key of toks and reports whether it is new.
func (s *formSet) add(toks []text.Token) bool {
	start := len(s.buf)
	s.buf = appendKey(s.buf, toks)
	key := s.buf[start:]
	if s.big != nil {
		s.buf = s.buf[:start]
		if s.big[string(key)] {
			return false
		}
		s.big[string(key)] = true
		return true
	}
	from := 0
	for _, end := range s.ends {
		if string(s.buf[from:end]) == string(key) {
			s.buf = s.buf[:start]
			return false
		}
		from = end
	}
	s.ends = append(s.ends, len(s.buf))
	if len(s.ends) > formSetSmall {
		s.big = make(map[string]bool, 2*len(s.ends))
		from = 0
		for _, end := range s.ends {
			s.big[string(s.buf[from:end])] = true
			from = end
		}
		s.buf, s.ends = s.buf[:0], s.ends[:0]
	}
	return true
}

// assignMembers sets the members of each group: the indexes of its
// mentions, in order. The groups share one array, each holding a full
// slice of it (capacity its length), so that a member appended later to
// one group is copied out rather than written over the next group's.
func assignMembers(groups []rgroup, rms []rmention) {
	counts := make([]int, len(groups))
	for k := range rms {
		if g := rms[k].group; g >= 0 {
			counts[g]++
		}
	}
	all := make([]int, len(rms))
	off := 0
	for g, n := range counts {
		groups[g].members = all[off : off : off+n]
		off += n
	}
	for k := range rms {
		if g := rms[k].group; g >= 0 {
			groups[g].members = append(groups[g].members, k)
		}
	}
}

// personish reports whether an entity of kind k may be a person.
func personish(k Kind) bool { return k == Person || k == 0 }

// pronoun is the class of a pronoun, or notPronoun.
type pronoun uint8

const (
	notPronoun pronoun = iota
	personal           // he, she: a person
	collective         // they: a group or a body
	neuter             // it: a body, a document or a place
	relWho             // who: a person or a group
	relWhich           // which, that: not a person
	speaker            // I, we, you: not resolved
)

// countryUS reports whether a word folded to f, written w, is "US" in
// capitals: the country, not the pronoun (which "WE SAID" in capitals
// still is).
func countryUS(f, w string) bool {
	return f == "us" && w == "US"
}

func pronounOf(f string) pronoun {
	switch f {
	case "he", "him", "his", "himself", "she", "her", "hers", "herself":
		return personal
	case "they", "them", "their", "theirs", "themselves":
		return collective
	case "it", "its", "itself":
		return neuter
	case "who", "whom", "whose":
		return relWho
	case "which":
		return relWhich
	case "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
		"you", "your", "yours", "yourself", "yourselves":
		return speaker
	}
	return notPronoun
}

// accepts reports whether p can refer to an entity of kind k.
func (p pronoun) accepts(k Kind) bool {
	if k == 0 {
		return p != speaker
	}
	switch p {
	case personal:
		return k == Person
	case collective:
		return k == Group || k == Organization || k == Government || k == Agency || k == Media || k == Record
	case neuter:
		return k == Group || k == Organization || k == Government || k == Agency || k == Media || k == Record || k == Place
	case relWho:
		return k == Person || k == Group
	case relWhich:
		return k != Person
	}
	return false
}

// pronounWindow is how many mentions back a pronoun looks for its
// antecedent.
const pronounWindow = 32
