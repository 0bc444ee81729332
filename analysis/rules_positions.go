package analysis

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
)

// This file holds the stance rules: "X is (faliekant) tegen Y", and the
// stance predicates of stance-predicates.txt ("X is blij met Y", "X maakt
// zich zorgen over Y").

// stanceStatement reads "X is (faliekant) tegen Y": a copula, the speaker,
// optional adverbs and the stance word.
func (w *work) stanceStatement(si int, s Sentence, i, end int) (candidate, bool) {
	a := s.FirstToken
	// Walk back over degree words, adverbs and a copula to an auxiliary or
	// the speaker ("X is faliekant tegen", "X has been outraged"). Another
	// word there takes the preposition itself ("wordt verantwoordelijk
	// voor", "is goed voor"), and an auxiliary with no copula makes no
	// stance ("we hebben voor de film …").
	k := i - 1
	copula := false
	for k > a && !w.lx.auxiliaries.has(w.low[k]) && (w.stanceModifier(k) || w.isCopula(k)) && k > i-3 {
		copula = copula || w.isCopula(k)
		k--
	}
	stanceStart := k + 1
	var subj phrase
	var ok bool
	if k >= a && w.lx.auxiliaries.has(w.low[k]) && (copula || w.isCopula(k)) {
		// "X is tegen" or "Zo is X faliekant tegen".
		subj, ok = w.phraseEndingAt(a, k)
	} else if p, ok2 := w.phraseEndingAt(a, stanceStart); ok2 && p.start > a && w.isCopula(p.start-1) {
		subj, ok = p, true
		stanceStart = p.end
	}
	if !ok || i+1 >= end || w.timePhraseAt(i+1, end) || w.invertedAttributionAfter(i+1, end) {
		return candidate{}, false
	}
	cue := w.span(stanceStart, i+1)
	return w.propose(si, Position, cue, &subj, [][2]int{{subj.start, subj.end}}, [][2]int{{stanceStart, w.colonQuoteStop(stanceStart, end)}}), true
}

// invertedAttributionAfter reports whether the clause goes on after token
// k to an inverted attribution that ends it: a comma, perhaps "zo", a cue
// verb and its speaker ("X is voorstander van Y, stelde Z in zijn
// toespraak."). What stands before the comma is then that speaker's
// content, a stance in it included.
func (w *work) invertedAttributionAfter(k, end int) bool {
	for c := k; c+2 < end; c++ {
		if w.text(c) != "," || w.quoted[c] {
			continue
		}
		v := c + 1
		if w.isResumptive(v) {
			v++
		}
		if v+1 >= end || !w.isSpeechCue(v) {
			continue
		}
		if p, ok := w.subjectPhrase(w.phraseAt(v+1, end)); ok && w.endsClause(p.end, end) {
			return true
		}
	}
	return false
}

// isCopula reports whether token k is a copula of @copula ("is", "blijft"):
// other auxiliaries make no stance of a preposition ("we hebben voor de
// film …").
func (w *work) isCopula(k int) bool { return w.rules != nil && w.rules.copula[w.low[k]] }

// stanceModifier reports whether token k may stand between a copula and a
// stance word: a degree word or adverb of @degree, the adverbs list, or a
// negation ("is faliekant tegen", "is er niet voor").
func (w *work) stanceModifier(k int) bool {
	l := w.low[k]
	return w.rules != nil && w.rules.degree[l] || w.lx.adverbs.has(l) || w.lx.negations.has(l)
}

// timePhraseAt reports whether a time or measure phrase starts at token i:
// a number or a time word, after at most a determiner ("de tweede keer",
// "twee jaar", "middernacht", "het eerst"). After a stance word it makes a
// preposition of time, not a stance.
func (w *work) timePhraseAt(i, end int) bool {
	for k := i; k < end && k < i+maxTimeLead+1; k++ {
		l := w.low[k]
		if w.lx.timeWords.has(l) || l != "" && isASCIIDigit(l[0]) {
			return true
		}
		if !w.lx.articles.has(l) && !w.lx.determiners.has(l) {
			return false
		}
	}
	return false
}

