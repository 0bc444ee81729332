package analysis

import (
	"slices"
	"sort"
)

// This file finds statements: quotes, reported speech, "volgens X" and
// stances, each with its cue, its source phrase and its content.
//
// How the rules work: every rule is an entry of a table (sentenceRules,
// then tokenPasses, then the floating-quote pass in findStatements), in
// the order written here once. A rule only reads: the tokens, the
// lexicons, and what earlier accepted candidates took (work.claimed,
// work.phrases). It returns a candidate; accept, the one arbiter, keeps
// it, registers its speaker phrase and claims its tokens. The priority is
// the order of the table: a rule earlier in it takes contested tokens
// first, and at one token the first rule that matches ends the search.
// To add a rule, write a function that returns a candidate, put it in the
// table where it should win, and give it cases in ruleCases (rules_test.go).
//
// The state rules share (work, in phrases.go): the tokens in lower case,
// their entities, sentences and quotation depth (read only), and claimed
// and phrases (written only by accept).

// A found statement before actors are resolved.
type found struct {
	typ      string
	cue      Span
	source   int // index into w.phrases, or -1
	content  []Span
	sentence int
	follows  bool // a floating quote: continues the previous speaker
	unnamed  bool // the text names no source (a passive, an evidential): kept without a speaker

	pieceToks [][2]int
	// actorIndex is the resolved speaker, set by buildActors.
	actorIndex int
}

// Look-ahead and look-back windows of the rules, in tokens. They bound how
// far a rule reads from its cue, which keeps every rule's work per token
// constant.
const (
	// maxPhraseTokens is the longest speaker phrase read back from a cue.
	maxPhraseTokens = 10
	// maxGenericTokens is the longest plain noun phrase ("de organisatie") read back from a cue.
	maxGenericTokens = 4
	// headWindow is how far after a modifier its role or group noun may stand.
	headWindow = 2
	// maxColonSpeaker is the longest speaker phrase before a colon ("Rutte: …").
	maxColonSpeaker = 6
	// maxSourceWords is the longest unnamed source after "volgens" / "according to".
	maxSourceWords = 8
	// innerSpeakerWindow is how far after "Volgens X" a cue verb with its own subject is looked for.
	innerSpeakerWindow = 30
	// participleWindow is how far after the subject of "Dat heeft X …" its participle is looked for.
	participleWindow = 8
	// complementizerWindow is how far a prepositional phrase may run before "dat" / "that".
	complementizerWindow = 8
	// speechAfterStance is how close a speech verb must follow a stance verb to carry it ("wil niet reageren").
	speechAfterStance = 3
	// maxTailAfterCue is the most words after an inverted "…, zei X" for the part before to count as what was said.
	maxTailAfterCue = 4
	// maxFirstPosition is the longest first constituent before the finite verb.
	maxFirstPosition = 12
	// maxAside is the longest apposition or parenthesis between a subject and its cue.
	maxAside = 25
	// maxAuxBefore is the most auxiliaries and adverbs between a subject and its cue.
	maxAuxBefore = 4
)

// A candidate is what a rule proposes: a statement (when has is set), the
// phrase that names its speaker, and the tokens it takes besides its content
// (its cue and speaker). Rules only read the text and the tokens taken so
// far; the arbiter (accept) registers phrases and claims tokens.
type candidate struct {
	f       found
	has     bool    // f is a statement
	speaker *phrase // f's source; nil when it has none
	takes   [][2]int
	// mentions are source phrases to keep without a statement of their own
	// ("Volgens Moskou" when an inner speaker has the statement).
	mentions []phrase
	// bare is set for a candidate accepted without a statement: its
	// mentions are kept and its tokens taken ("Dat zei hij." repeating the
	// source of a statement already found).
	bare bool
	// continues is k+1 when f's content is one more piece of statement
	// out[k] rather than a statement of its own; 0 otherwise.
	continues int
}

// propose builds the candidate of a rule: the statement over pieces with
// the given speaker, taking the tokens takes besides the content.
func (w *work) propose(si int, typ string, cue Span, speaker *phrase, takes, pieces [][2]int) candidate {
	f, ok := w.makeFound(si, typ, cue, pieces, takes)
	return candidate{f: f, has: ok, speaker: speaker, takes: takes}
}

