package app

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// malformedFragment replaces a fragment that Go cannot parse; DecodeShare
// reports it as malformed, so the user gets a message.
const malformedFragment = "v=1&malformed"

// SanitizeLocation makes the page's URL parseable before go-app reads it.
// go-app v9 parses location.href with url.Parse and crashes on a nil URL,
// and a hand-edited or damaged share link such as "#t=%%%" would do that.
// The wasm client calls it before app.RunWhenOnBrowser.
func SanitizeLocation() {
	if !app.IsClient {
		return
	}
	href := app.Window().Get("location").Get("href").String()
	if fixed, ok := sanitizeHref(href); !ok {
		app.Window().Get("history").Call("replaceState", nil, "", fixed)
	}
}

// sanitizeHref returns href and true when url.Parse accepts it. Otherwise it
// returns a parseable form: stray "%" escaped as "%25", or, if that is not
// enough, the URL without its fragment plus malformedFragment.
func sanitizeHref(href string) (string, bool) {
	if _, err := url.Parse(href); err == nil {
		return href, true
	}
	if fixed := escapeStrayPercent(href); fixed != href {
		if _, err := url.Parse(fixed); err == nil {
			return fixed, false
		}
	}
	base, _, _ := strings.Cut(href, "#")
	base = escapeStrayPercent(base)
	if _, err := url.Parse(base); err != nil {
		return "/#" + malformedFragment, false
	}
	return base + "#" + malformedFragment, false
}

// escapeStrayPercent escapes every "%" that does not start a valid escape.
func escapeStrayPercent(s string) string {
	hex := func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && (i+2 >= len(s) || !hex(s[i+1]) || !hex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
