package components

import (
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// inputPanel is where an article comes in: a large text area, an "Analyse"
// and an "Example" button, and (when a server is there) a URL field that
// imports an article. After an analysis it folds to one line with an
// "Edit text" button.
type inputPanel struct {
	app.Compo

	IText          string // the text to show; replaces the user's text when ITextRev changes
	ITextRev       int
	ILang          Lang
	IMaxChars      int
	IBusy          bool // an analysis runs
	IImportEnabled bool // a URL import endpoint exists
	IImporting     bool
	ICollapsed     bool
	IIntro         bool // show the welcome heading (no analysis yet)
	IOnAnalyze     func(ctx app.Context, text string)
	IOnExample     func(ctx app.Context)
	IOnImport      func(ctx app.Context, url string)
	IOnExpand      func(ctx app.Context, expand bool)

	text string
	rev  int
	url  string
}

// NewInputPanel returns an empty input panel.
func NewInputPanel() *inputPanel { return &inputPanel{} }

// Text sets the text to show, replacing the user's when rev differs from
// the last one given.
func (p *inputPanel) Text(text string, rev int) *inputPanel {
	p.IText, p.ITextRev = text, rev
	return p
}

// Lang sets the UI language.
func (p *inputPanel) Lang(l Lang) *inputPanel { p.ILang = l; return p }

// MaxChars sets the limit shown under the text area.
func (p *inputPanel) MaxChars(n int) *inputPanel { p.IMaxChars = n; return p }

// Busy sets whether an analysis runs.
func (p *inputPanel) Busy(v bool) *inputPanel { p.IBusy = v; return p }

// Import sets whether the URL import is shown and whether it runs.
func (p *inputPanel) Import(enabled, running bool) *inputPanel {
	p.IImportEnabled, p.IImporting = enabled, running
	return p
}

// Collapsed folds the panel to one line.
func (p *inputPanel) Collapsed(v bool) *inputPanel { p.ICollapsed = v; return p }

// Intro shows a short welcome above the text area.
func (p *inputPanel) Intro(v bool) *inputPanel { p.IIntro = v; return p }

// OnAnalyze sets the callback for "Analyse".
func (p *inputPanel) OnAnalyze(f func(ctx app.Context, text string)) *inputPanel {
	p.IOnAnalyze = f
	return p
}

// OnExample sets the callback for "Example".
func (p *inputPanel) OnExample(f func(ctx app.Context)) *inputPanel { p.IOnExample = f; return p }

// OnImport sets the callback for "Import".
func (p *inputPanel) OnImport(f func(ctx app.Context, url string)) *inputPanel {
	p.IOnImport = f
	return p
}

// OnExpand sets the callback for "Edit text" and "Collapse".
func (p *inputPanel) OnExpand(f func(ctx app.Context, expand bool)) *inputPanel {
	p.IOnExpand = f
	return p
}

// sync takes a new text from the owner when its revision changed.
func (p *inputPanel) sync() {
	if p.ITextRev != p.rev {
		p.rev, p.text = p.ITextRev, p.IText
	}
}

// Render draws the panel.
func (p *inputPanel) Render() app.UI {
	p.sync()
	l := p.ILang
	chars := utf8.RuneCountInString(p.text)
	if p.ICollapsed {
		return app.Section().ID("input").Class("input-panel", "is-collapsed").Aria("label", l.T("input.heading")).Body(
			app.Div().Class("collapsed-row").Body(
				app.Span().Class("collapsed-summary").Body(
					app.Strong().Text(l.T("input.heading")),
					app.Text(" · "+l.T("input.summary", l.Number(chars))),
				),
				app.Button().
					ID("edit-text").
					Type("button").
					Class("btn", "btn-secondary").
					Aria("expanded", false).
					Aria("controls", "input").
					Text(l.T("input.edit")).
					OnClick(p.onExpand(true)),
			),
		)
	}
	over := p.IMaxChars > 0 && chars > p.IMaxChars
	countCls := []string{"char-count"}
	if over {
		countCls = append(countCls, "is-over")
	}
	return app.Section().ID("input").Class("input-panel").Aria("label", l.T("input.heading")).Body(
		app.If(p.IIntro,
			app.Div().Class("intro").Body(
				app.H2().Class("intro-title").Text(l.T("intro.title")),
				app.P().Class("intro-text").Text(l.T("intro.text")),
			),
		),
		app.Form().Class("paste-form").OnSubmit(p.onSubmit).Body(
			app.Div().Class("field-head").Body(
				app.Label().For("article-input").Class("field-label").Text(l.T("input.label")),
				app.If(p.IOnExpand != nil && p.text != "",
					app.Button().
						Type("button").
						Class("btn", "btn-link").
						Text(l.T("input.collapse")).
						OnClick(p.onExpand(false)),
				),
			),
			app.Textarea().
				ID("article-input").
				Class("article-input").
				Name("text").
				Rows(12).
				Placeholder(l.T("input.placeholder")).
				Spellcheck(false).
				Aria("describedby", "char-count privacy-note").
				Text(p.text).
				OnInput(p.onInput).
				OnKeyDown(p.onTextKey),
			app.Div().Class("form-row").Body(
				app.Div().Class("buttons").Body(
					app.Button().
						ID("analyze").
						Type("submit").
						Class("btn", "btn-primary").
						Disabled(p.IBusy).
						Body(
							app.If(p.IBusy, app.Span().Class("spinner").Aria("hidden", true)),
							app.Text(l.T("input.analyze")),
						),
					app.Button().
						ID("example").
						Type("button").
						Class("btn", "btn-secondary").
						Disabled(p.IBusy).
						Text(l.T("input.example")).
						OnClick(p.onExample),
				),
				app.P().ID("char-count").Class(countCls...).Aria("live", "polite").
					Text(l.T("input.count", l.Number(chars), l.Number(p.IMaxChars))),
			),
			app.P().ID("privacy-note").Class("privacy-note").Text(l.T("input.privacy")),
			app.P().ID("models-note").Class("models-note").Text(l.T("input.models")),
		),
		app.If(p.IImportEnabled,
			app.Form().Class("url-form").OnSubmit(p.onImport).Body(
				app.Label().For("url-input").Class("field-label").Text(l.T("input.url.label")),
				app.Div().Class("url-row").Body(
					app.Input().
						ID("url-input").
						Class("url-input").
						Type("url").
						Name("url").
						AutoComplete(false).
						Placeholder("https://…").
						Value(p.url).
						OnInput(p.ValueTo(&p.url)),
					app.Button().
						ID("import").
						Type("submit").
						Class("btn", "btn-secondary").
						Disabled(p.IImporting || p.IBusy).
						// The page adds https:// to an address typed without it,
						// which the browser's own check of a url field refuses.
						FormNoValidate(true).
						Body(
							app.If(p.IImporting, app.Span().Class("spinner").Aria("hidden", true)),
							app.Text(l.T("input.url.button")),
						),
				),
			),
		),
	)
}

func (p *inputPanel) onInput(ctx app.Context, e app.Event) {
	p.text = ctx.JSSrc().Get("value").String()
}

// onTextKey submits on Ctrl+Enter or Cmd+Enter.
func (p *inputPanel) onTextKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Enter" && (e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()) {
		e.PreventDefault()
		p.submit(ctx)
	}
}

func (p *inputPanel) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.submit(ctx)
}

func (p *inputPanel) submit(ctx app.Context) {
	if p.IBusy || p.IOnAnalyze == nil {
		return
	}
	// Read the field itself: a paste may not have fired "input" yet.
	if v := app.Window().GetElementByID("article-input"); v.Truthy() {
		p.text = v.Get("value").String()
	}
	p.IOnAnalyze(ctx, p.text)
}

func (p *inputPanel) onExample(ctx app.Context, e app.Event) {
	if p.IOnExample != nil {
		p.IOnExample(ctx)
	}
}

func (p *inputPanel) onImport(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.IOnImport != nil {
		p.IOnImport(ctx, strings.TrimSpace(p.url))
	}
}

func (p *inputPanel) onExpand(expand bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.IOnExpand != nil {
			p.IOnExpand(ctx, expand)
		}
	}
}
