package analysis

import "testing"

// A ruleCase is one sentence pattern and the statements it must yield (none
// for a negative case).
type ruleCase struct {
	name string
	text string
	want []wantStatement
}

// runRuleCases analyses each case's text and compares its statements.
func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Analyze(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			got := gotStatements(d)
			if len(got) != len(tt.want) {
				t.Fatalf("%q\n got %d statements %+v\nwant %d %+v", tt.text, len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%q statement %d\n got %+v\nwant %+v", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestRuleTable checks that every rule of the table has a name once.
func TestRuleTable(t *testing.T) {
	seen := map[string]bool{}
	all := append([]rule{}, sentenceRules...)
	for _, pass := range tokenPasses {
		all = append(all, pass...)
	}
	for _, r := range all {
		if r.name == "" || r.find == nil || seen[r.name] {
			t.Errorf("rule %q: empty, without a function, or twice in the table", r.name)
		}
		seen[r.name] = true
	}
}

// TestRuleCueVerbAfterQuote covers the cue verb after a quotation: the
// inverted speaker runs to the clause end, and what follows a second comma
// is an adjunct, not content.
func TestRuleCueVerbAfterQuote(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: role with complements ending in a name",
			`,,Omdat er niet genoeg vaccins zijn", verklaart coördinator van de campagne van de GGD Brabant-Zuidoost Ludy Blind.`,
			[]wantStatement{{Direct, "coördinator van de campagne van de GGD Brabant-Zuidoost Ludy Blind", "verklaart", `,,Omdat er niet genoeg vaccins zijn"`, "Ludy Blind"}}},
		{"nl: a time adverb after the name is not the speaker",
			`"Enschede staat er alleen voor", zei raadslid Marc Teutelink maandag.`,
			[]wantStatement{{Direct, "raadslid Marc Teutelink", "zei", `"Enschede staat er alleen voor"`, "Marc Teutelink"}}},
		{"nl: an adjunct clause after the cue is no content",
			`Jasmine van Kessel twijfelde. ,,Ik heb er heel veel over nagedacht", zegt ze, nadat ze haar prik heeft gehaald.`,
			[]wantStatement{{Direct, "ze", "zegt", `,,Ik heb er heel veel over nagedacht"`, "Jasmine van Kessel"}}},
		{"en: quote, said X",
			`"We are ready," said Governor Andrew Cuomo.`,
			[]wantStatement{{Direct, "Governor Andrew Cuomo", "said", `"We are ready,"`, "Andrew Cuomo"}}},
		{"nl negative: narration after a quote is no speaker",
			`Het bord met "Verboden toegang" staat er nog.`, nil},
	})
}

// TestRuleFloatingQuote covers quotations with no cue of their own.
func TestRuleFloatingQuote(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: a two-word quote continues the speaker",
			`Het is een historische dag, twittert premier Mark Rutte. "Werkelijk fantastisch."`,
			[]wantStatement{
				{Indirect, "premier Mark Rutte", "twittert", "Het is een historische dag", "Mark Rutte"},
				{Direct, "", "", `"Werkelijk fantastisch."`, "Mark Rutte"}}},
		{"nl: the ,, house style",
			`,,Het gaat goed'', zegt Jan de Vries. ,,Maar we zijn er nog niet.''`,
			[]wantStatement{
				{Direct, "Jan de Vries", "zegt", ",,Het gaat goed''", "Jan de Vries"},
				{Direct, "", "", ",,Maar we zijn er nog niet.''", "Jan de Vries"}}},
		{"nl negative: a one-word quote is a term", `Het kabinet sprak van "Historisch."`, nil},
	})
}

// TestRuleStancePredicate covers stances without a speech verb, and
// prepositions that are no stance.
func TestRuleStancePredicate(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: is blij met", "De burgemeester is blij met het besluit van de raad.",
			[]wantStatement{{Position, "De burgemeester", "blij", "blij met het besluit van de raad", "burgemeester"}}},
		{"nl: is het oneens met", "De bond is het oneens met de plannen van het kabinet.",
			[]wantStatement{{Position, "De bond", "het oneens", "het oneens met de plannen van het kabinet", "bond"}}},
		{"nl: is van mening dat", "De partij is van mening dat het moet stoppen.",
			[]wantStatement{{Position, "De partij", "van mening", "van mening dat het moet stoppen", "partij"}}},
		{"nl: maakt zich zorgen over", "Omwonenden maken zich grote zorgen over de overlast.",
			[]wantStatement{{Position, "Omwonenden", "zich grote zorgen", "zich grote zorgen over de overlast", "Omwonenden"}}},
		{"nl: kan zich vinden in", "GroenLinks kan zich vinden in het voorstel.",
			[]wantStatement{{Position, "GroenLinks", "zich vinden", "zich vinden in het voorstel", "GroenLinks"}}},
		{"nl: inverted, with a degree word", "Daarom is Ajax zeer teleurgesteld over de uitslag.",
			[]wantStatement{{Position, "Ajax", "teleurgesteld", "zeer teleurgesteld over de uitslag", "Ajax"}}},
		{"nl: bang dat", "De minister is bang dat de kosten stijgen.",
			[]wantStatement{{Position, "De minister", "bang", "bang dat de kosten stijgen", "minister"}}},
		{"nl negative: tegen middernacht", "De wedstrijd is tegen middernacht afgelopen.", nil},
		{"nl negative: voor de tweede keer", "Hij is voor de tweede keer kampioen.", nil},
		{"nl negative: voor twee jaar", "Het contract is voor twee jaar getekend.", nil},
		{"nl negative: a predicate without its object", "De burgemeester is blij.", nil},
		{"en negative: no English predicates yet", "The mayor is happy with the decision.", nil},
	})
}

// TestStanceLexicons checks that the stance-predicate files load with the
// lexicons, and that
// a malformed one fails loudly.
func TestStanceLexicons(t *testing.T) {
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	if sl := lxs[Dutch].rules; sl == nil || len(sl.byFirst["blij"]) == 0 || !sl.copula["is"] {
		t.Errorf("Dutch stance predicates incomplete: %+v", sl)
	}
	for _, bad := range []string{"blij\n", "@copula\tis\nblij\t\n", "@cop\tis\n", "blij\tover\n"} {
		if _, err := parseStanceLexicon(bad); err == nil {
			t.Errorf("%q: parsed without error", bad)
		}
	}
}

