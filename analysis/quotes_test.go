package analysis

import (
	"strings"
	"testing"
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
		qs := findQuotes(text, Span{0, len(text)})
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
