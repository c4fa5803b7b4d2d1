package pos

// UPOS is a universal part-of-speech tag (Universal Dependencies v2).
// The zero UPOS is no tag ("_").
type UPOS uint8

// The universal part-of-speech tags.
const (
	Adj   UPOS = iota + 1 // ADJ: adjective
	Adp                   // ADP: adposition ("of", "en")
	Adv                   // ADV: adverb
	Aux                   // AUX: auxiliary ("has", "will", "might")
	CConj                 // CCONJ: coordinating conjunction
	Det                   // DET: determiner
	Intj                  // INTJ: interjection
	Noun                  // NOUN: noun
	Num                   // NUM: numeral
	Part                  // PART: particle ("to", "not", possessive "'s")
	Pron                  // PRON: pronoun
	PropN                 // PROPN: proper noun
	Punct                 // PUNCT: punctuation
	SConj                 // SCONJ: subordinating conjunction ("that", "if")
	Sym                   // SYM: symbol ("$", "%")
	Verb                  // VERB: verb
	X                     // X: other (foreign words, typos, e-mail addresses)
	numUPOS
)

var uposNames = [numUPOS]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag as Universal Dependencies writes it ("NOUN").
func (u UPOS) String() string {
	if u < numUPOS {
		return uposNames[u]
	}
	return "_"
}

// ParseUPOS returns the UPOS written s ("NOUN"), and false for an
// unknown one.
func ParseUPOS(s string) (UPOS, bool) {
	for i := Adj; i < numUPOS; i++ {
		if uposNames[i] == s {
			return i, true
		}
	}
	return 0, false
}

// Tag is the part of speech of one token. An English tag is a Penn
// Treebank tag (XPOS) together with the universal tag it has in English
// EWT ("VBZ" as AUX or as VERB); a Spanish tag is a universal tag alone.
// The zero Tag is no tag.
type Tag uint8

// tagInfo is the inventory of tags: index 0 is no tag, then the English
// (XPOS, UPOS) pairs, then the Spanish UPOS.
var tagInfo = [...]struct {
	xpos string
	upos UPOS
}{
	{"", 0},
	{"$", Sym}, {"''", Punct}, {",", Punct}, {",", Sym}, {"-LRB-", Punct}, {"-RRB-", Punct},
	{".", Punct}, {":", Punct}, {"ADD", PropN}, {"ADD", X}, {"AFX", X}, {"CC", CConj},
	{"CD", Num}, {"DT", Det}, {"DT", Pron}, {"EX", Pron}, {"FW", Noun}, {"FW", X},
	{"GW", X}, {"GW", PropN}, {"HYPH", Punct}, {"IN", Adp}, {"IN", SConj}, {"JJ", Adj},
	{"JJR", Adj}, {"JJS", Adj}, {"LS", Num}, {"MD", Aux}, {"NFP", Punct}, {"NFP", Sym},
	{"NN", Noun}, {"NN", Pron}, {"NN", Sym}, {"NN", X}, {"NNP", PropN}, {"NNP", Adj},
	{"NNPS", PropN}, {"NNS", Noun}, {"PDT", Det}, {"POS", Part}, {"PRP", Pron}, {"PRP$", Pron},
	{"RB", Adv}, {"RB", Part}, {"RBR", Adv}, {"RBS", Adv}, {"RP", Adp}, {"SYM", Sym},
	{"TO", Part}, {"UH", Intj}, {"VB", Verb}, {"VB", Aux}, {"VBD", Verb}, {"VBD", Aux},
	{"VBG", Verb}, {"VBG", Aux}, {"VBN", Verb}, {"VBN", Aux}, {"VBP", Aux}, {"VBP", Verb},
	{"VBZ", Aux}, {"VBZ", Verb}, {"WDT", Pron}, {"WDT", Det}, {"WP", Pron}, {"WP$", Pron},
	{"WRB", Adv}, {"``", Punct},
	{"", Adj}, {"", Adp}, {"", Adv}, {"", Aux}, {"", CConj}, {"", Det}, {"", Intj},
	{"", Noun}, {"", Num}, {"", Part}, {"", Pron}, {"", PropN}, {"", Punct}, {"", SConj},
	{"", Sym}, {"", Verb}, {"", X},
}

// XPOS returns the tag's Penn Treebank tag ("NNS", "MD", "-LRB-"), or ""
// for a Spanish tag.
func (t Tag) XPOS() string {
	if int(t) < len(tagInfo) {
		return tagInfo[t].xpos
	}
	return ""
}

// UPOS returns the tag's universal part of speech.
func (t Tag) UPOS() UPOS {
	if int(t) < len(tagInfo) {
		return tagInfo[t].upos
	}
	return 0
}

// String returns the XPOS of an English tag and the UPOS of a Spanish
// one; "_" for no tag.
func (t Tag) String() string {
	if x := t.XPOS(); x != "" {
		return x
	}
	return t.UPOS().String()
}

// tagOf returns the tag of an (XPOS, UPOS) pair, and false when there is
// none.
func tagOf(xpos, upos string) (Tag, bool) {
	u, ok := ParseUPOS(upos)
	if !ok {
		return 0, false
	}
	for i := 1; i < len(tagInfo); i++ {
		if tagInfo[i].xpos == xpos && tagInfo[i].upos == u {
			return Tag(i), true
		}
	}
	return 0, false
}
