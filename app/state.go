package app

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/article-explorer/explorer/analysis"
	"github.com/article-explorer/explorer/components"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// MaxChars is the longest text the explorer analyses: 200,000 characters
// (Unicode code points), about 30,000 words, far more than any news article.
const MaxChars = 200_000

// Actions and states. The global action handlers run on their own goroutine
// (registered by Register); components only observe the states.
const (
	actionAnalyze = "/article/analyze" // value: analyzeRequest
	actionImport  = "/article/import"  // value: string (the URL)
	stateArticle  = "/article"         // value: article
	stateImport   = "/import"          // value: importStatus
)

// status is where an analysis is.
type status int

const (
	statusIdle status = iota
	statusAnalysing
	statusReady
	statusFailed
)

// A Source tells where an article came from: the importer's metadata.
type Source struct {
	URL    string // the final URL of the page
	Site   string // the site's name, e.g. "NOS"
	Title  string
	Byline string
	Date   string
}

// problem is a message for the user: a message key of components.Lang.T
// and its arguments.
type problem struct {
	Key    string
	Args   []string
	Detail *problem // the cause, when known (the importer's reason)
}

// text returns the message in language l, with its cause.
func (p problem) text(l components.Lang) string {
	t := l.T(p.Key, p.numbers(l)...)
	if p.Detail != nil && p.Detail.Key != "" {
		t += " " + l.T(p.Detail.Key, p.Detail.numbers(l)...)
	}
	return t
}

// numbers returns the arguments for Lang.T with the numbers among them
// formatted in the style of l ("200.000").
func (p problem) numbers(l components.Lang) []any {
	out := p.args()
	for i, a := range p.Args {
		if n, err := strconv.Atoi(a); err == nil && n >= 1000 {
			out[i] = l.Number(n)
		}
	}
	return out
}

// args returns the arguments for Lang.T.
func (p problem) args() []any {
	out := make([]any, len(p.Args))
	for i, a := range p.Args {
		out[i] = a
	}
	return out
}

// analyzeRequest asks for an analysis of Text. Actor and Statement are the
// selection a share link restores once the analysis is ready.
type analyzeRequest struct {
	Text      string
	Source    Source
	Actor     string
	Statement string
	Edits     []Edit // the link's corrections
	FromLink  bool
}

// article is the state of the current analysis.
type article struct {
	Status    status
	Seq       int // increases with every request, so observers see new results
	Text      string
	Source    Source
	Doc       *analysis.Document
	Problem   problem
	ElapsedMS float64
	Actor     string // selection to restore (from a share link)
	Statement string
	Edits     []Edit
	FromLink  bool
}

// importStatus is the state of the URL import.
type importStatus struct {
	Busy    bool
	Problem problem
}

// analyze is the engine (with the language's model files fetched first in
// the browser, see models.go); tests may replace it.
var analyze = analyzeWithModels

// analysisSeq numbers the analysis requests; only the newest one's result
// is kept.
var analysisSeq atomic.Int64

// busyAfter is how long an analysis may be expected to take before the
// handler first lets the browser paint the "Analysing…" state: Go's wasm
// runs on the page's only thread, so a long analysis would otherwise
// freeze a blank button; a short one is over before a spinner would help,
// and painting it first would only delay the result.
const busyAfter = 250 * time.Millisecond

// analysisRate is the engine's speed measured on this device, in bytes of
// text per millisecond (0 until measured); defaultRate stands in until then,
// slow enough that a text of 20,000 bytes counts as long.
var analysisRate atomic.Int64

const defaultRate = 80

// expectedTime returns how long the analysis of n bytes should take here.
func expectedTime(n int) time.Duration {
	rate := analysisRate.Load()
	if rate <= 0 {
		rate = defaultRate
	}
	return time.Duration(int64(n)/rate) * time.Millisecond
}

// needsModels reports whether the analysis of text fetches model files
// first (the first text in a language before the idle preload has them),
// which can take a while on a slow connection.
func needsModels(text string) bool {
	if analysis.HasModels(analysis.Dutch) && analysis.HasModels(analysis.English) {
		return false
	}
	lang := analysis.DetectLanguage(text)
	return lang != analysis.Unsupported && !analysis.HasModels(lang)
}

// measureRate records the engine's speed from an analysis of n bytes that
// took d; short texts, where the fixed costs weigh most, are not measured.
func measureRate(n int, d time.Duration) {
	if ms := d.Milliseconds(); n >= 2000 && ms > 0 {
		analysisRate.Store(max(int64(n)/ms, 1))
	}
}

