package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are never built as strings. Every word is read once (analyse),
// which leaves a handful of 32-bit FNV-1a hashes in a wordInfo; a feature is
// then a template number mixed with one or two of those hashes. The model
// keys its weights by the top keyBits bits of that feature hash.

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// Word flags.
const (
	flUpper     = 1 << iota // first rune is an upper-case letter
	flAllUpper              // has letters, none lower case
	flLower                 // has a lower-case letter
	flDigit                 // has a digit
	flAllDigit              // only digits
	flHyphen                // has an inner hyphen
	flPeriod                // has a period
	flApos                  // has an apostrophe
	flPunct                 // no letters or digits at all
	flMixed                 // an upper-case letter after the first rune (McDonald, iPhone, NAVO-landen)
	flInitial               // first word of the sentence (set by the caller)
	flQuoted                // directly after an opening quote or bracket (set by the caller)
	flPartUpper             // a part after a hyphen starts with an upper-case letter (Oost-Europa, anti-Amerikaans)
)

// wordInfo is what the features need to know about one word.
type wordInfo struct {
	lower  uint32    // hash of the lower-cased word
	exact  uint32    // hash of the word as written
	shape  uint32    // hash of the long shape ("Xxxx-xxxx", runs cut at 4)
	short  uint32    // hash of the short shape ("Xx-x")
	prefix [4]uint32 // hashes of the lower-cased 1..4-rune prefixes
	suffix [5]uint32 // hashes of the lower-cased 1..5-rune suffixes
	head   uint32    // hash of the lower-cased part before the first hyphen (0 without hyphen)
	tail   uint32    // hash of the lower-cased part after the last hyphen (0 without hyphen)
	flags  uint32
	gaz    uint32 // gazetteer bits (see gazetteer.go)
	runes  int
	lex    uint8 // lexicon class (lexicon.go)
}

// shapeClass maps a rune to its shape letter.
func shapeClass(r rune) byte {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return '*'
}

