package ner

import (
	"math"
	"strings"
)

// A linear sequence model: every tag of every word gets the sum of the
// weights of the word's features (its emission score), every pair of
// neighbouring tags gets a transition weight, and Viterbi finds the tag
// sequence with the highest total. The weights are learnt by the averaged
// structured perceptron (train.go) and stored as int8 (model.go).

// keyBits is how many bits of a feature hash the model keeps as its key.
// Features whose keys collide share their weights, in training and at run
// time alike.
const keyBits = 24

// featureKey turns a feature hash into a model key.
func featureKey(h uint32) uint32 { return h >> (32 - keyBits) }

// noRow is what lookup returns for a feature the model does not know.
const noRow = -1

// maxWeight is the largest magnitude of a quantised weight.
const maxWeight = 127

// slot is one entry of the open-addressing table from keys to rows.
type slot struct {
	key uint32 // key+1; 0 marks an empty slot
	row int32
}

// linear is the run-time model: a hash table from feature keys to rows of
// int8 weights, one weight per tag, and the tag-transition weights.
type linear struct {
	tags  []string // tag names: "O", "B-PER", ...
	keys  []uint32 // feature key of each row, ascending
	types []string // entity type of each tag ("" for O)
	begin []bool   // whether each tag starts an entity
	table []slot
	mask  uint32
	w     []int8 // weights, row-major: w[row*len(tags)+tag]
	// packed holds the weights again for emit, biased by weightBias into
	// 16-bit lanes, four tags to a word: row r is
	// packed[r*lanes:(r+1)*lanes], tag t in bits 16*(t%4) of word t/4.
	// Adding words adds all the tags' weights at once (see emit).
	packed []uint64
	lanes  int
	// trans[(p+1)*K+t] is the weight of tag t after tag p; p = -1 is the
	// sentence start. final[t] is the weight of ending on t.
	trans []int32
	final []int32
	// prev[t] lists the tags that may precede tag t.
	prev [][]uint8
	// prevTrans[t][j] is trans[(prev[t][j]+1)*K+t], the weights viterbi
	// reads, side by side; nil when trans was not set at buildTable.
	prevTrans [][]int32
	// edges holds prev and prevTrans again, tag after tag (those of tag t
	// are edges[edgeStart[t]:edgeStart[t+1]]), for a model of at most
	// maxVitTags tags; nil otherwise.
	edges     []vitEdge
	edgeStart []int32
}

// maxVitTags bounds the tags of a model whose viterbi takes the fast path.
const maxVitTags = 32

// vitEdge is an allowed transition into a tag: the tag before, and the
// transition's weight.
type vitEdge struct {
	p uint8
	w int32
}

// allHavePrev reports whether every tag may follow some tag.
func allHavePrev(prev [][]uint8) bool {
	for _, pt := range prev {
		if len(pt) == 0 {
			return false
		}
	}
	return true
}

// forbidden marks transitions that the tag scheme does not allow.
const forbidden = math.MinInt32 / 4

// newLinear prepares a model for the given tag names (scheme IOB2 or
// BILOU); the caller fills in the weights and calls buildTable.
func newLinear(tags []string) *linear {
	m := &linear{tags: tags}
	m.types = make([]string, len(tags))
	m.begin = make([]bool, len(tags))
	for i, t := range tags {
		if t == "O" {
			continue
		}
		m.types[i] = t[2:]
		m.begin[i] = t[0] == 'B' || t[0] == 'U'
	}
	m.prev = make([][]uint8, len(tags))
	for t := range tags {
		for p := range tags {
			if allowed(tags, p, t) {
				m.prev[t] = append(m.prev[t], uint8(p))
			}
		}
	}
	return m
}

// allowed reports whether tag t may follow tag p (p = -1: sentence start).
func allowed(tags []string, p, t int) bool {
	cur := tags[t]
	prev := "O"
	if p >= 0 {
		prev = tags[p]
	}
	switch cur[0] {
	case 'I', 'L':
		// Inside or last: must continue an open entity of the same type.
		return (prev[0] == 'B' || prev[0] == 'I') && prev[2:] == cur[2:]
	}
	// O, B, U: must not leave an entity of a scheme with L open.
	if prev[0] == 'B' || prev[0] == 'I' {
		return !hasLast(tags)
	}
	return true
}

