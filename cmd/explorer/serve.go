//go:build !wasm

package main

import (
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	explorer "github.com/article-explorer/explorer/app"
	"github.com/article-explorer/explorer/importer"
)

// serveUsage is printed by "explorer serve -h".
const serveUsage = `usage: explorer [serve] [-addr :8000] [-dir .] [-no-import] [-trusted-proxy CIDR,...]

Serves the web app (the go-app PWA whose wasm client analyses articles in
the browser) and the URL-import API GET /api/article?url=….`

// runServe is the "serve" subcommand.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8000", "address to listen on, e.g. :8000 or localhost:8000")
	dir := fs.String("dir", ".", "directory that holds web/ (app.wasm, app.css, icons)")
	noImport := fs.Bool("no-import", false, "serve without the URL-import API")
	var proxies []netip.Prefix
	fs.Func("trusted-proxy", "comma-separated `CIDR`s of reverse proxies whose X-Forwarded-For names the client for the import rate limit (e.g. 10.0.0.0/8); repeatable", func(v string) error {
		for _, part := range strings.Split(v, ",") {
			p, err := parsePrefix(strings.TrimSpace(part))
			if err != nil {
				return err
			}
			proxies = append(proxies, p)
		}
		return nil
	})
	fs.Usage = func() { fmt.Fprintln(stderr, serveUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "explorer serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if limit, set := setMemoryLimit(os.Getenv("GOMEMLIMIT")); set {
		fmt.Fprintf(stdout, "explorer: GOMEMLIMIT not set; using %d MiB\n", limit>>20)
	}
	var api http.Handler
	if !*noImport {
		api = importAPI(proxies)
	}
	srv, err := newServer(*dir, api, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "explorer serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "explorer serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "explorer: serving http://%s/ (version %s)\n", displayAddr(ln.Addr()), srv.version)

	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "explorer serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		fmt.Fprintf(stderr, "explorer serve: shutting down: %v\n", err)
		return 1
	}
	return 0
}

// defaultMemoryLimit is the soft memory limit of "explorer serve" when the
// environment sets no GOMEMLIMIT: room for the import API's extraction
// budget (importer.APIOptions.MaxExtractBytes, ~360 MB at most) and the
// app, so that the garbage collector works harder before the machine runs
// out of memory.
const defaultMemoryLimit = 768 << 20

// setMemoryLimit sets the runtime's soft memory limit to defaultMemoryLimit
// unless env (the GOMEMLIMIT variable, which the runtime has read already)
// sets one. It returns the limit in force and whether it set it.
func setMemoryLimit(env string) (limit int64, set bool) {
	if env != "" {
		return debug.SetMemoryLimit(-1), false
	}
	debug.SetMemoryLimit(defaultMemoryLimit)
	return defaultMemoryLimit, true
}

// displayAddr turns a listen address into one a browser can open:
// "[::]:8000" and "0.0.0.0:8000" become "localhost:8000".
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// server is the explorer's HTTP handler: security headers around the
// importer API, the pre-compressed app.wasm and the go-app handler.
type server struct {
	http.Handler
	version string
}

// newServer loads dir/web/app.wasm (and its pre-compressed copies), derives
// the version and builds the handler; api, when not nil, serves
// /api/article.
func newServer(dir string, api http.Handler, logw io.Writer) (*server, error) {
	version, err := explorer.AssetVersion(dir)
	if err != nil {
		return nil, fmt.Errorf("%w (build the client first: make wasm)", err)
	}
	wasm, err := loadWasm(filepath.Join(dir, "web", "app.wasm"), version, logw)
	if err != nil {
		return nil, err
	}
	apiPath := ""
	if api != nil {
		apiPath = "/api/article"
	}
	h := explorer.NewHandler(explorer.HandlerOptions{Version: version, Dir: dir, ImportAPI: apiPath})

	mux := http.NewServeMux()
	if api != nil {
		mux.Handle("/api/article", api)
	}
	mux.Handle("/web/app.wasm", wasm)
	mux.Handle("/app.wasm", wasm)
	mux.Handle("/goapp.wasm", wasm)
	mux.Handle("/", conditionalGet{h})
	return &server{Handler: importer.SecurityHeaders(mux), version: version}, nil
}

// wasmFile serves app.wasm pre-compressed with brotli or gzip, as the
// request's Accept-Encoding allows.
type wasmFile struct {
	version      string
	raw, gz, br  []byte
	etagRaw      string
	etagGz       string
	etagBr       string
	lengthHeader string
}

