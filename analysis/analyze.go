package analysis

import (
	"errors"
	"fmt"
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
	lxs, err := lexicons()
	if err != nil {
		return nil, err
	}
	d := &Document{Text: text, Tokens: make([]Token, 0, len(text)/5+16)}
	start := readMetadata(d)
	splitParagraphs(d, start)
	d.Language = detectLanguage(d, lxs)
	lx := lxs[d.Language]
	if d.Language == Unsupported {
		lx = lxs[Dutch] // structure only: abbreviations of the closest supported language
	}
	for p := range d.Paragraphs {
		first := len(d.Tokens)
		tokenize(d, lx, d.Paragraphs[p].Start, d.Paragraphs[p].End)
		splitSentences(d, p, first, len(d.Tokens))
	}
	if len(d.Paragraphs) > 0 && d.Paragraphs[0].Heading {
		d.Title = d.Slice(d.Paragraphs[0].Span)
	}
	if d.Language == Unsupported {
		return d, nil
	}
	if err := runStages(d, lx); err != nil {
		return nil, err
	}
	return d, nil
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

// detectLanguage counts the function words of each language in (at most) the
// first 2,000 words and picks the language with clearly more hits.
func detectLanguage(d *Document, lxs map[string]*lexicon) string {
	index := functionWordIndex(lxs)
	counts := make([]int, len(index.langs))
	only := make([]int, len(index.langs)) // hits of words no other language lists
	words := 0
	text := d.Text
	for _, p := range d.Paragraphs {
		for i := p.Start; i < p.End && words < 2000; {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			j := i + n
			for j < p.End {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) && r2 != '\'' {
					break
				}
				j += n2
			}
			w := text[i:j]
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
			i = j
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
		return lang
	}
	return Unsupported
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
