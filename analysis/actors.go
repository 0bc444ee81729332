package analysis

import (
	"slices"
	"sort"

	"github.com/article-explorer/explorer/analysis/ner"
	"strconv"
	"strings"
	"unicode"
)

// This file merges mentions into actors and ties every statement to one:
// full name → surname, role description → the named person, pronoun → the
// nearest fitting speaker, metonym → the government it stands for.

// actorSet builds the document's actors.
type actorSet struct {
	w      *work
	actors []Actor
	// byKey finds an actor by a normalised name, surname or role.
	byKey map[string]int
	// actorAt holds, for each token where a mention starts, its actor (else -1).
	actorAt []int32
	// salient marks the mentions that open a sentence or name a speaker:
	// the likeliest antecedents of a pronoun.
	salient []bool
	seen    map[Span]bool
	// countries remembers country's answers: names repeat, and finding a
	// name in the gazetteers reads it word by word.
	countries map[countryQuery]string
}

// countryQuery is one question to actorSet.country.
type countryQuery struct {
	name, entType string
	asSpeaker     bool
}

func newActorSet(w *work) *actorSet {
	at := make([]int32, len(w.d.Tokens))
	for i := range at {
		at[i] = -1
	}
	return &actorSet{w: w, byKey: map[string]int{}, seen: map[Span]bool{}, actorAt: at, salient: make([]bool, len(at))}
}

// norm lower-cases s and folds its white space to single spaces; it
// allocates only when something changes.
func norm(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 || c == '\t' || c == '\n' || c == '\r' || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	if b, ok := normASCII(s); ok {
		return b
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// normASCII is norm for a string of ASCII characters, in one allocation;
// ok is false when s has another character.
func normASCII(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending between two words
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = b.Len() > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// add creates an actor and returns its index. Control characters never
// enter a name: they become spaces, and runs of space fold to one.
func (as *actorSet) add(name, typ string) int {
	if strings.ContainsFunc(name, unicode.IsControl) {
		name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }), " ")
	}
	as.actors = append(as.actors, Actor{Name: name, Type: typ})
	return len(as.actors) - 1
}

// mention records a mention of actor a (once per span).
func (as *actorSet) mention(a int, s Span, kind string, tok int) {
	if a < 0 || as.seen[s] {
		return
	}
	as.seen[s] = true
	as.actors[a].Mentions = append(as.actors[a].Mentions, Mention{Span: s, Kind: kind})
	as.actorAt[tok] = int32(a)
	if tok-as.w.d.Sentences[as.w.sent[tok]].FirstToken <= salientOpening || as.w.beforeVerb(s) {
		as.salient[tok] = true
	}
}

// salientOpening is how many tokens into its sentence a mention may start
// and still count as the sentence's subject.
const salientOpening = 3

// beforeVerb reports whether the mention at span s is followed by a finite
// verb (an auxiliary or a cue), also after an aside in parentheses: the
// subject of its clause ("maar Jasmine van Kessel (17) is", "sinds
// Marijnissen ... overnam" aside).
func (w *work) beforeVerb(s Span) bool {
	_, b := w.tokenRange(s)
	b = w.parenthesisEnd(b, len(w.low))
	if b >= len(w.low) || w.quoted[b] || w.sent[b] != w.sent[b-1] {
		return false
	}
	return w.lx.auxiliaries.has(w.low[b]) || w.lx.cues.has(w.low[b])
}

func (as *actorSet) addRole(a int, role string) {
	if a < 0 || role == "" {
		return
	}
	for _, r := range as.actors[a].Roles {
		if strings.EqualFold(r, role) {
			return
		}
	}
	as.actors[a].Roles = append(as.actors[a].Roles, role)
	as.byKey["role:"+norm(role)] = a
}

