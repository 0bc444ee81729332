//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/article-explorer/explorer/analysis"
)

// analyzeUsage is printed by "explorer analyze -h".
const analyzeUsage = `usage:
  explorer analyze [--pretty] [-j N] FILE...   one JSON object per file (id = file name without extension)
  explorer analyze --jsonl [-j N] [--keep-going]  reads {"id","text"} lines on stdin, prints one result line each
  explorer analyze [--pretty] -                reads one article from stdin

With --jsonl every input line gets exactly one output line, in input order:
the analysis, or {"id","error"} for a line that could not be analysed (its
line number is the id when it has none); the exit code is 1 when a line
failed, unless --keep-going. -j N analyses on N cores (default: all). The JSON contract is described in README.md ("JSON output").`

// maxLineBytes caps an input line of --jsonl: the largest text, with room
// for JSON escapes.
const maxLineBytes = 2*analysis.MaxInputBytes + 1<<10

// runAnalyze is the "analyze" subcommand. A file or line that cannot be
// analysed gives an error on stderr (and, with --jsonl, a result line with
// an "error" field so that output lines pair with input lines); the others
// are still done. The exit code is 1 when anything failed, 2 for bad usage.
func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pretty := fs.Bool("pretty", false, "indent the JSON for people (not with --jsonl)")
	jsonl := fs.Bool("jsonl", false, `read {"id","text"} lines on stdin, print one line per line`)
	keepGoing := fs.Bool("keep-going", false, "with --jsonl, exit 0 even when some lines failed (their {\"id\",\"error\"} lines say so): for pipeline stages that fail on a non-zero exit")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "analyse on `N` cores at once; the output keeps the input order")
	fs.Usage = func() { fmt.Fprintln(stderr, analyzeUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case *jsonl && *pretty:
		fmt.Fprintln(stderr, "explorer analyze: --pretty would break --jsonl's one line per result; use one or the other")
		return 2
	case *jsonl && fs.NArg() > 0:
		fmt.Fprintln(stderr, "explorer analyze: --jsonl reads stdin and takes no files")
		return 2
	case !*jsonl && fs.NArg() == 0:
		fs.Usage()
		return 2
	case *keepGoing && !*jsonl:
		fmt.Fprintln(stderr, "explorer analyze: --keep-going is for --jsonl")
		return 2
	case *workers < 1:
		fmt.Fprintln(stderr, "explorer analyze: -j needs at least 1")
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()

	var next func() (job, bool)
	if *jsonl {
		next = jsonlJobs(stdin)
	} else {
		next = fileJobs(fs.Args(), stdin)
	}
	failed := false
	err := pipeline(next, *workers, func(j job) result { return analyzeJob(j, *jsonl, *pretty) }, func(r result) error {
		if r.err != nil {
			failed = true
			fmt.Fprintf(stderr, "explorer analyze: %s: %v\n", r.where, r.err)
		}
		_, err := out.Write(r.out)
		return err
	})
	if err != nil {
		fmt.Fprintf(stderr, "explorer analyze: %v\n", err)
		return 1
	}
	if failed && !*keepGoing {
		return 1
	}
	return 0
}

// job is one article to analyse: an input line or a file.
type job struct {
	id    string // the document's id
	where string // where it came from, for messages: "stdin line 3", a file name
	text  string
	err   error // the input could not be read; id is still set for --jsonl
}

// result is what a job prints: out (a line, or nothing for a failed file),
// and the error to report on stderr.
type result struct {
	where string
	out   []byte
	err   error
}

// analyzeJob analyses a job and encodes its result. With jsonl, a failure
// is encoded as {"id","error"}; otherwise it prints nothing.
func analyzeJob(j job, jsonl, pretty bool) result {
	r := result{where: j.where, err: j.err}
	var v any
	if r.err == nil {
		d, err := analysis.Analyze(j.text)
		if err == nil {
			d.ID = j.id
			v = d
		}
		r.err = err
	}
	if r.err != nil {
		if !jsonl {
			return r
		}
		v = struct {
			ID    string `json:"id"`
			Error string `json:"error"`
		}{j.id, r.err.Error()}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		r.err = err
		if jsonl { // cannot happen for these types; keep the pairing anyway
			fmt.Fprintf(&b, "{\"id\":%q,\"error\":%q}\n", j.id, err.Error())
		}
	}
	r.out = b.Bytes()
	return r
}

// pipeline runs work on the jobs that next yields, on workers goroutines,
// and hands the results to emit in the order of the jobs. At most
// 2×workers jobs are in flight, so memory stays bounded whatever the input.
// It stops at the first error of emit.
func pipeline(next func() (job, bool), workers int, work func(job) result, emit func(result) error) error {
	type slot struct {
		j    job
		done chan result
	}
	todo := make(chan slot)
	order := make(chan slot, 2*workers)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for s := range todo {
				s.done <- work(s.j)
			}
		})
	}
	go func() { // the reader
		defer close(order)
		defer close(todo)
		for {
			j, ok := next()
			if !ok {
				return
			}
			s := slot{j: j, done: make(chan result, 1)}
			select {
			case order <- s:
			case <-stop:
				return
			}
			select {
			case todo <- s:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for s := range order {
		if err != nil {
			continue // drain; a job that never reached a worker has no result
		}
		if err = emit(<-s.done); err != nil {
			close(stop)
		}
	}
	wg.Wait()
	return err
}

// jsonlJobs reads {"id","text"} lines. Every line is a job, so that every
// line gets an output line: a line that is not such an object, or has no
// id, is a job with an error and the line number as its id.
func jsonlJobs(stdin io.Reader) func() (job, bool) {
	r := bufio.NewReaderSize(stdin, 1<<20)
	line := 0
	broken := false
	return func() (job, bool) {
		if broken {
			return job{}, false
		}
		b, tooLong, err := readLine(r, maxLineBytes)
		if err == io.EOF && b == nil && !tooLong {
			return job{}, false
		}
		line++
		j := job{id: strconv.Itoa(line), where: fmt.Sprintf("stdin line %d", line)}
		switch {
		case err != nil && err != io.EOF:
			// The input is broken: this line gets its error, and
			// nothing follows.
			broken = true
			j.err = fmt.Errorf("reading: %w", err)
		case tooLong:
			j.err = fmt.Errorf("the line is longer than %d bytes", maxLineBytes)
		default:
			j.err = parseLine(b, &j)
		}
		return j, true
	}
}

// parseLine reads an input line of --jsonl into j: its id and text.
func parseLine(b []byte, j *job) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return errors.New(`an empty line; want a JSON object {"id","text"}`)
	}
	var in struct {
		ID   *json.RawMessage `json:"id"`
		Text *string          `json:"text"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return fmt.Errorf(`not a JSON object {"id","text"}: %v`, err)
	}
	if in.ID == nil {
		return errors.New(`no "id"`)
	}
	var id string
	if err := json.Unmarshal(*in.ID, &id); err != nil || id == "" {
		return errors.New(`"id" is not a non-empty string`)
	}
	j.id, j.where = id, j.where+" (id "+strconv.Quote(id)+")"
	if in.Text == nil {
		return errors.New(`no "text"`)
	}
	j.text = *in.Text
	return nil
}

// readLine reads a line without its end ("\n" or "\r\n"). A line longer
// than max is read to its end and dropped: tooLong is set and line is nil.
// At the end of the input it returns the last line (if any) and io.EOF.
func readLine(r *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			return nil, true, err
		}
		if err == io.EOF && len(line) == 0 {
			return nil, false, io.EOF
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if line == nil {
			line = []byte{}
		}
		return line, false, err
	}
}

// fileJobs reads the files named on the command line ("-" is stdin).
func fileJobs(names []string, stdin io.Reader) func() (job, bool) {
	i := 0
	return func() (job, bool) {
		if i == len(names) {
			return job{}, false
		}
		name := names[i]
		i++
		j := job{id: fileID(name), where: name}
		var b []byte
		if name == "-" {
			b, j.err = io.ReadAll(io.LimitReader(stdin, analysis.MaxInputBytes+1))
		} else {
			b, j.err = readLimited(name, analysis.MaxInputBytes+1)
		}
		j.text = string(b)
		return j, true
	}
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
