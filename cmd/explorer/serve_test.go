//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	explorer "github.com/article-explorer/explorer/app"
)

// testSite writes a web/ directory with a fake app.wasm and the real assets.
func testSite(t *testing.T) (dir string, wasm []byte) {
	t.Helper()
	dir = t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	wasm = bytes.Repeat([]byte("\x00asm fake module "), 4096)
	if err := os.WriteFile(filepath.Join(dir, "web", "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range explorer.WebAssets {
		b, err := os.ReadFile(filepath.Join("..", "..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "web", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, wasm
}

func newTestServer(t *testing.T) (*server, []byte) {
	t.Helper()
	registerOnce()
	dir, wasm := testSite(t)
	s, err := newServer(dir, importAPI(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return s, wasm
}

// registerOnce registers the app's routes, as run does (registering twice
// is harmless).
func registerOnce() { explorer.Register() }

func get(t *testing.T, h http.Handler, path string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServeWasmEncodings(t *testing.T) {
	s, wasm := newTestServer(t)
	versioned := "/web/app.wasm?v=" + s.version
	decode := map[string]func(io.Reader) io.Reader{
		"br":   func(r io.Reader) io.Reader { return brotli.NewReader(r) },
		"gzip": func(r io.Reader) io.Reader { z, _ := gzip.NewReader(r); return z },
		"":     func(r io.Reader) io.Reader { return r },
	}
	cases := []struct {
		accept, want string
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip;q=0.8", "gzip"},
		{"identity", ""},
		{"", ""},
		{"*", "br"},
		{"*;q=0", ""},
	}
	for _, c := range cases {
		res := get(t, s, versioned, "Accept-Encoding", c.accept)
		if res.StatusCode != 200 {
			t.Fatalf("Accept-Encoding %q: status %d", c.accept, res.StatusCode)
		}
		h := res.Header
		if got := h.Get("Content-Encoding"); got != c.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q; want %q", c.accept, got, c.want)
		}
		body, _ := io.ReadAll(decode[c.want](res.Body))
		if !bytes.Equal(body, wasm) {
			t.Errorf("Accept-Encoding %q: the body does not decode to app.wasm", c.accept)
		}
		if h.Get("Content-Type") != "application/wasm" || h.Get("Vary") != "Accept-Encoding" ||
			h.Get(explorer.WasmLengthHeader) != strconv.Itoa(len(wasm)) {
			t.Errorf("Accept-Encoding %q: headers %v", c.accept, h)
		}
		if got := h.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("versioned URL: Cache-Control %q", got)
		}
		if h.Get("Content-Security-Policy") == "" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("security headers missing: %v", h)
		}
	}
	// Unversioned (or stale) URLs are revalidated.
	for _, p := range []string{"/web/app.wasm", "/web/app.wasm?v=old", "/app.wasm"} {
		if got := get(t, s, p, "Accept-Encoding", "gzip").Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q; want no-cache", p, got)
		}
	}
	// ETag per encoding; If-None-Match gives 304.
	etag := get(t, s, versioned, "Accept-Encoding", "br").Header.Get("ETag")
	if res := get(t, s, versioned, "Accept-Encoding", "br", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match %s: status %d; want 304", etag, res.StatusCode)
	}
	if res := get(t, s, versioned, "Accept-Encoding", "gzip", "If-None-Match", etag); res.StatusCode != 200 {
		t.Errorf("br ETag for a gzip answer: status %d; want 200", res.StatusCode)
	}
	req := httptest.NewRequest(http.MethodPost, versioned, nil)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST app.wasm: status %d", rec.Code)
	}
}

func TestServePrecompressed(t *testing.T) {
	registerOnce()
	dir, wasm := testSite(t)
	name := filepath.Join(dir, "web", "app.wasm")
	// A stale .br (of other content) is ignored; a good .gz is used as is.
	os.WriteFile(name+".br", explorer.Compress([]byte("old wasm"), explorer.BrotliEncoding, 1), 0o644)
	good := explorer.Compress(wasm, explorer.GzipEncoding, 1)
	os.WriteFile(name+".gz", good, 0o644)
	f, err := loadWasm(name, "v", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.gz, good) {
		t.Error("a valid app.wasm.gz was not used as is")
	}
	body, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(f.br)))
	if !bytes.Equal(body, wasm) {
		t.Error("a stale app.wasm.br was served")
	}
}

