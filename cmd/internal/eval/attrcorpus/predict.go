package attrcorpus

import (
	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/span"
)

// Predict extracts the attributions of article a with x, in PolNeAR's
// terms: only the outermost attribution is marked ("as reported by X"
// frames, the outer layer of another, are left out, and so is a frame
// whose cue lies in the content of the frame it is reported through),
// and a coordinated
// source is one phrase, so there is one attribution per cue, with the
// whole source phrase.
func Predict(x *attribution.Extractor, a Article) Article {
	p := Article{ID: a.ID, Text: a.Text}
	seen := map[span.Span]bool{}
	frames := x.Extract(a.Text, nil)
	for i, f := range frames {
		if f.Rule == "as reported by X" || seen[f.Cue] || nested(frames, i) {
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

// nested reports whether the cue of frames[i] lies in the content of its
// outer frame: PolNeAR marks only the outermost attribution.
func nested(frames []attribution.Frame, i int) bool {
	v := frames[i].ViaIndex
	if v < 0 || v >= len(frames) {
		return false
	}
	for _, s := range frames[v].Content {
		if s.Contains(frames[i].Cue) {
			return true
		}
	}
	return false
}
