package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"reflect"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	tagger := defaultTagger(t)
	var buf bytes.Buffer
	n, err := tagger.WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("WriteTo = %d, %v; wrote %d bytes", n, err, buf.Len())
	}
	if !bytes.Equal(buf.Bytes(), embeddedModel) {
		t.Errorf("WriteTo of the embedded model differs from model/nl.bin")
	}
	again, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, s := range testSentences(t) {
		if a, b := tagger.Chunks(s, "nl"), again.Chunks(s, "nl"); !reflect.DeepEqual(a, b) {
			t.Errorf("reloaded model: Chunks(%q) = %v; want %v", s, b, a)
		}
	}
}

// withChecksum appends a valid checksum, so that a test reaches the checks
// behind it.
func withChecksum(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(append([]byte(nil), b...), crc32.ChecksumIEEE(b))
}

func TestLoadBad(t *testing.T) {
	good := embeddedModel
	body := good[:len(good)-4]
	cases := map[string][]byte{
		"empty":          {},
		"magic only":     []byte(modelMagic),
		"wrong magic":    append([]byte("XXXX"), good[4:]...),
		"truncated":      good[:len(good)/2],
		"one byte short": good[:len(good)-1],
		"bad checksum":   append(append([]byte(nil), body...), 0, 0, 0, 0),
		"no tags":        withChecksum([]byte(modelMagic + "\x00")),
		"bad tag":        withChecksum([]byte(modelMagic + "\x01\x03X-Y")),
		"O not first":    withChecksum([]byte(modelMagic + "\x02\x05B-PER\x01O")),
		"wrong key bits": withChecksum([]byte(modelMagic + "\x01\x01O\x07")),
		"too many rows":  withChecksum([]byte(modelMagic + "\x01\x01O\x18\xff\xff\xff\x07")),
		"short body":     withChecksum(body[:len(body)-3]),
		"trailing bytes": withChecksum(append(append([]byte(nil), body...), 1)),
	}
	for name, data := range cases {
		_, err := Load(bytes.NewReader(data))
		if err == nil {
			t.Errorf("Load(%s) succeeded; want an error", name)
		} else if !errors.Is(err, errModel) {
			t.Errorf("Load(%s) = %v; want an errModel", name, err)
		}
	}
	if _, err := Load(errReader{}); err == nil {
		t.Errorf("Load(failing reader) succeeded; want an error")
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

// TestLoadCorrupt flips bytes all over the model (with a fixed checksum, so
// that the decoder sees them): Load may fail but must not panic.
func TestLoadCorrupt(t *testing.T) {
	body := embeddedModel[:len(embeddedModel)-4]
	step := len(body)/40 + 1
	for i := 4; i < len(body); i += step {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			b := append([]byte(nil), body...)
			b[i] ^= x
			Load(bytes.NewReader(withChecksum(b)))
		}
	}
	for n := 0; n < len(body); n += step {
		Load(bytes.NewReader(withChecksum(body[:n])))
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(embeddedModel[:64])
	f.Add([]byte(modelMagic + "\x01\x01O\x18\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// With and without a valid checksum.
		Load(bytes.NewReader(data))
		Load(bytes.NewReader(withChecksum(data)))
	})
}
