package importer

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

// cspProbe is a go-app component for TestGoAppPageNeedsNoInline.
type cspProbe struct{ app.Compo }

func (c *cspProbe) Render() app.UI {
	return app.Div().Class("probe").Body(app.H1().Text("Probe"), app.P().Text("text"))
}

// TestGoAppPageNeedsNoInline renders a page with go-app v9's handler and
// checks that ContentSecurityPolicy suffices for it: every script is a
// file from this origin, and there is no inline script, style element,
// style attribute or event-handler attribute that the policy would block.
func TestGoAppPageNeedsNoInline(t *testing.T) {
	app.Route("/csp-probe", &cspProbe{})
	h := &app.Handler{
		Name:    "probe",
		Title:   "Probe",
		Icon:    app.Icon{Default: "/web/icon-192.png", SVG: "/web/icon.svg"},
		Styles:  []string{"/web/app.css"},
		Version: "test",
	}
	rec := httptest.NewRecorder()
	SecurityHeaders(h).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/csp-probe", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	doc, err := html.Parse(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	scripts := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
					t.Errorf("<%s %s=%q> needs 'unsafe-inline'", n.Data, a.Key, a.Val)
				}
			}
			switch n.Data {
			case "script":
				scripts++
				src, ok := attrs["src"]
				if !ok || n.FirstChild != nil {
					t.Errorf("inline <script>")
				}
				if strings.Contains(src, "://") {
					t.Errorf("script from another origin: %s", src)
				}
			case "style":
				t.Error("inline <style>")
			case "link", "img":
				for _, k := range []string{"href", "src"} {
					if v := attrs[k]; strings.Contains(v, "://") {
						t.Errorf("<%s %s=%q> from another origin", n.Data, k, v)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if scripts < 2 { // wasm_exec.js and app.js
		t.Errorf("%d scripts, want wasm_exec.js and app.js", scripts)
	}
	if rec.Header().Get("Content-Security-Policy") != ContentSecurityPolicy {
		t.Error("no CSP on the page")
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := SecurityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!DOCTYPE html><p>hallo")
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") ||
		strings.Contains(csp, "'unsafe-eval'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" || rec.Header().Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("headers %v", rec.Header())
	}
	if rec.Body.String() != "<!DOCTYPE html><p>hallo" {
		t.Errorf("body %q", rec.Body)
	}
}
