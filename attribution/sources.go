package attribution

// Sources of frames: emitting frames with their classified sources, and
// the antecedents of pronoun sources.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/entity"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/span"
)

// emit classifies the source, splits a coordinated one, sets the form and
// adds the frame (one per conjunct).
func (c *ctx) emit(fr Frame, src span.Span, via int) {
	fr.Form = c.form(fr.Content)
	fr.SourcePhrase = src
	if src.IsEmpty() {
		fr.Anonymity = entity.NoSource
		i := c.add(fr)
		c.frames[i].ViaIndex = via
		return
	}
	// Coordinated sources: split at a top-level "and".
	start := 0
	parts := 0
	phrase := src.Text(c.text)
	for {
		k := strings.Index(phrase[start:], " and ")
		if k < 0 || strings.ContainsRune(phrase, ',') {
			break
		}
		// "(several) current and former officials" is one source; "the
		// Department of State and local officials" two.
		left := phrase[start : start+k]
		if w := left[strings.LastIndexByte(left, ' ')+1:]; isCoordModifier(w) {
			break
		}
		c.emitOne(fr, span.New(src.Start+start, src.Start+start+k), via)
		start += k + len(" and ")
		parts++
	}
	if parts == 0 {
		c.emitOne(fr, src, via)
		return
	}
	c.emitOne(fr, span.New(src.Start+start, src.End), via)
}

func (c *ctx) emitOne(fr Frame, src span.Span, via int) {
	fr.Source = src
	cl := c.classify(src)
	fr.setClass(cl, src)
	if cl.Pronoun {
		if ant, ok := c.antecedent(src, cl.Kind); ok {
			fr.Antecedent = ant
			cl = c.classify(ant)
			fr.setClass(cl, ant)
		}
	}
	i := c.add(fr)
	c.frames[i].ViaIndex = via
	c.pronoun[i] = cl.Pronoun && fr.Antecedent.IsEmpty()
}

// setClass sets the classification of f's source from cl, the
// classification of the phrase at p.
func (f *Frame) setClass(cl entity.Classification, p span.Span) {
	f.Kind, f.Anonymity = cl.Kind, cl.Anonymity
	f.Affiliation, f.AffiliationSpan, f.AffiliationKind = cl.Affiliation, within(p, cl), cl.AffiliationKind
}

// within returns the affiliation span of cl, a classification of the
// phrase at p, as a span of the text.
func within(p span.Span, cl entity.Classification) span.Span {
	if cl.Affiliation == "" {
		return span.Span{}
	}
	return span.New(p.Start+cl.AffiliationSpan.Start, p.Start+cl.AffiliationSpan.End)
}

// classify is [entity.Classifier.Classify] of the extractor's language,
// with a per-call cache: news repeats its sources ("he", "the official",
// a name) many times.
// The phrase's tokens are cut from the annotated text, not made again.
func (c *ctx) classify(p span.Span) entity.Classification {
	phrase := p.Text(c.text)
	if cl, ok := c.sc.classes[phrase]; ok {
		return cl
	}
	var sources *entity.Classifier // nil: English
	if c.x != nil {
		sources = c.x.sources
	}
	var cl entity.Classification
	var ok bool
	if c.sc.phrase, ok = c.a.Phrase(p, c.sc.phrase[:0]); ok {
		cl = stage.Classify(sources, phrase, c.sc.phrase).(entity.Classification)
	} else {
		cl = sources.Classify(phrase)
	}
	if c.sc.classes == nil {
		c.sc.classes = map[string]entity.Classification{}
	}
	if len(c.sc.classes) >= 4096 {
		// A long text: its sources repeat nearby, so start afresh.
		clear(c.sc.classes)
	}
	c.sc.classes[phrase] = cl
	return cl
}

// antecedent finds the nearest source before a pronoun that agrees with
// it: a person for "he"/"she", anything else for "they".
func (c *ctx) antecedent(p span.Span, k entity.Kind) (span.Span, bool) {
	fs, fok := c.frameAntecedent(p, k)
	ns, nok := c.nameAntecedent(p, k)
	switch {
	case fok && nok:
		if ns.Start > fs.Start {
			return ns, true
		}
		return fs, true
	case fok:
		return fs, true
	}
	return ns, nok
}

