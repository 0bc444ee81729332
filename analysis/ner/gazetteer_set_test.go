package ner

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

// TestSetGazetteer: the lists a browser receives (SetGazetteer) replace
// the ones in use only when they load; GazetteerFiles names every list
// the loader reads.
func TestSetGazetteer(t *testing.T) {
	fsys, names := GazetteerFiles()
	if fsys == nil || !slices.Equal(names, gazetteerNames) {
		t.Fatalf("GazetteerFiles gives %v", names)
	}
	if !HasGazetteer() {
		t.Fatal("the native build has no gazetteer")
	}
	before, _ := defaultGazetteer()
	t.Cleanup(func() { gazetteerInUse.Store(before) })

	m := fstest.MapFS{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	broken := fstest.MapFS{}
	for name, f := range m {
		if name != "gazetteer/countries.tsv" {
			broken[name] = f
		}
	}
	if err := SetGazetteer(broken); err == nil {
		t.Fatal("SetGazetteer accepted lists without countries.tsv")
	}
	if g, _ := defaultGazetteer(); g != before {
		t.Fatal("a refused gazetteer replaced the one in use")
	}
	if err := SetGazetteer(m); err != nil {
		t.Fatal(err)
	}
	if g, _ := defaultGazetteer(); g == before {
		t.Fatal("SetGazetteer did not replace the gazetteer in use")
	}
	if country, kind, ok := Place("Moskou", "en"); !ok || country != "Russia" || kind != Capital {
		t.Errorf("Place(Moskou) with the set gazetteer: %q %v %v", country, kind, ok)
	}
}
