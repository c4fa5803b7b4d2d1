// Command attrmodel learns the attribution span model and the boundary
// model of source phrases from the PolNeAR train split and writes
// attribution/model_weights.bin, attribution/model_gen.go,
// attribution/bounds_weights.bin and attribution/bounds_gen.go. It runs
// with go generate in package attribution:
//
//	HEARSAY_EVAL=/path/to/shared/eval go generate ./attribution
//
// The corpus is read from $HEARSAY_EVAL/attribution/polnear/train, or
// from ../shared/eval next to the module root; only the train split is
// read. Each article is tagged token by token (BIO labels of source, cue
// and content; PolNeAR is univocal, so this is exact) over the features
// package attribution computes, and an averaged structured perceptron
// learns the weights in a fixed number of epochs over the articles in a
// fixed shuffled order: the output is the same on every run. Features
// seen fewer than minCount times in train are left out, so the weights
// hold no rare word of the corpus.
//
// The boundary model (bounds.go) then learns where a source phrase
// starts and ends: on each train article, the extractor proposes its
// source phrases with a span model trained on the other folds of train,
// and an averaged perceptron learns to rank the candidate starts and
// ends of each phrase that overlaps a gold source against the gold ones.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	_ "github.com/hearsay-go/hearsay/attribution" // sets seqmodel.Featurize and boundary.Featurize
	"github.com/hearsay-go/hearsay/cmd/internal/eval/attrcorpus"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/span"
)

// The hyperparameters, tuned on the dev split.
var (
	bits     = flag.Uint("bits", 16, "hash bits of the feature table (2^16 rows of 8 bytes fit in a core's L2 cache)")
	epochs   = flag.Int("epochs", 25, "passes over the train split")
	minCount = flag.Int("mincount", 20, "least number of train tokens with a feature")
	clip     = flag.Float64("clip", 0.9999, "quantile of the weight magnitudes that maps to 127")
	minQ     = flag.Int("minq", 1, "least magnitude of a quantized weight")
	out      = flag.String("o", "model_weights.bin", "output weights")
	goOut    = flag.String("go", "model_gen.go", "output Go file")
	showFP   = flag.Bool("fp", false, "for tuning: list the false cues on -dev")
	cost     = flag.Int("cost", 30, "loss-augmented decoding: the cost of a wrong label while training")
	devDir   = flag.String("dev", "", "for tuning: also score the tagger's spans on this split after each epoch")
	seed     = flag.Uint64("seed", 1, "for tuning: the seed of the order of the sequences (the weights are generated with 1)")
	cvFolds  = flag.Int("cv", 0, "for tuning: cross-validate the tagger on this many folds of train, log its scores and write nothing")
)

// PolNeAR's provenance, stated beside the weights.
const (
	corpusName   = "PolNeAR v1.0.0 (github.com/networkdynamics/PolNeAR)"
	corpusCommit = "c3eee833c035bf7b8c84f55b58c0bf7346cfae76"
	corpusUse    = "research use (no license is stated in the corpus)"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("attrmodel: ")
	flag.Parse()
	if *cvFolds == 1 || *cvFolds < 0 {
		log.Fatalf("-cv %d: cross-validation needs at least 2 folds", *cvFolds)
	}
	t0 := time.Now()
	dir, err := attrcorpus.SplitDir("train")
	if err != nil {
		log.Fatal(err)
	}
	arts, err := attrcorpus.ReadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	var seqs []seqmodel.Seq
	var gold [][]seqmodel.Label
	var art []int // per sequence: its article
	tokens := 0
	for ai, a := range arts {
		for _, p := range seqmodel.Featurize(a.Text) {
			g := labels(p.Tokens, a.Attributions)
			for _, r := range paragraphs(a.Text, p.Tokens) {
				seqs = append(seqs, sub(&p.Seq, r[0], r[1]))
				gold = append(gold, g[r[0]:r[1]])
				art = append(art, ai)
			}
			tokens += len(p.Tokens)
		}
	}
	kept := prune(seqs, *minCount)
	if *cvFolds > 1 {
		crossValidate(seqs, gold, art, *cvFolds)
		return
	}
	tr := seqmodel.NewTrainer(*bits)
	tr.Cost = int32(*cost)
	order := make([]int, len(seqs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(*seed, 2))
	for ep := range *epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, i := range order {
			wrong += tr.Update(&seqs[i], gold[i])
		}
		log.Printf("epoch %d: %d of %d tokens wrong", ep+1, wrong, tokens)
		if *devDir != "" {
			scoreDev(*devDir, tr.Model(*clip, *minQ))
		}
	}
	m := tr.Model(*clip, *minQ)
	bin, err := m.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, bin, 0o666); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*goOut, render(len(arts), tokens, kept, m, len(bin)), 0o666); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d articles, %d tokens, %d features kept, %d buckets with a weight, %d bytes, %s",
		len(arts), tokens, kept, m.Buckets(), len(bin), time.Since(t0).Round(time.Second))
	if *boundsFolds > 1 {
		learnBounds(arts, seqs, gold, art, m)
		log.Printf("done, %s", time.Since(t0).Round(time.Second))
	}
}

