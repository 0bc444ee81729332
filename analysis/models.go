package analysis

import (
	"fmt"
	"strings"
	"sync"

	"github.com/article-explorer/explorer/analysis/attribution"
	"github.com/article-explorer/explorer/analysis/ner"
)

// This file is how the engine receives its statistical models and its
// word lists. The native build embeds them (models_embed.go); the
// WebAssembly build embeds none but the function words that language
// detection needs (models_wasm.go): the browser fetches a language's files
// when it first meets the language and hands their bytes to AddModel, so
// that app.wasm stays small.

// A ModelFile is one model file of the engine, or a data file: a lexicon
// folder or the gazetteers, strung together (bundle.go).
type ModelFile struct {
	Name  string   // the file name: "en-attribution.bin", "nl-lexicon.txt"
	Langs []string // the languages whose analysis needs it
	// About says what the model is, what it learnt from and under which terms.
	About string
	// data marks a data file: the native build reads its lists from the
	// embedded folder as needed, not from this file.
	data bool
}

// gazetteerFile is the data file of the gazetteers.
const gazetteerFile = "gazetteer.txt"

// modelFiles lists every model and data file, in the order AddModel must
// receive them: the gazetteers before the NER model, which uses them. The
// Dutch NER model also serves English: the English entity rules consult it
// for names no rule types.
var modelFiles = []ModelFile{
	{Name: "nl-lexicon.txt", Langs: []string{Dutch}, data: true,
		About: "Dutch lexicon (analysis/lexicon/nl: cue verbs, roles, pronouns, ...; each file names its sources)"},
	{Name: "en-lexicon.txt", Langs: []string{English}, data: true,
		About: "English lexicon (analysis/lexicon/en; each file names its sources)"},
	{Name: gazetteerFile, Langs: []string{Dutch, English}, data: true,
		About: "gazetteers of countries, places, organisations and names (analysis/ner/gazetteer; each file names its sources)"},
	{Name: "nl-ner.bin", Langs: []string{Dutch, English},
		About: "named-entity tagger, learnt from CoNLL-2002 Dutch (research use only)"},
	{Name: "en-attribution.bin", Langs: []string{English},
		About: "English attribution labeller, learnt from PolNeAR (no licence stated: research use only)"},
}

// listed reports whether a file of that name is in modelFiles.
func listed(name string) bool {
	for _, f := range modelFiles {
		if f.Name == name {
			return true
		}
	}
	return false
}

