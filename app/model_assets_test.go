//go:build !wasm

package app

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// The model files are served under their versioned names, compressed as the
// request accepts and cached for good; the service worker precaches them and
// the client learns their URLs from the environment.
func TestServeModels(t *testing.T) {
	assets := ModelAssets()
	if len(assets) < 2 {
		t.Fatalf("%d model assets, want the NER and attribution models", len(assets))
	}
	res := Resources(t.TempDir(), "", "v1").(http.Handler)
	for _, m := range assets {
		for _, c := range []struct{ accept, enc string }{{"", ""}, {"gzip, deflate", GzipEncoding}, {"br;q=0, gzip", GzipEncoding}} {
			req := httptest.NewRequest(http.MethodGet, "/web/models/"+m.File, nil)
			if c.accept != "" {
				req.Header.Set("Accept-Encoding", c.accept)
			}
			rec := httptest.NewRecorder()
			res.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s (%q): status %d", m.File, c.accept, rec.Code)
			}
			if got := rec.Header().Get("Content-Encoding"); got != c.enc {
				t.Errorf("%s (%q): Content-Encoding %q, want %q", m.File, c.accept, got, c.enc)
			}
			body := rec.Body.Bytes()
			if c.enc == "" && string(body) != string(m.Data) || c.enc != "" && !DecompressesTo(body, m.Data, c.enc) {
				t.Errorf("%s (%q): the body is not the model", m.File, c.accept)
			}
			if !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
				t.Errorf("%s: Cache-Control %q", m.File, rec.Header().Get("Cache-Control"))
			}
		}
	}
	rec := httptest.NewRecorder()
	res.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/web/models/en-attribution.000000000000.bin", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("an unknown model file: status %d, want 404", rec.Code)
	}

	h := NewHandler(HandlerOptions{Version: "v1", Dir: t.TempDir(), Prefix: "/repo"})
	env := h.Env[ModelsEnv]
	for _, m := range assets {
		if !slices.Contains(h.CacheableResources, "/web/models/"+m.File) {
			t.Errorf("the service worker does not precache %s: %v", m.File, h.CacheableResources)
		}
		if !strings.Contains(env, m.Name+"=/repo/web/models/"+m.File) {
			t.Errorf("%s = %q lacks %s", ModelsEnv, env, m.Name)
		}
	}
}

func TestAcceptsEncoding(t *testing.T) {
	for _, c := range []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip", "br", false},
		{"br;q=0, *", "br", false},
		{"*", "gzip", true},
		{"", "gzip", false},
		{"GZIP", "gzip", true},
	} {
		if got := acceptsEncoding(c.header, c.coding); got != c.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v", c.header, c.coding, got)
		}
	}
}
