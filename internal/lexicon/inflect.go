package lexicon

import (
	"strings"
)

// VerbForms returns the forms of the English verb base, lower-cased and
// without duplicates, in the order base, third person singular, past,
// past participle, present participle ("say" gives say, says, said,
// saying; "write" gives write, writes, wrote, written, writing). Irregular
// verbs come from a built-in table, which also covers them behind the
// prefixes re-, mis-, over-, under-, out-, fore-, with-, un- and up-
// ("retell", "overhear"); regular verbs follow the spelling rules, doubling
// a final consonant after one stressed vowel ("admit" admitted, "stop"
// stopped, but "visit" visited; stress on a final syllable of two or more
// is taken from a built-in list). A base that is not ASCII letters is
// returned alone, lower-cased.
func VerbForms(base string) []string {
	b := strings.ToLower(base)
	if b == "" {
		return nil
	}
	if len(b) < 2 || !isASCIILetters(b) {
		return []string{b}
	}
	if v, ok := irregularVerb(b); ok {
		return dedup(v)
	}
	double := doubles(b)
	return dedup([]string{b, thirdPerson(b, double), pastForm(b, double), ingForm(b, double)})
}

// PluralForms returns the forms of the English noun base, lower-cased and
// without duplicates: the singular, then its plural or plurals ("source"
// gives source, sources; "spokesman" spokesman, spokesmen; "person"
// person, people, persons). A base that is not ASCII letters is returned
// alone, lower-cased.
func PluralForms(base string) []string {
	b := strings.ToLower(base)
	if b == "" {
		return nil
	}
	if !isASCIILetters(b) {
		return []string{b}
	}
	if p, ok := irregularPlurals[b]; ok {
		return dedup(append([]string{b}, strings.Split(p, "|")...))
	}
	for _, suffix := range [...]string{"person", "woman", "man"} {
		stem, ok := strings.CutSuffix(b, suffix)
		if !ok || stem == "" && suffix != "person" {
			continue
		}
		if suffix == "man" && notManCompound[b] {
			break
		}
		if p, ok := irregularPlurals[suffix]; ok {
			out := []string{b}
			for _, q := range strings.Split(p, "|") {
				out = append(out, stem+q)
			}
			return dedup(out)
		}
	}
	n := len(b)
	switch {
	case strings.HasSuffix(b, "sis") && n > 4:
		return []string{b, b[:n-2] + "es"} // analysis, crisis
	case sibilant(b):
		return []string{b, b + "es"}
	case b[n-1] == 'y' && n > 1 && !isVowel(b[n-2]):
		return []string{b, b[:n-1] + "ies"}
	case b[n-1] == 'o' && oesNouns[b]:
		return []string{b, b + "es"}
	}
	return []string{b, b + "s"}
}

