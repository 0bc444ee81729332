//go:build !wasm

package app

import (
	"bytes"
	"compress/gzip"
	"io"

	"github.com/andybalholm/brotli"
)

// Content encodings of the pre-compressed app.wasm copies.
const (
	GzipEncoding   = "gzip"
	BrotliEncoding = "br"
)

// Compress returns b compressed with the encoding (GzipEncoding or
// BrotliEncoding) at the given level.
func Compress(b []byte, encoding string, level int) []byte {
	var out bytes.Buffer
	var w io.WriteCloser
	if encoding == BrotliEncoding {
		w = brotli.NewWriterLevel(&out, level)
	} else {
		w, _ = gzip.NewWriterLevel(&out, level)
	}
	w.Write(b) // writes to a bytes.Buffer cannot fail
	w.Close()
	return out.Bytes()
}

// DecompressesTo reports whether comp, compressed with the encoding, holds
// exactly raw: a stale or damaged copy of app.wasm must not be served.
func DecompressesTo(comp, raw []byte, encoding string) bool {
	var r io.Reader
	if encoding == BrotliEncoding {
		r = brotli.NewReader(bytes.NewReader(comp))
	} else {
		zr, err := gzip.NewReader(bytes.NewReader(comp))
		if err != nil {
			return false
		}
		r = zr
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(raw))+1))
	return err == nil && bytes.Equal(got, raw)
}
