package analysis

import (
	"slices"
	"sort"

	"github.com/article-explorer/explorer/analysis/attribution"
)

type attributionSpan = attribution.Span

// This file runs a language's statistical attribution model (package
// attribution) and turns the spans it labels into statements: each cue
// with the source and content spans nearest to it, content without a cue
// as the continuation of the statement before it. The sources become
// speaker phrases, so actors are resolved as for the rules' statements.

// attributionTokens is what the labeller sees of sentence si.
func (w *work) attributionTokens(si int, dst []attribution.Token) ([]attribution.Token, uint16) {
	d := w.d
	s := d.Sentences[si]
	dst = dst[:0]
	for t := s.FirstToken; t < s.EndToken; t++ {
		tx := w.text(t)
		low := w.low[t]
		fl, ok := w.wordFlags[low]
		if !ok {
			fl = w.lexiconFlags(low)
			if w.wordFlags == nil {
				w.wordFlags = map[string]uint16{}
			}
			w.wordFlags[low] = fl
		}
		if w.quoted[t] {
			fl |= attribution.Quoted
		}
		if isQuoteRuneString(tx) {
			fl |= attribution.QuoteMark
		}
		if isCapitalised(tx) {
			fl |= attribution.Capitalised
		}
		ent := ""
		if e := w.entOf[t]; e >= 0 {
			ent = d.Entities[e].Type
		}
		dst = append(dst, attribution.Token{Word: tx, Entity: ent, Flags: fl})
	}
	var sf uint16
	if si == 0 || d.Sentences[si-1].Paragraph != s.Paragraph {
		sf |= attribution.ParagraphStart
	}
	if d.Paragraphs[s.Paragraph].Heading {
		sf |= attribution.Heading
	}
	return dst, sf
}

// lexiconFlags returns the labeller's flags that the lexicons give a
// lower-case word (attributionTokens keeps them per word in w.wordFlags:
// a text repeats its words, and each costs several lookups).
func (w *work) lexiconFlags(low string) uint16 {
	var fl uint16
	if w.lx.cues.has(low) || w.lx.reporting.has(low) {
		fl |= attribution.CueWord
	}
	if w.lx.pronouns.has(low) {
		fl |= attribution.Pronoun
	}
	if _, ok := w.roleType(low); ok {
		fl |= attribution.RoleWord
	} else if _, ok := w.groupType(low); ok {
		fl |= attribution.RoleWord
	}
	if w.lx.complementizers.has(low) {
		fl |= attribution.Complementizer
	}
	return fl
}

// labelAttributions labels every sentence with the model; the result holds
// the spans of each sentence in document token indices.
func (w *work) labelAttributions(m *attribution.Model) [][]attribution.Span {
	tg := m.NewTagger()
	out := make([][]attribution.Span, len(w.d.Sentences))
	var toks []attribution.Token
	var labels []attribution.Label
	for si, s := range w.d.Sentences {
		var fl uint16
		toks, fl = w.attributionTokens(si, toks)
		labels = tg.Tag(toks, fl, labels)
		spans := attribution.Spans(labels)
		for k := range spans {
			spans[k].Start += s.FirstToken
			spans[k].End += s.FirstToken
		}
		out[si] = spans
	}
	return out
}

