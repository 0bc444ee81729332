//go:build !(js && wasm)

package ner

import _ "embed"

// The native build embeds the model; the WebAssembly build does not (the
// browser fetches model/nl.bin as a file of its own and passes it to Load).
//
//go:embed model/nl.bin
var embeddedModel []byte

// ModelBytes returns the embedded model file (nil in the WebAssembly build,
// which embeds none).
func ModelBytes() []byte { return embeddedModel }
