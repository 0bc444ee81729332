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
		if !ok || p.end != c {
			// A transcript label in capitals opening a paragraph ("PENCE: ...")
			// speaks for the whole paragraph.
			para := w.d.Paragraphs[w.d.Sentences[si].Paragraph]
			if c != start+1 || w.d.Tokens[a].Start != para.Start || !isAllCaps(w.text(start)) {
				return candidate{}, false
			}
			p = phrase{start: start, end: c, kind: rolePhrase, head: start, name: -1, actorType: Person, role: w.text(start)}
			_, stop = w.tokenRange(para.Span)
		}
		if p.kind == pronounPhrase || p.kind == groupPhrase && p.start == p.head {
			return candidate{}, false
		}
		cand := w.propose(si, Indirect, w.span(c, c+1), &p, nil, [][2]int{{c + 1, stop}})
		return cand, cand.has
	}
	return candidate{}, false
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
