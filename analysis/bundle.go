package analysis

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A data file carries word lists to the browser: a language's lexicon
// folder or the gazetteers, which the native build embeds and the
// WebAssembly build fetches (see models.go). The lists stay the plain text
// files of this repository, which name their sources; a data file only
// strings them together, each behind a header line that gives its path and
// its length in bytes:
//
//	explorer data 1
//	file nl/cues.txt 8600
//	<the 8600 bytes of nl/cues.txt>
//	file nl/roles.txt 1962
//	...
const bundleMagic = "explorer data 1\n"

// writeBundle strings the files of fsys at paths together, in path order.
func writeBundle(fsys fs.FS, paths []string) ([]byte, error) {
	paths = append([]string(nil), paths...)
	sort.Strings(paths)
	var b bytes.Buffer
	b.WriteString(bundleMagic)
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "file %s %d\n", p, len(data))
		b.Write(data)
	}
	return b.Bytes(), nil
}

// bundleFS is a read data file: its files by path. It serves them as an
// fs.FS, so that the loaders read it as they read the embedded folders.
type bundleFS map[string][]byte

// readBundle parses a data file. It fails on anything but a well-formed
// one: a wrong first line, a bad header, a path that is not clean, a path
// listed twice, a length past the end, or no file at all.
func readBundle(data []byte) (bundleFS, error) {
	rest, ok := bytes.CutPrefix(data, []byte(bundleMagic))
	if !ok {
		return nil, fmt.Errorf("not a data file (it must start with %q)", strings.TrimSpace(bundleMagic))
	}
	out := bundleFS{}
	for len(rest) > 0 {
		line, after, ok := bytes.Cut(rest, []byte("\n"))
		if !ok {
			return nil, fmt.Errorf("data file: a header without its end of line at byte %d", len(data)-len(rest))
		}
		f := strings.Split(string(line), " ")
		if len(f) != 3 || f[0] != "file" {
			return nil, fmt.Errorf("data file: %.40q is not a header \"file PATH LENGTH\"", line)
		}
		name := f[1]
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 0 || f[2] != strconv.Itoa(n) {
			return nil, fmt.Errorf("data file: %s: bad length %q", name, f[2])
		}
		if !fs.ValidPath(name) || name == "." {
			return nil, fmt.Errorf("data file: bad path %q", name)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("data file: %s is listed twice", name)
		}
		if n > len(after) {
			return nil, fmt.Errorf("data file: %s: %d bytes announced, %d left", name, n, len(after))
		}
		out[name] = after[:n:n]
		rest = after[n:]
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("data file: no file in it")
	}
	return out, nil
}

// Open opens a file of the data file (directories cannot be opened).
func (b bundleFS) Open(name string) (fs.File, error) {
	data, ok := b[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &bundleFile{name: name, data: data}, nil
}

// ReadFile returns a file's bytes (fs.ReadFileFS).
func (b bundleFS) ReadFile(name string) ([]byte, error) {
	data, ok := b[name]
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	}
	return append([]byte(nil), data...), nil
}

// textFiles returns the paths of the .txt files right inside dir, sorted.
func (b bundleFS) textFiles(dir string) []string {
	var out []string
	for name := range b {
		if rest, ok := strings.CutPrefix(name, dir+"/"); ok && strings.HasSuffix(rest, ".txt") && !strings.Contains(rest, "/") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// bundleFile is an open file of a data file, and its own fs.FileInfo.
type bundleFile struct {
	name string
	data []byte
	off  int
}

func (f *bundleFile) Read(p []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, io.EOF
	}
	n := copy(p, f.data[f.off:])
	f.off += n
	return n, nil
}

func (f *bundleFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *bundleFile) Close() error               { return nil }
func (f *bundleFile) Name() string               { return path.Base(f.name) }
func (f *bundleFile) Size() int64                { return int64(len(f.data)) }
func (f *bundleFile) Mode() fs.FileMode          { return 0o444 }
func (f *bundleFile) ModTime() time.Time         { return time.Time{} }
func (f *bundleFile) IsDir() bool                { return false }
func (f *bundleFile) Sys() any                   { return nil }
