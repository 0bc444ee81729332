package analysis

// This file finds statements whose text names no source: a cue in the
// passive with no agent ("Quiros was accused of …", "the veto is expected
// to …", or reduced after a subordinator: "When asked whether …") and a
// cue under an evidential ("Trump appeared to acknowledge that …", "she
// reportedly said …"). The subject of such a sentence is what
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
// none. A passive statement whose content a rule read from the agent on
// ("The bill was opposed | by a group of farmers") takes the subject
// before the auxiliary as its content ("The bill").
func (w *work) markSourceless(fs []found) {
	for k := range fs {
		f := &fs[k]
		if f.cue.IsZero() || f.follows {
			continue
		}
		v, ok := w.sourcelessCue(f.cue)
		switch {
		case !ok:
		case v.hasAgent:
			f.source, f.unnamed = w.addPhrase(v.agent), false
			if len(f.pieceToks) > 0 && v.aux > v.first && f.pieceToks[0][0] > v.participle && f.pieceToks[0][0] <= v.participle+1 {
				if a, b, ok := w.trimRange(v.first, v.aux); ok {
					f.content, f.pieceToks = []Span{w.span(a, b)}, [][2]int{{a, b}}
				}
			}
		default:
			f.source, f.unnamed = -1, true
		}
	}
}

// voice is what sourcelessCue finds of a cue: the tokens of its passive
// (the first of the sentence, the auxiliary and the participle; all 0 for
// an evidential) and the passive's agent, when it names one.
type voice struct {
	first, aux, participle int
	agent                  phrase
	hasAgent               bool
}

// sourcelessCue reports whether the cue is passive or evidential (ok), with
// what it found.
func (w *work) sourcelessCue(cue Span) (voice, bool) {
	a, b := w.tokenRange(cue)
	if a >= b {
		return voice{}, false
	}
	first := w.d.Sentences[w.sent[a]].FirstToken
	if w.evidentialBefore(first, a, b) {
		return voice{}, true
	}
	p, aux, ok := w.passiveAt(first, a, b)
	if !ok {
		return voice{}, false
	}
	v := voice{first: first, aux: aux, participle: p}
	v.agent, v.hasAgent = w.agentAfter(p)
	return v, true
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

// passiveAt returns the participle of a passive in the cue [a, b) and its
// auxiliary: a participle after a passive auxiliary, with at most
// passiveGap adverbs or negations between ("is expected", "has been widely
// criticized"). A stance word ("is opposed to", "is concerned") is an
// adjective whose subject holds the stance, unless its agent follows ("was
// opposed by").
func (w *work) passiveAt(first, a, b int) (participle, aux int, ok bool) {
	for t := a; t < b; t++ {
		low := w.low[t]
		if !w.lx.isParticiple(low) {
			continue
		}
		if f, ok := w.lx.stances[low]; ok && (field(f, 0, "") == "psych" || t+1 >= len(w.low) || !containsString(w.lx.agents, w.low[t+1])) {
			continue // a state of the subject: "is worried", "was outraged by the raids"
		}
		k := t - 1
		for gap := 0; k >= first && gap < passiveGap && w.adverbial(w.low[k]); gap++ {
			k--
		}
		if k >= first && (w.lx.passives.has(w.low[k]) || k == first && w.rules != nil && w.rules.words.subordinators[w.low[k]]) {
			// (after a subordinator that opens the sentence, a reduced
			// passive clause: "When asked about …, she said")
			return t, k, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// adverbial reports whether a word may stand between an auxiliary and its
// verb: an adverb, a negation or a word with an adverb ending.
func (w *work) adverbial(low string) bool {
	return w.lx.adverbs.has(low) || w.lx.negations.has(low) || w.lx.hasAdverbSuffix(low)
}

// agentAfter reads the agent of the passive participle at token p: the
// speaker phrase after an agent preposition right after it, or the plain
// noun phrase there ("by an unusual coalition of leaders").
func (w *work) agentAfter(p int) (phrase, bool) {
	s := w.d.Sentences[w.sent[p]]
	end := w.clauseEnd(s)
	if p+2 >= end || !containsString(w.lx.agents, w.low[p+1]) {
		return phrase{}, false
	}
	if ph, ok := w.subjectPhrase(w.phraseAt(p+2, end)); ok {
		return ph, true
	}
	a := p + 2
	if !isWordToken(w.text(a)) || w.quoted[a] || w.lx.pronouns.has(w.low[a]) && !w.lx.determiners.has(w.low[a]) {
		return phrase{}, false
	}
	return w.plainPhrase(a, w.nounPhraseEnd(a, min(end, a+maxSourceWords))), true
}
