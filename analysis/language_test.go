package analysis

import "testing"

// One or two sentences in English or Dutch are analysed as that language,
// even without the function words longer texts are judged by; another
// language is still recognised as unsupported.
func TestDetectLanguageShortTexts(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{`"Absolutely ready," insists Zelensky.`, English},
		{`"Nonsense!" Trump wrote.`, English},
		{"Putin insists Ukraine belongs to Russia.", English},
		{"Oil prices rise after OPEC cuts output", English},
		{"Markets fell sharply on Monday.", English},
		{`Rutte: "Wij steunen Oekraïne."`, Dutch},
		{"Poetin dreigt opnieuw.", Dutch},
		{"Kabinet valt over stikstof", Dutch},
		{"Boeren protesteren tegen nieuwe regels.", Dutch},
		{`"Dit is onacceptabel," stelt Wilders.`, Dutch},
		{"Die Regierung will die Steuern senken, sagte Scholz.", Unsupported},
		{"Le gouvernement veut baisser les impôts, a dit Macron.", Unsupported},
		{"El gobierno quiere bajar los impuestos, dijo Sánchez.", Unsupported},
	} {
		d, err := Analyze(c.text)
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if d.Language != c.want {
			t.Errorf("%q: language %q, want %q", c.text, d.Language, c.want)
		}
	}
}

// A short English quote with its cue is not only detected but attributed.
func TestShortEnglishQuoteAttributed(t *testing.T) {
	d, err := Analyze(`"We will not back down," insists Smith.`)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Statements) != 1 || d.Slice(d.Statements[0].Source) != "Smith" {
		t.Fatalf("statements %+v, want one by Smith", d.Statements)
	}
}
