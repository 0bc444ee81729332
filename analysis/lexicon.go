package analysis

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// The lexicons are the folders of lexicon/, one per language. The native
// build embeds all of them (models_embed.go). The WebAssembly build embeds
// only every language's function words, which language detection needs
// before anything else (models_wasm.go); the browser fetches the rest of a
// language's folder as a data file (bundle.go) and passes it to AddModel.

// A wordList is one lexicon file: a set of lower-case entries, each with the
// tab-separated fields that followed it on its line.
type wordList map[string][]string

// has reports whether the entry is in the list.
func (w wordList) has(s string) bool { _, ok := w[s]; return ok }

// Cue kinds, as cues.txt writes them.
const (
	kindSpeech     = "speech"     // said, claimed, asked: reported speech
	kindThought    = "thought"    // thought, believed, feared: reported thought
	kindStance     = "stance"     // wants, supports, opposes: a position with no speech verb
	kindImpersonal = "impersonal" // a cue only with an impersonal subject ("…", klinkt het)
)

// Cue classes: how the statement rules treat a cue (field 0 of lexicon.cues).
const (
	classSpeech     = "speech"     // speech and thought verbs
	classPosition   = "position"   // stance verbs
	classImpersonal = "impersonal" // impersonal verbs
)

// frameThat marks a cue verb that reports only with a complement clause or
// after a quote ("zag dat ...", "merkt op dat ..."), not with a plain object
// ("zag een auto").
const frameThat = "that"

// A cue is one verb of a language's cue lexicon (cues.txt), by lemma.
type cue struct {
	Lemma    string // the infinitive, with a separable particle joined: "toegeven"
	Base     string // the verb without its particle: "geven"
	Kind     string // kindSpeech, kindThought, kindStance or kindImpersonal
	Particle string // the particle or governed word the verb needs ("toe", "op" in wijzen op, "als"); "" when none
	// Separable is set when Particle is a separable particle written
	// together with the infinitive and participle ("toegeven", "toegegeven");
	// otherwise it is a word that must follow in the clause ("wijst erop").
	Separable bool
	Frame     string   // frameThat, or "" when any content may follow
	Source    string   // the source tag of the line (see the file's header)
	Stem      string   // an irregular stem the rules would get wrong ("herinner"); "" when regular
	Omit      []string // forms left out: more often nouns than verbs
	Forms     []string // extra forms a conjugator cannot make
	ING       bool     // English: the -ing form is a cue anywhere, not only after an auxiliary
	Double    bool     // English: the last consonant doubles before -ed/-ing ("admitted")
}

// class is how the statement rules treat the cue.
func (c *cue) class() string {
	switch c.Kind {
	case kindStance:
		return classPosition
	case kindImpersonal:
		return classImpersonal
	}
	return classSpeech
}

// fields is the cue as a lexicon.cues entry: class, lemma, the particle
// this form needs later in the clause ("" when none), kind.
func (c *cue) fields(needsParticle bool) []string {
	part := ""
	if needsParticle {
		part = c.Particle
	}
	return []string{c.class(), c.Lemma, part, c.Kind}
}

// A cueForm is one inflected form of a cue and what it needs.
type cueForm struct {
	cue *cue
	// needsParticle is set when the cue's particle (or governed word) must
	// follow later in the clause for this form to be the cue.
	needsParticle bool
	finite        bool
	number        string // singular or plural when the form shows its subject's number
}

// verbNumber returns the subject number a cue form shows (singular,
// plural), or "" when it shows none or its readings disagree.
func (lx *lexicon) verbNumber(form string) string {
	n := ""
	for _, r := range lx.cueForms[form] {
		switch {
		case r.number == "":
			return ""
		case n == "":
			n = r.number
		case n != r.number:
			return ""
		}
	}
	return n
}

