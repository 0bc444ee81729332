package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	explorer "github.com/article-explorer/explorer/app"
)

// writeModels writes every model file under its versioned name with copies
// that decompress to it, and removes files of older versions.
func TestWriteModels(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "en-attribution.000000000000.bin")
	os.WriteFile(stale, []byte("old"), 0o644)
	if err := writeModels(dir, true, io.Discard); err != nil {
		t.Fatal(err)
	}
	assets := explorer.ModelAssets()
	if len(assets) < 2 {
		t.Fatalf("%d model assets, want the NER and attribution models", len(assets))
	}
	for _, m := range assets {
		raw, err := os.ReadFile(filepath.Join(dir, m.File))
		if err != nil || !bytes.Equal(raw, m.Data) {
			t.Errorf("%s: not written as embedded (%v)", m.File, err)
		}
		for ext, enc := range map[string]string{".gz": explorer.GzipEncoding, ".br": explorer.BrotliEncoding} {
			b, err := os.ReadFile(filepath.Join(dir, m.File+ext))
			if err != nil || !explorer.DecompressesTo(b, m.Data, enc) {
				t.Errorf("%s%s: missing or not the model (%v)", m.File, ext, err)
			}
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a model file of an older version was kept")
	}
}
