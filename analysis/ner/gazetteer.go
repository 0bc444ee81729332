package ner

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

// The gazetteers are the lists in gazetteer/ (see the header comment of each
// file for its source and columns). They serve two purposes: the lookups
// below (Place, Organisation, Adjective, Demonym, GivenName, Surname), which
// the rest of the engine uses to type actors, and features for the tagger:
// every word that starts or continues a gazetteer match gets a bit per
// category (wordInfo.gaz).

//go:embed gazetteer/*.tsv gazetteer/*.txt
var gazetteerFiles embed.FS

// Gazetteer categories. Word i of a match of category c gets bit 2c if the
// match starts there and bit 2c+1 if it continues there.
const (
	gCountry   = iota // country name
	gCapital          // capital city
	gCity             // other city
	gRegion           // continent, region, province, state, sea, river
	gAdjective        // adjective of a country or place: "Russische", "Vlaamse"
	gPeople           // inhabitants: "Amerikanen", "Belgen"
	gOrgPublic        // international organisation or government body
	gParty            // political party
	gOrgOther         // company, news medium, club, university, armed group
	gGiven            // given name
	gSurname          // family name
	gMisc             // event, product, religion, people, language (misc.tsv)
	gHead             // the part before a hyphen is a place, adjective or organisation ("NAVO-landen")
	gTail             // the part after a hyphen is an adjective or place ("pro-Russische")
	numGaz
)

// maxGazWords bounds the number of words in a gazetteer name.
const maxGazWords = 8

// PlaceKind says what kind of place Place found.
type PlaceKind uint8

// Place kinds.
const (
	NotAPlace PlaceKind = iota
	Country             // a country, also a former one (Sovjet-Unie) or a UK nation (Schotland)
	Capital             // the capital of a country
	City                // another city or town
	Region              // a continent, region, province, state, sea or river
)

// String returns the kind's name in lower case ("country", "capital", ...).
func (k PlaceKind) String() string {
	switch k {
	case Country:
		return "country"
	case Capital:
		return "capital"
	case City:
		return "city"
	case Region:
		return "region"
	}
	return "none"
}

// OrgKind says what kind of organisation Organisation found.
type OrgKind uint8

// Organisation kinds.
const (
	NotAnOrganisation OrgKind = iota
	International             // international organisation or NGO: NAVO, VN, Rode Kruis
	Government                // government body, parliament, agency: Witte Huis, Kremlin, Tweede Kamer
	Party                     // political party
	Company                   // company
	Media                     // newspaper, broadcaster, news agency
	Club                      // sports club or team
	Education                 // university, institute, think tank
	ArmedGroup                // militia, terrorist or rebel group: Hamas, Taliban
	OtherOrganisation         // trade union, employers' organisation, church, ...
)

// String returns the kind's name in lower case ("international", ...).
func (k OrgKind) String() string {
	switch k {
	case International:
		return "international"
	case Government:
		return "government"
	case Party:
		return "party"
	case Company:
		return "company"
	case Media:
		return "media"
	case Club:
		return "club"
	case Education:
		return "education"
	case ArmedGroup:
		return "armed group"
	case OtherOrganisation:
		return "other"
	}
	return "none"
}

var orgKinds = map[string]OrgKind{
	"intl": International, "gov": Government, "party": Party, "company": Company,
	"media": Media, "club": Club, "edu": Education, "armed": ArmedGroup, "other": OtherOrganisation,
}

// gazEntry is what the gazetteer knows about one lower-cased word sequence.
type gazEntry struct {
	cats   uint16 // bit per category
	prefix bool   // some longer name starts with this sequence
	// capMask and upperMask have bit j set when word j of the name must start
	// with a capital, or be all capitals (acronyms such as "NAVO").
	capMask, upperMask uint8
}

// placeInfo, orgInfo and nameInfo are the answers of the lookups, per
// language (0: nl, 1: en).
type placeInfo struct {
	country [2]string
	kind    PlaceKind
}

type orgInfo struct {
	name [2]string
	kind OrgKind
}

