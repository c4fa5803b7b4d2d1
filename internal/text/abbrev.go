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

// maxKnownAbbr is the length of the longest known abbreviation.
const maxKnownAbbr = 6

// knownAbbr returns the class of a known abbreviation, given without its
// final period, and whether w is one. It is case-sensitive: "No." is an
// abbreviation, "no." is not. (A switch, not a map: no hashing on the hot
// path.)
func knownAbbr(w string) (abbrClass, bool) {
	if len(w) > maxKnownAbbr {
		return ordinary, false
	}
	switch w {
	// Titles and ranks, which precede a name, and Latin and connective
	// abbreviations.
	case "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof",
		"Gov", "Sen", "Sens", "Rep", "Reps", "Gen", "Lt", "Col", "Capt", "Cmdr",
		"Cdr", "Maj", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Rev", "Fr", "Hon",
		"Pres", "Supt", "Det", "Insp", "Atty", "Amb", "Mt", "Ft", "Gens", "MR",
		"MRS", "DR", "vs", "v", "cf", "viz", "e.g", "i.e", "eg", "ie", "approx",
		"Nos", "ca":
		return never, true
	// Abbreviations that often end a sentence: companies, suffixes,
	// streets, months, references, times, dotted country names.
	case "Inc", "Corp", "Co", "Ltd", "Plc", "Jr", "Sr", "Bros", "Cos", "St",
		"Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Intl", "Govt", "etc", "al",
		"est", "ext", "No", "Art", "Vol", "Fig", "Ch", "Sec", "pp", "p", "Tel",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec", "a.m", "p.m", "A.M", "P.M", "U.S", "U.K", "U.N", "E.U",
		"Ph.D":
		return ambiguous, true
	}
	return ordinary, false
}

// classify returns the class of w, the ASCII word before a period with
// any leading opening punctuation removed.
func classify(w string) abbrClass {
	if w == "" || len(w) > maxAbbrLen {
		return ordinary
	}
	if c, ok := knownAbbr(w); ok {
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
	if _, ok := knownAbbr(w); ok {
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