// modelStatements groups the labelled spans into statements.
func (w *work) modelStatements(spans [][]attribution.Span) []found {
	var out []found
	lastSent := -1 // sentence of the last statement, when its content ran to the sentence's end
	for si, ss := range spans {
		var cues, sources, contents []attribution.Span
		for _, s := range ss {
			switch s.Role {
			case attribution.Cue:
				cues = append(cues, s)
			case attribution.Source:
				sources = append(sources, s)
			case attribution.Content:
				contents = append(contents, s)
			}
		}
		if len(contents) == 0 {
			continue
		}
		type group struct {
			cue     attribution.Span
			source  []attribution.Span
			content []attribution.Span
		}
		groups := make([]group, len(cues))
		for k, c := range cues {
			groups[k].cue = c
		}
		nearest := func(s attribution.Span) int {
			best, bd := -1, 1<<30
			for k, c := range cues {
				d := spanGap(s, c)
				if d < bd {
					best, bd = k, d
				}
			}
			return best
		}
		var loose []attribution.Span // content without a cue in its sentence
		for _, c := range contents {
			if k := nearest(c); k >= 0 {
				groups[k].content = append(groups[k].content, c)
			} else {
				loose = append(loose, c)
			}
		}
		for _, s := range sources {
			if k := nearest(s); k >= 0 {
				groups[k].source = append(groups[k].source, s)
			} else if len(loose) > 0 || len(groups) == 0 {
				// A source without a cue: it speaks the loose content.
				groups = append(groups, group{source: []attribution.Span{s}})
			}
		}
		if len(loose) > 0 {
			n := len(groups)
			if n > 0 && groups[n-1].cue.End == 0 && len(groups[n-1].source) > 0 {
				groups[n-1].content = loose
			} else if len(out) > 0 && lastSent == si-1 && w.d.Sentences[si-1].Paragraph == w.d.Sentences[si].Paragraph && loose[0].Start == w.d.Sentences[si].FirstToken {
				// The content of the statement before runs on.
				prev := &out[len(out)-1]
				for _, c := range loose {
					prev.content = append(prev.content, w.span(c.Start, c.End))
					prev.pieceToks = append(prev.pieceToks, [2]int{c.Start, c.End})
				}
				lastSent = si
				if loose[len(loose)-1].End < w.clauseEnd(w.d.Sentences[si]) {
					lastSent = -1
				}
				continue
			} else {
				groups = append(groups, group{content: loose})
			}
		}
		for k, g := range groups {
			if len(g.content) == 0 {
				continue
			}
			if len(g.source) == 0 && g.cue.End > g.cue.Start {
				// A subject pronoun of the cue's own clause comes first
				// (PolNeAR right speakers: dev 1,517 -> 1,519, train
				// 14,201 -> 14,208).
				if p, ok := w.pronounSubjectBefore(si, g.cue.Start); ok {
					g.source = []attribution.Span{{Start: p.start, End: p.end, Role: attribution.Source}}
				}
			}
			if len(g.source) == 0 && g.cue.End > g.cue.Start {
				// Verbs in a row share their subject ("Trump went on to
				// promote X, note Y and boast about Z"): a cue without a
				// source takes that of the nearest cue before it in the
				// sentence (measured on a held-out fifth of PolNeAR train:
				// F1@0.3 +0.010, speaker unchanged).
				for j := k - 1; j >= 0; j-- {
					if len(groups[j].source) > 0 && groups[j].cue.End > groups[j].cue.Start {
						g.source = groups[j].source
						break
					}
				}
			}
			if s, ok := w.antecedentSource(g.cue, g.source, sources); ok {
				g.source = []attribution.Span{s}
			}
			f, ok := w.modelFound(si, g.cue, g.source, g.content)
			if !ok {
				continue
			}
			out = append(out, f)
			lastSent = -1
			if g.content[len(g.content)-1].End >= w.clauseEnd(w.d.Sentences[si]) {
				lastSent = si
			}
		}
	}
	return out
}

// sourceIntoContent gives a content piece the words of a source span that
// runs on past its speaker's phrase straight into that piece: the model
// put the boundary between the two late ("criticized by Senator John Smith
// as a waste of money"): the run must start with a word that opens a
// complement (syntax.txt), which belongs to neither; anything else after
// the phrase (an apposition, "officials in the administration") is the
// speaker's own. It returns new slices when it moves a boundary.
func (w *work) sourceIntoContent(sources, content []attribution.Span) ([]attribution.Span, []attribution.Span) {
	for k, s := range sources {
		p := w.sourcePhrase(s.Start, s.End)
		if p.end <= s.Start || p.end >= s.End {
			continue
		}
		for ci, c := range content {
			if c.Start != s.End {
				continue
			}
			if !w.lx.complements.has(w.low[p.end]) {
				break // "officials in the administration": the speaker's own
			}
			a := p.end + 1
			if a == s.End {
				break
			}
			sources, content = slices.Clone(sources), slices.Clone(content)
			sources[k].End, content[ci].Start = p.end, a
			break
		}
	}
	return sources, content
}

