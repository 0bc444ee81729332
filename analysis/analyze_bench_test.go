package analysis

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
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
	var times []time.Duration
	b.ResetTimer()
	startCPU := processCPU()
	for b.Loop() {
		start := time.Now()
		if _, err := Analyze(text); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	cpu := processCPU() - startCPU
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 { // CPU time is steadier than wall time on a shared machine
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "cpu-words/s")
	}
	// The median analysis: what a text takes when the machine's other work
	// neither helps nor spikes.
	slices.Sort(times)
	if med := times[len(times)/2]; med > 0 {
		b.ReportMetric(float64(words)/med.Seconds(), "median-words/s")
	}
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

// worstBestOf is how many times each worst-shape input is analysed per
// benchmark iteration; the fastest run is reported, so that the 10 MB / 1 MB
// ratio is not the noise of a loaded machine.
const worstBestOf = 3

// BenchmarkAnalyzeWorstShapes times each worst shape at 1 MB and 10 MB (and
// the first at 2 MB, whose bar is 2 s). Each input is analysed worstBestOf
// times per iteration (ns/op, MB/s, B/op and allocs/op count all of them);
// besides those it prints the fastest run (best-s), the least CPU time of
// the runs (cpu-s, garbage collection and page faults included; steadier
// than wall time on a machine that other work shares), the bytes allocated
// per input byte in one run (alloc-B/in-B) and the highest peak heap per
// input byte over the runs (peak-B/in-B, sampled, garbage included).
//
// Every timed analysis starts from the same state: after a garbage
// collection, with the free heap returned to the operating system, so that
// each pays for the memory it touches (page faults) and none runs in pages
// that the one before left mapped.
//
// For 10 MB it also prints x1MB and cpu-x1MB: its fastest run and least CPU
// time against the time one 1 MB text takes, measured right before each
// 10 MB run (untimed by the benchmark) as ten 1 MB texts, each from that same
// state, divided by ten. Time must grow linearly: x1MB ≤ 10. x1MB-b2b is
// the same with the ten 1 MB texts analysed back to back, each in the pages
// the one before left mapped: it also counts the page faults that a 10 MB
// text pays for its larger heap and ten 1 MB texts pay once.
func BenchmarkAnalyzeWorstShapes(b *testing.B) {
	if _, err := Analyze("Hij zei het."); err != nil { // load the models outside the timing
		b.Fatal(err)
	}
	type size struct {
		name  string
		bytes int
	}
	for n, sh := range worstShapes {
		sizes := []size{{"1MB", 1_000_000}, {"10MB", 10_000_000}}
		if n == 0 {
			sizes = []size{{"1MB", 1_000_000}, {"2MB", 2_000_000}, {"10MB", 10_000_000}}
		}
		one := repeatTo(sh.unit, 1_000_000)
		ten := []string{one, one, one, one, one, one, one, one, one, one}
		for _, size := range sizes {
			text := repeatTo(sh.unit, size.bytes)
			b.Run(sh.name+"/"+size.name, func(b *testing.B) {
				b.SetBytes(int64(worstBestOf * len(text)))
				b.ReportAllocs()
				var fastest, leastCPU, oneFastest, oneCPU, b2bFastest run
				var alloc, peak uint64
				for b.Loop() {
					for range worstBestOf {
						if size.name == "10MB" {
							o := analyseRun(b, ten, false, false, true)
							o.wall, o.cpu = o.wall/10, o.cpu/10
							oneFastest.least(o)
							oneCPU.leastCPU(o)
							o = analyseRun(b, ten, false, false, false)
							o.wall = o.wall / 10
							b2bFastest.least(o)
						}
						r := analyseRun(b, []string{text}, true, false, true)
						fastest.least(r)
						leastCPU.leastCPU(r)
						alloc = r.alloc
					}
					// The peak heap comes from a run of its own: sampling it
					// reads the memory statistics every few milliseconds,
					// which stops the world and would weigh on the timings.
					peak = max(peak, analyseRun(b, []string{text}, false, true, true).peak)
				}
				b.ReportMetric(fastest.wall.Seconds(), "best-s")
				if leastCPU.cpu > 0 {
					b.ReportMetric(leastCPU.cpu.Seconds(), "cpu-s")
				}
				b.ReportMetric(float64(alloc)/float64(len(text)), "alloc-B/in-B")
				b.ReportMetric(float64(peak)/float64(len(text)), "peak-B/in-B")
				if oneFastest.wall > 0 {
					b.ReportMetric(float64(fastest.wall)/float64(oneFastest.wall), "x1MB")
					b.ReportMetric(float64(fastest.wall)/float64(b2bFastest.wall), "x1MB-b2b")
					if oneCPU.cpu > 0 && leastCPU.cpu > 0 {
						b.ReportMetric(float64(leastCPU.cpu)/float64(oneCPU.cpu), "cpu-x1MB")
					}
				}
			})
		}
	}
}

// run is what one analysis of a worst-shape input cost.
type run struct {
	wall, cpu   time.Duration
	alloc, peak uint64 // bytes allocated, highest heap above the start
}

// least keeps in r the faster (wall time) of r and o; a zero r takes o.
func (r *run) least(o run) {
	if r.wall == 0 || o.wall < r.wall {
		*r = o
	}
}

// leastCPU keeps in r the cheaper (CPU time) of r and o; a zero r takes o.
func (r *run) leastCPU(o run) {
	if r.cpu == 0 || o.cpu < r.cpu {
		r.cpu = o.cpu
	}
}

// analyseRun analyses the texts one after the other, after a garbage
// collection, and returns what it cost: the sums over the texts. With
// fresh, every text starts from the same state: a garbage collection with
// the free heap returned to the operating system (untimed) before each;
// without, only before the first. With timed, the benchmark's timer runs
// over Analyze (and only over it); without, the timer stays stopped. With
// sample, the peak heap is sampled while it runs (which costs time);
// without, peak is 0.
func analyseRun(b *testing.B, texts []string, timed, sample, fresh bool) run {
	b.StopTimer()
	var before, after runtime.MemStats
	var r run
	var p uint64
	for i, text := range texts {
		if i == 0 || fresh {
			runtime.GC()
			if fresh {
				debug.FreeOSMemory()
			}
		}
		if i == 0 {
			runtime.ReadMemStats(&before)
		}
		if timed {
			b.StartTimer()
		}
		start, startCPU := time.Now(), processCPU()
		analyse := func() {
			if _, err := Analyze(text); err != nil {
				b.Fatal(err)
			}
		}
		if sample {
			p = max(p, peakHeap(analyse))
		} else {
			analyse()
		}
		r.wall += time.Since(start)
		r.cpu += processCPU() - startCPU
		b.StopTimer()
	}
	runtime.ReadMemStats(&after)
	r.alloc = after.TotalAlloc - before.TotalAlloc
	r.peak = p - min(p, before.HeapAlloc)
	b.StartTimer()
	return r
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
