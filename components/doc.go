// Package components holds the explorer's views: go-app components that
// take analysis types and callbacks and keep no state of their own beyond
// UI toggles (a filter text, the text being typed). Each component is an
// unexported type with a NewX constructor and chained setters that write
// its I-prefixed fields.
//
// Article text is always drawn as text nodes, sliced from Document.Text at
// span boundaries in Go; byte offsets never reach JavaScript.
//
// Files:
//   - article-view.go: articleView, the article with mentions and statements marked
//   - actor-sidebar.go: actorSidebar, the actors grouped, filtered and ranked
//   - actor-item.go: actorItem, one actor and (when open) its statements
//   - statement-item.go: statementItem, one statement with badge and cue
//   - input-panel.go: inputPanel, the text area, Example and URL import
//   - export-bar.go: exportBar, copy link, copy as text, JSON and CSV
//   - top-bar.go: topBar, name, language toggle, offline and update notices
//   - notice.go: notice, an error or information message
//   - segments.go: cutting paragraphs into runs covered by the same marks
//   - actors.go: grouping, ranking and labels of actors and statements
//   - palette.go: the actor colour classes
//   - i18n.go: Lang and the Dutch and English messages
package components
