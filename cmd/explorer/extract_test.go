//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const extractTestPage = `<!DOCTYPE html><html lang="nl"><head><title>Proef | Krant</title>
<meta name="author" content="Els Peters"><meta property="article:published_time" content="2024-02-03T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Proef</h1>
<p>Dit is de eerste alinea van een proefartikel, lang genoeg om als tekst te tellen.</p>
<p>En dit is de tweede alinea, die het artikel afsluit met nog een volzin.</p></article></body></html>`

func TestRunExtract(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "artikel-1.html")
	if err := os.WriteFile(plain, []byte(extractTestPage), 0o644); err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(extractTestPage))
	zw.Close()
	zipped := filepath.Join(dir, "artikel-2.html.gz")
	if err := os.WriteFile(zipped, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	badGzip := filepath.Join(dir, "kapot.html.gz")
	os.WriteFile(badGzip, []byte{0x1f, 0x8b, 0, 1, 2}, 0o644)
	missing := filepath.Join(dir, "bestaat-niet.html")

	var stdout, stderr bytes.Buffer
	code := runExtract([]string{plain, missing, zipped, badGzip}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code %d, want 1 (two bad files)", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), stdout.String())
	}
	for i, id := range []string{"artikel-1", "artikel-2"} {
		if !strings.HasPrefix(lines[i], `{"id":"`+id+`","url":"","title":`) {
			t.Errorf("line %d: fields not in contract order: %s", i, lines[i])
		}
		var got map[string]string
		if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"id": id, "url": "", "title": "Proef", "byline": "Els Peters", "date": "2024-02-03T10:00:00Z",
			"text": "Dit is de eerste alinea van een proefartikel, lang genoeg om als tekst te tellen.\n\n" +
				"En dit is de tweede alinea, die het artikel afsluit met nog een volzin.",
		}
		if len(got) != len(want) {
			t.Errorf("line %d has fields %v", i, got)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("line %d: %s = %q, want %q", i, k, got[k], v)
			}
		}
	}
	errs := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(errs) != 2 || !strings.Contains(errs[0], "bestaat-niet.html") || !strings.Contains(errs[1], "kapot.html.gz") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

func TestRunExtractUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runExtract(nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage") {
		t.Errorf("no arguments: code %d, stderr %q", code, stderr.String())
	}
	stderr.Reset()
	if code := runExtract([]string{"--bogus"}, &stdout, &stderr); code != 2 {
		t.Errorf("unknown flag: code %d", code)
	}
}

// TestRunExtractURLIsGuarded checks that --url goes through the server's
// fetcher, with its address checks (no test server can be reached: the
// CLI has no loopback allowance).
func TestRunExtractURLIsGuarded(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runExtract([]string{"--url", "http://127.0.0.1/", "--url", "ftp://example.org/"}, &stdout, &stderr)
	if code != 1 || stdout.Len() != 0 {
		t.Errorf("code %d, stdout %q", code, stdout.String())
	}
	if !strings.Contains(stderr.String(), "not on the public internet") || !strings.Contains(stderr.String(), "only http and https") {
		t.Errorf("stderr %q", stderr.String())
	}
}
