package attribution

import (
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/pos"
	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/internal/text"
)

// The feature templates of the span model. Their numbers are hashed into
// the weights: append new templates at the end and regenerate. The ones
// marked "not read" were tried and dropped, or dropped to make the model
// cheaper (EVALUATION.md); they keep their numbers.
const (
	fBias uint8 = iota
	fWord
	fPrev
	fNext
	fPrevWord  // not read: previous and current word
	fWordNext  // current and next word
	fShape     // word shape
	fShapes    // shapes of the previous and current token
	fSuffix    // not read: last three bytes of a word
	fLex       // reporting-cue lexicon: B/I, category, stance
	fLexLemma  // the lemma of the lexicon entry
	fLexPrev   // not read: lexicon tag of the previous token
	fLexNext   // not read: lexicon tag of the next token
	fQuote     // not read: in, out, opening or closing quotation mark
	fQuotes    // quote states of the previous and current token
	fSentPos   // position in the sentence
	fSentLeft  // tokens to the sentence end
	fParaFirst // not read: the sentence opens a paragraph
	fCueLeft   // distance to the nearest lexicon cue before, in the sentence
	fCueRight  // not read: distance to the nearest lexicon cue after, in the sentence
	fFrame     // role (B/I) of a hand frame covering the token
	fFrameRule // role and rule of that frame
	fFrameKept // role and whether the learned cue filter kept the frame
	fFramePrev // frame role of the previous token
	fFrameNext // not read: frame role of the next token
	fWordFrame // not read: word and frame role
	fLexFrame  // not read: lexicon tag and frame role
	fWordQuote // word and quote state
	fLexNextW  // lexicon tag and next word
	fFrameQ    // frame role and quote state
	fTag       // part-of-speech tag (XPOS)
	fTagPrev   // not read: tag of the previous token
	fTagNext   // not read: tag of the next token
	fTags      // tags of the previous and current token
	fTagsNext  // not read: tags of the current and next token
	fTags3     // tags of the previous, current and next token
	fLexTag    // not read: lexicon tag and tag
	fTagFrame  // tag and frame role
	fWordTag   // not read: word and tag
	fTagsLeft  // not read: tags of the two tokens before and the current one
	fTagsRight // not read: tags of the current token and the two after
	fCueLeftT  // not read: distance to the lexicon cue before, clause break between, and tag
	fCueRightT // distance to the lexicon cue after, clause break between, and tag
	fLexPrev2  // not read: lexicon tag two tokens before
	fLexNext2  // not read: lexicon tag two tokens after
	fPrev2     // not read: word two tokens before
	fNext2     // not read: word two tokens after
	fLemmaTagN // lexicon lemma and the next tag
	fLemmaTagP // not read: lexicon lemma and the previous tag
	fWordTagN  // not read: word and the next tag
	fTagPWord  // not read: previous tag and word
	fLemmaL    // lemma of the lexicon cue before, distance, clause break
	fLemmaR    // lemma of the lexicon cue after, distance, clause break
	fLemmaLT   // lemma of the lexicon cue before and tag
	fLemmaRT   // lemma of the lexicon cue after and tag
	fAnchorL   // the clause anchor before and its distance
	fAnchorR   // the clause anchor after and its distance
	fAnchorLT  // the clause anchor before and the tag
	fAnchorRT  // the clause anchor after and the tag
	fVerbs     // distances to the finite verbs before and after
	fVerbLex   // distance to the finite verb before and lexicon tag
	fLemmaAnc  // lemma of the lexicon cue before and the clause anchor before
	fLemmaAncR // lemma of the lexicon cue after and the clause anchor after
	numTemplates
)