// maxTimeLead bounds the determiners before a time word ("de", "het").
const maxTimeLead = 1

// A stancePredicate is one entry of stance-predicates.txt: the words of a
// stance predicate ("het oneens"), the words that may open its object
// ("met"), and the finite verb forms that carry it (a copula when empty;
// the file lists infinitives, which readRules conjugates).
type stancePredicate struct {
	words   []string
	objects map[string]bool
	verbs   map[string]bool
}

// stanceLexicon is one language's stance-predicates.txt.
type stanceLexicon struct {
	byFirst map[string][]stancePredicate // by the predicate's first word
	copula  map[string]bool
	degree  map[string]bool // degree words and adverbs between the verb and the predicate
}

// ruleWords are the word classes of lexicon/<lang>/rules.txt.
type ruleWords struct {
	subordinators map[string]bool // "hoewel", "omdat": open a clause that is no content
	resumptives   map[string]bool // "zo" in '"…", zo verklaart X'
	refusals      map[string]bool // "reactie" in "wil geen reactie geven"
	// sharedSubject are the conjunctions after which a second cue shares
	// the subject of the first ("X noemt het … en zegt dat …").
	sharedSubject map[string]bool
	// nameParticles open a surname when capitalised ("Van de Kamp").
	nameParticles map[string]bool
	passive       map[string]bool // "werd" in "werd bekritiseerd": the subject is no speaker
	agent         map[string]bool // "door": the passive's agent is the speaker
	// adjectiveSuffixes end an attributive adjective ("Amerikaanse").
	adjectiveSuffixes map[string]bool
}

// A rulesLexicon holds one language's data files of the statement rules.
type rulesLexicon struct {
	*stanceLexicon
	words ruleWords
}

// readRules reads lexicon/<lang>/stance-predicates.txt and rules.txt, the
// data of the statement rules, conjugating the stance verbs with m; a
// missing file or a malformed line is an error.
func readRules(fsys fs.FS, lang string, m *morphology) (*rulesLexicon, error) {
	name := lang + "/stance-predicates.txt"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	sl, err := parseStanceLexicon(string(data))
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	name = lang + "/rules.txt"
	if data, err = fs.ReadFile(fsys, name); err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	words, err := parseRuleWords(string(data))
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", name, err)
	}
	for _, preds := range sl.byFirst {
		for _, p := range preds {
			if err := m.finiteForms(p.verbs); err != nil {
				return nil, fmt.Errorf("lexicon %s/stance-predicates.txt: %w", lang, err)
			}
		}
	}
	return &rulesLexicon{sl, words}, nil
}

// finiteForms replaces each infinitive in verbs by its finite forms
// ("maken" → maak, maakt, maken, maakte, maakten).
func (m *morphology) finiteForms(verbs map[string]bool) error {
	for _, lemma := range slices.Sorted(maps.Keys(verbs)) {
		delete(verbs, lemma)
		forms, err := m.conjugate(&cue{Lemma: lemma, Base: lemma})
		if err != nil {
			return fmt.Errorf("%s: %w", lemma, err)
		}
		for _, f := range forms {
			if f.finite {
				verbs[f.form] = true
			}
		}
	}
	return nil
}

// wordSet parses a comma-separated list into a set of lower-case words.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, ",") {
		if w = strings.TrimSpace(w); w != "" {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}

// parseRuleWords parses the text of a rules.txt file: one "@class<TAB>words"
// line for each of subordinators, resumptives, refusals and shared-subject.
func parseRuleWords(text string) (ruleWords, error) {
	rw := ruleWords{}
	dst := map[string]*map[string]bool{"@subordinators": &rw.subordinators, "@resumptives": &rw.resumptives, "@refusals": &rw.refusals,
		"@shared-subject": &rw.sharedSubject, "@name-particles": &rw.nameParticles,
		"@passive": &rw.passive, "@agent": &rw.agent, "@adjective-suffixes": &rw.adjectiveSuffixes}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 2)
		p, ok := dst[f[0]]
		if !ok || *p != nil {
			return rw, fmt.Errorf("line %d: unknown or repeated class %q", n+1, f[0])
		}
		*p = map[string]bool{}
		if len(f) == 2 {
			*p = wordSet(f[1])
		}
	}
	for name, p := range dst {
		if *p == nil {
			return rw, fmt.Errorf("no %s line", name)
		}
	}
	return rw, nil
}

