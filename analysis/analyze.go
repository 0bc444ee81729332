package analysis

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxInputBytes is the largest text Analyze accepts (16 MiB).
const MaxInputBytes = 16 << 20

// ErrEmpty is returned for text that holds nothing but white space.
var ErrEmpty = errors.New("analysis: the text is empty")

// Analyze runs the whole pipeline over one article and returns its analysis:
//
//	metadata → paragraphs → tokens → sentences → language → entities →
//	statements → actors and coreference
//
// The text may start with a metadata line such as "date 2022-02". Odd text is
// not an error: it just yields fewer actors and statements. Analyze returns an
// error only for text that is empty, larger than MaxInputBytes, or not valid
// UTF-8 (byte offsets could not be shown as text then), or when the embedded
// models cannot be read.
func Analyze(text string) (*Document, error) {
	if len(text) > MaxInputBytes {
		return nil, fmt.Errorf("analysis: the text has %d bytes; the limit is %d", len(text), MaxInputBytes)
	}
	if !utf8.ValidString(text) {
		return nil, fmt.Errorf("analysis: the text is not valid UTF-8 (first bad byte at offset %d)", firstInvalid(text))
	}
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	d, lx, err := prepare(text)
	if err != nil {
		return nil, err
	}
	if d.Language == Unsupported {
		return d, nil
	}
	if err := runStages(d, lx); err != nil {
		return nil, err
	}
	return d, nil
}

// prepare reads the structure of a text and its language: metadata,
// paragraphs, tokens, sentences and title. It returns the lexicon of the
// language (of Dutch for an unsupported one: its abbreviations serve).
func prepare(text string) (*Document, *lexicon, error) {
	d := &Document{Text: text, Tokens: make([]Token, 0, len(text)/5+16)}
	start := readMetadata(d)
	splitParagraphs(d, start)
	lang, err := detectLanguage(d)
	if err != nil {
		return nil, nil, err
	}
	d.Language = lang
	if lang == Unsupported {
		lang = Dutch // structure only: abbreviations of the closest supported language
	}
	lx, err := lexiconOf(lang)
	if err != nil {
		return nil, nil, err
	}
	for p := range d.Paragraphs {
		first := len(d.Tokens)
		tokenize(d, lx, d.Paragraphs[p].Start, d.Paragraphs[p].End)
		splitSentences(d, lx, p, first, len(d.Tokens))
	}
	if len(d.Paragraphs) > 0 && d.Paragraphs[0].Heading {
		d.Title = d.Slice(d.Paragraphs[0].Span)
	}
	return d, lx, nil
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// paragraphWords yields the words of d's paragraphs in text order: runs of
// letters and digits, with apostrophes inside them when apostrophes is set
// ("don't", "zo'n").
func paragraphWords(d *Document, apostrophes bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		text := d.Text
		for _, p := range d.Paragraphs {
			for i := p.Start; i < p.End; {
				r, n := utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					i += n
					continue
				}
				j := i + n
				for j < p.End {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if !isWordRune(r2) && (!apostrophes || r2 != '\'') {
						break
					}
					j += n2
				}
				if !yield(text[i:j]) {
					return
				}
				i = j
			}
		}
	}
}

