//go:build wasm

package app

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// This file fetches the model and data files of a language the first time
// the app meets it. app.wasm carries no model and no word list but the
// function words that detect a language: the server names each file's
// versioned URL in the ModelsEnv environment variable, the service worker
// has precached them (so this works offline after one visit), and the bytes
// go to analysis.AddModel.

// The models are also decoded ahead of need: once the page is idle after
// loading, every language's files are fetched and added (preloadModels).
// The service worker downloads every model file for its precache anyway, so
// this costs no extra transfer once it has, and the first analysis then
// finds its models ready instead of fetching and decoding them itself.
func init() {
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		go preloadModels()
		return nil
	})
	if w := js.Global(); w.Get("requestIdleCallback").Truthy() {
		w.Call("requestIdleCallback", cb, map[string]any{"timeout": 1000})
	} else {
		w.Call("setTimeout", cb, 0)
	}
}

// preloadModels fetches the files of every language with models, English
// first (its files are the larger). A file that fails is fetched again by
// the first analysis that needs it, which reports the error.
func preloadModels() {
	for _, lang := range []string{analysis.English, analysis.Dutch} {
		if err := fetchModels(analysis.ModelFiles(lang)); err != nil {
			app.Logf("explorer: preloading the %s models failed (an analysis will try again): %v", lang, err)
		}
	}
}

// modelsEnv is the go-app environment variable with the model URLs
// ("name=URL,name=URL"); it matches ModelsEnv of the server build.
const modelsEnv = "EXPLORER_MODELS"

// fetching serialises fetches, so that two analyses do not fetch twice.
var fetching sync.Mutex

// analyzeWithModels fetches the files that analysing the text needs, when
// they are not there yet, then analyses the text: a short text may first
// need the Dutch and English lexicons to tell its language, then the files
// of that language (analysis.MissingModels). When a model cannot be
// fetched the analysis runs without it (with fewer entities and
// statements) and the console says why, as an error; without its lexicon
// the text cannot be analysed, and Analyze says so.
func analyzeWithModels(text string) (*analysis.Document, error) {
	for range 3 {
		missing := analysis.MissingModels(text)
		if len(missing) == 0 {
			break
		}
		if err := fetchModels(missing); err != nil {
			js.Global().Get("console").Call("error", fmt.Sprintf("explorer: model files could not be loaded (analysing without them): %v", err))
			break
		}
	}
	return analysis.Analyze(text)
}

// fetchModels fetches, in parallel, the files not added yet, and adds them
// in the order given (analysis.ModelFiles' order: the gazetteers before
// the NER model that uses them). It records the time each file took to
// fetch and to decode as performance measures ("explorer-fetch NAME",
// "explorer-decode NAME").
func fetchModels(files []analysis.ModelFile) error {
	fetching.Lock()
	defer fetching.Unlock()
	urls := map[string]string{}
	for _, pair := range strings.Split(app.Getenv(modelsEnv), ",") {
		if name, url, ok := strings.Cut(pair, "="); ok {
			urls[name] = url
		}
	}
	type fetched struct {
		b   []byte
		err error
	}
	start := time.Now()
	results := make([]chan fetched, len(files))
	for i, f := range files {
		if loaded[f.Name] {
			continue
		}
		results[i] = make(chan fetched, 1)
		url, ok := urls[f.Name]
		if !ok {
			results[i] <- fetched{err: errors.New("no URL")}
			continue
		}
		go func() {
			markPerformance("explorer-fetch-" + f.Name)
			b, err := fetchBytes(url)
			measurePerformance("explorer-fetch "+f.Name, "explorer-fetch-"+f.Name)
			if err != nil {
				err = fmt.Errorf("%s: %w", url, err)
			}
			results[i] <- fetched{b, err}
		}()
	}
	var errs []error
	total := 0
	for i, f := range files {
		if results[i] == nil {
			continue
		}
		r := <-results[i]
		if r.err == nil {
			markPerformance("explorer-decode-" + f.Name)
			r.err = analysis.AddModel(f.Name, r.b)
			measurePerformance("explorer-decode "+f.Name, "explorer-decode-"+f.Name)
		}
		if r.err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.Name, r.err))
			continue
		}
		loaded[f.Name] = true
		total += len(r.b)
	}
	if total > 0 {
		app.Logf("explorer: model files loaded (%d bytes) in %v", total, time.Since(start).Round(time.Millisecond))
	}
	return errors.Join(errs...)
}

// loaded marks the files added so far.
var loaded = map[string]bool{}

// fetchBytes GETs a URL with the browser's fetch (which the service worker
// answers from its cache when it has the file).
func fetchBytes(url string) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	ch := make(chan result, 1)
	var onResponse, onBuffer, onError js.Func
	onError = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "fetch failed"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	onBuffer = js.FuncOf(func(this js.Value, args []js.Value) any {
		u8 := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(b, u8)
		ch <- result{b: b}
		return nil
	})
	onResponse = js.FuncOf(func(this js.Value, args []js.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			ch <- result{err: fmt.Errorf("HTTP status %d", resp.Get("status").Int())}
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBuffer, onError)
		return nil
	})
	defer func() {
		onResponse.Release()
		onBuffer.Release()
		onError.Release()
	}()
	js.Global().Call("fetch", url).Call("then", onResponse, onError)
	r := <-ch
	return r.b, r.err
}
