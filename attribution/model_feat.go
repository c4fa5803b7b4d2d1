package attribution

import (
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/seqmodel"
	"github.com/hearsay-go/hearsay/internal/text"
)

// The feature templates of the span model. Their numbers are hashed into
// the weights: append new templates at the end and regenerate.
const (
	fBias uint8 = iota
	fWord
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevWord  // previous and current word
	fWordNext  // current and next word
	fShape     // word shape
	fShapes    // shapes of the previous and current token
	fSuffix    // last three bytes of a word
	fLex       // reporting-cue lexicon: B/I, category, stance
	fLexLemma  // the lemma of the lexicon entry
	fLexPrev   // lexicon tag of the previous token
	fLexNext   // lexicon tag of the next token
	fQuote     // in, out, opening or closing quotation mark
	fQuotes    // quote states of the previous and current token
	fSentPos   // position in the sentence
	fSentLeft  // tokens to the sentence end
	fParaFirst // the sentence opens a paragraph
	fCueLeft   // distance to the nearest lexicon cue before, in the sentence
	fCueRight  // distance to the nearest lexicon cue after, in the sentence
	fFrame     // role (B/I) of a hand frame covering the token
	fFrameRule // role and rule of that frame
	fFrameKept // role and whether the learned cue filter kept the frame
	fFramePrev // frame role of the previous token
	fFrameNext // frame role of the next token
	fWordFrame // word and frame role
	fLexFrame  // lexicon tag and frame role
	fWordQuote // word and quote state
	fPos       // part-of-speech tag
	fPosPrev   // tags of the previous and current token
	fPosNext   // tags of the current and next token
	fLexPos    // lexicon tag and part of speech
	fPosFrame  // part of speech and frame role
	fLexNextW  // lexicon tag and next word
	fLexPrevP  // lexicon tag and previous part of speech
	fCuePos    // distances to the nearest lexicon cues and part of speech
	fFrameQ    // frame role and quote state
	numTemplates
)

// templateNames name the templates in explanations.
var templateNames = [numTemplates]string{
	fBias: "bias", fWord: "word", fPrev: "prev", fNext: "next", fPrev2: "prev2",
	fNext2: "next2", fPrevWord: "prev+word", fWordNext: "word+next", fShape: "shape",
	fShapes: "shapes", fSuffix: "suffix", fLex: "lex", fLexLemma: "lex lemma",
	fLexPrev: "lex prev", fLexNext: "lex next", fQuote: "quote", fQuotes: "quotes",
	fSentPos: "sentence pos", fSentLeft: "sentence left", fParaFirst: "paragraph first",
	fCueLeft: "cue before", fCueRight: "cue after", fFrame: "frame", fFrameRule: "frame",
	fFrameKept: "frame kept", fFramePrev: "frame prev", fFrameNext: "frame next",
	fWordFrame: "word+frame", fLexFrame: "lex+frame", fWordQuote: "word+quote",
	fPos: "pos", fPosPrev: "prev pos", fPosNext: "next pos", fLexPos: "lex+pos", fPosFrame: "pos+frame",
	fLexNextW: "lex+next", fLexPrevP: "lex+prev pos", fCuePos: "cue distance+pos", fFrameQ: "frame+quote",
}

// tokInfo is what the features of a token read of it and its neighbours,
// computed once per token.
type tokInfo struct {
	shape    string
	pos      string // Penn Treebank tag
	lex      string // "B verb neutral"; "" outside the lexicon's matches
	lemma    string
	quote    string
	frame    string // "B source"; "" outside every frame
	rule     string
	kept     string
	sentPos  int
	sentLeft int
	cueLeft  string
	cueRight string
	sent     int32 // sentence index in the piece
	para     int32 // paragraph index in the piece
	paraHead bool  // the token's sentence opens its paragraph
}

// buckets are small numbers as feature values.
var buckets = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+"}

func bucket(n int) string { return buckets[min(max(n, 0), len(buckets)-1)] }

// distBucket groups a distance in tokens coarsely.
func distBucket(n int) string {
	switch {
	case n < 0:
		return "none"
	case n <= 3:
		return buckets[n]
	case n <= 6:
		return "4-6"
	case n <= 12:
		return "7-12"
	case n <= 25:
		return "13-25"
	}
	return "26+"
}

// shapeOf returns a coarse shape of a token.
func shapeOf(t *text.Token, txt string) string {
	switch t.Kind {
	case text.Number:
		return "d"
	case text.Quote:
		return "q"
	case text.Punct:
		return "p"
	}
	s := txt[t.Span.Start:t.Span.End]
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
		return "xd"
	case upper > 1 && upper == utf8.RuneCountInString(s):
		return "X"
	case unicode.IsUpper(r):
		return "Xx"
	}
	return "x"
}

