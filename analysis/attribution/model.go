package attribution

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"math/bits"
)

// The model file is, after the 4-byte magic "ATR1":
//
//	uvarint    number of labels K (must be 7)
//	uvarint    number of rows F
//	F uvarints the feature keys, ascending, as differences from the previous
//	           (a key with its top bit set is a word feature's: see wordKey)
//	K*F svarints the weights, label by label (column-major, which compresses well)
//	4 bytes    CRC-32 (IEEE) of everything before it, little-endian

const magic = "ATR1"

// stackedMagic opens a model of two stages: after it, each stage as a
// single-stage file (magic and checksum included) after its length as a
// uvarint, then a CRC-32 (IEEE) of everything before it.
const stackedMagic = "ATR2"

// errModel is wrapped by every error about a malformed model.
var errModel = errors.New("bad attribution model")

// maxRows bounds the rows Load accepts, so that a corrupt header cannot make
// it allocate without limit.
const maxRows = 1 << 24

// A Model labels sentences. It is safe for concurrent use.
type Model struct {
	keys []uint32 // feature hash of each row, ascending
	// w holds w[row*numLabels+label] between training and build, which
	// moves the weights into rows.
	w []int8
	// rows holds each row's weights in key order, as a joint table holds
	// them.
	rows [][8]uint8
	// next is the second stage, which relabels a sentence seeing this
	// stage's labels (nil when there is none).
	next *Model
	// joint is the lookup table of both stages (link).
	joint *joint
}

// joint is the lookup table of a model: each row holds the weights of both
// stages (a stage without the row has zero weights there, and a one-stage
// model has no second), so that a token's static features, which both
// stages use, are looked up once for both. Word features (wordKey) sit
// apart, each word's rows together.
type joint struct {
	table []pairSlot // the features that are not word features
	mask  uint32
	words []wordEntry // the words, by the key of their features without the slot
	wmask uint32
	rows  [][2][8]uint8 // the rows of the word features, word by word, in slot order
	// labels holds the rows of the history features that hold no word.
	labels labelRows
}

// Sizes of the arrays of labelRows: quote states (tokenInfo.quote), sets
// of roles seen (a bit per Role) and distance buckets (bucket).
const (
	numQuotes  = 3
	numSeen    = 1 << (Content + 1)
	numBuckets = 9
)

// labelRows holds the rows of the history features that hold no word, by
// their values (a row of zeros where the model lacks one), so that decode
// finds them without hashing: it looks them up after every label it gives.
type labelRows struct {
	prev      [numLabels][2][8]uint8
	prev2     [numLabels][numLabels][2][8]uint8
	prevQuote [numLabels][numQuotes][2][8]uint8
	seen      [numSeen][numQuotes][2][8]uint8
	seenCue   [numBuckets][numLabels][2][8]uint8
}

// fillLabels looks the rows of labelRows up.
func (j *joint) fillLabels() {
	row := func(dst *[2][8]uint8, key uint32) {
		if r := j.row(key); r != nil {
			*dst = *r
		}
	}
	lr := &j.labels
	for p := range numLabels {
		row(&lr.prev[p], prevLabelKey(p))
		for p2 := range numLabels {
			row(&lr.prev2[p][p2], prev2LabelKey(p, p2))
		}
		for q := range uint32(numQuotes) {
			row(&lr.prevQuote[p][q], prevQuoteKey(p, q))
		}
		for b := range uint32(numBuckets) {
			row(&lr.seenCue[b][p], seenCueKey(b, p))
		}
	}
	for seen := range uint32(numSeen) {
		for q := range uint32(numQuotes) {
			row(&lr.seen[seen][q], seenKey(seen, q))
		}
	}
}

// addHistory adds to sum the weights (of half: the stage) of the features
// history lists for token i.
func (j *joint) addHistory(sum *sums, half int, inf tokenInfo, prev, prev2 Label, seen uint32, cueEnd int, i int) {
	lr := &j.labels
	sum.add(&lr.prev[prev][half])
	sum.add(&lr.prev2[prev][prev2][half])
	if r := j.wordRow(wordKey(sPrevLabelWord+uint32(prev), inf.low)); r != nil {
		sum.add(&r[half])
	}
	sum.add(&lr.prevQuote[prev][inf.quote][half])
	sum.add(&lr.seen[seen][inf.quote][half])
	if cueEnd >= 0 {
		sum.add(&lr.seenCue[bucket(i-cueEnd)][prev][half])
		if i == cueEnd {
			if r := j.wordRow(wordKey(sCompAfterCue, inf.low)); r != nil {
				sum.add(&r[half])
			}
		}
	}
}

