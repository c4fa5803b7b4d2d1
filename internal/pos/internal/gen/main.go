// Command gen trains the part-of-speech tagger's weights and writes them
// to weights/en.bin, weights/es.bin and weights_gen.go in package pos. It
// runs with go generate in internal/pos:
//
//	HEARSAY_EVAL=/path/to/shared/eval go generate ./internal/pos
//
// The treebanks are read from $HEARSAY_EVAL/pos, or from ../shared/eval/pos
// beside the module root: English from en-ewt/en_ewt-ud-train.conllu (the
// dev split only with -tune), Spanish from es-gsd/es_gsd-ud-dev.conllu
// (the test split only with -tune). Training is deterministic: fixed
// epochs, fixed shuffling and dropout seeds, and sorted output, so the
// same treebanks give the same bytes.
//
// Each language has two directions: the weights of a tagger that reads
// left to right, and those of one that reads right to left, trained the
// same way on the sentences reversed; the tagger adds their scores. In
// English each direction is the sum of three averaged perceptrons, each
// trained on its own order of the sentences and each leaving a random
// quarter of the features out of every training instance (dropout);
// summed weights below about two updates are left out. The sum is the
// weights of one greedy tagger. In Spanish each direction is one
// perceptron, without dropout.
//
// Each sentence is trained on twice when hearsay tokenizes its text
// differently from the treebank: once as the treebank gives its words
// ("do" "n't", "de" "el"), once as hearsay's tokenizer splits the text
// rebuilt from the tokens ("don't", "del"); a hearsay token that spans
// several words takes the class of the first ("don't" is VBP/AUX, "del"
// ADP), and one that is part of a word takes the word's class.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hearsay-go/hearsay/internal/eval/conllu"
	"github.com/hearsay-go/hearsay/internal/pos/internal/model"
	"github.com/hearsay-go/hearsay/internal/text"
)

// The training settings, fixed so that generation is reproducible (chosen
// on the dev splits with -tune).
const (
	epochsEN  = 12
	epochsES  = 10
	sumEN     = 3    // English: the sum of this many perceptrons
	sumES     = 1    // Spanish: one
	dropoutEN = 0.25 // share of the features left out of a training instance
	dropoutES = 0.0
	featMinEN = 0 // least count of a feature to be trained (0: all)
	featMinES = 0
	minPairEN = 20   // least count of an (XPOS, UPOS) pair to be a class of its own
	dictMin   = 20   // least count of a word in the tag dictionary
	dictRatio = 0.97 // least share of its most frequent class
	lexMinDef = 2    // least count of a word in the lexicon
	minQEN    = 700  // least |quantized weight| kept (English: about 1.8 in the summed averaged weights)
	minQES    = 1
	bidirEN   = true
	bidirES   = true
)

var (
	lang    = flag.String("lang", "en,es", "languages to train")
	tune    = flag.Bool("tune", false, "report accuracy on the held-out split after each epoch (writes nothing)")
	epochs  = flag.Int("epochs", 0, "epochs (0: the fixed setting)")
	minQ    = flag.Int("minq", 0, "least |quantized weight| kept (0: the fixed setting)")
	lexMin  = flag.Int("lexmin", lexMinDef, "least count of a word in the lexicon")
	featMin = flag.Int("featmin", -1, "least count of a feature to be trained (-1: the fixed setting)")
	seed    = flag.Uint64("seed", 1, "shuffling seed (of the first perceptron; the next ones take the next seeds)")
	nsum    = flag.Int("sum", 0, "perceptrons summed (0: the fixed setting)")
	drop    = flag.Float64("dropout", -1, "share of the features left out of each training instance (-1: the fixed setting)")
	bidir   = flag.String("bidir", "", "a right-to-left direction too: on or off (empty: the fixed setting)")
	outDir  = flag.String("o", ".", "package directory to write to")
)

