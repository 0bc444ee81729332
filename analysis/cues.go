package analysis

// This file holds cue recognition: whether a token is a verb (or light-verb
// particle) that introduces what someone said, thought or wants, with the
// separable particle it needs. The verbs come from the lexicon by lemma
// (lexicon.go) and the conjugator (conjugate.go).

// Look-ahead windows of cue recognition, in tokens.
const (
	// particleWindow bounds how far after a verb its separable particle or
	// governed word may stand ("riep de regering gisteren ... op").
	particleWindow = 15
	// strandedWindow bounds how far after a verb a particle that makes it
	// another verb may stand ("stelt sancties in").
	strandedWindow = 12
	// frameWindow bounds how far after a verb with frame=that its
	// complement clause may start ("zag in de cijfers dat ...").
	frameWindow = 10
)

// cueAt reports whether token i is a cue verb (or a light-verb particle
// such as "duidelijk" in "maakte ... duidelijk dat") and returns its fields
// (class, lemma, particle, kind: see cue.fields).
func (w *work) cueAt(i, end int) ([]string, bool) {
	low := w.low[i]
	if i > 0 && w.sent[i-1] == w.sent[i] && (w.lx.articles.has(w.low[i-1]) || w.lx.isPossessive(w.low[i-1])) {
		return nil, false // a noun: "the plan", "Editor's note", "de vragen"
	}
	if c, needs, ok := w.pickReading(w.lx.cueForms[low], i, end); ok {
		return c.fields(needs), true
	}
	if f, ok := w.progressiveCue(i); ok {
		return f, true
	}
	if w.lx.lightParticles.has(low) && i+1 < end && (w.lx.complementizers.has(w.low[i+1]) || w.low[i+1] == ":") {
		return []string{classSpeech, low, "", kindSpeech}, true
	}
	if w.verbAfterQuote(i, end) {
		return []string{classSpeech, low, "", kindSpeech}, true
	}
	return nil, false
}

// verbAfterQuote reports whether token i is a verb of any kind that
// attributes the quotation before it by its place alone: right after the
// quote's closing mark and a comma, before its subject ('"…", grijnst hij',
// '"…", snikte Marianne', '"…," sighed the senator'). No lexicon lists every
// manner-of-speaking verb (grijnzen, zuchten, knikken, sniffen); the
// inverted order after a quote marks them. The word must be lower-case and
// of no closed word class, and a speaker phrase must follow it.
func (w *work) verbAfterQuote(i, end int) bool {
	if i < 2 || !w.afterQuote(i) || w.quoted[i] || i+1 >= end {
		return false
	}
	// A comma after the closing mark ('"…", grijnst hij') or inside it
	// ('"…," sighed X'), or a question or exclamation mark inside it.
	if c := w.text(i - 1); c != "," {
		if b := w.text(i - 2); b != "," && b != "?" && b != "!" {
			return false
		}
	}
	tx, low := w.text(i), w.low[i]
	if tx != low || !isWordToken(tx) || w.wordOfClosedClass(low) {
		return false
	}
	p, ok := w.phraseAt(i+1, end)
	if !ok || p.actorType == relativeType {
		return false
	}
	// The clause ends after the speaker, but for a particle or an adverb
	// ("legt X uit", "knikt X goedkeurend"): what goes on is no
	// attribution ('"…", panel chairman X said', '"…" features a report
	// that …').
	for k := p.end; k <= p.end+mannerTail; k++ {
		if k >= end || w.low[k] == "," || isSentenceEnd(w.text(k)) {
			return true
		}
		if !isWordToken(w.text(k)) || w.quoted[k] || len(w.lx.cueForms[w.low[k]]) > 0 {
			return false
		}
	}
	return false
}

// mannerTail bounds the words (a particle, an adverb) that may follow the
// speaker of a verb attributing a quote by its place ("legt X uit").
const mannerTail = 2

// wordOfClosedClass reports whether a lower-case word belongs to any of
// the language's closed word classes: those isClosedClass names (which
// also holds cue forms) and the determiners, conjunctions, negations,
// relatives, fillers, indefinites, time words, subordinators and
// resumptives. Such a word is no verb of saying by its place.
func (w *work) wordOfClosedClass(low string) bool {
	lx := w.lx
	if w.isClosedClass(low) || lx.determiners.has(low) || lx.articles.has(low) || lx.conjunctions.has(low) ||
		lx.coordinators.has(low) || lx.negations.has(low) || lx.relatives.has(low) || lx.fillers.has(low) ||
		lx.indefinites.has(low) || lx.timeWords.has(low) {
		return true
	}
	r := w.rules
	return r != nil && (r.words.subordinators[low] || r.words.resumptives[low])
}

