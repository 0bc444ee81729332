package analysis

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the structure stage: metadata, paragraphs, tokens and
// sentences, all as byte spans of Document.Text.

// readMetadata recognises a leading metadata field such as "date 2022-02"
// (also "datum 2022-02-17"), stores it, and returns the offset where the
// article itself starts.
func readMetadata(d *Document) int {
	text := d.Text
	i := skipSpace(text, 0)
	for _, key := range []string{"date", "datum"} {
		if !strings.HasPrefix(strings.ToLower(text[i:min(len(text), i+len(key))]), key) {
			continue
		}
		j := i + len(key)
		if j < len(text) && text[j] == ':' {
			j++
		}
		if j >= len(text) || (text[j] != ' ' && text[j] != '\t') {
			continue
		}
		j = skipSpace(text, j)
		k := j
		for k < len(text) && (isASCIIDigit(text[k]) || text[k] == '-') {
			k++
		}
		if k-j >= 4 && isASCIIDigit(text[j]) && (k == len(text) || isSpaceByte(text[k])) {
			d.Date = text[j:k]
			return k
		}
	}
	return 0
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }
func isSpaceByte(b byte) bool  { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// splitParagraphs makes a paragraph of every non-empty line from start on.
// A line that does not end like a sentence (no final . ! ? … or closing
// quote after one) and is not too long reads as a heading.
func splitParagraphs(d *Document, start int) {
	text := d.Text
	for i := start; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		s, e := trimSpan(text, i, end)
		if s < e {
			d.Paragraphs = append(d.Paragraphs, Paragraph{Span: Span{s, e}, Heading: looksLikeHeading(text[s:e])})
		}
		i = end + 1
	}
}

// trimSpan narrows [s, e) to exclude surrounding white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// looksLikeHeading reports whether a line reads as a headline or intertitle.
func looksLikeHeading(line string) bool {
	if len(line) > 200 {
		return false
	}
	t := strings.TrimRightFunc(line, func(r rune) bool { return isQuoteRune(r) || r == ')' })
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '.', '!', '?', '…', ';', ',':
		return false
	}
	return true
}

// isWordRune reports whether r can be part of a word token.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r may join two word parts into one token:
// hyphens ("NAVO-landen"), apostrophes ("scenario's"), and periods or commas
// inside numbers and acronyms.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '’', '.', ',', '‐', '/', '&':
		return true
	}
	return false
}

// tokenize splits the span [s, e) into tokens and appends them to d.Tokens.
func tokenize(d *Document, lx *lexicon, s, e int) {
	text := d.Text
	i := s
	for i < e {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:e])
		}
		if unicode.IsSpace(r) || r == utf8.RuneError && n == 1 && !isPrintableByte(text[i]) {
			i += n
			continue
		}
		if !isWordRune(r) {
			j := i + n
			if r == '.' { // an ellipsis "..." is one token
				for j < e && text[j] == '.' {
					j++
				}
			} else if m, f := quoteMarkAt(text[:e], i); f != 0 {
				j = i + m // ",," and "''" are one mark
			}
			appendToken(d, Token{Span{i, j}})
			i = j
			continue
		}
		j := i + n
		for j < e {
			r2, n2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(text[j:e])
			}
			if isWordRune(r2) {
				j += n2
				continue
			}
			if isJoiner(r2) && j+n2 < e {
				r3, _ := utf8.DecodeRuneInString(text[j+n2 : e])
				if isWordRune(r3) && joinerFits(text, i, j, r2, r3) {
					j += n2
					continue
				}
			}
			break
		}
		// A final period belongs to the word when the word is an
		// abbreviation, an initial or a dotted acronym.
		if j < e && text[j] == '.' && takesPeriod(text[i:j], lx) {
			j++
		}
		appendToken(d, Token{Span{i, j}})
		i = j
	}
}

// appendToken appends t to d.Tokens. A full slice grows to the number of
// tokens the text read so far predicts for the whole text: a large text is
// then copied once or twice, not at every 25% of growth, and its slice is
// not left a quarter empty.
func appendToken(d *Document, t Token) {
	if len(d.Tokens) == cap(d.Tokens) {
		d.Tokens = slices.Grow(d.Tokens, extrapolate(len(d.Tokens), t.Start, len(d.Text)))
	}
	d.Tokens = append(d.Tokens, t)
}

// appendSentence appends s to d.Sentences, growing the slice as appendToken
// does.
func appendSentence(d *Document, s Sentence) {
	if len(d.Sentences) == cap(d.Sentences) {
		d.Sentences = slices.Grow(d.Sentences, extrapolate(len(d.Sentences), s.Start, len(d.Text)))
	}
	d.Sentences = append(d.Sentences, s)
}

// extrapolate returns how many more items to make room for when n items
// came from the first done of total units (bytes, sentences): n's rate over
// the rest, with a margin of 1/16 and at least 16.
func extrapolate(n, done, total int) int {
	done = max(done, 1)
	more := int(int64(n) * int64(max(total-done, 0)) / int64(done))
	return more + (n+more)/16 + 16
}

func isPrintableByte(b byte) bool { return b >= 0x20 && b < 0x7f }