// accept is the arbiter: it keeps a candidate that holds a statement (or is
// bare), registering its phrases and claiming its tokens, and returns out
// with the statement added. Candidates come in the order of the rule table,
// so the rule first in that order takes contested tokens.
func (w *work) accept(c candidate, out []found) []found {
	if !c.has && !c.bare {
		return out
	}
	for _, p := range c.mentions {
		w.addPhrase(p)
	}
	for _, t := range c.takes {
		w.claim(t[0], t[1])
	}
	if !c.has {
		return out
	}
	for _, t := range c.f.pieceToks {
		w.claim(t[0], t[1])
	}
	if k := c.continues - 1; k >= 0 && k < len(out) {
		out[k].content = append(out[k].content, c.f.content...)
		out[k].pieceToks = append(out[k].pieceToks, c.f.pieceToks...)
		return out
	}
	c.f.source = -1
	if c.speaker != nil {
		c.f.source = w.addPhrase(*c.speaker)
	}
	return append(out, c.f)
}

// A place is where a rule reads: sentence si (s, with content up to token
// end) and, for a token rule, token i.
type place struct {
	si  int
	s   Sentence
	i   int
	end int
}

// A rule reads one attribution pattern at a place. matched reports that the
// pattern applies here, with or without a statement: later rules of the
// same pass do not read this place then. When it matches, find writes its
// candidate to c; else it leaves c alone (a candidate is large: rules read
// every token, and most read nothing there).
type rule struct {
	name string
	find func(w *work, at *place, c *candidate) (matched bool)
}

// keep writes found to c when ok, and returns ok: the end of a rule's find.
func keep(c, found *candidate, ok bool) bool {
	if ok {
		*c = *found
	}
	return ok
}

// sentenceRules read a whole sentence, in this order, before the token
// passes; the first that matches ends the sentence: a colon after a speaker
// (headlines, transcripts), a back reference ("Dat zei X") and a sentence
// that introduces the quotation of the next paragraph ("X issued the
// following statement:").
var sentenceRules = []rule{
	{"colon", func(w *work, at *place, c *candidate) bool {
		found, ok := w.colonStatement(at.si, at.s.FirstToken, at.end)
		return keep(c, &found, ok)
	}},
	{"back-reference", func(w *work, at *place, c *candidate) bool {
		found, ok := w.backReference(at.si, at.s, at.end)
		return keep(c, &found, ok)
	}},
	{"introduced-quote", func(w *work, at *place, c *candidate) bool {
		found, ok := w.introducedQuote(at.si, at.s)
		return keep(c, &found, ok)
	}},
}

// tokenPasses are the rules read at each token not yet taken and not
// quoted, pass by pass: "volgens X" and "…, aldus X" first, so that a cue
// verb's content stops where a reporting phrase begins; then at each token
// the first rule that matches wins.
var tokenPasses = [][]rule{
	{
		{"according-to", func(w *work, at *place, c *candidate) bool {
			f, ok := w.lx.reporting[w.low[at.i]]
			if !ok {
				return false
			}
			found, ok := w.reportingStatement(at.si, at.s, at.i, at.end, field(f, 0, "before"))
			return keep(c, &found, ok)
		}},
	},
	{
		{"possessive-claim", func(w *work, at *place, c *candidate) bool {
			found, ok := w.possessiveClaim(at.si, at.i, at.end)
			return keep(c, &found, ok)
		}},
		{"impersonal-cue", func(w *work, at *place, c *candidate) bool {
			found, ok := w.impersonalCue(at.si, at.s, at.i, at.end)
			return keep(c, &found, ok)
		}},
		{"inverted-light-verb", func(w *work, at *place, c *candidate) bool {
			found, ok := w.invertedLightVerb(at.si, at.s, at.i, at.end)
			return keep(c, &found, ok)
		}},
		{"headline-quote", func(w *work, at *place, c *candidate) bool {
			found, ok := w.headlineQuote(at.si, at.s, at.i, at.end)
			return keep(c, &found, ok)
		}},
		{"cue-verb", func(w *work, at *place, c *candidate) bool {
			f, ok := w.cueAt(at.i, at.end)
			if !ok || w.insideName(at.i) {
				return false
			}
			if field(f, 0, "") == "position" && w.speechFollows(at.i+1, at.end) {
				*c = candidate{}
				return true // "wilde niet zeggen hoe ...": the speech verb carries it
			}
			*c, _ = w.verbStatement(at.si, at.s, at.i, at.end, f)
			return true
		}},
		{"stance-predicate", func(w *work, at *place, c *candidate) bool {
			found, ok := w.stancePredicateStatement(at.si, at.s, at.i, at.end)
			return keep(c, &found, ok)
		}},
		{"stance", func(w *work, at *place, c *candidate) bool {
			if !w.lx.stances.has(w.low[at.i]) {
				return false
			}
			found, ok := w.stanceStatement(at.si, at.s, at.i, at.end)
			return keep(c, &found, ok)
		}},
	},
}