// TestRuleHeadlines covers the colon and headline rules.
func TestRuleHeadlines(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: one capitalised word before a headline colon",
			"Vakbond: korting pensioen moet van tafel\n\nDe bond zei dat het niet kan.",
			[]wantStatement{
				{Indirect, "Vakbond", ":", "korting pensioen moet van tafel", "Vakbond"},
				{Indirect, "De bond", "zei", "het niet kan", "Vakbond"}}}, // "de bond" is the Vakbond of the headline
		{"nl: a surname before a colon joins the person named in the text",
			"Holleeder: 'Ze is wappie'\n\nWillem Holleeder zegt dat zijn zus liegt.",
			[]wantStatement{
				{Direct, "Holleeder", ":", "'Ze is wappie'", "Willem Holleeder"},
				{Indirect, "Willem Holleeder", "zegt", "zijn zus liegt", "Willem Holleeder"}}},
		{"nl: a headline stance without copula, then a quote after the colon",
			"Kruijswijk dolblij met podium Tour: ’Dit is waar ik voor kwam’\n\nSteven Kruijswijk werd derde.",
			[]wantStatement{
				{Position, "Kruijswijk", "dolblij", "dolblij met podium Tour", "Steven Kruijswijk"},
				{Direct, "Kruijswijk", ":", "’Dit is waar ik voor kwam’", "Steven Kruijswijk"}}},
		{"nl: a party in parentheses before the colon",
			"De gemeente is er blij mee en dat is ook logisch. Wethouder Piet Jansen (CDA): ,,We gaan door.''",
			[]wantStatement{
				{Position, "De gemeente", "blij mee", "er blij mee", "gemeente"}, // "er … mee": the object stranded
				{Direct, "Wethouder Piet Jansen (CDA)", ":", ",,We gaan door.''", "Piet Jansen"}}},
		{"nl: a colon in body text after a speaker", "Minister Stef Blok: „Er zijn tientallen gewonden.”",
			[]wantStatement{{Direct, "Minister Stef Blok", ":", "„Er zijn tientallen gewonden.”", "Stef Blok"}}},
		{"nl negative: a topic before a headline colon is no speaker",
			"Rechtszaak over fraudebestrijding overheid: 'Burgers bij voorbaat verdacht'\n\nDe zaak dient vandaag.", nil},
		{"nl negative: a capitalised word before a colon in body text", "Let op: de weg is dicht.", nil},
	})
}

// TestRuleSentenceShapes covers the sentence shapes around a cue verb.
func TestRuleSentenceShapes(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: Dat eist X", "Het kabinet moet ingrijpen. Dat eist de FNV.",
			[]wantStatement{{Position, "de FNV", "eist", "Het kabinet moet ingrijpen", "FNV"}}},
		{"nl: a cue in a subordinate clause", "De minister sprak, waarna Jan de Vries zei dat het plan slecht is.",
			[]wantStatement{{Indirect, "Jan de Vries", "zei", "het plan slecht is", "Jan de Vries"}}},
		{"nl: a fronted clause, an inverted subject and its apposition",
			"Toen de partijraad het programma besprak, concludeerde Pieter Schol, voorzitter van de afdeling Rotterdam, dat de SP deals wil sluiten.",
			[]wantStatement{{Indirect, "Pieter Schol", "concludeerde", "de SP deals wil sluiten", "Pieter Schol"}}},
		{"nl: a colon ends an earlier clause", "Onrust binnen de SP: een deel van de achterban vindt dat de partij verrechtst.",
			[]wantStatement{{Indirect, "een deel van de achterban", "vindt", "de partij verrechtst", "deel van de achterban"}}},
		{"nl: a fronted subordinate clause is no content", "Hoewel de cijfers tegenvallen, gelooft Jan de Vries dat het goed komt.",
			[]wantStatement{{Indirect, "Jan de Vries", "gelooft", "het goed komt", "Jan de Vries"}}},
		{"nl: two cues sharing a subject", "Jan de Vries noemt het plan slecht en zegt dat het kabinet moet ingrijpen.",
			[]wantStatement{
				{Indirect, "Jan de Vries", "noemt", "het plan slecht", "Jan de Vries"},
				{Indirect, "Jan de Vries", "zegt", "het kabinet moet ingrijpen", "Jan de Vries"}}},
		{"nl: zo verklaart X aan Y", `"Het is voorbij", zo verklaart Jan de Vries aan de NOS.`,
			[]wantStatement{{Direct, "Jan de Vries", "verklaart", `"Het is voorbij"`, "Jan de Vries"}}},
		{"nl: a subject with age and apposition", "Jan de Vries (39), directeur van Shell, noemt het plan onzin.",
			[]wantStatement{{Indirect, "Jan de Vries", "noemt", "het plan onzin", "Jan de Vries"}}},
		{"nl: coordinated speakers are one group", "GroenLinks en PvdA zeggen dat het moet.",
			[]wantStatement{{Indirect, "GroenLinks en PvdA", "zeggen", "het moet", "GroenLinks en PvdA"}}},
		{"nl: laat X weten after a quote", `"We willen uitleg", laat woordvoerder Emile Affolter van Amnesty International Nederland weten na berichtgeving van Nu.nl.`,
			[]wantStatement{{Direct, "woordvoerder Emile Affolter van Amnesty International Nederland", "weten", `"We willen uitleg"`, "Emile Affolter"}}},
		{"nl negative: a refusal is no statement", "Jan de Vries wil geen reactie geven.", nil},
		{"nl negative: a refusal with a speech verb", "Jan de Vries zegt geen commentaar te hebben.", nil},
		{"en: although before the subject", "Although the talks failed, Senator John Smith said the deal would hold.",
			[]wantStatement{{Indirect, "Senator John Smith", "said", "the deal would hold", "John Smith"}}},
		{"en negative: no shared subject in English", "Critics say Republicans favor lower rates and suggest that taxes spur growth.",
			[]wantStatement{{Indirect, "Critics", "say", "Republicans favor lower rates and suggest that taxes spur growth", "Critics"}}},
	})
}

// TestRuleSpeakerNames covers speaker names the tagger cuts or misses.
func TestRuleSpeakerNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: a surname with particles after a quote", "Jan sprak. „De bond maakt zich grote zorgen”, stelt Van de Kamp.",
			[]wantStatement{{Direct, "Van de Kamp", "stelt", "„De bond maakt zich grote zorgen”", "Van de Kamp"}}},
		{"nl: a particle joins the surname", "Volgens Ter Horst is het klaar.",
			[]wantStatement{{AccordingTo, "Ter Horst", "Volgens", "is het klaar", "Ter Horst"}}},
		{"nl: adverbs before an inverted speaker, an age after it",
			`,,Je kan het maar beter doen", vindt ook haar vriendin Marieke van der Aa (17).`,
			[]wantStatement{{Direct, "haar vriendin Marieke van der Aa", "vindt", `,,Je kan het maar beter doen"`, "Marieke van der Aa"}}},
		{"nl: a newspaper after In de is no person", "In de Volkskrant schreef columnist Jan de Vries dat het slecht gaat.",
			[]wantStatement{{Indirect, "columnist Jan de Vries", "schreef", "het slecht gaat", "Jan de Vries"}}},
	})
}