// parseStanceLexicon parses the text of a stance-predicates.txt file.
func parseStanceLexicon(text string) (*stanceLexicon, error) {
	sl := &stanceLexicon{byFirst: map[string][]stancePredicate{}, copula: map[string]bool{}, degree: map[string]bool{}}
	set := wordSet
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		switch {
		case f[0] == "@copula" && len(f) == 2:
			sl.copula = set(f[1])
		case f[0] == "@degree" && len(f) == 2:
			sl.degree = set(f[1])
		case strings.HasPrefix(f[0], "@"):
			return nil, fmt.Errorf("line %d: unknown or malformed directive %q", n+1, line)
		case len(f) < 2 || len(f) > 3 || len(strings.Fields(f[0])) == 0 || len(set(f[1])) == 0:
			return nil, fmt.Errorf("line %d: want predicate<TAB>objects[<TAB>verbs], got %q", n+1, line)
		default:
			p := stancePredicate{words: strings.Fields(strings.ToLower(f[0])), objects: set(f[1])}
			if len(f) == 3 {
				p.verbs = set(f[2])
			}
			sl.byFirst[p.words[0]] = append(sl.byFirst[p.words[0]], p)
		}
	}
	if len(sl.copula) == 0 {
		return nil, errors.New("no @copula line")
	}
	return sl, nil
}

// stancePredicateStatement reads "X is (erg) blij met Y", "X is het oneens
// met Y", "X maakt zich zorgen over Y", "Daarom is X voorstander van Y": a
// verb (a copula, or the verb the predicate names), the speaker before it
// or right after it, degree words, the predicate at token i and its
// object. The predicate and its object are the content.
func (w *work) stancePredicateStatement(si int, s Sentence, i, end int) (candidate, bool) {
	sl := w.rules
	if sl == nil {
		return candidate{}, false
	}
	a := s.FirstToken
	for _, pred := range sl.byFirst[w.low[i]] {
		j, inside, ok := w.matchPredicate(pred, i, end)
		if !ok || w.invertedAttributionAfter(j, end) {
			continue
		}
		verbOK := func(k int) bool {
			if pred.verbs != nil {
				return pred.verbs[w.low[k]]
			}
			return sl.copula[w.low[k]]
		}
		m := i
		for m-1 > a && i-m < maxAuxBefore && (sl.degree[w.low[m-1]] || w.lx.adverbs.has(w.low[m-1]) || w.lx.negations.has(w.low[m-1]) || w.lx.isRAdverb(w.low[m-1]) || w.joinedObject(pred, w.low[m-1])) {
			m--
		}
		var subj phrase
		verb := -1
		clauseEnd := end
		heading := w.d.Paragraphs[s.Paragraph].Heading
		back := -1 // a particle verb's verb further back ("haalt … uit")
		if pred.verbs != nil {
			back = w.verbBefore(a, m, verbOK)
		}
		var final phrase // the speaker of a clause with its verb last
		verbFinal := false
		if !(m-1 > a && verbOK(m-1)) && !heading {
			final, verbFinal = w.verbFinalSubject(a, m, end, verbOK)
		}
		switch {
		case m-1 > a && verbOK(m-1):
			// "X is blij met": the speaker before the verb.
			verb = m - 1
			p, ok := w.phraseEndingAt(a, verb)
			if !ok {
				p, ok = w.genericEndingAt(a, verb)
			}
			if !ok {
				p, ok = w.initialSubject(a, verb) // "Omwonenden maken zich zorgen"
			}
			if !ok {
				continue
			}
			subj = p
		case heading:
			// A headline drops the copula: "Kruijswijk dolblij met podium Tour".
			p, ok := w.phraseEndingAt(a, m)
			if !ok || p.start != a || p.kind == pronounPhrase {
				continue
			}
			subj = p
		case verbFinal:
			// A subordinate clause, its verb after the predicate: the
			// content ends with the clause.
			subj, clauseEnd = final, w.clauseStop(m, end)
		case back > a:
			// "X haalt in zijn slotwoord uit naar": an adverbial between
			// the verb and its particle; the speaker before the verb.
			verb = back
			p, ok := w.phraseEndingAt(a, verb)
			if !ok {
				p, ok = w.initialSubject(a, verb)
			}
			if !ok {
				// "Ook haalt Holleeder uit naar": the speaker between the
				// verb and its particle.
				p, ok = w.phraseAt(verb+1, m)
				ok = ok && p.end == m
			}
			if !ok {
				continue
			}
			subj = p
		default:
			// "Daarom is X blij met": the speaker after the verb.
			p, ok := w.phraseEndingAt(a, m)
			if !ok || p.start <= a || !verbOK(p.start-1) {
				continue
			}
			subj, verb = p, p.start-1
		}
		if w.quoted[subj.head] || subj.kind == pronounPhrase && subj.actorType == "thing" {
			continue
		}
		stop := w.colonQuoteStop(m, w.unclaimedEnd(m, clauseEnd))
		if inside {
			stop = min(stop, j) // the object is in the predicate: "er blij mee"
		}
		if stop < j || stop == j && !inside {
			continue
		}
		takes := [][2]int{{subj.start, subj.end}}
		if verb >= 0 {
			takes = append(takes, [2]int{verb, verb + 1})
		}
		c := w.propose(si, Position, w.span(i, j), &subj, takes, [][2]int{{m, stop}})
		return c, c.has
	}
	return candidate{}, false
}

