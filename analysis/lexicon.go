package analysis

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

//go:embed lexicon
var lexiconFS embed.FS

// A wordList is one lexicon file: a set of lower-case entries, each with the
// tab-separated fields that followed it on its line.
type wordList map[string][]string

// has reports whether the entry is in the list.
func (w wordList) has(s string) bool { _, ok := w[s]; return ok }

// lexicon holds the language-specific data of the pipeline. The pipeline is
// the same for every language; only these lists differ.
type lexicon struct {
	lang            string
	abbreviations   wordList
	functionWords   wordList
	cues            wordList // cue verb forms: form -> [kind, lemma, particle?]
	roles           wordList // role nouns: "president" -> [actor type]
	pronouns        wordList // personal pronouns: form -> [person|group|any|thing]
	determiners     wordList
	articles        wordList // articles and possessives: a cue form after them is a noun
	metonyms        wordList // "moskou" -> [Rusland]
	groups          wordList // nouns for unnamed collective speakers -> [actor type]
	reporting       wordList // "volgens" -> [before], "aldus" -> [after]
	adverbs         wordList // words that can fill the first position alone
	prepositions    wordList
	auxiliaries     wordList
	complementizers wordList // "dat", "that"
	stances         wordList // "tegen", "voorstander"
	lightParticles  wordList // "duidelijk" in "maakte ... duidelijk dat"
	nonActors       wordList // capitalised words that never name an actor
	anaphors        wordList // "Dat" in "Dat zei hij": the sentence before
	blockers        wordList // lemma -> particles that make it no cue ("stellen" -> in)
	negations       wordList // "niet", "not", "never"
	conjunctions    wordList // "en", "but": may join the halves of a quote
	complementPreps wordList // "van", "of": attach a complement to a role ("woordvoerder van X")
	fillers         wordList // "zich", "er", "have": may stand between a cue and its content
	indefinites     wordList // "een", "a": a new, unnamed actor
	relatives       wordList // "die", "who": after a comma, the name before it
	impersonals     wordList // "het" in "…, klinkt het": no speaker of its own
	// freeInversion is set when the subject may follow the finite verb after
	// any first constituent (Dutch V2: "Volgens Moskou noemde de president ...").
	freeInversion bool
	// mergeContinuations is set when a quote that follows a statement in the
	// next sentence of its paragraph is another piece of that statement
	// rather than a statement of its own.
	mergeContinuations bool
	// participleSuffix ends the participles that continue a sentence after a
	// comma with its subject (", adding that ..."); empty when the language
	// has none.
	participleSuffix string
	// pluralSuffixes end the plural of a noun ("woordvoerders", "officials").
	pluralSuffixes []string
	// particlePrefixes may join a separable verb's particle ("er" in "erop").
	particlePrefixes []string
}

// loadLexicons reads every language's lists from fsys (the embedded lexicon
// folder in production, a test folder in tests).
func loadLexicons(fsys fs.FS) (map[string]*lexicon, error) {
	out := map[string]*lexicon{}
	for _, lang := range []string{Dutch, English} {
		lx := &lexicon{lang: lang}
		lists := []struct {
			name string
			dst  *wordList
		}{
			{"abbreviations", &lx.abbreviations},
			{"function-words", &lx.functionWords},
			{"cues", &lx.cues},
			{"roles", &lx.roles},
			{"pronouns", &lx.pronouns},
			{"determiners", &lx.determiners},
			{"articles", &lx.articles},
			{"metonyms", &lx.metonyms},
			{"groups", &lx.groups},
			{"reporting", &lx.reporting},
			{"adverbs", &lx.adverbs},
			{"prepositions", &lx.prepositions},
			{"auxiliaries", &lx.auxiliaries},
			{"complementizers", &lx.complementizers},
			{"stances", &lx.stances},
			{"light-verbs", &lx.lightParticles},
			{"non-actors", &lx.nonActors},
			{"anaphors", &lx.anaphors},
			{"particle-blocks", &lx.blockers},
			{"negations", &lx.negations},
			{"conjunctions", &lx.conjunctions},
			{"complement-prepositions", &lx.complementPreps},
			{"fillers", &lx.fillers},
			{"indefinites", &lx.indefinites},
			{"relatives", &lx.relatives},
			{"impersonals", &lx.impersonals},
		}
		for _, l := range lists {
			w, err := readWordList(fsys, lang+"/"+l.name+".txt")
			if err != nil {
				return nil, err
			}
			*l.dst = w
		}
		syntax, err := readWordList(fsys, lang+"/syntax.txt")
		if err != nil {
			return nil, err
		}
		lx.freeInversion = field(syntax["inversion"], 0, "") == "free"
		lx.mergeContinuations = field(syntax["continuation"], 0, "") == "merge"
		lx.participleSuffix = field(syntax["participle"], 0, "")
		lx.pluralSuffixes = syntax["plural"]
		lx.particlePrefixes = syntax["particle-prefixes"]
		out[lang] = lx
	}
	// Other languages' function words, to tell them apart from ours.
	others, err := fs.Glob(fsys, "other/*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range others {
		w, err := readWordList(fsys, name)
		if err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(strings.TrimPrefix(name, "other/"), ".txt")
		out[lang] = &lexicon{lang: lang, functionWords: w}
	}
	return out, nil
}

// readWordList parses one lexicon file. Lines starting with # are comments; a
// missing file is an empty list.
func readWordList(fsys fs.FS, name string) (wordList, error) {
	w := wordList{}
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return w, nil
		}
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		key := strings.ToLower(strings.TrimSpace(fields[0]))
		if key == "" {
			return nil, fmt.Errorf("lexicon %s: empty entry in %q", name, line)
		}
		w[key] = fields[1:]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	return w, nil
}

// lexicons returns the embedded lexicons, read once per process.
var lexicons = sync.OnceValues(func() (map[string]*lexicon, error) {
	sub, err := lexiconFSSub()
	if err != nil {
		return nil, err
	}
	return loadLexicons(sub)
})

// lexiconFSSub is the embedded lexicon folder.
func lexiconFSSub() (fs.FS, error) { return fs.Sub(lexiconFS, "lexicon") }
