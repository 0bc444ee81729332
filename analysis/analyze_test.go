package analysis

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/seed.golden.json from the current output")

func readSeed(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeedArticle is the end-to-end test of the JSON output on the seed
// article: exact expectations for its actors and statements, and the whole
// JSON against a golden file (go test -run TestSeedArticle -update rewrites it).
func TestSeedArticle(t *testing.T) {
	d, err := Analyze(readSeed(t))
	if err != nil {
		t.Fatal(err)
	}
	d.ID = "seed"
	if d.Language != Dutch || d.Date != "2022-02" {
		t.Errorf("language %q date %q, want nl 2022-02", d.Language, d.Date)
	}
	checkSpans(t, d)

	// The actors the sidebar shows, with their types.
	wantActors := map[string]string{
		"Joe Biden": Person, "Vladimir Poetin": Person, "Emmanuel Macron": Person,
		"Witte Huis": Organization, "Verenigde Staten": Location, "Rusland": Location,
		"topadviseur van Poetin": Person, "woordvoerder van Macron": Person,
		"Oekraïense machthebbers": Group, "NAVO": Organization, "Oekraïne": Location,
	}
	for _, a := range d.Actors {
		if typ, ok := wantActors[a.Name]; ok {
			if a.Type != typ {
				t.Errorf("actor %q: type %q, want %q", a.Name, a.Type, typ)
			}
			delete(wantActors, a.Name)
		}
	}
	for name := range wantActors {
		t.Errorf("missing actor %q", name)
	}

	// Every statement: type, source, cue and actor, in text order.
	want := []wantStatement{
		{Mixed, "Biden", "duidelijk", "", "Joe Biden"},
		{Mixed, "De Amerikaanse president", "herhaalde", "", "Joe Biden"},
		{Mixed, "het Witte Huis", "aldus", "", "Witte Huis"},
		{Direct, "een topadviseur van Poetin", "aldus", "", "topadviseur van Poetin"},
		{Mixed, "Hij", "benadrukte", "", "topadviseur van Poetin"},
		{Indirect, "Poetin", "gezegd", "", "Vladimir Poetin"},
		{Position, "Moskou", "faliekant tegen", "", "Rusland"},
		{Mixed, "Poetin", "vindt", "", "Vladimir Poetin"},
		{Mixed, "de Russische president", "noemde", "", "Vladimir Poetin"},
		{Indirect, "Een woordvoerder van Macron", "weten", "", "woordvoerder van Macron"},
		{Indirect, "Washington", "stelt", "", "Verenigde Staten"},
		{Position, "Poetin", "ziet", "", "Vladimir Poetin"},
		{Indirect, "de Oekraïense machthebbers", "manen", "", "Oekraïense machthebbers"},
	}
	got := gotStatements(d)
	if len(got) != len(want) {
		t.Fatalf("got %d statements, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		g := got[i]
		g.content = ""
		if g != want[i] {
			t.Errorf("statement %d: got %+v, want %+v", i+1, g, want[i])
		}
	}
	if c := got[6].content; c != "faliekant tegen een toetreding van Oekraïne tot de NAVO" {
		t.Errorf("Moskou's position: content %q", c)
	}

	// The whole JSON, byte for byte.
	js, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	js = append(js, '\n')
	if *update {
		if err := os.WriteFile("testdata/seed.golden.json", js, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile("testdata/seed.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(js, golden) {
		t.Errorf("JSON differs from testdata/seed.golden.json (run go test ./analysis -run TestSeedArticle -update after checking the change)")
	}
}

// TestBadInput feeds odd inputs: none may panic; each gives a valid result
// or a clear error.
func TestBadInput(t *testing.T) {
	seed := readSeed(t)
	tests := []struct {
		name    string
		text    string
		wantErr error // nil: a result; errAny: some error
	}{
		{"empty", "", ErrEmpty},
		{"only whitespace", " \n\t\r\n  ", ErrEmpty},
		{"invalid UTF-8", "Poetin zei \xff\xfe dat", errAny},
		{"too large", strings.Repeat("a", MaxInputBytes+1), errAny},
		{"binary bytes", "\x00\x01\x02 Poetin zei dat \x1b[0m het \x7f klopt.", nil},
		{"one 100,000-character line", strings.Repeat("Hij zei dat het kon en ", 4400), nil},
		{"unbalanced quotes", `"Dit is het, zei hij. „En dit ook” en 'nog' "meer "" „ ” « `, nil},
		{"nested quotes", `"Hij zei: 'Zij zei: "nee" en ging' en vertrok," aldus X.`, nil},
		{"no punctuation", "de minister zei dat het kabinet niets doet en de premier vindt dat ook", nil},
		{"10 MB of text", strings.Repeat(seed+"\n\n", 10<<20/(len(seed)+2)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			d, err := Analyze(tt.text)
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr == errAny && err == nil, tt.wantErr != nil && tt.wantErr != errAny && !errors.Is(err, tt.wantErr):
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			case err != nil:
				if !strings.HasPrefix(err.Error(), "analysis: ") {
					t.Errorf("error %q does not say where it comes from", err)
				}
				return
			}
			checkSpans(t, d)
			t.Logf("%d bytes in %v: %d statements", len(tt.text), time.Since(start), len(d.Statements))
		})
	}
}

var errAny = errors.New("any error")
