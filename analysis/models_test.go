//go:build !(js && wasm)

package analysis

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis/ner"
)

// TestBundleRoundTrip: a data file gives back exactly the files it was
// made of, and the embedded data files hold every file of their folder.
func TestBundleRoundTrip(t *testing.T) {
	sub, err := lexiconFSSub()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := fs.Glob(sub, "nl/*.txt")
	if err != nil || len(paths) < 30 {
		t.Fatalf("the Dutch lexicon folder has %d files (%v)", len(paths), err)
	}
	data, ok := EmbeddedModel("nl-lexicon.txt")
	if !ok {
		t.Fatal("nl-lexicon.txt is not embedded")
	}
	b, err := readBundle(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != len(paths) {
		t.Errorf("the data file holds %d files, the folder %d", len(b), len(paths))
	}
	for _, p := range paths {
		want, _ := fs.ReadFile(sub, p)
		got, err := fs.ReadFile(b, p)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes back (%v), want %d", p, len(got), err, len(want))
		}
	}
	if got := strings.Join(b.textFiles("nl"), " "); got != strings.Join(paths, " ") {
		t.Errorf("the data file lists %s, the folder %s", got, strings.Join(paths, " "))
	}
	if _, err := b.Open("nl/nosuch.txt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("opening a missing file: %v", err)
	}
	gaz, _ := EmbeddedModel(gazetteerFile)
	g, err := readBundle(gaz)
	if err != nil {
		t.Fatal(err)
	}
	gfs, names := ner.GazetteerFiles()
	for _, p := range names {
		want, _ := fs.ReadFile(gfs, p)
		if got := g[p]; !bytes.Equal(got, want) {
			t.Errorf("gazetteer %s: %d bytes back, want %d", p, len(got), len(want))
		}
	}
	if again, _ := EmbeddedModel("nl-lexicon.txt"); !bytes.Equal(again, data) {
		t.Error("the data file differs from one call to the next")
	}
}

// TestDetectionLexicons: what detection reads (the function words, which
// app.wasm embeds) is what the full lexicons hold.
func TestDetectionLexicons(t *testing.T) {
	det, err := loadFunctionWords()
	if err != nil {
		t.Fatal(err)
	}
	full, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	if len(det) != len(full) || len(det) < 5 {
		t.Fatalf("detection knows %d languages, the lexicon folder %d", len(det), len(full))
	}
	for lang, lx := range full {
		d := det[lang]
		if d == nil || d.supported != lx.supported || len(d.functionWords) != len(lx.functionWords) {
			t.Errorf("%s: detection has %+v", lang, d)
			continue
		}
		for w := range lx.functionWords {
			if !d.functionWords.has(w) {
				t.Errorf("%s: detection lacks %q", lang, w)
			}
		}
	}
}

