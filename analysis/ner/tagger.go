package ner

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"sync"
)

// Chunk is one entity found in a sentence: the half-open token range
// [Start, End) and its type, one of "PER", "ORG", "LOC" and "MISC".
type Chunk struct {
	Start, End int
	Type       string
}

// Tagger finds named entities in tokenised sentences. It is a linear
// sequence model over hashed word features (see features.go and
// perceptron.go) together with the gazetteers of gazetteer.go. A Tagger is
// safe for concurrent use.
type Tagger struct {
	m    *linear
	lex  lexicon
	gaz  *gazetteer
	pool sync.Pool // of *scratch
}

// scratch is the per-call working memory of Chunks, reused through a pool
// so that tagging does not allocate.
type scratch struct {
	ws   []wordInfo
	en   []wordInfo // English words (english.go)
	fs   []uint32
	emis []int32
	dp   []int32
	back []uint8
	path []uint8
	// sums[i] is the packed weight sum of word i's wordFeatures.
	sums []laneSum
	// words caches the analysis of recent words and the sum of their
	// wordFeatures' weights (for a model with packed weights).
	words *wordCache
}

// wordCacheSize is the number of slots of a wordCache.
const wordCacheSize = 4096

// maxCachedWord is the longest word, in bytes, a wordCache keeps.
const maxCachedWord = 24

// wordCache is a cache from a word to its analysis (lexicon
// class included) and the summed weights of its wordFeatures. Words repeat
// (function words, names), so most words are read and scored once.
type wordCache struct {
	seed  maphash.Seed
	slots [wordCacheSize]cachedWord
	// mru[k] is the slot of set k (0 or 1) used last.
	mru [wordCacheSize / 2]uint8
}

// slot returns the slot that holds word, with hit set, or else the slot to
// put word in. The cache is two-way set-associative: a word may sit in
// either slot of its set, and a new word replaces the one used less
// recently.
func (wc *wordCache) slot(word string) (c *cachedWord, hit bool) {
	set := maphash.String(wc.seed, word) % (wordCacheSize / 2)
	for k := range uint64(2) {
		c := &wc.slots[2*set+k]
		if c.n == len(word) && string(c.word[:c.n]) == word {
			wc.mru[set] = uint8(k)
			return c, true
		}
	}
	k := 1 - uint64(wc.mru[set])
	wc.mru[set] = uint8(k)
	return &wc.slots[2*set+k], false
}

// cachedWord is one slot of a wordCache.
type cachedWord struct {
	n    int // the word's length; 0 marks an empty slot
	word [maxCachedWord]byte
	info wordInfo
	sum  laneSum
	// summed is set when sum holds the summed weights of the word's
	// wordFeatures (infoCached adds words without them).
	summed bool
}

// Default returns the embedded model, loaded once per process. It returns
// an error, and never panics, when the embedded model is bad.
func Default() (*Tagger, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Tagger, error) {
	t, err := Load(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("loading embedded NER model: %w", err)
	}
	return t, nil
})

// newTagger wraps a model and its lexicon with the embedded gazetteers.
func newTagger(m *linear, lex lexicon) (*Tagger, error) {
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	return &Tagger{m: m, lex: lex, gaz: g}, nil
}

// getScratch takes working memory for a sentence of n words from the pool.
func (t *Tagger) getScratch(n int) *scratch {
	s, _ := t.pool.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	k := len(t.m.tags)
	if cap(s.ws) < n+2*padding {
		s.ws = make([]wordInfo, 0, n+2*padding+16)
	}
	if cap(s.emis) < n*k {
		c := (n + 16) * k
		s.emis = make([]int32, c)
		s.dp = make([]int32, c)
		s.back = make([]uint8, c)
	}
	if cap(s.path) < n {
		s.path = make([]uint8, n+16)
	}
	if s.fs == nil {
		s.fs = make([]uint32, 0, 128)
	}
	if t.m.lanes > 0 {
		if cap(s.sums) < n {
			s.sums = make([]laneSum, n+16)
		}
		if s.words == nil {
			s.words = &wordCache{seed: maphash.MakeSeed()}
		}
	}
	return s
}

