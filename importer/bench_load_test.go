package importer

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadPage returns an article page of about size bytes: navigation, an
// article of some thirty paragraphs with intertitles, teasers, comments
// and the scripts that make up most of a real page's weight.
func loadPage(size int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Belastingplan door Tweede Kamer | Krant</title>
<meta property="og:title" content="Belastingplan door Tweede Kamer"><meta property="og:site_name" content="Krant">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Belastingplan door Tweede Kamer","datePublished":"2024-11-20T18:00:00+01:00","author":{"name":"Sanne Visser"}}</script>
</head><body><header><nav><ul>`)
	for i := range 40 {
		fmt.Fprintf(&b, `<li><a href="/rubriek/%d">Rubriek %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><main><article><h1>Belastingplan door Tweede Kamer</h1><div class="article-body">`)
	for i := range 30 {
		if i%8 == 7 {
			fmt.Fprintf(&b, "<h2>Tussenkop %d</h2>", i/8+1)
		}
		fmt.Fprintf(&b, `<p>Alinea %d. De Tweede Kamer heeft dinsdag ingestemd met het belastingplan voor volgend jaar, "na een lang debat", aldus de staatssecretaris. `+
			`Oppositiepartijen wilden meer geld voor de koopkracht van gezinnen met lage inkomens, maar kregen daarvoor geen meerderheid.</p>`, i+1)
	}
	b.WriteString(`</div><div class="share"><a href="#">Deel</a></div></article><section class="related">`)
	for i := range 20 {
		fmt.Fprintf(&b, `<div class="teaser"><h3><a href="/a/%d">Ander nieuws %d</a></h3><p>Een korte samenvatting van een ander artikel.</p></div>`, i, i)
	}
	b.WriteString(`</section></main><script>`)
	for b.Len() < size-40 {
		b.WriteString(`window.__state.push({"id":12345,"type":"teaser","title":"x"});` + "\n")
	}
	b.WriteString(`</script></body></html>`)
	return []byte(b.String())
}

// BenchmarkLoad is the load test: 200 clients import a 300 KB page from a
// loopback fixture server through the /api/article handler (itself on a
// loopback server), 2,000 imports per iteration. It fails on any error
// and reports throughput (req/s), latency (p50-ms, p99-ms) and the growth
// of the live heap over the run (heap-growth-MB, after a GC each side).
func BenchmarkLoad(b *testing.B) {
	const (
		clients  = 200
		requests = 2000
		pageSize = 300 << 10
	)
	page := loadPage(pageSize)
	fixture := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer fixture.Close()
	api := httptest.NewServer(NewAPI(testFetcher(Options{}), APIOptions{RatePerMinute: -1}))
	defer api.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	target := api.URL + "/api/article?url=" + url.QueryEscape(fixture.URL+"/artikel")

	heapMB := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	heapBefore := heapMB()
	var (
		latencies []time.Duration
		mu        sync.Mutex
		failures  atomic.Int64
		firstErr  atomic.Value
		elapsed   time.Duration
	)
	b.ResetTimer()
	for range b.N {
		var next atomic.Int64
		var wg sync.WaitGroup
		start := time.Now()
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var mine []time.Duration
				for next.Add(1) <= requests {
					t0 := time.Now()
					resp, err := client.Get(target)
					if err == nil {
						var body []byte
						body, err = io.ReadAll(resp.Body)
						resp.Body.Close()
						if err == nil && (resp.StatusCode != 200 || !strings.Contains(string(body), "Alinea 30.")) {
							err = fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
						}
					}
					if err != nil {
						failures.Add(1)
						firstErr.CompareAndSwap(nil, err.Error())
						continue
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				latencies = append(latencies, mine...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		elapsed += time.Since(start)
	}
	b.StopTimer()
	if n := failures.Load(); n > 0 {
		b.Fatalf("%d of %d imports failed; first: %v", n, b.N*requests, firstErr.Load())
	}
	client.CloseIdleConnections()
	heapAfter := heapMB()
	slices.Sort(latencies)
	q := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(float64(b.N*requests)/elapsed.Seconds(), "req/s")
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	b.ReportMetric(heapAfter-heapBefore, "heap-growth-MB")
}