// labels returns the gold BIO labels of tokens (byte spans) from the
// attributions: a token overlapping a span of a role takes that role,
// the first span to claim it winning, and each span opens with a B.
func labels(tokens []span.Span, atts []attrcorpus.Attribution) []seqmodel.Label {
	owner := make([]int, len(tokens)) // span number + 1
	role := make([]seqmodel.Role, len(tokens))
	n := 0
	for _, at := range atts {
		for r, spans := range [][]span.Span{at.Source, at.Cue, at.Content} {
			for _, s := range spans {
				n++
				for i := firstAfter(tokens, s.Start); i < len(tokens) && tokens[i].Start < s.End; i++ {
					if owner[i] == 0 {
						owner[i], role[i] = n, seqmodel.Role(r+1)
					}
				}
			}
		}
	}
	out := make([]seqmodel.Label, len(tokens))
	for i := range tokens {
		switch {
		case owner[i] == 0:
		case i > 0 && owner[i-1] == owner[i]:
			out[i] = seqmodel.Inside(role[i])
		default:
			out[i] = seqmodel.Begin(role[i])
		}
	}
	return out
}

// firstAfter returns the first token that ends after byte offset b.
func firstAfter(tokens []span.Span, b int) int {
	lo, hi := 0, len(tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if tokens[m].End > b {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

// prune drops from seqs the features seen fewer than min times and
// returns the number of distinct features kept.
func prune(seqs []seqmodel.Seq, min int) int {
	count := map[uint32]int{}
	for _, s := range seqs {
		for _, f := range s.Feats {
			count[f]++
		}
	}
	kept := 0
	for _, n := range count {
		if n >= min {
			kept++
		}
	}
	for k := range seqs {
		s := &seqs[k]
		feats := s.Feats[:0]
		off := []int32{0}
		for i := 0; i < s.Len(); i++ {
			for _, f := range s.Token(i) {
				if count[f] >= min {
					feats = append(feats, f)
				}
			}
			off = append(off, int32(len(feats)))
		}
		s.Feats, s.Off = feats, off
	}
	return kept
}

func render(arts, tokens, feats int, m *seqmodel.Model, size int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by go run ../cmd/internal/gen/attrmodel; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package attribution\n\n")
	fmt.Fprintf(&b, "import _ \"embed\"\n\n")
	fmt.Fprintf(&b, "// spanModelData is the span model (model_weights.bin, %d bytes): an\n", size)
	fmt.Fprintf(&b, "// averaged structured perceptron over the BIO labels of source, cue\n")
	fmt.Fprintf(&b, "// and content, learned on the %d articles (%d tokens) of the train\n", arts, tokens)
	fmt.Fprintf(&b, "// split of %s\n", corpusName)
	fmt.Fprintf(&b, "// at commit %s, %s,\n", corpusCommit, corpusUse)
	fmt.Fprintf(&b, "// in %d epochs: %d features seen at least %d times, hashed into 2^%d\n", *epochs, feats, *minCount, m.Bits())
	fmt.Fprintf(&b, "// buckets (%d with a weight), weights quantized to int8 (scale %.4g).\n", m.Buckets(), m.Scale)
	fmt.Fprintf(&b, "// No corpus text is stored: only hashed features and their weights.\n")
	fmt.Fprintf(&b, "//\n//go:embed model_weights.bin\n")
	fmt.Fprintf(&b, "var spanModelData []byte\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatalf("formatting the output: %v", err)
	}
	return src
}

// scoreDev prints the exact-span P, R and F1 of the tagger's own spans
// (before they are grouped into frames) on the split in dir.
func scoreDev(dir string, m *seqmodel.Model) {
	scoreSplit(dir, m, false)
	if !handScored {
		handScored = true
		scoreSplit(dir, m, true)
	}
}

var handScored bool

func scoreSplit(dir string, m *seqmodel.Model, hand bool) {
	arts, err := attrcorpus.ReadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	var tp, np, ng [seqmodel.NumRoles]int
	var cueStat [4][2]int
	var sc seqmodel.Scratch
	var labs []seqmodel.Label
	for _, a := range arts {
		gold := map[[2]int]seqmodel.Role{}
		for _, at := range a.Attributions {
			for r, spans := range [][]span.Span{at.Source, at.Cue, at.Content} {
				for _, s := range spans {
					if _, ok := gold[[2]int{s.Start, s.End}]; !ok {
						ng[r+1]++
					}
					gold[[2]int{s.Start, s.End}] = seqmodel.Role(r + 1)
				}
			}
		}
		for _, p := range seqmodel.Featurize(a.Text) {
			labs = m.Decode(&p.Seq, &sc, labs)
			if hand {
				labs = p.Hand
			}
			if !hand {
				cueAgreement(p, labs, gold, &cueStat)
			}
			for _, s := range seqmodel.AppendSpans(nil, labs) {
				np[s.Role]++
				sp := span.Span{Start: p.Tokens[s.Start].Start, End: p.Tokens[s.End-1].End}
				if gold[[2]int{sp.Start, sp.End}] == s.Role {
					tp[s.Role]++
				} else if *showFP && !hand && s.Role == seqmodel.Cue {
					log.Printf("FP cue %q in %q", sp.Text(a.Text), a.Text[max(0, sp.Start-80):min(len(a.Text), sp.End+60)])
				}
			}
		}
	}
	if !hand {
		log.Printf("  cues: both %d/%d, model only %d/%d, hand only %d/%d, hand where both %d/%d (correct/all)", cueStat[0][0], cueStat[0][1], cueStat[1][0], cueStat[1][1], cueStat[2][0], cueStat[2][1], cueStat[3][0], cueStat[3][1])
	}
	for r := seqmodel.Source; r <= seqmodel.Content; r++ {
		pr, rc := float64(tp[r])/float64(max(np[r], 1)), float64(tp[r])/float64(max(ng[r], 1))
		log.Printf("  dev %-5s %-8v P %.1f R %.1f F1 %.1f", map[bool]string{true: "hand", false: "model"}[hand], r, 100*pr, 100*rc, 200*pr*rc/max(pr+rc, 1e-9))
	}
}

// paragraphs returns the token ranges of the paragraphs of a piece: the
// perceptron learns from one paragraph at a time.
func paragraphs(txt string, tokens []span.Span) [][2]int {
	var out [][2]int
	a := 0
	for i := 1; i <= len(tokens); i++ {
		if i == len(tokens) || strings.IndexByte(txt[tokens[i-1].End:tokens[i].Start], '\n') >= 0 {
			out = append(out, [2]int{a, i})
			a = i
		}
	}
	return out
}

// sub returns the tokens [a, b) of s.
func sub(s *seqmodel.Seq, a, b int) seqmodel.Seq {
	off := make([]int32, 0, b-a+1)
	for i := a; i <= b; i++ {
		off = append(off, s.Off[i]-s.Off[a])
	}
	return seqmodel.Seq{Feats: s.Feats[s.Off[a]:s.Off[b]], Off: off}
}

// cueAgreement counts the model's and the hand frames' cue spans by
// whether the other also has a cue there, and how many are right.
func cueAgreement(p seqmodel.Piece, labs []seqmodel.Label, gold map[[2]int]seqmodel.Role, st *[4][2]int) {
	cues := func(l []seqmodel.Label) (out []seqmodel.Span) {
		for _, s := range seqmodel.AppendSpans(nil, l) {
			if s.Role == seqmodel.Cue {
				out = append(out, s)
			}
		}
		return out
	}
	m, h := cues(labs), cues(p.Hand)
	overlaps := func(s seqmodel.Span, set []seqmodel.Span) bool {
		for _, o := range set {
			if o.Start < s.End && s.Start < o.End {
				return true
			}
		}
		return false
	}
	right := func(s seqmodel.Span) int {
		if gold[[2]int{p.Tokens[s.Start].Start, p.Tokens[s.End-1].End}] == seqmodel.Cue {
			return 1
		}
		return 0
	}
	for _, s := range m {
		k := 1
		if overlaps(s, h) {
			k = 0
		}
		st[k][0] += right(s)
		st[k][1]++
	}
	for _, s := range h {
		if !overlaps(s, m) {
			st[2][0] += right(s)
			st[2][1]++
		} else {
			st[3][0] += right(s)
			st[3][1]++
		}
	}
}

// crossValidate trains, for each of k folds (the sequences of article i
// are in fold i%k), a tagger on the other folds as main does, scores its
// spans on the fold left out, and logs the exact-span P, R and F1 of
// each role over all folds, its spans taken as token ranges within the
// sequences the model reads (the features kept are those seen minCount times in all
// of train, held-out fold included). Its 840 held-out articles make it
// a steadier measure than the 84 of dev for changes that keep those
// sequences; it scores the tagger's spans, not the frames decoded from
// them.
func crossValidate(seqs []seqmodel.Seq, gold [][]seqmodel.Label, art []int, k int) {
	var tp, np, ng [seqmodel.NumRoles]int
	var sc seqmodel.Scratch
	var labs []seqmodel.Label
	for f := range k {
		var order []int
		for i := range seqs {
			if art[i]%k != f {
				order = append(order, i)
			}
		}
		m := trainSpanModel(seqs, gold, order)
		for i := range seqs {
			if art[i]%k != f {
				continue
			}
			labs = m.Decode(&seqs[i], &sc, labs)
			want := map[seqmodel.Span]bool{}
			for _, s := range seqmodel.AppendSpans(nil, gold[i]) {
				want[s] = true
				ng[s.Role]++
			}
			for _, s := range seqmodel.AppendSpans(nil, labs) {
				np[s.Role]++
				if want[s] {
					tp[s.Role]++
				}
			}
		}
	}
	for r := seqmodel.Source; r <= seqmodel.Content; r++ {
		p, rc := float64(tp[r])/float64(max(np[r], 1)), float64(tp[r])/float64(max(ng[r], 1))
		log.Printf("cv %-8v P %.2f R %.2f F1 %.2f", r, 100*p, 100*rc, 200*p*rc/max(p+rc, 1e-9))
	}
}
