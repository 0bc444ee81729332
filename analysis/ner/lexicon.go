package ner

// A lexicon records how words are capitalised in running text, learnt from
// the training data: whether "wijnants" is a name or "ging" a common word
// matters most for the first word of a sentence, where a capital says
// nothing. Words are keyed by featureKey of their lower-case hash.
type lexicon map[uint32]uint8

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
	l := make(lexicon, len(c))
	for k, n := range c {
		if cl := lexClass(n[0], n[1]); cl != lexUnknown {
			l[k] = cl
		}
	}
	return l
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
func (l lexicon) class(lower uint32) uint8 {
	return l[featureKey(lower)]
}