// lexicon holds the language-specific data of the pipeline. The pipeline is
// the same for every language; only these lists differ.
type lexicon struct {
	lang string
	// supported is set for a language with a folder of its own under
	// lexicon/ (analysed in full); the languages of lexicon/other are only
	// recognised.
	supported     bool
	abbreviations wordList
	functionWords wordList
	// cues maps every inflected form that is a cue as it stands (with no
	// particle needed) to [class, lemma, "", kind] (see cue.fields); the
	// statement rules use it to tell cue verbs. cueForms holds every form
	// with all its readings, split forms too ("gaf" of toegeven), for cueAt.
	cues            wordList
	cueForms        map[string][]cueForm
	ingForms        map[string][]cueForm // English -ing forms, cues after an auxiliary or comma
	cueList         []cue
	rules           *rulesLexicon // stance predicates and the statement rules' word classes
	roles           wordList      // role nouns: "president" -> [actor type]
	pronouns        wordList      // personal pronouns: form -> [person|group|any|thing, gender?]
	determiners     wordList
	articles        wordList // articles and possessives: a cue form after them is a noun
	metonyms        wordList // "moskou" -> [Rusland]
	groups          wordList // nouns for unnamed collective speakers -> [actor type]
	reporting       wordList // "volgens" -> [before], "aldus" -> [after]
	adverbs         wordList // words that can fill the first position alone
	prepositions    wordList
	auxiliaries     wordList
	complementizers wordList // "dat", "that"
	stances         wordList // "tegen", "voorstander"
	timeWords       wordList // "keer", "twee": "voor de tweede keer" is no stance
	lightParticles  wordList // "duidelijk" in "maakte ... duidelijk dat"
	nonActors       wordList // capitalised words that never name an actor
	anaphors        wordList // "Dat" in "Dat zei hij": the sentence before
	blockers        wordList // lemma -> particles that make it no cue ("stellen" -> in)
	negations       wordList // "niet", "not", "never"
	conjunctions    wordList // "en", "but": may join the halves of a quote
	complementPreps wordList // "van", "of": attach a complement to a role ("woordvoerder van X")
	fillers         wordList // "zich", "er", "have": may stand between a cue and its content
	indefinites     wordList // "een", "a": a new, unnamed actor
	relatives       wordList // "die", "who": after a comma, the name before it
	impersonals     wordList // "het" in "…, klinkt het": no speaker of its own
	kinds           wordList // definite descriptions by actor kind: "organisatie" -> [organization]
	coordinators    wordList // "en", "and": join two speakers into one group
	// freeInversion is set when the subject may follow the finite verb after
	// any first constituent (Dutch V2: "Volgens Moskou noemde de president ...").
	freeInversion bool
	// mergeContinuations is set when a quote that follows a statement in the
	// next sentence of its paragraph is another piece of that statement
	// rather than a statement of its own; a floating quote further on then
	// takes that statement's source mention.
	mergeContinuations bool
	// participleSuffix ends the participles that continue a sentence after a
	// comma with its subject (", adding that ..."); empty when the language
	// has none.
	participleSuffix string
	// pluralSuffixes end the plural of a noun ("woordvoerders", "officials").
	pluralSuffixes []string
	// particlePrefixes may join a separable verb's particle ("er" in "erop").
	// They are the language's R-adverbs, which also stand apart from a
	// stranded preposition ("is het daar niet mee eens").
	particlePrefixes []string
	// stranded maps a preposition to its form after an R-adverb when it
	// differs ("met" -> "mee": "daarmee", "er ... mee").
	stranded map[string]string
	// clitics follow an apostrophe after a space ("'s avonds"): such a mark
	// is no quotation mark.
	clitics []string
	// passives are the auxiliaries of the passive ("was" in "was accused");
	// agents the prepositions that name its agent ("by"). A cue in the
	// passive names no source unless an agent follows it.
	passives wordList
	agents   []string
	// complements open a cue's complement after its speaker ("criticized
	// by Smith as a waste of money", "pressed by Bash to release").
	complements wordList
	// relativeSubjects are the relative pronouns that may be the subject
	// of their clause's verb ("an architect who said"): a cue right after
	// one has the pronoun's antecedent as its speaker.
	relativeSubjects wordList
	// expletive is the pronoun that may stand for a clause that follows
	// ("It is clear that …"), and expletiveVerbs the copulas after it.
	expletive      string
	expletiveVerbs wordList
	// participleEndings end the regular past participles ("accused").
	participleEndings []string
	// participles are the irregular past participles and those of the cue
	// verbs, as the conjugator makes them.
	participles wordList
	// evidentials (evidentials.txt) say that something is held or seems so
	// without saying by whom: raising verbs ("seems", "appeared to") and
	// hearsay adverbs ("reportedly"); every form of the verbs.
	evidentials wordList
	// possessiveEndings end a possessor's name ("Trump's"); none in Dutch.
	possessiveEndings []string
	// adverbSuffixes end adverbs that may stand between an auxiliary and a
	// cue ("has repeatedly said"): "ly" in English.
	adverbSuffixes []string
	// capitalNames is set when a capital inside a sentence marks a name
	// (Dutch, English); not in a language that capitalises every noun.
	capitalNames bool
	morph        morphology

	// roleTails filters roleType's search for a role inside a compound,
	// and closedClass holds the words of isClosedClass (both phrases.go):
	// both are built from the lists above at load.
	roleTails   *tailSet
	closedClass map[string]struct{}
}

