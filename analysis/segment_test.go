package analysis

import (
	"strings"
	"testing"
)

// structure runs only the structure stage (no models needed).
func structure(t *testing.T, text string) *Document {
	t.Helper()
	lxs, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	d := &Document{Text: text}
	splitParagraphs(d, readMetadata(d))
	if d.Language, err = detectLanguage(d); err != nil {
		t.Fatal(err)
	}
	lx := lxs[d.Language]
	if lx == nil {
		lx = lxs[Dutch]
	}
	for p := range d.Paragraphs {
		first := len(d.Tokens)
		tokenize(d, lx, d.Paragraphs[p].Start, d.Paragraphs[p].End)
		splitSentences(d, lx, p, first, len(d.Tokens))
	}
	return d
}

func sentences(d *Document) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Slice(s.Span))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"dutch abbreviations", "Volgens dhr. Jansen en mw. De Vries is het o.a. duur. Dat zei prof. Smit.",
			[]string{"Volgens dhr. Jansen en mw. De Vries is het o.a. duur.", "Dat zei prof. Smit."}},
		{"multi-period abbreviation", "Het kost 3 mln. euro, d.w.z. veel geld. Hij betaalt.",
			[]string{"Het kost 3 mln. euro, d.w.z. veel geld.", "Hij betaalt."}},
		{"english titles", "Mr. Smith met Dr. Jones in the U.S. yesterday. They talked.",
			[]string{"Mr. Smith met Dr. Jones in the U.S. yesterday.", "They talked."}},
		{"initials", "J. Biden sprak met V. Poetin. Het ging goed.",
			[]string{"J. Biden sprak met V. Poetin.", "Het ging goed."}},
		{"quote over two sentences stays with its cue", `"Het is voorbij. Dat weet iedereen," zei hij. Daarna ging hij weg.`,
			[]string{`"Het is voorbij. Dat weet iedereen," zei hij.`, "Daarna ging hij weg."}},
		{"closing quote after the period", "„Rusland moet meewerken.” Die oproep deed Rutte.",
			[]string{"„Rusland moet meewerken.”", "Die oproep deed Rutte."}},
		{"question and exclamation", "Komt hij? Ja! Natuurlijk.",
			[]string{"Komt hij?", "Ja!", "Natuurlijk."}},
		{"numbers", "Het kost 1.000 euro. Of 3,5 procent.",
			[]string{"Het kost 1.000 euro.", "Of 3,5 procent."}},
		{"no punctuation", "zomaar wat woorden zonder punt",
			[]string{"zomaar wat woorden zonder punt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(structure(t, tt.text))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	d := structure(t, `NAVO-landen zien "andere scenario's", aldus dhr. Rutte (VVD).`)
	var got []string
	for _, tok := range d.Tokens {
		got = append(got, d.Slice(tok.Span))
	}
	want := []string{"NAVO-landen", "zien", `"`, "andere", "scenario's", `"`, ",", "aldus", "dhr.", "Rutte", "(", "VVD", ")", "."}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("tokens\n got %q\nwant %q", got, want)
	}
}

func TestParagraphsAndMetadata(t *testing.T) {
	text := " date 2022-02 Poetin zei iets.\n\nPoetin vindt het 'provocatief'\n\nDe rest volgt hier. En meer.\n"
	d := structure(t, text)
	if d.Date != "2022-02" {
		t.Errorf("date = %q, want 2022-02", d.Date)
	}
	if len(d.Paragraphs) != 3 {
		t.Fatalf("got %d paragraphs, want 3", len(d.Paragraphs))
	}
	if got := d.Slice(d.Paragraphs[0].Span); got != "Poetin zei iets." {
		t.Errorf("first paragraph = %q (the metadata must be left out)", got)
	}
	wantHeading := []bool{false, true, false}
	for i, p := range d.Paragraphs {
		if p.Heading != wantHeading[i] {
			t.Errorf("paragraph %d %q: heading = %v, want %v", i, d.Slice(p.Span), p.Heading, wantHeading[i])
		}
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"De minister zei dat het kabinet niet van plan is om de regels te veranderen.", Dutch},
		{"The minister said that the government has no plans to change the rules.", English},
		{"Der Minister sagte, dass die Regierung keine Pläne hat, die Regeln zu ändern.", Unsupported},
		{"12345 67890", Unsupported},
	}
	for _, tt := range tests {
		if got := structure(t, tt.text).Language; got != tt.want {
			t.Errorf("language of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		text string
		want []string // the outer text of each pair
	}{
		{`Hij zei "ja" en "nee".`, []string{`"ja"`, `"nee"`}},
		{`„Dit is het,” zei ze.`, []string{`„Dit is het,”`}},
		{`“Yes,” he said.`, []string{`“Yes,”`}},
		{`Het is ’mislukt’ volgens het CDA.`, []string{`’mislukt’`}},
		{`De 'andere scenario's' bestaan.`, []string{`'andere scenario's'`}},
		{`Hij las «Le Monde» en 's avonds de krant.`, []string{`«Le Monde»`}},
		{`Een open "quote zonder einde`, []string{`"quote zonder einde`}},
		{`"Hij zei: 'nooit' en ging," aldus X.`, []string{`"Hij zei: 'nooit' en ging,"`, `'nooit'`}},
	}
	for _, tt := range tests {
		pairs := findQuotes(tt.text, Span{0, len(tt.text)}, clitics(t, Dutch))
		var got []string
		for _, q := range pairs {
			got = append(got, tt.text[q.Outer(len(tt.text)).Start:q.Outer(len(tt.text)).End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("quotes in %q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
