//go:build js && wasm

package ner

import "io/fs"

// The WebAssembly build embeds no model and no gazetteer: Default fails
// there, and the caller loads the files it fetched with SetGazetteer and
// Load.
var embeddedModel []byte

// gazetteerFiles is nil: the WebAssembly build embeds no gazetteer.
var gazetteerFiles fs.FS

// ModelBytes returns the embedded model file: nil in the WebAssembly build.
func ModelBytes() []byte { return nil }
