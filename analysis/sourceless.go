package analysis

// This file finds statements whose text names no source: a cue in the
// passive with no agent ("Quiros was accused of …", "the veto is expected
// to …") and a cue under an evidential ("Trump appeared to acknowledge
// that …", "she reportedly said …"). The subject of such a sentence is what
// the statement is about, not who holds it, so the statement is kept with
// no source and no speaker (the reader sees it as unattributed). A passive
// whose agent follows ("was criticized by Democrats") takes the agent as
// its source.

// evidentialReach is how many tokens before a cue an evidential may stand
// ("appeared to acknowledge", "reportedly has said").
const evidentialReach = 2

// passiveGap is how many adverbs or negations may stand between a passive
// auxiliary and its participle ("was also widely criticized").
const passiveGap = 2

// markSourceless gives the statements of fs whose cue is passive or
// evidential the source the text gives them: the agent of a passive, or
// none.
func (w *work) markSourceless(fs []found) {
	for k := range fs {
		f := &fs[k]
		if f.cue.IsZero() || f.follows {
			continue
		}
		agent, has, ok := w.sourcelessCue(f.cue)
		switch {
		case !ok:
		case has:
			f.source, f.unnamed = w.addPhrase(agent), false
		default:
			f.source, f.unnamed = -1, true
		}
	}
}

// sourcelessCue reports whether the cue is passive or evidential (ok), and
// returns the agent of a passive that names one (has).
func (w *work) sourcelessCue(cue Span) (agent phrase, has, ok bool) {
	a, b := w.tokenRange(cue)
	if a >= b {
		return phrase{}, false, false
	}
	first := w.d.Sentences[w.sent[a]].FirstToken
	if w.evidentialBefore(first, a, b) {
		return phrase{}, false, true
	}
	p, ok := w.passiveAt(first, a, b)
	if !ok {
		return phrase{}, false, false
	}
	agent, has = w.agentAfter(p)
	return agent, has, true
}

// evidentialBefore reports whether an evidential stands in the cue [a, b)
// or just before it (from the sentence's first token on).
func (w *work) evidentialBefore(first, a, b int) bool {
	for t := max(first, a-evidentialReach); t < b; t++ {
		if w.lx.evidentials.has(w.low[t]) {
			return true
		}
	}
	return false
}

// passiveAt returns the participle of a passive in the cue [a, b): a
// participle after a passive auxiliary, with at most passiveGap adverbs or
// negations between ("is expected", "has been widely criticized"). A
// stance word ("is opposed to", "is concerned") is an adjective whose
// subject holds the stance, no passive.
func (w *work) passiveAt(first, a, b int) (int, bool) {
	for t := a; t < b; t++ {
		low := w.low[t]
		if !w.lx.isParticiple(low) || w.lx.stances.has(low) {
			continue
		}
		k := t - 1
		for gap := 0; k >= first && gap < passiveGap && w.adverbial(w.low[k]); gap++ {
			k--
		}
		if k >= first && w.lx.passives.has(w.low[k]) {
			return t, true
		}
		return 0, false
	}
	return 0, false
}

// adverbial reports whether a word may stand between an auxiliary and its
// verb: an adverb, a negation or a word with an adverb ending.
func (w *work) adverbial(low string) bool {
	return w.lx.adverbs.has(low) || w.lx.negations.has(low) || w.lx.hasAdverbSuffix(low)
}

// agentAfter reads the agent of the passive participle at token p: the
// speaker phrase after an agent preposition right after it.
func (w *work) agentAfter(p int) (phrase, bool) {
	s := w.d.Sentences[w.sent[p]]
	if p+2 >= s.EndToken || !containsString(w.lx.agents, w.low[p+1]) {
		return phrase{}, false
	}
	return w.subjectPhrase(w.phraseAt(p+2, w.clauseEnd(s)))
}
