//go:build js && wasm

package analysis

// EmbeddedModel returns the embedded bytes of a model file: the WebAssembly
// build embeds none (the app fetches them and passes them to AddModel).
func EmbeddedModel(name string) ([]byte, bool) { return nil, false }
