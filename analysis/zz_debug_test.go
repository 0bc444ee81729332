package analysis

import (
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	text := os.Getenv("ZZ")
	d, err := Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Sentences {
		t.Logf("S %q", d.Slice(s.Span))
	}
	for _, e := range d.Entities {
		t.Logf("E %s %q", e.Type, d.Slice(e.Span))
	}
	for _, q := range findQuotes(text, Span{0, len(text)}) {
		t.Logf("Q %q", text[q.Outer(len(text)).Start:q.Outer(len(text)).End])
	}
}
