package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/article-explorer/explorer/analysis"
	explorer "github.com/article-explorer/explorer/app"
)

// seedActors are the actors the seed view must list (as parts of the names
// the engine gives them).
var seedActors = []string{"Joe Biden", "Vladimir Poetin", "Emmanuel Macron", "Witte Huis", "Verenigde Staten", "Rusland"}

// seedAnalysis runs the engine natively on the seed, for the expectations.
func seedAnalysis(t *testing.T) *analysis.Document {
	t.Helper()
	d, err := analysis.Analyze(explorer.ExampleText())
	if err != nil {
		t.Fatalf("analysing the seed natively: %v", err)
	}
	return d
}

// poetin returns the index of Vladimir Poetin among the actors (not "een
// topadviseur van Poetin").
func poetin(t *testing.T, d *analysis.Document) int {
	t.Helper()
	best := -1
	for i, a := range d.Actors {
		if a.Type == analysis.Person && strings.HasSuffix(a.Name, "Poetin") && !strings.Contains(a.Name, " van ") &&
			(best < 0 || len(a.Name) > len(d.Actors[best].Name)) {
			best = i
		}
	}
	if best < 0 {
		t.Fatalf("the engine finds no actor Poetin in the seed (actors %v)", actorNames(d))
	}
	return best
}

func actorNames(d *analysis.Document) []string {
	var out []string
	for _, a := range d.Actors {
		out = append(out, a.Name)
	}
	return out
}

// loadSeed opens the app and analyses the built-in example.
func loadSeed(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	open(t, ctx, base+"/")
	do(t, ctx, "clicking Example", chromedp.Click(chromedp.ID("example")))
	waitAnalysed(t, ctx)
}

// waitAnalysed waits until the page shows an analysis.
func waitAnalysed(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, "the analysis", `document.getElementById("explorer").dataset.status === "ready" && document.getElementById("article")`)
}

