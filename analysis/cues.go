package analysis

import "strings"

// This file holds cue recognition: whether a token is a verb (or light-verb
// particle) that introduces what someone said, thought or wants, with the
// separable particle it needs.

// cueAt reports whether token i is a cue verb (or a light-verb particle
// such as "duidelijk" in "maakte ... duidelijk dat") and returns its fields.
func (w *work) cueAt(i, end int) ([]string, bool) {
	low := w.low[i]
	if i > 0 && w.sent[i-1] == w.sent[i] && (w.lx.articles.has(w.low[i-1]) || isPossessive(w.low[i-1])) {
		return nil, false // a noun: "the plan", "Editor's note", "de vragen"
	}
	if f, ok := w.lx.cues[low]; ok && field(f, 0, "") != "impersonal" {
		if part := field(f, 2, ""); part != "" {
			if !w.particleAfter(i, end, part) {
				return nil, false
			}
		}
		for _, part := range w.lx.blockers[field(f, 1, "")] {
			if w.strandedParticle(i, end, part) {
				return nil, false // "stelt sancties in": instellen, no speech
			}
		}
		return f, true
	}
	if f, ok := w.progressiveCue(i); ok {
		return f, true
	}
	if w.lx.lightParticles.has(low) && i+1 < end && (w.lx.complementizers.has(w.low[i+1]) || w.low[i+1] == ":") {
		return []string{"speech", low}, true
	}
	return nil, false
}

// progressiveCue recognises the participle of a cue verb after an
// auxiliary or a comma ("is demanding", ", hoping"), built from the verb's base form
// with the language's participle suffix: demand → demanding, hope → hoping,
// plan → planning.
func (w *work) progressiveCue(i int) ([]string, bool) {
	suffix, low := w.lx.participleSuffix, w.low[i]
	if suffix == "" || i == 0 || !w.lx.auxiliaries.has(w.low[i-1]) && w.low[i-1] != "," || len(low) <= len(suffix)+2 || !strings.HasSuffix(low, suffix) {
		return nil, false
	}
	stem := low[:len(low)-len(suffix)]
	candidates := []string{stem, stem + "e"}
	if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
		candidates = append(candidates, stem[:n-1])
	}
	for _, c := range candidates {
		if f, ok := w.lx.cues[c]; ok && field(f, 1, "") == c && field(f, 2, "") == "" {
			return f, true
		}
	}
	return nil, false
}

// particleAfter reports whether a separable verb's particle follows in the
// clause ("riep ... op", "eraan toe").
func (w *work) particleAfter(i, end int, part string) bool {
	for k := i + 1; k < end && k < i+15; k++ {
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
			return false
		}
	}
	return false
}

// strandedParticle reports whether a particle stands alone later in the
// clause, not as a preposition: followed by a preposition, a comma or the end
// ("stelt sancties in tegen Iran"), not by a noun phrase ("stelt in een brief").
func (w *work) strandedParticle(i, end int, part string) bool {
	for k := i + 1; k < end && k < i+12; k++ {
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

// isSpeechCue reports whether token t is a speech verb with no particle.
func (w *work) isSpeechCue(t int) bool {
	f, ok := w.lx.cues[w.low[t]]
	return ok && field(f, 0, "") == "speech" && field(f, 2, "") == ""
}
