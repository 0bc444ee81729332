package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// apiGet calls the API handler for pageURL and decodes the answer.
func apiGet(t testing.TB, api http.Handler, pageURL string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/api/article?url="+url.QueryEscape(pageURL), nil)
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, req)
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("answer is not JSON: %v: %q", err, rec.Body.String())
	}
	return rec, body
}

func TestAPI(t *testing.T) {
	ok := serve(t, htmlHandler(smallPage))
	tests := []struct {
		name    string
		handler http.HandlerFunc // nil: use url as given
		url     string
		status  int
		code    string
	}{
		{"article", nil, ok.URL + "/a", 200, ""},
		{"no url", nil, "", 400, CodeBadURL},
		{"bad scheme", nil, "ftp://example.org/x", 400, CodeBadURL},
		{"refused address", nil, "http://169.254.169.254/", 403, CodeForbidden},
		{"too large", htmlHandler(strings.Repeat("<p>groot</p>", 2000)), "", 413, CodeTooLarge},
		{"not HTML", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
		}, "", 415, CodeNotHTML},
		{"upstream error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "kapot", http.StatusInternalServerError)
		}, "", 502, CodeUpstream},
		{"timeout", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, "", 504, CodeTimeout},
	}
	api := NewAPI(testFetcher(Options{MaxBytes: 10_000, Timeout: 300 * time.Millisecond}), APIOptions{RatePerMinute: -1})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := tt.url
			if tt.handler != nil {
				u = serve(t, tt.handler).URL
			}
			rec, body := apiGet(t, api, u)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %v", rec.Code, tt.status, body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if rec.Header().Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control %q", rec.Header().Get("Cache-Control"))
			}
			if tt.code != "" {
				if body["code"] != tt.code || body["error"] == "" || len(body) != 2 {
					t.Errorf("error answer %v, want code %q", body, tt.code)
				}
				return
			}
			for _, k := range []string{"url", "final_url", "title", "byline", "date", "site", "lang", "paragraphs", "text"} {
				if _, ok := body[k]; !ok {
					t.Errorf("answer has no %q", k)
				}
			}
			if body["title"] != "Test" || !strings.Contains(body["text"].(string), "korte testpagina") {
				t.Errorf("answer %v", body)
			}
			ps := body["paragraphs"].([]any)
			if p := ps[0].(map[string]any); p["kind"] != "p" || p["text"] == "" {
				t.Errorf("paragraph %v", p)
			}
		})
	}
	// Every import gave back its share of the memory budget.
	if api.memory.used != 0 {
		t.Errorf("%d bytes of the extraction budget still taken", api.memory.used)
	}
}

// TestAPIMemoryBudget: an extraction waits while the pages being extracted
// fill the budget, and is turned away as busy when that lasts too long.
func TestAPIMemoryBudget(t *testing.T) {
	srv := serve(t, htmlHandler(smallPage))
	api := NewAPI(testFetcher(Options{}), APIOptions{RatePerMinute: -1, MaxExtractBytes: 1000, WaitTimeout: 100 * time.Millisecond})
	api.memory.acquire(context.Background(), 1000) // a large page being extracted
	rec, body := apiGet(t, api, srv.URL)
	if rec.Code != http.StatusTooManyRequests || body["code"] != CodeBusy {
		t.Errorf("with the budget taken: %d %v", rec.Code, body)
	}
	api.memory.release(1000)
	if rec, body := apiGet(t, api, srv.URL); rec.Code != 200 {
		t.Errorf("with the budget free: %d %v", rec.Code, body)
	}
}

func TestAPIMethod(t *testing.T) {
	api := NewAPI(testFetcher(Options{}), APIOptions{})
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/article?url=https://nos.nl/", nil))
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d %q", rec.Code, rec.Header().Get("Allow"))
	}
}

func TestAPIRateLimit(t *testing.T) {
	srv := serve(t, htmlHandler(smallPage))
	api := NewAPI(testFetcher(Options{}), APIOptions{RatePerMinute: 6, Burst: 3})
	ask := func(remote string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/api/article?url="+url.QueryEscape(srv.URL), nil)
		req.RemoteAddr = remote
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, req)
		return rec
	}
	for i := 0; i < 3; i++ {
		if rec := ask("192.0.2.1:1234"); rec.Code != 200 {
			t.Fatalf("request %d: %d %s", i, rec.Code, rec.Body)
		}
	}
	rec := ask("192.0.2.1:1235")
	if rec.Code != http.StatusTooManyRequests || !strings.Contains(rec.Body.String(), CodeRateLimited) {
		t.Fatalf("4th request: %d %s", rec.Code, rec.Body)
	}
	if ra := rec.Header().Get("Retry-After"); ra != "10" {
		t.Errorf("Retry-After %q, want 10 (6 a minute)", ra)
	}
	if rec := ask("192.0.2.2:1234"); rec.Code != 200 {
		t.Errorf("another client: %d", rec.Code)
	}
	// An IPv6 client is its /64.
	for i := 0; i < 3; i++ {
		ask(fmt.Sprintf("[2001:db8:1:2::%d]:443", i+1))
	}
	if rec := ask("[2001:db8:1:2::99]:443"); rec.Code != http.StatusTooManyRequests {
		t.Errorf("same /64: %d, want 429", rec.Code)
	}
}

