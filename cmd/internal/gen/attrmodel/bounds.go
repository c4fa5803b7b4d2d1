package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math/rand/v2"
	"os"

	"github.com/hearsay-go/hearsay/cmd/internal/eval/attrcorpus"
	"github.com/hearsay-go/hearsay/internal/boundary"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/span"
)

// The boundary model's hyperparameters, tuned on the dev split.
var (
	boundsFolds    = flag.Int("bounds-folds", 5, "folds of train whose span models propose the source phrases the boundary model learns from")
	boundsBits     = flag.Uint("bounds-bits", 16, "hash bits of the boundary model's table")
	boundsEpochs   = flag.Int("bounds-epochs", 3, "passes over the boundary examples")
	boundsMinCount = flag.Int("bounds-mincount", 3, "least number of candidates with a boundary feature")
	boundsSeed     = flag.Uint64("bounds-seed", 1, "the seed of the order of the boundary examples")
	boundsRuns     = flag.Int("bounds-runs", 3, "boundary perceptrons summed, each over its own order (seeds bounds-seed, +1, ...)")
	boundsOut      = flag.String("bounds-o", "bounds_weights.bin", "output boundary weights")
	boundsGoOut    = flag.String("bounds-go", "bounds_gen.go", "output boundary Go file")
)

// trainSpanModel trains a span model on the sequences of order.
func trainSpanModel(seqs []seqmodel.Seq, gold [][]seqmodel.Label, order []int) *seqmodel.Model {
	tr := seqmodel.NewTrainer(*bits)
	tr.Cost = int32(*cost)
	rng := rand.New(rand.NewPCG(*seed, 2))
	for range *epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			tr.Update(&seqs[i], gold[i])
		}
	}
	return tr.Model(*clip, *minQ)
}

// learnBounds learns the boundary model from the source phrases that the
// extractor proposes on each article with a span model trained on the
// other folds (so that the phrases err as they do on unseen text), writes
// it, and scores it on -dev with the full span model m.
func learnBounds(arts []attrcorpus.Article, seqs []seqmodel.Seq, gold [][]seqmodel.Label, art []int, m *seqmodel.Model) {
	k := *boundsFolds
	var exs []boundary.Example
	var st boundsStats
	for f := range k {
		var order []int
		for i := range seqs {
			if art[i]%k != f {
				order = append(order, i)
			}
		}
		fm := trainSpanModel(seqs, gold, order)
		for ai := f; ai < len(arts); ai += k {
			exs = st.collect(exs, &arts[ai], fm)
		}
	}
	log.Printf("bounds: %s", st)
	bm, err := boundary.Train(exs, boundary.TrainConfig{Bits: uint8(*boundsBits), Epochs: *boundsEpochs, Seed: *boundsSeed, MinCount: *boundsMinCount, Runs: *boundsRuns})
	if err != nil {
		log.Fatal(err)
	}
	if *devDir != "" {
		dev, err := attrcorpus.ReadDir(*devDir)
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("bounds dev: %s", scoreBounds(dev, m, bm))
	}
	bin := bm.Marshal()
	if err := os.WriteFile(*boundsOut, bin, 0o666); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*boundsGoOut, renderBounds(len(arts), len(exs), len(bin)), 0o666); err != nil {
		log.Fatal(err)
	}
	log.Printf("bounds: %d examples, %d bytes", len(exs), len(bin))
}

// boundsStats counts the proposed source phrases of train.
type boundsStats struct {
	choices, matched, startIn, endIn, startKept, endKept int
}

func (s boundsStats) String() string {
	return fmt.Sprintf("%d source phrases, %d overlap a gold one; its start is a candidate in %d (the proposed one in %d), its end in %d (%d)",
		s.choices, s.matched, s.startIn, s.startKept, s.endIn, s.endKept)
}

