package ner

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestPlace(t *testing.T) {
	for _, c := range []struct {
		name, lang, country string
		kind                PlaceKind
		ok                  bool
	}{
		{"Moskou", "nl", "Rusland", Capital, true},
		{"Moskou", "en", "Russia", Capital, true},
		{"Moscow", "en", "Russia", Capital, true},
		{"Moscow", "nl", "Rusland", Capital, true},
		{"Washington", "nl", "Verenigde Staten", Capital, true},
		{"Washington", "en", "United States", Capital, true},
		{"Rusland", "nl", "Rusland", Country, true},
		{"Verenigde Staten", "nl", "Verenigde Staten", Country, true},
		{"VS", "nl", "Verenigde Staten", Country, true},
		{"United States", "en", "United States", Country, true},
		{"Oekraïne", "en", "Ukraine", Country, true},
		{"Kiev", "nl", "Oekraïne", Capital, true},
		{"Kyiv", "nl", "Oekraïne", Capital, true},
		{"Peking", "nl", "China", Capital, true},
		{"Beijing", "en", "China", Capital, true},
		{"Brussel", "nl", "België", Capital, true},
		{"Den Haag", "nl", "Nederland", City, true},
		{"Antwerpen", "nl", "België", City, true},
		{"Luik", "nl", "België", City, true},
		{"Europa", "nl", "", Region, true},
		{"Midden-Oosten", "nl", "", Region, true},
		{"Vlaanderen", "nl", "België", Region, true},
		{"Krim", "nl", "Oekraïne", Region, true},
		{"Sovjet-Unie", "nl", "Sovjet-Unie", Country, true},
		{"moskou", "nl", "Rusland", Capital, true},
		{"  Verenigde   Staten ", "nl", "Verenigde Staten", Country, true},
		{"vs", "nl", "", NotAPlace, false},
		{"Poetin", "nl", "", NotAPlace, false},
		{"", "nl", "", NotAPlace, false},
	} {
		country, kind, ok := Place(c.name, c.lang)
		if country != c.country || kind != c.kind || ok != c.ok {
			t.Errorf("Place(%q, %q) = %q, %v, %v; want %q, %v, %v", c.name, c.lang, country, kind, ok, c.country, c.kind, c.ok)
		}
	}
}

func TestOrganisation(t *testing.T) {
	for _, c := range []struct {
		name, lang, canonical string
		kind                  OrgKind
		ok                    bool
	}{
		{"NAVO", "nl", "NAVO", International, true},
		{"NATO", "nl", "NAVO", International, true},
		{"NAVO", "en", "NATO", International, true},
		{"Nato", "en", "NATO", International, true},
		{"EU", "nl", "EU", International, true},
		{"Europese Unie", "en", "EU", International, true},
		{"VN", "nl", "VN", International, true},
		{"UN", "en", "UN", International, true},
		{"Witte Huis", "nl", "Witte Huis", Government, true},
		{"White House", "en", "White House", Government, true},
		{"White House", "nl", "Witte Huis", Government, true},
		{"Kremlin", "nl", "Kremlin", Government, true},
		{"Tweede Kamer", "nl", "Tweede Kamer", Government, true},
		{"VVD", "nl", "VVD", Party, true},
		{"N-VA", "nl", "N-VA", Party, true},
		{"Reuters", "en", "Reuters", Media, true},
		{"Shell", "nl", "Shell", Company, true},
		{"Hamas", "nl", "Hamas", ArmedGroup, true},
		{"eu", "nl", "", NotAnOrganisation, false},
		{"Once", "en", "", NotAnOrganisation, false},
		{"Moskou", "nl", "", NotAnOrganisation, false},
	} {
		name, kind, ok := Organisation(c.name, c.lang)
		if name != c.canonical || kind != c.kind || ok != c.ok {
			t.Errorf("Organisation(%q, %q) = %q, %v, %v; want %q, %v, %v", c.name, c.lang, name, kind, ok, c.canonical, c.kind, c.ok)
		}
	}
}

