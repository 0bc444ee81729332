package components

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis"
)

// seedDoc builds, by hand, an analysis of the seed article as the engine is
// meant to give it: paragraphs, sentences, actors with mentions, and
// statements of every type. It does not run the engine (which is still
// being written), so the view tests do not depend on its output.
func seedDoc(t testing.TB) *analysis.Document {
	t.Helper()
	b, err := os.ReadFile("../app/example/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return handDoc(t, string(b))
}

// handDoc builds the hand-made analysis of text (the seed article).
func handDoc(t testing.TB, text string) *analysis.Document {
	d := &analysis.Document{Text: text, Language: analysis.Dutch, Date: "2022-02"}
	// Paragraphs: blank-line separated, after the metadata line prefix.
	start := strings.Index(text, "De Amerikaanse")
	for _, p := range strings.Split(text[start:], "\n\n") {
		s := strings.Index(text, p)
		d.Paragraphs = append(d.Paragraphs, analysis.Paragraph{
			Span:    analysis.Span{Start: s, End: s + len(p)},
			Heading: !strings.HasSuffix(strings.TrimSpace(p), "."),
		})
	}
	// Sentences: split at ". " inside each paragraph.
	for pi, p := range d.Paragraphs {
		s := p.Start
		for s < p.End {
			e := strings.Index(text[s:p.End], ". ")
			if e < 0 {
				e = p.End
			} else {
				e = s + e + 1
			}
			d.Sentences = append(d.Sentences, analysis.Sentence{Span: analysis.Span{Start: s, End: e}, Paragraph: pi})
			s = e
			for s < p.End && text[s] == ' ' {
				s++
			}
		}
	}
	find := func(sub string, nth int) analysis.Span {
		t.Helper()
		at := 0
		for i := 0; ; i++ {
			k := strings.Index(text[at:], sub)
			if k < 0 {
				t.Fatalf("handDoc: %q (#%d) not in the text", sub, nth)
			}
			if i == nth {
				return analysis.Span{Start: at + k, End: at + k + len(sub)}
			}
			at += k + len(sub)
		}
	}
	type m struct {
		text, kind string
		nth        int
	}
	actor := func(id, name, typ string, roles []string, ms ...m) {
		a := analysis.Actor{ID: id, Name: name, Type: typ, Roles: roles}
		for _, x := range ms {
			a.Mentions = append(a.Mentions, analysis.Mention{Span: find(x.text, x.nth), Kind: x.kind})
		}
		sort.Slice(a.Mentions, func(i, j int) bool { return a.Mentions[i].Start < a.Mentions[j].Start })
		d.Actors = append(d.Actors, a)
	}
	actor("a1", "Joe Biden", analysis.Person, []string{"Amerikaanse president"},
		m{"Joe Biden", "name", 0}, m{"Biden", "name", 1}, m{"De Amerikaanse president", "role", 1}, m{"Biden", "name", 2}, m{"Biden", "name", 3})
	actor("a2", "Vladimir Poetin", analysis.Person, []string{"Russische president"},
		m{"Vladimir Poetin", "name", 0}, m{"Poetin", "name", 2}, m{"Poetin", "name", 3}, m{"Poetin", "name", 4}, m{"Poetin", "name", 5},
		m{"Poetin", "name", 6}, m{"de Russische president", "role", 1}, m{"Poetin", "name", 7}, m{"Poetin", "name", 1})
	actor("a3", "het Witte Huis", analysis.Organization, nil, m{"het Witte Huis", "name", 0}, m{"het Witte Huis", "name", 1})
	actor("a4", "Verenigde Staten", analysis.Location, nil, m{"de Verenigde Staten", "name", 0}, m{"de VS", "name", 0})
	actor("a5", "Rusland", analysis.Location, nil, m{"Rusland", "name", 0}, m{"Rusland", "name", 1}, m{"Rusland", "name", 2}, m{"Moskou", "name", 0}, m{"Moskou", "name", 1})
	actor("a6", "een topadviseur van Poetin", analysis.Person, []string{"topadviseur van Poetin"}, m{"een topadviseur van Poetin", "role", 0}, m{"Hij", "pronoun", 0})
	actor("a7", "Emmanuel Macron", analysis.Person, []string{"Franse president"}, m{"Emmanuel Macron", "name", 0}, m{"Macron", "name", 1})
	actor("a8", "Washington", analysis.Location, nil, m{"Washington", "name", 0})

	stmt := func(id string, actor int, typ, source, cue string, content ...string) {
		s := analysis.Statement{ID: id, Actor: actor, Type: typ}
		if source != "" {
			s.Source = find(source, 0)
		}
		if cue != "" {
			s.Cue = find(cue, 0)
		}
		for _, c := range content {
			s.Content = append(s.Content, find(c, 0))
		}
		for i, se := range d.Sentences {
			if se.Contains(s.Content[0]) {
				s.Sentence = i
			}
		}
		d.Statements = append(d.Statements, s)
	}
	stmt("s1", 0, analysis.Mixed, "Biden", "duidelijk",
		`de Verenigde Staten, zijn bondgenoten en zijn partners "resoluut zullen reageren" als Rusland buurland Oekraïne binnenvalt`)
	stmt("s2", 0, analysis.Indirect, "De Amerikaanse president", "herhaalde",
		`een nieuwe Russische invasie in Oekraïne "wijdverbreid menselijk lijden" zal veroorzaken`)
	stmt("s3", 2, analysis.AccordingTo, "het Witte Huis", "aldus",
		`Hoewel de VS bereid blijft om deel te nemen aan diplomatiek overleg, is het land net zo goed voorbereid op "andere scenario's"`)
	stmt("s4", 5, analysis.Direct, "een topadviseur van Poetin", "aldus", `"De hysterie heeft zijn hoogtepunt bereikt"`)
	stmt("s5", 5, analysis.Indirect, "Hij", "benadrukte", `de presidenten zijn overeengekomen de contacten "op alle niveaus" voort te zetten`)
	stmt("s6", 1, analysis.Indirect, "Poetin", "zou Biden hebben gezegd", `de Amerikanen nog steeds geen rekening houden met de Russische zorgen over de veiligheid in de regio`)
	stmt("s7", 4, analysis.Position, "Moskou", "is", `faliekant tegen een toetreding van Oekraïne tot de NAVO`)
	stmt("s8", 1, analysis.Mixed, "de Russische president", "noemde", `de westerse opvatting dat Rusland buurland Oekraïne wil binnenvallen "provocatieve speculaties"`)
	stmt("s9", -1, analysis.Indirect, "Een woordvoerder van Macron", "liet weten", `er op basis van wat Poetin zei geen aanwijzingen zijn dat Rusland een aanval voorbereidt`)
	stmt("s10", 7, analysis.Indirect, "Washington", "stelt", `Rusland inmiddels zoveel eenheden in stelling heeft gebracht dat het op korte termijn kan aanvallen`)
	stmt("s11", 1, analysis.Position, "Poetin", "ziet", `de westerse steun aan Oekraïne en de troepenversterkingen in Oost-Europese NAVO-landen juist als bedreigend`)
	return d
}