// verbBefore returns the verb that verbOK accepts before token m and after
// token a, with an adverbial of at most maxFirstPosition tokens and no
// comma between ("haalt | in zijn slotwoord | uit"), or -1.
func (w *work) verbBefore(a, m int, verbOK func(int) bool) int {
	for k := m - 1; k > a && k >= m-maxFirstPosition; k-- {
		if verbOK(k) {
			return k
		}
		if w.text(k) == "," || w.quoted[k] {
			break
		}
	}
	return -1
}

// matchPredicate matches the words of pred from token i and then its
// object word after at most two degree words; it returns the token after
// the predicate (and after a stranded object). Between the predicate's
// words may stand degree words and negations ("het niet eens"), an
// R-adverb with the object's stranded preposition ("het daar niet mee
// eens"), or one lower-case modifier ("zich grote zorgen"). An R-adverb
// before the predicate ("is daar blij mee", "Daar is X het niet mee eens")
// lets the stranded preposition after it stand for the object. inside
// reports that the object is an R-adverb inside the predicate, so that the
// predicate alone is the content.
func (w *work) matchPredicate(pred stancePredicate, i, end int) (j int, inside, ok bool) {
	// An R-adverb among the degree words before the predicate, alone ("is
	// daar blij mee") or joined to the object ("is daarmee niet blij"), or
	// opening the sentence ("Daar is de oppositie het niet mee eens").
	r, joinedBefore := false, false
	for k := i - 1; k >= 0 && k >= i-maxAuxBefore && w.sent[k] == w.sent[i]; k-- {
		l := w.low[k]
		r = w.lx.isRAdverb(l)
		joinedBefore = w.joinedObject(pred, l)
		if r || joinedBefore || !w.rules.degree[l] && !w.lx.negations.has(l) && !w.lx.adverbs.has(l) && !w.rules.copula[l] && !w.predicateVerb(pred, k) {
			break
		}
	}
	if first := w.d.Sentences[w.sent[i]].FirstToken; first < i && w.lx.isRAdverb(w.low[first]) {
		r = true
	}
	stranded := false
	j = i + 1
	for _, word := range pred.words[1:] {
		for n := 0; j < end && w.low[j] != word; n++ {
			l := w.low[j]
			switch {
			case n >= maxAuxBefore:
				return 0, false, false
			case w.lx.isRAdverb(l):
				r = true
			case r && w.strandedObject(pred, l) || w.joinedObject(pred, l):
				stranded = true
			case w.rules.degree[l] || w.lx.negations.has(l):
			case n == 0 && j+1 < end && w.low[j+1] == word && isWordToken(w.text(j)) && !isCapitalised(w.text(j)) && !w.isClosedClass(l):
			default:
				return 0, false, false
			}
			j++
		}
		if j >= end {
			return 0, false, false
		}
		j++
	}
	if stranded {
		return j, true, true
	}
	if joinedBefore {
		// The object stood before the predicate, or announces a clause
		// after it ("is ervan overtuigd ook hier te winnen").
		return j, j >= end || w.text(j) == ",", true
	}
	for o := j; o < end && o < j+3; o++ {
		l := w.low[o]
		// "is daar blij mee", "maakt zich daar zorgen over": the stranded object.
		if r && w.strandedObject(pred, l) {
			return o + 1, true, true
		}
		if pred.objects[l] {
			return j, false, o+1 < end
		}
		// A subordinate clause puts the verb before the object: "die
		// zich zorgen maken over".
		if !w.rules.degree[l] && !w.lx.negations.has(l) && !w.predicateVerb(pred, o) {
			break
		}
	}
	return 0, false, false
}

