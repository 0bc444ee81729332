package ner

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
)

// testSentences reads testdata/nl-news.txt: one tokenised sentence per line.
func testSentences(tb testing.TB) [][]string {
	tb.Helper()
	data, err := os.ReadFile("testdata/nl-news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Fields(line))
	}
	return out
}

// BenchmarkChunks measures tagging speed in words per second.
func BenchmarkChunks(b *testing.B) {
	for _, lang := range []string{"nl", "en"} {
		b.Run(lang, func(b *testing.B) {
			t, err := Default()
			if err != nil {
				b.Fatal(err)
			}
			sents := testSentences(b)
			words := 0
			for _, s := range sents {
				words += len(s)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				for _, s := range sents {
					t.Chunks(s, lang)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// BenchmarkDefault measures what Default does once per process: parsing
// the embedded gazetteers and loading the embedded model.
func BenchmarkDefault(b *testing.B) {
	b.Run("gazetteers", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := loadGazetteer(gazetteerFiles); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("model", func(b *testing.B) {
		// Read from disk, so that the benchmark also runs in the
		// WebAssembly build, which embeds no model.
		data, err := os.ReadFile("model/nl.bin")
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for range b.N {
			if _, err := Load(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
