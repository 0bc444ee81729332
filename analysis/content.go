package analysis

// This file builds a statement's content from token ranges: trimmed,
// balanced around quotation marks, typed direct, mixed or plain.

// trimPieces narrows the token range [a, b) to exclude leading and trailing
// commas, colons and dashes, and returns it; ok is false when nothing is left.
func (w *work) trimRange(a, b int) (int, int, bool) {
	for a < b && isTrimmable(w.text(a)) {
		a++
	}
	for b > a && isTrimmable(w.text(b-1)) {
		b--
	}
	return a, b, a < b
}

func isTrimmable(t string) bool {
	switch t {
	case ",", ":", ";", "-", "–", "—", "(", ")":
		return true
	}
	return false
}

// contentType decides direct, mixed or the given plain type from how much
// of the content is quoted.
func (w *work) contentType(pieces [][2]int, plain string) string {
	quoted, words, marks := 0, 0, 0
	for _, p := range pieces {
		for t := p[0]; t < p[1]; t++ {
			tx := w.text(t)
			if isQuoteRuneString(tx) {
				marks++
				continue
			}
			if !isWordToken(tx) {
				continue
			}
			words++
			if w.quoted[t] {
				quoted++
			}
		}
	}
	switch {
	case words > 0 && quoted == words && marks > 0:
		if plain == Position {
			return Position
		}
		return Direct
	case quoted > 0:
		if plain == Position {
			return Position
		}
		return Mixed
	}
	return plain
}

// makeFound builds a statement from token ranges without claiming them;
// takes are the tokens its candidate will claim besides the content (a
// quotation does not run on over them). The source is set by the arbiter.
func (w *work) makeFound(si int, typ string, cue Span, pieces, takes [][2]int) (found, bool) {
	var spans []Span
	var kept [][2]int
	for _, p := range pieces {
		a, b, ok := w.trimRange(p[0], p[1])
		if !ok {
			continue
		}
		a, b = w.balanceQuotes(a, b)
		if a >= b {
			continue
		}
		a = w.extendQuoteBack(a, takes)
		b = w.extendQuote(a, b, takes)
		spans = append(spans, w.span(a, b))
		kept = append(kept, [2]int{a, b})
	}
	if len(spans) == 0 {
		return found{}, false
	}
	// Some word other than an auxiliary: "hebben" left of "zou 60 miljoen
	// gevraagd hebben" says nothing.
	words := 0
	for _, p := range kept {
		for t := p[0]; t < p[1]; t++ {
			if isWordToken(w.text(t)) && !w.lx.auxiliaries.has(w.low[t]) {
				words++
			}
		}
	}
	if words == 0 {
		return found{}, false
	}
	return found{typ: w.contentType(kept, typ), cue: cue, source: -1, content: spans, sentence: si,
		pieceToks: kept}, true
}

// balanceQuotes widens or narrows a content range so that it does not cut a
// quotation in half: a closing mark right after it is taken in, and a lone
// mark at either end is dropped.
func (w *work) balanceQuotes(a, b int) (int, int) {
	open := 0
	for t := a; t < b; t++ {
		tx := w.text(t)
		if !isQuoteRuneString(tx) {
			continue
		}
		if opensQuote(w.d.Text, w.d.Tokens[t].Start) {
			open++
		} else if open > 0 {
			open--
		} else if t == a {
			a++ // a stray closer at the start
		}
	}
	if open > 0 && b < len(w.d.Tokens) && isQuoteRuneString(w.text(b)) && !opensQuote(w.d.Text, w.d.Tokens[b].Start) {
		b++
	}
	return a, b
}

// extendQuote lets content that ends inside a quotation run on to where the
// quotation closes, over later sentences of the paragraph ('X zei: "A. B."',
// 'he told them, "A. B."').
func (w *work) extendQuote(a, b int, takes [][2]int) int {
	if b <= a || !w.quoted[b-1] && !isQuoteRuneString(w.text(b-1)) {
		return b
	}
	para := w.d.Sentences[w.sent[b-1]].Paragraph
	pos := w.d.Tokens[b-1].Start
	end := w.d.Paragraphs[para].End
	w.quoteBuf = quotesAround(w.paraQuotes[para], w.quoteParent[para], end, pos, w.quoteBuf)
	for _, qi := range w.quoteBuf {
		outer := w.paraQuotes[para][qi].Outer(end)
		if outer.Start < w.d.Tokens[a].Start || pos < outer.Start || pos >= outer.End {
			continue
		}
		_, qb := w.tokenRange(outer)
		if qb > b && qb-a <= maxQuoteTokens && !w.taken(b, qb, takes) {
			return qb
		}
	}
	return b
}

// extendQuoteBack lets content that starts inside a quotation (its earlier
// sentences stand before: "“A. B,” Trump said.") start at the opening mark.
func (w *work) extendQuoteBack(a int, takes [][2]int) int {
	if a == 0 || !w.quoted[a] || isQuoteRuneString(w.text(a)) {
		return a
	}
	para := w.d.Sentences[w.sent[a]].Paragraph
	pos := w.d.Tokens[a].Start
	end := w.d.Paragraphs[para].End
	w.quoteBuf = quotesAround(w.paraQuotes[para], w.quoteParent[para], end, pos, w.quoteBuf)
	for _, qi := range w.quoteBuf {
		q := w.paraQuotes[para][qi]
		in := q.Inner(end)
		if in.Start < pos && pos < in.End {
			qa, _ := w.tokenRange(q.Outer(end))
			if qa < a && a-qa <= maxQuoteTokens && !w.taken(qa, a, takes) {
				return qa
			}
		}
	}
	return a
}
