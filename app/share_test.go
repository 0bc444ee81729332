package app

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"github.com/article-explorer/explorer/analysis"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// randomText builds a text of about n runes from a mix of ASCII, Dutch
// accents, quotation marks, emoji, markup and control characters.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{"a", "Poetin", " ", "\n\n", "ë", "ï", "é", "“", "”", "'", "\"", "<script>", "&amp;", "#", "&", "=", "%", "🙂", "\u200b", "\t", "中", "\x00", "\r\n"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestShareRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := []Share{
		{Text: "x"},
		{Text: string(seedText)},
		{Text: string(seedText), Actor: "a2", Statement: "s11"},
		{Text: "Poetin zei: “nee”.", SourceURL: "https://nos.nl/artikel/1?x=1&y=2#frag"},
		{Text: strings.Repeat("Biden ", 50_000)}, // compresses well: 300 KB
	}
	for i := 0; i < 200; i++ {
		s := Share{Text: randomText(r, 1+r.IntN(3000))}
		if r.IntN(2) == 0 {
			s.Actor = "a" + strconv.Itoa(1+r.IntN(999))
		}
		if r.IntN(3) == 0 {
			s.Statement = "s" + strconv.Itoa(1+r.IntN(999999))
		}
		if r.IntN(4) == 0 {
			s.SourceURL = "https://example.org/" + url1(r)
		}
		cases = append(cases, s)
	}
	for _, want := range cases {
		frag, err := EncodeShare(want)
		if err != nil {
			t.Fatalf("EncodeShare(%.40q) error: %v", want.Text, err)
		}
		if !IsShareFragment(frag) {
			t.Errorf("IsShareFragment(%.40q) = false", frag)
		}
		for _, c := range frag {
			if !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%=&+", c) {
				t.Fatalf("EncodeShare(%.40q) has %q, which a URL fragment would escape", want.Text, c)
			}
		}
		got, err := DecodeShare(frag)
		if err != nil {
			t.Fatalf("DecodeShare(EncodeShare(%.40q)) error: %v", want.Text, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("DecodeShare(EncodeShare(x)) = %+.60v; want %+.60v", got, want)
		}
	}
}

