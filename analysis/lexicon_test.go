package analysis

import (
	"io/fs"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// lexicons returns every embedded lexicon folder, read once per test
// process (the engine reads each language's on first use: lexiconOf).
var lexicons = sync.OnceValues(func() (map[string]*lexicon, error) {
	sub, err := lexiconFSSub()
	if err != nil {
		return nil, err
	}
	return loadLexicons(sub)
})

// TestEmbeddedLexiconsLoad loads the shipped lexicons: every file parses and
// validates, and the languages are the folders.
func TestEmbeddedLexiconsLoad(t *testing.T) {
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	var supported []string
	for lang, lx := range lxs {
		if lx.supported {
			supported = append(supported, lang)
		}
	}
	sort.Strings(supported)
	if strings.Join(supported, ",") != "en,nl" {
		t.Errorf("supported languages %v, want en and nl", supported)
	}
	if n := len(lxs[Dutch].cueList); n < 150 {
		t.Errorf("Dutch cue lexicon has %d lemmas, want a real resource's breadth", n)
	}
	for _, lang := range []string{"de", "fr", "es"} {
		if lx := lxs[lang]; lx == nil || lx.supported || len(lx.functionWords) == 0 {
			t.Errorf("%s: want a recognised, unsupported language with function words", lang)
		}
	}
}

// copyLexicons returns the embedded lexicon folder as a map file system
// that a test may break.
func copyLexicons(t *testing.T) fstest.MapFS {
	t.Helper()
	sub, err := lexiconFSSub()
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLexiconsFailLoudly breaks one file at a time: each break must stop the load.
func TestLexiconsFailLoudly(t *testing.T) {
	if _, err := loadLexicons(copyLexicons(t)); err != nil {
		t.Fatalf("the unbroken copy does not load: %v", err)
	}
	tests := []struct {
		name  string
		file  string
		data  string // "" deletes the file
		error string
	}{
		{"missing word list", "nl/roles.txt", "", "roles.txt"},
		{"missing cue lexicon", "en/cues.txt", "", "cues.txt"},
		{"missing irregular verbs", "nl/irregular-verbs.txt", "", "irregular-verbs.txt"},
		{"unknown cue kind", "nl/cues.txt", "zeggen\tspeaking\tguide\n", "kind"},
		{"cue without source", "nl/cues.txt", "zeggen\tspeech\n", "source"},
		{"unknown cue option", "nl/cues.txt", "zeggen\tspeech\tguide\tloud\n", "option"},
		{"bad frame", "nl/cues.txt", "zeggen\tspeech\tguide\tframe=of\n", "frame"},
		{"malformed lemma", "nl/cues.txt", "toe||geven\tspeech\tguide\n", "lemma"},
		{"lemma twice", "nl/cues.txt", "zeggen\tspeech\tguide\nzeggen\tthought\tguide\n", "twice"},
		{"empty cue lexicon", "nl/cues.txt", "# nothing\n", "no cues"},
		{"bad role type", "nl/roles.txt", "president\tpresident\n", "type"},
		{"bad pronoun type", "en/pronouns.txt", "he\tman\n", "type"},
		{"bad pronoun case", "en/pronouns.txt", "him\tperson\tm\taccusative\n", "case"},
		{"entry twice", "nl/adverbs.txt", "ook\nook\n", "twice"},
		{"short irregular verb", "nl/irregular-verbs.txt", "zeggen\tzei\n", "participle"},
		{"missing syntax setting", "nl/syntax.txt", "inversion\tfree\n", "no line"},
		{"unknown syntax setting", "en/syntax.txt", "inversion\tquote\ncontinuation\tmerge\nparticiple\ting\nplural\ts\n" +
			"particle-prefixes\nstranded\npossessive\nadverb-suffix\nclitics\ncapital-names\tyes\nconjugation\tenglish\npassive\tis\nagent\tby\ncomplement\tas\npast-participle\ted\nrelative-subject\twho\nexpletive\tit\tis\nword-order\tsvo\n", "unknown setting"},
		{"expletive without a copula", "nl/syntax.txt", strings.Replace(readEmbedded(t, "nl/syntax.txt"), "expletive\thet\tis\twas", "expletive\thet", 1), "copula"},
		{"missing evidentials", "en/evidentials.txt", "", "evidentials.txt"},
		{"bad evidential class", "en/evidentials.txt", "seem\tnoun\n", "type"},
		{"unknown conjugation", "nl/syntax.txt", strings.Replace(readEmbedded(t, "nl/syntax.txt"), "conjugation\tdutch", "conjugation\tklingon", 1), "conjugation"},
		{"stranded preposition without its form", "nl/syntax.txt", strings.Replace(readEmbedded(t, "nl/syntax.txt"), "stranded\tmet=mee", "stranded\tmet", 1), "preposition=form"},
		{"control character", "nl/negations.txt", "niet\x00\n", "control"},
		{"missing Dutch folder", "nl/syntax.txt", "", "syntax.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := copyLexicons(t)
			if tc.data == "" {
				delete(m, tc.file)
			} else {
				m[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			}
			_, err := loadLexicons(m)
			if err == nil {
				t.Fatalf("loaded without error")
			}
			if !strings.Contains(err.Error(), tc.error) {
				t.Errorf("error %q does not mention %q", err, tc.error)
			}
		})
	}
}

func readEmbedded(t *testing.T, name string) string {
	t.Helper()
	sub, err := lexiconFSSub()
	if err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(sub, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNewLanguageFromData adds a language by folder alone: it loads as
// supported with no Go edits.
func TestNewLanguageFromData(t *testing.T) {
	m := copyLexicons(t)
	for p, f := range m {
		if rest, ok := strings.CutPrefix(p, "en/"); ok {
			m["xx/"+rest] = f
		}
	}
	lxs, err := loadLexicons(m)
	if err != nil {
		t.Fatal(err)
	}
	if lx := lxs["xx"]; lx == nil || !lx.supported || lx.cues["said"] == nil {
		t.Errorf("the copied folder xx/ is not a supported language with cues")
	}
}

// TestConjugateDutch checks the Dutch conjugator on weak verbs ('t kofschip,
// long vowels, devoicing, inseparable prefixes), strong verbs from the table
// (also with a prefix) and separable verbs in both orders.
func TestConjugateDutch(t *testing.T) {
	tests := []conjugationCase{
		{"zeggen\tspeech\tt", []string{"zegt", "zeggen", "zei", "zeiden", "gezegd"}, []string{"zeg", "gezeggen"}},
		{"verklaren\tspeech\tt", []string{"verklaart", "verklaarde", "verklaarden", "verklaard"}, []string{"geverklaard"}},
		{"melden\tspeech\tt", []string{"meldt", "meldde", "gemeld"}, nil},
		{"verwachten\tthought\tt", []string{"verwacht", "verwachtte", "verwachtten"}, []string{"verwachtt"}},
		{"geloven\tthought\tt", []string{"gelooft", "geloofde", "geloofd"}, []string{"geloofte"}},
		{"eisen\tstance\tt", []string{"eist", "eiste", "geëist"}, nil},
		{"waarschuwen\tspeech\tt", []string{"waarschuwt", "waarschuwde", "gewaarschuwd"}, nil},
		{"concluderen\tspeech\tt", []string{"concludeert", "concludeerde", "geconcludeerd"}, nil},
		{"weigeren\tstance\tt", []string{"weigert", "weigerde", "geweigerd"}, []string{"weigeert"}},
		{"menen\tthought\tt", []string{"meent", "meende"}, nil},
		{"verwijten\tspeech\tt", []string{"verwijt", "verweet", "verweten"}, nil},
		{"onderschrijven\tspeech\tt", []string{"onderschrijft", "onderschreef", "onderschreven"}, []string{"ondergeschreven"}},
		{"toe|geven\tspeech\tt", []string{"geeft+", "gaf+", "gaven+", "toegeven", "toegegeven", "toegaf", "toegeeft"}, []string{"geeft", "toegegeeft"}},
		{"op|merken\tspeech\tt", []string{"merkt+", "merkte+", "opgemerkt", "opmerkte"}, nil},
		{"wijzen +op\tspeech\tt", []string{"wijst", "wees", "gewezen"}, []string{"opwijzen"}},
		{"herinneren\tthought\tt\tstem=herinner", []string{"herinnert", "herinnerde", "herinnerd"}, nil},
		{"vragen\tspeech\tt\tomit=gevraagd", []string{"vraagt", "vroeg"}, []string{"gevraagd", "vraag"}},
	}
	checkConjugations(t, mustLexicon(t, Dutch), tests)
}

// A conjugationCase is a cues.txt line with forms its conjugation must and
// must not make ("+" marks a split form that needs its particle).
type conjugationCase struct {
	line      string
	want, not []string
}

// checkConjugations conjugates each case's line with lx's rules and checks
// its forms.
func checkConjugations(t *testing.T, lx *lexicon, tests []conjugationCase) {
	t.Helper()
	for _, tc := range tests {
		got := conjugated(t, lx, tc.line)
		for _, f := range tc.want {
			if !got[f] {
				t.Errorf("%q: no form %q in %v", tc.line, f, keys(got))
			}
		}
		for _, f := range tc.not {
			if got[f] {
				t.Errorf("%q: wrong form %q", tc.line, f)
			}
		}
	}
}

// TestConjugateEnglish checks the English conjugator: -s, -ed, doubling,
// -y, irregular verbs and the -ing option.
func TestConjugateEnglish(t *testing.T) {
	lx := mustLexicon(t, English)
	tests := []conjugationCase{
		{"warn\tspeech\tt", []string{"warn", "warns", "warned"}, []string{"warning"}},
		{"say\tspeech\tt\ting", []string{"says", "said", "saying"}, []string{"sayed"}},
		{"deny\tspeech\tt", []string{"denies", "denied"}, nil},
		{"hope\tthought\tt", []string{"hopes", "hoped"}, []string{"hopeed"}},
		{"plan\tstance\tt", []string{"plans", "planned"}, []string{"planed"}},
		{"admit\tspeech\tt\tdouble", []string{"admits", "admitted"}, []string{"admited"}},
		{"quip\tspeech\tt", []string{"quipped"}, nil},
		{"stress\tspeech\tt", []string{"stresses", "stressed"}, nil},
		{"write\tspeech\tt", []string{"writes", "wrote", "written"}, []string{"writed"}},
		{"state\tspeech\tt\tomit=state,states", []string{"stated"}, []string{"state", "states"}},
	}
	checkConjugations(t, lx, tests)
	if englishING("plan", false) != "planning" || englishING("agree", false) != "agreeing" || englishING("lie", false) != "lying" {
		t.Errorf("-ing forms: %s %s %s", englishING("plan", false), englishING("agree", false), englishING("lie", false))
	}
}

func mustLexicon(t *testing.T, lang string) *lexicon {
	t.Helper()
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	return lxs[lang]
}

func conjugated(t *testing.T, lx *lexicon, line string) map[string]bool {
	t.Helper()
	c, err := parseCue(line)
	if err != nil {
		t.Fatal(err)
	}
	forms, err := lx.morph.conjugate(&c)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range forms {
		s := f.form
		if f.split {
			s += "+"
		}
		got[s] = true
	}
	return got
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestCueRecognition checks cue recognition by lemma in sentences:
// separable particles in both orders, particles not required where the verb
// is a cue without them, frames, and verbs that a particle turns into
// another verb.
func TestCueRecognition(t *testing.T) {
	tests := []struct {
		text  string
		word  string // the token to test
		lemma string // "" = no cue
	}{
		{"Hij gaf toe dat het plan mislukt is.", "gaf", "toegeven"},
		{"Hij heeft toegegeven dat het plan mislukt is.", "toegegeven", "toegeven"},
		{"Zij wil niet toegeven dat het plan mislukt is.", "toegeven", "toegeven"},
		{"Hij gaf het boek gisteren.", "gaf", ""},
		{"De minister gaf aan dat er geld komt.", "gaf", "aangeven"},
		{"De minister merkte op dat er geld komt.", "merkte", "opmerken"},
		{"De minister merkte dat er geld komt.", "merkte", "merken"},
		{"De minister merkte de fout niet.", "merkte", ""},
		{"De burgemeester wees erop dat de regels gelden.", "wees", "wijzen"},
		{"De burgemeester wees de aanvraag af.", "wees", ""},
		{"De bond riep de leden op te staken.", "riep", "oproepen"},
		{"De bond riep dat de leden moeten staken.", "riep", "roepen"},
		{"Hij voegde eraan toe dat het niet genoeg is.", "voegde", "toevoegen"},
		{"Zij ziet dat de regels niet werken.", "ziet", "zien"},
		{"Zij ziet de regels als een bedreiging.", "ziet", "zien"},
		{"Zij ziet een auto.", "ziet", ""},
		{"Het kabinet stelt sancties in tegen Iran.", "stelt", ""},
		{"Het kabinet stelt vast dat de regels werken.", "stelt", "vaststellen"},
		{"“Het is voorbij”, lachte hij.", "lachte", "lachen"},
		{"Hij lachte om de grap.", "lachte", ""},
		{"De vragen bleven onbeantwoord.", "vragen", ""},
		{"The senator is demanding answers.", "demanding", "demand"},
		{"The senator said the bill would pass.", "said", "say"},
		{"The senator pointed out that the bill would pass.", "pointed", "point"},
		{"Editor's note: the plan changed.", "note", ""},
	}
	for _, tc := range tests {
		d, err := Analyze(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		lxs, _ := lexicons()
		w := newWork(d, lxs[d.Language])
		found := false
		for i := range d.Tokens {
			if w.low[i] != strings.ToLower(tc.word) {
				continue
			}
			found = true
			s := d.Sentences[w.sent[i]]
			f, ok := w.cueAt(i, s.EndToken)
			got := ""
			if ok {
				got = field(f, 1, "")
			}
			if got != tc.lemma {
				t.Errorf("%q: %q is cue %q, want %q", tc.text, tc.word, got, tc.lemma)
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tc.text, tc.word)
		}
	}
}

// TestWordEndings checks the word endings each language's syntax file
// gives: possessives ("Trump's") and adverbs between an auxiliary and a
// cue ("has repeatedly said"). Dutch lists neither.
func TestWordEndings(t *testing.T) {
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, word      string
		owner           string // what trimPossessive leaves
		possessive, adv bool
	}{
		{English, "Trump's", "Trump", true, false},
		{English, "Trump’s", "Trump", true, false},
		{English, "Trump", "Trump", false, false},
		{English, "'s", "'s", false, false},
		{English, "repeatedly", "repeatedly", false, true},
		{English, "ly", "ly", false, false},
		{Dutch, "Trump's", "Trump's", false, false},
		{Dutch, "vriendelijk", "vriendelijk", false, false},
	}
	for _, tc := range tests {
		lx := lxs[tc.lang]
		if got := lx.trimPossessive(tc.word); got != tc.owner {
			t.Errorf("%s trimPossessive(%q) = %q, want %q", tc.lang, tc.word, got, tc.owner)
		}
		if got := lx.isPossessive(tc.word); got != tc.possessive {
			t.Errorf("%s isPossessive(%q) = %v, want %v", tc.lang, tc.word, got, tc.possessive)
		}
		if got := lx.hasAdverbSuffix(tc.word); got != tc.adv {
			t.Errorf("%s hasAdverbSuffix(%q) = %v, want %v", tc.lang, tc.word, got, tc.adv)
		}
	}
}

// TestPassivesAndEvidentials checks the words that make a statement
// sourceless: past participles (regular, irregular and of cue verbs), the
// conjugated forms of evidential verbs and evidential adverbs.
func TestPassivesAndEvidentials(t *testing.T) {
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, word             string
		participle, evidential bool
	}{
		{English, "accused", true, false},
		{English, "told", true, false},
		{English, "thought", true, false},
		{English, "say", false, false},
		{English, "red", false, false}, // too short to be stem plus -ed
		{English, "seemed", true, true},
		{English, "appears", false, true},
		{English, "reportedly", false, true},
		{English, "reported", true, false},
		{Dutch, "gezegd", true, false},
		{Dutch, "beweerd", true, false},
		{Dutch, "gevraagd", true, false},
		{Dutch, "zegt", false, false},
		{Dutch, "lijkt", false, true},
		{Dutch, "scheen", false, true},
		{Dutch, "zogenaamd", false, true},
		{Dutch, "kennelijk", false, false}, // appearance, not hearsay
		{English, "apparently", false, false},
	}
	for _, tc := range tests {
		lx := lxs[tc.lang]
		if got := lx.isParticiple(tc.word); got != tc.participle {
			t.Errorf("%s isParticiple(%q) = %v, want %v", tc.lang, tc.word, got, tc.participle)
		}
		if got := lx.evidentials.has(tc.word); got != tc.evidential {
			t.Errorf("%s evidential %q = %v, want %v", tc.lang, tc.word, got, tc.evidential)
		}
	}
	if !lxs[English].passives.has("was") || lxs[English].passives.has("has") || !lxs[Dutch].passives.has("werd") {
		t.Errorf("passive auxiliaries: want was (en) and werd (nl), not has")
	}
	if !lxs[English].relativeSubjects.has("which") || !lxs[Dutch].relativeSubjects.has("die") || lxs[English].relativeSubjects.has("whose") {
		t.Errorf("relative subjects: want which (en) and die (nl), not whose")
	}
}

// TestPronounClitic checks that a pronoun joined by the clitic of is or
// has in one token ("he’s") reads as the pronoun, in English only.
func TestPronounClitic(t *testing.T) {
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, word, gender string
		ok                 bool
	}{
		{English, "he’s", "m", true},
		{English, "she's", "f", true},
		{English, "he", "m", true},
		{English, "trump's", "", false},
		{Dutch, "hij", "m", true},
		{Dutch, "hij's", "", false},
	} {
		f, ok := lxs[tc.lang].pronoun(tc.word)
		if ok != tc.ok || ok && field(f, 1, "") != tc.gender {
			t.Errorf("%s pronoun(%q) = %v, %v; want gender %q, %v", tc.lang, tc.word, f, ok, tc.gender, tc.ok)
		}
	}
}
