// Package components holds the explorer's views: go-app components that
// take analysis types and callbacks and keep no state of their own beyond
// UI toggles (a filter text, the text being typed). Each component is an
// unexported type with a NewX constructor and chained setters that write
// its I-prefixed fields.
//
// Article text is sliced from Document.Text at span boundaries in Go and
// escaped there (highlight.go): the article, the lists of closed actors and
// the statement rows are handed to go-app as raw HTML, a few JavaScript
// calls per part instead of a node per text run. The article is drawn in
// parts: the first screens at once, the rest in steps after each paint
// (article-view.go), and the browser lays out only the parts near the
// screen (content-visibility in web/app.css). Selection, hover, the
// mentions' labels and flash are CSS rules and classes changed by small
// JavaScript calls (live.go), not re-renders.
//
// Files:
//   - article-view.go: articleView, the article with mentions and statements marked
//   - actor-sidebar.go: actorSidebar, the actors grouped, filtered and ranked
//   - actor-item.go: actorItem, one actor and (when open) its statements
//   - statement-item.go: statementItem, one statement with badge and cue
//   - statements-view.go: statementsView, every statement, filtered and grouped,
//     with the statement corrections
//   - edit-bar.go: editBar, corrections count, Undo and "add a statement"
//   - highlight.go: the article's paragraphs as escaped HTML, speaker colours
//   - live.go: selection and hover lighting and the mentions' labels as
//     constructed style sheets
//   - browser.go: Mark, AfterFrame and WhenIdle (performance marks, work
//     after a paint or in idle time)
//   - select.go: drop-down lists drawn as escaped HTML
//   - host.go: DisplayHost, a source's host in punycode without bidi controls
//   - input-panel.go: inputPanel, the text area, Example and URL import
//   - export-bar.go: exportBar, copy link, copy as text, JSON and CSV
//   - top-bar.go: topBar, name, language toggle, offline and update notices
//   - notice.go: notice, an error or information message
//   - segments.go: cutting paragraphs into runs covered by the same marks
//   - actors.go: grouping, ranking and labels of actors and statements
//   - palette.go: the speaker palette (Paul Tol's muted scheme) and its names
//   - i18n.go: Lang and the Dutch and English messages
package components
