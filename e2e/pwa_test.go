package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestE2EInstallButton: when the browser offers installation (its
// beforeinstallprompt event), the top bar shows an install button; the
// button shows the browser's prompt once and then goes, so that a second
// click cannot reach a prompt already used.
func TestE2EInstallButton(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	open(t, ctx, shared.URL+"/")
	// Headless Chromium may or may not offer installation by itself (its
	// installability check runs late): send the event it sends, with a
	// prompt that records its calls, which takes the place of any real one.
	eval[bool](t, ctx, `(() => {
		window.prompts = 0;
		const e = new Event("beforeinstallprompt", {cancelable: true});
		e.prompt = () => { window.prompts++; };
		e.userChoice = Promise.resolve({outcome: "dismissed"});
		window.dispatchEvent(e);
		return true })()`)
	waitFor(t, ctx, "the install button", `document.getElementById("install")`)
	clickJS(t, ctx, "install")
	waitFor(t, ctx, "the prompt", `window.prompts === 1`)
	waitFor(t, ctx, "the install button to go", `!document.getElementById("install")`)
}

// TestE2EDarkAndPrint: with a dark colour scheme the article is light text
// on a dark background, with the contrast WCAG AA asks for, and the other
// way round with a light scheme; printed, the page shows the article and
// the statements list on white and none of the controls.
func TestE2EDarkAndPrint(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, 1280, 900)
	ctx := b.ctx
	media := func(m string, features ...*emulation.MediaFeature) {
		t.Helper()
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m, Features: features}); err != nil {
			t.Fatalf("emulating media %q: %v", m, err)
		}
	}
	// luminance is the relative luminance (0 black … 1 white) of a CSS
	// colour property of an element.
	luminance := func(selector, prop string) float64 {
		t.Helper()
		return eval[float64](t, ctx, `(() => {
			const prop = `+strconv.Quote(prop)+`;
			let el = document.querySelector(`+strconv.Quote(selector)+`), c;
			for (; el; el = el.parentElement) {
				c = getComputedStyle(el)[prop];
				if (prop !== "backgroundColor" || !/rgba\(.*, 0\)$|transparent/.test(c)) break;
			}
			const [r, g, b] = c.match(/[\d.]+/g).map(Number).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4 });
			return 0.2126 * r + 0.7152 * g + 0.0722 * b })()`)
	}

	media("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	loadSeed(t, ctx, shared.URL)
	// contrast is the WCAG contrast ratio of two luminances.
	contrast := func(a, b float64) float64 { return (max(a, b) + 0.05) / (min(a, b) + 0.05) }
	if bg, ink := luminance("#article", "backgroundColor"), luminance("#article p", "color"); bg > 0.1 || ink < bg || contrast(bg, ink) < 4.5 {
		t.Errorf("dark scheme: article background luminance %.2f, text %.2f (contrast %.1f); want light text on a dark background, contrast ≥ 4.5", bg, ink, contrast(bg, ink))
	}
	media("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "light"})
	if bg, ink := luminance("#article", "backgroundColor"), luminance("#article p", "color"); bg < 0.8 || ink > bg || contrast(bg, ink) < 4.5 {
		t.Errorf("light scheme: article background luminance %.2f, text %.2f (contrast %.1f); want dark text on a light background, contrast ≥ 4.5", bg, ink, contrast(bg, ink))
	}

	// The page builds the statements list for printing once the article is
	// drawn (in idle time); then a print shows it.
	waitFor(t, ctx, "the statements list built for printing", `document.querySelectorAll("#statement-rows > li.srow").length > 0`)
	media("print", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	shown := func(id string) bool {
		return eval[bool](t, ctx, `(() => { const e = document.getElementById("`+id+`"); return !!e && e.getClientRects().length > 0 })()`)
	}
	for _, id := range []string{"article", "statements"} {
		if !shown(id) {
			t.Errorf("printed, #%s is not shown", id)
		}
	}
	for _, id := range []string{"input", "export", "copy-link"} {
		if shown(id) {
			t.Errorf("printed, the control #%s is shown", id)
		}
	}
	if bg := luminance("#article", "backgroundColor"); bg < 0.8 {
		t.Errorf("printed with a dark scheme, the article background luminance is %.2f; want white paper", bg)
	}
	if rows := eval[int](t, ctx, `document.querySelectorAll("#statement-rows > li.srow").length`); rows == 0 {
		t.Error("printed, the statements list has no rows")
	}
	if txt := eval[string](t, ctx, `document.getElementById("article").innerText`); !strings.Contains(txt, "Poetin") {
		t.Errorf("printed, the article reads %.80q", txt)
	}
}
