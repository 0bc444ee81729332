package components

import (
	"sort"
	"unicode/utf8"

	"github.com/article-explorer/explorer/analysis"
)

// A segment is a run of paragraph text that the same marks cover: at most
// one actor mention and any number of statement contents. The article view
// draws each segment as text, wrapped in a mark for the mention and a span
// for the statement. Segments never split a UTF-8 sequence.
type segment struct {
	analysis.Span
	// Actor is the index of the mentioned actor, -1 for none. When mentions
	// overlap, the shortest wins.
	Actor int
	// Mention is the index of that mention in Actors[Actor].Mentions.
	Mention int
	// MentionStart is true on the first segment of the mention.
	MentionStart bool
	// Statements lists the indices of the statements whose content covers
	// the segment, innermost (shortest piece) first.
	Statements []int
	// StatementStart lists the statements (of Statements) whose first
	// content piece starts here.
	StatementStart []int
	// Cue is the index of a statement whose cue covers the segment, -1 for none.
	Cue int
}

// A mark is one span to draw: a mention or a statement content piece.
type mark struct {
	analysis.Span
	actor, mention int  // for a mention: actor index and mention index
	stmt, piece    int  // for a statement piece: statement index, piece index; stmt -1 for mentions
	cue            bool // the cue of statement stmt
}

// segmentParagraphs cuts every paragraph of d into segments. The result has
// one slice per paragraph. Spans outside Text, empty spans and spans that do
// not start or end on a character boundary are clipped or dropped, so a
// hand-built or damaged document never makes the view panic.
func segmentParagraphs(d *analysis.Document) [][]segment {
	if d == nil {
		return nil
	}
	buckets := paragraphMarks(d, 0, len(d.Paragraphs))
	out := make([][]segment, len(d.Paragraphs))
	for p := range d.Paragraphs {
		out[p] = segmentParagraph(d, p, buckets[p])
	}
	return out
}

// paragraphMarks returns, for the paragraphs from to to-1, the marks
// (mentions, statement pieces, cues) that overlap each, in document order.
// It looks at every mark of the document but keeps only those of the range:
// the view asks for the paragraphs it draws, a part at a time. It does not
// sort: the view cuts a paragraph only when it draws it.
func paragraphMarks(d *analysis.Document, from, to int) [][]mark {
	n := len(d.Text)
	ps := d.Paragraphs
	if from >= to {
		return nil
	}
	out := make([][]mark, to-from)
	lo, hi := ps[from].Start, ps[to-1].End
	add := func(m mark) {
		m.Start, m.End = max(m.Start, 0), min(m.End, n)
		if m.Start >= m.End || m.End <= lo || m.Start >= hi {
			return
		}
		p := from + sort.Search(to-from, func(i int) bool { return ps[from+i].End > m.Start })
		for ; p < to && ps[p].Start < m.End; p++ {
			out[p-from] = append(out[p-from], m)
		}
	}
	for a, act := range d.Actors {
		for m, men := range act.Mentions {
			add(mark{Span: men.Span, actor: a, mention: m, stmt: -1})
		}
	}
	for s, st := range d.Statements {
		for p, c := range st.Content {
			add(mark{Span: c, actor: -1, stmt: s, piece: p})
		}
		if !st.Cue.IsZero() {
			add(mark{Span: st.Cue, actor: -1, stmt: s, piece: -1, cue: true})
		}
	}
	return out
}

// segmentParagraph cuts paragraph p at its marks.
func segmentParagraph(d *analysis.Document, p int, marks []mark) []segment {
	para := d.Paragraphs[p]
	ps, pe := max(para.Start, 0), min(para.End, len(d.Text))
	if ps >= pe {
		return nil
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	return cutParagraph(d.Text, ps, pe, marks)
}

// cutParagraph cuts text[ps:pe] at every mark boundary inside it.
func cutParagraph(text string, ps, pe int, marks []mark) []segment {
	cuts := []int{ps, pe}
	for _, m := range marks {
		for _, b := range []int{m.Start, m.End} {
			if b > ps && b < pe && utf8.RuneStart(text[b]) {
				cuts = append(cuts, b)
			}
		}
	}
	sort.Ints(cuts)
	var segs []segment
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		seg := segment{Span: analysis.Span{Start: s, End: e}, Actor: -1, Cue: -1}
		best := -1
		for i, m := range marks {
			if m.Start >= e || m.End <= s {
				continue
			}
			if m.cue {
				if seg.Cue < 0 {
					seg.Cue = m.stmt
				}
				continue
			}
			if m.stmt < 0 {
				if best < 0 || m.Len() < marks[best].Len() {
					best = i
				}
				continue
			}
			seg.Statements = append(seg.Statements, m.stmt)
			if m.piece == 0 && (m.Start >= s) {
				seg.StatementStart = append(seg.StatementStart, m.stmt)
			}
		}
		if best >= 0 {
			m := marks[best]
			seg.Actor, seg.Mention = m.actor, m.mention
			seg.MentionStart = m.Start >= s
		}
		if len(seg.Statements) > 1 {
			lengths := map[int]int{}
			for _, m := range marks {
				if m.stmt >= 0 && !m.cue && m.Start < e && m.End > s {
					if l, ok := lengths[m.stmt]; !ok || m.Len() < l {
						lengths[m.stmt] = m.Len()
					}
				}
			}
			sort.SliceStable(seg.Statements, func(i, j int) bool {
				return lengths[seg.Statements[i]] < lengths[seg.Statements[j]]
			})
			seg.Statements = dedupe(seg.Statements)
		}
		segs = append(segs, seg)
	}
	return segs
}

// dedupe removes repeated values from a slice whose equal values are
// adjacent or not (a statement with two pieces covering one segment).
func dedupe(xs []int) []int {
	seen := map[int]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
