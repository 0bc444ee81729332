//go:build !(js && wasm)

package analysis

import (
	"embed"

	"github.com/article-explorer/explorer/analysis/ner"
)

// The native build embeds the model files; the WebAssembly build fetches
// them (see models.go).
//
//go:embed attribution/model/*.bin
var embeddedFS embed.FS

// EmbeddedModel returns the embedded bytes of a model file (named as
// ModelFiles names it). The WebAssembly build embeds none.
func EmbeddedModel(name string) ([]byte, bool) {
	if name == "nl-ner.bin" {
		b := ner.ModelBytes()
		return b, b != nil
	}
	b, err := embeddedFS.ReadFile("attribution/model/" + name)
	return b, err == nil
}