// maxSentenceWords bounds the words tagged at once, and so the working
// memory of Chunks (about 200 bytes a word): a longer "sentence", such as a
// 10 MB line without a full stop, is tagged in windows of at most this many
// words, cut after a punctuation mark where there is one (see splitPoint).
// Real sentences stay far below it.
const maxSentenceWords = 256

// Chunks tags one sentence's tokens (words as they appear in the text, such
// as "Poetin", "," and "NAVO-landen") and returns its entities in order.
// lang is "nl" or "en"; other values are treated as "nl". Its working memory
// is bounded whatever the sentence's length (see maxSentenceWords); it
// allocates only the returned slices, and returns nil when it finds no
// entity.
func (t *Tagger) Chunks(words []string, lang string) []Chunk {
	if len(words) == 0 || t == nil || t.m == nil {
		return nil
	}
	if len(words) <= maxSentenceWords {
		return t.chunksWindow(words, lang)
	}
	var out []Chunk
	for start := 0; start < len(words); {
		end := splitPoint(words, start, maxSentenceWords)
		for _, c := range t.chunksWindow(words[start:end], lang) {
			c.Start += start
			c.End += start
			out = append(out, c)
		}
		start = end
	}
	return out
}

// splitPoint returns where the window of at most max words that starts at
// start ends: after the last punctuation mark in its second half, so that
// names stay whole, else after max words.
func splitPoint(words []string, start, max int) int {
	end := start + max
	if end >= len(words) {
		return len(words)
	}
	for i := end - 1; i >= start+max/2; i-- {
		switch words[i] {
		case ",", ";", ":", ".", "!", "?", ")", "–", "—", "-", "…":
			return i + 1
		}
	}
	return end
}

// chunksWindow tags at most maxSentenceWords words.
func (t *Tagger) chunksWindow(words []string, lang string) []Chunk {
	if lang == "en" {
		return t.chunksEnglish(words)
	}
	s := t.getScratch(len(words))
	defer t.pool.Put(s)
	path := t.tag(s, words)
	return t.m.appendChunks(nil, path)
}

// tag runs the model over words and returns the best tag path (in s).
func (t *Tagger) tag(s *scratch, words []string) []uint8 {
	t.prepareModel(s, words)
	return t.tagPrepared(s, len(words))
}

// prepareModel analyses words into s.ws (and, for a model with packed
// weights, their summed word weights into s.sums) for tagPrepared.
func (t *Tagger) prepareModel(s *scratch, words []string) {
	if t.m.lanes == 0 {
		s.ws = prepare(s.ws[:0], words, t.gaz, t.lex)
		return
	}
	sums := s.sums[:len(words)]
	s.ws = prepareWith(s.ws[:0], words, t.gaz, func(i int, word string) wordInfo {
		return t.analyseCached(s, word, &sums[i])
	})
}

// prepareInfo analyses words into s.ws as prepareModel does, without the
// summed weights; sumWords adds them when the model is needed after all.
func (t *Tagger) prepareInfo(s *scratch, words []string) {
	if t.m.lanes == 0 {
		s.ws = prepare(s.ws[:0], words, t.gaz, t.lex)
		return
	}
	s.ws = prepareWith(s.ws[:0], words, t.gaz, func(_ int, word string) wordInfo {
		return t.infoCached(s, word)
	})
}

// sumWords sets s.sums for words[a:b] after prepareInfo, so that s is as
// prepareModel leaves it for those words.
func (t *Tagger) sumWords(s *scratch, words []string, a, b int) {
	if t.m.lanes == 0 {
		return
	}
	for i := a; i < b; i++ {
		t.analyseCached(s, words[i], &s.sums[i])
	}
}

// tagPrepared runs the model over the n words that prepareModel analysed
// into s and returns the best tag path (in s).
func (t *Tagger) tagPrepared(s *scratch, n int) []uint8 { return t.tagRange(s, 0, n) }

