package entity

import (
	"github.com/hearsay-go/hearsay/internal/text"
	"github.com/hearsay-go/hearsay/span"
)

// classifySpanish classifies a Spanish source phrase. Spanish puts the
// head noun first and most of its modifiers after it ("fuentes
// oficiales", "un alto funcionario de la Casa Blanca"), so the head is
// the first noun after the determiners and the affiliation a capitalized
// name in the modifiers that follow. The categories and the anonymity
// rules are those of the English classifier.
func classifySpanish(lex *sourceLexicon, phrase string, toks []text.Token) Classification {
	for len(toks) > 0 && toks[0].Kind != text.Word && toks[0].Kind != text.Number {
		toks = toks[1:]
	}
	// The core stops at a comma, a parenthesis, a dash or a relative
	// clause ("el ministro, que ...", "quien").
	for i, t := range toks {
		if t.Kind == text.Punct && (t.Fold == "," || t.Fold == "(" || t.Fold == "—" || t.Fold == "-" || t.Fold == ";") ||
			t.Kind == text.Word && i > 0 && (t.Fold == "que" || t.Fold == "quien" || t.Fold == "quienes" || t.Fold == "cuyo" || t.Fold == "cuya") {
			toks = toks[:i]
			break
		}
	}
	for len(toks) > 0 && toks[len(toks)-1].Kind != text.Word && toks[len(toks)-1].Kind != text.Number {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return Classification{Kind: Person, Anonymity: Vague}
	}
	word := func(i int) string { return toks[i].Span.Text(phrase) }
	last := len(toks) - 1

	if len(toks) == 1 {
		if n, e, ok := lex.m.Longest(toks, 0); ok && n == 1 && lex.entries[e].cat == catPronoun {
			return Classification{Kind: lex.entries[e].kind, Head: word(0), Pronoun: true}
		}
	}
	// A whole phrase that is a named outlet, government or agency, with
	// or without its article.
	for start := 0; start < len(toks) && start < 2; start++ {
		if n, e, ok := lex.m.Longest(toks, start); ok && start+n == len(toks) {
			if start == 1 && !isSpanishArticle(toks[0].Fold) {
				break
			}
			if k, ok := namedKind(lex.entries[e].cat); ok {
				return Classification{Kind: k, Anonymity: Named, Head: word(last)}
			}
		}
		if !isSpanishArticle(toks[0].Fold) {
			break
		}
	}

	// A quantifier alone: "algunos", "otros".
	if n, e, ok := lex.m.Longest(toks, 0); ok && n == len(toks) && lex.entries[e].cat == catVague {
		return Classification{Kind: Group, Anonymity: Vague, Head: word(last)}
	}
	// Determiners, vague ones ("unos", "algunos", "un grupo de"), and
	// the adjectives that stand before a noun ("un alto funcionario").
	vague := false
	h := 0
	for h < last {
		f := toks[h].Fold
		if n, e, ok := lex.m.Longest(toks, h); ok && lex.entries[e].cat == catVague && h+n <= last {
			vague = true
			h += n
			continue
		}
		if isSpanishDeterminer(f) || isSpanishPrenominal(f) {
			h++
			continue
		}
		break
	}
	// A name without a role: "Nicolás Maduro", "el Partido Socialista".
	if capitalized(word(h)) {
		if _, e, ok := lex.m.Longest(toks, h); !ok || lex.entries[e].cat != catRole && lex.entries[e].cat != catGroup && lex.entries[e].cat != catDocument {
			return spanishName(lex, phrase, toks, h)
		}
	}
	cat, kind, n := uint8(0), Kind(0), 1
	if m, e, ok := lex.m.Longest(toks, h); ok {
		cat, kind, n = lex.entries[e].cat, lex.entries[e].kind, m
	}
	// The head is the first word of the lexicon phrase: "fuentes" in
	// "fuentes cercanas a", "jefe" in "jefe de estado".
	headWord := word(h)
	plural := len(toks[h].Fold) > 1 && toks[h].Fold[len(toks[h].Fold)-1] == 's'
	after := h + n
	// A role before a name is a title: "el presidente Nicolás Maduro",
	// "la portavoz Ana Ruiz", "el partido Podemos", "la agencia EFE".
	if (cat == catRole || cat == catTitle) && after < len(toks) && capitalized(word(after)) && spanishNameRun(phrase, toks, after) == len(toks) {
		k := spanishNamedKind(lex, phrase, toks[after:])
		if k == Person && (kind == Organization || kind == Media) {
			k = kind
		}
		return Classification{Kind: k, Anonymity: Named, Head: word(last)}
	}
	aff, as, ae := spanishAffiliation(phrase, toks, after)
	var affSpan span.Span
	if aff != "" {
		affSpan = span.New(toks[as].Span.Start, toks[ae-1].Span.End)
	}
	modified := after < len(toks)

	// "un artículo de El País" is the outlet's; "la campaña de Clinton"
	// is named by its affiliation.
	var affKind Kind
	if aff != "" && len(aff) <= maxAffiliation {
		affKind = spanishNamedKind(lex, phrase, toks[as:ae])
	}
	affMedia := cat == catDocument && affKind == Media
	g := grading{cat: cat, kind: kind, head: headWord, aff: aff, affSpan: affSpan, affMedia: affMedia, affKind: affKind,
		vague: vague, modified: modified, bare: plural && !modified, orgNamed: aff != ""}
	if c, ok := g.grade(); ok {
		return c
	}
	a := Described
	if vague {
		a = Vague
	}
	return Classification{Kind: Person, Anonymity: a, Affiliation: aff, AffiliationSpan: affSpan, AffiliationKind: affKind, Head: headWord}
}

