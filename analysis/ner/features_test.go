package ner

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fnv hashes s with FNV-1a, as analyse does.
func fnv(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

func TestAnalyseFlags(t *testing.T) {
	for _, c := range []struct {
		word       string
		set, unset uint32
	}{
		{"Poetin", flUpper | flLower, flAllUpper | flDigit | flHyphen | flPunct},
		{"NAVO", flUpper | flAllUpper | flMixed, flLower | flHyphen},
		{"NAVO-landen", flUpper | flHyphen | flMixed | flLower, flAllUpper},
		{"Oost-Europese", flUpper | flHyphen | flPartUpper, flAllUpper},
		{"anti-Amerikaans", flLower | flHyphen | flPartUpper, flUpper},
		{"scenario's", flLower | flApos, flUpper | flHyphen},
		{"2022", flDigit | flAllDigit, flUpper | flLower | flPunct},
		{"3-1", flDigit | flHyphen, flAllDigit},
		{",", flPunct, flUpper | flLower},
		{"-", flPunct, flHyphen},
		{"Bank-", flUpper, flHyphen},
		{"dr.", flLower | flPeriod, flUpper},
		{"Édith", flUpper | flLower, flAllUpper},
		{"ÉÉN", flUpper | flAllUpper, flLower},
	} {
		w := analyse(c.word)
		if w.flags&c.set != c.set || w.flags&c.unset != 0 {
			t.Errorf("analyse(%q).flags = %016b; want %016b set and %016b unset", c.word, w.flags, c.set, c.unset)
		}
	}
}

func TestAnalyseHashes(t *testing.T) {
	for _, word := range []string{"Poetin", "NAVO-landen", "Oekraïne", "x", "ÉÉN", "scenario's", "\xffab"} {
		w := analyse(word)
		if got := hashLower(word); w.lower != got {
			t.Errorf("analyse(%q).lower = %x; hashLower = %x", word, w.lower, got)
		}
		lower := strings.ToLower(strings.ToValidUTF8(word, "?"))
		if utf8.ValidString(word) && w.lower != fnv(lower) {
			t.Errorf("analyse(%q).lower = %x; want FNV of %q", word, w.lower, lower)
		}
		runes := []rune(lower)
		for k := 1; k <= 4; k++ {
			want := uint32(0)
			if k <= len(runes) {
				want = fnv(string(runes[:k]))
			}
			if w.prefix[k-1] != want {
				t.Errorf("analyse(%q).prefix[%d] = %x; want FNV of %q", word, k-1, w.prefix[k-1], string(runes[:min(k, len(runes))]))
			}
		}
		for k := 1; k <= 5; k++ {
			want := uint32(0)
			if k <= len(runes) {
				want = fnv(string(runes[len(runes)-k:]))
			}
			if w.suffix[k-1] != want {
				t.Errorf("analyse(%q).suffix[%d] = %x; want FNV of the last %d runes", word, k-1, w.suffix[k-1], k)
			}
		}
	}
}

func TestAnalyseShape(t *testing.T) {
	same := [][2]string{{"Poetin", "Biden"}, {"NAVO", "VVD"}, {"1999", "2022"}}
	for _, p := range same {
		if analyse(p[0]).short != analyse(p[1]).short {
			t.Errorf("short shapes of %q and %q differ; want equal (Xx, X, d)", p[0], p[1])
		}
	}
	differ := [][2]string{{"Poetin", "poetin"}, {"NAVO", "Navo"}, {"NAVO-landen", "NAVO"}, {"3-1", "31"}}
	for _, p := range differ {
		if analyse(p[0]).short == analyse(p[1]).short {
			t.Errorf("short shapes of %q and %q are equal; want different", p[0], p[1])
		}
	}
	if analyse("Poetin").shape == analyse("Po").shape {
		t.Errorf("long shapes of Poetin and Po are equal; want different")
	}
}

func TestAnalyseHyphenParts(t *testing.T) {
	w := analyse("NAVO-landen")
	if w.head != hashLower("navo") || w.tail != hashLower("landen") {
		t.Errorf("analyse(NAVO-landen) head/tail = %x/%x; want hashes of navo/landen", w.head, w.tail)
	}
	w = analyse("oud-VLD-voorzitter")
	if w.head != hashLower("oud") || w.tail != hashLower("voorzitter") {
		t.Errorf("analyse(oud-VLD-voorzitter) head/tail = %x/%x; want hashes of oud/voorzitter", w.head, w.tail)
	}
	if w := analyse("Poetin"); w.head != 0 || w.tail != 0 {
		t.Errorf("analyse(Poetin) has hyphen parts")
	}
}

func TestFeatures(t *testing.T) {
	words := strings.Fields("De NAVO-landen steunen Oekraïne .")
	ws := prepare(nil, words, nil, nil)
	if len(ws) != len(words)+2*padding {
		t.Fatalf("prepare: %d words; want %d", len(ws), len(words)+2*padding)
	}
	if ws[padding].flags&flInitial == 0 || ws[padding+1].flags&flInitial != 0 {
		t.Errorf("prepare: only the first word should be initial")
	}
	var buf []uint32
	for i := range words {
		a := features(ws, i, buf[:0])
		b := features(ws, i, nil)
		if len(a) == 0 || len(a) != len(b) {
			t.Fatalf("features(%d): %d and %d features", i, len(a), len(b))
		}
		for j := range a {
			if a[j] != b[j] {
				t.Fatalf("features(%d) not deterministic", i)
			}
		}
		buf = a
	}
	// Different words, different features; same word in the same context,
	// same features.
	other := prepare(nil, strings.Fields("De EU-landen steunen Oekraïne ."), nil, nil)
	if a, b := features(ws, 1, nil), features(other, 1, nil); equalU32(a, b) {
		t.Errorf("features of NAVO-landen and EU-landen are equal")
	}
	buf = features(ws, 0, buf[:0])
	if n := testing.AllocsPerRun(100, func() { buf = features(ws, 2, buf[:0]) }); n != 0 {
		t.Errorf("features allocates %v times; want 0", n)
	}
}

func equalU32(a, b []uint32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPrepareQuoted(t *testing.T) {
	words := strings.Fields("Hij zei : \" Poetin liegt \"")
	ws := prepare(nil, words, nil, nil)
	if ws[padding+4].flags&flQuoted == 0 {
		t.Errorf("Poetin after an opening quote is not marked quoted")
	}
	if ws[padding+1].flags&flQuoted != 0 {
		t.Errorf("zei is marked quoted")
	}
}
