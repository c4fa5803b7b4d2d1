package attribution

import (
	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// anchorTable holds the folded words that open or close a clause, as
// feature values, by their hash (open addressing): one probe per token.
var anchorTable = func() (t [256]hv) {
	for _, w := range []string{"that", "whether", "if", "how", "why", "what", "who", "which", "when", "where", "because",
		"to", "and", "but", "as", "according", ",", ";", ":", "--", "\u2014", "\u2013", "(", ")"} {
		v := hvOf(w)
		k := v.h
		for !t[k%256].empty() {
			k++
		}
		t[k%256] = v
	}
	return t
}()

// anchorOf returns the anchor value of the folded word f, which hashes
// to h, or the empty value.
func anchorOf(f string, h uint32) hv {
	for k := h; ; k++ {
		e := anchorTable[k%256]
		if e.empty() || e.h == h && staticNames[e.n] == f {
			return e
		}
	}
}

// hvQuoteMark is a quotation mark as an anchor.
var hvQuoteMark = hvOf("\"")

// finiteTags marks the tags of finite verbs and modals.
var finiteTags = func() (t [256]bool) {
	for i := range t {
		switch pos.Tag(i).String() {
		case "VBD", "VBZ", "VBP", "MD":
			t[i] = true
		}
	}
	return t
}()

// clauseScan finds for the tokens of a run (info) the nearest clause
// anchor (a complementizer, a wh-word, a clause break, a quotation mark)
// and the nearest finite verb on each side within the sentence, as
// distances (none or more when there is none), so that any slice of info that
// holds a token's sentence reads them (the explanation of a cue reads
// the whole piece's).
// hashInfo must have found their anchors and tags.
func clauseScan(info []tokInfo) {
	n := len(info)
	// No anchor or verb yet is one at a distance past any sentence's
	// length (none), which clauseValues reads as none.
	lastA, lastV := -none, -none
	for i := 0; i < n; i++ {
		k := &info[i]
		if i > 0 && k.sent != info[i-1].sent {
			lastA, lastV = -none, -none
		}
		k.ancL, k.verbL = int32(i-lastA), int32(i-lastV)
		if !k.anchor.empty() {
			lastA = i
		}
		if k.finite {
			lastV = i
		}
	}
	lastA, lastV = n+none, n+none
	for i := n - 1; i >= 0; i-- {
		k := &info[i]
		if i < n-1 && k.sent != info[i+1].sent {
			lastA, lastV = n+none, n+none
		}
		k.ancR, k.verbR = int32(lastA-i), int32(lastV-i)
		if !k.anchor.empty() {
			lastA = i
		}
		if k.finite {
			lastV = i
		}
	}
}

// none is the distance clauseScan gives when there is no anchor or verb
// on a side: more tokens than a run holds (a piece is at most a few
// hundred kilobytes), less than an int32 holds.
const none = 1 << 30

// clauseValues returns the clause feature values of token i (see
// clauseScan): the anchors before and after with their distances, and
// the distances to the finite verbs before and after. The values stay
// where they are, in info and the tables of values.
func clauseValues(info []tokInfo, i int) (ancL, ancDL, ancR, ancDR, verbL, verbR *hv) {
	t := &info[i]
	ancL, ancDL, ancR, ancDR, verbL, verbR = &hvNone, &hvNone, &hvNone, &hvNone, &hvNone, &hvNone
	if t.ancL < none {
		ancL, ancDL = &info[i-int(t.ancL)].anchor, distRef(int(t.ancL))
	}
	if t.ancR < none {
		ancR, ancDR = &info[i+int(t.ancR)].anchor, distRef(int(t.ancR))
	}
	if t.verbL < none {
		verbL = distRef(int(t.verbL))
	}
	if t.verbR < none {
		verbR = distRef(int(t.verbR))
	}
	return
}

// toComplementizer moves the start of the first fragment of content,
// when it lies after the cue, to a complementizer a few words in whose
// words before hold no finite verb, quotation mark or clause break: the
// corpus leaves the addressee or the object before "that" out of the
// content ("told reporters that C", "told X on Thursday how C").
func (mc *modelCtx) toComplementizer(cue span.Span, content []span.Span) {
	if len(content) == 0 || content[0].Start < cue.End {
		return
	}
	c, info := mc.c, mc.ms.info
	i, j := c.tokenAt(content[0].Start), c.tokenAt(content[0].End)
	if i >= len(c.toks) || !leadWord(c.toks[i].Fold) {
		return
	}
	for t := i; t < j && t < len(c.toks) && t-i <= maxLeadGap; t++ {
		tk := &c.toks[t]
		if t > i && complementizer(tk.Fold) {
			content[0].Start = tk.Span.Start
			return
		}
		if tk.Kind == text.Quote || tk.Kind == text.Punct || t < len(info) && info[t].finite {
			return
		}
	}
}

// leadWord reports whether a folded word opens the words between a cue
// and its "that" that the corpus leaves out of the content: a time or
// medium phrase, or an addressee.
func leadWord(f string) bool {
	switch f {
	case "in", "on", "via", "at", "during", "last", "earlier", "this", "through", "over",
		"him", "them", "me", "us", "reporters", "its":
		return true
	}
	return false
}

// maxLeadGap is the most words toComplementizer drops from a content.
const maxLeadGap = 8

// complementizer reports whether a folded word opens a reported clause.
func complementizer(f string) bool {
	switch f {
	case "that", "how", "whether", "why", "what":
		return true
	}
	return false
}