// spanGap is the number of tokens between two spans (0 when they touch).
func spanGap(a, b attribution.Span) int {
	if a.End <= b.Start {
		return b.Start - a.End
	}
	if b.End <= a.Start {
		return a.Start - b.End
	}
	return 0
}

// modelFound builds one statement from a cue (End 0: none), its sources and
// its content pieces.
func (w *work) modelFound(si int, cue attribution.Span, sources, content []attribution.Span) (found, bool) {
	sources, content = w.sourceIntoContent(sources, content)
	content = w.unclaimedPieces(cue, content)
	sent := w.d.Sentences[si]
	if comma, ok := w.frontedParticiple(sent, sent.EndToken); ok && cue.Start > comma {
		// "Asked about the plan, she said …": the question is no part of
		// what she says.
		kept := content[:0:0]
		for _, c := range content {
			if c.Start > comma || c.End <= sent.FirstToken {
				kept = append(kept, c)
			}
		}
		content = kept
	}
	content = w.withoutFrontedAdjunct(cue, sources, content)
	cut := make([]attribution.Span, len(content))
	for k, c := range content {
		// Not into an attribution of its own (PolNeAR dev speaker 0.899 -> 0.900,
		// train unchanged).
		c.End = w.attributionAfter(c.Start, c.End)
		cut[k] = c
	}
	content = cut
	f := found{sentence: si, source: -1, actorIndex: -1}
	words := 0
	for _, c := range content {
		f.content = append(f.content, w.span(c.Start, c.End))
		f.pieceToks = append(f.pieceToks, [2]int{c.Start, c.End})
		for t := c.Start; t < c.End; t++ {
			if isWordToken(w.text(t)) {
				words++
			}
		}
	}
	if words < minModelWords {
		return found{}, false
	}
	typ := Indirect
	if cue.End > cue.Start {
		f.cue = w.span(cue.Start, cue.End)
		if w.lx.reporting.has(w.low[cue.Start]) {
			typ = AccordingTo
		}
	}
	f.typ = w.contentType(f.pieceToks, typ)
	if len(sources) == 1 && w.expletiveAt(sources[0].Start) && w.entityFree(sources[0].Start, sources[0].End) {
		// "It is clear that …": the pronoun stands for the clause, and
		// the text names no one who holds it.
		f.unnamed = true
		return f, true
	}
	if len(sources) > 0 {
		// The source nearest the cue (or the first, without a cue).
		s := sources[0]
		if cue.End > cue.Start {
			for _, o := range sources[1:] {
				if spanGap(o, cue) < spanGap(s, cue) {
					s = o
				}
			}
		}
		if cue.End > cue.Start && s.End <= cue.Start {
			// A subject pronoun between the source and the cue is the
			// subject of the cue's own clause ("Rubio spoke over boos as
			// he congratulated …"; PolNeAR right speakers: dev 1,519 ->
			// 1,520, train 14,208 -> 14,210).
			if p, ok := w.pronounSubjectBefore(si, cue.Start); ok && p.start >= s.End {
				s = attribution.Span{Start: p.start, End: p.end, Role: attribution.Source}
			} else if p, ok := w.subordinateSubjectBefore(sent, cue.Start); ok && p.start >= s.End {
				s = attribution.Span{Start: p.start, End: p.end, Role: attribution.Source}
			}
		}
		if cue.End > cue.Start && (s.Start >= cue.End || s.Start > sent.FirstToken && s.End == cue.Start-1) && w.participleAfterComma(sent, cue.Start) && !w.lx.reporting.has(w.low[cue.Start]) {
			// A participle after a comma (", encouraging his supporters
			// to …") has the subject that opens the sentence: what follows
			// it is its object (PolNeAR dev speaker 0.900 -> 0.900, one
			// more right; train unchanged), and the phrase that ends at
			// the comma is the object of the verb before ("in Tulsa,
			// Oklahoma, arguing"; dev 1,532 -> 1,535 right, train 14,304
			// -> 14,306).
			if p, ok := w.phraseAt(sent.FirstToken, cue.Start); ok && !w.quoted[p.head] {
				f.source = w.addPhrase(p)
				return f, true
			}
		}
		if s.Start > sent.FirstToken && w.lx.articles.has(w.low[s.Start-1]) {
			// The article before the span is the phrase's own ("The union").
			s.Start--
		}
		// The phrase grammar reads the speaker inside the span; the span
		// the model marked stays the source shown (PolNeAR train speaker
		// 0.882 -> 0.883, dev 0.887 -> 0.888).
		p := w.sourcePhrase(s.Start, s.End)
		p.start, p.end = w.trimSpan(min(p.start, s.Start), max(p.end, s.End), p)
		f.source = w.addPhrase(p)
	} else if cue.End > cue.Start {
		// The model saw the cue but not its speaker: the rules' subject finder.
		s := w.d.Sentences[si]
		subj, ok := w.participleSubject(s, cue.Start)
		if !ok {
			subj, ok = w.subjectOf(s, cue.Start, w.clauseEnd(s))
		}
		if !ok {
			if _, sourceless := w.sourcelessCue(f.cue); sourceless || w.expletiveAt(s.FirstToken) && cue.Start-s.FirstToken <= maxExpletiveGap+2 {
				// A passive or evidential cue, or one right after an
				// expletive ("It's worth noting that"): the text names no
				// source, and the statement is kept without one (markSourceless;
				// PolNeAR train F1@0.3 0.806 -> 0.808, speaker unchanged).
				f.unnamed = true
				return f, true
			}
			// No speaker in sight: a statement without one is not shown
			// (measured on PolNeAR dev: speaker 0.851 -> 0.883, F1@0.3
			// 0.790 -> 0.774, speaker-and-content F1 0.672 -> 0.684).
			return found{}, false
		}
		f.source = w.addPhrase(subj.p)
	} else {
		// Content with neither cue nor source: too unsure to keep (measured:
		// it costs more precision than it brings recall).
		return found{}, false
	}
	return f, true
}

