// Package analysis finds the actors in a news article and their stated
// positions: who said what, quoted, reported or as a stance. It is pure Go
// (no syscall/js, no net/http), so it runs the same in the CLI, in tests and
// in the browser as WebAssembly.
//
// Analyze runs one pipeline for every language; only the lexicons differ:
//
//	metadata → paragraphs → tokens → sentences → language →
//	entities → statements (with their speaker phrases) → actors and coreference
//
// Every result is a Span, a half-open byte range of Document.Text.
//
// Files:
//   - document.go: the result types (Document, Span, Actor, Statement, ...)
//   - analyze.go: Analyze, input checks and language detection
//   - segment.go: metadata, paragraphs, tokens and sentences
//   - quotes.go: quotation marks and their pairs
//   - lexicon.go: the per-language lexicons in lexicon/, typed and validated at load
//   - conjugate.go: the conjugators that inflect the cue verbs' lemmas
//   - stages.go: the stages after structure, in order
//   - lexicon/<lang>/stance-predicates.txt, rules.txt: the word lists of the
//     statement rules (read by rules_positions.go)
//   - entities.go: the NER tagger (package ner) and two repairs around it
//   - phrases.go: the noun phrases that can name a speaker
//   - cues.go: cue recognition: speech, thought and stance verbs and their particles
//   - statements.go: the rule table, the arbiter that accepts the rules'
//     candidates, and the state they share
//   - content.go: a statement's content pieces from token ranges
//   - rules_headlines.go, rules_according.go, rules_reported.go,
//     rules_positions.go, rules_quotes.go: the rules by family (colon
//     speakers, volgens/aldus, cue verbs, stances, floating quotes)
//   - actors.go: actors, and the coreference of names, roles, pronouns and metonyms
//   - learned.go: statements from the attribution model's spans (languages with one), and how they join the rules'
//   - models.go, models_embed.go, models_wasm.go: the model files (embedded natively, handed over by the page in the browser)
//   - json.go: the JSON contract
package analysis
