package importer

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func treeDepth(n *html.Node) int {
	d := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		d = max(d, treeDepth(c))
	}
	if n.Type == html.ElementNode {
		d++
	}
	return d
}

func TestLimitNestingKeepsNormalPages(t *testing.T) {
	for _, f := range []string{"nos-style.html", "nu-style.html", "blog-opengraph.html", "broken.html", "windows-1252.html"} {
		page := readFixture(t, f)
		if got := limitNesting(page, maxNesting); !bytes.Equal(got, page) {
			t.Errorf("%s: changed", f)
		}
	}
}

// deepPages are patterns that, repeated, nest without end; several defeat
// a simple count of start and end tags.
var deepPages = []string{
	"<div>x", "<span>x", "<b>x", "<a href=x>x", "<ul><li>x", "<table><tr><td>x", "<dl><dt>x",
	"<li><section>", "<span><div></span>", "<div><table></div>", "<b><div></b>", "<p><b><i><u><s><em>",
	"<svg><g>", "<custom-element>", "<font x=1>", "<b x=1><p>",
}

func TestLimitNestingCapsDepth(t *testing.T) {
	for _, pat := range deepPages {
		page := "<html><body>" + strings.Repeat(pat, 20_000/len(pat)+1000)
		limited := limitNesting([]byte(page), maxNesting)
		doc, err := html.Parse(bytes.NewReader(limited))
		if err != nil {
			t.Fatal(err)
		}
		// The estimate is conservative; the parser's own implied elements
		// (html, body, table sections, reopened formatting) add a few.
		if d := treeDepth(doc); d > maxNesting+16 {
			t.Errorf("%q: depth %d after limitNesting", pat, d)
		}
		if strings.Count(pat, "x") > 0 && !bytes.Contains(limited, []byte("x")) {
			t.Errorf("%q: text dropped", pat)
		}
	}
	// A shallow page with an end tag for a dropped element keeps the rest.
	deep := "<p>This paragraph sits two hundred levels deep, and it is long enough to count as text.</p>"
	page := strings.Repeat("<div>", 200) + deep + strings.Repeat("</div>", 200) + "<p>After.</p>"
	a := Extract([]byte(page), "")
	if !strings.Contains(a.Text, "two hundred levels deep") {
		t.Errorf("lost the deep text: %q", a.Text)
	}
}

// TestDeepNestingIsLinear extracts 5 MB deeply nested pages (1 MB with
// -race). Without limitNesting the parser needs hours for them (300 KB of
// nested <div>s took 15 s); the bound here is loose, for slow machines.
func TestDeepNestingIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB pages")
	}
	size := 5 << 20
	if raceEnabled {
		size = 1 << 20
	}
	for _, pat := range []string{"<div>x", "<ul><li>x", "<span><div></span>", "<p>x</p>"} {
		// The last is wide rather than deep: a million paragraphs, 120
		// levels down.
		prefix := "<html><body>"
		if pat == "<p>x</p>" {
			prefix += strings.Repeat("<div>", 120)
		}
		page := []byte(prefix + strings.Repeat(pat, size/len(pat)))
		start := time.Now()
		a := Extract(page, "")
		d := time.Since(start)
		t.Logf("%-22q %d MB: %v, %d paragraphs", pat, size>>20, d, len(a.Paragraphs))
		if d > 60*time.Second {
			t.Errorf("%q: %v for %d MB", pat, d, size>>20)
		}
	}
}
