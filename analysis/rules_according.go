package analysis

// This file holds the according-to rules: "Volgens X …", "…, aldus X",
// "according to X".

// reportingStatement reads "Volgens X ..." and "..., aldus X".
func (w *work) reportingStatement(si int, s Sentence, i, end int, where string) (candidate, bool) {
	a := s.FirstToken
	cueEnd := i + 1
	if next := field(w.lx.reporting[w.low[i]], 1, ""); next != "" {
		// A cue of two words: "according to".
		if i+1 >= end || w.low[i+1] != next {
			return candidate{}, false
		}
		cueEnd = i + 2
	}
	p, ok := w.phraseAt(cueEnd, end)
	if !ok {
		// Any noun phrase can follow "volgens" / "according to" ("the data",
		// "federal statistics", "an analysis by ...").
		if p, ok = w.sourceAfter(cueEnd, end); !ok {
			return candidate{}, false
		}
	}
	cue := w.span(i, cueEnd)
	if where == "after" {
		if p.end < end && (w.lx.cues.has(w.low[p.end]) || w.lx.auxiliaries.has(w.low[p.end])) {
			// "… ― Trump boasted, …": the name is the subject of a clause
			// of its own, not the source of what came before (PolNeAR dev
			// speaker 0.899 -> 0.900, train unchanged; Dutch unchanged).
			return candidate{}, false
		}
		// "..., aldus X": the content is everything before, from the sentence start.
		return w.propose(si, Indirect, cue, &p, [][2]int{{i, p.end}}, [][2]int{{a, i}}), true
	}
	// "Volgens X maakte Y duidelijk dat ...": the inner speaker has the statement.
	for k := p.end; k < end && k < p.end+innerSpeakerWindow; k++ {
		if f, ok := w.cueAt(k, end); ok && field(f, 0, "") == "speech" && !w.quoted[k] {
			if _, ok := w.subjectOf(s, k, end); ok {
				// Still a source: "Volgens Moskou" speaks for Russia.
				return candidate{mentions: []phrase{p}, bare: true}, true
			}
		}
	}
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
	from := w.skipApposition(p.end, end)
	pieces = append(pieces, [2]int{from, w.unclaimedEnd(from, end)})
	return w.propose(si, AccordingTo, cue, &p, [][2]int{{i, p.end}}, pieces), true
}

// invertedVerbAt reports whether token k reads as the finite verb of a
// clause whose subject follows it (V2 after a fronted phrase): a
// lower-case word that is no function word, followed by a determiner or a
// pronoun ("weet het ministerie", "gaat de minister").
func (w *work) invertedVerbAt(k int) bool {
	l, next := w.low[k], w.low[k+1]
	if !isWordToken(w.text(k)) || isCapitalised(w.text(k)) || w.isClosedClass(l) || w.lx.determiners.has(l) || w.entOf[k] >= 0 {
		return false
	}
	return w.lx.determiners.has(next) || w.lx.pronouns.has(next)
}

// skipApposition returns the token after an apposition or a relative
// clause between commas that follows a source at token k (", directeur van
// Shell," in "Volgens Jan de Vries, directeur van Shell, is …"), or k when
// none follows.
func (w *work) skipApposition(k, end int) int {
	if k >= end || w.text(k) != "," {
		return k
	}
	for c := k + 1; c < end && c <= k+maxAside; c++ {
		tx := w.text(c)
		if isQuoteRuneString(tx) || w.quoted[c] {
			return k
		}
		if tx != "," {
			continue
		}
		if q, ok := w.phraseAt(k+1, c); ok && q.end == c || w.hasHeadWord(k+1, c) {
			return c + 1
		}
		if w.lx.relatives.has(w.low[k+1]) {
			return c + 1 // a relative clause: "minister Jansen, die al jaren onder vuur ligt,"
		}
		return k
	}
	return k
}

// sourceAfter reads the noun phrase after a reporting preposition up to a
// comma, the clause end or a verb: at most eight words, the first of them not
// a function word.
func (w *work) sourceAfter(a, end int) (phrase, bool) {
	b := a
	for b < end && b-a < maxSourceWords {
		l := w.low[b]
		if !isWordToken(w.text(b)) || w.lx.complementizers.has(l) || w.lx.auxiliaries.has(l) || w.lx.cues.has(l) || w.quoted[b] {
			break
		}
		if b > a && (w.lx.negations.has(l) || w.lx.adverbs.has(l)) {
			break // "volgens de vakbeweging niet te doen"
		}
		if b > a && w.lx.determiners.has(l) && !w.lx.complementPreps.has(w.low[b-1]) && !w.lx.prepositions.has(w.low[b-1]) {
			break // "volgens Abouteleb het probleem": a new noun phrase starts
		}
		if w.lx.freeInversion && b > a+1 && b+1 < end && w.invertedVerbAt(b) {
			break // "Volgens de initiatiefnemers van de rechtszaak weet het ministerie …"
		}
		b++
	}
	if b == a || b-a == maxSourceWords || w.isClosedClass(w.low[a]) && !w.lx.determiners.has(w.low[a]) {
		return phrase{}, false
	}
	return w.plainPhrase(a, b), true
}
