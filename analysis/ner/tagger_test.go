package ner

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// defaultTagger returns the embedded tagger or stops the test.
func defaultTagger(tb testing.TB) *Tagger {
	tb.Helper()
	t, err := Default()
	if err != nil {
		tb.Fatalf("Default() error: %v", err)
	}
	return t
}

// chunkCase is a sentence, tokenised by spaces, and its entities written as
// "words|TYPE".
type chunkCase struct {
	sentence string
	want     []string
}

// showChunks writes chunks as "words|TYPE".
func showChunks(words []string, chunks []Chunk) []string {
	var out []string
	for _, c := range chunks {
		out = append(out, strings.Join(words[c.Start:c.End], " ")+"|"+c.Type)
	}
	return out
}

func checkChunks(t *testing.T, lang string, cases []chunkCase) {
	t.Helper()
	tagger := defaultTagger(t)
	for _, c := range cases {
		words := strings.Fields(c.sentence)
		got := showChunks(words, tagger.Chunks(words, lang))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Chunks(%q, %q) = %q; want %q", c.sentence, lang, got, c.want)
		}
	}
}

func TestChunksDutch(t *testing.T) {
	checkChunks(t, "nl", []chunkCase{
		{"De Amerikaanse president Joe Biden en de Russische president Vladimir Poetin hebben dinsdag met elkaar gesproken .",
			[]string{"Amerikaanse|MISC", "Joe Biden|PER", "Russische|MISC", "Vladimir Poetin|PER"}},
		{"Volgens het Witte Huis is er geen akkoord .", []string{"Witte Huis|ORG"}},
		{"Zo is Moskou faliekant tegen een toetreding van Oekraïne tot de NAVO .",
			[]string{"Moskou|LOC", "Oekraïne|LOC", "NAVO|ORG"}},
		{"Oost-Europese landen als Polen vragen om extra troepen .", []string{"Oost-Europese|MISC", "Polen|LOC"}},
		{"Premier Mark Rutte sprak in Den Haag met Ursula von der Leyen van de Europese Commissie .",
			[]string{"Mark Rutte|PER", "Den Haag|LOC", "Ursula von der Leyen|PER", "Europese Commissie|ORG"}},
		{"Minister Hoekstra van Buitenlandse Zaken reist naar Kiev .",
			[]string{"Hoekstra|PER", "Buitenlandse Zaken|ORG", "Kiev|LOC"}},
		{"Ajax won zondag met 3-1 van Feyenoord .", []string{"Ajax|ORG", "Feyenoord|ORG"}},
		{"De scenario's van de Amerikanen lopen uiteen .", []string{"Amerikanen|MISC"}},
		{"Wout van Aert eindigde als tweede in de Ronde van Vlaanderen .",
			[]string{"Wout van Aert|PER", "Ronde van Vlaanderen|MISC"}},
		{"\" We zijn niet bang \" , zei Zelensky tegen de BBC .", []string{"Zelensky|PER", "BBC|ORG"}},
		{"Het regende de hele dag .", nil},
	})
}

func TestChunksEmpty(t *testing.T) {
	tagger := defaultTagger(t)
	for _, words := range [][]string{nil, {}, {""}, {".", ",", "\""}} {
		if got := tagger.Chunks(words, "nl"); len(got) != 0 {
			t.Errorf("Chunks(%q) = %v; want none", words, got)
		}
	}
	var nilTagger *Tagger
	if got := nilTagger.Chunks([]string{"Poetin"}, "nl"); got != nil {
		t.Errorf("nil Tagger: Chunks = %v; want nil", got)
	}
}

// TestChunksAllocs checks that tagging allocates at most the result.
func TestChunksAllocs(t *testing.T) {
	tagger := defaultTagger(t)
	words := strings.Fields("De Amerikaanse president Joe Biden sprak met de Russische president Vladimir Poetin .")
	tagger.Chunks(words, "nl") // fill the pool
	if n := testing.AllocsPerRun(100, func() { tagger.Chunks(words, "nl") }); n > 1 {
		t.Errorf("Chunks allocates %v times per call; want at most 1", n)
	}
	plain := strings.Fields("het regende de hele dag en niemand ging naar buiten .")
	if n := testing.AllocsPerRun(100, func() { tagger.Chunks(plain, "nl") }); n != 0 {
		t.Errorf("Chunks without entities allocates %v times per call; want 0", n)
	}
}

func TestDefaultOnce(t *testing.T) {
	a, b := defaultTagger(t), defaultTagger(t)
	if a != b {
		t.Errorf("Default() returned two taggers; want one per process")
	}
}

func TestChunksConcurrent(t *testing.T) {
	tagger := defaultTagger(t)
	sents := testSentences(t)
	want := make([][]Chunk, len(sents))
	for i, s := range sents {
		want[i] = tagger.Chunks(s, "nl")
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			ok := true
			for range 20 {
				for i, s := range sents {
					if !reflect.DeepEqual(tagger.Chunks(s, "nl"), want[i]) {
						ok = false
					}
				}
			}
			done <- ok
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("concurrent Chunks gave other results")
		}
	}
}