func url1(r *rand.Rand) string {
	parts := []string{"a", "b?c=d", "&e=f", "#g", "%20", "ë", "x/y"}
	var b strings.Builder
	for range 1 + r.IntN(5) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

// deflate returns raw deflate of b in base64url.
func deflate(t *testing.T, b []byte) string {
	t.Helper()
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(b)
	w.Close()
	return base64.RawURLEncoding.EncodeToString(z.Bytes())
}

func TestShareHostile(t *testing.T) {
	good, err := EncodeShare(Share{Text: string(seedText), Actor: "a1"})
	if err != nil {
		t.Fatal(err)
	}
	bomb := deflate(t, make([]byte, 150<<20)) // 150 MiB of zeros in ~200 KB of base64
	smallBomb := deflate(t, make([]byte, MaxShareText+1))
	cases := []struct {
		name, frag string
		want       error
	}{
		{"empty", "", ErrNoShare},
		{"invalid base64", "v=1&n=5&t=%%%%", ErrShareMalformed},
		{"base64 with padding", "v=1&n=1&t=" + deflate(t, []byte("x")) + "==", ErrShareMalformed},
		{"not deflate", "v=1&n=5&t=" + base64.RawURLEncoding.EncodeToString([]byte("hello world, not deflate")), ErrShareMalformed},
		{"deflate bomb, honest length", "v=1&n=" + strconv.Itoa(150<<20) + "&t=" + bomb, ErrShareTooLarge},
		{"deflate bomb, lying length", "v=1&n=10&t=" + bomb, ErrShareTooLarge},
		{"just over the cap", "v=1&n=" + strconv.Itoa(MaxShareText) + "&t=" + smallBomb, ErrShareTooLarge},
		{"huge length field", "v=1&n=999999999&t=" + deflate(t, []byte("x")), ErrShareTooLarge},
		{"enormous length field", "v=1&n=99999999999999999999999999&t=" + deflate(t, []byte("x")), ErrShareTooLarge},
		{"negative length", "v=1&n=-1&t=" + deflate(t, []byte("x")), ErrShareMalformed},
		{"length too short", "v=1&n=1&t=" + deflate(t, []byte("xy")), ErrShareTooLarge},
		{"length too long", "v=1&n=3&t=" + deflate(t, []byte("xy")), ErrShareTruncated},
		{"missing text", "v=1&n=3", ErrShareTruncated},
		{"missing length", "v=1&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"missing version", "n=2&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"version zero", "v=0&n=2&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"future version", "v=3&n=2&t=" + deflate(t, []byte("xy")), ErrShareFuture},
		{"far future version", "v=999&whatever", ErrShareMalformed},
		{"far future version, well formed", "v=999&n=1&t=x", ErrShareFuture},
		{"duplicate field", "v=1&n=2&n=2&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"field without =", "v=1&n=2&junk&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"bad actor id", "v=1&n=2&a=<img>&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"bad statement id", "v=1&n=2&s=a1&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"javascript URL", "v=1&n=2&u=javascript%3Aalert(1)&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"bad escape in URL", "v=1&n=2&u=%zz&t=" + deflate(t, []byte("xy")), ErrShareMalformed},
		{"too long", "v=1&n=2&t=" + strings.Repeat("A", MaxFragment), ErrShareTooLong},
	}
	for _, c := range cases {
		_, err := DecodeShare(c.frag)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: DecodeShare(%.60q) error = %v; want %v", c.name, c.frag, err, c.want)
		}
	}
	// Every cut of a good link fails cleanly (or, cut inside the
	// selection fields, decodes to nothing else than an error).
	for i := 0; i < len(good); i++ {
		s, err := DecodeShare(good[:i])
		if err == nil {
			t.Fatalf("DecodeShare(good[:%d]) = %+.40v; want an error", i, s)
		}
	}
}

func TestShareEncodeLimits(t *testing.T) {
	if _, err := EncodeShare(Share{Text: strings.Repeat("x", MaxShareText+1)}); !errors.Is(err, ErrShareTooLong) {
		t.Errorf("EncodeShare(1 MiB + 1) error = %v; want ErrShareTooLong", err)
	}
	// Random text does not compress: 300 KB cannot fit in 256 KiB.
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for b.Len() < 300_000 {
		b.WriteRune(rune(0x4e00 + r.IntN(0x5000)))
	}
	if _, err := EncodeShare(Share{Text: b.String()}); !errors.Is(err, ErrShareTooLong) {
		t.Errorf("EncodeShare(300 KB of random CJK) error = %v; want ErrShareTooLong", err)
	}
	for _, s := range []Share{{Text: "x", Actor: "x1"}, {Text: "x", Statement: "s"}, {Text: "x", SourceURL: "ftp://x"}} {
		if _, err := EncodeShare(s); !errors.Is(err, ErrShareMalformed) {
			t.Errorf("EncodeShare(%+v) error = %v; want ErrShareMalformed", s, err)
		}
	}
}

func FuzzDecodeShare(f *testing.F) {
	good, _ := EncodeShare(Share{Text: "Poetin zei “nee”.", Actor: "a1", Statement: "s1", SourceURL: "https://nos.nl/a"})
	f.Add(good)
	f.Add("v=1&n=0&t=")
	f.Add("v=1&n=5&t=%%%")
	f.Fuzz(func(t *testing.T, frag string) {
		s, err := DecodeShare(frag)
		if err != nil {
			return
		}
		if len(s.Text) > MaxShareText || !validID(s.Actor, 'a') || !validID(s.Statement, 's') || !validSourceURL(s.SourceURL) {
			t.Fatalf("DecodeShare(%q) = %+v: outside the limits", frag, s)
		}
		if again, err := EncodeShare(s); err == nil {
			if back, err := DecodeShare(again); err != nil || !reflect.DeepEqual(back, s) {
				t.Fatalf("re-encoding %q: %+v, %v", frag, back, err)
			}
		}
		_ = utf8.ValidString(s.Text) // any bytes may come back; Analyze checks UTF-8
	})
}

// TestShareVersions: version-1 links keep opening; version 2 carries the
// corrections and may leave the text out.
func TestShareVersions(t *testing.T) {
	v1 := "v=1&n=1&a=a2&t=" + deflate(t, []byte("x"))
	s, err := DecodeShare(v1)
	if err != nil || s.Text != "x" || s.Actor != "a2" || len(s.Edits) != 0 {
		t.Errorf("a version-1 link: %+v, %v", s, err)
	}
	if _, err := DecodeShare("v=1&n=1&e=d,0-1&t=" + deflate(t, []byte("x"))); err == nil {
		t.Error("a version-1 link with corrections was accepted")
	}
	want := Share{Text: "Poetin zei nee.", Edits: []Edit{{Kind: EditDelete, Stmt: analysis.Span{Start: 11, End: 14}},
		{Kind: EditRename, Actor: ActorRef{Mention: analysis.Span{Start: 0, End: 6}}, Name: "Vladimir Poetin"}}}
	frag, err := EncodeShare(want)
	if err != nil || !strings.HasPrefix(frag, "v=2&") {
		t.Fatalf("EncodeShare: %q, %v", frag, err)
	}
	if got, err := DecodeShare(frag); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("round trip with edits: %+v, %v", got, err)
	}
	nt := Share{SourceURL: "https://nos.nl/artikel/1", NoText: true, Statement: "s2", Edits: want.Edits}
	frag, err = EncodeShare(nt)
	if err != nil || strings.Contains(frag, "&t=") {
		t.Fatalf("EncodeShare without text: %q, %v", frag, err)
	}
	if got, err := DecodeShare(frag); err != nil || !reflect.DeepEqual(got, nt) {
		t.Errorf("round trip without text: %+v, %v", got, err)
	}
	if _, err := EncodeShare(Share{NoText: true}); err == nil {
		t.Error("a link without text and without source URL was made")
	}
}

// TestSourceFromURL: a share link's source host is shown in punycode,
// without bidi controls.
func TestSourceFromURL(t *testing.T) {
	if got := sourceFromURL("https://www.nоs.nl/artikel/1").Site; got != "xn--ns-fmc.nl" { // Cyrillic о (Python: "nоs".encode("punycode"))
		t.Errorf("look-alike host shown as %q", got)
	}
	if got := sourceFromURL("https://nos.nl\u202e/x").Site; strings.ContainsRune(got, '\u202e') {
		t.Errorf("bidi control kept: %q", got)
	}
}
