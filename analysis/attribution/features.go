package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is a 32-bit hash of its template number
// and its value; the model keeps a weight row per hash it has seen. Word
// features have slots instead (see wordKey).
const (
	tBias uint32 = iota + 1
	tPrevBigram
	tNextBigram
	tSuffix
	tShape
	tQuote
	tEntity
	tEntityCtx
	tFlags
	tFlagsCtx
	tPosition
	tCueLeft
	tCueRight
	tCueBoth
	tSentence
	tPrevLabel
	tPrev2Label
	tSeen
	tSeenCue
	tPrevLabelQuote
	tCueWordLeft
	tCueWordRight
	tPrior
	tPriorPrev
	tPriorNext
	tPriorWindow
	tPriorCueLeft
	tPriorCueRight
	tPriorSourceAhead
)

// mix combines a hash with a value. Its result has the top bit (wordFlag)
// clear: that bit marks a word feature.
func mix(h, v uint32) uint32 {
	h ^= v + 0x9e3779b9 + (h << 6) + (h >> 2)
	h *= 0x85ebca6b
	return (h ^ h>>13) &^ wordFlag
}

// Word features hold one word and nothing else but a small value (the
// word's distance from the token, a quote state or a label). Their key
// (wordKey) is made of the word's hash and a slot that stands for the
// template and the value, so that a model can keep each word's rows
// together (see joint): a rare word then costs one or two cache misses,
// not one per feature.
const (
	wordFlag = 1 << 31 // set in a word feature's key
	slotBits = 5       // the low bits of a word feature's key: its slot
)

// Slots of the word features.
const (
	sWord         uint32 = iota // the token's word
	sPrevWord                   // the word before it
	sNextWord                   // the word after it
	sPrev2Word                  // two words before
	sNext2Word                  // two words after
	sWindowLeft                 // three words before
	sWindowRight                // three words after
	sCompAfterCue               // the word right after a cue
	sQuoteWord                  // the token's word and its quote state: 3 slots
	// sPrevLabelWord holds the label before the token and its word: a
	// slot per label; sPriorWord the first stage's label of the token and
	// its word, likewise.
	sPrevLabelWord = sQuoteWord + 3
	sPriorWord     = sPrevLabelWord + uint32(numLabels)
	numSlots       = sPriorWord + uint32(numLabels)
)

// The slots must fit in slotBits.
var _ [1<<slotBits - numSlots]struct{}

// wordKey returns the key of the word feature in slot of word low.
func wordKey(slot uint32, low uint32) uint32 {
	return wordFlag | low>>(slotBits+1)<<slotBits | slot
}

// hashString hashes s with FNV-1a after a seed.
func hashString(seed uint32, s string) uint32 {
	h := uint32(2166136261) ^ seed*16777619
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// tokenInfo is what the features need of a token, hashed once.
type tokenInfo struct {
	low, suffix, shape uint32
	quote              uint32 // 0 outside, 1 inside, 2 a quotation mark
	entity             uint32
	flags              uint32 // the lexicon flags that matter to features
}

// boundary stands for the words before the first and after the last token.
var boundary = tokenInfo{low: 1, suffix: 1, shape: 1, entity: 9, flags: 1 << 15}

// flagMask selects the token flags used as word features.
const flagMask = CueWord | Pronoun | RoleWord | Capitalised | Complementizer

func infoOf(t Token) tokenInfo {
	low := strings.ToLower(t.Word)
	inf := tokenInfo{low: hashString(1, low), shape: shapeHash(t.Word), flags: uint32(t.Flags & flagMask)}
	suf := low
	if n := utf8.RuneCountInString(low); n > 3 {
		k := len(low)
		for range 3 {
			_, size := utf8.DecodeLastRuneInString(low[:k])
			k -= size
		}
		suf = low[k:]
	}
	inf.suffix = hashString(2, suf)
	switch {
	case t.Flags&QuoteMark != 0:
		inf.quote = 2
	case t.Flags&Quoted != 0:
		inf.quote = 1
	}
	switch t.Entity {
	case "PER":
		inf.entity = 1
	case "ORG":
		inf.entity = 2
	case "LOC":
		inf.entity = 3
	case "MISC":
		inf.entity = 4
	}
	return inf
}

// shapeHash hashes the word's shape: runs of upper, lower, digit and other
// characters, each run written once ("Xx", "x", "d", "X.").
func shapeHash(w string) uint32 {
	var b [8]byte
	n := 0
	last := byte(0)
	for _, r := range w {
		c := byte('.')
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r == '\'' || r == '’':
			c = '\''
		case r == '"' || r == '“' || r == '”':
			c = '"'
		}
		if c != last && n < len(b) {
			b[n] = c
			n++
			last = c
		}
	}
	return hashString(3, string(b[:n]))
}

// bucket maps a distance to a small number of classes.
func bucket(d int) uint32 {
	switch {
	case d < 0:
		return 0
	case d <= 3:
		return uint32(d + 1)
	case d <= 6:
		return 5
	case d <= 12:
		return 6
	case d <= 25:
		return 7
	}
	return 8
}

