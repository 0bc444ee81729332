package importer

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// DecodeHTML returns an HTML page's bytes as UTF-8, with the name of the
// character set it decoded from. contentType is the Content-Type header
// (empty for a file).
//
// The decision, in order: a byte-order mark; then valid UTF-8 with non-ASCII
// text is UTF-8 whatever the labels say (a page that is valid UTF-8 is
// almost never meant as anything else, and "charset=iso-8859-1" on UTF-8
// pages is a common mistake); then the charset parameter of contentType;
// then a <meta> charset in the first 1024 bytes; and windows-1252 when
// nothing is known, or when a page labelled UTF-8 is not valid UTF-8 (older
// Dutch news pages often are windows-1252 or ISO-8859-1 in fact). Following
// the HTML standard, the ISO-8859-1 and US-ASCII labels mean windows-1252.
func DecodeHTML(body []byte, contentType string) ([]byte, string) {
	if enc, name := bomEncoding(body); enc != nil {
		return decodeWith(enc, body), name
	}
	if utf8.Valid(body) && bytes.IndexByte(body, 0x1B) < 0 { // ESC: ISO-2022 is 7-bit
		return body, "utf-8"
	}
	if mostlyUTF8(body) {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), "utf-8"
	}
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if enc == nil || name == "utf-8" || enc == encoding.Nop || enc == unicode.UTF8 {
		enc, name = charmap.Windows1252, "windows-1252"
	}
	return decodeWith(enc, body), name
}

// mostlyUTF8 reports a page that has more valid multi-byte UTF-8 sequences
// than invalid bytes: UTF-8 with a few broken bytes (a bad join of two
// sources) rather than a single-byte character set, in which sequences that
// happen to be valid UTF-8 are rare.
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		b = b[size:]
	}
	return multi > 4*bad
}

func bomEncoding(b []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8BOM, "utf-8"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	return nil, ""
}

func decodeWith(enc encoding.Encoding, b []byte) []byte {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// Decoders replace bad input rather than fail; this is a safety net.
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return out
}
