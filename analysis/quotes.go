package analysis

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds quotation marks and pairs them, for every quote style in
// Dutch and English news: "…", “…”, „…”, '…', ‘…’, ’…’, «…».

// A quotePair is one quotation inside a paragraph: the opening mark, and the
// closing mark when the paragraph has one (Close is zero when it runs on).
type quotePair struct {
	Open, Close Span
}

// Inner returns the quoted words without their marks; end is where an
// unclosed quote stops.
func (q quotePair) Inner(end int) Span {
	if q.Close.IsZero() {
		return Span{q.Open.End, end}
	}
	return Span{q.Open.End, q.Close.Start}
}

// Outer returns the quoted words with their marks.
func (q quotePair) Outer(end int) Span {
	if q.Close.IsZero() {
		return Span{q.Open.Start, end}
	}
	return Span{q.Open.Start, q.Close.End}
}

// maxQuoteDepth caps how deeply quotations nest; real text never passes 3.
const maxQuoteDepth = 6

const (
	doubleFamily = 1
	singleFamily = 2
)

// quoteFamily reports whether r is a quotation mark, and of which family.
func quoteFamily(r rune) int {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟':
		return doubleFamily
	case '\'', '‘', '’', '‚', '‹', '›':
		return singleFamily
	}
	return 0
}

func isQuoteRune(r rune) bool { return quoteFamily(r) != 0 }

// quoteMarkAt returns the length in bytes and the family of the quotation
// mark at text[i], or 0, 0. Besides the one-character marks it knows the
// two-character ones of Dutch house style (AD, DPG regional papers, De
// Telegraaf): ",," opens, "”" and "’’" close (",,Het is goed,” zegt hij").
func quoteMarkAt(text string, i int) (int, int) {
	if i >= len(text) || !quoteLead[text[i]] {
		return 0, 0
	}
	if i+1 < len(text) {
		switch text[i : i+2] {
		case ",,", "''":
			return 2, doubleFamily
		}
		if strings.HasPrefix(text[i:], "’’") {
			return len("’’"), doubleFamily
		}
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if f := quoteFamily(r); f != 0 {
		return n, f
	}
	return 0, 0
}

// quoteLeadChars holds every character that quoteFamily knows, and the
// comma of ",,".
const quoteLeadChars = `"“”„«»‟'‘’‚‹›,`

// quoteLead marks the bytes that start a quotation mark (quoteLeadChars'
// first bytes): a mark can stand only where one of them does.
var quoteLead = func() (t [256]bool) {
	for _, r := range quoteLeadChars {
		t[string(r)[0]] = true
	}
	return t
}()

// isQuoteRuneString reports whether a token is one quotation mark (of one
// character, or a two-character mark such as ",," and "”").
func isQuoteRuneString(s string) bool {
	n, f := quoteMarkAt(s, 0)
	return f != 0 && n == len(s)
}

// opensQuote reports, from its surroundings alone, whether the mark at i
// reads as an opening mark: after a space, an opening bracket, a colon or
// the start, and before a word or another mark.
func opensQuote(text string, i int) bool {
	n, _ := quoteMarkAt(text, i)
	if n == 0 {
		_, n = utf8.DecodeRuneInString(text[i:])
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch {
	case r == ',' && n == 2:
		// ",," opens where any mark opens (after a space, before a word).
	case n > 1 && (r == '\'' || r == '’'):
		// "''" and "’’" close, unless they stand before a word after a space.
	case r == '„' || r == '«' || r == '‹' || r == '‚' || r == '‟':
		return true
	case r == '»' || r == '›':
		return false
	}
	before := i == 0
	if !before {
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		before = unicode.IsSpace(p) || p == '(' || p == '[' || p == ':' || p == '—' || p == '–' || isQuoteRune(p)
	}
	after := i+n < len(text)
	if after {
		a, _ := utf8.DecodeRuneInString(text[i+n:])
		after = !unicode.IsSpace(a)
	}
	return before && after
}

// isApostrophe reports whether a single mark at i is an apostrophe rather
// than a quotation mark: inside a word ("scenario's", "zo'n"), before one
// of the language's clitics after a space (Dutch "'s avonds", "'t", "'n",
// "'s-Hertogenbosch"; English "'em"), or before a year ("'22").
func isApostrophe(text string, i int, clitics []string) bool {
	r, n := utf8.DecodeRuneInString(text[i:])
	if r != '\'' && r != '’' {
		return false
	}
	var prev, next rune
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if i+n < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+n:])
	}
	if isWordRune(prev) && isWordRune(next) {
		return true
	}
	if i > 0 && !unicode.IsSpace(prev) {
		return false
	}
	if unicode.IsDigit(next) {
		return true
	}
	rest := text[i+n:]
	for _, c := range clitics {
		if !strings.HasPrefix(rest, c) {
			continue
		}
		if len(rest) == len(c) {
			return true
		}
		if a, _ := utf8.DecodeRuneInString(rest[len(c):]); !isWordRune(a) || a == '-' {
			return true
		}
	}
	return false
}

