package app

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/article-explorer/explorer/analysis"
	"github.com/article-explorer/explorer/components"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderWorkspace composes the analysed view: view tabs, the export and
// correction bars, the article or the statements list, and the actors.
func (p *explorerPage) renderWorkspace(l components.Lang) app.UI {
	d := p.doc()
	view := p.view
	if view == "" {
		view = "article"
	}
	tab := func(id, key string, narrow bool) app.UI {
		cls := []string{"view-tab"}
		if narrow {
			cls = append(cls, "only-narrow")
		}
		if view == id {
			cls = append(cls, "is-active")
		}
		return app.Button().ID("tab-"+id).Type("button").Class(cls...).
			Attr("role", "tab").Aria("selected", view == id).Aria("controls", tabPanel(id)).
			Text(l.T(key)).
			OnClick(func(ctx app.Context, e app.Event) { p.switchView(ctx, id) })
	}
	var stmts app.UI
	if p.stmtsSeen || view == "statements" {
		p.stmtsSeen = true
		stmts = components.NewStatementsView().
			Doc(d).
			Lang(l).
			Edited(p.corr.EditedStmts).
			Selected(p.statement).
			OnShow(p.showFromStatements).
			OnCorrect(p.reassign, p.retype, p.deleteStatement)
	}
	return app.Div().ID("workspace").Class("workspace").DataSet("view", view).Body(
		app.Div().Class("article-column").Body(
			app.Div().Class("view-tabs").Attr("role", "tablist").Aria("label", l.T("view.label")).Body(
				tab("article", "view.article", false),
				tab("statements", "view.statements", false),
				tab("actors", "view.actors", true),
			),
			components.NewExportBar().
				Lang(l).
				Link(p.link).
				Message(p.exportMsg, p.exportErr).
				NoText(p.longLink && p.art.Source.URL != "", func(ctx app.Context) { p.shareLink(ctx, true) }).
				OnCopyLink(p.copyLink).
				OnCopyText(p.copyText).
				OnJSON(p.downloadJSON).
				OnCSV(p.downloadCSV),
			components.NewEditBar().
				Lang(l).
				Doc(d).
				Counts(len(p.edits), len(p.corr.Failed)).
				Adding(p.addText).
				On(p.undo, p.startAdd, p.addStatement, func(ctx app.Context) { p.addSpan, p.addText = analysis.Span{}, "" }),
			components.NewArticleView().
				Doc(d).
				Lang(l).
				Edited(p.corr.EditedStmts, p.corrRev).
				Source(p.art.Source.URL, p.art.Source.Site, p.art.Source.Byline).
				Selected(p.selected).
				Reveal(revealOffset(d, p.selected, p.statement)).
				Elapsed(p.art.ElapsedMS).
				OnSelect(p.toggleActor).
				OnStatement(p.selectStatement).
				OnEscape(p.escape).
				OnDrawn(p.afterDrawn),
			stmts,
			app.If(p.backToSt && view == "article",
				app.Button().ID("back-to-statements").Type("button").Class("btn", "btn-primary", "back-pill").
					Text(l.T("view.back")).
					OnClick(func(ctx app.Context, e app.Event) { p.switchView(ctx, "statements") }),
			),
		),
		components.NewActorSidebar().
			Doc(d).
			Lang(l).
			Selected(p.selected, p.statement).
			Edits(p.corr.EditedActors, p.rename, p.merge).
			OnSelectActor(p.toggleActor).
			OnSelectStatement(p.selectStatement).
			OnClear(p.escape),
	)
}

// revealOffset returns where the article must be drawn to for the page to
// scroll to the selection: the selected statement's start, else the
// selected actor's first mention; 0 for no selection.
func revealOffset(d *analysis.Document, actor, statement string) int {
	if st := statementOf(d, statement); st != nil {
		if len(st.Content) > 0 {
			return st.Content[0].Start
		}
		return st.Cue.Start
	}
	if a := actorOf(d, actor); a != nil && len(a.Mentions) > 0 {
		return a.Mentions[0].Start
	}
	return 0
}

func tabPanel(view string) string {
	switch view {
	case "statements":
		return "statements"
	case "actors":
		return "actors"
	}
	return "article"
}

// switchView shows another view (tab), keeping the scroll place of each.
func (p *explorerPage) switchView(ctx app.Context, view string) {
	cur := p.view
	if cur == "" {
		cur = "article"
	}
	if p.scroll == nil {
		p.scroll = map[string]float64{}
	}
	p.scroll[cur] = scrollY()
	if view == "statements" {
		p.backToSt = false
	}
	p.view = view
	y, ok := p.scroll[view]
	p.later(ctx, func(app.Context) {
		if ok {
			scrollTo(y)
		}
	})
}

// showFromStatements shows a statement of the statements list in the
// article, with a way back to the list at the same place.
func (p *explorerPage) showFromStatements(ctx app.Context, id string) {
	p.selectStatement(ctx, id)
	p.backToSt = true
}

// edit applies a new correction, shows it and puts it in the address bar.
func (p *explorerPage) edit(ctx app.Context, e Edit) {
	if len(p.edits) >= maxEdits {
		return
	}
	p.edits = append(p.edits[:len(p.edits):len(p.edits)], e)
	p.reapply()
	p.link, p.longLink = "", false
	if p.selected != "" && actorOf(p.doc(), p.selected) == nil {
		p.selected = ""
	}
	if p.statement != "" && statementOf(p.doc(), p.statement) == nil {
		p.statement = ""
	}
	p.syncURL(ctx, false)
}