// templateNames name the templates in explanations.
var templateNames = [numTemplates]string{
	fBias: "bias", fWord: "word", fPrev: "prev", fNext: "next", fPrevWord: "prev+word", fWordNext: "word+next", fShape: "shape",
	fShapes: "shapes", fSuffix: "suffix", fLex: "lex", fLexLemma: "lex lemma",
	fLexPrev: "lex prev", fLexNext: "lex next", fQuote: "quote", fQuotes: "quotes",
	fSentPos: "sentence pos", fSentLeft: "sentence left", fParaFirst: "paragraph first",
	fCueLeft: "cue before", fCueRight: "cue after", fFrame: "frame", fFrameRule: "frame",
	fFrameKept: "frame kept", fFramePrev: "frame prev", fFrameNext: "frame next",
	fWordFrame: "word+frame", fLexFrame: "lex+frame", fWordQuote: "word+quote",
	fLexNextW: "lex+next", fFrameQ: "frame+quote",
	fTag: "tag", fTagPrev: "tag prev", fTagNext: "tag next", fTags: "tags", fTagsNext: "tags next",
	fTags3: "tags 3", fLexTag: "lex+tag", fTagFrame: "tag+frame", fWordTag: "word+tag",
	fTagsLeft: "tags left", fTagsRight: "tags right", fCueLeftT: "cue before+tag", fCueRightT: "cue after+tag",
	fLexPrev2: "lex prev 2", fLexNext2: "lex next 2", fPrev2: "prev 2", fNext2: "next 2",
	fAnchorL: "anchor before", fAnchorR: "anchor after", fAnchorLT: "anchor before+tag", fAnchorRT: "anchor after+tag",
	fVerbs: "verbs", fVerbLex: "verb before+lex", fLemmaAnc: "cue before+anchor", fLemmaAncR: "cue after+anchor",
	fLemmaTagN: "lemma+next tag", fLemmaTagP: "lemma+prev tag", fWordTagN: "word+next tag", fTagPWord: "prev tag+word",
}

// tokInfo is what the features of a token read of it and its neighbours,
// computed once per token.
type tokInfo struct {
	word     hv
	shape    hv
	lex      hv // "B verb neutral"; "" outside the lexicon's matches
	lemma    hv
	quote    hv
	frame    hv // "B source"; "" outside every frame
	rule     hv
	kept     hv
	sentPos  hv
	sentLeft hv
	cueLeft  hv
	cueRight hv
	brkLeft  hv // a clause break between the token and the cue before
	brkRight hv // a clause break between the token and the cue after
	// lemmaLeft and lemmaRight are the lemmas of the nearest lexicon
	// cues before and after in the sentence.
	lemmaLeft, lemmaRight hv
	tag                   hv   // the part-of-speech tag (XPOS)
	finite                bool // the tag is a finite verb's or a modal's
	anchor                hv   // the token as a clause anchor, or ""
	// ancL and ancR are the nearest clause anchors before and after in
	// the sentence (see clauseScan), verbL and verbR the nearest finite
	// verbs, as distances in tokens; none (1<<30) or more for none.
	ancL, ancR, verbL, verbR int32
	sent                     int32 // sentence index in the piece
	para                     int32 // paragraph index in the piece
}

// hv is a feature value: its hash, which the features combine, and a
// name of its string, which only explanations read (see [modelCtx.str]).
// The zero hv, an unset value, hashes to 0 and names "".
type hv struct {
	h uint32
	n name
}

// name names the string of a feature value: the top two bits tell
// where the string lies, the others its index there (see the kinds).
// Only the empty string has the name 0.
type name uint32

// The kinds of names: a string of staticNames, the folded word of a
// token of the text (by its index in the text), the lemma of a lexicon
// entry and the rule of a hand frame (by index), an index of at most 30
// bits (see dynamicHV).
const (
	kindStatic name = iota << 30
	kindWord
	kindLemma
	kindRule
	kindMask = 3 << 30
)

// staticNames are the strings of the values of the tables below, by
// name (see hvOf); staticIndex names them.
var (
	staticNames = []string{""}
	staticIndex = map[string]name{"": 0}
)

// hvOf returns the value s, naming s among staticNames. It builds the
// tables of values, at initialization only: it is not safe for
// concurrent use.
func hvOf(s string) hv {
	n, ok := staticIndex[s]
	if !ok {
		n = name(len(staticNames))
		staticNames = append(staticNames, s)
		staticIndex[s] = n
	}
	return hv{seqmodel.StrHash(s), n}
}