// toLower lower-cases r, with an ASCII fast path.
func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// hashRune adds the UTF-8 bytes of r to the FNV-1a hash h.
func hashRune(h uint32, r rune) uint32 {
	if r < utf8.RuneSelf {
		return (h ^ uint32(r)) * fnvPrime
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	for _, c := range b[:n] {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

// hashLower returns the FNV-1a hash of the lower-cased s: the same value
// analyse puts in wordInfo.lower.
func hashLower(s string) uint32 {
	h := uint32(fnvOffset)
	for _, r := range s {
		if r == utf8.RuneError {
			r = '?'
		}
		h = hashRune(h, toLower(r))
	}
	return h
}

// analyse reads word once and fills in its wordInfo. It does not allocate.
func analyse(word string) wordInfo {
	var w wordInfo
	lower, exact := uint32(fnvOffset), uint32(fnvOffset)
	shape, short := uint32(fnvOffset), uint32(fnvOffset)
	var last byte
	run := 0
	// lowers holds the last runes, lower-cased, as a ring, for the suffixes.
	var lowers [5]rune
	n := 0
	letters, uppers, digits := 0, 0, 0
	partStart := true
	head := uint32(fnvOffset)
	tail := uint32(fnvOffset)
	inHead := true
	for i, r := range word {
		if r == utf8.RuneError {
			// Treat invalid bytes as an unknown symbol.
			r = '?'
		}
		lr := toLower(r)
		lower = hashRune(lower, lr)
		exact = hashRune(exact, r)
		if n < 4 {
			w.prefix[n] = lower
		}
		lowers[n%5] = lr
		n++

		c := shapeClass(r)
		if c == last {
			run++
		} else {
			run = 1
			short = (short ^ uint32(c)) * fnvPrime
		}
		if run <= 4 {
			shape = (shape ^ uint32(c)) * fnvPrime
		}
		last = c

		switch c {
		case 'X':
			letters++
			uppers++
			if n == 1 {
				w.flags |= flUpper
			} else {
				w.flags |= flMixed
				if partStart {
					w.flags |= flPartUpper
				}
			}
		case 'x':
			letters++
			w.flags |= flLower
		case 'd':
			digits++
		}
		switch r {
		case '-':
			if n > 1 && i+1 < len(word) {
				w.flags |= flHyphen
				inHead = false
				tail = fnvOffset
			}
		case '.':
			w.flags |= flPeriod
		case '\'', '’':
			w.flags |= flApos
		}
		partStart = r == '-'
		if r != '-' {
			if inHead {
				head = hashRune(head, lr)
			}
			tail = hashRune(tail, lr)
		}
	}
	w.lower, w.exact, w.shape, w.short, w.runes = lower, exact, shape, short, n
	// Suffixes: hash the last k runes for k = 1..5.
	for k := 1; k <= 5 && k <= n; k++ {
		h := uint32(fnvOffset)
		for j := n - k; j < n; j++ {
			h = hashRune(h, lowers[j%5])
		}
		w.suffix[k-1] = h
	}
	if w.flags&flHyphen != 0 {
		w.head, w.tail = head, tail
	}

	if letters > 0 && uppers == letters {
		w.flags |= flAllUpper
	}
	if digits > 0 && digits == n {
		w.flags |= flAllDigit
	}
	if digits > 0 {
		w.flags |= flDigit
	}
	if letters == 0 && digits == 0 {
		w.flags |= flPunct
	}
	return w
}

// mix is the 32-bit finaliser of MurmurHash3: it spreads the bits of h.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// feat is a feature on one value.
func feat(t uint32, a uint32) uint32 { return mix(a ^ t*0x9e3779b1) }

// feat2 is a feature on two values.
func feat2(t uint32, a, b uint32) uint32 { return mix(mix(a^t*0x9e3779b1) + b*0x27d4eb2f) }

// Feature templates. The numbers are part of the model: append, never reorder.
const (
	tBias uint32 = iota + 1
	tLower
	tExact
	tPrev1
	tNext1
	tPrev2
	tNext2
	tPrevCur
	tCurNext
	tPrefix // + 0..3
	_
	_
	_
	tSuffix // + 0..4
	_
	_
	_
	_
	tShape
	tShort
	tPrevShort
	tNextShort
	tShort3
	tFlags
	tFlagsInitial
	tLowerInitial
	tCaps3
	tHead
	tTail
	tHeadFlags
	tGaz
	tPrevGaz
	tNextGaz
	tLength
	tPrevExact
	tNextExact
	tPrevPrevCur
	tCurNextNext
	tPrevNext
	tSuffixCaps
	tGazCaps
	tLowerQuoted
	tPrev2Short
	tNext2Short
	tShortInitial
	tLex
	tLexPrev
	tLexNext
)

// boundary hashes stand for the words before and after the sentence.
var (
	bosInfo = wordInfo{lower: 0xb05, exact: 0xb05, shape: 0xb05, short: 0xb05, flags: flPunct}
	eosInfo = wordInfo{lower: 0xe05, exact: 0xe05, shape: 0xe05, short: 0xe05, flags: flPunct}
)

// capsClass sums up a word's capitalisation in 2 bits.
func capsClass(w *wordInfo) uint32 {
	switch {
	case w.flags&flPunct != 0:
		return 3
	case w.flags&flUpper != 0:
		return 1
	case w.flags&flAllDigit != 0:
		return 2
	}
	return 0
}

// flagMask selects the flags that go into the tFlags feature.
const flagMask = flUpper | flAllUpper | flLower | flDigit | flAllDigit | flHyphen | flPeriod | flApos | flPunct | flMixed | flPartUpper

// padding is the number of boundary words on each side of a sentence in the
// analysed words that features reads.
const padding = 3

// features appends the feature hashes of word i of ws to dst. ws must be
// padded with boundary words on each side: word i of the sentence is
// ws[i+padding].
func features(ws []wordInfo, i int, dst []uint32) []uint32 {
	return contextFeatures(ws, i, wordFeatures(&ws[i+padding], dst))
}

// appendGaz appends one feature per gazetteer bit set in g.
func appendGaz(dst []uint32, t uint32, g uint32, caps uint32) []uint32 {
	for b := uint32(0); g != 0; b++ {
		if g&1 != 0 {
			dst = append(dst, feat2(t, b, caps))
		}
		g >>= 1
	}
	return dst
}

// wordFeatures appends the features of features that depend on the word
// alone (not on its neighbours, its place or the gazetteers); the tagger
// keeps their summed weights per word. Together with contextFeatures they
// are the features of features, in another order.
func wordFeatures(w *wordInfo, dst []uint32) []uint32 {
	caps := capsClass(w)
	dst = append(dst,
		feat(tLower, w.lower),
		feat(tExact, w.exact),
		feat(tShape, w.shape),
		feat(tShort, w.short),
		feat(tLength, uint32(min(w.runes, 16))),
	)
	for k, h := range w.prefix {
		if h != 0 {
			dst = append(dst, feat(tPrefix+uint32(k), h))
		}
	}
	for k, h := range w.suffix {
		if h != 0 {
			dst = append(dst, feat(tSuffix+uint32(k), h))
		}
	}
	if w.runes > 3 {
		dst = append(dst, feat2(tSuffixCaps, w.suffix[2], caps))
	}
	if w.flags&flHyphen != 0 {
		dst = append(dst,
			feat(tHead, w.head),
			feat(tTail, w.tail),
			feat2(tHeadFlags, w.head, w.flags&(flUpper|flAllUpper|flPartUpper)),
		)
	}
	return dst
}

// contextFeatures appends the features of word i of ws that wordFeatures
// leaves out. ws is padded as for features.
func contextFeatures(ws []wordInfo, i int, dst []uint32) []uint32 {
	p := i + padding
	w := &ws[p]
	p1, p2 := &ws[p-1], &ws[p-2]
	n1, n2 := &ws[p+1], &ws[p+2]
	initial := w.flags & flInitial
	caps := capsClass(w)

	dst = append(dst,
		tBias,
		feat(tPrev1, p1.lower),
		feat(tNext1, n1.lower),
		feat(tPrev2, p2.lower),
		feat(tNext2, n2.lower),
		feat2(tPrevCur, p1.lower, w.lower),
		feat2(tCurNext, w.lower, n1.lower),
		feat(tPrevShort, p1.short),
		feat(tNextShort, n1.short),
		feat2(tShort3, p1.short, w.short*31+n1.short),
		feat2(tFlags, w.flags&flagMask, initial),
		feat2(tCaps3, capsClass(p1)<<4|caps<<2|capsClass(n1), initial),
		feat(tPrevExact, p1.exact),
		feat(tNextExact, n1.exact),
		feat2(tPrevNext, p1.lower, n1.lower),
		feat2(tShortInitial, w.short, initial),
		feat(tPrev2Short, p2.short),
		feat(tNext2Short, n2.short),
		feat2(tLex, uint32(w.lex), caps<<1|initial>>11),
		feat2(tLexPrev, uint32(p1.lex)<<2|capsClass(p1), uint32(w.lex)<<2|caps),
		feat2(tLexNext, uint32(n1.lex)<<2|capsClass(n1), uint32(w.lex)<<2|caps),
	)
	if initial != 0 {
		dst = append(dst, feat(tLowerInitial, w.lower))
	}
	if w.flags&flQuoted != 0 {
		dst = append(dst, feat(tLowerQuoted, w.lower))
	}
	if w.gaz != 0 {
		dst = appendGaz(dst, tGaz, w.gaz, caps)
	}
	if p1.gaz != 0 {
		dst = appendGaz(dst, tPrevGaz, p1.gaz, caps)
	}
	if n1.gaz != 0 {
		dst = appendGaz(dst, tNextGaz, n1.gaz, caps)
	}
	return dst
}
