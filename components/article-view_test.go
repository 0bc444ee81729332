package components

import (
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

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
	// Every mention has its actor's colour, and its actor's label in the
	// label rules.
	slots := colorSlots(d)
	rules := labelRules(d, English)
	for a, act := range d.Actors {
		marks := findAll(root, byAttr("data-actor", act.ID))
		if len(marks) < len(act.Mentions) {
			t.Errorf("%s: %d marks for %d mentions", act.Name, len(marks), len(act.Mentions))
		}
		for _, m := range marks {
			if !hasClass(m, slotClass(slots[a])) {
				t.Errorf("%s: mark %q has class %q", act.Name, textOf(m), attr(m, "class"))
			}
		}
		if rule := `mark.` + act.ID + `:focus::after{content:"` + act.Name + " · "; !strings.Contains(rules, rule) {
			t.Errorf("%s: no label rule %q in %s", act.Name, rule, rules)
		}
	}
	// Statements: underline style by type, colour by speaker, id on the first piece.
	wantClass := map[string]string{"s1": "st-reported", "s3": "st-according", "s4": "st-quote", "s7": "st-position", "s9": "st-reported"}
	for id, cls := range wantClass {
		spans := findAll(root, byAttr("data-stmt", id))
		if len(spans) == 0 {
			t.Errorf("statement %s is not marked", id)
			continue
		}
		if !hasClass(spans[0], cls) {
			t.Errorf("statement %s: first piece has class %q; want %s", id, attr(spans[0], "class"), cls)
		}
	}
	s7 := findAll(root, byAttr("data-stmt", "s7"))[0]
	if !hasClass(s7, slotClass(slots[4])) || attr(s7, "data-speaker") != "a5" {
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
	root := mountHTML(t, NewArticleView().Doc(d).Lang(Dutch).Selected("a2"))
	art := findAll(root, byTagClass("article", "has-selection"))
	if len(art) != 1 || attr(art[0], "data-selected") != "a2" {
		t.Fatal("article lacks has-selection")
	}
	// Dimming is a live CSS rule (live.go), not a class on every mark.
	if rules := liveRules(); !strings.Contains(rules, `:not([data-actor="a2"])`) || !strings.Contains(rules, `:not([data-speaker="a2"])`) {
		t.Errorf("live rules for a2: %s", rules)
	}
	if got := textOf(findAll(root, byAttr("id", "analysis-time"))[0]); !strings.Contains(got, "Geanalyseerd") {
		t.Errorf("Dutch timing line = %q", got)
	}
	// One tab stop: the article, not every mark.
	if attr(art[0], "tabindex") != "0" {
		t.Error("the article is not a tab stop")
	}
	for _, m := range findAll(root, func(n *html.Node) bool { return n.Data == "mark" && attr(n, "data-actor") != "" }) {
		if attr(m, "tabindex") != "-1" {
			t.Errorf("mention %q is a tab stop", textOf(m))
		}
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

// The hover labels are CSS strings: a name cannot end the string or the
// rule.
func TestLabelRulesEscape(t *testing.T) {
	d := &analysis.Document{Actors: []analysis.Actor{{ID: "a1", Name: "X\"}body{display:none}\\", Type: analysis.Person}}}
	rules := labelRules(d, English)
	want := `content:"X\22 }body{display:none}\5c  · `
	if !strings.Contains(rules, want) || strings.Count(rules, `"`) != 2 {
		t.Errorf("label rules %q; want the name as %q", rules, want)
	}
}