func logf(format string, args ...any) { log.Printf(format, args...) }

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	flag.Parse()
	dir, err := evalDir()
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range []string{"en", "es"} {
		if !slices.Contains(splitComma(*lang), l) {
			continue
		}
		t0 := time.Now()
		train, held := filepath.Join(dir, "en-ewt", "en_ewt-ud-train.conllu"), filepath.Join(dir, "en-ewt", "en_ewt-ud-dev.conllu")
		set := settings{epochs: epochsEN, sum: sumEN, dropout: dropoutEN, featMin: featMinEN, minQ: minQEN, bidir: bidirEN}
		if l == "es" {
			train, held = filepath.Join(dir, "es-gsd", "es_gsd-ud-dev.conllu"), filepath.Join(dir, "es-gsd", "es_gsd-ud-test.conllu")
			set = settings{epochs: epochsES, sum: sumES, dropout: dropoutES, featMin: featMinES, minQ: minQES, bidir: bidirES}
		}
		if *epochs > 0 {
			set.epochs = *epochs
		}
		if *nsum > 0 {
			set.sum = *nsum
		}
		if *drop >= 0 {
			set.dropout = *drop
		}
		if *minQ > 0 {
			set.minQ = *minQ
		}
		if *featMin >= 0 {
			set.featMin = *featMin
		}
		switch *bidir {
		case "on":
			set.bidir = true
		case "off":
			set.bidir = false
		}
		b := build(l, train, held, set)
		logf("%s: %d bytes in %v", l, len(b), time.Since(t0).Round(time.Millisecond))
		if *tune {
			continue
		}
		if err := os.WriteFile(filepath.Join(*outDir, "weights", l+".bin"), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if !*tune {
		if err := os.WriteFile(filepath.Join(*outDir, "weights_gen.go"), []byte(goFile), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// goFile is the Go file that embeds the weights.
const goFile = `// Code generated by "go run ./internal/gen"; DO NOT EDIT.

package pos

import _ "embed"

// The taggers' weights, written by internal/gen from UD English EWT v2.15
// (train split) and UD Spanish GSD (dev split), both CC BY-SA 4.0: see
// weights/NOTICE.

//go:embed weights/en.bin
var enWeights []byte

//go:embed weights/es.bin
var esWeights []byte
`

func splitComma(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != ',' {
			i++
		}
		out = append(out, s[:i])
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}

// evalDir finds the treebanks' folder.
func evalDir() (string, error) {
	if d := os.Getenv("HEARSAY_EVAL"); d != "" {
		return filepath.Join(d, "pos"), nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "..", "shared", "eval", "pos"), nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s: set HEARSAY_EVAL", wd)
		}
	}
}

// settings are the training settings of one language.
type settings struct {
	epochs  int
	sum     int     // perceptrons summed, each trained on its own order
	dropout float64 // share of the features left out of a training instance
	// featMin is the least count of a feature (see countFeatures) for
	// it to be trained: rarer ones are left out of training and so of
	// the weights.
	featMin int
	minQ    int // least |quantized weight| kept
	// bidir adds a right-to-left direction, trained like the first on
	// the reversed sequences, whose scores the tagger adds.
	bidir bool
}

// build trains the model of one language and returns its weights file.
func build(lang, trainPath, heldPath string, set settings) []byte {
	n := set.epochs
	sents, err := conllu.ReadFile(trainPath)
	if err != nil {
		log.Fatal(err)
	}
	classes, classOf := classify(lang, sents)
	seqs := sequences(sents, classOf)
	dict := dictionary(seqs[:len(sents)], len(classes))
	jackknife(seqs, len(sents))
	freq := countFeatures(seqs, dict)
	logf("%s: %d sentences, %d sequences, %d classes, %d lexicon words", lang, len(sents), len(seqs), len(classes), len(dict))
	var held []conllu.Sentence
	if *tune {
		if held, err = conllu.ReadFile(heldPath); err != nil {
			log.Fatal(err)
		}
	}
	report := func(dirs []direction, final bool) {
		m, err := model.Decode(encode(classes, dict, dirs, set.minQ))
		if err != nil {
			log.Fatal(err)
		}
		if final {
			confusion = map[string]int{}
		}
		x, u, t := score(m, held)
		logf("  held out: xpos %.2f upos %.2f tokens %d", 100*float64(x)/float64(t), 100*float64(u)/float64(t), t)
		if final {
			printConfusion()
		}
	}
	var after func(int, *perceptron)
	if *tune && set.sum == 1 && !set.bidir {
		after = func(e int, p *perceptron) {
			if e < n {
				report([]direction{{p, freq}}, false)
			}
		}
	}
	dirs := []direction{{trainSum(seqs, len(classes), dict, set, freq, *seed, after), freq}}
	if set.bidir {
		rseqs := reversed(seqs)
		rfreq := countFeatures(rseqs, dict)
		dirs = append(dirs, direction{trainSum(rseqs, len(classes), dict, set, rfreq, *seed+uint64(set.sum), nil), rfreq})
	}
	if *tune {
		report(dirs, true)
	}
	return encode(classes, dict, dirs, set.minQ)
}

// trainSum trains set.sum perceptrons on seqs, each on its own order
// (seeds seed, seed+1, ...), and returns the one or their sum; after, if
// not nil, sees a lone perceptron after each epoch.
func trainSum(seqs []seq, nclass int, dict map[uint32]uint32, set settings, freq map[uint32]int, seed uint64, after func(int, *perceptron)) *perceptron {
	all := make([]int, len(seqs))
	for i := range all {
		all[i] = i
	}
	var ps []*perceptron
	for k := range set.sum {
		q := newPerceptron(nclass, dict, set, freq)
		var hook func(int)
		if after != nil && set.sum == 1 {
			hook = func(e int) { after(e, q) }
		}
		q.train(seqs, all, set.epochs, seed+uint64(k), hook)
		ps = append(ps, q)
	}
	if len(ps) == 1 {
		return ps[0]
	}
	return sum(ps)
}

func printConfusion() {
	type kv struct {
		k string
		n int
	}
	var all []kv
	for k, v := range confusion {
		all = append(all, kv{k, v})
	}
	slices.SortFunc(all, func(a, b kv) int { return b.n - a.n })
	for _, x := range all[:min(70, len(all))] {
		logf("  %5d %s", x.n, x.k)
	}
}

// classify returns the classes of a language and the class of a word.
// English classes are the (XPOS, UPOS) pairs seen at least minPairEN
// times, and for each XPOS its most frequent pair, to which a rarer pair
// goes; Spanish classes are the UPOS.
func classify(lang string, sents []conllu.Sentence) ([]model.Class, func(w conllu.Word) uint8) {
	count := map[model.Class]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			c := model.Class{XPOS: w.XPOS, UPOS: w.UPOS}
			if lang != "en" {
				c.XPOS = ""
			}
			count[c]++
		}
	}
	top := map[string]model.Class{}
	for c, n := range count {
		if t, ok := top[c.XPOS]; !ok || n > count[t] || n == count[t] && c.UPOS < t.UPOS {
			top[c.XPOS] = c
		}
	}
	var classes []model.Class
	for c, n := range count {
		if n >= minPairEN || lang != "en" || top[c.XPOS] == c {
			classes = append(classes, c)
		}
	}
	slices.SortFunc(classes, func(a, b model.Class) int {
		if a.XPOS != b.XPOS {
			return strings.Compare(a.XPOS, b.XPOS)
		}
		return strings.Compare(a.UPOS, b.UPOS)
	})
	id := map[model.Class]uint8{}
	for i, c := range classes {
		id[c] = uint8(i)
	}
	return classes, func(w conllu.Word) uint8 {
		c := model.Class{XPOS: w.XPOS, UPOS: w.UPOS}
		if lang != "en" {
			c.XPOS = ""
		}
		if i, ok := id[c]; ok {
			return i
		}
		return id[top[c.XPOS]]
	}
}