// findQuotes pairs the quotation marks inside span s, in one pass. A mark
// that cannot be paired (a stray closer) is ignored; an opener that is never
// closed yields a pair with a zero Close. A single mark before one of the
// clitics is an apostrophe (see isApostrophe).
func findQuotes(text string, s Span, clitics []string) []quotePair {
	type open struct {
		at     Span
		family int
		pair   int
	}
	var pairs []quotePair
	var stack []open
	for i := s.Start; i < s.End; {
		if !quoteLead[text[i]] {
			// No mark starts at this byte (nor at the rest of a
			// character, whose bytes are never lead bytes).
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		m, fam := quoteMarkAt(text[:s.End], i)
		if fam == 0 || m == n && isApostrophe(text[:s.End], i, clitics) {
			i += n
			continue
		}
		n = m
		mark := Span{i, i + n}
		top := -1
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].family == fam {
				top = k
				break
			}
		}
		isOpen := opensQuote(text[:s.End], i)
		if !isOpen && r == ',' {
			i += n // two commas in a row that open nothing: a typo, not a mark
			continue
		}
		switch {
		case isOpen && r != '"' && r != '\'' && r != '’' && r != '”' && n == len(string(r)):
			// Marks that open by their shape or place („ « “ ‘).
		case isOpen && top >= 0 && (r == '"' || r == '\'') && closesNext(text[:s.End], i+n):
			isOpen = false // a straight mark right before punctuation closes
		case !isOpen && top < 0:
			i += n // a closer with nothing open: a stray mark
			continue
		}
		if isOpen && len(stack) >= maxQuoteDepth {
			i += n // deeper nesting than any real text: ignore, so work stays linear
			continue
		}
		if isOpen {
			if len(pairs) == cap(pairs) { // grow to what the span read so far predicts
				pairs = slices.Grow(pairs, extrapolate(len(pairs), i-s.Start, s.Len()))
			}
			pairs = append(pairs, quotePair{Open: mark})
			stack = append(stack, open{mark, fam, len(pairs) - 1})
		} else if top >= 0 {
			pairs[stack[top].pair].Close = mark
			stack = stack[:top]
		}
		i += n
	}
	return pairs
}

// closesNext reports whether the text after a straight mark is punctuation
// or the end, as after a closing mark.
func closesNext(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	return unicode.IsPunct(r) || unicode.IsSpace(r)
}

// maxQuoteChain bounds the walk up a chain of enclosing quotations; nesting
// deeper than maxQuoteDepth never gets there, so this only guards odd
// crossings of the two families.
const maxQuoteChain = 2 * maxQuoteDepth

// quoteParents returns, for each pair of qs (sorted by their opening mark),
// the index of the nearest earlier pair whose outer span holds its opening
// mark, or -1. With it the quotations around a position are found in a few
// steps instead of a scan over the paragraph's quotes.
func quoteParents(qs []quotePair, end int) []int32 {
	parent := make([]int32, len(qs))
	for i, q := range qs {
		p := int32(i - 1)
		for steps := 0; p >= 0 && steps < maxQuoteChain; steps++ {
			if o := qs[p].Outer(end); o.Start <= q.Open.Start && q.Open.Start < o.End {
				break
			}
			p = parent[p]
		}
		if p >= 0 {
			if o := qs[p].Outer(end); !(o.Start <= q.Open.Start && q.Open.Start < o.End) {
				p = -1
			}
		}
		parent[i] = p
	}
	return parent
}

// quotesAround appends to buf the indexes of the pairs of qs whose outer
// span holds pos, outermost first, and returns it.
func quotesAround(qs []quotePair, parent []int32, end, pos int, buf []int) []int {
	buf = buf[:0]
	j := sort.Search(len(qs), func(i int) bool { return qs[i].Open.Start > pos }) - 1
	holds := func(j int) bool { o := qs[j].Outer(end); return o.Start <= pos && pos < o.End }
	for steps := 0; j >= 0 && !holds(j) && steps < maxQuoteChain; steps++ {
		j = int(parent[j])
	}
	for steps := 0; j >= 0 && holds(j) && steps < maxQuoteChain; steps++ {
		buf = append(buf, j)
		j = int(parent[j])
	}
	for l, r := 0, len(buf)-1; l < r; l, r = l+1, r-1 {
		buf[l], buf[r] = buf[r], buf[l]
	}
	return buf
}
