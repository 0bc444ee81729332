package analysis

import (
	"slices"
	"strings"
	"testing"
)

// actorOf returns the name of the actor that the mention with this exact
// text (the n-th one, counting from 0) belongs to.
func actorOf(d *Document, text string, n int) string {
	for _, a := range d.Actors {
		for _, m := range a.Mentions {
			if d.Slice(m.Span) == text {
				if n == 0 {
					return a.Name
				}
				n--
			}
		}
	}
	return ""
}

// TestCoreference covers each rule that merges mentions into one actor.
func TestCoreference(t *testing.T) {
	tests := []struct {
		name, text, mention string
		nth                 int
		want                string
	}{
		{"full name to surname", "Vladimir Poetin sprak met Macron. Later zei Poetin dat hij tevreden was.", "Poetin", 0, "Vladimir Poetin"},
		{"role description to the named person", "De Russische president Vladimir Poetin was in Parijs. Volgens Moskou noemde de Russische president het overleg nuttig.", "de Russische president", 0, "Vladimir Poetin"},
		{"bare role head to the person", "De Amerikaanse president Donald Trump voert sancties in. Volgens de president is ingrijpen niet uitgesloten.", "de president", 0, "Donald Trump"},
		{"pronoun to the previous speaker", "\"De hysterie is groot\", aldus een topadviseur van Poetin. Hij benadrukte dat de contacten doorgaan.", "Hij", 0, "topadviseur van Poetin"},
		{"pronoun skips an object", "Yago R. wil terug naar Nederland. Later trouwde hij met Shamima Begum in Syrië. Tegen de BBC vertelde hij dat hij spijt heeft.", "hij", 0, "Yago R."},
		{"capital as speaker is its country", "Washington stelt dat Rusland troepen samentrekt.", "Washington", 0, "Verenigde Staten"},
		{"seat of government as speaker", "Het Kremlin liet weten dat het gesprek nuttig was.", "Kremlin", 0, "Rusland"},
		{"country names merge", "De Verenigde Staten dreigen met sancties. Volgens de VS is de grens gesloten.", "VS", 0, "Verenigde Staten"},
		{"inhabitants stand for the country", "De Amerikanen willen overleg. Rusland zegt dat de Amerikanen geen rekening houden met Moskou.", "Amerikanen", 0, "Verenigde Staten"},
		{"title inside a name is dropped", "Secretary of State Mike Pompeo said that Maduro was ready to leave.", "Secretary of State Mike Pompeo", 0, ""},
		{"english surname", "Hillary Clinton spoke in Ohio. Later, Clinton said she was confident.", "Clinton", 0, "Hillary Clinton"},
		// Pronouns: the nearest fitting subject, respecting gender.
		{"pronoun to a nearer subject than the speaker", "Mark Rutte zei dat het kabinet doorgaat. Sigrid Kaag is minister van Financiën. Zij zegt dat er geld is.", "Zij", 0, "Sigrid Kaag"},
		{"pronoun gender skips a speaker of the other gender", "Sigrid Kaag sprak met Mark Rutte. \"Het is voorbij\", zei Rutte. Hij zegt dat het kabinet doorgaat.", "Hij", 0, "Mark Rutte"},
		{"pronoun gender: she is not a man", "Femke Halsema sprak in Amsterdam. Ahmed Aboutaleb zei dat hij tevreden was. Ze zei dat de stad klaar is.", "Ze", 0, "Femke Halsema"},
		{"zij with a singular verb is one person", "Femke Halsema sprak met de Amerikanen. De Amerikanen zien het anders. Zij kondigde aan dat de regels blijven.", "Zij", 0, "Femke Halsema"},
		{"a subject before its verb after a conjunction", "Veel jongeren twijfelen, maar Jasmine van Kessel (17) is een uitzondering. \"Ik heb erover nagedacht\", zegt ze.", "ze", 0, "Jasmine van Kessel"},
		{"a subject earlier in the same sentence", "Mark Rutte zei dat het kabinet doorgaat. Toen Bruno Bruins binnenkwam, zei hij dat het plan klaar is.", "hij", 0, "Bruno Bruins"},
		{"seat of government Den Haag", "Den Haag reageert dat er geld komt voor de opvang.", "Den Haag", 0, "Nederland"},
		{"multi-word organisation stays whole", "Vluchtelingenwerk Nederland zegt dat de opvang in Ter Apel vol is.", "Vluchtelingenwerk Nederland", 0, "Vluchtelingenwerk Nederland"},
		{"a municipality is a body, not the place", "De gemeente Leeuwarden zegt dat de regels strenger worden.", "gemeente Leeuwarden", 0, "gemeente Leeuwarden"},
		{"a place after a preposition stays the place", "De burgemeester zei in Leeuwarden dat de regels strenger worden.", "Leeuwarden", 0, "Leeuwarden"},
		// Coordinated speakers are one group.
		{"coordinated speakers", "GroenLinks en PvdA zeggen dat de regels strenger moeten.", "GroenLinks en PvdA", 0, "GroenLinks en PvdA"},
		{"a list of speakers", "Volgens CNV, FNV en VCP is het akkoord onvoldoende.", "CNV, FNV en VCP", 0, "CNV, FNV en VCP"},
		{"an object in a coordination is no speaker", "Rutte sprak met Kaag en Hoekstra zei dat het akkoord er komt.", "Hoekstra", 0, "Hoekstra"},
		// Definite descriptions by kind.
		{"de organisatie to the last organisation", "In Genève sprak het Rode Kruis over de oorlog. De organisatie zegt dat de hulp tekortschiet.", "De organisatie", 0, "Rode Kruis"},
		{"no organisation before: a new actor", "Het regent in Groningen. De organisatie zegt dat de opvang vol is.", "De organisatie", 0, "organisatie"},
		// Capitals whatever the tagger's type; acronyms in parentheses.
		{"capital as speaker, any type", "Londen waarschuwt dat de sancties strenger worden.", "Londen", 0, "Verenigd Koninkrijk"},
		{"capital not speaking stays a place", "De minister reisde naar Londen voor overleg.", "Londen", 0, "Londen"},
		{"acronym joins its full name", "Het Centraal Orgaan opvang asielzoekers (COA) is bezorgd. Het COA zegt dat er plekken nodig zijn.", "COA", 1, "Centraal Orgaan opvang asielzoekers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Analyze(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := actorOf(d, tt.mention, tt.nth); got != tt.want {
				var names []string
				for _, a := range d.Actors {
					names = append(names, a.Name)
				}
				t.Errorf("%q: mention %q (#%d) belongs to %q, want %q (actors %q)", tt.text, tt.mention, tt.nth, got, tt.want, names)
			}
		})
	}
}

