package app

import (
	"errors"
	"strings"
	"time"

	"github.com/article-explorer/explorer/analysis"
	"github.com/article-explorer/explorer/components"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// langKey is the local storage key of the chosen UI language.
const langKey = "explorer.lang"

// flashDuration is how long a statement flashes after a click in the
// sidebar (as long as the CSS animation); tests shorten it.
var flashDuration = 1600 * time.Millisecond

// explorerPage is the one page of the app. It observes the analysis and
// import states, owns the selection (actor, statement), the UI language and
// the share link, and composes the components.
type explorerPage struct {
	app.Compo

	lang     components.Lang
	art      article
	imp      importStatus
	seenSeq  int
	lastFrag string // the share fragment last opened

	text    string // the text shown in the input panel
	textRev int

	selected  string // actor id
	statement string // statement id
	editing   bool
	shown     bool // an analysis was shown (the page left its start layout)

	edits       []Edit    // the reader's corrections, in the order made
	corr        Corrected // the analysis with the corrections applied
	corrRev     int       // increases whenever corr changes
	corrDoc     *analysis.Document
	addSpan     analysis.Span // the text being added as a statement
	addText     string
	view        string             // "article", "statements" or "actors" (narrow screens)
	scroll      map[string]float64 // the scroll place of each view
	stmtsSeen   bool               // the statements view was opened (kept mounted)
	drawnSeq    int                // the analysis whose article is drawn to its end
	syncPending bool               // the address bar waits for the article to be drawn
	backToSt    bool               // the article was opened from the statements view
	longLink    bool               // the last link is longer than chat apps keep
	install     bool
	pageCtx     app.Context // the page's own context (its source stays mounted)

	pending    *Share  // a link without text, waiting for its import
	notice     problem // a page-level problem (share link)
	exportMsg  string
	exportErr  bool
	link       string
	importable bool
	offline    bool
	update     bool
}

// OnPreRender sets the page title for the server-side render.
func (p *explorerPage) OnPreRender(ctx app.Context) {
	ctx.Page().SetTitle(components.English.T("app.name"))
}

// OnMount picks the UI language, observes the states and marks the app
// interactive.
func (p *explorerPage) OnMount(ctx app.Context) {
	p.pageCtx = ctx
	allowZoom()
	var saved string
	ctx.LocalStorage().Get(langKey, &saved)
	if saved != "" {
		p.lang = components.ParseLang(saved)
	} else {
		p.lang = components.ParseLang(browserLanguage())
	}
	p.applyLang(ctx)
	p.importable = importAPI() != ""
	p.offline = !online()
	p.update = ctx.AppUpdateAvailable()

	ctx.ObserveState(stateArticle).
		OnChange(func() { p.onArticle(ctx) }).
		Value(&p.art)
	ctx.ObserveState(stateImport).Value(&p.imp)

	for _, ev := range []string{"online", "offline"} {
		app.Window().AddEventListener(ev, func(app.Context, app.Event) {
			ctx.Dispatch(func(app.Context) { p.offline = !online() })
		})
	}
	p.later(ctx, func(app.Context) { markPerformance("explorer-ready") })
	whenIdle(warmUpDelay, warmUp)
}

// OnNav opens a share link found in the URL fragment.
func (p *explorerPage) OnNav(ctx app.Context) {
	frag := ctx.Page().URL().EscapedFragment()
	if !IsShareFragment(frag) || frag == p.lastFrag {
		return
	}
	p.lastFrag = frag
	s, err := DecodeShare(frag)
	if err != nil {
		p.notice = shareProblem(err)
		return
	}
	p.notice = problem{}
	if s.NoText {
		if s.SourceURL != "" {
			p.pending = &s
			ctx.NewActionWithValue(actionImport, s.SourceURL)
		}
		return
	}
	if p.art.Status == statusReady && p.art.Text == s.Text && p.art.Doc != nil {
		// Back or Forward through the view's history: same article.
		p.restoreView(ctx, s.Actor, s.Statement, s.Edits)
		return
	}
	p.setText(s.Text)
	ctx.NewActionWithValue(actionAnalyze, analyzeRequest{
		Text:      s.Text,
		Source:    sourceFromURL(s.SourceURL),
		Actor:     s.Actor,
		Statement: s.Statement,
		Edits:     s.Edits,
		FromLink:  true,
	})
}

// OnAppInstallChange shows the install button when the browser offers it.
func (p *explorerPage) OnAppInstallChange(ctx app.Context) {
	p.install = ctx.IsAppInstallable()
}

// showInstall shows the browser's install prompt. A prompt can be shown
// once: the button goes until the browser offers installation again.
func (p *explorerPage) showInstall(ctx app.Context) {
	ctx.ShowAppInstallPrompt()
	p.install = false
}

// OnAppUpdate shows the "update available — reload" banner: go-app calls
// it when the service worker has installed a new version.
func (p *explorerPage) OnAppUpdate(ctx app.Context) {
	p.update = true
}

// onArticle reacts to a new analysis state: it applies the corrections of
// a share link, restores its selection, resets the view for a new article
// and scrolls.
func (p *explorerPage) onArticle(ctx app.Context) {
	if p.art.Seq == p.seenSeq || p.art.Status == statusAnalysing {
		return
	}
	p.seenSeq = p.art.Seq
	markPerformance("explorer-state") // the page got the analysis
	p.setTextIfNew(p.art.Text)
	p.selected, p.statement = "", ""
	p.link, p.exportMsg, p.exportErr, p.longLink = "", "", false, false
	p.edits, p.addSpan, p.addText, p.backToSt = nil, analysis.Span{}, "", false
	p.view, p.scroll, p.stmtsSeen = "article", nil, false
	if p.art.Status != statusReady {
		p.reapply()
		return
	}
	p.editing, p.shown = false, true
	if pend := p.pending; pend != nil && p.art.Source.URL != "" {
		p.pending = nil
		p.art.FromLink, p.art.Actor, p.art.Statement, p.art.Edits = true, pend.Actor, pend.Statement, pend.Edits
	}
	if !p.art.FromLink {
		p.notice = problem{}
		p.reapply()
		p.syncPending = true // once the article is drawn (afterDrawn)
		return
	}
	p.restoreView(ctx, p.art.Actor, p.art.Statement, p.art.Edits)
}

// restoreView applies a link's corrections and selection to the current
// analysis, reporting what no longer fits.
func (p *explorerPage) restoreView(ctx app.Context, actor, statement string, edits []Edit) {
	p.edits = edits
	p.reapply()
	p.selected, p.statement = "", ""
	d := p.doc()
	st := statementOf(d, statement)
	act := actorOf(d, actor)
	var missing []string
	if actor != "" && act == nil {
		missing = append(missing, actor)
	}
	if statement != "" && st == nil {
		missing = append(missing, statement)
	}
	p.notice = problem{}
	if len(missing) > 0 {
		p.notice = problem{Key: "share.missing", Args: []string{strings.Join(missing, ", ")}}
	}
	if act != nil {
		p.selected = act.ID
	}
	if st != nil {
		p.statement = st.ID
		if act == nil && st.Actor >= 0 && st.Actor < len(d.Actors) {
			p.selected = d.Actors[st.Actor].ID
		}
		id := st.ID
		p.later(ctx, func(ctx app.Context) { p.showStatement(ctx, id) })
	} else if p.selected != "" {
		id := p.selected
		p.later(ctx, func(app.Context) { p.scrollToActor(id) })
	}
	if frag := ctx.Page().URL().EscapedFragment(); IsShareFragment(frag) {
		p.lastFrag = frag
	}
}

// afterDrawn runs when the article is drawn to its end: in the browser's
// idle time, the address bar takes the new view (a link of a long article
// takes a while to compress, and the browser lays the page out for it) and
// then the statements list is built, hidden, so that printing shows it.
func (p *explorerPage) afterDrawn(ctx app.Context) {
	seq := p.art.Seq
	if p.drawnSeq == seq {
		return
	}
	p.drawnSeq = seq
	p.idle(func(ctx app.Context) {
		if p.art.Seq != seq {
			return
		}
		if p.syncPending {
			p.syncPending = false
			p.syncURL(ctx, false)
		}
		p.idle(func(ctx app.Context) {
			if p.art.Seq == seq {
				p.stmtsSeen = true // for print
			}
		})
	})
}

// idle runs fn on the UI goroutine, for the page, when the browser is idle.
func (p *explorerPage) idle(fn func(app.Context)) {
	if ctx := p.pageCtx; ctx != nil {
		components.WhenIdle(func() { ctx.Dispatch(fn) })
	}
}

// reapply applies the corrections to the current analysis.
func (p *explorerPage) reapply() {
	p.corr = ApplyEdits(p.art.Doc, p.edits)
	if p.corr.Doc != nil && p.art.Doc != nil {
		p.corr.Doc.ID = p.art.Doc.ID
	}
	p.corrRev++
}

// doc returns the analysis as corrected by the reader.
func (p *explorerPage) doc() *analysis.Document {
	if p.corr.Doc == nil {
		return p.art.Doc
	}
	return p.corr.Doc
}

// syncURL puts the view (text, selection, corrections) in the address bar:
// replaced for corrections, pushed for selections, so that Back steps
// through them and a reload restores the view.
func (p *explorerPage) syncURL(ctx app.Context, push bool) {
	if p.art.Status != statusReady || p.art.Doc == nil {
		return
	}
	frag, err := EncodeShare(Share{Text: p.art.Text, SourceURL: p.art.Source.URL, Actor: p.selected, Statement: p.statement, Edits: p.edits})
	if err != nil || frag == p.lastFrag {
		return
	}
	p.lastFrag = frag
	if push {
		pushFragment(ctx, frag)
	} else {
		replaceFragment(ctx, frag)
	}
}

// later runs fn after the next render. It goes through the page's context:
// go-app drops a deferred function whose source element was removed by
// that render (a button that closes itself).
func (p *explorerPage) later(ctx app.Context, fn func(app.Context)) {
	if p.pageCtx != nil {
		ctx = p.pageCtx
	}
	ctx.Defer(fn)
}

// setText puts a new text in the input panel.
func (p *explorerPage) setText(t string) {
	p.text = t
	p.textRev++
}

func (p *explorerPage) setTextIfNew(t string) {
	if t != p.text {
		p.setText(t)
	}
}

// Render composes the page.
func (p *explorerPage) Render() app.UI {
	l := p.lang
	if l == "" {
		l = components.English
	}
	d := p.art.Doc
	ready := p.art.Status == statusReady && d != nil
	busy := p.art.Status == statusAnalysing
	// The start layout (a centred input with a welcome) is for a page that
	// has shown no analysis yet: a new analysis keeps the layout, so that
	// the text field is not laid out again at another width meanwhile.
	start := !ready && !(busy && p.shown)

	var problemText string
	kind := components.NoticeError
	switch {
	case p.art.Status == statusFailed:
		problemText = p.art.Problem.text(l)
	case p.imp.Problem.Key != "":
		problemText = p.imp.Problem.text(l)
	case p.notice.Key != "":
		problemText = l.T(p.notice.Key, p.notice.args()...)
		if p.notice.Key == "share.missing" {
			kind = components.NoticeInfo
		}
	case ready && d.Language == analysis.Unsupported:
		problemText = l.T("err.unsupported")
		kind = components.NoticeInfo
	}

	var workspace app.UI
	if ready {
		workspace = p.renderWorkspace(l)
	}

	return app.Div().ID("explorer").Class("page").DataSet("status", statusName(p.art.Status)).Body(
		components.NewTopBar().
			Lang(l).
			Offline(p.offline).
			UpdateAvailable(p.update).
			Installable(p.install).
			OnInstall(p.showInstall).
			OnLang(p.setLang).
			OnReload(func(ctx app.Context) { ctx.Reload() }),
		app.Main().ID("main").Class(mainClass(start)...).Body(
			components.NewNotice().ID("notice").Type(kind).Text(problemText),
			components.NewInputPanel().
				Text(p.text, p.textRev).
				Lang(l).
				MaxChars(MaxChars).
				Busy(busy).
				Import(p.importable, p.imp.Busy).
				Collapsed(ready && !p.editing).
				Intro(start).
				OnAnalyze(p.analyzeText).
				OnExample(p.loadExample).
				OnImport(p.importURL).
				OnExpand(p.expand),
			app.If(busy,
				app.Div().ID("busy").Class("busy").Attr("role", "status").Body(
					app.Span().Class("spinner", "spinner-large").Aria("hidden", true),
					app.Text(l.T("input.busy")),
				),
			),
			workspace,
		),
	)
}

// mainClass is the class of the main element: "is-start" centres the
// input before the first analysis.
func mainClass(start bool) []string {
	if start {
		return []string{"main", "is-start"}
	}
	return []string{"main"}
}

// statusName names a status for the data-status attribute (read by tests).
func statusName(s status) string {
	switch s {
	case statusAnalysing:
		return "analysing"
	case statusReady:
		return "ready"
	case statusFailed:
		return "failed"
	}
	return "idle"
}

func (p *explorerPage) analyzeText(ctx app.Context, text string) {
	markPerformance("explorer-click")
	p.text = text
	p.startAnalysis(ctx, text)
}

func (p *explorerPage) loadExample(ctx app.Context) {
	markPerformance("explorer-click")
	p.setText(seedText)
	p.startAnalysis(ctx, seedText)
}

// startAnalysis clears the messages and asks for the analysis of text. The
// import state is only reset when it shows something: a state change
// renders the page once more before the analysis.
func (p *explorerPage) startAnalysis(ctx app.Context, text string) {
	p.notice = problem{}
	if p.imp.Busy || p.imp.Problem.Key != "" {
		ctx.SetState(stateImport, importStatus{})
	}
	ctx.NewActionWithValue(actionAnalyze, analyzeRequest{Text: text})
}

func (p *explorerPage) importURL(ctx app.Context, u string) {
	p.notice = problem{}
	if !online() {
		p.imp = importStatus{Problem: problem{Key: "input.url.offline"}}
		return
	}
	ctx.NewActionWithValue(actionImport, u)
}

func (p *explorerPage) expand(ctx app.Context, v bool) {
	p.editing = v
	if v {
		p.later(ctx, func(app.Context) {
			if el := app.Window().GetElementByID("article-input"); el.Truthy() {
				el.Call("focus")
			}
		})
	}
}

func (p *explorerPage) setLang(ctx app.Context, l components.Lang) {
	p.lang = l
	ctx.LocalStorage().Set(langKey, string(l))
	p.applyLang(ctx)
}

func (p *explorerPage) applyLang(ctx app.Context) {
	setDocumentLang(string(p.lang))
	ctx.Page().SetTitle(p.lang.T("app.name") + " — " + p.lang.T("app.tagline"))
}

// toggleActor selects an actor (highlighting only its mentions and
// statements, scrolling to the first), or clears the selection when it is
// the selected one.
func (p *explorerPage) toggleActor(ctx app.Context, id string) {
	// The sidebar draws an open actor as a component and closed ones as
	// HTML: the clicked button is replaced, so the focus goes to the new one.
	p.later(ctx, func(app.Context) { focusIfLost("actor-" + id) })
	if p.selected == id {
		p.selected, p.statement = "", ""
		p.syncURL(ctx, true)
		return
	}
	p.selected, p.statement = id, ""
	p.syncURL(ctx, true)
	if p.view == "actors" {
		return // on a phone the actor opens in the list; the article is a tab away
	}
	p.later(ctx, func(app.Context) { p.scrollToActor(id) })
}

// escape steps back one level: the text being added, then the statement,
// then the actor. The focus stays where it is.
func (p *explorerPage) escape(ctx app.Context) {
	switch {
	case p.addText != "":
		p.addSpan, p.addText = analysis.Span{}, ""
	case p.statement != "":
		p.statement = ""
		p.syncURL(ctx, true)
	case p.selected != "":
		id := p.selected
		p.selected = ""
		p.syncURL(ctx, true)
		// Closing the actor removes its statements from the sidebar: if the
		// focus was there, it goes to the actor's button.
		p.later(ctx, func(app.Context) { focusIfLost("actor-" + id) })
	}
}

// selectStatement selects a statement (and its speaker), scrolls to it and
// flashes it.
func (p *explorerPage) selectStatement(ctx app.Context, id string) {
	d := p.doc()
	st := statementOf(d, id)
	if st == nil {
		return
	}
	p.statement = id
	if st.Actor >= 0 && st.Actor < len(d.Actors) {
		p.selected = d.Actors[st.Actor].ID
	}
	p.syncURL(ctx, true)
	if p.view != "article" {
		p.switchView(ctx, "article")
	}
	p.later(ctx, func(ctx app.Context) { p.showStatement(ctx, id) })
}

// showStatement scrolls to a statement and flashes it.
func (p *explorerPage) showStatement(ctx app.Context, id string) {
	scrollToFirst("#article "+attrSelector("data-stmt", id), "center")
	components.FlashStatement(id)
}

// scrollToActor scrolls to the actor's first mention or statement.
func (p *explorerPage) scrollToActor(id string) {
	scrollToFirst("#article "+attrSelector("data-actor", id)+", #article "+attrSelector("data-speaker", id), "center")
}

// copyLink puts the whole view into a share link, shows it, puts it in the
// address bar and copies it. A link longer than chat apps keep gets a
// warning, and for an imported article the offer of a link without text.
func (p *explorerPage) copyLink(ctx app.Context) {
	p.shareLink(ctx, false)
}

func (p *explorerPage) shareLink(ctx app.Context, noText bool) {
	frag, err := EncodeShare(Share{Text: p.art.Text, SourceURL: p.art.Source.URL, Actor: p.selected, Statement: p.statement, Edits: p.edits, NoText: noText})
	if err != nil {
		p.link, p.exportMsg, p.exportErr = "", p.lang.T("share.err.encode"), true
		return
	}
	link := linkFor(ctx, frag)
	if !noText {
		p.lastFrag = frag
		replaceFragment(ctx, frag)
	}
	p.link = link
	p.longLink = len(link) > maxLinkChars && !noText
	copyToClipboard(ctx, link, func(ctx app.Context, ok bool) {
		if ok {
			p.exportMsg, p.exportErr = p.lang.T("export.copied"), false
		} else {
			p.exportMsg, p.exportErr = p.lang.T("export.manual"), true
		}
		if p.longLink {
			p.exportMsg, p.exportErr = p.exportMsg+" "+p.lang.T("share.long", p.lang.Number(len(link))), true
		}
	})
}

// maxLinkChars is about how long a link mail and chat apps keep whole.
const maxLinkChars = 2000

func (p *explorerPage) copyText(ctx app.Context) {
	copyToClipboard(ctx, exportText(p.doc(), p.lang), func(ctx app.Context, ok bool) {
		if ok {
			p.exportMsg, p.exportErr = p.lang.T("export.textdone"), false
		} else {
			p.exportMsg, p.exportErr = p.lang.T("export.textfail"), true
		}
	})
}

func (p *explorerPage) downloadJSON(ctx app.Context) {
	b, err := exportJSON(p.doc(), p.edits, p.corr)
	if err != nil {
		p.exportMsg, p.exportErr = err.Error(), true
		return
	}
	download(exportName(p.art.Source, p.doc())+".json", "application/json", b)
}

func (p *explorerPage) downloadCSV(ctx app.Context) {
	download(exportName(p.art.Source, p.doc())+".csv", "text/csv;charset=utf-8", exportCSV(p.doc(), p.corr.EditedStmts))
}

// statementOf returns the statement with the given id, or nil.
func statementOf(d *analysis.Document, id string) *analysis.Statement {
	if d == nil || id == "" {
		return nil
	}
	for i := range d.Statements {
		if d.Statements[i].ID == id {
			return &d.Statements[i]
		}
	}
	return nil
}

// actorOf returns the actor with the given id, or nil.
func actorOf(d *analysis.Document, id string) *analysis.Actor {
	if d == nil || id == "" {
		return nil
	}
	for i := range d.Actors {
		if d.Actors[i].ID == id {
			return &d.Actors[i]
		}
	}
	return nil
}

// sourceFromURL is the source of a share link: only its URL and host.
func sourceFromURL(raw string) Source {
	if raw == "" {
		return Source{}
	}
	// A link's u= is shown as its host in punycode, bidi controls
	// stripped, so that a look-alike name reads as what it is.
	return Source{URL: raw, Site: components.DisplayHost(raw)}
}

// shareProblem turns a DecodeShare error into a message.
func shareProblem(err error) problem {
	switch {
	case errors.Is(err, ErrShareTooLong):
		return problem{Key: "share.err.toolong"}
	case errors.Is(err, ErrShareTruncated):
		return problem{Key: "share.err.truncated"}
	case errors.Is(err, ErrShareTooLarge):
		return problem{Key: "share.err.toolarge"}
	case errors.Is(err, ErrShareFuture):
		return problem{Key: "share.err.future"}
	}
	return problem{Key: "share.err.malformed"}
}