// sentenceFeatures holds the static features of every token of a sentence.
type sentenceFeatures struct {
	feats []uint32 // all tokens' features, back to back
	ends  []int    // ends[i] is where token i's features end in feats
	infos []tokenInfo
	// base and baseEnds keep the first stage's features while addPrior
	// makes the second stage's.
	base     []uint32
	baseEnds []int
	// What prepare computes once for both stages: the distances to the
	// nearest cue word on each side (-1: none) and that word.
	cueLeft, cueRight   []int
	wordLeft, wordRight []uint32
	hasQuote            uint32
	// What addPrior computes of the first stage's labels: the distance to
	// the nearest cue on each side, and a source before the one on the right.
	priorLeft, priorRight []int
	sourceAhead           []bool
}

// extract computes the static features of a sentence into sf. prior holds
// the labels of the first stage, for the second (nil in the first).
func (sf *sentenceFeatures) extract(s []Token, sentFlags uint16, prior []Label) {
	sf.prepare(s)
	sf.build(sentFlags)
	if prior != nil {
		sf.addPrior(prior)
	}
}

// prepare computes what the features of both stages are made of.
func (sf *sentenceFeatures) prepare(s []Token) {
	n := len(s)
	sf.infos = sf.infos[:0]
	sf.hasQuote = 0
	for _, t := range s {
		inf := infoOf(t)
		if inf.quote != 0 {
			sf.hasQuote = 1
		}
		sf.infos = append(sf.infos, inf)
	}
	if cap(sf.cueLeft) < n {
		sf.cueLeft, sf.cueRight = make([]int, n), make([]int, n)
		sf.wordLeft, sf.wordRight = make([]uint32, n), make([]uint32, n)
	}
	sf.cueLeft, sf.cueRight = sf.cueLeft[:n], sf.cueRight[:n]
	sf.wordLeft, sf.wordRight = sf.wordLeft[:n], sf.wordRight[:n]
	last := -1
	for i := range n {
		if last < 0 {
			sf.cueLeft[i], sf.wordLeft[i] = -1, 0
		} else {
			sf.cueLeft[i], sf.wordLeft[i] = i-last, sf.infos[last].low
		}
		if s[i].Flags&CueWord != 0 {
			last = i
		}
	}
	last = -1
	for i := n - 1; i >= 0; i-- {
		if last < 0 {
			sf.cueRight[i], sf.wordRight[i] = -1, 0
		} else {
			sf.cueRight[i], sf.wordRight[i] = last-i, sf.infos[last].low
		}
		if s[i].Flags&CueWord != 0 {
			last = i
		}
	}
}

// build makes the static features of the prepared sentence (those of the
// first stage).
func (sf *sentenceFeatures) build(sentFlags uint16) {
	n := len(sf.infos)
	sf.feats = sf.feats[:0]
	sf.ends = sf.ends[:0]
	at := func(i int) tokenInfo {
		if i < 0 || i >= n {
			return boundary
		}
		return sf.infos[i]
	}
	sent := uint32(sentFlags&(ParagraphStart|Heading)) | sf.hasQuote<<12
	cueLeft, cueRight, wordLeft, wordRight := sf.cueLeft, sf.cueRight, sf.wordLeft, sf.wordRight
	for i := range n {
		c, p, q := at(i), at(i-1), at(i+1)
		f := sf.feats
		p2, q2 := at(i-2), at(i+2)
		f = append(f,
			mix(tBias, 0),
			wordKey(sWord, c.low),
			wordKey(sPrevWord, p.low),
			wordKey(sNextWord, q.low),
			wordKey(sPrev2Word, p2.low),
			wordKey(sNext2Word, q2.low),
			mix(mix(tPrevBigram, p.low), c.low),
			mix(mix(tNextBigram, c.low), q.low),
			mix(tSuffix, c.suffix),
			mix(mix(tShape, c.shape), p.shape),
			mix(mix(mix(tQuote, p.quote), c.quote), q.quote),
			wordKey(sQuoteWord+c.quote, c.low),
			mix(tEntity, c.entity),
			mix(mix(mix(tEntityCtx, p.entity), c.entity), q.entity),
			mix(tFlags, c.flags),
			mix(mix(mix(tFlagsCtx, p.flags), c.flags), q.flags),
			mix(mix(tPosition, bucket(i)), bucket(n-1-i)),
			mix(mix(tCueLeft, bucket(cueLeft[i])), c.quote),
			mix(mix(tCueRight, bucket(cueRight[i])), c.quote),
			mix(mix(mix(tCueBoth, bucket(cueLeft[i])), bucket(cueRight[i])), c.flags&uint32(Pronoun|Capitalised)),
			mix(mix(tSentence, sent), c.quote),
			mix(mix(tCueWordLeft, wordLeft[i]), c.quote),
			mix(mix(tCueWordRight, wordRight[i]), c.flags&uint32(Pronoun|Capitalised|RoleWord)),
			wordKey(sWindowLeft, at(i-3).low),
			wordKey(sWindowRight, at(i+3).low),
		)
		sf.feats = f
		sf.ends = append(sf.ends, len(f))
	}
}