// strandedObject reports whether word is one of pred's object prepositions
// in its stranded form ("mee" for "met").
func (w *work) strandedObject(pred stancePredicate, word string) bool {
	for o := range pred.objects {
		if o != "dat" && w.lx.strandedForm(o) == word {
			return true
		}
	}
	return false
}

// joinedObject reports whether word is an R-adverb joined to one of pred's
// object prepositions ("daarmee", "erover").
func (w *work) joinedObject(pred stancePredicate, word string) bool {
	for _, r := range w.lx.particlePrefixes {
		if rest, ok := strings.CutPrefix(word, r); ok && rest != "" && w.strandedObject(pred, rest) {
			return true
		}
	}
	return false
}

// clauseStop returns the first comma or quotation token after token m, or
// end: where a subordinate clause from m ends.
func (w *work) clauseStop(m, end int) int {
	for k := m + 1; k < end; k++ {
		if w.text(k) == "," || w.quoted[k] {
			return k
		}
	}
	return end
}

// predicateVerb reports whether token k is a finite form of a verb that
// carries pred (a copula when pred lists none).
func (w *work) predicateVerb(pred stancePredicate, k int) bool {
	if pred.verbs != nil {
		return pred.verbs[w.low[k]]
	}
	return w.rules.copula[w.low[k]]
}

// verbFinalSubject finds the speaker of a stance predicate at token m in a
// subordinate clause, whose verb (verbOK) stands after the predicate
// before the clause ends at end: the antecedent of a relative pronoun
// right before m ("Ouders die zich zorgen maken over", "jongeren, die
// zich tegen het plan keerden"), or the subject after a subordinator
// ("omdat de bond zich zorgen maakt over").
func (w *work) verbFinalSubject(a, m, end int, verbOK func(int) bool) (phrase, bool) {
	found := false
	for k := m + 1; k < w.clauseStop(m, end) && !found; k++ {
		found = verbOK(k)
	}
	if !found || m-1 < a {
		return phrase{}, false
	}
	if r := m - 1; w.lx.relatives.has(w.low[r]) {
		if r-1 >= a && w.isBreak(r-1) {
			return w.phraseAt(r, m) // the relative pronoun; its antecedent is resolved later
		}
		return w.antecedentBefore(a, r)
	}
	if p, ok := w.phraseEndingAt(a, m); ok && p.start-1 >= a && w.rules.words.subordinators[w.low[p.start-1]] {
		return p, true
	}
	return phrase{}, false
}
