package pipeline

import (
	"encoding/json"

	"github.com/hearsay-go/hearsay"
)

// Output is one line of the documents the pipeline writes: the input's id
// and its document in hearsay's wire format (decode Document with
// json.Unmarshal into a [hearsay.Document]).
type Output struct {
	ID       string          `json:"id"`
	Document json.RawMessage `json:"document"`
}

// encode returns the output line of one document,
// {"id":ID,"document":DOC}, with DOC as doc.MarshalJSON writes it.
// hearsay.Document has no id field yet, so the id travels beside it; once
// it has one (JSON key "id"), this becomes doc.ID = id and
// doc.MarshalJSON().
func encode(id string, doc *hearsay.Document) ([]byte, error) {
	d, err := doc.MarshalJSON()
	if err != nil {
		return nil, err
	}
	k, err := json.Marshal(id)
	if err != nil {
		return nil, err
	}
	// Concatenated rather than marshaled as an Output, which would scan
	// and compact the whole document again.
	b := make([]byte, 0, len(`{"id":,"document":}`)+len(k)+len(d))
	b = append(b, `{"id":`...)
	b = append(b, k...)
	b = append(b, `,"document":`...)
	b = append(b, d...)
	return append(b, '}'), nil
}
