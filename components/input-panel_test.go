package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func TestInputPanel(t *testing.T) {
	var analysed []string
	examples := 0
	p := NewInputPanel().Lang(English).MaxChars(10).Text("één twee", 1).
		OnAnalyze(func(ctx app.Context, text string) { analysed = append(analysed, text) }).
		OnExample(func(ctx app.Context) { examples++ })
	disp := app.NewClientTester(p)
	defer disp.Close()
	disp.Consume()

	if p.text != "één twee" {
		t.Fatalf("panel text = %q; want the given text", p.text)
	}
	root := parseHTML(t, app.HTMLString(p))
	if got := textOf(findAll(root, byAttr("id", "char-count"))[0]); got != "8 of 10 characters" {
		t.Errorf("counter = %q; want characters, not bytes", got)
	}
	if n := findAll(root, byAttr("id", "url-input")); len(n) != 0 {
		t.Error("URL import shown without an endpoint")
	}

	// The user's edit survives an update with the same revision …
	p.text = "eigen tekst die te lang is"
	p.IText = "ander"
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(app.Context) {}})
	disp.Consume()
	if p.text != "eigen tekst die te lang is" {
		t.Errorf("same revision replaced the user's text with %q", p.text)
	}
	root = parseHTML(t, app.HTMLString(p))
	if c := findAll(root, byAttr("id", "char-count"))[0]; !hasClass(c, "is-over") {
		t.Error("counter over the limit is not marked")
	}
	// … and a new revision replaces it.
	p.ITextRev = 2
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(app.Context) {}})
	disp.Consume()
	if p.text != "ander" {
		t.Errorf("new revision: text = %q; want ander", p.text)
	}

	p.submit(disp.Context())
	p.onExample(disp.Context(), app.Event{})
	if len(analysed) != 1 || analysed[0] != "ander" || examples != 1 {
		t.Errorf("callbacks: analysed %q, examples %d", analysed, examples)
	}
	// Busy: no second analysis, the button is disabled and spins.
	p.IBusy = true
	p.submit(disp.Context())
	if len(analysed) != 1 {
		t.Error("submit while busy started another analysis")
	}
}

func TestInputPanelCollapsedAndImport(t *testing.T) {
	root := mountHTML(t, NewInputPanel().Lang(Dutch).MaxChars(200_000).Text(strings.Repeat("x", 12345), 1).Collapsed(true))
	if len(findAll(root, byAttr("id", "article-input"))) != 0 || len(findAll(root, byAttr("id", "edit-text"))) != 1 {
		t.Error("collapsed panel should show only the edit button")
	}
	if got := textOf(findAll(root, byTagClass("span", "collapsed-summary"))[0]); !strings.Contains(got, "12.345 tekens") {
		t.Errorf("collapsed summary = %q", got)
	}
	root = mountHTML(t, NewInputPanel().Lang(English).Import(true, true))
	if len(findAll(root, byAttr("id", "url-input"))) != 1 {
		t.Fatal("URL field missing with an endpoint")
	}
	if b := findAll(root, byAttr("id", "import"))[0]; !isTrue(b, "disabled") || len(findAll(b, byTagClass("span", "spinner"))) != 1 {
		t.Error("import button is not disabled with a spinner while importing")
	}
}
