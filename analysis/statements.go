package analysis

import (
	"sort"
	"strings"
	"unicode"
)

// This file finds statements: quotes, reported speech, "volgens X" and
// stances, each with its cue, its source phrase and its content.

// A found statement before actors are resolved.
type found struct {
	typ      string
	cue      Span
	source   int // index into w.phrases, or -1
	content  []Span
	sentence int
	follows  bool // a floating quote: continues the previous speaker

	pieceToks [][2]int
	// actorIndex is the resolved speaker, set by buildActors.
	actorIndex int
}

// findStatements reads every sentence for attribution patterns.
func findStatements(w *work) []found {
	var out []found
	d := w.d
	for si := range d.Sentences {
		s := d.Sentences[si]
		out = w.sentenceStatements(si, s, out)
	}
	out = w.floatingQuotes(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].content[0].Start < out[j].content[0].Start })
	return out
}

// clauseEnd returns the last token of the sentence that content may cover:
// the final period and closing marks are left out unless they close a quote.
func (w *work) clauseEnd(s Sentence) int {
	e := s.EndToken
	for e > s.FirstToken {
		t := w.text(e - 1)
		if isSentenceEnd(t) || t == ";" {
			e--
			continue
		}
		break
	}
	return e
}

func (w *work) sentenceStatements(si int, s Sentence, out []found) []found {
	a, b := s.FirstToken, s.EndToken
	end := w.clauseEnd(s)
	// Headline and "Naam: ..." style: a speaker phrase, a colon, then the words.
	if f, ok := w.colonStatement(si, a, end); ok {
		return append(out, f)
	}
	// "Dat zei X": the previous sentence was said by X.
	if f, ok := w.backReference(si, s, end); ok {
		return append(out, f)
	}
	if w.claimed[a] {
		return out
	}
	// First "volgens X" and "..., aldus X", then cue verbs and stances, so
	// that a verb's content stops where a reporting phrase begins.
	for i := a; i < b; i++ {
		if w.claimed[i] || w.quoted[i] {
			continue
		}
		if f, ok := w.lx.reporting[w.low[i]]; ok {
			if st, ok := w.reportingStatement(si, s, i, end, field(f, 0, "before")); ok {
				out = append(out, st)
			}
		}
	}
	for i := a; i < b; i++ {
		if w.claimed[i] || w.quoted[i] {
			continue
		}
		if st, ok := w.possessiveClaim(si, i, end); ok {
			out = append(out, st)
			continue
		}
		if st, ok := w.impersonalCue(si, s, i, end); ok {
			out = append(out, st)
			continue
		}
		if f, ok := w.cueAt(i, end); ok && !w.insideName(i) {
			if field(f, 0, "") == "position" && w.speechFollows(i+1, end) {
				continue // "wilde niet zeggen hoe ...": the speech verb carries it
			}
			if st, ok := w.verbStatement(si, s, i, end, f); ok {
				out = append(out, st)
			}
			continue
		}
		if w.lx.stances.has(w.low[i]) {
			if st, ok := w.stanceStatement(si, s, i, end); ok {
				out = append(out, st)
			}
		}
	}
	return out
}

// backReference reads "Dat zei hij ...", "Dit meldt de krant", "Dat maakte
// hij bekend", "Dat heeft X bekendgemaakt": an anaphor opens the sentence,
// then the finite verb and the speaker; the content is the sentence before.
func (w *work) backReference(si int, s Sentence, end int) (found, bool) {
	a := s.FirstToken
	if si == 0 || a+2 >= end || !w.lx.anaphors.has(w.low[a]) {
		return found{}, false
	}
	verb := a + 1
	subj, ok := w.phraseAt(verb+1, end)
	if !ok || w.quoted[subj.head] {
		return found{}, false
	}
	cue := -1
	if f, ok := w.lx.cues[w.low[verb]]; ok && field(f, 0, "") == "speech" && field(f, 2, "") == "" {
		cue = verb
	} else if w.lx.auxiliaries.has(w.low[verb]) {
		for k := subj.end; k < end && k < subj.end+8; k++ {
			if w.lx.lightParticles.has(w.low[k]) || w.isSpeechCue(k) {
				cue = k // "Dat maakte hij bekend", "Dat heeft X gezegd"
				break
			}
		}
	}
	if cue < 0 {
		return found{}, false
	}
	prev := w.d.Sentences[si-1]
	pa, pb := prev.FirstToken, w.clauseEnd(prev)
	if w.anyClaimed(pa, pb) {
		// The sentence before is a statement already: this one only repeats its source.
		w.claim(a, end)
		return found{}, false
	}
	src := w.addPhrase(subj)
	w.claim(a, end)
	return w.makeFound(si-1, Indirect, w.span(cue, cue+1), src, [][2]int{{pa, pb}})
}

