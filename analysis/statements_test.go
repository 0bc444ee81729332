package analysis

import (
	"strings"
	"testing"
)

// wantStatement is one expected statement: its type, the source, cue and
// content texts (content pieces joined by " … "), and the actor's name.
type wantStatement struct {
	typ, source, cue, content, actor string
}

func gotStatements(d *Document) []wantStatement {
	var out []wantStatement
	for _, s := range d.Statements {
		var parts []string
		for _, c := range s.Content {
			parts = append(parts, d.Slice(c))
		}
		actor := ""
		if s.Actor >= 0 {
			actor = d.Actors[s.Actor].Name
		}
		out = append(out, wantStatement{s.Type, d.Slice(s.Source), d.Slice(s.Cue), strings.Join(parts, " … "), actor})
	}
	return out
}

// TestStatements covers each statement type and each speaker-finding rule
// with real sentence patterns from Dutch and English news.
func TestStatements(t *testing.T) {
	runRuleCases(t, []ruleCase{
		// Reported speech, subject before the verb.
		{"nl: X stelt dat", "Washington stelt dat Rusland inmiddels veel eenheden in stelling heeft gebracht.",
			[]wantStatement{{Indirect, "Washington", "stelt", "Rusland inmiddels veel eenheden in stelling heeft gebracht", "Verenigde Staten"}}},
		{"nl: role with van-complement", "Een woordvoerder van Macron liet weten dat er geen aanwijzingen zijn.",
			[]wantStatement{{Indirect, "Een woordvoerder van Macron", "weten", "er geen aanwijzingen zijn", "woordvoerder van Macron"}}},
		{"nl: a prepositional phrase between verb and dat", "Minister Hugo de Jonge zei gisteren in een interview met de NOS dat het kabinet de maatregelen verlengt.",
			[]wantStatement{{Indirect, "Minister Hugo de Jonge", "zei", "het kabinet de maatregelen verlengt", "Hugo de Jonge"}}},
		{"en: a prepositional phrase between verb and that", "The governor said in a statement on Friday that the state would appeal.",
			[]wantStatement{{Indirect, "The governor", "said", "the state would appeal", "governor"}}},
		{"nl: adverb between verb and dat", "Premier Mark Rutte zei verder dat het kabinet geen plannen heeft.",
			[]wantStatement{{Indirect, "Premier Mark Rutte", "zei", "het kabinet geen plannen heeft", "Mark Rutte"}}},
		// Inversion after a first constituent.
		{"nl: volgens X with inverted inner speaker", "Volgens Moskou noemde de Russische president Vladimir Poetin de opvatting \"provocatieve speculaties\".",
			[]wantStatement{{Mixed, "de Russische president Vladimir Poetin", "noemde", "de opvatting \"provocatieve speculaties\"", "Vladimir Poetin"}}},
		{"nl: nested attribution goes to the inner speaker", "Volgens het Witte Huis maakte Joe Biden tijdens het gesprek duidelijk dat de VS resoluut zullen reageren.",
			[]wantStatement{{Indirect, "Joe Biden", "duidelijk", "de VS resoluut zullen reageren", "Joe Biden"}}},
		// Cue after the content.
		{"nl: aldus X after a quote", "\"De hysterie heeft zijn hoogtepunt bereikt\", aldus een topadviseur van Poetin.",
			[]wantStatement{{Direct, "een topadviseur van Poetin", "aldus", "\"De hysterie heeft zijn hoogtepunt bereikt\"", "topadviseur van Poetin"}}},
		{"nl: quote, zei hij", "Maduro sprak op tv. \"Ik bedank de legerleiding voor hun moed\", zei hij.",
			[]wantStatement{{Direct, "hij", "zei", "\"Ik bedank de legerleiding voor hun moed\"", "Maduro"}}},
		{"nl: reported clause, vindt X", "De invoering is mislukt, vindt coalitiepartner CDA.",
			[]wantStatement{{Indirect, "coalitiepartner CDA", "vindt", "De invoering is mislukt", "CDA"}}},
		{"nl: quote, reageert role + name", "„Het is een schande”, reageert PVV-leider Geert Wilders.",
			[]wantStatement{{Direct, "PVV-leider Geert Wilders", "reageert", "„Het is een schande”", "Geert Wilders"}}},
		{"nl: Dat meldt X: the sentence before", "Het kabinet verlengt de maatregelen. Dat meldt persbureau ANP op basis van ingewijden.",
			[]wantStatement{{Indirect, "persbureau ANP", "meldt", "Het kabinet verlengt de maatregelen", "ANP"}}},
		{"nl: Dat heeft X bekendgemaakt", "De gemeente sluit het zwembad. Dat heeft wethouder Jan de Boer bekendgemaakt.",
			[]wantStatement{{Indirect, "wethouder Jan de Boer", "bekendgemaakt", "De gemeente sluit het zwembad", "Jan de Boer"}}},
		{"nl: cue, a prepositional phrase, a colon and a quote", "Het ministerie schrijft in een verklaring: „We nemen de zorgen serieus.”",
			[]wantStatement{{Direct, "Het ministerie", "schrijft", "„We nemen de zorgen serieus.”", "ministerie"}}},
		{"nl: X pleit voor Y is a position", "Het CDA pleit voor een verbod op vuurwerk.",
			[]wantStatement{{Position, "Het CDA", "pleit", "voor een verbod op vuurwerk", "CDA"}}},
		{"nl: klinkt het continues the previous speaker", "Minister Annelies Verlinden zegt dat de regels strenger worden. „We kunnen niet anders”, klinkt het.",
			[]wantStatement{
				{Indirect, "Minister Annelies Verlinden", "zegt", "de regels strenger worden", "Annelies Verlinden"},
				{Direct, "", "klinkt", "„We kunnen niet anders”", "Annelies Verlinden"}}},
		{"nl: klinken and heten are no cues in narration", "Het voorstel klinkt goed. Hij heet Jan.", nil},
		{"en: a second attribution after a comma and a conjunction", "Critics say the plan is too expensive, and officials acknowledged that costs could rise.",
			[]wantStatement{
				{Indirect, "Critics", "say", "the plan is too expensive", "Critics"},
				{Indirect, "officials", "acknowledged", "costs could rise", "officials"}}},
		{"en: addressee and time before that", "Senator Elizabeth Warren told reporters on Tuesday that the bank should be broken up.",
			[]wantStatement{{Indirect, "Senator Elizabeth Warren", "told", "the bank should be broken up", "Elizabeth Warren"}}},
		// Volgens.
		{"nl: volgens X at the start", "Volgens Maduro is het leger nog steeds trouw aan hem.",
			[]wantStatement{{AccordingTo, "Maduro", "Volgens", "is het leger nog steeds trouw aan hem", "Maduro"}}},
		{"nl: volgens X mid-clause", "Bij de confrontaties zijn volgens mensenrechtenorganisaties ruim honderd gewonden gevallen.",
			[]wantStatement{{AccordingTo, "mensenrechtenorganisaties", "volgens", "Bij de confrontaties zijn … ruim honderd gewonden gevallen", "mensenrechtenorganisaties"}}},
		// Reportative.
		{"nl: X zou ... hebben gezegd", "Vladimir Poetin zou Joe Biden hebben gezegd dat de Amerikanen geen rekening houden met Rusland.",
			[]wantStatement{{Indirect, "Vladimir Poetin", "gezegd", "de Amerikanen geen rekening houden met Rusland", "Vladimir Poetin"}}},
		// Headline.
		{"nl: headline X: ...", "Rutte: Rusland moet meewerken\n\nPremier Mark Rutte sprak in Brussel. De premier zei dat het kabinet de zaak steunt.",
			[]wantStatement{
				{Indirect, "Rutte", ":", "Rusland moet meewerken", "Mark Rutte"},
				{Indirect, "De premier", "zei", "het kabinet de zaak steunt", "Mark Rutte"}}},
		// Positions.
		{"nl: X is faliekant tegen Y", "Zo is Moskou faliekant tegen een toetreding van Oekraïne tot de NAVO.",
			[]wantStatement{{Position, "Moskou", "faliekant tegen", "faliekant tegen een toetreding van Oekraïne tot de NAVO", "Rusland"}}},
		{"nl: X ziet Y als Z", "Vladimir Poetin ziet de westerse steun aan Oekraïne juist als bedreigend.",
			[]wantStatement{{Position, "Vladimir Poetin", "ziet", "de westerse steun aan Oekraïne juist als bedreigend", "Vladimir Poetin"}}},
		{"nl: X wil", "Juan Guaidó wil dat zijn aanhangers opnieuw de straat op gaan.",
			[]wantStatement{{Position, "Juan Guaidó", "wil", "zijn aanhangers opnieuw de straat op gaan", "Juan Guaidó"}}},
		// Direct quotes: styles, colon, a quote over two sentences, a floating quote.
		{"nl: colon and quote of two sentences", "Minister Stef Blok: „Er zijn tientallen gewonden. We volgen de situatie.” Daarna vertrok hij.",
			[]wantStatement{{Direct, "Minister Stef Blok", ":", "„Er zijn tientallen gewonden. We volgen de situatie.”", "Stef Blok"}}},
		{"nl: floating quote continues the speaker", "Minister Stef Blok noemt de situatie zorgelijk.\n\n\"Vlak bij Venezuela realiseer je je heel goed wat de invloed is.\"",
			[]wantStatement{
				{Indirect, "Minister Stef Blok", "noemt", "de situatie zorgelijk", "Stef Blok"},
				{Direct, "", "", "\"Vlak bij Venezuela realiseer je je heel goed wat de invloed is.\"", "Stef Blok"}}},
		{"nl: pronoun to the previous speaker", "\"De hysterie is groot\", aldus een topadviseur van Poetin. Hij benadrukte dat de contacten doorgaan.",
			[]wantStatement{
				{Direct, "een topadviseur van Poetin", "aldus", "\"De hysterie is groot\"", "topadviseur van Poetin"},
				{Indirect, "Hij", "benadrukte", "de contacten doorgaan", "topadviseur van Poetin"}}},
		{"nl: scare quote is no statement", "Het kabinet spreekt van een 'historische' dag voor het land.", nil},
		{"nl: narration is no statement", "Joe Biden en Vladimir Poetin hebben ruim een uur met elkaar gesproken.", nil},
		// English.
		{"en: X said that", "Secretary of State Mike Pompeo said that Maduro was ready to leave.",
			[]wantStatement{{Indirect, "Secretary of State Mike Pompeo", "said", "Maduro was ready to leave", "Mike Pompeo"}}},
		{"en: quote, said X", "\"We are a peaceful country,\" said President Donald Trump.",
			[]wantStatement{{Direct, "President Donald Trump", "said", "\"We are a peaceful country,\"", "Donald Trump"}}},
		{"en: quote, X said", "“It was the least bad outcome,” Hillary Clinton said.",
			[]wantStatement{{Direct, "Hillary Clinton", "said", "“It was the least bad outcome,”", "Hillary Clinton"}}},
		{"en: according to", "According to the White House, the sanctions target the leadership.",
			[]wantStatement{{AccordingTo, "the White House", "According to", "the sanctions target the leadership", "White House"}}},
		{"en: told X that: the object is no speaker", "Hillary Clinton told reporters that she opposes the deal.",
			[]wantStatement{{Indirect, "Hillary Clinton", "told", "she opposes the deal", "Hillary Clinton"}}},
		{"en: apposition", "Brian Fallon, the campaign's press secretary, said the campaign faced a crossroads.",
			[]wantStatement{{Indirect, "Brian Fallon", "said", "the campaign faced a crossroads", "Brian Fallon"}}},
	})
}

