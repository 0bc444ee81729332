package components

import (
	"github.com/article-explorer/explorer/analysis"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// statementItem is one statement in the sidebar: a type badge, the content
// and the cue word. Clicking it scrolls the article to the statement.
type statementItem struct {
	app.Compo

	IDoc       *analysis.Document
	ILang      Lang
	IStatement int // index into IDoc.Statements
	IActive    bool
	IOnSelect  func(ctx app.Context, statementID string)
}

// NewStatementItem returns a statement item.
func NewStatementItem() *statementItem { return &statementItem{} }

// Doc sets the document.
func (s *statementItem) Doc(d *analysis.Document) *statementItem { s.IDoc = d; return s }

// Lang sets the UI language.
func (s *statementItem) Lang(l Lang) *statementItem { s.ILang = l; return s }

// Statement sets the index of the statement shown.
func (s *statementItem) Statement(i int) *statementItem { s.IStatement = i; return s }

// Active marks the statement as the selected one.
func (s *statementItem) Active(v bool) *statementItem { s.IActive = v; return s }

// OnSelect sets the callback for a click on the statement.
func (s *statementItem) OnSelect(f func(ctx app.Context, statementID string)) *statementItem {
	s.IOnSelect = f
	return s
}

// Render draws the statement.
func (s *statementItem) Render() app.UI {
	d, l := s.IDoc, s.ILang
	if d == nil || s.IStatement < 0 || s.IStatement >= len(d.Statements) {
		return app.Li()
	}
	st := d.Statements[s.IStatement]
	badge := badgeOf(st.Type)
	cue := ""
	if !st.Cue.IsZero() && st.Cue.End <= len(d.Text) {
		cue = d.Slice(st.Cue)
	}
	cls := []string{"statement", "st-" + badge}
	if s.IActive {
		cls = append(cls, "is-active")
	}
	return app.Li().Body(
		app.Button().
			Type("button").
			Class(cls...).
			DataSet("stmt", st.ID).
			Aria("current", s.IActive).
			OnClick(s.onClick).
			Body(
				app.Span().Class("statement-top").Body(
					app.Span().Class("badge", "badge-"+badge).Title(l.T("stmt."+st.Type)).Text(l.T("badge."+badge)),
					app.If(cue != "",
						app.Span().Class("cue").Title(l.T("sidebar.cue")).Text(cue),
					),
				),
				app.Span().Class("statement-text").Text(contentText(d, st)),
			),
	)
}

func (s *statementItem) onClick(ctx app.Context, e app.Event) {
	if s.IOnSelect != nil {
		s.IOnSelect(ctx, s.IDoc.Statements[s.IStatement].ID)
	}
}
