//go:build js && wasm

package analysis

import "embed"

// The WebAssembly build embeds no model files: the app fetches them and
// passes them to AddModel.
var embeddedModels *embed.FS