func TestServeApp(t *testing.T) {
	s, _ := newTestServer(t)
	res := get(t, s, "/")
	body, _ := io.ReadAll(res.Body)
	page := string(body)
	if res.StatusCode != 200 || !strings.Contains(page, `id="app-wasm-loader"`) {
		t.Fatalf("GET /: status %d\n%.300s", res.StatusCode, page)
	}
	for _, want := range []string{"/web/icon-192.png", "/web/app.css", "/manifest.webmanifest"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "raw.githubusercontent.com") {
		t.Error("the page refers to go-app's remote default icon (breaks offline)")
	}
	if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("GET /: security headers %v", res.Header)
	}
	// The service worker precaches the versioned wasm and every icon.
	worker, _ := io.ReadAll(get(t, s, "/app-worker.js").Body)
	for _, want := range []string{`"/web/app.wasm?v=` + s.version + `"`, `"/web/icon-512.png"`, `"/web/icon.svg"`, `"/web/app.css"`, `"app-" + "` + s.version + `"`} {
		if !strings.Contains(string(worker), want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	// app.js loads the same versioned URL and knows the import endpoint.
	js, _ := io.ReadAll(get(t, s, "/app.js").Body)
	if !strings.Contains(string(js), `"/web/app.wasm?v=`+s.version+`"`) || !strings.Contains(string(js), `"EXPLORER_API":"/api/article"`) {
		t.Error("app.js does not load the versioned wasm or lacks EXPLORER_API")
	}
	// Static files: served; no listing, no dot files, no escape.
	if res := get(t, s, "/web/app.css"); res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("/web/app.css: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, p := range []string{"/web/", "/web/.hidden", "/web/nope.txt", "/web/../../serve.go", "/web/..%2f..%2fserve.go"} {
		if res := get(t, s, p); res.StatusCode == 200 {
			t.Errorf("%s: status 200; want no file", p)
		}
	}
	// The import API is mounted and answers with its JSON errors.
	res = get(t, s, "/api/article?url=ftp://x")
	if ct := res.Header.Get("Content-Type"); res.StatusCode != 400 || !strings.HasPrefix(ct, "application/json") {
		t.Errorf("/api/article with a bad URL: %d %s", res.StatusCode, ct)
	}
}

func TestServeVersion(t *testing.T) {
	dir, _ := testSite(t)
	v1, err := explorer.AssetVersion(dir)
	if err != nil {
		t.Fatal(err)
	}
	if v2, _ := explorer.AssetVersion(dir); v2 != v1 {
		t.Errorf("the version is not deterministic: %s, %s", v1, v2)
	}
	os.WriteFile(filepath.Join(dir, "web", "app.css"), []byte("changed"), 0o644)
	if v3, _ := explorer.AssetVersion(dir); v3 == v1 {
		t.Error("changing app.css does not change the version")
	}
	if _, err := newServer(t.TempDir(), nil, io.Discard); err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Errorf("newServer without app.wasm: %v; want a hint to run make wasm", err)
	}
}

