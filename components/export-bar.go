package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// exportBar holds the export and share actions of an analysis: copy link,
// copy as text, and downloads as JSON and CSV. After "Copy link" it shows
// the link in a read-only field, so it can be copied by hand when the
// clipboard is not available.
type exportBar struct {
	app.Compo

	ILang       Lang
	ILink       string // the share link, once made
	IMessage    string // the outcome of the last action
	IError      bool   // whether IMessage reports a failure
	IOnCopyLink func(ctx app.Context)
	IOnCopyText func(ctx app.Context)
	IOnJSON     func(ctx app.Context)
	IOnCSV      func(ctx app.Context)
	INoText     bool // offer a link without the text
	IOnNoText   func(ctx app.Context)
}

// NoText offers (when show is true) a share link without the text.
func (b *exportBar) NoText(show bool, f func(ctx app.Context)) *exportBar {
	b.INoText, b.IOnNoText = show, f
	return b
}

// NewExportBar returns an export bar.
func NewExportBar() *exportBar { return &exportBar{} }

// Lang sets the UI language.
func (b *exportBar) Lang(l Lang) *exportBar { b.ILang = l; return b }

// Link sets the share link to show.
func (b *exportBar) Link(u string) *exportBar { b.ILink = u; return b }

// Message sets the outcome of the last action; isError styles it as a failure.
func (b *exportBar) Message(msg string, isError bool) *exportBar {
	b.IMessage, b.IError = msg, isError
	return b
}

// OnCopyLink sets the callback of "Copy link".
func (b *exportBar) OnCopyLink(f func(ctx app.Context)) *exportBar { b.IOnCopyLink = f; return b }

// OnCopyText sets the callback of "Copy as text".
func (b *exportBar) OnCopyText(f func(ctx app.Context)) *exportBar { b.IOnCopyText = f; return b }

// OnJSON sets the callback of the JSON download.
func (b *exportBar) OnJSON(f func(ctx app.Context)) *exportBar { b.IOnJSON = f; return b }

// OnCSV sets the callback of the CSV download.
func (b *exportBar) OnCSV(f func(ctx app.Context)) *exportBar { b.IOnCSV = f; return b }

// Render draws the bar.
func (b *exportBar) Render() app.UI {
	l := b.ILang
	msgCls := []string{"export-message"}
	if b.IError {
		msgCls = append(msgCls, "is-error")
	}
	return app.Div().ID("export").Class("export-bar").Body(
		app.Div().Class("export-buttons").Aria("label", l.T("export.label")).Attr("role", "toolbar").Body(
			app.Button().ID("copy-link").Type("button").Class("btn", "btn-primary", "btn-small").
				Body(app.Span().Class("icon", "icon-link").Aria("hidden", true), app.Text(l.T("export.link"))).
				OnClick(b.call(b.IOnCopyLink)),
			app.Button().ID("copy-text").Type("button").Class("btn", "btn-secondary", "btn-small").
				Text(l.T("export.text")).
				OnClick(b.call(b.IOnCopyText)),
			app.Button().ID("download-json").Type("button").Class("btn", "btn-secondary", "btn-small").
				Title(l.T("export.json.t")).
				Body(app.Span().Class("icon", "icon-download").Aria("hidden", true), app.Text(l.T("export.json"))).
				OnClick(b.call(b.IOnJSON)),
			app.Button().ID("download-csv").Type("button").Class("btn", "btn-secondary", "btn-small").
				Title(l.T("export.csv.t")).
				Body(app.Span().Class("icon", "icon-download").Aria("hidden", true), app.Text(l.T("export.csv"))).
				OnClick(b.call(b.IOnCSV)),
		),
		app.P().ID("export-message").Class(msgCls...).Attr("role", "status").Text(b.IMessage),
		app.If(b.INoText,
			app.Button().ID("share-notext").Type("button").Class("btn", "btn-link").Text(l.T("share.notext")).
				OnClick(b.call(b.IOnNoText)),
		),
		app.If(b.ILink != "",
			app.Div().Class("share-row").Body(
				app.Label().For("share-link").Class("sr-only").Text(l.T("export.linklbl")),
				app.Input().
					ID("share-link").
					Class("share-link").
					Type("text").
					ReadOnly(true).
					Value(b.ILink).
					OnFocus(b.selectAll),
			),
		),
	)
}

func (b *exportBar) call(f func(ctx app.Context)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if f != nil {
			f(ctx)
		}
	}
}

func (b *exportBar) selectAll(ctx app.Context, e app.Event) {
	ctx.JSSrc().Call("select")
}