// entityActor finds or creates the actor of entity e (tokens [a, b)).
func (as *actorSet) entityActor(e, a, b int, asSpeaker bool) int {
	w := as.w
	ent := w.d.Entities[e]
	name := w.lx.trimPossessive(w.spanText(a, b, true))
	key := norm(name)
	// A country under any of its names, and a capital or seat of government
	// that speaks for its country, are the country.
	if country := as.country(name, ent.Type, asSpeaker); country != "" {
		if i, ok := as.byKey["name:"+norm(country)]; ok {
			return i
		}
		i := as.add(country, Location)
		as.byKey["name:"+norm(country)] = i
		return i
	}
	if ent.Type == MISC {
		return -1
	}
	if i, ok := as.byKey["name:"+key]; ok {
		return i
	}
	typ := entityActorType(ent.Type)
	if ent.Type == PER {
		if a2 := w.personStart(a, b); a2 > a {
			name = w.spanText(a2, b, false) // "Secretary of State Mike Pompeo" → "Mike Pompeo"
			key = norm(name)
			if i, ok := as.byKey["name:"+key]; ok {
				return i
			}
		}
		surname := norm(w.lx.trimPossessive(w.text(b - 1)))
		if i, ok := as.byKey["surname:"+surname]; ok {
			if len(name) > len(as.actors[i].Name) {
				as.actors[i].Name = name
			}
			as.byKey["name:"+key] = i
			return i
		}
		i := as.add(name, typ)
		as.byKey["name:"+key] = i
		as.byKey["surname:"+surname] = i
		return i
	}
	i := as.add(name, typ)
	as.byKey["name:"+key] = i
	return i
}

// trimPossessive drops the language's possessive ending from a name
// ("Trump’s" names Trump).
func (lx *lexicon) trimPossessive(name string) string {
	for _, end := range lx.possessiveEndings {
		if len(name) > len(end) && strings.HasSuffix(name, end) {
			return name[:len(name)-len(end)]
		}
	}
	return name
}

// pronoun returns the lexicon entry of a lower-case pronoun, also when a
// clitic joins it in one token ("he’s": the possessive ending is the
// clitic of is or has after a pronoun).
func (lx *lexicon) pronoun(low string) ([]string, bool) {
	if f, ok := lx.pronouns[low]; ok {
		return f, true
	}
	if t := lx.trimPossessive(low); t != low {
		f, ok := lx.pronouns[t]
		return f, ok
	}
	return nil, false
}

// objectPronoun reports whether a pronoun is an object form ("hem",
// "them"), which is never the subject of a cue.
func (lx *lexicon) objectPronoun(low string) bool {
	f, ok := lx.pronouns[low]
	return ok && field(f, 2, "") == "object"
}

// hasAdverbSuffix reports whether a word ends in one of the language's
// adverb endings ("repeatedly" in English; none listed for Dutch).
func (lx *lexicon) hasAdverbSuffix(word string) bool {
	for _, end := range lx.adverbSuffixes {
		if len(word) > len(end) && strings.HasSuffix(word, end) {
			return true
		}
	}
	return false
}

// personStart returns where the name proper starts inside a person entity
// [a, b) that a tagger may have taken with (part of) its title: at the first
// known given name, else after the leading title words.
func (w *work) personStart(a, b int) int {
	if b-a < 2 || ner.GivenName(w.text(a)) {
		return a
	}
	for k := a + 1; k < b-1; k++ {
		if ner.GivenName(w.text(k)) {
			return k
		}
	}
	if !w.isTitle(a) {
		return a
	}
	k := a
	for k < b-1 && (w.isTitle(k) || w.lx.prepositions.has(w.low[k])) {
		k++
	}
	return k
}

// roleBefore finds a role description that ends right before a name at
// token t ("met de Franse president Emmanuel Macron"), after a preposition too.
func (w *work) roleBefore(lo, t int) (phrase, bool) {
	for s := max(lo, t-roleWindow); s < t; s++ {
		if p, ok := w.phraseAt(s, t); ok && p.end == t && p.kind == rolePhrase {
			return p, true
		}
	}
	return phrase{}, false
}

// isTitle reports whether token k is a role noun or a title abbreviation
// ("Secretary", "Gov.", "premier", "dhr.").
func (w *work) isTitle(k int) bool {
	if _, ok := w.roleType(w.low[k]); ok {
		return true
	}
	return w.lx.abbreviations.has(strings.TrimSuffix(w.low[k], "."))
}

