package importer

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

const smallPage = `<!DOCTYPE html><html lang="nl"><head><title>Test</title></head><body><article>
<h1>Test</h1><p>Dit is een korte testpagina met genoeg tekst om als artikel te tellen, echt waar.</p>
<p>Een tweede alinea maakt het artikel compleet en zegt verder weinig bijzonders.</p></article></body></html>`

// testFetcher is a Fetcher for loopback test servers: the only place
// AllowLoopback is set.
func testFetcher(opts Options) *Fetcher {
	opts.AllowLoopback = true
	return NewFetcher(opts)
}

// serve starts a loopback test server.
func serve(t testing.TB, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func htmlHandler(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// wantCode checks that err is an *Error with the given code.
func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T), want code %q", err, err, code)
	}
	if e.Code != code {
		t.Fatalf("code %q (%v), want %q", e.Code, err, code)
	}
}

func portOf(t testing.TB, srv *httptest.Server) int {
	u, _ := url.Parse(srv.URL)
	p, err := strconv.Atoi(u.Port())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFetchOK(t *testing.T) {
	var gotUA string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		htmlHandler(smallPage)(w, r)
	})
	f := testFetcher(Options{})
	a, err := f.Import(context.Background(), srv.URL+"/artikel#top")
	if err != nil {
		t.Fatal(err)
	}
	if gotUA != UserAgent || !strings.Contains(UserAgent, "article-explorer") {
		t.Errorf("User-Agent %q", gotUA)
	}
	if a.URL != srv.URL+"/artikel" || a.FinalURL != a.URL {
		t.Errorf("URL %q, FinalURL %q", a.URL, a.FinalURL)
	}
	if a.Title != "Test" || len(a.Paragraphs) != 2 || a.Lang != "nl" {
		t.Errorf("article %+v", a)
	}
}

// TestFetchRefusedAddresses covers each refused address class, with the
// loopback allowance off.
func TestFetchRefusedAddresses(t *testing.T) {
	srv := serve(t, htmlHandler(smallPage))
	port := portOf(t, srv)
	tests := []struct {
		name, url string
		code      string
	}{
		{"loopback IPv4", srv.URL, CodeForbidden},
		{"loopback IPv4, other form", fmt.Sprintf("http://127.1.2.3:%d/", port), CodeForbidden},
		{"private 10/8", "http://10.0.0.1/", CodeForbidden},
		{"private 192.168/16", "http://192.168.1.1/", CodeForbidden},
		{"cloud metadata (link-local)", "http://169.254.169.254/latest/meta-data/", CodeForbidden},
		{"loopback IPv6", fmt.Sprintf("http://[::1]:%d/", port), CodeForbidden},
		{"IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/", CodeForbidden},
		{"unique-local IPv6", "http://[fd00::1]/", CodeForbidden},
		{"unspecified", "http://0.0.0.0/", CodeForbidden},
		{"multicast", "http://224.0.0.1/", CodeForbidden},
		{"carrier-grade NAT", "http://100.64.0.1/", CodeForbidden},
		// localhost passes the URL check (it is a name) and is refused
		// when dialled, like any name that resolves to a refused address.
		{"name resolving to loopback", fmt.Sprintf("http://localhost:%d/", port), CodeForbidden},
	}
	// Allow the test server's port, so that only the address is refused.
	f := NewFetcher(Options{Ports: []int{80, 443, port}, Timeout: 5 * time.Second})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), tt.url)
			wantCode(t, err, tt.code)
		})
	}
}

// TestDialCheck checks the dialer's Control hook itself, which is what
// refuses names that resolve to refused addresses, after every redirect
// and after DNS rebinding.
func TestDialCheck(t *testing.T) {
	f := NewFetcher(Options{})
	tests := []struct {
		network, address string
		ok               bool
	}{
		{"tcp4", "93.184.215.14:443", true},
		{"tcp4", "93.184.215.14:80", true},
		{"tcp6", "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:443", true},
		{"tcp4", "93.184.215.14:22", false},
		{"tcp4", "127.0.0.1:80", false},
		{"tcp4", "10.1.2.3:443", false},
		{"tcp4", "172.16.0.1:443", false},
		{"tcp4", "169.254.169.254:80", false},
		{"tcp6", "[::1]:443", false},
		{"tcp6", "[fe80::1]:443", false},
		{"tcp6", "[fc00::1]:443", false},
		{"tcp6", "[::ffff:10.0.0.1]:443", false},
		{"tcp6", "[64:ff9b::a00:1]:443", false},
		{"tcp6", "[2002:a00:1::1]:443", false},
		{"tcp4", "0.0.0.0:80", false},
		{"tcp4", "255.255.255.255:80", false},
		{"udp4", "93.184.215.14:443", false},
		{"unix", "/var/run/docker.sock", false},
	}
	for _, tt := range tests {
		err := f.control(tt.network, tt.address, nil)
		if (err == nil) != tt.ok {
			t.Errorf("control(%s, %s) = %v, want ok=%v", tt.network, tt.address, err, tt.ok)
		}
	}
	// With the test-only allowance, loopback passes on any port, and
	// nothing else changes.
	lf := testFetcher(Options{})
	if err := lf.control("tcp4", "127.0.0.1:12345", nil); err != nil {
		t.Errorf("AllowLoopback: %v", err)
	}
	if err := lf.control("tcp4", "10.0.0.1:443", nil); err == nil {
		t.Error("AllowLoopback let 10.0.0.1 through")
	}
}

