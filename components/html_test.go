package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

// mountHTML mounts a component with go-app's client tester and returns its
// rendered HTML, parsed.
func mountHTML(t *testing.T, c app.UI) *html.Node {
	t.Helper()
	disp := app.NewClientTester(c)
	defer disp.Close()
	disp.Consume()
	return parseHTML(t, app.HTMLString(c))
}

func parseHTML(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parsing the rendered HTML: %v", err)
	}
	return n
}

// findAll returns the elements under n for which match is true, in
// document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// attr returns an attribute's value.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass reports whether n has the CSS class c.
func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// byTagClass matches elements by tag and class ("" for any).
func byTagClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return (tag == "" || n.Data == tag) && (class == "" || hasClass(n, class))
	}
}

// byAttr matches elements with an attribute value.
func byAttr(key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, key) == val }
}

// textOf returns the text content of n, without the line breaks that
// app.HTMLString puts around every node.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.ReplaceAll(b.String(), "\n", "")
}

// isTrue reports whether an attribute says "true". app.HTMLString prints an
// attribute whose value is "true" without a value, so both forms count.
func isTrue(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val == "true" || a.Val == ""
		}
	}
	return false
}
