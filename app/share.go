package app

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// ShareVersion is the format version that EncodeShare writes into a share
// link ("v=2": version 1 plus the reader's corrections, "e=", and links
// without the text, which name only their source URL). DecodeShare reads
// versions 1 and 2 and refuses newer ones.
const ShareVersion = 2

// Limits of the share codec. They keep a crafted link from exhausting memory.
const (
	// MaxShareText is the largest article text (in bytes, decompressed) that
	// a share link may carry: 1 MiB.
	MaxShareText = 1 << 20
	// MaxFragment is the longest fragment EncodeShare writes and DecodeShare
	// reads: 256 KiB. Browsers accept longer URLs, but chat apps and mail
	// clients often cut them.
	MaxFragment = 256 << 10
	// maxSourceURL is the longest source URL a link may name.
	maxSourceURL = 2048
)

// Errors of DecodeShare and EncodeShare. The UI turns each into a message.
var (
	// ErrNoShare means the fragment is not a share link (for example empty).
	ErrNoShare = errors.New("share: not a share link")
	// ErrShareTooLong means the link is longer than MaxFragment, or the
	// article is too long to fit in one.
	ErrShareTooLong = errors.New("share: the link is too long")
	// ErrShareMalformed means the link is damaged: a missing or repeated
	// field, invalid base64, an invalid id or URL.
	ErrShareMalformed = errors.New("share: the link is malformed")
	// ErrShareTruncated means the compressed text ends early or is shorter
	// than its stated length: the link was probably cut off.
	ErrShareTruncated = errors.New("share: the link is truncated")
	// ErrShareTooLarge means the text would decompress to more than
	// MaxShareText bytes (or the link says so).
	ErrShareTooLarge = errors.New("share: the text in the link is too large")
	// ErrShareFuture means the link was made by a newer version of the app.
	ErrShareFuture = errors.New("share: the link is from a newer version")
)

// A Share is the whole view a share link restores: the article text, where
// it came from, and what was selected.
type Share struct {
	Text      string // the article text as analysed
	SourceURL string // the page it was imported from; "" when pasted
	Actor     string // selected actor id ("a3"); "" for none
	Statement string // selected statement id ("s7"); "" for none
	Edits     []Edit // the reader's corrections, in the order made
	// NoText is true for a link that leaves the text out: the article is
	// imported again from SourceURL when the link is opened.
	NoText bool
}

// EncodeShare returns the URL fragment (without "#") for s:
//
//	v=2&n=<text bytes>[&a=<actor>][&s=<statement>][&u=<source URL>][&e=<edits>]&t=<text>
//
// where <text> is the raw-deflate compressed text in unpadded base64url and
// <edits> the corrections (encodeEdits). The text comes last, so a link cut
// short loses it and is detected. With NoText, n and t are left out and u
// is required. It returns ErrShareTooLong when the fragment would be longer
// than MaxFragment, and ErrShareMalformed for an invalid id or URL.
func EncodeShare(s Share) (string, error) {
	if len(s.Text) > MaxShareText {
		return "", ErrShareTooLong
	}
	if !validID(s.Actor, 'a') || !validID(s.Statement, 's') || !validSourceURL(s.SourceURL) ||
		len(s.Edits) > maxEdits || s.NoText && s.SourceURL == "" {
		return "", ErrShareMalformed
	}
	var b strings.Builder
	b.WriteString("v=" + strconv.Itoa(ShareVersion))
	if !s.NoText {
		b.WriteString("&n=" + strconv.Itoa(len(s.Text)))
	}
	if s.Actor != "" {
		b.WriteString("&a=" + s.Actor)
	}
	if s.Statement != "" {
		b.WriteString("&s=" + s.Statement)
	}
	if s.SourceURL != "" {
		b.WriteString("&u=" + url.QueryEscape(s.SourceURL))
	}
	if len(s.Edits) > 0 {
		b.WriteString("&e=" + encodeEdits(s.Edits))
	}
	if !s.NoText {
		z, err := compressText(s.Text)
		if err != nil {
			return "", err
		}
		b.WriteString("&t=")
		b.WriteString(z)
	}
	if b.Len() > MaxFragment {
		return "", ErrShareTooLong
	}
	return b.String(), nil
}

// lastCompressed caches the compressed form of the last text shared: the
// address bar follows every selection and correction, and the text is the
// expensive part of the link.
var lastCompressed struct {
	text, z string
}

