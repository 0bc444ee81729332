package analysis

import (
	"unicode"
)

// This file holds the colon rule of headlines and transcripts: "Rutte:
// Rusland moet meewerken", "PENCE: …".

// colonStatement reads "Rutte: Rusland moet meewerken" and "Schol: "...""
// where a short speaker phrase opens the sentence and a colon follows.
func (w *work) colonStatement(si, a, end int) (candidate, bool) {
	start := a
	if isQuoteRuneString(w.text(a)) && opensQuote(w.d.Text, w.d.Tokens[a].Start) {
		start++ // a stray mark before a transcript label: "\"WALLACE: ..."
	}
	for c := start + 1; c < end && c <= start+maxColonSpeaker; c++ {
		if w.text(c) != ":" {
			continue
		}
		if c+1 >= end || w.claimed[c+1] {
			return candidate{}, false
		}
		stop := end
		p, ok := w.phraseAt(start, c)
		if ok && p.end+2 < c && w.text(p.end) == "(" && w.text(c-1) == ")" {
			p.end = c // "Wethouder Piet Jansen (CDA): …": a parenthesis before the colon
		}
		para := w.d.Paragraphs[w.d.Sentences[si].Paragraph]
		if (!ok || p.end != c) && c == start+1 && w.colonWord(start) && (para.Heading || w.opensQuoteAt(c+1)) {
			// "Vakbond: korting moet van tafel", "Baudetbedreiger: ’Ik …’":
			// one capitalised word before the colon of a headline or a quote.
			p, ok = w.plainPhrase(start, c), true
		}
		if !ok || p.end != c {
			// A transcript label in capitals opening a paragraph ("PENCE: ...")
			// speaks for the whole paragraph.
			if c != start+1 || w.d.Tokens[a].Start != para.Start || !isAllCaps(w.text(start)) {
				return candidate{}, false
			}
			p = phrase{start: start, end: c, kind: rolePhrase, head: start, name: -1, actorType: Person, role: w.text(start)}
			_, stop = w.tokenRange(para.Span)
		}
		if p.kind == pronounPhrase || p.kind == groupPhrase && p.start == p.head && !para.Heading && !w.opensQuoteAt(c+1) {
			return candidate{}, false
		}
		cand := w.propose(si, Indirect, w.span(c, c+1), &p, nil, [][2]int{{c + 1, stop}})
		return cand, cand.has
	}
	return candidate{}, false
}

// colonQuoteStop returns where content from a to b must stop before a
// colon that opens a quotation ("X dolblij met podium: ’Dit …’"): the
// quotation is a statement of its own.
func (w *work) colonQuoteStop(a, b int) int {
	for k := a; k+1 < b; k++ {
		if w.text(k) == ":" && w.opensQuoteAt(k+1) {
			return k
		}
	}
	return b
}

// headlineQuote reads the quotation after a colon in a sentence that opens
// with its speaker: "Kruijswijk dolblij met podium Tour: ’Dit is waar ik
// voor kwam’" in a headline, "Tankink kwam met een tegeltjeswijsheid: "…""
// in body text. The colon at token i is the cue.
func (w *work) headlineQuote(si int, s Sentence, i, end int) (candidate, bool) {
	a := s.FirstToken
	if w.text(i) != ":" || i == a || !w.opensQuoteAt(i+1) {
		return candidate{}, false
	}
	heading := w.d.Paragraphs[s.Paragraph].Heading
	for a < i && w.lx.adverbs.has(w.low[a]) && !heading {
		a++ // "Ook Jan de Vries is kritisch: "…""
	}
	p, ok := w.phraseAt(a, i)
	if !ok || w.quoted[p.head] || p.kind == groupPhrase && p.start == p.head {
		return candidate{}, false
	}
	if p.kind == pronounPhrase && heading {
		return candidate{}, false
	}
	if !heading {
		// In body text the speaker is the subject of the clause before the
		// colon: "Tankink kwam met een tegeltjeswijsheid: "…"" (a verb follows it).
		if p.end >= i || !isWordToken(w.text(p.end)) || isCapitalised(w.text(p.end)) || w.isClosedClass(w.low[p.end]) && !w.lx.auxiliaries.has(w.low[p.end]) && !w.lx.cues.has(w.low[p.end]) {
			return candidate{}, false
		}
		// The quotation must run to the end of the sentence.
		qb := w.extendQuote(i+1, i+2, nil)
		if qb < end {
			return candidate{}, false
		}
	}
	c := w.propose(si, Direct, w.span(i, i+1), &p, nil, [][2]int{{i + 1, end}})
	return c, c.has
}

