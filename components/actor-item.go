package components

import (
	"strings"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// actorItem is one actor in the sidebar: a button with its colour, name,
// type, roles and number of statements. When open it lists the actor's
// statements in text order.
type actorItem struct {
	app.Compo

	IDoc               *analysis.Document
	ILang              Lang
	IActor             int   // index into IDoc.Actors
	IStatements        []int // the actor's statements, in text order
	IOpen              bool
	IStatement         string // the selected statement id
	ISlot              int    // colour slot (colorSlots)
	IEdited            bool   // a correction renamed, merged into or created it
	IOthers            []analysis.Actor
	IOnSelectStatement func(ctx app.Context, statementID string)
	IOnRename          func(ctx app.Context, actorID, name string)
	IOnMerge           func(ctx app.Context, actorID, intoID string)

	name  string // the new name being typed
	into  string // the actor chosen to merge into
	fixes bool   // the corrections form is open
	shown string // the actor id these belong to (go-app reuses items by position)
}

// NewActorItem returns an actor item.
func NewActorItem() *actorItem { return &actorItem{} }

// Doc sets the document.
func (a *actorItem) Doc(d *analysis.Document) *actorItem { a.IDoc = d; return a }

// Lang sets the UI language.
func (a *actorItem) Lang(l Lang) *actorItem { a.ILang = l; return a }

// Actor sets the index of the actor shown.
func (a *actorItem) Actor(i int) *actorItem { a.IActor = i; return a }

// Statements sets the actor's statements (indices, in text order).
func (a *actorItem) Statements(ix []int) *actorItem { a.IStatements = ix; return a }

// Open sets whether the actor is selected and lists its statements.
func (a *actorItem) Open(v bool) *actorItem { a.IOpen = v; return a }

// Statement sets the selected statement id.
func (a *actorItem) Statement(id string) *actorItem { a.IStatement = id; return a }

// Color sets the colour slot and whether a correction touched the actor.
func (a *actorItem) Color(slot int, edited bool) *actorItem {
	a.ISlot, a.IEdited = slot, edited
	return a
}

// Others sets the actors it can be merged into.
func (a *actorItem) Others(xs []analysis.Actor) *actorItem { a.IOthers = xs; return a }

// OnRename sets the callback of a rename.
func (a *actorItem) OnRename(f func(ctx app.Context, actorID, name string)) *actorItem {
	a.IOnRename = f
	return a
}

// OnMerge sets the callback of a merge of this actor into another.
func (a *actorItem) OnMerge(f func(ctx app.Context, actorID, intoID string)) *actorItem {
	a.IOnMerge = f
	return a
}

// OnSelectStatement sets the callback for a click on one of its statements.
func (a *actorItem) OnSelectStatement(f func(ctx app.Context, statementID string)) *actorItem {
	a.IOnSelectStatement = f
	return a
}

// Render draws the actor and, when open, its statements and corrections.
func (a *actorItem) Render() app.UI {
	d, l := a.IDoc, a.ILang
	if d == nil || a.IActor < 0 || a.IActor >= len(d.Actors) {
		return app.Li()
	}
	act := d.Actors[a.IActor]
	if act.ID != a.shown || !a.IOpen {
		a.shown, a.fixes, a.name, a.into = act.ID, false, "", ""
	}
	listID := "statements-" + act.ID
	meta := actorMeta(act)
	cls := []string{"actor", slotClass(a.ISlot)}
	if a.IOpen {
		cls = append(cls, "is-open")
	}
	var list, fixes app.UI
	if a.IOpen {
		items := make([]app.UI, 0, len(a.IStatements))
		for _, i := range a.IStatements {
			items = append(items, NewStatementItem().
				Doc(d).
				Lang(l).
				Statement(i).
				Active(d.Statements[i].ID == a.IStatement).
				OnSelect(a.IOnSelectStatement))
		}
		if len(items) == 0 {
			list = app.P().ID(listID).Class("statement-none").Text(l.T("sidebar.nostatements"))
		} else {
			list = app.Ul().ID(listID).Class("statement-list").Aria("label", act.Name).Body(items...)
		}
		fixes = a.renderFixes(act)
	}
	count := l.Plural(len(a.IStatements), "sidebar.stmt.one", "sidebar.stmt.many")
	return app.Li().Class("actor-entry").Body(
		app.Button().
			ID("actor-"+act.ID).
			Type("button").
			Class(cls...).
			DataSet("actor", act.ID).
			Aria("expanded", a.IOpen).
			Aria("controls", listID).
			Body(
				app.Span().Class("swatch").Aria("hidden", true),
				app.Span().Class("actor-text").Body(
					app.Span().Class("actor-name").Body(
						app.Text(act.Name),
						app.If(a.IEdited, app.Span().Class("edited-mark").Title(l.T("edit.edited")).Text(" ✎")),
					),
					app.If(meta != "", app.Span().Class("actor-meta").Text(meta)),
				),
				app.If(len(a.IStatements) > 0, app.Span().Class("count").Text(count)),
			),
		list,
		fixes,
	)
}

// renderFixes draws the corrections of an open actor: rename, merge.
func (a *actorItem) renderFixes(act analysis.Actor) app.UI {
	l := a.ILang
	if a.IOnRename == nil {
		return nil
	}
	if !a.fixes {
		return app.Button().ID("fix-actor").Type("button").Class("btn", "btn-link", "fix-open").
			Text(l.T("edit.actor")).OnClick(func(ctx app.Context, e app.Event) { a.fixes, a.name = true, act.Name })
	}
	opts := []option{{"", l.T("edit.merge.choose")}}
	for _, o := range a.IOthers {
		if o.ID != act.ID {
			opts = append(opts, option{o.ID, o.Name})
		}
	}
	return app.Div().Class("fix-form").Body(
		app.Label().For("rename-input").Class("fix-label").Text(l.T("edit.rename")),
		app.Div().Class("fix-row").Body(
			app.Input().ID("rename-input").Class("filter").Type("text").Value(a.name).
				OnInput(func(ctx app.Context, e app.Event) { a.name = ctx.JSSrc().Get("value").String() }),
			app.Button().ID("rename-do").Type("button").Class("btn", "btn-secondary", "btn-small").Text(l.T("edit.rename.do")).
				OnClick(func(ctx app.Context, e app.Event) {
					if n := strings.TrimSpace(a.name); n != "" && n != act.Name {
						a.IOnRename(ctx, act.ID, n)
					}
				}),
		),
		app.Label().For("merge-select").Class("fix-label").Text(l.T("edit.merge")),
		app.Div().Class("fix-row").Body(
			dropdown("merge-select", l.T("edit.merge"), opts, "", func(ctx app.Context, v string) { a.into = v }),
			app.Button().ID("merge-do").Type("button").Class("btn", "btn-secondary", "btn-small").Text(l.T("edit.merge.do")).
				OnClick(func(ctx app.Context, e app.Event) {
					if a.into != "" {
						a.IOnMerge(ctx, act.ID, a.into)
						a.into = ""
					}
				}),
		),
	)
}

// actorMeta is the line under an actor's name: its roles, except those
// that repeat the name (the type is the group's heading).
func actorMeta(act analysis.Actor) string {
	var roles []string
	for _, r := range act.Roles {
		if !strings.EqualFold(r, act.Name) && !strings.HasSuffix(strings.ToLower(act.Name), strings.ToLower(r)) {
			roles = append(roles, r)
		}
	}
	return strings.Join(roles, ", ")
}
