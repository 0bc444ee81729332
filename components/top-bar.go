package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// topBar is the page header: the app's name and tagline, an offline badge,
// the "update available — reload" banner and the language toggle.
type topBar struct {
	app.Compo

	ILang      Lang
	IOffline   bool
	IUpdate    bool
	IOnLang    func(ctx app.Context, l Lang)
	IOnReload  func(ctx app.Context)
	IInstall   bool
	IOnInstall func(ctx app.Context)
}

// NewTopBar returns a top bar.
func NewTopBar() *topBar { return &topBar{} }

// Lang sets the UI language.
func (t *topBar) Lang(l Lang) *topBar { t.ILang = l; return t }

// Offline sets whether the browser reports no connection.
func (t *topBar) Offline(v bool) *topBar { t.IOffline = v; return t }

// UpdateAvailable sets whether a new version is ready.
func (t *topBar) UpdateAvailable(v bool) *topBar { t.IUpdate = v; return t }

// OnLang sets the callback of the language toggle.
func (t *topBar) OnLang(f func(ctx app.Context, l Lang)) *topBar { t.IOnLang = f; return t }

// OnReload sets the callback of the update banner.
func (t *topBar) OnReload(f func(ctx app.Context)) *topBar { t.IOnReload = f; return t }

// Installable shows the install button (the browser offers installation).
func (t *topBar) Installable(v bool) *topBar { t.IInstall = v; return t }

// OnInstall sets the callback of the install button.
func (t *topBar) OnInstall(f func(ctx app.Context)) *topBar { t.IOnInstall = f; return t }

// Render draws the bar.
func (t *topBar) Render() app.UI {
	l := t.ILang
	return app.Header().Class("topbar").Body(
		app.A().Class("skip-link").Href("#actors").Text(l.T("app.skip")),
		app.Div().Class("topbar-inner").Body(
			app.Div().Class("brand").Body(
				app.Img().Class("brand-logo").Src("/web/icon.svg").Alt("").Width(28).Height(28),
				app.Div().Class("brand-text").Body(
					app.H1().Class("brand-name").Text(l.T("app.name")),
					app.P().Class("brand-tagline").Text(l.T("app.tagline")),
				),
			),
			app.Div().Class("topbar-actions").Body(
				app.If(t.IOffline, app.Span().ID("offline-badge").Class("pill", "pill-offline").Text(l.T("offline"))),
				app.If(t.IUpdate,
					app.Div().ID("update-banner").Class("update-banner").Attr("role", "status").Body(
						app.Span().Text(l.T("update")+" — "),
						app.Button().ID("reload").Type("button").Class("btn", "btn-link").
							Text(l.T("update.do")).OnClick(t.onReload),
					),
				),
				app.If(t.IInstall,
					app.Button().ID("install").Type("button").Class("btn", "btn-ghost").Text(l.T("install")).
						OnClick(func(ctx app.Context, e app.Event) {
							if t.IOnInstall != nil {
								t.IOnInstall(ctx)
							}
						}),
				),
				app.Button().
					ID("lang-toggle").
					Type("button").
					Class("btn", "btn-ghost", "lang-toggle").
					Lang(string(l.Other())).
					Title(l.T("lang.switch")).
					Aria("label", l.T("lang.switch")).
					Text(l.T("lang.label")).
					OnClick(t.onLang),
			),
		),
	)
}

func (t *topBar) onLang(ctx app.Context, e app.Event) {
	if t.IOnLang != nil {
		t.IOnLang(ctx, t.ILang.Other())
	}
}

func (t *topBar) onReload(ctx app.Context, e app.Event) {
	if t.IOnReload != nil {
		t.IOnReload(ctx)
	}
}
