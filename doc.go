// Package hearsay models who claims what in news text, through which words,
// and how sure anyone sounds.
//
// A [Document] is the model of one text: the claims it makes, the entities
// that act as their sources, the attributions that tie each claim to a
// source through a cue ("said", "according to", "claim", "sources
// suggest"), and the hedges that set how certain each holder sounds
// ("may", "reportedly", "analysts believe"). The types live in the
// subpackages, one concept each, so a tool can import only what it needs:
//
//   - [github.com/hearsay-go/hearsay/span]: byte ranges into the text;
//   - [github.com/hearsay-go/hearsay/entity]: sources, their kind (person,
//     government, media, document, ...) and anonymity (named, described,
//     vague, no source);
//   - [github.com/hearsay-go/hearsay/claim]: claims, hedges and certainty on
//     the FactBank scale (certain, probable, possible, underspecified);
//   - [github.com/hearsay-go/hearsay/attribution]: attributions with their
//     cue and its stance (neutral, distancing, endorsing, belief, tentative,
//     document, denial), their form (direct, indirect, mixed, unattributed)
//     and nesting (Via).
//
// [Analyze] builds a Document from raw text; a Document may as well be
// built by hand, and both serve the same queries ([Document.ClaimsBy],
// [Document.SourcesOf], [Document.Chain], [Document.Unattributed]; an
// [Index] answers many of them, each in time proportional to its answer)
// and the sourcing report ([Document.Report]).
//
// # How Analyze works
//
// It reads the text once: it segments it into sentences and tokenizes it,
// and every stage reads those tokens (part-of-speech tags are computed a
// sentence at a time, when a stage asks). A text of over 256 KiB (a
// corpus given as one document) is tokenized and read a chunk of whole
// articles or paragraphs at a time (a chunk of whole sentences where no
// line break comes for megabytes), so that its tokens are not all in
// memory at once; entities are still resolved over the whole text. The
// hedge lexicon and its context rules find hedges; hand-written frames around reporting cues
// propose attributions, and a learned span model (a linear-chain tagger
// trained on the PolNeAR corpus of political news) finds sources, cues
// and contents over them, while the frames keep what the corpus does not
// annotate (nesting, quotes across paragraphs, stance, Spanish). Sources
// are graded and resolved to entities. Every attribution names the frame
// or the model's strongest features that made it, and every hedge the
// lexicon line.
//
// # A walk through an article
//
// The article the library is first built to model (testdata/article.txt)
// reports that "Top U.S. officials, as reported by Axios, claim the
// Venezuelan leader fears assassination". In the model this is one claim
// ("the Venezuelan leader fears assassination ...") with two attributions:
// Axios's, through the cue "as reported by", and the officials'
// (described: a role and an affiliation, no name), through "claim", whose
// stance is distancing, and whose Via is Axios's attribution. Inside the
// claim, "fears" is a belief: Maduro's own mental state, attributed to him
// by the officials. "Sources suggest that Maduro 'knows too much'" is a
// mixed attribution (reported speech with a quoted fragment) from a vague
// source, and "This Cuban influence is not new." is the author's own claim,
// which [Document.Unattributed] returns. The program in examples/article
// builds the whole model by hand and prints it.
//
// # Spans
//
// Every position is a [span.Span]: half-open byte offsets into the text
// exactly as it was given, never into a normalized copy, so
// text[s.Start:s.End] is the excerpt. Formats that count code points (W3C
// Web Annotation, PolNeAR) convert with [span.Runes]. Claims, sources and
// cues may be discontinuous and then hold several spans.
//
// # JSON
//
// A Document marshals to the wire format that downstream tools read:
//
//	{"lang": "en", "text": "...", "sentences": [{"start": 0, "end": 212}],
//	 "entities": [{"id": "e1", "name": "Nicolás Maduro", "kind": "person", ...}],
//	 "claims": [{"id": "c1", "text": "...", "spans": [...], "kind": "statement", ...}],
//	 "attributions": [{"id": "a1", "claim": "c1", "source": {...}, "cue": {...}, ...}],
//	 "hedges": [{"text": "might", "category": "epistemic", "span": {...}, "claim": "c1"}]}
//
// Enumerated values are lowercase words; unknown words are errors.
// Decoding validates ([Document.Validate]), so a decoded Document has every
// span inside the text and on rune boundaries and every reference
// resolved; encoding refuses a Document that does not validate. The output
// is linear in the input: a claim inside another names it ("within"), and
// claim texts past a budget of twice the text are left to their spans.
//
// # HTML
//
// [Document.WriteHTML] writes a self-contained page of the text with its
// sources, cues, contents and hedges marked, the sourcing report and a
// legend, for a person to read; [HTMLPage] puts several documents on one
// page. The page's markup and style may change from one version to the
// next; read the model from JSON.
//
// # Lexicons
//
// Hedge cues, reporting cues and source words are data, one entry a line
// in readable text files embedded in the build (claim/lexicons,
// attribution/lexicons, entity/lexicons), compiled once into immutable
// matchers. English is complete; Spanish ([WithLanguage]) has its hedge
// cues, reporting frames and source words ([entity.NewClassifier]).
// [claim.DefaultLexicon], [claim.ParseLexicon],
// [claim.Lexicon.Add] and [claim.Lexicon.Remove] load, extend or trim the
// hedge lexicon, and [WithHedges] gives it to an Analyzer; a file with a
// bad line is rejected whole, naming the file and the line. Every hedge
// names the lexicon line that found it, and every attribution the frame.
// Known entities come from an [entity.Registry] ([WithRegistry]).
//
// # Concurrency
//
// The model types are plain values. A Document's methods only read it and
// may be called from many goroutines at once while nothing modifies it.
// [Analyze] and [Analyzer.Analyze] are safe for concurrent use: the
// lexicons are compiled once into immutable matchers, and scratch state
// belongs to each call.
//
// # Stability
//
// hearsay is before v1: the JSON wire format keeps its field names (fields
// may be added), but Go names may still change (an old name stays a
// release as a deprecated alias). The rule names in Rule fields and the
// learned weights change with the rules and the training; do not match on
// them.
package hearsay
