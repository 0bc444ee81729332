//go:build js && wasm

package analysis

import "embed"

// The WebAssembly build embeds only the function words of every language,
// which language detection needs before a language's data file arrives.
//
//go:embed lexicon/*/function-words.txt lexicon/other/*.txt
var lexiconFS embed.FS

// embedsLexicons is set when lexiconFS holds every language's whole folder:
// not in this build.
const embedsLexicons = false

// EmbeddedModel returns the embedded bytes of a model file: the WebAssembly
// build embeds none (the app fetches them and passes them to AddModel).
func EmbeddedModel(name string) ([]byte, bool) { return nil, false }
