package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file recognises the noun phrases that can name a speaker: a name
// ("Vladimir Poetin"), a role description ("de Russische president", "een
// woordvoerder van Macron"), a group ("de Oekraïense machthebbers") or a
// pronoun ("Hij"). It works on tokens with the lexicons and the entities.

// work is the state the stages after structure share for one document.
type work struct {
	d     *Document
	lx    *lexicon
	low   []string // each token's text in lower case
	entOf []int32  // the entity each token belongs to, or -1
	sent  []int32  // the sentence each token belongs to
	// wordFlags holds the attribution labeller's lexicon flags of each
	// lower-case word met (lexiconFlags).
	wordFlags map[string]uint16
	// quoted[t] is true when token t lies inside a quotation.
	quoted []bool
	// paraQuotes holds each paragraph's quotation pairs.
	paraQuotes [][]quotePair
	// quoteParent[p][i] is the pair of paragraph p that holds pair i (see quoteParents).
	quoteParent [][]int32
	quoteBuf    []int   // scratch for quotesAround
	tokAt       []int32 // token index by stretch of text (see indexTokens)
	// claimed[t] is true when token t is already part of a statement.
	claimed []bool
	phrases []phrase      // speaker phrases found while reading statements
	rules   *rulesLexicon // the language's stance predicates and rule words, or nil
	// ruleAt and ruleCand are sentenceStatements' place and candidate.
	ruleAt   place
	ruleCand candidate
}

func newWork(d *Document, lx *lexicon) *work {
	n := len(d.Tokens)
	w := &work{d: d, lx: lx, low: make([]string, n), entOf: make([]int32, n), sent: make([]int32, n),
		quoted: make([]bool, n), claimed: make([]bool, n), paraQuotes: make([][]quotePair, len(d.Paragraphs)),
		quoteParent: make([][]int32, len(d.Paragraphs))}
	lowered := make(map[string]string) // shares the lower-case copies of repeated words
	for i, t := range d.Tokens {
		w.low[i] = lowerShared(d.Slice(t.Span), lowered)
		w.entOf[i] = -1
	}
	for si, s := range d.Sentences {
		for t := s.FirstToken; t < s.EndToken; t++ {
			w.sent[t] = int32(si)
		}
	}
	w.indexTokens()
	// Mark quoted tokens: +1 where a quotation's inside starts, -1 where it ends.
	depth := make([]int32, n+1)
	for p, para := range d.Paragraphs {
		var qs []quotePair
		if p < len(d.quotes) {
			qs = d.quotes[p]
		} else {
			qs = findQuotes(d.Text, para.Span, w.lx.clitics)
		}
		w.paraQuotes[p] = qs
		w.quoteParent[p] = quoteParents(qs, para.End)
		for _, q := range qs {
			a, b := w.tokenRange(q.Inner(para.End))
			if a < b {
				depth[a]++
				depth[b]--
			}
		}
	}
	var c int32
	for i := 0; i < n; i++ {
		c += depth[i]
		w.quoted[i] = c > 0
	}
	return w
}

// maxShared bounds the words lowerShared keeps.
const maxShared = 4096

// lowerShared returns s in lower case. A word that has upper-case letters
// is copied in lower case once and the copy shared through seen (up to
// maxShared words), so that "Het" at every sentence start costs one string.
func lowerShared(s string, seen map[string]string) string {
	lower := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			lower = false
			break
		}
	}
	if lower {
		return s // strings.ToLower would return s itself
	}
	if l, ok := seen[s]; ok {
		return l
	}
	l := strings.ToLower(s)
	if len(seen) < maxShared {
		seen[s] = l
	}
	return l
}

// Phrase kinds.
const (
	namePhrase    = NameMention
	rolePhrase    = RoleMention
	pronounPhrase = PronounMention
	groupPhrase   = "group"
)

// relativeType marks a relative pronoun ("who", "die"), resolved to the
// phrase right before its comma.
const relativeType = "relative"

// A phrase is a noun phrase that names an actor: tokens [start, end).
type phrase struct {
	start, end int
	kind       string // namePhrase, rolePhrase, groupPhrase or pronounPhrase
	head       int    // the token of the name, role or group noun, or the pronoun
	name       int    // the first token of the name inside the phrase, or -1
	role       string // the role description without determiner ("Russische president")
	actorType  string // the type the head gives
}

func (w *work) text(t int) string { return w.d.Slice(w.d.Tokens[t].Span) }

