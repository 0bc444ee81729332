package app

import (
	"errors"
	"net/url"
	"testing"
)

func TestSanitizeHref(t *testing.T) {
	cases := []struct {
		href string
		ok   bool
	}{
		{"http://localhost:8000/#v=1&n=2&t=abc", true},
		{"http://localhost:8000/#v=1&n=5&t=%%%", false},
		{"http://localhost:8000/repo/#v=1&u=%zz&t=x", false},
		{"http://localhost:8000/a%2/?q=%#x", false},
	}
	for _, c := range cases {
		got, ok := sanitizeHref(c.href)
		if ok != c.ok {
			t.Errorf("sanitizeHref(%q) ok = %v; want %v", c.href, ok, c.ok)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Errorf("sanitizeHref(%q) = %q, which does not parse: %v", c.href, got, err)
			continue
		}
		if !c.ok {
			if _, err := DecodeShare(u.EscapedFragment()); !errors.Is(err, ErrShareMalformed) {
				t.Errorf("sanitizeHref(%q) = %q: fragment decodes with %v; want ErrShareMalformed", c.href, got, err)
			}
		}
	}
}
