//go:build !wasm

package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// WebAssets lists the files of web/ that the app ships, besides app.wasm.
// Their hash is part of the version, and cmd/build copies them.
var WebAssets = []string{"app.css", "icon.svg", "icon-192.png", "icon-512.png"}

// HandlerOptions configures NewHandler.
type HandlerOptions struct {
	// Version identifies the build (see AssetVersion). It names the service
	// worker's cache and the app.wasm URL; it must change when any asset
	// changes, and must never be random.
	Version string
	// Dir is the directory that holds web/ ("." for the working directory).
	Dir string
	// Prefix is the URL path prefix for a site under a sub-path, such as
	// "/repo" on GitHub Pages; "" at the root.
	Prefix string
	// ImportAPI is the URL of the importer endpoint (e.g. "/api/article");
	// "" hides the URL import.
	ImportAPI string
}

// NewHandler returns the go-app Handler of the explorer, shared by the
// server (explorer serve) and the static export (cmd/build). Every icon is
// local, so the service worker can precache all of them (a remote icon
// makes the install fail offline).
func NewHandler(o HandlerOptions) *app.Handler {
	res := Resources(o.Dir, o.Prefix, o.Version)
	prepareModels(o.Dir)
	cacheable := []string{"/web/icon.svg"}
	// Each language's model files: fetched when the app first meets the
	// language, precached so that both languages work offline after one visit.
	for _, m := range ModelAssets() {
		cacheable = append(cacheable, "/web/models/"+m.File)
	}
	if p := res.Package(); p != "" {
		// go-app precaches the start page as "/repo", which a static host
		// redirects; the page people open is "/repo/".
		cacheable = append(cacheable, p+"/")
	}
	return &app.Handler{
		Name:        "Article explorer",
		ShortName:   "Explorer",
		Title:       "Article explorer — who says what in a news article",
		Description: "Paste a Dutch or English news article and see every actor and who said what. The analysis runs on your device.",
		Author:      "article explorer",
		Keywords:    []string{"news", "quotes", "actors", "nieuws", "citaten"},
		Lang:        "en",
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		BackgroundColor:         "#f6f5f1",
		ThemeColor:              "#1c2b4a",
		LoadingLabel:            "Article explorer · {progress}%",
		Styles:                  []string{"/web/app.css"},
		CacheableResources:      cacheable,
		Version:                 o.Version,
		Resources:               res,
		WasmContentLengthHeader: WasmLengthHeader,
		Env:                     app.Environment{"EXPLORER_API": o.ImportAPI, ModelsEnv: modelsEnvValue(res.Package())},
	}
}

// WasmLengthHeader carries the uncompressed size of app.wasm, for go-app's
// loading progress when the wasm is served compressed.
const WasmLengthHeader = "X-Wasm-Content-Length"

// Resources returns the explorer's resource provider: static files from
// dir/web under prefix, and app.wasm at a URL that names the version
// ("/web/app.wasm?v=<version>"), so that it can be cached for a year and
// the service worker's precache and the loader ask for the same URL.
func Resources(dir, prefix, version string) app.ResourceProvider {
	prefix = strings.TrimRight("/"+strings.Trim(prefix, "/"), "/")
	if dir == "" {
		dir = "."
	}
	return resources{dir: dir, prefix: prefix, wasm: prefix + "/web/app.wasm?v=" + version}
}

// resources implements app.ResourceProvider and serves the files of
// dir/web: regular files only, no directory listings, no dot files.
type resources struct {
	dir, prefix, wasm string
}

// Package returns the path prefix the app is served under ("" or "/repo").
func (r resources) Package() string { return r.prefix }

// Static returns the prefix of the static resources (the same as Package).
func (r resources) Static() string { return r.prefix }

// AppWASM returns the versioned URL of app.wasm.
func (r resources) AppWASM() string { return r.wasm }

// ServeHTTP serves a file under /web/.
func (r resources) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	p := path.Clean(req.URL.Path)
	rel, ok := strings.CutPrefix(p, "/web/")
	if !ok || rel == "" || strings.Contains("/"+rel, "/.") {
		http.NotFound(w, req)
		return
	}
	if file, ok := strings.CutPrefix(rel, "models/"); ok {
		serveModel(w, req, r.dir, file)
		return
	}
	name := filepath.Join(r.dir, "web", filepath.FromSlash(rel))
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, req)
		return
	}
	http.ServeFile(w, req, name)
}

// AssetVersion returns the build's version: the first 16 hex digits of the
// SHA-256 of web/app.wasm, the WebAssets in dir and the model files, so
// that it changes with any of them and with nothing else.
func AssetVersion(dir string) (string, error) {
	h := sha256.New()
	for _, name := range append([]string{"app.wasm"}, WebAssets...) {
		f, err := os.Open(filepath.Join(dir, "web", name))
		if err != nil {
			return "", fmt.Errorf("version: %w", err)
		}
		fmt.Fprintf(h, "%s\x00", name)
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("version: reading %s: %w", name, err)
		}
	}
	for _, m := range ModelAssets() {
		fmt.Fprintf(h, "%s\x00", m.File) // the name holds the content's hash
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}