// country returns the country a name stands for, or "": the country's own
// names ("VS", "Verenigde Staten"), its inhabitants ("de Amerikanen"), and,
// when the name is a speaker, its capital or seat of government
// ("Washington", "het Kremlin").
func (as *actorSet) country(name, entType string, asSpeaker bool) string {
	q := countryQuery{name, entType, asSpeaker}
	if c, ok := as.countries[q]; ok {
		return c
	}
	if as.countries == nil {
		as.countries = map[countryQuery]string{}
	}
	c := as.findCountry(name, entType, asSpeaker)
	as.countries[q] = c
	return c
}

// findCountry is country without the memory of earlier answers.
func (as *actorSet) findCountry(name, entType string, asSpeaker bool) string {
	lang := as.w.d.Language
	switch entType {
	case LOC, ORG:
		if c, kind, ok := ner.Place(name, lang); ok && c != "" && (kind == ner.Country || kind == ner.Capital && asSpeaker) {
			return c
		}
	case PER:
		// A capital that speaks is its government whatever type the tagger
		// gave it ("Londen waarschuwt", "Peking reageert").
		if c, kind, ok := ner.Place(name, lang); ok && c != "" && kind == ner.Capital && asSpeaker {
			return c
		}
	case MISC:
		if c, kind, ok := ner.Place(name, lang); ok && c != "" && kind == ner.Capital && asSpeaker {
			return c
		}
		if c, ok := ner.Demonym(name, lang); ok {
			return c
		}
	}
	if asSpeaker {
		if f, ok := as.w.lx.metonyms[norm(name)]; ok {
			return field(f, 0, "")
		}
	}
	return ""
}

// buildActors makes actors of every named entity (in text order), notes the
// roles given in apposition ("de Russische president Vladimir Poetin"), and
// resolves each statement's speaker.
func buildActors(w *work, fs []found) {
	as := newActorSet(w)
	d := w.d
	speakerNames := map[int]bool{}
	for _, p := range w.phrases {
		if p.kind == namePhrase {
			speakerNames[p.name] = true
		}
	}
	// Named entities, in text order.
	for t := 0; t < len(d.Tokens); {
		e := w.entOf[t]
		if e < 0 {
			t++
			continue
		}
		b := t
		for b < len(d.Tokens) && w.entOf[b] == e {
			b++
		}
		if full := as.acronymOf(t, b); full >= 0 {
			as.byKey["name:"+norm(w.text(t))] = full
		}
		a := as.entityActor(int(e), t, b, speakerNames[t])
		if a >= 0 {
			as.mention(a, d.Entities[e].Span, NameMention, t)
			if d.Entities[e].Type == PER {
				if p, ok := w.roleBefore(d.Sentences[w.sent[t]].FirstToken, t); ok {
					as.addRole(a, w.spanText(p.start, p.end, true))
					as.mention(a, w.span(p.start, p.end), RoleMention, t)
				}
			}
		}
		t = b
	}
	// Statements in text order: resolve their speakers.
	prevActor, prevSent, prevSource := -1, -1, -1
	for k := range fs {
		f := &fs[k]
		actor := -1
		switch {
		case f.source >= 0:
			if a, ok := as.coordination(&w.phrases[f.source], f); ok {
				actor = a
				f.trimContent(w, w.phrases[f.source].end)
			} else {
				actor = as.resolve(&w.phrases[f.source], f, prevActor, prevSent)
			}
		case f.follows:
			if prevActor >= 0 && f.sentence-prevSent <= floatingSentences {
				actor = prevActor
				if w.lx.mergeContinuations {
					// Where a quote continues the attribution before it
					// (English), it is that attribution's: its source is
					// the mention that named the speaker there.
					f.source = prevSource
				}
			}
		}
		f.actorIndex = actor
		if f.source >= 0 && actor >= 0 {
			as.salient[w.phrases[f.source].start] = true
			as.actorAt[w.phrases[f.source].start] = int32(actor)
		}
		if actor >= 0 {
			prevActor, prevSent, prevSource = actor, f.sentence, f.source
		}
	}
	// Keep statements that have a speaker, in text order, and number everything.
	order := make([]int, len(as.actors))
	for i := range order {
		order[i] = i
	}
	first := func(i int) int {
		if len(as.actors[i].Mentions) == 0 {
			return 1 << 62
		}
		return as.actors[i].Mentions[0].Start
	}
	for i := range as.actors {
		sort.Slice(as.actors[i].Mentions, func(x, y int) bool {
			return as.actors[i].Mentions[x].Start < as.actors[i].Mentions[y].Start
		})
	}
	sort.SliceStable(order, func(x, y int) bool { return first(order[x]) < first(order[y]) })
	newIndex := make([]int, len(as.actors))
	d.Actors = slices.Grow(d.Actors, len(order))
	for n, i := range order {
		newIndex[i] = n
		a := as.actors[i]
		a.ID = "a" + strconv.Itoa(n+1)
		d.Actors = append(d.Actors, a)
	}
	kept := 0
	for _, f := range fs {
		if f.actorIndex >= 0 || f.unnamed {
			kept++
		}
	}
	d.Statements = slices.Grow(d.Statements, kept) // one allocation: a long text may hold a statement every 25 bytes
	for _, f := range fs {
		if f.actorIndex < 0 && !f.unnamed {
			continue
		}
		st := Statement{ID: "s" + strconv.Itoa(len(d.Statements)+1), Actor: -1, Type: f.typ,
			Cue: f.cue, Content: f.content, Sentence: f.sentence}
		if f.actorIndex >= 0 {
			st.Actor = newIndex[f.actorIndex]
		}
		if f.source >= 0 {
			p := w.phrases[f.source]
			st.Source = w.span(p.start, p.end)
		}
		d.Statements = append(d.Statements, st)
	}
}