// sequences returns one sequence per sentence as the treebank splits it,
// then one per sentence that hearsay's tokenizer splits differently.
func sequences(sents []conllu.Sentence, classOf func(conllu.Word) uint8) []seq {
	var out, extra []seq
	var tk text.Tokens
	for si, s := range sents {
		g := seq{words: make([]model.Word, len(s.Words)), gold: make([]uint8, len(s.Words)), fold: si % folds}
		for i, w := range s.Words {
			g.words[i].Set(text.Fold(w.Form), w.Form, false)
			g.gold[i] = classOf(w)
		}
		out = append(out, g)

		surf, ranges := s.Surface()
		text.Tokenize(surf, &tk)
		same := len(tk.Toks) == len(s.Words)
		h := seq{words: make([]model.Word, len(tk.Toks)), gold: make([]uint8, len(tk.Toks)), fold: g.fold}
		j := 0
		for i, t := range tk.Toks {
			for j < len(ranges)-1 && ranges[j][1] <= t.Span.Start {
				j++
			}
			form := surf[t.Span.Start:t.Span.End]
			h.words[i].Set(t.Fold, form, false)
			h.gold[i] = g.gold[j]
			if same && form != s.Words[i].Form {
				same = false
			}
		}
		if !same {
			extra = append(extra, h)
		}
	}
	return append(out, extra...)
}