// lexiconFiles are the word lists every language folder must have, and
// where each goes. A missing file is an error: a language is complete or it
// does not load.
func (lx *lexicon) lexiconFiles() []struct {
	name string
	dst  *wordList
} {
	return []struct {
		name string
		dst  *wordList
	}{
		{"abbreviations", &lx.abbreviations},
		{"function-words", &lx.functionWords},
		{"roles", &lx.roles},
		{"pronouns", &lx.pronouns},
		{"determiners", &lx.determiners},
		{"articles", &lx.articles},
		{"metonyms", &lx.metonyms},
		{"groups", &lx.groups},
		{"reporting", &lx.reporting},
		{"adverbs", &lx.adverbs},
		{"prepositions", &lx.prepositions},
		{"auxiliaries", &lx.auxiliaries},
		{"complementizers", &lx.complementizers},
		{"stances", &lx.stances},
		{"time-words", &lx.timeWords},
		{"light-verbs", &lx.lightParticles},
		{"non-actors", &lx.nonActors},
		{"anaphors", &lx.anaphors},
		{"particle-blocks", &lx.blockers},
		{"negations", &lx.negations},
		{"conjunctions", &lx.conjunctions},
		{"complement-prepositions", &lx.complementPreps},
		{"fillers", &lx.fillers},
		{"indefinites", &lx.indefinites},
		{"relatives", &lx.relatives},
		{"impersonals", &lx.impersonals},
		{"kinds", &lx.kinds},
		{"coordinators", &lx.coordinators},
	}
}

// actorTypes are the values a role, group or kind list may give.
var actorTypes = []string{Person, Organization, Location, Group}

// fieldRules say which values the first field of some lists may take ("" =
// the field may be missing).
var fieldRules = map[string][]string{
	"roles":           actorTypes,
	"groups":          actorTypes,
	"kinds":           actorTypes,
	"pronouns":        {Person, Group, "any", "thing"},
	"reporting":       {"before", "after"},
	"complementizers": {"", "question"},
}

// otherDir is the folder of languages that are only recognised, not analysed.
const otherDir = "other"

// loadLexicons reads every language's lists from fsys (laid out as the
// lexicon folder: the embedded one, or a test folder in tests). Every folder
// but other/ is a supported language; other/<lang>.txt lists the function
// words of a language that is only recognised. (The engine reads one
// language at a time: lexiconOf; this checks a whole folder.)
func loadLexicons(fsys fs.FS) (map[string]*lexicon, error) {
	return readLexicons(fsys, loadLanguage)
}