func TestAdjectiveDemonym(t *testing.T) {
	for _, c := range []struct {
		word, lang, want string
		ok               bool
	}{
		{"Russische", "nl", "Rusland", true},
		{"Russisch", "nl", "Rusland", true},
		{"Russian", "en", "Russia", true},
		{"Russische", "en", "Russia", true},
		{"Amerikaanse", "nl", "Verenigde Staten", true},
		{"Chinese", "nl", "China", true},
		{"Oekraïense", "nl", "Oekraïne", true},
		{"Vlaamse", "nl", "Vlaanderen", true},
		{"Oost-Europese", "nl", "Oost-Europa", true},
		{"Rusland", "nl", "", false},
	} {
		got, ok := Adjective(c.word, c.lang)
		if got != c.want || ok != c.ok {
			t.Errorf("Adjective(%q, %q) = %q, %v; want %q, %v", c.word, c.lang, got, ok, c.want, c.ok)
		}
	}
	for _, c := range []struct {
		word, lang, want string
		ok               bool
	}{
		{"Amerikanen", "nl", "Verenigde Staten", true},
		{"Americans", "en", "United States", true},
		{"Russen", "nl", "Rusland", true},
		{"Belgen", "nl", "België", true},
		{"Oekraïners", "en", "Ukraine", true},
		{"Russische", "nl", "", false},
	} {
		got, ok := Demonym(c.word, c.lang)
		if got != c.want || ok != c.ok {
			t.Errorf("Demonym(%q, %q) = %q, %v; want %q, %v", c.word, c.lang, got, ok, c.want, c.ok)
		}
	}
}

func TestNames(t *testing.T) {
	for _, n := range []string{"Joe", "Vladimir", "Sophie", "Jan-Peter"} {
		if !GivenName(n) {
			t.Errorf("GivenName(%q) = false; want true", n)
		}
	}
	for _, n := range []string{"joe", "Said", "Poetin", ""} {
		if GivenName(n) {
			t.Errorf("GivenName(%q) = true; want false", n)
		}
	}
	for _, n := range []string{"Peeters", "De Vries", "Poetin", "Biden", "Von der Leyen"} {
		if !Surname(n) {
			t.Errorf("Surname(%q) = false; want true", n)
		}
	}
	if Surname("Bos") {
		t.Errorf("Surname(Bos) = true; want false (a common word)")
	}
}

func TestInflect(t *testing.T) {
	got := slices.Collect(inflected("Russisch|Chinees|Frans|Bossche", true))
	want := "Russisch Russische Chinees Chinese Frans Franse Bossche"
	if strings.Join(got, " ") != want {
		t.Errorf("inflected = %q; want %q", got, want)
	}
	if got := slices.Collect(inflected("Russian|Chinese", false)); !slices.Equal(got, []string{"Russian", "Chinese"}) {
		t.Errorf("inflected in English = %q; want the adjectives as they are", got)
	}
}

func TestAlternatives(t *testing.T) {
	for _, cell := range []string{"", "a", "a|b", "a||b", "|a", "a|", "Verenigde Staten|VS"} {
		want := strings.Split(cell, "|")
		if cell == "" {
			want = nil
		}
		if got := slices.Collect(alternatives(cell)); !slices.Equal(got, want) {
			t.Errorf("alternatives(%q) = %q; want %q", cell, got, want)
		}
	}
	if first("a|b") != "a" || first("") != "" {
		t.Errorf("first: %q %q", first("a|b"), first(""))
	}
}

func TestKindStrings(t *testing.T) {
	if Capital.String() != "capital" || NotAPlace.String() != "none" {
		t.Errorf("PlaceKind strings: %v %v", Capital, NotAPlace)
	}
	if ArmedGroup.String() != "armed group" || NotAnOrganisation.String() != "none" {
		t.Errorf("OrgKind strings: %v %v", ArmedGroup, NotAnOrganisation)
	}
}

func TestMark(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("de Verenigde Staten en de NAVO-landen , zei Joe Biden")
	ws := prepare(nil, words, g, nil)[padding:]
	has := func(i, cat int, cont bool) bool {
		bit := 2 * cat
		if cont {
			bit++
		}
		return ws[i].gaz&(1<<bit) != 0
	}
	if !has(1, gCountry, false) || !has(2, gCountry, true) {
		t.Errorf("Verenigde Staten not marked as a country")
	}
	if !has(5, gHead, false) {
		t.Errorf("NAVO-landen: head not marked")
	}
	if !has(8, gGiven, false) || !has(9, gSurname, false) {
		t.Errorf("Joe Biden not marked as given name and surname")
	}
	if ws[0].gaz != 0 || ws[3].gaz != 0 {
		t.Errorf("de/en marked")
	}
}

// TestGazetteerFiles checks every file's header comment, and that the
// embedded lists load.
func TestGazetteerFiles(t *testing.T) {
	names, err := fs.Glob(gazetteerFiles, "gazetteer/*")
	if err != nil || len(names) < 5 {
		t.Fatalf("gazetteer files: %v, %v", names, err)
	}
	for _, name := range names {
		data, _ := fs.ReadFile(gazetteerFiles, name)
		if !strings.HasPrefix(string(data), "# ") || !strings.Contains(string(data), "Source:") {
			t.Errorf("%s: want a header comment with its source", name)
		}
	}
	if _, err := loadGazetteer(gazetteerFiles); err != nil {
		t.Fatal(err)
	}
}

