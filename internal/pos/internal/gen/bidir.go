package main

import "slices"

// reversed returns the sequences with their tokens in reverse order: what
// the right-to-left direction trains on. The features of a token in a
// reversed sequence are those the tagger computes in its mirrored window.
func reversed(seqs []seq) []seq {
	out := make([]seq, len(seqs))
	for i, s := range seqs {
		r := seq{words: slices.Clone(s.words), gold: slices.Clone(s.gold), fold: s.fold}
		slices.Reverse(r.words)
		slices.Reverse(r.gold)
		out[i] = r
	}
	return out
}