// detectLanguage counts the function words of each language in (at most) the
// first 2,000 words and picks the language with clearly more hits. It fails
// only when it needs the Dutch and English lexicons (for a short text) and
// they are not at hand (*missingLexiconError), or the embedded function
// words cannot be read.
func detectLanguage(d *Document) (string, error) {
	lxs, err := detectionLexicons()
	if err != nil {
		return "", err
	}
	index := functionWordIndex(lxs)
	counts := make([]int, len(index.langs))
	only := make([]int, len(index.langs)) // hits of words no other language lists
	words := 0
	for w := range paragraphWords(d, true) {
		if words >= 2000 {
			break
		}
		if !isASCIIDigit(w[0]) {
			words++ // numbers say nothing about the language
		}
		if len(w) <= maxFunctionWord {
			if w[0] >= 'A' && w[0] <= 'Z' {
				w = strings.ToLower(w)
			}
			all := index.words[w]
			for bits, l := all, 0; bits != 0; bits, l = bits>>1, l+1 {
				if bits&1 != 0 {
					counts[l]++
					if all == 1<<l {
						only[l]++
					}
				}
			}
		}
	}
	best, second := -1, 0
	for l, n := range counts {
		if best < 0 || n > counts[best] {
			best = l
		}
	}
	for l, n := range only {
		if l != best && n > second {
			second = n // what only another language would say
		}
	}
	lang, n := index.langs[best], counts[best]
	need := 2
	if words < 8 {
		need = 1 // a one-line text: one function word is all it has room for
	}
	// Enough function words for the length, and clearly more than any other
	// language. Lists of names and results (sports tables) have few function
	// words: when no other language shows at all, a few suffice.
	share := 0.12
	if second == 0 {
		share = 0.01
	}
	if lxs[lang].supported && n >= need && float64(n) >= share*float64(min(words, 2000)) && float64(n) > 1.3*float64(second) {
		return lang, nil
	}
	if words <= shortText && (lang == Dutch || lang == English || n < need) {
		// Too short for function words to decide, and no other language shows
		// clearly: the whole vocabulary and the letters decide.
		return shortTextLanguage(d)
	}
	return Unsupported, nil
}

// shortText is the most words a text may have for the vocabulary and letter
// scoring to decide its language when its function words do not.
const shortText = 40

// shortTextLanguage decides between Dutch and English for a short text by
// the words of each language's lexicons (cue verbs, roles, adverbs, ...) it
// holds, then by how likely its letter trigrams are under each language's
// vocabulary. A text that gives neither any sign is Unsupported. It needs
// the Dutch and English lexicons (an error when they are not at hand).
func shortTextLanguage(d *Document) (string, error) {
	v, err := vocabularies()
	if err != nil {
		return "", err
	}
	var hits [2]int
	var logp [2]float64
	for w := range paragraphWords(d, false) {
		if isASCIIDigit(w[0]) {
			continue
		}
		w = strings.ToLower(w)
		for l := range v {
			if v[l].words[w] {
				hits[l]++
			}
			logp[l] += v[l].logProb(w)
		}
	}
	switch {
	case hits[0] > hits[1]:
		return v[0].lang, nil
	case hits[1] > hits[0]:
		return v[1].lang, nil
	}
	// Letters: a clear difference in log-likelihood (natural log).
	const margin = 1.0
	switch {
	case logp[0] > logp[1]+margin:
		return v[0].lang, nil
	case logp[1] > logp[0]+margin:
		return v[1].lang, nil
	}
	return Unsupported, nil
}

// vocabulary is every word a language's lexicon files list, and the letter
// trigram counts of those words (with "^" and "$" marking word edges).
type vocabulary struct {
	lang     string
	words    map[string]bool
	trigrams map[string]int
	total    int
}

// logProb is the log-likelihood of a word's trigrams, add-one smoothed.
func (v *vocabulary) logProb(w string) float64 {
	rs := []rune("^" + w + "$")
	lp := 0.0
	for k := 0; k+3 <= len(rs); k++ {
		lp += math.Log(float64(v.trigrams[string(rs[k:k+3])]+1) / float64(v.total+trigramSpace))
	}
	return lp
}

// trigramSpace is the number of distinct trigrams assumed for smoothing.
const trigramSpace = 20000