// compressText returns the raw-deflate compressed text in unpadded base64url.
func compressText(text string) (string, error) {
	if lastCompressed.z != "" && lastCompressed.text == text {
		return lastCompressed.z, nil
	}
	var z bytes.Buffer
	w, err := flate.NewWriter(&z, flate.BestCompression)
	if err != nil {
		return "", fmt.Errorf("share: compressing: %w", err)
	}
	io.WriteString(w, text)
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("share: compressing: %w", err)
	}
	enc := base64.RawURLEncoding.EncodeToString(z.Bytes())
	lastCompressed.text, lastCompressed.z = text, enc
	return enc, nil
}

// IsShareFragment reports whether a URL fragment looks like a share link
// (it starts with "v="), so that other fragments can be left alone.
func IsShareFragment(fragment string) bool {
	return strings.HasPrefix(fragment, "v=")
}

// DecodeShare parses a fragment written by EncodeShare (give it the escaped
// form, url.URL.EscapedFragment). It never panics and never allocates more
// than about MaxFragment plus MaxShareText bytes, whatever the input: the
// length field is checked before use and decompression stops at
// MaxShareText. Errors are the Err* values of this file.
func DecodeShare(fragment string) (Share, error) {
	if fragment == "" {
		return Share{}, ErrNoShare
	}
	if len(fragment) > MaxFragment {
		return Share{}, ErrShareTooLong
	}
	fields := map[string]string{}
	for _, kv := range strings.Split(fragment, "&") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return Share{}, ErrShareMalformed
		}
		if _, dup := fields[k]; dup {
			return Share{}, ErrShareMalformed
		}
		fields[k] = v
	}
	version, err := parseSmallInt(fields["v"])
	if err != nil || version < 1 {
		return Share{}, ErrShareMalformed
	}
	if version > ShareVersion {
		return Share{}, ErrShareFuture
	}
	var s Share
	if raw, ok := fields["e"]; ok {
		if version < 2 {
			return Share{}, ErrShareMalformed
		}
		if s.Edits, err = decodeEdits(raw); err != nil {
			return Share{}, err
		}
	}
	_, hasN := fields["n"]
	_, hasT := fields["t"]
	if version >= 2 && !hasN && !hasT && fields["u"] != "" {
		s.NoText = true
	}
	n, err := parseSmallInt(fields["n"])
	if s.NoText {
		n, err = 0, nil
	}
	if err != nil {
		if errors.Is(err, errNumberTooBig) {
			return Share{}, ErrShareTooLarge
		}
		return Share{}, ErrShareMalformed
	}
	if n > MaxShareText {
		return Share{}, ErrShareTooLarge
	}
	s.Actor, s.Statement = fields["a"], fields["s"]
	if !validID(s.Actor, 'a') || !validID(s.Statement, 's') {
		return Share{}, ErrShareMalformed
	}
	if raw, ok := fields["u"]; ok {
		u, err := url.QueryUnescape(raw)
		if err != nil || u == "" || !validSourceURL(u) {
			return Share{}, ErrShareMalformed
		}
		s.SourceURL = u
	}
	if s.NoText {
		return s, nil
	}
	t, ok := fields["t"]
	if !ok {
		return Share{}, ErrShareTruncated
	}
	z, err := base64.RawURLEncoding.DecodeString(t)
	if err != nil {
		return Share{}, ErrShareMalformed
	}
	r := flate.NewReader(bytes.NewReader(z))
	defer r.Close()
	text, err := io.ReadAll(io.LimitReader(r, int64(n)+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Share{}, ErrShareTruncated
	case err != nil:
		return Share{}, ErrShareMalformed
	case len(text) > n:
		return Share{}, ErrShareTooLarge
	case len(text) < n:
		return Share{}, ErrShareTruncated
	}
	s.Text = string(text)
	return s, nil
}

var errNumberTooBig = errors.New("number too big")

// parseSmallInt parses a decimal number of at most 9 digits without sign.
func parseSmallInt(s string) (int, error) {
	if s == "" {
		return 0, ErrShareMalformed
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, ErrShareMalformed
		}
		if i >= 9 {
			return 0, errNumberTooBig
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// validID reports whether id is empty or a prefix letter and 1 to 6 digits,
// as the engine numbers actors ("a3") and statements ("s12").
func validID(id string, prefix byte) bool {
	if id == "" {
		return true
	}
	if len(id) < 2 || len(id) > 7 || id[0] != prefix {
		return false
	}
	for i := 1; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}

// validSourceURL reports whether u is empty or an absolute http(s) URL of
// reasonable length.
func validSourceURL(u string) bool {
	if u == "" {
		return true
	}
	if len(u) > maxSourceURL {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}