// history appends the features of the labels given so far to dst. Those
// that hold no word have few values, so that a joint table keeps their rows
// in arrays by value (labelRows); joint.addHistory adds the same features'
// weights as history lists.
func history(dst []uint32, inf tokenInfo, prev, prev2 Label, seen uint32, cueEnd int, i int) []uint32 {
	dst = append(dst,
		prevLabelKey(prev),
		prev2LabelKey(prev, prev2),
		wordKey(sPrevLabelWord+uint32(prev), inf.low),
		prevQuoteKey(prev, inf.quote),
		seenKey(seen, inf.quote),
	)
	if cueEnd >= 0 {
		dst = append(dst, seenCueKey(bucket(i-cueEnd), prev))
		if i == cueEnd {
			dst = append(dst, wordKey(sCompAfterCue, inf.low))
		}
	}
	return dst
}

// The keys of the history features that hold no word: the label before
// the token, the two labels before it, the label before and the token's
// quote state, the roles seen so far in the sentence (a bit per Role) and
// the quote state, and the distance from the last cue (bucket) and the
// label before.
func prevLabelKey(prev Label) uint32 { return mix(tPrevLabel, uint32(prev)) }
func prev2LabelKey(prev, prev2 Label) uint32 {
	return mix(mix(tPrev2Label, uint32(prev)), uint32(prev2))
}
func prevQuoteKey(prev Label, quote uint32) uint32 {
	return mix(mix(tPrevLabelQuote, uint32(prev)), quote)
}
func seenKey(seen, quote uint32) uint32      { return mix(mix(tSeen, seen), quote) }
func seenCueKey(b uint32, prev Label) uint32 { return mix(mix(tSeenCue, b), uint32(prev)) }

// addPrior turns the built features into the second stage's: each
// token's static features and the features of the first stage's labels
// (prior) around it.
func (sf *sentenceFeatures) addPrior(prior []Label) {
	sf.base, sf.feats = sf.feats, sf.base[:0]
	sf.baseEnds, sf.ends = sf.ends, sf.baseEnds[:0]
	sf.priorContext(prior)
	from := 0
	for i := range prior {
		sf.feats = append(sf.feats, sf.base[from:sf.baseEnds[i]]...)
		from = sf.baseEnds[i]
		sf.feats = sf.appendPrior(sf.feats, prior, i)
		sf.ends = append(sf.ends, len(sf.feats))
	}
}

// priorContext computes, for every token, the distance to the nearest cue
// of the first stage's labels (prior) on each side (-1: none), and whether
// a source stands between the token and the cue on its right (or after
// it, when no cue does): one pass each way.
func (sf *sentenceFeatures) priorContext(prior []Label) {
	n := len(prior)
	if cap(sf.priorLeft) < n {
		sf.priorLeft, sf.priorRight, sf.sourceAhead = make([]int, n), make([]int, n), make([]bool, n)
	}
	left, right, ahead := sf.priorLeft[:n], sf.priorRight[:n], sf.sourceAhead[:n]
	sf.priorLeft, sf.priorRight, sf.sourceAhead = left, right, ahead
	last := -1
	for i := range n {
		left[i] = -1
		if last >= 0 {
			left[i] = i - last
		}
		if prior[i].Role() == Cue {
			last = i
		}
	}
	last, source := -1, false
	for i := n - 1; i >= 0; i-- {
		right[i], ahead[i] = -1, source
		if last >= 0 {
			right[i] = last - i
		}
		switch prior[i].Role() {
		case Cue:
			last, source = i, false
		case Source:
			source = true
		}
	}
}

// appendPrior appends to f the features of the first stage's labels
// around token i (priorContext must have run): the labels in a window of
// two, and the distances to the nearest cue on each side, so that the
// second stage sees the cue a source stands before.
func (sf *sentenceFeatures) appendPrior(f []uint32, prior []Label, i int) []uint32 {
	n := len(prior)
	lab := func(k int) uint32 {
		if k < 0 || k >= n {
			return uint32(numLabels)
		}
		return uint32(prior[k])
	}
	cueLeft, cueRight := sf.priorLeft[i], sf.priorRight[i]
	sourceAhead := uint32(0)
	if sf.sourceAhead[i] {
		sourceAhead = 1
	}
	c := lab(i)
	return append(f,
		mix(tPrior, c),
		mix(mix(tPriorPrev, lab(i-1)), c),
		mix(mix(tPriorNext, c), lab(i+1)),
		mix(mix(mix(tPriorWindow, lab(i-2)), c), lab(i+2)),
		mix(mix(tPriorCueLeft, bucket(cueLeft)), c),
		mix(mix(mix(tPriorCueRight, bucket(cueRight)), c), sourceAhead),
		wordKey(sPriorWord+c, sf.infos[i].low),
		mix(mix(mix(tPriorSourceAhead, sourceAhead), bucket(cueRight)), lab(i-1)),
	)
}
