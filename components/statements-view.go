package components

import (
	"strconv"
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
	var html strings.Builder // the rows as one node while none has its corrections open
	shown := 0
	for _, i := range order {
		if shown >= v.limit {
			break
		}
		shown++
		row := v.rowHTML(d, i)
		if v.editing == "" {
			html.WriteString(row)
			continue
		}
		rows = append(rows, app.Raw(row))
		if d.Statements[i].ID == v.editing {
			rows = append(rows, app.Li().Class("srow-fixrow").Body(v.renderFix(d, d.Statements[i])))
		}
	}
	list := app.UI(app.Ul().ID("statement-rows").Class("stmt-rows").Body(rows...))
	if v.editing == "" {
		list = app.Raw(`<ul id="statement-rows" class="stmt-rows">` + html.String() + `</ul>`)
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
	return app.Section().ID("statements").Class("statements-view").Aria("labelledby", "statements-title").OnClick(v.onRowClick).Body(
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
		list,
		app.If(len(order) > shown, app.Button().ID("statements-more").Type("button").Class("btn", "btn-secondary", "btn-small", "show-more").
			Text(l.T("sidebar.more", len(order)-shown)).
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

// rowHTML draws one row as escaped HTML (a long article has hundreds of
// rows; as go-app elements each would cost a dozen nodes and JS values).
// Its buttons carry data-act and are handled by onRowClick.
func (v *statementsView) rowHTML(d *analysis.Document, i int) string {
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
	var b strings.Builder
	b.WriteString(`<li class="srow ` + slotClass(slot))
	if st.ID == v.IStatement {
		b.WriteString(" is-active")
	}
	b.WriteString(`" data-stmt="` + st.ID + `" data-type="` + badge + `"><div class="srow-head"><span class="speaker"><span class="swatch" aria-hidden="true"></span>`)
	writeEscaped(&b, who)
	b.WriteString(`</span> <span class="badge badge-` + badge + `" title="`)
	writeEscaped(&b, l.T("stmt."+st.Type))
	b.WriteString(`">`)
	writeEscaped(&b, l.T("badge."+badge))
	b.WriteString(`</span>`)
	if cue != "" {
		b.WriteString(` <span class="cue" title="`)
		writeEscaped(&b, l.T("sidebar.cue"))
		b.WriteString(`">`)
		writeEscaped(&b, cue)
		b.WriteString(`</span>`)
	}
	if v.IEdited[st.ID] {
		b.WriteString(` <span class="edited-mark">✎ `)
		writeEscaped(&b, l.T("edit.edited"))
		b.WriteString(`</span>`)
	}
	b.WriteString(` <button type="button" class="btn btn-link srow-fix" data-act="fix" aria-expanded="` + strconv.FormatBool(v.editing == st.ID) + `">`)
	writeEscaped(&b, l.T("edit.correct"))
	b.WriteString(`</button></div><button type="button" class="srow-show" data-act="show" data-stmt="` + st.ID + `" title="`)
	writeEscaped(&b, l.T("stmts.show"))
	b.WriteString(`"><span class="statement-text">`)
	writeEscaped(&b, content)
	b.WriteString(`</span>`)
	if sentence != "" && sentence != content {
		b.WriteString(`<span class="srow-sentence">`)
		writeEscaped(&b, sentence)
		b.WriteString(`</span>`)
	}
	b.WriteString(`</button></li>`)
	return b.String()
}

// onRowClick handles the buttons of the rows: show in the article, open
// or close the corrections.
func (v *statementsView) onRowClick(ctx app.Context, e app.Event) {
	act := closestAttr(e, "[data-act]", "data-act")
	id := closestAttr(e, "li[data-stmt]", "data-stmt")
	if id == "" {
		return
	}
	switch act {
	case "show":
		if v.IOnShow != nil {
			v.IOnShow(ctx, id)
		}
	case "fix":
		if v.editing == id {
			v.editing = ""
		} else {
			v.editing, v.newName = id, ""
		}
	}
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
