package analysis

import (
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis/attribution"
)

// English shapes the rules alone missed, found with the attribution model:
// reported speech without "that", a question quote with "she asked", a
// quote after "told everyone," and a possessive apostrophe inside a quote.
func TestEnglishAttributionShapes(t *testing.T) {
	for _, c := range []struct {
		text, source, content string
	}{
		{"Senator Jane Smith said prosecutors had established that the money was moved.",
			"Senator Jane Smith", "prosecutors had established that the money was moved"},
		{`Mary Jones was angry. "Why would anyone vote for that?" she asked.`,
			"she", `"Why would anyone vote for that?"`},
		{`John Miller arrived late. He told everyone, "The meeting is over and we lost."`,
			"He", `"The meeting is over and we lost."`},
		{`Farmer Joe Brown was angry. "They stole the horses’ carrots and the pigs’ feed," he said.`,
			"he", `"They stole the horses’ carrots and the pigs’ feed,"`},
		{`Farmer Joe Brown was angry. "They stole the horses' carrots and the pigs' feed," he said.`,
			"he", `"They stole the horses' carrots and the pigs' feed,"`},
	} {
		d, err := Analyze(c.text)
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if len(d.Statements) != 1 {
			t.Errorf("%q: %d statements, want 1", c.text, len(d.Statements))
			continue
		}
		st := d.Statements[0]
		var content []string
		for _, p := range st.Content {
			content = append(content, d.Slice(p))
		}
		if got := d.Slice(st.Source); got != c.source {
			t.Errorf("%q: source %q, want %q", c.text, got, c.source)
		}
		if got := strings.Join(content, " … "); !strings.Contains(got, c.content) {
			t.Errorf("%q: content %q, want it to hold %q", c.text, got, c.content)
		}
	}
}

// The model files are listed per language, embedded in the native build,
// and AddModel refuses what it cannot use.
func TestModelFilesListed(t *testing.T) {
	names := func(lang string) string {
		var out []string
		for _, f := range ModelFiles(lang) {
			out = append(out, f.Name)
		}
		return strings.Join(out, " ")
	}
	if got, want := names(English), "en-lexicon.txt gazetteer.txt nl-ner.bin en-attribution.bin"; got != want {
		t.Fatalf("English lists the files %q, want %q", got, want)
	}
	if got, want := names(Dutch), "nl-lexicon.txt gazetteer.txt nl-ner.bin"; got != want {
		t.Fatalf("Dutch lists the files %q, want %q", got, want)
	}
	if len(ModelFiles("fr")) != 0 {
		t.Fatal("an unsupported language lists model files")
	}
	for _, lang := range []string{Dutch, English} {
		if !HasModels(lang) {
			t.Fatalf("the native build lacks a model of %s", lang)
		}
	}
	for _, f := range ModelFiles("") {
		if b, ok := EmbeddedModel(f.Name); !ok || len(b) == 0 {
			t.Errorf("%s is not embedded", f.Name)
		}
	}
	if err := AddModel("en-attribution.bin", []byte("junk")); err == nil {
		t.Fatal("AddModel accepted junk")
	}
	if err := AddModel("nosuch.bin", nil); err == nil {
		t.Fatal("AddModel accepted an unknown name")
	}
}

// A statement of the model's inside the content of one of the rules', cue
// and all, is nested and kept; one that only overlaps theirs is not.
func TestNestedIn(t *testing.T) {
	rules := found{content: []Span{{10, 60}}, source: -1}
	nested := found{cue: Span{20, 27}, content: []Span{{28, 50}}, source: -1}
	if !nestedIn(nested, rules) {
		t.Error("a cue and content inside the rules' content: not nested")
	}
	across := found{cue: Span{50, 55}, content: []Span{{56, 80}}, source: -1}
	if nestedIn(across, rules) {
		t.Error("content running past the rules' content: nested")
	}
	if nestedIn(found{content: []Span{{28, 50}}}, rules) {
		t.Error("content without a cue: nested")
	}
	if got := (&work{}).mergeStatements([]found{rules}, []found{nested, across}); len(got) != 2 {
		t.Errorf("merge kept %d statements, want the rules' and the nested one", len(got))
	}
}

