//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/article-explorer/explorer/analysis"
)

// analyzeUsage is printed by "explorer analyze -h".
const analyzeUsage = `usage:
  explorer analyze [--pretty] FILE...      one JSON object per file (id = file name without extension)
  explorer analyze [--pretty] --jsonl      reads {"id","text"} lines on stdin, prints one result line each
  explorer analyze [--pretty] -            reads one article from stdin

The JSON contract is described in README.md ("JSON output").`

// runAnalyze is the "analyze" subcommand. A file or line that cannot be
// analysed gives an error on stderr (and, with --jsonl, a result line with
// an "error" field so that ids stay aligned); the others are still done. The
// exit code is 1 when anything failed, 2 for bad usage.
func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pretty := fs.Bool("pretty", false, "indent the JSON for people")
	jsonl := fs.Bool("jsonl", false, `read {"id","text"} lines on stdin`)
	fs.Usage = func() { fmt.Fprintln(stderr, analyzeUsage) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	failed := false
	emit := func(id, text string) {
		d, err := analysis.Analyze(text)
		if err != nil {
			failed = true
			fmt.Fprintf(stderr, "explorer analyze: %s: %v\n", id, err)
			if *jsonl {
				enc.Encode(struct {
					ID    string `json:"id"`
					Error string `json:"error"`
				}{id, err.Error()})
			}
			return
		}
		d.ID = id
		if err := enc.Encode(d); err != nil {
			failed = true
			fmt.Fprintf(stderr, "explorer analyze: %s: %v\n", id, err)
		}
	}
	switch {
	case *jsonl:
		if fs.NArg() > 0 {
			fmt.Fprintln(stderr, "explorer analyze: --jsonl reads stdin and takes no files")
			return 2
		}
		sc := bufio.NewScanner(stdin)
		sc.Buffer(make([]byte, 1<<20), analysis.MaxInputBytes*2)
		line := 0
		for sc.Scan() {
			line++
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var in struct {
				ID   string `json:"id"`
				Text string `json:"text"`
			}
			if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
				failed = true
				fmt.Fprintf(stderr, "explorer analyze: stdin line %d: not a JSON object with id and text: %v\n", line, err)
				continue
			}
			emit(in.ID, in.Text)
		}
		if err := sc.Err(); err != nil {
			fmt.Fprintf(stderr, "explorer analyze: reading stdin: %v\n", err)
			return 1
		}
	case fs.NArg() == 0:
		fs.Usage()
		return 2
	default:
		for _, name := range fs.Args() {
			var b []byte
			var err error
			if name == "-" {
				b, err = io.ReadAll(io.LimitReader(stdin, analysis.MaxInputBytes+1))
			} else {
				b, err = readLimited(name, analysis.MaxInputBytes+1)
			}
			if err != nil {
				failed = true
				fmt.Fprintf(stderr, "explorer analyze: %v\n", err)
				continue
			}
			emit(fileID(name), string(b))
		}
	}
	if failed {
		return 1
	}
	return 0
}

// readLimited reads at most limit bytes of a file.
func readLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New(name + ": is a directory")
	}
	return io.ReadAll(io.LimitReader(f, limit))
}

// fileID is the file name without directory and extension ("-" is "stdin").
func fileID(name string) string {
	if name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
