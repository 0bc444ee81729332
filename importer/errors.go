package importer

import "net/http"

// Error codes: the "code" of the API's error answers, with their HTTP
// status.
const (
	CodeBadURL      = "bad_url"      // 400: not a valid http(s) URL, or a port not allowed
	CodeForbidden   = "forbidden"    // 403: the address is not on the public internet
	CodeTooLarge    = "too_large"    // 413: the page is larger than the cap
	CodeNotHTML     = "not_html"     // 415: the page is not text/html or application/xhtml+xml
	CodeRateLimited = "rate_limited" // 429: this client asked too often
	CodeBusy        = "busy"         // 429: too many imports are running
	CodeUpstream    = "upstream"     // 502: the site failed, answered an error or redirected too often
	CodeTimeout     = "timeout"      // 504: the site was too slow
	CodeMethod      = "method"       // 405: not GET or HEAD
)

// codeStatus maps error codes to HTTP statuses.
var codeStatus = map[string]int{
	CodeBadURL:      http.StatusBadRequest,
	CodeForbidden:   http.StatusForbidden,
	CodeTooLarge:    http.StatusRequestEntityTooLarge,
	CodeNotHTML:     http.StatusUnsupportedMediaType,
	CodeRateLimited: http.StatusTooManyRequests,
	CodeBusy:        http.StatusTooManyRequests,
	CodeUpstream:    http.StatusBadGateway,
	CodeTimeout:     http.StatusGatewayTimeout,
	CodeMethod:      http.StatusMethodNotAllowed,
}

// Error is a failed import: a message for people, a code for programs and
// the HTTP status the API answers with.
type Error struct {
	Code    string // one of the Code constants
	Message string // what went wrong, for the user; never page content
	Err     error  // the underlying error, if any; not shown to users
}

func newError(code, msg string, err error) *Error {
	return &Error{Code: code, Message: msg, Err: err}
}

// Error returns the message, and the underlying error when there is one.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Status returns the HTTP status for the error's code (500 for an unknown
// code).
func (e *Error) Status() int {
	if s, ok := codeStatus[e.Code]; ok {
		return s
	}
	return http.StatusInternalServerError
}