// complementizerAhead returns the first complementizer (or colon) within the next
// eight tokens from k when only words stand before it (no punctuation, no
// quote, no other cue), or 0.
func (w *work) complementizerAhead(k, end int) int {
	for stop := min(end, k+8); k < stop; k++ {
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

// impersonalCue reads '"…", klinkt het.': a speech verb after a quote or
// comma whose subject is an impersonal pronoun; the words before continue
// the previous speaker, as a floating quote does.
func (w *work) impersonalCue(si int, s Sentence, i, end int) (found, bool) {
	a := s.FirstToken
	kind := field(w.lx.cues[w.low[i]], 0, "")
	if i == a || i+1 >= end || !w.isBreak(i-1) || kind != "speech" && kind != "impersonal" || !w.lx.impersonals.has(w.low[i+1]) || !w.endsClause(i+2, end) {
		return found{}, false
	}
	w.claim(i, i+2)
	f, ok := w.makeFound(si, Indirect, w.span(i, i+1), -1, [][2]int{{a, i}})
	f.follows = true
	return f, ok
}

// possessiveClaim reads a speech noun owned by a name and followed by a
// reported clause: "Trump’s claim that there have been ...".
func (w *work) possessiveClaim(si, i, end int) (found, bool) {
	if i == 0 || i+2 >= end || !isPossessive(w.text(i-1)) || w.entOf[i-1] < 0 || !w.isSpeechCue(i) ||
		!w.lx.complementizers.has(w.low[i+1]) {
		return found{}, false
	}
	e := w.entOf[i-1]
	a := i - 1
	for a > 0 && w.entOf[a-1] == e {
		a--
	}
	p := phrase{start: a, end: i, kind: namePhrase, head: a, name: a, actorType: entityActorType(w.d.Entities[e].Type)}
	src := w.addPhrase(p)
	w.claim(a, i+2)
	return w.makeFound(si, Indirect, w.span(i, i+1), src, [][2]int{{i + 2, w.unclaimedEnd(i+2, end)}})
}

// speechFollows reports whether a speech verb comes within the next three
// tokens after a stance verb ("wil niet reageren", "wants to say").
func (w *work) speechFollows(k, end int) bool {
	for stop := min(end, k+3); k < stop; k++ {
		if w.isSpeechCue(k) {
			return true
		}
	}
	return false
}

// isBreak reports whether token t ends a quoted or reported part: a comma or
// a closing quotation mark.
func (w *work) isBreak(t int) bool {
	tx := w.text(t)
	return tx == "," || isQuoteRuneString(tx) && !opensQuote(w.d.Text, w.d.Tokens[t].Start)
}

// quoteOrEnd reports, for a subject before its cue after a break at token
// brk, whether the part before is what was said: it ends in a quotation, or
// nothing but a few words follows the cue.
func (w *work) quoteOrEnd(brk, after, end int) bool {
	if t := brk; isQuoteRuneString(w.text(t)) || t > 0 && isQuoteRuneString(w.text(t-1)) {
		return true
	}
	if end-after > 4 {
		return false
	}
	for k := after; k < end; k++ {
		if w.lx.complementizers.has(w.low[k]) || w.low[k] == ":" || isQuoteRuneString(w.text(k)) {
			return false
		}
	}
	return true
}

// unclaimedEnd returns where content starting at a must stop: before the
// first token another statement has taken, before a new attribution (",
// Mr. Barrett said, ..."), or at end.
func (w *work) unclaimedEnd(a, end int) int {
	for k := a; k < end; k++ {
		if w.claimed[k] {
			return k
		}
		if w.text(k) == "," && k+1 < end && !w.quoted[k] {
			next := k + 1
			if w.lx.conjunctions.has(w.low[next]) {
				next++ // ", and officials acknowledged that ..."
			}
			if p, ok := w.phraseAt(next, end); ok && p.end < end && w.isSpeechCue(p.end) {
				return k
			}
		}
	}
	return end
}

// addPhrase records a speaker phrase and returns its index.
func (w *work) addPhrase(p phrase) int {
	w.phrases = append(w.phrases, p)
	return len(w.phrases) - 1
}

// claim marks tokens [a, b) as used by a statement.
func (w *work) claim(a, b int) {
	for t := a; t < b; t++ {
		w.claimed[t] = true
	}
}

// trimPieces narrows the token range [a, b) to exclude leading and trailing
// commas, colons and dashes, and returns it; ok is false when nothing is left.
func (w *work) trimRange(a, b int) (int, int, bool) {
	for a < b && isTrimmable(w.text(a)) {
		a++
	}
	for b > a && isTrimmable(w.text(b-1)) {
		b--
	}
	return a, b, a < b
}

func isTrimmable(t string) bool {
	switch t {
	case ",", ":", ";", "-", "–", "—", "(", ")":
		return true
	}
	return false
}

// contentType decides direct, mixed or the given plain type from how much
// of the content is quoted.
func (w *work) contentType(pieces [][2]int, plain string) string {
	quoted, words, marks := 0, 0, 0
	for _, p := range pieces {
		for t := p[0]; t < p[1]; t++ {
			tx := w.text(t)
			if isQuoteRuneString(tx) {
				marks++
				continue
			}
			if !isWordToken(tx) {
				continue
			}
			words++
			if w.quoted[t] {
				quoted++
			}
		}
	}
	switch {
	case words > 0 && quoted == words && marks > 0:
		if plain == Position {
			return Position
		}
		return Direct
	case quoted > 0:
		if plain == Position {
			return Position
		}
		return Mixed
	}
	return plain
}

// makeFound builds a statement from token ranges, claiming them.
func (w *work) makeFound(si int, typ string, cue Span, src int, pieces [][2]int) (found, bool) {
	var spans []Span
	var kept [][2]int
	for _, p := range pieces {
		a, b, ok := w.trimRange(p[0], p[1])
		if !ok {
			continue
		}
		a, b = w.balanceQuotes(a, b)
		if a >= b {
			continue
		}
		a = w.extendQuoteBack(a)
		b = w.extendQuote(a, b)
		spans = append(spans, w.span(a, b))
		kept = append(kept, [2]int{a, b})
	}
	if len(spans) == 0 {
		return found{}, false
	}
	words := 0
	for _, p := range kept {
		for t := p[0]; t < p[1]; t++ {
			if isWordToken(w.text(t)) {
				words++
			}
		}
	}
	if words == 0 {
		return found{}, false
	}
	for _, p := range kept {
		w.claim(p[0], p[1])
	}
	return found{typ: w.contentType(kept, typ), cue: cue, source: src, content: spans, sentence: si,
		pieceToks: kept}, true
}

// balanceQuotes widens or narrows a content range so that it does not cut a
// quotation in half: a closing mark right after it is taken in, and a lone
// mark at either end is dropped.
func (w *work) balanceQuotes(a, b int) (int, int) {
	open := 0
	for t := a; t < b; t++ {
		tx := w.text(t)
		if !isQuoteRuneString(tx) {
			continue
		}
		if opensQuote(w.d.Text, w.d.Tokens[t].Start) {
			open++
		} else if open > 0 {
			open--
		} else if t == a {
			a++ // a stray closer at the start
		}
	}
	if open > 0 && b < len(w.d.Tokens) && isQuoteRuneString(w.text(b)) && !opensQuote(w.d.Text, w.d.Tokens[b].Start) {
		b++
	}
	return a, b
}

// extendQuote lets content that ends inside a quotation run on to where the
// quotation closes, over later sentences of the paragraph ('X zei: "A. B."',
// 'he told them, "A. B."').
func (w *work) extendQuote(a, b int) int {
	if b <= a || !w.quoted[b-1] && !isQuoteRuneString(w.text(b-1)) {
		return b
	}
	para := w.d.Sentences[w.sent[b-1]].Paragraph
	pos := w.d.Tokens[b-1].Start
	end := w.d.Paragraphs[para].End
	w.quoteBuf = quotesAround(w.paraQuotes[para], w.quoteParent[para], end, pos, w.quoteBuf)
	for _, qi := range w.quoteBuf {
		outer := w.paraQuotes[para][qi].Outer(end)
		if outer.Start < w.d.Tokens[a].Start || pos < outer.Start || pos >= outer.End {
			continue
		}
		_, qb := w.tokenRange(outer)
		if qb > b && qb-a <= maxQuoteTokens && !w.anyClaimed(b, qb) {
			return qb
		}
	}
	return b
}

// extendQuoteBack lets content that starts inside a quotation (its earlier
// sentences stand before: "“A. B,” Trump said.") start at the opening mark.
func (w *work) extendQuoteBack(a int) int {
	if a == 0 || !w.quoted[a] || isQuoteRuneString(w.text(a)) {
		return a
	}
	para := w.d.Sentences[w.sent[a]].Paragraph
	pos := w.d.Tokens[a].Start
	end := w.d.Paragraphs[para].End
	w.quoteBuf = quotesAround(w.paraQuotes[para], w.quoteParent[para], end, pos, w.quoteBuf)
	for _, qi := range w.quoteBuf {
		q := w.paraQuotes[para][qi]
		in := q.Inner(end)
		if in.Start < pos && pos < in.End {
			qa, _ := w.tokenRange(q.Outer(end))
			if qa < a && a-qa <= maxQuoteTokens && !w.anyClaimed(qa, a) {
				return qa
			}
		}
	}
	return a
}

// colonStatement reads "Rutte: Rusland moet meewerken" and "Schol: "...""
// where a short speaker phrase opens the sentence and a colon follows.
func (w *work) colonStatement(si, a, end int) (found, bool) {
	start := a
	if isQuoteRuneString(w.text(a)) && opensQuote(w.d.Text, w.d.Tokens[a].Start) {
		start++ // a stray mark before a transcript label: "\"WALLACE: ..."
	}
	for c := start + 1; c < end && c <= start+6; c++ {
		if w.text(c) != ":" {
			continue
		}
		if c+1 >= end || w.claimed[c+1] {
			return found{}, false
		}
		stop := end
		p, ok := w.phraseAt(start, c)
		if !ok || p.end != c {
			// A transcript label in capitals opening a paragraph ("PENCE: ...")
			// speaks for the whole paragraph.
			para := w.d.Paragraphs[w.d.Sentences[si].Paragraph]
			if c != start+1 || w.d.Tokens[a].Start != para.Start || !isAllCaps(w.text(start)) {
				return found{}, false
			}
			p = phrase{start: start, end: c, kind: rolePhrase, head: start, name: -1, actorType: Person, role: w.text(start)}
			_, stop = w.tokenRange(para.Span)
		}
		if p.kind == pronounPhrase || p.kind == groupPhrase && p.start == p.head {
			return found{}, false
		}
		src := w.addPhrase(p)
		return w.makeFound(si, Indirect, w.span(c, c+1), src, [][2]int{{c + 1, stop}})
	}
	return found{}, false
}

// isAllCaps reports whether a word has at least two letters, all capitals.
func isAllCaps(word string) bool {
	n := 0
	for _, r := range word {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// reportingStatement reads "Volgens X ..." and "..., aldus X".
func (w *work) reportingStatement(si int, s Sentence, i, end int, where string) (found, bool) {
	a := s.FirstToken
	cueEnd := i + 1
	if next := field(w.lx.reporting[w.low[i]], 1, ""); next != "" {
		// A cue of two words: "according to".
		if i+1 >= end || w.low[i+1] != next {
			return found{}, false
		}
		cueEnd = i + 2
	}
	p, ok := w.phraseAt(cueEnd, end)
	if !ok {
		// Any noun phrase can follow "volgens" / "according to" ("the data",
		// "federal statistics", "an analysis by ...").
		if p, ok = w.sourceAfter(cueEnd, end); !ok {
			return found{}, false
		}
	}
	cue := w.span(i, cueEnd)
	if where == "after" {
		// "..., aldus X": the content is everything before, from the sentence start.
		src := w.addPhrase(p)
		w.claim(i, p.end)
		return w.makeFound(si, Indirect, cue, src, [][2]int{{a, i}})
	}
	// "Volgens X maakte Y duidelijk dat ...": the inner speaker has the statement.
	for k := p.end; k < end && k < p.end+30; k++ {
		if f, ok := w.cueAt(k, end); ok && field(f, 0, "") == "speech" && !w.quoted[k] {
			if _, ok := w.subjectOf(s, k, end); ok {
				w.addPhrase(p) // still a source: "Volgens Moskou" speaks for Russia
				return found{}, false
			}
		}
	}
	src := w.addPhrase(p)
	w.claim(i, p.end)
	var pieces [][2]int
	if i > a {
		// Mid-clause "volgens X": the clause it stands in, from the last comma.
		from := a
		if w.text(i-1) != "," { // "X, volgens Y" takes the whole clause before
			for k := i - 1; k > a; k-- {
				if w.text(k) == "," && !w.quoted[k] {
					from = k + 1
					break
				}
			}
		}
		if from < i && w.lx.complementizers.has(w.low[from]) || from < i && w.lx.determiners.has(w.low[from]) && from > a {
			from++ // ", dat volgens hem ...": the relative word is not content
		}
		pieces = append(pieces, [2]int{from, i})
	}
	pieces = append(pieces, [2]int{p.end, w.unclaimedEnd(p.end, end)})
	return w.makeFound(si, AccordingTo, cue, src, pieces)
}

// sourceAfter reads the noun phrase after a reporting preposition up to a
// comma, the clause end or a verb: at most eight words, the first of them not
// a function word.
func (w *work) sourceAfter(a, end int) (phrase, bool) {
	b := a
	for b < end && b-a < 8 {
		l := w.low[b]
		if !isWordToken(w.text(b)) || w.lx.complementizers.has(l) || w.lx.auxiliaries.has(l) || w.lx.cues.has(l) || w.quoted[b] {
			break
		}
		b++
	}
	if b == a || b-a == 8 || w.isClosedClass(w.low[a]) && !w.lx.determiners.has(w.low[a]) {
		return phrase{}, false
	}
	return w.plainPhrase(a, b), true
}

// participleSubject reads ", adding that ...", ", saying ...": a participle
// after a comma shares the subject of its sentence: the speaker found last
// in this sentence, else the phrase that opens it.
func (w *work) participleSubject(s Sentence, i int) (subject, bool) {
	suffix := w.lx.participleSuffix
	if suffix == "" || i == s.FirstToken || w.text(i-1) != "," || !strings.HasSuffix(w.low[i], suffix) {
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

// subjectOf finds the speaker phrase of the cue at token i: before it
// ("Rutte zei"), after it ("zei hij", "noemde de Russische president"), or
// opening the clause before an auxiliary ("Poetin zou ... hebben gezegd").
// after reports whether the phrase follows the cue.
func (w *work) subjectOf(s Sentence, i, end int) (subject, bool) {
	a := s.FirstToken
	// Inversion after a quote or comma: "..., zei Rutte.", '"...," said Smith'.
	if i > a && w.isBreak(i-1) {
		if p, ok := w.phraseAt(i+1, end); ok && !w.quoted[p.head] && w.endsClause(p.end, end) {
			return subject{p, true}, true
		}
	}
	// Right before the cue.
	if p, ok := w.phraseEndingAt(a, i); ok && !w.quoted[p.head] {
		return subject{p, false}, true
	}
	// Before an apposition or a parenthesis: "Sjoerdsma, Kamerlid voor D66,
	// zei", "Gov. Mike Pence (R-IN) said".
	if p, ok := w.subjectBeforeAside(a, i); ok {
		return subject{p, false}, true
	}
	// Right after the cue (inversion). English inverts only after a quote or
	// a comma ('"...," said Smith').
	if p, ok := w.phraseAt(i+1, end); ok && !w.quoted[p.head] && (w.lx.freeInversion || i == a || w.isBreak(i-1)) {
		return subject{p, true}, true
	}
	// The clause opens with the subject, then a finite verb or auxiliary.
	if p, ok := w.phraseAt(a, i); ok && p.end < i && (w.lx.auxiliaries.has(w.low[p.end]) || w.lx.cues.has(w.low[p.end])) {
		return subject{p, false}, true
	}
	// First position filled by an adverbial; the subject follows the finite verb.
	for k := max(a, i-12); k < i; k++ {
		if w.lx.auxiliaries.has(w.low[k]) || w.lx.cues.has(w.low[k]) {
			if p, ok := w.phraseAt(k+1, i); ok && k > a && !w.quoted[p.head] && w.lx.freeInversion {
				return subject{p, true}, true
			}
		}
	}
	// A plain noun phrase right before the cue ("the bank said").
	if p, ok := w.genericEndingAt(a, i); ok && !w.quoted[p.head] {
		return subject{p, false}, true
	}
	// Before auxiliaries and adverbs: "Lawmakers also asked", "X has said",
	// "Rutte heeft gisteren gezegd".
	if k := w.skipAuxBack(a, i); k < i {
		if p, ok := w.phraseEndingAt(a, k); ok && !w.quoted[p.head] {
			return subject{p, false}, true
		}
		if p, ok := w.genericEndingAt(a, k); ok && !w.quoted[p.head] {
			return subject{p, false}, true
		}
	}
	// Last resort: the whole first constituent before the cue ("The
	// nonpartisan Commission on Presidential Debates says", "Clinton’s team says").
	if p, ok := w.initialSubject(a, i); ok {
		return subject{p, false}, true
	}
	return subject{}, false
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
	if i-a < 1 || i-a > 12 || w.lx.prepositions.has(w.low[a]) || w.lx.pronouns.has(w.low[a]) || w.lx.complementizers.has(w.low[a]) {
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
	for k := i - 2; k > a && k >= i-25; k-- {
		tx := w.text(k)
		if tx == ";" || tx == ":" || isQuoteRuneString(tx) || w.isSpeechCue(k) && !w.lx.articles.has(w.low[k-1]) {
			return phrase{}, false
		}
		if tx != opener {
			continue
		}
		p, ok := w.phraseEndingAt(a, k)
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
	for k-1 > a && i-k < 4 {
		l := w.low[k-1]
		if w.lx.auxiliaries.has(l) || w.lx.adverbs.has(l) || w.lx.negations.has(l) || strings.HasSuffix(l, "ly") && w.lx.lang == English {
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
	return l == "," || l == "." || l == ";" || w.lx.prepositions.has(l) || w.lx.adverbs.has(l) || isQuoteRuneString(l)
}

type subject struct {
	p     phrase
	after bool
}

// verbStatement reads a statement around the cue verb at token i.
func (w *work) verbStatement(si int, s Sentence, i, end int, f []string) (found, bool) {
	a := s.FirstToken
	subj, ok := w.participleSubject(s, i)
	if !ok {
		subj, ok = w.subjectOf(s, i, end)
	}
	if !ok {
		return found{}, false
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
	if from > a+1 && to+1 < end && w.text(from-1) == "," && w.text(to) == "," && !w.quoted[from-1] {
		src := w.addPhrase(subj.p)
		w.claim(from-1, to+1)
		return w.makeFound(si, plain, cue, src, [][2]int{{a, from - 1}, {to + 1, w.unclaimedEnd(to+1, end)}})
	}
	// "..., zei hij." / '"...", aldus X' / '"...," Smith said': the content
	// is what comes before.
	if subj.after && i > a && w.isBreak(i-1) || !subj.after && subj.p.start > a && w.isBreak(subj.p.start-1) && w.quoteOrEnd(subj.p.start-1, i+1, end) {
		pieces := [][2]int{{a, from}}
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
		src := w.addPhrase(subj.p)
		w.claim(from, to)
		return w.makeFound(si, plain, cue, src, pieces)
	}
	// The content follows: skip adverbs and prepositional phrases up to "dat" or ":".
	start := after
	for k := after; k < end; {
		l := w.low[k]
		if f, ok := w.lx.complementizers[l]; ok && (field(f, 0, "") != "question" || kind == "speech") || l == ":" {
			start = k + 1
			break
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
		return found{}, false
	}
	stop := w.unclaimedEnd(start, end)
	if stop <= start {
		return found{}, false
	}
	src := w.addPhrase(subj.p)
	w.claim(min(subj.p.start, i), max(subj.p.end, i+1))
	return w.makeFound(si, plain, cue, src, [][2]int{{start, stop}})
}

// stanceStatement reads "X is (faliekant) tegen Y": a copula, the speaker,
// optional adverbs and the stance word.
func (w *work) stanceStatement(si int, s Sentence, i, end int) (found, bool) {
	a := s.FirstToken
	// Walk back over adverbs to the copula and the speaker.
	k := i - 1
	for k > a && !w.lx.auxiliaries.has(w.low[k]) && isWordToken(w.text(k)) && !isCapitalised(w.text(k)) && k > i-3 {
		k--
	}
	stanceStart := k + 1
	var subj phrase
	var ok bool
	if k >= a && w.lx.auxiliaries.has(w.low[k]) {
		// "X is tegen" or "Zo is X faliekant tegen".
		subj, ok = w.phraseEndingAt(a, k)
	} else if p, ok2 := w.phraseEndingAt(a, stanceStart); ok2 && p.start > a && w.lx.auxiliaries.has(w.low[p.start-1]) {
		subj, ok = p, true
		stanceStart = p.end
	}
	if !ok || i+1 >= end {
		return found{}, false
	}
	src := w.addPhrase(subj)
	cue := w.span(stanceStart, i+1)
	w.claim(subj.start, subj.end)
	return w.makeFound(si, Position, cue, src, [][2]int{{stanceStart, end}})
}

// maxQuoteTokens is the longest quotation read as one floating statement.
const maxQuoteTokens = 1500

// floatingQuotes adds quotations that stand alone as whole sentences, with
// no cue of their own: they continue the previous speaker.
func (w *work) floatingQuotes(out []found) []found {
	d := w.d
	n := len(out)
	for p, qs := range w.paraQuotes {
		para := d.Paragraphs[p]
		for _, q := range qs {
			outer := q.Outer(para.End)
			a, b := w.tokenRange(outer)
			if a >= b || b-a > maxQuoteTokens || w.anyClaimed(a, b) {
				continue
			}
			// The quote must open a sentence and close one.
			if w.d.Sentences[w.sent[a]].FirstToken != a {
				continue
			}
			last := d.Sentences[w.sent[b-1]]
			rest := b
			for rest < last.EndToken && (isSentenceEnd(w.text(rest)) || w.text(rest) == ",") {
				rest++
			}
			if rest != last.EndToken {
				continue
			}
			words := 0
			for t := a; t < b; t++ {
				if isWordToken(w.text(t)) {
					words++
				}
			}
			if words < 3 {
				continue
			}
			if w.lx.mergeContinuations {
				if k := w.statementBefore(out, n, a); k >= 0 {
					// English style: '"…," she said. "…"' is one attribution in two pieces.
					w.claim(a, b)
					out[k].content = append(out[k].content, w.span(a, b))
					out[k].pieceToks = append(out[k].pieceToks, [2]int{a, b})
					continue
				}
			}
			f, ok := w.makeFound(w.sent[a], Direct, Span{}, -1, [][2]int{{a, b}})
			if !ok {
				continue
			}
			f.follows = true
			out = append(out, f)
		}
	}
	return out
}

// statementBefore finds a statement with a source in the sentence right
// before token a, in the same paragraph, or -1.
//
// Only out[:n], the statements of the sentence pass (in sentence order), are searched.
func (w *work) statementBefore(out []found, n, a int) int {
	si := w.sent[a]
	if si == 0 || w.d.Sentences[si-1].Paragraph != w.d.Sentences[si].Paragraph {
		return -1
	}
	// Statements with a source come from the sentence pass, in sentence
	// order: only those of the last few sentences can end in sentence si-1.
	lo := sort.Search(n, func(k int) bool { return out[k].sentence >= si-2 })
	found := -1
	for k := lo; k < n && out[k].sentence <= si; k++ {
		last := out[k].pieceToks[len(out[k].pieceToks)-1]
		if out[k].source >= 0 && w.sent[last[1]-1] == si-1 {
			found = k
		}
	}
	return found
}

// tokenRange returns the tokens that lie inside span s.
func (w *work) tokenRange(s Span) (int, int) {
	toks := w.d.Tokens
	a := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= s.Start })
	b := sort.Search(len(toks), func(i int) bool { return toks[i].End > s.End })
	return a, max(a, b)
}

func (w *work) anyClaimed(a, b int) bool {
	for t := a; t < b; t++ {
		if w.claimed[t] {
			return true
		}
	}
	return false
}

// insideName reports whether token i sits inside a name, before its last
// word ("Secretary of State Mike Pompeo"): then it is no cue.
func (w *work) insideName(i int) bool {
	e := w.entOf[i]
	return e >= 0 && i+1 < len(w.entOf) && w.entOf[i+1] == e
}
