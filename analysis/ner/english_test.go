package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestChunksEnglish(t *testing.T) {
	checkChunks(t, "en", []chunkCase{
		{"President Joe Biden said the White House would not send troops to Ukraine .",
			[]string{"Joe Biden|PER", "White House|ORG", "Ukraine|LOC"}},
		{"Russian President Vladimir Putin met Foreign Minister Sergei Lavrov in Moscow on Tuesday .",
			[]string{"Russian|MISC", "Vladimir Putin|PER", "Sergei Lavrov|PER", "Moscow|LOC"}},
		{"Russia's army massed near the border , NATO said .", []string{"Russia's|LOC", "NATO|ORG"}},
		{"The Americans and the British warned of an invasion , according to Reuters .",
			[]string{"Americans|MISC", "British|MISC", "Reuters|ORG"}},
		{"Senator Elizabeth Warren of Massachusetts criticized the Federal Reserve .",
			[]string{"Elizabeth Warren|PER", "Massachusetts|LOC", "Federal Reserve|ORG"}},
		{"Mr. Johnson told the House of Commons that Britain would stand by Kyiv .",
			[]string{"Johnson|PER", "House of Commons|ORG", "Britain|LOC", "Kyiv|LOC"}},
		{"In a statement , the Pentagon said Lloyd Austin would travel to Poland .",
			[]string{"Pentagon|ORG", "Lloyd Austin|PER", "Poland|LOC"}},
		{"It rained all day and nobody went out .", nil},
	})
}

func TestStripPossessive(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"Russia's", "Russia", true},
		{"Russia’s", "Russia", true},
		{"Reuters'", "Reuters", true},
		{"Russia", "", false},
		{"'s", "", false},
	} {
		got, ok := stripPossessive(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("stripPossessive(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestTagRange: tagging a window of a sentence gives the names inside it
// the tags that tagging the whole sentence gives them, at the window's
// offsets (the words' features still see the words beyond the window).
func TestTagRange(t *testing.T) {
	tg := defaultTagger(t)
	words := strings.Fields("Volgens de woordvoerder van het ministerie zou minister Hugo de Jonge in Den Haag de plannen van het kabinet verdedigen tegenover de Tweede Kamer .")
	s := tg.getScratch(len(words))
	defer tg.pool.Put(s)
	tg.prepareModel(s, words)
	full := slices.Clone(tg.tagPrepared(s, len(words)))
	a, b := 5, 16 // "ministerie" … "kabinet"
	window := tg.tagRange(s, a, b)
	if len(window) != b-a {
		t.Fatalf("a window of %d words has %d tags", b-a, len(window))
	}
	named := 0
	for i := a + 2; i < b-2; i++ {
		if full[i] != window[i-a] {
			t.Errorf("%q: tag %d in the window, %d in the sentence", words[i], window[i-a], full[i])
		}
		if tg.m.tags[full[i]] != "O" {
			named++
		}
	}
	if named < 4 { // Hugo de Jonge, Den Haag
		t.Errorf("only %d words of the window are in a name", named)
	}
}
