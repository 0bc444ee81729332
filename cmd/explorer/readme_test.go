//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestReadmeJSONExample keeps the README's JSON example true: it analyses
// the seed article as the README says and checks that every value of the
// example is in the output, offsets included (the example's lists may be
// shorter than the output's, but keep its order).
func TestReadmeJSONExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## JSON output")
	_, block, ok2 := strings.Cut(section, "```json\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal(`README.md has no "json" block under "## JSON output"`)
	}
	var example any
	if err := json.Unmarshal([]byte(block), &example); err != nil {
		t.Fatalf("the README's example is not JSON: %v", err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"analyze", "../../analysis/testdata/seed.txt"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("analyze the seed: exit %d: %s", code, stderr.String())
	}
	var got any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if err := contains(got, example, "$"); err != nil {
		t.Errorf("the README's JSON example is not what explorer analyze prints for the seed: %v", err)
	}
	// Offsets are true byte offsets: every {start, end, text} is the slice.
	seed, _ := os.ReadFile("../../analysis/testdata/seed.txt")
	checkSpans(t, seed, example)
}

// contains reports (as an error naming the place) where want is not part
// of got: objects must have want's keys with matching values, lists must
// hold want's elements in order, other values must be equal.
func contains(got, want any, at string) error {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: %v is not an object", at, got)
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				return fmt.Errorf("%s.%s: missing", at, k)
			}
			if err := contains(gv, wv, at+"."+k); err != nil {
				return err
			}
		}
		return nil
	case []any:
		g, ok := got.([]any)
		if !ok {
			return fmt.Errorf("%s: %v is not a list", at, got)
		}
		i := 0
		for n, wv := range w {
			for i < len(g) && contains(g[i], wv, at) != nil {
				i++
			}
			if i == len(g) {
				return fmt.Errorf("%s[%d]: %v not in the output (in this order)", at, n, wv)
			}
			i++
		}
		return nil
	default:
		if !reflect.DeepEqual(got, want) {
			return fmt.Errorf("%s: %v, the output has %v", at, want, got)
		}
		return nil
	}
}

// checkSpans checks every object with start, end and text in v against
// the text.
func checkSpans(t *testing.T, text []byte, v any) {
	switch v := v.(type) {
	case map[string]any:
		start, ok1 := v["start"].(float64)
		end, ok2 := v["end"].(float64)
		s, ok3 := v["text"].(string)
		if ok1 && ok2 && ok3 {
			if int(end) > len(text) || start > end || string(text[int(start):int(end)]) != s {
				t.Errorf("span [%v, %v) is not %q", start, end, s)
			}
		}
		for _, x := range v {
			checkSpans(t, text, x)
		}
	case []any:
		for _, x := range v {
			checkSpans(t, text, x)
		}
	}
}