// TestRuleColonQuote covers a quotation after a colon in body text and
// after a connective.
func TestRuleColonQuote(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: the subject of the clause before the colon",
			`Wielrenner Bram Tankink kwam met een tegeltjeswijsheid: "Een wijs man zei ooit: het WK wordt in het laatste rondje beslist."`,
			[]wantStatement{{Direct, "Wielrenner Bram Tankink", ":", `"Een wijs man zei ooit: het WK wordt in het laatste rondje beslist."`, "Bram Tankink"}}},
		{"nl: a connective and a colon before a floating quote",
			"Er is een probleem, erkent Heerma. Bovendien: „Geen boeren, geen eten.”",
			[]wantStatement{
				{Indirect, "Heerma", "erkent", "Er is een probleem", "Heerma"},
				{Direct, "", "", "„Geen boeren, geen eten.”", "Heerma"}}},
		{"nl: an initial before a quote ends the sentence",
			`Een bron zegt dat het past bij dealer T. "Als hij doorgesnoven was, was hij tot alles in staat."`,
			[]wantStatement{
				{Indirect, "Een bron", "zegt", "het past bij dealer T.", "bron"},
				{Direct, "", "", `"Als hij doorgesnoven was, was hij tot alles in staat."`, "bron"}}},
		{"nl negative: a title before a colon", `Het boek heet: "De ontdekking van de hemel".`, nil},
		{"nl: a cue and colon end the paragraph, the quote opens the next",
			"Ze zei:\n\n„Het plan is goed. We gaan door.”",
			[]wantStatement{{Direct, "Ze", "zei", "„Het plan is goed. We gaan door.”", "Ze"}}},
		{"en: a cue and colon end the paragraph, the quote opens the next",
			"Senator John Smith continued:\n\n\"The health issue is a partisan issue. It always was.\"",
			[]wantStatement{{Direct, "Senator John Smith", "continued", "\"The health issue is a partisan issue. It always was.\"", "John Smith"}}},
		{"en negative: a heading after the colon is no content", "Senator John Smith said:\n\nThe plan\n\nIt failed.", nil},
		{"en: a cue and colon end the paragraph, a block quotation without marks is the next",
			"Senator John Smith added:\n\nIt is typical of the plan. It never works.\n\nThe storm came.",
			[]wantStatement{{Indirect, "Senator John Smith", "added", "It is typical of the plan. It never works.", "John Smith"}}},
		{"nl negative: a paragraph with quotations of its own is no block quotation",
			"In een rubriek reageert Jan de Vries op de beslissing:\n\nDe vereniging is ook boos. \"Wij zijn tegen\", staat in een verklaring.",
			nil},
	})
}

// TestRuleSubjects covers speaker phrases around relative clauses,
// inverted runs and sources after "volgens".
func TestRuleSubjects(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: a relative clause between subject and cue",
			"Een ondernemer van Turkse komaf die met hem heeft gewerkt, zegt dat hij het heeft geprobeerd.",
			[]wantStatement{{Indirect, "Een ondernemer van Turkse komaf", "zegt", "hij het heeft geprobeerd", "ondernemer van Turkse komaf"}}},
		{"nl: an inverted speaker after a comma", "Ook hier is overlast de belangrijkste reden, schrijft 1Limburg.",
			[]wantStatement{{Indirect, "1Limburg", "schrijft", "Ook hier is overlast de belangrijkste reden", "1Limburg"}}},
		{"nl: volgens with a source the lexicons do not know",
			"Volgens de initiatiefnemers van de rechtszaak weet het ministerie al langer van de problemen.",
			[]wantStatement{{AccordingTo, "de initiatiefnemers van de rechtszaak", "Volgens", "weet het ministerie al langer van de problemen", "initiatiefnemers van de rechtszaak"}}},
		{"nl: volgens mid-clause before a negation", "Maar dat is volgens de vakbeweging niet te doen.",
			[]wantStatement{{AccordingTo, "de vakbeweging", "volgens", "Maar dat is … niet te doen", "vakbeweging"}}},
		{"nl: the subject of laat … weten the lexicons do not know",
			"De Nederlandse branchevereniging van de geneesmiddelenfabrikanten laat in een reactie weten dat het mooi is.",
			[]wantStatement{{Indirect, "De Nederlandse branchevereniging van de geneesmiddelenfabrikanten", "weten", "het mooi is", "Nederlandse branchevereniging van de geneesmiddelenfabrikanten"}}},
		{"en: the subject of a subordinate clause", "The decision came just three days after the Security Council condemned the test.",
			[]wantStatement{{Indirect, "the Security Council", "condemned", "the test", "Security Council"}}},
		{"en: the subject of a subordinate clause before an aside", "Trump has been targeting Machado since Clinton, at Monday's debate, cited derogatory comments.",
			[]wantStatement{{Indirect, "Clinton", "cited", "derogatory comments", "Clinton"}}},
		{"nl: the subject of a subordinate clause", "De minister is boos nadat de oppositie heeft gezegd dat het plan mislukt.",
			[]wantStatement{{Indirect, "de oppositie", "gezegd", "het plan mislukt", "oppositie"}}},
		{"en: a cue that opens the sentence has nothing before it", "Said Trump: the plan will fail.",
			[]wantStatement{{Indirect, "Trump", "Said", "the plan will fail", "Trump"}}},
		{"en negative: a fronted as-clause is no content", "As expected, the senator said the plan would fail.",
			[]wantStatement{{Indirect, "the senator", "said", "the plan would fail", "senator"}}},
		{"nl negative: the main clause's subject before a subordinate one", "De minister zei dat het plan mislukt omdat het geld op is.",
			[]wantStatement{{Indirect, "De minister", "zei", "het plan mislukt omdat het geld op is", "minister"}}},
		{"nl: an adverb before a stance predicate", "Minister Bruins is achteraf van mening dat hij zich vergist heeft.",
			[]wantStatement{{Position, "Minister Bruins", "van mening", "achteraf van mening dat hij zich vergist heeft", "Bruins"}}},
	})
}

