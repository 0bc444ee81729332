//go:build !(js && wasm)

package analysis

import "embed"

// The native build embeds the model files; the WebAssembly build fetches
// them (see models.go).
//
//go:embed attribution/model/*.bin
var embeddedFS embed.FS

var embeddedModels = &embeddedFS
