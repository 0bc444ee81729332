package components

import (
	"strings"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// editBar holds the reader's corrections: how many there are, Undo, the
// corrections that no longer apply, and "add a statement" from the text
// selected in the article (choose or create its speaker, choose its type).
type editBar struct {
	app.Compo

	ILang     Lang
	IDoc      *analysis.Document
	ICount    int    // corrections made
	IFailed   int    // corrections that could not be applied
	IAdding   string // the selected text being added as a statement; "" when not adding
	IOnUndo   func(ctx app.Context)
	IOnStart  func(ctx app.Context) // "Add statement": read the selection
	IOnAdd    func(ctx app.Context, actorID, newName, typ string)
	IOnCancel func(ctx app.Context)

	speaker, newName, typ string
}

// NewEditBar returns an edit bar.
func NewEditBar() *editBar { return &editBar{} }

// Lang sets the UI language.
func (b *editBar) Lang(l Lang) *editBar { b.ILang = l; return b }

// Doc sets the (corrected) document, whose actors can be chosen.
func (b *editBar) Doc(d *analysis.Document) *editBar { b.IDoc = d; return b }

// Counts sets how many corrections there are and how many failed.
func (b *editBar) Counts(n, failed int) *editBar { b.ICount, b.IFailed = n, failed; return b }

// Adding sets the text being added as a statement.
func (b *editBar) Adding(text string) *editBar { b.IAdding = text; return b }

// On sets the callbacks: undo, start adding, add, cancel adding.
func (b *editBar) On(undo, start func(ctx app.Context), add func(ctx app.Context, actorID, newName, typ string), cancel func(ctx app.Context)) *editBar {
	b.IOnUndo, b.IOnStart, b.IOnAdd, b.IOnCancel = undo, start, add, cancel
	return b
}

// Render draws the bar.
func (b *editBar) Render() app.UI {
	l := b.ILang
	var add app.UI
	if b.IAdding != "" && b.IDoc != nil {
		if b.typ == "" {
			b.typ = analysis.Indirect
		}
		speakers := []option{{"", l.T("edit.speaker.choose")}}
		for _, a := range b.IDoc.Actors {
			speakers = append(speakers, option{a.ID, a.Name})
		}
		var types []option
		for _, t := range statementTypeKeys {
			types = append(types, option{t, l.T("stmt." + t)})
		}
		quote := b.IAdding
		if len(quote) > 160 {
			quote = strings.ToValidUTF8(quote[:160], "") + "…"
		}
		add = app.Div().ID("add-form").Class("fix-form", "add-form").Body(
			app.P().Class("add-quote").Text("“"+quote+"”"),
			app.Div().Class("fix-row").Body(
				app.Label().For("add-speaker").Class("fix-label").Text(l.T("edit.speaker")),
				dropdown("add-speaker", l.T("edit.speaker"), speakers, "", func(ctx app.Context, v string) { b.speaker = v }),
			),
			app.Div().Class("fix-row").Body(
				app.Label().For("add-newname").Class("fix-label").Text(l.T("edit.speaker.new")),
				app.Input().ID("add-newname").Class("filter").Type("text").Value(b.newName).
					OnInput(func(ctx app.Context, e app.Event) { b.newName = ctx.JSSrc().Get("value").String() }),
			),
			app.Div().Class("fix-row").Body(
				app.Label().For("add-type").Class("fix-label").Text(l.T("edit.type")),
				dropdown("add-type", l.T("edit.type"), types, analysis.Indirect, func(ctx app.Context, v string) { b.typ = v }),
			),
			app.Div().Class("fix-row").Body(
				app.Button().ID("add-do").Type("button").Class("btn", "btn-primary", "btn-small").Text(l.T("edit.add.do")).
					OnClick(func(ctx app.Context, e app.Event) {
						name := strings.TrimSpace(b.newName)
						if (b.speaker != "" || name != "") && b.IOnAdd != nil {
							b.IOnAdd(ctx, b.speaker, name, b.typ)
							b.speaker, b.newName = "", ""
						}
					}),
				app.Button().ID("add-cancel").Type("button").Class("btn", "btn-secondary", "btn-small").Text(l.T("edit.cancel")).
					OnClick(func(ctx app.Context, e app.Event) {
						if b.IOnCancel != nil {
							b.IOnCancel(ctx)
						}
					}),
			),
		)
	}
	return app.Div().ID("edit-bar").Class("edit-bar").Body(
		app.Div().Class("edit-row").Body(
			app.Button().ID("add-statement").Type("button").Class("btn", "btn-secondary", "btn-small").
				Title(l.T("edit.add.t")).Text(l.T("edit.add")).
				OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }). // keep the text selection
				OnClick(func(ctx app.Context, e app.Event) {
					if b.IOnStart != nil {
						b.IOnStart(ctx)
					}
				}),
			app.If(b.ICount > 0,
				app.Span().ID("edit-count").Class("edit-count").Text(l.Plural(b.ICount, "edit.count.one", "edit.count.many")),
				app.Button().ID("undo").Type("button").Class("btn", "btn-link").Text(l.T("edit.undo")).
					OnClick(func(ctx app.Context, e app.Event) {
						if b.IOnUndo != nil {
							b.IOnUndo(ctx)
						}
					}),
			),
			app.If(b.IFailed > 0,
				app.Span().ID("edit-failed").Class("edit-failed").Attr("role", "status").
					Text(l.Plural(b.IFailed, "edit.failed.one", "edit.failed.many")),
			),
		),
		add,
	)
}
