package analysis

import (
	"fmt"
	"sync"

	"github.com/article-explorer/explorer/analysis/attribution"
	"github.com/article-explorer/explorer/analysis/ner"
)

// This file is how the engine receives its statistical models. The native
// build embeds them (models_embed.go); the WebAssembly build embeds none:
// the browser fetches a language's files when it first meets the language
// and hands their bytes to AddModel, so that app.wasm stays small.

// A ModelFile is one model file of the engine.
type ModelFile struct {
	Name  string   // the file name: "en-attribution.bin"
	Langs []string // the languages whose analysis needs it
	// About says what the model is, what it learnt from and under which terms.
	About string
}

// modelFiles lists every model file. The Dutch NER model also serves
// English: the English entity rules consult it for names no rule types.
var modelFiles = []ModelFile{
	{Name: "nl-ner.bin", Langs: []string{Dutch, English},
		About: "named-entity tagger, learnt from CoNLL-2002 Dutch (research use only)"},
	{Name: "en-attribution.bin", Langs: []string{English},
		About: "English attribution labeller, learnt from PolNeAR (no licence stated: research use only)"},
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

// AddModel decodes a model file (named as ModelFiles names it) and makes
// the engine use it. It returns an error for an unknown name or bad data.
func AddModel(name string, data []byte) error {
	loadEmbedded() // so that the embedded models never replace this one
	return addModel(name, data)
}

func addModel(name string, data []byte) error {
	switch name {
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

// HasModels reports whether every model file that analysing lang needs has
// been added or is embedded. Analyze works without them, with less: no
// entities from the tagger, no statements from the attribution model.
func HasModels(lang string) bool {
	loadEmbedded()
	models.RLock()
	defer models.RUnlock()
	for _, f := range ModelFiles(lang) {
		switch f.Name {
		case "nl-ner.bin":
			if models.ner == nil {
				return false
			}
		case "en-attribution.bin":
			if models.attribution[English] == nil {
				return false
			}
		}
	}
	return true
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