func TestRunUsage(t *testing.T) {
	var out, errw bytes.Buffer
	if code := run([]string{"help"}, nil, &out, &errw); code != 0 || !strings.Contains(out.String(), "explorer analyze") {
		t.Errorf("help: code %d, output %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"-h"}, nil, &out, &errw); code != 0 || !strings.Contains(out.String(), "usage") {
		t.Errorf("-h: code %d, output %q", code, out.String())
	}
	errw.Reset()
	if code := run([]string{"frobnicate"}, nil, &out, &errw); code != 2 || !strings.Contains(errw.String(), "unknown subcommand") {
		t.Errorf("unknown subcommand: code %d, stderr %q", code, errw.String())
	}
	errw.Reset()
	if code := run([]string{"serve", "-addr"}, nil, &out, &errw); code != 2 {
		t.Errorf("serve -addr without a value: code %d", code)
	}
	errw.Reset()
	if code := run([]string{"-dir", t.TempDir()}, nil, &out, &errw); code != 1 || !strings.Contains(errw.String(), "make wasm") {
		t.Errorf("serve without a build: code %d, stderr %q", code, errw.String())
	}
}

func TestDisplayAddr(t *testing.T) {
	cases := map[string]string{"[::]:8000": "localhost:8000", "0.0.0.0:8000": "localhost:8000", "127.0.0.1:8123": "127.0.0.1:8123"}
	for in, want := range cases {
		a, err := net.ResolveTCPAddr("tcp", in)
		if err != nil {
			t.Fatal(err)
		}
		if got := displayAddr(a); got != want {
			t.Errorf("displayAddr(%s) = %s; want %s", in, got, want)
		}
	}
}

func TestSetMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
	if limit, set := setMemoryLimit(""); !set || limit != defaultMemoryLimit || debug.SetMemoryLimit(-1) != defaultMemoryLimit {
		t.Errorf("no GOMEMLIMIT: %d, %v; runtime limit %d", limit, set, debug.SetMemoryLimit(-1))
	}
	debug.SetMemoryLimit(1 << 30) // as the runtime does for GOMEMLIMIT=1GiB
	if limit, set := setMemoryLimit("1GiB"); set || limit != 1<<30 || debug.SetMemoryLimit(-1) != 1<<30 {
		t.Errorf("GOMEMLIMIT=1GiB: %d, %v; runtime limit %d", limit, set, debug.SetMemoryLimit(-1))
	}
}

// TestServeNotModified: 304 only where the answer would be 200 with that
// ETag; a missing file answers 404 whatever If-None-Match says.
func TestServeNotModified(t *testing.T) {
	s, _ := newTestServer(t)
	res := get(t, s, "/web/app.css")
	etag := res.Header.Get("ETag")
	if res.StatusCode != 200 || etag == "" {
		t.Fatalf("/web/app.css: %d, ETag %q", res.StatusCode, etag)
	}
	for _, p := range []string{"/web/app.css", "/", "/app.js"} {
		if res := get(t, s, p, "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
			t.Errorf("%s with its ETag: %d, want 304", p, res.StatusCode)
		}
		if res := get(t, s, p, "If-None-Match", `"other"`); res.StatusCode != 200 {
			t.Errorf("%s with another ETag: %d, want 200", p, res.StatusCode)
		}
	}
	for _, p := range []string{"/web/nope.txt", "/web/.hidden", "/web/"} {
		for _, match := range []string{etag, "*"} {
			res := get(t, s, p, "If-None-Match", match)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s with If-None-Match %s: %d, want 404", p, match, res.StatusCode)
			}
			if res.Header.Get("ETag") != "" {
				t.Errorf("%s: a 404 with ETag %q", p, res.Header.Get("ETag"))
			}
		}
	}
}

func TestTrustedProxyFlag(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"10.0.0.0/8", "10.0.0.0/8"}, {"10.1.2.3/8", "10.0.0.0/8"}, {"192.0.2.1", "192.0.2.1/32"},
		{"fd00::/8", "fd00::/8"}, {"::ffff:10.0.0.1", "10.0.0.1/32"},
	} {
		if p, err := parsePrefix(tt.in); err != nil || p.String() != tt.want {
			t.Errorf("parsePrefix(%q) = %v, %v; want %s", tt.in, p, err, tt.want)
		}
	}
	var out, errw bytes.Buffer
	if code := run([]string{"serve", "-trusted-proxy", "10.0.0.0/33", "-dir", t.TempDir()}, nil, &out, &errw); code != 2 {
		t.Errorf("-trusted-proxy 10.0.0.0/33: code %d, stderr %q", code, errw.String())
	}
	errw.Reset()
	if code := run([]string{"serve", "-trusted-proxy", "10.0.0.0/8,fd00::/8", "-dir", t.TempDir()}, nil, &out, &errw); code != 1 || !strings.Contains(errw.String(), "make wasm") {
		t.Errorf("-trusted-proxy with two CIDRs: code %d, stderr %q", code, errw.String())
	}
}