// coordination resolves a speaker phrase that ends a coordination of
// names or descriptions ("GroenLinks en PvdA zeggen", "Amnesty
// International en Human Rights Watch", "de vakbonden CNV, FNV en VCP") to
// one group actor named by the whole coordination, and widens the phrase to
// it. The coordination must open its clause (or follow a quote, a comma or
// a reporting word such as "volgens"), and a singular cue verb rules it out.
func (as *actorSet) coordination(p *phrase, f *found) (int, bool) {
	w := as.w
	if p.kind == pronounPhrase || p.start == 0 {
		return -1, false
	}
	first := w.d.Sentences[w.sent[p.start]].FirstToken
	k := p.start - 1
	if k >= first && w.lx.reporting.has(w.low[k]) {
		// "Volgens CNV, FNV en VCP": the coordination follows the source.
		if end, ok := w.coordinationEnd(p.end, w.d.Sentences[w.sent[p.start]].EndToken); ok {
			name := w.spanText(p.start, end, true)
			p.end = end
			return as.groupActor(name, p.start, end), true
		}
		return -1, false
	}
	if k <= first || !w.lx.coordinators.has(w.low[k]) {
		return -1, false
	}
	if !f.cue.IsZero() {
		if c, _ := w.tokenRange(f.cue); c < len(w.low) && w.lx.verbNumber(w.low[c]) == singular {
			return -1, false
		}
	}
	start := -1
	for members := 1; members < maxCoordinated; members++ {
		q, ok := w.phraseEndingAt(first, k)
		if !ok || q.kind == pronounPhrase || w.quoted[q.head] {
			return -1, false
		}
		start = q.start
		if start > first && w.text(start-1) == "," && start-1 > first {
			k = start - 1 // "CNV, FNV en VCP"
			continue
		}
		break
	}
	if start < 0 {
		return -1, false
	}
	if start > first && !w.isBreak(start-1) && !w.lx.reporting.has(w.low[start-1]) {
		return -1, false // "sprak met Rutte en Kaag": an object
	}
	p.start = start
	return as.groupActor(w.spanText(start, p.end, true), start, p.end), true
}

