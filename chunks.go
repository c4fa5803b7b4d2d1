package hearsay

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/claim"
	"github.com/hearsay-go/hearsay/internal/annot"
	"github.com/hearsay-go/hearsay/internal/stage"
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// A long text is read in chunks: the tokens of the whole of a 5 MB text
// (40 bytes each, one in five bytes of news) took 8 bytes of memory per
// byte of text before any stage ran, and the collector's headroom
// doubled it. Each chunk gets its own annotated text over the whole
// text (annot.NewRangeIn: spans stay absolute), the hedges and frames are
// found in it, and its tokens go before the next chunk's are made; what
// resolution needs of them, the tokens around the mentions, is kept
// (annot.Phrases). Entities are resolved once, over the mentions of the
// whole text, as before.
//
// A chunk starts where the extractor starts a piece of the whole text
// (stage.Pieces; the span model's pieces are cut from the frames'), so
// that it reads the chunk as it reads the whole text there; and at a
// blank line (in news, between articles) with no quotation open. What the
// rules link across a chunk's start is lost: a pronoun's antecedent among
// the last twenty sources, a via or a quote carried over from the chunk
// before (TestChunksNews: 11 of 87,120 items differ on the news corpus as one
// text, read in 16 chunks).
//
// defaultChunkSize is the least length of a chunk; a text no longer
// than it is one chunk. With no blank line that fits, a chunk ends at a
// line break after 2 defaultChunkSize bytes, with no quotation open, and
// at any sentence boundary where a piece starts after 16
// defaultChunkSize bytes (a piece ends at a sentence boundary at least
// every 256 KiB).
const defaultChunkSize = 256 << 10

// chunkSize returns the least length of the chunks a reads a long text
// in.
func (a *Analyzer) chunkSize() int {
	if a.chunk > 0 {
		return a.chunk
	}
	return defaultChunkSize
}

// chunkStarts returns the indices of the sentences that start the
// chunks of s after the first one: none for a text of one chunk. A chunk
// starts where the extractor starts a piece of the whole text
// (stage.Pieces), so that it reads the chunk in the pieces it reads the
// whole text in.
func (a *Analyzer) chunkStarts(s string, sentences []span.Span) []int {
	least := a.chunkSize()
	if len(s) <= least {
		return nil
	}
	pieces := stage.Pieces(a.extractor, s, sentences)
	var starts []int
	base := 0
	for k := 1; k < len(sentences) && len(pieces) > 0; k++ {
		prev, next := sentences[k-1].End, sentences[k].Start
		for len(pieces) > 0 && pieces[0] < next {
			pieces = pieces[1:]
		}
		size := prev - base
		if size < least || len(pieces) == 0 || pieces[0] != next || prev > next || strings.TrimSpace(s[prev:next]) != "" {
			continue
		}
		lines := strings.Count(s[prev:next], "\n")
		if size >= 16*least ||
			lines > 0 && (lines >= 2 || size >= 2*least) && quoteClosed(s, sentences[k-1], sentences[k]) {
			starts = append(starts, k)
			base = next
		}
	}
	return starts
}

// quoteClosed reports whether no quotation is open at the paragraph
// break between sentences a and b: the line that a ends (a paragraph,
// as the extractor reads quotes) closes its quotation marks, and neither
// a nor b starts with one (a quote that waits for the next sentence's
// speaker, or carries on the previous sentence's quote).
func quoteClosed(s string, a, b span.Span) bool {
	if startsQuoted(s[a.Start:a.End]) || startsQuoted(s[b.Start:b.End]) {
		return false
	}
	line := s[strings.LastIndexByte(s[:a.End], '\n')+1 : a.End]
	return strings.Count(line, `"`)%2 == 0 &&
		strings.Count(line, "“") == strings.Count(line, "”") &&
		strings.Count(line, "«") == strings.Count(line, "»")
}

// startsQuoted reports whether sentence s starts with a quotation mark.
func startsQuoted(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("\"'“”‘’«»„‚", r)
}

// readChunks finds the hedges, frames and registry mentions of doc's
// text a chunk at a time, the chunks after the first starting at the
// sentences starts gives, and resolves the entities; the builder it
// returns holds no tokens.
func (a *Analyzer) readChunks(doc *Document, starts []int) builder {
	s := doc.Text
	// Hedges are an empty list, not nil, as on the whole-text path.
	b := builder{doc: doc, hedges: []claim.Hedge{}}
	var kept annot.Phrases
	var spans []span.Span
	base, si := 0, 0
	// One token buffer serves every chunk: a chunk holds more tokens
	// than the pool keeps, so each would otherwise make its own.
	toks := text.GetTokens()
	defer text.PutTokens(toks)
	longest, from := 0, 0
	for _, k := range starts {
		longest = max(longest, doc.Sentences[k].Start-from)
		from = doc.Sentences[k].Start
	}
	annot.Reserve(toks, max(longest, len(s)-from))
	for k := 0; k <= len(starts); k++ {
		sj, end := len(doc.Sentences), len(s)
		if k < len(starts) {
			sj = starts[k]
			end = doc.Sentences[sj].Start
		}
		at := annot.NewRangeIn(toks, s, base, end, doc.Sentences[si:sj], a.tagger)
		hs, negations := stage.Hedges(a.hedges, at, true)
		b.hedges = append(b.hedges, hs.([]claim.Hedge)...)
		b.negations = append(b.negations, negations...)
		frames := stage.Frames(a.extractor, at).([]attribution.Frame)
		spans = spans[:0]
		for i := range frames {
			f := &frames[i]
			if f.ViaIndex >= 0 {
				f.ViaIndex += len(b.frames)
			}
			spans = append(spans, f.Source, f.Antecedent, f.AffiliationSpan, f.Addressee)
		}
		if k == 0 {
			// Sized once for the whole text at the first chunk's rate
			// (and a tenth more), rather than grown by copies: the
			// frames are the most of what the chunks leave.
			// In 64 bits: len(frames)*len(s) overflows a 32-bit int.
			b.frames = slices.Grow(b.frames, int(int64(len(frames))*int64(len(s))/int64(max(end, 1))*11/10))
		}
		b.frames = append(b.frames, frames...)
		if a.names != nil {
			n := len(b.named)
			b.named = a.names.appendMentions(b.named, at.Tokens())
			for _, m := range b.named[n:] {
				spans = append(spans, m.Span)
			}
		}
		kept.Add(at, spans)
		at.Release()
		base, si = end, sj
	}
	b.text = kept.Text()
	b.entities(a.resolver, nil, a.sources)
	b.text = nil
	return b
}
