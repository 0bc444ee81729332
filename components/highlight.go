package components

import (
	"sort"
	"strconv"
	"strings"

	"github.com/article-explorer/explorer/analysis"
)

// The article is drawn as HTML built in Go, one string per paragraph, and
// handed to go-app as a raw node: a paragraph costs a few calls into
// JavaScript however many highlights it has, instead of a go-app node (and
// a JS value) per text run. The text is escaped here; nothing from the
// article reaches the page as markup.

// colorSlots returns the colour slot of every actor: speakers first, most
// statements first (ties: more mentions, then first mention), get the
// palette's colours in order; actors without statements get -1, the
// neutral style.
func colorSlots(d *analysis.Document) []int {
	slots := make([]int, len(d.Actors))
	count := make([]int, len(d.Actors))
	for _, s := range d.Statements {
		if s.Actor >= 0 && s.Actor < len(d.Actors) {
			count[s.Actor]++
		}
	}
	var speakers []int
	for i := range d.Actors {
		slots[i] = -1
		if count[i] > 0 {
			speakers = append(speakers, i)
		}
	}
	sort.SliceStable(speakers, func(a, b int) bool {
		x, y := speakers[a], speakers[b]
		if count[x] != count[y] {
			return count[x] > count[y]
		}
		return len(d.Actors[x].Mentions) > len(d.Actors[y].Mentions)
	})
	for rank, a := range speakers {
		slots[a] = rank % paletteSize
	}
	return slots
}

// slotClass returns the colour class of a slot.
func slotClass(slot int) string {
	if slot < 0 {
		return "c-none"
	}
	return "c" + strconv.Itoa(slot)
}

// highlighter builds the HTML of the paragraphs of one document, lazily
// and once per paragraph.
type highlighter struct {
	d       *analysis.Document
	lang    Lang
	edited  map[string]bool // edited statement ids
	slots   []int
	marks   [][]mark                 // per paragraph, cut when drawn
	marked  []bool                   // per paragraph: marks found (prepare)
	labels  string                   // the CSS of the mentions' hover labels (labelRules)
	sources map[analysis.Span]string // mention span → ids of the statements it is the source of
	html    []string
}

func newHighlighter(d *analysis.Document, l Lang, edited map[string]bool) *highlighter {
	h := &highlighter{d: d, lang: l, edited: edited, slots: colorSlots(d), marks: make([][]mark, len(d.Paragraphs)), marked: make([]bool, len(d.Paragraphs)),
		labels: labelRules(d, l), sources: map[analysis.Span]string{}, html: make([]string, len(d.Paragraphs))}
	for _, s := range d.Statements {
		if !s.Source.IsZero() {
			if v := h.sources[s.Source]; v != "" {
				h.sources[s.Source] = v + " " + s.ID
			} else {
				h.sources[s.Source] = s.ID
			}
		}
	}
	return h
}

// prepare finds the marks of paragraphs from to to-1 that were not found
// yet: a part of the article at a time, not the whole document at once.
func (h *highlighter) prepare(from, to int) {
	for from < to && h.marked[from] {
		from++
	}
	for to > from && h.marked[to-1] {
		to--
	}
	for i, ms := range paragraphMarks(h.d, from, to) {
		if !h.marked[from+i] {
			h.marks[from+i], h.marked[from+i] = ms, true
		}
	}
}

