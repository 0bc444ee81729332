package importer

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metadata is what a page says about its article outside the text itself.
type metadata struct {
	title, byline, date, site, lang string
	body                            string // JSON-LD articleBody, as given
}

var (
	selJSONLD   = cascadia.MustCompile(`script[type="application/ld+json" i]`)
	selMeta     = cascadia.MustCompile(`meta[content]`)
	selItemprop = cascadia.MustCompile(`[itemprop]`)
	selTime     = cascadia.MustCompile(`time[datetime]`)
	selH1       = cascadia.MustCompile(`h1`)
	selTitle    = cascadia.MustCompile(`title`)
	selRelAuth  = cascadia.MustCompile(`a[rel~=author]`)
	selHTML     = cascadia.MustCompile(`html[lang]`)
)

// readMetadata reads a page's metadata from, in order of trust, JSON-LD,
// OpenGraph and other <meta> tags, microdata (itemprop) and the markup.
func readMetadata(doc *goquery.Document, u *url.URL) metadata {
	var md metadata
	ld := readJSONLD(doc)
	metas := map[string]string{}
	doc.FindMatcher(selMeta).Each(func(_ int, s *goquery.Selection) {
		key, _ := s.Attr("property")
		if key == "" {
			key, _ = s.Attr("name")
		}
		if key == "" {
			key, _ = s.Attr("itemprop")
		}
		if key == "" {
			key, _ = s.Attr("http-equiv")
		}
		key = strings.ToLower(strings.TrimSpace(key))
		if key == "" {
			return
		}
		if _, seen := metas[key]; !seen {
			metas[key] = normalizeSpace(s.AttrOr("content", ""))
		}
	})
	items := map[string]string{}
	doc.FindMatcher(selItemprop).Each(func(_ int, s *goquery.Selection) {
		if goquery.NodeName(s) == "meta" {
			return
		}
		for _, key := range strings.Fields(strings.ToLower(s.AttrOr("itemprop", ""))) {
			if _, seen := items[key]; seen || (key != "headline" && key != "author" && key != "datepublished") {
				continue
			}
			v := s.AttrOr("content", "")
			if v == "" {
				v = s.AttrOr("datetime", "")
			}
			if v == "" && key == "author" {
				if n := s.Find(`[itemprop~=name]`); n.Length() > 0 {
					v = n.First().Text()
				}
			}
			if v == "" {
				v = s.Text()
			}
			if v = normalizeSpace(v); v != "" && len(v) < 300 {
				items[key] = v
			}
		}
	})

	md.site = first(metas["og:site_name"], ld.publisher, metas["application-name"])
	if md.site == "" && u != nil {
		md.site = strings.TrimPrefix(u.Hostname(), "www.")
	}
	h1 := ""
	if s := doc.FindMatcher(selH1); s.Length() > 0 {
		h1 = normalizeSpace(s.First().Text())
		if len(h1) > 200 { // an unclosed <h1> swallowed the page
			h1 = ""
		}
	}
	docTitle := ""
	if s := doc.FindMatcher(selTitle); s.Length() > 0 {
		docTitle = stripTitleSuffix(normalizeSpace(s.First().Text()))
	}
	md.title = stripSiteName(unescape(first(ld.headline, metas["og:title"], metas["twitter:title"], items["headline"], h1, docTitle)), md.site)
	md.byline = first(ld.author, notURL(metas["author"]), notURL(metas["article:author"]),
		notURL(metas["byl"]), notURL(metas["dc.creator"]), notURL(items["author"]))
	if md.byline == "" {
		if s := doc.FindMatcher(selRelAuth); s.Length() > 0 {
			md.byline = normalizeSpace(s.First().Text())
		}
	}
	md.byline = strings.TrimSpace(trimPrefixFold(md.byline, "by "))
	md.byline = unescape(strings.TrimSpace(trimPrefixFold(md.byline, "door ")))
	md.site = unescape(md.site)
	timeAttr := ""
	if s := doc.FindMatcher(selTime); s.Length() > 0 {
		timeAttr = s.First().AttrOr("datetime", "")
	}
	md.date = pickDate(ld.date, metas["article:published_time"], metas["og:published_time"],
		metas["datepublished"], metas["date"], metas["pubdate"], metas["publishdate"],
		metas["publish-date"], metas["dcterms.date"], metas["dcterms.created"], metas["dc.date"],
		metas["dc.date.issued"], metas["sailthru.date"], metas["parsely-pub-date"],
		metas["citation_publication_date"], items["datepublished"], timeAttr, ld.modified)
	lang := ""
	if s := doc.FindMatcher(selHTML); s.Length() > 0 {
		lang = s.First().AttrOr("lang", "")
	}
	md.lang = normalizeLang(first(lang, ld.lang, metas["content-language"], metas["og:locale"], metas["language"]))
	md.body = ld.body
	return md
}

