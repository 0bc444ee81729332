package components

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// articleView shows an analysed article: title, date and source, and the
// paragraphs with every actor mention and statement marked. The text is
// always drawn as text nodes, never as HTML.
type articleView struct {
	app.Compo

	IDoc        *analysis.Document
	ILang       Lang
	ISourceURL  string  // the page the article was imported from
	ISourceSite string  // its site name, when known
	IByline     string  // its author line, when known
	ISelected   string  // the selected actor id; "" highlights every actor
	IFlash      string  // the statement id to flash
	IElapsedMS  float64 // how long the analysis took on this device
	IOnSelect   func(ctx app.Context, actorID string)
	IOnClear    func(ctx app.Context)
	IOnJump     func(ctx app.Context) // "n actors ↓", shown on narrow screens

	segDoc *analysis.Document
	segs   [][]segment
}

// NewArticleView returns an empty article view.
func NewArticleView() *articleView { return &articleView{} }

// Doc sets the analysed document to show.
func (v *articleView) Doc(d *analysis.Document) *articleView { v.IDoc = d; return v }

// Lang sets the UI language.
func (v *articleView) Lang(l Lang) *articleView { v.ILang = l; return v }

// Source sets where the article came from: its URL, site and byline.
func (v *articleView) Source(u, site, byline string) *articleView {
	v.ISourceURL, v.ISourceSite, v.IByline = u, site, byline
	return v
}

// Selected sets the selected actor id.
func (v *articleView) Selected(id string) *articleView { v.ISelected = id; return v }

// Flash sets the statement id to flash.
func (v *articleView) Flash(id string) *articleView { v.IFlash = id; return v }

// Elapsed sets the analysis time in milliseconds, shown under the article.
func (v *articleView) Elapsed(ms float64) *articleView { v.IElapsedMS = ms; return v }

// OnSelect sets the callback for a click (or Enter) on a mention.
func (v *articleView) OnSelect(f func(ctx app.Context, actorID string)) *articleView {
	v.IOnSelect = f
	return v
}

// OnClear sets the callback for Escape inside the article.
func (v *articleView) OnClear(f func(ctx app.Context)) *articleView { v.IOnClear = f; return v }

// OnJump sets the callback of the "n actors ↓" button that narrow screens
// show, where the sidebar stacks under the article.
func (v *articleView) OnJump(f func(ctx app.Context)) *articleView { v.IOnJump = f; return v }

// segments returns the cached segments of the current document.
func (v *articleView) segments() [][]segment {
	if v.segDoc != v.IDoc {
		v.segDoc, v.segs = v.IDoc, segmentParagraphs(v.IDoc)
	}
	return v.segs
}

