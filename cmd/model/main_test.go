package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis/ner"
)

// writeCorpus writes a tiny CoNLL corpus to dir.
func writeCorpus(t *testing.T, dir string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("-DOCSTART- -DOCSTART- O\n")
	for i, name := range []string{"Jansen", "Peeters", "Smeets", "Wouters", "Claes", "Maes", "Goossens", "Mertens"} {
		place := []string{"Gent", "Brugge", "Leuven", "Aalst"}[i%4]
		b.WriteString("meneer N O\n" + name + " N B-PER\nwoont V O\nin Prep O\n" + place + " N B-LOC\n. Punc O\n\n")
	}
	for _, f := range []string{"ned.train", "ned.testa", "ned.testb"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir)
	out := filepath.Join(dir, "model.bin")
	var report bytes.Buffer
	args := []string{"-data", dir, "-out", out, "-epochs", "2", "-runs", "1", "-v"}
	if err := run(args, &report); err != nil {
		t.Fatalf("run: %v\n%s", err, report.String())
	}
	for _, want := range []string{"run 1 epoch  2", "ned.testa", "ned.testb", "PER ", "all ", "gzipped", "wrote"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, report.String())
		}
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ner.Load(bytes.NewReader(first)); err != nil {
		t.Errorf("written model does not load: %v", err)
	}
	// Deterministic: the same flags write the same bytes.
	if err := run(args, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(out)
	if !bytes.Equal(first, second) {
		t.Errorf("two runs wrote different models")
	}
}

func TestRunErrors(t *testing.T) {
	if err := run([]string{"-data", t.TempDir(), "-out", ""}, &bytes.Buffer{}); err == nil {
		t.Errorf("run without data succeeded; want an error")
	}
	if err := run([]string{"-bogus"}, &bytes.Buffer{}); err == nil {
		t.Errorf("run with a bad flag succeeded; want an error")
	}
}