// jsonLD is what readJSONLD takes from a page's JSON-LD.
type jsonLD struct {
	headline, author, date, modified, publisher, lang, body string
}

// articleTypes are the schema.org types whose JSON-LD describes an article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "blogposting": true, "socialmediaposting": true,
	"liveblogposting": true, "scholarlyarticle": true, "techarticle": true, "report": true,
}

// readJSONLD reads the first article object of the page's JSON-LD scripts,
// looking into arrays and @graph lists.
func readJSONLD(doc *goquery.Document) jsonLD {
	var out jsonLD
	doc.FindMatcher(selJSONLD).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		src := s.Text()
		var v any
		if json.Unmarshal([]byte(src), &v) != nil {
			// Pages often put raw line breaks inside JSON strings.
			src = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(src)
			if json.Unmarshal([]byte(src), &v) != nil {
				return true
			}
		}
		if obj := findArticle(v, 0); obj != nil {
			out = jsonLD{
				headline:  str(obj["headline"]),
				author:    names(obj["author"]),
				date:      first(str(obj["datePublished"]), str(obj["dateCreated"])),
				modified:  str(obj["dateModified"]),
				publisher: names(obj["publisher"]),
				lang:      str(obj["inLanguage"]),
				body:      rawString(obj["articleBody"]),
			}
			return false
		}
		return true
	})
	return out
}

func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(t["@type"]) {
			return t
		}
		if o := findArticle(t["@graph"], depth+1); o != nil {
			return o
		}
		if o := findArticle(t["mainEntity"], depth+1); o != nil {
			return o
		}
	}
	return nil
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return articleTypes[strings.ToLower(strings.TrimPrefix(t, "http://schema.org/"))]
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// str returns v as a whitespace-normalised string when it is one.
func str(v any) string {
	switch t := v.(type) {
	case string:
		return normalizeSpace(t)
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

// rawString returns v when it is a string, as it is.
func rawString(v any) string {
	s, _ := v.(string)
	return s
}

// bodyParagraphs splits a JSON-LD articleBody into paragraphs at its line
// breaks, or at the block elements of the HTML some sites put in it.
func bodyParagraphs(body string) []Paragraph {
	if strings.Contains(body, "<") {
		var b strings.Builder
		z := html.NewTokenizer(strings.NewReader(body))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			switch tt {
			case html.TextToken:
				b.Write(z.Text())
			case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
				name, _ := z.TagName()
				if a := atom.Lookup(name); isBlock(a) || a == atom.Br {
					b.WriteByte('\n')
				}
			}
		}
		body = b.String()
	} else {
		body = html.UnescapeString(body)
	}
	var out []Paragraph
	for _, line := range strings.Split(body, "\n") {
		if t := normalizeSpace(line); t != "" {
			out = append(out, Paragraph{Kind: KindParagraph, Text: t})
		}
	}
	return out
}

// names returns the names in a JSON-LD person or organisation value (a
// string, an object with a name, or a list of either), joined by ", ".
func names(v any) string {
	var out []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch t := v.(type) {
		case string:
			if s := notURL(normalizeSpace(t)); s != "" {
				out = append(out, s)
			}
		case map[string]any:
			walk(t["name"], depth+1)
		case []any:
			for _, e := range t {
				walk(e, depth+1)
			}
		}
	}
	walk(v, 0)
	seen := map[string]bool{}
	uniq := out[:0]
	for _, s := range out {
		if !seen[s] {
			seen[s] = true
			uniq = append(uniq, s)
		}
	}
	return strings.Join(uniq, ", ")
}

