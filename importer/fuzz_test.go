package importer

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// FuzzExtract feeds arbitrary bytes to DecodeHTML and Extract: they must
// not panic, must keep Article's invariants and must stay within the parse
// budget's memory (bytes allocated, never time). The seeds are the fixture
// pages and testdata/fuzz/FuzzExtract (formatting-reopen is the
// <p><b></p>x pattern that x/net before v0.45.0 parsed in quadratic time).
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		page, _ := DecodeHTML(raw, "text/html")
		a := Extract(page, "https://example.org/a")
		runtime.ReadMemStats(&after)
		checkArticle(t, a)
		// The parse budget's bound (see checkAllocs), with room for the
		// decoding's copies.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64*uint64(len(raw))+64<<20 {
			t.Errorf("%d bytes allocated %d MB", len(raw), alloc>>20)
		}
	})
}

// FuzzValidateURL checks that ValidateURL does not panic, that what it
// accepts is an http(s) URL without credentials on an allowed port whose
// host is not a refused address, and that accepting is idempotent.
func FuzzValidateURL(f *testing.F) {
	for _, s := range []string{
		"https://nos.nl/artikel/2512345-kabinet", "nu.nl/politiek/123/x.html", "http://[::1]:80/",
		"http://169.254.169.254/latest", "https://user:pw@example.org/", "javascript:alert(1)",
		"https://xn--bcher-kva.de/", "http://0x7f.1/", "http://2130706433/", "https://example.org:443/#x",
		"HTTPS://EXAMPLE.ORG/%2e%2e/", "http://[fe80::1%25en0]/", "//example.org/x", "https://例え.テスト/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := ValidateURL(raw)
		if err != nil {
			if e, ok := err.(*Error); !ok || (e.Code != CodeBadURL && e.Code != CodeForbidden) {
				t.Fatalf("ValidateURL(%q): error %v (%T)", raw, err, err)
			}
			return
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			t.Errorf("ValidateURL(%q): scheme %q", raw, u.Scheme)
		}
		if u.User != nil || u.Hostname() == "" || u.Fragment != "" {
			t.Errorf("ValidateURL(%q) = %q", raw, u)
		}
		if p := u.Port(); p != "" && p != "80" && p != "443" {
			t.Errorf("ValidateURL(%q): port %q", raw, p)
		}
		if strings.ContainsAny(u.Hostname(), " /\\@") {
			t.Errorf("ValidateURL(%q): host %q", raw, u.Hostname())
		}
		again, err := ValidateURL(u.String())
		if err != nil || again.String() != u.String() {
			t.Errorf("ValidateURL(%q) = %q, but again: %v, %v", raw, u, again, err)
		}
	})
}
