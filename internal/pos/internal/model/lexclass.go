package model

// LexClass returns the most frequent class in training of the word
// whose folded form is fold, as Lookup gives it, and reports false for
// a word the tag dictionary does not hold (a rare word). It reads no
// context and costs one hash of fold and one table probe.
func (m *Model) LexClass(fold string) (uint8, bool) {
	w := Word{W: normWord(fold, hashString)}
	v, ok := m.dict.get(DictKey(&w))
	return uint8(v), ok
}
