// Package attribution is a statistical labeller for who-said-what: it tags
// each token of a sentence as part of a source (who says), a cue (the words
// that signal the saying: "said", "according to", "allegations") or the
// content (what is said), and nothing else.
//
// It is a greedy left-to-right averaged perceptron over hashed features of
// the words, their quotation marks, named entities, lexicon hits and the
// labels already given, learnt by Train from annotated sentences (the
// English model is learnt from PolNeAR, which states no licence, so its
// weights are for research use only). A model may have a second stage
// (stacking): it relabels every sentence the first stage found anything
// in, seeing the first stage's labels on both sides of each token, so that
// a source is labelled knowing the cue that follows it. The second stage
// learns from first-stage labels of sentences that stage was not trained
// on. The analysis package turns the labelled spans into statements and
// resolves their sources to actors.
//
// The package is pure Go and knows nothing of files or the network: a model
// is decoded from bytes (Load) that the caller embeds or fetches.
//
// The files, by behaviour:
//
//   - label.go: the labels, Token and Sentence, and Spans (labels to spans).
//   - features.go: the feature templates, their hashes, and the keys of the
//     word features, which keep a word's weights together (wordKey).
//   - model.go: the run-time model, Tag, and the binary format (WriteTo, Load).
//   - train.go: Train, the averaged perceptron.
package attribution