// loadFunctionWords reads, from the embedded lexicon folder, only what
// language detection needs: every language's function words, and whether
// it is supported. The lexicons it returns hold nothing else. It calls
// embed.FS's own methods (not io/fs's ReadDir and Glob, which app.wasm
// would carry only for this).
func loadFunctionWords() (map[string]*lexicon, error) {
	out := map[string]*lexicon{}
	dirs, err := lexiconFS.ReadDir("lexicon")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		lang, names := d.Name(), []string{"function-words.txt"}
		if lang == otherDir {
			files, err := lexiconFS.ReadDir("lexicon/" + otherDir)
			if err != nil {
				return nil, fmt.Errorf("lexicon: %w", err)
			}
			names = nil
			for _, f := range files {
				if strings.HasSuffix(f.Name(), ".txt") {
					names = append(names, f.Name())
				}
			}
		}
		for _, name := range names {
			w, err := readWordList(lexiconFS, "lexicon/"+lang+"/"+name)
			if err != nil {
				return nil, err
			}
			lx := &lexicon{lang: lang, supported: true, functionWords: w}
			if lang == otherDir {
				lx.lang, lx.supported = strings.TrimSuffix(name, ".txt"), false
			}
			if len(w) == 0 {
				return nil, fmt.Errorf("lexicon %s/%s: no function words", lang, name)
			}
			out[lx.lang] = lx
		}
	}
	for _, must := range []string{Dutch, English} {
		if out[must] == nil {
			return nil, fmt.Errorf("lexicon: no folder %s/", must)
		}
	}
	return out, nil
}

// readLexicons reads each supported language's folder with load, and the
// function words of the languages of other/.
func readLexicons(fsys fs.FS, load func(fs.FS, string) (*lexicon, error)) (map[string]*lexicon, error) {
	out := map[string]*lexicon{}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == otherDir {
			continue
		}
		lx, err := load(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		out[lx.lang] = lx
	}
	for _, must := range []string{Dutch, English} {
		if out[must] == nil {
			return nil, fmt.Errorf("lexicon: no folder %s/", must)
		}
	}
	// Other languages' function words, to tell them apart from ours.
	others, err := fs.Glob(fsys, otherDir+"/*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range others {
		w, err := readWordList(fsys, name)
		if err != nil {
			return nil, err
		}
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if len(w) == 0 {
			return nil, fmt.Errorf("lexicon %s: no function words", name)
		}
		out[lang] = &lexicon{lang: lang, functionWords: w}
	}
	return out, nil
}

// loadLanguage reads one language folder.
func loadLanguage(fsys fs.FS, lang string) (*lexicon, error) {
	lx := &lexicon{lang: lang, supported: true}
	for _, l := range lx.lexiconFiles() {
		name := lang + "/" + l.name + ".txt"
		w, err := readWordList(fsys, name)
		if err != nil {
			return nil, err
		}
		if allowed, ok := fieldRules[l.name]; ok {
			if err := checkFirstField(name, w, allowed); err != nil {
				return nil, err
			}
		}
		*l.dst = w
	}
	for p, f := range lx.pronouns {
		if c := field(f, 2, ""); c != "" && c != "object" {
			return nil, fmt.Errorf("lexicon %s/pronouns.txt: %q: case %q is not \"object\"", lang, p, c)
		}
	}
	if len(lx.functionWords) == 0 || len(lx.pronouns) == 0 || len(lx.determiners) == 0 {
		return nil, fmt.Errorf("lexicon %s: function words, pronouns and determiners must not be empty", lang)
	}
	if err := lx.readSyntax(fsys); err != nil {
		return nil, err
	}
	if err := lx.readMorphology(fsys); err != nil {
		return nil, err
	}
	if err := lx.readCues(fsys); err != nil {
		return nil, err
	}
	if err := lx.readEvidentials(fsys); err != nil {
		return nil, err
	}
	lx.roleTails = newRoleTails(lx.roles)
	lx.closedClass = lx.newClosedClass()
	rules, err := readRules(fsys, lang, &lx.morph)
	if err != nil {
		return nil, err
	}
	lx.rules = rules
	return lx, nil
}

// checkFirstField fails when an entry's first field is not one of allowed.
func checkFirstField(name string, w wordList, allowed []string) error {
	for k, f := range w {
		v := field(f, 0, "")
		ok := false
		for _, a := range allowed {
			if v == a || v == "" && a == "" {
				ok = true
			}
		}
		if v == "" && !containsEmpty(allowed) {
			return fmt.Errorf("lexicon %s: %q has no type (one of %s)", name, k, strings.Join(allowed, ", "))
		}
		if !ok && v != "" {
			return fmt.Errorf("lexicon %s: %q has type %q, not one of %s", name, k, v, strings.Join(allowed, ", "))
		}
	}
	return nil
}

