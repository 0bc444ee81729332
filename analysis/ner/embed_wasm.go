//go:build js && wasm

package ner

// The WebAssembly build embeds no model: Default fails there, and the
// caller loads the model it fetched with Load.
var embeddedModel []byte

// ModelBytes returns the embedded model file: nil in the WebAssembly build.
func ModelBytes() []byte { return nil }
