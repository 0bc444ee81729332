package analysis

import (
	"testing"

	"github.com/article-explorer/explorer/analysis/attribution"
)

// BenchmarkLoadModel measures decoding each model file, which the native
// build does once per process and the browser once per page (after fetching
// the file).
func BenchmarkLoadModel(b *testing.B) {
	for _, f := range ModelFiles("") {
		data, ok := EmbeddedModel(f.Name)
		if !ok {
			b.Fatalf("%s is not embedded", f.Name)
		}
		b.Run(f.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := addModel(f.Name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
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