// vocabularies returns the vocabularies of Dutch and English, built once
// from their lexicons (again when AddModel replaces one): the words of
// every word list, and every inflected form of the cue verbs (cues.txt
// lists lemmas; the conjugator makes "insists", "wrote", "zegt").
func vocabularies() ([2]*vocabulary, error) {
	languageLexicons.RLock()
	v := languageLexicons.vocab
	languageLexicons.RUnlock()
	if v != nil {
		return *v, nil
	}
	var lxs [2]*lexicon
	for l, lang := range []string{Dutch, English} {
		lx, err := lexiconOf(lang)
		if err != nil {
			return [2]*vocabulary{}, err
		}
		lxs[l] = lx
	}
	languageLexicons.Lock()
	defer languageLexicons.Unlock()
	if v := languageLexicons.vocab; v != nil {
		return *v, nil
	}
	var srcs [2]fs.FS
	for l, lx := range lxs {
		if languageLexicons.lx[lx.lang] != lx {
			return [2]*vocabulary{}, fmt.Errorf("analysis: the %s lexicon changed while its vocabulary was built", lx.lang)
		}
		srcs[l] = languageLexicons.src[lx.lang]
	}
	read := readVocabularies(lxs, srcs)
	languageLexicons.vocab = &read
	return read, nil
}

// readVocabularies builds the vocabularies that vocabularies returns, from
// the Dutch and English lexicons and the folders they were read from.
func readVocabularies(lxs [2]*lexicon, srcs [2]fs.FS) [2]*vocabulary {
	var out [2]*vocabulary
	for l, lx := range lxs {
		lang := lx.lang
		v := &vocabulary{lang: lang, words: map[string]bool{}, trigrams: map[string]int{}}
		var forms []string
		for f := range lx.cueForms {
			forms = append(forms, f)
		}
		for f := range lx.ingForms {
			forms = append(forms, f)
		}
		sort.Strings(forms)
		for _, w := range forms {
			v.add(w)
		}
		for _, name := range lexiconPaths(srcs[l], lang) {
			if strings.HasSuffix(name, "/syntax.txt") || strings.HasSuffix(name, "/abbreviations.txt") || strings.HasSuffix(name, "/cues.txt") {
				continue
			}
			data, err := fs.ReadFile(srcs[l], name)
			if err != nil {
				continue
			}
			for _, line := range strings.Split(string(data), "\n") {
				if line == "" || line[0] == '#' {
					continue
				}
				entry, _, _ := strings.Cut(line, "\t")
				for _, w := range strings.Fields(strings.ToLower(entry)) {
					v.add(w)
				}
			}
		}
		out[l] = v
	}
	// A word both languages list ("in", "is") says nothing.
	for w := range out[0].words {
		if out[1].words[w] {
			delete(out[0].words, w)
			delete(out[1].words, w)
		}
	}
	return out
}

// lexiconPaths returns the paths of a language's lexicon files in src (a
// data file, or the embedded folder), sorted.
func lexiconPaths(src fs.FS, lang string) []string {
	if b, ok := src.(bundleFS); ok {
		return b.textFiles(lang)
	}
	if embedsLexicons { // a constant false in the WebAssembly build: no fs.Glob there
		names, _ := fs.Glob(src, lang+"/*.txt")
		sort.Strings(names)
		return names
	}
	return nil
}

// add counts a word and its letter trigrams once.
func (v *vocabulary) add(w string) {
	if v.words[w] {
		return
	}
	v.words[w] = true
	rs := []rune("^" + w + "$")
	for k := 0; k+3 <= len(rs); k++ {
		v.trigrams[string(rs[k:k+3])]++
		v.total++
	}
}

// maxFunctionWord is the longest function word worth looking up, in bytes.
const maxFunctionWord = 12

// langWords maps each function word to the languages (bits, in the order of
// langs) that list it.
type langWords struct {
	langs []string
	words map[string]uint8
}

var functionWordIndexOnce sync.Once
var functionWordIndexValue langWords

// functionWordIndex builds the function-word index once per process.
func functionWordIndex(lxs map[string]*lexicon) langWords {
	functionWordIndexOnce.Do(func() {
		idx := langWords{words: map[string]uint8{}}
		for lang := range lxs {
			idx.langs = append(idx.langs, lang)
		}
		sort.Strings(idx.langs)
		for l, lang := range idx.langs {
			for w := range lxs[lang].functionWords {
				idx.words[w] |= 1 << l
			}
		}
		functionWordIndexValue = idx
	})
	return functionWordIndexValue
}
