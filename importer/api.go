package importer

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// APIOptions configure the /api/article handler. The zero value means the
// defaults.
type APIOptions struct {
	// MaxConcurrent caps the imports running at once. Default 16.
	MaxConcurrent int
	// MaxWaiting caps the requests waiting for a free slot; more get a 429
	// with CodeBusy. Default 256.
	MaxWaiting int
	// WaitTimeout caps how long a request waits for a slot. Default 10 s.
	WaitTimeout time.Duration
	// RatePerMinute is each client's sustained rate of requests. Default
	// 20; negative means no limit.
	RatePerMinute float64
	// Burst is how many requests a client may make at once. Default 10.
	Burst int
	// MaxExtractBytes caps the total size of the pages being extracted at
	// once: a page's extraction holds up to ~15 bytes of memory per byte of
	// page (the parse budget bounds it), so this weighs the concurrency
	// limit by memory. A page larger than the cap is extracted alone.
	// Default 24 MB (about 360 MB of extraction memory at most).
	MaxExtractBytes int64
	// ExtractTimeout caps the time one extraction may take, after the
	// fetch. Default 10 s.
	ExtractTimeout time.Duration
	// ClientKey names the client of a request for the rate limit. The
	// default is the remote address (an IPv6 address's /64 network); set
	// it to read X-Forwarded-For or the like only behind a proxy that sets
	// that header itself.
	ClientKey func(*http.Request) string
}

func (o APIOptions) withDefaults() APIOptions {
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 16
	}
	if o.MaxWaiting <= 0 {
		o.MaxWaiting = 256
	}
	if o.WaitTimeout <= 0 {
		o.WaitTimeout = 10 * time.Second
	}
	if o.RatePerMinute == 0 {
		o.RatePerMinute = 20
	}
	if o.Burst <= 0 {
		o.Burst = 10
	}
	if o.MaxExtractBytes <= 0 {
		o.MaxExtractBytes = 24 << 20
	}
	if o.ExtractTimeout <= 0 {
		o.ExtractTimeout = 10 * time.Second
	}
	if o.ClientKey == nil {
		o.ClientKey = RemoteClient
	}
	return o
}

// API is the http.Handler of GET /api/article?url=…: it imports the page
// and answers with the Article as JSON, or with {"error", "code"} and the
// matching status (see the Code constants).
//
// It caps the imports running at once, the bytes of page being extracted at
// once and each client's rate of requests.
// It keeps nothing and logs nothing: no URLs, no article text.
type API struct {
	fetcher *Fetcher
	opts    APIOptions
	slots   chan struct{}
	waiting atomic.Int64
	limiter *rateLimiter
	memory  *weighted
}

// NewAPI returns the /api/article handler importing with f.
func NewAPI(f *Fetcher, opts APIOptions) *API {
	opts = opts.withDefaults()
	a := &API{fetcher: f, opts: opts, slots: make(chan struct{}, opts.MaxConcurrent),
		memory: newWeighted(opts.MaxExtractBytes)}
	if opts.RatePerMinute > 0 {
		a.limiter = newRateLimiter(opts.RatePerMinute/60, float64(opts.Burst))
	}
	return a
}

// ServeHTTP answers one import request.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		writeError(w, newError(CodeMethod, "use GET", nil))
		return
	}
	if a.limiter != nil {
		if wait := a.limiter.take(a.opts.ClientKey(r), time.Now()); wait > 0 {
			h.Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			writeError(w, newError(CodeRateLimited, "too many imports from your address; try again in a minute", nil))
			return
		}
	}
	rawURL := r.URL.Query().Get("url")
	if _, err := a.fetcher.validate(rawURL); err != nil {
		writeError(w, err)
		return
	}
	release, err := a.acquire(r.Context())
	if err != nil {
		h.Set("Retry-After", "5")
		writeError(w, err)
		return
	}
	art, err := a.importPage(r.Context(), rawURL)
	release()
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, art)
}

// importPage fetches the page and extracts its article once the memory
// budget has room for a page of its size.
func (a *API) importPage(ctx context.Context, rawURL string) (*Article, error) {
	p, err := a.fetcher.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	weight := max(int64(len(p.Body)), 1)
	wait, cancelWait := context.WithTimeout(ctx, a.opts.WaitTimeout)
	err = a.memory.acquire(wait, weight)
	cancelWait()
	if err != nil {
		return nil, newError(CodeBusy, "the server is busy; try again in a moment", err)
	}
	defer a.memory.release(weight)
	ctx, cancel := context.WithTimeout(ctx, a.opts.ExtractTimeout)
	defer cancel()
	art, err := ExtractContext(ctx, p.Body, p.FinalURL)
	if err != nil {
		return nil, extractError(err)
	}
	art.URL = p.URL
	return art, nil
}

