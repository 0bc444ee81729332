package components

import (
	"sort"
	"strconv"
	"strings"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// articleView shows an analysed article: title, date and source, a legend,
// and the paragraphs with every actor mention, statement and cue marked.
// Paragraphs are drawn as escaped HTML built in Go (highlight.go), the
// first screenful at once and the rest in steps, so that the page paints
// soon and stays responsive whatever the article's length. The article is
// one tab stop; arrow keys move between the highlights.
type articleView struct {
	app.Compo

	IDoc         *analysis.Document
	ILang        Lang
	IEdited      map[string]bool // ids of statements a correction changed
	IRev         int             // changes when the corrections change
	ISourceURL   string          // the page the article was imported from
	ISourceSite  string          // its site name, when known
	IByline      string          // its author line, when known
	ISelected    string          // the selected actor id; "" highlights every actor
	IElapsedMS   float64         // how long the analysis took on this device
	IOnSelect    func(ctx app.Context, actorID string)
	IOnStatement func(ctx app.Context, statementID string)
	IOnEscape    func(ctx app.Context)

	hl     *highlighter
	hlDoc  *analysis.Document
	hlLang Lang
	hlRev  int
	drawn  int // paragraphs drawn so far
	nodes  []app.UI
	seen   *analysis.Document // the document whose drawing was started
}

// NewArticleView returns an empty article view.
func NewArticleView() *articleView { return &articleView{} }

// Doc sets the analysed document to show.
func (v *articleView) Doc(d *analysis.Document) *articleView { v.IDoc = d; return v }

// Lang sets the UI language.
func (v *articleView) Lang(l Lang) *articleView { v.ILang = l; return v }

// Edited sets the ids of the statements the reader corrected and a
// revision number that changes with every correction.
func (v *articleView) Edited(ids map[string]bool, rev int) *articleView {
	v.IEdited, v.IRev = ids, rev
	return v
}

// Source sets where the article came from: its URL, site and byline.
func (v *articleView) Source(u, site, byline string) *articleView {
	v.ISourceURL, v.ISourceSite, v.IByline = u, site, byline
	return v
}

// Selected sets the selected actor id.
func (v *articleView) Selected(id string) *articleView { v.ISelected = id; return v }

// Elapsed sets the analysis time in milliseconds, shown under the article.
func (v *articleView) Elapsed(ms float64) *articleView { v.IElapsedMS = ms; return v }

// OnSelect sets the callback for a click (or Enter) on a mention.
func (v *articleView) OnSelect(f func(ctx app.Context, actorID string)) *articleView {
	v.IOnSelect = f
	return v
}

// OnStatement sets the callback for a click on a statement's text (not on
// a mention).
func (v *articleView) OnStatement(f func(ctx app.Context, statementID string)) *articleView {
	v.IOnStatement = f
	return v
}

// OnEscape sets the callback for Escape inside the article.
func (v *articleView) OnEscape(f func(ctx app.Context)) *articleView { v.IOnEscape = f; return v }

// firstDraw is how much text (bytes) the first render draws: more than a
// screenful on any display. drawStep is how much each later step adds.
const (
	firstDraw = 12_000
	drawStep  = 30_000
)

// OnMount installs the hover highlighting and starts drawing.
func (v *articleView) OnMount(ctx app.Context) {
	installHover()
	installArrowKeys(v.JSValue())
	v.follow(ctx)
}

// OnUpdate starts drawing a new document.
func (v *articleView) OnUpdate(ctx app.Context) { v.follow(ctx) }

// follow marks when a new document is painted (the performance mark
// "explorer-painted") and draws the rest of its paragraphs in steps, each
// after the browser had a chance to paint and handle input.
func (v *articleView) follow(ctx app.Context) {
	d := v.IDoc
	if d == nil || v.seen == d {
		return
	}
	v.seen = d
	markNow("explorer-rendered")
	markPainted("explorer-painted")
	v.drawMore(ctx, d)
}

func (v *articleView) drawMore(ctx app.Context, d *analysis.Document) {
	if v.IDoc != d {
		return
	}
	if v.drawn >= len(d.Paragraphs) {
		markPainted("explorer-drawn")
		return
	}
	afterPaint(func() {
		ctx.Dispatch(func(ctx app.Context) {
			if v.IDoc != d {
				return
			}
			v.drawn = v.upTo(v.drawn, drawStep)
			v.drawMore(ctx, d)
		})
	})
}

// highlighter returns the highlighter of the current document, language
// and corrections, resetting the progressive drawing when they change.
func (v *articleView) highlighter() *highlighter {
	if v.hl == nil || v.hlDoc != v.IDoc || v.hlLang != v.ILang || v.hlRev != v.IRev {
		if v.hlDoc != v.IDoc {
			v.drawn = 0
		}
		v.hl = newHighlighter(v.IDoc, v.ILang, v.IEdited)
		v.hlDoc, v.hlLang, v.hlRev = v.IDoc, v.ILang, v.IRev
		v.nodes = nil
	}
	return v.hl
}

// Render draws the article.
func (v *articleView) Render() app.UI {
	d := v.IDoc
	if d == nil {
		return app.Article().ID("article").Class("article", "is-empty")
	}
	l := v.ILang
	h := v.highlighter()
	if v.drawn == 0 {
		v.drawn = v.upTo(0, firstDraw)
	}
	if len(v.nodes) != v.drawn {
		v.nodes = v.nodes[:0]
		for p := 0; p < v.drawn; p++ {
			if p == 0 && v.hasTitle() {
				continue
			}
			v.nodes = append(v.nodes, app.Raw(h.paragraph(p, false)))
		}
	}
	body := make([]app.UI, 0, len(v.nodes)+4)
	body = append(body, v.renderHeader(d, h))
	body = append(body, v.nodes...)
	if v.drawn < len(d.Paragraphs) {
		body = append(body, app.P().Class("article-more").Aria("hidden", true).Text("…"))
	}
	if len(d.Actors) == 0 && d.Language != analysis.Unsupported {
		body = append(body, app.P().Class("article-empty").Text(l.T("article.noactors")))
	}
	ms := strconv.FormatFloat(v.IElapsedMS, 'f', 1, 64)
	if l == Dutch {
		ms = strings.Replace(ms, ".", ",", 1)
	}
	body = append(body, app.Footer().Class("article-footer").Body(
		app.Span().ID("analysis-time").
			DataSet("ms", strconv.FormatFloat(v.IElapsedMS, 'f', 3, 64)).
			Text(l.T("article.timing", ms)),
	))
	setLiveSelection(v.ISelected)

	cls := []string{"article"}
	if v.ISelected != "" {
		cls = append(cls, "has-selection")
	}
	if v.drawn >= len(d.Paragraphs) {
		cls = append(cls, "is-complete")
	}
	return app.Article().
		ID("article").
		Class(cls...).
		Lang(docLang(d)).
		TabIndex(0).
		Aria("label", l.T("article.label")).
		Aria("describedby", "article-keys").
		DataSet("selected", v.ISelected).
		DataSet("drawn", v.drawn).
		OnClick(v.onClick).
		OnKeyDown(v.onKeyDown).
		Body(body...)
}

// upTo returns the paragraph index after the paragraphs from 'from' that
// hold about budget bytes of text.
func (v *articleView) upTo(from, budget int) int {
	ps := v.IDoc.Paragraphs
	n := 0
	p := from
	for p < len(ps) && (n < budget || p == from) {
		n += ps[p].Len()
		p++
	}
	return p
}

// hasTitle reports whether the first paragraph is the headline.
func (v *articleView) hasTitle() bool {
	d := v.IDoc
	return len(d.Paragraphs) > 0 && d.Paragraphs[0].Heading && d.Title != ""
}

// renderHeader draws the title, the line with date, source and language,
// and the legend.
func (v *articleView) renderHeader(d *analysis.Document, h *highlighter) app.UI {
	l := v.ILang
	var title app.UI
	if v.hasTitle() {
		title = app.Raw(h.paragraph(0, true))
	}
	var meta []app.UI
	if d.Date != "" {
		meta = append(meta, app.Span().Class("meta-item").Body(
			app.Span().Class("meta-key").Text(l.T("article.date")+" "),
			app.Time().DateTime(d.Date).Text(d.Date),
		))
	}
	if v.ISourceURL != "" {
		site := v.ISourceSite
		if site == "" {
			site = DisplayHost(v.ISourceURL)
		}
		src := []app.UI{
			app.Span().Class("meta-key").Text(l.T("article.source") + " "),
			app.A().Href(v.ISourceURL).Target("_blank").Rel("noopener noreferrer").Text(site),
		}
		if v.IByline != "" {
			src = append(src, app.Text(" · "+v.IByline))
		}
		meta = append(meta, app.Span().Class("meta-item").Body(src...))
	}
	if d.Language == analysis.Dutch || d.Language == analysis.English {
		meta = append(meta, app.Span().Class("meta-item").Body(
			app.Span().Class("meta-key").Text(l.T("article.language")+" "),
			app.Text(l.T("lang."+d.Language)),
		))
	}
	return app.Header().Class("article-header").Body(
		title,
		app.If(len(meta) > 0, app.P().Class("article-meta").Body(meta...)),
		app.If(len(d.Actors) > 0, v.renderLegend(d, h)),
		app.P().ID("article-keys").Class("sr-only").Text(l.T("article.keys")),
	)
}

// legendSpeakers is how many speakers the legend names.
const legendSpeakers = 6

// renderLegend names the speakers' colours and explains the styles.
func (v *articleView) renderLegend(d *analysis.Document, h *highlighter) app.UI {
	l := v.ILang
	type sp struct{ a, slot int }
	var speakers []sp
	for a, slot := range h.slots {
		if slot >= 0 && slot < paletteSize {
			speakers = append(speakers, sp{a, slot})
		}
	}
	sort.Slice(speakers, func(i, j int) bool { return speakers[i].slot < speakers[j].slot })
	var items []app.UI
	for i, s := range speakers {
		if i == legendSpeakers {
			items = append(items, app.Span().Class("legend-item", "legend-more").Text(l.T("legend.more", len(speakers)-legendSpeakers)))
			break
		}
		items = append(items, app.Span().Class("legend-item", slotClass(s.slot)).
			Title(colorName(l, s.slot)).
			Body(app.Span().Class("swatch").Aria("hidden", true), app.Text(d.Actors[s.a].Name)))
	}
	return app.Div().Class("legend").Aria("label", l.T("article.legend")).Attr("role", "group").Body(
		app.P().Class("legend-row").Body(items...),
		app.P().Class("legend-row", "legend-styles").Body(
			app.Span().Class("legend-item").Body(app.Mark().Class("mention", "c-none").Text(l.T("legend.mention"))),
			app.Span().Class("legend-item", "stmt", "st-quote", "c-none").Text(l.T("badge.quote")),
			app.Span().Class("legend-item", "stmt", "st-reported", "c-none").Text(l.T("badge.reported")),
			app.Span().Class("legend-item", "stmt", "st-according", "c-none").Text(l.T("badge.according")),
			app.Span().Class("legend-item", "stmt", "st-position", "c-none").Text(l.T("badge.position")),
			app.Span().Class("legend-item").Body(app.Span().Class("cue-w").Text(l.T("legend.cue"))),
		),
	)
}

// mentionKind returns the kind of mention m of actor a ("name", "role",
// "pronoun"), for styling.
func mentionKind(a analysis.Actor, m int) string {
	if m >= 0 && m < len(a.Mentions) && a.Mentions[m].Kind != "" {
		return a.Mentions[m].Kind
	}
	return analysis.NameMention
}

// docLang is the lang attribute of the article text.
func docLang(d *analysis.Document) string {
	if d.Language == analysis.Dutch || d.Language == analysis.English {
		return d.Language
	}
	return ""
}

// onClick selects the actor of a clicked mention, or the statement of
// clicked statement text.
func (v *articleView) onClick(ctx app.Context, e app.Event) {
	if id := closestAttr(e, "mark[data-actor]", "data-actor"); id != "" {
		if v.IOnSelect != nil {
			v.IOnSelect(ctx, id)
		}
		return
	}
	if sel := app.Window().Call("getSelection"); sel.Truthy() && sel.Get("type").String() == "Range" {
		return // the reader is selecting text (to add a statement)
	}
	if id := closestAttr(e, "[data-stmt]", "data-stmt"); id != "" && v.IOnStatement != nil {
		v.IOnStatement(ctx, id)
	}
}

// onKeyDown: Enter selects the focused mention's actor; arrow keys move
// between the highlights; Escape steps back one level.
func (v *articleView) onKeyDown(ctx app.Context, e app.Event) {
	switch key := e.Get("key").String(); key {
	case "Enter", " ":
		if id := closestAttr(e, "mark[data-actor]", "data-actor"); id != "" && v.IOnSelect != nil {
			e.PreventDefault()
			v.IOnSelect(ctx, id)
		}
	case "Escape":
		if v.IOnEscape != nil {
			v.IOnEscape(ctx)
		}
	}
}

// installArrowKeys makes the arrow keys (and Home, End) move the focus
// between the highlights of the article element el. It is a plain
// JavaScript listener: go-app runs its handlers later, when the browser
// has already scrolled the page for the key.
func installArrowKeys(el app.Value) {
	if !app.IsClient || el == nil || !el.Truthy() || el.Get("dataset").Get("arrows").Truthy() {
		return
	}
	el.Get("dataset").Set("arrows", "1")
	el.Call("addEventListener", "keydown", app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		e := args[0]
		switch key := e.Get("key").String(); key {
		case "ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Home", "End":
			if e.Get("altKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("shiftKey").Bool() {
				return nil
			}
			if moveFocus(key) {
				e.Call("preventDefault")
			}
		}
		return nil
	}))
}

