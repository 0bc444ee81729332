//go:build !(js && wasm)

package analysis

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/article-explorer/explorer/analysis/ner"
)

// The native build embeds the model files and every language's whole
// lexicon folder; the WebAssembly build fetches them (see models.go).
//
//go:embed attribution/model/*.bin
var embeddedFS embed.FS

//go:embed lexicon
var lexiconFS embed.FS

// embedsLexicons is set when lexiconFS holds every language's whole folder
// (a test clears it to play the WebAssembly build).
var embedsLexicons = true

// EmbeddedModel returns the embedded bytes of a model file (named as
// ModelFiles names it); for a data file, the embedded lists strung
// together (bundle.go). The WebAssembly build embeds none.
func EmbeddedModel(name string) ([]byte, bool) {
	switch name {
	case "nl-ner.bin":
		b := ner.ModelBytes()
		return b, b != nil
	case gazetteerFile:
		fsys, paths := ner.GazetteerFiles()
		if fsys == nil {
			return nil, false
		}
		return mustBundle(writeBundle(fsys, paths))
	}
	if lang, ok := strings.CutSuffix(name, "-lexicon.txt"); ok && listed(name) {
		sub, err := lexiconFSSub()
		if err != nil {
			panic(err)
		}
		paths, err := fs.Glob(sub, lang+"/*.txt")
		if err != nil || len(paths) == 0 {
			panic(fmt.Sprintf("analysis: no embedded lexicon for %s", name))
		}
		return mustBundle(writeBundle(sub, paths))
	}
	b, err := embeddedFS.ReadFile("attribution/model/" + name)
	return b, err == nil
}

// mustBundle returns a data file made of embedded files, which are all
// there: an error is a broken build.
func mustBundle(b []byte, err error) ([]byte, bool) {
	if err != nil {
		panic(fmt.Sprintf("analysis: bundling embedded files: %v", err))
	}
	return b, true
}