// joinerFits decides whether the joiner r between word[i:j] and the rune next
// keeps the token whole. Periods and commas join only digits ("1.000",
// "3,5") or single letters ("d.w.z", "U.S"); slashes and ampersands join
// only short all-caps parts ("AT&T").
func joinerFits(text string, i, j int, r, next rune) bool {
	switch r {
	case '.', ',':
		prev, _ := utf8.DecodeLastRuneInString(text[i:j])
		if unicode.IsDigit(prev) && unicode.IsDigit(next) {
			return true
		}
		if r == '.' {
			// d.w.z, U.S: the part before the period is one letter.
			k := strings.LastIndexByte(text[i:j], '.')
			part := text[i+k+1 : j]
			return utf8.RuneCountInString(part) == 1 && unicode.IsLetter(next)
		}
		return false
	case '/', '&':
		prev, _ := utf8.DecodeLastRuneInString(text[i:j])
		return unicode.IsUpper(prev) && unicode.IsUpper(next)
	}
	return true
}

// takesPeriod reports whether a word followed by "." keeps the period.
func takesPeriod(word string, lx *lexicon) bool {
	if strings.IndexByte(word, '.') >= 0 { // d.w.z. U.S.
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) // an initial: "J. Biden"
	}
	return lx != nil && lx.abbreviations.has(strings.ToLower(word))
}

// maxSentenceTokens is the most tokens one sentence may hold; a longer run
// is cut. Real sentences, even a quotation of several sentences kept with
// its cue, stay far below it.
const maxSentenceTokens = 600

// splitSentences groups the tokens of paragraph p, Tokens[first:end], into
// sentences. An end mark inside a quotation that the paragraph closes and
// then continues with an attribution ("A. B," zei hij.) ends no sentence, so
// a quote stays together with its cue.
func splitSentences(d *Document, lx *lexicon, p int, first, end int) {
	text := d.Text
	qs := findQuotes(text, d.Paragraphs[p].Span, lx.clitics)
	for len(d.quotes) <= p {
		d.quotes = append(d.quotes, nil)
	}
	d.quotes[p] = qs
	held := heldRanges(text, qs)
	h := 0
	start := first
	for i := first; i < end; i++ {
		if i-start >= maxSentenceTokens {
			// Text with no sentence end for this long is no prose (a list, a
			// table, a run-on): cut it, so that the work per sentence stays bounded.
			appendSentence(d, Sentence{Span: Span{d.Tokens[start].Start, d.Tokens[i-1].End}, Paragraph: p, FirstToken: start, EndToken: i})
			start = i
		}
		tok := d.Slice(d.Tokens[i].Span)
		if !isSentenceEnd(tok) && !initialBeforeQuote(d, tok, i, end) {
			continue
		}
		k := i + 1
		// Closing quotes and brackets after the end mark stay with the sentence.
		for k < end && isCloser(text, d.Tokens[k].Span) {
			k++
		}
		if k < end && !startsSentence(d.Slice(d.Tokens[k].Span)) {
			continue
		}
		pos := d.Tokens[i].Start
		for h < len(held) && held[h].End <= pos {
			h++
		}
		if h < len(held) && held[h].Start <= pos {
			continue
		}
		appendSentence(d, Sentence{Span: Span{d.Tokens[start].Start, d.Tokens[k-1].End}, Paragraph: p, FirstToken: start, EndToken: k})
		start = k
		i = k - 1
	}
	if start < end {
		appendSentence(d, Sentence{Span: Span{d.Tokens[start].Start, d.Tokens[end-1].End}, Paragraph: p, FirstToken: start, EndToken: end})
	}
}

// heldRanges returns, sorted and disjoint, the insides of the quotations
// whose closing mark is followed by a comma or a lower-case word.
func heldRanges(text string, pairs []quotePair) []Span {
	var out []Span
	for k, q := range pairs {
		if q.Close.IsZero() {
			continue
		}
		j := skipSpace(text, q.Close.End)
		if j >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[j:])
		if r != ',' && !unicode.IsLower(r) {
			continue
		}
		in := q.Inner(0)
		if n := len(out); n > 0 && in.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, in.End)
			continue
		}
		if len(out) == cap(out) {
			out = slices.Grow(out, extrapolate(len(out), k, len(pairs)))
		}
		out = append(out, in)
	}
	return out
}

func isSentenceEnd(tok string) bool {
	switch tok {
	case ".", "!", "?", "…", "...", "?!", "!?":
		return true
	}
	return false
}

// isCloser reports whether the token closes a quote or bracket: a bracket,
// a guillemet, or a quotation mark that follows the previous token directly.
func isCloser(text string, s Span) bool {
	t := text[s.Start:s.End]
	switch t {
	case ")", "]", "»", "›":
		return true
	}
	return isQuoteRuneString(t) && s.Start > 0 && !isSpaceByte(text[s.Start-1])
}

// startsSentence reports whether a token can begin a new sentence: not a
// lower-case word, and not punctuation that continues one (a comma, or the
// dash of '"…" ― Name').
func startsSentence(tok string) bool {
	if tok == ",," {
		return true // an opening quotation mark
	}
	r, _ := utf8.DecodeRuneInString(tok)
	return !unicode.IsLower(r) && r != ',' && r != ';' && r != ':' && r != ')' && r != '―' && r != '—' && r != '–'
}

// initialBeforeQuote reports whether token i, a word that kept its final
// period (an initial, "T."), ends a sentence because an opening quotation
// mark follows it: 'een dealer, bekend als T. "Als hij …'.
func initialBeforeQuote(d *Document, tok string, i, end int) bool {
	if !strings.HasSuffix(tok, ".") || len(tok) < 2 || i+1 >= end {
		return false
	}
	next := d.Tokens[i+1]
	return isQuoteRuneString(d.Slice(next.Span)) && opensQuote(d.Text, next.Start) && next.Start > d.Tokens[i].End
}
