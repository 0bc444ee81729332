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
	IReveal      int             // a byte offset that must be drawn (the selected statement's); 0 for none
	IElapsedMS   float64         // how long the analysis took on this device
	IOnSelect    func(ctx app.Context, actorID string)
	IOnStatement func(ctx app.Context, statementID string)
	IOnEscape    func(ctx app.Context)
	IOnDrawn     func(ctx app.Context)

	hl     *highlighter
	hlDoc  *analysis.Document
	hlLang Lang
	hlRev  int
	ends   []int              // the parts drawn so far: the paragraph each one ends before
	parts  []app.UI           // their HTML nodes, built once
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

// Reveal sets a byte offset of the text that must be drawn at once, before
// the progressive drawing reaches it: the place the page scrolls to (the
// selected statement of a share link, say).
func (v *articleView) Reveal(offset int) *articleView { v.IReveal = offset; return v }

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

// OnDrawn sets the callback for a document drawn to its end: work that can
// wait (the share link, the hidden statements list) waits for it.
func (v *articleView) OnDrawn(f func(ctx app.Context)) *articleView { v.IOnDrawn = f; return v }

// drawStep is how much text (bytes) each step of the progressive drawing
// adds after the first screens: a step stays well under the ~100 ms that
// would make the page feel stuck, on a slow phone too.
const drawStep = 16_000

// firstDraw returns how much text (bytes) the first render draws: a screen
// and a quarter of the article's text at the window's size (a line of the
// 18 px serif holds about one character per 8 px of the at most 800 px wide
// column, and is about 30 px high), more than the first screen shows below
// the page's header, so that what the reader sees is drawn at once.
func firstDraw() int {
	if !app.IsClient {
		return 12_000
	}
	w := app.Window()
	width, height := w.Get("innerWidth").Int(), w.Get("innerHeight").Int()
	return max(min(width, 800)/8*(height/30)*5/4, 2_000)
}

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
	Mark("explorer-rendered")
	AfterFrame(func() { Mark("explorer-painted") })
	v.drawMore(ctx, d)
}

// drawMore adds the next part of the article once the browser has painted
// the last one, until the whole article is drawn.
func (v *articleView) drawMore(ctx app.Context, d *analysis.Document) {
	if v.IDoc != d {
		return
	}
	if v.drawn() >= len(d.Paragraphs) {
		AfterFrame(func() { Mark("explorer-drawn") })
		if v.IOnDrawn != nil {
			v.IOnDrawn(ctx)
		}
		return
	}
	AfterFrame(func() {
		ctx.Dispatch(func(ctx app.Context) {
			if v.IDoc != d {
				return
			}
			v.ends = append(v.ends, v.upTo(v.drawn(), drawStep))
			ctx.Defer(func(ctx app.Context) { v.drawMore(ctx, d) }) // after this render
		})
	})
}

// drawn returns how many paragraphs are drawn.
func (v *articleView) drawn() int {
	if len(v.ends) == 0 {
		return 0
	}
	return v.ends[len(v.ends)-1]
}

