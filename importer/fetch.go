package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// UserAgent is the User-Agent header of every request a Fetcher makes.
const UserAgent = "article-explorer/1 (+https://github.com/article-explorer/explorer)"

// Defaults of Options.
const (
	DefaultTimeout        = 15 * time.Second
	DefaultConnectTimeout = 5 * time.Second
	DefaultMaxBytes       = 5 << 20
	DefaultMaxRedirects   = 5
	maxURLLength          = 2048
)

// Options configure a Fetcher. The zero value means the defaults.
type Options struct {
	// Timeout caps a whole fetch: connections, redirects and the body.
	// Default 15 s.
	Timeout time.Duration
	// ConnectTimeout caps each TCP connection. Default 5 s.
	ConnectTimeout time.Duration
	// MaxBytes caps the (decompressed) body; a longer page fails with
	// CodeTooLarge and is not read further. Default 5 MB.
	MaxBytes int64
	// MaxRedirects caps the redirects followed. Default 5; negative means
	// none.
	MaxRedirects int
	// Ports are the ports a URL may name. Default 80 and 443.
	Ports []int
	// AllowLoopback lets the Fetcher connect to loopback addresses, on any
	// port. It exists for tests against httptest servers: never set it in
	// a server.
	AllowLoopback bool
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	switch {
	case o.MaxRedirects == 0:
		o.MaxRedirects = DefaultMaxRedirects
	case o.MaxRedirects < 0:
		o.MaxRedirects = 0
	}
	if len(o.Ports) == 0 {
		o.Ports = []int{80, 443}
	}
	return o
}

// A Fetcher fetches web pages for strangers without becoming an open proxy
// or a way into the network it runs in: it speaks only HTTP(S) to public
// addresses on the allowed ports, follows few redirects, and caps time and
// size. Every connection's address is checked as it is dialled, so the
// check covers each redirect and cannot be dodged by DNS rebinding.
//
// A Fetcher is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
}

// NewFetcher returns a Fetcher with the given options.
func NewFetcher(opts Options) *Fetcher {
	f := &Fetcher{opts: opts.withDefaults()}
	dialer := &net.Dialer{
		Timeout:   f.opts.ConnectTimeout,
		KeepAlive: 30 * time.Second,
		Control:   f.control,
	}
	transport := &http.Transport{
		Proxy:                  nil, // a proxy would hide the real address from control
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    f.opts.ConnectTimeout,
		ResponseHeaderTimeout:  f.opts.Timeout,
		MaxResponseHeaderBytes: 64 << 10,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    8,
		IdleConnTimeout:        60 * time.Second,
	}
	f.client = &http.Client{
		Transport:     transport,
		CheckRedirect: f.checkRedirect,
	}
	return f
}

// Page is a fetched HTML page.
type Page struct {
	URL         string // the URL asked for, as validated
	FinalURL    string // the URL after redirects
	ContentType string // the media type, "text/html" or "application/xhtml+xml"
	Charset     string // the character set Body was decoded from
	Body        []byte // the page as UTF-8
}

// Fetch validates rawURL, fetches the page and decodes it to UTF-8. Its
// errors are *Error values.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	u, err := f.validate(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newError(CodeBadURL, "the URL is not valid", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	req.Header.Set("Accept-Language", "nl,en;q=0.8,*;q=0.5")

	// A fresh cookie jar per fetch: consent and paywall redirects often set
	// a cookie and send the browser back; nothing is kept between fetches.
	jar, _ := cookiejar.New(nil)
	client := *f.client
	client.Jar = jar
	resp, err := client.Do(req)
	if err != nil {
		return nil, classify(ctx, err)
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, newError(CodeUpstream, fmt.Sprintf("the site answered %s", resp.Status), nil)
	}
	mediaType := ""
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mediaType, _, _ = mime.ParseMediaType(ct)
		if mediaType == "" {
			mediaType = "unknown"
		}
		if !isHTMLType(mediaType) {
			return nil, newError(CodeNotHTML, fmt.Sprintf("the page is %s, not HTML", mediaType), nil)
		}
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, newError(CodeTooLarge, fmt.Sprintf("the page is larger than %d bytes", f.opts.MaxBytes), nil)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, classify(ctx, err)
	}
	if int64(len(body)) > f.opts.MaxBytes {
		return nil, newError(CodeTooLarge, fmt.Sprintf("the page is larger than %d bytes", f.opts.MaxBytes), nil)
	}
	if mediaType == "" { // no Content-Type: sniff
		mediaType, _, _ = mime.ParseMediaType(http.DetectContentType(body))
		if !isHTMLType(mediaType) {
			return nil, newError(CodeNotHTML, fmt.Sprintf("the page is %s, not HTML", mediaType), nil)
		}
	}
	utf8Body, charsetName := DecodeHTML(body, resp.Header.Get("Content-Type"))
	return &Page{
		URL:         u.String(),
		FinalURL:    resp.Request.URL.String(),
		ContentType: mediaType,
		Charset:     charsetName,
		Body:        utf8Body,
	}, nil
}