func TestRateLimiterRefill(t *testing.T) {
	l := newRateLimiter(1, 2) // one a second, two at once
	now := time.Unix(1000, 0)
	first, second := l.take("a", now), l.take("a", now)
	if first != 0 || second != 0 {
		t.Fatal("burst refused")
	}
	if wait := l.take("a", now); wait != time.Second {
		t.Errorf("wait %v, want 1s", wait)
	}
	if l.take("a", now.Add(time.Second)) != 0 {
		t.Error("no refill after a second")
	}
	l.take("b", now)
	l.take("c", now.Add(2*time.Minute)) // sweeps: a and b are full again
	if len(l.buckets) != 1 {
		t.Errorf("%d buckets after the sweep, want 1", len(l.buckets))
	}
}

func TestAPIBusy(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	started := make(chan struct{}, 4)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-release
		htmlHandler(smallPage)(w, r)
	})
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	api := NewAPI(testFetcher(Options{}), APIOptions{MaxConcurrent: 1, MaxWaiting: 1, WaitTimeout: 5 * time.Second, RatePerMinute: -1})

	var wg sync.WaitGroup
	codes := make(chan int, 2)
	for i := 0; i < 2; i++ { // one running, one waiting
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			api.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/article?url="+url.QueryEscape(srv.URL), nil))
			codes <- rec.Code
		}()
	}
	<-started
	deadline := time.Now().Add(5 * time.Second)
	for api.waiting.Load() < 1 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	rec, body := apiGet(t, api, srv.URL) // the third is turned away
	if rec.Code != http.StatusTooManyRequests || body["code"] != CodeBusy || rec.Header().Get("Retry-After") == "" {
		t.Errorf("third request: %d %v", rec.Code, body)
	}
	once.Do(func() { close(release) })
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != 200 {
			t.Errorf("queued request: %d", c)
		}
	}
}

func TestWeightedSemaphore(t *testing.T) {
	s := newWeighted(10)
	ctx := context.Background()
	if err := s.acquire(ctx, 6); err != nil {
		t.Fatal(err)
	}
	// 6 + 6 > 10: the second waits until the first is released.
	got := make(chan error, 1)
	go func() { got <- s.acquire(ctx, 6) }()
	select {
	case err := <-got:
		t.Fatalf("acquired 6 of 10 while 6 were taken (%v)", err)
	case <-time.After(20 * time.Millisecond):
	}
	s.release(6)
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	// A weight above the total is the total: it waits to run alone, and
	// gives up when its context is done.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.acquire(cctx, 100); err == nil {
		t.Error("a cancelled acquire succeeded")
	}
	s.release(6)
	if err := s.acquire(ctx, 100); err != nil {
		t.Fatal(err)
	}
	if s.used != 10 {
		t.Errorf("used %d, want 10", s.used)
	}
	s.release(100)
	if s.used != 0 {
		t.Errorf("used %d after release, want 0", s.used)
	}
}

func TestExtractStopsWhenCancelled(t *testing.T) {
	page := []byte("<html><body>" + strings.Repeat("<p>Een zin met genoeg letters erin.</p>", 100_000))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if a, err := ExtractContext(ctx, page, ""); err == nil || a != nil {
		t.Errorf("cancelled: %v, %v", a != nil, err)
	}
	ctx, cancel = context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := ExtractContext(ctx, page, "")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past deadline: %v", err)
	}
	if e, ok := extractError(err).(*Error); !ok || e.Code != CodeTimeout {
		t.Errorf("extractError(%v) = %v", err, extractError(err))
	}
	if a, err := ExtractContext(context.Background(), page[:5000], ""); err != nil || len(a.Paragraphs) == 0 {
		t.Errorf("not cancelled: %v, %v", a, err)
	}
}

// TestExtractStopsMidParse cancels the context while the parser reads.
func TestExtractStopsMidParse(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &ctxReader{ctx: ctx, r: strings.NewReader(strings.Repeat("<p>x", 100_000))}
	buf := make([]byte, 4096)
	if _, err := r.Read(buf); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := r.Read(buf); !errors.Is(err, context.Canceled) {
		t.Errorf("read after cancel: %v", err)
	}
}

func TestTrustedProxyClient(t *testing.T) {
	key := TrustedProxyClient([]netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")})
	tests := []struct {
		remote string
		xff    []string
		want   string
	}{
		{"10.1.2.3:5000", []string{"203.0.113.7"}, "203.0.113.7"},
		// The rightmost address the proxies did not add is the client; what
		// the client put further left is ignored.
		{"10.1.2.3:5000", []string{"1.1.1.1, 203.0.113.7, 10.9.9.9"}, "203.0.113.7"},
		{"10.1.2.3:5000", []string{"1.1.1.1", "203.0.113.7"}, "203.0.113.7"},
		{"[fd00::1]:5000", []string{"2001:db8:1:2:3:4:5:6"}, "2001:db8:1:2::/64"},
		// Not from the proxy: X-Forwarded-For is the client's own claim.
		{"198.51.100.9:5000", []string{"203.0.113.7"}, "198.51.100.9"},
		// From the proxy but no usable header: the proxy itself.
		{"10.1.2.3:5000", nil, "10.1.2.3"},
		{"10.1.2.3:5000", []string{"unknown"}, "10.1.2.3"},
		{"10.1.2.3:5000", []string{"10.4.4.4"}, "10.1.2.3"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(http.MethodGet, "/api/article", nil)
		r.RemoteAddr = tt.remote
		for _, v := range tt.xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		if got := key(r); got != tt.want {
			t.Errorf("%s with %q: %q, want %q", tt.remote, tt.xff, got, tt.want)
		}
	}
}