// sourcePhrase reads the tokens [a, b) the model marked as a source as a
// speaker phrase: a name, pronoun or description where the phrase grammar
// finds one (at the start, else at a name inside), else a plain description.
func (w *work) sourcePhrase(a, b int) phrase {
	if p, ok := w.phraseAt(a, b); ok {
		if p.kind == namePhrase && p.actorType == Location && p.end < b && isWordToken(w.text(p.end)) {
			// "Minnesota Gov. Mark Dayton": a place before a title or name
			// says where the person holds office.
			if q, ok := w.phraseAt(p.end, b); ok && q.actorType == Person && q.name >= 0 {
				return q
			}
		}
		return p
	}
	for t := a; t < b; t++ {
		if w.entOf[t] >= 0 || w.lx.pronouns.has(w.low[t]) {
			if p, ok := w.phraseAt(t, b); ok {
				return p
			}
		}
	}
	return w.plainPhrase(a, b)
}

// mergeStatements adds to the rules' statements those of the model whose
// content overlaps none of theirs, or that are nested in one of theirs.
// Where the two overlap, the rules' statement takes the model's source when
// the model names another mention than the rules': the two-stage model's
// speakers are the better ones (cross-validation on two held-out fifths of
// PolNeAR train: speaker 0.860 -> 0.869; dev 0.888 -> 0.893; F1
// unchanged). Where both name the same mention, the rules' phrase stays.
func (w *work) mergeStatements(rules, model []found) []found {
	out := rules
	for _, m := range model {
		clash := false
		for k, r := range rules {
			if nestedIn(m, r) {
				continue
			}
			if overlapsAny(m.content, r.content) {
				clash = true
				if m.source >= 0 && (r.source < 0 || !w.phrases[r.source].overlaps(w.phrases[m.source])) {
					out[k].source = m.source
				}
				break
			}
		}
		if !clash {
			out = append(out, m)
		}
	}
	return out
}

func overlapsAny(a, b []Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Overlaps(y) {
				return true
			}
		}
	}
	return false
}

// An AttributionSentence is one sentence as the attribution labeller sees
// it, with the byte span of each token: what cmd/model trains on.
type AttributionSentence struct {
	Tokens []attribution.Token
	Spans  []Span
	Flags  uint16 // attribution.ParagraphStart, attribution.Heading
}