// gazetteer holds the parsed lists.
type gazetteer struct {
	seq        map[uint64]gazEntry
	places     [2]map[uint64]placeInfo
	orgs       [2]map[uint64]orgInfo
	adjectives [2]map[uint64][2]string // the country or place an adjective belongs to
	people     [2]map[uint64][2]string // the country of a demonym
	gender     map[uint64]string       // a given name's gender, "m" or "f", when it shows one
}

// langIndex maps a language code to the index of the per-language tables.
func langIndex(lang string) int {
	if lang == "en" {
		return 1
	}
	return 0
}

var defaultGazetteer = sync.OnceValues(func() (*gazetteer, error) {
	return loadGazetteer(gazetteerFiles)
})

// loadGazetteer reads the lists from fsys (laid out as gazetteer/ is).
func loadGazetteer(fsys fs.FS) (*gazetteer, error) {
	g := &gazetteer{seq: map[uint64]gazEntry{}, gender: map[uint64]string{}}
	for i := range 2 {
		g.places[i] = map[uint64]placeInfo{}
		g.orgs[i] = map[uint64]orgInfo{}
		g.adjectives[i] = map[uint64][2]string{}
		g.people[i] = map[uint64][2]string{}
	}
	if err := g.readCountries(fsys); err != nil {
		return nil, err
	}
	if err := g.readPlaces(fsys); err != nil {
		return nil, err
	}
	if err := g.readOrganisations(fsys); err != nil {
		return nil, err
	}
	err := readTable(fsys, "gazetteer/misc.tsv", []string{"kind", "en", "nl"}, func(r map[string][]string) error {
		for _, n := range append(r["en"], r["nl"]...) {
			g.add(n, gMisc)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		cat  int
	}{{"gazetteer/given-names.txt", gGiven}, {"gazetteer/surnames.txt", gSurname}} {
		err := readLines(fsys, f.name, func(line string) error {
			name, gender, _ := strings.Cut(line, "\t")
			k := g.add(name, f.cat)
			switch gender {
			case "":
			case "m", "f":
				if f.cat == gGiven {
					g.gender[k] = gender
				}
			default:
				return fmt.Errorf("gender %q of %q is not m or f", gender, name)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

// readLines calls fn with every line of a file that is not empty or a
// comment.
func readLines(fsys fs.FS, name string, fn func(string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("reading gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("reading gazetteer %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading gazetteer %s: %w", name, err)
	}
	return nil
}

// readTable reads a tab-separated file whose first line is a header, and
// calls fn with every row as a map from column name to the alternatives in
// that cell ("-" gives none).
func readTable(fsys fs.FS, name string, want []string, fn func(row map[string][]string) error) error {
	var header []string
	return readLines(fsys, name, func(line string) error {
		cells := strings.Split(line, "\t")
		if header == nil {
			header = cells
			for _, w := range want {
				if !containsString(header, w) {
					return fmt.Errorf("no column %q", w)
				}
			}
			return nil
		}
		if len(cells) != len(header) {
			return fmt.Errorf("%d cells, want %d", len(cells), len(header))
		}
		row := map[string][]string{}
		for i, c := range cells {
			if c = strings.TrimSpace(c); c != "" && c != "-" {
				row[header[i]] = strings.Split(c, "|")
			}
		}
		return fn(row)
	})
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// first returns the first alternative of a cell, or "".
func first(alts []string) string {
	if len(alts) == 0 {
		return ""
	}
	return alts[0]
}

// inflect adds the inflected form of Dutch adjectives: "Russisch" gets
// "Russische", "Chinees" gets "Chinese".
func inflect(adjs []string) []string {
	out := make([]string, 0, 2*len(adjs))
	for _, a := range adjs {
		out = append(out, a)
		switch {
		case strings.HasSuffix(a, "e"):
		case strings.HasSuffix(a, "ees"):
			out = append(out, a[:len(a)-3]+"ese")
		default:
			out = append(out, a+"e")
		}
	}
	return out
}

func (g *gazetteer) readCountries(fsys fs.FS) error {
	cols := []string{"code", "en", "nl", "en_adj", "nl_adj", "en_people", "nl_people", "en_capital", "nl_capital"}
	return readTable(fsys, "gazetteer/countries.tsv", cols, func(r map[string][]string) error {
		country := [2]string{first(r["nl"]), first(r["en"])}
		if country[0] == "" || country[1] == "" {
			return fmt.Errorf("country without a name")
		}
		for li, lang := range []string{"nl", "en"} {
			for _, n := range r[lang] {
				g.addPlace(n, li, gCountry, placeInfo{country: country, kind: Country})
			}
			for _, n := range r[lang+"_capital"] {
				g.addPlace(n, li, gCapital, placeInfo{country: country, kind: Capital})
			}
			adjs := r[lang+"_adj"]
			if lang == "nl" {
				adjs = inflect(adjs)
			}
			for _, n := range adjs {
				g.addName(g.adjectives[li], n, gAdjective, country)
			}
			for _, n := range r[lang+"_people"] {
				g.addName(g.people[li], n, gPeople, country)
			}
		}
		return nil
	})
}

func (g *gazetteer) readPlaces(fsys fs.FS) error {
	codes := map[string][2]string{}
	// Country names by code, for the places' countries.
	err := readTable(fsys, "gazetteer/countries.tsv", []string{"code", "en", "nl"}, func(r map[string][]string) error {
		codes[first(r["code"])] = [2]string{first(r["nl"]), first(r["en"])}
		return nil
	})
	if err != nil {
		return err
	}
	cols := []string{"kind", "code", "en", "nl", "nl_adj", "en_adj"}
	return readTable(fsys, "gazetteer/places.tsv", cols, func(r map[string][]string) error {
		kind, cat := Region, gRegion
		switch first(r["kind"]) {
		case "city":
			kind, cat = City, gCity
		case "region", "continent":
		default:
			return fmt.Errorf("unknown kind %q", first(r["kind"]))
		}
		var country [2]string
		if code := first(r["code"]); code != "" {
			c, ok := codes[code]
			if !ok {
				return fmt.Errorf("unknown country code %q", code)
			}
			country = c
		}
		name := [2]string{first(r["nl"]), first(r["en"])}
		for li, lang := range []string{"nl", "en"} {
			for _, n := range r[lang] {
				g.addPlace(n, li, cat, placeInfo{country: country, kind: kind})
			}
			adjs := r[lang+"_adj"]
			if lang == "nl" {
				adjs = inflect(adjs)
			}
			for _, n := range adjs {
				g.addName(g.adjectives[li], n, gAdjective, name)
			}
		}
		return nil
	})
}

func (g *gazetteer) readOrganisations(fsys fs.FS) error {
	return readTable(fsys, "gazetteer/organisations.tsv", []string{"kind", "en", "nl"}, func(r map[string][]string) error {
		kind, ok := orgKinds[first(r["kind"])]
		if !ok {
			return fmt.Errorf("unknown kind %q", first(r["kind"]))
		}
		cat := gOrgOther
		switch kind {
		case International, Government:
			cat = gOrgPublic
		case Party:
			cat = gParty
		}
		name := [2]string{first(r["nl"]), first(r["en"])}
		if name[0] == "" {
			name[0] = name[1]
		}
		for li, lang := range []string{"nl", "en"} {
			for _, n := range r[lang] {
				k := g.add(n, cat)
				if _, dup := g.orgs[li][k]; !dup {
					g.orgs[li][k] = orgInfo{name: name, kind: kind}
				}
			}
		}
		return nil
	})
}

// addPlace adds a place name; the first entry for a name wins.
func (g *gazetteer) addPlace(name string, li, cat int, p placeInfo) {
	k := g.add(name, cat)
	if _, dup := g.places[li][k]; !dup {
		g.places[li][k] = p
	}
}

// addName adds an adjective or demonym; the first entry for a word wins.
func (g *gazetteer) addName(m map[uint64][2]string, name string, cat int, country [2]string) {
	k := g.add(name, cat)
	if _, dup := m[k]; !dup {
		m[k] = country
	}
}

// seqKey extends the key of a word sequence with the next word's lower-case
// hash.
func seqKey(k uint64, lower uint32) uint64 {
	return (k ^ uint64(lower)) * 0x100000001b3
}

const seqStart = 0xcbf29ce484222325

// add adds a name of category cat to the matcher and returns its key.
func (g *gazetteer) add(name string, cat int) uint64 {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > maxGazWords {
		return 0
	}
	k := uint64(seqStart)
	var capMask, upperMask uint8
	for j, w := range words {
		info := analyse(w)
		if info.flags&flUpper != 0 {
			capMask |= 1 << j
		}
		if info.flags&flAllUpper != 0 && info.runes > 1 {
			upperMask |= 1 << j
		}
		k = seqKey(k, info.lower)
		if j < len(words)-1 {
			e := g.seq[k]
			e.prefix = true
			g.seq[k] = e
		}
	}
	e, seen := g.seq[k]
	if seen && e.cats != 0 {
		// Several names share this key: a word must satisfy only what all of
		// them ask.
		e.capMask &= capMask
		e.upperMask &= upperMask
	} else {
		e.capMask, e.upperMask = capMask, upperMask
	}
	e.cats |= 1 << cat
	g.seq[k] = e
	return k
}

// fits reports whether the words ws satisfy the capitalisation an entry
// asks: acronyms in capitals, and with capitals also the capitalised words.
func (e *gazEntry) fits(ws []wordInfo, capitals bool) bool {
	for j := range ws {
		if capitals && e.capMask&(1<<j) != 0 && ws[j].flags&flUpper == 0 {
			return false
		}
		if e.upperMask&(1<<j) != 0 && ws[j].flags&flAllUpper == 0 {
			return false
		}
	}
	return true
}

// mark sets the gazetteer bits of the words ws (the analysed words, not
// padded). It does not allocate.
func (g *gazetteer) mark(ws []wordInfo) {
	if g == nil || len(g.seq) == 0 {
		return
	}
	for i := range ws {
		if ws[i].flags&flPunct != 0 {
			continue
		}
		k := uint64(seqStart)
		for j := i; j < len(ws) && j-i < maxGazWords; j++ {
			k = seqKey(k, ws[j].lower)
			e, ok := g.seq[k]
			if !ok {
				break
			}
			if e.cats != 0 && e.fits(ws[i:j+1], true) {
				for c := uint32(0); c < numGaz; c++ {
					if e.cats&(1<<c) == 0 {
						continue
					}
					ws[i].gaz |= 1 << (2 * c)
					for m := i + 1; m <= j; m++ {
						ws[m].gaz |= 1 << (2*c + 1)
					}
				}
			}
			if !e.prefix {
				break
			}
		}
		if ws[i].flags&flHyphen != 0 {
			g.markParts(&ws[i])
		}
	}
}

// markParts sets the gHead and gTail bits of a hyphenated word whose first or
// last part is a place, adjective or organisation.
func (g *gazetteer) markParts(w *wordInfo) {
	const useful = 1<<gCountry | 1<<gCapital | 1<<gCity | 1<<gRegion | 1<<gAdjective | 1<<gPeople | 1<<gOrgPublic | 1<<gParty | 1<<gOrgOther | 1<<gMisc
	if e, ok := g.seq[seqKey(seqStart, w.head)]; ok && e.cats&useful != 0 {
		w.gaz |= 1 << (2 * gHead)
	}
	if e, ok := g.seq[seqKey(seqStart, w.tail)]; ok && e.cats&useful != 0 {
		w.gaz |= 1 << (2 * gTail)
	}
}

// lookup returns the key of name if its words fit an entry of the matcher.
func (g *gazetteer) lookup(name string) (uint64, bool) {
	var ws [maxGazWords]wordInfo
	n := 0
	k := uint64(seqStart)
	for w := range strings.FieldsSeq(name) {
		if n == maxGazWords {
			return 0, false
		}
		ws[n] = analyse(w)
		k = seqKey(k, ws[n].lower)
		n++
	}
	if n == 0 {
		return 0, false
	}
	e, ok := g.seq[k]
	if !ok || e.cats == 0 || !e.fits(ws[:n], false) {
		return 0, false
	}
	return k, true
}

// Place reports whether name (one or more words, such as "Moskou" or
// "Verenigde Staten") is a known country, capital, city or region, and
// returns the country it belongs to by its canonical name in lang ("nl" or
// "en"): "Moskou" gives "Rusland" in Dutch and "Russia" in English, and
// "Washington" gives "Verenigde Staten" and "United States". Country is
// empty for regions that span countries (Europa, Midden-Oosten). Names in
// the other language are found too. Case matters only for acronyms: "VS"
// is a place, "vs" is not.
func Place(name, lang string) (country string, kind PlaceKind, ok bool) {
	g, err := defaultGazetteer()
	if err != nil {
		return "", NotAPlace, false
	}
	k, found := g.lookup(name)
	if !found {
		return "", NotAPlace, false
	}
	li := langIndex(lang)
	p, found := g.places[li][k]
	if !found {
		p, found = g.places[1-li][k]
	}
	if !found {
		return "", NotAPlace, false
	}
	return p.country[li], p.kind, true
}

// Organisation reports whether name is a known organisation: an
// international organisation (NAVO, NATO, EU, VN, UN), a government body
// (Witte Huis, White House, Kremlin, Tweede Kamer), a party, a company, a
// news medium, a sports club, a university or an armed group. It returns the
// organisation's canonical name in lang ("nl" or "en"): "NATO" gives "NAVO"
// in Dutch. Names in the other language are found too. Names written in
// capitals match only words in capitals ("EU", not "eu").
func Organisation(name, lang string) (canonical string, kind OrgKind, ok bool) {
	g, err := defaultGazetteer()
	if err != nil {
		return "", NotAnOrganisation, false
	}
	k, found := g.lookup(name)
	if !found {
		return "", NotAnOrganisation, false
	}
	li := langIndex(lang)
	o, found := g.orgs[li][k]
	if !found {
		o, found = g.orgs[1-li][k]
	}
	if !found {
		return "", NotAnOrganisation, false
	}
	return o.name[li], o.kind, true
}

// Adjective reports whether word is the adjective of a country or place
// ("Russische", "Russisch", "Russian", "Vlaamse") and returns that country
// or place by its canonical name in lang ("Rusland", "Russia", "Vlaanderen").
func Adjective(word, lang string) (place string, ok bool) {
	return nameLookup(word, lang, func(g *gazetteer) *[2]map[uint64][2]string { return &g.adjectives })
}

// Demonym reports whether word names the inhabitants of a country
// ("Amerikanen", "Amerikaan", "Americans", "Belgen") and returns the country
// by its canonical name in lang ("Verenigde Staten", "United States").
func Demonym(word, lang string) (country string, ok bool) {
	return nameLookup(word, lang, func(g *gazetteer) *[2]map[uint64][2]string { return &g.people })
}

func nameLookup(word, lang string, table func(*gazetteer) *[2]map[uint64][2]string) (string, bool) {
	g, err := defaultGazetteer()
	if err != nil {
		return "", false
	}
	k, found := g.lookup(word)
	if !found {
		return "", false
	}
	li := langIndex(lang)
	t := table(g)
	v, found := t[li][k]
	if !found {
		v, found = t[1-li][k]
	}
	if !found || v[li] == "" {
		return "", false
	}
	return v[li], true
}

// GivenName reports whether name is a common first name ("Joe", "Vladimir",
// "Sophie"). It expects a capital letter, as names are written.
func GivenName(name string) bool { return hasCategory(name, gGiven) }

// Surname reports whether name is a common family name or the family name of
// a well-known public figure ("Peeters", "De Vries", "Poetin", "Biden").
func Surname(name string) bool { return hasCategory(name, gSurname) }

// Gender returns the gender a given name shows: "m", "f", or "" when the name
// is unknown or used for both ("Andrea", "Kim").
func Gender(given string) string {
	g, err := defaultGazetteer()
	if err != nil || !hasCategory(given, gGiven) {
		return ""
	}
	k, _ := g.lookup(given)
	return g.gender[k]
}

func hasCategory(name string, cat int) bool {
	g, err := defaultGazetteer()
	if err != nil {
		return false
	}
	k, ok := g.lookup(name)
	if !ok || g.seq[k].cats&(1<<cat) == 0 {
		return false
	}
	// Names are capitalised.
	w := analyse(strings.TrimSpace(name))
	return w.flags&flUpper != 0
}