// pairSlot is one row of a joint table: w[0] the first stage's weights,
// w[1] the second's, each as a slot's (with its in-use byte set, so that
// the lane counting rows stays right for a zero row).
type pairSlot struct {
	key uint32
	w   [2][8]uint8
}

// wordEntry is a word of a joint table: its rows are the ones of
// joint.rows from first on, one per bit set in slots.
type wordEntry struct {
	word  uint32 // its features' key without the slot; 0 marks an empty entry
	slots uint32 // bit s set: the word has a row in slot s
	first uint32
}

// link builds the joint table of the model (of both stages, when it has
// two).
func (m *Model) link() {
	var b []uint32
	var brows [][8]uint8
	if m.next != nil {
		b, brows = m.next.keys, m.next.rows
	}
	// Count the rows and words of each kind, then size the tables.
	a := m.keys
	rows, words, last := 0, 0, uint32(0)
	mergeKeys(a, b, func(k uint32, _, _ int) {
		if k&wordFlag == 0 {
			rows++
			return
		}
		if w := k >> slotBits; w != last {
			words, last = words+1, w
		}
	})
	j := &joint{}
	j.table, j.mask = make([]pairSlot, tableSize(rows)), uint32(tableSize(rows)-1)
	j.words, j.wmask = make([]wordEntry, tableSize(words)), uint32(tableSize(words)-1)
	var zero [8]uint8
	for l := range int(numLabels) {
		zero[l] = 128 // weight 0
	}
	zero[inUse] = 1
	var e *wordEntry
	mergeKeys(a, b, func(k uint32, ia, ib int) {
		w := [2][8]uint8{zero, zero}
		if ia >= 0 {
			w[0] = m.rows[ia]
		}
		if ib >= 0 {
			w[1] = brows[ib]
		}
		if k&wordFlag == 0 {
			i := (k * 0x9e3779b1) & j.mask
			for j.table[i].w[0][inUse] != 0 {
				i = (i + 1) & j.mask
			}
			j.table[i] = pairSlot{key: k, w: w}
			return
		}
		// Word keys come last, word by word, each word's slots ascending.
		if wd := k >> slotBits; e == nil || e.word != wd {
			i := (wd * 0x9e3779b1) & j.wmask
			for j.words[i].word != 0 {
				i = (i + 1) & j.wmask
			}
			e = &j.words[i]
			*e = wordEntry{word: wd, first: uint32(len(j.rows))}
		}
		e.slots |= 1 << (k & (1<<slotBits - 1))
		j.rows = append(j.rows, w)
	})
	j.fillLabels()
	m.joint = j
}

// tableSize returns the size of an open-addressing table for n entries: a
// power of two, at most about 70% full.
func tableSize(n int) int {
	size := 1
	for size*7 < n*10+10 {
		size <<= 1
	}
	return size
}

// mergeKeys calls f with each key of two ascending key lists, in order,
// and its index in each (-1 where the list lacks it).
func mergeKeys(a, b []uint32, f func(k uint32, ia, ib int)) {
	ia, ib := 0, 0
	for ia < len(a) || ib < len(b) {
		switch {
		case ib == len(b) || ia < len(a) && a[ia] < b[ib]:
			f(a[ia], ia, -1)
			ia++
		case ia == len(a) || b[ib] < a[ia]:
			f(b[ib], -1, ib)
			ib++
		default:
			f(a[ia], ia, ib)
			ia, ib = ia+1, ib+1
		}
	}
}

// row returns the weights of feature f in both stages, or nil.
func (j *joint) row(f uint32) *[2][8]uint8 {
	if f&wordFlag != 0 {
		return j.wordRow(f)
	}
	i := (f * 0x9e3779b1) & j.mask
	for {
		s := &j.table[i]
		if s.w[0][inUse] == 0 {
			return nil
		}
		if s.key == f {
			return &s.w
		}
		i = (i + 1) & j.mask
	}
}

// wordRow returns the weights of word feature f in both stages, or nil.
func (j *joint) wordRow(f uint32) *[2][8]uint8 {
	wd, bit := f>>slotBits, uint32(1)<<(f&(1<<slotBits-1))
	i := (wd * 0x9e3779b1) & j.wmask
	for {
		e := &j.words[i]
		if e.word == wd {
			if e.slots&bit == 0 {
				return nil
			}
			return &j.rows[e.first+uint32(bits.OnesCount32(e.slots&(bit-1)))]
		}
		if e.word == 0 {
			return nil
		}
		i = (i + 1) & j.wmask
	}
}

// inUse is the index of the last byte of a row, which is 1. A row holds
// each label's weight plus 128 (a byte) and that 1, which marks a pairSlot
// in use: the eight bytes are added as one 64-bit word, four 16-bit lanes
// at a time (see add), and the last lane counts the rows found.
const inUse = 7

