package ner

import (
	"reflect"
	"strings"
	"testing"
)

const conllSample = `-DOCSTART- -DOCSTART- O
De Art O
Amerikaanse Adj B-MISC
president N O
Joe N B-PER
Biden N I-PER
sprak V O
. Punc O

-DOCSTART- -DOCSTART- O
Volgens Prep O
het Art O
Witte Adj B-ORG
Huis N I-ORG
Moskou N B-LOC
`

func TestReadCoNLL(t *testing.T) {
	sents, err := ReadCoNLL(strings.NewReader(conllSample))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: strings.Fields("De Amerikaanse president Joe Biden sprak ."),
			Chunks: []Chunk{{1, 2, "MISC"}, {3, 5, "PER"}}},
		{Words: strings.Fields("Volgens het Witte Huis Moskou"),
			Chunks: []Chunk{{2, 4, "ORG"}, {4, 5, "LOC"}}},
	}
	if !reflect.DeepEqual(sents, want) {
		t.Errorf("ReadCoNLL = %+v; want %+v", sents, want)
	}
	if _, err := ReadCoNLL(strings.NewReader("woord\n")); err == nil {
		t.Errorf("ReadCoNLL(a line without a tag) succeeded; want an error")
	}
}

func TestChunksFromIOB(t *testing.T) {
	for _, c := range []struct {
		tags string
		want []Chunk
	}{
		{"O O", nil},
		{"B-PER I-PER O B-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"I-PER I-PER B-PER", []Chunk{{0, 2, "PER"}, {2, 3, "PER"}}}, // IOB1
		{"B-PER I-ORG", []Chunk{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"B-MISC", []Chunk{{0, 1, "MISC"}}},
	} {
		if got := chunksFromIOB(strings.Fields(c.tags)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("chunksFromIOB(%s) = %v; want %v", c.tags, got, c.want)
		}
	}
}

func TestScores(t *testing.T) {
	s := Scores{Gold: map[string]int{}, Predicted: map[string]int{}, Correct: map[string]int{}}
	s.Add([]Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}, []Chunk{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "LOC"}})
	p, r, f := s.F1("")
	if p != 1.0/3 || r != 0.5 || f != 0.4 {
		t.Errorf("F1 = %v %v %v; want 1/3 0.5 0.4", p, r, f)
	}
	if _, _, f := s.F1("PER"); f != 1 {
		t.Errorf("F1(PER) = %v; want 1", f)
	}
	if _, _, f := s.F1("MISC"); f != 0 {
		t.Errorf("F1(MISC) = %v; want 0", f)
	}
	if out := s.String(); !strings.Contains(out, "all   gold     2  predicted     3") {
		t.Errorf("String() =\n%s", out)
	}
}
