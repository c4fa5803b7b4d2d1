package pos

// Lexical returns the tag a word most often had in the tagger's training
// treebank, from its folded form alone (no context), and false for a
// word too rare to be in the tagger's dictionary. It is much cheaper than
// tagging a sentence: one hash and one table probe, no allocation.
func (t *Tagger) Lexical(fold string) (Tag, bool) {
	c, ok := t.m.LexClass(fold)
	if !ok || int(c) >= len(t.tags) {
		return 0, false
	}
	return t.tags[c], true
}
