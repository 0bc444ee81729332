package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	explorer "github.com/article-explorer/explorer/app"
	"github.com/article-explorer/explorer/components"
)

// fakeImporter answers the page's calls to the importer (/api/article) in
// the browser itself, with the article the server would extract: the
// server refuses to fetch loopback pages (SSRF guard), so a real import of
// a test page cannot run here. It records the page URLs asked for.
type fakeImporter struct {
	mu    sync.Mutex
	asked []string
}

// answer intercepts the importer calls of the browser tab of ctx and
// answers each with an article of the given paragraphs from pageURL.
func (f *fakeImporter) answer(t *testing.T, ctx context.Context, pageURL string, paragraphs []string) {
	t.Helper()
	type para struct {
		Kind string `json:"kind"`
		Text string `json:"text"`
	}
	ps := make([]para, len(paragraphs))
	for i, p := range paragraphs {
		ps[i] = para{Kind: "p", Text: p}
	}
	body, err := json.Marshal(map[string]any{
		"url": pageURL, "final_url": pageURL, "title": "", "site": "nos.nl", "lang": "nl",
		"paragraphs": ps, "text": strings.Join(paragraphs, "\n\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*/api/article*"}}}); err != nil {
		t.Fatalf("intercepting the importer calls: %v", err)
	}
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if u, err := url.Parse(ev.Request.URL); err == nil {
				f.mu.Lock()
				f.asked = append(f.asked, u.Query().Get("url"))
				f.mu.Unlock()
			}
			chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{
				RequestID:       ev.RequestID,
				ResponseCode:    200,
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "application/json"}},
				Body:            body,
			})
		}
	}()
}

// calls returns the page URLs the importer was asked for so far.
func (f *fakeImporter) calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.asked...)
}

// TestE2EImportShare: a URL typed without https:// is imported as an
// https URL and analysed; its share link is too long for chat apps, so the
// page warns and offers a link without the text, which opens in a fresh
// browser by importing the article again.
func TestE2EImportShare(t *testing.T) {
	needBrowser(t)
	const page = "https://nos.nl/artikel/2417000-poetin"
	// The seed plus paragraphs of figures, so that the full link passes
	// the 2,000 characters chat apps keep.
	paras := strings.Split(strings.TrimSpace(explorer.ExampleText()), "\n\n")
	for i := 1; i <= 40; i++ {
		paras = append(paras, fmt.Sprintf("In %d gaf de gemeente %d euro uit aan wijk %d, zei wethouder %c. Jansen.", 1980+i, i*7919%100003, i*37%101, 'A'+rune(i%26)))
	}

	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	var imp fakeImporter
	imp.answer(t, ctx, page, paras)
	open(t, ctx, shared.URL+"/")
	do(t, ctx, "importing a URL",
		chromedp.SendKeys(chromedp.ID("url-input"), strings.TrimPrefix(page, "https://")),
		chromedp.Click(chromedp.ID("import")))
	waitAnalysed(t, ctx)
	if got := imp.calls(); len(got) != 1 || got[0] != page {
		t.Fatalf("the importer was asked for %q; want once for %q", got, page)
	}
	if txt := eval[string](t, ctx, `document.getElementById("article").textContent`); !strings.Contains(txt, "Poetin sprak eerder op de dag") {
		t.Errorf("the imported article shows %.100q", txt)
	}

	clickJS(t, ctx, "copy-link")
	waitFor(t, ctx, "the long-link warning", `document.getElementById("share-notext") && document.getElementById("share-link")`)
	full := eval[string](t, ctx, `document.getElementById("share-link").value`)
	if len(full) <= 2000 {
		t.Fatalf("the seed's share link has %d characters; the test needs one longer than 2,000", len(full))
	}
	// Copied or not (headless Chromium may refuse the clipboard), the
	// message gives the link's length.
	waitFor(t, ctx, "the export message", `document.getElementById("export-message").textContent !== ""`)
	if msg, n := eval[string](t, ctx, `document.getElementById("export-message").textContent`), components.English.Number(len(full)); !strings.Contains(msg, n) {
		t.Errorf("the export message %q does not give the link's length %s", msg, n)
	}
	clickJS(t, ctx, "share-notext")
	waitFor(t, ctx, "the link without text", `document.getElementById("share-link").value.length < 1000`)
	short := eval[string](t, ctx, `document.getElementById("share-link").value`)
	frag := short[strings.Index(short, "#")+1:]
	s, err := explorer.DecodeShare(frag)
	if err != nil {
		t.Fatalf("the link without text %q does not decode: %v", short, err)
	}
	if !s.NoText || s.Text != "" || s.SourceURL != page {
		t.Errorf("the link without text decodes to NoText %v, %d bytes of text, source %q", s.NoText, len(s.Text), s.SourceURL)
	}
	if strings.Contains(short, "Poetin") {
		t.Errorf("the link without text %q still holds article text", short)
	}

	// A fresh browser opens the short link: the article is imported again.
	b2 := newBrowser(t, 1280, 900)
	var imp2 fakeImporter
	imp2.answer(t, b2.ctx, page, paras)
	open(t, b2.ctx, shared.URL+"/#"+frag)
	waitFor(t, b2.ctx, "the article imported again", `(document.getElementById("article")?.textContent || "").includes("Poetin sprak eerder op de dag")`)
	if got := imp2.calls(); len(got) != 1 || got[0] != page {
		t.Errorf("opening the link asked the importer for %q; want once for %q", got, page)
	}
}