// litStatements returns the ids of the statements the article highlights
// (not dimmed: their underline is not transparent), sorted.
func litStatements(t *testing.T, ctx context.Context) []string {
	ids := eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll("#article .stmt[data-stmt]")]
		.filter(e => getComputedStyle(e).textDecorationColor !== "rgba(0, 0, 0, 0)").map(e => e.dataset.stmt))]`)
	sort.Strings(ids)
	return ids
}

// TestE2ESeed: the seed's sidebar lists its actors; clicking Poetin
// highlights exactly his mentions and statements and scrolls to the first;
// Escape and the filter box work from the keyboard.
func TestE2ESeed(t *testing.T) {
	needBrowser(t)
	d := seedAnalysis(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	loadSeed(t, ctx, shared.URL)

	// Places without statements are folded away: open them.
	eval[bool](t, ctx, `(() => { const b = document.getElementById("group-mentioned-t"); if (b) b.click(); return true })()`)
	waitFor(t, ctx, "the mentioned-only group", `!document.getElementById("group-mentioned-t") || document.getElementById("mentioned-list")`)
	names := eval[[]string](t, ctx, `[...document.querySelectorAll("#actors .actor-name")].map(e => e.firstChild.textContent)`)
	for _, want := range seedActors {
		if !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(strings.ToLower(n), strings.ToLower(want)) }) {
			t.Errorf("the sidebar lacks %q; it lists %q", want, names)
		}
	}
	got, want := slices.Sorted(slices.Values(names)), slices.Sorted(slices.Values(actorNames(d)))
	if !slices.Equal(got, want) {
		t.Errorf("the sidebar lists %q; the engine finds %q", got, want)
	}

	// Click Poetin.
	p := poetin(t, d)
	id := d.Actors[p].ID
	do(t, ctx, "clicking Poetin", chromedp.Click(chromedp.ID("actor-"+id)))
	waitFor(t, ctx, "Poetin's selection", `document.getElementById("article").dataset.selected === "`+id+`"`)
	var his []string
	for _, s := range d.Statements {
		if s.Actor == p {
			his = append(his, s.ID)
		}
	}
	sort.Strings(his)
	if len(his) == 0 {
		t.Errorf("the engine gives Poetin no statements in the seed")
	}
	if lit := litStatements(t, ctx); !slices.Equal(lit, his) {
		t.Errorf("after clicking Poetin the article highlights statements %v; his are %v", lit, his)
	}
	lit := `[...document.querySelectorAll('#article mark[data-actor]')].filter(e => { const c = getComputedStyle(e); return !(c.boxShadow === "none" && c.backgroundColor === "rgba(0, 0, 0, 0)") })`
	others := eval[int](t, ctx, lit+`.filter(e => e.dataset.actor !== "`+id+`").length`)
	mine := eval[int](t, ctx, lit+`.filter(e => e.dataset.actor === "`+id+`").length`)
	if others != 0 || mine == 0 {
		t.Errorf("after clicking Poetin: %d of his mentions and %d of others are highlighted", mine, others)
	}
	if open := eval[int](t, ctx, `document.querySelectorAll("#statements-`+id+` .statement").length`); open != len(his) {
		t.Errorf("Poetin's open list has %d statements; want %d", open, len(his))
	}
	waitFor(t, ctx, "the first of Poetin's mentions or statements to scroll into view", `(() => {
		const el = document.querySelector('#article [data-actor="`+id+`"], #article [data-speaker="`+id+`"]');
		const r = el.getBoundingClientRect();
		return r.top >= 0 && r.bottom <= innerHeight;
	})()`)

	// Escape (the focus is on Poetin's button) clears the selection.
	do(t, ctx, "pressing Escape", chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, "the selection to clear", `document.getElementById("article").dataset.selected === ""`)
	if lit := litStatements(t, ctx); len(lit) != len(d.Statements) {
		t.Errorf("after Escape %d statements are highlighted; want all %d", len(lit), len(d.Statements))
	}

	// Keyboard: the filter box, then Tab and Enter on the one actor left.
	do(t, ctx, "typing in the filter",
		chromedp.Focus(chromedp.ID("actor-filter")),
		chromedp.SendKeys(chromedp.ID("actor-filter"), "emmanuel"))
	waitFor(t, ctx, "the filter", `document.querySelectorAll("#actors .actor").length === 1`)
	do(t, ctx, "Tab and Enter", chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, "Macron's selection", `document.getElementById("article").dataset.selected !== "" &&
		document.activeElement.classList.contains("actor") && document.activeElement.getAttribute("aria-expanded") === "true"`)
}

// TestE2EShareLink: "Copy link" puts the view in the fragment; a new tab
// opening it shows the same text and the same selection, without asking
// the server for anything but the app itself.
func TestE2EShareLink(t *testing.T) {
	needBrowser(t)
	d := seedAnalysis(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: shared.URL})
	}
	loadSeed(t, ctx, shared.URL)
	p := poetin(t, d)
	id := d.Actors[p].ID
	do(t, ctx, "clicking Poetin", chromedp.Click(chromedp.ID("actor-"+id)))
	waitFor(t, ctx, "Poetin's statements", `document.querySelector("#statements-`+id+` .statement")`)
	waitScrolled(t, ctx)
	stmt := eval[string](t, ctx, `document.querySelector("#statements-`+id+` .statement").dataset.stmt`)
	do(t, ctx, "clicking his first statement", chromedp.Click(chromedp.CSS(`#statements-`+id+` .statement`)))
	waitFor(t, ctx, "the statement to flash", `document.querySelector('#article .flash[data-stmt="`+stmt+`"]')`)
	waitScrolled(t, ctx) // a click during the smooth scroll would miss its button
	do(t, ctx, "clicking Copy link", chromedp.Click(chromedp.ID("copy-link")))
	if !poll(ctx, `document.getElementById("share-link") && document.getElementById("share-link").value`, 10*time.Second) {
		t.Fatalf("no share link after Copy link; the message says %q",
			eval[string](t, ctx, `document.getElementById("export-message").textContent`))
	}
	link := eval[string](t, ctx, `document.getElementById("share-link").value`)
	waitFor(t, ctx, "the copy message", `document.getElementById("export-message").textContent !== ""`)
	if msg := eval[string](t, ctx, `document.getElementById("export-message").textContent`); !strings.Contains(msg, "copied") {
		t.Errorf("after Copy link the message is %q", msg)
	}
	if clip := eval[string](t, ctx, `navigator.clipboard.readText().catch(e => "error: " + e)`); clip != link {
		t.Errorf("the clipboard holds %.80q; want the link %.80q", clip, link)
	}
	if !strings.HasPrefix(link, shared.URL+"/#v=2&") {
		t.Fatalf("the link %.80q does not keep the view in a fragment", link)
	}
	if loc := eval[string](t, ctx, `location.href`); loc != link {
		t.Errorf("the address bar shows %.80q, not the link", loc)
	}
	text := eval[string](t, ctx, `[...document.querySelectorAll("#article [data-o]")].map(e => e.textContent).join("\n")`)

	// A new tab opens the link.
	tab := b.newTab(t)
	requests := chromedp.Events(tab, network.RequestWillBeSent)
	var asked []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ev, err := range requests {
			if err != nil {
				return
			}
			asked = append(asked, ev.Request.URL) // what goes over the wire: never the fragment
		}
	}()
	open(t, tab, link)
	waitAnalysed(t, tab)
	waitFor(t, tab, "the selection", `document.getElementById("article").dataset.selected === "`+id+`"`)
	text2 := eval[string](t, tab, `[...document.querySelectorAll("#article [data-o]")].map(e => e.textContent).join("\n")`)
	if text2 != text || text == "" {
		t.Errorf("the link shows another text:\n%.200q\nwant\n%.200q", text2, text)
	}
	if got := eval[string](t, tab, `(document.querySelector("#actors .statement.is-active") || {dataset: {}}).dataset.stmt || ""`); got != stmt {
		t.Errorf("the link's selected statement is %q; want %q", got, stmt)
	}
	if lit := litStatements(t, tab); !slices.Equal(lit, litStatements(t, ctx)) {
		t.Errorf("the link highlights %v; the original %v", lit, litStatements(t, ctx))
	}
	for _, u := range asked {
		if strings.Contains(u, "v=2&") || strings.Contains(u, "/api/") {
			t.Errorf("opening the link requested %.100q: the view must stay on the device", u)
		}
	}
}

