package analysis

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze checks that Analyze never panics and that every span it
// returns lies inside the text, on rune boundaries, in the JSON it prints.
// The seed corpus is in testdata/fuzz/FuzzAnalyze.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", " ", "Poetin zei: \"Ja.\"", "„Dit is het,” zei ze. 'Nee,' aldus hij.",
		"Volgens Moskou noemde de Russische president het \"provocatief\".",
		"\"\"\"'''„„”” «»", "Hij zei dat dat dat. Zij: ja", "date 2022-02",
		"The official said that \"it is over\", according to sources.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Analyze(text)
		if err != nil {
			if utf8.ValidString(text) && strings.TrimSpace(text) != "" && len(text) <= MaxInputBytes {
				t.Fatalf("Analyze(%q) failed: %v", text, err)
			}
			return
		}
		checkSpans(t, d)
	})
}

// checkSpans fails when any span of d is outside its text, not on a rune
// boundary, or when a statement points at a missing actor.
func checkSpans(t *testing.T, d *Document) {
	t.Helper()
	check := func(what string, s Span) {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Fatalf("%s span %v outside text of %d bytes", what, s, len(d.Text))
		}
		if !utf8.ValidString(d.Slice(s)) {
			t.Fatalf("%s span %v cuts a character: %q", what, s, d.Slice(s))
		}
	}
	for _, e := range d.Entities {
		check("entity", e.Span)
	}
	for _, a := range d.Actors {
		for _, m := range a.Mentions {
			check("mention", m.Span)
		}
	}
	for _, s := range d.Statements {
		check("source", s.Source)
		check("cue", s.Cue)
		if len(s.Content) == 0 {
			t.Fatalf("statement %s has no content", s.ID)
		}
		for _, c := range s.Content {
			check("content", c)
		}
		if s.Actor < -1 || s.Actor >= len(d.Actors) {
			t.Fatalf("statement %s points at actor %d of %d", s.ID, s.Actor, len(d.Actors))
		}
	}
	if _, err := json.Marshal(d); err != nil {
		t.Fatalf("JSON: %v", err)
	}
}