// allowedEnd reports whether a sentence may end on tag t.
func allowedEnd(tags []string, t int) bool {
	c := tags[t][0]
	return !((c == 'B' || c == 'I') && hasLast(tags))
}

// hasLast reports whether tags is a BILOU tag set.
func hasLast(tags []string) bool {
	for _, t := range tags {
		if strings.HasPrefix(t, "L-") {
			return true
		}
	}
	return false
}

// buildTable fills the hash table for the given keys: row i has key keys[i].
func (m *linear) buildTable(keys []uint32) {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	m.table = make([]slot, size)
	m.mask = uint32(size - 1)
	for i, k := range keys {
		j := k & m.mask
		for m.table[j].key != 0 {
			j = (j + 1) & m.mask
		}
		m.table[j] = slot{key: k + 1, row: int32(i)}
	}
	m.packWeights()
	m.prevTrans, m.edges, m.edgeStart = nil, nil, nil
	if k := len(m.tags); len(m.trans) == (k+1)*k {
		m.prevTrans = make([][]int32, k)
		for t, pt := range m.prev {
			for _, p := range pt {
				m.prevTrans[t] = append(m.prevTrans[t], m.trans[(int(p)+1)*k+t])
			}
		}
		if k <= maxVitTags && allHavePrev(m.prev) {
			m.edgeStart = make([]int32, k+1)
			for t, pt := range m.prev {
				for j, p := range pt {
					m.edges = append(m.edges, vitEdge{p: p, w: m.prevTrans[t][j]})
				}
				m.edgeStart[t+1] = int32(len(m.edges))
			}
		}
	}
}

// weightBias makes every weight a non-negative 16-bit lane: w+weightBias is
// in [1, 255], so up to maxLaneAdds rows add up without a lane overflowing.
const (
	weightBias  = 128
	maxLaneAdds = 256
	// maxLanes bounds the words of a packed row (tag sets of up to 32 tags);
	// a model with more tags is scored without packing.
	maxLanes = 8
)

// packWeights fills packed from w.
func (m *linear) packWeights() {
	k := len(m.tags)
	m.lanes = (k + 3) / 4
	if k == 0 || m.lanes > maxLanes {
		m.packed, m.lanes = nil, 0
		return
	}
	rows := len(m.w) / k
	m.packed = make([]uint64, rows*m.lanes)
	for r := range rows {
		for t, v := range m.w[r*k : r*k+k] {
			m.packed[r*m.lanes+t/4] |= uint64(int32(v)+weightBias) << (16 * (t % 4))
		}
	}
}

// lookup returns the row of feature key k, or noRow.
func (m *linear) lookup(k uint32) int32 {
	j := k & m.mask
	for {
		s := m.table[j]
		if s.key == k+1 {
			return s.row
		}
		if s.key == 0 {
			return noRow
		}
		j = (j + 1) & m.mask
	}
}

// emit sets scores (len(tags) values) to the sum of the weights of the
// features fs. With packed weights it adds whole rows at once in 16-bit
// lanes (SIMD within a register) and removes the bias after; the sums are
// exactly those of adding the int8 weights one by one.
func (m *linear) emit(fs []uint32, scores []int32) {
	if m.lanes == 0 {
		m.emitPlain(fs, scores)
		return
	}
	var zero laneSum
	m.emitFrom(fs, &zero, scores)
}

// laneSum is a sum of packed weight rows and the number of rows in it.
type laneSum struct {
	acc  [maxLanes]uint64
	rows int32
}

// addRows adds to sum the packed rows of the features fs, which must be
// fewer than maxLaneAdds-sum.rows.
func (m *linear) addRows(sum *laneSum, fs []uint32) {
	acc := sum.acc[:m.lanes]
	for _, f := range fs {
		r := m.lookup(featureKey(f))
		if r == noRow {
			continue
		}
		sum.rows++
		row := m.packed[int(r)*len(acc) : int(r)*len(acc)+len(acc)]
		for j, v := range row {
			acc[j] += v
		}
	}
}

// emitFrom is emit for a model with packed weights, starting from the
// packed sum base (of fewer than maxLaneAdds rows) instead of from zero.
func (m *linear) emitFrom(fs []uint32, base *laneSum, scores []int32) {
	k := len(m.tags)
	clear(scores)
	sum := *base
	for {
		chunk := fs[:min(len(fs), maxLaneAdds-int(sum.rows))]
		fs = fs[len(chunk):]
		m.addRows(&sum, chunk)
		bias := sum.rows * weightBias
		for t := range scores[:k] {
			scores[t] += int32(sum.acc[t/4]>>(16*(t%4))&0xffff) - bias
		}
		if len(fs) == 0 {
			return
		}
		sum = laneSum{}
	}
}

