package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// readFixture reads testdata/name and decodes it as a page without a
// Content-Type header would be.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := DecodeHTML(raw, "")
	return page
}

func TestExtractFixtures(t *testing.T) {
	tests := []struct {
		file                            string
		title, byline, date, site, lang string
		first, last                     string   // first and last paragraph (prefixes)
		headings                        []string // intertitles, in order
		paragraphs                      int
		absent                          []string // furniture that must not be in the text
	}{
		{
			file:   "nos-style.html",
			title:  "Gemeente Zwolle sluit fietsbrug na vondst van scheuren",
			byline: "Marieke de Boer", date: "2024-03-05T14:32:00+01:00", site: "NOS", lang: "nl",
			first:      "De gemeente Zwolle heeft de fietsbrug",
			last:       "De gemeente verwacht over zes weken",
			headings:   []string{"Onderzoek naar oorzaak"},
			paragraphs: 7,
			absent: []string{"Naar de inhoud", "Nieuws", "Door Marieke", "Foto: ANP", "Advertentie",
				"Lees ook", "Honderden bruggen", "Deel op", "Kopieer link", "Meest gelezen", "Storm zorgt",
				"Meer over dit onderwerp", "Provincie trekt", "Het geld is bedoeld", "rechten voorbehouden"},
		},
		{
			file:  "blog-opengraph.html",
			title: "Why the night train is back in Europe", byline: "Tom Hughes",
			date: "2023-11-20T08:15:00Z", site: "The Rail Review", lang: "en",
			first:      "Ten years ago most of Europe's sleeper services",
			last:       "Even so, governments have started to help",
			headings:   []string{"Who is travelling"},
			paragraphs: 10,
			absent: []string{"Home", "By Tom Hughes", "Photo:", "Share on Facebook", "newsletter",
				"More stories", "Rail freight", "Tunnels opened", "November 18", "comments",
				"breakfast", "budget airlines", "All rights reserved"},
		},
		{
			file:  "nu-style.html",
			title: "Minister wil snelheid op snelwegen overdag terug naar 120 kilometer", byline: "ANP",
			date: "2024-06-12T19:45:00+02:00", site: "NU", lang: "nl",
			first:      "De minister van Infrastructuur wil",
			last:       "Het kabinet wil de nieuwe snelheden",
			headings:   []string{"Kamer verdeeld"},
			paragraphs: 8,
			absent: []string{"Voorpagina", "Gisteren", "Aangepast", "Zie ook", "Waarom we sinds 2020",
				"Bekijk de video", "Reacties", "Eindelijk", "Meest gelezen", "Onweer", "KNMI",
				"DPG Media"},
		},
		{
			file:  "broken.html",
			title: "Kermis gaat toch door", byline: "Redactie Dorpsblad",
			first:      "De kermis op het Marktplein gaat dit jaar toch door.",
			last:       "De kermis begint op vrijdag 12 juli",
			paragraphs: 5,
			absent:     []string{"Home", "Nieuws", "Dorpsblad ©"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := Extract(readFixture(t, tt.file), "")
			for _, f := range []struct{ name, got, want string }{
				{"title", a.Title, tt.title}, {"byline", a.Byline, tt.byline}, {"date", a.Date, tt.date},
				{"site", a.Site, tt.site}, {"lang", a.Lang, tt.lang},
			} {
				if f.want != "" && f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if len(a.Paragraphs) != tt.paragraphs {
				t.Errorf("%d paragraphs, want %d:\n%s", len(a.Paragraphs), tt.paragraphs, a.Text)
			}
			if len(a.Paragraphs) == 0 {
				t.Fatal("no paragraphs")
			}
			if got := a.Paragraphs[0].Text; !strings.HasPrefix(got, tt.first) {
				t.Errorf("first paragraph %q, want it to start with %q", got, tt.first)
			}
			if got := a.Paragraphs[len(a.Paragraphs)-1].Text; !strings.HasPrefix(got, tt.last) {
				t.Errorf("last paragraph %q, want it to start with %q", got, tt.last)
			}
			var headings []string
			for _, p := range a.Paragraphs {
				if p.Kind == KindHeading {
					headings = append(headings, p.Text)
				}
			}
			if strings.Join(headings, "|") != strings.Join(tt.headings, "|") {
				t.Errorf("headings %q, want %q", headings, tt.headings)
			}
			for _, s := range tt.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("text contains furniture %q", s)
				}
			}
			checkArticle(t, a)
		})
	}
}

