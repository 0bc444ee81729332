package app

import (
	"errors"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

var registerOnce sync.Once

// newPage mounts the explorer page with go-app's client tester, with the
// engine replaced by fake (restored when the test ends).
func newPage(t *testing.T, fake func(string) (*analysis.Document, error)) (*explorerPage, app.ClientDispatcher) {
	t.Helper()
	registerOnce.Do(Register)
	old, oldFlash := analyze, flashDuration
	analyze, flashDuration = fake, time.Millisecond
	t.Cleanup(func() { analyze, flashDuration = old, oldFlash })
	p := &explorerPage{}
	disp := app.NewClientTester(p)
	t.Cleanup(disp.Close)
	disp.Consume()
	return p, disp
}

// refresh re-renders the page after a direct call of one of its methods
// (in the app, event handlers do that).
func refresh(disp app.ClientDispatcher, p *explorerPage) {
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(app.Context) {}})
	settle(disp)
}

// settle runs the pending actions and UI updates.
func settle(disp app.ClientDispatcher) {
	for range 3 {
		disp.Consume()
		disp.Wait()
	}
	disp.Consume()
}

// fakeSmall analyses smallText as smallDoc, and any other text as a
// document without actors.
func fakeSmall(text string) (*analysis.Document, error) {
	if text == smallText {
		return smallDoc(), nil
	}
	return &analysis.Document{Text: text, Language: analysis.Dutch}, nil
}

func navTo(t *testing.T, disp app.ClientDispatcher, fragment string) {
	t.Helper()
	u, err := url.Parse("https://explorer.test/#" + fragment)
	if err != nil {
		t.Fatal(err)
	}
	disp.Nav(u)
	settle(disp)
}

