package ner

import "strings"

// There is no English training data, so English gets a chunker of rules: a
// name is a run of capitalised words (with "of", "de", "van", "&" and the
// like inside it), minus titles and words that are capitalised only because
// they start the sentence. The gazetteers type the runs they know ("White
// House" is an organisation, "Russian" MISC); other runs are typed by their
// words (a known first name, a title before them or "said" after them make
// a person, "Bank" or "Party" at the end an organisation) and, failing that,
// by what the Dutch model, which knows capitalisation and context shapes,
// makes of them.

// English word lists, lower case.
var (
	// enCommon holds words that are capitalised at the start of a sentence
	// or in headlines but are not names.
	enCommon = newWordSet(`a about above according across after afterwards again against ago ahead all almost
		along already also although always am among an and another any anyone anything are around as
		at back be because been before being below between both but by can could did do does doing
		done down during each either else even ever every everyone everything few first for from
		further had has have having he her here hers herself him himself his how however i if in
		inside instead into is it its itself just last later least less let like many may maybe me
		meanwhile might more most much must my myself neither never new next no nobody none nor not
		nothing now of off often on once one only or other others otherwise our ours out over own
		perhaps please rather really same several she should since so some someone something
		sometimes soon still such than that the their theirs them themselves then there therefore
		these they this those though through thus to today together tomorrow too toward towards
		under unless until up upon us very was we well were what whatever when whenever where whereas
		wherever whether which while who whoever whole whom whose why will with within without would
		yesterday yet you your yours yourself yourselves two three four five six seven eight nine ten
		hundred thousand million billion monday tuesday wednesday thursday friday saturday sunday
		january february march april june july august september october november december
		breaking update updated exclusive analysis opinion editorial live watch read more photo
		video report reports reported according said says say told asked added noted week year month
		day time morning evening night`)
	// enTitles holds titles and roles that precede a person's name but are
	// not part of it.
	enTitles = newWordSet(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady
		president vice prime minister secretary senator sen sen. rep rep. representative congressman
		congresswoman governor gov gov. mayor chancellor king queen prince princess pope cardinal
		bishop rabbi imam sheikh general gen gen. admiral colonel col col. captain capt capt. major
		lieutenant lt lt. sergeant sgt sgt. commander chief judge justice attorney ambassador envoy
		spokesman spokeswoman spokesperson chairman chairwoman chair ceo founder director leader
		coach manager deputy former late speaker
		leader candidate nominee adviser advisor aide analyst reporter correspondent editor author
		writer actor actress singer player striker goalkeeper emperor tsar czar dictator premier
		president-elect first lady st st. saint`)
	// enRoles are words that make a title of the title after them ("Foreign
	// Minister", "Defense Secretary").
	enRoles = newWordSet(`foreign defense defence interior finance health justice economy economic trade
		education energy environment transport agriculture home state homeland labor labour culture
		treasury army navy deputy acting chief senior top`)
	// enJoiners may stand inside a name between capitalised words.
	enJoiners = newWordSet(`of de del della der di da do dos du van von la le al bin ibn y & and the`)
	// enOrgJoiners join the words of organisations and places, not of
	// people.
	enOrgJoiners = newWordSet(`of the and &`)
	// enOrgEnds end organisation names.
	enOrgEnds = newWordSet(`inc inc. corp corp. co co. ltd ltd. llc plc group party ministry department
		agency council committee commission bank university college institute association union
		federation foundation army navy force forces times post news journal court parliament
		congress senate assembly office service services company airlines airways club team fc
		church fund organization organisation network press tribune herald gazette magazine
		administration authority board bureau center centre school hospital society trust corporation
		holdings industries motors technologies systems partners alliance front movement coalition
		brigade battalion guard police`)
	// enPlaceEnds end place names.
	enPlaceEnds = newWordSet(`city county province state island islands river lake mountains mountain sea ocean
		bay valley street avenue square district region`)
	// enSpeech are verbs of saying that follow a person's name.
	enSpeech = newWordSet(`said says told added argued asked claimed noted wrote warned tweeted explained
		insisted stated announced`)
)

// hashOf is the hash of "of".
var hashOf = hashLower("of")

// wordSet is a set of words keyed by the hash of their lower-case form
// (wordInfo.lower), so that looking a word up does not allocate.
type wordSet map[uint32]bool

// newWordSet builds a set of the space-separated words of s.
func newWordSet(s string) wordSet {
	m := wordSet{}
	for _, w := range strings.Fields(s) {
		m[hashLower(w)] = true
	}
	return m
}

// gazetteer categories that give an English chunk its type.
const (
	locCats  = 1<<gCountry | 1<<gCapital | 1<<gCity | 1<<gRegion
	orgCats  = 1<<gOrgPublic | 1<<gParty | 1<<gOrgOther
	miscCats = 1<<gAdjective | 1<<gPeople | 1<<gMisc
)

// modelReach is how many words on each side of a run the model tags along
// with the run when it types it (chunksEnglish). Words further away barely
// change the run's tags: with 6, 14 of the 17,658 runs of PolNeAR train
// that the model types get another type than with the whole sentence.
const modelReach = 6

// chunksEnglish tags an English sentence with the rules above.
func (t *Tagger) chunksEnglish(words []string) []Chunk {
	s := t.getScratch(len(words))
	defer t.pool.Put(s)
	// The words are analysed once, for the model's view (s.ws, with the
	// word cache; their model weights only when the model is consulted);
	// the rules read a copy of their own (s.en), whose possessives are
	// changed below. The rules use no lexicon class.
	t.prepareInfo(s, words)
	s.en = append(s.en[:0], s.ws...)
	info := s.en[padding : len(s.en)-padding]
	// Look possessives up without their "'s": "Russia's" is Russia.
	possessive := false
	for j, w := range words {
		if stem, ok := stripPossessive(w); ok {
			info[j].lower = hashLower(stem)
			possessive = true
		}
	}
	if possessive && t.gaz != nil {
		for j := range info {
			info[j].gaz = 0
		}
		t.gaz.mark(info)
	}

	// The Dutch model's view, consulted for runs no rule types: over the
	// run and modelReach words on each side, or over the whole sentence
	// once those windows would together take longer.
	var window, sentence []Chunk
	sentenceDone, spent := false, 0
	modelType := func(start, end int) string {
		a, b := max(start-modelReach, 0), min(end+modelReach, len(words))
		chunks, off := sentence, 0
		if !sentenceDone && spent+b-a < len(words) {
			spent += b - a
			t.sumWords(s, words, a, b)
			window = t.m.appendChunks(window[:0], t.tagRange(s, a, b))
			chunks, off = window, a
		} else if !sentenceDone {
			t.sumWords(s, words, 0, len(words))
			sentence = t.m.appendChunks(nil, t.tagPrepared(s, len(words)))
			chunks, sentenceDone = sentence, true
		}
		for _, c := range chunks {
			if c.Start+off < end && start < c.End+off {
				return c.Type
			}
		}
		return ""
	}

	var out []Chunk
	for i := 0; i < len(words); {
		if !t.nameStart(info, words, i) {
			i++
			continue
		}
		// A gazetteer name starting here wins.
		if end, typ := t.gazetteerSpan(info, words, i); end > i {
			out = append(out, Chunk{Start: i, End: end, Type: typ})
			i = end
			continue
		}
		// A person's name takes "van", "de" or "bin" but not "of" or "and":
		// "Elizabeth Warren of Massachusetts" is two names.
		person := info[i].gaz&(1<<(2*gGiven)) != 0
		end := i + 1
		for end < len(words) {
			if nameWord(info[end]) {
				end++
				continue
			}
			// A joiner followed by a capitalised word continues the name.
			if end+1 < len(words) && enJoiners[info[end].lower] && nameWord(info[end+1]) && !(person && enOrgJoiners[info[end].lower]) {
				end += 2
				continue
			}
			break
		}
		typ := t.typeEnglish(info, words, i, end, modelType)
		if typ != "" {
			out = append(out, Chunk{Start: i, End: end, Type: typ})
		}
		i = end
	}
	return out
}

// stripPossessive returns word without a possessive "'s" or "'".
func stripPossessive(word string) (string, bool) {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if len(word) > len(suf)+1 && strings.HasSuffix(word, suf) {
			return word[:len(word)-len(suf)], true
		}
	}
	return "", false
}

// nameWord reports whether a word can be part of an English name.
func nameWord(w wordInfo) bool {
	return w.flags&flUpper != 0 && !enTitles[w.lower] && !enCommon[w.lower]
}

// nameStart reports whether a name can start at word i: a capitalised word
// that is not a title, nor a common word capitalised only because it starts
// the sentence.
func (t *Tagger) nameStart(info []wordInfo, words []string, i int) bool {
	w := info[i]
	if w.flags&flUpper == 0 {
		return false
	}
	lw := w.lower
	if enTitles[lw] {
		return false
	}
	if enRoles[lw] && i+1 < len(words) && enTitles[info[i+1].lower] {
		return false
	}
	if enCommon[lw] {
		// Common words only start gazetteer names ("New York", "United States").
		end, _ := t.gazetteerSpan(info, words, i)
		return end > i
	}
	return true
}

// gazetteerSpan returns the end and type of the longest gazetteer name of a
// typed category that starts at word i, or i when there is none.
func (t *Tagger) gazetteerSpan(info []wordInfo, words []string, i int) (int, string) {
	g := t.gaz
	if g == nil {
		return i, ""
	}
	best, typ := i, ""
	k := uint64(seqStart)
	for j := i; j < len(words) && j-i < maxGazWords; j++ {
		k = seqKey(k, info[j].lower)
		e, ok := g.seq[k]
		if !ok {
			break
		}
		if e.cats != 0 && e.fits(info[i:j+1], true) && info[i].flags&flUpper != 0 {
			switch {
			case e.cats&orgCats != 0:
				best, typ = j+1, "ORG"
			case e.cats&locCats != 0:
				best, typ = j+1, "LOC"
			case e.cats&miscCats != 0:
				best, typ = j+1, "MISC"
			}
		}
		if !e.prefix {
			break
		}
	}
	return best, typ
}

// typeEnglish gives the run words[start:end] a type, or "" when it is not a
// name after all.
func (t *Tagger) typeEnglish(info []wordInfo, words []string, start, end int, modelType func(int, int) string) string {
	last := info[end-1].lower
	if enOrgEnds[last] {
		return "ORG"
	}
	if enPlaceEnds[last] && end-start > 1 {
		return "LOC"
	}
	for j := start; j < end; j++ {
		if j+1 < end && info[j+1].lower == hashOf && enOrgEnds[info[j].lower] {
			return "ORG" // "Bank of England", "University of Ghent"
		}
	}
	n := end - start
	if n >= 2 && n <= 4 && info[start].gaz&(1<<(2*gGiven)) != 0 {
		return "PER"
	}
	if info[end-1].gaz&(1<<(2*gSurname)) != 0 {
		return "PER"
	}
	if start > 0 && enTitles[info[start-1].lower] {
		return "PER"
	}
	if end < len(words) && enSpeech[info[end].lower] && info[start].flags&flAllUpper == 0 {
		return "PER"
	}
	if n == 1 && info[start].flags&flAllUpper != 0 && info[start].runes >= 2 {
		return "ORG" // an acronym
	}
	if typ := modelType(start, end); typ != "" {
		return typ
	}
	if start == 0 || opensQuote(words[start-1]) {
		// A capitalised first word that no rule or model calls a name.
		return ""
	}
	if n >= 2 {
		return "PER"
	}
	return "MISC"
}