func containsEmpty(list []string) bool {
	for _, s := range list {
		if s == "" {
			return true
		}
	}
	return false
}

// syntaxKeys are the settings syntax.txt may hold; each is required.
var syntaxKeys = []string{"inversion", "continuation", "participle", "plural", "particle-prefixes", "stranded",
	"possessive", "adverb-suffix", "clitics", "capital-names", "conjugation", "passive", "agent", "complement", "past-participle", "relative-subject", "expletive"}

// readSyntax reads the word-order and spelling settings of syntax.txt.
func (lx *lexicon) readSyntax(fsys fs.FS) error {
	name := lx.lang + "/syntax.txt"
	syntax, err := readWordList(fsys, name)
	if err != nil {
		return err
	}
	for _, k := range syntaxKeys {
		if _, ok := syntax[k]; !ok {
			return fmt.Errorf("lexicon %s: no line %q (write it with no value when it does not apply)", name, k)
		}
	}
	for k := range syntax {
		if !containsString(syntaxKeys, k) {
			return fmt.Errorf("lexicon %s: unknown setting %q", name, k)
		}
	}
	switch v := field(syntax["inversion"], 0, ""); v {
	case "free":
		lx.freeInversion = true
	case "quote":
	default:
		return fmt.Errorf("lexicon %s: inversion %q is not free or quote", name, v)
	}
	switch v := field(syntax["continuation"], 0, ""); v {
	case "merge":
		lx.mergeContinuations = true
	case "separate":
	default:
		return fmt.Errorf("lexicon %s: continuation %q is not merge or separate", name, v)
	}
	switch v := field(syntax["capital-names"], 0, ""); v {
	case "yes":
		lx.capitalNames = true
	case "no":
	default:
		return fmt.Errorf("lexicon %s: capital-names %q is not yes or no", name, v)
	}
	lx.participleSuffix = field(syntax["participle"], 0, "")
	lx.pluralSuffixes = nonEmpty(syntax["plural"])
	lx.particlePrefixes = nonEmpty(syntax["particle-prefixes"])
	lx.stranded = map[string]string{}
	for _, pair := range nonEmpty(syntax["stranded"]) {
		prep, form, ok := strings.Cut(pair, "=")
		if !ok || prep == "" || form == "" {
			return fmt.Errorf("lexicon %s: stranded %q is not preposition=form", name, pair)
		}
		lx.stranded[prep] = form
	}
	lx.possessiveEndings = nonEmpty(syntax["possessive"])
	lx.adverbSuffixes = nonEmpty(syntax["adverb-suffix"])
	lx.clitics = nonEmpty(syntax["clitics"])
	lx.morph.conjugation = field(syntax["conjugation"], 0, "")
	lx.passives = wordList{}
	for _, aux := range nonEmpty(syntax["passive"]) {
		lx.passives[aux] = nil
	}
	lx.agents = nonEmpty(syntax["agent"])
	lx.complements = wordList{}
	for _, v := range nonEmpty(syntax["complement"]) {
		lx.complements[v] = nil
	}
	lx.participleEndings = nonEmpty(syntax["past-participle"])
	lx.relativeSubjects = wordList{}
	for _, r := range nonEmpty(syntax["relative-subject"]) {
		lx.relativeSubjects[r] = nil
	}
	ex := nonEmpty(syntax["expletive"])
	lx.expletive, lx.expletiveVerbs = "", wordList{}
	if len(ex) == 1 {
		return fmt.Errorf("lexicon %s: expletive %q has no copula", name, ex[0])
	}
	if len(ex) > 1 {
		lx.expletive = ex[0]
		for _, v := range ex[1:] {
			lx.expletiveVerbs[v] = nil
		}
	}
	return nil
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// readMorphology reads the conjugator's data: morphology.txt (prefixes,
// sounds) and irregular-verbs.txt (principal parts).
func (lx *lexicon) readMorphology(fsys fs.FS) error {
	m := &lx.morph
	m.irregular = map[string]principalParts{}
	m.devoice = map[string]string{}
	lx.participles = wordList{}
	if m.conjugation == "" {
		return nil
	}
	name := lx.lang + "/morphology.txt"
	w, err := readWordList(fsys, name)
	if err != nil {
		return err
	}
	m.inseparablePrefixes = nonEmpty(w["inseparable-prefixes"])
	// Longest prefix first: "onder" before "on"-like overlaps.
	sort.SliceStable(m.inseparablePrefixes, func(i, j int) bool {
		return len(m.inseparablePrefixes[i]) > len(m.inseparablePrefixes[j])
	})
	m.participlePrefix = field(w["participle-prefix"], 0, "")
	m.voiceless = nonEmpty(w["voiceless"])
	m.doubleVowels = field(w["double-vowels"], 0, "")
	for _, pair := range nonEmpty(w["devoice"]) {
		from, to, ok := strings.Cut(pair, "=")
		if !ok || from == "" || to == "" {
			return fmt.Errorf("lexicon %s: devoice %q is not from=to", name, pair)
		}
		m.devoice[from] = to
	}
	iname := lx.lang + "/irregular-verbs.txt"
	irr, err := readWordList(fsys, iname)
	if err != nil {
		return err
	}
	for verb, f := range irr {
		if len(f) < 3 || len(f) > 4 || f[0] == "" || f[1] == "" || f[2] == "" {
			return fmt.Errorf("lexicon %s: %q needs past singular, past plural and participle (and optionally the 3rd person present)", iname, verb)
		}
		m.irregular[verb] = principalParts{pastSingular: f[0], pastPlural: f[1], participle: f[2], present3: field(f, 3, "")}
		lx.participles[f[2]] = nil
	}
	return nil
}

// readCues parses cues.txt into typed cues, conjugates them and indexes
// every form.
func (lx *lexicon) readCues(fsys fs.FS) error {
	name := lx.lang + "/cues.txt"
	lines, err := readLines(fsys, name)
	if err != nil {
		return err
	}
	lemmas := map[string]bool{}
	for _, l := range lines {
		c, err := parseCue(l.text)
		if err != nil {
			return fmt.Errorf("lexicon %s:%d: %w", name, l.n, err)
		}
		key := c.Lemma + "|" + c.Particle
		if lemmas[key] {
			return fmt.Errorf("lexicon %s:%d: %q is listed twice", name, l.n, c.Lemma)
		}
		lemmas[key] = true
		lx.cueList = append(lx.cueList, c)
	}
	if len(lx.cueList) == 0 {
		return fmt.Errorf("lexicon %s: no cues", name)
	}
	lx.cues, lx.cueForms, lx.ingForms = wordList{}, map[string][]cueForm{}, map[string][]cueForm{}
	for i := range lx.cueList {
		c := &lx.cueList[i]
		forms, err := lx.morph.conjugate(c)
		if err != nil {
			return fmt.Errorf("lexicon %s: %s: %w", name, c.Lemma, err)
		}
		for _, f := range forms {
			if f.participle {
				lx.participles[f.form] = nil
			}
			needs := c.Particle != "" && (f.split || !c.Separable)
			lx.cueForms[f.form] = append(lx.cueForms[f.form], cueForm{cue: c, needsParticle: needs, finite: f.finite, number: f.number})
		}
		if lx.morph.conjugation == "english" && c.Particle == "" && !c.ING && !c.omits(c.Base) {
			ing := englishING(c.Base, c.Double)
			lx.ingForms[ing] = append(lx.ingForms[ing], cueForm{cue: c})
		}
	}
	for form, readings := range lx.cueForms {
		best := readings[0]
		for _, r := range readings[1:] {
			if best.needsParticle && !r.needsParticle {
				best = r
			}
		}
		if best.needsParticle {
			continue // a split form ("gaf" of toegeven) is a cue only through cueAt
		}
		lx.cues[form] = best.cue.fields(best.needsParticle)
	}
	return nil
}

// readEvidentials reads evidentials.txt: verbs by lemma (conjugated into
// every form) and adverbs as written.
func (lx *lexicon) readEvidentials(fsys fs.FS) error {
	name := lx.lang + "/evidentials.txt"
	w, err := readWordList(fsys, name)
	if err != nil {
		return err
	}
	if err := checkFirstField(name, w, []string{"verb", "adverb"}); err != nil {
		return err
	}
	lx.evidentials = wordList{}
	for word, f := range w {
		lx.evidentials[word] = nil
		if field(f, 0, "") != "verb" || lx.morph.conjugation == "" {
			continue
		}
		c := cue{Lemma: word, Base: word, ING: true}
		forms, err := lx.morph.conjugate(&c)
		if err != nil {
			return fmt.Errorf("lexicon %s: %s: %w", name, word, err)
		}
		for _, f := range forms {
			lx.evidentials[f.form] = nil
		}
	}
	return nil
}

// isParticiple reports whether a word is a past participle: an irregular
// one, one of a cue verb, or a word with a regular participle ending.
func (lx *lexicon) isParticiple(low string) bool {
	if lx.participles.has(low) {
		return true
	}
	for _, end := range lx.participleEndings {
		if len(low) > len(end)+1 && strings.HasSuffix(low, end) {
			return true
		}
	}
	return false
}

// parseCue reads one line of cues.txt:
//
//	lemma<TAB>kind<TAB>source[<TAB>option]...
//
// The lemma is the infinitive; "toe|geven" marks a separable particle,
// "wijzen +op" a word the verb governs. Options: frame=that, stem=S,
// omit=a,b, forms=a,b, ing, double.
func parseCue(line string) (cue, error) {
	f := strings.Split(line, "\t")
	if len(f) < 3 {
		return cue{}, fmt.Errorf("%q: want lemma, kind and source separated by tabs", line)
	}
	c := cue{Kind: f[1], Source: f[2]}
	switch c.Kind {
	case kindSpeech, kindThought, kindStance, kindImpersonal:
	default:
		return cue{}, fmt.Errorf("%q: kind %q is not speech, thought, stance or impersonal", line, c.Kind)
	}
	if c.Source == "" {
		return cue{}, fmt.Errorf("%q: no source", line)
	}
	lemma := strings.TrimSpace(f[0])
	if verb, gov, ok := strings.Cut(lemma, " +"); ok {
		c.Base, c.Particle, c.Lemma = verb, gov, verb
	} else if part, verb, ok := strings.Cut(lemma, "|"); ok {
		c.Base, c.Particle, c.Lemma, c.Separable = verb, part, part+verb, true
	} else {
		c.Base, c.Lemma = lemma, lemma
	}
	if c.Base == "" || strings.ContainsAny(c.Base, " |+") || c.Base != strings.ToLower(c.Base) ||
		strings.ContainsAny(c.Particle, " |+") {
		return cue{}, fmt.Errorf("%q: malformed lemma %q", line, lemma)
	}
	for _, opt := range f[3:] {
		k, v, _ := strings.Cut(opt, "=")
		switch k {
		case "frame":
			if v != frameThat {
				return cue{}, fmt.Errorf("%q: frame %q is not %q", line, v, frameThat)
			}
			c.Frame = v
		case "stem":
			c.Stem = v
		case "omit":
			c.Omit = strings.Split(v, ",")
		case "forms":
			c.Forms = strings.Split(v, ",")
		case "ing":
			c.ING = true
		case "double":
			c.Double = true
		default:
			return cue{}, fmt.Errorf("%q: unknown option %q", line, opt)
		}
	}
	return c, nil
}

// A lexiconLine is one line of a lexicon file that is not a comment.
type lexiconLine struct {
	n    int
	text string
}

// readLines returns the lines of a lexicon file that are not empty or
// comments (#). A missing file is an error.
func readLines(fsys fs.FS, name string) ([]lexiconLine, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	var out []lexiconLine
	text := string(data)
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimRight(line, " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsFunc(line, func(r rune) bool { return r < ' ' && r != '\t' }) {
			return nil, fmt.Errorf("lexicon %s:%d: a control character", name, n)
		}
		out = append(out, lexiconLine{n, line})
	}
	return out, nil
}

