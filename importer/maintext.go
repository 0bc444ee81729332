package importer

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// elem is an element of the page as mainText sees it: only block-level
// elements that were not skipped, in document order.
type elem struct {
	node    *html.Node
	parent  int32 // index into page.elems; -1 for the first
	depth   int32
	end     int32 // index after the last descendant
	hint    int8  // -1 boilerplate-like class or id, +1 content-like, 0 none
	neg     bool  // hint < 0 and the guard did not lift it
	negPath bool  // neg, or an ancestor below the top of the last markNeg is
	good    int   // letters of paragraph-like text in the subtree
	goodN   int   // paragraph-like blocks in the subtree
	links   int   // link-only blocks (a headline link, a menu entry) in the subtree
	score   float64
}

// block is a run of text between block boundaries.
type block struct {
	owner   int32 // the nearest block-level ancestor, an index into page.elems
	text    string
	letters int
	link    int  // letters inside links
	strong  int  // letters inside <b> or <strong>
	heading bool // owned by h1–h6
	teaser  bool // a short text next to a headline link: a teaser for another page
}

// page is the state of one main-text extraction.
type page struct {
	elems  []elem
	blocks []block

	// the run being collected
	run                 strings.Builder
	runLetters, runLink int
	runStrong           int
	inLink, inStrong    int
	inSkipped           int // inside inline elements with a boilerplate-like class: text dropped
}

// mainText finds the article's paragraphs and intertitles under root.
func mainText(root *html.Node, md metadata) []Paragraph {
	p := &page{}
	p.walk(root, -1)
	p.flush(-1)
	if len(p.elems) == 0 {
		return nil
	}
	p.scoreBlocks()
	return p.paragraphs(p.bestElem(), md)
}

// walk collects the blocks and block-level elements of n's subtree.
func (p *page) walk(n *html.Node, owner int32) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if p.inSkipped > 0 {
				continue
			}
			p.run.WriteString(c.Data)
			l := countLetters(c.Data)
			p.runLetters += l
			if p.inLink > 0 {
				p.runLink += l
			}
			if p.inStrong > 0 {
				p.runStrong += l
			}
		case html.ElementNode:
			p.walkElement(c, owner)
		case html.DocumentNode:
			p.walk(c, owner)
		}
	}
}

func (p *page) walkElement(c *html.Node, owner int32) {
	a := c.DataAtom
	if skipElement(c) {
		return
	}
	switch {
	case a == atom.Br:
		p.run.WriteRune(brMark)
		return
	case a == atom.Hr:
		p.flush(owner)
		return
	case !isBlock(a) && !hasBlockChild(c):
		if a == atom.Span && isInlineCard(c) {
			return
		}
		hint := classHint(c)
		if hint < 0 {
			p.inSkipped++
		}
		switch a {
		case atom.A:
			p.inLink++
		case atom.B, atom.Strong:
			p.inStrong++
		}
		p.walk(c, owner)
		switch a {
		case atom.A:
			p.inLink--
		case atom.B, atom.Strong:
			p.inStrong--
		}
		if hint < 0 {
			p.inSkipped--
		}
		return
	}
	p.flush(owner)
	i := int32(len(p.elems))
	depth := int32(0)
	if owner >= 0 {
		depth = p.elems[owner].depth + 1
	}
	hint := int8(0)
	if a != atom.Body && a != atom.Html { // their classes describe the page's state
		hint = classHint(c)
	}
	p.elems = append(p.elems, elem{node: c, parent: owner, depth: depth, hint: hint})
	if a == atom.A { // a link around blocks: a teaser card
		p.inLink++
		defer func() { p.inLink-- }()
	}
	p.walk(c, i)
	p.flush(i)
	p.elems[i].end = int32(len(p.elems))
}

// flush ends the current run of text as a block owned by owner.
func (p *page) flush(owner int32) {
	if p.runLetters == 0 || owner < 0 {
		p.run.Reset()
		p.runLetters, p.runLink, p.runStrong = 0, 0, 0
		return
	}
	heading := isHeading(p.elems[owner].node.DataAtom)
	for _, t := range splitBlock(p.run.String()) {
		b := block{owner: owner, text: t, heading: heading}
		b.letters = countLetters(t)
		// Links and bold text are counted for the whole run; share them out.
		b.link = p.runLink * b.letters / p.runLetters
		b.strong = p.runStrong * b.letters / p.runLetters
		p.blocks = append(p.blocks, b)
	}
	p.run.Reset()
	p.runLetters, p.runLink, p.runStrong = 0, 0, 0
}

