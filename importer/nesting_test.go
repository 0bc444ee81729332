package importer

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

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
		if got := mustLimit(t, page); !bytes.Equal(got, page) {
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
		limited := mustLimit(t, []byte(page))
		doc, err := html.Parse(bytes.NewReader(limited))
		if err != nil {
			t.Fatal(err)
		}
		// The estimate is conservative; the parser's own implied elements
		// (html, body, table sections, reopened formatting) add a few.
		if d := treeDepth(doc); d > maxNesting+16 {
			t.Errorf("%q: depth %d after limitMarkup", pat, d)
		}
		if strings.Contains(pat, ">x") && !bytes.Contains(limited, []byte("x")) {
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
// -race). Without the parse budget the parser needs hours for them (300 KB
// of nested <div>s took 15 s to parse) and a 5 MB page of <p>a held ~1 GB.
// The test bounds the bytes allocated, never the time: see
// BenchmarkExtractHostile for that.
func TestDeepNestingIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB pages")
	}
	size := 5 << 20
	if raceEnabled {
		size = 1 << 20
	}
	for _, pat := range []string{"<div>x", "<ul><li>x", "<span><div></span>", "<p>x</p>", "<p>a", "</p>", "<div/>", "<table><tr><td>x"} {
		// "<p>x</p>" is wide rather than deep: a million paragraphs, 120
		// levels down.
		prefix := "<html><body>"
		if pat == "<p>x</p>" {
			prefix += strings.Repeat("<div>", 120)
		}
		checkAllocs(t, pat, []byte(prefix+strings.Repeat(pat, size/len(pat))))
	}
}

// TestFormattingPatternIsBounded extracts pages that make the parser
// re-open formatting elements without start tags, at 200 KB and 5 MB: the
// <p><b></p>x of the x/net advisory (quadratic before x/net v0.45.0),
// fifty different open <b>s re-opened for every paragraph, and eight <b>s
// with 1,000 attributes each, which the parser copies at every re-opening
// (a 280 KB page of this shape held 3.7 GB). The parse budget counts the
// elements that the parser creates this way too.
func TestFormattingPatternIsBounded(t *testing.T) {
	open := "<p>"
	for i := range 50 {
		open += fmt.Sprintf("<b class=c%d>", i)
	}
	var attrs strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&attrs, " a%d=%d", i, i)
	}
	fat := "<p>"
	for i := range 8 {
		fat += fmt.Sprintf("<b id=b%d%s>", i, attrs.String())
	}
	for _, size := range []int{200 << 10, 5 << 20} {
		if size > 1<<20 && (testing.Short() || raceEnabled) {
			continue
		}
		for _, page := range []string{
			"<html><body>" + strings.Repeat("<p><b></p>x", size/11),
			"<html><body>" + open + strings.Repeat("</p><p>x", size/8),
			"<html><body>" + fat + strings.Repeat("</p><p>x", (size-len(fat))/8),
		} {
			checkAllocs(t, page[12:40], []byte(page))
		}
	}
}

// checkAllocs extracts page and fails when that allocated more than 40
// bytes per byte of page plus 64 MB (the parse budget's worth of elements):
// a bound on the peak heap too, since the heap never holds more than was
// allocated. For a 5 MB page that is 264 MB.
func checkAllocs(t *testing.T, name string, page []byte) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	a := Extract(page, "")
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%-30q %5d KB: %4d MB allocated (%.1f per byte), %d paragraphs", name, len(page)>>10, alloc>>20, float64(alloc)/float64(len(page)), len(a.Paragraphs))
	if limit := 40*uint64(len(page)) + 64<<20; alloc > limit {
		t.Errorf("%q, %d KB: %d MB allocated, more than %d MB", name, len(page)>>10, alloc>>20, limit>>20)
	}
}

func mustLimit(t *testing.T, page []byte) []byte {
	t.Helper()
	out, err := limitMarkup(context.Background(), page, maxNesting)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLimitMarkupDropsRawText: a <script> or <style> dropped for the budget
// takes its code with it, which would otherwise read as article text; so
// do comments.
func TestLimitMarkupDropsRawText(t *testing.T) {
	para := "<p>Deze alinea staat diep in de pagina en is lang genoeg om als tekst te tellen.</p>"
	page := strings.Repeat("<div>", 200) + "<script>var geheim = 1;</script><style>.geheim{}</style><!-- geheim -->" +
		para + strings.Repeat("</div>", 200)
	limited := string(mustLimit(t, []byte(page)))
	if strings.Contains(limited, "geheim") {
		t.Errorf("dropped script, style or comment left text behind: %.300q", limited[strings.Index(limited, "geheim")-50:])
	}
	a := Extract([]byte(page), "")
	if !strings.Contains(a.Text, "Deze alinea") || strings.Contains(a.Text, "geheim") {
		t.Errorf("text %q", a.Text)
	}
	// Past the tag budget, too.
	page = "<html><body>" + strings.Repeat("<i></i>", maxTags/2) + "<script>var geheim = 1;</script>" + para
	if a := Extract([]byte(page), ""); strings.Contains(a.Text, "geheim") {
		t.Errorf("past the tag budget: text %q", a.Text)
	}
}
