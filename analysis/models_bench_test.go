package analysis

import "testing"

// BenchmarkLoadModel measures decoding each model file, which the native
// build does once per process and the browser once per page (after fetching
// the file).
func BenchmarkLoadModel(b *testing.B) {
	for _, f := range ModelFiles("") {
		data, ok := EmbeddedModel(f.Name)
		if !ok {
			b.Fatalf("%s is not embedded", f.Name)
		}
		b.Run(f.Name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := addModel(f.Name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
