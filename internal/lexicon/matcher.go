package lexicon

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
	"slices"
	"strings"

	"github.com/hearsay-go/hearsay/internal/text"
)

// Match is one phrase found in a token slice: tokens [Start, End) matched
// the phrase of entry Entry (an index into the entries given to
// [Compile]; see [Matcher.Entry]).
type Match struct {
	Start, End int
	Entry      int
}

// Matcher finds lexicon phrases in token slices by comparing Token.Fold
// with the folded words of the phrases. It is built by [Compile], is
// immutable and safe for concurrent use. The zero Matcher, and a nil one,
// match nothing.
type Matcher struct {
	words   wordTable // folded word -> word ID and child node of the root
	nodes   []node    // trie nodes below the root
	edges   []edge    // children of nodes, sorted by word within a node
	entries []Entry
	first   firstFilter // the words that start a phrase
}

// node is a trie node: the entry its path spells (or -1) and its
// children edges[lo:hi].
type node struct {
	entry  int32
	lo, hi uint32
	// kids has bit wordHash(w)>>58 set for the word w of each child: a
	// next word whose bit is clear continues no phrase, and is not looked
	// up in the word table.
	kids uint64
}

type edge struct {
	word  uint32
	child uint32
}

// Compile builds a Matcher from entries, expanding inflection markers.
// Entry i of the result is entries[i]. When several entries give the same
// folded phrase with the same category and attributes, the first wins; a
// phrase given different categories or attributes is an error naming both
// entries, as is an entry whose phrase or category is invalid (see the
// package documentation). Errors are *ParseError values joined with
// errors.Join, placed at the entries' File and Line. The entries are
// copied, so the caller may reuse the slice.
func Compile(entries []Entry) (*Matcher, error) {
	m := &Matcher{entries: make([]Entry, len(entries))}
	wordIDs := map[string]uint32{} // folded word -> word ID
	for i, e := range entries {
		e.Attrs = slices.Clone(e.Attrs)
		m.entries[i] = e
	}

	// Build a pointer-free trie with map children, then flatten it.
	type bnode struct {
		entry    int32
		children map[uint32]int32
	}
	bnodes := []bnode{{entry: -1}} // 0 is the root
	var errs []error
	fail := func(e Entry, i int, err error) bool {
		file := e.File
		if file == "" && e.Line == 0 {
			file = fmt.Sprintf("entry %d", i)
		}
		errs = append(errs, &ParseError{File: file, Line: e.Line, Err: err})
		if len(errs) >= maxErrors {
			errs = append(errs, &ParseError{File: file, Line: e.Line, Err: ErrTooManyErrors})
			return true
		}
		return false
	}
	keys := make([]string, len(entries))
entriesLoop:
	for i, e := range m.entries {
		if !isIdent(e.Category) {
			err := fmt.Errorf("%w: %q", ErrCategory, e.Category)
			if e.Category == "" {
				err = ErrNoCategory
			}
			if fail(e, i, err) {
				break
			}
			continue
		}
		forms, err := expand(e.Phrase)
		if err != nil {
			if fail(e, i, err) {
				break
			}
			continue
		}
		keys[i] = payloadKey(e)
		for _, words := range forms {
			cur := int32(0)
			for _, w := range words {
				id, ok := wordIDs[w]
				if !ok {
					id = uint32(len(wordIDs))
					wordIDs[w] = id
				}
				next, ok := bnodes[cur].children[id]
				if !ok {
					next = int32(len(bnodes))
					bnodes = append(bnodes, bnode{entry: -1})
					if bnodes[cur].children == nil {
						bnodes[cur].children = map[uint32]int32{}
					}
					bnodes[cur].children[id] = next
				}
				cur = next
			}
			switch prev := bnodes[cur].entry; {
			case prev < 0:
				bnodes[cur].entry = int32(i)
			case keys[prev] != keys[i]:
				pe := m.entries[prev]
				err := fmt.Errorf("%w: %q (from %q) is %s at %s, %s here",
					ErrConflict, strings.Join(words, " "), e.Phrase, describe(pe), position(pe, int(prev)), describe(e))
				if fail(e, i, err) {
					break entriesLoop
				}
				continue entriesLoop
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	// Flatten: the root's children go into the word table, by word ID;
	// node k > 0 of the build trie becomes m.nodes[k-1].
	root := make([]int32, len(wordIDs))
	for i := range root {
		root[i] = -1
	}
	for id, child := range bnodes[0].children {
		root[id] = child - 1
	}
	byID := make([]string, len(wordIDs))
	for w, id := range wordIDs {
		byID[id] = w
	}
	m.nodes = make([]node, len(bnodes)-1)
	for k := 1; k < len(bnodes); k++ {
		bn := bnodes[k]
		lo := uint32(len(m.edges))
		var kids uint64
		for id, child := range bn.children {
			m.edges = append(m.edges, edge{word: id, child: uint32(child - 1)})
			kids |= 1 << (wordHash(byID[id]) >> 58)
		}
		hi := uint32(len(m.edges))
		slices.SortFunc(m.edges[lo:hi], func(a, b edge) int { return cmp.Compare(a.word, b.word) })
		m.nodes[k-1] = node{entry: bn.entry, lo: lo, hi: hi, kids: kids}
	}
	m.words = newWordTable(len(wordIDs))
	for w, id := range wordIDs {
		m.words.add(w, id, root[id])
		if root[id] >= 0 {
			m.first.add(wordHash(w))
		}
	}
	return m, nil
}

// wordHash hashes a folded word for the first-word filter and the child
// filters of the trie nodes from its length and three of its bytes, with
// no branch but for the empty word. Only the high bits are well mixed:
// the filters use those. Many words share such a hash, so the word table
// hashes all bytes.
func wordHash(f string) uint64 {
	n := len(f)
	if n == 0 {
		return 0
	}
	x := uint64(n)<<24 | uint64(f[0])<<16 | uint64(f[n>>1])<<8 | uint64(f[n-1])
	return x * 0x9e3779b97f4a7c15 // Fibonacci hashing: the high bits mix all of x
}

// wordTable maps the folded words of a lexicon to their IDs: an open
// addressing table, probed linearly from a hash of the whole word and at
// most half full. A word that is not in the table mostly costs the hash
// and one probe of an empty slot or one comparison of lengths; the slot
// of a word holds what the matcher needs of it, with no second lookup.
type wordTable struct {
	slots []wordSlot
	seed  maphash.Seed
	mask  uint64
}

// wordSlot is one slot of a wordTable.
type wordSlot struct {
	word string
	id   uint32 // word ID + 1; 0 marks an empty slot
	root int32  // the child node of the root reached by the word, or -1
}

func newWordTable(n int) wordTable {
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	return wordTable{slots: make([]wordSlot, 1<<bits), seed: maphash.MakeSeed(), mask: 1<<bits - 1}
}

func (t *wordTable) add(w string, id uint32, root int32) {
	k := maphash.String(t.seed, w) & t.mask
	for t.slots[k].id != 0 {
		k = (k + 1) & t.mask
	}
	t.slots[k] = wordSlot{word: w, id: id + 1, root: root}
}

// lookup returns the slot of the word f, or nil.
func (t *wordTable) lookup(f string) *wordSlot {
	if len(t.slots) == 0 {
		return nil
	}
	for k := maphash.String(t.seed, f) & t.mask; ; k = (k + 1) & t.mask {
		s := &t.slots[k]
		if s.id == 0 {
			return nil
		}
		if s.word == f {
			return s
		}
	}
}

// firstFilter is a bit set over 16 bits of the hash of folded words, set
// for every word that starts a phrase: a token whose bit is clear starts
// no phrase, and the table lookup is skipped for it. Most words of a text
// start no phrase, so the filter saves most lookups at the cost of a load.
type firstFilter [1 << 16 / 64]uint64

func (ff *firstFilter) add(h uint64) {
	b := h >> 48
	ff[b>>6] |= 1 << (b & 63)
}

func (ff *firstFilter) has(h uint64) bool {
	return ff[h>>54]>>(h>>48&63)&1 != 0
}

// Len returns the number of entries the Matcher was compiled from.
func (m *Matcher) Len() int {
	if m == nil {
		return 0
	}
	return len(m.entries)
}

// Entry returns entry i as given to [Compile], to explain a match: its
// phrase, category, attributes, file and line. The Attrs slice is shared
// and must not be modified. Entry panics if i is out of range.
func (m *Matcher) Entry(i int) Entry {
	return m.entries[i]
}

// child returns the child of n reached by word id, or -1.
func (m *Matcher) child(n *node, id uint32) int32 {
	lo, hi := n.lo, n.hi
	if hi-lo <= 8 {
		for _, e := range m.edges[lo:hi] {
			if e.word == id {
				return int32(e.child)
			}
		}
		return -1
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		switch w := m.edges[mid].word; {
		case w == id:
			return int32(m.edges[mid].child)
		case w < id:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// Longest returns the longest phrase that starts at toks[i]: its length
// in tokens and its entry. ok is false when no phrase starts there or i
// is out of range. A token that starts no phrase mostly costs a hash and a
// load, at worst one table lookup. Longest does not allocate.
func (m *Matcher) Longest(toks []text.Token, i int) (n, entry int, ok bool) {
	if m == nil || i < 0 || i >= len(toks) {
		return 0, 0, false
	}
	f := toks[i].Fold
	if !m.first.has(wordHash(f)) {
		return 0, 0, false
	}
	return m.longest(toks, i, f)
}

// MayStart reports whether a phrase may start with a token of folded
// form f: when it is false, [Matcher.Longest] finds nothing there. It
// costs a hash and a load, inlined, so that a caller scanning every
// token calls Longest only for the few that pass. A nil Matcher starts
// nothing.
func (m *Matcher) MayStart(f string) bool {
	return m != nil && m.first.has(wordHash(f))
}

// longest is Longest for a first token toks[i] of fold f that passed the
// first-word filter.
func (m *Matcher) longest(toks []text.Token, i int, f string) (n, entry int, ok bool) {
	s := m.words.lookup(f)
	if s == nil {
		return 0, 0, false
	}
	cur := s.root
	for j := i + 1; cur >= 0; j++ {
		nd := &m.nodes[cur]
		if nd.entry >= 0 {
			n, entry, ok = j-i, int(nd.entry), true
		}
		if j >= len(toks) || nd.lo == nd.hi {
			break
		}
		f = toks[j].Fold
		if nd.kids>>(wordHash(f)>>58)&1 == 0 {
			break // no child has the word
		}
		if s = m.words.lookup(f); s == nil {
			break
		}
		cur = m.child(nd, s.id-1)
	}
	return n, entry, ok
}

// AppendMatches appends to dst the matches in toks, scanning left to
// right and taking at each token the longest phrase that starts there, so
// matches do not overlap and come in order. It allocates only to grow dst.
func (m *Matcher) AppendMatches(dst []Match, toks []text.Token) []Match {
	if m == nil {
		return dst
	}
	for i := 0; i < len(toks); {
		f := toks[i].Fold
		if !m.first.has(wordHash(f)) {
			i++
			continue
		}
		if n, e, ok := m.longest(toks, i, f); ok {
			dst = append(dst, Match{Start: i, End: i + n, Entry: e})
			i += n
			continue
		}
		i++
	}
	return dst
}

// All returns an iterator over the matches in toks, the same ones
// [Matcher.AppendMatches] finds, in order.
func (m *Matcher) All(toks []text.Token) iter.Seq[Match] {
	return func(yield func(Match) bool) {
		for i := 0; i < len(toks); {
			if n, e, ok := m.Longest(toks, i); ok {
				if !yield(Match{Start: i, End: i + n, Entry: e}) {
					return
				}
				i += n
				continue
			}
			i++
		}
	}
}