// moveFocus moves the focus to the next or previous highlight of the
// article (the first from the article itself), and reports whether it did.
func moveFocus(key string) bool {
	if !app.IsClient {
		return false
	}
	doc := app.Window().Get("document")
	art := doc.Call("getElementById", "article")
	if !art.Truthy() {
		return false
	}
	marks := art.Call("querySelectorAll", "[data-o] mark")
	n := marks.Length()
	if n == 0 {
		return false
	}
	i := app.Window().Get("Array").Get("prototype").Get("indexOf").Call("call", marks, doc.Get("activeElement")).Int()
	switch {
	case key == "Home":
		i = 0
	case key == "End":
		i = n - 1
	case i < 0:
		i = 0
	case key == "ArrowRight" || key == "ArrowDown":
		i = min(i+1, n-1)
	default:
		i = max(i-1, 0)
	}
	marks.Index(i).Call("focus")
	return true
}

// closestAttr returns the attribute of the closest ancestor of the event's
// target that matches selector, or "".
func closestAttr(e app.Event, selector, attr string) string {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return ""
	}
	m := t.Call("closest", selector)
	if !m.Truthy() {
		return ""
	}
	return m.Call("getAttribute", attr).String()
}

// afterPaint calls fn once the browser has painted the next frame (an
// animation frame, then a task), so that work done in steps lets the page
// paint and answer input between them.
func afterPaint(fn func()) {
	if !app.IsClient {
		fn()
		return
	}
	w := app.Window()
	var raf, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		fn()
		return nil
	})
	raf = app.FuncOf(func(app.Value, []app.Value) any {
		raf.Release()
		w.Call("setTimeout", task, 0)
		return nil
	})
	w.Call("requestAnimationFrame", raf)
}

// markNow records a performance mark now.
func markNow(name string) {
	if app.IsClient {
		if p := app.Window().Get("performance"); p.Truthy() {
			p.Call("mark", name)
		}
	}
}

// markPainted records a performance mark once the browser has painted what
// was just rendered (the next animation frame, then a task).
func markPainted(name string) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	var raf, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		if p := w.Get("performance"); p.Truthy() {
			p.Call("mark", name)
		}
		task.Release()
		return nil
	})
	raf = app.FuncOf(func(app.Value, []app.Value) any {
		w.Call("setTimeout", task, 0)
		raf.Release()
		return nil
	})
	w.Call("requestAnimationFrame", raf)
}