// TestRuleObjectsAndTitles covers object-first clauses, an anaphor as
// content, and compound titles before a name.
func TestRuleObjectsAndTitles(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: object first", "Het plan noemde Jan de Vries een schande.",
			[]wantStatement{{Indirect, "Jan de Vries", "noemde", "Het plan … een schande", "Jan de Vries"}}},
		{"nl: an adverb first is no object", "Gisteren noemde Jan de Vries het plan een schande.",
			[]wantStatement{{Indirect, "Jan de Vries", "noemde", "het plan een schande", "Jan de Vries"}}},
		{"nl: an anaphor as the whole content", "Jan de Vries zou het geld hebben gestolen. Zelf ontkent hij dat.",
			[]wantStatement{{Indirect, "hij", "ontkent", "dat", "Jan de Vries"}}},
		{"nl: a compound title tagged MISC before a name",
			"In de Telegraaf stelde FNV-onderhandelaar Tuur Elzinga dat de kortingen het draagvlak ondermijnen.",
			[]wantStatement{{Indirect, "FNV-onderhandelaar Tuur Elzinga", "stelde", "de kortingen het draagvlak ondermijnen", "Tuur Elzinga"}}},
		{"nl: toonde zich + stance", "CU-leider Segers toonde zich geïrriteerd door de proefballon van D66.",
			[]wantStatement{{Position, "CU-leider Segers", "geïrriteerd", "zich geïrriteerd door de proefballon van D66", "Segers"}}},
	})
}

// TestRuleFrontedAdverbial covers a fronted prepositional phrase before an
// inverted cue: it is no content.
func TestRuleFrontedAdverbial(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: a fronted PP", "Naast harde toezeggingen over de AOW, eisen de bonden ook concessies over het pensioen.",
			[]wantStatement{{Position, "de bonden", "eisen", "ook concessies over het pensioen", "bonden"}}},
		{"nl: a fronted clause with a verb-second verb is content", "In Den Haag gaat het goed, zei Jan de Vries.",
			[]wantStatement{{Indirect, "Jan de Vries", "zei", "In Den Haag gaat het goed", "Jan de Vries"}}},
	})
}

// TestRulePassiveAndHeadings covers the passive (its subject is no
// speaker) and subheadings (never content of a statement below them).
func TestRulePassiveAndHeadings(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl negative: the subject of a passive cue is no speaker", "Jan de Vries werd gevraagd naar het plan van het kabinet.", nil},
		{"nl: the agent of a passive cue speaks", "Het plan werd geopperd door minister Jan de Vries.",
			[]wantStatement{{Indirect, "minister Jan de Vries", "geopperd", "Het plan", "Jan de Vries"}}},
		{"nl negative: a subheading is no content of Dat zei X", "Jan de Vries sprak.\n\nNieuwe plannen\n\nDat zei hij ook gisteren.", nil},
	})
}

// TestRuleSourceless covers statements whose text names no source: a cue
// in the passive without an agent, or under an evidential. They are kept
// with no source and no speaker; a passive's agent is its source.
func TestRuleSourceless(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"en: a raising verb before the cue", "Trump appeared to acknowledge that the plan had failed.",
			[]wantStatement{{Indirect, "", "acknowledge", "the plan had failed", ""}}},
		{"en: a passive cue", "Officials were told that the plan had failed.",
			[]wantStatement{{Indirect, "", "told", "the plan had failed", ""}}},
		{"en: a passive cue with its agent", "The plan was criticized by Senator John Smith as a waste of money.",
			[]wantStatement{{Indirect, "Senator John Smith", "was criticized", "The plan … a waste of money", "John Smith"}}},
		{"en: a passive stance with its agent: the subject is the content", "The bill was opposed by a group of farmers.",
			[]wantStatement{{Position, "a group of farmers", "opposed", "The bill", "group of farmers"}}},
		{"en: a passive position cue with an agent no name or role word heads", "The proposal was rejected by several local groups.",
			[]wantStatement{{Position, "several local groups", "rejected", "The proposal", "local groups"}}},
		{"en negative: a stance word after a copula is no passive", "The union is concerned that the plan will cost jobs.",
			[]wantStatement{{Indirect, "The union", "is concerned", "that the plan will cost jobs", "union"}}},
		{"en negative: a participle of a psychological verb is no passive", "Mr. Ackman is convinced that the company will recover.",
			[]wantStatement{{Position, "Mr. Ackman", "convinced", "convinced that the company will recover", "Ackman"}}},
		{"en negative: after a psychological participle, by names what stirs the feeling", "Local residents have been outraged by reports of more than 100 assaults.",
			[]wantStatement{{Position, "Local residents", "been outraged", "been outraged by reports of more than 100 assaults", "Local residents"}}},
		{"en negative: an active cue keeps its subject", "Senator John Smith said the deal would hold.",
			[]wantStatement{{Indirect, "Senator John Smith", "said", "the deal would hold", "John Smith"}}},
		{"en: a reduced passive after a subordinator that opens the sentence", "When asked whether the plan would fail, the senator said it would.",
			[]wantStatement{{Indirect, "", "asked", "whether the plan would fail", ""}, {Indirect, "the senator", "said", "it would", "senator"}}},
		{"en: a reduced passive with its agent", "When asked by a reporter whether the plan would fail, the senator said it would.",
			[]wantStatement{{Indirect, "a reporter", "asked", "whether the plan would fail", "reporter"}, {Indirect, "the senator", "said", "it would", "senator"}}},
		{"en negative: a subordinator is no speaker", "While having a heated debate about the nominees, a friend commented that it was fine.",
			[]wantStatement{{Indirect, "a friend", "commented", "it was fine", "friend"}}},
		{"nl negative: a subordinator is no speaker", "Zodra gevraagd, antwoordde de minister dat het zou mislukken.",
			[]wantStatement{{Indirect, "de minister", "antwoordde", "het zou mislukken", "minister"}}},
		{"en: a fronted participle of a verb of saying reports the question", "Asked about the plan, the senator said it would fail.",
			[]wantStatement{{Indirect, "", "Asked", "about the plan", ""}, {Indirect, "the senator", "said", "it would fail", "senator"}}},
		{"nl: a fronted participle of a verb of saying reports the question", "Gevraagd naar het plan, zei de minister dat het zou mislukken.",
			[]wantStatement{{Indirect, "", "Gevraagd", "naar het plan", ""}, {Indirect, "de minister", "zei", "het zou mislukken", "minister"}}},
		{"en negative: a fronted participle of another verb is no statement", "Pleased with the plan, the senator said it would work.",
			[]wantStatement{{Indirect, "the senator", "said", "it would work", "senator"}}},
		{"nl: a raising verb before the cue", "De minister lijkt te vinden dat het plan deugt.",
			[]wantStatement{{Indirect, "", "vinden", "het plan deugt", ""}}},
		{"nl negative: an active cue keeps its subject", "De minister vindt dat het plan deugt.",
			[]wantStatement{{Indirect, "De minister", "vindt", "het plan deugt", "minister"}}},
	})
}

