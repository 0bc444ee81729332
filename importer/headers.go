package importer

import "net/http"

// ContentSecurityPolicy is the policy SecurityHeaders sets. It allows what a
// go-app v9 page needs and no more:
//
//   - scripts only from this origin (/wasm_exec.js, /app.js, the service
//     worker /app-worker.js), plus 'wasm-unsafe-eval' for
//     WebAssembly.instantiateStreaming of /web/app.wasm. go-app v9.8.0's
//     page (pkg/app/http.go) has no inline script: the loader is app.js,
//     and Env and the loading label are templated into that file, not
//     into the page; so neither 'unsafe-inline' nor a script hash is
//     needed;
//   - styles only from this origin (/app.css, /web/app.css). go-app writes
//     no <style> element, and style="" attributes appear only for
//     components that call Style(), which this app's components do not: a
//     component that does would need 'unsafe-inline' in style-src;
//   - images from this origin and data: URLs (the app's CSS draws its
//     icons with data: SVGs). go-app's default icon is on
//     raw.githubusercontent.com, so the app must set Handler.Icon (it does);
//   - fetch, the manifest and the worker from this origin only;
//   - no plugins, no <base>, no framing, forms only to this origin.
const ContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self' data:; " +
	"font-src 'self'; " +
	"connect-src 'self'; " +
	"manifest-src 'self'; " +
	"worker-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'self'; " +
	"frame-ancestors 'none'"

// SecurityHeaders wraps the app's handler to set, on every answer, the
// Content-Security-Policy above, X-Content-Type-Options: nosniff,
// Referrer-Policy: no-referrer (imported URLs must not leak to other sites
// through links) and X-Frame-Options: DENY for browsers that ignore
// frame-ancestors.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}