// lexTags are the lexicon tags by B/I, category and stance.
var lexTags = func() (t [2][4][8]string) {
	cats := [4]string{"none", "verb", "prep", "noun"}
	for bi, b := range [2]string{"B", "I"} {
		for c := range cats {
			for s := range 8 {
				t[bi][c][s] = b + " " + cats[c] + " " + Stance(s).String()
			}
		}
	}
	return t
}()

// frameTags are the hand-frame role tags by B/I and role.
var frameTags = [2][seqmodel.NumRoles]string{
	{"", "B source", "B cue", "B content"},
	{"", "I source", "I cue", "I content"},
}

// frameLabels are the labels of the frame tags.
var frameLabels = map[string]seqmodel.Label{
	"B source": seqmodel.BSource, "I source": seqmodel.ISource,
	"B cue": seqmodel.BCue, "I cue": seqmodel.ICue,
	"B content": seqmodel.BContent, "I content": seqmodel.IContent,
}

// addFeatures adds the features of token i to h.
func (c *ctx) addFeatures(h *seqmodel.Hasher, info []tokInfo, i int) {
	t := &info[i]
	w := c.toks[i].Fold
	prev, next, prev2, next2 := "<s>", "</s>", "<s>", "</s>"
	var ip, in *tokInfo
	if i > 0 && info[i-1].sent == t.sent {
		prev, ip = c.toks[i-1].Fold, &info[i-1]
		if i > 1 && info[i-2].sent == t.sent {
			prev2 = c.toks[i-2].Fold
		}
	}
	if i+1 < len(info) && info[i+1].sent == t.sent {
		next, in = c.toks[i+1].Fold, &info[i+1]
		if i+2 < len(info) && info[i+2].sent == t.sent {
			next2 = c.toks[i+2].Fold
		}
	}
	h.Add(fBias, "")
	h.Add(fWord, w)
	h.Add(fPrev, prev)
	h.Add(fNext, next)
	h.Add(fPrev2, prev2)
	h.Add(fNext2, next2)
	h.Add2(fPrevWord, prev, w)
	h.Add2(fWordNext, w, next)
	h.Add(fShape, t.shape)
	if len(w) > 4 {
		h.Add(fSuffix, w[len(w)-3:])
	}
	h.Add(fLex, t.lex)
	if t.lemma != "" {
		h.Add(fLexLemma, t.lemma)
	}
	h.Add(fQuote, t.quote)
	h.Add(fSentPos, bucket(t.sentPos))
	h.Add(fSentLeft, bucket(t.sentLeft))
	if t.paraHead {
		h.Add(fParaFirst, "")
	}
	h.Add(fCueLeft, t.cueLeft)
	h.Add(fCueRight, t.cueRight)
	h.Add(fFrame, t.frame)
	if t.frame != "" {
		h.Add2(fFrameRule, t.frame, t.rule)
		h.Add2(fFrameKept, t.frame, t.kept)
	}
	h.Add2(fWordFrame, w, t.frame)
	h.Add2(fLexFrame, t.lex, t.frame)
	h.Add2(fWordQuote, w, t.quote)
	pshape, plex, pq, pframe := "<s>", "<s>", "<s>", "<s>"
	if ip != nil {
		pshape, plex, pq, pframe = ip.shape, ip.lex, ip.quote, ip.frame
	}
	h.Add2(fShapes, pshape, t.shape)
	h.Add(fLexPrev, plex)
	h.Add2(fQuotes, pq, t.quote)
	h.Add2(fFramePrev, pframe, t.frame)
	nlex, nframe := "</s>", "</s>"
	if in != nil {
		nlex, nframe = in.lex, in.frame
	}
	h.Add(fLexNext, nlex)
	ppos, npos := "<s>", "</s>"
	if ip != nil {
		ppos = ip.pos
	}
	if in != nil {
		npos = in.pos
	}
	h.Add(fPos, t.pos)
	h.Add2(fPosPrev, ppos, t.pos)
	h.Add2(fPosNext, t.pos, npos)
	h.Add2(fLexPos, t.lex, t.pos)
	h.Add2(fPosFrame, t.pos, t.frame)
	if t.lex != "" {
		h.Add2(fLexNextW, t.lex, next)
		h.Add2(fLexPrevP, t.lex, ppos)
	}
	h.Add2(fCuePos, t.cueLeft, t.pos)
	h.Add2(fCuePos, t.pos, t.cueRight)
	h.Add2(fFrameQ, t.frame, t.quote)
	h.Add2(fFrameNext, t.frame, nframe)
}
