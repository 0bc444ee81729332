// Command build writes the explorer as a static site, or pre-compresses
// app.wasm for the server.
//
//	go run ./cmd/build -out dist [-base /repo/] [-api https://host/api/article]
//	go run ./cmd/build -compress web/app.wasm
//
// Both write the engine's model files beside app.wasm (web/models/), under
// names that carry a hash of their content; -compress also writes their
// brotli and gzip copies, which the server sends to browsers that accept
// them.
//
// The static site works from any static host, also under a sub-path such as
// GitHub Pages' /<repo>/. It has no server, so the URL import is hidden
// unless -api names an importer endpoint (which must then allow this
// origin). "make static" runs the first form, "make wasm" the second.
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	explorer "github.com/article-explorer/explorer/app"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the flags and does one of the two jobs.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "dist", "directory to write the static site to")
	dir := fs.String("dir", ".", "directory that holds web/ (with the built app.wasm)")
	base := fs.String("base", "", `URL path the site is served under, e.g. "/repo/" for GitHub Pages; "" or "/" for the root`)
	api := fs.String("api", "", "URL of an importer endpoint to enable the URL import (default: hidden)")
	compress := fs.String("compress", "", "write FILE.gz (gzip -9) and FILE.br (brotli 11) next to FILE and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var err error
	if *compress != "" {
		err = compressFile(*compress, stdout)
		if err == nil {
			err = writeModels(filepath.Join(filepath.Dir(*compress), "models"), true, stdout)
		}
	} else {
		err = export(*out, *dir, *base, *api, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "build: %v\n", err)
		return 1
	}
	return 0
}

// export writes the static site.
func export(out, dir, base, api string, stdout io.Writer) error {
	version, err := explorer.AssetVersion(dir)
	if err != nil {
		return fmt.Errorf("%w (run make wasm first)", err)
	}
	if err := checkOut(out); err != nil {
		return err
	}
	prefix := strings.Trim(base, "/")
	if prefix != "" {
		prefix = "/" + prefix
	}
	explorer.Register()
	h := explorer.NewHandler(explorer.HandlerOptions{Version: version, Dir: dir, Prefix: prefix, ImportAPI: api})
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return fmt.Errorf("generating the site: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(out, "web"), 0o755); err != nil {
		return err
	}
	for _, name := range append([]string{"app.wasm"}, explorer.WebAssets...) {
		if err := copyFile(filepath.Join(dir, "web", name), filepath.Join(out, "web", name)); err != nil {
			return err
		}
	}
	if err := writeModels(filepath.Join(out, "web", "models"), false, stdout); err != nil {
		return err
	}
	if err := fixPages(out); err != nil {
		return err
	}
	// GitHub Pages: serve the files as they are (no Jekyll).
	if err := os.WriteFile(filepath.Join(out, ".nojekyll"), nil, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "build: wrote %s (version %s, base %q)\n", out, version, prefix+"/")
	return nil
}

// checkOut refuses to write into a directory that holds something other
// than a previous export, so a typo cannot scatter files over a project.
func checkOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) || len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
		return fmt.Errorf("%s is not empty and holds no previous export; choose another -out", out)
	}
	return nil
}

// metaTag matches a meta tag (go-app prints attributes in any order).
var metaTag = regexp.MustCompile(`<meta [^>]*>\s*`)

// fixPages removes the temporary server's address from the pages.
func fixPages(out string) error {
	return filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		// Drop the og:url tag that GenerateStaticWebsite bakes with the
		// address of its temporary server.
		b = metaTag.ReplaceAllFunc(b, func(tag []byte) []byte {
			if bytes.Contains(tag, []byte(`property="og:url"`)) && bytes.Contains(tag, []byte("http://127.0.0.1:")) {
				return nil
			}
			return tag
		})
		return os.WriteFile(path, b, 0o644)
	})
}

// copyFile copies one file.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// compressFile writes name.gz and name.br unless they already hold name's
// content (brotli 11 takes about 20 s for the 9 MB wasm, so it is skipped
// when nothing changed).
func compressFile(name string, stdout io.Writer) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	jobs := []struct {
		ext, encoding string
		level         int
	}{
		{".gz", explorer.GzipEncoding, gzip.BestCompression},
		{".br", explorer.BrotliEncoding, brotli.BestCompression},
	}
	var wg sync.WaitGroup
	errs := make([]error, len(jobs))
	for i, j := range jobs {
		if old, err := os.ReadFile(name + j.ext); err == nil && explorer.DecompressesTo(old, raw, j.encoding) {
			fmt.Fprintf(stdout, "build: %s%s is up to date\n", name, j.ext)
			continue
		}
		wg.Go(func() {
			b := compress(raw, j.encoding, j.level)
			errs[i] = os.WriteFile(name+j.ext, b, 0o644)
			if errs[i] == nil {
				fmt.Fprintf(stdout, "build: wrote %s%s (%d bytes)\n", name, j.ext, len(b))
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// compress compresses data for a Content-Encoding. For gzip it uses the
// system's GNU gzip when there is one: its level 9 makes app.wasm about
// 22 KB smaller than compress/gzip's (a browser that asks for gzip fetches
// that much less). The result is checked to decompress to data; without
// gzip, or if its output does not check, compress/gzip is used.
func compress(data []byte, encoding string, level int) []byte {
	if encoding == explorer.GzipEncoding {
		if path, err := exec.LookPath("gzip"); err == nil {
			cmd := exec.Command(path, "-9", "-n", "-c")
			cmd.Stdin = bytes.NewReader(data)
			if out, err := cmd.Output(); err == nil && explorer.DecompressesTo(out, data, encoding) {
				return out
			}
		}
	}
	return explorer.Compress(data, encoding, level)
}

// writeModels writes the model files (app.ModelAssets) into dir under their
// versioned names, with brotli and gzip copies when compressed is set,
// leaving files that already hold the right bytes, and removes the files of
// older versions.
func writeModels(dir string, compressed bool, stdout io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, m := range explorer.ModelAssets() {
		name := filepath.Join(dir, m.File)
		keep[m.File] = true
		if old, err := os.ReadFile(name); err != nil || !bytes.Equal(old, m.Data) {
			if err := os.WriteFile(name, m.Data, 0o644); err != nil {
				return err
			}
		}
		if !compressed {
			continue
		}
		for _, j := range []struct {
			ext, encoding string
			level         int
		}{
			{".gz", explorer.GzipEncoding, gzip.BestCompression},
			{".br", explorer.BrotliEncoding, brotli.BestCompression},
		} {
			keep[m.File+j.ext] = true
			if old, err := os.ReadFile(name + j.ext); err == nil && explorer.DecompressesTo(old, m.Data, j.encoding) {
				continue
			}
			b := compress(m.Data, j.encoding, j.level)
			if err := os.WriteFile(name+j.ext, b, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "build: wrote %s%s (%d bytes)\n", name, j.ext, len(b))
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !keep[e.Name()] && !e.IsDir() {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
