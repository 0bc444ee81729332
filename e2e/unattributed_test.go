package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/article-explorer/explorer/analysis"
)

// passiveText holds a statement whose text names no one who holds it (a
// passive cue without its agent) beside one with a speaker.
const passiveText = "Officials were told that the plan had failed.\n\nSenator Jane Smith said the deal would hold."

// TestE2EUnattributed: a statement whose text names no source is listed
// under "Without a speaker"; clicking it marks it in the article. Saves
// .bin/e2e/unattributed-1280.png.
func TestE2EUnattributed(t *testing.T) {
	needBrowser(t)
	d, err := analysis.Analyze(passiveText)
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, s := range d.Statements {
		if s.Actor < 0 {
			id = s.ID
		}
	}
	if id == "" || len(d.Statements) != 2 {
		t.Fatalf("the engine gives %d statements and none without a speaker; the test needs one of each", len(d.Statements))
	}
	srv := startServer(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, srv.URL+"/")
	analyse(t, ctx, passiveText)
	item := `document.querySelector('[aria-labelledby="group-none"] button[data-stmt="` + id + `"]')`
	waitFor(t, ctx, "the statement under Without a speaker", item)
	if got := eval[string](t, ctx, `document.getElementById("group-none").textContent`); got == "" {
		t.Error("the group of statements without a speaker has no title")
	}
	eval[bool](t, ctx, `(`+item+`.click(), true)`)
	waitFor(t, ctx, "the statement marked", item+`.classList.contains("is-active") && document.querySelector('#article [data-stmt="`+id+`"]')`)
	dir := filepath.Join(repoRoot, ".bin", "e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "unattributed-1280.png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}