// TestRuleStanceIdioms covers stance idioms with their own verb and a
// pronoun speaker after a resumptive cue.
func TestRuleStanceIdioms(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: maakt ernst met", "Enschede maakt ernst met het terughalen van FC Twente.",
			[]wantStatement{{Position, "Enschede", "ernst", "ernst met het terughalen van FC Twente", "Enschede"}}},
		{"nl: breekt een lans voor", "Maickel Prasing breekt een lans voor een regenboogpad.",
			[]wantStatement{{Position, "Maickel Prasing", "een lans", "een lans voor een regenboogpad", "Maickel Prasing"}}},
		{"nl: haalt fel uit naar", "Advocaat Sander Janssen haalde fel uit richting het Openbaar Ministerie.",
			[]wantStatement{{Position, "Advocaat Sander Janssen", "uit", "fel uit richting het Openbaar Ministerie", "Sander Janssen"}}},
		{"nl: stemt in met", "FC Twente stemt in met een terugkeer naar Enschede.",
			[]wantStatement{{Position, "FC Twente", "in", "in met een terugkeer naar Enschede", "FC Twente"}}},
		{"nl negative: a particle that is a preposition", "Hij haalt de boodschappen uit de auto.", nil},
		{"nl negative: in as a preposition of time", "Het kabinet stemt in juni over het plan.", nil},
		{"nl: geen voorstander van", "De FNV is geen voorstander van het plan.",
			[]wantStatement{{Position, "De FNV", "voorstander", "geen voorstander van het plan", "FNV"}}},
		{"nl: zo zei ze, then an adjunct", "Schouten is kritisch. Dat gaat allemaal wel snel, zo zei ze voorafgaand aan het overleg.",
			[]wantStatement{{Indirect, "ze", "zei", "Dat gaat allemaal wel snel", "Schouten"}}},
	})
}

// TestRuleNounPhraseEnds covers where an unknown speaker's noun phrase ends.
func TestRuleNounPhraseEnds(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: a second determiner starts the object",
			`"Ik ben voor helpen", lichtte de fractievoorzitter het standpunt van de SP toe.`,
			[]wantStatement{{Direct, "de fractievoorzitter", "lichtte", `"Ik ben voor helpen"`, "fractievoorzitter"}}},
		{"nl: a particle after the noun is no part of it",
			"De problemen zijn nog niet opgelost, stelt de vakbond vast.",
			[]wantStatement{{Indirect, "de vakbond", "stelt", "De problemen zijn nog niet opgelost", "vakbond"}}},
		{"nl: an adjective before the noun is", "Het kabinet moet betalen, vindt de grote vakbond.",
			[]wantStatement{{Indirect, "de grote vakbond", "vindt", "Het kabinet moet betalen", "grote vakbond"}}},
		{"nl: one word in first position names nobody", "Recent riep de bond op de AOW te verhogen.",
			[]wantStatement{{Indirect, "de bond", "riep", "op de AOW te verhogen", "bond"}}},
		{"nl: volgens X, then the subject", "Zo kan volgens Abouteleb het probleem worden opgelost.",
			[]wantStatement{{AccordingTo, "Abouteleb", "volgens", "Zo kan … het probleem worden opgelost", "Abouteleb"}}},
	})
}

// TestRuleCoordinatedInvertedSpeakers covers coordinated speakers after a quote.
func TestRuleCoordinatedInvertedSpeakers(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: two names joined after the cue are one group",
			`"Op achterstand bleef hij kalm", schrijven koning Willem-Alexander en koningin Máxima op sociale media.`,
			[]wantStatement{{Direct, "koning Willem-Alexander en koningin Máxima", "schrijven", `"Op achterstand bleef hij kalm"`, "koning Willem-Alexander en koningin Máxima"}}},
	})
}