// checkArticle checks the invariants of every Article.
func checkArticle(t testing.TB, a *Article) {
	t.Helper()
	if a.Paragraphs == nil {
		t.Error("Paragraphs is nil, want empty")
	}
	var texts []string
	for i, p := range a.Paragraphs {
		if p.Kind != KindParagraph && p.Kind != KindHeading {
			t.Errorf("paragraph %d has kind %q", i, p.Kind)
		}
		if strings.TrimSpace(p.Text) == "" || p.Text != strings.TrimSpace(p.Text) {
			t.Errorf("paragraph %d is empty or not trimmed: %q", i, p.Text)
		}
		if strings.Contains(p.Text, "\n\n") || strings.ContainsAny(p.Text, "\x00\t\r") {
			t.Errorf("paragraph %d has stray white space: %q", i, p.Text)
		}
		texts = append(texts, p.Text)
	}
	if a.Text != strings.Join(texts, "\n\n") {
		t.Error("Text is not the paragraphs joined by blank lines")
	}
	if a.Date != "" {
		_, err1 := time.Parse(time.RFC3339, a.Date)
		_, err2 := time.Parse(time.DateOnly, a.Date)
		if err1 != nil && err2 != nil {
			t.Errorf("date %q is neither RFC 3339 nor YYYY-MM-DD", a.Date)
		}
	}
	for _, s := range []string{a.Title, a.Byline, a.Date, a.Site, a.Lang, a.Text} {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 in %q", s)
		}
	}
}

// TestExtractCharsets reads the same article in four encodings and labels.
func TestExtractCharsets(t *testing.T) {
	const want = "De eigenaar van café ’t Hoekje in Utrecht heeft de sleutels na veertig jaar overgedragen aan zijn dochter. „Het voelt als één grote reünie”, zegt hij."
	for _, file := range []string{"windows-1252.html", "iso-8859-1-label.html", "wrong-label-utf8.html", "unlabelled-1252.html"} {
		t.Run(file, func(t *testing.T) {
			a := Extract(readFixture(t, file), "")
			if a.Title != "Café ’t Hoekje krijgt nieuwe eigenaar" {
				t.Errorf("title %q", a.Title)
			}
			if len(a.Paragraphs) != 3 || a.Paragraphs[0].Text != want {
				t.Fatalf("paragraphs %q", a.Paragraphs)
			}
			if !strings.Contains(a.Text, "€ 2,20") || !strings.Contains(a.Text, "geïnterviewd") {
				t.Errorf("text lost characters: %q", a.Text)
			}
		})
	}
}

func TestExtractEmpty(t *testing.T) {
	for _, page := range []string{"", "<html></html>", "just some text", "<script>var a = 1;</script>", "\x00\xff\xfe"} {
		a := Extract([]byte(page), "https://example.org/x")
		checkArticle(t, a)
		if a.URL != "https://example.org/x" || a.FinalURL != a.URL {
			t.Errorf("%q: URL %q, FinalURL %q", page, a.URL, a.FinalURL)
		}
	}
	if a := Extract(nil, "https://www.example.org/x"); a.Site != "example.org" {
		t.Errorf("site %q, want the host name", a.Site)
	}
}

func TestMetadataSources(t *testing.T) {
	tests := []struct {
		name, head, body          string
		title, byline, date, lang string
	}{
		{
			name:  "json-ld array author and @graph",
			head:  `<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"headline":"Kop","author":[{"name":"A. de Vries"},{"name":"B. Jansen"}],"datePublished":"2024-01-02"}]</script>`,
			title: "Kop", byline: "A. de Vries, B. Jansen", date: "2024-01-02",
		},
		{
			name:  "json-ld with raw line breaks in a string",
			head:  "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Twee\nregels\",\"author\":\"Redactie\"}</script>",
			title: "Twee regels", byline: "Redactie",
		},
		{
			name:  "meta tags, author URL ignored",
			head:  `<meta property="article:author" content="https://www.facebook.com/someone"><meta name="author" content="Piet Pieters"><meta property="og:title" content="Titel | Krant"><meta property="og:site_name" content="Krant"><meta name="pubdate" content="2023-05-06T07:08:09Z"><meta property="og:locale" content="nl_BE">`,
			title: "Titel", byline: "Piet Pieters", date: "2023-05-06T07:08:09Z", lang: "nl",
		},
		{
			name:  "microdata and time",
			body:  `<article><h1 itemprop="headline">Micro</h1><span itemprop="author" itemscope><span itemprop="name">Karel Appel</span></span><time datetime="2022-02-24T05:00:00+01:00">24 februari</time></article>`,
			title: "Micro", byline: "Karel Appel", date: "2022-02-24T05:00:00+01:00",
		},
		{
			name: "byline prefix", head: `<meta name="author" content="Door Jan Klaassen">`, byline: "Jan Klaassen",
		},
		{
			name: "html lang", head: `<meta http-equiv="content-language" content="de">`, body: ``, lang: "de",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "</head><body>" + tt.body + "</body></html>"
			a := Extract([]byte(page), "")
			for _, f := range []struct{ name, got, want string }{
				{"title", a.Title, tt.title}, {"byline", a.Byline, tt.byline},
				{"date", a.Date, tt.date}, {"lang", a.Lang, tt.lang},
			} {
				if f.want != "" && f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
		})
	}
}