// tagRange runs the model over words [a, b) of those prepareModel analysed
// into s, as if they were a sentence of their own, except that their
// features still see the words around them, and returns the best tag path
// of the range (in s).
func (t *Tagger) tagRange(s *scratch, a, b int) []uint8 {
	k := len(t.m.tags)
	n := b - a
	emis := s.emis[:n*k]
	if t.m.lanes == 0 {
		for i := range n {
			s.fs = features(s.ws, a+i, s.fs[:0])
			t.m.emit(s.fs, emis[i*k:(i+1)*k])
		}
	} else {
		sums := s.sums[a:b]
		for i := range n {
			s.fs = contextFeatures(s.ws, a+i, s.fs[:0])
			t.m.emitFrom(s.fs, &sums[i], emis[i*k:(i+1)*k])
		}
	}
	path := s.path[:n]
	t.m.viterbi(emis, s.dp[:n*k], s.back[:n*k], path)
	return path
}

// prepare analyses words into dst, padded with boundary words on each side,
// and marks sentence-initial words, words after an opening quote or bracket,
// lexicon classes and gazetteer matches.
func prepare(dst []wordInfo, words []string, g *gazetteer, lex lexicon) []wordInfo {
	return prepareWith(dst, words, g, func(_ int, word string) wordInfo {
		return analyseWord(word, lex)
	})
}

// analyseWord analyses word and looks up its lexicon class (with lex).
func analyseWord(word string, lex lexicon) wordInfo {
	w := analyse(word)
	if lex != nil {
		w.lex = lex.class(w.lower)
	}
	return w
}

// analyseCached returns analyseWord(word, t.lex) and sets sum to the summed
// weights of its wordFeatures, from the cache of s when word is there.
func (t *Tagger) analyseCached(s *scratch, word string, sum *laneSum) wordInfo {
	if len(word) == 0 || len(word) > maxCachedWord {
		w := analyseWord(word, t.lex)
		*sum = laneSum{}
		s.fs = wordFeatures(&w, s.fs[:0])
		t.m.addRows(sum, s.fs)
		return w
	}
	c, hit := s.words.slot(word)
	if hit {
		if !c.summed {
			c.sum = laneSum{}
			s.fs = wordFeatures(&c.info, s.fs[:0])
			t.m.addRows(&c.sum, s.fs)
			c.summed = true
		}
		*sum = c.sum
		return c.info
	}
	w := analyseWord(word, t.lex)
	*sum = laneSum{}
	s.fs = wordFeatures(&w, s.fs[:0])
	t.m.addRows(sum, s.fs)
	c.n = copy(c.word[:], word)
	c.info, c.sum, c.summed = w, *sum, true
	return w
}

// infoCached returns analyseWord(word, t.lex), from the cache of s when
// word is there; a word it adds to the cache has no summed weights yet.
func (t *Tagger) infoCached(s *scratch, word string) wordInfo {
	if len(word) == 0 || len(word) > maxCachedWord {
		return analyseWord(word, t.lex)
	}
	c, hit := s.words.slot(word)
	if hit {
		return c.info
	}
	w := analyseWord(word, t.lex)
	c.n = copy(c.word[:], word)
	c.info, c.summed = w, false
	return w
}

// prepareWith is prepare with the words analysed by an(i, words[i]).
func prepareWith(dst []wordInfo, words []string, g *gazetteer, an func(i int, word string) wordInfo) []wordInfo {
	dst = append(dst, bosInfo, bosInfo, bosInfo)
	initial := true
	quoted := false
	for i, word := range words {
		w := an(i, word)
		if w.flags&flPunct == 0 {
			if initial {
				w.flags |= flInitial
				initial = false
			}
			if quoted {
				w.flags |= flQuoted
			}
			quoted = false
		} else {
			quoted = opensQuote(word)
		}
		dst = append(dst, w)
	}
	dst = append(dst, eosInfo, eosInfo, eosInfo)
	if g != nil {
		g.mark(dst[padding : len(dst)-padding])
	}
	return dst
}

// opensQuote reports whether a punctuation token opens a quote, a bracket or
// a new clause after which a capital letter says little.
func opensQuote(p string) bool {
	switch p {
	case "\"", "'", "(", "[", "“", "‘", "„", "«", ":", "-", "--", "–", "—", "...", "…":
		return true
	}
	return false
}
