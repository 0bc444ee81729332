// Package ner finds named entities — people (PER), organisations (ORG),
// places (LOC) and other names (MISC) — in tokenised Dutch sentences, and
// in English ones by rule, and knows the countries, places and
// organisations that the rest of the engine needs to type its actors.
//
// It is one stage of the who-said-what engine, which runs in the browser as
// WebAssembly, so it is pure Go, small and fast: a linear sequence model
// over hashed features of the words alone (no part-of-speech tags), decoded
// with Viterbi, that tags over a million words a second on one core without
// allocating more than its result.
//
//	t, err := ner.Default()
//	chunks := t.Chunks([]string{"Volgens", "het", "Witte", "Huis", "is", "Poetin", "gewaarschuwd", "."}, "nl")
//	// [{2 4 ORG} {5 6 PER}]
//	country, kind, ok := ner.Place("Moskou", "nl") // "Rusland", Capital, true
//
// The model (model/nl.bin) is trained by cmd/model on the CoNLL-2002 Dutch
// data (De Morgen, 2000; licensed for research use only) with the averaged
// structured perceptron. The gazetteers (gazetteer/) were written for this
// project from general knowledge; each file's header says what it holds.
// The gazetteers are embedded; the model is embedded in the native build
// only (embed.go), while the browser fetches it as a file of its own and
// loads it with Load.
//
// The files, by behaviour:
//
//   - tagger.go: Tagger, Chunk, Default and Chunks, the entry points.
//   - features.go: reading a word once into hashes (lower case, shape,
//     prefixes, suffixes, hyphen parts) and the feature templates.
//   - lexicon.go: how words are capitalised mid-sentence in the training
//     text, so that a capital at the start of a sentence can be judged.
//   - gazetteer.go: the lists of gazetteer/, the tagger's gazetteer features
//     and the lookups Place, Organisation, Adjective, Demonym, GivenName and
//     Surname.
//   - perceptron.go: the run-time model: weight table, emission scores,
//     Viterbi decoding, tags to chunks.
//   - model.go: the binary model format: WriteTo and Load.
//   - train.go: Train, the averaged structured perceptron.
//   - conll.go: reading CoNLL data and scoring (ReadCoNLL, Evaluate, Scores).
//   - english.go: the rule-based chunker used for lang "en".
package ner
