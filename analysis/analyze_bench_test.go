package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func benchText(b *testing.B, text string) {
	b.Helper()
	if _, err := Analyze(text); err != nil { // load the models outside the timing
		b.Fatal(err)
	}
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(text); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkAnalyzeSeed measures words per second on the seed article.
func BenchmarkAnalyzeSeed(b *testing.B) {
	text, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	benchText(b, string(text))
}

// polnearArticle builds an English article of about n words from PolNeAR dev
// texts (../shared, which a user's clone lacks: then the benchmark skips).
func polnearArticle(b *testing.B, n int) string {
	files, _ := filepath.Glob("../../shared/data/polnear/dev/text/*.txt")
	if len(files) == 0 {
		b.Skip("../shared/data/polnear is not here")
	}
	var sb strings.Builder
	words := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteString("\n\n")
		if words += len(strings.Fields(string(t))); words >= n {
			break
		}
	}
	return sb.String()
}

// BenchmarkAnalyzePolNeAR10k measures words per second on a 10,000-word
// English article built from PolNeAR dev text.
func BenchmarkAnalyzePolNeAR10k(b *testing.B) { benchText(b, polnearArticle(b, 10000)) }

// BenchmarkAnalyzeLinear times a 500 KB and a 10 MB input (500,000 and
// 10,000,000 bytes) built from the seed, to show that time grows linearly:
// compare their ns/op (≤ 20×) or their MB/s (equal).
func BenchmarkAnalyzeLinear(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []struct {
		name  string
		bytes int
	}{{"500KB", 500_000}, {"10MB", 10_000_000}} {
		text := strings.Repeat(string(seed)+"\n\n", size.bytes/(len(seed)+2)+1)[:size.bytes]
		text = strings.ToValidUTF8(text, "")
		b.Run(size.name, func(b *testing.B) { benchText(b, text) })
	}
}

// BenchmarkLoadLexicons measures reading the embedded lexicons, as done once
// per process (the NER model's load is ner.BenchmarkDefault).
func BenchmarkLoadLexicons(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sub, err := lexiconFSSub()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := loadLexicons(sub); err != nil {
			b.Fatal(err)
		}
	}
}
