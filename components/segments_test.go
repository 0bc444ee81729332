package components

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/article-explorer/explorer/analysis"
)

// checkSegments verifies the invariants of segmentParagraphs: per
// paragraph, the segments tile the paragraph without gaps or overlaps, in
// order, and every boundary is a character boundary.
func checkSegments(t *testing.T, name string, d *analysis.Document) [][]segment {
	t.Helper()
	segs := segmentParagraphs(d)
	if len(segs) != len(d.Paragraphs) {
		t.Fatalf("%s: %d paragraph segment lists for %d paragraphs", name, len(segs), len(d.Paragraphs))
	}
	for p, para := range d.Paragraphs {
		ps, pe := max(para.Start, 0), min(para.End, len(d.Text))
		if ps >= pe {
			if len(segs[p]) != 0 {
				t.Errorf("%s: empty paragraph %d has segments %v", name, p, segs[p])
			}
			continue
		}
		at := ps
		var text strings.Builder
		for _, s := range segs[p] {
			if s.Start != at || s.End <= s.Start {
				t.Fatalf("%s: paragraph %d: segment %v after offset %d (segments %v)", name, p, s.Span, at, segs[p])
			}
			if !utf8.ValidString(d.Text[s.Start:s.End]) && utf8.ValidString(d.Text[ps:pe]) {
				t.Errorf("%s: paragraph %d: segment %v splits a character", name, p, s.Span)
			}
			text.WriteString(d.Text[s.Start:s.End])
			at = s.End
		}
		if at != pe {
			t.Errorf("%s: paragraph %d: segments end at %d; want %d", name, p, at, pe)
		}
		if text.String() != d.Text[ps:pe] {
			t.Errorf("%s: paragraph %d: segments spell %q; want %q", name, p, text.String(), d.Text[ps:pe])
		}
	}
	return segs
}

func TestSegmentsSeed(t *testing.T) {
	d := seedDoc(t)
	segs := checkSegments(t, "seed", d)
	// Every mention starts exactly one segment marked as its start, and the
	// covered text is the mention (unless a shorter mention overlaps it).
	starts := map[[2]int]int{}
	for _, ps := range segs {
		for _, s := range ps {
			if s.Actor >= 0 && s.MentionStart {
				starts[[2]int{s.Actor, s.Mention}]++
			}
		}
	}
	for a, act := range d.Actors {
		for m, men := range act.Mentions {
			if got := starts[[2]int{a, m}]; got != 1 {
				t.Errorf("mention %q of %s starts %d segments; want 1", d.Slice(men.Span), act.Name, got)
			}
		}
	}
	// Statement s4 (a direct quote) is one segment whose first piece starts it.
	found := false
	for _, ps := range segs {
		for _, s := range ps {
			for _, st := range s.StatementStart {
				if d.Statements[st].ID == "s4" {
					found = true
					if got := d.Text[s.Start:s.End]; got != `"De hysterie heeft zijn hoogtepunt bereikt"` {
						t.Errorf("s4 starts with segment %q", got)
					}
				}
			}
		}
	}
	if !found {
		t.Error("no segment starts statement s4")
	}
	// "Poetin" inside "een topadviseur van Poetin": the shorter mention wins.
	span := d.Actors[5].Mentions[0].Span
	for _, ps := range segs {
		for _, s := range ps {
			if span.Contains(s.Span) && d.Text[s.Start:s.End] == "Poetin" && s.Actor != 1 {
				t.Errorf("segment %q in the adviser's mention belongs to actor %d; want Poetin (1)", "Poetin", s.Actor)
			}
		}
	}
}

func TestSegmentsHostile(t *testing.T) {
	text := "Één “zin” — met ë en 🙂.\n\nTweede alinea."
	d := &analysis.Document{Text: text, Language: analysis.Dutch}
	d.Paragraphs = []analysis.Paragraph{
		{Span: analysis.Span{Start: 0, End: strings.Index(text, "\n")}},
		{Span: analysis.Span{Start: strings.Index(text, "Tweede"), End: len(text)}},
		{Span: analysis.Span{Start: 5, End: 5}},              // empty
		{Span: analysis.Span{Start: len(text), End: 999999}}, // outside
	}
	d.Actors = []analysis.Actor{{ID: "a1", Name: "X", Type: analysis.Person, Mentions: []analysis.Mention{
		{Span: analysis.Span{Start: 1, End: 4}},         // inside "É" (2 bytes) and "é": not on a boundary
		{Span: analysis.Span{Start: -5, End: 3}},        // before the text
		{Span: analysis.Span{Start: 40, End: 999}},      // past the text
		{Span: analysis.Span{Start: 10, End: 10}},       // empty
		{Span: analysis.Span{Start: 0, End: len(text)}}, // across paragraphs
		{Span: analysis.Span{Start: 12, End: 2}},        // reversed
		{Span: analysis.Span{Start: len(text) - 7, End: len(text)}},
	}}}
	d.Statements = []analysis.Statement{
		{ID: "s1", Actor: 0, Type: analysis.Direct, Content: []analysis.Span{{Start: 0, End: 12}, {Start: 20, End: 30}}},
		{ID: "s2", Actor: 7, Type: analysis.Position, Content: []analysis.Span{{Start: 5, End: 25}}}, // bad actor index
		{ID: "s3", Actor: -1, Type: analysis.Indirect},                                               // no content
	}
	checkSegments(t, "hostile", d)
	checkSegments(t, "empty", &analysis.Document{})
	if segmentParagraphs(nil) != nil {
		t.Error("segmentParagraphs(nil) != nil")
	}
}
