package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Notice kinds.
const (
	NoticeError = "error"
	NoticeInfo  = "info"
)

// notice is a message box: an error (role "alert") or information (role
// "status"). An empty text renders nothing visible.
type notice struct {
	app.Compo

	IKind string
	IText string
	IID   string
}

// NewNotice returns an empty notice.
func NewNotice() *notice { return &notice{IKind: NoticeInfo} }

// ID sets the element id.
func (n *notice) ID(id string) *notice { n.IID = id; return n }

// Type sets NoticeError or NoticeInfo.
func (n *notice) Type(k string) *notice { n.IKind = k; return n }

// Text sets the message.
func (n *notice) Text(t string) *notice { n.IText = t; return n }

// Render draws the notice.
func (n *notice) Render() app.UI {
	role := "status"
	if n.IKind == NoticeError {
		role = "alert"
	}
	if n.IText == "" {
		return app.Div().ID(n.IID).Class("notice", "is-empty").Attr("role", role)
	}
	return app.Div().ID(n.IID).Class("notice", "notice-"+n.IKind).Attr("role", role).Body(
		app.Span().Class("notice-icon").Aria("hidden", true),
		app.P().Class("notice-text").Text(n.IText),
	)
}
