package analysis

import (
	"strings"
	"unicode"
)

// This file holds the rules of reported speech around a cue verb ("X zei
// dat …", "…, zei hij", "Dat meldt X") and the search for the cue's subject.

// backReference reads "Dat zei hij ...", "Dit meldt de krant", "Dat maakte
// hij bekend", "Dat heeft X bekendgemaakt": an anaphor opens the sentence,
// then the finite verb and the speaker; the content is the sentence before.
func (w *work) backReference(si int, s Sentence, end int) (candidate, bool) {
	a := s.FirstToken
	if si == 0 || a+2 >= end || !w.lx.anaphors.has(w.low[a]) {
		return candidate{}, false
	}
	verb := a + 1
	subj, ok := w.phraseAt(verb+1, end)
	if !ok || w.quoted[subj.head] {
		return candidate{}, false
	}
	cue := -1
	if f, ok := w.lx.cues[w.low[verb]]; ok && (field(f, 0, "") == "speech" || field(f, 0, "") == "position") && field(f, 2, "") == "" {
		// "Dat zei X", and a position too: "Dat eist de FNV".
		cue = verb
	} else if w.lx.auxiliaries.has(w.low[verb]) {
		for k := subj.end; k < end && k < subj.end+participleWindow && w.text(k) != ","; k++ {
			if w.lx.lightParticles.has(w.low[k]) || w.isSpeechCue(k) {
				cue = k // "Dat maakte hij bekend", "Dat heeft X gezegd"
				break
			}
		}
	}
	if cue < 0 {
		return candidate{}, false
	}
	prev := w.d.Sentences[si-1]
	if prev.Paragraph != w.d.Sentences[si].Paragraph && w.d.Paragraphs[prev.Paragraph].Heading {
		// A subheading is never the content of a statement below it; the
		// sentence only points back at it.
		return candidate{takes: [][2]int{{a, end}}, bare: true}, true
	}
	pa, pb := prev.FirstToken, w.clauseEnd(prev)
	if w.anyClaimed(pa, pb) {
		// The sentence before is a statement already: this one only repeats its source.
		return candidate{takes: [][2]int{{a, end}}, bare: true}, true
	}
	typ := Indirect
	if f, ok := w.lx.cues[w.low[cue]]; ok && field(f, 0, "") == "position" {
		typ = Position // "Dat eist de FNV"
	}
	return w.propose(si-1, typ, w.span(cue, cue+1), &subj, [][2]int{{a, end}}, [][2]int{{pa, pb}}), true
}

// complementizerAhead returns the first complementizer (or colon) within the next
// eight tokens from k when only words stand before it (no punctuation, no
// quote, no other cue), or 0.
func (w *work) complementizerAhead(k, end int) int {
	for stop := min(end, k+complementizerWindow); k < stop; k++ {
		l := w.low[k]
		if f, ok := w.lx.complementizers[l]; ok && field(f, 0, "") != "question" || l == ":" {
			return k
		}
		if !isWordToken(w.text(k)) || w.quoted[k] || w.lx.cues.has(l) {
			return 0
		}
	}
	return 0
}

// possessiveClaim reads a speech noun owned by a name and followed by a
// reported clause: "Trump’s claim that there have been ...".
func (w *work) possessiveClaim(si, i, end int) (candidate, bool) {
	if i == 0 || i+2 >= end || !w.lx.isPossessive(w.text(i-1)) || w.entOf[i-1] < 0 || !w.isSpeechCue(i) ||
		!w.lx.complementizers.has(w.low[i+1]) {
		return candidate{}, false
	}
	e := w.entOf[i-1]
	a := i - 1
	for a > 0 && w.entOf[a-1] == e {
		a--
	}
	p := phrase{start: a, end: i, kind: namePhrase, head: a, name: a, actorType: entityActorType(w.d.Entities[e].Type)}
	cand := w.propose(si, Indirect, w.span(i, i+1), &p, [][2]int{{a, i + 2}}, [][2]int{{i + 2, w.unclaimedEnd(i+2, end)}})
	return cand, cand.has
}

// speechFollows reports whether a speech verb comes within the next three
// tokens after a stance verb ("wil niet reageren", "wants to say").
func (w *work) speechFollows(k, end int) bool {
	for stop := min(end, k+speechAfterStance); k < stop; k++ {
		if w.isSpeechCue(k) {
			return true
		}
	}
	return false
}

// quoteOrEnd reports, for a subject before its cue after a break at token
// brk, whether the part before is what was said: it ends in a quotation, or
// nothing but a few words follows the cue.
func (w *work) quoteOrEnd(brk, after, end int) bool {
	if t := brk; isQuoteRuneString(w.text(t)) || t > 0 && isQuoteRuneString(w.text(t-1)) {
		return true
	}
	if end-after > maxTailAfterCue {
		return false
	}
	if after < end {
		// "…, the senator said it would work": a subject pronoun opens
		// the reported clause.
		if l := w.low[after]; w.lx.pronouns.has(l) && !w.lx.objectPronoun(l) && !w.lx.determiners.has(l) {
			return false
		}
	}
	for k := after; k < end; k++ {
		if w.lx.complementizers.has(w.low[k]) || w.low[k] == ":" || isQuoteRuneString(w.text(k)) {
			return false
		}
	}
	return true
}

// participleSubject reads ", adding that ...", ", saying ...": a participle
// after a comma shares the subject of its sentence: the speaker found last
// in this sentence, else the phrase that opens it.
func (w *work) participleSubject(s Sentence, i int) (subject, bool) {
	if !w.participleAfterComma(s, i) {
		return subject{}, false
	}
	for k := len(w.phrases) - 1; k >= 0; k-- {
		p := w.phrases[k]
		if p.start < s.FirstToken {
			break
		}
		if p.end <= i {
			return subject{p, false}, true
		}
	}
	if p, ok := w.phraseAt(s.FirstToken, i); ok && !w.quoted[p.head] {
		return subject{p, false}, true
	}
	return subject{}, false
}

// participleAfterComma reports whether token i of sentence s is a
// participle after a comma (", adding that ...").
func (w *work) participleAfterComma(s Sentence, i int) bool {
	suffix := w.lx.participleSuffix
	return suffix != "" && i > s.FirstToken && w.text(i-1) == "," && strings.HasSuffix(w.low[i], suffix)
}

