package ner

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// The gazetteers are the lists in gazetteer/ (see the header comment of each
// file for its source and columns). They serve two purposes: the lookups
// below (Place, Organisation, Adjective, Demonym, GivenName, Surname), which
// the rest of the engine uses to type actors, and features for the tagger:
// every word that starts or continues a gazetteer match gets a bit per
// category (wordInfo.gaz).
//
// The native build embeds the lists (embed.go); the WebAssembly build does
// not: the browser fetches them as a data file of their own and passes them
// to SetGazetteer.

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
	places     [2]keyTable[placeInfo]
	orgs       [2]keyTable[orgInfo]
	adjectives [2]keyTable[[2]string] // the country or place an adjective belongs to
	people     [2]keyTable[[2]string] // the country of a demonym
	gender     keyTable[string]       // a given name's gender, "m" or "f", when it shows one
}

// langIndex maps a language code to the index of the per-language tables.
func langIndex(lang string) int {
	if lang == "en" {
		return 1
	}
	return 0
}

// gazetteerInUse is the gazetteer every lookup and every new tagger uses:
// the one given to SetGazetteer, else the embedded lists once read.
var gazetteerInUse atomic.Pointer[gazetteer]

// defaultGazetteer returns the gazetteer in use, reading the embedded lists
// on first use. Without embedded lists (the WebAssembly build) it is an
// error until SetGazetteer has been called.
func defaultGazetteer() (*gazetteer, error) {
	if g := gazetteerInUse.Load(); g != nil {
		return g, nil
	}
	return embeddedGazetteer()
}

// errNoGazetteer is the error of a build that embeds no gazetteer before
// SetGazetteer.
var errNoGazetteer = errors.New("ner: no gazetteer: this build embeds none, and SetGazetteer has not been called")

// embeddedGazetteer reads the embedded lists once; a gazetteer set before
// stays in use.
var embeddedGazetteer = sync.OnceValues(func() (*gazetteer, error) {
	if gazetteerFiles == nil {
		return nil, errNoGazetteer
	}
	g, err := loadGazetteer(gazetteerFiles)
	if err != nil {
		return nil, err
	}
	gazetteerInUse.CompareAndSwap(nil, g)
	return gazetteerInUse.Load(), nil
})

// SetGazetteer reads the gazetteer lists from fsys, laid out as the
// gazetteer folder is (gazetteer/countries.tsv, ...; GazetteerFiles lists
// them), and makes every lookup and every tagger decoded from then on use
// them. A missing or malformed list is an error, and then nothing changes.
func SetGazetteer(fsys fs.FS) error {
	g, err := loadGazetteer(fsys)
	if err != nil {
		return err
	}
	gazetteerInUse.Store(g)
	return nil
}

// HasGazetteer reports whether the gazetteer can be used: the build embeds
// it, or SetGazetteer has been given it.
func HasGazetteer() bool {
	_, err := defaultGazetteer()
	return err == nil
}

// GazetteerFiles returns the embedded gazetteer lists (as laid out for
// SetGazetteer) and their paths, or nil in the WebAssembly build, which
// embeds none.
func GazetteerFiles() (fs.FS, []string) {
	if gazetteerFiles == nil {
		return nil, nil
	}
	return gazetteerFiles, slices.Clone(gazetteerNames)
}

