package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	explorer "github.com/article-explorer/explorer/app"
)

// site writes a web/ directory with a fake app.wasm and the real assets.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("\x00asm fake"), 0o644)
	for _, name := range explorer.WebAssets {
		b, err := os.ReadFile(filepath.Join("..", "..", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "web", name), b, 0o644)
	}
	return dir
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExportSubPath(t *testing.T) {
	dir := site(t)
	out := filepath.Join(t.TempDir(), "dist")
	var stdout bytes.Buffer
	if code := run([]string{"-dir", dir, "-out", out, "-base", "/repo/"}, &stdout, io.Discard); code != 0 {
		t.Fatalf("build exited %d", code)
	}
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "app.css", ".nojekyll",
		"web/app.wasm", "web/app.css", "web/icon.svg", "web/icon-192.png", "web/icon-512.png"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the export lacks %s", f)
		}
	}
	version, _ := explorer.AssetVersion(dir)
	index := read(t, filepath.Join(out, "index.html"))
	for _, want := range []string{`href="/repo/web/app.css"`, `src="/repo/app.js"`, `href="/repo/manifest.webmanifest"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Contains(index, "127.0.0.1") {
		t.Error("index.html names the temporary server's address")
	}
	worker := read(t, filepath.Join(out, "app-worker.js"))
	if !strings.Contains(worker, `"/repo/web/app.wasm?v=`+version+`"`) || !strings.Contains(worker, `"/repo/"`) || !strings.Contains(worker, `"/repo/web/icon.svg"`) {
		t.Errorf("app-worker.js does not precache the sub-path's files:\n%s", worker)
	}
	if m := read(t, filepath.Join(out, "manifest.webmanifest")); !strings.Contains(m, `"scope": "/repo/"`) {
		t.Errorf("manifest scope:\n%s", m)
	}
	if js := read(t, filepath.Join(out, "app.js")); !strings.Contains(js, `"EXPLORER_API":""`) || !strings.Contains(js, `"GOAPP_ROOT_PREFIX":"/repo"`) {
		t.Error("app.js: the URL import should be hidden and the prefix set")
	}
	// Running it again over its own output works; a foreign directory is refused.
	if code := run([]string{"-dir", dir, "-out", out, "-base", "/repo/"}, io.Discard, io.Discard); code != 0 {
		t.Errorf("a second export over the first exited %d", code)
	}
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	var errw bytes.Buffer
	if code := run([]string{"-dir", dir, "-out", foreign}, io.Discard, &errw); code == 0 || !strings.Contains(errw.String(), "not empty") {
		t.Errorf("export into a foreign directory: code %d, %q", code, errw.String())
	}
}

func TestExportRootWithAPI(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	if code := run([]string{"-dir", site(t), "-out", out, "-api", "https://api.example.org/api/article"}, io.Discard, io.Discard); code != 0 {
		t.Fatal("build failed")
	}
	if !strings.Contains(read(t, filepath.Join(out, "index.html")), `href="/web/app.css"`) {
		t.Error("root export: wrong asset paths")
	}
	if !strings.Contains(read(t, filepath.Join(out, "app.js")), `"EXPLORER_API":"https://api.example.org/api/article"`) {
		t.Error("the -api endpoint is not passed to the app")
	}
}

func TestCompress(t *testing.T) {
	name := filepath.Join(t.TempDir(), "app.wasm")
	raw := bytes.Repeat([]byte("wasm bytes "), 1000)
	os.WriteFile(name, raw, 0o644)
	var out bytes.Buffer
	if code := run([]string{"-compress", name}, &out, io.Discard); code != 0 {
		t.Fatal("compress failed")
	}
	z, _ := gzip.NewReader(bytes.NewReader([]byte(read(t, name+".gz"))))
	gz, _ := io.ReadAll(z)
	br, _ := io.ReadAll(brotli.NewReader(strings.NewReader(read(t, name+".br"))))
	if !bytes.Equal(gz, raw) || !bytes.Equal(br, raw) {
		t.Error("the compressed copies do not decode to the file")
	}
	out.Reset()
	run([]string{"-compress", name}, &out, io.Discard)
	if strings.Count(out.String(), "up to date") != 2 {
		t.Errorf("a second run recompressed: %q", out.String())
	}
}
