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
	IOnToggle          func(ctx app.Context, actorID string)
	IOnSelectStatement func(ctx app.Context, statementID string)
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

// OnToggle sets the callback for a click on the actor.
func (a *actorItem) OnToggle(f func(ctx app.Context, actorID string)) *actorItem {
	a.IOnToggle = f
	return a
}

// OnSelectStatement sets the callback for a click on one of its statements.
func (a *actorItem) OnSelectStatement(f func(ctx app.Context, statementID string)) *actorItem {
	a.IOnSelectStatement = f
	return a
}

// Render draws the actor and, when open, its statements.
func (a *actorItem) Render() app.UI {
	d, l := a.IDoc, a.ILang
	if d == nil || a.IActor < 0 || a.IActor >= len(d.Actors) {
		return app.Li()
	}
	act := d.Actors[a.IActor]
	listID := "statements-" + act.ID
	meta := l.T("type." + act.Type)
	if len(act.Roles) > 0 {
		meta += " · " + strings.Join(act.Roles, ", ")
	}
	cls := []string{"actor", colorClass(a.IActor)}
	if a.IOpen {
		cls = append(cls, "is-open")
	}
	var list app.UI
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
	}
	return app.Li().Class("actor-entry").Body(
		app.Button().
			ID("actor-"+act.ID).
			Type("button").
			Class(cls...).
			DataSet("actor", act.ID).
			Aria("expanded", a.IOpen).
			Aria("controls", listID).
			OnClick(a.onClick).
			Body(
				app.Span().Class("swatch").Aria("hidden", true),
				app.Span().Class("actor-text").Body(
					app.Span().Class("actor-name").Text(act.Name),
					app.Span().Class("actor-meta").Text(meta),
				),
				app.Span().
					Class("count").
					Title(l.Plural(len(a.IStatements), "sidebar.stmt.one", "sidebar.stmt.many")).
					Aria("label", l.Plural(len(a.IStatements), "sidebar.stmt.one", "sidebar.stmt.many")).
					Text(len(a.IStatements)),
			),
		list,
	)
}

func (a *actorItem) onClick(ctx app.Context, e app.Event) {
	if a.IOnToggle != nil {
		a.IOnToggle(ctx, a.IDoc.Actors[a.IActor].ID)
	}
}
