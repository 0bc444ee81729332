package analysis

import (
	"fmt"
	"sync"

	"github.com/article-explorer/explorer/analysis/attribution"
)

// This file is how the engine receives its statistical models. The native
// build embeds them (models_embed.go); the browser fetches each language's
// files when it first meets the language and hands their bytes to AddModel,
// so that the WebAssembly binary does not carry them.

// ModelFile describes one model file a language uses.
type ModelFile struct {
	Lang string // the language that needs it: "en", "nl"
	Name string // the file name: "en-attribution.bin"
}

// modelFiles lists every model file, per language.
var modelFiles = []ModelFile{
	{English, "en-attribution.bin"},
}

// ModelFiles returns the model files that analysing lang needs (none for a
// language without models).
func ModelFiles(lang string) []ModelFile {
	var out []ModelFile
	for _, f := range modelFiles {
		if f.Lang == lang {
			out = append(out, f)
		}
	}
	return out
}

// models holds the decoded models, by file name.
var models struct {
	sync.RWMutex
	attribution map[string]*attribution.Model
}

// AddModel decodes a model file (its name as ModelFiles gives it) and makes
// the engine use it. It returns an error for an unknown name or bad data.
func AddModel(name string, data []byte) error {
	loadEmbedded() // so that the embedded models never replace this one
	return addModel(name, data)
}

func addModel(name string, data []byte) error {
	for _, f := range modelFiles {
		if f.Name != name {
			continue
		}
		m, err := attribution.Load(data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		models.Lock()
		if models.attribution == nil {
			models.attribution = map[string]*attribution.Model{}
		}
		models.attribution[f.Lang] = m
		models.Unlock()
		return nil
	}
	return fmt.Errorf("analysis: no model file is called %q", name)
}

// HasModels reports whether every model file lang needs has been added (or
// is embedded). Analyze of a text in lang without them fails with
// ErrModelsMissing.
func HasModels(lang string) bool {
	loadEmbedded()
	models.RLock()
	defer models.RUnlock()
	for _, f := range ModelFiles(lang) {
		if models.attribution[f.Lang] == nil {
			return false
		}
	}
	return true
}

// A ModelsMissingError says that a text's language needs model files that
// have not been added yet.
type ModelsMissingError struct{ Lang string }

func (e *ModelsMissingError) Error() string {
	return "analysis: the models for language " + e.Lang + " are not loaded"
}

// attributionModel returns the attribution model of lang, or nil.
func attributionModel(lang string) *attribution.Model {
	loadEmbedded()
	models.RLock()
	defer models.RUnlock()
	return models.attribution[lang]
}

// loadEmbedded adds the embedded model files once, where the build embeds
// them; embeddedModels is set by models_embed.go.
var loadEmbedded = sync.OnceFunc(func() {
	if embeddedModels == nil {
		return
	}
	for _, f := range modelFiles {
		if data, err := embeddedModels.ReadFile("attribution/model/" + f.Name); err == nil {
			if err := addModel(f.Name, data); err != nil {
				embeddedErr = err
			}
		}
	}
})

// embeddedErr is the error of a bad embedded model file.
var embeddedErr error