// ruleCases holds, for every rule of the table (and the floating-quote
// pass), positive and negative cases in each language the rule serves.
var ruleCases = map[string][]ruleCase{
	"colon": {
		{"nl", "Rutte: Rusland moet meewerken\n\nPremier Mark Rutte sprak in Brussel met de andere leiders over het onderzoek.",
			[]wantStatement{{Indirect, "Rutte", ":", "Rusland moet meewerken", "Mark Rutte"}}},
		{"en transcript label", "The debate was held in Virginia and it was the only one of the two men.\n\nPENCE: We will rebuild our military and we will stand with our allies.",
			[]wantStatement{{Indirect, "PENCE", ":", "We will rebuild our military and we will stand with our allies", "PENCE"}}},
		{"nl negative", "Let op: de weg is dicht.", nil},
	},
	"back-reference": {
		{"nl", "Het kabinet verlengt de maatregelen. Dat meldt persbureau ANP.",
			[]wantStatement{{Indirect, "persbureau ANP", "meldt", "Het kabinet verlengt de maatregelen", "ANP"}}},
		{"nl negative: no cue", "Het kabinet verlengt de maatregelen. Dat duurt nog even.", nil},
	},
	"introduced-quote": {
		{"en: a sentence with no verb of saying introduces the next paragraph's quotation",
			"PolitiFact says the claims are true.\n\nOn July 6, 2015, Sanders made the following comment:\n\n\"The unemployment rate is 51 percent.\"",
			[]wantStatement{{Indirect, "PolitiFact", "says", "the claims are true", "PolitiFact"},
				{Direct, "Sanders", "made the following comment", "\"The unemployment rate is 51 percent.\"", "Sanders"}}},
		{"en: a title before the name of a sentence that introduces a quotation",
			"Police are investigating.\n\nRepublican presidential nominee Donald Trump issued the following statement:\n\n\"Our prayers are with all those affected.\"",
			[]wantStatement{{Direct, "presidential nominee Donald Trump", "issued the following statement", "\"Our prayers are with all those affected.\"", "Donald Trump"}}},
		{"nl: a sentence with no verb of saying introduces the next paragraph's quotation",
			"Het kabinet vergaderde.\n\nMinister Hugo de Jonge gaf de volgende verklaring:\n\n„Wij zijn geschokt door de aanslag.”",
			[]wantStatement{{Direct, "Minister Hugo de Jonge", "gaf de volgende verklaring", "„Wij zijn geschokt door de aanslag.”", "Hugo de Jonge"}}},
		{"en negative: an introduction with no subject", "Read the latest updates below:\n\n\"Sen. Bernie Sanders took the stage in Iowa late Monday.\"", nil},
	},
	"according-to": {
		{"nl", "Volgens Maduro is het leger trouw.",
			[]wantStatement{{AccordingTo, "Maduro", "Volgens", "is het leger trouw", "Maduro"}}},
		{"en", "According to the White House, the sanctions target the leadership.",
			[]wantStatement{{AccordingTo, "the White House", "According to", "the sanctions target the leadership", "White House"}}},
		{"nl: an apposition after the source is no content", "Volgens Jan de Vries, directeur van Shell, is het plan slecht.",
			[]wantStatement{{AccordingTo, "Jan de Vries", "Volgens", "is het plan slecht", "Jan de Vries"}}},
		{"en: an apposition after the source", "According to John Smith, a spokesman for the company, the plan failed.",
			[]wantStatement{{AccordingTo, "John Smith", "According to", "the plan failed", "John Smith"}}},
		{"nl: a relative clause after the source is no content", "Volgens de minister, die al jaren onder vuur ligt, zijn er fouten gemaakt.",
			[]wantStatement{{AccordingTo, "de minister", "Volgens", "zijn er fouten gemaakt", "minister"}}},
		{"nl negative: volgens without a source", "Volgens, zo bleek, niets.", nil},
	},
	"possessive-claim": {
		{"en", "Donald Trump spoke. Trump’s claim that the election was rigged is false.",
			[]wantStatement{{Indirect, "Trump’s", "claim", "the election was rigged is false", "Donald Trump"}}},
		{"en negative: a possessive without a speech noun", "Trump’s plane landed in Ohio.", nil},
	},
	"impersonal-cue": {
		{"nl", "Minister Annelies Verlinden zegt dat de regels strenger worden. „We kunnen niet anders”, klinkt het.",
			[]wantStatement{
				{Indirect, "Minister Annelies Verlinden", "zegt", "de regels strenger worden", "Annelies Verlinden"},
				{Direct, "", "klinkt", "„We kunnen niet anders”", "Annelies Verlinden"}}},
		{"nl negative", "Het voorstel klinkt goed.", nil},
	},
	"inverted-light-verb": {
		{"nl", "Jan de Vries sprak. Het plan is slecht, liet hij weten.",
			[]wantStatement{{Indirect, "hij", "weten", "Het plan is slecht", "Jan de Vries"}}},
		{"nl negative: no break before the auxiliary", "Hij liet de hond weten.", nil},
		{"nl: a resumptive zo and an adverb", "Het plan is slecht, zo liet de club gisteren weten.",
			[]wantStatement{{Indirect, "de club", "weten", "Het plan is slecht", "club"}}},
		{"nl: the particle of bekendmaken is the cue, not part of the speaker", "De regels worden aangepast, maakte het ministerie bekend.",
			[]wantStatement{{Indirect, "het ministerie", "bekend", "De regels worden aangepast", "ministerie"}}},
	},
	"headline-quote": {
		{"nl", "Kruijswijk dolblij met podium: ’Dit is waar ik voor kwam’\n\nSteven Kruijswijk werd derde.",
			[]wantStatement{
				{Position, "Kruijswijk", "dolblij", "dolblij met podium", "Steven Kruijswijk"},
				{Direct, "Kruijswijk", ":", "’Dit is waar ik voor kwam’", "Steven Kruijswijk"}}},
		{"nl negative: a title", `Het boek heet: "De ontdekking van de hemel".`, nil},
	},
	"cue-verb": {
		{"nl", "Washington stelt dat Rusland eenheden in stelling heeft gebracht.",
			[]wantStatement{{Indirect, "Washington", "stelt", "Rusland eenheden in stelling heeft gebracht", "Verenigde Staten"}}},
		{"en", "Secretary of State Mike Pompeo said that Maduro was ready to leave.",
			[]wantStatement{{Indirect, "Secretary of State Mike Pompeo", "said", "Maduro was ready to leave", "Mike Pompeo"}}},
		{"nl negative: narration", "Joe Biden en Vladimir Poetin hebben ruim een uur met elkaar gesproken.", nil},
		{"en negative: narration", "The senator arrived in Ohio on Tuesday.", nil},
		{"nl: a manner verb by its place after a quote", `"Ik red het niet", snikte Marianne.`,
			[]wantStatement{{Direct, "Marianne", "snikte", `"Ik red het niet"`, "Marianne"}}},
		{"nl: with a particle after the speaker", `"We hebben mensen gekozen", legt directeur Jan Bos uit.`,
			[]wantStatement{{Direct, "directeur Jan Bos", "legt", `"We hebben mensen gekozen"`, "Jan Bos"}}},
		{"en: a manner verb by its place after a quote", `"It was fine," sighed the senator.`,
			[]wantStatement{{Direct, "the senator", "sighed", `"It was fine,"`, "senator"}}},
		{"nl negative: the clause goes on", `De spot, getiteld "Arrogant", toont de kandidaat die lacht.`, nil},
		{"en negative: the cue comes later", `"Subpoenas are not optional," panel chairman Jason Chaffetz said.`,
			[]wantStatement{{Direct, "panel chairman Jason Chaffetz", "said", `"Subpoenas are not optional,"`, "Jason Chaffetz"}}},
		{"nl negative: a conjunction after the quote", `"Het is goed", maar de minister twijfelt.`, nil},
		{"nl: a fronted clause before an inverted cue whose complement follows", `Gevraagd naar een akkoord, zei de minister "dat dit tot de mogelijkheden behoort".`,
			[]wantStatement{{Indirect, "", "Gevraagd", "naar een akkoord", ""}, {Direct, "de minister", "zei", `"dat dit tot de mogelijkheden behoort"`, "minister"}}},
		{"nl: the particle is no content", `Niettemin gaf de burgemeester toe "dat het nooit uitgesloten is".`,
			[]wantStatement{{Direct, "de burgemeester", "gaf", `"dat het nooit uitgesloten is"`, "burgemeester"}}},
		{"nl negative: an auxiliary alone is no content", "Hij zou ook 60 miljoen frank gevraagd hebben.", nil},
		{"nl negative: an object pronoun is no speaker", "Hierbij werd hem gevraagd wat hij in China kwam doen.", nil},
		{"nl: past an object pronoun to the subject", "Ook zou hij hebben gedreigd haar huis in brand te steken.",
			[]wantStatement{{Indirect, "hij", "gedreigd", "haar huis in brand te steken", "hij"}}},
		{"nl: the particle after an inverted speaker is no part of it", "De regels worden aangepast, gaf het ministerie toe.",
			[]wantStatement{{Indirect, "het ministerie", "gaf", "De regels worden aangepast", "ministerie"}}},
		{"nl: an apposition between an inverted speaker and the particle", "Vorige week kondigde Michael Knight, voorzitter van het comité, aan dat de atleten niet worden getest.",
			[]wantStatement{{Indirect, "Michael Knight", "kondigde", "de atleten niet worden getest", "Michael Knight"}}},
		{"nl: a relative clause after an inverted speaker is no content", "Maandag zei minister Jansen, die al jaren onder vuur ligt, dat er fouten zijn gemaakt.",
			[]wantStatement{{Indirect, "minister Jansen", "zei", "er fouten zijn gemaakt", "Jansen"}}},
		{"nl: after a fronted prepositional phrase, an unknown noun phrase before dat is the speaker", "Ondanks alles verzekerde de rijkswacht dat de problemen beperkt bleven.",
			[]wantStatement{{Indirect, "de rijkswacht", "verzekerde", "de problemen beperkt bleven", "rijkswacht"}}},
		{"nl negative: after a fronted prepositional phrase, a noun phrase with no clause is the subject of no cue", "Volgens de peilingen dreigt een fors verlies voor de partij.",
			[]wantStatement{{AccordingTo, "de peilingen", "Volgens", "dreigt een fors verlies voor de partij", "peilingen"}}},
		{"nl: a restrictive relative clause before the cue: its antecedent speaks", "Peres sprak met de partijen die vinden dat er te veel concessies zijn gedaan.",
			[]wantStatement{{Indirect, "de partijen die", "vinden", "er te veel concessies zijn gedaan", "partijen"}}},
		{"nl: not ruling out is a position", "De vakbond sluit niet uit dat er nieuwe stakingen komen.",
			[]wantStatement{{Position, "De vakbond", "sluit", "er nieuwe stakingen komen", "vakbond"}}},
		{"nl negative: sluiten without its particle", "Het kabinet sluit een akkoord met de oppositie.", nil},
		{"nl: a dat that ends the clause is an object pronoun, not a complement", "Onzin, noemt de minister dat.",
			[]wantStatement{{Indirect, "de minister", "noemt", "Onzin", "minister"}}},
		{"nl: a noun ending like an adjective does not swallow the complementizer", "Gisteren zei de familie dat ze geschokt is.",
			[]wantStatement{{Indirect, "de familie", "zei", "ze geschokt is", "familie"}}},
		{"nl: a second verb after en shares the subject that opens the sentence", "De minister bezocht gisteren Groningen en zei daar dat de gaswinning stopt.",
			[]wantStatement{{Indirect, "De minister", "zei", "de gaswinning stopt", "minister"}}},
		{"nl negative: a relative clause before en has a subject of its own", "De bond zoekt een commissaris die jongeren opleidt en vraagt om elk gebruik te melden.", nil},
		{"nl: a relative clause closes the speaker after a quote", "'Er is hoop', zegt de man die het spoorbedrijf het leven zuur maakt.",
			[]wantStatement{{Direct, "de man", "zegt", "'Er is hoop'", "man"}}},
		{"nl: a parenthesis after an inverted speaker is no content", "Gisteren zei Jan de Vries (45) dat hij niets heeft gezien.",
			[]wantStatement{{Indirect, "Jan de Vries", "zei", "hij niets heeft gezien", "Jan de Vries"}}},
		{"nl: a parenthesis after the speaker of an object-first sentence", "Een beetje spannend vindt Jan (16) het wel.",
			[]wantStatement{{Indirect, "Jan", "vindt", "Een beetje spannend … het wel", "Jan"}}},
		{"nl: a demonstrative opens the speaker", "Die partij zegt dat het plan niet deugt.",
			[]wantStatement{{Indirect, "Die partij", "zegt", "het plan niet deugt", "partij"}}},
		{"nl: a fronted prepositional phrase is no speaker; the subject follows the verb", "Tegenover RTL Nieuws zegt de minister dat hij het betreurt.",
			[]wantStatement{{Indirect, "de minister", "zegt", "hij het betreurt", "minister"}}},
	},
	"stance-predicate": {
		{"nl", "De bond is het oneens met de plannen.",
			[]wantStatement{{Position, "De bond", "het oneens", "het oneens met de plannen", "bond"}}},
		{"nl negative: tegen middernacht", "De wedstrijd is tegen middernacht afgelopen.", nil},
		{"nl: the speaker between the verb and its particle", "Het proces\n\nOok haalt Holleeder uit naar Peter R. de Vries.",
			[]wantStatement{{Position, "Holleeder", "uit", "uit naar Peter R. de Vries", "Holleeder"}}},
		{"nl: an adverbial between the verb and its particle", "Het proces\n\nHolleeder haalt in zijn slotwoord uit naar zijn zus Astrid.",
			[]wantStatement{{Position, "Holleeder", "uit", "uit naar zijn zus Astrid", "Holleeder"}}},
		{"nl negative: a particle of another verb", "Het proces\n\nHolleeder kwam in zijn slotwoord uit bij zijn zus.", nil},
		{"nl: a stance inside the content of an inverted cue is no statement of its own", "De bond is blij met het akkoord, zo zegt voorzitter Jan Bos.",
			[]wantStatement{{Indirect, "voorzitter Jan Bos", "zegt", "De bond is blij met het akkoord", "Jan Bos"}}},
		{"nl: a relative clause puts the verb after the predicate", "Ouders die zich zorgen maken over de veiligheid, bellen de school.",
			[]wantStatement{{Position, "Ouders die", "zich zorgen", "zich zorgen maken over de veiligheid", "Ouders"}}},
		{"nl: a subordinate clause puts the verb at its end", "Omdat de bond blij is met het akkoord, stopt de staking.",
			[]wantStatement{{Position, "de bond", "blij", "blij is met het akkoord", "bond"}}},
		{"nl negative: no verb of the predicate in the clause", "Ouders die zich zorgen over de school, bellen.", nil},
		{"nl: a negation inside the predicate", "De oppositie is het niet eens met dat plan.",
			[]wantStatement{{Position, "De oppositie", "het niet eens", "het niet eens met dat plan", "oppositie"}}},
		{"nl: an R-adverb with a stranded preposition for the object", "Het kabinet verhoogt de belasting. De oppositie is het daar niet mee eens.",
			[]wantStatement{{Position, "De oppositie", "het daar niet mee eens", "het daar niet mee eens", "oppositie"}}},
		{"nl: the R-adverb first, the speaker after the verb", "Het kabinet verhoogt de belasting. Daar is de oppositie het niet mee eens.",
			[]wantStatement{{Position, "de oppositie", "het niet mee eens", "het niet mee eens", "oppositie"}}},
		{"nl: an R-adverb joined to the object before the predicate", "Het kabinet verhoogt de belasting. De oppositie is daarmee niet blij.",
			[]wantStatement{{Position, "De oppositie", "blij", "daarmee niet blij", "oppositie"}}},
		{"nl negative: an R-adverb with another preposition", "Het kabinet verhoogt de belasting. De oppositie is daar blij om gelachen.", nil},
		{"nl: a noun of stance with its verb", "Veel partijen hadden lof voor het werk van de informateurs.",
			[]wantStatement{{Position, "Veel partijen", "lof", "lof voor het werk van de informateurs", "partijen"}}},
	},
	"stance": {
		{"nl", "Zo is Moskou faliekant tegen een toetreding van Oekraïne tot de NAVO.",
			[]wantStatement{{Position, "Moskou", "faliekant tegen", "faliekant tegen een toetreding van Oekraïne tot de NAVO", "Rusland"}}},
		{"nl negative: voor twee jaar", "Het contract is voor twee jaar getekend.", nil},
		{"nl negative: voor de tweede keer", "Hij is voor de tweede keer kampioen.", nil},
		{"nl negative: voor het eerst", "Zij is voor het eerst kampioen.", nil},
		{"nl negative: tegen 2030", "De minister is tegen 2030 klaar.", nil},
		{"nl: a pronoun", "Hij is tegen het plan van de minister.",
			[]wantStatement{{Position, "Hij", "tegen", "tegen het plan van de minister", "Hij"}}},
		{"en", "The senator is against the new tax.",
			[]wantStatement{{Position, "The senator", "against", "against the new tax", "senator"}}},
		{"en negative: against the clock", "The team is against the clock.", nil},
		{"nl: a stance inside the content of an inverted cue", "De vakbond is voorstander van hogere lonen, stelde voorzitter Luc Cortebeeck in zijn toespraak.",
			[]wantStatement{{Indirect, "voorzitter Luc Cortebeeck", "stelde", "De vakbond is voorstander van hogere lonen", "Luc Cortebeeck"}}},
		{"nl negative: an adjective that takes voor", "De minister is verantwoordelijk voor het beleid.", nil},
		{"nl negative: an auxiliary that is no copula", "We hebben voor de film een dorp gebouwd.", nil},
	},
	"floating-quote": {
		{"nl", "Minister Stef Blok noemt de situatie zorgelijk.\n\n\"Vlak bij Venezuela realiseer je je dat.\"",
			[]wantStatement{
				{Indirect, "Minister Stef Blok", "noemt", "de situatie zorgelijk", "Stef Blok"},
				{Direct, "", "", "\"Vlak bij Venezuela realiseer je je dat.\"", "Stef Blok"}}},
		{"nl negative: a scare quote", "Het kabinet spreekt van een 'historische' dag.", nil},
	},
}

