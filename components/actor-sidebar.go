package components

import (
	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// actorSidebar lists the actors of a document in three groups (people,
// organisations, governments and places), most-quoted first, with a filter
// box. The selected actor is open and lists its statements.
type actorSidebar struct {
	app.Compo

	IDoc               *analysis.Document
	ILang              Lang
	ISelected          string // the selected (open) actor id
	IStatement         string // the selected statement id
	IOnSelectActor     func(ctx app.Context, actorID string)
	IOnSelectStatement func(ctx app.Context, statementID string)
	IOnClear           func(ctx app.Context)

	filter string
}

// NewActorSidebar returns an empty sidebar.
func NewActorSidebar() *actorSidebar { return &actorSidebar{} }

// Doc sets the document whose actors are listed.
func (s *actorSidebar) Doc(d *analysis.Document) *actorSidebar { s.IDoc = d; return s }

// Lang sets the UI language.
func (s *actorSidebar) Lang(l Lang) *actorSidebar { s.ILang = l; return s }

// Selected sets the selected actor and statement ids.
func (s *actorSidebar) Selected(actorID, statementID string) *actorSidebar {
	s.ISelected, s.IStatement = actorID, statementID
	return s
}

// OnSelectActor sets the callback for a click on an actor. Clicking the
// open actor again closes it (the callback gets its id; the owner decides).
func (s *actorSidebar) OnSelectActor(f func(ctx app.Context, actorID string)) *actorSidebar {
	s.IOnSelectActor = f
	return s
}

// OnSelectStatement sets the callback for a click on a statement.
func (s *actorSidebar) OnSelectStatement(f func(ctx app.Context, statementID string)) *actorSidebar {
	s.IOnSelectStatement = f
	return s
}

// OnClear sets the callback for Escape and "show all actors".
func (s *actorSidebar) OnClear(f func(ctx app.Context)) *actorSidebar { s.IOnClear = f; return s }

// Render draws the sidebar.
func (s *actorSidebar) Render() app.UI {
	d := s.IDoc
	l := s.ILang
	if d == nil {
		return app.Aside().ID("actors").Class("sidebar", "is-empty")
	}
	byActor, none := statementsByActor(d)
	ranked := rankActors(d, byActor)

	var groups []app.UI
	shown := 0
	for _, g := range sidebarGroups {
		var items []app.UI
		for _, a := range ranked {
			act := d.Actors[a]
			if actorGroup(act.Type) != g.id || !matchesFilter(act, s.filter) {
				continue
			}
			items = append(items, NewActorItem().
				Doc(d).
				Lang(l).
				Actor(a).
				Statements(byActor[a]).
				Open(act.ID == s.ISelected).
				Statement(s.IStatement).
				OnToggle(s.IOnSelectActor).
				OnSelectStatement(s.IOnSelectStatement))
		}
		if len(items) == 0 {
			continue
		}
		shown += len(items)
		headID := "group-" + g.id
		groups = append(groups, app.Section().Class("actor-group").Aria("labelledby", headID).Body(
			app.H3().ID(headID).Class("group-title").Body(
				app.Text(l.T(g.key)),
				app.Span().Class("group-count").Text(len(items)),
			),
			app.Ul().Class("actor-list").Body(items...),
		))
	}
	if len(none) > 0 && s.filter == "" {
		groups = append(groups, s.renderUnattributed(d, none))
	}

	var empty app.UI
	switch {
	case len(d.Actors) == 0:
		empty = app.P().Class("sidebar-empty").Text(l.T("sidebar.none"))
	case shown == 0:
		empty = app.P().Class("sidebar-empty").Aria("live", "polite").Text(l.T("sidebar.nomatch", s.filter))
	}

	return app.Aside().
		ID("actors").
		Class("sidebar").
		Aria("labelledby", "actors-title").
		OnKeyDown(s.onKeyDown).
		Body(
			app.Div().Class("sidebar-head").Body(
				app.H2().ID("actors-title").Class("sidebar-title").Body(
					app.Text(l.T("sidebar.label")),
					app.Span().Class("group-count").Text(len(d.Actors)),
				),
				app.If(s.ISelected != "",
					app.Button().
						ID("show-all").
						Type("button").
						Class("btn", "btn-link").
						Text(l.T("sidebar.showall")).
						OnClick(s.onClear),
				),
			),
			app.If(len(d.Actors) > 0,
				app.Input().
					ID("actor-filter").
					Class("filter").
					Type("search").
					AutoComplete(false).
					Placeholder(l.T("sidebar.filter.ph")).
					Aria("label", l.T("sidebar.filter")).
					Aria("controls", "actor-groups").
					Value(s.filter).
					OnInput(s.onFilter).
					OnKeyDown(s.onFilterKey),
				app.P().Class("sidebar-hint").Text(l.T("sidebar.hint")),
			),
			app.Div().ID("actor-groups").Class("actor-groups").Body(groups...),
			empty,
		)
}

// renderUnattributed lists the statements without a resolved speaker.
func (s *actorSidebar) renderUnattributed(d *analysis.Document, none []int) app.UI {
	l := s.ILang
	items := make([]app.UI, 0, len(none))
	for _, i := range none {
		items = append(items, NewStatementItem().
			Doc(d).
			Lang(l).
			Statement(i).
			Active(d.Statements[i].ID == s.IStatement).
			OnSelect(s.IOnSelectStatement))
	}
	return app.Section().Class("actor-group", "unattributed").Aria("labelledby", "group-none").Body(
		app.H3().ID("group-none").Class("group-title").Body(
			app.Text(l.T("sidebar.unattributed")),
			app.Span().Class("group-count").Text(len(none)),
		),
		app.Ul().Class("statement-list").Body(items...),
	)
}

func (s *actorSidebar) onFilter(ctx app.Context, e app.Event) {
	s.filter = ctx.JSSrc().Get("value").String()
}

// onFilterKey clears the filter on Escape, without also clearing the
// selection.
func (s *actorSidebar) onFilterKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" && s.filter != "" {
		e.Call("stopPropagation")
		s.filter = ""
	}
}

// onKeyDown clears the selection on Escape.
func (s *actorSidebar) onKeyDown(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" && s.IOnClear != nil {
		s.IOnClear(ctx)
	}
}

func (s *actorSidebar) onClear(ctx app.Context, e app.Event) {
	if s.IOnClear != nil {
		s.IOnClear(ctx)
	}
}
