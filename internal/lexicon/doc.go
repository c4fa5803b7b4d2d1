// Package lexicon parses phrase lexicon files and compiles their entries
// into a [Matcher], an immutable trie over folded token words that is safe
// for concurrent use and finds the longest phrase at each token with at
// most one hash-table lookup for a word outside the lexicon and no
// allocation; entries keep their file and line so every match can say
// which line produced it.
//
// # File syntax
//
// A lexicon file is UTF-8 text with one entry a line. Fields are separated
// by one or more TAB characters (spaces separate the words of a phrase, so
// a TAB is the only field separator). The first field is the phrase, the
// second its category, and any further field is a key=value attribute:
//
//	# reporting cues
//	say+	cue	stance=neutral	lemma=say
//	according to	cue	stance=document
//	source*	source	anonymity=vague   # a trailing comment
//	u.s.	place
//
// The grammar, in EBNF:
//
//	file     = { line } .
//	line     = [ entry ] [ comment ] ( "\n" | EOF ) .  (a "\r" before "\n" is dropped)
//	entry    = phrase tabs category { tabs attr } .
//	tabs     = "\t" { "\t" } .
//	phrase   = word { " " { " " } word } .         (1 to 8 words)
//	word     = literal | stem "+" | stem "*" .
//	stem     = letter letter { letter } .          (ASCII letters)
//	category = letter { letter | digit | "_" | "-" | "." } .
//	attr     = key "=" value .                     (key has the syntax of category;
//	                                                value is non-empty, keys are unique)
//	comment  = "#" { any character } .             (at line start or after a space or TAB)
//
// A literal is any run of non-space characters other than a word ending
// in "+" or "*" (the single characters "+" and "*" are literals). Runs of
// literal words are split into tokens and folded by the tokenizer of
// internal/text, exactly as the same words in a text, so a phrase matches
// the text it is written as: "U.S." is one token, "it's believed" three
// ("it", "'s", "believed"), "Nicolás" matches "NICOLAS" (write
// abbreviations as they appear in text, "Mr.", since the tokenizer keeps
// their period by case). A word stem+ stands for the verb forms of stem
// ([VerbForms]: "say+" is say, says, said, saying) and stem* for its noun
// forms ([PluralForms]: "source*" is source, sources), each one token; a
// phrase may hold several marked words and stands for every combination,
// at most 64. Irregular forms the built-in tables lack are written as
// entries of their own. Blank lines
// and comments are ignored; lines are at most 4096 bytes; a phrase that
// appears twice in a file (after folding and expansion) must carry the
// same category and attributes both times. A file with any bad line is
// rejected whole: [Parse] returns no entry and an error naming every bad
// line (up to a limit).
package lexicon