// dynamicHV returns the value s named by kind and index i; the empty
// string keeps its name 0, and an index past 30 bits names "?" (the
// value's hash is s's all the same).
func dynamicHV(s string, kind name, i int) hv {
	switch {
	case s == "":
		return hv{seqmodel.StrHash(s), 0}
	case uint(i) >= 1<<30:
		return hv{seqmodel.StrHash(s), hvFar.n}
	}
	return hv{seqmodel.StrHash(s), kind | name(i)}
}

// hvFar names the string of a value whose index does not fit a name.
var hvFar = hvOf("?")

// empty reports whether the string of v is "".
func (v hv) empty() bool { return v.n == 0 }

// str returns the string named n: an explanation's (see explain).
func (mc *modelCtx) str(n name) string {
	i := int(n &^ kindMask)
	switch n & kindMask {
	case kindWord:
		return mc.c.a.Tokens()[i].Fold
	case kindLemma:
		return mc.c.lex.info[i].lemma
	case kindRule:
		return mc.hand[i].Rule
	}
	return staticNames[i]
}

// hvs returns the values of ss (see hvOf).
func hvs(ss ...string) []hv {
	out := make([]hv, len(ss))
	for i, s := range ss {
		out[i] = hvOf(s)
	}
	return out
}

// buckets are small numbers as feature values, the last for any larger.
var buckets = hvs("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+")

// dists are the distances of distBucket; hvIn and hvNone a token inside
// a cue and a sentence without one.
var (
	dists        = hvs("4-6", "7-12", "13-25", "26+")
	hvIn, hvNone = hvOf("in"), hvOf("none")
)

// distBucket groups a distance in tokens coarsely.
func distBucket(n int) hv { return *distRef(n) }

// distRef is distBucket's value in its table.
func distRef(n int) *hv {
	if uint(n) < uint(len(distTable)) {
		return &distTable[n]
	}
	if n < 0 {
		return &hvNone
	}
	return &dists[3]
}

// distTable holds distBucket's answers for the distances below 26.
var distTable = func() (t [26]hv) {
	for n := range t {
		switch {
		case n <= 3:
			t[n] = buckets[n]
		case n <= 6:
			t[n] = dists[0]
		case n <= 12:
			t[n] = dists[1]
		default:
			t[n] = dists[2]
		}
	}
	return t
}()

// The shapes of shapeOf.
var (
	shapes                                                  = hvs("d", "q", "p", "xd", "X", "Xx", "x")
	shNum, shQuote, shPunct, shDigit, shUpper, shCap, shLow = shapes[0], shapes[1], shapes[2], shapes[3], shapes[4], shapes[5], shapes[6]
)

// shapeOf returns a coarse shape of a token.
func shapeOf(t *text.Token, txt string) hv {
	switch t.Kind {
	case text.Number:
		return shNum
	case text.Quote:
		return shQuote
	case text.Punct:
		return shPunct
	}
	s := txt[t.Span.Start:t.Span.End]
	if sh, ok := asciiShape(s); ok {
		return sh
	}
	return runeShape(s)
}

// runeShape is the shape of the word s read rune by rune: with a digit,
// all upper case (two letters or more), capitalized, or else lower case.
func runeShape(s string) hv {
	r, _ := utf8.DecodeRuneInString(s)
	digit, upper := false, 0
	for _, c := range s {
		if unicode.IsDigit(c) {
			digit = true
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	switch {
	case digit:
		return shDigit
	case upper > 1 && upper == utf8.RuneCountInString(s):
		return shUpper
	case unicode.IsUpper(r):
		return shCap
	}
	return shLow
}

// asciiShape is shapeOf for a word of ASCII bytes, without decoding
// runes; ok is false for any other word. It ORs the classes of the bytes
// (see byteClass) and counts the capitals, with no branch per byte.
func asciiShape(s string) (hv, bool) {
	var classes uint8
	upper := 0
	for i := 0; i < len(s); i++ {
		c := byteClass[s[i]]
		classes |= c
		upper += int(c & classUpper)
	}
	switch {
	case classes&classWide != 0:
		return hv{}, false
	case len(s) == 0:
		return shLow, true
	case classes&classDigit != 0:
		return shDigit, true
	case upper > 1 && upper == len(s):
		return shUpper, true
	case 'A' <= s[0] && s[0] <= 'Z':
		return shCap, true
	}
	return shLow, true
}

// The classes of bytes of asciiShape: a capital letter, a digit, a byte
// of a rune past ASCII.
const (
	classUpper uint8 = 1 << iota
	classDigit
	classWide
)

// byteClass holds the class of each byte.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classWide
		case '0' <= c && c <= '9':
			t[c] = classDigit
		case 'A' <= c && c <= 'Z':
			t[c] = classUpper
		}
	}
	return t
}()