// findStatements runs the rule table over every sentence, then reads the
// quotations left as floating quotes, and returns the statements in text order.
func findStatements(w *work) []found {
	d := w.d
	out := make([]found, 0, len(d.Sentences)/2+1)
	for si := range d.Sentences {
		if cap(out)-len(out) < 4 { // grow once to what the sentences so far predict
			out = slices.Grow(out, extrapolate(len(out), si, len(d.Sentences)))
		}
		if cap(w.phrases)-len(w.phrases) < 4 {
			w.phrases = slices.Grow(w.phrases, extrapolate(len(w.phrases), si, len(d.Sentences)))
		}
		out = w.sentenceStatements(si, d.Sentences[si], out)
	}
	n := len(out)
	quotes, done := 0, 0
	for _, qs := range w.paraQuotes {
		quotes += len(qs)
	}
	for p, qs := range w.paraQuotes {
		for _, q := range qs {
			if cap(out)-len(out) < 4 {
				out = slices.Grow(out, extrapolate(len(out)-n, done, quotes))
			}
			done++
			if c, ok := w.floatingQuote(out, n, p, q); ok {
				out = w.accept(c, out)
			}
		}
	}
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

// sentenceStatements runs the rule table over sentence si.
func (w *work) sentenceStatements(si int, s Sentence, out []found) []found {
	// The place and the candidate live in w: handed to the rules through
	// function values, locals would move to the heap at every sentence.
	at, c := &w.ruleAt, &w.ruleCand
	*at = place{si: si, s: s, end: w.clauseEnd(s)}
	for _, r := range sentenceRules {
		if r.find(w, at, c) {
			return w.accept(*c, out)
		}
	}
	if w.claimed[s.FirstToken] {
		return out
	}
	for _, pass := range tokenPasses {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if w.claimed[i] || w.quoted[i] {
				continue
			}
			at.i = i
			for _, r := range pass {
				if r.find(w, at, c) {
					out = w.accept(*c, out)
					break
				}
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
		if k > a && w.rules != nil && w.rules.words.sharedSubject[w.low[k]] && k+1 < end && w.isSpeechCue(k+1) && !w.quoted[k] {
			return k // "X noemt het … en zegt dat …": the second cue has content of its own
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

// tokenBucket is the width in bytes of the stretches of text that
// work.tokAt indexes.
const tokenBucket = 64

// indexTokens fills w.tokAt: tokAt[q] is the first token that starts at or
// after byte q*tokenBucket (len(tokens) when none does).
func (w *work) indexTokens() {
	toks := w.d.Tokens
	w.tokAt = make([]int32, len(w.d.Text)/tokenBucket+2)
	t := 0
	for q := range w.tokAt {
		for t < len(toks) && toks[t].Start < q*tokenBucket {
			t++
		}
		w.tokAt[q] = int32(t)
	}
}

// tokenRange returns the tokens that lie inside span s. Tokens are in text
// order and do not overlap, so each end is searched for among the few
// tokens of its stretch of text (tokAt), not among all.
func (w *work) tokenRange(s Span) (int, int) {
	toks := w.d.Tokens
	if len(w.tokAt) == 0 || s.Start < 0 || s.End < s.Start || s.End/tokenBucket+1 >= len(w.tokAt) {
		a := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= s.Start })
		b := sort.Search(len(toks), func(i int) bool { return toks[i].End > s.End })
		return a, max(a, b)
	}
	// The first token starting at or after s.Start starts in s.Start's
	// stretch or is the first of the next.
	lo, hi := int(w.tokAt[s.Start/tokenBucket]), int(w.tokAt[s.Start/tokenBucket+1])
	a := lo + sort.Search(hi-lo, func(i int) bool { return toks[lo+i].Start >= s.Start })
	// The first token ending after s.End is the last token starting
	// before s.End's stretch, one starting in it, or the first of the next;
	// every earlier token ends before that stretch.
	lo, hi = max(int(w.tokAt[s.End/tokenBucket])-1, 0), int(w.tokAt[s.End/tokenBucket+1])
	b := lo + sort.Search(hi-lo, func(i int) bool { return toks[lo+i].End > s.End })
	return a, max(a, b)
}

// taken reports whether any token of [a, b) is claimed or lies in one of
// the ranges takes (the tokens a candidate is about to take).
func (w *work) taken(a, b int, takes [][2]int) bool {
	for _, t := range takes {
		if t[0] < b && a < t[1] {
			return true
		}
	}
	return w.anyClaimed(a, b)
}

// anyClaimed reports whether any token of [a, b) is claimed.
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