func TestLoadGazetteerBad(t *testing.T) {
	good := map[string]string{}
	names, _ := fs.Glob(gazetteerFiles, "gazetteer/*")
	for _, name := range names {
		data, _ := fs.ReadFile(gazetteerFiles, name)
		good[name] = string(data)
	}
	for name, change := range map[string]func(map[string]string){
		"missing file":    func(m map[string]string) { delete(m, "gazetteer/places.tsv") },
		"short row":       func(m map[string]string) { m["gazetteer/misc.tsv"] += "event\tX\n" },
		"unknown kind":    func(m map[string]string) { m["gazetteer/organisations.tsv"] += "bogus\tX\tX\n" },
		"unknown code":    func(m map[string]string) { m["gazetteer/places.tsv"] += "city\tZZ\tX\tX\t-\t-\n" },
		"missing column":  func(m map[string]string) { m["gazetteer/misc.tsv"] = "kind\ten\n" },
		"nameless nation": func(m map[string]string) { m["gazetteer/countries.tsv"] += "ZZ\t-\t-\t-\t-\t-\t-\t-\t-\n" },
	} {
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		files := map[string]string{}
		for k, v := range good {
			files[k] = v
		}
		change(files)
		m = fstest.MapFS{}
		for k, v := range files {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		if _, err := loadGazetteer(m); err == nil {
			t.Errorf("loadGazetteer with %s succeeded; want an error", name)
		}
	}
}

func TestGender(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Mark", "m"}, {"Femke", "f"}, {"Sigrid", "f"}, {"Jean", "m"}, {"Hugo", "m"},
		{"Andrea", ""}, // used for both
		{"Poetin", ""}, // not a given name
		{"", ""},
	} {
		if got := Gender(c.name); got != c.want {
			t.Errorf("Gender(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestNextField(t *testing.T) {
	for _, s := range []string{"", " ", "a", " Verenigde  Staten ", "a\tb\nc", "Sint\u00a0Petersburg x", "é\u2003ß", "\xffa b"} {
		var got []string
		for rest := s; ; {
			var f string
			if f, rest = nextField(rest); f == "" {
				break
			}
			got = append(got, f)
		}
		if want := strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("nextField splits %q into %q; want %q", s, got, want)
		}
	}
}

// TestGazWord checks gazWord against analyse, on every word of the lists
// and on some edge cases.
func TestGazWord(t *testing.T) {
	words := []string{"", "a", "A", "NAVO", "VS", "X", "É", "Élysée", "d'Hondt", "3M", "U2", "\xffB", "ÖVP", "k.o.", "Sint-Niklaas", "CD&V"}
	names, _ := fs.Glob(gazetteerFiles, "gazetteer/*")
	for _, name := range names {
		data, _ := fs.ReadFile(gazetteerFiles, name)
		words = append(words, strings.Fields(string(data))...)
	}
	for _, w := range words {
		a := analyse(w)
		want := gazWordInfo{lower: a.lower, capital: a.flags&flUpper != 0, acronym: a.flags&flAllUpper != 0 && a.runes > 1}
		if got := gazWord(w); got != want {
			t.Errorf("gazWord(%q) = %+v; want %+v", w, got, want)
		}
	}
}

func TestKeyTable(t *testing.T) {
	tab := newKeyTable[int](1)
	for k := range uint64(1000) {
		tab.add(k*7919, int(k))
		tab.add(k*7919, -1) // the first value stays
	}
	*tab.put(3) = 42
	for k := range uint64(1000) {
		if v, ok := tab.get(k * 7919); !ok || v != int(k) && k*7919 != 3 {
			t.Fatalf("get(%d) = %d, %v; want %d", k*7919, v, ok, k)
		}
	}
	if v, ok := tab.get(3); !ok || v != 42 {
		t.Errorf("get(3) = %d, %v; want 42 (put overwrites)", v, ok)
	}
	if _, ok := tab.get(5); ok {
		t.Errorf("get(5) found a key never added")
	}
	if tab.n != 1001 {
		t.Errorf("%d keys; want 1001", tab.n)
	}
	var empty keyTable[int]
	if _, ok := empty.get(1); ok {
		t.Errorf("an empty table found a key")
	}
}
