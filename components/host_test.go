package components

import "testing"

func TestDisplayHost(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://www.nos.nl/artikel/1", "nos.nl"},
		{"https://bücher.example/x", "xn--bcher-kva.example"},       // RFC 3492 / IDNA example
		{"https://münchen.de/", "xn--mnchen-3ya.de"},                // a known registration
		{"https://аррӏе.com/", "xn--80ak6aa92e.com"},                // Cyrillic look-alike of apple.com
		{"https://evil\u202e.com/", "evil.com"},                     // a bidi override is dropped
		{"https://xn--bcher-kva.example/", "xn--bcher-kva.example"}, // already punycode
		{"https://EXAMPLE.org:8080/", "example.org"},
	} {
		if got := DisplayHost(c.in); got != c.want {
			t.Errorf("DisplayHost(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}