// lexTags are the lexicon tags by B/I, category and stance.
var lexTags = func() (t [2][4][8]hv) {
	cats := [4]string{"none", "verb", "prep", "noun"}
	for bi, b := range [2]string{"B", "I"} {
		for c := range cats {
			for s := range 8 {
				t[bi][c][s] = hvOf(b + " " + cats[c] + " " + Stance(s).String())
			}
		}
	}
	return t
}()

// frameTags are the hand-frame role tags by B/I and role.
var frameTags = [2][seqmodel.NumRoles]hv{
	{hvOf(""), hvOf("B source"), hvOf("B cue"), hvOf("B content")},
	{hvOf(""), hvOf("I source"), hvOf("I cue"), hvOf("I content")},
}

// hvKept and hvDropped tell whether the cue filter kept a frame.
var hvKept, hvDropped = hvOf("kept"), hvOf("dropped")

// frameLabels are the labels of the frame tags.
var frameLabels = map[string]seqmodel.Label{
	"B source": seqmodel.BSource, "I source": seqmodel.ISource,
	"B cue": seqmodel.BCue, "I cue": seqmodel.ICue,
	"B content": seqmodel.BContent, "I content": seqmodel.IContent,
}

// Boundary values of the features of a token's neighbours.
var hvStart, hvEnd = hvOf("<s>"), hvOf("</s>")

// biasFeature is the hash of the bias feature, whose value is hvEnd.
var biasFeature = seqmodel.Combine(fBias, hvEnd.h, 0)

// tagValues are the part-of-speech tags (XPOS) as feature values, by
// pos.Tag.
var tagValues = func() (t [256]hv) {
	for i := range t {
		t[i] = hvOf(pos.Tag(i).String())
	}
	return t
}()

// contextTags chooses the part-of-speech tags of the features: the
// tagger's, in context, from the annotated text (which tags a sentence
// on first ask), or the tag each word most often has (pos.Lexical),
// which costs a hash per token where the tagger costs three times the
// rest of the model. Changing it requires regenerating the weights.
const contextTags = false

// hashInfo hashes the words of tokens [a, b) and finds their
// part-of-speech tags (see contextTags) through cache; the other values
// come hashed from their tables.
func (c *ctx) hashInfo(info []tokInfo, a, b int, cache *tagCache) {
	for i := a; i < b; i++ {
		f := c.toks[i].Fold
		w := dynamicHV(f, kindWord, c.tok0+i)
		info[i].word = w
		var tag pos.Tag
		if contextTags {
			tag = c.a.Tag(c.tok0 + i)
		} else {
			tag = cache.lexical(f, w.h)
		}
		info[i].tag, info[i].finite = tagValues[tag], finiteTags[tag]
		info[i].anchor = anchorOf(f, w.h)
		info[i].shape = shapeOf(&c.toks[i], c.text)
		if c.toks[i].Kind == text.Quote {
			info[i].anchor = hvQuoteMark
		}
	}
}

// tagCache holds the lexical tags of the words seen last, by the hash of
// the word: news repeats its words, and a lookup in the tagger's
// dictionary is a cache miss. It is cleared after each call, so that it
// keeps no text alive.
type tagCache [1024]tagEntry

// lexical returns the tag the word f, whose seqmodel.StrHash is h, most
// often has (pos.Tagger.Lexical; 0 for a word too rare to be known),
// through the cache.
func (tc *tagCache) lexical(f string, h uint32) pos.Tag {
	e := &tc[h%uint32(len(tc))]
	if !e.set || e.word != f {
		tag, _ := pos.English().Lexical(f)
		*e = tagEntry{word: f, tag: tag, set: true}
	}
	return e.tag
}

