package importer

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// benchmarkPages is the article-extraction benchmark, next to the project:
// ../shared from the repository root.
const benchmarkPages = "../../shared/data/article-extraction-benchmark/html"

// loadBenchmarkPages reads and decodes the benchmark's pages, or skips b
// when they are not there.
func loadBenchmarkPages(b *testing.B) [][]byte {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(benchmarkPages, "*.html.gz"))
	if len(files) == 0 {
		b.Skip("benchmark pages not found in " + benchmarkPages)
	}
	pages := make([][]byte, 0, len(files))
	for _, f := range files {
		raw, err := readMaybeGzip(f)
		if err != nil {
			b.Fatal(err)
		}
		page, _ := DecodeHTML(raw, "")
		pages = append(pages, page)
	}
	return pages
}

func readMaybeGzip(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if filepath.Ext(name) == ".gz" {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		r = zr
	}
	return io.ReadAll(r)
}

// BenchmarkExtractBenchmarkPages extracts the 181 pages of the
// article-extraction benchmark and reports the time per page at the median
// and the 95th percentile (p50-ms, p95-ms), parsing included.
func BenchmarkExtractBenchmarkPages(b *testing.B) {
	pages := loadBenchmarkPages(b)
	times := make([]time.Duration, 0, len(pages)*b.N)
	b.ResetTimer()
	for range b.N {
		for _, p := range pages {
			start := time.Now()
			Extract(p, "")
			times = append(times, time.Since(start))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	ms := func(q float64) float64 {
		return float64(times[int(q*float64(len(times)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(float64(b.Elapsed())/float64(b.N*len(pages))/float64(time.Millisecond), "mean-ms")
}
