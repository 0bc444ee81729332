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

// headlineQuote reads the quotation after a colon in a headline whose
// sentence opens with a speaker: "Kruijswijk dolblij met podium Tour: ’Dit
// is waar ik voor kwam’". The colon at token i is the cue.
func (w *work) headlineQuote(si int, s Sentence, i, end int) (candidate, bool) {
	a := s.FirstToken
	if w.text(i) != ":" || i == a || !w.d.Paragraphs[s.Paragraph].Heading || !w.opensQuoteAt(i+1) {
		return candidate{}, false
	}
	p, ok := w.phraseAt(a, i)
	if !ok || p.kind == pronounPhrase || w.quoted[p.head] || p.kind == groupPhrase && p.start == p.head {
		return candidate{}, false
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
		w.entOf[t] = len(d.Entities)
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
