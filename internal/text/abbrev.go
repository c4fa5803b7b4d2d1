package text

// abbrClass classifies the word before a period.
type abbrClass uint8

const (
	// ordinary: a period after it ends the sentence when the next word
	// starts with an upper-case letter, a digit or a symbol.
	ordinary abbrClass = iota
	// never: a title or a Latin abbreviation that precedes what follows
	// ("Mr.", "Gen.", "vs.", "e.g."); a period after it never ends a
	// sentence unless a closing quote follows.
	never
	// ambiguous: an abbreviation that often ends a sentence ("U.S.",
	// "Inc.", "etc.", "Jan.", "a.m."); a period after it ends the sentence
	// only when the next word is a typical sentence starter ("The", "He").
	ambiguous
	// initial: one upper-case letter ("James B. Comey"); like ambiguous,
	// and never before another initial ("A. A. Milne").
	initial
)

// abbreviations maps known abbreviations, without their final period, to
// their class. Keys are case-sensitive: "No." is an abbreviation, "no." is
// not.
var abbreviations = map[string]abbrClass{
	// Titles and ranks: they precede a name.
	"Mr": never, "Mrs": never, "Ms": never, "Messrs": never, "Mmes": never,
	"Mme": never, "Mlle": never, "Dr": never, "Drs": never, "Prof": never,
	"Gov": never, "Sen": never, "Sens": never, "Rep": never, "Reps": never,
	"Gen": never, "Lt": never, "Col": never, "Capt": never, "Cmdr": never,
	"Cdr": never, "Maj": never, "Adm": never, "Sgt": never, "Cpl": never,
	"Pvt": never, "Brig": never, "Rev": never, "Fr": never, "Hon": never,
	"Pres": never, "Supt": never, "Det": never, "Insp": never, "Atty": never,
	"Amb": never, "Mt": never, "Ft": never, "Gens": never,
	"MR": never, "MRS": never, "DR": never,
	// Latin and connective abbreviations.
	"vs": never, "v": never, "cf": never, "viz": never, "e.g": never,
	"i.e": never, "eg": never, "ie": never, "approx": never, "Nos": never,
	"ca": never,
	// Abbreviations that often end a sentence.
	"Inc": ambiguous, "Corp": ambiguous, "Co": ambiguous, "Ltd": ambiguous,
	"Plc": ambiguous, "Jr": ambiguous, "Sr": ambiguous, "Bros": ambiguous,
	"Cos": ambiguous, "St": ambiguous, "Ave": ambiguous, "Blvd": ambiguous,
	"Rd": ambiguous, "Dept": ambiguous, "Univ": ambiguous, "Assn": ambiguous,
	"Intl": ambiguous, "Govt": ambiguous, "etc": ambiguous, "al": ambiguous,
	"est": ambiguous, "ext": ambiguous, "No": ambiguous, "Art": ambiguous,
	"Vol": ambiguous, "Fig": ambiguous, "Ch": ambiguous, "Sec": ambiguous,
	"pp": ambiguous, "p": ambiguous, "Tel": ambiguous,
	"Jan": ambiguous, "Feb": ambiguous, "Mar": ambiguous, "Apr": ambiguous,
	"Jun": ambiguous, "Jul": ambiguous, "Aug": ambiguous, "Sep": ambiguous,
	"Sept": ambiguous, "Oct": ambiguous, "Nov": ambiguous, "Dec": ambiguous,
	"a.m": ambiguous, "p.m": ambiguous, "A.M": ambiguous, "P.M": ambiguous,
	"U.S": ambiguous, "U.K": ambiguous, "U.N": ambiguous, "E.U": ambiguous,
	"Ph.D": ambiguous,
}

// classify returns the class of w, the ASCII word before a period with
// any leading opening punctuation removed.
func classify(w string) abbrClass {
	if w == "" || len(w) > maxAbbrLen {
		return ordinary
	}
	if c, ok := abbreviations[w]; ok {
		return c
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return initial
	}
	if innerPeriods(w, len(w)) {
		return ambiguous
	}
	return ordinary
}

// maxAbbrLen bounds the backward look at the word before a period, which
// keeps segmentation linear on long runs without spaces.
const maxAbbrLen = 24

// innerPeriods reports whether w is ASCII letters with periods between
// them ("U.S", "U.S.A", "J.K", "bbc.co.uk") and every letter segment has
// at most maxSeg letters.
func innerPeriods(w string, maxSeg int) bool {
	seg, periods := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if seg == 0 {
				return false
			}
			seg = 0
			periods++
		case isASCIILetter(c):
			seg++
			if seg > maxSeg {
				return false
			}
		default:
			return false
		}
	}
	return periods > 0 && seg > 0
}

// isTokenAbbrev reports whether the tokenizer keeps the period after w as
// part of the word: known abbreviations, initials and short dotted
// letter groups ("U.S", "J.K", "Ph.D").
func isTokenAbbrev(w string) bool {
	if w == "" || len(w) > maxAbbrLen {
		return false
	}
	if _, ok := abbreviations[w]; ok {
		return true
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	return innerPeriods(w, 2)
}

// isStarter reports whether w is a word that typically begins a sentence
// in news text. After an ambiguous abbreviation ("in the U.S. The ...") it
// tells a new sentence from a continuing name ("U.S. Steel").
func isStarter(w string) bool {
	switch w {
	case "The", "A", "An", "This", "That", "These", "Those", "There",
		"Their", "They", "Them", "He", "She", "It", "Its", "It's", "His",
		"Her", "We", "Our", "I", "You", "Your", "My", "But", "And", "Or",
		"So", "Yet", "Nor", "For", "In", "On", "At", "As", "By", "To",
		"From", "With", "Without", "Of", "If", "When", "While", "After",
		"Before", "Since", "Until", "Although", "Though", "Because",
		"However", "Meanwhile", "Moreover", "Furthermore", "Also", "Still",
		"Then", "Now", "Here", "Some", "Many", "Most", "Much", "All", "Both",
		"Each", "Every", "Few", "Several", "Other", "Others", "Another",
		"One", "No", "Not", "Yes", "What", "Why", "How", "Who", "Where",
		"Which", "Whether", "During", "Despite", "Under", "Over", "About",
		"Among", "Instead", "Later", "Earlier", "Last", "Such", "Even",
		"Only", "According", "Once", "Thus", "Indeed", "Nevertheless",
		"Nonetheless":
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