// pickReading chooses among the cues a form may be: one whose particle
// follows ("riep ... op" is oproepen) before one that needs none ("riep
// dat" is roepen); impersonal cues, cues whose frame is missing and cues
// turned into another verb by a stranded particle are no reading.
func (w *work) pickReading(readings []cueForm, i, end int) (*cue, bool, bool) {
	var plain *cue
	for _, r := range readings {
		c := r.cue
		if c.Kind == kindImpersonal || !w.frameHolds(c, i, end) {
			continue
		}
		if r.needsParticle {
			// A governed word stands before an infinitive or participle
			// ("wil erop wijzen", "heeft erop gewezen").
			if w.particleAfter(i, end, c.Particle) || !r.finite && !c.Separable && w.particleBefore(i, c.Particle) {
				return c, true, true
			}
			continue
		}
		if plain == nil && !w.blocked(c, i, end) {
			plain = c
		}
	}
	return plain, false, plain != nil
}

// blocked reports whether a particle later in the clause turns the verb at
// i into another verb ("stelt sancties in": instellen, no speech).
func (w *work) blocked(c *cue, i, end int) bool {
	for _, part := range w.lx.blockers[c.Lemma] {
		if w.strandedParticle(i, end, part) {
			return true
		}
	}
	return false
}

// frameHolds reports whether a cue's frame is met at token i: a verb with
// frame=that needs a complement clause or colon ahead ("zag dat ...") or a
// quote or comma right before it ('"…", lachte hij').
func (w *work) frameHolds(c *cue, i, end int) bool {
	if c.Frame != frameThat {
		return true
	}
	if i > 0 && w.sent[i-1] == w.sent[i] && w.isBreak(i-1) {
		return true
	}
	for k := i + 1; k < end && k <= i+frameWindow; k++ {
		l := w.low[k]
		if w.lx.complementizers.has(l) || l == ":" {
			return true
		}
		if !isWordToken(w.text(k)) || w.quoted[k] {
			return false
		}
	}
	return false
}

// progressiveCue recognises the -ing form of a cue verb after an auxiliary
// or a comma ("is demanding", ", hoping"), as the conjugator makes it:
// demand → demanding, hope → hoping, plan → planning.
func (w *work) progressiveCue(i int) ([]string, bool) {
	if i == 0 || !w.lx.auxiliaries.has(w.low[i-1]) && w.low[i-1] != "," {
		return nil, false
	}
	for _, r := range w.lx.ingForms[w.low[i]] {
		if r.cue.Kind != kindImpersonal && r.cue.Particle == "" {
			return r.cue.fields(false), true
		}
	}
	return nil, false
}

// particleAfter reports whether a separable verb's particle (or a governed
// word) follows in the clause ("riep ... op", "eraan toe", "wijst op"). It
// does not tell a particle from a preposition ("gaf het boek aan zijn
// zus"): "riep de regering op het geweld te stoppen" shows that what
// follows a particle cannot decide it.
func (w *work) particleAfter(i, end int, part string) bool {
	skipped := 0 // tokens of an aside, which the window does not count
	for k := i + 1; k < end && k < i+particleWindow+skipped; k++ {
		l := w.low[k]
		if l == part {
			return true
		}
		for _, prefix := range w.lx.particlePrefixes {
			if l == prefix+part {
				return true // "wees erop", "voegde eraan toe"
			}
		}
		if l == "," {
			// An apposition or relative clause of the subject right after
			// the verb may stand before the particle: "kondigde X,
			// voorzitter van Y, aan".
			j := k
			if p, ok := w.phraseAt(i+1, end); ok && p.end == k && skipped == 0 {
				j = w.skipApposition(k, end)
			}
			if j == k {
				return false
			}
			skipped += j - k
			k = j - 1
		}
	}
	return false
}

// particleBefore reports whether a governed word stands earlier in the
// clause, alone or joined to er/daar ("erop gewezen").
func (w *work) particleBefore(i int, part string) bool {
	first := w.d.Sentences[w.sent[i]].FirstToken
	for k := i - 1; k >= first && k > i-particleWindow; k-- {
		l := w.low[k]
		if l == part {
			return true
		}
		for _, prefix := range w.lx.particlePrefixes {
			if l == prefix+part {
				return true
			}
		}
		if l == "," {
			return false
		}
	}
	return false
}

// strandedParticle reports whether a particle stands alone later in the
// clause, not as a preposition: followed by a preposition, a comma or the end
// ("stelt sancties in tegen Iran"), not by a noun phrase ("stelt in een brief").
func (w *work) strandedParticle(i, end int, part string) bool {
	for k := i + 1; k < end && k < i+strandedWindow; k++ {
		if w.low[k] != part {
			continue
		}
		if k+1 >= end {
			return true
		}
		n := w.low[k+1]
		return n == "," || w.lx.prepositions.has(n) || w.lx.complementizers.has(n)
	}
	return false
}

// isSpeechCue reports whether token t can be a speech or thought verb as it
// stands: a form with a reading that needs no particle and no frame.
func (w *work) isSpeechCue(t int) bool {
	for _, r := range w.lx.cueForms[w.low[t]] {
		if r.cue.class() == classSpeech && !r.needsParticle && r.cue.Frame == "" {
			return true
		}
	}
	return false
}
