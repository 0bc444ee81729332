package importer

import (
	"testing"
)

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name, body, contentType string
		want, charset           string
	}{
		{"UTF-8", "<p>café</p>", "", "<p>café</p>", "utf-8"},
		{"ASCII", "<p>cafe</p>", "text/html; charset=iso-8859-1", "<p>cafe</p>", "utf-8"},
		{"windows-1252 by meta", "<meta charset=windows-1252><p>caf\xe9 \x80 \x96</p>", "",
			"<meta charset=windows-1252><p>café € –</p>", "windows-1252"},
		{"ISO-8859-1 label means windows-1252", "<p>\x93caf\xe9\x94</p>", "text/html; charset=ISO-8859-1",
			"<p>“café”</p>", "windows-1252"},
		{"UTF-8 labelled ISO-8859-1", "<p>caf\xc3\xa9</p>", "text/html; charset=iso-8859-1", "<p>café</p>", "utf-8"},
		{"windows-1252 labelled UTF-8", "<p>caf\xe9</p>", "text/html; charset=utf-8", "<p>café</p>", "windows-1252"},
		{"no label, windows-1252", "<p>een re\xfcnie</p>", "", "<p>een reünie</p>", "windows-1252"},
		{"UTF-8 with a stray byte", "<p>één reünie café \xff en nog één</p>", "", "<p>één reünie café \ufffd en nog één</p>", "utf-8"},
		{"UTF-8 BOM", "\xef\xbb\xbf<p>café</p>", "", "<p>café</p>", "utf-8"},
		{"UTF-16LE BOM", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "", "<p>é", "utf-16le"},
		{"ISO-8859-15 by header", "<p>\xa4</p>", "text/html; charset=iso-8859-15", "<p>€</p>", "iso-8859-15"},
	}
	for _, tt := range tests {
		got, cs := DecodeHTML([]byte(tt.body), tt.contentType)
		if string(got) != tt.want || cs != tt.charset {
			t.Errorf("%s: %q (%s), want %q (%s)", tt.name, got, cs, tt.want, tt.charset)
		}
	}
}