func TestIsFurniture(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Advertisement", true},
		{"Lees ook:", true},
		{"Zie ook: Waarom we sinds 2020 overdag 100 rijden", true},
		{"Deel dit artikel", true},
		{"Foto: ANP", true},
		{"The plague wiped out half of Europe (Image: GETTY)", true},
		{"Sign up for our newsletter and get the news in your inbox.", true},
		{"Meld je aan voor de nieuwsbrief", true},
		{"© 2024 DPG Media", true},
		{"https://example.org/foto.jpg 1200 676", true},
		{"narrow-browser-and-phone", true},
		{"Het kabinet wil de belasting op arbeid verlagen, zei de minister.", false},
		{"Onderzoek naar oorzaak", false},
		{"Readers of the newsletter disagreed with the mayor about the plan.", false},
		{"Wat zei de burgemeester (foto: rechts) precies? Dat bleef onduidelijk.", false},
	}
	for _, tt := range tests {
		if got := isFurniture(tt.text); got != tt.want {
			t.Errorf("isFurniture(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	edge := []struct {
		text string
		want bool
	}{
		{"Tuesday November 19, 2019", true},
		{"5 maart 2024, 14:32", true},
		{"Updated at 1:23 p.m.", true},
		{"By Tess Bonn - 11/19/19 06:56 AM EST", true},
		{"Door Marieke de Boer", true},
		{"Gisteren 19:45 Aangepast gisteren 20:13", true},
		{"By the end of the year, prices had doubled.", false},
		{"Twee doden bij ongeluk op de A12", false},
	}
	for _, tt := range edge {
		if got := isEdgeFurniture(tt.text); got != tt.want {
			t.Errorf("isEdgeFurniture(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestClassHint(t *testing.T) {
	tests := []struct {
		class string
		want  int8
	}{
		{"share-buttons", -1}, {"article__share", -1}, {"related-articles", -1}, {"ad-slot", -1},
		{"wp-caption-text", -1}, {"comments-area", -1}, {"visually-hidden", -1},
		{"header", 0}, {"lead", 0}, {"shadow", 0}, {"readable", 0},
		{"article-body", 1}, {"entry-content", 1}, {"story", 1},
		{"social-media-embed", 0}, {"twitter-tweet", 0},
		{"hidden", -1}, {"is-hidden", -1}, {"hidden-label", -1}, {"hidden-xs", 0}, {"col-md-8 hidden-sm", 0},
	}
	for _, tt := range tests {
		if got := wordsHint(tt.class); got != tt.want {
			t.Errorf("wordsHint(%q) = %d, want %d", tt.class, got, tt.want)
		}
	}
}

func TestNormalizeSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \t b\n\nc  ", "a b c"},
		{"no\u00a0break\u00a0space", "no break space"},
		{"soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalizeSpace(tt.in); got != tt.want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	got := splitBlock("one\x00two\x00 \x00three  four")
	if len(got) != 2 || got[0] != "one\ntwo" || got[1] != "three four" {
		t.Errorf("splitBlock = %q", got)
	}
}

// TestExtractJSONLDBody: a page whose script renders the article still has
// it in its JSON-LD.
func TestExtractJSONLDBody(t *testing.T) {
	for _, body := range []string{
		`Eerste alinea van het artikel, dat in het JSON-LD staat.\nTweede alinea, met &quot;aanhalingstekens&quot; erin.`,
		`<p>Eerste alinea van het artikel, dat in het JSON-LD staat.</p><p>Tweede alinea, met \"aanhalingstekens\" erin.</p>`,
	} {
		page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Kop",` +
			`"articleBody":"` + body + `"}</script></head><body><div id="app"><nav><a href="/">Home</a></nav></div>` +
			`<script src="/app.js"></script></body></html>`
		a := Extract([]byte(page), "")
		checkArticle(t, a)
		want := "Eerste alinea van het artikel, dat in het JSON-LD staat.\n\nTweede alinea, met \"aanhalingstekens\" erin."
		if a.Text != want {
			t.Errorf("text %q, want %q", a.Text, want)
		}
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-05T14:32:00+01:00", "2024-03-05T14:32:00+01:00"},
		{"2019-11-19T04:58:46.123Z", "2019-11-19T04:58:46Z"},
		{"2019-11-19", "2019-11-19"},
		{"Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00Z"},
		{"November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00"},
		{"Tue Nov 19 2019 03:05:46 GMT+0100", "2019-11-19T03:05:46+01:00"},
		{"5 maart 2024", "2024-03-05"},
		{"gisteren", ""},
		{"2024-13-45", ""},
		{"2024-03-05T14:3\xe2", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalizeDate(tt.in); got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := pickDate("0001-01-01T00:00:00Z", "vandaag", "2024-01-02"); got != "2024-01-02" {
		t.Errorf("pickDate = %q", got)
	}
	if got := pickDate("vandaag", "0001-01-01", "9999-01-01T00:00:00Z"); got != "" {
		t.Errorf("pickDate without a plausible date = %q, want \"\"", got)
	}
}