// lanes selects every other byte of a 64-bit word as four 16-bit lanes.
const lanes = 0x00ff00ff00ff00ff

// sums adds the weights of rows to labels in 16-bit lanes: even holds the
// labels 0, 2, 4, 6, odd the labels 1, 3, 5 and the count of rows added.
// A lane holds up to 257 rows of 255; a token has fewer than 64 features.
type sums struct{ even, odd uint64 }

// add adds a slot's weights.
func (a *sums) add(w *[8]uint8) {
	x := binary.LittleEndian.Uint64(w[:])
	a.even += x & lanes
	a.odd += x >> 8 & lanes
}

// scores returns the summed weight of each label.
func (a *sums) scores() [numLabels]int32 {
	n := int32(a.odd>>48) * 128 // every weight was stored plus 128
	var out [numLabels]int32
	for l := range int(numLabels) {
		w := a.even
		if l&1 != 0 {
			w = a.odd
		}
		out[l] = int32(w>>(16*(l/2))&0xffff) - n
	}
	return out
}

// build moves the weights of m.w into m.rows and makes the lookup table.
func (m *Model) build() {
	m.rows = make([][8]uint8, len(m.keys))
	for i := range m.rows {
		for l := range int(numLabels) {
			m.rows[i][l] = uint8(int(m.w[i*int(numLabels)+l]) + 128)
		}
		m.rows[i][inUse] = 1
	}
	m.w = nil
	m.link()
}

// Rows returns the number of features the model (both stages) has weights for.
func (m *Model) Rows() int {
	if m.next != nil {
		return len(m.keys) + m.next.Rows()
	}
	return len(m.keys)
}

// allowedAfter reports whether label l may follow label prev.
func allowedAfter(prev, l Label) bool {
	if l == ISource || l == ICue || l == IContent {
		return prev.Role() == l.Role()
	}
	return true
}

// A Tagger holds the scratch space of one goroutine's labelling.
type Tagger struct {
	m     *Model
	sf    sentenceFeatures
	prior []Label
	pf    []uint32
	// static and static2 hold, per token, the sums of its static features'
	// weights in the first and the second stage.
	static, static2 []sums
}

// NewTagger returns a tagger that labels with m. A Tagger is not safe for
// concurrent use; make one per goroutine.
func (m *Model) NewTagger() *Tagger { return &Tagger{m: m} }

// Tag labels the tokens of one sentence into labels (grown as needed) and
// returns it. sentFlags holds the sentence's ParagraphStart and Heading flags.
func (t *Tagger) Tag(s []Token, sentFlags uint16, labels []Label) []Label {
	t.sf.prepare(s)
	t.sf.build(sentFlags)
	j := t.m.joint
	t.static, t.static2 = t.static[:0], t.static2[:0]
	from := 0
	for i := range s {
		var one, two sums
		for _, f := range t.sf.feats[from:t.sf.ends[i]] {
			if r := j.row(f); r != nil {
				one.add(&r[0])
				two.add(&r[1])
			}
		}
		from = t.sf.ends[i]
		t.static, t.static2 = append(t.static, one), append(t.static2, two)
	}
	labels = t.decode(0, s, t.static, labels)
	if t.m.next == nil || !anyLabel(labels) {
		return labels
	}
	// The second stage: the static sums, the features of the first
	// stage's labels, and its own history.
	t.prior = append(t.prior[:0], labels...)
	t.sf.priorContext(t.prior)
	for i := range s {
		t.pf = t.sf.appendPrior(t.pf[:0], t.prior, i)
		for _, f := range t.pf {
			if r := j.row(f); r != nil {
				t.static2[i].add(&r[1])
			}
		}
	}
	return t.decode(1, s, t.static2, labels)
}

// decode labels sentence s greedily, left to right: each token's score is
// static[i] and the weights of the features of the labels given so far,
// from half (0 or 1: the stage) of the joint table.
func (t *Tagger) decode(half int, s []Token, static []sums, labels []Label) []Label {
	labels = labels[:0]
	j := t.m.joint
	prev, prev2 := O, O
	seen := uint32(0)
	cueEnd := -1
	for i := range s {
		sum := static[i]
		j.addHistory(&sum, half, t.sf.infos[i], prev, prev2, seen, cueEnd, i)
		scores := sum.scores()
		best := O
		for l := Label(1); l < numLabels; l++ {
			if allowedAfter(prev, l) && scores[l] > scores[best] {
				best = l
			}
		}
		labels = append(labels, best)
		prev2, prev = prev, best
		if r := best.Role(); r != None {
			seen |= 1 << r
			if r == Cue {
				cueEnd = i + 1
			}
		}
	}
	return labels
}

