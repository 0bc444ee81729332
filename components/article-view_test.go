package components

import (
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

func TestArticleViewMatch(t *testing.T) {
	d := seedDoc(t)
	v := NewArticleView().Doc(d).Lang(English)
	disp := app.NewClientTester(v)
	defer disp.Close()
	disp.Consume()

	label := "Joe Biden · person · Amerikaanse president"
	cases := []app.TestUIDescriptor{
		// article > [header, p, …]: the first paragraph starts with plain text …
		{Path: app.TestPath(0, 1, 0), Expected: app.Text("De Amerikaanse president ")},
		// … then Biden's first mention, coloured and labelled.
		{Path: app.TestPath(0, 1, 1), Expected: app.Mark().
			ID("m-a1-0").
			Class("mention", "k-name", "c0").
			TabIndex(0).
			DataSet("actor", "a1").
			DataSet("label", label).
			Aria("description", label)},
		{Path: app.TestPath(0, 1, 1, 0), Expected: app.Text("Joe Biden")},
	}
	for _, c := range cases {
		if err := app.TestMatch(v, c); err != nil {
			t.Errorf("TestMatch(path %v): %v", c.Path, err)
		}
	}
}

func TestArticleViewSeed(t *testing.T) {
	d := seedDoc(t)
	root := mountHTML(t, NewArticleView().Doc(d).Lang(English).Elapsed(3.25))

	// The paragraphs read exactly as the text; the intertitle is a heading.
	paras := findAll(root, func(n *html.Node) bool {
		return (n.Data == "p" && attr(n, "class") == "") || hasClass(n, "intertitle")
	})
	if len(paras) != len(d.Paragraphs) {
		t.Fatalf("rendered %d paragraphs; want %d", len(paras), len(d.Paragraphs))
	}
	for i, p := range paras {
		if got, want := textOf(p), d.Slice(d.Paragraphs[i].Span); got != want {
			t.Errorf("paragraph %d reads %q; want %q", i, got, want)
		}
		if want := d.Paragraphs[i].Heading; (p.Data == "h3") != want {
			t.Errorf("paragraph %d is <%s>; heading = %v", i, p.Data, want)
		}
	}
	// Every mention has its actor's colour and label.
	for a, act := range d.Actors {
		marks := findAll(root, byAttr("data-actor", act.ID))
		if len(marks) < len(act.Mentions) {
			t.Errorf("%s: %d marks for %d mentions", act.Name, len(marks), len(act.Mentions))
		}
		for _, m := range marks {
			if !hasClass(m, colorClass(a)) || !strings.HasPrefix(attr(m, "data-label"), act.Name+" · ") {
				t.Errorf("%s: mark %q has class %q, label %q", act.Name, textOf(m), attr(m, "class"), attr(m, "data-label"))
			}
		}
	}
	// Statements: underline style by type, colour by speaker, id on the first piece.
	wantClass := map[string]string{"s1": "st-reported", "s3": "st-reported", "s4": "st-quote", "s7": "st-position", "s9": "st-reported"}
	for id, cls := range wantClass {
		spans := findAll(root, byAttr("data-stmt", id))
		if len(spans) == 0 {
			t.Errorf("statement %s is not marked", id)
			continue
		}
		if !hasClass(spans[0], cls) || attr(spans[0], "id") != "st-"+id {
			t.Errorf("statement %s: first piece has class %q, id %q; want %s, st-%s", id, attr(spans[0], "class"), attr(spans[0], "id"), cls, id)
		}
	}
	s7 := findAll(root, byAttr("data-stmt", "s7"))[0]
	if !hasClass(s7, colorClass(4)) || attr(s7, "data-speaker") != "a5" {
		t.Errorf("s7 (by Rusland) has class %q, speaker %q", attr(s7, "class"), attr(s7, "data-speaker"))
	}
	s9 := findAll(root, byAttr("data-stmt", "s9"))[0]
	if !hasClass(s9, "c-none") || attr(s9, "data-speaker") != "" {
		t.Errorf("s9 (no speaker) has class %q, speaker %q", attr(s9, "class"), attr(s9, "data-speaker"))
	}
	// Header: date and language; footer: timing.
	if got := textOf(findAll(root, byTagClass("p", "article-meta"))[0]); !strings.Contains(got, "2022-02") || !strings.Contains(got, "Dutch") {
		t.Errorf("meta line %q lacks the date or the language", got)
	}
	if got := findAll(root, byAttr("id", "analysis-time")); len(got) != 1 || attr(got[0], "data-ms") != "3.250" {
		t.Errorf("analysis time: %v", got)
	}
}

func TestArticleViewSelection(t *testing.T) {
	d := seedDoc(t)
	root := mountHTML(t, NewArticleView().Doc(d).Lang(Dutch).Selected("a2").Flash("s8"))
	if art := findAll(root, byTagClass("article", "has-selection")); len(art) != 1 {
		t.Fatal("article lacks has-selection")
	}
	for _, m := range findAll(root, byTagClass("mark", "mention")) {
		if dim := hasClass(m, "dim"); dim != (attr(m, "data-actor") != "a2") {
			t.Errorf("mention %q of %s: dim = %v", textOf(m), attr(m, "data-actor"), dim)
		}
	}
	lit := map[string]bool{}
	for _, s := range findAll(root, func(n *html.Node) bool { return attr(n, "data-stmt") != "" }) {
		if !hasClass(s, "dim") {
			lit[attr(s, "data-stmt")] = true
		}
		if hasClass(s, "flash") != (attr(s, "data-stmt") == "s8") {
			t.Errorf("statement %s: flash = %v", attr(s, "data-stmt"), hasClass(s, "flash"))
		}
	}
	if len(lit) != 3 || !lit["s6"] || !lit["s8"] || !lit["s11"] {
		t.Errorf("highlighted statements = %v; want exactly Poetin's s6, s8, s11", lit)
	}
	if got := textOf(findAll(root, byAttr("id", "analysis-time"))[0]); !strings.Contains(got, "Geanalyseerd") {
		t.Errorf("Dutch timing line = %q", got)
	}
}

func TestArticleViewRendersTextNotHTML(t *testing.T) {
	text := "Kop met <b>vet</b>\n\nDe minister zei: \"<script>alert(1)</script>\" en <img src=x onerror=alert(1)> &amp; meer."
	d := &analysis.Document{Text: text, Language: analysis.Dutch, Title: "Kop met <b>vet</b>"}
	p2 := strings.Index(text, "De minister")
	d.Paragraphs = []analysis.Paragraph{{Span: analysis.Span{End: p2 - 2}, Heading: true}, {Span: analysis.Span{Start: p2, End: len(text)}}}
	q := strings.Index(text, "\"<script>")
	d.Actors = []analysis.Actor{{ID: "a1", Name: "<i>minister</i>", Type: analysis.Person, Roles: []string{"<u>rol</u>"},
		Mentions: []analysis.Mention{{Span: analysis.Span{Start: p2 + 3, End: p2 + 11}, Kind: analysis.RoleMention}}}}
	d.Statements = []analysis.Statement{{ID: "s1", Actor: 0, Type: analysis.Direct,
		Content: []analysis.Span{{Start: q, End: q + len(`"<script>alert(1)</script>"`)}}}}

	out := app.HTMLString(mountComponent(t, NewArticleView().Doc(d).Lang(English)))
	root := parseHTML(t, out)
	for _, tag := range []string{"script", "img", "b", "i", "u"} {
		if n := findAll(root, byTagClass(tag, "")); len(n) > 0 {
			t.Errorf("article text became a <%s> element: %s", tag, out)
		}
	}
	if got := textOf(findAll(root, byTagClass("h2", "article-title"))[0]); got != "Kop met <b>vet</b>" {
		t.Errorf("title reads %q", got)
	}
	if got := textOf(findAll(root, byAttr("data-stmt", "s1"))[0]); got != `"<script>alert(1)</script>"` {
		t.Errorf("quote reads %q", got)
	}
	if !strings.Contains(out, "&lt;img src=x onerror=alert(1)&gt; &amp;amp; meer.") {
		t.Errorf("the markup is not escaped as text in %s", out)
	}
}

// mountComponent mounts c with the client tester and returns it.
func mountComponent(t *testing.T, c app.UI) app.UI {
	t.Helper()
	disp := app.NewClientTester(c)
	t.Cleanup(disp.Close)
	disp.Consume()
	return c
}