// TestBundleMalformed: every kind of damage to a data file is an error.
func TestBundleMalformed(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"not a data file", "file nl/a.txt 1\nx", "not a data file"},
		{"empty", bundleMagic, "no file"},
		{"no header end", bundleMagic + "file nl/a.txt 1", "end of line"},
		{"bad header", bundleMagic + "nl/a.txt 1\nx", "not a header"},
		{"extra field", bundleMagic + "file nl/a.txt 1 2\nx", "not a header"},
		{"bad length", bundleMagic + "file nl/a.txt one\nx", "bad length"},
		{"negative length", bundleMagic + "file nl/a.txt -1\nx", "bad length"},
		{"padded length", bundleMagic + "file nl/a.txt 01\nx", "bad length"},
		{"past the end", bundleMagic + "file nl/a.txt 5\nx", "5 bytes announced, 1 left"},
		{"bad path", bundleMagic + "file ../a.txt 1\nx", "bad path"},
		{"twice", bundleMagic + "file nl/a.txt 1\nxfile nl/a.txt 1\ny", "listed twice"},
		{"trailing bytes", bundleMagic + "file nl/a.txt 1\nxy", "end of line"},
	} {
		_, err := readBundle([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// analysisJSON is the JSON of an analysis, to compare two runs.
func analysisJSON(t *testing.T, text string) string {
	t.Helper()
	d, err := Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAddDataFiles: the data files the browser receives give the same
// analysis as the embedded folders, and a damaged one is refused with the
// file's name and changes nothing.
func TestAddDataFiles(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	english := "Senator Jane Smith said prosecutors had established that the money was moved in Washington."
	want := []string{analysisJSON(t, string(seed)), analysisJSON(t, english)}
	for _, name := range []string{"nl-lexicon.txt", "en-lexicon.txt", gazetteerFile} {
		data, _ := EmbeddedModel(name)
		if err := AddModel(name, data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Damage: a file left out, and a malformed line.
		b, _ := readBundle(data)
		var paths []string
		for p := range b {
			paths = append(paths, p)
		}
		missing, _ := writeBundle(b, paths[1:])
		if err := AddModel(name, missing); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s without %s: error %v", name, paths[0], err)
		}
		broken := bundleFS{}
		for p, d := range b {
			broken[p] = d
		}
		for p := range broken {
			switch {
			case strings.HasSuffix(p, "/cues.txt"):
				broken[p] = append(append([]byte(nil), broken[p]...), "\nbad line\twith\tno\tvalid\tfields\tx\tx\tx\tx\n"...)
			case strings.HasSuffix(p, "/given-names.txt"):
				broken[p] = append(append([]byte(nil), broken[p]...), "\nZork\tx\n"...) // a gender neither m nor f
			}
		}
		bad, _ := writeBundle(broken, paths)
		if err := AddModel(name, bad); err == nil {
			t.Errorf("%s with a malformed line was accepted", name)
		}
	}
	for i, text := range []string{string(seed), english} {
		if got := analysisJSON(t, text); got != want[i] {
			t.Errorf("text %d: the analysis changed after adding the data files", i)
		}
	}
}

// TestMissingModels plays the WebAssembly build, which embeds no lexicon:
// a short text that its function words do not decide asks for the Dutch
// and English lexicons first, a longer one for its own; an analysis without
// them fails and says which file it lacks; with them, detection and
// analysis agree with the native build.
func TestMissingModels(t *testing.T) {
	nl, _ := EmbeddedModel("nl-lexicon.txt")
	en, _ := EmbeddedModel("en-lexicon.txt")
	short := `"Absolutely ready," insists Zelensky.`
	dutch := "Minister De Vries zei dat het kabinet de steun verlengt. De oppositie is tegen dat plan."
	wantShort, wantDutch := analysisJSON(t, short), analysisJSON(t, dutch)
	if DetectLanguage(short) != English || DetectLanguage(dutch) != Dutch {
		t.Fatalf("detected %s and %s, want en and nl", DetectLanguage(short), DetectLanguage(dutch))
	}
	if m := MissingModels(short); len(m) != 0 {
		t.Fatalf("the native build misses %v", m)
	}

	saved := languageLexicons.lx
	t.Cleanup(func() {
		embedsLexicons = true
		languageLexicons.Lock()
		languageLexicons.lx, languageLexicons.src, languageLexicons.vocab = nil, nil, nil
		languageLexicons.Unlock()
		for lang := range saved {
			if _, err := lexiconOf(lang); err != nil {
				t.Error(err)
			}
		}
	})
	embedsLexicons = false
	languageLexicons.Lock()
	languageLexicons.lx, languageLexicons.src, languageLexicons.vocab = nil, nil, nil
	languageLexicons.Unlock()

	names := func(fs []ModelFile) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Name)
		}
		return strings.Join(out, " ")
	}
	if got := names(MissingModels(short)); got != "nl-lexicon.txt en-lexicon.txt" {
		t.Errorf("a short text misses %q, want both lexicons", got)
	}
	if got := names(MissingModels(dutch)); got != "nl-lexicon.txt" {
		t.Errorf("a Dutch text misses %q, want the Dutch lexicon", got)
	}
	if got := names(MissingModels("Der Präsident sagte, dass die Regierung die Hilfe verlängert und dass sie nicht aufgibt.")); got != "nl-lexicon.txt" {
		t.Errorf("a German text misses %q, want the Dutch lexicon (for its structure)", got)
	}
	var missing *missingLexiconError
	if _, err := Analyze(dutch); !errors.As(err, &missing) || !strings.Contains(err.Error(), "nl-lexicon.txt") {
		t.Errorf("analysing without the lexicon: %v", err)
	}
	if HasModels(Dutch) {
		t.Error("HasModels(nl) without the Dutch lexicon")
	}
	if err := AddModel("nl-lexicon.txt", nl); err != nil {
		t.Fatal(err)
	}
	if got := names(MissingModels(short)); got != "en-lexicon.txt" {
		t.Errorf("with the Dutch lexicon a short text misses %q", got)
	}
	if got := analysisJSON(t, dutch); got != wantDutch {
		t.Error("the Dutch analysis from the data file differs from the embedded one")
	}
	if err := AddModel("en-lexicon.txt", en); err != nil {
		t.Fatal(err)
	}
	if m := MissingModels(short); len(m) != 0 {
		t.Errorf("with both lexicons a short text misses %v", names(m))
	}
	if got := analysisJSON(t, short); got != wantShort {
		t.Error("the short English analysis from the data files differs from the embedded one")
	}
}
