package analysis

import (
	"sort"
)

// This file finds statements: quotes, reported speech, "volgens X" and
// stances, each with its cue, its source phrase and its content.

// A found statement before actors are resolved.
type found struct {
	typ      string
	cue      Span
	source   int // index into w.phrases, or -1
	content  []Span
	sentence int
	follows  bool // a floating quote: continues the previous speaker

	pieceToks [][2]int
	// actorIndex is the resolved speaker, set by buildActors.
	actorIndex int
}

// findStatements reads every sentence for attribution patterns.
func findStatements(w *work) []found {
	var out []found
	d := w.d
	for si := range d.Sentences {
		s := d.Sentences[si]
		out = w.sentenceStatements(si, s, out)
	}
	out = w.floatingQuotes(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].content[0].Start < out[j].content[0].Start })
	return out
}

// clauseEnd returns the last token of the sentence that content may cover:
// the final period and closing marks are left out unless they close a quote.
func (w *work) clauseEnd(s Sentence) int {
	e := s.EndToken
	for e > s.FirstToken {
		t := w.text(e - 1)
		if isSentenceEnd(t) || t == ";" {
			e--
			continue
		}
		break
	}
	return e
}

func (w *work) sentenceStatements(si int, s Sentence, out []found) []found {
	a, b := s.FirstToken, s.EndToken
	end := w.clauseEnd(s)
	// Headline and "Naam: ..." style: a speaker phrase, a colon, then the words.
	if f, ok := w.colonStatement(si, a, end); ok {
		return append(out, f)
	}
	// "Dat zei X": the previous sentence was said by X.
	if f, ok := w.backReference(si, s, end); ok {
		return append(out, f)
	}
	if w.claimed[a] {
		return out
	}
	// First "volgens X" and "..., aldus X", then cue verbs and stances, so
	// that a verb's content stops where a reporting phrase begins.
	for i := a; i < b; i++ {
		if w.claimed[i] || w.quoted[i] {
			continue
		}
		if f, ok := w.lx.reporting[w.low[i]]; ok {
			if st, ok := w.reportingStatement(si, s, i, end, field(f, 0, "before")); ok {
				out = append(out, st)
			}
		}
	}
	for i := a; i < b; i++ {
		if w.claimed[i] || w.quoted[i] {
			continue
		}
		if st, ok := w.possessiveClaim(si, i, end); ok {
			out = append(out, st)
			continue
		}
		if st, ok := w.impersonalCue(si, s, i, end); ok {
			out = append(out, st)
			continue
		}
		if f, ok := w.cueAt(i, end); ok && !w.insideName(i) {
			if field(f, 0, "") == "position" && w.speechFollows(i+1, end) {
				continue // "wilde niet zeggen hoe ...": the speech verb carries it
			}
			if st, ok := w.verbStatement(si, s, i, end, f); ok {
				out = append(out, st)
			}
			continue
		}
		if w.lx.stances.has(w.low[i]) {
			if st, ok := w.stanceStatement(si, s, i, end); ok {
				out = append(out, st)
			}
		}
	}
	return out
}

// isBreak reports whether token t ends a quoted or reported part: a comma or
// a closing quotation mark.
func (w *work) isBreak(t int) bool {
	tx := w.text(t)
	return tx == "," || isQuoteRuneString(tx) && !opensQuote(w.d.Text, w.d.Tokens[t].Start)
}

// unclaimedEnd returns where content starting at a must stop: before the
// first token another statement has taken, before a new attribution (",
// Mr. Barrett said, ..."), or at end.
func (w *work) unclaimedEnd(a, end int) int {
	for k := a; k < end; k++ {
		if w.claimed[k] {
			return k
		}
		if w.text(k) == "," && k+1 < end && !w.quoted[k] {
			next := k + 1
			if w.lx.conjunctions.has(w.low[next]) {
				next++ // ", and officials acknowledged that ..."
			}
			if p, ok := w.phraseAt(next, end); ok && p.end < end && w.isSpeechCue(p.end) {
				return k
			}
		}
	}
	return end
}

// addPhrase records a speaker phrase and returns its index.
func (w *work) addPhrase(p phrase) int {
	w.phrases = append(w.phrases, p)
	return len(w.phrases) - 1
}

// claim marks tokens [a, b) as used by a statement.
func (w *work) claim(a, b int) {
	for t := a; t < b; t++ {
		w.claimed[t] = true
	}
}

// tokenRange returns the tokens that lie inside span s.
func (w *work) tokenRange(s Span) (int, int) {
	toks := w.d.Tokens
	a := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= s.Start })
	b := sort.Search(len(toks), func(i int) bool { return toks[i].End > s.End })
	return a, max(a, b)
}

func (w *work) anyClaimed(a, b int) bool {
	for t := a; t < b; t++ {
		if w.claimed[t] {
			return true
		}
	}
	return false
}

// insideName reports whether token i sits inside a name, before its last
// word ("Secretary of State Mike Pompeo"): then it is no cue.
func (w *work) insideName(i int) bool {
	e := w.entOf[i]
	return e >= 0 && i+1 < len(w.entOf) && w.entOf[i+1] == e
}
