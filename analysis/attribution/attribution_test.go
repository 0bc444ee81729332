package attribution

import (
	"bytes"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// corpus is a tiny synthetic training set: "NAME said that WORDS ." and
// '" WORDS , " NAME said .' in a few variants.
func corpus() []Example {
	names := []string{"Smith", "Jones", "Brown", "Taylor"}
	bodies := [][]string{{"taxes", "will", "rise"}, {"the", "plan", "failed"}, {"we", "won"}}
	var out []Example
	for i, n := range names {
		for j, b := range bodies {
			if (i+j)%2 == 0 {
				toks := []Token{{Word: n, Entity: "PER", Flags: Capitalised}, {Word: "said", Flags: CueWord}, {Word: "that", Flags: Complementizer}}
				gold := []Label{BSource, BCue, BContent}
				for k, w := range b {
					toks = append(toks, Token{Word: w})
					if k == 0 {
						gold[2] = BContent
					}
					gold = append(gold, IContent)
				}
				toks = append(toks, Token{Word: "."})
				gold = append(gold, O)
				out = append(out, Example{Tokens: toks, Gold: gold, Flags: ParagraphStart})
				continue
			}
			toks := []Token{{Word: "“", Flags: QuoteMark}}
			gold := []Label{BContent}
			for _, w := range b {
				toks = append(toks, Token{Word: w, Flags: Quoted})
				gold = append(gold, IContent)
			}
			toks = append(toks, Token{Word: ",", Flags: Quoted}, Token{Word: "”", Flags: QuoteMark},
				Token{Word: n, Entity: "PER", Flags: Capitalised}, Token{Word: "said", Flags: CueWord}, Token{Word: "."})
			gold = append(gold, IContent, IContent, BSource, BCue, O)
			out = append(out, Example{Tokens: toks, Gold: gold})
		}
	}
	return out
}

func encode(t *testing.T, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTrainIsDeterministic(t *testing.T) {
	opt := TrainOptions{Epochs: 5, Seed: 7}
	m1, err := Train(corpus(), opt)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Train(corpus(), opt)
	if err != nil {
		t.Fatal(err)
	}
	a, b := encode(t, m1), encode(t, m2)
	if !bytes.Equal(a, b) {
		t.Fatalf("two trainings on the same data gave different models (%d and %d bytes)", len(a), len(b))
	}
	m3, err := Train(corpus(), TrainOptions{Epochs: 5, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	if m3.Rows() == 0 {
		t.Fatal("a model trained with another seed has no weights")
	}
}

func TestTrainLearnsAndRoundTrips(t *testing.T) {
	exs := corpus()
	m, err := Train(exs, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(encode(t, m))
	if err != nil {
		t.Fatal(err)
	}
	// A new sentence of a known shape with an unseen name and content.
	toks := []Token{{Word: "Miller", Entity: "PER", Flags: Capitalised}, {Word: "said", Flags: CueWord},
		{Word: "that", Flags: Complementizer}, {Word: "taxes"}, {Word: "failed"}, {Word: "."}}
	got := loaded.NewTagger().Tag(toks, ParagraphStart, nil)
	want := []Label{BSource, BCue, BContent, IContent, IContent, O}
	if !slices.Equal(got, want) {
		t.Errorf("Tag = %v, want %v", got, want)
	}
	f := Evaluate(loaded, exs)
	for r := Source; r <= Content; r++ {
		if f[r][2] < 0.99 {
			t.Errorf("role %d: F1 %.2f on the training data, want 1", r, f[r][2])
		}
	}
}

func TestLoadRejectsBadData(t *testing.T) {
	m, err := Train(corpus(), TrainOptions{Epochs: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	good := encode(t, m)
	for name, data := range map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("XXXX"), good[4:]...),
		"truncated": good[:len(good)/2],
		"flipped":   append(append([]byte{}, good[:10]...), append([]byte{good[10] ^ 0xff}, good[11:]...)...),
	} {
		if _, err := Load(data); err == nil {
			t.Errorf("%s: Load accepted bad data", name)
		} else if !strings.Contains(err.Error(), "attribution model") {
			t.Errorf("%s: error %q does not say what failed", name, err)
		}
	}
}

func TestSpans(t *testing.T) {
	got := Spans([]Label{BSource, ISource, BCue, O, ICue, BContent, BContent, IContent})
	want := []Span{{0, 2, Source}, {2, 3, Cue}, {4, 5, Cue}, {5, 6, Content}, {6, 8, Content}}
	if !slices.Equal(got, want) {
		t.Fatalf("Spans = %v, want %v", got, want)
	}
}

// shippedModel loads the committed English model and returns it with its bytes.
func shippedModel(t *testing.T) (*Model, []byte) {
	t.Helper()
	data, err := os.ReadFile("model/en-attribution.bin")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	return m, data
}

// TestShippedModelRoundTrips decodes the committed model and encodes it
// again: the bytes must be the same, which checks the decoder (whose
// one-byte fast path is separate from the general case) on real weights.
func TestShippedModelRoundTrips(t *testing.T) {
	m, data := shippedModel(t)
	if got := encode(t, m); !bytes.Equal(got, data) {
		t.Errorf("re-encoding the shipped model gives %d different bytes", len(got))
	}
}

// TestStackedModel trains a two-stage model: it is deterministic, it labels
// the corpus as well as one stage does, it survives encoding, and a corrupt
// stacked file is refused.
func TestStackedModel(t *testing.T) {
	exs := corpus()
	opt := TrainOptions{Epochs: 10, Seed: 1, Stack: 3}
	m, err := Train(exs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if m.next == nil {
		t.Fatal("Stack 3 trained no second stage")
	}
	again, err := Train(exs, opt)
	if err != nil {
		t.Fatal(err)
	}
	data := encode(t, m)
	if !bytes.Equal(data, encode(t, again)) {
		t.Fatal("two stacked trainings on the same data gave different models")
	}
	if string(data[:len(stackedMagic)]) != stackedMagic {
		t.Fatalf("a stacked model starts with %q", data[:4])
	}
	loaded, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.next == nil || loaded.Rows() != m.Rows() {
		t.Fatalf("the loaded model has %d rows (second stage %v), want %d", loaded.Rows(), loaded.next != nil, m.Rows())
	}
	if got := encode(t, loaded); !bytes.Equal(got, data) {
		t.Error("re-encoding a loaded stacked model gives other bytes")
	}
	f := Evaluate(loaded, exs)
	for r := Source; r <= Content; r++ {
		if f[r][2] < 0.99 {
			t.Errorf("role %d: F1 %.2f on the training data, want 1", r, f[r][2])
		}
	}
	for name, bad := range map[string][]byte{
		"truncated": data[:len(data)/2],
		"flipped":   append(append([]byte{}, data[:20]...), append([]byte{data[20] ^ 0xff}, data[21:]...)...),
		"no stages": append([]byte(stackedMagic), 0, 0, 0, 0),
	} {
		if _, err := Load(bad); err == nil {
			t.Errorf("%s: Load accepted a bad stacked model", name)
		}
	}
}

// TestJointFindsEveryRow builds the joint table of two stages whose keys
// overlap in part, word features (wordKey) and others mixed, and looks each
// key up: it finds both stages' weights (a stage without the key has zero
// weights), and finds nothing for a key neither has, be it another word, a
// missing slot of a known word, or another feature.
func TestJointFindsEveryRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	weights := map[uint32][2]int8{} // key → weight of label 1 in each stage (0: absent)
	var absent []uint32
	for range 3000 {
		k := rng.Uint32() &^ wordFlag
		if rng.IntN(2) == 0 {
			k = wordKey(rng.Uint32N(numSlots), rng.Uint32())
		}
		if rng.IntN(5) == 0 {
			absent = append(absent, k)
			continue
		}
		var w [2]int8
		for s := range w {
			if rng.IntN(3) != 0 {
				w[s] = int8(rng.IntN(255)-127) | 1 // never 0
			}
		}
		if w != [2]int8{} {
			weights[k] = w
		}
	}
	// A known word's missing slot.
	for k := range weights {
		if k&wordFlag != 0 {
			if slot := k & (1<<slotBits - 1); slot != 0 {
				if _, ok := weights[k-slot]; !ok {
					absent = append(absent, k-slot)
				}
			}
		}
	}
	stages := [2]*Model{{}, {}}
	for _, k := range slices.Sorted(maps.Keys(weights)) {
		for s, m := range stages {
			if weights[k][s] != 0 {
				m.keys = append(m.keys, k)
				var row [numLabels]int8
				row[1] = weights[k][s]
				m.w = append(m.w, row[:]...)
			}
		}
	}
	stages[0].build()
	stages[1].build()
	stages[0].next = stages[1]
	stages[0].link()
	j := stages[0].joint
	for k, w := range weights {
		r := j.row(k)
		if r == nil {
			t.Fatalf("key %#x: no row", k)
		}
		for s := range w {
			if got := int8(int(r[s][1]) - 128); got != w[s] || r[s][inUse] != 1 {
				t.Fatalf("key %#x stage %d: weight %d (in use %d), want %d", k, s, got, r[s][inUse], w[s])
			}
		}
	}
	for _, k := range absent {
		if _, ok := weights[k]; !ok && j.row(k) != nil {
			t.Fatalf("key %#x: a row for a key no stage has", k)
		}
	}
}

// TestAddHistory: the history features' weights that decode adds from
// labelRows are those of the keys history lists, for every label before,
// set of roles seen, quote state and distance from a cue, with the shipped
// model and words it has rows for and words it has not.
func TestAddHistory(t *testing.T) {
	m, _ := shippedModel(t)
	j := m.joint
	var keys []uint32
	nonzero := 0
	for _, word := range []string{"said", "the", "according", "zzyzx"} {
		for quote := range uint32(numQuotes) {
			inf := tokenInfo{low: hashString(1, word), quote: quote}
			for prev := range numLabels {
				for prev2 := range numLabels {
					for seen := range uint32(numSeen) {
						for _, cueEnd := range []int{-1, 0, 2, 5, 40} {
							for half := range 2 {
								var want, got sums
								keys = history(keys[:0], inf, prev, prev2, seen, cueEnd, 5)
								for _, k := range keys {
									if r := j.row(k); r != nil {
										want.add(&r[half])
									}
								}
								j.addHistory(&got, half, inf, prev, prev2, seen, cueEnd, 5)
								if got.scores() != want.scores() {
									t.Fatalf("%q quote %d prev %v prev2 %v seen %b cue end %d stage %d: %v, want %v",
										word, quote, prev, prev2, seen, cueEnd, half, got.scores(), want.scores())
								}
								if want.scores() != [numLabels]int32{} {
									nonzero++
								}
							}
						}
					}
				}
			}
		}
	}
	if nonzero == 0 {
		t.Fatal("every history summed to zero: the test compares nothing")
	}
}
