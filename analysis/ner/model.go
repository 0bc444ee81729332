package ner

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
)

// The model file (model/nl.bin) is, after the 4-byte magic "NER1":
//
//	uvarint    number of tags K, then K times: uvarint length, tag name
//	uvarint    keyBits, which must match the code's
//	uvarint    number of rows F
//	F uvarints the feature keys, ascending, as differences from the previous key
//	K*F svarints the weights, tag by tag (column-major, which compresses well)
//	(K+1)*K svarints the transition weights (forbidden ones as 0, recomputed on load)
//	K svarints the final weights (idem)
//	uvarint    number of lexicon words L
//	L uvarints the lexicon keys, ascending, as differences
//	L bytes    the lexicon classes
//	4 bytes    CRC-32 (IEEE) of everything before it, little-endian
//
// Weights are integers; their scale does not matter to the decoder.

const modelMagic = "NER1"

// errModel is wrapped by every error about a malformed model.
var errModel = errors.New("bad NER model")

// maxTags and maxRows bound what Load accepts, so that a corrupt header
// cannot make it allocate without limit.
const (
	maxTags = 64
	maxRows = 1 << keyBits
)

// WriteTo writes the tagger's model in the binary format that Load reads.
// The gazetteers are not part of the model: they are embedded separately.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	m := t.m
	k := len(m.tags)
	var b []byte
	b = append(b, modelMagic...)
	b = binary.AppendUvarint(b, uint64(k))
	for _, tag := range m.tags {
		b = binary.AppendUvarint(b, uint64(len(tag)))
		b = append(b, tag...)
	}
	b = binary.AppendUvarint(b, keyBits)
	b = binary.AppendUvarint(b, uint64(len(m.keys)))
	prev := uint32(0)
	for _, key := range m.keys {
		b = binary.AppendUvarint(b, uint64(key-prev))
		prev = key
	}
	for tag := range k {
		for r := range m.keys {
			b = binary.AppendVarint(b, int64(m.w[r*k+tag]))
		}
	}
	for _, v := range m.trans {
		if v == forbidden {
			v = 0
		}
		b = binary.AppendVarint(b, int64(v))
	}
	for _, v := range m.final {
		if v == forbidden {
			v = 0
		}
		b = binary.AppendVarint(b, int64(v))
	}
	b = binary.AppendUvarint(b, uint64(t.lex.len()))
	prev = 0
	if t.lex != nil {
		for _, k := range t.lex.keys {
			b = binary.AppendUvarint(b, uint64(k-prev))
			prev = k
		}
		b = append(b, t.lex.classes...)
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	n, err := w.Write(b)
	return int64(n), err
}

// Load reads a model written by WriteTo from r and returns a Tagger that uses
// it with the embedded gazetteers. It returns an error, and never panics,
// when the model is truncated or corrupt. It does not close r.
func Load(r io.Reader) (*Tagger, error) {
	data, err := io.ReadAll(bufio.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("reading NER model: %w", err)
	}
	return Decode(data)
}

// Decode is Load for a model already in memory: it reads data without
// copying it (and keeps no reference to it).
func Decode(data []byte) (*Tagger, error) {
	m, lex, err := decodeModel(data)
	if err != nil {
		return nil, err
	}
	return newTagger(m, lex)
}

