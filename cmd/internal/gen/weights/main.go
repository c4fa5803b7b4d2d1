// Command weights learns the weights of the attribution extractor's cue
// filter from the PolNeAR train split and writes them to
// attribution/weights_gen.go. It runs with go generate in
// package attribution:
//
//	HEARSAY_EVAL=/path/to/shared/eval go generate ./attribution
//
// The corpus is read from $HEARSAY_EVAL/attribution/polnear/train, or
// from ../shared/eval next to the module root. Only the train split is
// read. The model is a logistic regression over the features of
// package cuefeat (the rules' own output and the classes of the words
// around the cue); features seen fewer than minCount times are left out,
// so that the table holds general English words and numbers only.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math"
	"os"
	"sort"
	"strconv"

	_ "github.com/hearsay-go/hearsay/attribution" // sets cuefeat.Raw
	"github.com/hearsay-go/hearsay/cmd/internal/eval/attrcorpus"
	"github.com/hearsay-go/hearsay/internal/cuefeat"
	"github.com/hearsay-go/hearsay/span"
)

const (
	minCount = 50   // least number of train candidates with a feature
	epochs   = 4000 // full-batch gradient steps
	rate     = 0.5  // step size
	l2       = 3e-4 // L2 penalty on every weight but the bias
	minAbs   = 0.1  // weights smaller than this are left out
)

var out = flag.String("o", "weights_gen.go", "output file")

func main() {
	log.SetFlags(0)
	log.SetPrefix("weights: ")
	flag.Parse()
	dir, err := attrcorpus.SplitDir("train")
	if err != nil {
		log.Fatal(err)
	}
	arts, err := attrcorpus.ReadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	exs, gold := examples(arts)
	w, feats := train(exs)
	thr, f1 := threshold(exs, w, gold)
	src := render(w, feats, thr, len(arts), len(exs), f1)
	if err := os.WriteFile(*out, src, 0o666); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d articles, %d candidates, %d weights, threshold %.3f, train cue F1 %.2f", len(arts), len(exs), len(w), thr, 100*f1)
}

type example struct {
	keys  []cuefeat.Key
	label bool
}

// examples returns one example per distinct cue the rules predict (the
// scorer counts a cue span once) and the number of gold cue spans.
func examples(arts []attrcorpus.Article) ([]example, int) {
	var exs []example
	gold := 0
	for _, a := range arts {
		g := map[span.Span]bool{}
		for _, at := range a.Attributions {
			for _, c := range at.Cue {
				g[c] = true
			}
		}
		gold += len(g)
		seen := map[span.Span]bool{}
		for _, c := range cuefeat.Raw(a.Text) {
			if seen[c.Cue] {
				continue
			}
			seen[c.Cue] = true
			exs = append(exs, example{keys: cuefeat.Append(nil, a.Text, &c), label: g[c.Cue]})
		}
	}
	return exs, gold
}

// train fits the logistic regression and returns the weights kept.
func train(exs []example) (map[cuefeat.Key]float32, []cuefeat.Key) {
	count := map[cuefeat.Key]int{}
	for _, e := range exs {
		for _, k := range e.keys {
			count[k]++
		}
	}
	var feats []cuefeat.Key
	for k, n := range count {
		if n >= minCount {
			feats = append(feats, k)
		}
	}
	sortKeys(feats)
	index := make(map[cuefeat.Key]int, len(feats))
	for i, k := range feats {
		index[k] = i
	}
	xs := make([][]int, len(exs))
	for i, e := range exs {
		for _, k := range e.keys {
			if j, ok := index[k]; ok {
				xs[i] = append(xs[i], j)
			}
		}
	}
	w := make([]float64, len(feats))
	grad := make([]float64, len(feats))
	n := float64(len(exs))
	for range epochs {
		clear(grad)
		for i, x := range xs {
			var z float64
			for _, j := range x {
				z += w[j]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if exs[i].label {
				y = 1
			}
			for _, j := range x {
				grad[j] += p - y
			}
		}
		for j := range w {
			g := grad[j] / n
			if feats[j].Kind != cuefeat.Bias {
				g += l2 * w[j]
			}
			w[j] -= rate * g
		}
	}
	kept := map[cuefeat.Key]float32{}
	var keys []cuefeat.Key
	for j, k := range feats {
		// The bias, and every rule seen often enough: the filter judges
		// only the frames of the rules in the table.
		if math.Abs(w[j]) >= minAbs || k.Kind == cuefeat.Bias || k.Kind == cuefeat.Rule {
			kept[k] = float32(math.Round(w[j]*1000) / 1000)
			keys = append(keys, k)
		}
	}
	return kept, keys
}

// threshold returns the score threshold with the best cue F1 on the
// examples, as the scorer counts it, and that F1.
func threshold(exs []example, w map[cuefeat.Key]float32, gold int) (float32, float64) {
	type sc struct {
		s     float32
		label bool
	}
	all := make([]sc, len(exs))
	for i, e := range exs {
		var s float32
		for _, k := range e.keys {
			s += w[k]
		}
		all[i] = sc{s, e.label}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].s > all[j].s })
	best, bestT := -1.0, float32(0)
	tp := 0
	for i, x := range all {
		if x.label {
			tp++
		}
		if i+1 < len(all) && all[i+1].s == x.s {
			continue
		}
		f1 := 2 * float64(tp) / float64(gold+i+1)
		if f1 > best {
			best = f1
			bestT = x.s
			if i+1 < len(all) {
				bestT = (x.s + all[i+1].s) / 2
			}
		}
	}
	return float32(math.Round(float64(bestT)*1000) / 1000), best
}

func sortKeys(ks []cuefeat.Key) {
	sort.Slice(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.A != b.A {
			return a.A < b.A
		}
		return a.B < b.B
	})
}

func render(w map[cuefeat.Key]float32, keys []cuefeat.Key, thr float32, arts, exs int, f1 float64) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ../cmd/internal/gen/weights; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package attribution\n\n")
	fmt.Fprintf(&b, "import \"github.com/hearsay-go/hearsay/internal/cuefeat\"\n\n")
	fmt.Fprintf(&b, "// The cue filter: a logistic regression learned on the %d articles of\n", arts)
	fmt.Fprintf(&b, "// the PolNeAR train split (%d candidate cues; train cue F1 %.2f at the\n", exs, 100*f1)
	fmt.Fprintf(&b, "// threshold). A candidate whose weights sum below cueThreshold is dropped.\n\n")
	fmt.Fprintf(&b, "const cueThreshold = %s\n\n", strconv.FormatFloat(float64(thr), 'f', -1, 32))
	fmt.Fprintf(&b, "var cueWeightTable = []cuefeat.Weight{\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "\t{Kind: %q, A: %q, B: %q, W: %s},\n", k.Kind.String(), k.A, k.B,
			strconv.FormatFloat(float64(w[k]), 'f', -1, 32))
	}
	fmt.Fprintf(&b, "}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatalf("formatting the output: %v", err)
	}
	return src
}
