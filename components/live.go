package components

import (
	"strconv"
	"strings"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The live highlights: which actor is selected, what the pointer or the
// focus is on. They change often and touch many marks, so they are not
// re-rendered: they are CSS rules in one constructed style sheet
// (document.adoptedStyleSheets, allowed by the CSP's style-src 'self'),
// rewritten with one call when they change.

var live struct {
	sheet     app.Value
	labels    app.Value // the hover labels of the mentions (labelRules)
	labelCSS  string
	selected  string // actor id
	hover     string // "a3" or "s4"
	installed bool
}

// liveSheet returns the constructed style sheet, creating it once; nil
// outside a browser.
func liveSheet() app.Value {
	if !app.IsClient {
		return nil
	}
	if live.sheet == nil {
		w := app.Window()
		ctor := w.Get("CSSStyleSheet")
		doc := w.Get("document")
		if !ctor.Truthy() || !doc.Get("adoptedStyleSheets").Truthy() {
			return nil
		}
		live.sheet, live.labels = ctor.New(), ctor.New()
		doc.Set("adoptedStyleSheets", w.Get("Array").New(live.labels, live.sheet))
	}
	return live.sheet
}

// liveRules returns the CSS of the current selection and hover.
func liveRules() string {
	css := ""
	if safeID(live.selected) {
		x := live.selected
		css += `#article mark.mention:not([data-actor="` + x + `"]){background:transparent;box-shadow:none}` +
			`#article .stmt:not([data-speaker="` + x + `"]){text-decoration-color:transparent}`
	}
	if h := live.hover; safeID(h) {
		if h[0] == 'a' {
			css += `#article mark[data-actor="` + h + `"]{background:var(--tint-strong);box-shadow:0 0 0 2px var(--c)}`
		} else {
			css += `#article [data-src~="` + h + `"]{background:var(--tint-strong);box-shadow:0 0 0 2px var(--c)}` +
				`#article [data-cue="` + h + `"]{outline:2px solid var(--ink);outline-offset:1px;border-radius:2px}` +
				`#article .stmt[data-stmt="` + h + `"]{background:var(--tint)}`
		}
	}
	return css
}

func applyLive() {
	if s := liveSheet(); s != nil {
		s.Call("replaceSync", liveRules())
	}
}

// setLabels puts the hover labels of the mentions (labelRules) in place.
func setLabels(css string) {
	if css != live.labelCSS {
		live.labelCSS = css
		if liveSheet() != nil {
			live.labels.Call("replaceSync", css)
		}
	}
}

// labelRules returns the CSS that gives the mentions of each actor its
// hover and focus label (name, type, roles): one rule per actor instead of
// the label repeated in every mention's HTML. The rules select by class
// (the actor's id), so that a mark is matched against its own actor's rule
// only, not against the rules of every actor.
func labelRules(d *analysis.Document, l Lang) string {
	var b strings.Builder
	for _, a := range d.Actors {
		if safeID(a.ID) {
			sel := `#article mark.` + a.ID
			b.WriteString(sel + `:hover::after,` + sel + `:focus::after{content:"`)
			writeCSSString(&b, actorLabel(l, a))
			b.WriteString("\"}\n")
		}
	}
	return b.String()
}

// writeCSSString writes s for a double-quoted CSS string: quotes,
// backslashes and control characters as hexadecimal escapes.
func writeCSSString(b *strings.Builder, s string) {
	for _, r := range s {
		if r == '"' || r == '\\' || r < 0x20 || r == 0x7f {
			b.WriteString(`\` + strconv.FormatInt(int64(r), 16) + " ")
		} else {
			b.WriteRune(r)
		}
	}
}

// setLiveSelection dims every actor but id ("" for none).
func setLiveSelection(id string) {
	if live.selected != id {
		live.selected = id
		applyLive()
	}
}

// installHover listens, once, to pointer and focus moves over anything that
// names an actor or a statement (data-actor, data-stmt) in the article, the
// sidebar and the statements list, and lights the matching marks in the
// article. The listeners are plain JavaScript callbacks: no re-render.
func installHover() {
	if !app.IsClient || live.installed {
		return
	}
	live.installed = true
	doc := app.Window().Get("document")
	on := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		t := args[0].Get("target")
		id := ""
		if t.Truthy() && t.Get("closest").Truthy() {
			if el := t.Call("closest", "[data-actor],[data-stmt]"); el.Truthy() && el.Call("closest", "#article,#actors,#statements").Truthy() {
				if a := el.Call("getAttribute", "data-actor"); a.Truthy() && el.Get("tagName").String() != "SPAN" {
					id = a.String()
				} else if s := el.Call("getAttribute", "data-stmt"); s.Truthy() {
					id = s.String()
				}
			}
		}
		if id != live.hover {
			live.hover = id
			applyLive()
		}
		return nil
	})
	doc.Call("addEventListener", "mouseover", on)
	doc.Call("addEventListener", "focusin", on)
}

// FlashStatement makes the statement's marks in the article flash once.
func FlashStatement(id string) {
	if !app.IsClient || !safeID(id) {
		return
	}
	els := app.Window().Get("document").Call("querySelectorAll", `#article [data-stmt="`+id+`"]`)
	n := els.Length()
	for i := 0; i < n; i++ {
		el := els.Index(i)
		el.Get("classList").Call("remove", "flash")
		el.Get("offsetWidth") // restart the animation
		el.Get("classList").Call("add", "flash")
	}
}
