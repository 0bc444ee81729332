package importer

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting is the deepest element nesting that limitNesting lets through
// to the HTML parser. Real article pages stay far below it: the deepest of
// the 181 pages of the article-extraction benchmark nests 51 levels, the
// median 17.
const maxNesting = 128

// scanWindow is how far down the open-element stack limitNesting looks for
// the element that an end tag or an implied end closes. Bounding it keeps
// the pass linear; when the element is deeper, the pass keeps it open, so it
// overestimates the depth rather than underestimating it.
const scanWindow = 8

// limitNesting returns src unchanged when no element nests deeper than max
// levels, and otherwise a copy of src without the start tags (and their end
// tags) that would open elements beyond max.
//
// It exists because golang.org/x/net/html's tree builder scans its stack of
// open elements for many tags, so a deeply nested page costs time quadratic
// in its size (300 KB of nested <div>s took 15 s to parse here). limitNesting
// runs the tokenizer once, which is linear, and tracks a conservative
// estimate of the parser's stack: it applies the common implied end tags
// (p, li, dd, dt, td, th, tr, option, headings) and end tags whose element is
// near the top of the stack, and keeps everything else open.
func limitNesting(src []byte, max int) []byte {
	var (
		z       = html.NewTokenizer(bytes.NewReader(src))
		stack   []elemKey
		dropped map[elemKey]int
		out     []byte // nil until the first start tag is dropped
		offset  int    // bytes of src consumed before the current token
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		keep := true
		switch tt {
		case html.StartTagToken:
			k := keyOf(z)
			if k.a == atom.Html || k.a == atom.Head || k.a == atom.Body || isVoid(k.a) {
				break
			}
			stack = closeImplied(stack, k.a)
			stack = openImplied(stack, k.a)
			if len(stack) >= max {
				keep = false
				if dropped == nil {
					dropped = map[elemKey]int{}
				}
				dropped[k]++
				break
			}
			stack = append(stack, k)
		case html.EndTagToken:
			k := keyOf(z)
			if n := dropped[k]; n > 0 {
				keep = false
				dropped[k] = n - 1
				break
			}
			stack = closeEnd(stack, k)
		}
		if !keep && out == nil {
			out = make([]byte, 0, len(src))
			out = append(out, src[:offset]...)
		}
		if keep && out != nil {
			out = append(out, raw...)
		}
		offset += len(raw)
	}
	if out == nil {
		return src
	}
	return append(out, src[min(offset, len(src)):]...)
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
