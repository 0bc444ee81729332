package app

import (
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// imported is the importer's answer (GET /api/article?url=…).
type imported struct {
	URL        string `json:"url"`
	FinalURL   string `json:"final_url"`
	Title      string `json:"title"`
	Byline     string `json:"byline"`
	Date       string `json:"date"`
	Site       string `json:"site"`
	Lang       string `json:"lang"`
	Paragraphs []struct {
		Kind string `json:"kind"` // "p" or "h"
		Text string `json:"text"`
	} `json:"paragraphs"`
	Text string `json:"text"`
}

// importError is the importer's error answer.
type importError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

// maxImportAnswer caps the importer answer the client reads: 4 MiB.
const maxImportAnswer = 4 << 20

// importFetch calls the importer; tests may replace it.
var importFetch = fetchImport

// fetchImport asks the importer endpoint api for the article at pageURL,
// with the browser's fetch (net/http would add megabytes to the wasm). It
// blocks, so it must run on an action handler's goroutine.
func fetchImport(api, pageURL string) (imported, problem) {
	if api == "" || !app.IsClient {
		return imported{}, problem{Key: "input.url.offline"}
	}
	reqURL := api + "?url=" + url.QueryEscape(pageURL)
	opts := map[string]any{"credentials": "omit", "headers": map[string]any{"Accept": "application/json"}}
	if ts := app.Window().Get("AbortSignal"); ts.Truthy() && ts.Get("timeout").Truthy() {
		opts["signal"] = ts.Call("timeout", 30_000)
	}
	resp, err := await(app.Window().Call("fetch", reqURL, opts))
	if err != nil {
		return imported{}, problem{Key: "import.err.network"}
	}
	status := resp.Get("status").Int()
	body, err := await(resp.Call("text"))
	if err != nil {
		return imported{}, problem{Key: "import.err.network"}
	}
	return parseImport(status, body.String())
}

// parseImport reads the importer's answer: an article for status 200, an
// error object otherwise.
func parseImport(status int, body string) (imported, problem) {
	if len(body) > maxImportAnswer {
		return imported{}, problem{Key: "import.err.413"}
	}
	if status != 200 {
		var e importError
		json.Unmarshal([]byte(body), &e)
		switch status {
		case 400, 403, 413, 415, 429, 502, 504:
			return imported{}, problem{Key: "import.err." + strconv.Itoa(status), Detail: importCause(e.Error)}
		}
		msg := e.Error
		if msg == "" {
			msg = "HTTP " + strconv.Itoa(status)
		}
		return imported{}, problem{Key: "import.err.other", Args: []string{msg}}
	}
	var a imported
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		return imported{}, problem{Key: "import.err.other", Args: []string{"invalid JSON"}}
	}
	return a, problem{}
}

// importCauses are the importer's reasons (importer/errors.go and
// fetch.go, in English) with their message keys, so that the cause is shown
// in the user's language.
var importCauses = map[string]string{
	"the URL is not valid":                                      "cause.url",
	"no URL given":                                              "cause.url",
	"the URL is not valid text":                                 "cause.url",
	"the URL has no host":                                       "cause.url",
	"the URL's host name is not valid":                          "cause.url",
	"the URL's address is not valid":                            "cause.url",
	"the URL's port is not valid":                               "cause.url",
	"only http and https URLs can be imported":                  "cause.scheme",
	"URLs with a user name or password are not accepted":        "cause.userinfo",
	"that address is not on the public internet":                "cause.private",
	"the site took too long to answer":                          "cause.timeout",
	"the site's host name was not found":                        "cause.dns",
	"the site could not be reached":                             "cause.unreachable",
	"the request was cancelled":                                 "cause.cancelled",
	"the server is busy; try again in a moment":                 "cause.busy",
	"too many imports from your address; try again in a minute": "cause.ratelimit",
}

// importCause returns the message of an importer's reason, nil when it is
// unknown (the generic message for the status then stands alone).
func importCause(msg string) *problem {
	if k, ok := importCauses[msg]; ok {
		return &problem{Key: k}
	}
	cut := func(prefix, suffix string) (string, bool) {
		if strings.HasPrefix(msg, prefix) && strings.HasSuffix(msg, suffix) && len(msg) > len(prefix)+len(suffix) {
			return msg[len(prefix) : len(msg)-len(suffix)], true
		}
		return "", false
	}
	if v, ok := cut("the site answered ", ""); ok {
		return &problem{Key: "cause.answered", Args: []string{v}}
	}
	if v, ok := cut("the page is ", ", not HTML"); ok {
		return &problem{Key: "cause.nothtml", Args: []string{v}}
	}
	if v, ok := cut("the page is larger than ", " bytes"); ok {
		return &problem{Key: "cause.large", Args: []string{v}}
	}
	if v, ok := cut("the site redirected more than ", " times"); ok {
		return &problem{Key: "cause.redirects", Args: []string{v}}
	}
	if v, ok := cut("port ", " is not allowed"); ok {
		return &problem{Key: "cause.port", Args: []string{v}}
	}
	return nil
}

// isoDay returns the date part of an ISO 8601 date or timestamp
// ("2022-02-13T10:00:00Z" → "2022-02-13"; also "2022-02" and "2022"), or "".
func isoDay(s string) string {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	if len(s) < 4 || !digits(s[:4]) {
		return ""
	}
	n := 4
	for _, k := range []int{7, 10} {
		if len(s) >= k && s[k-3] == '-' && digits(s[k-2:k]) {
			n = k
		} else {
			break
		}
	}
	if len(s) > n && s[n] >= '0' && s[n] <= '9' {
		return "" // a longer number, not a year
	}
	return s[:n]
}

// composeImported turns an imported article into the text the engine reads:
// a "date" metadata line, the title, and the paragraphs separated by blank
// lines, intertitles on lines of their own.
func composeImported(a imported) string {
	var b strings.Builder
	if d := isoDay(strings.TrimSpace(a.Date)); d != "" {
		b.WriteString("date " + d + "\n\n")
	}
	title := oneLine(a.Title)
	var paras []string
	for _, p := range a.Paragraphs {
		if t := strings.TrimSpace(p.Text); t != "" {
			if p.Kind == "h" {
				t = oneLine(t)
			}
			paras = append(paras, t)
		}
	}
	if len(paras) == 0 {
		for _, p := range strings.Split(a.Text, "\n\n") {
			if t := strings.TrimSpace(p); t != "" {
				paras = append(paras, t)
			}
		}
	}
	if title != "" && (len(paras) == 0 || paras[0] != title) {
		b.WriteString(title + "\n\n")
	}
	b.WriteString(strings.Join(paras, "\n\n"))
	return b.String()
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// errRejected is the error of a rejected promise.
var errRejected = errors.New("promise rejected")

// await blocks until a JavaScript promise settles and returns its value, or
// errRejected. It must not run on the UI goroutine or in a JS callback.
func await(p app.Value) (app.Value, error) {
	type result struct {
		v  app.Value
		ok bool
	}
	ch := make(chan result, 1)
	var onOK, onErr app.Func
	onOK = app.FuncOf(func(this app.Value, args []app.Value) any {
		var v app.Value = app.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v, true}
		return nil
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		ch <- result{nil, false}
		return nil
	})
	p.Call("then", onOK, onErr)
	r := <-ch
	onOK.Release()
	onErr.Release()
	if !r.ok {
		return nil, errRejected
	}
	return r.v, nil
}
