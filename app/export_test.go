package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis"
	"github.com/article-explorer/explorer/components"
)

// smallText is the article of smallDoc.
const smallText = "Overleg in Genève\n\nPoetin zei dat hij “geen oorlog” wil. Biden is tegen uitbreiding. =HYPERLINK(\"x\") zei iemand."

// smallDoc is a hand-made analysis of smallText: two actors, three
// statements (one without a speaker, whose content looks like a formula).
func smallDoc() *analysis.Document {
	t := smallText
	at := func(s string) analysis.Span {
		i := strings.Index(t, s)
		if i < 0 {
			panic(s)
		}
		return analysis.Span{Start: i, End: i + len(s)}
	}
	p2 := strings.Index(t, "Poetin")
	d := &analysis.Document{ID: "x", Text: t, Language: analysis.Dutch, Title: "Overleg in Genève"}
	d.Paragraphs = []analysis.Paragraph{{Span: at("Overleg in Genève"), Heading: true}, {Span: analysis.Span{Start: p2, End: len(t)}}}
	d.Sentences = []analysis.Sentence{
		{Span: at("Overleg in Genève")},
		{Span: at("Poetin zei dat hij “geen oorlog” wil."), Paragraph: 1},
		{Span: at("Biden is tegen uitbreiding."), Paragraph: 1},
		{Span: at("=HYPERLINK(\"x\") zei iemand."), Paragraph: 1},
	}
	d.Actors = []analysis.Actor{
		{ID: "a1", Name: "Vladimir Poetin", Type: analysis.Person, Roles: []string{"Russische president", "leider"},
			Mentions: []analysis.Mention{{Span: at("Poetin"), Kind: analysis.NameMention}, {Span: at("hij"), Kind: analysis.PronounMention}}},
		{ID: "a2", Name: "Joe Biden", Type: analysis.Person, Mentions: []analysis.Mention{{Span: at("Biden"), Kind: analysis.NameMention}}},
	}
	d.Statements = []analysis.Statement{
		{ID: "s1", Actor: 0, Type: analysis.Mixed, Source: at("Poetin"), Cue: at("zei"), Content: []analysis.Span{at("hij “geen oorlog” wil")}, Sentence: 1},
		{ID: "s2", Actor: 1, Type: analysis.Position, Source: at("Biden"), Cue: at("is tegen"), Content: []analysis.Span{at("uitbreiding")}, Sentence: 2},
		{ID: "s3", Actor: -1, Type: analysis.Indirect, Content: []analysis.Span{at("=HYPERLINK(\"x\")")}, Sentence: 3},
	}
	return d
}

func TestExportCSV(t *testing.T) {
	b := exportCSV(smallDoc(), map[string]bool{"s2": true})
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Error("CSV lacks the UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		csvHeader,
		{"s1", "Vladimir Poetin", "person", "Russische president; leider", "mixed", "zei", "hij “geen oorlog” wil", "2", "Poetin zei dat hij “geen oorlog” wil.", ""},
		{"s2", "Joe Biden", "person", "", "position", "is tegen", "uitbreiding", "3", "Biden is tegen uitbreiding.", "yes"},
		{"s3", "", "", "", "indirect", "", `'=HYPERLINK("x")`, "4", `'=HYPERLINK("x") zei iemand.`, ""},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("exportCSV rows =\n%q\nwant\n%q", rows, want)
	}
}

func TestExportText(t *testing.T) {
	got := exportText(smallDoc(), components.English)
	want := "Who said what: Overleg in Genève\n" +
		"\nVladimir Poetin, Russische president, leider (person)\n" +
		"  - [reported speech, partly quoted] “hij “geen oorlog” wil” (zei)\n" +
		"\nJoe Biden (person)\n" +
		"  - [position] “uitbreiding” (is tegen)\n" +
		"\nunknown speaker\n" +
		"  - [reported speech] “=HYPERLINK(\"x\")”\n"
	if got != want {
		t.Errorf("exportText =\n%s\nwant\n%s", got, want)
	}
}

