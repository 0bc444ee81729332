package ner

import "slices"

// A lexicon records how words are capitalised in running text, learnt from
// the training data: whether "wijnants" is a name or "ging" a common word
// matters most for the first word of a sentence, where a capital says
// nothing. Words are keyed by featureKey of their lower-case hash.
//
// It is a flat open-addressing table rather than a Go map: the browser
// builds it from the model file on every page, and filling slices costs a
// small fraction of what inserting 24,000 entries into a map costs in
// WebAssembly. A nil lexicon knows no word.
type lexicon = *lexTable

// lexTable is the table behind a lexicon.
type lexTable struct {
	keys    []uint32 // the keys, ascending
	classes []uint8  // classes[i] is the class of keys[i]
	// table holds i+1 for keys[i] at its slot (0: empty), mask its size-1.
	table []uint32
	mask  uint32
}

// newLexicon makes a lexicon of keys (ascending, distinct) and their
// classes.
func newLexicon(keys []uint32, classes []uint8) lexicon {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	l := &lexTable{keys: keys, classes: classes, table: make([]uint32, size), mask: uint32(size - 1)}
	for i, k := range keys {
		j := k & l.mask
		for l.table[j] != 0 {
			j = (j + 1) & l.mask
		}
		l.table[j] = uint32(i + 1)
	}
	return l
}

// len returns the number of words in the lexicon.
func (l *lexTable) len() int {
	if l == nil {
		return 0
	}
	return len(l.keys)
}

// Lexicon classes.
const (
	lexUnknown     = iota // not seen in the middle of a sentence
	lexLower              // always in lower case
	lexMostlyLower        // mostly in lower case
	lexMostlyUpper        // mostly capitalised
	lexUpper              // always capitalised
	numLex
)

// caseCounts counts a word's lower-case and capitalised occurrences.
type caseCounts map[uint32][2]int32

// count adds the words of one sentence that are not sentence-initial and
// have letters.
func (c caseCounts) count(words []string, sign int32) {
	first := true
	for _, word := range words {
		w := analyse(word)
		if w.flags&flPunct != 0 {
			continue
		}
		if first {
			first = false
			continue
		}
		if w.flags&(flUpper|flLower) == 0 {
			continue
		}
		k := featureKey(w.lower)
		n := c[k]
		if w.flags&flUpper != 0 {
			n[1] += sign
		} else {
			n[0] += sign
		}
		c[k] = n
	}
}

// lexicon turns counts into classes.
func (c caseCounts) lexicon() lexicon {
	keys := make([]uint32, 0, len(c))
	for k, n := range c {
		if lexClass(n[0], n[1]) != lexUnknown {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	classes := make([]uint8, len(keys))
	for i, k := range keys {
		n := c[k]
		classes[i] = lexClass(n[0], n[1])
	}
	return newLexicon(keys, classes)
}

// lexClass classifies a word seen lower times in lower case and upper times
// capitalised.
func lexClass(lower, upper int32) uint8 {
	switch {
	case lower <= 0 && upper <= 0:
		return lexUnknown
	case upper <= 0:
		return lexLower
	case lower <= 0:
		return lexUpper
	case lower >= upper:
		return lexMostlyLower
	}
	return lexMostlyUpper
}

// class returns the lexicon class of a word by its lower-case hash.
func (l *lexTable) class(lower uint32) uint8 {
	if l == nil || len(l.table) == 0 {
		return lexUnknown
	}
	k := featureKey(lower)
	for j := k & l.mask; ; j = (j + 1) & l.mask {
		i := l.table[j]
		if i == 0 {
			return lexUnknown
		}
		if l.keys[i-1] == k {
			return l.classes[i-1]
		}
	}
}