// loadWasm reads app.wasm and its compressed copies app.wasm.br and
// app.wasm.gz (written by "go run ./cmd/build -compress", see make wasm).
// A copy that is missing or does not decompress to app.wasm is made again
// in memory, at a faster level: gzip 9 and brotli 6 take about a second.
func loadWasm(name, version string, logw io.Writer) (*wasmFile, error) {
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	f := &wasmFile{version: version, raw: raw, lengthHeader: strconv.Itoa(len(raw))}
	if b, err := os.ReadFile(name + ".gz"); err == nil && explorer.DecompressesTo(b, raw, explorer.GzipEncoding) {
		f.gz = b
	}
	if b, err := os.ReadFile(name + ".br"); err == nil && explorer.DecompressesTo(b, raw, explorer.BrotliEncoding) {
		f.br = b
	}
	if f.gz == nil || f.br == nil {
		start := time.Now()
		var wg sync.WaitGroup
		if f.gz == nil {
			wg.Go(func() { f.gz = explorer.Compress(raw, explorer.GzipEncoding, gzip.BestCompression) })
		}
		if f.br == nil {
			wg.Go(func() { f.br = explorer.Compress(raw, explorer.BrotliEncoding, 6) })
		}
		wg.Wait()
		fmt.Fprintf(logw, "explorer serve: compressed app.wasm at startup in %v (run make wasm for smaller pre-compressed copies)\n", time.Since(start).Round(time.Millisecond))
	}
	f.etagRaw = `"` + version + `"`
	f.etagGz = `"` + version + `-gz"`
	f.etagBr = `"` + version + `-br"`
	return f, nil
}

// ServeHTTP serves app.wasm. The URL the app loads names the version
// (/web/app.wasm?v=…); that URL is cached for a year, any other for no time.
func (f *wasmFile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, etag, enc := f.raw, f.etagRaw, ""
	switch accepts := acceptedEncodings(r.Header.Get("Accept-Encoding")); {
	case accepts["br"] && f.br != nil:
		body, etag, enc = f.br, f.etagBr, "br"
	case accepts["gzip"] && f.gz != nil:
		body, etag, enc = f.gz, f.etagGz, "gzip"
	}
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set(explorer.WasmLengthHeader, f.lengthHeader)
	h.Set("ETag", etag)
	if r.URL.Query().Get("v") == f.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		w.Write(body)
	}
}

// acceptedEncodings parses Accept-Encoding into the set of codings with a
// non-zero quality ("*" counts for br and gzip).
func acceptedEncodings(header string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.TrimSpace(k) == "q" {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		if name == "" {
			continue
		}
		if name == "*" {
			for _, n := range []string{"br", "gzip"} {
				if _, set := out[n]; !set {
					out[n] = q > 0
				}
			}
			continue
		}
		out[name] = q > 0
	}
	return out
}

// etagMatches reports whether an If-None-Match header lists etag.
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// importAPI returns the handler of GET /api/article: the importer with its
// default limits (SSRF-safe fetcher, time and size caps, rate limit), the
// rate limit keyed on X-Forwarded-For for requests from proxies.
func importAPI(proxies []netip.Prefix) http.Handler {
	opts := importer.APIOptions{}
	if len(proxies) > 0 {
		opts.ClientKey = importer.TrustedProxyClient(proxies)
	}
	return importer.NewAPI(importer.NewFetcher(importer.Options{}), opts)
}

// parsePrefix reads a CIDR, or a single address as a one-address prefix.
func parsePrefix(s string) (netip.Prefix, error) {
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Masked(), nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%q is not a CIDR such as 10.0.0.0/8 or an address", s)
	}
	return netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()), nil
}

// conditionalGet answers If-None-Match for go-app's handler. That handler
// compares If-None-Match with its version ETag before it looks at the path,
// so it would answer 304 for a path that does not exist; conditionalGet
// hides the header from it and answers 304 only where it answers 200 with
// a matching ETag. Error answers lose the ETag.
type conditionalGet struct{ next http.Handler }

func (c conditionalGet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	match := r.Header.Get("If-None-Match")
	if match == "" {
		c.next.ServeHTTP(w, r)
		return
	}
	r2 := r.Clone(r.Context())
	r2.Header.Del("If-None-Match")
	c.next.ServeHTTP(&notModifiedWriter{ResponseWriter: w, match: match}, r2)
}

// notModifiedWriter turns a 200 answer whose ETag the request's
// If-None-Match lists into a 304 without a body.
type notModifiedWriter struct {
	http.ResponseWriter
	match         string
	wrote, silent bool
}

func (w *notModifiedWriter) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.wrote = true
	h := w.Header()
	switch etag := h.Get("ETag"); {
	case code == http.StatusOK && etag != "" && etagMatches(w.match, etag):
		w.silent = true
		h.Del("Content-Length")
		h.Del("Content-Type")
		code = http.StatusNotModified
	case code >= 400:
		h.Del("ETag")
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *notModifiedWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if w.silent {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (w *notModifiedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