// TestTokenRange checks that the indexed tokenRange gives the tokens that
// binary searches over all tokens give, for every span of a text with long
// and short tokens, spaces and paragraph breaks.
func TestTokenRange(t *testing.T) {
	seed := "Volgens minister-president Mark Rutte (VVD) is het „een buitengewoon-ingewikkelde-kwestie”, zei hij.\n\n" +
		"Hij   zei:    ‘Nee.’ " + strings.Repeat("x", 150) + " en " + strings.Repeat("ab ", 40)
	d, err := Analyze(seed)
	if err != nil {
		t.Fatal(err)
	}
	w := newWork(d, nil)
	toks := d.Tokens
	for s := 0; s <= len(seed); s++ {
		for e := s; e <= len(seed); e += 1 + e%7 {
			a := sortSearch(len(toks), func(i int) bool { return toks[i].Start >= s })
			b := sortSearch(len(toks), func(i int) bool { return toks[i].End > e })
			wa, wb := a, max(a, b)
			if ga, gb := w.tokenRange(Span{s, e}); ga != wa || gb != wb {
				t.Fatalf("tokenRange(%d, %d) = %d, %d; want %d, %d", s, e, ga, gb, wa, wb)
			}
		}
	}
}

// sortSearch is sort.Search, written out so that the test does not share
// the code it checks.
func sortSearch(n int, f func(int) bool) int {
	for i := range n {
		if f(i) {
			return i
		}
	}
	return n
}
