//go:build !(js && wasm)

package ner

import (
	"embed"
	"io/fs"
)

// The native build embeds the model and the gazetteers; the WebAssembly
// build does not (the browser fetches model/nl.bin and the gazetteer lists
// as files of their own and passes them to Load and SetGazetteer).
//
//go:embed model/nl.bin
var embeddedModel []byte

//go:embed gazetteer/*.tsv gazetteer/*.txt
var gazetteerEmbed embed.FS

// gazetteerFiles holds the gazetteer lists the build embeds.
var gazetteerFiles fs.FS = gazetteerEmbed

// ModelBytes returns the embedded model file (nil in the WebAssembly build,
// which embeds none).
func ModelBytes() []byte { return embeddedModel }