func TestExportJSON(t *testing.T) {
	d := smallDoc()
	b, err := exportJSON(d, nil, Corrected{})
	if err != nil {
		t.Fatal(err)
	}
	contract, _ := d.MarshalJSON()
	var a, c any
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(contract, &c)
	if !reflect.DeepEqual(a, c) {
		t.Errorf("exportJSON differs from the CLI contract:\n%s\n%s", b, contract)
	}
}

// TestExportJSONEdits: with corrections the JSON gains "edits" and
// "edited" flags, and is otherwise the contract of the corrected document.
func TestExportJSONEdits(t *testing.T) {
	d := smallDoc()
	edits := []Edit{{Kind: EditRename, Actor: RefOf(d.Actors[1]), Name: "President Biden"},
		{Kind: EditDelete, Stmt: analysis.Span{Start: 0, End: 1}}}
	c := ApplyEdits(d, edits)
	b, err := exportJSON(c.Doc, edits, c)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Actors []struct {
			ID     string
			Name   string
			Edited bool
		}
		Edits []struct {
			Kind    string
			Applied bool
		}
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Edits) != 2 || got.Edits[0].Kind != EditRename || !got.Edits[0].Applied || got.Edits[1].Applied {
		t.Errorf("edits: %+v", got.Edits)
	}
	if got.Actors[1].Name != "President Biden" || !got.Actors[1].Edited || got.Actors[0].Edited {
		t.Errorf("actors: %+v", got.Actors)
	}
}

func TestExportNameAndQuotes(t *testing.T) {
	d := smallDoc()
	d.Date = "2022-02"
	if got := exportName(Source{}, d); got != "2022-02-overleg-in-gen-ve" {
		t.Errorf("exportName = %q", got)
	}
	if got := quoted("“Nee,” zei hij"); got != "““Nee,” zei hij”" {
		t.Errorf("quoted(partly quoted) = %q", got)
	}
	if got := quoted("“Nee.”"); got != "“Nee.”" {
		t.Errorf("quoted(a quote) = %q; the marks are doubled", got)
	}
}

// TestImportCause: the importer's reason is shown in the user's language.
func TestImportCause(t *testing.T) {
	_, p := parseImport(502, `{"error":"the site's host name was not found","code":"upstream"}`)
	if got := p.text(components.Dutch); got != "De website gaf geen bruikbaar antwoord. (De naam van de website werd niet gevonden.)" {
		t.Errorf("Dutch: %q", got)
	}
	_, p = parseImport(415, `{"error":"the page is application/pdf, not HTML","code":"not_html"}`)
	if got := p.text(components.English); !strings.HasSuffix(got, "(The page is application/pdf, not HTML.)") {
		t.Errorf("English: %q", got)
	}
	_, p = parseImport(413, `{"error":"the page is larger than 5242880 bytes","code":"too_large"}`)
	if got := p.text(components.Dutch); !strings.HasSuffix(got, "(De pagina is groter dan 5.242.880 bytes.)") {
		t.Errorf("Dutch with a number: %q", got)
	}
	if _, p = parseImport(502, `{"error":"something new","code":"upstream"}`); p.Detail != nil {
		t.Errorf("an unknown reason got a message: %+v", p.Detail)
	}
}

func TestWithScheme(t *testing.T) {
	for in, want := range map[string]string{
		"nos.nl/artikel/1": "https://nos.nl/artikel/1",
		" www.nu.nl ":      "https://www.nu.nl",
		"http://x.nl":      "http://x.nl",
		"//x.nl/a":         "https://x.nl/a",
		"ftp://x.nl":       "ftp://x.nl",
		"":                 "",
	} {
		if got := withScheme(in); got != want {
			t.Errorf("withScheme(%q) = %q; want %q", in, got, want)
		}
	}
}