func TestIsPublicAddr(t *testing.T) {
	for _, s := range []string{"1.1.1.1", "8.8.8.8", "145.58.29.0", "2a00:1450:400e:80c::200e"} {
		if !isPublicAddr(netip.MustParseAddr(s)) {
			t.Errorf("%s refused", s)
		}
	}
	for _, s := range []string{"127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.0.1",
		"100.100.100.100", "0.1.2.3", "224.0.0.251", "239.255.255.250", "240.0.0.1", "198.18.0.1",
		"::", "::1", "fe80::1", "fd12:3456::1", "ff02::1", "::ffff:192.168.1.1", "2001:db8::1"} {
		if isPublicAddr(netip.MustParseAddr(s)) {
			t.Errorf("%s allowed", s)
		}
	}
}

func TestFetchRedirects(t *testing.T) {
	final := serve(t, htmlHandler(smallPage))
	tests := []struct {
		name   string
		target string // where the first server redirects to
		code   string // "" for success
	}{
		{"to an allowed page", final.URL + "/end", ""},
		{"to the cloud metadata address", "http://169.254.169.254/latest/meta-data/", CodeForbidden},
		{"to a private address", "http://10.0.0.1/admin", CodeForbidden},
		{"to a refused port", "http://example.org:8080/", CodeBadURL},
		{"to another scheme", "file:///etc/passwd", CodeBadURL},
	}
	f := testFetcher(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, tt.target, http.StatusFound)
			})
			p, err := f.Fetch(context.Background(), srv.URL)
			if tt.code == "" {
				if err != nil {
					t.Fatal(err)
				}
				if p.FinalURL != tt.target {
					t.Errorf("FinalURL %q, want %q", p.FinalURL, tt.target)
				}
				return
			}
			wantCode(t, err, tt.code)
		})
	}
}

func TestFetchRedirectLimit(t *testing.T) {
	var srv *httptest.Server
	srv = serve(t, func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("%s/?n=%d", srv.URL, n-1), http.StatusFound)
			return
		}
		htmlHandler(smallPage)(w, r)
	})
	f := testFetcher(Options{})
	if _, err := f.Fetch(context.Background(), srv.URL+"/?n=5"); err != nil {
		t.Errorf("5 redirects: %v", err)
	}
	_, err := f.Fetch(context.Background(), srv.URL+"/?n=6")
	wantCode(t, err, CodeUpstream)
}