// handleAnalyze checks the text, runs the engine and stores the result in
// stateArticle. It runs on its own goroutine.
func handleAnalyze(ctx app.Context, a app.Action) {
	req, ok := a.Value.(analyzeRequest)
	if !ok {
		return
	}
	seq := int(analysisSeq.Add(1))
	st := article{Seq: seq, Text: req.Text, Source: req.Source, Actor: req.Actor, Statement: req.Statement, Edits: req.Edits, FromLink: req.FromLink}
	if p := checkText(req.Text); p.Key != "" {
		st.Status, st.Problem = statusFailed, p
		ctx.SetState(stateArticle, st)
		return
	}
	if expectedTime(len(req.Text)) >= busyAfter || needsModels(req.Text) {
		st.Status = statusAnalysing
		ctx.SetState(stateArticle, st)
		waitForPaint(ctx, 100*time.Millisecond)
		// go-app renders on a ticker that slows down while nothing happens;
		// a dispatch handled now sets it back to full rate, so that the
		// result is rendered right after the analysis, not a tick later.
		ctx.Dispatch(func(app.Context) {})
		runtime.Gosched()
	}
	start := time.Now()
	doc, err := analyze(req.Text)
	took := time.Since(start)
	st.ElapsedMS = float64(took.Microseconds()) / 1000
	if err == nil {
		measureRate(len(req.Text), took)
	}
	markPerformance("explorer-analysed")
	if int(analysisSeq.Load()) != seq {
		return // a newer request came in meanwhile
	}
	if err != nil {
		st.Status, st.Problem = statusFailed, analysisProblem(err)
	} else {
		st.Status, st.Doc = statusReady, doc
		st.Doc.ID = documentID(req.Source, doc)
	}
	ctx.SetState(stateArticle, st)
}

// checkText returns the problem with a text before analysis, if any.
func checkText(text string) problem {
	if !utf8.ValidString(text) {
		return problem{Key: "err.invalid", Args: []string{"UTF-8"}}
	}
	if strings.TrimSpace(text) == "" {
		return problem{Key: "err.empty"}
	}
	if n := utf8.RuneCountInString(text); n > MaxChars {
		return problem{Key: "err.toolong", Args: []string{strconv.Itoa(n), strconv.Itoa(MaxChars)}}
	}
	return problem{}
}

// analysisProblem turns an engine error into a message.
func analysisProblem(err error) problem {
	if errors.Is(err, analysis.ErrEmpty) {
		return problem{Key: "err.empty"}
	}
	return problem{Key: "err.invalid", Args: []string{err.Error()}}
}

// documentID names the analysis in its JSON export: the last path element
// of the source URL, or "article".
func documentID(src Source, d *analysis.Document) string {
	if src.URL != "" {
		u := strings.TrimRight(src.URL, "/")
		if i := strings.LastIndexByte(u, '/'); i >= 0 && i+1 < len(u) {
			if id := slug(u[i+1:]); id != "" {
				return id
			}
		}
	}
	if id := slug(d.Title); id != "" {
		return id
	}
	return "article"
}

// slug keeps letters and digits of s, lower-cased, joined by hyphens, and
// at most 60 bytes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return b.String()
}

// handleImport fetches an article from the importer endpoint and asks for
// its analysis. It runs on its own goroutine.
func handleImport(ctx app.Context, a app.Action) {
	raw, _ := a.Value.(string)
	raw = withScheme(raw)
	if !validSourceURL(raw) || raw == "" {
		ctx.SetState(stateImport, importStatus{Problem: problem{Key: "err.url.empty"}})
		return
	}
	if !online() {
		ctx.SetState(stateImport, importStatus{Problem: problem{Key: "input.url.offline"}})
		return
	}
	ctx.SetState(stateImport, importStatus{Busy: true})
	res, p := importFetch(importAPI(), raw)
	if p.Key != "" {
		ctx.SetState(stateImport, importStatus{Problem: p})
		return
	}
	text := composeImported(res)
	if strings.TrimSpace(text) == "" {
		ctx.SetState(stateImport, importStatus{Problem: problem{Key: "import.err.empty"}})
		return
	}
	ctx.SetState(stateImport, importStatus{})
	src := Source{URL: res.FinalURL, Site: res.Site, Title: res.Title, Byline: res.Byline, Date: res.Date}
	if src.URL == "" || !validSourceURL(src.URL) {
		src.URL = raw
	}
	ctx.NewActionWithValue(actionAnalyze, analyzeRequest{Text: text, Source: src})
}

// withScheme adds "https://" to an address typed without a scheme
// ("nos.nl/artikel/1").
func withScheme(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.HasPrefix(raw, "http://") || strings.HasPrefix(raw, "https://") {
		return raw
	}
	if i := strings.Index(raw, "://"); i >= 0 && i < 10 {
		return raw // another scheme: refused as it is
	}
	return "https://" + strings.TrimPrefix(raw, "//")
}

// warmUpDelay is how long after start the engine loads its models.
const warmUpDelay = 1500 * time.Millisecond

// warmUp loads the engine's models (on the first Analyze) while the page is
// idle, so that the user's first analysis is as fast as the next ones. It
// records the time as the performance measure "explorer-warmup". Then, when
// the page is idle again, it measures the engine's speed on the example.
func warmUp() {
	markPerformance("explorer-warmup-start")
	analyze("De minister zei dat het kabinet de steun verlengt.")
	measurePerformance("explorer-warmup", "explorer-warmup-start")
	whenIdle(0, func() {
		start := time.Now()
		if _, err := analyze(seedText); err == nil && analysisRate.Load() == 0 {
			measureRate(len(seedText), time.Since(start))
		}
	})
}

// importAPI is the URL of the importer endpoint, "" when there is none
// (a static site without a configured API).
func importAPI() string { return app.Getenv("EXPLORER_API") }