// TestRuleCases runs the cases of every rule and checks that every rule of
// the table has positive and negative cases.
func TestRuleCases(t *testing.T) {
	names := []string{"floating-quote"}
	for _, r := range sentenceRules {
		names = append(names, r.name)
	}
	for _, pass := range tokenPasses {
		for _, r := range pass {
			names = append(names, r.name)
		}
	}
	for _, name := range names {
		cases := ruleCases[name]
		pos, neg := 0, 0
		for _, c := range cases {
			if len(c.want) > 0 {
				pos++
			} else {
				neg++
			}
		}
		if pos == 0 || neg == 0 {
			t.Errorf("rule %q: %d positive and %d negative cases; want both", name, pos, neg)
		}
		t.Run(name, func(t *testing.T) { runRuleCases(t, cases) })
	}
}

// TestRuleAsides covers a name between commas after a role, and a quote
// after a stance and a colon.
func TestRuleAsides(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"nl: a role, then the name between commas", "De advocaat van de verdachte, Jan de Vries, stelt dat zijn cliënt onschuldig is.",
			[]wantStatement{{Indirect, "Jan de Vries", "stelt", "zijn cliënt onschuldig is", "Jan de Vries"}}},
		{"nl: a stance, a colon and a quote", `Ook Jan de Vries is kritisch: "Dit had nooit mogen gebeuren."`,
			[]wantStatement{
				{Position, "Jan de Vries", "kritisch", "kritisch", "Jan de Vries"},
				{Direct, "Jan de Vries", ":", `"Dit had nooit mogen gebeuren."`, "Jan de Vries"}}},
	})
}

