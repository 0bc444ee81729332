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
