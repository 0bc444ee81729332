package importer

import (
	"bytes"
	"context"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The parse budget. Real article pages stay far below every figure: the
// 181 pages of the article-extraction benchmark have at most 1,587
// elements (median 742) nesting at most 51 levels (median 17).
const (
	// maxNesting is the deepest element nesting that limitMarkup lets
	// through to the HTML parser.
	maxNesting = 128
	// maxTags is how many start and end tags limitMarkup lets through;
	// later tags are dropped and their text joins the element open at
	// that point. End tags count because the parser creates elements for
	// some of them (a stray </p> becomes <p></p>).
	maxTags = 100_000
	// maxFormatting caps the formatting elements (<b>, <font>, …) that may
	// be open at once by limitMarkup's count (start tags minus their end
	// tags). The parser re-opens every open formatting element that an
	// end tag closed implicitly (<p><b></p>x) each time text follows, so
	// the number of open formatting elements multiplies the elements the
	// parser creates without any start tag.
	maxFormatting = 8
	// maxTreeElements and maxTreeDepth bound the parsed tree itself, which
	// has the elements the parser creates on its own (re-opened formatting
	// elements, implied table sections): pruneTree cuts what lies beyond.
	maxTreeElements = 200_000
	maxTreeDepth    = 2 * maxNesting
)

// scanWindow is how far down the open-element stack limitMarkup looks for
// the element that an end tag or an implied end closes. Bounding it keeps
// the pass linear; when the element is deeper, the pass keeps it open, so it
// overestimates the depth rather than underestimating it.
const scanWindow = 8

// checkEvery is how many tokens limitMarkup reads between looks at its
// context.
const checkEvery = 4096

// limitMarkup returns src unchanged when it is within the parse budget, and
// otherwise a copy of src without the comments and the start tags (and their
// end tags) beyond it: tags that would open elements more than max levels
// deep, formatting elements beyond maxFormatting open at once, and every tag
// after the first maxTags. It fails only when ctx is done.
//
// It exists because golang.org/x/net/html's tree builder scans its stack of
// open elements for many tags, so a deeply nested page costs time quadratic
// in its size (300 KB of nested <div>s took 15 s to parse here), and because
// the parsed tree costs memory per element (a 5 MB page of <p>a held
// ~1 GB). limitMarkup runs the tokenizer once, which is linear, and tracks a
// conservative estimate of the parser's stack: it applies the common
// implied end tags (p, li, dd, dt, td, th, tr, option, headings) and end
// tags whose element is near the top of the stack, and keeps everything
// else open.
func limitMarkup(ctx context.Context, src []byte, max int) ([]byte, error) {
	var (
		z           = html.NewTokenizer(bytes.NewReader(src))
		stack       []elemKey
		dropped     map[elemKey]int
		out         []byte // nil until the first token is dropped
		offset      int    // bytes of src consumed before the current token
		tags        int    // start and end tags seen
		fmtOpen     int    // formatting start tags kept minus their end tags
		tokens      int
		replacement []byte // what to write instead of the token, when not nil
		rawNext     bool   // the last token was a dropped <script>, <style>, …: its text goes too
	)
	drop := func(k elemKey) {
		if dropped == nil {
			dropped = map[elemKey]int{}
		}
		dropped[k]++
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tokens++; tokens%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		raw := z.Raw()
		keep := true
		replacement = nil
		dropRaw := rawNext && tt == html.TextToken
		rawNext = false
		var k elemKey
		if tt == html.StartTagToken || tt == html.EndTagToken || tt == html.SelfClosingTagToken {
			tags++
			k = keyOf(z) // once: TagName consumes the name
		}
		switch {
		case tt == html.CommentToken, dropRaw:
			keep = false
		case tags > maxTags && tt != html.TextToken && tt != html.DoctypeToken:
			keep = false
		case tt == html.StartTagToken, tt == html.SelfClosingTagToken:
			if k.a == atom.Html || k.a == atom.Head || k.a == atom.Body || isVoid(k.a) {
				break
			}
			// The parser honours "/>" only in SVG and MathML; elsewhere
			// <div/> opens a <div>.
			if tt == html.SelfClosingTagToken && inForeign(stack) {
				break
			}
			selfClosing := tt == html.SelfClosingTagToken
			if isFormatting(k.a) {
				if fmtOpen >= maxFormatting {
					keep = false
					if !selfClosing {
						drop(k)
					}
					break
				}
				fmtOpen++
				replacement = slimFormatting(z, k.a)
			}
			stack = closeImplied(stack, k.a)
			stack = openImplied(stack, k.a)
			if len(stack) >= max {
				keep = false
				if isFormatting(k.a) {
					fmtOpen--
				}
				if !selfClosing {
					drop(k)
				}
				break
			}
			stack = append(stack, k)
		case tt == html.EndTagToken:
			if n := dropped[k]; n > 0 {
				keep = false
				dropped[k] = n - 1
				break
			}
			if isFormatting(k.a) && fmtOpen > 0 {
				fmtOpen--
			}
			stack = closeEnd(stack, k)
		}
		if !keep && (tt == html.StartTagToken || tt == html.SelfClosingTagToken) {
			// Without its tag, a script's code would read as text.
			rawNext = isRawText(k.a)
		}
		if (!keep || replacement != nil) && out == nil {
			out = make([]byte, 0, len(src))
			out = append(out, src[:offset]...)
		}
		if keep && out != nil {
			if replacement != nil {
				out = append(out, replacement...)
			} else {
				out = append(out, raw...)
			}
		}
		offset += len(raw)
	}
	if out == nil {
		return src, nil
	}
	return append(out, src[min(offset, len(src)):]...), nil
}

// slimFormatting returns a formatting start tag with only its class and id
// (the attributes the extractor reads), or nil when it has no others. The
// parser copies every attribute each time it re-opens a formatting element,
// so 40,000 attributes on one <b> re-opened 2,000 times held 3.7 GB.
func slimFormatting(z *html.Tokenizer, a atom.Atom) []byte {
	var kept [][2][]byte
	slim := false
	for more := true; more; {
		var key, val []byte
		key, val, more = z.TagAttr()
		if key == nil {
			break
		}
		if (string(key) == "class" || string(key) == "id") && len(kept) < 2 && (len(kept) == 0 || string(kept[0][0]) != string(key)) {
			kept = append(kept, [2][]byte{key, val})
			continue
		}
		slim = true
	}
	if !slim {
		return nil
	}
	b := []byte("<" + a.String())
	for _, kv := range kept {
		b = append(b, ' ')
		b = append(b, kv[0]...)
		b = append(b, `="`...)
		b = append(b, html.EscapeString(string(kv[1]))...)
		b = append(b, '"')
	}
	return append(b, '>')
}

// isRawText reports the elements whose content the tokenizer reads as
// raw text, up to their end tag.
func isRawText(a atom.Atom) bool {
	switch a {
	case atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext,
		atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp:
		return true
	}
	return false
}

// isFormatting reports the HTML standard's formatting elements that the
// parser re-opens without a start tag. <a> and <nobr> are left out: the
// parser closes an open one before it opens the next, so at most one of
// each is ever open.
func isFormatting(a atom.Atom) bool {
	switch a {
	case atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S,
		atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return true
	}
	return false
}

// inForeign reports whether the stack estimate has an <svg> or <math> open.
func inForeign(stack []elemKey) bool {
	for _, k := range stack {
		if k.a == atom.Svg || k.a == atom.Math {
			return true
		}
	}
	return false
}

// pruneTree enforces the parse budget on the parsed tree: an element deeper
// than maxDepth is replaced by the text it holds, and after maxElements
// elements the rest of the document is cut off. It walks the tree without
// recursion, in time linear in its size.
func pruneTree(root *html.Node, maxElements, maxDepth int) {
	elements, depth := 0, 0
	n := root
	for n != nil {
		descend := true
		if n.Type == html.ElementNode {
			elements++
			depth++
			switch {
			case elements > maxElements:
				cutFrom(n)
				return
			case depth > maxDepth:
				flatten(n)
				descend = false
			}
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if n.Type == html.ElementNode {
			depth--
		}
		// Up until there is a next sibling, leaving elements on the way.
		for n != nil && n.NextSibling == nil {
			n = n.Parent
			if n == nil || n == root {
				return
			}
			if n.Type == html.ElementNode {
				depth--
			}
		}
		if n != nil {
			n = n.NextSibling
		}
	}
}

// flatten replaces n's children by one text node with their text.
func flatten(n *html.Node) {
	var b []byte
	for c := n.FirstChild; c != nil; {
		if c.Type == html.TextNode {
			b = append(b, c.Data...)
		}
		switch {
		case c.FirstChild != nil:
			c = c.FirstChild
		default:
			for c != n && c.NextSibling == nil {
				c = c.Parent
			}
			if c == n {
				c = nil
			} else {
				c = c.NextSibling
			}
		}
	}
	n.FirstChild, n.LastChild = nil, nil
	if len(b) > 0 {
		n.AppendChild(&html.Node{Type: html.TextNode, Data: string(b)})
	}
}

// cutFrom removes n, its later siblings and the later siblings of all its
// ancestors: everything after n in document order.
func cutFrom(n *html.Node) {
	for n != nil && n.Parent != nil {
		p := n.Parent
		for c := n; c != nil; {
			next := c.NextSibling
			p.RemoveChild(c)
			c = next
		}
		n = p.NextSibling
		for n == nil && p.Parent != nil {
			p = p.Parent
			n = p.NextSibling
		}
	}
}

// elemKey names an element: its atom, or for unknown names the name itself.
type elemKey struct {
	a    atom.Atom
	name string
}

func keyOf(z *html.Tokenizer) elemKey {
	name, _ := z.TagName()
	if a := atom.Lookup(name); a != 0 {
		return elemKey{a: a}
	}
	return elemKey{name: string(name)}
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Image, atom.Input, atom.Keygen, atom.Link, atom.Meta, atom.Param,
		atom.Source, atom.Track, atom.Wbr, atom.Basefont, atom.Bgsound, atom.Frame:
		return true
	}
	return false
}

// isScopeBoundary reports the elements that stop the parser's scope checks.
func isScopeBoundary(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th,
		atom.Marquee, atom.Object, atom.Template, atom.Button, atom.Select:
		return true
	}
	return false
}