func (c *ctx) frameAntecedent(p span.Span, k entity.Kind) (span.Span, bool) {
	for i := len(c.frames) - 1; i >= 0 && len(c.frames)-i <= 20; i-- {
		f := c.frames[i]
		src := f.Source
		if !f.Antecedent.IsEmpty() {
			src = f.Antecedent
		}
		if src.IsEmpty() || src.Start >= p.Start || c.pronoun[i] {
			continue
		}
		// f.Kind classifies the source, or its antecedent.
		if k == entity.Person && f.Kind == entity.Person || k != entity.Person && f.Kind != entity.Person {
			return src, true
		}
	}
	return span.Span{}, false
}

func (c *ctx) nameAntecedent(p span.Span, k entity.Kind) (span.Span, bool) {
	if k != entity.Person {
		return span.Span{}, false
	}
	// A capitalized name not at a sentence start, in the last 200 tokens.
	i := c.tokenAt(p.Start)
	for j := i - 1; j >= 0 && i-j < 200; j-- {
		if c.capitalized(j) && !isLeading(c.fold(j)) && !c.det(j) && !isPronoun(c.fold(j)) && contractedAuxiliary(c.fold(j)) == 0 && !isClauseWord(c.fold(j)) && !c.isLexCue(j) {
			s := j
			for s > 0 && c.capitalized(s-1) && c.isWord(s-1) {
				s--
			}
			cl := c.classify(c.sp(s, j+1))
			if cl.Kind == entity.Person && cl.Anonymity == entity.Named && c.standsAsName(s, j+1) {
				return c.sp(s, j+1), true
			}
			j = s
		}
	}
	return span.Span{}, false
}