func TestPageOpensShareLink(t *testing.T) {
	p, disp := newPage(t, fakeSmall)
	frag, err := EncodeShare(Share{Text: smallText, SourceURL: "https://nos.nl/artikel/123-overleg", Actor: "a1", Statement: "s1"})
	if err != nil {
		t.Fatal(err)
	}
	navTo(t, disp, frag)
	if p.art.Status != statusReady || p.art.Doc == nil {
		t.Fatalf("after opening the link: status %v, problem %+v", p.art.Status, p.art.Problem)
	}
	if p.selected != "a1" || p.statement != "s1" {
		t.Errorf("selection = %q/%q; want a1/s1", p.selected, p.statement)
	}
	if p.text != smallText || p.art.Source.URL != "https://nos.nl/artikel/123-overleg" || p.art.Source.Site != "nos.nl" {
		t.Errorf("text or source not restored: %q %+v", p.text, p.art.Source)
	}
	if p.art.Doc.ID != "123-overleg" {
		t.Errorf("document id = %q; want the URL's last path element", p.art.Doc.ID)
	}
	if p.notice.Key != "" {
		t.Errorf("unexpected notice %+v", p.notice)
	}
	// The workspace is shown with Poetin's statement selected in the sidebar.
	html := app.HTMLString(p)
	for _, want := range []string{`id="workspace"`, `id="actor-a1"`, `data-status="ready"`, `id="statements-a1"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}

	// A statement id alone selects its speaker.
	frag, _ = EncodeShare(Share{Text: smallText, Statement: "s2"})
	navTo(t, disp, frag)
	if p.selected != "a2" || p.statement != "s2" {
		t.Errorf("statement-only link: selection = %q/%q; want a2/s2", p.selected, p.statement)
	}
	// Ids that are not in the analysis give a notice, not a crash.
	frag, _ = EncodeShare(Share{Text: smallText, Actor: "a99"})
	navTo(t, disp, frag)
	if p.notice.Key != "share.missing" || p.selected != "" {
		t.Errorf("unknown actor: notice %+v, selected %q", p.notice, p.selected)
	}
}

func TestPageRejectsBadLinks(t *testing.T) {
	p, disp := newPage(t, fakeSmall)
	long := "v=1&n=5&t=" + strings.Repeat("A", MaxFragment)
	good, _ := EncodeShare(Share{Text: smallText})
	cases := []struct{ frag, key string }{
		{"v=1&n=5&t=***", "share.err.malformed"},
		{malformedFragment, "share.err.malformed"},
		{"v=9&n=5&t=abc", "share.err.future"},
		{good[:len(good)-12], "share.err.truncated"},
		{"v=1&n=999999999&t=abc", "share.err.toolarge"},
		{long, "share.err.toolong"},
	}
	for _, c := range cases {
		navTo(t, disp, c.frag)
		if p.notice.Key != c.key {
			t.Errorf("fragment %.30q: notice %q; want %q", c.frag, p.notice.Key, c.key)
		}
		if !strings.Contains(app.HTMLString(p), `role="alert"`) {
			t.Errorf("fragment %.30q: no alert shown", c.frag)
		}
	}
	// A fragment that is not a share link (the skip link's #actors) is ignored.
	p.notice = problem{}
	navTo(t, disp, "actors")
	if p.notice.Key != "" || p.art.Status != statusIdle {
		t.Errorf("#actors: notice %+v, status %v", p.notice, p.art.Status)
	}
}

func TestPageAnalysisProblems(t *testing.T) {
	p, disp := newPage(t, func(text string) (*analysis.Document, error) {
		switch text {
		case "boom":
			return nil, errors.New("analysis: the embedded model is damaged")
		case "bonjour":
			return &analysis.Document{Text: text, Language: analysis.Unsupported,
				Paragraphs: []analysis.Paragraph{{Span: analysis.Span{End: len(text)}}}}, nil
		}
		return fakeSmall(text)
	})
	ctx := disp.Context()
	cases := []struct {
		text, key string
		status    status
	}{
		{"   \n\t ", "err.empty", statusFailed},
		{strings.Repeat("é", MaxChars+1), "err.toolong", statusFailed},
		{"boom", "err.invalid", statusFailed},
		{"bonjour", "", statusReady},
	}
	for _, c := range cases {
		p.analyzeText(ctx, c.text)
		settle(disp)
		if p.art.Status != c.status || p.art.Problem.Key != c.key {
			t.Errorf("analyse %.20q: status %v, problem %+v; want %v, %q", c.text, p.art.Status, p.art.Problem, c.status, c.key)
		}
	}
	if html := app.HTMLString(p); !strings.Contains(html, "does not look Dutch or English") {
		t.Error("unsupported language: no message")
	}
	p.analyzeText(ctx, strings.Repeat("é", MaxChars+1))
	refresh(disp, p)
	if html := app.HTMLString(p); !strings.Contains(html, "The text is too long: 200,001 characters. The limit is 200,000 characters.") {
		t.Errorf("too long: message missing")
	}
}

func TestPageSelectionAndUpdate(t *testing.T) {
	p, disp := newPage(t, fakeSmall)
	ctx := disp.Context()
	p.analyzeText(ctx, smallText)
	settle(disp)
	if p.art.Status != statusReady {
		t.Fatalf("status %v", p.art.Status)
	}
	p.toggleActor(ctx, "a2")
	if p.selected != "a2" {
		t.Errorf("toggleActor(a2): selected %q", p.selected)
	}
	p.toggleActor(ctx, "a2")
	if p.selected != "" {
		t.Errorf("toggleActor(a2) twice: selected %q; want none", p.selected)
	}
	p.selectStatement(ctx, "s1")
	if p.selected != "a1" || p.statement != "s1" {
		t.Errorf("selectStatement(s1): %q/%q", p.selected, p.statement)
	}
	// Escape steps back one level: the statement, then the actor.
	p.escape(ctx)
	if p.selected != "a1" || p.statement != "" {
		t.Errorf("one Escape: %q/%q; want the actor still selected", p.selected, p.statement)
	}
	p.escape(ctx)
	if p.selected != "" || p.statement != "" {
		t.Error("two Escapes left a selection")
	}
	// Copy link: the fragment round-trips to the current view.
	p.selectStatement(ctx, "s2")
	p.copyLink(ctx)
	refresh(disp, p)
	u, err := url.Parse(p.link)
	if err != nil {
		t.Fatal(err)
	}
	s, err := DecodeShare(u.EscapedFragment())
	if err != nil || s.Text != smallText || s.Actor != "a2" || s.Statement != "s2" {
		t.Errorf("copied link decodes to %+v, %v", s, err)
	}
	// Without a clipboard (not a browser) the link is shown to copy by hand.
	if !p.exportErr || !strings.Contains(app.HTMLString(p), `id="share-link"`) {
		t.Error("no fallback share field")
	}
	// A new version: the banner appears.
	disp.AppUpdate()
	settle(disp)
	if !p.update || !strings.Contains(app.HTMLString(p), `id="update-banner"`) {
		t.Error("no update banner after AppUpdate")
	}
}

func TestHandleImport(t *testing.T) {
	p, disp := newPage(t, func(text string) (*analysis.Document, error) {
		return &analysis.Document{Text: text, Language: analysis.Dutch}, nil
	})
	old := importFetch
	t.Cleanup(func() { importFetch = old })
	importFetch = func(api, u string) (imported, problem) {
		if strings.Contains(u, "fail") {
			return imported{}, problem{Key: "import.err.504"}
		}
		a := imported{FinalURL: "https://nos.nl/l/1", Title: "Kop", Site: "NOS", Date: "2022-02-13T10:00:00+01:00"}
		a.Paragraphs = append(a.Paragraphs, struct {
			Kind string `json:"kind"`
			Text string `json:"text"`
		}{"p", "Eerste alinea."}, struct {
			Kind string `json:"kind"`
			Text string `json:"text"`
		}{"h", "Tussen\nkop"})
		return a, problem{}
	}
	ctx := disp.Context()
	ctx.NewActionWithValue(actionImport, "https://nos.nl/l/1")
	settle(disp)
	want := "date 2022-02-13\n\nKop\n\nEerste alinea.\n\nTussen kop"
	if p.art.Status != statusReady || p.art.Text != want || p.art.Source.Site != "NOS" {
		t.Errorf("import: status %v, text %q, source %+v", p.art.Status, p.art.Text, p.art.Source)
	}
	ctx.NewActionWithValue(actionImport, "https://nos.nl/fail")
	settle(disp)
	if p.imp.Problem.Key != "import.err.504" || p.imp.Busy {
		t.Errorf("failed import: %+v", p.imp)
	}
	ctx.NewActionWithValue(actionImport, "javascript:alert(1)")
	settle(disp)
	if p.imp.Problem.Key != "err.url.empty" {
		t.Errorf("javascript: URL: %+v", p.imp)
	}
}

func TestParseImport(t *testing.T) {
	cases := []struct {
		status int
		body   string
		key    string
	}{
		{200, `{"title":"x","text":"a"}`, ""},
		{200, `not json`, "import.err.other"},
		{403, `{"error":"blocked address","code":"forbidden"}`, "import.err.403"},
		{429, ``, "import.err.429"},
		{500, `{"error":"boom"}`, "import.err.other"},
		{200, strings.Repeat("x", maxImportAnswer+1), "import.err.413"},
	}
	for _, c := range cases {
		if _, p := parseImport(c.status, c.body); p.Key != c.key {
			t.Errorf("parseImport(%d, %.20q) = %q; want %q", c.status, c.body, p.Key, c.key)
		}
	}
	for in, want := range map[string]string{"2022-02-13T10:00:00Z": "2022-02-13", "2022-02": "2022-02", "2022": "2022", "13 feb 2022": "", "20220213": "", "": ""} {
		if got := isoDay(in); got != want {
			t.Errorf("isoDay(%q) = %q; want %q", in, got, want)
		}
	}
}