// WriteTo writes the model in the binary format that Load reads.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	b := m.encode()
	if m.next != nil {
		one, two := b, m.next.encode()
		b = append([]byte(nil), stackedMagic...)
		b = binary.AppendUvarint(b, uint64(len(one)))
		b = append(b, one...)
		b = binary.AppendUvarint(b, uint64(len(two)))
		b = append(b, two...)
		b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	}
	n, err := w.Write(b)
	return int64(n), err
}

// encode returns one stage in the format of a single-stage model file.
func (m *Model) encode() []byte {
	var b []byte
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(numLabels))
	b = binary.AppendUvarint(b, uint64(len(m.keys)))
	prev := uint32(0)
	for _, k := range m.keys {
		b = binary.AppendUvarint(b, uint64(k-prev))
		prev = k
	}
	for l := range int(numLabels) {
		for i := range m.keys {
			b = binary.AppendVarint(b, int64(int(m.rows[i][l])-128))
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// Load decodes a model written by WriteTo. It returns an error, and never
// panics, when the data is truncated or corrupt.
func Load(data []byte) (*Model, error) {
	if len(data) < len(stackedMagic)+4 || string(data[:len(stackedMagic)]) != stackedMagic {
		m, err := loadStage(data)
		if err != nil {
			return nil, err
		}
		m.link()
		return m, nil
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupt)", errModel)
	}
	b := body[len(stackedMagic):]
	var stages [2]*Model
	for k := range stages {
		n, size := binary.Uvarint(b)
		if size <= 0 || n > uint64(len(b)-size) {
			return nil, fmt.Errorf("%w: stage %d truncated", errModel, k+1)
		}
		m, err := loadStage(b[size : size+int(n)])
		if err != nil {
			return nil, fmt.Errorf("stage %d: %w", k+1, err)
		}
		stages[k] = m
		b = b[size+int(n):]
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", errModel, len(b))
	}
	// The stages are looked up through the joint table only.
	stages[0].next = stages[1]
	stages[0].link()
	return stages[0], nil
}

// loadStage decodes one stage, in the format of a single-stage model file.
func loadStage(data []byte) (*Model, error) {
	if len(data) < len(magic)+4 || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: not a model file", errModel)
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupt)", errModel)
	}
	b := body[len(magic):]
	var err error
	uv := func(limit uint64) uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		var n int
		if len(b) > 0 && b[0] < 0x80 {
			v, n = uint64(b[0]), 1
		} else {
			v, n = binary.Uvarint(b)
		}
		if n <= 0 || v > limit {
			err = fmt.Errorf("%w: truncated or out of range", errModel)
			return 0
		}
		b = b[n:]
		return v
	}
	if k := uv(64); err == nil && k != uint64(numLabels) {
		return nil, fmt.Errorf("%w: %d labels, want %d", errModel, k, numLabels)
	}
	f := int(uv(maxRows))
	if err != nil {
		return nil, err
	}
	if f*(1+int(numLabels)) > len(b) {
		return nil, fmt.Errorf("%w: %d rows do not fit in %d bytes", errModel, f, len(b))
	}
	m := &Model{keys: make([]uint32, f)}
	key := uint64(0)
	for i := range m.keys {
		d := uv(math.MaxUint32)
		if i > 0 && d == 0 && err == nil {
			err = fmt.Errorf("%w: repeated key", errModel)
		}
		key += d
		if key > math.MaxUint32 && err == nil {
			err = fmt.Errorf("%w: key out of range", errModel)
		}
		m.keys[i] = uint32(key)
	}
	if err != nil {
		return nil, err
	}
	// The weights, label by label, go into the rows.
	m.rows = make([][8]uint8, f)
	for i := range m.rows {
		m.rows[i][inUse] = 1
	}
	for l := range int(numLabels) {
		for i := range m.rows {
			// Most weights take one byte: decode those in line (the
			// WebAssembly build does not inline binary.Varint).
			var v int64
			if len(b) > 0 && b[0] < 0x80 {
				v = int64(b[0] >> 1)
				if b[0]&1 != 0 {
					v = ^v
				}
				b = b[1:]
			} else {
				var n int
				v, n = binary.Varint(b)
				if n <= 0 || v > math.MaxInt8 || v < math.MinInt8 {
					return nil, fmt.Errorf("%w: bad weight", errModel)
				}
				b = b[n:]
			}
			m.rows[i][l] = uint8(v + 128)
		}
	}
	if err != nil {
		return nil, err
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", errModel, len(b))
	}
	return m, nil
}
