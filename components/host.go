package components

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// DisplayHost returns the host of a URL as the address bar shows it when
// in doubt: lower-case, without "www.", every label with non-ASCII letters
// in its punycode form ("xn--…", RFC 3492), so that a look-alike name
// (Cyrillic "а" for Latin "a") shows as what it is, and without bidi
// controls or other invisible characters that could reorder it.
func DisplayHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	var clean strings.Builder
	for _, r := range host {
		if r < 0x20 || r == 0x7f || r == 0xfffd || isInvisible(r) {
			continue
		}
		clean.WriteRune(r)
	}
	labels := strings.Split(clean.String(), ".")
	for i, l := range labels {
		labels[i] = punycodeLabel(l)
	}
	return strings.TrimPrefix(strings.Join(labels, "."), "www.")
}

// isInvisible reports bidi controls and other format characters that do
// not show but change how a name reads.
func isInvisible(r rune) bool {
	switch {
	case r == 0x061C, r == 0x00AD, r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2069, r == 0xFEFF:
		return true
	}
	return false
}

// punycodeLabel returns "xn--" and the punycode of a label with non-ASCII
// characters, and an ASCII label unchanged.
func punycodeLabel(label string) string {
	ascii := true
	for i := 0; i < len(label); i++ {
		if label[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return label
	}
	return "xn--" + punycode(label)
}

// punycode encodes s with the Bootstring parameters of RFC 3492.
func punycode(s string) string {
	const (
		base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
		initialBias, initialN        = 72, 128
	)
	runes := []rune(s)
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := len(out)
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	digit := func(d int) byte {
		if d < 26 {
			return byte('a' + d)
		}
		return byte('0' + d - 26)
	}
	adapt := func(delta, numPoints int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / numPoints
		k := 0
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	n, delta, bias := initialN, 0, initialBias
	for h < len(runes) {
		m := int(^uint(0) >> 1)
		for _, r := range runes {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		delta += (m - n) * (h + 1)
		n = m
		for _, r := range runes {
			if int(r) < n {
				delta++
			}
			if int(r) == n {
				q := delta
				for k := base; ; k += base {
					t := k - bias
					if t < tmin {
						t = tmin
					} else if t > tmax {
						t = tmax
					}
					if q < t {
						break
					}
					out = append(out, digit(t+(q-t)%(base-t)))
					q = (q - t) / (base - t)
				}
				out = append(out, digit(q))
				bias = adapt(delta, h+1, h == b)
				delta = 0
				h++
			}
		}
		delta++
		n++
	}
	return string(out)
}
