package attrcorpus

import (
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/span"
)

// Predict extracts the attributions of article a with x, in PolNeAR's
// terms: only the outermost attribution is marked ("as reported by X"
// frames, the outer layer of another, are left out), and a coordinated
// source is one phrase, so there is one attribution per cue, with the
// whole source phrase.
func Predict(x *attribution.Extractor, a Article) Article {
	p := Article{ID: a.ID, Text: a.Text}
	seen := map[span.Span]bool{}
	for _, f := range x.Extract(a.Text, nil) {
		if f.Rule == "as reported by X" || seen[f.Cue] {
			continue
		}
		seen[f.Cue] = true
		var att Attribution
		if !f.SourcePhrase.IsEmpty() {
			att.Source = []span.Span{f.SourcePhrase}
		}
		att.Cue = []span.Span{f.Cue}
		att.Content = f.Content
		p.Attributions = append(p.Attributions, att)
	}
	return p
}
