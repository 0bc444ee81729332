package analysis

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis/attribution"
)

// BenchmarkLoadModel measures decoding each model file, which the native
// build does once per process and the browser once per page (after fetching
// the file).
func BenchmarkLoadModel(b *testing.B) {
	for _, f := range ModelFiles("") {
		// Read from disk, so that the benchmark also runs in the
		// WebAssembly build (GOOS=js GOARCH=wasm go test -bench), which
		// embeds no model.
		data, err := modelFromDisk(f.Name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := addModel(f.Name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// modelFromDisk reads a model file from the repository, or makes a data
// file from the folder it strings together.
func modelFromDisk(name string) ([]byte, error) {
	if p, ok := modelPaths[name]; ok {
		return os.ReadFile(p)
	}
	fsys, pattern := os.DirFS("ner"), "gazetteer/*"
	if lang, ok := strings.CutSuffix(name, "-lexicon.txt"); ok {
		fsys, pattern = os.DirFS("lexicon"), lang+"/*.txt"
	}
	paths, err := fs.Glob(fsys, pattern)
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("%s: no files %s (%v)", name, pattern, err)
	}
	return writeBundle(fsys, paths)
}

// modelPaths maps each model file to where it sits in the repository.
var modelPaths = map[string]string{
	"nl-ner.bin":         "ner/model/nl.bin",
	"en-attribution.bin": "attribution/model/en-attribution.bin",
}

// BenchmarkAttributionLabel measures the English attribution labeller alone
// on the sentences of the 10,000-word PolNeAR benchmark article, as the
// analysis hands them to it.
func BenchmarkAttributionLabel(b *testing.B) {
	text := polnearArticle(b, 10000)
	_, sents, err := AttributionSentences(text)
	if err != nil {
		b.Fatal(err)
	}
	m := attributionModel(English)
	if m == nil {
		b.Fatal("no English attribution model")
	}
	tg := m.NewTagger()
	var labels []attribution.Label
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			labels = tg.Tag(s.Tokens, s.Flags, labels)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