// scoreBlocks sets each element's counts and score from the blocks in its
// subtree. Each pass adds the blocks to their owners and then the elements
// to their parents, last to first (children follow their parents in
// p.elems), so that it takes time linear in the page however deep it is.
func (p *page) scoreBlocks() {
	for _, b := range p.blocks {
		switch {
		case b.letters >= 15 && b.linkHeavy():
			p.elems[b.owner].links++
		case goodLetters(b) > 0:
			p.elems[b.owner].goodN++
		}
	}
	p.sumUp(func(e, parent *elem) { parent.links += e.links; parent.goodN += e.goodN })
	for i := range p.blocks {
		p.blocks[i].teaser = p.isTeaser(&p.blocks[i])
	}
	total := 0
	for i := range p.elems {
		p.elems[i].goodN = 0
	}
	for _, b := range p.blocks {
		if g := goodLetters(b); g > 0 {
			total += g
			p.elems[b.owner].good += g
			p.elems[b.owner].goodN++
		}
	}
	p.sumUp(func(e, parent *elem) { parent.good += e.good; parent.goodN += e.goodN })
	// A boilerplate-like class on an element that holds half the page's
	// good text in several paragraphs is a false alarm
	// ("page--has-comments" on a wrapper).
	for i := range p.elems {
		e := &p.elems[i]
		e.neg = e.hint < 0 && (e.good*2 < total || e.goodN < 3 && e.good < total)
	}
	p.markNeg(-1)
	for _, b := range p.blocks {
		p.elems[b.owner].score += blockScore(b, p.elems[b.owner].negPath)
	}
	p.sumUp(func(e, parent *elem) { parent.score += e.score })
}

// sumUp calls add for each element and its parent, children first.
func (p *page) sumUp(add func(e, parent *elem)) {
	for i := len(p.elems) - 1; i > 0; i-- {
		if e := &p.elems[i]; e.parent >= 0 {
			add(e, &p.elems[e.parent])
		}
	}
}

// markNeg sets negPath for the elements below top (all of them for -1):
// whether the element or an ancestor of it below top has an effective
// boilerplate hint.
func (p *page) markNeg(top int32) {
	start, end := int32(0), int32(len(p.elems))
	if top >= 0 {
		start, end = top+1, p.elems[top].end
		p.elems[top].negPath = false
	}
	for i := start; i < end; i++ {
		e := &p.elems[i]
		e.negPath = e.neg || (e.parent >= 0 && e.parent != top && p.elems[e.parent].negPath)
	}
}

// isTeaser reports a short block of prose whose nearest container with a
// headline link holds no other prose: the summary in a teaser card.
func (p *page) isTeaser(b *block) bool {
	if goodLetters(*b) == 0 || b.letters > 300 {
		return false
	}
	e := b.owner
	for up := 0; up < 3 && e >= 0; up++ {
		if p.elems[e].links > 0 {
			return p.elems[e].goodN <= 1
		}
		e = p.elems[e].parent
	}
	return false
}

// linkHeavy reports a block that is mostly link text: a menu entry, a
// headline linking elsewhere. A sentence with a long link in it is not.
func (b block) linkHeavy() bool {
	if b.link*2 <= b.letters {
		return false
	}
	sentence := b.link*5 <= b.letters*4 && b.letters-b.link >= 20 && endsSentence(b.text)
	return !sentence
}

// goodLetters returns the letters of a block that looks like article prose.
func goodLetters(b block) int {
	plain := b.letters - b.link
	if b.heading || b.teaser || plain < 30 || b.linkHeavy() {
		return 0
	}
	return plain
}

// blockScore is a block's contribution to the score of the elements that
// contain it: positive for prose, negative for boilerplate.
func blockScore(b block, neg bool) float64 {
	switch {
	case neg:
		return -float64(b.letters)
	case b.teaser:
		return -float64(b.letters) / 2
	case b.heading:
		return 0
	case b.linkHeavy():
		return -float64(b.letters)
	}
	plain := b.letters - b.link
	if plain < 30 {
		return 0
	}
	return float64(plain) * (1 - float64(b.link)/float64(b.letters))
}

// bestElem returns the element with the highest score, or rather the
// deepest element inside it that keeps nearly all of that score: a page's
// wrapper often adds a little prose (an address, a notice) to the article.
func (p *page) bestElem() int32 {
	best := int32(0)
	for i := range p.elems {
		if p.elems[i].score >= p.elems[best].score {
			best = int32(i)
		}
	}
	floor := p.elems[best].score * (1 - tightness)
	tight := best
	for i := best + 1; i < p.elems[best].end; i++ {
		if e := &p.elems[i]; e.score >= floor && e.depth > p.elems[tight].depth {
			tight = i
		}
	}
	return tight
}

// tightness is how much of the best score a deeper element may give up to
// be chosen instead (measured: F1 is flat from 0.1 to 0.2 on the benchmark).
const tightness = 0.15