// TestRuleRelativeSpeakers covers a cue that is the verb of a relative
// clause: its speaker is the pronoun's antecedent, shown through the
// pronoun, whichever stage found the statement. A cue after the clause
// keeps the subject of the main clause.
func TestRuleRelativeSpeakers(t *testing.T) {
	tests := []struct {
		name, text, cue, source, actor string
	}{
		{"en: which after a comma", "The study, which notes that companies owe billions in taxes, was published on Monday.",
			"notes", "The study, which", "study"},
		{"en: who after a name", "The senator praised Mr. Kamin, who argued that the plan would simplify tax returns.",
			"argued", "Mr. Kamin, who", "Kamin"},
		{"en: who right after its noun", "Reporters spoke to an architect who said that he was never paid.",
			"said", "an architect who", "architect"},
		{"en negative: the cue after the relative clause", "Senator Warren, who chairs the panel, said the bank had failed.",
			"said", "Senator Warren", "Warren"},
		{"nl: die after a comma", "Het rapport kwam van de minister, die zei dat het plan deugt.",
			"zei", "de minister, die", "minister"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Analyze(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range d.Statements {
				if d.Slice(s.Cue) != tt.cue {
					continue
				}
				if d.Slice(s.Source) != tt.source || s.Actor < 0 || d.Actors[s.Actor].Name != tt.actor {
					t.Errorf("%q: cue %q has source %q, actor %d; want %q, %q", tt.text, tt.cue, d.Slice(s.Source), s.Actor, tt.source, tt.actor)
				}
				return
			}
			t.Errorf("%q: no statement with cue %q in %+v", tt.text, tt.cue, gotStatements(d))
		})
	}
}

// TestRuleQuotationDash covers the dash that attributes a quote to the name
// after it ('"…" ― Jane Smith'): a name that is the subject of a verb of
// its own after the dash is no such source.
func TestRuleQuotationDash(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"en: a quote signed with a dash", "“Nobody wants a wall.” ― Jane Smith",
			[]wantStatement{{Direct, "Jane Smith", "―", "“Nobody wants a wall.”", "Jane Smith"}}},
	})
	d, err := Analyze("Trump tweeted about the debate ― Trump said it was rigged.")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Statements {
		if d.Slice(s.Cue) == "―" {
			t.Errorf("the dash before %q is a cue: %+v", "Trump said", gotStatements(d))
		}
	}
}