// groupActor finds or makes the group actor of a coordination at tokens
// [a, b) and records the mention.
func (as *actorSet) groupActor(name string, a, b int) int {
	key := "name:" + norm(name)
	g, ok := as.byKey[key]
	if !ok {
		g = as.add(name, Group)
		as.byKey[key] = g
	}
	as.mention(g, as.w.span(a, b), NameMention, a)
	return g
}

// coordinationEnd reads ", Y en Z" after a name that ends at token k and
// returns where the coordination ends; ok is false when none follows.
func (w *work) coordinationEnd(k, limit int) (int, bool) {
	for members := 1; members < maxCoordinated && k+1 < limit; members++ {
		sep := w.low[k]
		if sep != "," && !w.lx.coordinators.has(sep) {
			return 0, false
		}
		q, ok := w.phraseAt(k+1, limit)
		if !ok || q.kind == pronounPhrase {
			return 0, false
		}
		if sep != "," {
			return q.end, true
		}
		k = q.end
	}
	return 0, false
}

// trimContent moves the start of content pieces that begin before token
// end (inside a source widened to its coordination) to that token.
func (f *found) trimContent(w *work, end int) {
	if end >= len(w.d.Tokens) {
		return
	}
	at := w.d.Tokens[end].Start
	for i, c := range f.content {
		if c.Start < at && c.End > at {
			f.content[i].Start = at
		}
	}
}

// bodyOfPlace resolves "de gemeente Leeuwarden", "de provincie Groningen":
// a place named after a noun for an organisation is that body, an
// organisation of its own, not the place.
func (as *actorSet) bodyOfPlace(p *phrase, e, b int) (int, bool) {
	w := as.w
	if w.d.Entities[e].Type != LOC || p.name == 0 || p.name-1 < p.start {
		return -1, false
	}
	head := w.low[p.name-1]
	if t, ok := w.groupType(head); !ok || t != Organization {
		return -1, false
	}
	name := w.spanText(p.name-1, b, false)
	key := "name:" + norm(name)
	a, ok := as.byKey[key]
	if !ok {
		a = as.add(name, Organization)
		as.byKey[key] = a
	}
	as.mention(a, w.span(p.name-1, b), NameMention, p.name-1)
	return a, true
}

// maxCoordinated bounds the members of a coordinated speaker ("CNV, FNV en VCP").
const maxCoordinated = 6

// acronymOf returns the actor of the name right before an acronym in
// parentheses at tokens [a, b) ("Centraal Orgaan opvang asielzoekers
// (COA)"), or -1: the acronym then names the same actor. The name may run
// on in lower-case words after the tagger's entity, as long as the
// acronym's letters are the initials of its words, in order; the actor then
// takes the whole name.
func (as *actorSet) acronymOf(a, b int) int {
	w := as.w
	if b != a+1 || a < 2 || b >= len(w.d.Tokens) || w.text(a-1) != "(" || w.text(b) != ")" || !isAllCaps(w.text(a)) {
		return -1
	}
	end := a - 1 // the name ends before "("
	for k := end - 1; k >= 0 && k >= end-acronymTail; k-- {
		e := w.entOf[k]
		if e < 0 {
			if !isWordToken(w.text(k)) || w.sent[k] != w.sent[a] {
				return -1
			}
			continue
		}
		if w.d.Entities[e].Type == PER {
			return -1
		}
		start := w.mentionStart(k)
		if !initialsMatch(w.text(a), w.low[start:end]) {
			return -1
		}
		actor := int(as.actorAt[start])
		if actor >= 0 && end > k+1 {
			as.actors[actor].Name = w.spanText(start, end, false)
			as.byKey["name:"+norm(as.actors[actor].Name)] = actor
		}
		return actor
	}
	return -1
}

// acronymTail bounds the lower-case words a name may run on after the
// tagger's entity before its acronym ("opvang asielzoekers").
const acronymTail = 4

// initialsMatch reports whether the letters of an acronym are, in order,
// the initials of words, starting with the first word's.
func initialsMatch(acronym string, words []string) bool {
	acr := strings.ToLower(acronym)
	if len(words) == 0 || len(acr) < 2 || words[0] == "" || words[0][0] != acr[0] {
		return false
	}
	i := 0
	for _, w := range words {
		if i < len(acr) && w != "" && w[0] == acr[i] {
			i++
		}
	}
	return i == len(acr)
}

