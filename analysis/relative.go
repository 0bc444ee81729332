package analysis

// This file gives a cue that opens a relative clause ("an architect who
// said", "the study, which notes", "Christie, who has campaigned") the
// relative pronoun as its subject, and through it the pronoun's antecedent
// as the speaker. Whichever stage found the statement, its own guess at a
// speaker (often a name elsewhere in the sentence) loses to the grammar.

// relativeSpeakers sets the source of each statement of fs whose cue is the
// verb of a relative clause to the pronoun's antecedent, taken through the
// pronoun itself ("Christie, who"; PolNeAR dev speaker 0.896 -> 0.899,
// train 0.901 -> 0.903, F1@0.3 unchanged; no Dutch dev statement changes).
// A statement's own source that holds the pronoun and its antecedent
// stays; one that is the bare pronoun gains the antecedent.
func (w *work) relativeSpeakers(fs []found) {
	for k := range fs {
		f := &fs[k]
		if f.cue.IsZero() || f.follows || f.unnamed {
			continue
		}
		a, b := w.tokenRange(f.cue)
		if a >= b {
			continue
		}
		r, ok := w.relativeBefore(a)
		if !ok {
			continue
		}
		if f.source >= 0 {
			if p := w.phrases[f.source]; p.start < r && r < p.end {
				continue
			}
		}
		if p, ok := w.antecedentPhrase(r); ok {
			f.source = w.addPhrase(p)
		}
	}
}

// relativeBefore returns the relative pronoun whose clause the verb at
// token v is the verb of: the pronoun stands right before it, or before
// auxiliaries, negations and adverbs only (skipAuxBack).
func (w *work) relativeBefore(v int) (int, bool) {
	first := w.d.Sentences[w.sent[v]].FirstToken
	t := w.skipAuxBack(first, v) - 1
	if t <= first || w.quoted[t] || !w.lx.relativeSubjects.has(w.low[t]) {
		return 0, false
	}
	return t, true
}

// antecedentPhrase reads the phrase a relative pronoun at token r stands
// for: the speaker phrase that ends right before it (a comma or dash
// between them aside), else the noun there with its article, extended
// through the pronoun.
func (w *work) antecedentPhrase(r int) (phrase, bool) {
	first := w.d.Sentences[w.sent[r]].FirstToken
	end := r
	for end > first && isAsideMark(w.text(end-1)) {
		end--
	}
	if end <= first {
		return phrase{}, false
	}
	// Not phraseEndingAt: an antecedent may follow a preposition ("from
	// the police department, which reported").
	for a := max(first, end-maxPhraseTokens); a < end; a++ {
		if p, ok := w.phraseAt(a, end); ok && p.end == end && p.actorType != relativeType {
			p.end = r + 1
			return p, true
		}
	}
	// Else the noun right before, with its article ("an architect who").
	a := end - 1
	if l := w.low[a]; !isWordToken(l) || w.wordOfClosedClass(l) || w.quoted[a] {
		return phrase{}, false
	}
	if a > first && (w.lx.determiners.has(w.low[a-1]) || w.lx.articles.has(w.low[a-1])) {
		a--
	}
	p := w.plainPhrase(a, end)
	p.end = r + 1
	return p, true
}

// isAsideMark reports whether a token sets a relative clause off from its
// antecedent: a comma or a dash.
func isAsideMark(s string) bool {
	switch s {
	case ",", "-", "--", "–", "—", "―":
		return true
	}
	return false
}