// Import fetches the page at rawURL and extracts its article: what the
// /api/article endpoint and "explorer extract --url" do. Its errors are
// *Error values.
func (f *Fetcher) Import(ctx context.Context, rawURL string) (*Article, error) {
	p, err := f.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	a, err := ExtractContext(ctx, p.Body, p.FinalURL)
	if err != nil {
		return nil, extractError(err)
	}
	a.URL = p.URL
	return a, nil
}

func isHTMLType(mediaType string) bool {
	return mediaType == "text/html" || mediaType == "application/xhtml+xml"
}

// ValidateURL checks a URL the way a Fetcher with default options does
// before fetching it, and returns it normalised: only http and https, no
// user name or password, ports 80 and 443, and a host name that is not an
// address outside the public internet. A URL without a scheme is taken as
// https. Its errors are *Error values with CodeBadURL or CodeForbidden.
//
// Host names are checked again, with their addresses, when the Fetcher
// connects.
func ValidateURL(rawURL string) (*url.URL, error) {
	return defaultFetcher.validate(rawURL)
}

var defaultFetcher = &Fetcher{opts: Options{}.withDefaults()}

func (f *Fetcher) validate(rawURL string) (*url.URL, error) {
	raw := strings.TrimSpace(rawURL)
	if raw == "" {
		return nil, newError(CodeBadURL, "no URL given", nil)
	}
	if len(raw) > maxURLLength {
		return nil, newError(CodeBadURL, fmt.Sprintf("the URL is longer than %d bytes", maxURLLength), nil)
	}
	if !utf8.ValidString(raw) {
		return nil, newError(CodeBadURL, "the URL is not valid text", nil)
	}
	if !strings.Contains(raw, "://") {
		// "nos.nl/nieuws/…" is taken as https; "mailto:…" keeps its scheme.
		if i := strings.IndexByte(raw, ':'); i < 0 || strings.Contains(raw[:i], ".") {
			raw = "https://" + raw
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, newError(CodeBadURL, "the URL is not valid", err)
	}
	if u, err = f.checkURL(u); err != nil {
		return nil, err
	}
	if len(u.String()) > maxURLLength {
		// Escaping lengthens it ("!" becomes "%21"): the URL returned
		// must pass again.
		return nil, newError(CodeBadURL, fmt.Sprintf("the URL is longer than %d bytes", maxURLLength), nil)
	}
	return u, nil
}

// checkURL checks a parsed URL: the first one and every redirect.
func (f *Fetcher) checkURL(u *url.URL) (*url.URL, error) {
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, newError(CodeBadURL, "only http and https URLs can be imported", nil)
	}
	if u.User != nil {
		return nil, newError(CodeBadURL, "URLs with a user name or password are not accepted", nil)
	}
	if u.Opaque != "" {
		return nil, newError(CodeBadURL, "the URL is not valid", nil)
	}
	host := u.Hostname()
	if host == "" {
		return nil, newError(CodeBadURL, "the URL has no host", nil)
	}
	port := 80
	if u.Scheme == "https" {
		port = 443
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return nil, newError(CodeBadURL, "the URL's port is not valid", err)
		}
		port = n
	}
	if addr, err := netip.ParseAddr(strings.TrimSuffix(host, ".")); err == nil {
		if addr.Zone() != "" {
			return nil, newError(CodeBadURL, "the URL's address is not valid", nil)
		}
		addr = addr.Unmap()
		if !(f.opts.AllowLoopback && addr.IsLoopback()) {
			if !isPublicAddr(addr) {
				return nil, newError(CodeForbidden, "that address is not on the public internet", nil)
			}
			if !slices.Contains(f.opts.Ports, port) {
				return nil, newError(CodeBadURL, fmt.Sprintf("port %d is not allowed", port), nil)
			}
		}
	} else {
		name := strings.TrimSuffix(host, ".") // the root's dot
		if name == "" || strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".") || strings.Contains(name, "..") {
			return nil, newError(CodeBadURL, "the URL's host name is not valid", nil)
		}
		ascii, err := idna.Lookup.ToASCII(name)
		if err == nil && ascii != "" {
			_, err = idna.Lookup.ToUnicode(ascii) // what ToASCII lets by may not come back
		}
		if err != nil || !validHostName(ascii) || looksNumeric(ascii) {
			return nil, newError(CodeBadURL, "the URL's host name is not valid", err)
		}
		if !slices.Contains(f.opts.Ports, port) {
			return nil, newError(CodeBadURL, fmt.Sprintf("port %d is not allowed", port), nil)
		}
		// Where the name leads is checked when the Fetcher dials.
		if u.Port() != "" {
			u.Host = net.JoinHostPort(ascii, u.Port())
		} else {
			u.Host = ascii
		}
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// validHostName reports an ASCII host name of letters, digits, hyphens
// and underscores in non-empty labels of at most 63 bytes.
func validHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// looksNumeric reports a host name whose last label is a number, which no
// top-level domain is: another way of writing an address ("127.1",
// "2130706433", "0x7f.1") that some resolvers accept.
func looksNumeric(s string) bool {
	last := s[strings.LastIndexByte(s, '.')+1:]
	if strings.HasPrefix(last, "0x") {
		last = last[2:]
		return strings.Trim(last, "0123456789abcdef") == ""
	}
	return strings.Trim(last, "0123456789") == ""
}