// mentionStart returns the first token of the entity that token t is in.
func (w *work) mentionStart(t int) int {
	e := w.entOf[t]
	for t > 0 && w.entOf[t-1] == e {
		t--
	}
	return t
}

// resolve finds the actor a source phrase names.
func (as *actorSet) resolve(p *phrase, f *found, prevActor, prevSent int) int {
	w := as.w
	span := w.span(p.start, p.end)
	switch p.kind {
	case namePhrase:
		e := w.entOf[p.name]
		b := p.name
		for b < len(w.d.Tokens) && w.entOf[b] == e {
			b++
		}
		if a, ok := as.bodyOfPlace(p, int(e), b); ok {
			return a
		}
		a := as.entityActor(int(e), p.name, b, true)
		if a < 0 {
			return -1
		}
		as.mention(a, w.d.Entities[e].Span, NameMention, p.name)
		if p.role != "" {
			as.addRole(a, p.role)
		}
		return a
	case pronounPhrase:
		a := as.antecedent(p, f, prevActor, prevSent)
		if a < 0 && p.actorType != relativeType {
			a = as.unnamed(p, f)
		}
		as.mention(a, span, PronounMention, p.start)
		return a
	}
	// A role or group description.
	role := p.role
	key := "role:" + norm(role)
	indefinite := p.start < p.head && w.lx.indefinites.has(w.low[p.start])
	a := -1
	if !indefinite {
		if i, ok := as.byKey[key]; ok {
			a = i
		} else if p.kind == rolePhrase && p.head == p.end-1 {
			a = as.byHead(w.low[p.head], p.start)
		}
		if a < 0 && p.head == p.end-1 && p.start < p.head && w.lx.determiners.has(w.low[p.start]) {
			a = as.byKind(w.low[p.head], p.start)
		}
	}
	if a < 0 {
		a = as.add(role, p.actorType)
		as.byKey[key] = a
	}
	as.addRole(a, role)
	as.mention(a, span, RoleMention, p.start)
	return a
}

// lookBack is how many tokens back a role or pronoun looks for its actor.
const lookBack = 400

// roleWindow bounds, in tokens, a role description before a name ("de
// Franse president Emmanuel Macron") and the name a relative pronoun looks
// back to ("Anderson, who ...").
const roleWindow = 8

// pronounSentences is how many sentences back the previous speaker may be
// for a pronoun to take it; floatingSentences the same for a quote with no
// cue that continues the previous speaker.
const (
	pronounSentences  = 4
	floatingSentences = 6
)

// subjectWindow is how many tokens back a pronoun looks for a subject that
// came after the previous speaker (about two sentences).
const subjectWindow = 60

// byHead finds the most recently mentioned actor that holds a role with the
// given head noun ("de president" → the actor with role "Amerikaanse president").
func (as *actorSet) byHead(head string, before int) int {
	for t := before - 1; t >= 0 && t >= before-lookBack; t-- {
		a := int(as.actorAt[t])
		if a < 0 {
			continue
		}
		for _, r := range as.actors[a].Roles {
			if f := strings.Fields(norm(r)); len(f) > 0 && f[len(f)-1] == head {
				return a
			}
		}
	}
	return -1
}

// byKind resolves a definite description by a general noun ("de
// organisatie", "het orgaan", "de club"): the most recently mentioned actor
// of the noun's type (and gender, for "de man", "de vrouw"), or -1.
func (as *actorSet) byKind(head string, before int) int {
	f, ok := as.w.lx.kinds[head]
	if !ok {
		return -1
	}
	typ, gender := field(f, 0, ""), field(f, 1, "")
	for t := before - 1; t >= 0 && t >= before-lookBack; t-- {
		a := int(as.actorAt[t])
		if a < 0 || as.actors[a].Type != typ {
			continue
		}
		if gender != "" && as.gender(a) != gender {
			continue
		}
		return a
	}
	return -1
}

