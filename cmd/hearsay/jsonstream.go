package main

import (
	"bufio"
	"encoding/json"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay"
)

// streamAbove is the length of text above which -format json and jsonl
// write a document piece by piece (writeJSONStream) instead of through
// Document.MarshalJSON, whose output and internal buffer would hold the
// whole encoding, 5 to 6 times the text, twice.
var streamAbove = 1 << 20

// writeJSONStream writes doc in the wire format, the bytes
// Document.MarshalJSON returns (a test holds them equal), but encodes one
// value at a time: each top-level field, and each item of the lists, so
// that no more than the text's encoding is held at once. It follows the
// fields of hearsay.Document and their JSON tags, so a field added there
// is written here too. It fails like MarshalJSON on text that is not
// valid UTF-8.
func writeJSONStream(w *bufio.Writer, doc *hearsay.Document) error {
	if !utf8.ValidString(doc.Text) {
		return hearsay.ErrInvalidUTF8
	}
	v := reflect.ValueOf(doc).Elem()
	t := v.Type()
	first := true
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		if first {
			w.WriteByte('{')
		} else {
			w.WriteByte(',')
		}
		first = false
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		w.Write(key)
		w.WriteByte(':')
		if fv.Kind() == reflect.String && fv.Type() == reflect.TypeFor[string]() {
			if err := writeString(w, fv.String()); err != nil {
				return err
			}
			continue
		}
		if fv.Kind() != reflect.Slice {
			if err := writeValue(w, fv.Interface()); err != nil {
				return err
			}
			continue
		}
		// A list, nil or not, is an array, item by item.
		w.WriteByte('[')
		for j := range fv.Len() {
			if j > 0 {
				w.WriteByte(',')
			}
			if err := writeValue(w, fv.Index(j).Interface()); err != nil {
				return err
			}
		}
		w.WriteByte(']')
	}
	if first {
		w.WriteByte('{')
	}
	_, err := w.WriteString("}")
	return err
}

// stringChunk is how many bytes of a string writeString encodes at once.
const stringChunk = 64 << 10

// writeString writes s as a JSON string, as json.Marshal does, in chunks
// cut at rune boundaries: the escaping of a rune does not depend on its
// neighbours, so the chunks' encodings, quotes removed, join into the
// encoding of s.
func writeString(w *bufio.Writer, s string) error {
	w.WriteByte('"')
	for len(s) > 0 {
		n := min(len(s), stringChunk)
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		b, err := json.Marshal(s[:n])
		if err != nil {
			return err
		}
		w.Write(b[1 : len(b)-1])
		s = s[n:]
	}
	_, err := w.WriteString(`"`)
	return err
}

// writeValue writes the JSON encoding of x.
func writeValue(w *bufio.Writer, x any) error {
	b, err := json.Marshal(x)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
