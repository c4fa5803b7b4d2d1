// Package conllu reads Universal Dependencies treebanks in the CoNLL-U
// format: per sentence, its text and the syntactic words with their FORM,
// UPOS and XPOS, the multiword tokens that cover them, and whether a space
// follows each. It serves the part-of-speech evaluation and the tagger's
// weight generator and is not API.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence (an integer ID line).
type Word struct {
	Form string
	UPOS string
	XPOS string // "" when the treebank gives "_"
	// SpaceAfter is false when MISC says SpaceAfter=No (for a word
	// inside a multiword token, that of the multiword token).
	SpaceAfter bool
}

// MultiWord is a multiword token ("del" = "de" + "el"): the surface form
// of Words[Start:End].
type MultiWord struct {
	Form       string
	Start, End int
	SpaceAfter bool
}

// Sentence is one sentence of a treebank. Empty nodes (IDs like 1.1)
// are skipped.
type Sentence struct {
	ID    string // the sent_id comment, if any
	Text  string // the text comment, if any
	Words []Word
	Multi []MultiWord
}

// ParseError is a malformed line of a CoNLL-U file.
type ParseError struct {
	File string
	Line int
	Msg  string
}

// Error returns "FILE:LINE: what is wrong".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ReadFile reads the sentences of a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads the sentences of CoNLL-U text from r; name is used in errors.
func Read(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var (
		out  []Sentence
		cur  Sentence
		line int
		// mwEnd is the last word ID of the open multiword token (0: none).
		mwEnd int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		mwEnd = 0
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return out, &ParseError{name, line, fmt.Sprintf("%d columns, want 10", len(cols))}
		}
		id := cols[0]
		space := !strings.Contains(cols[9], "SpaceAfter=No")
		if a, b, ok := strings.Cut(id, "-"); ok {
			start, err1 := strconv.Atoi(a)
			end, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || end < start || start != len(cur.Words)+1 {
				return out, &ParseError{name, line, fmt.Sprintf("bad multiword range %q", id)}
			}
			cur.Multi = append(cur.Multi, MultiWord{Form: cols[1], Start: start - 1, End: end, SpaceAfter: space})
			mwEnd = end
			continue
		}
		if strings.Contains(id, ".") {
			continue // an empty node
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return out, &ParseError{name, line, fmt.Sprintf("bad word ID %q", id)}
		}
		w := Word{Form: cols[1], UPOS: cols[3], XPOS: cols[4], SpaceAfter: space}
		if w.XPOS == "_" {
			w.XPOS = ""
		}
		if mwEnd != 0 {
			// Inside a multiword token, space follows only its last word,
			// as the multiword token says.
			w.SpaceAfter = n == mwEnd && cur.Multi[len(cur.Multi)-1].SpaceAfter
			if n == mwEnd {
				mwEnd = 0
			}
		}
		cur.Words = append(cur.Words, w)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

// Surface returns the sentence written out from its tokens (multiword
// tokens by their surface form, a space after each token unless
// SpaceAfter=No) and, for each word, the byte range of the token that
// holds it: the word itself, or the multiword token that covers it.
func (s *Sentence) Surface() (string, [][2]int) {
	var b strings.Builder
	ranges := make([][2]int, len(s.Words))
	m := 0
	for i := 0; i < len(s.Words); {
		if m < len(s.Multi) && s.Multi[m].Start == i {
			mw := s.Multi[m]
			start := b.Len()
			b.WriteString(mw.Form)
			// When the words spell the token ("do" + "n't"), each word
			// keeps its own bytes; otherwise ("del" = "de" + "el") all
			// share the token's.
			var cat strings.Builder
			for j := mw.Start; j < mw.End; j++ {
				cat.WriteString(s.Words[j].Form)
			}
			at := start
			for j := mw.Start; j < mw.End; j++ {
				if cat.String() == mw.Form {
					ranges[j] = [2]int{at, at + len(s.Words[j].Form)}
					at += len(s.Words[j].Form)
				} else {
					ranges[j] = [2]int{start, b.Len()}
				}
			}
			if mw.SpaceAfter {
				b.WriteByte(' ')
			}
			i = mw.End
			m++
			continue
		}
		w := s.Words[i]
		start := b.Len()
		b.WriteString(w.Form)
		ranges[i] = [2]int{start, b.Len()}
		if w.SpaceAfter {
			b.WriteByte(' ')
		}
		i++
	}
	return b.String(), ranges
}