// readWordList parses one lexicon file of entries with optional
// tab-separated fields. A missing file, an empty entry or an entry listed
// twice is an error.
func readWordList(fsys fs.FS, name string) (wordList, error) {
	lines, err := readLines(fsys, name)
	if err != nil {
		return nil, err
	}
	w := wordList{}
	for _, l := range lines {
		fields := strings.Split(l.text, "\t")
		key := strings.ToLower(strings.TrimSpace(fields[0]))
		if key == "" {
			return nil, fmt.Errorf("lexicon %s:%d: empty entry in %q", name, l.n, l.text)
		}
		if _, dup := w[key]; dup {
			return nil, fmt.Errorf("lexicon %s:%d: %q is listed twice", name, l.n, key)
		}
		w[key] = fields[1:]
	}
	return w, nil
}

// detectionLexicons returns what language detection needs, read once per
// process from the embedded files (both builds embed them): for every
// language, its function words and whether it is supported.
var detectionLexicons = sync.OnceValues(loadFunctionWords)

// languageLexicons holds the full lexicons read so far, each with the
// files it was read from, and the vocabularies of Dutch and English built
// from them (nil until a short text needs them).
var languageLexicons struct {
	sync.RWMutex
	lx    map[string]*lexicon
	src   map[string]fs.FS
	vocab *[2]*vocabulary
}

