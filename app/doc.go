// Package app is the explorer's application layer: the one page, its state
// and actions, routing, the share-link codec, and the go-app Handler settings
// shared by the server and the static export. Data flows one way:
// text → analysis.Analyze (in an action handler) → app state → components.
//
// The package builds for both sides. The wasm client calls Register,
// SanitizeLocation and app.RunWhenOnBrowser; the server and cmd/build also
// use NewHandler (handler.go, not in the wasm).
//
// Files:
//   - routes.go: Register (route and action handlers)
//   - explorer-page.go: explorerPage, the page (selection, language, exports)
//   - state.go: the analysis and import states and their action handlers
//   - share.go: the share-link codec (EncodeShare, DecodeShare) with its caps
//   - corrections.go: the reader's corrections (Edit), anchored to byte spans,
//     applied over the analysis by ApplyEdits before anything is drawn, and
//     their share-link encoding
//   - workspace.go: the analysed view (tabs, bars, article, statements,
//     actors) and the correction and view-switching handlers
//   - location.go: SanitizeLocation, so a damaged link cannot crash go-app
//   - import-client.go: the URL import through the browser's fetch
//   - export.go: JSON, CSV and plain-text exports
//   - browser.go: clipboard, downloads, scrolling and other page calls
//   - example.go: the built-in example article (example/seed.txt)
//   - handler.go: NewHandler, Resources and AssetVersion (server only)
//   - compressed.go: Compress and DecompressesTo for the pre-compressed
//     app.wasm copies, shared by serve and cmd/build (server only)
package app
