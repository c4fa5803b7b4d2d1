package cuefeat

import (
	"slices"
	"strings"
)

// class is a word class of classOf, as an index into classNames: the
// context features are drawn from a few closed sets of values, which
// ContextScore weighs by index instead of by name.
type class uint8

// The classes other than the closed words, which follow them.
const (
	clEnd class = iota
	clNum
	clCap
	clLy
	clIng
	clEd
	clWord
	clQuote
	clDash
	clPunct
	clNone      // ContentOpen: no content
	clPunctMark // the first of the marks of punctMarks, in their order
)

// punctMarks are the punctuation marks that are their own class.
const punctMarks = ".,:;()?!"

// classNames names each class; closedClasses gives the class of each
// closed word.
var classNames, closedClasses = func() ([]string, map[string]class) {
	names := []string{"end", "num", "Cap", "-ly", "-ing", "-ed", "word", "quote", "dash", "punct", "none"}
	for _, r := range punctMarks {
		names = append(names, string(r))
	}
	words := make([]string, 0, len(closed))
	for w := range closed {
		words = append(words, w)
	}
	slices.Sort(words)
	ids := make(map[string]class, len(words))
	for _, w := range words {
		ids[w] = class(len(names))
		names = append(names, w)
	}
	if len(names) > 256 {
		panic("cuefeat: too many word classes")
	}
	return names, ids
}()

// cueWordNames names the values of CueWords.
var cueWordNames = [...]string{"1", "2", "3+"}

// context is what the context features of a candidate are drawn from.
type context struct {
	prev, next  class // the tokens before and after the cue
	open        class // the opening of the content
	first       class // the first word of the cue
	words       int   // the words of the cue, counted up to 3
	srcLen, gap uint8 // indexes into bucketNames and gapNames
	cue         string
}

// cueWords returns the index into cueWordNames of the cue's length.
func (x *context) cueWords() int {
	return min(max(x.words, 1), 3) - 1
}

// contextOf returns the context of the candidate c in txt.
func contextOf(txt string, c *Cand) context {
	x := context{
		prev: classID(tokenBefore(txt, c.Cue.Start)),
		next: classID(tokenAfter(txt, c.Cue.End)),
		cue:  txt[c.Cue.Start:c.Cue.End],
	}
	var first string
	x.words, first = countWords(x.cue, 3)
	if x.words > 1 {
		x.first = classID(first)
	}
	x.open = contentOpenAfter(txt, c, x.next)
	if !c.Source.IsEmpty() && c.Source.Start >= 0 && c.Source.End <= len(txt) {
		n, _ := countWords(txt[c.Source.Start:c.Source.End], 9)
		x.srcLen = bucket(n)
		var between string
		if c.Source.End <= c.Cue.Start {
			between = txt[c.Source.End:c.Cue.Start]
		} else if c.Cue.End <= c.Source.Start {
			between = txt[c.Cue.End:c.Source.Start]
		}
		n, _ = countWords(between, 9)
		x.gap = 1 + bucket(n)
	}
	return x
}

// contextWeights are the weights of the context features by index: the
// weights of the table's maps for the values AppendContext can give.
type contextWeights struct {
	cueWords                [len(cueWordNames)]float32
	prev, next, open, first []float32 // by class
	srcLen                  [len(bucketNames)]float32
	gap                     [len(gapNames)]float32
	lemma                   map[string]*lemmaWeights
}

// lemmaWeights are the LemmaNext and LemmaPrev weights of one lemma, by
// class.
type lemmaWeights struct{ next, prev []float32 }

// noLemma weighs the classes of a lemma without weights.
var noLemma = &lemmaWeights{next: make([]float32, len(classNames)), prev: make([]float32, len(classNames))}

// newContextWeights indexes the context weights of the maps of t.
func newContextWeights(t *Table) contextWeights {
	var w contextWeights
	for i, name := range cueWordNames {
		w.cueWords[i] = t.m[CueWords][name]
	}
	for i, name := range bucketNames {
		w.srcLen[i] = t.m[SourceLen][name]
	}
	for i, name := range gapNames {
		w.gap[i] = t.m[Gap][name]
	}
	byClass := func(k Kind) []float32 {
		ws := make([]float32, len(classNames))
		for i, name := range classNames {
			ws[i] = t.m[k][name]
		}
		return ws
	}
	w.prev, w.next, w.open, w.first = byClass(Prev), byClass(Next), byClass(ContentOpen), byClass(CueFirst)
	w.lemma = make(map[string]*lemmaWeights)
	row := func(lemma string) *lemmaWeights {
		lw := w.lemma[lemma]
		if lw == nil {
			lw = &lemmaWeights{next: make([]float32, len(classNames)), prev: make([]float32, len(classNames))}
			w.lemma[lemma] = lw
		}
		return lw
	}
	ids := make(map[string]class, len(classNames))
	for i, name := range classNames {
		ids[name] = class(i)
	}
	for _, k := range [...]Kind{LemmaNext, LemmaPrev} {
		for key, weight := range t.m[k] {
			lemma, name, _ := strings.Cut(key, "\x00")
			id, ok := ids[name]
			if !ok {
				continue // no context gives it
			}
			if k == LemmaNext {
				row(lemma).next[id] = weight
			} else {
				row(lemma).prev[id] = weight
			}
		}
	}
	return w
}

// ContextScore returns Score(AppendContext(nil, txt, c)), the same sum
// in the same order, without building the keys: most of its weights are
// read by index.
func (t *Table) ContextScore(txt string, c *Cand) float32 {
	x := contextOf(txt, c)
	w := &t.ctx
	lw := w.lemma[c.Lemma]
	if lw == nil {
		lw = noLemma
	}
	var s float32
	s += w.cueWords[x.cueWords()]
	s += w.prev[x.prev]
	s += w.next[x.next]
	s += lw.next[x.next]
	s += lw.prev[x.prev]
	s += w.open[x.open]
	s += w.srcLen[x.srcLen]
	s += w.gap[x.gap]
	if x.words <= 2 {
		s += t.m[CueText][strings.ToLower(x.cue)]
	}
	if x.words > 1 {
		s += w.first[x.first]
	}
	return s
}