// paragraphs returns the blocks under element best that survive the
// boilerplate filters.
func (p *page) paragraphs(best int32, md metadata) []Paragraph {
	var (
		out  []candidate
		end  = p.elems[best].end
		prev *html.Node // the table row of the last cell kept
	)
	p.markNeg(best)
	for _, b := range p.blocks {
		if b.owner < best || b.owner >= end {
			continue
		}
		if p.elems[b.owner].negPath || b.linkHeavy() {
			continue
		}
		n := p.elems[b.owner].node
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			// The cells of a table row make one paragraph.
			if row := n.Parent; len(out) > 0 && row != nil && row == prev {
				out[len(out)-1].Text += " | " + b.text
				continue
			}
			prev = n.Parent
			out = append(out, candidate{Paragraph{Kind: KindParagraph, Text: b.text}, true})
			continue
		}
		prev = nil
		if isFurniture(b.text) {
			continue
		}
		kind := KindParagraph
		if b.heading || (b.strong*10 >= b.letters*9 && b.letters < 120 && !endsSentence(b.text)) {
			kind = KindHeading
		}
		if kind == KindHeading && sameText(b.text, md.title) {
			continue
		}
		out = append(out, candidate{Paragraph{Kind: kind, Text: b.text}, false})
	}
	return dropEdgeFurniture(out)
}

// candidate is a paragraph on its way out; cell marks a table row.
type candidate struct {
	Paragraph
	cell bool
}

// dropEdgeFurniture removes date lines and bylines before the first long
// paragraph and after the last one.
func dropEdgeFurniture(cs []candidate) []Paragraph {
	first, last := -1, -1
	for i, c := range cs {
		if c.Kind == KindParagraph && !c.cell && len(c.Text) >= 150 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	out := make([]Paragraph, 0, len(cs))
	for i, c := range cs {
		if !c.cell && (i < first || i > last || first < 0) && isEdgeFurniture(c.Text) {
			continue
		}
		out = append(out, c.Paragraph)
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

func sameText(a, b string) bool {
	return a != "" && strings.EqualFold(normalizeSpace(a), normalizeSpace(b))
}

// isInlineCard reports an inline element that holds a picture and several
// links: a hover card or tooltip about a name in the text, whose content
// is not part of the sentence.
func isInlineCard(n *html.Node) bool {
	if len(n.Attr) == 0 {
		return false
	}
	imgs, links, nodes, plain := 0, 0, 0, 0
	var count func(n *html.Node, inLink bool)
	count = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil && nodes < 100; c = c.NextSibling {
			if c.Type == html.TextNode && !inLink {
				plain += countLetters(c.Data)
			}
			if c.Type != html.ElementNode {
				continue
			}
			nodes++
			switch c.DataAtom {
			case atom.Img, atom.Picture, atom.Svg:
				imgs++
			case atom.A:
				links++
			}
			count(c, inLink || c.DataAtom == atom.A)
		}
	}
	count(n, false)
	return imgs > 0 && links >= 2 && nodes < 100 && plain < 40
}

// hasBlockChild reports an inline element used as a block wrapper.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c.DataAtom) {
			return true
		}
	}
	return false
}

// skipElement reports elements whose content is never article text.
func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Video, atom.Audio,
		atom.Img, atom.Picture, atom.Button, atom.Input, atom.Select, atom.Textarea,
		atom.Option, atom.Head, atom.Title, atom.Meta, atom.Link, atom.Nav, atom.Aside,
		atom.Footer, atom.Figure, atom.Figcaption, atom.Dialog, atom.Label, atom.Form:
		return n.DataAtom != atom.Form || isSmallForm(n)
	}
	for _, at := range n.Attr {
		switch at.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if at.Val == "true" {
				return true
			}
		case "role":
			switch at.Val {
			case "navigation", "banner", "contentinfo", "complementary", "dialog",
				"alertdialog", "menu", "menubar", "search", "toolbar", "tablist":
				return true
			}
		case "style":
			v := strings.ToLower(at.Val)
			if strings.Contains(strings.ReplaceAll(v, " ", ""), "display:none") ||
				strings.Contains(strings.ReplaceAll(v, " ", ""), "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// isSmallForm reports a form that is not a page-wide wrapper (ASP.NET pages
// put the whole page in one form).
func isSmallForm(n *html.Node) bool {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			count++
			if count > 12 {
				return false
			}
			switch c.DataAtom {
			case atom.Div, atom.Article, atom.Main, atom.Section, atom.Table, atom.P:
				return false
			}
		}
	}
	return true
}

// isBlock reports elements that end a run of text.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup,
		atom.Html, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot,
		atom.Td, atom.Th, atom.Tr, atom.Caption, atom.Legend, atom.Search,
		atom.Listing, atom.Plaintext, atom.Xmp, atom.Frameset, atom.Noframes:
		return true
	}
	return false
}
