package importer

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// BenchmarkExtractHostile extracts hostile page shapes at 1 MB and 5 MB and
// reports the time per page (ms) and the peak of the live heap during the
// extraction (peak-MB); fatformat is eight <b>s of 1,000 attributes each,
// re-opened for every paragraph. The bars: the formatting-element page (<p><b></p>x)
// in 0.2 s at 1 MB and 1 s at 5 MB; a peak heap of at most 300 MB for a
// 5 MB page of any shape.
func BenchmarkExtractHostile(b *testing.B) {
	var attrs strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&attrs, " a%d=%d", i, i)
	}
	fat := "<p>" + strings.Repeat("<b"+attrs.String()+">", 8) + "</p><p>x"
	shapes := map[string]string{
		"formatting": "<p><b></p>x",
		"fatformat":  fat,
		"paragraphs": "<p>a",
		"nested":     "<div>x",
		"table":      "<table><tr><td>x",
		"endtags":    "</p>",
	}
	for _, name := range []string{"formatting", "fatformat", "paragraphs", "nested", "table", "endtags"} {
		for _, size := range []int{1 << 20, 5 << 20} {
			pat := shapes[name]
			page := []byte("<html><body>" + strings.Repeat(pat, size/len(pat)))
			if name == "fatformat" { // the fat tags once, then paragraphs
				page = []byte("<html><body>" + pat + strings.Repeat("</p><p>x", (size-len(pat))/8))
			}
			b.Run(fmt.Sprintf("%s-%dMB", name, size>>20), func(b *testing.B) {
				var peak uint64
				start := time.Now()
				for range b.N {
					peak = max(peak, peakHeapDuring(func() { Extract(page, "") }))
				}
				b.ReportMetric(float64(time.Since(start))/float64(b.N)/float64(time.Millisecond), "ms")
				b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			})
		}
	}
}

// peakHeapDuring runs f and returns the highest live heap above the heap
// before f, sampled every 0.5 ms.
func peakHeapDuring(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	peak := base
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(500 * time.Microsecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	<-stopped
	return peak - base
}
