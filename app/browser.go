package app

import (
	"strings"
	"time"

	"github.com/article-explorer/explorer/components"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The browser glue: small calls into the page's JavaScript APIs through
// go-app's Value. On the server (and in native tests) go-app's Values are
// inert, so these do nothing there.

// copyToClipboard writes text to the clipboard and calls done with the
// outcome on the UI goroutine. done runs through ctx.Emit, so the component
// of ctx and its owners are re-rendered.
func copyToClipboard(ctx app.Context, text string, done func(ctx app.Context, ok bool)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !app.IsClient || !clip.Truthy() {
		done(ctx, false)
		return
	}
	var onOK, onErr app.Func
	finish := func(ok bool) {
		onOK.Release()
		onErr.Release()
		ctx.Emit(func() { done(ctx, ok) })
	}
	onOK = app.FuncOf(func(app.Value, []app.Value) any { finish(true); return nil })
	onErr = app.FuncOf(func(app.Value, []app.Value) any { finish(false); return nil })
	clip.Call("writeText", text).Call("then", onOK, onErr)
}

// download offers data as a file with the given name and MIME type.
func download(name, mime string, data []byte) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	arr := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	parts := w.Get("Array").New()
	parts.Call("push", arr)
	blob := w.Get("Blob").New(parts, map[string]any{"type": mime})
	href := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Call("setAttribute", "download", name)
	a.Set("rel", "noopener")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	w.Call("setTimeout", app.FuncOf(func(app.Value, []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", href)
		return nil
	}), 10_000)
}

// scrollToFirst scrolls the first element matching a CSS selector into view
// (block: "center" or "start") and reports whether there was one. Smooth
// scrolling is skipped for people who ask for reduced motion.
func scrollToFirst(selector, block string) bool {
	if !app.IsClient {
		return false
	}
	w := app.Window()
	el := w.Get("document").Call("querySelector", selector)
	if !el.Truthy() {
		return false
	}
	behavior := "smooth"
	if w.Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool() {
		behavior = "auto"
	}
	opts := map[string]any{"block": block, "behavior": behavior}
	el.Call("scrollIntoView", opts)
	// Parts of the article that were off screen are laid out only once
	// the page gets near them (content-visibility), with estimated heights
	// until then: once the frame is drawn there, aim again.
	components.AfterFrame(func() { el.Call("scrollIntoView", opts) })
	return true
}

// attrSelector returns `[name="value"]` for a value made of letters,
// digits and hyphens only (engine ids such as "a3"); other values select
// nothing.
func attrSelector(name, value string) string {
	for _, r := range value {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return "[data-none]"
		}
	}
	return "[" + name + `="` + value + `"]`
}

// browserLanguage returns navigator.language, "" outside a browser.
func browserLanguage() string {
	if !app.IsClient {
		return ""
	}
	return app.Window().Get("navigator").Get("language").String()
}

// online reports navigator.onLine (true outside a browser).
func online() bool {
	if !app.IsClient {
		return true
	}
	return app.Window().Get("navigator").Get("onLine").Bool()
}

// setDocumentLang sets the lang attribute of the html element.
func setDocumentLang(lang string) {
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Set("lang", lang)
	}
}

// markPerformance records a performance mark (visible in DevTools and read
// by the end-to-end benchmark).
var markPerformance = components.Mark

// measurePerformance records a performance measure from a mark to now.
func measurePerformance(name, startMark string) {
	if app.IsClient {
		if p := app.Window().Get("performance"); p.Truthy() && p.Get("measure").Truthy() {
			p.Call("measure", name, startMark)
		}
	}
}

// whenIdle runs fn on its own goroutine once the browser is idle (after at
// least delay), so that work the user did not ask for yet does not compete
// with the page's start.
func whenIdle(delay time.Duration, fn func()) {
	if !app.IsClient {
		return
	}
	go func() {
		time.Sleep(delay)
		done := make(chan struct{})
		components.WhenIdle(func() { close(done) })
		<-done
		fn()
	}()
}

// replaceFragment replaces the URL in the address bar with the current one
// and the given fragment ("" removes it), without navigating.
func replaceFragment(ctx app.Context, fragment string) {
	if !app.IsClient {
		return
	}
	u := *ctx.Page().URL()
	u.Fragment, u.RawFragment = "", ""
	s := u.String()
	if fragment != "" {
		s += "#" + fragment
	}
	app.Window().Get("history").Call("replaceState", nil, "", s)
}

// linkFor returns the absolute URL of the current page with the fragment.
func linkFor(ctx app.Context, fragment string) string {
	u := *ctx.Page().URL()
	u.Fragment, u.RawFragment = "", ""
	return strings.TrimSuffix(u.String(), "#") + "#" + fragment
}

// pushFragment adds a history entry with the current URL and the given
// fragment, without navigating, so that Back returns to the one before.
func pushFragment(ctx app.Context, fragment string) {
	if !app.IsClient {
		return
	}
	u := *ctx.Page().URL()
	u.Fragment, u.RawFragment = "", ""
	app.Window().Get("history").Call("pushState", nil, "", u.String()+"#"+fragment)
}

// scrollY returns the window's vertical scroll position.
func scrollY() float64 {
	if !app.IsClient {
		return 0
	}
	return app.Window().Get("scrollY").Float()
}

// scrollTo scrolls the window to a vertical position at once.
func scrollTo(y float64) {
	if app.IsClient {
		app.Window().Call("scrollTo", 0, y)
	}
}

// focusIfLost focuses the element with the given id when the focus was
// lost (on the body, after its element was removed).
func focusIfLost(id string) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	if a := doc.Get("activeElement"); a.Truthy() && a.Get("tagName").String() != "BODY" {
		return
	}
	if el := doc.Call("getElementById", id); el.Truthy() {
		el.Call("focus")
	}
}

// waitForPaint blocks (an action handler's goroutine, never the UI's) until
// go-app has rendered what was dispatched before and the browser has
// painted it, or at most max: a long job that follows then starts after the
// page shows its "busy" state.
func waitForPaint(ctx app.Context, max time.Duration) {
	if !app.IsClient {
		return
	}
	done := make(chan struct{}, 1)
	// A deferred function runs on the UI goroutine right after the next
	// render, which includes the state changes dispatched before it.
	ctx.Defer(func(app.Context) {
		components.AfterFrame(func() { done <- struct{}{} })
	})
	select {
	case <-done:
	case <-time.After(max):
	}
}

// allowZoom lets people pinch-zoom: go-app's page head says
// "maximum-scale=1, user-scalable=no", which the browser reads again when
// the meta element changes.
func allowZoom() {
	if !app.IsClient {
		return
	}
	if m := app.Window().Get("document").Call("querySelector", `meta[name="viewport"]`); m.Truthy() {
		m.Call("setAttribute", "content", "width=device-width, initial-scale=1, viewport-fit=cover")
	}
}
