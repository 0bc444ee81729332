package analysis

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
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

// worstShapes are the input shapes that once made the analysis
// super-linear: quotes and cues with no paragraph break, quotes only, and
// one long line with no sentence end.
var worstShapes = []struct{ name, unit string }{
	{"QuoteCue", "“Het is goed,” zei hij. "},
	{"QuotesOnly", "“Het is goed.” "},
	{"OneLine", "het kabinet zegt dat het goed gaat en "},
}

// repeatTo repeats unit up to n bytes, cut on a rune boundary.
func repeatTo(unit string, n int) string {
	return strings.ToValidUTF8(strings.Repeat(unit, n/len(unit)+1)[:n], "")
}

// BenchmarkAnalyzeWorstShapes times each worst shape at 1 MB and 10 MB (and
// the first at 2 MB, whose bar is 2 s) and prints, besides ns/op, the bytes
// allocated per input byte (alloc-B/in-B) and the peak heap per input byte
// (peak-B/in-B, sampled, garbage included). Time must grow linearly: 10 MB
// within 10× of 1 MB.
func BenchmarkAnalyzeWorstShapes(b *testing.B) {
	for n, sh := range worstShapes {
		sizes := []struct {
			name  string
			bytes int
		}{{"1MB", 1_000_000}, {"10MB", 10_000_000}}
		if n == 0 {
			sizes = append(sizes[:1], append([]struct {
				name  string
				bytes int
			}{{"2MB", 2_000_000}}, sizes[1:]...)...)
		}
		for _, size := range sizes {
			text := repeatTo(sh.unit, size.bytes)
			b.Run(sh.name+"/"+size.name, func(b *testing.B) {
				if _, err := Analyze("Hij zei het."); err != nil { // load the models outside the timing
					b.Fatal(err)
				}
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				var before, after runtime.MemStats
				peak := uint64(0)
				b.ResetTimer()
				for b.Loop() {
					b.StopTimer()
					runtime.GC()
					runtime.ReadMemStats(&before)
					b.StartTimer()
					p := peakHeap(func() {
						if _, err := Analyze(text); err != nil {
							b.Fatal(err)
						}
					})
					peak = max(peak, p-min(p, before.HeapAlloc))
				}
				b.StopTimer()
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(len(text)), "alloc-B/in-B")
				b.ReportMetric(float64(peak)/float64(len(text)), "peak-B/in-B")
			})
		}
	}
}

// peakHeap runs f and returns the highest live heap seen while it ran,
// sampled every few milliseconds.
func peakHeap(f func()) uint64 {
	done := make(chan struct{})
	res := make(chan uint64)
	go func() {
		var m runtime.MemStats
		peak := uint64(0)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-done:
				res <- peak
				return
			case <-t.C:
			}
		}
	}()
	f()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	close(done)
	return max(<-res, m.HeapAlloc)
}
