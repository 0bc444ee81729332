package analysis

// This file holds the stance rule: "X is (faliekant) tegen Y".

// stanceStatement reads "X is (faliekant) tegen Y": a copula, the speaker,
// optional adverbs and the stance word.
func (w *work) stanceStatement(si int, s Sentence, i, end int) (candidate, bool) {
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
		return candidate{}, false
	}
	cue := w.span(stanceStart, i+1)
	return w.propose(si, Position, cue, &subj, [][2]int{{subj.start, subj.end}}, [][2]int{{stanceStart, end}}), true
}