// TestUnnamedSpeakersKeepTheirRole checks that unnamed sources are actors
// with their role.
func TestUnnamedSpeakersKeepTheirRole(t *testing.T) {
	d, err := Analyze("Een woordvoerder van Macron liet weten dat er geen aanwijzingen zijn. Ondertussen manen de Oekraïense machthebbers tot kalmte.")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"woordvoerder van Macron": Person, "Oekraïense machthebbers": Group}
	for _, a := range d.Actors {
		if typ, ok := want[a.Name]; ok {
			if a.Type != typ {
				t.Errorf("actor %q has type %q, want %q", a.Name, a.Type, typ)
			}
			if len(a.Roles) == 0 || !strings.EqualFold(a.Roles[0], a.Name) {
				t.Errorf("actor %q has roles %q, want its role kept", a.Name, a.Roles)
			}
			delete(want, a.Name)
		}
	}
	for name := range want {
		t.Errorf("no actor %q", name)
	}
}

// TestActorNamesHaveNoControlCharacters feeds names with control
// characters: they never reach an actor's name.
func TestActorNamesHaveNoControlCharacters(t *testing.T) {
	for _, text := range []string{
		"Mark\x00Rutte zei dat het kabinet doorgaat.",
		"De woordvoerder\x01 van Macron zei dat er geen aanwijzingen zijn.",
		"\"Het is voorbij\", zei Sigrid\x7fKaag.",
	} {
		d, err := Analyze(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range d.Actors {
			if strings.ContainsFunc(a.Name, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				t.Errorf("%q: actor name %q holds a control character", text, a.Name)
			}
		}
	}
}

// TestPronounWithoutAntecedent: a speaker pronoun that nothing in the text
// names (an excerpt, an interview answer) keeps its statement, with an
// actor named by the pronoun; the same pronoun again is the same actor,
// and the cue verb's number tells a person from a group.
func TestPronounWithoutAntecedent(t *testing.T) {
	tests := []struct {
		text  string
		names []string // the actors of the statements, in order
		types []string
	}{
		{`"Ik kon ze niet aan hun lot overlaten", zei ze.`, []string{"ze"}, []string{Person}},
		{`Het is nog te vroeg, zegt hij. "We beginnen pas", voegt hij eraan toe.`, []string{"hij", "hij"}, []string{Person, Person}},
		{`Ze zeiden dat het plan niet werkt.`, []string{"Ze"}, []string{Group}},
		{`"It is too early," she said.`, []string{"she"}, []string{Person}},
		{`Marie Peeters woont in Gent. "Het is te vroeg", zegt ze.`, []string{"Marie Peeters"}, []string{Person}},
	}
	for _, tc := range tests {
		d, err := Analyze(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		var names, types []string
		for _, s := range d.Statements {
			names = append(names, d.Actors[s.Actor].Name)
			types = append(types, d.Actors[s.Actor].Type)
		}
		if !slices.Equal(names, tc.names) || !slices.Equal(types, tc.types) {
			t.Errorf("%q: speakers %q %q, want %q %q", tc.text, names, types, tc.names, tc.types)
		}
		if len(d.Statements) == 2 && d.Statements[0].Actor != d.Statements[1].Actor {
			t.Errorf("%q: the same pronoun became two actors", tc.text)
		}
	}
}

// TestNormASCII checks norm's ASCII path against the general one.
func TestNormASCII(t *testing.T) {
	for _, s := range []string{"", " ", "Joe Biden", "  Joe   Biden ", "joe\tBIDEN\n", "a\vb\fc\rd", "De  Amerikaanse\n president", "x", "X ", "élan Vital", "A\u00a0B", "Mr. O'Neil-Smith (72)"} {
		want := strings.ToLower(strings.Join(strings.Fields(s), " "))
		if got, ok := normASCII(s); ok && got != want {
			t.Errorf("normASCII(%q) = %q; want %q", s, got, want)
		} else if !ok && isASCII(s) {
			t.Errorf("normASCII(%q) refused an ASCII string", s)
		}
		if got := norm(s); got != want {
			t.Errorf("norm(%q) = %q; want %q", s, got, want)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
