package analysis

import (
	"fmt"
	"strings"
)

// This file conjugates the cue verbs of the lexicon: every lemma of
// lexicon/<lang>/cues.txt becomes its inflected forms by the regular rules of
// the language, with the irregular principal parts read from
// lexicon/<lang>/irregular-verbs.txt. The rules' parameters (prefixes,
// voiceless consonants, the participle prefix) are data in the language's
// morphology.txt; syntax.txt names which rule set the language uses.

// A verbForm is one inflected form of a cue verb.
type verbForm struct {
	form string
	// split is set on a separable verb's finite main-clause forms: the
	// particle stands apart, later in the clause ("gaf ... toe").
	split bool
	// finite is set on present and past forms (not on infinitives and participles).
	finite bool
	// participle is set on past participles ("gezegd", "said").
	participle bool
	// number is "sg" or "pl" for a finite form that shows its subject's
	// number ("kondigde", "kondigden"), else "".
	number string
}

// Subject numbers a finite verb form may show.
const (
	singular = "sg"
	plural   = "pl"
)

// principalParts are an irregular verb's forms as a table lists them.
type principalParts struct {
	pastSingular, pastPlural, participle string
	// present3 is the third person singular present when it is irregular
	// ("wil", "kan"); empty when regular.
	present3 string
}

// morphology holds the data the conjugators need.
type morphology struct {
	conjugation string // "dutch", "english" or "" (no conjugator: cues list their forms)
	irregular   map[string]principalParts
	// inseparablePrefixes take no participle prefix ("beweerd", "verklaard").
	inseparablePrefixes []string
	participlePrefix    string   // "ge"
	voiceless           []string // 't kofschip: a stem ending in one takes -te / -t
	devoice             map[string]string
	// doubleVowels are the vowels written double in a closed syllable ("verklaren" → "verklaar").
	doubleVowels string
}

// conjugate returns every form of cue c, each once.
func (m *morphology) conjugate(c *cue) ([]verbForm, error) {
	var forms []verbForm
	switch m.conjugation {
	case "dutch":
		forms = m.dutch(c)
	case "english":
		forms = m.english(c)
	case "":
		forms = []verbForm{{form: c.Base, finite: true}}
	default:
		return nil, fmt.Errorf("unknown conjugation %q", m.conjugation)
	}
	for _, f := range c.Forms {
		forms = append(forms, verbForm{form: f, finite: true, split: c.Separable})
	}
	seen := map[verbForm]bool{}
	out := forms[:0]
	for _, f := range forms {
		if f.form == "" || seen[f] || c.omits(f.form) {
			continue
		}
		seen[f] = true
		out = append(out, f)
	}
	return out, nil
}

// omits reports whether the lexicon leaves a form out (a noun more often than a verb).
func (c *cue) omits(form string) bool {
	for _, o := range c.Omit {
		if o == form {
			return true
		}
	}
	return false
}

// irregularBase finds the irregular verb that base is, or that it is built
// from with an inseparable prefix ("verwijten" from "wijten"), and returns
// its parts with that prefix.
func (m *morphology) irregularBase(base string) (principalParts, string, bool) {
	if p, ok := m.irregular[base]; ok {
		return p, "", true
	}
	for _, pre := range m.inseparablePrefixes {
		if rest, ok := strings.CutPrefix(base, pre); ok && len(rest) > 2 {
			if p, ok := m.irregular[rest]; ok {
				return p, pre, true
			}
		}
	}
	return principalParts{}, "", false
}

// hasInseparablePrefix reports whether a Dutch verb starts with a prefix
// that takes no "ge-" in the participle.
func (m *morphology) hasInseparablePrefix(base string) bool {
	for _, pre := range m.inseparablePrefixes {
		if strings.HasPrefix(base, pre) && len(base) > len(pre)+3 {
			return true
		}
	}
	return false
}

const vowels = "aeiouy"

func isVowel(b byte) bool { return strings.IndexByte(vowels, b) >= 0 }

// vowelGroups counts the runs of vowel letters in s (a rough syllable count).
func vowelGroups(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) && (i == 0 || !isVowel(s[i-1])) {
			n++
		}
	}
	return n
}