// dictionary returns the lexicon: the most frequent class of each word
// seen lexMin times, marked InDict for a word frequent and unambiguous
// enough to be tagged without the model.
func dictionary(seqs []seq, nclass int) map[uint32]uint32 {
	counts := map[uint32][]int{}
	for _, s := range seqs {
		for i := range s.words {
			k := model.DictKey(&s.words[i])
			c := counts[k]
			if c == nil {
				c = make([]int, nclass)
				counts[k] = c
			}
			c[s.gold[i]]++
		}
	}
	dict := map[uint32]uint32{}
	for k, c := range counts {
		total, best := 0, 0
		for i, n := range c {
			total += n
			if n > c[best] {
				best = i
			}
		}
		switch {
		case total >= dictMin && float64(c[best]) >= dictRatio*float64(total):
			dict[k] = uint32(best) | model.InDict
		case total >= *lexMin:
			dict[k] = uint32(best)
		}
	}
	return dict
}

// folds is the number of folds of the jackknifed lexicon.
const folds = 10

// jackknife sets the lexical class of each training word from the
// sentences of the other folds, so that training sees the lexicon as
// unreliable on rare words as it is on new text. The first n sequences
// are the treebank's sentences.
func jackknife(seqs []seq, n int) {
	total := map[uint64]int{} // DictKey<<8 | class
	var byFold [folds]map[uint64]int
	classes := map[uint32][]uint8{}
	for f := range byFold {
		byFold[f] = map[uint64]int{}
	}
	for _, s := range seqs[:n] {
		for i := range s.words {
			k := model.DictKey(&s.words[i])
			kc := uint64(k)<<8 | uint64(s.gold[i])
			if total[kc] == 0 {
				classes[k] = append(classes[k], s.gold[i])
			}
			total[kc]++
			byFold[s.fold][kc]++
		}
	}
	for _, s := range seqs {
		for i := range s.words {
			k := model.DictKey(&s.words[i])
			sum, best, bestN := 0, uint8(model.NoClass), 0
			for _, c := range classes[k] {
				kc := uint64(k)<<8 | uint64(c)
				m := total[kc] - byFold[s.fold][kc]
				sum += m
				if m > bestN || m == bestN && m > 0 && c < best {
					best, bestN = c, m
				}
			}
			s.words[i].Lex = model.NoClass
			if sum >= *lexMin {
				s.words[i].Lex = best
			}
		}
	}
}

// score tags the gold words of sents and counts the words whose XPOS and
// UPOS are right.
var confusion map[string]int

func score(m *model.Model, sents []conllu.Sentence) (xpos, upos, total int) {
	var st model.Tagging
	var out []uint8
	for _, s := range sents {
		out = slices.Grow(out[:0], len(s.Words))[:len(s.Words)]
		m.Tag(&st, len(s.Words), func(i int, w *model.Word) {
			f := s.Words[i].Form
			w.Set(text.Fold(f), f, false)
		}, func(i int, c uint8) { out[i] = c })
		for i, w := range s.Words {
			c := m.Classes[out[i]]
			_, known := m.LexClass(text.Fold(w.Form))
			if confusion != nil && !known {
				confusion["OOV total"]++
			}
			if c.XPOS == w.XPOS {
				xpos++
			} else if confusion != nil {
				confusion[w.XPOS+" -> "+c.XPOS]++
				if !known {
					confusion["OOV "+w.XPOS+" -> "+c.XPOS]++
					confusion["OOV err"]++
				} else {
					confusion["KNOWN err"]++
				}
			}
			if c.UPOS == w.UPOS {
				upos++
			} else if confusion != nil {
				confusion["U "+w.UPOS+" -> "+c.UPOS]++
				if c.XPOS == w.XPOS {
					confusion["UONLY "+w.XPOS+" "+w.UPOS+" -> "+c.UPOS]++
					confusion["UONLY total"]++
				}
			}
			total++
		}
	}
	return xpos, upos, total
}