// A missingLexiconError says that a language's lexicon is neither embedded
// nor added yet (in the WebAssembly build, before its data file arrived).
type missingLexiconError struct{ lang string }

func (e *missingLexiconError) Error() string {
	return fmt.Sprintf("analysis: the %s lexicon has not been loaded (the data file %s)", e.lang, lexiconFile(e.lang))
}

// lexiconFile is the name of a language's lexicon data file.
func lexiconFile(lang string) string { return lang + "-lexicon.txt" }

// lexiconOf returns the full lexicon of a supported language: the one
// AddModel was given, else the embedded one, read on first use. The
// WebAssembly build embeds none: there it is a *missingLexiconError until
// AddModel has been given the language's data file.
func lexiconOf(lang string) (*lexicon, error) {
	languageLexicons.RLock()
	lx := languageLexicons.lx[lang]
	languageLexicons.RUnlock()
	if lx != nil {
		return lx, nil
	}
	if !embedsLexicons {
		return nil, &missingLexiconError{lang}
	}
	sub, err := lexiconFSSub()
	if err != nil {
		return nil, err
	}
	languageLexicons.Lock()
	defer languageLexicons.Unlock()
	if lx := languageLexicons.lx[lang]; lx != nil {
		return lx, nil
	}
	lx, err = loadLanguage(sub, lang)
	if err != nil {
		return nil, err
	}
	storeLexicon(lx, sub)
	return lx, nil
}