// TestE2EOffline: after one visit, the app loads, analyses pasted text and
// opens share links with the server stopped; URL import says it needs a
// connection.
func TestE2EOffline(t *testing.T) {
	needBrowser(t)
	srv := startServer(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, srv.URL+"/")
	waitOfflineReady(t, ctx)
	open(t, ctx, srv.URL+"/") // now the service worker controls the page
	if !eval[bool](t, ctx, `!!navigator.serviceWorker.controller`) {
		t.Fatal("the page is not controlled by the service worker after a reload")
	}
	frag, err := explorer.EncodeShare(explorer.Share{Text: explorer.ExampleText(), Statement: "s1"})
	if err != nil {
		t.Fatal(err)
	}

	srv.Stop()
	// The browser also says it is offline (navigator.onLine), as a phone would.
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("emulating offline: %v", err)
	}
	start := time.Now()
	open(t, ctx, srv.URL+"/")
	t.Logf("offline reload: %.0f ms to interactive (%v wall)", readyMS(t, ctx), time.Since(start).Round(time.Millisecond))

	// Paste and analyse.
	eval[bool](t, ctx, `(() => { const a = document.getElementById("article-input"); a.value = "Minister De Vries zei dat het kabinet de steun verlengt.\n\nDe oppositie is tegen dat plan."; a.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	do(t, ctx, "clicking Analyse", chromedp.Click(chromedp.ID("analyze")))
	waitAnalysed(t, ctx)
	if txt := eval[string](t, ctx, `document.getElementById("article").textContent`); !strings.Contains(txt, "De oppositie is tegen dat plan.") {
		t.Errorf("offline analysis shows %.100q", txt)
	}

	// URL import needs a connection.
	do(t, ctx, "editing", chromedp.Click(chromedp.ID("edit-text")))
	do(t, ctx, "importing a URL",
		chromedp.SendKeys(chromedp.ID("url-input"), "https://nos.nl/artikel/1"),
		chromedp.Click(chromedp.ID("import")))
	waitFor(t, ctx, "the offline message", `document.getElementById("notice").textContent.includes("needs a connection")`)
	if !eval[bool](t, ctx, `!!document.getElementById("offline-badge")`) {
		t.Error("no offline badge while offline")
	}

	// Open a share link. Only the fragment changes, so the page is not
	// reloaded: wait for the shared article itself rather than for any
	// analysed view (the pasted one is still on screen until then).
	open(t, ctx, srv.URL+"/#"+frag)
	waitFor(t, ctx, "the shared article", `(document.getElementById("article")?.textContent || "").includes("Poetin sprak eerder op de dag")`)
}

// waitOfflineReady waits until the service worker is active and has
// precached app.wasm.
func waitOfflineReady(t *testing.T, ctx context.Context) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok := eval[bool](t, ctx, `(async () => {
			const r = await Promise.race([navigator.serviceWorker.ready, new Promise(res => setTimeout(() => res(null), 500))]);
			if (!r || !r.active || r.active.state !== "activated") return false;
			for (const k of await caches.keys()) {
				const reqs = await (await caches.open(k)).keys();
				if (reqs.some(q => q.url.includes("/web/app.wasm?v="))) return true;
			}
			return false;
		})()`)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the service worker did not precache the app within 30 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestE2EScriptInText: markup in the article text is shown as text and
// never runs.
func TestE2EScriptInText(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	text := "Ophef over een <b>kop</b>\n\nDe minister zei: \"<script>alert(1)</script>\" en toen <img src=x onerror=alert(1)> " +
		"en <img src=y onerror=\"window.__xss=1\">.\n\nPoetin zei dat hij <svg onload=alert(1)> niet kende."
	open(t, ctx, shared.URL+"/")
	js, _ := json.Marshal(text)
	eval[bool](t, ctx, `(() => { const a = document.getElementById("article-input"); a.value = `+string(js)+`; a.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	do(t, ctx, "clicking Analyse", chromedp.Click(chromedp.ID("analyze")))
	waitAnalysed(t, ctx)
	time.Sleep(300 * time.Millisecond) // give an injected handler the time to fire
	if n := eval[int](t, ctx, `document.querySelectorAll("#article script, #article img, #article svg, #article b").length`); n != 0 {
		t.Errorf("the article text became %d elements", n)
	}
	body := eval[string](t, ctx, `document.getElementById("article").textContent`)
	for _, want := range []string{"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<b>kop</b>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the article does not show %q as text", want)
		}
	}
	if eval[bool](t, ctx, `window.__xss === 1`) {
		t.Error("an onerror handler from the text ran")
	}
	// The same through a share link.
	frag, err := explorer.EncodeShare(explorer.Share{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, shared.URL+"/#"+frag)
	waitAnalysed(t, ctx)
	time.Sleep(300 * time.Millisecond)
	if n := eval[int](t, ctx, `document.querySelectorAll("#article script, #article img, #article svg").length`); n != 0 || eval[bool](t, ctx, `window.__xss === 1`) {
		t.Error("markup from a share link became elements or ran")
	}
}

// TestE2EScreenshots saves the home page and the seed view (article,
// statements view, a correction) at 1280 and 390 px wide to .bin/e2e/ (look
// at them), and checks that nothing overflows sideways.
func TestE2EScreenshots(t *testing.T) {
	needBrowser(t)
	dir := filepath.Join(repoRoot, ".bin", "e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := seedAnalysis(t)
	for _, w := range []struct {
		width, height int64
		name          string
	}{{1280, 900, "1280"}, {390, 844, "390"}} {
		b := newBrowser(t, int(w.width), int(w.height))
		ctx := b.ctx
		do(t, ctx, "sizing the viewport", chromedp.EmulateViewport(w.width, w.height))
		open(t, ctx, shared.URL+"/")
		shot := func(name string) {
			t.Helper()
			if over := eval[int](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
				t.Errorf("%s: at %d px the page is %d px wider than the screen", name, w.width, over)
			}
			buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot: %v", err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+"-"+w.name+".png"), buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		shot("home")
		do(t, ctx, "clicking Example", chromedp.Click(chromedp.ID("example")))
		waitAnalysed(t, ctx)
		waitFor(t, ctx, "the whole article", `document.querySelector("#article.is-complete")`)
		shot("seed")
		id := d.Actors[poetin(t, d)].ID
		if w.width < 700 {
			clickJS(t, ctx, "tab-actors")
		}
		do(t, ctx, "clicking Poetin", chromedp.Click(chromedp.ID("actor-"+id)))
		waitFor(t, ctx, "Poetin's selection", `document.getElementById("article").dataset.selected === "`+id+`"`)
		if w.width < 700 {
			shot("seed-actors")
			clickJS(t, ctx, "tab-article")
		}
		do(t, ctx, "scrolling to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		time.Sleep(400 * time.Millisecond) // the smooth scroll
		shot("seed-poetin")
		clickJS(t, ctx, "tab-statements")
		waitFor(t, ctx, "the statements view", `document.querySelectorAll("#statement-rows > li.srow").length > 0`)
		do(t, ctx, "scrolling to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		shot("statements")
		// A correction: the first statement goes to another speaker.
		eval[bool](t, ctx, `(document.querySelector("#statement-rows .srow-fix").click(), true)`)
		waitFor(t, ctx, "the corrections form", `document.getElementById("fix-speaker")`)
		other := d.Actors[0].ID
		if d.Statements[0].Actor == 0 {
			other = d.Actors[1].ID
		}
		setSelect(t, ctx, "fix-speaker", other)
		waitFor(t, ctx, "the correction", `document.getElementById("edit-count")`)
		do(t, ctx, "scrolling to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		shot("correction")
		// The same in dark mode, and the print layout.
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
			t.Fatalf("dark mode: %v", err)
		}
		showTab(t, ctx, "article")
		do(t, ctx, "scrolling to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		shot("dark")
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatalf("print media: %v", err)
		}
		shot("print")
	}
	t.Logf("screenshots in %s", dir)
}

// TestE2ETimings measures (and prints with -v) first visit to interactive,
// offline reload, and the analysis of the seed inside the browser. The
// figures are not asserted.
func TestE2ETimings(t *testing.T) {
	needBrowser(t)
	var first, offline, analysisMS []float64
	for range 3 {
		b := newBrowser(t, 1280, 900)
		open(t, b.ctx, shared.URL+"/")
		first = append(first, readyMS(t, b.ctx))
		b.cancel()
	}
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, shared.URL+"/")
	waitFor(t, ctx, "the engine's warm-up", `performance.getEntriesByName("explorer-warmup").length > 0`)
	t.Logf("engine warm-up (loading the models, when the page is idle): %.0f ms",
		eval[float64](t, ctx, `performance.getEntriesByName("explorer-warmup")[0].duration`))
	for range 5 {
		do(t, ctx, "clicking Example", chromedp.Click(chromedp.ID("example")))
		waitFor(t, ctx, "analysis", `document.getElementById("analysis-time") && document.getElementById("explorer").dataset.status === "ready"`)
		ms := eval[float64](t, ctx, `parseFloat(document.getElementById("analysis-time").dataset.ms)`)
		analysisMS = append(analysisMS, ms)
		do(t, ctx, "editing", chromedp.Click(chromedp.ID("edit-text")))
	}

	srv := startServer(t)
	ob := newBrowser(t, 1280, 900)
	open(t, ob.ctx, srv.URL+"/")
	waitOfflineReady(t, ob.ctx)
	open(t, ob.ctx, srv.URL+"/")
	srv.Stop()
	for range 3 {
		open(t, ob.ctx, srv.URL+"/")
		offline = append(offline, readyMS(t, ob.ctx))
	}
	t.Logf("first visit to interactive: median %.0f ms %v (bar 1500 ms)", median(first), rounded(first))
	t.Logf("offline reload to interactive: median %.0f ms %v (bar 500 ms)", median(offline), rounded(offline))
	t.Logf("seed analysis in the browser: median %.2f ms %v (bar 20 ms)", median(analysisMS), analysisMS)
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func rounded(xs []float64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x + 0.5)
	}
	return out
}

// TestE2EUpdate: when a new version is deployed, an open page says "update
// available — reload", and reloading runs the new version.
func TestE2EUpdate(t *testing.T) {
	needBrowser(t)
	srv := startServer(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, srv.URL+"/")
	waitOfflineReady(t, ctx)
	open(t, ctx, srv.URL+"/")
	oldVersion := eval[string](t, ctx, `goappGetenv("GOAPP_VERSION")`)

	// Deploy a new version on the same address: the same binary with a
	// changed stylesheet (so a new Version).
	next := t.TempDir()
	if err := os.CopyFS(filepath.Join(next, "web"), os.DirFS(filepath.Join(siteDir, "web"))); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(next, "web", "app.css")
	f, err := os.OpenFile(css, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n/* next version */\n")
	f.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	srv.Stop()
	srv2, err := launchAt(addr, next, &testWriter{t: t, prefix: "server 2: "})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv2.Stop)

	// The browser checks for a new service worker (as it does on navigation
	// and every day); the page then shows the banner.
	eval[bool](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)`)
	waitFor(t, ctx, "the update banner", `document.getElementById("update-banner")`)
	do(t, ctx, "clicking Reload", chromedp.Click(chromedp.ID("reload")))
	// The page reloads: evaluations fail until the new document is there.
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof goappGetenv === "function" && goappGetenv("GOAPP_VERSION") !== "`+oldVersion+`" && performance.getEntriesByName("explorer-ready").length > 0`))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new version did not load after Reload (last error %v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if eval[bool](t, ctx, `!!document.getElementById("update-banner")`) {
		t.Error("the banner is still shown after the reload")
	}
}

// TestE2ELanguage: the UI follows the browser language, and the toggle
// switches it and is remembered.
func TestE2ELanguage(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	loadSeed(t, ctx, shared.URL)
	if got := eval[string](t, ctx, `document.getElementById("actors-title").firstChild.textContent`); got != "Actors" {
		t.Errorf("English browser: sidebar title %q", got)
	}
	do(t, ctx, "switching to Dutch", chromedp.Click(chromedp.ID("lang-toggle")))
	waitFor(t, ctx, "Dutch", `document.documentElement.lang === "nl" && document.getElementById("actors-title").firstChild.textContent === "Actoren"`)
	open(t, ctx, shared.URL+"/")
	if got := eval[string](t, ctx, `document.getElementById("example").textContent`); got != "Voorbeeld" {
		t.Errorf("after a reload the Example button reads %q; want the chosen Dutch", got)
	}
}

// TestE2EStatic: the static export (make static) works from a plain file
// server under a sub-path, hides the URL import, and works offline there.
func TestE2EStatic(t *testing.T) {
	needBrowser(t)
	dist := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command(builder, "-dir", siteDir, "-out", dist, "-base", "/repo/")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("static export: %v\n%s", err, out)
	}
	mux := http.NewServeMux()
	mux.Handle("/repo/", http.StripPrefix("/repo", http.FileServer(http.Dir(dist))))
	host := httptest.NewServer(mux)
	defer host.Close()

	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, host.URL+"/repo/")
	if eval[bool](t, ctx, `!!document.getElementById("url-input")`) {
		t.Error("the static site shows the URL import without an API")
	}
	do(t, ctx, "clicking Example", chromedp.Click(chromedp.ID("example")))
	waitAnalysed(t, ctx)
	waitOfflineReady(t, ctx)
	open(t, ctx, host.URL+"/repo/")
	frag, _ := explorer.EncodeShare(explorer.Share{Text: explorer.ExampleText()})
	host.Close() // the host is gone: offline
	open(t, ctx, host.URL+"/repo/#"+frag)
	waitAnalysed(t, ctx)
	if txt := eval[string](t, ctx, `document.getElementById("article").textContent`); !strings.Contains(txt, "Poetin sprak eerder op de dag") {
		t.Errorf("the offline static site shows %.100q", txt)
	}
}