// spanishName classifies a phrase whose head, toks[h], is capitalized: an
// organization when a word of the name says so ("Partido Socialista",
// "Universidad de Harvard", "Human Rights Watch"), otherwise a person.
func spanishName(lex *sourceLexicon, phrase string, toks []text.Token, h int) Classification {
	end := spanishNameRun(phrase, toks, h)
	headWord := toks[end-1].Span.Text(phrase)
	for i := h; i < end; i++ {
		if n, e, ok := lex.m.Longest(toks, i); ok && n == 1 && (lex.entries[e].cat == catOrgSuffix ||
			lex.entries[e].cat == catRole && lex.entries[e].kind == Organization) || lex.orgSuffix[toks[i].Fold] {
			return Classification{Kind: Organization, Anonymity: Named, Head: headWord}
		}
	}
	// "Ministerio de Defensa", "Fiscalía General": an institution noun
	// opens the name (a capital does not: "Santiago Peña").
	switch toks[h].Fold {
	case "ministerio", "departamento", "gobierno", "congreso", "senado", "ayuntamiento", "alcaldia",
		"gobernacion", "consejeria", "presidencia", "cancilleria", "tribunal", "corte", "asamblea",
		"parlamento", "camara", "ejercito", "armada":
		return Classification{Kind: Government, Anonymity: Named, Head: headWord}
	case "fiscalia", "policia", "guardia", "agencia", "servicio", "instituto":
		return Classification{Kind: Agency, Anonymity: Named, Head: headWord}
	}
	if h > 0 && isSpanishArticle(toks[0].Fold) && end-h > 1 {
		// "el Frente Amplio": an article before a name of several words.
		return Classification{Kind: Organization, Anonymity: Named, Head: headWord}
	}
	return Classification{Kind: Person, Anonymity: Named, Head: headWord}
}

// spanishNamedKind returns the kind of the name toks: media, government
// or agency when the lexicon lists it ("EFE"), organization or person
// as [spanishName] tells.
func spanishNamedKind(lex *sourceLexicon, phrase string, toks []text.Token) Kind {
	if n, e, ok := lex.m.Longest(toks, 0); ok && n == len(toks) {
		if k, ok := namedKind(lex.entries[e].cat); ok {
			return k
		}
	}
	return spanishName(lex, phrase, toks, 0).Kind
}

// spanishNameRun returns the end of the name that starts at toks[i]: a
// run of capitalized words, with the lowercase links of Spanish names
// between them ("Ministerio de Defensa", "Casa de la Moneda").
func spanishNameRun(phrase string, toks []text.Token, i int) int {
	end := i
	for j := i; j < len(toks); j++ {
		t := toks[j]
		if t.Kind != text.Word && t.Kind != text.Number {
			break
		}
		if capitalized(t.Span.Text(phrase)) || t.Kind == text.Number {
			end = j + 1
			continue
		}
		if !isSpanishNameLink(t.Fold) {
			break
		}
	}
	return end
}

// spanishAffiliation returns the first name among the modifiers that
// follow the head, from toks[from], and its tokens [start, end): "Casa
// Blanca" in "un funcionario de la Casa Blanca".
func spanishAffiliation(phrase string, toks []text.Token, from int) (aff string, start, end int) {
	for i := from; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != text.Word {
			continue
		}
		if capitalized(t.Span.Text(phrase)) {
			end := spanishNameRun(phrase, toks, i)
			return phrase[t.Span.Start:toks[end-1].Span.End], i, end
		}
	}
	return "", 0, 0
}

func isSpanishArticle(f string) bool {
	switch f {
	case "el", "la", "los", "las":
		return true
	}
	return false
}

func isSpanishDeterminer(f string) bool {
	switch f {
	case "el", "la", "los", "las", "un", "una", "este", "esta", "estos", "estas",
		"ese", "esa", "esos", "esas", "aquel", "aquella", "dicho", "dicha", "dichos", "dichas",
		"su", "sus", "nuestro", "nuestra", "nuestros", "nuestras", "dos", "tres", "cuatro",
		"cinco", "ambos", "ambas", "todos", "todas", "cada", "otro", "otra", "mismo", "misma":
		return true
	}
	return false
}

// isSpanishPrenominal reports whether f is an adjective that news puts
// before the noun of a source: "un alto funcionario", "el ex ministro".
func isSpanishPrenominal(f string) bool {
	switch f {
	case "alto", "alta", "altos", "altas", "nuevo", "nueva", "nuevos", "nuevas", "ex",
		"antiguo", "antigua", "antiguos", "antiguas", "principal", "principales",
		"importante", "importantes", "destacado", "destacada", "reconocido", "reconocida",
		"conocido", "conocida", "actual", "actuales", "propio", "propia", "joven", "viejo", "vieja":
		return true
	}
	return false
}

// isSpanishNameLink reports whether f is a lowercase word inside a
// Spanish name.
func isSpanishNameLink(f string) bool {
	switch f {
	case "de", "del", "la", "las", "los", "y", "e":
		return true
	}
	return false
}
