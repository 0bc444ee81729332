package importer

import (
	"strings"
	"unicode"
)

// brMark stands for a <br> in collected text. The HTML parser never leaves
// a NUL in text (it becomes U+FFFD), so it cannot clash with page text.
const brMark = '\x00'

// normalizeSpace collapses runs of white space (including no-break spaces)
// into one space, drops zero-width and soft-hyphen characters and trims the
// ends.
func normalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isSpace(r) || r == brMark:
			space = b.Len() > 0
			continue
		case isInvisible(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitBlock normalises the white space of a block's collected text and
// splits it where two or more <br> follow each other; a single <br> becomes
// a line break.
func splitBlock(s string) []string {
	var (
		out   []string
		b     strings.Builder
		space bool
		brs   int
	)
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == brMark:
			brs++
			continue
		case isSpace(r):
			space = true
			continue
		case isInvisible(r):
			continue
		}
		switch {
		case brs >= 2:
			flush()
		case brs == 1 && b.Len() > 0:
			b.WriteByte('\n')
		case space && b.Len() > 0:
			b.WriteByte(' ')
		}
		brs, space = 0, false
		b.WriteRune(r)
	}
	flush()
	return out
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u2007' || r == '\u202f'
}

func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// countLetters counts the runes of s that are not white space.
func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if !isSpace(r) && r != brMark {
			n++
		}
	}
	return n
}