// extractError is the API error of an extraction stopped by its context.
func extractError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return newError(CodeTimeout, "the page took too long to read", err)
	}
	return newError(CodeUpstream, "the request was cancelled", err)
}

// weighted is a semaphore of a total weight: the bytes of page being
// extracted. A weight above the total is taken as the total, so a large
// page waits until it can run alone.
type weighted struct {
	mu      sync.Mutex
	total   int64
	used    int64
	changed chan struct{} // closed and replaced at every release
}

func newWeighted(total int64) *weighted {
	return &weighted{total: total, changed: make(chan struct{})}
}

// acquire takes w of the weight, waiting until it is free or ctx is done.
func (s *weighted) acquire(ctx context.Context, w int64) error {
	w = min(w, s.total)
	for {
		s.mu.Lock()
		if s.used+w <= s.total {
			s.used += w
			s.mu.Unlock()
			return nil
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// release gives back w taken by acquire.
func (s *weighted) release(w int64) {
	w = min(w, s.total)
	s.mu.Lock()
	s.used -= w
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// acquire waits for an import slot.
func (a *API) acquire(ctx context.Context) (release func(), err error) {
	release = func() { <-a.slots }
	select {
	case a.slots <- struct{}{}:
		return release, nil
	default:
	}
	if a.waiting.Add(1) > int64(a.opts.MaxWaiting) {
		a.waiting.Add(-1)
		return nil, newError(CodeBusy, "the server is busy; try again in a moment", nil)
	}
	defer a.waiting.Add(-1)
	timer := time.NewTimer(a.opts.WaitTimeout)
	defer timer.Stop()
	select {
	case a.slots <- struct{}{}:
		return release, nil
	case <-timer.C:
		return nil, newError(CodeBusy, "the server is busy; try again in a moment", nil)
	case <-ctx.Done():
		return nil, newError(CodeBusy, "the request was cancelled while waiting", ctx.Err())
	}
}

// errorBody is the JSON of an error answer.
type errorBody struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

func writeError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = newError(CodeUpstream, "the import failed", err)
	}
	writeJSON(w, e.Status(), errorBody{Error: e.Message, Code: e.Code})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v) // a failed write means the client went away
}

// RemoteClient is the default APIOptions.ClientKey: the request's remote
// IP address, or for IPv6 its /64 network (one household or server).
func RemoteClient(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	return clientKey(addr)
}

// clientKey is an address, or for IPv6 its /64 network.
func clientKey(addr netip.Addr) string {
	addr = addr.Unmap()
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return p.String()
	}
	return addr.String()
}

// TrustedProxyClient returns an APIOptions.ClientKey for a server behind
// reverse proxies: when the request comes from an address in proxies, the
// client is the last address in X-Forwarded-For that is not itself in
// proxies (the one the trusted proxy saw; addresses further left are
// whatever the client claimed). A request from any other address, or
// without a usable X-Forwarded-For, is keyed as RemoteClient does, so no
// one else can choose their own bucket.
func TrustedProxyClient(proxies []netip.Prefix) func(*http.Request) string {
	trusted := func(a netip.Addr) bool {
		a = a.Unmap()
		for _, p := range proxies {
			if p.Contains(a) {
				return true
			}
		}
		return false
	}
	return func(r *http.Request) string {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		peer, err := netip.ParseAddr(host)
		if err != nil || !trusted(peer) {
			return RemoteClient(r)
		}
		hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
		for i := len(hops) - 1; i >= 0; i-- {
			addr, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
			if err != nil {
				break // garbage: nothing further left can be trusted
			}
			if !trusted(addr) {
				return clientKey(addr)
			}
		}
		return RemoteClient(r)
	}
}

// rateLimiter is a token bucket per client.
type rateLimiter struct {
	rate, burst float64 // tokens per second, bucket size

	mu        sync.Mutex
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(perSecond, burst float64) *rateLimiter {
	return &rateLimiter{rate: perSecond, burst: burst, buckets: map[string]*bucket{}}
}

// take spends a token of client's bucket and returns 0, or returns how long
// until a token is there.
func (l *rateLimiter) take(client string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	b := l.buckets[client]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[client] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return 0
	}
	return time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// sweep forgets the clients whose buckets have filled up again, once a
// minute, so the map stays as small as the set of recent clients.
func (l *rateLimiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < time.Minute {
		return
	}
	l.lastSweep = now
	full := time.Duration(l.burst / l.rate * float64(time.Second))
	for k, b := range l.buckets {
		if now.Sub(b.last) > full {
			delete(l.buckets, k)
		}
	}
}