// Render draws the article.
func (v *articleView) Render() app.UI {
	d := v.IDoc
	if d == nil {
		return app.Article().ID("article").Class("article", "is-empty")
	}
	l := v.ILang
	selected := actorIndex(d, v.ISelected)
	segs := v.segments()

	var body []app.UI
	body = append(body, v.renderHeader(d, segs, selected))
	for p, para := range d.Paragraphs {
		if p == 0 && v.hasTitle() {
			continue
		}
		nodes := v.renderSegments(d, segs[p], selected)
		switch {
		case para.Heading:
			body = append(body, app.H3().Class("intertitle").Body(nodes...))
		default:
			body = append(body, app.P().Body(nodes...))
		}
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

	cls := []string{"article"}
	if selected >= 0 {
		cls = append(cls, "has-selection")
	}
	return app.Article().
		ID("article").
		Class(cls...).
		Lang(docLang(d)).
		Aria("label", l.T("article.label")).
		DataSet("selected", v.ISelected).
		OnClick(v.onClick).
		OnKeyDown(v.onKeyDown).
		Body(body...)
}

// hasTitle reports whether the first paragraph is the headline.
func (v *articleView) hasTitle() bool {
	d := v.IDoc
	return len(d.Paragraphs) > 0 && d.Paragraphs[0].Heading && d.Title != ""
}

// renderHeader draws the title and the line with date, source and language.
func (v *articleView) renderHeader(d *analysis.Document, segs [][]segment, selected int) app.UI {
	l := v.ILang
	var title app.UI
	if v.hasTitle() {
		title = app.H2().ID("article-title").Class("article-title").Body(v.renderSegments(d, segs[0], selected)...)
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
			if u, err := url.Parse(v.ISourceURL); err == nil {
				site = strings.TrimPrefix(u.Hostname(), "www.")
			}
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
	if v.IOnJump != nil && len(d.Actors) > 0 {
		meta = append(meta, app.Button().
			ID("jump-actors").
			Type("button").
			Class("btn", "btn-link", "only-narrow", "jump-actors").
			Text(l.T("article.jump", len(d.Actors))).
			OnClick(func(ctx app.Context, e app.Event) { v.IOnJump(ctx) }))
	}
	return app.Header().Class("article-header").Body(
		title,
		app.If(len(meta) > 0, app.P().Class("article-meta").Body(meta...)),
		app.If(len(d.Statements) > 0, v.renderLegend()),
	)
}

// renderLegend explains the three underline styles.
func (v *articleView) renderLegend() app.UI {
	l := v.ILang
	return app.P().Class("legend").Aria("label", l.T("article.legend")).Body(
		app.Span().Class("legend-item", "stmt", "st-quote", "c-none").Text(l.T("badge.quote")),
		app.Span().Class("legend-item", "stmt", "st-reported", "c-none").Text(l.T("badge.reported")),
		app.Span().Class("legend-item", "stmt", "st-position", "c-none").Text(l.T("badge.position")),
	)
}

// renderSegments draws the segments of one paragraph.
func (v *articleView) renderSegments(d *analysis.Document, segs []segment, selected int) []app.UI {
	l := v.ILang
	nodes := make([]app.UI, 0, len(segs))
	for _, s := range segs {
		var node app.UI = app.Text(d.Text[s.Start:s.End])
		if s.Actor >= 0 {
			a := d.Actors[s.Actor]
			cls := []string{"mention", "k-" + mentionKind(a, s.Mention), colorClass(s.Actor)}
			if selected >= 0 && s.Actor != selected {
				cls = append(cls, "dim")
			}
			label := actorLabel(l, a)
			m := app.Mark().
				Class(cls...).
				TabIndex(0).
				DataSet("actor", a.ID).
				DataSet("label", label).
				Aria("description", label).
				Body(node)
			if s.MentionStart {
				m = m.ID("m-" + a.ID + "-" + strconv.Itoa(s.Mention))
			}
			node = m
		}
		if len(s.Statements) > 0 {
			st := s.Statements[0]
			if selected >= 0 {
				for _, x := range s.Statements {
					if d.Statements[x].Actor == selected {
						st = x
						break
					}
				}
			}
			node = v.renderStatement(d, s, st, selected, node)
		}
		nodes = append(nodes, node)
	}
	return nodes
}

// renderStatement wraps a segment node in the span of statement st.
func (v *articleView) renderStatement(d *analysis.Document, s segment, st, selected int, inner app.UI) app.UI {
	l := v.ILang
	stmt := d.Statements[st]
	speaker := stmt.Actor
	if speaker >= len(d.Actors) {
		speaker = -1
	}
	cls := []string{"stmt", "st-" + badgeOf(stmt.Type), colorClass(speaker)}
	if selected >= 0 && speaker != selected {
		cls = append(cls, "dim")
	}
	if v.IFlash != "" && stmt.ID == v.IFlash {
		cls = append(cls, "flash")
	}
	who := l.T("sidebar.unknown")
	if speaker >= 0 {
		who = d.Actors[speaker].Name
	}
	span := app.Span().
		Class(cls...).
		DataSet("stmt", stmt.ID)
	if speaker >= 0 {
		span = span.DataSet("speaker", d.Actors[speaker].ID)
	}
	span = span.
		Title(l.T("stmt."+stmt.Type) + " · " + who).
		Body(inner)
	for _, x := range s.StatementStart {
		if x == st {
			span = span.ID("st-" + stmt.ID)
		}
	}
	return span
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

// onClick selects the actor of a clicked mention.
func (v *articleView) onClick(ctx app.Context, e app.Event) {
	if id := mentionActor(e); id != "" && v.IOnSelect != nil {
		v.IOnSelect(ctx, id)
	}
}

// onKeyDown selects the actor of a focused mention on Enter and clears the
// selection on Escape.
func (v *articleView) onKeyDown(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Enter", " ":
		if id := mentionActor(e); id != "" && v.IOnSelect != nil {
			e.PreventDefault()
			v.IOnSelect(ctx, id)
		}
	case "Escape":
		if v.IOnClear != nil {
			v.IOnClear(ctx)
		}
	}
}

// mentionActor returns the actor id of the mention an event happened in.
func mentionActor(e app.Event) string {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return ""
	}
	m := t.Call("closest", "mark[data-actor]")
	if !m.Truthy() {
		return ""
	}
	return m.Call("getAttribute", "data-actor").String()
}