// gender returns the gender a person actor's given name shows ("m", "f"),
// or "" when it shows none.
func (as *actorSet) gender(a int) string {
	if as.actors[a].Type != Person {
		return ""
	}
	name := as.actors[a].Name
	if i := strings.IndexByte(name, ' '); i > 0 {
		return ner.Gender(name[:i])
	}
	return ""
}

// pronounType returns the actor type and gender a speaker pronoun stands
// for: its lexicon entry, with the cue verb's number for a pronoun that
// may be one person or a group ("zij kondigde ... aan" is one person, "zij
// kondigden" a group).
func (as *actorSet) pronounType(p *phrase, f *found) (typ, gender string) {
	if e, ok := as.w.lx.pronoun(as.w.low[p.head]); ok {
		gender = field(e, 1, "")
	}
	typ = p.actorType
	if typ == "any" && !f.cue.IsZero() {
		if c, _ := as.w.tokenRange(f.cue); c < len(as.w.low) {
			switch as.w.lx.verbNumber(as.w.low[c]) {
			case singular:
				typ = Person
			case plural:
				typ, gender = Group, ""
			}
		}
	}
	return typ, gender
}

// unnamed returns the actor for a speaker pronoun with no antecedent in
// the text ("zegt ze" in an excerpt that never names her): one actor per
// pronoun form, named by the pronoun, so that the statement is kept and
// the reader sees that its speaker is not named.
func (as *actorSet) unnamed(p *phrase, f *found) int {
	typ, _ := as.pronounType(p, f)
	switch typ {
	case Person, Group:
	default:
		typ = Person
	}
	word := as.w.text(p.head)
	key := "unnamed:" + as.w.low[p.head]
	if a, ok := as.byKey[key]; ok {
		return a
	}
	a := as.add(word, typ)
	as.byKey[key] = a
	return a
}

// antecedent resolves a pronoun: the speaker of the previous statement when
// it fits and is near, else the most recently mentioned fitting actor.
func (as *actorSet) antecedent(p *phrase, f *found, prevActor, prevSent int) int {
	typ, gender := as.pronounType(p, f)
	fits := func(a int) bool {
		t := as.actors[a].Type
		switch typ {
		case Person:
			if g := as.gender(a); gender != "" && g != "" && g != gender {
				return false // "zij" is not Mark Rutte
			}
			return t == Person
		case Group:
			return t != Person
		case "thing":
			return t == Organization || t == Location || t == Group
		}
		if g := as.gender(a); t == Person && gender != "" && g != "" && g != gender {
			return false // "ze" for one person is a woman
		}
		return true
	}
	if p.actorType == relativeType {
		// The mention that ends right before the comma: "Anderson, who ...".
		for t := p.start - 2; t >= 0 && t >= p.start-roleWindow; t-- {
			if a := int(as.actorAt[t]); a >= 0 {
				return a
			}
		}
		return -1
	}
	// The nearest fitting subject before the pronoun (a salient mention:
	// it opens its sentence, stands before its verb or names a speaker; not
	// inside a quotation), when it came after the previous speaker; else the
	// previous speaker when it fits and is near; else the nearest salient
	// mention, else the nearest one.
	prevStart := as.w.d.Tokens[0].Start
	if prevActor >= 0 && prevSent < len(as.w.d.Sentences) {
		prevStart = as.w.d.Sentences[prevSent].FirstToken
	}
	for t := p.start - 1; t >= 0 && t >= prevStart && t >= p.start-subjectWindow; t-- {
		if a := int(as.actorAt[t]); a >= 0 && as.salient[t] && !as.w.quoted[t] && fits(a) && a != prevActor && int(as.w.sent[t]) > prevSent {
			return a
		}
	}
	if prevActor >= 0 && f.sentence-prevSent <= pronounSentences && fits(prevActor) {
		return prevActor
	}
	near := -1
	for t := p.start - 1; t >= 0 && t >= p.start-lookBack; t-- {
		if a := int(as.actorAt[t]); a >= 0 && fits(a) {
			if as.salient[t] {
				return a
			}
			if near < 0 {
				near = a
			}
		}
	}
	return near
}