// TestE2ELongText: a text near the limit (190,000 characters) shows the
// "Analysing…" spinner before the engine holds the page's thread, and then
// the analysis; the time is printed with -v.
func TestE2ELongText(t *testing.T) {
	needBrowser(t)
	body := explorer.ExampleText()
	body = body[strings.Index(body, "De Amerikaanse"):]
	text := strings.Repeat(body+"\n\n", 85)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, shared.URL+"/")
	js, _ := json.Marshal(text)
	eval[bool](t, ctx, `(() => {
		window.__sawBusy = false;
		new MutationObserver(() => { if (document.getElementById("busy")) window.__sawBusy = true; })
			.observe(document.body, {childList: true, subtree: true});
		const a = document.getElementById("article-input"); a.value = `+string(js)+`;
		a.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	start := time.Now()
	do(t, ctx, "clicking Analyse", chromedp.Click(chromedp.ID("analyze")))
	waitAnalysed(t, ctx)
	took := time.Since(start)
	if !eval[bool](t, ctx, `window.__sawBusy`) {
		t.Error("no spinner was shown for a long text")
	}
	n := eval[int](t, ctx, `document.querySelectorAll("#article [data-stmt]").length`)
	t.Logf("190,000 characters: analysed in %s ms, shown %v after the click (%d statement pieces drawn)",
		eval[string](t, ctx, `document.getElementById("analysis-time").dataset.ms`), took.Round(time.Millisecond), n)
	// The page still answers: select an actor.
	do(t, ctx, "clicking the first actor", chromedp.Click(chromedp.CSS("#actors .actor")))
	waitFor(t, ctx, "the selection", `document.getElementById("article").dataset.selected !== ""`)
}

// TestE2EExports: the JSON download is the CLI's contract, the CSV has one
// row per statement, and "Copy as text" lists who said what.
func TestE2EExports(t *testing.T) {
	needBrowser(t)
	d := seedAnalysis(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatalf("allowing downloads: %v", err)
	}
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: shared.URL})
	}
	loadSeed(t, ctx, shared.URL)
	do(t, ctx, "downloading JSON and CSV", chromedp.Click(chromedp.ID("download-json")), chromedp.Click(chromedp.ID("download-csv")))
	file := func(name string) []byte {
		deadline := time.Now().Add(15 * time.Second)
		for {
			b, err := os.ReadFile(filepath.Join(downloads, name))
			if err == nil && len(b) > 0 {
				return b
			}
			if time.Now().After(deadline) {
				t.Fatalf("no download %s", name)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	d.ID = "article"
	want, _ := d.MarshalJSON()
	var got, exp any
	if err := json.Unmarshal(file("2022-02-article.json"), &got); err != nil {
		t.Fatalf("2022-02-article.json: %v", err)
	}
	json.Unmarshal(want, &exp)
	if !reflect.DeepEqual(got, exp) {
		t.Error("the JSON download differs from the CLI's output for the seed")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file("2022-02-article.csv"), []byte("\ufeff")))).ReadAll()
	if err != nil || len(rows) != len(d.Statements)+1 || rows[0][0] != "statement" {
		t.Errorf("article.csv: %d rows (want %d), %v", len(rows), len(d.Statements)+1, err)
	}
	do(t, ctx, "copying as text", chromedp.Click(chromedp.ID("copy-text")))
	waitFor(t, ctx, "the copy message", `document.getElementById("export-message").textContent !== ""`)
	text := eval[string](t, ctx, `navigator.clipboard.readText()`)
	if !strings.HasPrefix(text, "Who said what") || !strings.Contains(text, d.Actors[poetin(t, d)].Name) {
		t.Errorf("Copy as text gave %.200q", text)
	}
}