// subjectPhrase passes on a phrase found as the subject of a cue, unless it
// is an object pronoun ("hem", "haar", "them"), which is never a subject:
// "die haar vroeg", "zou hij hebben gedreigd haar huis …".
func (w *work) subjectPhrase(p phrase, ok bool) (phrase, bool) {
	if ok && p.kind == pronounPhrase && w.lx.objectPronoun(w.low[p.head]) {
		return phrase{}, false
	}
	return p, ok
}

// subjectOf finds the speaker phrase of the cue at token i: before it
// ("Rutte zei"), after it ("zei hij", "noemde de Russische president"), or
// opening the clause before an auxiliary ("Poetin zou ... hebben gezegd").
// after reports whether the phrase follows the cue.
func (w *work) subjectOf(s Sentence, i, end int) (subject, bool) {
	a := s.FirstToken
	// Inversion after a quote or comma: "..., zei Rutte.", '"...," said Smith'.
	if i > a && w.breakBefore(a, i) {
		if p, ok := w.subjectPhrase(w.phraseAt(i+1, end)); ok && !w.quoted[p.head] && w.endsClause(p.end, end) {
			return subject{p, true}, true
		}
		// A pronoun after the cue is its subject whatever follows, but a
		// clause: "…, zo zei ze voorafgaand aan het overleg".
		if p, ok := w.subjectPhrase(w.phraseAt(i+1, end)); ok && p.kind == pronounPhrase && p.actorType != relativeType && w.lx.freeInversion && !w.quoted[p.head] &&
			!w.lx.complementizers.has(w.low[p.end]) && !w.lx.pronouns.has(w.low[p.end]) && !w.lx.determiners.has(w.low[p.end]) {
			return subject{p, true}, true
		}
		// Adverbs before the inverted subject: '"…", vindt ook haar vriendin Marieke'.
		j := i + 1
		for j < end && j < i+1+maxAuxBefore && w.lx.adverbs.has(w.low[j]) {
			j++
		}
		if j > i+1 {
			if p, ok := w.subjectPhrase(w.phraseAt(j, end)); ok && !w.quoted[p.head] && w.endsClause(p.end, end) {
				return subject{p, true}, true
			}
			if w.afterQuote(i) {
				if p, ok := w.invertedRun(j, end); ok {
					return subject{p, true}, true
				}
			}
		}
		// '"…", verklaart coördinator van de campagne Ludy Blind.', '…,
		// schrijft 1Limburg.': after a quotation, or after a comma in a
		// language that inverts freely, the run up to the clause end is the
		// speaker.
		if p, ok := w.invertedRun(i+1, end); ok {
			if w.afterQuote(i) {
				return subject{p, true}, true
			}
			if _, aside := w.subjectBeforeAside(a, i); !aside && w.lx.freeInversion && p.end-p.start <= maxGenericTokens {
				return subject{p, true}, true // not "X (39), directeur van Y, noemt het plan onzin"
			}
		}
	}
	// A restrictive relative clause opened right before a cue with a
	// complement clause: the noun phrase before the relative pronoun, a
	// prepositional object too ("Peres sprak met de partijen die vinden dat
	// …", "Er zijn Kamerleden die zeggen dat …").
	if i-1 > a && w.lx.relatives.has(w.low[i-1]) && !w.isBreak(i-2) && w.complementAt(i+1, end) {
		if p, ok := w.antecedentBefore(a, i-1); ok {
			return subject{p, false}, true
		}
	}
	// Right before the cue, perhaps coordinated: "GroenLinks en PvdA zeggen".
	if p, ok := w.subjectPhrase(w.phraseEndingAt(a, i)); ok && !w.quoted[p.head] {
		return subject{w.coordinated(a, p), false}, true
	}
	// The subject of the subordinate clause the cue is the verb of: "…
	// since Clinton cited".
	if p, ok := w.subordinateSubjectBefore(s, i); ok {
		return subject{p, false}, true
	}
	// A second cue sharing the subject: "X noemt het plan slecht en zegt dat …".
	if p, ok := w.sharedSubject(s, i); ok {
		return subject{p, false}, true
	}
	// Before an apposition or a parenthesis: "Sjoerdsma, Kamerlid voor D66,
	// zei", "Gov. Mike Pence (R-IN) said".
	if p, ok := w.subjectBeforeAside(a, i); ok {
		return subject{p, false}, true
	}
	// Before a relative clause: "Een ondernemer die met T. heeft gewerkt, zegt".
	if p, ok := w.subjectBeforeRelative(a, i); ok {
		return subject{p, false}, true
	}
	// Right after the cue (inversion). English inverts only after a quote or
	// a comma ('"...," said Smith').
	if p, ok := w.subjectPhrase(w.phraseAt(i+1, end)); ok && !w.quoted[p.head] && (w.lx.freeInversion || i == a || w.isBreak(i-1)) {
		return subject{p, true}, true
	}
	// The clause opens with the subject, then a finite verb or auxiliary.
	if p, ok := w.subjectPhrase(w.phraseAt(a, i)); ok && p.end < i && (w.lx.auxiliaries.has(w.low[p.end]) || w.lx.cues.has(w.low[p.end])) {
		return subject{p, false}, true
	}
	// First position filled by an adverbial; the subject follows the finite verb.
	for k := max(a, i-maxFirstPosition); k < i; k++ {
		if w.lx.auxiliaries.has(w.low[k]) || w.lx.cues.has(w.low[k]) {
			if p, ok := w.subjectPhrase(w.phraseAt(k+1, i)); ok && k > a && !w.quoted[p.head] && w.lx.freeInversion {
				return subject{p, true}, true
			}
		}
	}
	// One word in first position that names nobody ("Recent riep de bond
	// op …"), or a prepositional phrase before a cue whose complement
	// clause follows the noun phrase ("Ondanks alles verzekerde de
	// rijkswacht dat …"): the subject follows the cue.
	if w.lx.freeInversion && i+1 < end && w.lx.determiners.has(w.low[i+1]) && !w.lx.pronouns.has(w.low[i+1]) {
		if e := w.nounPhraseEnd(i+1, min(end, i+1+maxSourceWords)); e > i+2 &&
			(i == a+1 && w.entOf[a] < 0 || w.frontedAdverbial(a, i) && w.complementAt(e, end)) {
			return subject{w.plainPhrase(i+1, e), true}, true
		}
	}
	// A plain noun phrase right before the cue ("the bank said").
	if p, ok := w.genericEndingAt(a, i); ok && !w.quoted[p.head] {
		return subject{p, false}, true
	}
	// Before auxiliaries and adverbs: "Lawmakers also asked", "X has said",
	// "Rutte heeft gisteren gezegd".
	if k := w.skipAuxBack(a, i); k < i {
		if p, ok := w.subjectPhrase(w.phraseEndingAt(a, k)); ok && !w.quoted[p.head] {
			return subject{p, false}, true
		}
		if p, ok := w.genericEndingAt(a, k); ok && !w.quoted[p.head] {
			return subject{p, false}, true
		}
	}
	// A light verb's particle ("laat … weten", "maakte … bekend"): the
	// subject opens the clause before its auxiliary ("De Nederlandse
	// branchevereniging van de geneesmiddelenfabrikanten laat in een reactie weten").
	if w.lx.lightParticles.has(w.low[i]) {
		for k := a + 1; k < i && k <= a+maxFirstPosition; k++ {
			if w.lx.auxiliaries.has(w.low[k]) {
				if p, ok := w.initialSubject(a, k); ok && !w.quoted[p.head] {
					return subject{p, false}, true
				}
				break
			}
		}
	}
	// Last resort: the whole first constituent before the cue ("The
	// nonpartisan Commission on Presidential Debates says", "Clinton’s team says").
	if p, ok := w.initialSubject(a, i); ok {
		return subject{p, false}, true
	}
	return subject{}, false
}

