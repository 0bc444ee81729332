//go:build !wasm

package app

import "github.com/article-explorer/explorer/analysis"

// analyzeWithModels analyses text. The native build embeds every model, so
// nothing needs fetching.
func analyzeWithModels(text string) (*analysis.Document, error) { return analysis.Analyze(text) }
