package analysis

import (
	"sort"

	"github.com/article-explorer/explorer/analysis/ner"
)

// chunker tags one sentence's words with entity chunks. It is the embedded
// statistical tagger; tests may replace it.
var chunker = func(words []string, lang string) ([]ner.Chunk, error) {
	t, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return t.Chunks(words, lang), nil
}

// tagEntities runs the named-entity tagger over every sentence and fills
// d.Entities, and w.entOf (the entity each token belongs to, or -1).
func tagEntities(w *work) error {
	d := w.d
	words := make([]string, 0, 64)
	for _, s := range d.Sentences {
		words = words[:0]
		for t := s.FirstToken; t < s.EndToken; t++ {
			words = append(words, d.Slice(d.Tokens[t].Span))
		}
		chunks, err := chunker(words, d.Language)
		if err != nil {
			return err
		}
		for _, c := range chunks {
			if c.Start < 0 || c.End > len(words) || c.Start >= c.End {
				continue
			}
			a, b := s.FirstToken+c.Start, s.FirstToken+c.End
			idx := len(d.Entities)
			d.Entities = append(d.Entities, Entity{Span: Span{d.Tokens[a].Start, d.Tokens[b-1].End}, Type: c.Type})
			for t := a; t < b; t++ {
				w.entOf[t] = int32(idx)
			}
		}
	}
	return nil
}

// addSpeakerNames tags a capitalised word that the tagger left out as a
// person when it stands right before a speech verb ("Melanie said") or right
// after one that follows a quote or comma ('", said Caddell.').
func addSpeakerNames(w *work) {
	d := w.d
	added := false
	for _, s := range d.Sentences {
		for t := s.FirstToken; t < s.EndToken; t++ {
			if w.entOf[t] >= 0 || w.quoted[t] || !w.lx.capitalNames || !isCapitalised(w.text(t)) || !isWordToken(w.text(t)) {
				continue
			}
			l := w.low[t]
			if w.lx.functionWords.has(l) || w.lx.adverbs.has(l) || w.lx.pronouns.has(l) || w.lx.determiners.has(l) ||
				w.lx.cues.has(l) || w.lx.nonActors.has(l) || w.lx.prepositions.has(l) || isAllCaps(w.text(t)) && len(l) > 5 {
				continue
			}
			if t == s.FirstToken && !ner.Surname(w.text(t)) && !ner.GivenName(w.text(t)) {
				continue // a capital at the sentence start says nothing ("Niettemin roemt hij")
			}
			before := t+1 < s.EndToken && w.isSpeechCue(t+1)
			after := t-1 > s.FirstToken && w.isSpeechCue(t-1) && w.isBreak(t-2) &&
				(t+1 >= s.EndToken || w.endsClause(t+1, s.EndToken))
			if !before && !after {
				continue
			}
			w.entOf[t] = int32(len(d.Entities))
			d.Entities = append(d.Entities, Entity{Span: d.Tokens[t].Span, Type: PER})
			added = true
		}
	}
	if added {
		w.sortEntities()
	}
}

// sortEntities puts d.Entities back in text order and renumbers w.entOf.
func (w *work) sortEntities() {
	d := w.d
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	for i := range w.entOf {
		w.entOf[i] = -1
	}
	t := 0
	for e, ent := range d.Entities {
		for t < len(d.Tokens) && d.Tokens[t].Start < ent.Start {
			t++
		}
		for k := t; k < len(d.Tokens) && d.Tokens[k].End <= ent.End; k++ {
			w.entOf[k] = int32(e)
		}
	}
}

// repairEntities fixes two tagger slips around role nouns: a title swallowed
// into a name ("Kamerlid Fleur Agema" as one entity) is cut off and the rest
// is a person; a single capitalised word right after a person's role
// ("minister Blok", "premier Rutte") is a person, whatever type it got.
func repairEntities(w *work) {
	d := w.d
	changed := false
	for e := range d.Entities {
		a, b := w.tokenRange(d.Entities[e].Span)
		if a >= b {
			continue
		}
		if b-a >= 3 && w.isTitle(a) && isCapitalised(w.text(a+1)) {
			d.Entities[e].Span = w.span(a+1, b)
			d.Entities[e].Type = PER
			w.entOf[a] = -1
			changed = true
			continue
		}
		if b-a == 1 && d.Entities[e].Type != PER && a > 0 && w.entOf[a-1] < 0 && !isAllCaps(w.text(a)) {
			if t, ok := w.roleType(w.low[a-1]); ok && t == Person && !w.lx.cues.has(w.low[a-1]) {
				d.Entities[e].Type = PER
			}
		}
	}
	if changed {
		w.sortEntities()
	}
}
