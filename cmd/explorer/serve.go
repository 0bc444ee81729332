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
const serveUsage = `usage: explorer [serve] [-addr :8000] [-dir .] [-no-import]

Serves the web app (the go-app PWA whose wasm client analyses articles in
the browser) and the URL-import API GET /api/article?url=….`

// runServe is the "serve" subcommand.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8000", "address to listen on, e.g. :8000 or localhost:8000")
	dir := fs.String("dir", ".", "directory that holds web/ (app.wasm, app.css, icons)")
	noImport := fs.Bool("no-import", false, "serve without the URL-import API")
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
	srv, err := newServer(*dir, !*noImport, stderr)
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
// the version and builds the handler.
func newServer(dir string, withImport bool, logw io.Writer) (*server, error) {
	version, err := explorer.AssetVersion(dir)
	if err != nil {
		return nil, fmt.Errorf("%w (build the client first: make wasm)", err)
	}
	wasm, err := loadWasm(filepath.Join(dir, "web", "app.wasm"), version, logw)
	if err != nil {
		return nil, err
	}
	var api http.Handler
	apiPath := ""
	if withImport {
		api, apiPath = importAPI(), "/api/article"
	}
	h := explorer.NewHandler(explorer.HandlerOptions{Version: version, Dir: dir, ImportAPI: apiPath})

	mux := http.NewServeMux()
	if api != nil {
		mux.Handle("/api/article", api)
	}
	mux.Handle("/web/app.wasm", wasm)
	mux.Handle("/app.wasm", wasm)
	mux.Handle("/goapp.wasm", wasm)
	mux.Handle("/", h)
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
// default limits (SSRF-safe fetcher, time and size caps, rate limit).
func importAPI() http.Handler {
	return importer.NewAPI(importer.NewFetcher(importer.Options{}), importer.APIOptions{})
}