// loadGazetteer reads the lists from fsys (laid out as gazetteer/ is).
//
// The browser runs this on every page that analyses, so it is written to
// allocate little: each file is read once into one string, names and
// canonical names are substrings of it, rows are cut in place, and the
// tables are sized up front.
func loadGazetteer(fsys fs.FS) (*gazetteer, error) {
	texts := map[string]string{}
	lines := map[string]int{} // lines per file, to size the tables
	total := 0
	for _, name := range gazetteerNames {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading gazetteer: %w", err)
		}
		texts[name] = string(data)
		lines[name] = strings.Count(texts[name], "\n") + 1
		total += lines[name]
	}
	// About as many entries as these counts give (measured on the lists).
	places := lines["gazetteer/countries.tsv"] + lines["gazetteer/places.tsv"]
	g := &gazetteer{
		seq:    make(map[uint64]gazEntry, 2*total),
		gender: newKeyTable[string](lines["gazetteer/given-names.txt"]),
	}
	for i := range 2 {
		g.places[i] = newKeyTable[placeInfo](3 * places / 2)
		g.orgs[i] = newKeyTable[orgInfo](3 * lines["gazetteer/organisations.tsv"] / 2)
		g.adjectives[i] = newKeyTable[[2]string](places / 2)
		g.people[i] = newKeyTable[[2]string](2 * lines["gazetteer/countries.tsv"])
	}
	codes, err := g.readCountries(texts)
	if err != nil {
		return nil, err
	}
	if err := g.readPlaces(texts, codes); err != nil {
		return nil, err
	}
	if err := g.readOrganisations(texts); err != nil {
		return nil, err
	}
	err = readTable(texts, "gazetteer/misc.tsv", []string{"kind", "en", "nl"}, func(r []string) error {
		for _, cell := range r[1:] {
			for n := range alternatives(cell) {
				g.add(n, gMisc)
			}
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
		err := readLines(texts, f.name, func(line string) error {
			name, gender, _ := strings.Cut(line, "\t")
			k := g.add(name, f.cat)
			switch gender {
			case "":
			case "m", "f":
				if f.cat == gGiven {
					*g.gender.put(k) = gender
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

// gazetteerNames lists the files loadGazetteer reads.
var gazetteerNames = []string{
	"gazetteer/countries.tsv", "gazetteer/places.tsv", "gazetteer/organisations.tsv",
	"gazetteer/misc.tsv", "gazetteer/given-names.txt", "gazetteer/surnames.txt",
}

// readLines calls fn with every line of a file (read by loadGazetteer into
// texts) that is not empty or a comment.
func readLines(texts map[string]string, name string, fn func(string) error) error {
	text := texts[name]
	n := 0
	for len(text) > 0 {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		n++
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("reading gazetteer %s:%d: %w", name, n, err)
		}
	}
	return nil
}

// readTable reads a tab-separated file whose first line is a header, and
// calls fn with the cells of every row in the columns want names, in that
// order, trimmed; a cell "-" is empty. A cell may hold alternatives
// separated by "|" (see alternatives). fn must not keep the slice.
func readTable(texts map[string]string, name string, want []string, fn func(row []string) error) error {
	var cols []int // cols[i] is the column of want[i]
	width := 0
	row := make([]string, len(want))
	return readLines(texts, name, func(line string) error {
		if cols == nil {
			header := strings.Split(line, "\t")
			width = len(header)
			cols = make([]int, len(want))
			for i, w := range want {
				cols[i] = slices.Index(header, w)
				if cols[i] < 0 {
					return fmt.Errorf("no column %q", w)
				}
			}
			return nil
		}
		if n := strings.Count(line, "\t") + 1; n != width {
			return fmt.Errorf("%d cells, want %d", n, width)
		}
		for i, c := range cols {
			cell := nthField(line, c)
			if cell = strings.TrimSpace(cell); cell == "-" {
				cell = ""
			}
			row[i] = cell
		}
		return fn(row)
	})
}

// nthField returns the tab-separated field i of line.
func nthField(line string, i int) string {
	for ; i > 0; i-- {
		_, line, _ = strings.Cut(line, "\t")
	}
	field, _, _ := strings.Cut(line, "\t")
	return field
}

// alternatives yields the alternatives of a cell separated by "|" (none for
// an empty cell).
func alternatives(cell string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for cell != "" {
			alt, rest, found := strings.Cut(cell, "|")
			if !yield(alt) || !found {
				return
			}
			cell = rest
			if cell == "" {
				yield("")
				return
			}
		}
	}
}

// first returns the first alternative of a cell, or "".
func first(cell string) string {
	alt, _, _ := strings.Cut(cell, "|")
	return alt
}

// inflected yields the alternatives of a cell of adjectives, each followed
// in Dutch by its inflected form: "Russisch" gets "Russische", "Chinees"
// gets "Chinese".
func inflected(cell string, dutch bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		for a := range alternatives(cell) {
			if !yield(a) {
				return
			}
			if !dutch {
				continue
			}
			var f string
			switch {
			case strings.HasSuffix(a, "e"):
				continue
			case strings.HasSuffix(a, "ees"):
				f = a[:len(a)-3] + "ese"
			default:
				f = a + "e"
			}
			if !yield(f) {
				return
			}
		}
	}
}

// Columns of the countries table, in the order readCountries asks for them;
// the per-language ones are indexed by language (0: nl, 1: en).
var (
	countryCols    = []string{"code", "nl", "en", "nl_adj", "en_adj", "nl_people", "en_people", "nl_capital", "en_capital"}
	countryName    = [2]int{1, 2}
	countryAdj     = [2]int{3, 4}
	countryPeople  = [2]int{5, 6}
	countryCapital = [2]int{7, 8}
)

// readCountries reads the countries and returns their names by code.
func (g *gazetteer) readCountries(texts map[string]string) (map[string][2]string, error) {
	codes := map[string][2]string{}
	err := readTable(texts, "gazetteer/countries.tsv", countryCols, func(r []string) error {
		country := [2]string{first(r[countryName[0]]), first(r[countryName[1]])}
		if country[0] == "" || country[1] == "" {
			return fmt.Errorf("country without a name")
		}
		codes[first(r[0])] = country
		for li := range 2 {
			for n := range alternatives(r[countryName[li]]) {
				g.addPlace(n, li, gCountry, placeInfo{country: country, kind: Country})
			}
			for n := range alternatives(r[countryCapital[li]]) {
				g.addPlace(n, li, gCapital, placeInfo{country: country, kind: Capital})
			}
			for n := range inflected(r[countryAdj[li]], li == 0) {
				g.addName(&g.adjectives[li], n, gAdjective, country)
			}
			for n := range alternatives(r[countryPeople[li]]) {
				g.addName(&g.people[li], n, gPeople, country)
			}
		}
		return nil
	})
	return codes, err
}

func (g *gazetteer) readPlaces(texts map[string]string, codes map[string][2]string) error {
	// kind, code, then name and adjective by language (0: nl, 1: en).
	cols := []string{"kind", "code", "nl", "en", "nl_adj", "en_adj"}
	return readTable(texts, "gazetteer/places.tsv", cols, func(r []string) error {
		kind, cat := Region, gRegion
		switch first(r[0]) {
		case "city":
			kind, cat = City, gCity
		case "region", "continent":
		default:
			return fmt.Errorf("unknown kind %q", first(r[0]))
		}
		var country [2]string
		if code := first(r[1]); code != "" {
			c, ok := codes[code]
			if !ok {
				return fmt.Errorf("unknown country code %q", code)
			}
			country = c
		}
		name := [2]string{first(r[2]), first(r[3])}
		for li := range 2 {
			for n := range alternatives(r[2+li]) {
				g.addPlace(n, li, cat, placeInfo{country: country, kind: kind})
			}
			for n := range inflected(r[4+li], li == 0) {
				g.addName(&g.adjectives[li], n, gAdjective, name)
			}
		}
		return nil
	})
}

func (g *gazetteer) readOrganisations(texts map[string]string) error {
	return readTable(texts, "gazetteer/organisations.tsv", []string{"kind", "nl", "en"}, func(r []string) error {
		kind, ok := orgKinds[first(r[0])]
		if !ok {
			return fmt.Errorf("unknown kind %q", first(r[0]))
		}
		cat := gOrgOther
		switch kind {
		case International, Government:
			cat = gOrgPublic
		case Party:
			cat = gParty
		}
		name := [2]string{first(r[1]), first(r[2])}
		if name[0] == "" {
			name[0] = name[1]
		}
		for li := range 2 {
			for n := range alternatives(r[1+li]) {
				k := g.add(n, cat)
				g.orgs[li].add(k, orgInfo{name: name, kind: kind})
			}
		}
		return nil
	})
}

// addPlace adds a place name; the first entry for a name wins.
func (g *gazetteer) addPlace(name string, li, cat int, p placeInfo) {
	k := g.add(name, cat)
	g.places[li].add(k, p)
}

// addName adds an adjective or demonym; the first entry for a word wins.
func (g *gazetteer) addName(m *keyTable[[2]string], name string, cat int, country [2]string) {
	m.add(g.add(name, cat), country)
}

// keyTable maps the keys of names (as add returns them) to values. It is
// an open-addressing table rather than a Go map because the browser fills
// the gazetteer on every page, and map inserts are dear in WebAssembly.
type keyTable[V any] struct {
	slots []keySlot[V]
	n     int // slots used
	shift uint8
}

// keySlot is one slot of a keyTable.
type keySlot[V any] struct {
	key  uint64
	used bool
	val  V
}

// newKeyTable returns a table with room for about hint keys (it grows
// past them).
func newKeyTable[V any](hint int) keyTable[V] {
	bits := uint8(4)
	for 1<<bits < 2*hint {
		bits++
	}
	return keyTable[V]{slots: make([]keySlot[V], 1<<bits), shift: 64 - bits}
}

// find returns the slot of k, or the empty slot where k would go.
func (t *keyTable[V]) find(k uint64) int {
	mask := len(t.slots) - 1
	j := int((k * 0x9e3779b97f4a7c15) >> t.shift)
	for t.slots[j].used && t.slots[j].key != k {
		j = (j + 1) & mask
	}
	return j
}

// get returns the value of k.
func (t *keyTable[V]) get(k uint64) (V, bool) {
	if len(t.slots) == 0 {
		var zero V
		return zero, false
	}
	s := &t.slots[t.find(k)]
	return s.val, s.used
}

// put returns where the value of k is, adding k with a zero value when it
// is missing.
func (t *keyTable[V]) put(k uint64) *V {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		*t = newKeyTable[V](len(old))
		for _, s := range old {
			if s.used {
				t.slots[t.find(s.key)] = s
				t.n++
			}
		}
	}
	j := t.find(k)
	if !t.slots[j].used {
		t.slots[j] = keySlot[V]{key: k, used: true}
		t.n++
	}
	return &t.slots[j].val
}

// add sets the value of k unless k has one: the first entry for a name
// wins.
func (t *keyTable[V]) add(k uint64, v V) {
	if _, ok := t.get(k); !ok {
		*t.put(k) = v
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
	var words [maxGazWords]gazWordInfo
	n := 0
	for rest := name; ; {
		var w string
		if w, rest = nextField(rest); w == "" {
			break
		}
		if n == maxGazWords {
			return 0
		}
		words[n] = gazWord(w)
		n++
	}
	if n == 0 {
		return 0
	}
	k := uint64(seqStart)
	var capMask, upperMask uint8
	for j, info := range words[:n] {
		if info.capital {
			capMask |= 1 << j
		}
		if info.acronym {
			upperMask |= 1 << j
		}
		k = seqKey(k, info.lower)
		if j < n-1 {
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

// gazWordInfo is what add needs of a word of a name.
type gazWordInfo struct {
	lower   uint32 // analyse(word).lower
	capital bool   // analyse(word).flags&flUpper != 0
	acronym bool   // analyse(word).flags&flAllUpper != 0 && analyse(word).runes > 1
}

// gazWord reads a word of a gazetteer name: only the parts of analyse that
// add uses, at a fraction of its cost (the browser loads the gazetteer on
// every page).
func gazWord(word string) gazWordInfo {
	w := gazWordInfo{lower: fnvOffset}
	n, letters, uppers := 0, 0, 0
	for _, r := range word {
		if r == utf8.RuneError {
			r = '?'
		}
		w.lower = hashRune(w.lower, toLower(r))
		switch shapeClass(r) {
		case 'X':
			letters++
			uppers++
			if n == 0 {
				w.capital = true
			}
		case 'x':
			letters++
		}
		n++
	}
	w.acronym = letters > 0 && uppers == letters && n > 1
	return w
}

// nextField returns the first of the fields that strings.Fields finds in s
// (words between white space), or "" when there is none, and what follows
// it. It is Fields without the slice, and without the function call per
// field of strings.FieldsSeq, which the WebAssembly build does not inline.
func nextField(s string) (field, rest string) {
	start := -1
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if space := r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || (r >= utf8.RuneSelf && unicode.IsSpace(r)); space {
			if start >= 0 {
				return s[start:i], s[i:]
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
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
	p, found := g.places[li].get(k)
	if !found {
		p, found = g.places[1-li].get(k)
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
	o, found := g.orgs[li].get(k)
	if !found {
		o, found = g.orgs[1-li].get(k)
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
	return nameLookup(word, lang, func(g *gazetteer) *[2]keyTable[[2]string] { return &g.adjectives })
}

// Demonym reports whether word names the inhabitants of a country
// ("Amerikanen", "Amerikaan", "Americans", "Belgen") and returns the country
// by its canonical name in lang ("Verenigde Staten", "United States").
func Demonym(word, lang string) (country string, ok bool) {
	return nameLookup(word, lang, func(g *gazetteer) *[2]keyTable[[2]string] { return &g.people })
}

func nameLookup(word, lang string, table func(*gazetteer) *[2]keyTable[[2]string]) (string, bool) {
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
	v, found := t[li].get(k)
	if !found {
		v, found = t[1-li].get(k)
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
	v, _ := g.gender.get(k)
	return v
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