// emitPlain is emit for a model without packed weights.
func (m *linear) emitPlain(fs []uint32, scores []int32) {
	k := len(m.tags)
	clear(scores)
	for _, f := range fs {
		r := m.lookup(featureKey(f))
		if r == noRow {
			continue
		}
		w := m.w[int(r)*k : int(r)*k+k]
		s := scores[:len(w)]
		for t, v := range w {
			s[t] += int32(v)
		}
	}
}

// viterbi writes to path the best tag sequence for the emission scores emis
// (len(path) rows of K). dp and back (both len(path)*K) are scratch space.
func (m *linear) viterbi(emis []int32, dp []int32, back []uint8, path []uint8) {
	n := len(path)
	if n == 0 {
		return
	}
	k := len(m.tags)
	trans := m.trans
	for t := 0; t < k; t++ {
		dp[t] = emis[t] + trans[t]
	}
	for i := 1; i < n; i++ {
		prev := dp[(i-1)*k : i*k]
		cur := dp[i*k : (i+1)*k]
		e := emis[i*k : (i+1)*k]
		b := back[i*k : (i+1)*k]
		if m.edges != nil {
			// The fast path: the previous scores in an array indexed
			// without bounds checks, the edges side by side.
			var pv [maxVitTags]int32
			copy(pv[:], prev)
			e, b = e[:len(cur)], b[:len(cur)]
			for t := range cur {
				es := m.edges[m.edgeStart[t]:m.edgeStart[t+1]]
				arg := es[0].p
				best := pv[arg%maxVitTags] + es[0].w
				for _, ed := range es[1:] {
					if s := pv[ed.p%maxVitTags] + ed.w; s > best {
						best, arg = s, ed.p
					}
				}
				cur[t] = best + e[t]
				b[t] = arg
			}
			continue
		}
		if m.prevTrans != nil {
			for t := range cur {
				pt := m.prev[t]
				pw := m.prevTrans[t][:len(pt)]
				arg := pt[0]
				best := prev[arg] + pw[0]
				for j := 1; j < len(pt); j++ {
					if s := prev[pt[j]] + pw[j]; s > best {
						best, arg = s, pt[j]
					}
				}
				cur[t] = best + e[t]
				b[t] = arg
			}
			continue
		}
		for t := range cur {
			pt := m.prev[t]
			arg := pt[0]
			best := prev[arg] + trans[(int(arg)+1)*k+t]
			for _, p := range pt[1:] {
				if s := prev[p] + trans[(int(p)+1)*k+t]; s > best {
					best, arg = s, p
				}
			}
			cur[t] = best + e[t]
			b[t] = arg
		}
	}
	last := dp[(n-1)*k : n*k]
	best, arg := last[0]+m.final[0], 0
	for t := 1; t < k; t++ {
		if s := last[t] + m.final[t]; s > best {
			best, arg = s, t
		}
	}
	path[n-1] = uint8(arg)
	for i := n - 1; i > 0; i-- {
		path[i-1] = back[i*k+int(path[i])]
	}
}

// appendChunks appends the entities of the tag path to dst. When dst is
// nil it allocates a slice of the right size, or returns nil when there is
// no entity.
func (m *linear) appendChunks(dst []Chunk, path []uint8) []Chunk {
	if dst == nil {
		n := 0
		for i, t := range path {
			if m.types[t] != "" && (i == 0 || m.begin[t] || m.types[path[i-1]] != m.types[t]) {
				n++
			}
		}
		if n == 0 {
			return nil
		}
		dst = make([]Chunk, 0, n)
	}
	open := -1
	typ := ""
	for i, t := range path {
		tt := m.types[t]
		if open >= 0 && (tt != typ || m.begin[t]) {
			dst = append(dst, Chunk{Start: open, End: i, Type: typ})
			open = -1
		}
		if tt != "" && open < 0 {
			open, typ = i, tt
		}
	}
	if open >= 0 {
		dst = append(dst, Chunk{Start: open, End: len(path), Type: typ})
	}
	return dst
}
