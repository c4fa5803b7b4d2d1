package attribution

// The learned cue filter: which candidate frames to keep.

import (
	"strings"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/cuefeat"
)

//go:generate go run ../cmd/internal/gen/weights

// cueWeights are the learned cue filter's weights by feature.
var cueWeights = cuefeat.NewTable(cueWeightTable)

func init() {
	cuefeat.Raw = func(txt string) []cuefeat.Cand {
		var x Extractor
		frames := x.extractRaw(txt)
		out := make([]cuefeat.Cand, 0, len(frames))
		for i := range frames {
			if frames[i].Rule == "as reported by X" {
				continue
			}
			out = append(out, candidate(frames, i))
		}
		return out
	}
}

// candidate returns what the learned cue filter knows of frames[i].
func candidate(frames []Frame, i int) cuefeat.Cand {
	f := &frames[i]
	c := cuefeat.Cand{Rule: f.Rule, Lemma: f.Lemma, Cue: f.Cue, Source: f.SourcePhrase, Content: f.Content}
	switch {
	case !f.Antecedent.IsEmpty():
		c.SourceKind = "pronoun"
	case !f.Source.IsEmpty():
		c.SourceKind = f.Kind.String()
	}
	if f.ViaIndex >= 0 && f.ViaIndex < len(frames) {
		c.Outer, c.OuterLemma = frames[f.ViaIndex].Rule, frames[f.ViaIndex].Lemma
	}
	return c
}

// cueMinContext and cueMaxContext bound what the features of the words
// around a cue add to its score: a frame whose other features score
// cueThreshold-cueMinContext or more is kept, one that scores less than
// cueThreshold-cueMaxContext dropped, without looking at its context.
var cueMinContext, cueMaxContext = cueWeights.ContextRange()

// frameKey is what the frame features of a candidate depend on.
type frameKey struct{ rule, lemma, src, outer, outerLemma string }

// judged reports whether the learned filter judges the frames of rule
// (without "; quote continued"):
// the rules it saw often enough in training, which have a weight of their
// own. Rarer rules ("in a poll, C") and "as reported by X", which only
// carries the via of the inner frame, are kept as the rules found them.
func judged(rule string) bool {
	return rule != "as reported by X" && cueWeights.Has(cuefeat.Key{Kind: cuefeat.Rule, A: rule})
}

// candidateOnly reports whether rule finds only candidates for the
// learned filter, which the rules alone do not keep: without the filter
// (Spanish, or no weights) its frames are dropped.
func candidateOnly(rule string) bool {
	switch rule {
	case "said C (no subject)", "X said C (strict verb)", "X said C (noun use)", "noun of C":
		return true
	}
	return false
}

// keepNestedBelief reports whether frames[i] is a belief ascribed, inside
// the content of another attribution, to a person the text names or
// describes ("officials claim the Venezuelan leader fears C"): the filter
// keeps it whatever its score, as the library models what the outer
// source says of a third party's state of mind (it is Via the outer
// frame), which PolNeAR, marking only outermost attributions, leaves
// unmarked.
func keepNestedBelief(frames []Frame, i int) bool {
	f := &frames[i]
	return f.ViaIndex >= 0 && f.Stance == Belief && f.Kind == entity.Person &&
		f.Antecedent.IsEmpty()
}

// filterCues drops the frames whose cue the learned filter scores below
// cueThreshold: the weights, learned on the PolNeAR train split, reject
// the candidates that annotators of news text mostly leave unmarked
// ("want", "think" nested in another attribution, ...).
func filterCues(txt string, frames []Frame, learned bool) []Frame {
	if len(frames) == 0 {
		return frames
	}
	learned = learned && cueWeights.Len() > 0
	var buf [32]cuefeat.Key
	keys := buf[:0]
	idx := make([]int, len(frames)) // new index of each frame, or -1
	// The frame features' score, by what they depend on, for the learned
	// filter only: about half the frames of a news text have a key of
	// their own, the others share one.
	var frameScore map[frameKey]float32
	if learned {
		frameScore = make(map[frameKey]float32, len(frames)/2)
	}
	drop := false
	for i := range frames {
		rule, _, _ := strings.Cut(frames[i].Rule, ";")
		ok := judged(rule)
		if candidateOnly(rule) && (!learned || !ok) {
			idx[i] = -1 // no filter to weigh it: the rules alone do not keep it
			drop = true
			continue
		}
		if !learned || !ok || keepNestedBelief(frames, i) {
			continue
		}
		c := candidate(frames, i)
		fk := frameKey{c.Rule, c.Lemma, c.SourceKind, c.Outer, c.OuterLemma}
		s, ok := frameScore[fk]
		if !ok {
			keys = cuefeat.AppendFrame(keys[:0], &c)
			s = cueWeights.Score(keys)
			frameScore[fk] = s
		}
		if s+cueMinContext >= cueThreshold {
			continue // kept whatever the words around the cue
		}
		if s+cueMaxContext >= cueThreshold {
			s += cueWeights.ContextScore(txt, &c)
		}
		if s < cueThreshold {
			idx[i] = -1
			drop = true
		}
	}
	if !drop {
		return frames
	}
	return dropFrames(frames, idx)
}

// dropFrames returns frames without those whose idx is -1, in place; the
// frames reported through a dropped one are reported through its next
// kept outer frame.
func dropFrames(frames []Frame, idx []int) []Frame {
	n := 0
	for i := range frames {
		if idx[i] >= 0 {
			idx[i] = n
			n++
		}
	}
	// The outer frame of a dropped one is the next kept one out. Each
	// chain of dropped frames is walked once: up[v] remembers where the
	// walk from v ended (state 2), and a chain that comes back to a frame
	// being walked (state 1) is a loop with no kept frame.
	via := make([]int, len(frames))
	up := make([]int, len(frames))
	state := make([]uint8, len(frames))
	var path []int
	for i := range frames {
		res := -1
		path = path[:0]
		for v := frames[i].ViaIndex; v >= 0 && v < len(frames); v = frames[v].ViaIndex {
			if state[v] == 2 {
				res = up[v]
				break
			}
			if idx[v] >= 0 {
				res = idx[v]
				break
			}
			if state[v] == 1 {
				break
			}
			state[v] = 1
			path = append(path, v)
		}
		for _, v := range path {
			up[v], state[v] = res, 2
		}
		via[i] = res
	}
	out := frames[:0]
	for i := range frames {
		if idx[i] >= 0 {
			f := frames[i]
			f.ViaIndex = via[i]
			out = append(out, f)
		}
	}
	return out
}
