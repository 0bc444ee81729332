// Package components holds the explorer's views: go-app components that
// take analysis types and callbacks and keep no state of their own beyond
// UI toggles (a filter text, the text being typed). Each component is an
// unexported type with a NewX constructor and chained setters that write
// its I-prefixed fields.
//
// Article text is sliced from Document.Text at span boundaries in Go and
// escaped there (highlight.go): paragraphs and statement rows are handed to
// go-app as raw HTML, a few JavaScript calls per paragraph instead of a
// node per text run. Selection, hover and flash are CSS rules and classes
// changed by small JavaScript calls (live.go), not re-renders.
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
//   - live.go: selection and hover lighting as one constructed style sheet
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