// antecedentBefore finds the speaker phrase (no pronoun) that ends right
// before the relative pronoun at token r and starts at or after token a:
// the antecedent of a restrictive relative clause ("de partijen die …").
func (w *work) antecedentBefore(a, r int) (phrase, bool) {
	for k := max(a, r-maxPhraseTokens); k < r; k++ {
		if p, ok := w.subjectPhrase(w.phraseAt(k, r)); ok && p.end == r && p.kind != pronounPhrase && !w.quoted[p.head] {
			return p, true
		}
	}
	return phrase{}, false
}

// subordinateSubjectBefore finds the subject of a subordinate clause whose
// verb is the cue at token c: a speaker phrase right after a subordinator
// and right before the cue, auxiliaries, adverbs or an aside between ("…
// after Donald Trump unleashed", "since Clinton, at Monday's debate,
// cited").
func (w *work) subordinateSubjectBefore(sent Sentence, c int) (phrase, bool) {
	if w.rules == nil {
		return phrase{}, false
	}
	first := sent.FirstToken
	k := w.skipAuxBack(first, c)
	if p, ok := w.subjectAfterSubordinator(first, k); ok {
		return p, true
	}
	// An aside between the subject and the cue: end the subject at its opener.
	if k-1 <= first {
		return phrase{}, false
	}
	closer := w.text(k - 1)
	if closer != "," && closer != ")" {
		return phrase{}, false
	}
	opener := ","
	if closer == ")" {
		opener = "("
	}
	for o := k - 2; o > first && o >= k-maxAside; o-- {
		if w.text(o) == opener {
			return w.subjectAfterSubordinator(first, o)
		}
	}
	return phrase{}, false
}

// subjectAfterSubordinator finds a speaker phrase that ends at token end
// and follows a subordinator, from token first on.
func (w *work) subjectAfterSubordinator(first, end int) (phrase, bool) {
	for s := end - 1; s > first && s >= end-maxPhraseTokens; s-- {
		if !w.rules.words.subordinators[w.low[s-1]] {
			continue
		}
		if p, ok := w.subjectPhrase(w.phraseAt(s, end)); ok && p.end == end && !w.quoted[p.head] {
			return p, true
		}
		return phrase{}, false
	}
	return phrase{}, false
}

// objectFirst reads a clause whose object opens it, before the cue at
// token i and its inverted subject: "Het plan noemde Jan de Vries een
// schande." It applies in a language that inverts freely, when the first
// word is no adverb, preposition or conjunction, and no clause follows the
// subject (no "dat" or colon).
func (w *work) objectFirst(si, a, i, end int, subj subject, plain string, cue Span) (candidate, bool) {
	if !w.lx.freeInversion || !subj.after || subj.p.start <= i || i < a+2 || w.breakBefore(a, i) {
		// (one word in first position is an adverbial: "Recent riep de bond op …")
		return candidate{}, false
	}
	l := w.low[a]
	if w.lx.adverbs.has(l) || w.lx.prepositions.has(l) || w.lx.conjunctions.has(l) || w.lx.complementizers.has(l) ||
		w.lx.reporting.has(l) || w.lx.pronouns.has(l) && !w.lx.determiners.has(l) || w.rules != nil && w.rules.words.subordinators[l] ||
		w.quoted[a] || !isWordToken(w.text(a)) {
		return candidate{}, false
	}
	for k := a; k < i; k++ {
		if tx := w.text(k); tx == "," || tx == ":" || w.lx.auxiliaries.has(w.low[k]) {
			return candidate{}, false
		}
	}
	from := w.parenthesisEnd(subj.p.end, end) // "vindt Jan (16) het wel"
	stop := w.unclaimedEnd(from, end)
	for k := from; k < stop; k++ {
		if w.lx.complementizers.has(w.low[k]) || w.text(k) == ":" || isQuoteRuneString(w.text(k)) {
			return candidate{}, false
		}
		if w.text(k) == "," && k+1 < stop && w.rules != nil && w.rules.words.subordinators[w.low[k+1]] {
			stop = k // ", wanneer …": an adjunct clause
			break
		}
	}
	if stop <= from {
		return candidate{}, false
	}
	c := w.propose(si, plain, cue, &subj.p, [][2]int{{i, from}}, [][2]int{{a, i}, {from, stop}})
	return c, c.has
}