// undo takes the last correction back.
func (p *explorerPage) undo(ctx app.Context) {
	if len(p.edits) == 0 {
		return
	}
	p.edits = p.edits[:len(p.edits)-1]
	p.reapply()
	p.syncURL(ctx, false)
}

func (p *explorerPage) reassign(ctx app.Context, stmtID, actorID, newName string) {
	d := p.doc()
	st := statementOf(d, stmtID)
	if st == nil {
		return
	}
	ref := ActorRef{Name: newName}
	if a := actorOf(d, actorID); a != nil {
		ref = RefOf(*a)
	} else if newName == "" || !validName(newName) {
		return
	}
	p.edit(ctx, Edit{Kind: EditReassign, Stmt: Anchor(*st), Actor: ref})
}

func (p *explorerPage) retype(ctx app.Context, stmtID, typ string) {
	if st := statementOf(p.doc(), stmtID); st != nil && validType(typ) {
		p.edit(ctx, Edit{Kind: EditType, Stmt: Anchor(*st), Type: typ})
	}
}

func (p *explorerPage) deleteStatement(ctx app.Context, stmtID string) {
	if st := statementOf(p.doc(), stmtID); st != nil {
		p.edit(ctx, Edit{Kind: EditDelete, Stmt: Anchor(*st)})
	}
}

func (p *explorerPage) rename(ctx app.Context, actorID, name string) {
	if a := actorOf(p.doc(), actorID); a != nil && validName(name) {
		p.edit(ctx, Edit{Kind: EditRename, Actor: RefOf(*a), Name: name})
	}
}

func (p *explorerPage) merge(ctx app.Context, actorID, intoID string) {
	d := p.doc()
	a, b := actorOf(d, actorID), actorOf(d, intoID)
	if a == nil || b == nil || a.ID == b.ID {
		return
	}
	into := b.ID
	p.edit(ctx, Edit{Kind: EditMerge, Actor: RefOf(*a), Into: RefOf(*b)})
	p.selected, p.statement = into, ""
}

// startAdd takes the text selected in the article as the content of a new
// statement.
func (p *explorerPage) startAdd(ctx app.Context) {
	sp, ok := selectedSpan(p.art.Text)
	if !ok {
		p.exportMsg, p.exportErr = p.lang.T("edit.add.noselection"), true
		return
	}
	p.addSpan, p.addText = sp, p.art.Text[sp.Start:sp.End]
	p.exportMsg, p.exportErr = "", false
}

func (p *explorerPage) addStatement(ctx app.Context, actorID, newName, typ string) {
	if p.addText == "" {
		return
	}
	ref := ActorRef{Name: newName}
	if a := actorOf(p.doc(), actorID); a != nil {
		ref = RefOf(*a)
	} else if !validName(newName) {
		return
	}
	sp := p.addSpan
	p.addSpan, p.addText = analysis.Span{}, ""
	p.edit(ctx, Edit{Kind: EditAdd, Content: sp, Type: typ, Actor: ref})
}

// selectedSpan returns the byte span of text that the reader selected in
// the article, trimmed of spaces. Paragraphs carry their byte offset
// (data-o); the browser counts UTF-16 units from there.
func selectedSpan(text string) (analysis.Span, bool) {
	if !app.IsClient {
		return analysis.Span{}, false
	}
	w := app.Window()
	sel := w.Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 || sel.Get("isCollapsed").Bool() {
		return analysis.Span{}, false
	}
	r := sel.Call("getRangeAt", 0)
	at := func(node app.Value, offset app.Value) (int, bool) {
		el := node
		if node.Get("nodeType").Int() != 1 {
			el = node.Get("parentElement")
		}
		if !el.Truthy() {
			return 0, false
		}
		para := el.Call("closest", "#article [data-o]")
		if !para.Truthy() {
			return 0, false
		}
		start, err := strconv.Atoi(para.Call("getAttribute", "data-o").String())
		if err != nil {
			return 0, false
		}
		pre := w.Get("document").Call("createRange")
		pre.Call("setStart", para, 0)
		pre.Call("setEnd", node, offset)
		units := len(utf16.Encode([]rune(pre.Call("toString").String())))
		return byteOffset(text, start, units)
	}
	s, ok1 := at(r.Get("startContainer"), r.Get("startOffset"))
	e, ok2 := at(r.Get("endContainer"), r.Get("endOffset"))
	if !ok1 || !ok2 || e <= s {
		return analysis.Span{}, false
	}
	for s < e && strings.ContainsRune(" \t\n\r", rune(text[s])) {
		s++
	}
	for e > s && strings.ContainsRune(" \t\n\r", rune(text[e-1])) {
		e--
	}
	return analysis.Span{Start: s, End: e}, e > s
}

// byteOffset returns the byte offset in text that lies units UTF-16 code
// units after byte offset start.
func byteOffset(text string, start, units int) (int, bool) {
	if start < 0 || start > len(text) {
		return 0, false
	}
	i := start
	for units > 0 && i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		units -= len(utf16.Encode([]rune{r}))
		i += n
	}
	return i, units <= 0
}