func (w *work) span(a, b int) Span {
	return Span{w.d.Tokens[a].Start, w.d.Tokens[b-1].End}
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isWordToken(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// roleType reports whether the lower-case token is a role noun, also as the
// last part of a compound ("oppositieleider", "cda-kamerlid").
func (w *work) roleType(low string) (string, bool) {
	if f, ok := w.lx.roles[low]; ok {
		return field(f, 0, Person), true
	}
	if i := strings.LastIndexByte(low, '-'); i >= 0 && i+1 < len(low) {
		if f, ok := w.lx.roles[low[i+1:]]; ok {
			return field(f, 0, Person), true
		}
	}
	// Closed compounds: "oppositieleider", "topadviseur" (a part of at least
	// 4 letters). Every part ends as low does, so when no role of 5 runes or
	// more ends in low's last four bytes, no part is a role.
	if len(low) < 5 || !w.lx.roleTails.has(low) {
		return "", false
	}
	for k := 1; k+4 <= len(low); k++ {
		if f, ok := w.lx.roles[low[k:]]; ok && utf8.RuneCountInString(low[k:]) >= 5 {
			return field(f, 0, Person), true
		}
	}
	return "", false
}

// tailSet is a filter on the last four bytes of words, one bit per hash:
// a clear bit means that no word of the set ends in those bytes.
type tailSet [1 << 10]uint64

// tailHash hashes the last four bytes of s (which has at least four) to a
// bit of a tailSet.
func tailHash(s string) uint32 {
	b := s[len(s)-4:]
	v := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	return (v * 0x9e3779b1) >> 16
}

// newRoleTails returns the tailSet of the role nouns that roleType's
// closed-compound search can find (5 runes or more).
func newRoleTails(roles wordList) *tailSet {
	t := new(tailSet)
	for r := range roles {
		if utf8.RuneCountInString(r) >= 5 {
			h := tailHash(r)
			t[h/64] |= 1 << (h % 64)
		}
	}
	return t
}

// has reports whether some word of the set may end as s does (s has at
// least four bytes). A nil set filters nothing out.
func (t *tailSet) has(s string) bool {
	if t == nil {
		return true
	}
	h := tailHash(s)
	return t[h/64]&(1<<(h%64)) != 0
}

func (w *work) groupType(low string) (string, bool) {
	if f, ok := w.lx.groups[low]; ok {
		return field(f, 0, Group), true
	}
	// The plural of a role noun: "reporters", "woordvoerders", "presidenten".
	for _, suffix := range w.lx.pluralSuffixes {
		if len(low) > len(suffix)+3 && strings.HasSuffix(low, suffix) {
			if _, ok := w.lx.roles[low[:len(low)-len(suffix)]]; ok {
				return Group, true
			}
		}
	}
	if i := strings.LastIndexByte(low, '-'); i >= 0 && i+1 < len(low) {
		if f, ok := w.lx.groups[low[i+1:]]; ok {
			return field(f, 0, Group), true
		}
	}
	return "", false
}

func field(f []string, i int, def string) string {
	if i < len(f) && f[i] != "" {
		return f[i]
	}
	return def
}

// isClosedClass reports whether a lower-case token is a function word that
// cannot stand inside a speaker phrase as a modifier.
func (w *work) isClosedClass(low string) bool {
	if lx := w.lx; lx.closedClass != nil {
		_, ok := lx.closedClass[low]
		return ok
	}
	return w.lx.isClosedClass(low)
}

// isClosedClass is work.isClosedClass from the word lists themselves.
func (lx *lexicon) isClosedClass(low string) bool {
	return lx.prepositions.has(low) || lx.auxiliaries.has(low) || lx.complementizers.has(low) ||
		lx.cues.has(low) || lx.adverbs.has(low) || lx.pronouns.has(low) || lx.reporting.has(low) ||
		lx.functionWords.has(low) && !lx.determiners.has(low)
}

// newClosedClass returns the set of the words that lx.isClosedClass
// accepts, so that a test is one look-up rather than up to eight.
func (lx *lexicon) newClosedClass() map[string]struct{} {
	set := map[string]struct{}{}
	for _, l := range []wordList{lx.prepositions, lx.auxiliaries, lx.complementizers, lx.cues,
		lx.adverbs, lx.pronouns, lx.reporting, lx.functionWords} {
		for word := range l {
			if lx.isClosedClass(word) {
				set[word] = struct{}{}
			}
		}
	}
	return set
}

// phraseAt parses a speaker phrase that starts at token i and ends before
// limit. It returns false when no phrase starts there.
func (w *work) phraseAt(i, limit int) (phrase, bool) {
	if i >= limit {
		return phrase{}, false
	}
	low := w.low[i]
	if w.lx.relatives.has(low) && i > 0 && w.text(i-1) == "," {
		// "Anderson, who saw ...": the relative pronoun stands for the name before the comma.
		return phrase{start: i, end: i + 1, kind: pronounPhrase, head: i, name: -1, actorType: relativeType}, true
	}
	if w.rules != nil && w.rules.words.subordinators[low] {
		return phrase{}, false // "waarna", "hoewel" open a clause, not a phrase
	}
	if f, ok := w.lx.pronoun(low); ok && !(w.lx.determiners.has(low) && i+1 < limit && w.headFollows(i+1, limit)) {
		// A pronoun, unless it is a possessive before its noun ("haar vriendin").
		return phrase{start: i, end: i + 1, kind: pronounPhrase, head: i, name: -1, actorType: field(f, 0, Person)}, true
	}
	j := i
	if w.lx.determiners.has(low) && w.entOf[i] < 0 {
		j++
	}
	p := phrase{start: i, head: -1, name: -1}
	mods := 0
	for j < limit {
		lowj := w.low[j]
		if e := w.entOf[j]; e >= 0 && !w.falseName(j) {
			// A name: take the whole entity.
			k := j
			for k < limit && w.entOf[k] == e {
				k++
			}
			typ := w.d.Entities[e].Type
			if k < limit && w.isHeadWord(k) {
				// "Russische president", "New York businessman", "Trump lawyer
				// Marc Kasowitz": a name before a role noun is a modifier.
				j = k
				mods++
				continue
			}
			if typ == MISC && (w.isHeadWord(k-1) || k == j+1 && w.titleBeforeName(j, limit)) {
				// "PVV-leider" tagged MISC is a role: a name may follow it.
				// So is any compound title right before a person's name
				// ("FNV-onderhandelaar Tuur Elzinga").
				p.kind, p.head, p.end, p.actorType = rolePhrase, k-1, k, Person
				j = k
				continue
			}
			if typ == MISC || w.lx.isPossessive(w.text(k-1)) {
				return phrase{}, false // "Trump’s tweet": a possessor is no speaker
			}
			if p.kind == rolePhrase && p.head >= 0 {
				p.role = w.spanText(p.start, j, true)
			}
			p.kind, p.head, p.name, p.end = namePhrase, j, j, k
			p.actorType = entityActorType(typ)
			return w.extendOf(p, limit), true
		}
		if t, ok := w.roleType(lowj); ok && !w.lx.cues.has(lowj) {
			p.kind, p.head, p.end, p.actorType = rolePhrase, j, j+1, t
			j++
			continue
		}
		if t, ok := w.groupType(lowj); ok && p.head < 0 {
			p.kind, p.head, p.end, p.actorType = groupPhrase, j, j+1, t
			j++
			continue
		}
		if p.head >= 0 {
			break
		}
		// A modifier: an adjective or a compound part before the head. Without
		// a determiner only capitalised words, titles and a noun right before
		// a name qualify ("Tweede Kamerlid", "Gov.", "persbureau ANP"), so
		// that verbs are not read as adjectives.
		if !isWordToken(lowj) || w.isClosedClass(lowj) || w.lx.determiners.has(lowj) || mods >= 3 {
			return phrase{}, false
		}
		if j == i && !isCapitalised(w.text(j)) && !w.isTitle(j) && !w.headFollows(j+1, limit) && !(j+1 < limit && w.entOf[j+1] >= 0) {
			return phrase{}, false
		}
		mods++
		j++
	}
	if p.head < 0 {
		return phrase{}, false
	}
	p.role = w.spanText(p.start, p.end, true)
	return w.commaName(w.appositiveName(w.extendOf(p, limit), limit), limit), true
}

// commaName turns a description followed by a person's name between commas
// into that name ("De vorige asielwoordvoerder, Sharon Gesthuizen, noemde").
func (w *work) commaName(p phrase, limit int) phrase {
	if p.kind != rolePhrase || p.end+1 >= limit {
		return p
	}
	comma := p.end
	if w.lx.prepositions.has(w.low[comma]) { // "de asielwoordvoerder in de Kamer, Jasper van Dijk,"
		if q, ok := w.phraseAt(comma+1, limit); ok && q.kind != pronounPhrase {
			comma = q.end
		}
	}
	if comma+1 >= limit || w.text(comma) != "," {
		return p
	}
	k := comma + 1
	e := w.entOf[k]
	if e < 0 || w.d.Entities[e].Type != PER {
		return p
	}
	b := k
	for b < limit && w.entOf[b] == e {
		b++
	}
	if b < limit {
		if n := w.text(b); n != "," && n != "(" && n != ")" {
			return p
		}
	}
	p.role = w.spanText(p.start, comma, true)
	p.kind, p.name, p.head, p.end, p.actorType = namePhrase, k, k, b, Person
	return p
}

// titleBeforeName reports whether token t is a hyphenated compound ("FNV-
// onderhandelaar", "KLM-topman") right before a person's name.
func (w *work) titleBeforeName(t, limit int) bool {
	if !strings.Contains(w.low[t], "-") || t+1 >= limit {
		return false
	}
	e := w.entOf[t+1]
	return e >= 0 && e != w.entOf[t] && w.d.Entities[e].Type == PER
}

// headFollows reports whether a role or group noun follows within the next
// two tokens ("top black lawmakers", "senior officials").
func (w *work) headFollows(k, limit int) bool {
	for stop := min(limit, k+headWindow); k < stop; k++ {
		if w.isHeadWord(k) {
			return true
		}
		if !isWordToken(w.text(k)) || w.isClosedClass(w.low[k]) || w.entOf[k] >= 0 {
			return false
		}
	}
	return false
}

// isHeadWord reports whether token k is a role or group noun.
func (w *work) isHeadWord(k int) bool {
	_, r := w.roleType(w.low[k])
	_, g := w.groupType(w.low[k])
	return r || g
}

// extendOf attaches a "van ..." complement to a role or group head ("een
// woordvoerder van Macron", "de regeringsleiders van de 28 EU-landen").
func (w *work) extendOf(p phrase, limit int) phrase {
	if p.kind == namePhrase {
		return w.affiliation(p, limit)
	}
	if p.kind != rolePhrase && p.kind != groupPhrase || p.end >= limit {
		return p
	}
	if !w.lx.complementPreps.has(w.low[p.end]) {
		return p
	}
	q, ok := w.phraseAt(p.end+1, limit)
	if !ok || q.kind == pronounPhrase {
		return p
	}
	if q.kind == namePhrase && w.d.Entities[w.entOf[q.name]].Type == PER {
		if k := w.personStart(q.name, q.end); k > q.name {
			// "Secretary of State Mike Pompeo": the name ends a long title.
			p.role = w.spanText(p.start, k, true)
			p.kind, p.name, p.head, p.end, p.actorType = namePhrase, q.name, q.name, q.end, Person
			return p
		}
	}
	p.end = q.end
	p.role = w.spanText(p.start, p.end, true)
	return w.appositiveName(p, limit)
}

// affiliation attaches "of the Sierra Club" to a person's name ("Mr. Morgan
// of the Sierra Club"), keeping it as the person's role.
func (w *work) affiliation(p phrase, limit int) phrase {
	if p.end+1 >= limit || w.d.Entities[w.entOf[p.name]].Type != PER {
		return p
	}
	if !w.lx.complementPreps.has(w.low[p.end]) {
		return p
	}
	q, ok := w.phraseAt(p.end+1, limit)
	if !ok || q.kind != namePhrase || w.d.Entities[w.entOf[q.name]].Type == PER {
		return p
	}
	if p.role == "" {
		p.role = w.spanText(p.end+1, q.end, false)
	}
	p.end = q.end
	return p
}

// appositiveName turns a role description directly followed by a person's
// name ("de minister van Buitenlandse Zaken Pompeo") into a name phrase.
func (w *work) appositiveName(p phrase, limit int) phrase {
	if p.kind != rolePhrase || p.end >= limit {
		return p
	}
	e := w.entOf[p.end]
	if e < 0 || w.d.Entities[e].Type != PER || w.falseName(p.end) {
		return p
	}
	k := p.end
	for k < limit && w.entOf[k] == e {
		k++
	}
	p.role = w.spanText(p.start, p.end, true)
	p.kind, p.name, p.head, p.end, p.actorType = namePhrase, p.end, p.end, k, Person
	return p
}

// spanText returns the text of tokens [a, b), without a leading determiner
// when dropDet is set.
func (w *work) spanText(a, b int, dropDet bool) string {
	if dropDet && a < b-1 && w.lx.determiners.has(w.low[a]) {
		a++
	}
	if a >= b {
		return ""
	}
	return w.d.Text[w.d.Tokens[a].Start:w.d.Tokens[b-1].End]
}

func entityActorType(t string) string {
	switch t {
	case PER:
		return Person
	case ORG:
		return Organization
	case LOC:
		return Location
	}
	return Group
}

// phraseEndingAt finds the longest speaker phrase that ends exactly at token
// end and starts at or after lo, and that is not the object of a preposition.
func (w *work) phraseEndingAt(lo, end int) (phrase, bool) {
	for s := max(lo, end-maxPhraseTokens); s < end; s++ {
		p, ok := w.phraseAt(s, end)
		if !ok || p.end != end {
			continue
		}
		if s > lo && w.lx.prepositions.has(w.low[s-1]) {
			return phrase{}, false
		}
		return p, true
	}
	return phrase{}, false
}

// falseName reports whether the entity at token t is a one-word sentence
// opener that the lexicons know as a function word or adverb ("Ondertussen").
func (w *work) falseName(t int) bool {
	e := w.entOf[t]
	if w.d.Sentences[w.sent[t]].FirstToken != t || t+1 < len(w.entOf) && w.entOf[t+1] == e {
		return false
	}
	l := w.low[t]
	return w.lx.adverbs.has(l) || w.lx.functionWords.has(l) || w.lx.nonActors.has(l) || w.lx.determiners.has(l)
}

// isPossessive reports whether a word ends in one of the language's
// possessive endings ("Trump's" in English; Dutch has none).
func (lx *lexicon) isPossessive(word string) bool { return lx.trimPossessive(word) != word }

// genericEndingAt finds a plain noun phrase that ends at token end and opens
// its clause: a determiner and one to three lower-case words ("the bank",
// "de organisatie", "one official"). It names a speaker only right next to a
// cue, so callers use it there and nowhere else.
func (w *work) genericEndingAt(lo, end int) (phrase, bool) {
	for s := max(lo, end-maxGenericTokens); s < end-1; s++ {
		if !w.lx.determiners.has(w.low[s]) || w.lx.pronouns.has(w.low[s]) {
			continue
		}
		if s > lo && !w.isBreak(s-1) {
			continue // inside a clause it is likelier an object ("die een rol wil")
		}
		ok := true
		for k := s + 1; k < end; k++ {
			l := w.low[k]
			if !isWordToken(l) || isCapitalised(w.text(k)) || w.isClosedClass(l) || w.lx.determiners.has(l) || w.entOf[k] >= 0 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		return w.plainPhrase(s, end), true
	}
	return phrase{}, false
}

// plainPhrase makes tokens [a, b) an unnamed speaker phrase: its last word
// is the head, its text without determiner the role, its number the type.
func (w *work) plainPhrase(a, b int) phrase {
	return phrase{start: a, end: b, kind: groupPhrase, head: b - 1, name: -1,
		actorType: w.numberType(b - 1), role: w.spanText(a, b, true)}
}

// isPlural reports whether the lower-case word ends like a plural noun.
func (w *work) isPlural(low string) bool {
	for _, suffix := range w.lx.pluralSuffixes {
		if len(low) > len(suffix)+2 && strings.HasSuffix(low, suffix) {
			return true
		}
	}
	return false
}

// numberType types an unnamed speaker by its last word: a group when it is
// plural ("officials", "deskundigen"), else an organisation ("the bank").
func (w *work) numberType(t int) string {
	if w.isPlural(w.low[t]) {
		return Group
	}
	return Organization
}

// maxExpletiveGap bounds the words between an expletive's copula and the
// complementizer of the clause it stands for ("It is not at all clear
// whether").
const maxExpletiveGap = 5

// expletiveAt reports whether token t is the expletive pronoun before its
// copula ("It is", "It’s") and a clause that a complementizer opens within
// maxExpletiveGap words: "It is simply astounding that …", "it is not
// clear whether …".
func (w *work) expletiveAt(t int) bool {
	lx := w.lx
	if lx.expletive == "" {
		return false
	}
	k := t + 1
	switch low := w.low[t]; {
	case low == lx.expletive && k < len(w.low) && lx.expletiveVerbs.has(w.low[k]):
		k++
	case low != lx.expletive && lx.trimPossessive(low) == lx.expletive: // "It’s"
	default:
		return false
	}
	for end := min(len(w.low), k+maxExpletiveGap); k < end; k++ {
		tx := w.text(k)
		if tx == "," || isQuoteRuneString(tx) || w.quoted[k] {
			return false
		}
		if w.lx.complementizers.has(w.low[k]) {
			return true
		}
	}
	return false
}
