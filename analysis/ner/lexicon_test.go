package ner

import (
	"strings"
	"testing"
)

func TestLexicon(t *testing.T) {
	c := caseCounts{}
	for _, s := range []string{
		"Wijnants ging naar huis .",
		"Toen ging Wijnants naar Gent .",
		"Ook de stad Gent en de gent waren er .",
		"Gent gent gent",
		"\" Hier ging niemand heen",
	} {
		c.count(strings.Fields(s), 1)
	}
	lex := c.lexicon()
	for _, w := range []struct {
		word string
		want uint8
	}{
		{"ging", lexLower},     // "Wijnants ging", "Toen ging", "Hier ging": never initial here
		{"wijnants", lexUpper}, // the initial one does not count
		{"gent", lexMostlyLower},
		{"toen", lexUnknown}, // only ever initial
		{"hier", lexUnknown}, // initial after a quote
		{"stad", lexLower},
		{".", lexUnknown},
	} {
		if got := lex.class(hashLower(w.word)); got != w.want {
			t.Errorf("class(%q) = %d; want %d", w.word, got, w.want)
		}
	}
	c.count(strings.Fields("Toen ging Gent Gent Gent Gent ."), -1)
	if got := c.lexicon().class(hashLower("ging")); got != lexLower {
		t.Errorf("after subtracting: class(ging) = %d; want %d", got, lexLower)
	}
}

func TestLexClass(t *testing.T) {
	for _, c := range []struct {
		lower, upper int32
		want         uint8
	}{
		{0, 0, lexUnknown}, {3, 0, lexLower}, {0, 2, lexUpper}, {2, 2, lexMostlyLower}, {1, 3, lexMostlyUpper},
	} {
		if got := lexClass(c.lower, c.upper); got != c.want {
			t.Errorf("lexClass(%d, %d) = %d; want %d", c.lower, c.upper, got, c.want)
		}
	}
}

func TestBuildLexicons(t *testing.T) {
	var sents []Sentence
	for i := range 40 {
		w := "Alpha"
		if i >= 20 {
			w = "Beta"
		}
		sents = append(sents, Sentence{Words: []string{"De", w, "kwam", "."}})
	}
	all, folds := buildLexicons(sents)
	if len(folds) != lexiconFolds {
		t.Fatalf("%d folds; want %d", len(folds), lexiconFolds)
	}
	if all.class(hashLower("alpha")) != lexUpper || all.class(hashLower("beta")) != lexUpper {
		t.Errorf("full lexicon misses a name")
	}
	// Fold 0 holds sentences 0-3, all Alpha; Alpha is still known from the
	// other folds. No fold but its own sees... every fold sees the other
	// word, and the last fold's Beta comes from folds 5-8.
	if folds[0].class(hashLower("alpha")) != lexUpper || folds[9].class(hashLower("beta")) != lexUpper {
		t.Errorf("fold lexicons lost words seen in other folds")
	}
	one := []Sentence{{Words: []string{"De", "Gamma", "kwam"}}}
	_, folds = buildLexicons(one)
	if folds[0].class(hashLower("gamma")) != lexUnknown {
		t.Errorf("a fold knows a word only its own sentences have")
	}
}
