package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// englishText is a short English article: the rules and the attribution
// model both have something to find in it.
const englishText = "Senator Jane Smith said prosecutors had established that the money was moved.\n\n" +
	"“We will not let this go,” she told reporters on Tuesday.\n\nThe White House declined to comment."

// dutchText is a short Dutch article.
const dutchText = "Minister De Vries zei dat het kabinet de steun verlengt.\n\nDe oppositie is tegen dat plan."

// TestE2EModels: the model and data files are not in app.wasm; the first
// English analysis fetches the English ones (the lexicon, the gazetteers and
// both models), and after one visit both languages analyse offline, from the
// service worker's precache, and so does a one-sentence quote that only the
// lexicons tell apart; an idle page decodes every model ahead of need.
// Logs the first English analysis's time, model fetch included (and once
// the page preloaded its models), and the bytes each language's files took.
func TestE2EModels(t *testing.T) {
	needBrowser(t)
	srv := startServer(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, srv.URL+"/")

	start := time.Now()
	analyse(t, ctx, englishText)
	t.Logf("first English analysis after a fresh visit, model fetch included: %v (bar 1 s)", time.Since(start).Round(time.Millisecond))
	if n := modelStatements(t, ctx); n < 2 {
		t.Errorf("the English analysis shows %d statements, want at least 2", n)
	}
	fetched := eval[[]string](t, ctx, `performance.getEntriesByType("resource").filter(e => e.name.includes("/web/models/")).map(e => e.name.split("/").pop() + " " + e.transferSize + " bytes in " + Math.round(e.duration) + " ms")`)
	t.Logf("model files fetched for English: %v", fetched)
	t.Logf("model files fetched and decoded in the page: %v", eval[[]string](t, ctx, `performance.getEntriesByType("measure").filter(e => e.name.startsWith("explorer-fetch") || e.name.startsWith("explorer-decode")).map(e => e.name + " " + Math.round(e.duration) + " ms")`))
	for _, want := range []string{"en-attribution.", "nl-ner.", "en-lexicon.", "gazetteer."} {
		if !anyContains(fetched, want) {
			t.Errorf("the English analysis fetched %v; want the lexicon, the gazetteers and both models", fetched)
			break
		}
	}

	// Offline after this one visit: the service worker has precached every
	// model file.
	waitModelsCached(t, ctx)
	open(t, ctx, srv.URL+"/")
	srv.Stop()
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("emulating offline: %v", err)
	}
	for _, c := range []struct{ lang, text, want string }{
		{"Dutch", dutchText, "De oppositie is tegen dat plan."},
		{"English", englishText, "The White House declined to comment."},
		// Function words do not decide this one: the lexicons' words do,
		// which the page fetches first.
		{"short English", `"Absolutely ready," insists Zelensky.`, "insists Zelensky"},
	} {
		open(t, ctx, srv.URL+"/") // a fresh page: the models must come from the cache
		start := time.Now()
		analyse(t, ctx, c.text)
		t.Logf("offline %s analysis, models from the cache: %v", c.lang, time.Since(start).Round(time.Millisecond))
		if txt := eval[string](t, ctx, `document.getElementById("article").textContent`); !strings.Contains(txt, c.want) {
			t.Errorf("offline %s analysis shows %.100q", c.lang, txt)
		}
		if n := modelStatements(t, ctx); n == 0 {
			t.Errorf("offline %s analysis shows no statement", c.lang)
		}
		// The page fetched its models (answered by the service worker); a
		// failed fetch would also log a console error, which fails the test.
		if got := eval[[]string](t, ctx, `performance.getEntriesByType("resource").filter(e => e.name.includes("/web/models/")).map(e => e.name)`); !anyContains(got, "nl-ner.") {
			t.Errorf("offline %s analysis fetched the model files %v; want the NER model", c.lang, got)
		}
	}

	// Once the page has been idle, it has decoded every model ahead of need
	// (still offline: from the cache), and the first English analysis
	// finds them ready.
	open(t, ctx, srv.URL+"/")
	waitFor(t, ctx, "the models preloaded at idle", `["nl-ner.bin", "en-attribution.bin"].every(n => performance.getEntriesByName("explorer-decode " + n).length > 0)`)
	start = time.Now()
	analyse(t, ctx, englishText)
	t.Logf("first English analysis once the page preloaded its models at idle: %v", time.Since(start).Round(time.Millisecond))
	if n := modelStatements(t, ctx); n < 2 {
		t.Errorf("the English analysis after the preload shows %d statements, want at least 2", n)
	}
}

// analyse pastes text, clicks Analyse and waits for the analysis.
func analyse(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const a = document.getElementById("article-input"); a.value = `+jsString(text)+`; a.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	do(t, ctx, "clicking Analyse", chromedp.Click(chromedp.ID("analyze")))
	waitFor(t, ctx, "the analysis", `document.getElementById("explorer").dataset.status === "ready" && document.getElementById("article")`)
}

// modelStatements counts the statements the article shows.
func modelStatements(t *testing.T, ctx context.Context) int {
	return eval[int](t, ctx, `new Set([...document.querySelectorAll("#article [data-stmt]")].map(e => e.dataset.stmt)).size`)
}

// waitModelsCached waits until the service worker has precached the model
// files.
func waitModelsCached(t *testing.T, ctx context.Context) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !eval[bool](t, ctx, `(async () => {
		for (const k of await caches.keys()) {
			const urls = (await (await caches.open(k)).keys()).map(q => q.url);
			if (["en-attribution.", "nl-ner.", "gazetteer.", "nl-lexicon.", "en-lexicon."].every(n => urls.some(u => u.includes("/web/models/" + n)))) return true;
		}
		return false;
	})()`) {
		if time.Now().After(deadline) {
			t.Fatal("the service worker did not precache the model files within 30 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func anyContains(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`)
	return `"` + r.Replace(s) + `"`
}