// AttributionSentences analyses text up to the attribution stage and returns
// its language and its sentences as the attribution model sees them, so that
// a model is trained on exactly what it meets at run time.
func AttributionSentences(text string) (string, []AttributionSentence, error) {
	d, lx, err := prepare(text)
	if err != nil {
		return "", nil, err
	}
	if d.Language == Unsupported {
		return d.Language, nil, nil
	}
	w := newWork(d, lx)
	if err := w.entityStages(); err != nil {
		return "", nil, err
	}
	out := make([]AttributionSentence, len(d.Sentences))
	for si, s := range d.Sentences {
		toks, fl := w.attributionTokens(si, nil)
		spans := make([]Span, 0, len(toks))
		for t := s.FirstToken; t < s.EndToken; t++ {
			spans = append(spans, d.Tokens[t].Span)
		}
		out[si] = AttributionSentence{Tokens: toks, Spans: spans, Flags: fl}
	}
	return d.Language, out, nil
}

// combineStatements joins the rules' statements and the model's: the
// rules' where they found one (their precision is higher; mergeStatements
// says whose source they keep), the model's where the rules found nothing. Measured on PolNeAR dev, this beats the
// model alone and the model first.
func (w *work) combineStatements(rules, model []found) []found {
	out := w.mergeStatements(rules, model)
	sort.SliceStable(out, func(i, j int) bool { return out[i].content[0].Start < out[j].content[0].Start })
	return out
}

// minModelWords is the fewest words a statement of the model's may hold:
// shorter contents ("it", "the plan") are mostly wrong (measured on PolNeAR
// dev: 3 words gain more precision than they cost recall).
const minModelWords = 3

// nestedIn reports whether the model's statement m lies inside the content
// of the rules' statement r, cue and all: an attribution nested in another
// ("X said that Y claimed Z"), which PolNeAR counts as a statement of its
// own (measured on a held-out fifth of PolNeAR train: F1@0.3 +0.008).
func nestedIn(m, r found) bool {
	if m.cue.IsZero() {
		return false
	}
	in := func(x Span) bool {
		for _, c := range r.content {
			if c.Contains(x) {
				return true
			}
		}
		return false
	}
	if !in(m.cue) {
		return false
	}
	for _, c := range m.content {
		if !in(c) {
			return false
		}
	}
	return true
}

// unclaimedPieces returns the model's content pieces without the tokens
// that the rules' statements hold, when those are fewer than half of them:
// the model's content ran on into a statement the rules found ("Early polls
// show X: A poll found Y"), and the rest is the model's own. Otherwise it
// returns the pieces as they are (a statement nested in the rules', or one
// that mergeStatements drops for clashing). It needs the rules to have run.
func (w *work) unclaimedPieces(cue attribution.Span, content []attribution.Span) []attribution.Span {
	claimed, all := 0, 0
	for _, c := range content {
		for t := c.Start; t < c.End; t++ {
			all++
			if w.claimed[t] {
				claimed++
			}
		}
	}
	if claimed == 0 || claimed*2 >= all {
		return content
	}
	out := make([]attribution.Span, 0, len(content)+1)
	for _, c := range content {
		for t := c.Start; t < c.End; {
			if w.claimed[t] {
				t++
				continue
			}
			a := t
			for t < c.End && !w.claimed[t] {
				t++
			}
			b := t
			for a < b && !isWordToken(w.text(a)) && !w.quoted[a] {
				a++ // no leading comma or dash
			}
			for b > a && (w.text(b-1) == "," || w.text(b-1) == "(" || w.text(b-1) == ":") {
				b--
			}
			if b > a {
				out = append(out, attribution.Span{Start: a, End: b, Role: c.Role})
			}
		}
	}
	return out
}