type tagEntry struct {
	word string
	tag  pos.Tag
	set  bool
}

// addFeatures adds the features of token i to h; hashInfo must have
// hashed the values of i and its neighbours. The values are read through
// pointers, into info and the tables of values. explainFeatures adds the
// same features, in the same order, with their values as text: a change
// to one is a change to both (TestExplainFeatures compares them). Without
// an explainer to feed, the compiler keeps more of this function's
// values in registers.
func addFeatures(h *seqmodel.Hasher, info []tokInfo, i int) {
	v := &info[i]
	w := &v.word
	prev, next := &hvStart, &hvEnd
	pshape, pq, pframe, ptag := &hvStart, &hvStart, &hvStart, &hvStart
	ntag := &hvEnd
	if i > 0 && info[i-1].sent == v.sent {
		p := &info[i-1]
		prev, pshape, pq, pframe, ptag = &p.word, &p.shape, &p.quote, &p.frame, &p.tag
	}
	if i+1 < len(info) && info[i+1].sent == v.sent {
		n := &info[i+1]
		next, ntag = &n.word, &n.tag
	}
	// The features go to a local slice, not through h one at a time, so
	// that its header stays in registers.
	feats := h.Seq.Feats
	one := func(tm uint8, x *hv) {
		feats = append(feats, seqmodel.Combine(tm, x.h, 0))
	}
	two := func(tm uint8, x, y *hv) {
		feats = append(feats, seqmodel.Combine(tm, x.h, y.h))
	}
	three := func(tm uint8, x, y, z *hv) {
		feats = append(feats, seqmodel.Combine(tm, x.h, y.h*0x01000193^z.h))
	}
	// The bias feature is the same for every token: hashed once.
	feats = append(feats, biasFeature)
	one(fWord, w)
	one(fPrev, prev)
	one(fNext, next)
	two(fWordNext, w, next)
	one(fShape, &v.shape)
	one(fLex, &v.lex)
	if !v.lemma.empty() {
		one(fLexLemma, &v.lemma)
	}
	one(fSentPos, &v.sentPos)
	one(fSentLeft, &v.sentLeft)
	one(fCueLeft, &v.cueLeft)
	one(fFrame, &v.frame)
	if !v.frame.empty() {
		two(fFrameRule, &v.frame, &v.rule)
		two(fFrameKept, &v.frame, &v.kept)
	}
	two(fWordQuote, w, &v.quote)
	two(fShapes, pshape, &v.shape)
	two(fQuotes, pq, &v.quote)
	two(fFramePrev, pframe, &v.frame)
	if !v.lex.empty() {
		two(fLexNextW, &v.lex, next)
	}
	two(fFrameQ, &v.frame, &v.quote)
	tag := &v.tag
	one(fTag, tag)
	two(fTags, ptag, tag)
	three(fTags3, ptag, tag, ntag)
	two(fTagFrame, tag, &v.frame)
	three(fCueRightT, &v.cueRight, &v.brkRight, tag)
	ancL, ancDL, ancR, ancDR, verbL, verbR := clauseValues(info, i)
	two(fAnchorL, ancL, ancDL)
	two(fAnchorR, ancR, ancDR)
	two(fAnchorLT, ancL, tag)
	two(fAnchorRT, ancR, tag)
	two(fVerbs, verbL, verbR)
	two(fVerbLex, verbL, &v.lex)
	if !v.lemma.empty() {
		two(fLemmaTagN, &v.lemma, ntag)
	}
	if !v.lemmaLeft.empty() {
		three(fLemmaL, &v.lemmaLeft, &v.cueLeft, &v.brkLeft)
		two(fLemmaLT, &v.lemmaLeft, tag)
		two(fLemmaAnc, &v.lemmaLeft, ancL)
	}
	if !v.lemmaRight.empty() {
		three(fLemmaR, &v.lemmaRight, &v.cueRight, &v.brkRight)
		two(fLemmaRT, &v.lemmaRight, tag)
		two(fLemmaAncR, &v.lemmaRight, ancR)
	}
	h.Seq.Feats = feats
}