// frontedAdverbial reports whether tokens [a, b), before a comma and an
// inverted cue or right before the cue, are a fronted prepositional phrase
// rather than a clause ("Naast harde toezeggingen over de AOW, eisen de
// bonden …", "Om de uitstoot te verminderen, wil …", "Ondanks alles
// verzekerde de rijkswacht …"): they open with a preposition and hold no
// verb (no auxiliary, cue or verb-second verb).
func (w *work) frontedAdverbial(a, b int) bool {
	if !w.lx.freeInversion || b-a < 2 || b-a > maxFirstPosition || !w.lx.prepositions.has(w.low[a]) || w.lx.reporting.has(w.low[a]) {
		return false
	}
	for k := a; k < b; k++ {
		tx := w.text(k)
		if w.quoted[k] || isQuoteRuneString(tx) || w.lx.auxiliaries.has(w.low[k]) || w.lx.cues.has(w.low[k]) || k+1 < b && w.invertedVerbAt(k) {
			return false
		}
	}
	return true
}

// passiveCue reads a cue in the passive ("Het besluit werd bekritiseerd
// door de oppositie", "Jan werd gevraagd naar het plan"): the subject
// before the passive auxiliary is no speaker. With an agent ("door X") the
// agent speaks about the subject; without one there is no statement (ok
// and an empty candidate).
func (w *work) passiveCue(si int, s Sentence, i, end int, subj subject) (candidate, bool) {
	if w.rules == nil || len(w.rules.words.passive) == 0 || subj.after {
		return candidate{}, false
	}
	k := i
	for k-1 > s.FirstToken && i-k < maxAuxBefore && (w.lx.adverbs.has(w.low[k-1]) || w.lx.negations.has(w.low[k-1])) {
		k--
	}
	if k-1 < subj.p.end || !w.rules.words.passive[w.low[k-1]] || w.isSpeechCue(k-1) {
		return candidate{}, false
	}
	// The agent: "door de oppositie".
	for j := i + 1; j+1 < end && j <= i+maxAuxBefore; j++ {
		if !w.rules.words.agent[w.low[j]] {
			continue
		}
		p, ok := w.phraseAt(j+1, end)
		if !ok {
			p, ok = w.invertedRun(j+1, end)
		}
		if !ok || w.quoted[p.head] {
			break
		}
		c := w.propose(si, Indirect, w.span(i, i+1), &p, [][2]int{{k - 1, i + 1}, {j, p.end}}, [][2]int{{s.FirstToken, k - 1}, {i + 1, j}})
		return c, true
	}
	return candidate{}, true
}

// clauseOf returns sentence s narrowed to the clause of the cue at token
// i: a colon or semicolon before the cue (outside quotations) ends an
// earlier clause ("Onrust binnen de SP: een deel van de achterban vindt
// dat …").
func (w *work) clauseOf(s Sentence, i int) Sentence {
	for k := i - 1; k > s.FirstToken; k-- {
		if tx := w.text(k); (tx == ":" || tx == ";") && !w.quoted[k] {
			if k+1 < i {
				s.FirstToken = k + 1
			}
			break
		}
	}
	return s
}

// breakBefore reports whether the cue at token i follows a break (a comma
// or closing quotation mark), perhaps with a resumptive adverb between
// ('"…", zo verklaart X').
func (w *work) breakBefore(a, i int) bool {
	if w.isResumptive(i-1) && i-2 >= a {
		return w.isBreak(i - 2)
	}
	return i-1 >= a && w.isBreak(i-1)
}

// isResumptive reports whether token t is a resumptive adverb ("zo").
func (w *work) isResumptive(t int) bool {
	return t >= 0 && w.rules != nil && w.rules.words.resumptives[w.low[t]]
}

// isRefusal reports whether content [a, b) refuses to state anything: a
// negation right before a refusal noun ("geen reactie geven", "no comment").
func (w *work) isRefusal(a, b int) bool {
	if w.rules == nil {
		return false
	}
	for k := a; k+1 < b && k < a+2; k++ {
		if w.lx.negations.has(w.low[k]) && w.rules.words.refusals[w.low[k+1]] {
			return true
		}
	}
	return false
}

// coordinated widens a speaker phrase p to the phrase joined to it by a
// conjunction right before it ("GroenLinks en PvdA"): one group speaker.
func (w *work) coordinated(a int, p phrase) phrase {
	c := p.start - 1
	if c <= a || !w.lx.conjunctions.has(w.low[c]) || p.kind == pronounPhrase {
		return p
	}
	q, ok := w.phraseEndingAt(a, c)
	if !ok || q.kind == pronounPhrase || w.quoted[q.head] {
		return p
	}
	// A list: "de gemeenten Alphen, Oosterhout en Meierijstad".
	for q.start-1 > a && w.text(q.start-1) == "," {
		r, ok := w.phraseEndingAt(a, q.start-1)
		if !ok || r.kind == pronounPhrase || w.quoted[r.head] {
			break
		}
		q = r
	}
	if q.start != a && (w.text(q.start-1) == "," || !w.isBreak(q.start-1) && !w.lx.adverbs.has(w.low[q.start-1])) {
		return p // only a whole coordination that opens the clause is its subject
	}
	g := w.plainPhrase(q.start, p.end)
	g.actorType = Group
	return g
}

// sharedSubject reads the subject of a cue after a conjunction that joins
// it to an earlier cue of the sentence: the speaker phrase found last in
// this sentence ("X noemt het plan slecht en zegt dat …").
func (w *work) sharedSubject(s Sentence, i int) (phrase, bool) {
	if i-1 <= s.FirstToken || w.rules == nil || !w.rules.words.sharedSubject[w.low[i-1]] {
		return phrase{}, false
	}
	for k := len(w.phrases) - 1; k >= 0; k-- {
		p := w.phrases[k]
		if p.start < s.FirstToken {
			break
		}
		if p.end < i {
			return p, true
		}
	}
	// The first verb is no cue: the subject that opens the sentence ("De
	// minister bezocht Groningen en zei daar dat …"), when a plain main
	// clause stands between (no comma, quotation, relative pronoun or
	// subordinator, which would open a clause with a subject of its own).
	p, ok := w.subjectPhrase(w.phraseAt(s.FirstToken, i-1))
	if !ok || p.end >= i-2 || p.actorType == relativeType {
		return phrase{}, false
	}
	for k := p.end; k < i-1; k++ {
		l := w.low[k]
		if !isWordToken(w.text(k)) || w.quoted[k] || w.lx.relatives.has(l) || w.lx.complementizers.has(l) || w.rules.words.subordinators[l] {
			return phrase{}, false
		}
	}
	return p, true
}

