package pipeline

import (
	"github.com/hearsay-go/hearsay"
)

// encode returns the output line of one document: the document in
// hearsay's wire format, its "id" the input's id (decode it with
// json.Unmarshal into a [hearsay.Document]).
func encode(id string, doc *hearsay.Document) ([]byte, error) {
	doc.ID = id
	return doc.MarshalJSON()
}