// highlighter returns the highlighter of the current document, language
// and corrections, resetting the progressive drawing when they change.
func (v *articleView) highlighter() *highlighter {
	if v.hl == nil || v.hlDoc != v.IDoc || v.hlLang != v.ILang || v.hlRev != v.IRev {
		if v.hlDoc != v.IDoc {
			v.ends = nil
		}
		v.hl = newHighlighter(v.IDoc, v.ILang, v.IEdited)
		v.hlDoc, v.hlLang, v.hlRev = v.IDoc, v.ILang, v.IRev
		v.parts = nil
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
	if len(v.ends) == 0 {
		v.ends = append(v.ends, v.upTo(0, firstDraw()))
	}
	if ps := d.Paragraphs; v.IReveal > 0 && v.drawn() < len(ps) && ps[v.drawn()-1].End <= v.IReveal {
		// Draw through the paragraph that holds the offset now.
		v.ends = append(v.ends, min(sort.Search(len(ps), func(i int) bool { return ps[i].End > v.IReveal })+1, len(ps)))
	}
	for i := len(v.parts); i < len(v.ends); i++ {
		from := 0
		if i > 0 {
			from = v.ends[i-1]
		}
		v.parts = append(v.parts, app.Raw(v.partHTML(h, from, v.ends[i])))
	}
	body := make([]app.UI, 0, len(v.parts)+4)
	body = append(body, app.Raw(v.headerHTML(d, h)))
	body = append(body, v.parts...)
	drawn := v.drawn()
	if drawn < len(d.Paragraphs) {
		body = append(body, app.P().Class("article-more").Aria("hidden", true).Text("…"))
	}
	if len(d.Actors) == 0 && d.Language != analysis.Unsupported {
		body = append(body, app.P().Class("article-empty").Text(l.T("article.noactors")))
	}
	ms := strconv.FormatFloat(v.IElapsedMS, 'f', 1, 64)
	if l == Dutch {
		ms = strings.Replace(ms, ".", ",", 1)
	}
	body = append(body, app.Raw(`<footer class="article-footer"><span id="analysis-time" data-ms="`+
		strconv.FormatFloat(v.IElapsedMS, 'f', 3, 64)+`">`+escapeHTML(l.T("article.timing", ms))+`</span></footer>`))
	setLabels(h.labels)
	setLiveSelection(v.ISelected)

	cls := []string{"article"}
	if v.ISelected != "" {
		cls = append(cls, "has-selection")
	}
	if drawn >= len(d.Paragraphs) {
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
		DataSet("drawn", drawn).
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

// partHTML returns the HTML of paragraphs [from, to) as one part of the
// article: one node for the page to build, however many paragraphs.
func (v *articleView) partHTML(h *highlighter, from, to int) string {
	h.prepare(from, to)
	if from == 0 && v.hasTitle() {
		from++
	}
	n := 0
	for p := from; p < to; p++ {
		n += len(h.paragraph(p, false))
	}
	var b strings.Builder
	b.Grow(n + 40)
	b.WriteString(`<div class="article-part">`)
	for p := from; p < to; p++ {
		b.WriteString(h.paragraph(p, false))
	}
	b.WriteString(`</div>`)
	return b.String()
}

// headerHTML returns the HTML of the title, the line with date, source and
// language, and the legend. It has no event handlers: one node to build.
func (v *articleView) headerHTML(d *analysis.Document, h *highlighter) string {
	l := v.ILang
	var b strings.Builder
	b.WriteString(`<header class="article-header">`)
	if v.hasTitle() {
		b.WriteString(h.paragraph(0, true))
	}
	var meta strings.Builder
	item := func(key, body string) {
		meta.WriteString(`<span class="meta-item"><span class="meta-key">` + escapeHTML(l.T(key)+" ") + `</span>` + body + `</span>`)
	}
	if d.Date != "" {
		date := escapeHTML(d.Date)
		item("article.date", `<time datetime="`+date+`">`+date+`</time>`)
	}
	if v.ISourceURL != "" {
		site := v.ISourceSite
		if site == "" {
			site = DisplayHost(v.ISourceURL)
		}
		src := `<a href="` + escapeHTML(v.ISourceURL) + `" target="_blank" rel="noopener noreferrer">` + escapeHTML(site) + `</a>`
		if v.IByline != "" {
			src += escapeHTML(" · " + v.IByline)
		}
		item("article.source", src)
	}
	if d.Language == analysis.Dutch || d.Language == analysis.English {
		item("article.language", escapeHTML(l.T("lang."+d.Language)))
	}
	if meta.Len() > 0 {
		b.WriteString(`<p class="article-meta">` + meta.String() + `</p>`)
	}
	if len(d.Actors) > 0 {
		v.writeLegend(&b, d, h)
	}
	b.WriteString(`<p id="article-keys" class="sr-only">` + escapeHTML(l.T("article.keys")) + `</p></header>`)
	return b.String()
}

// legendSpeakers is how many speakers the legend names.
const legendSpeakers = 6

// writeLegend writes the legend: the speakers' colours and the styles.
func (v *articleView) writeLegend(b *strings.Builder, d *analysis.Document, h *highlighter) {
	l := v.ILang
	type sp struct{ a, slot int }
	var speakers []sp
	for a, slot := range h.slots {
		if slot >= 0 && slot < paletteSize {
			speakers = append(speakers, sp{a, slot})
		}
	}
	sort.Slice(speakers, func(i, j int) bool { return speakers[i].slot < speakers[j].slot })
	b.WriteString(`<div class="legend" aria-label="` + escapeHTML(l.T("article.legend")) + `" role="group"><p class="legend-row">`)
	for i, s := range speakers {
		if i == legendSpeakers {
			b.WriteString(`<span class="legend-item legend-more">` + escapeHTML(l.T("legend.more", len(speakers)-legendSpeakers)) + `</span>`)
			break
		}
		b.WriteString(`<span class="legend-item ` + slotClass(s.slot) + `" title="` + escapeHTML(colorName(l, s.slot)) +
			`"><span class="swatch" aria-hidden="true"></span>` + escapeHTML(d.Actors[s.a].Name) + `</span>`)
	}
	b.WriteString(`</p><p class="legend-row legend-styles"><span class="legend-item"><mark class="mention c-none">` +
		escapeHTML(l.T("legend.mention")) + `</mark></span>`)
	for _, st := range []string{"quote", "reported", "according", "position"} {
		b.WriteString(`<span class="legend-item stmt st-` + st + ` c-none">` + escapeHTML(l.T("badge."+st)) + `</span>`)
	}
	b.WriteString(`<span class="legend-item"><span class="cue-w">` + escapeHTML(l.T("legend.cue")) + `</span></span></p></div>`)
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