// antecedentSource corrects the source of a cue whose nearest source is a
// relative pronoun closed off by a comma before it ("Cruz, who trails
// Trump, said"): the pronoun speaks in its own clause, so the cue's source
// is the one before it, the name the pronoun stands for (measured on a
// held-out fifth of PolNeAR train: speaker +0.003). near holds the sources
// grouped with the cue, all those of the sentence, both in text order.
func (w *work) antecedentSource(cue attribution.Span, near, all []attribution.Span) (attribution.Span, bool) {
	if cue.End <= cue.Start || len(near) == 0 {
		return attribution.Span{}, false
	}
	s := near[0] // the source nearest the cue, as modelFound picks it
	for _, o := range near[1:] {
		if spanGap(o, cue) < spanGap(s, cue) {
			s = o
		}
	}
	if s.End > cue.Start || !w.lx.relatives.has(w.low[s.Start]) {
		return attribution.Span{}, false
	}
	closed := false
	for t := s.End; t < cue.Start && !closed; t++ {
		closed = w.text(t) == ","
	}
	if !closed {
		return attribution.Span{}, false
	}
	for k := len(all) - 1; k >= 0; k-- {
		if all[k].End <= s.Start {
			return all[k], true
		}
	}
	return attribution.Span{}, false
}

// trimSpan narrows the tokens [a, b) the model marked as a source to the
// words of a mention: no punctuation or article at either end ("the White
// House, the" reads "the White House"), never narrower than phrase p.
func (w *work) trimSpan(a, b int, p phrase) (int, int) {
	edge := func(t int) bool {
		return !isWordToken(w.text(t)) || w.lx.articles.has(w.low[t]) || w.lx.determiners.has(w.low[t])
	}
	for a < p.start && edge(a) {
		a++
	}
	for b > p.end && edge(b-1) {
		b--
	}
	return a, b
}

// overlaps reports whether two phrases share a token.
func (p phrase) overlaps(q phrase) bool { return p.start < q.end && q.start < p.end }

// attributionAfter returns where content [a, end) runs into an attribution
// of its own after a comma (", attorneys for the family said"): at the
// comma, else end.
func (w *work) attributionAfter(a, end int) int {
	limit := w.d.Sentences[w.sent[a]].EndToken // the cue may follow the content
	for k := a + 1; k < end; k++ {
		if w.text(k) != "," || w.quoted[k] {
			continue
		}
		next := k + 1
		if next < end && w.lx.conjunctions.has(w.low[next]) {
			next++
		}
		if p, ok := w.phraseAt(next, limit); ok && p.end <= end && p.end < limit && w.isSpeechCue(p.end) {
			return k
		}
	}
	return end
}

// pronounSubjectBefore finds a subject pronoun right before the cue at
// token c, auxiliaries, adverbs and negation aside ("— and he’s hoping",
// "as she left"): the subject of the cue's own clause.
func (w *work) pronounSubjectBefore(si, c int) (phrase, bool) {
	first := w.d.Sentences[si].FirstToken
	t := w.skipAuxBack(first, c) - 1
	if t < first || w.quoted[t] {
		return phrase{}, false
	}
	f, ok := w.lx.pronoun(w.low[t]) // also "he’s"
	if !ok || w.lx.objectPronoun(w.low[t]) {
		return phrase{}, false
	}
	return phrase{start: t, end: t + 1, kind: pronounPhrase, head: t, name: -1, actorType: field(f, 0, Person)}, true
}

// entityFree reports whether no entity stands in tokens [a, b).
func (w *work) entityFree(a, b int) bool {
	for t := a; t < b; t++ {
		if w.entOf[t] >= 0 {
			return false
		}
	}
	return true
}

// withoutFrontedAdjunct drops a content piece that ends at the comma right
// before the source, when the cue right after that source has content of
// its own ("Pleased with the plan, the senator said it would work"): the
// piece is an adjunct of the clause, not what the source says. A quotation
// around a cue and its comma ('"The museum," he said, "would …"') stays.
func (w *work) withoutFrontedAdjunct(cue attribution.Span, sources, content []attribution.Span) []attribution.Span {
	if cue.End <= cue.Start || len(sources) == 0 || len(content) < 2 {
		return content
	}
	after := false
	for _, c := range content {
		if c.Start == cue.End {
			after = true
		}
	}
	if !after {
		return content
	}
	out := content[:0:0]
	for _, c := range content {
		adjunct := false
		for _, s := range sources {
			if s.End <= cue.Start && c.End < s.Start && w.text(c.End) == "," && c.End+1 == s.Start && !w.quoted[c.Start] {
				adjunct = true
			}
		}
		if !adjunct {
			out = append(out, c)
		}
	}
	return out
}
