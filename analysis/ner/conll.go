package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is a tokenised sentence with its entities, as read from CoNLL
// data: the training and evaluation unit.
type Sentence struct {
	Words  []string
	Chunks []Chunk
}

// ReadCoNLL reads CoNLL-2002 style data from r: one "word ... tag" line per
// token (the tag, in IOB1 or IOB2, is the last column; other columns are
// ignored), blank lines between sentences and "-DOCSTART-" lines between
// documents, which are skipped.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, Sentence{Words: words, Chunks: chunksFromIOB(tags)})
		}
		words, tags = nil, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flush()
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("reading CoNLL data: line %d: want a word and a tag, got %q", line, sc.Text())
		}
		words = append(words, f[0])
		tags = append(tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading CoNLL data: %w", err)
	}
	flush()
	return out, nil
}

// chunksFromIOB turns IOB1 or IOB2 tags ("B-PER", "I-PER", "O") into chunks.
func chunksFromIOB(tags []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	for i, t := range tags {
		kind, tt := byte('O'), ""
		if len(t) > 2 && t[1] == '-' {
			kind, tt = t[0], t[2:]
		}
		if open >= 0 && (kind == 'O' || kind == 'B' || tt != typ) {
			out = append(out, Chunk{Start: open, End: i, Type: typ})
			open = -1
		}
		if kind != 'O' && open < 0 {
			open, typ = i, tt
		}
	}
	if open >= 0 {
		out = append(out, Chunk{Start: open, End: len(tags), Type: typ})
	}
	return out
}

// Scores counts exact-match entities (span and type) per entity type.
type Scores struct {
	Gold, Predicted, Correct map[string]int
}

// Evaluate tags every sentence with t and counts, per type, the gold,
// predicted and correct entities, CoNLL style: an entity is correct when its
// span and type both match.
func Evaluate(t *Tagger, sents []Sentence, lang string) Scores {
	s := Scores{Gold: map[string]int{}, Predicted: map[string]int{}, Correct: map[string]int{}}
	for _, sent := range sents {
		s.Add(sent.Chunks, t.Chunks(sent.Words, lang))
	}
	return s
}

// Add counts one sentence's gold and predicted chunks.
func (s Scores) Add(gold, pred []Chunk) {
	want := map[Chunk]bool{}
	for _, c := range gold {
		want[c] = true
		s.Gold[c.Type]++
	}
	for _, c := range pred {
		s.Predicted[c.Type]++
		if want[c] {
			s.Correct[c.Type]++
		}
	}
}

// F1 returns precision, recall and F1 for one type, or for all types when
// typ is "".
func (s Scores) F1(typ string) (p, r, f float64) {
	sum := func(m map[string]int) int {
		if typ != "" {
			return m[typ]
		}
		n := 0
		for _, v := range m {
			n += v
		}
		return n
	}
	c, np, ng := sum(s.Correct), sum(s.Predicted), sum(s.Gold)
	if np > 0 {
		p = float64(c) / float64(np)
	}
	if ng > 0 {
		r = float64(c) / float64(ng)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// String formats the scores as one line per type and a total line.
func (s Scores) String() string {
	var b strings.Builder
	for _, t := range []string{"PER", "ORG", "LOC", "MISC", ""} {
		p, r, f := s.F1(t)
		name, ng, np := t, s.Gold[t], s.Predicted[t]
		if t == "" {
			name, ng, np = "all", 0, 0
			for _, v := range s.Gold {
				ng += v
			}
			for _, v := range s.Predicted {
				np += v
			}
		}
		fmt.Fprintf(&b, "%-5s gold %5d  predicted %5d  P %.3f  R %.3f  F1 %.3f\n", name, ng, np, p, r, f)
	}
	return b.String()
}