// TestChunksValid checks on the test sentences that chunks are in order,
// inside the sentence, do not overlap and have a known type.
func TestChunksValid(t *testing.T) {
	tagger := defaultTagger(t)
	for _, lang := range []string{"nl", "en", "xx"} {
		for _, s := range testSentences(t) {
			checkValid(t, s, tagger.Chunks(s, lang))
		}
	}
}

func checkValid(t *testing.T, words []string, chunks []Chunk) {
	t.Helper()
	end := 0
	for _, c := range chunks {
		if c.Start < end || c.End <= c.Start || c.End > len(words) {
			t.Fatalf("Chunks(%q) = %v: bad span %v", words, chunks, c)
		}
		switch c.Type {
		case "PER", "ORG", "LOC", "MISC":
		default:
			t.Fatalf("Chunks(%q) = %v: bad type %q", words, chunks, c.Type)
		}
		end = c.End
	}
}

func FuzzChunks(f *testing.F) {
	for _, s := range []string{
		"De Amerikaanse president Joe Biden sprak met Poetin .",
		"NAVO-landen , scenario's en \"Oost-Europese\" zaken",
		"President Joe Biden said the White House 's plan",
		"\xff\xfe ÉÉN 123 --- ' ( ) …",
	} {
		f.Add(s, "nl")
		f.Add(s, "en")
	}
	tagger, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		words := strings.Split(text, " ") // keeps empty words, which must not hurt
		checkValid(t, words, tagger.Chunks(words, lang))
	})
}

// TestCoNLL scores the embedded model on ned.testa when the shared data is
// present (it is not in a user's clone). The figure is reported, not
// asserted beyond a sanity floor: cmd/model and make eval report quality.
func TestCoNLL(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "conll2002", "ned.testa")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no CoNLL data: %v", err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	scores := Evaluate(defaultTagger(t), sents, "nl")
	_, _, f1 := scores.F1("")
	t.Logf("ned.testa:\n%s", scores)
	if f1 < 0.75 {
		t.Errorf("ned.testa F1 = %.3f; want at least 0.75", f1)
	}
}

// TestChunksLongSentence: a "sentence" of 120,000 words (one long line
// without a full stop) is tagged in bounded windows: the entities are the
// ones of its parts, none is cut at a window's edge, the bytes allocated
// grow with the entities found rather than with a working memory for the
// whole sentence, and the pooled scratch stays small.
func TestChunksLongSentence(t *testing.T) {
	tagger := defaultTagger(t)
	parts := map[string][]string{
		"nl": strings.Fields("en toen zei premier Mark Rutte tegen Angela Merkel in Berlijn dat de NAVO sterk is ,"),
		"en": strings.Fields("and then Prime Minister Mark Rutte told Angela Merkel in Berlin that NATO is strong ,"),
	}
	const reps = 8000
	for _, lang := range []string{"nl", "en"} {
		part := parts[lang]
		if c := tagger.Chunks(part, lang); len(c) < 3 {
			t.Fatalf("%s: the part has %d entities: %v", lang, len(c), showChunks(part, c))
		}
		words := make([]string, 0, reps*len(part))
		for range reps {
			words = append(words, part...)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		got := tagger.Chunks(words, lang)
		runtime.ReadMemStats(&after)
		wantHere := tagger.Chunks(part, lang)
		if len(got) != reps*len(wantHere) {
			t.Errorf("%s: %d entities in %d parts of %d", lang, len(got), reps, len(wantHere))
		}
		for i, c := range got {
			w := wantHere[i%len(wantHere)]
			off := i / len(wantHere) * len(part)
			if c.Start != w.Start+off || c.End != w.End+off || c.Type != w.Type {
				t.Errorf("%s: entity %d is %v, want %v", lang, i, c, Chunk{w.Start + off, w.End + off, w.Type})
				break
			}
		}
		// Whole-sentence working memory would be ~250 bytes a word
		// (about 30 MB here); the windows need little beyond the result.
		perWord := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(words))
		t.Logf("%s: %.1f bytes allocated per word", lang, perWord)
		if perWord > 128 {
			t.Errorf("%s: %.1f bytes allocated per word", lang, perWord)
		}
	}
	s := tagger.getScratch(1)
	defer tagger.pool.Put(s)
	if limit := (maxSentenceWords + 16) * len(tagger.m.tags); cap(s.emis) > limit {
		t.Errorf("pooled scratch holds %d emissions, more than one window's %d", cap(s.emis), limit)
	}
}

func TestSplitPoint(t *testing.T) {
	words := strings.Fields("a b c , d e f g h i")
	for _, tt := range []struct{ start, max, want int }{
		{0, 20, 10}, // the rest fits
		{0, 6, 4},   // after the comma, in the window's second half
		{0, 8, 8},   // the comma is in the first half: cut after 8
		{4, 4, 8},
	} {
		if got := splitPoint(words, tt.start, tt.max); got != tt.want {
			t.Errorf("splitPoint(%d, %d) = %d, want %d", tt.start, tt.max, got, tt.want)
		}
	}
}
