package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// toyCorpus is a small training set in which names follow "meneer" and
// places follow "in".
func toyCorpus() []Sentence {
	var out []Sentence
	names := []string{"Jansen", "Peeters", "Smeets", "Wouters", "Claes", "Maes"}
	places := []string{"Gent", "Brugge", "Leuven", "Aalst", "Mechelen", "Hasselt"}
	for i := range 60 {
		n, p := names[i%len(names)], places[(i/2)%len(places)]
		out = append(out, Sentence{
			Words:  strings.Fields("gisteren zag meneer " + n + " de zee in " + p + " ."),
			Chunks: []Chunk{{3, 4, "PER"}, {7, 8, "LOC"}},
		})
	}
	return out
}

func TestTrain(t *testing.T) {
	sents := toyCorpus()
	opt := TrainOptions{Epochs: 3, Seed: 7, Runs: 2}
	epochs := 0
	opt.Epoch = func(run, epoch int, t *Tagger) { epochs++ }
	a, err := Train(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	if epochs != 6 {
		t.Errorf("Epoch called %d times; want 6", epochs)
	}
	b, err := Train(sents, opt)
	if err != nil {
		t.Fatal(err)
	}
	var ba, bb bytes.Buffer
	a.WriteTo(&ba)
	b.WriteTo(&bb)
	if !bytes.Equal(ba.Bytes(), bb.Bytes()) {
		t.Errorf("two trainings with the same seed gave different models")
	}
	words := strings.Fields("gisteren zag meneer Vermeulen de zee in Gent .")
	got := a.Chunks(words, "nl")
	want := []Chunk{{3, 4, "PER"}, {7, 8, "LOC"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("toy model: Chunks(%q) = %v; want %v", words, got, want)
	}
	// The model survives the round trip.
	c, err := Load(bytes.NewReader(ba.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Chunks(words, "nl"); !reflect.DeepEqual(got, want) {
		t.Errorf("reloaded toy model: Chunks = %v; want %v", got, want)
	}
}

func TestTrainOptions(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Errorf("Train(no sentences) succeeded; want an error")
	}
	if _, err := Train(toyCorpus(), TrainOptions{Scheme: "IOBES"}); err == nil {
		t.Errorf("Train(unknown scheme) succeeded; want an error")
	}
	iob, err := Train(toyCorpus(), TrainOptions{Epochs: 2, Scheme: "IOB2", MinCount: 2, Prune: 0.01, Levels: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(iob.m.tags) != 9 {
		t.Errorf("IOB2 model has %d tags; want 9", len(iob.m.tags))
	}
}

func TestEncodeTags(t *testing.T) {
	chunks := []Chunk{{0, 1, "PER"}, {2, 5, "ORG"}}
	for _, c := range []struct {
		scheme, want string
	}{
		{"BILOU", "U-PER O B-ORG I-ORG L-ORG"},
		{"IOB2", "B-PER O B-ORG I-ORG I-ORG"},
	} {
		tags := schemeTags(c.scheme)
		var got []string
		for _, i := range encodeTags(tags, 5, chunks) {
			got = append(got, tags[i])
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("encodeTags(%s) = %v; want %s", c.scheme, got, c.want)
		}
	}
}