func first(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//") {
		return ""
	}
	return s
}

func trimPrefixFold(s, prefix string) string {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):]
	}
	return s
}

// stripSiteName removes a trailing or leading " | Site" or " - Site" from a
// title.
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && t != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && t != "" {
			return strings.TrimSpace(t)
		}
	}
	return title
}

// stripTitleSuffix removes a short last part after " | " or " - " from a
// <title>: the site's name, in most cases.
func stripTitleSuffix(title string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			if rest := title[i+len(sep):]; len(rest) <= 30 && len(strings.Fields(rest)) <= 4 {
				return strings.TrimSpace(title[:i])
			}
		}
	}
	return title
}

// unescape decodes the character references left in a text that a page
// escaped twice ("&amp;#8211;" in an attribute).
func unescape(s string) string {
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		return html.UnescapeString(s)
	}
	return s
}

// pickDate returns the first of the dates that reads as a plausible
// publication date (not before 1990, not more than a year ahead), as RFC
// 3339 or YYYY-MM-DD, else "": a date it cannot read is never passed on.
func pickDate(dates ...string) string {
	for _, d := range dates {
		n := normalizeDate(d)
		if n == "" {
			continue
		}
		if t, err := time.Parse(time.DateOnly, n[:10]); err == nil &&
			t.Year() >= 1990 && t.Before(time.Now().AddDate(1, 0, 0)) {
			return n
		}
	}
	return ""
}

// dateLayouts are the date formats of pages' metadata; those with a time
// of day come first, and those of the date alone have no time in them.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z0700", "2006-01-02 15:04:05",
	"2006-01-02 15:04", time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "20060102T150405Z",
	"Mon Jan 2 2006 15:04:05 GMT-0700", "January 2, 2006, 03:04 PM -0700", "January 2, 2006 3:04 PM -0700",
	"Mon 3:04 PM, Jan 2, 2006", "2 Jan 2006 15:04 -0700", "2 January 2006 15:04",
	"2006-01-02", "2006/01/02", "20060102", "January 2, 2006", "2 January 2006", "02-01-2006",
}

// dutchMonths translates Dutch month names for time.Parse, which reads
// English names in any case.
var dutchMonths = strings.NewReplacer(
	"januari", "january", "februari", "february", "maart", "march", "mei", "may", "juni", "june",
	"juli", "july", "augustus", "august", "oktober", "october",
)

// zoneOffsets are the time-zone abbreviations of news sites, as offsets;
// time.Parse gives unknown abbreviations an offset of zero.
var zoneOffsets = strings.NewReplacer(
	" GMT", " -0000", " UTC", " -0000", " EST", " -0500", " EDT", " -0400", " CST", " -0600",
	" CDT", " -0500", " MST", " -0700", " MDT", " -0600", " PST", " -0800", " PDT", " -0700",
	" BST", " +0100", " CET", " +0100", " CEST", " +0200",
)

// normalizeDate returns a date as RFC 3339, or as YYYY-MM-DD when it has no
// time of day, or "" when it cannot read it.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	zoned := strings.ToUpper(dutchMonths.Replace(strings.ToLower(s)))
	if !strings.Contains(zoned, "GMT+") && !strings.Contains(zoned, "GMT-") { // JavaScript's "GMT+0100"
		zoned = zoneOffsets.Replace(zoned)
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, zoned)
		if err != nil {
			continue
		}
		if !strings.Contains(layout, "15") && !strings.Contains(layout, "3:04") {
			return t.Format(time.DateOnly)
		}
		return t.Format(time.RFC3339)
	}
	return ""
}

// normalizeLang returns the primary subtag of a language tag ("nl-NL",
// "nl_NL" → "nl"), or "" when it does not look like one.
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_, ;"); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}
