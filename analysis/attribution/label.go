package attribution

// A Label is what a token is in an attribution: outside (O), or the first
// (B) or a later (I) token of a source, cue or content span.
type Label uint8

// The labels. A span is a B label followed by I labels of its role.
const (
	O Label = iota
	BSource
	ISource
	BCue
	ICue
	BContent
	IContent
	numLabels
)

// Role is the role of a labelled span.
type Role uint8

// The roles a span can play.
const (
	None Role = iota
	Source
	Cue
	Content
)

// Role returns the role of the label (None for O).
func (l Label) Role() Role {
	if l == O || l >= numLabels {
		return None
	}
	return Role((l + 1) / 2)
}

// begins reports whether the label opens a span.
func (l Label) begins() bool { return l == BSource || l == BCue || l == BContent }

// labelFor returns the B or I label of a role.
func labelFor(r Role, inside bool) Label {
	if r == None {
		return O
	}
	l := Label(r)*2 - 1
	if inside {
		l++
	}
	return l
}

// String names the label ("B-CUE").
func (l Label) String() string {
	return [...]string{"O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON", "?"}[min(int(l), int(numLabels))]
}

// Token flags: what the analysis knows about a token before attribution.
const (
	// Quoted: the token lies inside a quotation.
	Quoted uint16 = 1 << iota
	// QuoteMark: the token is a quotation mark.
	QuoteMark
	// CueWord: the lexicon lists the word as a cue (a speech or cognition
	// verb, "according", ...).
	CueWord
	// Pronoun: the word is a personal pronoun.
	Pronoun
	// RoleWord: the word is a role or group noun ("spokesman", "officials").
	RoleWord
	// Capitalised: the word starts with a capital letter.
	Capitalised
	// ParagraphStart: the sentence is the first of its paragraph.
	ParagraphStart
	// Heading: the sentence is a headline or intertitle.
	Heading
	// Complementizer: the word is "that" or the language's equivalent.
	Complementizer
)

// A Token is one token of a sentence as the labeller sees it.
type Token struct {
	Word   string // the token's text
	Entity string // named-entity type (PER, ORG, LOC, MISC) or ""
	Flags  uint16 // Quoted, QuoteMark, ...
}

// A Span is a run of tokens [Start, End) of one role.
type Span struct {
	Start, End int
	Role       Role
}

// Spans returns the spans a label sequence marks, in order. An I label that
// does not continue a span of its role opens one.
func Spans(labels []Label) []Span {
	var out []Span
	for i, l := range labels {
		r := l.Role()
		if r == None {
			continue
		}
		if n := len(out); n > 0 && !l.begins() && out[n-1].Role == r && out[n-1].End == i {
			out[n-1].End = i + 1
			continue
		}
		out = append(out, Span{Start: i, End: i + 1, Role: r})
	}
	return out
}
