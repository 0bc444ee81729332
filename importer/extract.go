package importer

import (
	"bytes"
	"context"
	"io"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Paragraph kinds.
const (
	KindParagraph = "p" // body text
	KindHeading   = "h" // an intertitle inside the article
)

// Paragraph is one block of article text: a paragraph or an intertitle.
type Paragraph struct {
	Kind string `json:"kind"` // KindParagraph or KindHeading
	Text string `json:"text"` // whitespace-normalised text, never empty
}

// Article is the article found on a page: its metadata and its text, split
// into paragraphs and intertitles. Fields that the page does not give are
// empty; Paragraphs is empty (not nil) when no article text was found.
type Article struct {
	URL        string      `json:"url"`       // the URL that was asked for
	FinalURL   string      `json:"final_url"` // the URL after redirects
	Title      string      `json:"title"`
	Byline     string      `json:"byline"`
	Date       string      `json:"date"` // RFC 3339, YYYY-MM-DD when the page gives no time, "" when it gives no date that reads as one
	Site       string      `json:"site"` // the publication's name, else the host name
	Lang       string      `json:"lang"` // primary language subtag, lower case ("nl")
	Paragraphs []Paragraph `json:"paragraphs"`
	Text       string      `json:"text"` // the paragraphs' texts joined by blank lines
}

// Extract finds the article in an HTML page given as UTF-8 (see DecodeHTML
// for other character sets) and returns it. pageURL, which may be empty, is
// where the page came from; it fills Article.URL and Article.FinalURL and is
// the last resort for Article.Site.
//
// Extract never fails: a page without an article gives an Article with no
// paragraphs. It takes time and memory linear in the size of the page,
// whatever its markup: a parse budget (see limitMarkup and pruneTree) caps
// the elements and the nesting that it parses.
func Extract(page []byte, pageURL string) *Article {
	a, _ := ExtractContext(context.Background(), page, pageURL)
	return a
}

// ExtractContext is Extract that gives up when ctx is cancelled or its
// deadline passes: it then returns nil and ctx's error.
func ExtractContext(ctx context.Context, page []byte, pageURL string) (*Article, error) {
	limited, err := limitMarkup(ctx, page, maxNesting)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(&ctxReader{ctx: ctx, r: bytes.NewReader(limited)})
	if err != nil { // only a failing reader makes Parse fail
		return nil, err
	}
	pruneTree(root, maxTreeElements, maxTreeDepth)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return extractDocument(goquery.NewDocumentFromNode(root), pageURL), nil
}

// ctxReader is a reader that fails once its context is done, so that the
// HTML parser stops mid-page.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r *ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

func extractDocument(doc *goquery.Document, pageURL string) *Article {
	u, _ := url.Parse(pageURL)
	md := readMetadata(doc, u)
	a := &Article{
		URL:      pageURL,
		FinalURL: pageURL,
		Title:    md.title,
		Byline:   md.byline,
		Date:     md.date,
		Site:     md.site,
		Lang:     md.lang,
	}
	a.Paragraphs = mainText(doc.Selection.Nodes[0], md)
	if ld := bodyParagraphs(md.body); textLetters(ld) > 2*textLetters(a.Paragraphs) {
		// The page's markup hides the article (a script renders it, or
		// the detector failed) but its JSON-LD has it.
		a.Paragraphs = ld
	}
	if a.Paragraphs == nil {
		a.Paragraphs = []Paragraph{}
	}
	a.Text = joinParagraphs(a.Paragraphs)
	return a
}

func textLetters(ps []Paragraph) int {
	n := 0
	for _, p := range ps {
		n += countLetters(p.Text)
	}
	return n
}

func joinParagraphs(ps []Paragraph) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	return b.String()
}