// colonWord reports whether token t can name a speaker on its own before
// a colon: a capitalised word that is no function word, adverb or known
// non-actor ("Tijdlijn", "Update").
func (w *work) colonWord(t int) bool {
	l := w.low[t]
	return isWordToken(w.text(t)) && isCapitalised(w.text(t)) && !isAllCaps(w.text(t)) && !w.isClosedClass(l) &&
		!w.lx.nonActors.has(l) && !w.lx.determiners.has(l) && !w.quoted[t]
}

// opensQuoteAt reports whether token t is an opening quotation mark.
func (w *work) opensQuoteAt(t int) bool {
	return t < len(w.d.Tokens) && isQuoteRuneString(w.text(t)) && opensQuote(w.d.Text, w.d.Tokens[t].Start)
}

// tagSurnames makes a person of a capitalised word that opens a sentence
// ("Holleeder: 'Astrid …'", "Kruijswijk dolblij met podium Tour") when the
// document names a person with that surname elsewhere, so that it joins
// that person. The tagger misses such words in headlines, where the
// context is thin.
func tagSurnames(w *work) {
	d := w.d
	surnames := map[string]bool{}
	for _, e := range d.Entities {
		a, b := w.tokenRange(e.Span)
		if e.Type == PER && b-a >= 2 {
			surnames[w.low[b-1]] = true
		}
	}
	added := false
	for _, s := range d.Sentences {
		t := s.FirstToken
		if t < s.EndToken && w.opensQuoteAt(t) {
			t++
		}
		if t+1 >= s.EndToken || w.entOf[t] >= 0 || w.entOf[t+1] >= 0 || !w.colonWord(t) || !surnames[w.low[t]] {
			continue
		}
		w.entOf[t] = int32(len(d.Entities))
		d.Entities = append(d.Entities, Entity{Span: d.Tokens[t].Span, Type: PER})
		added = true
	}
	if added {
		w.sortEntities()
	}
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

// tagParticleNames repairs names with particles that the tagger cut or
// mistyped: capitalised particles before a name join it ("Volgens Ter
// Horst", tagged "Horst"), and a name that opens with a capitalised
// particle is a person ("Van de Kamp", tagged MISC).
func tagParticleNames(w *work) {
	if w.rules == nil || len(w.rules.words.nameParticles) == 0 {
		return
	}
	d := w.d
	particle := func(t int) bool { return w.rules.words.nameParticles[w.low[t]] }
	changed := false
	for e := range d.Entities {
		s, b := w.tokenRange(d.Entities[e].Span)
		if s >= b {
			continue
		}
		first := d.Sentences[w.sent[s]].FirstToken
		k := s
		for k-1 >= first && particle(k-1) && w.entOf[k-1] < 0 {
			k--
		}
		for k < s && !isCapitalised(w.text(k)) {
			k++ // the particles of a name open with a capital: "minister van Justitie" is no name
		}
		// At the sentence start a capital says nothing ("In de Volkskrant"):
		// there only a person's name takes particles in.
		if k == first && d.Entities[e].Type != PER {
			k = s
		}
		// Leading particles of the entity itself: two ("Van de Kamp"), or
		// one that is no article, not at the sentence start.
		n := 0
		for s+n < b-1 && particle(s+n) {
			n++
		}
		misc := d.Entities[e].Type == MISC && n > 0 && isCapitalised(w.text(s)) &&
			(n >= 2 || s != first && !w.lx.determiners.has(w.low[s]))
		switch {
		case k < s:
			d.Entities[e].Span = w.span(k, b)
			d.Entities[e].Type = PER
			changed = true
		case misc:
			d.Entities[e].Type = PER
		}
	}
	if changed {
		w.sortEntities()
	}
}
