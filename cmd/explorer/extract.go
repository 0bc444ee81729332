//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/article-explorer/explorer/importer"
)

// maxExtractFile caps the size of a page file (decompressed), as the
// fetcher caps a downloaded page.
const maxExtractFile = importer.DefaultMaxBytes

// extractLine is one line of "explorer extract": the fields of the shared
// extraction contract, in its order.
type extractLine struct {
	ID     string `json:"id"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Byline string `json:"byline"`
	Date   string `json:"date"`
	Text   string `json:"text"`
}

// runExtract is "explorer extract FILE... | --url URL": it extracts the
// article of each HTML page (a file, gzipped or not, or a URL fetched the way
// the server does) and prints one JSON line per page. A page that fails
// gets an error line on stderr, the others are still processed, and the
// exit code is then 1.
func runExtract(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var urls []string
	fs.Func("url", "fetch and extract `URL` as the server does (repeatable)", func(s string) error {
		urls = append(urls, s)
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: explorer extract FILE... | --url URL\n\n"+
			"Prints one JSON line per page: {id, url, title, byline, date, text}.\n"+
			"FILE is an HTML page, or a gzipped one (.gz).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 && len(urls) == 0 {
		fs.Usage()
		return 2
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	status := 0
	fail := func(name string, err error) {
		fmt.Fprintf(stderr, "extract: %s: %v\n", name, err)
		status = 1
	}
	for _, name := range fs.Args() {
		a, err := extractFile(name)
		if err != nil {
			fail(name, err)
			continue
		}
		if err := enc.Encode(lineOf(pageID(name), a)); err != nil {
			fail(name, err)
			return 1
		}
	}
	if len(urls) > 0 {
		f := importer.NewFetcher(importer.Options{})
		for _, u := range urls {
			a, err := f.Import(context.Background(), u)
			if err != nil {
				fail(u, err)
				continue
			}
			if err := enc.Encode(lineOf(u, a)); err != nil {
				fail(u, err)
				return 1
			}
		}
	}
	return status
}

// extractFile reads an HTML file, gunzipping it when it is gzipped, and
// extracts its article.
func extractFile(name string) (*importer.Article, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 2)
	n, _ := io.ReadFull(f, head)
	var r io.Reader = io.MultiReader(bytes.NewReader(head[:n]), f)
	if n == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("not a valid gzip file: %w", err)
		}
		r = zr
	}
	page, err := io.ReadAll(io.LimitReader(r, maxExtractFile+1))
	if err != nil {
		return nil, err
	}
	if len(page) > maxExtractFile {
		return nil, fmt.Errorf("larger than %d bytes", maxExtractFile)
	}
	utf8Page, _ := importer.DecodeHTML(page, "")
	return importer.Extract(utf8Page, ""), nil
}

// pageID is a file's name without its directory and its .gz and .html (or
// .htm) extensions.
func pageID(name string) string {
	id := filepath.Base(name)
	id = strings.TrimSuffix(id, ".gz")
	id = strings.TrimSuffix(id, ".html")
	return strings.TrimSuffix(id, ".htm")
}

func lineOf(id string, a *importer.Article) extractLine {
	return extractLine{ID: id, URL: a.URL, Title: a.Title, Byline: a.Byline, Date: a.Date, Text: a.Text}
}