// closesP reports the start tags that close an open <p>.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Header,
		atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Section, atom.Summary, atom.Ul, atom.Pre, atom.Listing, atom.Table,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Dd, atom.Dt:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// closeImplied pops the elements that a start tag a closes implicitly, when
// they are near the top of the stack.
func closeImplied(stack []elemKey, a atom.Atom) []elemKey {
	if closesP(a) {
		stack = popTo(stack, func(b atom.Atom) bool { return b == atom.P }, isScopeBoundary)
	}
	switch {
	case a == atom.Li:
		stack = popTo(stack, func(b atom.Atom) bool { return b == atom.Li }, stopsListItem)
	case a == atom.Dd || a == atom.Dt:
		stack = popTo(stack, func(b atom.Atom) bool { return b == atom.Dd || b == atom.Dt }, stopsListItem)
	case a == atom.Td || a == atom.Th:
		stack = popTo(stack, func(b atom.Atom) bool { return b == atom.Td || b == atom.Th },
			func(b atom.Atom) bool { return b == atom.Tr || b == atom.Table })
	case a == atom.Tr:
		stack = popTo(stack, func(b atom.Atom) bool { return b == atom.Tr },
			func(b atom.Atom) bool {
				return b == atom.Table || b == atom.Tbody || b == atom.Thead || b == atom.Tfoot
			})
	case a == atom.Tbody || a == atom.Thead || a == atom.Tfoot:
		stack = popTo(stack, func(b atom.Atom) bool { return b == atom.Tbody || b == atom.Thead || b == atom.Tfoot },
			func(b atom.Atom) bool { return b == atom.Table })
	case a == atom.Option || a == atom.Optgroup:
		stack = popTo(stack, func(b atom.Atom) bool { return b == atom.Option || (a == atom.Optgroup && b == atom.Optgroup) },
			func(b atom.Atom) bool { return b != atom.Option && b != atom.Optgroup })
	case isHeading(a):
		if n := len(stack); n > 0 && isHeading(stack[n-1].a) {
			stack = stack[:n-1]
		}
	}
	return stack
}