// ModelFiles returns every model file, or with a language those that
// analysing it needs (none for a language without models).
func ModelFiles(lang string) []ModelFile {
	var out []ModelFile
	for _, f := range modelFiles {
		for _, l := range f.Langs {
			if lang == "" || l == lang {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// models holds the models added so far.
var models struct {
	sync.RWMutex
	ner         *ner.Tagger
	attribution map[string]*attribution.Model
}

// AddModel decodes a model or data file (named as ModelFiles names it) and
// makes the engine use it. It returns an error, and changes nothing, for an
// unknown name or bad data, and for the NER model before the gazetteers
// (ModelFiles lists the files in the order they must come).
func AddModel(name string, data []byte) error {
	loadEmbedded() // so that the embedded models never replace this one
	return addModel(name, data)
}

func addModel(name string, data []byte) error {
	if lang, ok := strings.CutSuffix(name, "-lexicon.txt"); ok && listed(name) {
		fsys, err := readBundle(data)
		if err == nil {
			err = setLexicon(lang, fsys)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	switch name {
	case gazetteerFile:
		fsys, err := readBundle(data)
		if err == nil {
			err = ner.SetGazetteer(fsys)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	case "nl-ner.bin":
		t, err := ner.Decode(data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		models.Lock()
		models.ner = t
		models.Unlock()
		return nil
	case "en-attribution.bin":
		m, err := attribution.Load(data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		models.Lock()
		if models.attribution == nil {
			models.attribution = map[string]*attribution.Model{}
		}
		models.attribution[English] = m
		models.Unlock()
		return nil
	}
	return fmt.Errorf("analysis: no model file is called %q", name)
}

// HasModels reports whether every model and data file that analysing lang
// needs has been added or is embedded. Analyze works without the models,
// with less (no entities from the tagger, no statements from the
// attribution model), and without the gazetteers, with less again (places,
// organisations and names not recognised as such); without its lexicon a
// language is not analysed at all (Analyze returns an error).
func HasModels(lang string) bool {
	for _, f := range ModelFiles(lang) {
		if !hasModel(f.Name) {
			return false
		}
	}
	return true
}

// hasModel reports whether a model or data file has been added or is
// embedded.
func hasModel(name string) bool {
	if lang, ok := strings.CutSuffix(name, "-lexicon.txt"); ok {
		_, err := lexiconOf(lang)
		return err == nil
	}
	if name == gazetteerFile {
		return ner.HasGazetteer()
	}
	loadEmbedded()
	models.RLock()
	defer models.RUnlock()
	switch name {
	case "nl-ner.bin":
		return models.ner != nil
	case "en-attribution.bin":
		return models.attribution[English] != nil
	}
	return false
}

// MissingModels returns the model and data files that analysing text needs
// and that have been neither added nor embedded (none in the native build,
// which embeds them all), in the order AddModel must receive them: the
// files of the text's language, the Dutch lexicon for a text in no
// supported language (its abbreviations segment the text), and for a short
// text that its function words do not decide, the Dutch and English
// lexicons, whose words decide it; once those are added, MissingModels
// names the files of the language they found.
func MissingModels(text string) []ModelFile {
	d := &Document{Text: text}
	splitParagraphs(d, readMetadata(d))
	var langs []string
	lang, err := detectLanguage(d)
	switch {
	case err != nil:
		langs = []string{Dutch, English} // their lexicons decide
	case lang == Unsupported:
		langs = []string{Dutch}
	}
	var out []ModelFile
	for _, f := range modelFiles {
		needed := false
		if langs != nil {
			for _, l := range langs {
				needed = needed || f.Name == lexiconFile(l)
			}
		} else {
			for _, l := range f.Langs {
				needed = needed || l == lang
			}
		}
		if needed && !hasModel(f.Name) {
			out = append(out, f)
		}
	}
	return out
}

// attributionModel returns the attribution model of lang, or nil.
func attributionModel(lang string) *attribution.Model {
	loadEmbedded()
	models.RLock()
	defer models.RUnlock()
	return models.attribution[lang]
}

// nerTagger returns the entity tagger: the one added, else none (the
// chunker then finds no entities).
func nerTagger() *ner.Tagger {
	loadEmbedded()
	models.RLock()
	defer models.RUnlock()
	return models.ner
}

func init() {
	// The entity stage uses the tagger of the model files.
	chunker = func(words []string, lang string) ([]ner.Chunk, error) {
		if embeddedErr != nil {
			return nil, embeddedErr
		}
		return nerTagger().Chunks(words, lang), nil
	}
}

// loadEmbedded adds the embedded model files, once, where the build embeds
// them.
var loadEmbedded = sync.OnceFunc(func() {
	for _, f := range modelFiles {
		if f.data {
			continue // read from the embedded folders as needed
		}
		if data, ok := EmbeddedModel(f.Name); ok {
			if err := addModel(f.Name, data); err != nil {
				embeddedErr = fmt.Errorf("loading the embedded model: %w", err)
			}
		}
	}
})

// embeddedErr is the error of a bad embedded model file.
var embeddedErr error

// DetectLanguage returns the language Analyze would find in text: Dutch,
// English or Unsupported (also for text Analyze refuses). The browser asks
// it first, to fetch the language's model files before the analysis.
func DetectLanguage(text string) string {
	d, _, err := prepare(text)
	if err != nil {
		return Unsupported
	}
	return d.Language
}
