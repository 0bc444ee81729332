//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// outputLine is what the tests read of an output line of --jsonl.
type outputLine struct {
	ID         string            `json:"id"`
	Error      string            `json:"error"`
	Language   string            `json:"language"`
	Statements []json.RawMessage `json:"statements"`
}

// runJSONL runs "explorer analyze --jsonl -j workers" on input and returns
// its output lines, decoded, and the exit code.
func runJSONL(t *testing.T, input string, workers int) ([]outputLine, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run([]string{"analyze", "--jsonl", "-j", fmt.Sprint(workers)}, strings.NewReader(input), &stdout, &stderr)
	var lines []outputLine
	for i, l := range strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n") {
		if l == "" && stdout.Len() == 0 {
			break
		}
		var o outputLine
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("output line %d is not a JSON object: %v\n%.200s", i+1, err, l)
		}
		lines = append(lines, o)
	}
	return lines, stderr.String(), code
}

// TestAnalyzeJSONLPairsLines: every input line, good or malformed, gets
// exactly one output line, in order, on one core and on four.
func TestAnalyzeJSONLPairsLines(t *testing.T) {
	input := []struct {
		line   string
		id     string // the id of the output line
		failed bool
	}{
		{`{"id":"een","text":"Poetin zei dat de oorlog voorbij was."}`, "een", false},
		{`not json at all`, "2", true},
		{``, "3", true},
		{`{"text":"Een tekst zonder id."}`, "4", true},
		{`{"id":"","text":"Een leeg id."}`, "5", true},
		{`{"id":17,"text":"Een getal als id."}`, "6", true},
		{`{"id":"zonder-tekst"}`, "zonder-tekst", true},
		{`{"id":"leeg","text":"   "}`, "leeg", true},
		{`["id","text"]`, "9", true},
		{`{"id":"half","text":"Een afgebroken regel`, "10", true},
		{`{"id":"crlf","text":"\"Het is goed,\" zei hij."}` + "\r", "crlf", false},
		{`{"id":"twee","text":"Biden zei: \"Wij staan klaar.\""}`, "twee", false},
		{`null`, "13", true},
		{`{"id":"laatste","text":"Volgens Rutte is het klaar."}`, "laatste", false}, // no final newline
	}
	var in []string
	for _, l := range input {
		in = append(in, l.line)
	}
	var first []outputLine
	for _, workers := range []int{1, 4} {
		lines, stderr, code := runJSONL(t, strings.Join(in, "\n"), workers)
		if code != 1 {
			t.Errorf("-j %d: exit code %d, want 1 (some lines failed)", workers, code)
		}
		if len(lines) != len(input) {
			t.Fatalf("-j %d: %d output lines for %d input lines", workers, len(lines), len(input))
		}
		for i, want := range input {
			got := lines[i]
			if got.ID != want.id || (got.Error != "") != want.failed {
				t.Errorf("-j %d, line %d (%.30q): id %q, error %q; want id %q, failed %v", workers, i+1, want.line, got.ID, got.Error, want.id, want.failed)
			}
			if !want.failed && got.Language == "" {
				t.Errorf("-j %d, line %d: no analysis", workers, i+1)
			}
			if want.failed && !strings.Contains(stderr, fmt.Sprintf("stdin line %d", i+1)) {
				t.Errorf("-j %d: stderr does not report line %d", workers, i+1)
			}
		}
		var stdout, stderr2 bytes.Buffer
		if code := run([]string{"analyze", "--jsonl", "--keep-going", "-j", fmt.Sprint(workers)}, strings.NewReader(strings.Join(in, "\n")), &stdout, &stderr2); code != 0 || strings.Count(stdout.String(), "\n") != len(input) {
			t.Errorf("-j %d --keep-going: exit %d, %d lines", workers, code, strings.Count(stdout.String(), "\n"))
		}
		if first == nil {
			first = lines
		} else if fmt.Sprint(first) != fmt.Sprint(lines) {
			t.Errorf("-j %d differs from -j 1", workers)
		}
	}
}

// TestAnalyzeJSONLOrder: with several workers and texts of very different
// sizes (so that they finish out of order), the output keeps the input
// order.
func TestAnalyzeJSONLOrder(t *testing.T) {
	var in strings.Builder
	const n = 40
	for i := range n {
		text := strings.Repeat("De minister zei dat het plan werkt. ", 1+(n-i)*20)
		fmt.Fprintf(&in, "{\"id\":\"doc-%d\",\"text\":%q}\n", i, text)
	}
	lines, stderr, code := runJSONL(t, in.String(), 4)
	if code != 0 || len(lines) != n {
		t.Fatalf("exit %d, %d lines; stderr %s", code, len(lines), stderr)
	}
	for i, l := range lines {
		if want := fmt.Sprintf("doc-%d", i); l.ID != want || len(l.Statements) == 0 {
			t.Errorf("line %d: id %q with %d statements; want %s with statements", i+1, l.ID, len(l.Statements), want)
		}
	}
}

func TestAnalyzeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--jsonl", "--pretty"},
		{"analyze", "--pretty", "--jsonl"},
		{"analyze", "--jsonl", "file.txt"},
		{"analyze", "-j", "0", "--jsonl"},
		{"analyze"},
		{"analyze", "--keep-going", "file.txt"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, strings.NewReader(""), &stdout, &stderr); code != 2 || stdout.Len() > 0 {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing", args, code, stdout.String())
		}
	}
}

// TestAnalyzeJSONLReadError: a broken input ends with one error line for
// the line that could not be read.
func TestAnalyzeJSONLReadError(t *testing.T) {
	good := `{"id":"a","text":"Poetin zei dat het klaar was."}` + "\n"
	r := io.MultiReader(strings.NewReader(good), iotest.ErrReader(errors.New("disk on fire")))
	var stdout, stderr bytes.Buffer
	code := run([]string{"analyze", "--jsonl", "-j", "2"}, r, &stdout, &stderr)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[1], `"id":"2"`) || !strings.Contains(lines[1], "disk on fire") {
		t.Errorf("exit %d, output %q", code, lines)
	}
}

func TestReadLine(t *testing.T) {
	r := bufio.NewReaderSize(strings.NewReader("kort\r\n"+strings.Repeat("x", 100)+"\nnog een\n\nslot"), 16)
	want := []struct {
		line    string
		tooLong bool
	}{{"kort", false}, {"", true}, {"nog een", false}, {"", false}, {"slot", false}}
	for i, w := range want {
		line, tooLong, err := readLine(r, 20)
		if string(line) != w.line || tooLong != w.tooLong || (err != nil && err != io.EOF) {
			t.Errorf("line %d: %q, %v, %v; want %q, %v", i+1, line, tooLong, err, w.line, w.tooLong)
		}
	}
	if line, _, err := readLine(r, 20); line != nil || err != io.EOF {
		t.Errorf("after the end: %q, %v", line, err)
	}
}

// TestPipelineStops: when the output fails, the pipeline stops reading and
// returns the error without waiting for jobs that never started.
func TestPipelineStops(t *testing.T) {
	read := 0
	next := func() (job, bool) {
		read++
		return job{id: fmt.Sprint(read)}, read <= 1_000_000
	}
	emitted := 0
	err := pipeline(next, 3, func(j job) result { return result{out: []byte(j.id)} }, func(r result) error {
		if emitted++; emitted == 5 {
			return errors.New("stdout closed")
		}
		return nil
	})
	if err == nil || emitted != 5 || read > 100 {
		t.Errorf("err %v after %d results and %d jobs read", err, emitted, read)
	}
}