// collect appends to exs the examples of article a with span model m:
// one per boundary whose gold position is a candidate.
func (st *boundsStats) collect(exs []boundary.Example, a *attrcorpus.Article, m *seqmodel.Model) []boundary.Example {
	for _, ch := range boundary.Featurize(a.Text, m) {
		st.choices++
		g, ok := goldFragment(ch.Span, a.Attributions)
		if !ok {
			continue
		}
		st.matched++
		if i := candidateAt(ch.Starts, g.Start); i >= 0 {
			st.startIn++
			st.startKept += b2i(i == 0)
			exs = append(exs, boundary.Example{Cands: candFeats(ch.Starts), Gold: i})
		}
		if i := candidateAt(ch.Ends, g.End); i >= 0 {
			st.endIn++
			st.endKept += b2i(i == 0)
			exs = append(exs, boundary.Example{Cands: candFeats(ch.Ends), Gold: i})
		}
	}
	return exs
}

// goldFragment returns the gold source fragment that overlaps s most,
// and false when none does.
func goldFragment(s span.Span, atts []attrcorpus.Attribution) (span.Span, bool) {
	best, most := span.Span{}, 0
	for _, at := range atts {
		for _, g := range at.Source {
			if o := min(s.End, g.End) - max(s.Start, g.Start); o > most {
				best, most = g, o
			}
		}
	}
	return best, most > 0
}

// candidateAt returns the index of the candidate at byte b, or -1.
func candidateAt(cs []boundary.Candidate, b int) int {
	for i, c := range cs {
		if c.At == b {
			return i
		}
	}
	return -1
}

func candFeats(cs []boundary.Candidate) [][]boundary.Feature {
	out := make([][]boundary.Feature, len(cs))
	for i := range cs {
		out[i] = cs[i].Feats
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// scoreBounds counts, on arts, the source phrases whose start and end the
// boundary model bm gets right, against keeping the proposed ones.
func scoreBounds(arts []attrcorpus.Article, m *seqmodel.Model, bm *boundary.Model) string {
	var n, keptS, keptE, keptBoth, modelS, modelE, modelBoth int
	for _, a := range arts {
		for _, ch := range boundary.Featurize(a.Text, m) {
			g, ok := goldFragment(ch.Span, a.Attributions)
			if !ok {
				continue
			}
			n++
			s, e := ch.Starts[bm.Best(candFeats(ch.Starts))].At, ch.Ends[bm.Best(candFeats(ch.Ends))].At
			keptS += b2i(ch.Span.Start == g.Start)
			keptE += b2i(ch.Span.End == g.End)
			keptBoth += b2i(ch.Span == g)
			modelS += b2i(s == g.Start)
			modelE += b2i(e == g.End)
			modelBoth += b2i(s == g.Start && e == g.End)
		}
	}
	return fmt.Sprintf("%d source phrases over a gold one: start right %d -> %d, end %d -> %d, both %d -> %d",
		n, keptS, modelS, keptE, modelE, keptBoth, modelBoth)
}

// renderBounds returns bounds_gen.go.
func renderBounds(articles, examples, size int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by go run ../cmd/internal/gen/attrmodel; DO NOT EDIT.

package attribution

import _ "embed"

// boundsModelData is the boundary model of source phrases
// (bounds_weights.bin, %d bytes): averaged perceptrons ranking the
// candidate starts and ends of each phrase, learned from %d examples
// of the %d articles of the train split of %s
// at commit %s, %s,
// each phrase proposed with a span model trained on the other %d folds
// of train; the sum of %d perceptrons over their own orders, %d epochs
// each, features of at least %d candidates, hashed into 2^%d buckets. No
// corpus text is stored: only hashed features and their weights.
//
//go:embed bounds_weights.bin
var boundsModelData []byte
`, size, examples, articles, corpusName, corpusCommit, corpusUse, *boundsFolds-1, *boundsRuns, *boundsEpochs, *boundsMinCount, *boundsBits)
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatalf("formatting the output: %v", err)
	}
	return src
}