// paragraph returns the HTML of paragraph p: an h2 (the title), h3
// (intertitle) or p element whose data-o is the paragraph's byte offset.
func (h *highlighter) paragraph(p int, title bool) string {
	if h.html[p] != "" {
		return h.html[p]
	}
	d := h.d
	h.prepare(p, p+1)
	para := d.Paragraphs[p]
	tag, cls := "p", ""
	switch {
	case title:
		tag, cls = "h2", ` id="article-title" class="article-title"`
	case para.Heading:
		tag, cls = "h3", ` class="intertitle"`
	}
	var b strings.Builder
	b.Grow(para.Len() * 3)
	b.WriteString("<" + tag + cls + ` data-o="` + strconv.Itoa(para.Start) + `">`)
	curStmt, curMention, curCue := -1, [2]int{-1, -1}, -1
	closeInner := func() {
		if curMention[0] >= 0 {
			b.WriteString("</mark>")
			curMention = [2]int{-1, -1}
		}
		if curCue >= 0 {
			b.WriteString("</span>")
			curCue = -1
		}
	}
	for _, s := range segmentParagraph(d, p, h.marks[p]) {
		st := -1
		if len(s.Statements) > 0 {
			st = s.Statements[0]
		}
		if st != curStmt {
			closeInner()
			if curStmt >= 0 {
				b.WriteString("</span>")
			}
			curStmt = st
			if st >= 0 {
				h.openStatement(&b, st)
			}
		}
		m := [2]int{s.Actor, s.Mention}
		if s.Actor < 0 {
			m = [2]int{-1, -1}
		}
		cue := -1
		if s.Actor < 0 {
			cue = s.Cue
		}
		if m != curMention || cue != curCue {
			closeInner()
			if m[0] >= 0 {
				h.openMention(&b, s.Actor, s.Mention)
				curMention = m
			} else if cue >= 0 {
				b.WriteString(`<span class="cue-w" data-cue="` + d.Statements[cue].ID + `">`)
				curCue = cue
			}
		}
		writeEscaped(&b, d.Text[s.Start:s.End])
	}
	closeInner()
	if curStmt >= 0 {
		b.WriteString("</span>")
	}
	b.WriteString("</" + tag + ">")
	h.html[p] = b.String()
	return h.html[p]
}

func (h *highlighter) openStatement(b *strings.Builder, st int) {
	d := h.d
	stmt := d.Statements[st]
	speaker := stmt.Actor
	if speaker >= len(d.Actors) {
		speaker = -1
	}
	slot := -1
	who := h.lang.T("sidebar.unknown")
	if speaker >= 0 {
		slot = h.slots[speaker]
		who = d.Actors[speaker].Name
	}
	b.WriteString(`<span class="stmt st-` + badgeOf(stmt.Type) + " " + slotClass(slot))
	if h.edited[stmt.ID] {
		b.WriteString(" edited")
	}
	b.WriteString(`" data-stmt="` + stmt.ID + `"`)
	if speaker >= 0 {
		b.WriteString(` data-speaker="` + d.Actors[speaker].ID + `"`)
	}
	b.WriteString(` title="`)
	writeEscaped(b, h.lang.T("stmt."+stmt.Type)+" · "+who)
	b.WriteString(`">`)
}

func (h *highlighter) openMention(b *strings.Builder, a, m int) {
	act := h.d.Actors[a]
	// The actor's id is a class too: its hover label's CSS rule (labelRules)
	// is found by class, which the browser looks up in constant time.
	b.WriteString(`<mark class="mention k-` + mentionKind(act, m) + " " + slotClass(h.slots[a]) + " " + act.ID +
		`" tabindex="-1" data-actor="` + act.ID + `"`)
	if m >= 0 && m < len(act.Mentions) {
		if src := h.sources[act.Mentions[m].Span]; src != "" {
			b.WriteString(` data-src="` + src + `"`)
		}
	}
	b.WriteString(">")
}

// escapeHTML escapes text for an HTML text node or a quoted attribute.
func escapeHTML(s string) string {
	var b strings.Builder
	writeEscaped(&b, s)
	return b.String()
}

func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '&':
			r = "&amp;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '"':
			r = "&#34;"
		case '\'':
			r = "&#39;"
		case 0:
			r = "\uFFFD"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// safeID reports whether id is made of letters and digits only, so that it
// can go into a CSS selector.
func safeID(id string) bool {
	if id == "" || len(id) > 16 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
