package lexicon

// Merge returns a new entry slice for [Compile]: the entries of base,
// without those whose phrase is listed in remove or is the phrase of an
// entry of add, followed by the entries of add. Phrases are compared as
// written after folding and collapsing spaces, markers included: removing
// "say+" removes the entry "say+", not an entry "said", and an entry of
// add replaces a base entry of the same phrase (so a user can change a
// category without a conflict). remove applies to base only. The inputs
// are not modified.
func Merge(base, add []Entry, remove []string) []Entry {
	drop := make(map[string]bool, len(remove)+len(add))
	for _, p := range remove {
		drop[normPhrase(p)] = true
	}
	for _, e := range add {
		drop[normPhrase(e.Phrase)] = true
	}
	out := make([]Entry, 0, len(base)+len(add))
	for _, e := range base {
		if !drop[normPhrase(e.Phrase)] {
			out = append(out, e)
		}
	}
	return append(out, add...)
}