func TestFetchLimits(t *testing.T) {
	big := "<html><body><p>" + strings.Repeat("tekst ", 2000) + "</p></body></html>" // 12 KB
	tests := []struct {
		name    string
		handler http.HandlerFunc
		code    string
	}{
		{"oversized body with Content-Length", htmlHandler(big), CodeTooLarge},
		{"oversized body without Content-Length", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for i := 0; i < 100; i++ { // chunked: the cap stops the reading
				fmt.Fprint(w, big[:1000])
				w.(http.Flusher).Flush()
			}
		}, CodeTooLarge},
		{"slow-drip body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for i := 0; i < 100; i++ {
				select {
				case <-r.Context().Done():
					return
				case <-time.After(50 * time.Millisecond):
				}
				fmt.Fprint(w, "<p>x")
				w.(http.Flusher).Flush()
			}
		}, CodeTimeout},
		{"slow headers", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, CodeTimeout},
		{"JSON", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"a": 1}`)
		}, CodeNotHTML},
		{"image", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		}, CodeNotHTML},
		{"no Content-Type, not HTML", func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = nil // keep net/http from sniffing
			w.Write([]byte("%PDF-1.4 binary"))
		}, CodeNotHTML},
		{"not found", func(w http.ResponseWriter, r *http.Request) {
			http.NotFound(w, r)
		}, CodeUpstream},
	}
	f := testFetcher(Options{MaxBytes: 10_000, Timeout: 500 * time.Millisecond})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.handler)
			start := time.Now()
			_, err := f.Fetch(context.Background(), srv.URL)
			wantCode(t, err, tt.code)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v, past the 500 ms cap", d)
			}
		})
	}
}

func TestFetchContent(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
		body        string
		wantText    string
	}{
		{"broken HTML", "text/html", `<html><body><div><p>Een alinea zonder eindtag die toch lang genoeg is om te tellen als tekst<div><p>Nog een alinea</span></i></table>`, "Een alinea zonder eindtag"},
		{"XHTML", "application/xhtml+xml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>XHTML-pagina met een alinea die lang genoeg is om mee te tellen.</p></body></html>`, "XHTML-pagina"},
		{"no Content-Type, sniffed", "", `<!DOCTYPE html><html><body><p>Zonder Content-Type maar wel HTML, en lang genoeg om te tellen.</p></body></html>`, "Zonder Content-Type"},
		{"wrong charset label in the header", "text/html; charset=iso-8859-1", "<p>Caf\u00e9 \u2019t Hoekje: \u00e9\u00e9n re\u00fcnie, en deze zin is lang genoeg voor een alinea.</p>", "Café ’t Hoekje: één reünie"},
		{"windows-1252 bytes labelled UTF-8", "text/html; charset=utf-8", "<p>Caf\xe9 \x92t Hoekje: \xe9\xe9n re\xfcnie, en deze zin is lang genoeg voor een alinea.</p>", "Café ’t Hoekje: één reünie"},
		{"windows-1252 in the header", "text/html; charset=windows-1252", "<p>Caf\xe9 \x92t Hoekje: \xe9\xe9n re\xfcnie, en deze zin is lang genoeg voor een alinea.</p>", "Café ’t Hoekje: één reünie"},
	}
	f := testFetcher(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				if tt.contentType == "" {
					w.Header()["Content-Type"] = nil
				} else {
					w.Header().Set("Content-Type", tt.contentType)
				}
				fmt.Fprint(w, tt.body)
			})
			a, err := f.Import(context.Background(), srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if !strings.Contains(a.Text, tt.wantText) {
				t.Errorf("text %q does not contain %q", a.Text, tt.wantText)
			}
		})
	}
}

func TestValidateURL(t *testing.T) {
	tests := []struct {
		in, want string // want "" with a code
		code     string
	}{
		{"https://nos.nl/artikel/123-test", "https://nos.nl/artikel/123-test", ""},
		{"  HTTP://NOS.nl/a?b=c#frag ", "http://nos.nl/a?b=c", ""},
		{"nos.nl/artikel/1", "https://nos.nl/artikel/1", ""},
		{"https://www.nu.nl:443/x", "https://www.nu.nl:443/x", ""},
		{"https://bücher.de/", "https://xn--bcher-kva.de/", ""},
		{"http://93.184.215.14/", "http://93.184.215.14/", ""},
		{"", "", CodeBadURL},
		{"ftp://example.org/", "", CodeBadURL},
		{"file:///etc/passwd", "", CodeBadURL},
		{"javascript:alert(1)", "", CodeBadURL},
		{"gopher://example.org:70/", "", CodeBadURL},
		{"https://user:pass@example.org/", "", CodeBadURL},
		{"https://example.org:8443/", "", CodeBadURL},
		{"http://example.org:22/", "", CodeBadURL},
		{"http://example.org:99999/", "", CodeBadURL},
		{"https:///path", "", CodeBadURL},
		{"https://" + strings.Repeat("a", 3000) + ".nl/", "", CodeBadURL},
		{"http://127.0.0.1/", "", CodeForbidden},
		{"http://[::1]/", "", CodeForbidden},
		{"http://169.254.169.254/", "", CodeForbidden},
		{"http://10.0.0.1/", "", CodeForbidden},
		{"http://[fe80::1%25eth0]/", "", CodeBadURL},
	}
	for _, tt := range tests {
		u, err := ValidateURL(tt.in)
		if tt.code != "" {
			if err == nil {
				t.Errorf("ValidateURL(%q) = %v, want %s", tt.in, u, tt.code)
				continue
			}
			wantCode(t, err, tt.code)
			continue
		}
		if err != nil {
			t.Errorf("ValidateURL(%q): %v", tt.in, err)
			continue
		}
		if u.String() != tt.want {
			t.Errorf("ValidateURL(%q) = %q, want %q", tt.in, u, tt.want)
		}
	}
}

func TestErrorStatus(t *testing.T) {
	want := map[string]int{
		CodeBadURL: 400, CodeForbidden: 403, CodeTooLarge: 413, CodeNotHTML: 415,
		CodeRateLimited: 429, CodeBusy: 429, CodeUpstream: 502, CodeTimeout: 504,
	}
	for code, status := range want {
		if got := newError(code, "x", nil).Status(); got != status {
			t.Errorf("%s: status %d, want %d", code, got, status)
		}
	}
	e := newError(CodeUpstream, "the site could not be reached", net.ErrClosed)
	if !errors.Is(e, net.ErrClosed) || !strings.Contains(e.Error(), "closed") {
		t.Errorf("Error %q does not wrap its cause", e)
	}
}
