package analysis

// A Span is the half-open byte range [Start, End) of Document.Text.
// The zero Span is empty and means "none" where a span is optional.
type Span struct {
	Start, End int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is empty (used for "no source", "no cue").
func (s Span) IsZero() bool { return s.End <= s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Language codes that Document.Language takes.
const (
	Dutch       = "nl"
	English     = "en"
	Unsupported = "unsupported"
)

// Entity types (CoNLL style).
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Actor types.
const (
	Person       = "person"
	Organization = "organization"
	Location     = "location"
	Group        = "group"
)

// Mention kinds.
const (
	NameMention    = "name"
	RoleMention    = "role"
	PronounMention = "pronoun"
)

// Statement types.
const (
	Direct      = "direct"
	Indirect    = "indirect"
	Mixed       = "mixed"
	AccordingTo = "according_to"
	Position    = "position"
)

// A Paragraph is a block of text separated from the next by a blank line, or
// a line of its own that reads as a headline or intertitle (Heading).
type Paragraph struct {
	Span
	Heading bool
}

// A Sentence is one sentence of a paragraph. Tokens[FirstToken:EndToken] are its tokens.
type Sentence struct {
	Span
	Paragraph            int
	FirstToken, EndToken int
}

// A Token is a word, number or punctuation mark.
type Token struct {
	Span
}

// An Entity is a named-entity mention typed PER, ORG, LOC or MISC.
type Entity struct {
	Span
	Type string
}

// A Mention is a place in the text that refers to an actor: by name, by a
// role description ("de Russische president") or by a pronoun ("Hij").
type Mention struct {
	Span
	Kind string
}

// An Actor is a person, organisation, government or group that the article
// names or quotes, with every mention that refers to it.
type Actor struct {
	ID       string    // "a1", "a2", ... in order of first mention
	Name     string    // the fullest name the text gives
	Type     string    // Person, Organization, Location or Group
	Roles    []string  // role descriptions, e.g. "Russische president"
	Mentions []Mention // in text order
}

// A Statement is a stated position: something the article presents as said,
// claimed, wanted or opposed by an actor.
type Statement struct {
	ID       string // "s1", "s2", ... in text order
	Actor    int    // index into Document.Actors; -1 when unresolved
	Type     string // Direct, Indirect, Mixed, AccordingTo or Position
	Source   Span   // the words naming the speaker here; zero when none
	Cue      Span   // the cue word(s); zero when none
	Content  []Span // one or more pieces, in text order
	Sentence int    // index into Document.Sentences of the first content piece
}

// A Document is the analysis of one article. Every span indexes Text.
type Document struct {
	ID       string
	Text     string
	Language string // Dutch, English or Unsupported
	Title    string // the headline, when the text starts with one
	Date     string // from a leading metadata line such as "date 2022-02"

	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	Entities   []Entity
	Actors     []Actor
	Statements []Statement

	// quotes holds each paragraph's quotation pairs, found once while
	// splitting sentences and read again by the statement rules.
	quotes [][]quotePair
}

// Slice returns the text a span covers.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }
