package attribution

// The edges of a source phrase that the corpus leaves out whatever the
// boundary model says: the end of a quotation the phrase starts in, a
// medium phrase before the cue, and a verb's contracted auxiliary.

import (
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// sourceTrimRule ends the rule of a frame whose source phrase
// trimSource cut.
const sourceTrimRule = " (source trimmed)"

// trimSource returns src without the words PolNeAR never puts in a
// source, and cue with a contracted auxiliary it takes from the source:
//
//   - the end of a quotation that closes inside the phrase: on “Fox
//     News Sunday,” Republican nominee Mike Pence said (the source is
//     Mike Pence's phrase alone);
//   - a medium phrase that ends it: Stumpf in a televised interview
//     appeared to blame; X, in a statement released Thursday, said;
//   - the auxiliary of a contracted pronoun: You’ve been talking about
//     (source You, cue ’ve been talking about; the corpus keeps the
//     auxiliary with the verb, and the pronoun is then a pronoun). The
//     cue takes the auxiliary only when nothing but white space lies
//     between them; else it is in neither ("I'm 27 and don't remember":
//     source I, cue don't remember).
func (mc *modelCtx) trimSource(src, cue span.Span) (span.Span, span.Span) {
	if src.IsEmpty() {
		return src, cue
	}
	c := mc.c
	i, j := c.tokenAt(src.Start), c.tokenAt(src.End)
	if j > len(c.toks) || i >= j {
		return src, cue
	}
	if k := mc.afterQuote(i, j); k > i {
		src = span.New(c.toks[k].Span.Start, src.End)
		i = k
	}
	if k := mc.mediumTail(i, j); k > i && k < j {
		src = span.New(src.Start, c.toks[k-1].Span.End)
		j = k
	}
	if n := contractedAuxiliary(c.toks[j-1].Span.Text(c.text)); n > 0 && src.End == c.toks[j-1].Span.End {
		end := src.End - n
		if strings.TrimSpace(c.text[src.End:max(src.End, cue.Start)]) == "" && cue.Start >= src.End {
			cue = span.New(end, cue.End)
		}
		src = span.New(src.Start, end)
	}
	return src, cue
}

// afterQuote returns the first word after the closing mark of the
// quotation token i lies in, when that mark closes before token j-1
// after a comma (a title before the phrase: on “Fox News Sunday,”) and
// a word follows it before j; otherwise i.
func (mc *modelCtx) afterQuote(i, j int) int {
	c := mc.c
	r := c.region(i)
	if r == nil || r.open >= i || !r.closed || r.close >= j-1 || c.toks[r.close-1].Fold != "," {
		return i
	}
	for k := r.close + 1; k < j; k++ {
		if kind := c.toks[k].Kind; kind == text.Word || kind == text.Number {
			return k
		}
	}
	return i
}

// mediumTail returns where a medium phrase that ends the source phrase
// of tokens [i, j) starts, with the comma before it ("in a statement",
// "during his speech on Sunday"), or j when none ends it. The phrase
// opens with a preposition after the phrase's first word and a
// determiner ("the man in the video" stays whole), and its medium noun,
// in lower case, comes within four words; no relative pronoun lies
// before it in the phrase ("X, who was polled in a follow-up
// interview", which the corpus keeps whole).
func (mc *modelCtx) mediumTail(i, j int) int {
	c := mc.c
	for p := i + 1; p < j-1; p++ {
		f := c.toks[p].Fold
		if relativePronoun(f) {
			return j
		}
		if !mediumPreposition(f) || !mediumDeterminer(c.toks[p+1].Fold) {
			continue
		}
		for q := p + 1; q < j && q <= p+4; q++ {
			t := c.toks[q]
			if t.Kind != text.Word {
				break
			}
			if mediumNoun(t.Fold) && t.Span.Text(c.text) == t.Fold {
				if p-1 > i && c.toks[p-1].Fold == "," {
					return p - 1
				}
				return p
			}
		}
	}
	return j
}

func relativePronoun(f string) bool {
	switch f {
	case "who", "which", "that", "whose", "whom":
		return true
	}
	return false
}

func mediumPreposition(f string) bool {
	switch f {
	case "in", "during", "on", "via", "through":
		return true
	}
	return false
}

// mediumDeterminer reports whether a folded word opens a medium phrase
// after its preposition: "in a statement", "during his speech", not
// "in the video" or "on the call" (a place or a topic as often).
func mediumDeterminer(f string) bool {
	switch f {
	case "a", "an", "his", "her", "their", "its", "our", "my", "your":
		return true
	}
	return false
}

// mediumNoun reports whether a folded word names a medium a source
// speaks through.
func mediumNoun(f string) bool {
	switch f {
	case "statement", "statements", "interview", "interviews", "tweet", "tweets", "email", "e-mail",
		"speech", "letter", "op-ed", "article", "release", "conference", "call", "video",
		"appearance", "remarks", "address", "briefing", "memo", "column", "essay", "editorial",
		"broadcast", "podcast", "message", "posting", "post":
		return true
	}
	return false
}

// contractedAuxiliary returns the length in bytes of the contracted
// auxiliary that ends the word w after a subject pronoun ("you’ve",
// "I'm", "he’ll", "who’d"), or 0. ("She’s" is two tokens already.)
func contractedAuxiliary(w string) int {
	k := strings.LastIndexAny(w, "'’")
	if k <= 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(w[k:])
	stem, aux := strings.ToLower(w[:k]), strings.ToLower(w[k+size:])
	switch stem {
	case "i", "you", "we", "they", "he", "she", "it", "who":
	default:
		return 0
	}
	switch aux {
	case "ve", "re", "d", "ll", "m":
		return len(w) - k
	}
	return 0
}
