//go:build !wasm

package app

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/article-explorer/explorer/analysis"
)

// A ModelAsset is one model file of the engine as the web app serves it:
// at /web/models/File, a name that carries a hash of the content, so that
// the URL can be cached for good and the service worker precaches exactly
// the bytes this build uses.
type ModelAsset struct {
	Name string // the engine's name for it: "nl-ner.bin"
	File string // the versioned file name: "nl-ner.1a2b3c4d5e6f.bin"
	Data []byte
}

// ModelsEnv is the go-app environment variable that tells the client where
// each model file is: "name=URL" pairs separated by commas.
const ModelsEnv = "EXPLORER_MODELS"

// ModelAssets returns every model file the native build embeds, by name.
// The WebAssembly client embeds none and fetches them from these URLs.
var ModelAssets = sync.OnceValue(func() []ModelAsset {
	var out []ModelAsset
	for _, f := range analysis.ModelFiles("") {
		data, ok := analysis.EmbeddedModel(f.Name)
		if !ok {
			continue
		}
		sum := sha256.Sum256(data)
		ext := filepath.Ext(f.Name)
		out = append(out, ModelAsset{Name: f.Name, File: strings.TrimSuffix(f.Name, ext) + "." + hex.EncodeToString(sum[:6]) + ext, Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
})

// modelsEnvValue lists the model URLs for the client, under prefix.
func modelsEnvValue(prefix string) string {
	var parts []string
	for _, m := range ModelAssets() {
		parts = append(parts, m.Name+"="+prefix+"/web/models/"+m.File)
	}
	return strings.Join(parts, ",")
}

// gzippedModels returns gzip copies of every model file, made once, for a
// server whose web/models lacks the pre-compressed ones (make wasm writes
// them). NewHandler starts making them, so that the first request does not
// wait.
var gzippedModels = sync.OnceValue(func() map[string][]byte {
	out := map[string][]byte{}
	for _, m := range ModelAssets() {
		out[m.File] = Compress(m.Data, GzipEncoding, gzip.DefaultCompression)
	}
	return out
})

// prepareModels starts compressing the model files in the background when
// dir/web/models lacks their pre-compressed copies.
func prepareModels(dir string) {
	for _, m := range ModelAssets() {
		if _, err := os.Stat(filepath.Join(dir, "web", "models", m.File+".gz")); err != nil {
			go gzippedModels()
			return
		}
	}
}

// serveModel serves /web/models/<file>: the copy pre-compressed with brotli
// or gzip in dir/web/models that the request accepts, else the embedded
// bytes gzipped in memory or as they are. The names carry the content's
// hash, so responses are cached for a year.
func serveModel(w http.ResponseWriter, req *http.Request, dir, file string) {
	var asset *ModelAsset
	for _, m := range ModelAssets() {
		if m.File == file {
			asset = &m
			break
		}
	}
	if asset == nil {
		http.NotFound(w, req)
		return
	}
	accepts := req.Header.Get("Accept-Encoding")
	body, enc := asset.Data, ""
	base := filepath.Join(dir, "web", "models", file)
	switch {
	case acceptsEncoding(accepts, BrotliEncoding) && readCopy(base+".br", asset.Data, BrotliEncoding, &body):
		enc = BrotliEncoding
	case acceptsEncoding(accepts, GzipEncoding) && readCopy(base+".gz", asset.Data, GzipEncoding, &body):
		enc = GzipEncoding
	case acceptsEncoding(accepts, GzipEncoding):
		body, enc = gzippedModels()[file], GzipEncoding
	}
	h := w.Header()
	h.Set("Content-Type", "application/octet-stream")
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", `"`+file+"-"+enc+`"`)
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if req.Method != http.MethodHead {
		w.Write(body)
	}
}

// readCopy reads a pre-compressed copy into *body when it holds exactly raw.
func readCopy(name string, raw []byte, encoding string, body *[]byte) bool {
	b, err := os.ReadFile(name)
	if err != nil || !DecompressesTo(b, raw, encoding) {
		return false
	}
	*body = b
	return true
}

// acceptsEncoding reports whether an Accept-Encoding header allows the
// coding (listed without q=0, or through "*").
func acceptsEncoding(header, coding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		zero := strings.ReplaceAll(strings.TrimSpace(params), " ", "") == "q=0"
		if name == coding {
			return !zero
		}
		if name == "*" && !zero {
			star = true
		}
	}
	return star
}
