package ner

import (
	"reflect"
	"testing"
)

func TestAllowed(t *testing.T) {
	tags := schemeTags("BILOU")
	idx := map[string]int{}
	for i, tag := range tags {
		idx[tag] = i
	}
	for _, c := range []struct {
		prev, cur string
		want      bool
	}{
		{"", "B-PER", true},
		{"", "I-PER", false},
		{"", "L-PER", false},
		{"", "U-LOC", true},
		{"B-PER", "I-PER", true},
		{"B-PER", "L-PER", true},
		{"B-PER", "L-ORG", false},
		{"B-PER", "O", false},
		{"I-PER", "B-PER", false},
		{"L-PER", "B-PER", true},
		{"U-PER", "I-PER", false},
		{"O", "O", true},
	} {
		p := -1
		if c.prev != "" {
			p = idx[c.prev]
		}
		if got := allowed(tags, p, idx[c.cur]); got != c.want {
			t.Errorf("allowed(%s, %s) = %v; want %v", c.prev, c.cur, got, c.want)
		}
	}
	for _, tag := range []string{"B-PER", "I-ORG"} {
		if allowedEnd(tags, idx[tag]) {
			t.Errorf("allowedEnd(%s) = true; want false", tag)
		}
	}
	iob := schemeTags("IOB2")
	if !allowed(iob, 1, 0) || !allowedEnd(iob, 1) {
		t.Errorf("IOB2: B-PER may be followed by O and end a sentence")
	}
}

// tinyModel builds a BILOU model by hand: the feature "caps" votes for
// U-PER, everything else for O.
func tinyModel(t *testing.T) *linear {
	t.Helper()
	tags := schemeTags("BILOU")
	m := newLinear(tags)
	k := len(tags)
	m.keys = []uint32{featureKey(feat(tFlags, 1))}
	m.w = make([]int8, k)
	m.w[slicesIndex(tags, "U-PER")] = 10
	m.buildTable(m.keys)
	m.trans = make([]int32, (k+1)*k)
	m.final = make([]int32, k)
	for p := -1; p < k; p++ {
		for c := range k {
			if !allowed(tags, p, c) {
				m.trans[(p+1)*k+c] = forbidden
			}
		}
	}
	for c := range k {
		if !allowedEnd(tags, c) {
			m.final[c] = forbidden
		}
	}
	return m
}

func slicesIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestViterbi(t *testing.T) {
	m := tinyModel(t)
	k := len(m.tags)
	n := 4
	emis := make([]int32, n*k)
	for i := range n {
		fs := []uint32{}
		if i == 1 || i == 2 {
			fs = append(fs, feat(tFlags, 1))
		}
		m.emit(fs, emis[i*k:(i+1)*k])
	}
	path := make([]uint8, n)
	m.viterbi(emis, make([]int32, n*k), make([]uint8, n*k), path)
	got := m.appendChunks(nil, path)
	want := []Chunk{{1, 2, "PER"}, {2, 3, "PER"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("viterbi chunks = %v; want %v", got, want)
	}
}

func TestLookup(t *testing.T) {
	m := newLinear(schemeTags("IOB2"))
	keys := []uint32{3, 7, 7 + 64, 1 << 20, 1<<keyBits - 1}
	m.buildTable(keys)
	for i, k := range keys {
		if r := m.lookup(k); r != int32(i) {
			t.Errorf("lookup(%d) = %d; want %d", k, r, i)
		}
	}
	for _, k := range []uint32{0, 4, 8, 1<<keyBits - 2} {
		if r := m.lookup(k); r != noRow {
			t.Errorf("lookup(%d) = %d; want noRow", k, r)
		}
	}
}

func TestAppendChunks(t *testing.T) {
	tags := schemeTags("BILOU")
	m := newLinear(tags)
	idx := func(s string) uint8 { return uint8(slicesIndex(tags, s)) }
	path := []uint8{idx("B-PER"), idx("L-PER"), idx("O"), idx("U-LOC"), idx("U-LOC"), idx("B-ORG"), idx("I-ORG"), idx("L-ORG")}
	want := []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 5, "LOC"}, {5, 8, "ORG"}}
	if got := m.appendChunks(nil, path); !reflect.DeepEqual(got, want) {
		t.Errorf("appendChunks = %v; want %v", got, want)
	}
	if got := m.appendChunks(nil, []uint8{0, 0}); got != nil {
		t.Errorf("appendChunks(O O) = %v; want nil", got)
	}
}

// TestEmitPacked checks that the packed scoring of emit gives exactly the
// sums of the int8 weights, on the embedded model, for feature lists longer
// and shorter than one accumulation chunk.
func TestEmitPacked(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	if m.lanes == 0 {
		t.Fatal("the embedded model is not packed")
	}
	k := len(m.tags)
	fs := make([]uint32, 0, 3*maxLaneAdds)
	for i := range 3 * maxLaneAdds {
		if i%3 == 0 { // a known feature, so that rows are added
			fs = append(fs, m.keys[(i*7919)%len(m.keys)]<<(32-keyBits))
		} else {
			fs = append(fs, uint32(i)*0x9e3779b1)
		}
	}
	for _, n := range []int{0, 1, 40, maxLaneAdds, maxLaneAdds + 1, len(fs)} {
		got, want := make([]int32, k), make([]int32, k)
		m.emit(fs[:n], got)
		m.emitPlain(fs[:n], want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("emit of %d features = %v; want %v", n, got, want)
		}
	}
}

// TestViterbiPrevTrans checks that viterbi with the side-by-side transition
// weights, and with the edges of its fast path, finds exactly the path of
// the plain loop, ties included, on the embedded model.
func TestViterbiPrevTrans(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	if m.prevTrans == nil {
		t.Fatal("the embedded model has no prevTrans")
	}
	if m.edges == nil {
		t.Fatal("the embedded model has no edges")
	}
	side := *m // side by side, without the edges of the fast path
	side.edges, side.edgeStart = nil, nil
	plain := side
	plain.prevTrans = nil
	k := len(m.tags)
	const n = 200
	emis := make([]int32, n*k)
	x := uint32(1)
	for i := range emis {
		x = x*1664525 + 1013904223
		emis[i] = int32(x>>24%8) * 50 // few values, so that scores tie
	}
	dp, back := make([]int32, n*k), make([]uint8, n*k)
	got, want := make([]uint8, n), make([]uint8, n)
	m.viterbi(emis, dp, back, got)
	plain.viterbi(emis, dp, back, want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("viterbi with edges = %v; want %v", got, want)
	}
	side.viterbi(emis, dp, back, got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("viterbi with prevTrans = %v; want %v", got, want)
	}
}
