package components

import (
	"strings"

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
	IEdited            map[string]bool // ids of actors a correction touched
	IOnRename          func(ctx app.Context, actorID, name string)
	IOnMerge           func(ctx app.Context, actorID, intoID string)

	filter  string
	showAll map[string]bool // groups shown in full

	slotDoc  *analysis.Document // the document (and language) of the caches below
	htmlLang Lang
	slots    []int
	byActor  [][]int
	none     []int
	ranked   []int
	closed   []string // per actor: its closed entry's HTML, once built
}

// groupCap is how many actors a group shows before "show all": a long
// article's hundreds of actors would cost the first paint dearly.
const groupCap = 40

// Edits sets the ids of the actors a correction touched and the
// callbacks of the actor corrections.
func (s *actorSidebar) Edits(edited map[string]bool, rename func(ctx app.Context, actorID, name string), merge func(ctx app.Context, actorID, intoID string)) *actorSidebar {
	s.IEdited, s.IOnRename, s.IOnMerge = edited, rename, merge
	return s
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
	if s.slotDoc != d || s.htmlLang != l {
		// Per document (a correction makes a new one) and language: the
		// sidebar renders again on every selection, hover-free.
		s.slotDoc, s.htmlLang, s.slots = d, l, colorSlots(d)
		s.byActor, s.none = statementsByActor(d)
		s.ranked = rankActors(d, s.byActor)
		s.closed = make([]string, len(d.Actors))
	}
	byActor, none, ranked := s.byActor, s.none, s.ranked

	// item returns a closed actor as escaped HTML (a long article lists
	// hundreds, and each as go-app nodes costs the first paint dearly), or
	// the open one as a component.
	item := func(a int) (string, app.UI) {
		act := d.Actors[a]
		if act.ID != s.ISelected {
			if s.closed[a] == "" {
				s.closed[a] = closedActorHTML(l, act, s.slots[a], s.IEdited[act.ID], len(byActor[a]))
			}
			return s.closed[a], nil
		}
		return "", NewActorItem().
			Doc(d).
			Lang(l).
			Actor(a).
			Color(s.slots[a], s.IEdited[act.ID]).
			Others(d.Actors).
			Statements(byActor[a]).
			Open(act.ID == s.ISelected).
			Statement(s.IStatement).
			OnSelectStatement(s.IOnSelectStatement).
			OnRename(s.IOnRename).
			OnMerge(s.IOnMerge)
	}
	var groups []app.UI
	var mentioned actorList
	shown := 0
	for _, g := range sidebarGroups {
		var items actorList
		total := 0
		for _, a := range ranked {
			act := d.Actors[a]
			if actorGroup(act.Type) != g.id || !matchesFilter(act, s.filter) {
				continue
			}
			if g.id == groupPlaces && len(byActor[a]) == 0 && act.ID != s.ISelected && s.filter == "" {
				mentioned.add(item(a))
				continue
			}
			total++
			if total > groupCap && !s.showAll[g.id] && s.filter == "" {
				continue
			}
			items.add(item(a))
		}
		if total == 0 {
			continue
		}
		shown += total
		headID := "group-" + g.id
		gid := g.id
		groups = append(groups, app.Section().Class("actor-group").Aria("labelledby", headID).Body(
			app.H3().ID(headID).Class("group-title").Body(
				app.Text(l.T(g.key)),
				app.Span().Class("group-count").Text(total),
			),
			items.ui(""),
			app.If(items.n < total, app.Button().Type("button").Class("btn", "btn-link", "show-more").
				Text(l.T("sidebar.more", total-items.n)).
				OnClick(func(ctx app.Context, e app.Event) {
					if s.showAll == nil {
						s.showAll = map[string]bool{}
					}
					s.showAll[gid] = true
				})),
		))
	}
	if mentioned.n > 0 {
		shown += mentioned.n
		open := s.showAll["mentioned"]
		var list app.UI
		if open {
			list = mentioned.ui("mentioned-list")
		}
		groups = append(groups, app.Section().ID("group-mentioned").Class("actor-group", "mentioned").Aria("labelledby", "group-mentioned-t").Body(
			app.H3().Class("group-title").Body(
				app.Button().ID("group-mentioned-t").Type("button").Class("group-toggle").
					Aria("expanded", open).Aria("controls", "mentioned-list").
					OnClick(func(ctx app.Context, e app.Event) {
						if s.showAll == nil {
							s.showAll = map[string]bool{}
						}
						s.showAll["mentioned"] = !open
					}).
					Body(
						app.Text(l.T("sidebar.mentioned")),
						app.Span().Class("group-count").Text(mentioned.n),
					),
			),
			list,
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
		OnClick(s.onActorClick).
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

// actorList collects the entries of one list of actors: closed ones as
// HTML, the open one as a component.
type actorList struct {
	html  []string // per entry; "" for the component
	compo []app.UI // per entry; nil for HTML
	n     int
	open  bool // an entry is a component
}

func (l *actorList) add(html string, c app.UI) {
	l.html, l.compo = append(l.html, html), append(l.compo, c)
	l.open = l.open || c != nil
	l.n++
}

// ui returns the list: one raw HTML node when every actor is closed (a
// single call into the page instead of one per actor), else an element
// with one node per actor.
func (l *actorList) ui(id string) app.UI {
	if !l.open {
		var b strings.Builder
		b.WriteString(`<ul class="actor-list"`)
		if id != "" {
			b.WriteString(` id="` + id + `"`)
		}
		b.WriteString(">")
		for _, h := range l.html {
			b.WriteString(h)
		}
		b.WriteString("</ul>")
		return app.Raw(b.String())
	}
	items := make([]app.UI, l.n)
	for i := range items {
		if items[i] = l.compo[i]; items[i] == nil {
			items[i] = app.Raw(l.html[i])
		}
	}
	ul := app.Ul().Class("actor-list").Body(items...)
	if id != "" {
		ul = ul.ID(id)
	}
	return ul
}

// closedActorHTML draws a closed actor of the list, as actorItem would.
func closedActorHTML(l Lang, act analysis.Actor, slot int, edited bool, n int) string {
	var b strings.Builder
	b.WriteString(`<li class="actor-entry"><button id="actor-` + act.ID + `" type="button" class="actor ` + slotClass(slot) +
		`" data-actor="` + act.ID + `" aria-expanded="false" aria-controls="statements-` + act.ID +
		`"><span class="swatch" aria-hidden="true"></span><span class="actor-text"><span class="actor-name">`)
	writeEscaped(&b, act.Name)
	if edited {
		b.WriteString(`<span class="edited-mark" title="`)
		writeEscaped(&b, l.T("edit.edited"))
		b.WriteString(`"> ✎</span>`)
	}
	b.WriteString(`</span>`)
	if meta := actorMeta(act); meta != "" {
		b.WriteString(`<span class="actor-meta">`)
		writeEscaped(&b, meta)
		b.WriteString(`</span>`)
	}
	b.WriteString(`</span>`)
	if n > 0 {
		b.WriteString(`<span class="count">`)
		writeEscaped(&b, l.Plural(n, "sidebar.stmt.one", "sidebar.stmt.many"))
		b.WriteString(`</span>`)
	}
	b.WriteString(`</button></li>`)
	return b.String()
}

// onActorClick opens or closes the actor whose button was clicked.
func (s *actorSidebar) onActorClick(ctx app.Context, e app.Event) {
	if id := closestAttr(e, "button.actor[data-actor]", "data-actor"); id != "" && s.IOnSelectActor != nil {
		s.IOnSelectActor(ctx, id)
	}
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

// onFilterKey clears the filter on Escape, without also stepping back
// the selection.
func (s *actorSidebar) onFilterKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" && s.filter != "" {
		e.Call("stopPropagation")
		s.filter = ""
	}
}

// onKeyDown steps back one level on Escape (the owner decides how far).
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