// settleSources corrects, after the frames are found, the sources no
// name stands for: a heading before a colon that lists names is no
// speaker (listHeading); a source that is "There" or a lone article or
// preposition is none (noSource); an antecedent that is such a word or a
// weekday or month ("Friday", "September" before "he said") is none; and
// "I", "we" and "you" take no name before them (settleSpeaker). It
// changes only what Extract returns: the learned filter and the span
// model read the frames before it.
func (x *Extractor) settleSources(txt string, frames []Frame) []Frame {
	var idx []int // when a frame is dropped: the new index of each, or -1
	for i := range frames {
		if listHeading(txt, &frames[i]) {
			if idx == nil {
				idx = make([]int, len(frames))
			}
			idx[i] = -1
		}
	}
	if idx != nil {
		frames = dropFrames(frames, idx)
	}
	var buf [maxWordLen]byte
	for i := range frames {
		f := &frames[i]
		switch {
		case noSource(foldASCII(&buf, f.Source.Text(txt))):
			f.Source, f.SourcePhrase, f.Antecedent = span.Span{}, span.Span{}, span.Span{}
			f.setClass(entity.Classification{Anonymity: entity.NoSource}, span.Span{})
			f.Rule += noSourceRule
		case notAName(foldASCII(&buf, f.Antecedent.Text(txt))) || noSource(foldASCII(&buf, f.Antecedent.Text(txt))):
			f.Antecedent = span.Span{}
			f.setClass(x.classifySource(f.Source.Text(txt)), f.Source)
			f.Rule += noAntecedentRule
		}
	}
	// An outer frame may itself have "I" for a source ("“We will win,”
	// I said", reported in turn): a few passes settle chains.
	for range 3 {
		changed := false
		for i := range frames {
			if x.settleSpeaker(txt, frames, i) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return frames
}

// listHeading reports whether f, a speaker before a colon, is the heading
// of a list of names, as a team's line-up: "Subs: Smith, Jones", "Wales:
// G Thomas; H Luscombe, T Shanklin, ..." (three commas or semicolons at
// least, nine words in ten capitalized).
func listHeading(txt string, f *Frame) bool {
	if !strings.HasPrefix(f.Rule, speakerColonRule) {
		return false
	}
	var buf [maxWordLen]byte
	first, _, _ := strings.Cut(f.SourcePhrase.Text(txt), " ")
	switch foldASCII(&buf, first) {
	case "subs", "substitutes", "replacements", "referee", "att", "attendance", "booked", "scorers", "goals", "tries", "sent":
		return true
	}
	seps, words, capitals := 0, 0, 0
	for _, c := range f.Content {
		for w := range strings.FieldsSeq(c.Text(txt)) {
			seps += strings.Count(w, ",") + strings.Count(w, ";")
			w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if w == "" {
				continue
			}
			words++
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				capitals++
			}
		}
	}
	return seps >= 3 && 10*capitals >= 9*words
}

// The endings of the rule of a frame settleSources changed, so that the
// frame says why.
const (
	noSourceRule     = " (source dropped: no actor)"
	noAntecedentRule = " (antecedent dropped: no name)"
	authorRule       = " (speaker: the author)"
	reportedRule     = " (speaker: who reports it)"
)

// maxWordLen bounds the words settleSources compares.
const maxWordLen = 16

// foldASCII returns w in ASCII lower case, written in buf (no allocation),
// or "" when w is longer than buf.
func foldASCII(buf *[maxWordLen]byte, w string) string {
	if len(w) > len(buf) {
		return ""
	}
	b := buf[:len(w)]
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}

// noSource reports whether a folded word alone is no source: "There"
// ("There were calls for C"), an article or a preposition the span model
// took for one ("The proposed scheme", "in").
func noSource(f string) bool {
	return isExpletive(f) || f == "the" || f == "a" || f == "an" || isLeading(f)
}

// notAName reports whether a folded word that a pronoun took for its
// antecedent names no one: "There", "Friday".
func notAName(f string) bool {
	switch f {
	case "there", "here", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "september", "october", "november", "december":
		return true
	}
	// Not "May", "June", "April", "August" or "March", as often names.
	return false
}

// classifySource classifies a source phrase with the classifier of x's
// language.
func (x *Extractor) classifySource(phrase string) entity.Classification {
	var sources *entity.Classifier // nil: English
	if x != nil {
		sources = x.sources
	}
	return sources.Classify(phrase)
}

// speakerPhrase reports whether a source phrase is "I", "we" or "you".
func speakerPhrase(p string) bool {
	var buf [maxWordLen]byte
	switch foldASCII(&buf, p) {
	case "i", "we", "you":
		return true
	}
	return false
}

// settleSpeaker settles the source of frames[i] when it is "I", "we" or
// "you", and reports whether it changed the frame: "I" and "we" in the
// content of another attribution are its source's (“I think C,” Smith
// said: Smith thinks C); outside any content they are the author's, and
// "you" is whoever is addressed, with no antecedent ("Smith said C. I
// think D" is the author's belief, not Smith's).
func (x *Extractor) settleSpeaker(txt string, frames []Frame, i int) bool {
	f := &frames[i]
	phrase := f.Source.Text(txt)
	if !speakerPhrase(phrase) {
		return false
	}
	you := len(phrase) == len("you") // whoever is addressed: never the reporting source
	if v := f.ViaIndex; v >= 0 && v < len(frames) && v != i && !you {
		o := &frames[v]
		for _, s := range o.Content {
			if !s.Contains(f.Source) {
				continue
			}
			ant := o.Antecedent
			if ant.IsEmpty() && !speakerPhrase(o.Source.Text(txt)) {
				ant = o.Source
			}
			if ant.IsEmpty() {
				// Reported by the author ("“We think C,” I said"), or by
				// no one: the author's, as outside any content.
				break
			}
			if ant == f.Antecedent {
				return false
			}
			f.Antecedent = ant
			f.Kind, f.Anonymity = o.Kind, o.Anonymity
			f.Affiliation, f.AffiliationSpan, f.AffiliationKind = o.Affiliation, o.AffiliationSpan, o.AffiliationKind
			if !strings.HasSuffix(f.Rule, reportedRule) {
				f.Rule += reportedRule
			}
			return true
		}
	}
	if f.Antecedent.IsEmpty() {
		return false
	}
	f.Antecedent = span.Span{}
	f.setClass(x.classifySource(phrase), f.Source)
	f.Rule = strings.TrimSuffix(f.Rule, reportedRule) + authorRule
	return true
}