// afterQuote reports whether the cue at token i follows a closing
// quotation mark, with or without a comma between ('"…", zei X', '"…" zei X').
func (w *work) afterQuote(i int) bool {
	k := i - 1
	if w.isResumptive(k) {
		k--
	}
	if k >= 0 && w.text(k) == "," {
		k--
	}
	return k >= 0 && isQuoteRuneString(w.text(k)) && !opensQuote(w.d.Text, w.d.Tokens[k].Start)
}

// complementAt reports whether a complement clause or a quotation opens
// at token k: "dat", ":", or an opening quotation mark.
func (w *work) complementAt(k, end int) bool {
	if k >= end {
		return false
	}
	if w.lx.complementizers.has(w.low[k]) || w.low[k] == ":" {
		return k+1 < end // a "dat" that ends the clause is a pronoun: "Onzin, noemt hij dat."
	}
	return isQuoteRuneString(w.text(k)) && opensQuote(w.d.Text, w.d.Tokens[k].Start)
}

// invertedRun reads the subject of an inverted cue after a quotation as
// the words from k up to the clause end: a role description ending in a
// person's name ("coördinator van de vaccinatiecampagne van de GGD Ludy
// Blind") or a short noun phrase. It stops at a comma, a quotation mark, a
// preposition other than "van"/"of", a complementizer or a verb; the
// clause must end there.
func (w *work) invertedRun(k, end int) (phrase, bool) {
	b := k
	for b < end && b-k < maxFirstPosition {
		l, tx := w.low[b], w.text(b)
		if !isWordToken(tx) || w.quoted[b] || w.lx.complementizers.has(l) || w.lx.auxiliaries.has(l) || w.lx.cues.has(l) ||
			w.lx.prepositions.has(l) && !w.lx.complementPreps.has(l) || b > k && (w.lx.adverbs.has(l) || w.lx.negations.has(l) || w.lx.freeInversion && w.lx.relatives.has(l)) {
			break
		}
		b++
	}
	// In Dutch a relative clause may close the speaker's phrase: "'…', zegt
	// de man die het spoorbedrijf het leven zuur maakt." (English keeps its
	// relative clause in the speaker: "said a Mexican official who …".)
	relative := w.lx.freeInversion && b > k && b < end && w.lx.relatives.has(w.low[b])
	if b == k || !relative && !w.endsClause(b, end) || w.isClosedClass(w.low[k]) && !w.lx.determiners.has(w.low[k]) {
		return phrase{}, false
	}
	// A person's name, perhaps followed by lower-case adverbials ("Marc
	// Teutelink maandag"), ends the phrase.
	last := b
	for last > k && w.entOf[last-1] < 0 && !isCapitalised(w.text(last-1)) {
		last--
	}
	for c := k + 1; c < last-1; c++ {
		if w.lx.conjunctions.has(w.low[c]) {
			// Coordinated speakers: "koning Willem-Alexander en koningin Máxima".
			g := w.plainPhrase(k, last)
			g.actorType = Group
			return g, true
		}
	}
	if e := w.entOf[max(last-1, k)]; last > k && e >= 0 && w.d.Entities[e].Type == PER {
		n := last - 1
		for n > k && w.entOf[n-1] == e {
			n--
		}
		p := phrase{start: k, end: last, kind: namePhrase, head: n, name: n, actorType: Person}
		if n > k {
			p.role = w.spanText(k, n, true)
		}
		return p, true
	}
	if b-k > maxSourceWords || !hasUpper(w.text(k)) && !w.lx.determiners.has(w.low[k]) && !w.isHeadWord(k) {
		return phrase{}, false
	}
	return w.plainPhrase(k, w.nounPhraseEnd(k, b)), true
}

// nounPhraseEnd returns where the noun phrase that starts at token k ends
// within [k, b): a determiner, an adjective and a noun (or a run of
// capitalised words), and a "van" complement of the same shape. A second
// determiner, or a word after a noun that no adjective ending announced,
// starts something else ("lichtte de fractievoorzitter het standpunt toe",
// "stelt de vakbond vast").
func (w *work) nounPhraseEnd(k, b int) int {
	j := k
	words := func() {
		if j < b && w.lx.determiners.has(w.low[j]) {
			j++
		}
		if j < b && isCapitalised(w.text(j)) {
			for j < b && isCapitalised(w.text(j)) {
				j++
			}
			return
		}
		for n := 0; j < b && n < 2 && !w.lx.determiners.has(w.low[j]) && !w.lx.complementPreps.has(w.low[j]) && !w.isClosedClass(w.low[j]); n++ {
			first := j
			j++
			if !w.adjectiveEnding(w.low[first]) {
				break // a noun: the phrase's head
			}
		}
		for j < b && isCapitalised(w.text(j)) {
			j++ // a name after the noun: "de politie Rotterdam", "persbureau ANP"
		}
	}
	words()
	if j+1 < b && w.lx.complementPreps.has(w.low[j]) {
		j++
		words()
	}
	return max(j, k+1)
}

// adjectiveEnding reports whether a lower-case word may be an attributive
// adjective before a noun; with no suffixes in the language's data, any word may.
func (w *work) adjectiveEnding(low string) bool {
	if w.rules == nil || len(w.rules.words.adjectiveSuffixes) == 0 {
		return true
	}
	for suf := range w.rules.words.adjectiveSuffixes {
		if strings.HasSuffix(low, suf) {
			return true
		}
	}
	return false
}

