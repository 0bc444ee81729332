package components

import (
	"strings"

	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Statement filters by badge (badgeOf), in display order.
var badges = []string{"quote", "reported", "according", "position"}

// statementsView lists every statement of the document: speaker (in their
// colour), type badge, cue, content and sentence; in text order or grouped
// by speaker, filtered by type and by actor. A row shows its statement in
// the article; "Correct" opens its corrections (speaker, type, delete).
type statementsView struct {
	app.Compo

	IDoc        *analysis.Document
	ILang       Lang
	IEdited     map[string]bool
	IStatement  string // the selected statement id
	IOnShow     func(ctx app.Context, statementID string)
	IOnReassign func(ctx app.Context, statementID, actorID, newName string)
	IOnRetype   func(ctx app.Context, statementID, typ string)
	IOnDelete   func(ctx app.Context, statementID string)

	typ     string // badge filter; "" for all
	actor   string // actor id filter; "" for all
	grouped bool
	limit   int
	editing string // the statement whose corrections are open
	newName string

	slotDoc *analysis.Document
	slots   []int
}

// NewStatementsView returns an empty statements view.
func NewStatementsView() *statementsView { return &statementsView{} }

// Doc sets the document.
func (v *statementsView) Doc(d *analysis.Document) *statementsView { v.IDoc = d; return v }

// Lang sets the UI language.
func (v *statementsView) Lang(l Lang) *statementsView { v.ILang = l; return v }

// Edited sets the ids of the statements a correction touched.
func (v *statementsView) Edited(ids map[string]bool) *statementsView { v.IEdited = ids; return v }

// Selected sets the selected statement id.
func (v *statementsView) Selected(id string) *statementsView { v.IStatement = id; return v }

// OnShow sets the callback of a click on a row: show it in the article.
func (v *statementsView) OnShow(f func(ctx app.Context, statementID string)) *statementsView {
	v.IOnShow = f
	return v
}

// OnCorrect sets the callbacks of the statement corrections: give it to
// another actor (or to a new one, by name), change its type, delete it.
func (v *statementsView) OnCorrect(reassign func(ctx app.Context, statementID, actorID, newName string),
	retype func(ctx app.Context, statementID, typ string), del func(ctx app.Context, statementID string)) *statementsView {
	v.IOnReassign, v.IOnRetype, v.IOnDelete = reassign, retype, del
	return v
}

// pageSize is how many rows the list draws before "show more".
const pageSize = 150

// Render draws the list.
func (v *statementsView) Render() app.UI {
	d, l := v.IDoc, v.ILang
	if d == nil {
		return app.Section().ID("statements").Class("statements-view")
	}
	if v.slotDoc != d {
		v.slotDoc, v.slots = d, colorSlots(d)
		if actorIndex(d, v.actor) < 0 {
			v.actor = ""
		}
	}
	if v.limit == 0 {
		v.limit = pageSize
	}
	order := v.order(d)
	var rows []app.UI
	for _, i := range order {
		if len(rows) >= v.limit {
			break
		}
		rows = append(rows, v.renderRow(d, i))
	}

	typeOpts := []option{{"", l.T("stmts.alltypes")}}
	for _, b := range badges {
		typeOpts = append(typeOpts, option{b, l.T("badge." + b)})
	}
	actorOpts := []option{{"", l.T("stmts.allactors")}}
	byActor, _ := statementsByActor(d)
	for _, a := range rankActors(d, byActor) {
		if len(byActor[a]) > 0 {
			act := d.Actors[a]
			actorOpts = append(actorOpts, option{act.ID, act.Name})
		}
	}
	return app.Section().ID("statements").Class("statements-view").Aria("labelledby", "statements-title").Body(
		app.Div().Class("stmts-head").Body(
			app.H2().ID("statements-title").Class("sidebar-title").Body(
				app.Text(l.T("stmts.title")),
				app.Span().ID("statements-count").Class("group-count").Text(l.Number(len(order))),
			),
			app.Div().Class("stmts-filters").Body(
				dropdown("filter-type", l.T("stmts.filtertype"), typeOpts, "", func(ctx app.Context, val string) {
					v.typ, v.limit = val, pageSize
				}),
				dropdown("filter-actor", l.T("stmts.filteractor"), actorOpts, "", func(ctx app.Context, val string) {
					v.actor, v.limit = val, pageSize
				}),
				app.Label().Class("check").Body(
					app.Input().ID("group-speaker").Type("checkbox").Checked(v.grouped).OnChange(func(ctx app.Context, e app.Event) {
						v.grouped = ctx.JSSrc().Get("checked").Bool()
					}),
					app.Text(" "+l.T("stmts.grouped")),
				),
			),
		),
		app.If(len(order) == 0, app.P().Class("sidebar-empty").Text(l.T("stmts.none"))),
		app.Ul().ID("statement-rows").Class("stmt-rows").Body(rows...),
		app.If(len(order) > len(rows), app.Button().ID("statements-more").Type("button").Class("btn", "btn-secondary", "btn-small", "show-more").
			Text(l.T("sidebar.more", len(order)-len(rows))).
			OnClick(func(ctx app.Context, e app.Event) { v.limit += pageSize * 4 })),
	)
}

// order returns the statements to list, filtered, in text order or grouped
// by speaker (most statements first).
func (v *statementsView) order(d *analysis.Document) []int {
	keep := func(i int) bool {
		s := d.Statements[i]
		if v.typ != "" && badgeOf(s.Type) != v.typ {
			return false
		}
		if v.actor != "" && (s.Actor < 0 || s.Actor >= len(d.Actors) || d.Actors[s.Actor].ID != v.actor) {
			return false
		}
		return true
	}
	var out []int
	if v.grouped {
		byActor, none := statementsByActor(d)
		for _, a := range rankActors(d, byActor) {
			for _, i := range byActor[a] {
				if keep(i) {
					out = append(out, i)
				}
			}
		}
		for _, i := range none {
			if keep(i) {
				out = append(out, i)
			}
		}
		return out
	}
	for i := range d.Statements {
		if keep(i) {
			out = append(out, i)
		}
	}
	return out
}

func (v *statementsView) renderRow(d *analysis.Document, i int) app.UI {
	l := v.ILang
	st := d.Statements[i]
	badge := badgeOf(st.Type)
	who, slot := l.T("sidebar.unknown"), -1
	if st.Actor >= 0 && st.Actor < len(d.Actors) {
		who, slot = d.Actors[st.Actor].Name, v.slots[st.Actor]
	}
	cue := ""
	if !st.Cue.IsZero() && st.Cue.End <= len(d.Text) {
		cue = d.Slice(st.Cue)
	}
	content := contentText(d, st)
	sentence := ""
	if st.Sentence >= 0 && st.Sentence < len(d.Sentences) {
		if sp := d.Sentences[st.Sentence].Span; sp.End <= len(d.Text) {
			sentence = strings.Join(strings.Fields(d.Slice(sp)), " ")
		}
	}
	cls := []string{"srow", slotClass(slot)}
	if st.ID == v.IStatement {
		cls = append(cls, "is-active")
	}
	edited := v.IEdited[st.ID]
	var fix app.UI
	if v.editing == st.ID {
		fix = v.renderFix(d, st)
	}
	return app.Li().Class(cls...).DataSet("stmt", st.ID).DataSet("type", badge).Body(
		app.Div().Class("srow-head").Body(
			app.Span().Class("speaker").Body(app.Span().Class("swatch").Aria("hidden", true), app.Text(who)),
			app.Span().Class("badge", "badge-"+badge).Title(l.T("stmt."+st.Type)).Text(l.T("badge."+badge)),
			app.If(cue != "", app.Span().Class("cue").Title(l.T("sidebar.cue")).Text(cue)),
			app.If(edited, app.Span().Class("edited-mark").Text("✎ "+l.T("edit.edited"))),
			app.Button().Type("button").Class("btn", "btn-link", "srow-fix").
				Aria("expanded", v.editing == st.ID).
				Text(l.T("edit.correct")).
				OnClick(func(ctx app.Context, e app.Event) {
					if v.editing == st.ID {
						v.editing = ""
					} else {
						v.editing, v.newName = st.ID, ""
					}
				}),
		),
		app.Button().Type("button").Class("srow-show").DataSet("stmt", st.ID).Title(l.T("stmts.show")).
			OnClick(func(ctx app.Context, e app.Event) {
				if v.IOnShow != nil {
					v.IOnShow(ctx, st.ID)
				}
			}).
			Body(
				app.Span().Class("statement-text").Text(content),
				app.If(sentence != "" && sentence != content, app.Span().Class("srow-sentence").Text(sentence)),
			),
		fix,
	)
}

// renderFix draws the corrections of one statement.
func (v *statementsView) renderFix(d *analysis.Document, st analysis.Statement) app.UI {
	l := v.ILang
	id := st.ID
	cur := ""
	if st.Actor >= 0 && st.Actor < len(d.Actors) {
		cur = d.Actors[st.Actor].ID
	}
	speakers := []option{{"", l.T("edit.speaker.choose")}}
	for _, a := range d.Actors {
		speakers = append(speakers, option{a.ID, a.Name})
	}
	var types []option
	for _, t := range statementTypeKeys {
		types = append(types, option{t, l.T("stmt." + t)})
	}
	return app.Div().Class("fix-form").Body(
		app.Div().Class("fix-row").Body(
			app.Label().For("fix-speaker").Class("fix-label").Text(l.T("edit.speaker")),
			dropdown("fix-speaker", l.T("edit.speaker"), speakers, cur, func(ctx app.Context, a string) {
				if a != "" && a != cur && v.IOnReassign != nil {
					v.IOnReassign(ctx, id, a, "")
				}
			}),
		),
		app.Div().Class("fix-row").Body(
			app.Label().For("fix-newname").Class("fix-label").Text(l.T("edit.speaker.new")),
			app.Input().ID("fix-newname").Class("filter").Type("text").Value(v.newName).
				OnInput(func(ctx app.Context, e app.Event) { v.newName = ctx.JSSrc().Get("value").String() }),
			app.Button().ID("fix-newname-do").Type("button").Class("btn", "btn-secondary", "btn-small").Text(l.T("edit.speaker.give")).
				OnClick(func(ctx app.Context, e app.Event) {
					if n := strings.TrimSpace(v.newName); n != "" && v.IOnReassign != nil {
						v.IOnReassign(ctx, id, "", n)
						v.newName = ""
					}
				}),
		),
		app.Div().Class("fix-row").Body(
			app.Label().For("fix-type").Class("fix-label").Text(l.T("edit.type")),
			dropdown("fix-type", l.T("edit.type"), types, st.Type, func(ctx app.Context, t string) {
				if t != st.Type && v.IOnRetype != nil {
					v.IOnRetype(ctx, id, t)
				}
			}),
		),
		app.Button().ID("fix-delete").Type("button").Class("btn", "btn-secondary", "btn-small", "btn-danger").Text(l.T("edit.delete")).
			OnClick(func(ctx app.Context, e app.Event) {
				if v.IOnDelete != nil {
					v.editing = ""
					v.IOnDelete(ctx, id)
				}
			}),
	)
}

// statementTypeKeys are the statement types a reader can choose.
var statementTypeKeys = []string{analysis.Direct, analysis.Mixed, analysis.Indirect, analysis.AccordingTo, analysis.Position}