// Where a statement of the model's overlaps one of the rules', the rules'
// keeps its phrase when the model names the same mention, and takes the
// model's source when the model names another one.
func TestMergeStatementsSources(t *testing.T) {
	w := &work{phrases: []phrase{{start: 0, end: 2}, {start: 5, end: 6}, {start: 1, end: 3}}}
	rules := func() found { return found{content: []Span{{10, 60}}, source: 0} }
	other := found{cue: Span{62, 66}, content: []Span{{20, 70}}, source: 1}
	same := found{cue: Span{62, 66}, content: []Span{{20, 70}}, source: 2}
	none := found{cue: Span{62, 66}, content: []Span{{20, 70}}, source: -1}
	for _, tc := range []struct {
		name  string
		model found
		want  int
	}{{"another mention", other, 1}, {"the same mention", same, 0}, {"no source", none, 0}} {
		got := w.mergeStatements([]found{rules()}, []found{tc.model})
		if len(got) != 1 || got[0].source != tc.want {
			t.Errorf("%s: got %d statements, source %d; want 1, source %d", tc.name, len(got), got[0].source, tc.want)
		}
	}
}

// TestModelContentBeforeAttribution checks that the model's content stops
// at a comma before an attribution of its own (", the source added"), so
// that attribution keeps its source.
func TestModelContentBeforeAttribution(t *testing.T) {
	text := "Clinton’s van was supposed to be escorted by an NYPD detail, another source said. " +
		"Clinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that request, the source added."
	d, err := Analyze(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range d.Statements {
		if d.Slice(s.Cue) == "added" {
			if got := d.Slice(s.Source); got != "the source" {
				t.Errorf("the cue %q has source %q, want %q", "added", got, "the source")
			}
			for _, c := range s.Content {
				if strings.Contains(d.Slice(c), "added") {
					t.Errorf("content %q runs into its own attribution", d.Slice(c))
				}
			}
			return
		}
	}
	t.Errorf("no statement with the cue %q: %+v", "added", gotStatements(d))
}

// TestModelParticipleSource checks that a participle after a comma (",
// encouraging his supporters to …") takes the subject that opens the
// sentence when the model marks a source after the participle: that is its
// object.
func TestModelParticipleSource(t *testing.T) {
	testModelSource(t, "The governor spoke at the rally, encouraging his supporters to visit polling places.",
		"encouraging", "his", "supporters", "to", "places", "The governor")
	// The object right before the comma is no subject of the participle.
	testModelSource(t, "Hillary Clinton spoke out about the death of a man in Tulsa, Oklahoma, arguing that the epidemic must end.",
		"arguing", "Oklahoma", "Oklahoma", "that", "end", "Hillary Clinton")
}

// TestModelPronounSource checks that a subject pronoun between the model's
// source and the cue is the cue's subject.
func TestModelPronounSource(t *testing.T) {
	testModelSource(t, "Marco Rubio spoke over boos from the audience as he congratulated the winner of the primary.",
		"congratulated", "Marco", "Rubio", "winner", "primary", "he")
}

// testModelSource drives modelFound with the cue word, the source from
// srcFirst to srcLast and the content from first to last (each word's
// first token), and compares the source phrase it reads.
func testModelSource(t *testing.T, text, cueWord, srcFirst, srcLast, first, last, want string) {
	t.Helper()
	w := entityWork(t, text)
	d := w.d
	findStatements(w)
	tok := func(word string) int {
		for i := range d.Tokens {
			if w.text(i) == word {
				return i
			}
		}
		t.Fatalf("no token %q", word)
		return -1
	}
	cue := attribution.Span{Start: tok(cueWord), End: tok(cueWord) + 1, Role: attribution.Cue}
	source := attribution.Span{Start: tok(srcFirst), End: tok(srcLast) + 1, Role: attribution.Source}
	content := attribution.Span{Start: tok(first), End: tok(last) + 1, Role: attribution.Content}
	f, ok := w.modelFound(0, cue, []attribution.Span{source}, []attribution.Span{content})
	if !ok || f.source < 0 {
		t.Fatalf("no statement with a source: %v %+v", ok, f)
	}
	if p := w.phrases[f.source]; w.spanText(p.start, p.end, false) != want {
		t.Errorf("%q: source %q, want %q", text, w.spanText(p.start, p.end, false), want)
	}
}

// TestPronounSubjectBefore checks the subject pronoun a cue without a
// source of the model's takes: right before the cue, auxiliaries, adverbs
// and negation aside, never an object form or a noun.
func TestPronounSubjectBefore(t *testing.T) {
	for _, tc := range []struct {
		text, cue, want string
	}{
		{"Rubio is trying to rebound, and he’s hoping the endorsement will help.", "hoping", "he’s"},
		{"Dayton is backing Clinton, but he has not predicted a win.", "predicted", "he"},
		{"Schultz refused to speak to reporters as she left the breakfast.", "left", "she"},
		{"The senator told him the plan would fail.", "told", ""},
		{"Reporters asked them whether the plan would fail.", "asked", ""},
		{"The governor promised that the plan would work.", "promised", ""},
	} {
		d, lx, err := prepare(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		w := newWork(d, lx)
		c := -1
		for i := range d.Tokens {
			if w.text(i) == tc.cue {
				c = i
			}
		}
		if c < 0 {
			t.Fatalf("%q: no token %q", tc.text, tc.cue)
		}
		got := ""
		if p, ok := w.pronounSubjectBefore(int(w.sent[c]), c); ok {
			got = w.spanText(p.start, p.end, false)
		}
		if got != tc.want {
			t.Errorf("%q: subject of %q is %q, want %q", tc.text, tc.cue, got, tc.want)
		}
	}
}

// TestSourcePhrasePlaceBeforeTitle checks that a source of the model's
// that opens with a place before a title and name ("Minnesota Gov. Mark
// Dayton") reads as the person, not the place.
func TestSourcePhrasePlaceBeforeTitle(t *testing.T) {
	w := entityWork(t, "Minnesota Gov. Mark Dayton said he would back the plan.")
	d := w.d
	b := 0
	for i := range d.Tokens {
		if w.text(i) == "Dayton" {
			b = i + 1
		}
	}
	p := w.sourcePhrase(0, b)
	if p.name < 0 || w.spanText(p.start, p.end, false) != "Gov. Mark Dayton" || p.actorType != Person {
		t.Errorf("phrase %q (type %s), want the person Gov. Mark Dayton", w.spanText(p.start, p.end, false), p.actorType)
	}
}

// entityWork prepares text up to its entities: the state the statement
// stages start from.
func entityWork(t *testing.T, text string) *work {
	t.Helper()
	d, lx, err := prepare(text)
	if err != nil {
		t.Fatal(err)
	}
	w := newWork(d, lx)
	w.rules = lx.rules
	if err := w.entityStages(); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestExpletiveAt covers the expletive pronoun that stands for a clause
// after it, in both languages, and pronouns that name someone.
func TestExpletiveAt(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"It is simply astounding that the plan failed.", true},
		{"It’s worth noting that the plan failed.", true},
		{"It is not at all clear whether the plan failed.", true},
		{"It says that the plan failed.", false},
		{"It is a big plan, and it failed.", false},
		{"Het is duidelijk dat het plan mislukt.", true},
		{"Het kabinet zegt dat het plan mislukt.", false},
	} {
		w := entityWork(t, tc.text)
		if got := w.expletiveAt(0); got != tc.want {
			t.Errorf("%q: expletive %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestExpletiveNoSpeaker covers a statement after an expletive: it is
// kept, with no source.
func TestExpletiveNoSpeaker(t *testing.T) {
	d, err := Analyze("The campaign was long. It's worth noting that this is the first time in American history that the question has had to be asked.")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, st := range d.Statements {
		if d.Slice(st.Cue) != "noting" {
			continue
		}
		found = true
		if !st.Source.IsZero() {
			t.Errorf("the statement after an expletive has the source %q, want none", d.Slice(st.Source))
		}
	}
	if !found {
		t.Errorf("no statement with the cue \"noting\" in %d statements", len(d.Statements))
	}
}

// TestWithoutFrontedAdjunct covers the model's content pieces around a
// source and its cue: a phrase before "source cue content" is an adjunct,
// but a quotation around the cue and its commas stays whole.
func TestWithoutFrontedAdjunct(t *testing.T) {
	tok := func(w *work, word string) int {
		for i := range w.low {
			if w.text(i) == word {
				return i
			}
		}
		t.Fatalf("no token %q", word)
		return -1
	}
	span := func(a, b int, r attribution.Role) attribution.Span {
		return attribution.Span{Start: a, End: b, Role: r}
	}
	w := entityWork(t, "Pleased with the plan, the senator said it would work.")
	said := tok(w, "said")
	cue := span(said, said+1, attribution.Cue)
	src := span(tok(w, ",")+1, said, attribution.Source)
	adjunct := span(0, tok(w, ","), attribution.Content)
	after := span(said+1, tok(w, "."), attribution.Content)
	if got := w.withoutFrontedAdjunct(cue, []attribution.Span{src}, []attribution.Span{adjunct, after}); len(got) != 1 || got[0] != after {
		t.Errorf("fronted adjunct: got %v, want only %v", got, after)
	}

	w = entityWork(t, `"The museum," the senator said, "would make history."`)
	said = tok(w, "said")
	cue = span(said, said+1, attribution.Cue)
	src = span(said-2, said, attribution.Source)
	before := span(0, said-3, attribution.Content)
	after = span(said+2, len(w.low), attribution.Content)
	if got := w.withoutFrontedAdjunct(cue, []attribution.Span{src}, []attribution.Span{before, after}); len(got) != 2 {
		t.Errorf("a quotation around the cue: got %v, want both pieces", got)
	}
}

// TestSourceIntoContent: a source span that runs on past its phrase into
// the content gives the content the words after the word that opens the
// complement; an apposition or a modifier after the phrase stays the
// speaker's.
func TestSourceIntoContent(t *testing.T) {
	spans := func(w *work, source, content string) ([]attribution.Span, []attribution.Span) {
		find := func(s string) attribution.Span {
			n := len(strings.Fields(s))
			for i := 0; i+n <= len(w.low); i++ {
				if strings.Join(w.low[i:i+n], " ") == strings.ToLower(s) {
					return attribution.Span{Start: i, End: i + n}
				}
			}
			t.Fatalf("no tokens %q", s)
			return attribution.Span{}
		}
		src, con := find(source), find(content)
		src.Role, con.Role = attribution.Source, attribution.Content
		return []attribution.Span{src}, []attribution.Span{con}
	}
	text := func(w *work, s attribution.Span) string { return strings.Join(w.low[s.Start:s.End], " ") }
	for _, c := range []struct {
		text, source, content   string // the model's spans
		wantSource, wantContent string
	}{
		{"The plan was criticized by Senator John Smith as a waste of money.",
			"Senator John Smith as a waste of", "money", "senator john smith", "a waste of money"},
		{"She was pressed by moderator Dana Bash to release transcripts of her speeches.",
			"moderator Dana Bash to release", "transcripts of her speeches", "moderator dana bash", "release transcripts of her speeches"},
		// Negative: the speaker's own modifier, and a content that does not
		// start where the source ends.
		{"Officials in the Obama administration have pressed for a memo.",
			"Officials in the Obama", "administration have pressed", "officials in the obama", "administration have pressed"},
		{"The plan was criticized by Senator John Smith as a waste of money.",
			"Senator John Smith as a", "of money", "senator john smith as a", "of money"},
	} {
		w := entityWork(t, c.text)
		src, con := spans(w, c.source, c.content)
		given := [2]attribution.Span{src[0], con[0]}
		gotSrc, gotCon := w.sourceIntoContent(src, con)
		if text(w, gotSrc[0]) != c.wantSource || text(w, gotCon[0]) != c.wantContent {
			t.Errorf("%q: source %q content %q, want %q and %q", c.text, text(w, gotSrc[0]), text(w, gotCon[0]), c.wantSource, c.wantContent)
		}
		if [2]attribution.Span{src[0], con[0]} != given {
			t.Errorf("%q: the spans given were changed", c.text)
		}
	}
}