func dedup(forms []string) []string {
	out := forms[:0:0]
	for _, f := range forms {
		if f == "" {
			continue
		}
		dup := false
		for _, g := range out {
			if g == f {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// sibilant reports whether b ends in s, x, z, ch or sh, which take -es.
func sibilant(b string) bool {
	switch b[len(b)-1] {
	case 's', 'x', 'z':
		return true
	case 'h':
		return len(b) > 1 && (b[len(b)-2] == 'c' || b[len(b)-2] == 's')
	}
	return false
}

// doubles reports whether the final consonant of the verb b doubles
// before -ed and -ing: b ends in consonant, single vowel, consonant (not
// w, x or y; "qu" counts as a consonant) and the last syllable is stressed
// (a word of one syllable, or a listed one).
func doubles(b string) bool {
	n := len(b)
	if n < 3 {
		return false
	}
	c, v, p := b[n-1], b[n-2], b[n-3]
	if isVowel(c) || c == 'w' || c == 'x' || c == 'y' || !isVowel(v) {
		return false
	}
	if isVowel(p) && !(p == 'u' && n >= 4 && b[n-4] == 'q') {
		return false
	}
	return syllables(b) == 1 || stressedFinal[b]
}

// syllables counts vowel groups, treating "qu" as a consonant and a
// final silent e as no vowel.
func syllables(b string) int {
	count, in := 0, false
	for i := 0; i < len(b); i++ {
		c := b[i]
		vowel := isVowel(c) || c == 'y' && i > 0
		if c == 'u' && i > 0 && b[i-1] == 'q' {
			vowel = false
		}
		if vowel && c == 'e' && i == len(b)-1 && i > 0 && !in {
			vowel = false
		}
		if vowel && !in {
			count++
		}
		in = vowel
	}
	return count
}

func thirdPerson(b string, double bool) string {
	n := len(b)
	switch {
	case double && b[n-1] == 'z': // quiz
		return b + "zes"
	case sibilant(b):
		return b + "es"
	case b[n-1] == 'y' && !isVowel(b[n-2]):
		return b[:n-1] + "ies"
	case b[n-1] == 'o' && !isVowel(b[n-2]):
		return b + "es" // go, echo, veto
	}
	return b + "s"
}

func pastForm(b string, double bool) string {
	n := len(b)
	switch {
	case b[n-1] == 'e':
		return b + "d"
	case b[n-1] == 'y' && !isVowel(b[n-2]):
		return b[:n-1] + "ied"
	case b[n-1] == 'c' && isVowel(b[n-2]):
		return b + "ked" // panic, mimic
	case double:
		return b + b[n-1:] + "ed"
	}
	return b + "ed"
}

func ingForm(b string, double bool) string {
	n := len(b)
	switch {
	case strings.HasSuffix(b, "ie"):
		return b[:n-2] + "ying" // lie, die
	case b[n-1] == 'e' && (b[n-2] == 'e' || b[n-2] == 'y' || b[n-2] == 'o'):
		return b + "ing" // see, agree, dye, hoe
	case b[n-1] == 'e' && n > 2:
		return b[:n-1] + "ing"
	case b[n-1] == 'c' && isVowel(b[n-2]):
		return b + "king"
	case double:
		return b + b[n-1:] + "ing"
	}
	return b + "ing"
}

// irregularVerb returns the forms of an irregular verb, directly from the
// table or behind a prefix.
func irregularVerb(b string) ([]string, bool) {
	if f, ok := irregularVerbs[b]; ok {
		return f, true
	}
	if regularPrefixed[b] {
		return nil, false
	}
	for _, p := range verbPrefixes {
		rest, ok := strings.CutPrefix(b, p)
		if !ok || len(rest) < 2 {
			continue
		}
		if f, ok := irregularVerbs[rest]; ok {
			out := make([]string, len(f))
			for i, s := range f {
				out[i] = p + s
			}
			return out, true
		}
	}
	return nil, false
}

var verbPrefixes = [...]string{"re", "mis", "over", "under", "out", "fore", "with", "un", "up"}

// regularPrefixed lists regular verbs that look like a prefix and an
// irregular verb.
var regularPrefixed = map[string]bool{"relay": true, "inlay": true, "unite": true, "outlay": true}

// irregularVerbs maps a base to its forms: base, third person, past
// (one or more), past participle (one or more), present participle.
var irregularVerbs = buildIrregular(`
be is|am|are was|were been being
have has had had having
do does did done doing
go goes went gone going
say - said said -
make - made made -
lay - laid laid -
pay - paid paid -
tell - told told -
sell - sold sold -
think - thought thought -
bring - brought brought -
buy - bought bought -
fight - fought fought -
seek - sought sought -
teach - taught taught -
catch - caught caught -
write - wrote written writing
speak - spoke spoken -
hear - heard heard -
know - knew known -
see - saw seen -
foresee - foresaw foreseen -
feel - felt felt -
find - found found -
hold - held held -
give - gave given giving
forgive - forgave forgiven forgiving
take - took taken taking
mistake - mistook mistaken mistaking
show - showed shown|showed -
get - got got|gotten getting
forget - forgot forgotten|forgot forgetting
come - came come coming
become - became become becoming
run - ran run running
read - read read -
lead - led led -
mislead - misled misled -
leave - left left leaving
mean - meant meant -
keep - kept kept -
let - let let letting
put - put put putting
set - set set setting
cut - cut cut cutting
hit - hit hit hitting
hurt - hurt hurt -
quit - quit quit quitting
shut - shut shut shutting
split - split split splitting
spread - spread spread -
cast - cast cast -
broadcast - broadcast|broadcasted broadcast|broadcasted -
forecast - forecast|forecasted forecast|forecasted -
cost - cost cost -
bet - bet bet betting
bid - bid bid bidding
begin - began begun beginning
forbid - forbade|forbid forbidden forbidding
stand - stood stood -
understand - understood understood -
meet - met met -
send - sent sent -
spend - spent spent -
lend - lent lent -
bend - bent bent -
build - built built -
win - won won winning
lose - lost lost losing
sit - sat sat sitting
stick - stuck stuck -
sleep - slept slept -
weep - wept wept -
deal - dealt dealt -
feed - fed fed -
bleed - bled bled -
breed - bred bred -
flee - fled fled -
speed - sped|speeded sped|speeded -
light - lit|lighted lit|lighted -
shoot - shot shot -
slide - slid slid sliding
hang - hung|hanged hung|hanged -
dig - dug dug digging
spin - spun spun spinning
swing - swung swung -
string - strung strung -
strike - struck struck|stricken striking
swear - swore sworn -
wear - wore worn -
tear - tore torn -
bear - bore borne|born -
break - broke broken -
choose - chose chosen choosing
draw - drew drawn -
withdraw - withdrew withdrawn -
drive - drove driven driving
ride - rode ridden riding
rise - rose risen rising
arise - arose arisen arising
eat - ate eaten -
fall - fell fallen -
fly flies flew flown -
grow - grew grown -
throw - threw thrown -
blow - blew blown -
hide - hid hidden hiding
shake - shook shaken shaking
steal - stole stolen -
freeze - froze frozen freezing
wake - woke|waked woken|waked waking
ring - rang rung -
sing - sang sung -
sink - sank sunk -
drink - drank drunk -
beat - beat beaten -
bite - bit bitten biting
shine - shone|shined shone|shined shining
strive - strove|strived striven|strived striving
wind - wound wound -
undergo undergoes underwent undergone -
overcome - overcame overcome overcoming
prove - proved proven|proved proving
learn - learned|learnt learned|learnt -
burn - burned|burnt burned|burnt -
dream - dreamed|dreamt dreamed|dreamt -
spell - spelled|spelt spelled|spelt -
leap - leapt|leaped leapt|leaped -
`)

// buildIrregular parses the irregular verb table: one verb a line, fields
// base, third person, past, participle, -ing; "-" is the regular form,
// "|" separates alternatives.
func buildIrregular(table string) map[string][]string {
	m := map[string][]string{}
	for line := range strings.SplitSeq(strings.TrimSpace(table), "\n") {
		f := strings.Fields(line)
		if len(f) != 5 {
			panic("lexicon: bad irregular verb line " + line)
		}
		b := f[0]
		double := doubles(b)
		if f[1] == "-" {
			f[1] = thirdPerson(b, double)
		}
		if f[4] == "-" {
			f[4] = ingForm(b, double)
		}
		forms := []string{b}
		forms = append(forms, strings.Split(f[1], "|")...)
		forms = append(forms, strings.Split(f[2], "|")...)
		forms = append(forms, strings.Split(f[3], "|")...)
		forms = append(forms, strings.Split(f[4], "|")...)
		m[b] = dedup(forms)
	}
	return m
}

// stressedFinal lists verbs of two or more syllables whose final
// consonant doubles (American spelling: "travel" traveled is not here).
var stressedFinal = setOf(`
abet abhor acquit admit allot annul aver befit commit compel concur confer
control debug defer demur deter dispel embed emit enroll equip excel expel
extol handicap impel incur infer kidnap occur omit outfit outwit overlap
patrol permit prefer propel rebel rebut recur refer regret remit repel
submit transfer transmit unplug wiretap format
`)

// notManCompound lists nouns in -man that are not compounds of "man".
var notManCompound = setOf(`human german roman shaman talisman caiman ottoman
woman`)

// oesNouns lists nouns in -o that take -es.
var oesNouns = setOf(`hero veto potato tomato echo torpedo embargo`)

// irregularPlurals maps a singular to its plurals ("|" separated).
var irregularPlurals = map[string]string{
	"man":        "men",
	"woman":      "women",
	"person":     "people|persons",
	"child":      "children",
	"foot":       "feet",
	"tooth":      "teeth",
	"mouse":      "mice",
	"goose":      "geese",
	"analysis":   "analyses",
	"criterion":  "criteria",
	"phenomenon": "phenomena",
	"medium":     "media|mediums",
	"datum":      "data",
	"life":       "lives",
	"wife":       "wives",
	"knife":      "knives",
	"leaf":       "leaves",
	"half":       "halves",
	"self":       "selves",
	"shelf":      "shelves",
	"thief":      "thieves",
	"wolf":       "wolves",
	"calf":       "calves",
	"loaf":       "loaves",
	"index":      "indexes|indices",
	"appendix":   "appendixes|appendices",
	"series":     "series",
	"species":    "species",
	"news":       "news",
	"police":     "police",
	"people":     "people|peoples",
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