// decodeModel parses a model file.
func decodeModel(data []byte) (*linear, lexicon, error) {
	if len(data) < len(modelMagic)+4 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, nil, fmt.Errorf("%w: not a model file", errModel)
	}
	body := data[:len(data)-4]
	if crc32.ChecksumIEEE(body) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil, nil, fmt.Errorf("%w: checksum mismatch (truncated or corrupt)", errModel)
	}
	d := decoder{b: body[len(modelMagic):]}
	k := int(d.uvarint(maxTags))
	if k < 1 {
		return nil, nil, fmt.Errorf("%w: no tags", errModel)
	}
	tags := make([]string, k)
	for i := range tags {
		tags[i] = string(d.bytes(int(d.uvarint(32))))
		if d.err == nil && !validTag(tags[i]) {
			return nil, nil, fmt.Errorf("%w: bad tag %q", errModel, tags[i])
		}
	}
	if d.err == nil && (tags[0] != "O" || slices.Contains(tags[1:], "O")) {
		return nil, nil, fmt.Errorf("%w: tag 0 must be O", errModel)
	}
	if bits := d.uvarint(64); d.err == nil && bits != keyBits {
		return nil, nil, fmt.Errorf("%w: model uses %d-bit keys, code %d", errModel, bits, keyBits)
	}
	f := int(d.uvarint(maxRows))
	if d.err != nil {
		return nil, nil, d.err
	}
	// Every row takes at least 1+K bytes: refuse counts the data cannot hold.
	if f*(1+k) > len(d.b) {
		return nil, nil, fmt.Errorf("%w: %d rows do not fit in %d bytes", errModel, f, len(d.b))
	}
	m := newLinear(tags)
	m.keys = make([]uint32, f)
	key := uint64(0)
	for i := range m.keys {
		delta := d.uvarint(1 << keyBits)
		if i > 0 && delta == 0 {
			d.fail("repeated key")
		}
		key += delta
		if key >= 1<<keyBits {
			d.fail("key out of range")
		}
		m.keys[i] = uint32(key)
	}
	m.w = make([]int8, f*k)
	for tag := range k {
		for r := range f {
			m.w[r*k+tag] = int8(d.varint(maxWeight))
		}
	}
	m.trans = make([]int32, (k+1)*k)
	for i := range m.trans {
		m.trans[i] = int32(d.varint(1 << 24))
	}
	m.final = make([]int32, k)
	for i := range m.final {
		m.final[i] = int32(d.varint(1 << 24))
	}
	n := int(d.uvarint(maxRows))
	if d.err == nil && n > len(d.b) {
		d.fail("lexicon does not fit")
	}
	lexKeys := make([]uint32, n)
	key = 0
	for i := range lexKeys {
		delta := d.uvarint(1 << keyBits)
		if i > 0 && delta == 0 {
			d.fail("repeated lexicon key")
		}
		key += delta
		if key >= 1<<keyBits {
			d.fail("lexicon key out of range")
		}
		lexKeys[i] = uint32(key)
	}
	classes := d.bytes(n)
	for _, c := range classes {
		if c == lexUnknown || c >= numLex {
			d.fail("bad lexicon class")
			break
		}
	}
	if d.err != nil {
		return nil, nil, d.err
	}
	if len(d.b) != 0 {
		return nil, nil, fmt.Errorf("%w: %d bytes left over", errModel, len(d.b))
	}
	for p := -1; p < k; p++ {
		for t := range k {
			if !allowed(tags, p, t) {
				m.trans[(p+1)*k+t] = forbidden
			}
		}
	}
	for t := range k {
		if !allowedEnd(tags, t) {
			m.final[t] = forbidden
		}
	}
	m.buildTable(m.keys)
	return m, newLexicon(lexKeys, slices.Clone(classes)), nil
}

// validTag reports whether s is "O" or a B/I/L/U tag of a known type.
func validTag(s string) bool {
	if s == "O" {
		return true
	}
	if len(s) < 3 || s[1] != '-' || !slices.Contains([]byte("BILU"), s[0]) {
		return false
	}
	switch s[2:] {
	case "PER", "ORG", "LOC", "MISC":
		return true
	}
	return false
}

// decoder reads varints with a sticky error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", errModel, msg)
	}
	d.b = nil
}

// uvarint reads an unsigned varint no larger than limit.
func (d *decoder) uvarint(limit uint64) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := uvarint(d.b)
	if n <= 0 {
		d.fail("truncated")
		return 0
	}
	d.b = d.b[n:]
	if v > limit {
		d.fail("value out of range")
		return 0
	}
	return v
}

// varint reads a signed varint whose magnitude is at most limit.
func (d *decoder) varint(limit int64) int64 {
	if d.err != nil {
		return 0
	}
	u, n := uvarint(d.b)
	if n <= 0 {
		d.fail("truncated")
		return 0
	}
	d.b = d.b[n:]
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	if v > limit || v < -limit {
		d.fail("value out of range")
		return 0
	}
	return v
}

// uvarint is binary.Uvarint with the one-byte case in line: most of a
// model's numbers take one byte, and the WebAssembly build does not inline
// binary.Uvarint (it inlines only within analysis/).
func uvarint(b []byte) (uint64, int) {
	if len(b) > 0 && b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	return binary.Uvarint(b)
}

// bytes reads n raw bytes.
func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.b) {
		d.fail("truncated")
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}
