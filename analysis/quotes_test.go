package analysis

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestQuotesAround checks the indexed lookup of the quotations around a
// position against a scan over every pair.
func TestQuotesAround(t *testing.T) {
	texts := []string{
		`Hij zei: „Dit is ‘heel’ goed” en „nog iets”. Daarna "niets.`,
		`"A 'b' c," zei hij, "d 'e 'f' g' h."`,
		`„Een, „twee, „drie`,
		`Geen aanhalingstekens hier.`,
	}
	for _, text := range texts {
		qs := findQuotes(text, Span{0, len(text)}, clitics(t, Dutch))
		parent := quoteParents(qs, len(text))
		var buf []int
		for pos := 0; pos < len(text); pos++ {
			buf = quotesAround(qs, parent, len(text), pos, buf)
			var want []int
			for i, q := range qs {
				if o := q.Outer(len(text)); o.Start <= pos && pos < o.End {
					want = append(want, i)
				}
			}
			if len(buf) != len(want) {
				t.Fatalf("%q at %d: got %v, want %v", text, pos, buf, want)
			}
			for i := range want {
				if buf[i] != want[i] {
					t.Fatalf("%q at %d: got %v, want %v", text, pos, buf, want)
				}
			}
		}
	}
}

// TestLongSentenceIsCut checks that a run of words with no sentence end
// becomes sentences of at most maxSentenceTokens tokens.
func TestLongSentenceIsCut(t *testing.T) {
	d, err := Analyze(strings.Repeat("het kabinet zegt dat het goed gaat en ", 400))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) < 2 {
		t.Fatalf("got %d sentences, want the run cut", len(d.Sentences))
	}
	for _, s := range d.Sentences {
		if n := s.EndToken - s.FirstToken; n > maxSentenceTokens {
			t.Errorf("a sentence of %d tokens", n)
		}
	}
}

// TestQuoteStyles checks that every Dutch and English house style pairs,
// and that apostrophes do not.
func TestQuoteStyles(t *testing.T) {
	tests := []struct {
		text string
		want []string // the quotations with their marks, in order of opening
	}{
		{`,,Het is goed,'' zegt hij.`, []string{`,,Het is goed,''`}},
		{`,,Het is goed", zegt hij.`, []string{`,,Het is goed"`}},
		{`,,Het is goed”, zegt hij.`, []string{`,,Het is goed”`}},
		{`,,Het is goed’’, zegt hij.`, []string{`,,Het is goed’’`}},
		{`„Het is goed”, zegt hij.`, []string{`„Het is goed”`}},
		{`"Het is goed", zegt hij.`, []string{`"Het is goed"`}},
		{`'Het is goed', zegt hij.`, []string{`'Het is goed'`}},
		{`‘Het is goed’, zegt hij.`, []string{`‘Het is goed’`}},
		{`«Het is goed», zegt hij.`, []string{`«Het is goed»`}},
		{`“It's the horse's fault,” he said.`, []string{`“It's the horse's fault,”`}},
		{`Zo'n plan werkt 's avonds niet, zegt hij.`, nil},
		{`,,Eén. Twee.`, []string{`,,Eén. Twee.`}},
		{`A,, b en c.`, nil},
	}
	for _, tt := range tests {
		qs := findQuotes(tt.text, Span{0, len(tt.text)}, clitics(t, Dutch))
		var got []string
		for _, q := range qs {
			o := q.Outer(len(tt.text))
			got = append(got, tt.text[o.Start:o.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// clitics returns the clitics of a language's lexicon.
func clitics(t *testing.T, lang string) []string {
	t.Helper()
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	return lxs[lang].clitics
}

// TestApostropheClitics: an apostrophe after a space before one of the
// language's clitics is no quotation mark; before anything else it opens
// a quotation.
func TestApostropheClitics(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{Dutch, `Zij werkt 's avonds en 't gaat goed.`, nil},
		{Dutch, `Hij woont in 's-Hertogenbosch.`, nil},
		{Dutch, `Het is 'n mooie dag, zegt 'ie'.`, []string{`'ie'`}},
		{Dutch, `Hij zegt 'samen sterk' en 's nachts slaapt hij.`, []string{`'samen sterk'`}},
		{Dutch, `Het was de zomer van '22.`, nil},
		{English, `Let 'em talk, he said.`, nil},
		{English, `She waited 'til noon.`, nil},
		{English, `He called it 'sensible' and left.`, []string{`'sensible'`}},
		{English, `A 'stop' order, 'til 'further notice'.`, []string{`'stop'`, `'further notice'`}},
		{English, `It was rock 'n' roll in '69.`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range findQuotes(tt.text, Span{0, len(tt.text)}, clitics(t, tt.lang)) {
			o := q.Outer(len(tt.text))
			got = append(got, tt.text[o.Start:o.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: quotes in %q\n got %q\nwant %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestQuoteLead checks that every quotation mark starts with a byte that
// quoteLead marks, so that the fast paths skip no mark.
func TestQuoteLead(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if quoteFamily(r) != 0 && !quoteLead[string(r)[0]] {
			t.Errorf("mark %q starts with %#x, which quoteLead does not mark", r, string(r)[0])
		}
	}
	if !quoteLead[','] {
		t.Error(`quoteLead misses the comma of ",,"`)
	}
}