// stopsListItem reports the elements that keep a new <li>, <dd> or <dt> from
// closing an open one further down: special elements other than address,
// div and p.
func stopsListItem(b atom.Atom) bool {
	return isSpecial(b) && b != atom.Address && b != atom.Div && b != atom.P
}

// openImplied pushes the table section and row that the parser inserts
// for a row or cell directly in a table.
func openImplied(stack []elemKey, a atom.Atom) []elemKey {
	if len(stack) == 0 || (a != atom.Tr && a != atom.Td && a != atom.Th) {
		return stack
	}
	top := stack[len(stack)-1].a
	if top == atom.Table {
		stack = append(stack, elemKey{a: atom.Tbody})
		top = atom.Tbody
	}
	if a != atom.Tr && (top == atom.Tbody || top == atom.Thead || top == atom.Tfoot) {
		stack = append(stack, elemKey{a: atom.Tr})
	}
	return stack
}

// closeEnd pops the element an end tag closes when it is within scanWindow
// of the top of the stack. The end tag of a special element closes through
// anything but a scope boundary; any other end tag stops at a special
// element, as in the parser.
func closeEnd(stack []elemKey, k elemKey) []elemKey {
	special := isSpecial(k.a)
	for i := len(stack) - 1; i >= 0 && i >= len(stack)-scanWindow; i-- {
		if stack[i] == k {
			return stack[:i]
		}
		if isScopeBoundary(stack[i].a) || (!special && isSpecial(stack[i].a)) {
			break
		}
	}
	return stack
}

// isSpecial reports the HTML standard's "special" elements.
func isSpecial(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base,
		atom.Basefont, atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button,
		atom.Caption, atom.Center, atom.Col, atom.Colgroup, atom.Dd, atom.Details,
		atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frame,
		atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Iframe,
		atom.Img, atom.Input, atom.Keygen, atom.Li, atom.Link, atom.Listing,
		atom.Main, atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed,
		atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param,
		atom.Plaintext, atom.Pre, atom.Script, atom.Search, atom.Section, atom.Select,
		atom.Source, atom.Style, atom.Summary, atom.Table, atom.Tbody, atom.Td,
		atom.Template, atom.Textarea, atom.Tfoot, atom.Th, atom.Thead, atom.Title,
		atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp:
		return true
	}
	return false
}

// popTo pops the stack down to and including the nearest element that match
// accepts, looking at most scanWindow entries deep and stopping at the first
// element that stop accepts.
func popTo(stack []elemKey, match, stop func(atom.Atom) bool) []elemKey {
	for i := len(stack) - 1; i >= 0 && i >= len(stack)-scanWindow; i-- {
		b := stack[i].a
		if match(b) {
			return stack[:i]
		}
		if stop(b) {
			break
		}
	}
	return stack
}