// hasUpper reports whether a word holds a capital anywhere ("1Limburg").
func hasUpper(word string) bool {
	for _, r := range word {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// initialSubject takes the tokens from the clause start up to the cue at i
// as its subject when they read as one noun phrase: a capital or a
// determiner first, at most twelve words, and no comma, quote, verb or
// conjunction of clauses among them.
func (w *work) initialSubject(a, i int) (phrase, bool) {
	if a < len(w.low) && w.lx.adverbs.has(w.low[a]) && !isCapitalised(w.text(a+1)) {
		return phrase{}, false
	}
	for a < i && (w.lx.adverbs.has(w.low[a]) && a+1 < i && isCapitalised(w.text(a+1)) || isQuoteRuneString(w.text(a))) {
		a++
	}
	if i-a < 1 || i-a > maxFirstPosition || w.lx.prepositions.has(w.low[a]) || w.lx.pronouns.has(w.low[a]) || w.lx.complementizers.has(w.low[a]) ||
		w.rules != nil && w.rules.words.subordinators[w.low[a]] || w.expletiveAt(a) {
		return phrase{}, false
	}
	if !isCapitalised(w.text(a)) && !w.lx.determiners.has(w.low[a]) {
		return phrase{}, false
	}
	for k := a; k < i; k++ {
		l := w.low[k]
		tx := w.text(k)
		if tx == "," || tx == ";" || tx == ":" || isQuoteRuneString(tx) || w.quoted[k] || w.lx.auxiliaries.has(l) ||
			w.lx.cues.has(l) || w.lx.complementizers.has(l) || w.lx.reporting.has(l) {
			return phrase{}, false
		}
		if w.lx.freeInversion && k > a && k+1 < i && w.invertedVerbAt(k) {
			return phrase{}, false // a verb and its object: "Gesthuizen kreeg een enkele keer kritische vragen"
		}
	}
	return w.plainPhrase(a, i), true
}

// subjectBeforeAside finds a speaker phrase that ends where an aside ends
// right before token i: ", …," or "(…)". A name may take any aside ("Trump,
// speaking to veterans, said"); a description needs one that names a role.
func (w *work) subjectBeforeAside(a, i int) (phrase, bool) {
	if i-1 <= a {
		return phrase{}, false
	}
	var opener string
	switch w.text(i - 1) {
	case ",":
		opener = ","
	case ")":
		opener = "("
	default:
		return phrase{}, false
	}
	for k := i - 2; k > a && k >= i-maxAside; k-- {
		tx := w.text(k)
		if tx == ";" || tx == ":" || isQuoteRuneString(tx) || w.isSpeechCue(k) && !w.lx.articles.has(w.low[k-1]) {
			return phrase{}, false
		}
		if tx != opener {
			continue
		}
		if opener == "," {
			// "De advocaat van de verdachte, Jan de Vries, stelt": a role
			// opens the clause and a person's name stands between the commas.
			if q, ok := w.phraseAt(k+1, i-1); ok && q.kind == namePhrase && q.actorType == Person && q.end == i-1 {
				if r, ok := w.phraseAt(a, k); ok && r.kind == rolePhrase && r.start == a {
					q.role = w.spanText(a, k, true)
					return q, true
				}
			}
		}
		pe := k
		if opener == "," && k-1 > a && w.text(k-1) == ")" {
			// "Jan de Vries (39), directeur van Shell, noemt": skip the parenthesis.
			for q := k - 2; q > a && q >= k-maxAside; q-- {
				if w.text(q) == "(" {
					pe = q
					break
				}
			}
		}
		p, ok := w.phraseEndingAt(a, pe)
		if !ok || p.kind == pronounPhrase || w.quoted[p.head] {
			if opener == "(" {
				return phrase{}, false
			}
			continue // "Donna Rawlings, 59, of Ashton, Md., said": try an earlier comma
		}
		if opener == "," && p.kind == rolePhrase {
			// "De vorige woordvoerder, Sharon Gesthuizen, zei": the name is the speaker.
			if q, ok := w.phraseAt(k+1, i-1); ok && q.kind == namePhrase && q.end == i-1 && q.actorType == Person {
				q.role = p.role
				return q, true
			}
		}
		if opener == "," && p.kind != namePhrase {
			// The aside must itself read as a description (it holds a role or a group noun).
			if _, ok := w.phraseAt(k+1, i-1); !ok && !w.hasHeadWord(k+1, i-1) {
				continue // try an earlier comma: "Scott Pruitt, the attorney general, one of ..., said"
			}
		}
		return p, true
	}
	return phrase{}, false
}

// subjectBeforeRelative finds the speaker phrase that opens the clause and
// is followed by a relative clause that a comma closes right before the cue
// at token i ("Een ondernemer van Turkse komaf die met T. heeft gewerkt,
// zegt dat …").
func (w *work) subjectBeforeRelative(a, i int) (phrase, bool) {
	if i-1 <= a || w.text(i-1) != "," {
		return phrase{}, false
	}
	for r := a + 1; r < i-1 && r <= a+maxPhraseTokens; r++ {
		if !w.lx.relatives.has(w.low[r]) || w.quoted[r] {
			continue
		}
		for k := r + 1; k < i-1; k++ {
			if w.text(k) == "," || isQuoteRuneString(w.text(k)) {
				return phrase{}, false // the relative clause must run to the comma
			}
		}
		if p, ok := w.phraseEndingAt(a, r); ok && p.start == a && p.kind != pronounPhrase && !w.quoted[p.head] {
			return p, true
		}
		if p, ok := w.initialSubject(a, r); ok {
			return p, true
		}
		return phrase{}, false
	}
	return phrase{}, false
}

// hasHeadWord reports whether tokens [a, b) hold a role or group noun.
func (w *work) hasHeadWord(a, b int) bool {
	for k := a; k < b; k++ {
		if w.isHeadWord(k) {
			return true
		}
	}
	return false
}

// skipAuxBack walks back from the cue at token i over auxiliaries, adverbs
// and negation, and returns where they start.
func (w *work) skipAuxBack(a, i int) int {
	k := i
	for k-1 > a && i-k < maxAuxBefore {
		l := w.low[k-1]
		if w.lx.auxiliaries.has(l) || w.lx.adverbs.has(l) || w.lx.negations.has(l) || w.lx.hasAdverbSuffix(l) {
			k--
			continue
		}
		break
	}
	return k
}

// endsClause reports whether token k ends an inverted subject: the clause
// ends, or a comma, a preposition or an adverb follows ("zei hij tegen de
// NOS", "said Smith, a senator") rather than a verb ("said he would").
func (w *work) endsClause(k, end int) bool {
	if k >= end {
		return true
	}
	l := w.low[k]
	return l == "," || l == "." || l == ";" || l == "(" || w.lx.prepositions.has(l) || w.lx.adverbs.has(l) || isQuoteRuneString(l)
}

type subject struct {
	p     phrase
	after bool
}

// frontedParticiple reports whether sentence s opens with the participle of
// a verb of saying and a clause a comma closes before end ("Asked about
// the plan, she said …", "Gevraagd naar het plan, zei hij …"): a reduced
// passive that reports the question, not what the sentence's speaker
// says. It returns the comma.
func (w *work) frontedParticiple(s Sentence, end int) (int, bool) {
	a := s.FirstToken
	if a+2 >= end || !w.lx.isParticiple(w.low[a]) || !w.isSpeechCue(a) || w.quoted[a] {
		return 0, false
	}
	for k := a + 1; k < end; k++ {
		if w.quoted[k] || isQuoteRuneString(w.text(k)) {
			return 0, false
		}
		if w.text(k) == "," {
			return k, k > a+1
		}
	}
	return 0, false
}

// verbStatement reads a statement around the cue verb at token i.
func (w *work) verbStatement(si int, s Sentence, i, end int, f []string) (candidate, bool) {
	s = w.clauseOf(s, i)
	a := s.FirstToken
	comma, participle := w.frontedParticiple(s, end)
	if participle && i == a {
		// "Asked about the plan, she said …": the question, whose asker
		// the text does not name.
		c := w.propose(si, Indirect, w.span(i, i+1), nil, [][2]int{{i, i + 1}}, [][2]int{{i + 1, comma}})
		c.f.unnamed = true
		return c, c.has
	}
	subj, ok := w.participleSubject(s, i)
	if !ok {
		subj, ok = w.subjectOf(s, i, end)
	}
	if !ok {
		return candidate{}, false
	}
	// The cue's separable particle that closes the clause after an
	// inverted subject is no part of it: "…, geeft de minister aan". A
	// light-verb particle is the cue of its own rule (invertedLightVerb:
	// "…, maakte het ministerie bekend").
	if p := subj.p; subj.after && p.end-1 > p.start && w.low[p.end-1] == field(f, 2, "") {
		if w.lx.lightParticles.has(w.low[p.end-1]) {
			return candidate{}, false
		}
		if q, ok := w.phraseAt(p.start, p.end-1); ok && q.end == p.end-1 {
			subj.p = q
		}
	}
	if c, ok := w.passiveCue(si, s, i, end, subj); ok {
		return c, true
	}
	kind := field(f, 0, "speech")
	plain := Indirect
	if kind == "position" {
		plain = Position
	}
	cue := w.span(i, i+1)
	after := i + 1
	if subj.after && subj.p.start >= i+1 {
		after = subj.p.end
	}
	// A parenthetical attribution: "The museum, Mr. Obama said, would make
	// ...", "Het kabinet, zei Rutte, is ...": the content is the sentence
	// around it.
	from, to := min(i, subj.p.start), max(i+1, subj.p.end)
	// After a quotation ('"…", zegt ze, nadat …') the words after the second
	// comma are an adjunct of the cue, not content; so is a fronted
	// subordinate clause ("Toen …, concludeerde X, voorzitter van Y, dat …").
	subordinate := w.rules != nil && w.rules.words.subordinators[w.low[a]] || participle
	if !subordinate && from > a+1 && to+1 < end && w.text(from-1) == "," && w.text(to) == "," && !w.quoted[from-1] && !w.afterQuote(from) {
		return w.propose(si, plain, cue, &subj.p, [][2]int{{from - 1, to + 1}}, [][2]int{{a, from - 1}, {to + 1, w.unclaimedEnd(to+1, end)}}), true
	}
	// "..., zei hij." / '"...", aldus X' / '"...," Smith said': the content
	// is what comes before.
	fronted := subordinate || subj.after && w.frontedAdverbial(a, from)
	// "Gevraagd of …, zei hij "dat …"": a complement after the speaker is
	// the content; what stands before the comma is an adjunct.
	fronted = fronted || subj.after && !w.afterQuote(from) && w.complementAt(to, end)
	if !fronted && (subj.after && i > a && w.breakBefore(a, i) || !subj.after && subj.p.start > a && w.isBreak(subj.p.start-1) && w.quoteOrEnd(subj.p.start-1, i+1, end)) {
		cut := from
		if w.isResumptive(cut - 1) {
			cut-- // '"…", zo verklaart X'
		}
		pieces := [][2]int{{a, cut}}
		// '"By locking in China," Mr. Obama said, "it now allowed me ..."':
		// the quote goes on after the cue.
		k := to
		if k < end && w.text(k) == "," {
			k++
		}
		if k < end && w.lx.conjunctions.has(w.low[k]) {
			k++ // '"…," he said, but "…"'
		}
		if k > to && k < end && isQuoteRuneString(w.text(k)) && opensQuote(w.d.Text, w.d.Tokens[k].Start) {
			pieces = append(pieces, [2]int{k, end})
			to = k
		}
		return w.propose(si, plain, cue, &subj.p, [][2]int{{cut, to}}, pieces), true
	}
	// "Het plan noemde hij een schande", "Een beetje spannend vindt X het
	// wel": the object stands first, the speaker after the cue, and no
	// clause follows: the content is the object and the rest.
	if c, ok := w.objectFirst(si, a, i, end, subj, plain, cue); ok {
		return c, true
	}
	// "Hoewel …, gelooft X dat …": a fronted subordinate clause is no
	// content; what follows the cue is.
	// The content follows: skip an apposition of an inverted subject, then
	// adverbs and prepositional phrases up to "dat" or ":".
	if subj.after && after == subj.p.end {
		after = w.skipApposition(after, end)
	}
	start := after
	for k := after; k < end; {
		l := w.low[k]
		if c := w.parenthesisEnd(k, end); c > k {
			// A parenthesis after the speaker is no content: "zei Jan de
			// Vries (45) dat …", "vindt de minister (56) het wel".
			if k == start {
				start = c
			}
			k = c
			continue
		}
		if f, ok := w.lx.complementizers[l]; ok && (field(f, 0, "") != "question" || kind == "speech") || l == ":" {
			start = k + 1
			break
		}
		if l == field(f, 2, "") && k == start && w.complementAt(k+1, end) {
			k++ // the cue's particle before a quotation is no content: "gaf hij toe "dat …""
			start = k
			continue
		}
		if w.lx.adverbs.has(l) || w.lx.fillers.has(l) {
			k++
			continue
		}
		if w.lx.prepositions.has(l) {
			if p, ok := w.phraseAt(k+1, end); ok {
				k = p.end
				continue
			}
			// Any prepositional phrase before "dat": "zei in een interview met
			// de krant dat ...".
			if c := w.complementizerAhead(k+1, end); c > 0 {
				k = c
				continue
			}
		}
		// An addressee before "that": "told reporters (on Tuesday) that ...".
		if p, ok := w.phraseAt(k, end); ok && p.end < end {
			if w.lx.complementizers.has(w.low[p.end]) {
				k = p.end
				continue
			}
			if c := w.complementizerAhead(p.end, end); c > 0 && w.lx.prepositions.has(w.low[p.end]) {
				k = c
				continue
			}
		}
		break
	}
	if start >= end {
		if qa, qb, ok := w.quoteParagraphAfter(s, start-1); ok {
			// "He said:" ending its paragraph, the quotation opening the
			// next: the quotation is the content.
			return w.propose(si, plain, cue, &subj.p, [][2]int{{min(subj.p.start, i), max(subj.p.end, i+1)}}, [][2]int{{qa, qb}}), true
		}
		if start == end && start-1 > i && w.lx.anaphors.has(w.low[start-1]) {
			// "Zelf ontkent ze dat.": the anaphor is the content, standing
			// for what was said before.
			return w.propose(si, plain, cue, &subj.p, [][2]int{{min(subj.p.start, i), max(subj.p.end, i+1)}}, [][2]int{{start - 1, start}}), true
		}
		return candidate{}, false
	}
	stop := w.unclaimedEnd(start, end)
	if stop <= start || w.isRefusal(start, stop) {
		return candidate{}, false
	}
	return w.propose(si, plain, cue, &subj.p, [][2]int{{min(subj.p.start, i), max(subj.p.end, i+1)}}, [][2]int{{start, stop}}), true
}

// quoteParagraphAfter returns the content [a, b) that opens the paragraph
// after sentence s when s ends its paragraph with the colon at token colon
// ("Caddell continued:" and then the quotation as a paragraph of its own):
// the quotation there, or the whole paragraph when it opens with no
// quotation mark (a block quotation: "The governor added:" and then his
// words).
func (w *work) quoteParagraphAfter(s Sentence, colon int) (a, b int, ok bool) {
	toks := w.d.Tokens
	if colon < s.FirstToken || colon >= len(toks) || w.text(colon) != ":" {
		return 0, 0, false
	}
	for t := colon + 1; t < s.EndToken; t++ {
		if isWordToken(w.text(t)) {
			return 0, 0, false
		}
	}
	a = s.EndToken
	if a >= len(toks) || w.claimed[a] {
		return 0, 0, false
	}
	p := w.d.Sentences[w.sent[a]].Paragraph
	if p != s.Paragraph+1 || w.d.Paragraphs[p].Heading {
		return 0, 0, false
	}
	end := w.d.Paragraphs[p].End
	if !w.opensQuoteAt(a) {
		// A block quotation holds no quotation of its own: a paragraph
		// that does is the writer's, after an introduction of something
		// the text leaves out (an embedded video).
		if len(w.paraQuotes[p]) > 0 {
			return 0, 0, false
		}
		b = a
		for b < len(toks) && w.d.Sentences[w.sent[b]].Paragraph == p {
			b++
		}
		if b-a > maxQuoteTokens || w.anyClaimed(a, b) {
			return 0, 0, false
		}
		return a, b, true
	}
	for _, q := range w.paraQuotes[p] {
		if q.Open.Start != toks[a].Start {
			continue
		}
		_, b = w.tokenRange(q.Outer(end))
		if b <= a+1 || b-a > maxQuoteTokens || w.anyClaimed(a, b) {
			return 0, 0, false
		}
		return a, b, true
	}
	return 0, 0, false
}

// parenthesisEnd returns the token after a short parenthesis that opens at
// token k ("(45)", "(CDA)"), or k when none does.
func (w *work) parenthesisEnd(k, end int) int {
	if k >= end || w.text(k) != "(" {
		return k
	}
	for c := k + 1; c < end && c <= k+maxParenthesis; c++ {
		switch w.text(c) {
		case ")":
			return c + 1
		case "(", ",", ".":
			return k
		}
	}
	return k
}

// maxParenthesis bounds the tokens inside a parenthesis after a name or a
// speaker ("(45)", "(VVD)").
const maxParenthesis = 6

// invertedLightVerb reads '"…", laat X weten.' and '…, zo maakte X
// bekend.': after a quotation or a reported clause and its comma (and a
// resumptive "zo"), an auxiliary, the speaker and a light-verb particle
// (weten, bekend, duidelijk) at token i; the part before the comma is the
// content.
func (w *work) invertedLightVerb(si int, s Sentence, i, end int) (candidate, bool) {
	a := s.FirstToken
	if !w.lx.lightParticles.has(w.low[i]) || !w.endsClause(i+1, end) {
		return candidate{}, false
	}
	// Adverbs may stand between the speaker and the particle: "…, zo liet
	// de minister gisteren weten".
	e := i
	for e > a && i-e < maxAuxBefore && w.lx.adverbs.has(w.low[e-1]) {
		e--
	}
	p, ok := w.phraseEndingAt(a, e)
	if !ok || p.start < a+3 || w.quoted[p.head] || !w.lx.auxiliaries.has(w.low[p.start-1]) || !w.breakBefore(a, p.start-1) {
		return candidate{}, false
	}
	brk := p.start - 2
	if w.isResumptive(brk) {
		brk--
	}
	c := w.propose(si, Indirect, w.span(i, i+1), &p, [][2]int{{brk, i + 1}}, [][2]int{{a, brk}})
	return c, c.has
}