// checkRedirect applies the URL rules and the redirect cap to redirects.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return newError(CodeUpstream, fmt.Sprintf("the site redirected more than %d times", f.opts.MaxRedirects), nil)
	}
	if _, err := f.checkURL(req.URL); err != nil {
		return err
	}
	return nil
}

// control is the dialer's Control hook: it runs for every connection, after
// name resolution and before connecting, so it sees the address actually
// dialled, for the first request and every redirect alike.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	if network != "tcp4" && network != "tcp6" {
		return &addrError{address: address}
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &addrError{address: address}
	}
	addr := ap.Addr().Unmap()
	if f.opts.AllowLoopback && addr.IsLoopback() {
		return nil
	}
	if !isPublicAddr(addr) || !slices.Contains(f.opts.Ports, int(ap.Port())) {
		return &addrError{address: address}
	}
	return nil
}

// addrError is the refusal of an address by the dial check.
type addrError struct{ address string }

// Error names the refused address.
func (e *addrError) Error() string { return "address not allowed: " + e.address }

// nonPublic lists address ranges that are not on the public internet beyond
// what netip's predicates cover (RFC 6890 and friends).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("192.88.99.0/24"),  // 6to4 relay anycast
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may reach private IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local NAT64
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments, Teredo
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2002::/16"),       // 6to4: may reach private IPv4
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

// isPublicAddr reports whether addr may be fetched from: not loopback,
// private, link-local, unique-local, multicast, unspecified or otherwise
// reserved.
func isPublicAddr(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.Zone() != "" ||
		addr.IsLoopback() || addr.IsPrivate() || addr.IsUnspecified() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() ||
		addr.IsInterfaceLocalMulticast() || addr.IsMulticast() {
		return false
	}
	if addr.Is6() && !netip.MustParsePrefix("2000::/3").Contains(addr) {
		return false // only global unicast IPv6
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// classify turns a client error into an *Error.
func classify(ctx context.Context, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var ae *addrError
	if errors.As(err, &ae) {
		return newError(CodeForbidden, "that address is not on the public internet", err)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return newError(CodeTimeout, "the site took too long to answer", err)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return newError(CodeTimeout, "the site took too long to answer", err)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return newError(CodeUpstream, "the site's host name was not found", err)
	}
	if errors.Is(err, context.Canceled) {
		return newError(CodeUpstream, "the request was cancelled", err)
	}
	return newError(CodeUpstream, "the site could not be reached", err)
}