// dutchStem returns the stem of a regular Dutch infinitive and whether its
// past takes -te ('t kofschip): "zeggen" → "zeg", "verklaren" → "verklaar",
// "geloven" → "geloof" (-de), "menen" → "meen", "concluderen" → "concludeer".
func (m *morphology) dutchStem(c *cue) (stem string, voiceless bool) {
	inf := c.Base
	s, ok := strings.CutSuffix(inf, "en")
	if !ok {
		s = strings.TrimSuffix(inf, "n")
	}
	n := len(s)
	if c.Stem != "" {
		s = c.Stem
	} else if n >= 2 && s[n-1] == s[n-2] && !isVowel(s[n-1]) {
		s = s[:n-1] // "zeggen" → "zeg": a closed syllable
	} else if n >= 2 && !isVowel(s[n-1]) && s[n-1] != 'w' && isVowel(s[n-2]) && (n < 3 || !isVowel(s[n-3])) &&
		strings.IndexByte(m.doubleVowels, s[n-2]) >= 0 && m.stressedOpen(s) {
		s = s[:n-1] + s[n-2:n-1] + s[n-1:] // an open syllable: "verklaren" → "verklaar"
	}
	last := s[len(s)-1:]
	for _, v := range m.voiceless {
		if strings.HasSuffix(s, v) {
			voiceless = true
		}
	}
	if d, ok := m.devoice[last]; ok {
		s = s[:len(s)-1] + d // "geloven" → "geloof", voiced past "geloofde"
	}
	return s, voiceless
}

// stressedOpen reports whether the last vowel of a stem with an open
// syllable is written double: always for a, o and u; for e only when it
// carries the stress, which it does when it is the only syllable after the
// prefixes ("menen", "beweren") or in the Romance -eren verbs of three or
// more syllables ("concluderen"), not in native ones ("weigeren", "opperen").
// A "uw" or "ouw" ends in w and is never doubled ("waarschuwen").
func (m *morphology) stressedOpen(s string) bool {
	if s[len(s)-2] != 'e' {
		return true
	}
	core := s
	for _, pre := range m.inseparablePrefixes {
		if rest, ok := strings.CutPrefix(core, pre); ok && vowelGroups(rest) >= 1 {
			core = rest
			break
		}
	}
	if vowelGroups(core) == 1 {
		return true
	}
	return strings.HasSuffix(s, "er") && vowelGroups(core) >= 3
}

// dutch conjugates a Dutch verb: present (stem, stem+t, infinitive), past
// and participle, from the irregular table or by the weak rules.
func (m *morphology) dutch(c *cue) []verbForm {
	base, part := c.Base, c.Particle
	var present1, present3, pastSg, pastPl, participle string
	present1, voiceless := m.dutchStem(c)
	present3 = present1 + "t"
	if strings.HasSuffix(present1, "t") {
		present3 = present1
	}
	if p, prefix, ok := m.irregularBase(base); ok {
		pastSg, pastPl = prefix+p.pastSingular, prefix+p.pastPlural
		participle = p.participle
		if prefix != "" {
			participle = prefix + strings.TrimPrefix(participle, m.participlePrefix)
		}
		if p.present3 != "" {
			present3 = prefix + p.present3
			present1 = present3
		}
	} else {
		suffix, end := "de", "d"
		if voiceless {
			suffix, end = "te", "t"
		}
		pastSg = present1 + suffix
		pastPl = pastSg + "n"
		participle = present1
		if !strings.HasSuffix(present1, "t") && !strings.HasSuffix(present1, "d") {
			participle += end
		}
		if !m.hasInseparablePrefix(base) {
			participle = m.withParticiplePrefix(participle)
		}
	}
	// 1sg is left out unless it equals 3sg ("verwacht"): other bare stems
	// are mostly nouns ("vraag", "eis").
	finite := []struct{ form, number string }{{present3, singular}, {base, plural}, {pastSg, singular}, {pastPl, plural}}
	var out []verbForm
	if c.Separable {
		for _, f := range finite {
			out = append(out, verbForm{form: f.form, split: true, finite: true, number: f.number})
			out = append(out, verbForm{form: part + f.form, finite: true, number: f.number}) // subordinate clause: "dat hij toegaf"
		}
		out = append(out, verbForm{form: part + base}, verbForm{form: part + participle, participle: true})
		return out
	}
	for _, f := range finite {
		out = append(out, verbForm{form: f.form, finite: true, number: f.number})
	}
	return append(out, verbForm{form: base}, verbForm{form: participle, participle: true})
}

