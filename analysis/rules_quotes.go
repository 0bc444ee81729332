package analysis

import (
	"sort"
)

// This file holds the rules for quotations without a cue of their own:
// floating quotes and "…, klinkt het" continue the previous speaker.

// impersonalCue reads '"…", klinkt het.': a speech verb after a quote or
// comma whose subject is an impersonal pronoun; the words before continue
// the previous speaker, as a floating quote does.
func (w *work) impersonalCue(si int, s Sentence, i, end int) (candidate, bool) {
	a := s.FirstToken
	kind := field(w.lx.cues[w.low[i]], 0, "")
	if i == a || i+1 >= end || !w.isBreak(i-1) || kind != "speech" && kind != "impersonal" || !w.lx.impersonals.has(w.low[i+1]) || !w.endsClause(i+2, end) {
		return candidate{}, false
	}
	cand := w.propose(si, Indirect, w.span(i, i+1), nil, [][2]int{{i, i + 2}}, [][2]int{{a, i}})
	cand.f.follows = true
	return cand, cand.has
}

// maxQuoteTokens is the longest quotation read as one floating statement.
const maxQuoteTokens = 1500

// minFloatingWords is the fewest words a floating quote needs ("Werkelijk
// fantastisch."); a single quoted word is a term, not a statement.
const minFloatingWords = 2

// floatingQuote reads quotation q of paragraph p when it stands alone as
// whole sentences with no cue of its own: it continues the previous
// speaker. In English style ('"…," she said. "…"') it is another piece of
// the statement of the sentence before. out[:n] are the statements of the
// sentence pass.
func (w *work) floatingQuote(out []found, n, p int, q quotePair) (candidate, bool) {
	d := w.d
	outer := q.Outer(d.Paragraphs[p].End)
	a, b := w.tokenRange(outer)
	if a >= b || b-a > maxQuoteTokens || w.anyClaimed(a, b) {
		return candidate{}, false
	}
	// The quote must open a sentence and close one. A connective and a
	// colon may stand before it: "Bovendien: „Geen boeren, geen eten.”"
	if first := d.Sentences[w.sent[a]].FirstToken; first != a {
		if a-first > 3 || w.text(a-1) != ":" {
			return candidate{}, false
		}
		for k := first; k < a-1; k++ {
			if !w.lx.adverbs.has(w.low[k]) && !w.lx.conjunctions.has(w.low[k]) {
				return candidate{}, false
			}
		}
	}
	last := d.Sentences[w.sent[b-1]]
	rest := b
	for rest < last.EndToken && (isSentenceEnd(w.text(rest)) || w.text(rest) == ",") {
		rest++
	}
	if rest != last.EndToken {
		return candidate{}, false
	}
	words := 0
	for t := a; t < b; t++ {
		if isWordToken(w.text(t)) {
			words++
		}
	}
	if words < minFloatingWords {
		return candidate{}, false
	}
	if w.lx.mergeContinuations {
		if k := w.statementBefore(out, n, a); k >= 0 {
			f := found{content: []Span{w.span(a, b)}, pieceToks: [][2]int{{a, b}}, sentence: int(w.sent[a])}
			return candidate{f: f, has: true, continues: k + 1}, true
		}
	}
	cand := w.propose(int(w.sent[a]), Direct, Span{}, nil, nil, [][2]int{{a, b}})
	cand.f.follows = true
	return cand, cand.has
}

// statementBefore finds a statement with a source in the sentence right
// before token a, in the same paragraph, or -1.
//
// Only out[:n], the statements of the sentence pass (in sentence order), are searched.
func (w *work) statementBefore(out []found, n, a int) int {
	si := int(w.sent[a])
	if si == 0 || w.d.Sentences[si-1].Paragraph != w.d.Sentences[si].Paragraph {
		return -1
	}
	// Statements with a source come from the sentence pass, in sentence
	// order: only those of the last few sentences can end in sentence si-1.
	lo := sort.Search(n, func(k int) bool { return out[k].sentence >= si-2 })
	found := -1
	for k := lo; k < n && out[k].sentence <= si; k++ {
		last := out[k].pieceToks[len(out[k].pieceToks)-1]
		if out[k].source >= 0 && int(w.sent[last[1]-1]) == si-1 {
			found = k
		}
	}
	return found
}

// introducedQuote reads a sentence that ends its paragraph with a colon and
// has no verb of saying, above a quotation or block quotation that makes
// up the next paragraph: "Trump issued the following statement:", "On July
// 6, 2015, Sanders made the following comment:". The sentence's subject
// speaks the quotation, and the words between it and the colon are the cue.
// (With a verb of saying, "He said:", the reported-speech rule reads it.)
func (w *work) introducedQuote(si int, s Sentence) (candidate, bool) {
	colon := s.EndToken - 1
	if colon <= s.FirstToken || w.text(colon) != ":" {
		return candidate{}, false
	}
	qa, qb, ok := w.quoteParagraphAfter(s, colon)
	if !ok {
		return candidate{}, false
	}
	for k := s.FirstToken; k < colon; k++ {
		if w.quoted[k] || isQuoteRuneString(w.text(k)) || w.isSpeechCue(k) {
			return candidate{}, false
		}
	}
	// The subject opens the sentence, or follows a fronted adverbial and
	// its comma ("On July 6, 2015, Sanders …").
	a := s.FirstToken
	if w.lx.prepositions.has(w.low[a]) || w.lx.adverbs.has(w.low[a]) {
		comma := -1
		for k := a + 1; k < colon && k <= a+maxFirstPosition; k++ {
			if w.text(k) == "," {
				comma = k
			}
		}
		if comma < 0 {
			return candidate{}, false
		}
		a = comma + 1
	}
	p, ok := w.subjectPhrase(w.phraseAt(a, colon))
	if ok && p.kind != namePhrase {
		// A title before a name the phrase grammar reads apart
		// ("Republican | presidential nominee Donald Trump"): the name
		// phrase right after it.
		for e := min(colon-1, a+maxPhraseTokens); e > p.end; e-- {
			if q, found := w.phraseEndingAt(p.end, e); found && q.kind == namePhrase && q.start == p.end {
				p = q
				break
			}
		}
	}
	if !ok || p.end+1 >= colon || p.actorType == relativeType || w.quoted[p.head] || !isWordToken(w.text(p.end)) {
		return candidate{}, false
	}
	typ := Indirect
	if w.opensQuoteAt(qa) {
		typ = Direct
	}
	c := w.propose(si, typ, w.span(p.end, colon), &p, [][2]int{{p.start, colon + 1}}, [][2]int{{qa, qb}})
	return c, c.has
}