// setLexicon reads a language's folder from fsys (laid out as the lexicon
// folder: "nl/cues.txt", ...) and makes it the language's lexicon. A missing
// or malformed file is an error, and then nothing changes.
func setLexicon(lang string, fsys fs.FS) error {
	lx, err := loadLanguage(fsys, lang)
	if err != nil {
		return err
	}
	languageLexicons.Lock()
	defer languageLexicons.Unlock()
	storeLexicon(lx, fsys)
	return nil
}

// storeLexicon records a lexicon; the caller holds the lock.
func storeLexicon(lx *lexicon, src fs.FS) {
	if languageLexicons.lx == nil {
		languageLexicons.lx, languageLexicons.src = map[string]*lexicon{}, map[string]fs.FS{}
	}
	languageLexicons.lx[lx.lang], languageLexicons.src[lx.lang] = lx, src
	languageLexicons.vocab = nil // built again from the new lists
}

// lexiconFSSub is the embedded lexicon folder.
func lexiconFSSub() (fs.FS, error) { return fs.Sub(lexiconFS, "lexicon") }

// isRAdverb reports whether a word is an R-adverb of particlePrefixes
// ("er", "daar"), which stands for the object of a stranded preposition.
func (lx *lexicon) isRAdverb(low string) bool { return containsString(lx.particlePrefixes, low) }

// strandedForm returns the form preposition prep takes after an R-adverb
// ("mee" for "met", else prep itself).
func (lx *lexicon) strandedForm(prep string) string {
	if f, ok := lx.stranded[prep]; ok {
		return f
	}
	return prep
}