// withParticiplePrefix puts the participle prefix before a stem form,
// with a diaeresis where two vowels would merge ("geëist", "geïnformeerd").
func (m *morphology) withParticiplePrefix(s string) string {
	pre := m.participlePrefix
	if pre == "" || s == "" {
		return pre + s
	}
	if strings.HasSuffix(pre, "e") {
		switch s[0] {
		case 'e':
			return pre + "ë" + s[1:]
		case 'i':
			if strings.HasPrefix(s, "ij") {
				return pre + s // "geijverd": ij is one letter
			}
			return pre + "ï" + s[1:]
		}
	}
	return pre + s
}

// english conjugates an English verb: base, -s, past and participle (from
// the irregular table or -ed), and the -ing form when the lexicon asks.
func (m *morphology) english(c *cue) []verbForm {
	base := c.Base
	third := englishThird(base)
	past, participle := englishPast(base, c.Double), ""
	if p, ok := m.irregular[base]; ok {
		past, participle = p.pastSingular, p.participle
		if p.present3 != "" {
			third = p.present3
		}
	}
	out := []verbForm{{form: base, finite: true}, {form: third, finite: true}, {form: past, finite: true, participle: participle == "" || participle == past}}
	if participle != "" && participle != past {
		out = append(out, verbForm{form: participle, participle: true})
	}
	if c.ING {
		out = append(out, verbForm{form: englishING(base, c.Double)})
	}
	return out
}

// englishThird is the third person singular: "says", "pushes", "denies".
func englishThird(base string) string {
	n := len(base)
	switch {
	case strings.HasSuffix(base, "y") && n > 1 && !isVowel(base[n-2]):
		return base[:n-1] + "ies"
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z") ||
		strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "o"):
		return base + "es"
	}
	return base + "s"
}

// englishDoubles reports whether a verb doubles its last consonant before
// -ed and -ing: one syllable ending in one vowel and one consonant ("plan",
// "slam"), or a lexicon mark for a stressed last syllable ("admit").
func englishDoubles(base string, marked bool) bool {
	n := len(base)
	if n < 3 || isVowel(base[n-1]) || strings.IndexByte("wxy", base[n-1]) >= 0 || !isVowel(base[n-2]) {
		return false
	}
	if isVowel(base[n-3]) && !(base[n-3] == 'u' && n >= 4 && base[n-4] == 'q') { // "qu" is a consonant: "quipped"
		return false
	}
	return marked || vowelGroups(base) == 1
}

// englishPast is the regular past: "said" aside, "warned", "hoped", "denied", "planned".
func englishPast(base string, double bool) string {
	n := len(base)
	switch {
	case strings.HasSuffix(base, "e"):
		return base + "d"
	case strings.HasSuffix(base, "y") && n > 1 && !isVowel(base[n-2]):
		return base[:n-1] + "ied"
	case englishDoubles(base, double):
		return base + base[n-1:] + "ed"
	}
	return base + "ed"
}

// englishING is the present participle: "saying", "hoping", "planning", "agreeing".
func englishING(base string, double bool) string {
	n := len(base)
	switch {
	case strings.HasSuffix(base, "ie"):
		return base[:n-2] + "ying"
	case strings.HasSuffix(base, "e") && !strings.HasSuffix(base, "ee") && !strings.HasSuffix(base, "ye") && !strings.HasSuffix(base, "oe"):
		return base[:n-1] + "ing"
	case englishDoubles(base, double):
		return base + base[n-1:] + "ing"
	}
	return base + "ing"
}
