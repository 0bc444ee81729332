package app

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/article-explorer/explorer/analysis"
)

// The kinds of correction a reader can make (Edit.Kind).
const (
	EditReassign = "reassign" // give a statement to another actor
	EditMerge    = "merge"    // merge an actor into another one
	EditRename   = "rename"   // rename an actor
	EditType     = "type"     // change a statement's type
	EditDelete   = "delete"   // delete a false statement
	EditAdd      = "add"      // add a missing statement
)

// maxEdits caps the corrections one view (and one share link) carries.
const maxEdits = 500

// maxNameBytes caps an actor name a reader gives.
const maxNameBytes = 200

// An ActorRef names an actor by where the text mentions it (one of its
// mentions, as a byte span), so that it survives a newer engine that numbers
// the actors differently. An actor the reader created has no mention; it is
// named by Name.
type ActorRef struct {
	Mention analysis.Span
	Name    string
}

// IsZero reports whether the reference names nothing.
func (r ActorRef) IsZero() bool { return r.Mention.IsZero() && r.Name == "" }

// An Edit is one correction of the analysis by the reader. Statements are
// anchored by the byte span of their first content piece, actors by an
// ActorRef: never by engine ids.
type Edit struct {
	Kind    string
	Stmt    analysis.Span // reassign, type, delete: the statement's first content piece
	Actor   ActorRef      // reassign, add: the speaker; merge: the actor merged away; rename: the actor
	Into    ActorRef      // merge: the actor that is kept
	Name    string        // rename: the new name
	Type    string        // type, add: the statement type
	Content analysis.Span // add: the content
}

// A Corrected is an analysis with the reader's corrections applied.
type Corrected struct {
	Doc          *analysis.Document // a copy; the engine's document is not changed
	Failed       []int              // indices of the edits that no longer anchor
	EditedStmts  map[string]bool    // ids of statements an edit changed or added
	EditedActors map[string]bool    // ids of actors an edit renamed, merged into or created
}

// statementTypes are the types a statement may be given.
var statementTypes = []string{analysis.Direct, analysis.Mixed, analysis.Indirect, analysis.AccordingTo, analysis.Position}

func validType(t string) bool {
	for _, x := range statementTypes {
		if t == x {
			return true
		}
	}
	return false
}

// ApplyEdits applies edits in order to a copy of d. An edit whose anchor is
// gone (no statement or actor at its span, a span outside the text) is
// skipped and listed in Failed; the others still apply. Statement and actor
// ids of the engine are kept; added statements and created actors get the
// next free numbers.
func ApplyEdits(d *analysis.Document, edits []Edit) Corrected {
	out := Corrected{Doc: d, EditedStmts: map[string]bool{}, EditedActors: map[string]bool{}}
	if d == nil || len(edits) == 0 {
		return out
	}
	c := *d
	c.Actors = make([]analysis.Actor, len(d.Actors))
	copy(c.Actors, d.Actors)
	c.Statements = make([]analysis.Statement, len(d.Statements))
	copy(c.Statements, d.Statements)
	w := &work{d: &c, goneActor: make([]bool, len(c.Actors)), goneStmt: make([]bool, len(c.Statements))}
	w.nextActor, w.nextStmt = maxID(c.Actors, func(a analysis.Actor) string { return a.ID }), maxID(c.Statements, func(s analysis.Statement) string { return s.ID })
	for i, e := range edits {
		if !w.apply(e, &out) {
			out.Failed = append(out.Failed, i)
		}
	}
	w.compact()
	out.Doc = &c
	return out
}

// work is the state of ApplyEdits.
type work struct {
	d                   *analysis.Document
	goneActor, goneStmt []bool
	nextActor, nextStmt int
}

// maxID returns the largest number of ids like "a12".
func maxID[T any](xs []T, id func(T) string) int {
	n := 0
	for _, x := range xs {
		if s := id(x); len(s) > 1 {
			if v, err := strconv.Atoi(s[1:]); err == nil && v > n {
				n = v
			}
		}
	}
	return n
}

// validSpan reports whether s is a non-empty span of the text on character
// boundaries.
func (w *work) validSpan(s analysis.Span) bool {
	t := w.d.Text
	return s.Start >= 0 && s.Start < s.End && s.End <= len(t) &&
		utf8.RuneStart(t[s.Start]) && (s.End == len(t) || utf8.RuneStart(t[s.End]))
}

// findActor returns the index of the actor a reference names, or -1: the
// actor with a mention at exactly that span, else one whose mention
// overlaps it most; a created actor by its name.
func (w *work) findActor(r ActorRef) int {
	d := w.d
	if !r.Mention.IsZero() {
		best, bestOv := -1, 0
		for i, a := range d.Actors {
			if w.goneActor[i] {
				continue
			}
			for _, m := range a.Mentions {
				if m.Span == r.Mention {
					return i
				}
				if ov := overlap(m.Span, r.Mention); ov*2 > r.Mention.Len() && ov*2 > m.Len() && ov > bestOv {
					best, bestOv = i, ov
				}
			}
		}
		return best
	}
	if r.Name == "" {
		return -1
	}
	for i, a := range d.Actors {
		if !w.goneActor[i] && a.Name == r.Name {
			return i
		}
	}
	return -1
}

// findOrCreateActor is findActor, creating an actor of that name for a
// reference by name only.
func (w *work) findOrCreateActor(r ActorRef, out *Corrected) int {
	if i := w.findActor(r); i >= 0 || !r.Mention.IsZero() {
		return i
	}
	if !validName(r.Name) {
		return -1
	}
	w.nextActor++
	id := "a" + strconv.Itoa(w.nextActor)
	w.d.Actors = append(w.d.Actors, analysis.Actor{ID: id, Name: r.Name, Type: analysis.Person})
	w.goneActor = append(w.goneActor, false)
	out.EditedActors[id] = true
	return len(w.d.Actors) - 1
}

// findStmt returns the statement whose first content piece is at span s,
// else the one whose first piece overlaps it by more than half of both, or -1.
func (w *work) findStmt(s analysis.Span) int {
	best, bestOv := -1, 0
	for i, st := range w.d.Statements {
		if w.goneStmt[i] || len(st.Content) == 0 {
			continue
		}
		c := st.Content[0]
		if c == s {
			return i
		}
		if ov := overlap(c, s); ov*2 > s.Len() && ov*2 > c.Len() && ov > bestOv {
			best, bestOv = i, ov
		}
	}
	return best
}

func overlap(a, b analysis.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}

// validName reports whether a name a reader gave can be used.
func validName(n string) bool {
	if n == "" || len(n) > maxNameBytes || !utf8.ValidString(n) || strings.TrimSpace(n) != n {
		return false
	}
	for _, r := range n {
		if unicode.IsControl(r) || isBidiControl(r) {
			return false
		}
	}
	return true
}

// apply applies one edit and reports whether it anchored.
func (w *work) apply(e Edit, out *Corrected) bool {
	d := w.d
	switch e.Kind {
	case EditReassign, EditType, EditDelete:
		if !w.validSpan(e.Stmt) {
			return false
		}
		s := w.findStmt(e.Stmt)
		if s < 0 {
			return false
		}
		st := &d.Statements[s]
		switch e.Kind {
		case EditReassign:
			a := w.findOrCreateActor(e.Actor, out)
			if a < 0 {
				return false
			}
			if st.Actor != a {
				st.Source = sourceFor(d.Actors[a], st.Source)
			}
			st.Actor = a
		case EditType:
			if !validType(e.Type) {
				return false
			}
			st.Type = e.Type
		case EditDelete:
			w.goneStmt[s] = true
		}
		out.EditedStmts[st.ID] = true
		return true
	case EditMerge:
		from, into := w.findActor(e.Actor), w.findActor(e.Into)
		if from < 0 || into < 0 || from == into {
			return false
		}
		a, b := &d.Actors[into], d.Actors[from]
		ms := make([]analysis.Mention, 0, len(a.Mentions)+len(b.Mentions))
		ms = append(append(ms, a.Mentions...), b.Mentions...)
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		a.Mentions = ms
		roles := append([]string(nil), a.Roles...)
		for _, r := range b.Roles {
			if !contains(roles, r) {
				roles = append(roles, r)
			}
		}
		a.Roles = roles
		for i := range d.Statements {
			if d.Statements[i].Actor == from {
				d.Statements[i].Actor = into
				out.EditedStmts[d.Statements[i].ID] = true
			}
		}
		w.goneActor[from] = true
		out.EditedActors[a.ID] = true
		return true
	case EditRename:
		a := w.findActor(e.Actor)
		if a < 0 || !validName(e.Name) {
			return false
		}
		d.Actors[a].Name = e.Name
		out.EditedActors[d.Actors[a].ID] = true
		return true
	case EditAdd:
		if !w.validSpan(e.Content) || !validType(e.Type) {
			return false
		}
		a := w.findOrCreateActor(e.Actor, out)
		if a < 0 {
			return false
		}
		if s := w.findStmt(e.Content); s >= 0 && d.Statements[s].Content[0] == e.Content {
			// The engine (a newer one) finds it too: correct that one.
			st := &d.Statements[s]
			st.Actor, st.Type = a, e.Type
			out.EditedStmts[st.ID] = true
			return true
		}
		w.nextStmt++
		st := analysis.Statement{
			ID:       "s" + strconv.Itoa(w.nextStmt),
			Actor:    a,
			Type:     e.Type,
			Content:  []analysis.Span{e.Content},
			Sentence: sentenceAt(d, e.Content.Start),
		}
		d.Statements = append(d.Statements, st)
		w.goneStmt = append(w.goneStmt, false)
		out.EditedStmts[st.ID] = true
		return true
	}
	return false
}

// sourceFor returns the source span a statement keeps when it is given to
// actor a: the old one if it is one of a's mentions, else none.
func sourceFor(a analysis.Actor, old analysis.Span) analysis.Span {
	for _, m := range a.Mentions {
		if m.Span == old {
			return old
		}
	}
	return analysis.Span{}
}

// sentenceAt returns the index of the sentence containing byte offset i, or -1.
func sentenceAt(d *analysis.Document, i int) int {
	k := sort.Search(len(d.Sentences), func(k int) bool { return d.Sentences[k].End > i })
	if k < len(d.Sentences) && d.Sentences[k].Start <= i {
		return k
	}
	return -1
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// compact drops merged actors and deleted statements, renumbers the actor
// indices of the statements and keeps the statements in text order.
func (w *work) compact() {
	d := w.d
	newIndex := make([]int, len(d.Actors))
	actors := d.Actors[:0:0]
	for i, a := range d.Actors {
		if w.goneActor[i] {
			newIndex[i] = -1
			continue
		}
		newIndex[i] = len(actors)
		actors = append(actors, a)
	}
	stmts := make([]analysis.Statement, 0, len(d.Statements))
	for i, s := range d.Statements {
		if w.goneStmt[i] {
			continue
		}
		if s.Actor >= 0 && s.Actor < len(newIndex) {
			s.Actor = newIndex[s.Actor]
		}
		stmts = append(stmts, s)
	}
	sort.SliceStable(stmts, func(i, j int) bool { return firstStart(stmts[i]) < firstStart(stmts[j]) })
	d.Actors, d.Statements = actors, stmts
}

func firstStart(s analysis.Statement) int {
	if len(s.Content) == 0 {
		return s.Cue.Start
	}
	return s.Content[0].Start
}

// Anchor returns the anchor of a statement: its first content piece.
func Anchor(s analysis.Statement) analysis.Span {
	if len(s.Content) == 0 {
		return analysis.Span{}
	}
	return s.Content[0]
}

// RefOf returns the reference to actor a: its first mention, or its name
// for an actor without mentions (one the reader created).
func RefOf(a analysis.Actor) ActorRef {
	if len(a.Mentions) > 0 {
		return ActorRef{Mention: a.Mentions[0].Span}
	}
	return ActorRef{Name: a.Name}
}

// encodeEdits writes edits for a share link: edits separated by ";",
// fields by ",", spans as "start-end", an actor as its mention span or as
// "n" and its escaped name, names and types query-escaped:
//
//	r,S-E,ACTOR  m,ACTOR,ACTOR  n,ACTOR,NAME  t,S-E,TYPE  d,S-E  a,S-E,TYPE,ACTOR
func encodeEdits(edits []Edit) string {
	var b strings.Builder
	span := func(s analysis.Span) string { return strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End) }
	ref := func(r ActorRef) string {
		if r.Mention.IsZero() {
			return "n" + url.QueryEscape(r.Name)
		}
		return span(r.Mention)
	}
	for i, e := range edits {
		if i > 0 {
			b.WriteByte(';')
		}
		switch e.Kind {
		case EditReassign:
			b.WriteString("r," + span(e.Stmt) + "," + ref(e.Actor))
		case EditMerge:
			b.WriteString("m," + ref(e.Actor) + "," + ref(e.Into))
		case EditRename:
			b.WriteString("n," + ref(e.Actor) + "," + url.QueryEscape(e.Name))
		case EditType:
			b.WriteString("t," + span(e.Stmt) + "," + url.QueryEscape(e.Type))
		case EditDelete:
			b.WriteString("d," + span(e.Stmt))
		case EditAdd:
			b.WriteString("a," + span(e.Content) + "," + url.QueryEscape(e.Type) + "," + ref(e.Actor))
		}
	}
	return b.String()
}

// decodeEdits reads what encodeEdits wrote. It refuses more than maxEdits
// edits and any malformed field.
func decodeEdits(s string) ([]Edit, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ";")
	if len(parts) > maxEdits {
		return nil, ErrShareMalformed
	}
	edits := make([]Edit, 0, len(parts))
	for _, p := range parts {
		f := strings.Split(p, ",")
		var e Edit
		var ok bool
		switch {
		case f[0] == "r" && len(f) == 3:
			e.Kind = EditReassign
			e.Stmt, ok = parseSpan(f[1])
			if ok {
				e.Actor, ok = parseRef(f[2])
			}
		case f[0] == "m" && len(f) == 3:
			e.Kind = EditMerge
			e.Actor, ok = parseRef(f[1])
			if ok {
				e.Into, ok = parseRef(f[2])
			}
		case f[0] == "n" && len(f) == 3:
			e.Kind = EditRename
			e.Actor, ok = parseRef(f[1])
			if ok {
				e.Name, ok = parseText(f[2])
			}
		case f[0] == "t" && len(f) == 3:
			e.Kind = EditType
			e.Stmt, ok = parseSpan(f[1])
			if ok {
				e.Type, ok = parseText(f[2])
			}
		case f[0] == "d" && len(f) == 2:
			e.Kind = EditDelete
			e.Stmt, ok = parseSpan(f[1])
		case f[0] == "a" && len(f) == 4:
			e.Kind = EditAdd
			e.Content, ok = parseSpan(f[1])
			if ok {
				e.Type, ok = parseText(f[2])
			}
			if ok {
				e.Actor, ok = parseRef(f[3])
			}
		}
		if !ok {
			return nil, ErrShareMalformed
		}
		edits = append(edits, e)
	}
	return edits, nil
}

func parseSpan(s string) (analysis.Span, bool) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return analysis.Span{}, false
	}
	x, err1 := parseSmallInt(a)
	y, err2 := parseSmallInt(b)
	if err1 != nil || err2 != nil || x >= y {
		return analysis.Span{}, false
	}
	return analysis.Span{Start: x, End: y}, true
}

func parseRef(s string) (ActorRef, bool) {
	if strings.HasPrefix(s, "n") {
		n, ok := parseText(s[1:])
		return ActorRef{Name: n}, ok && n != ""
	}
	sp, ok := parseSpan(s)
	return ActorRef{Mention: sp}, ok
}

func parseText(s string) (string, bool) {
	t, err := url.QueryUnescape(s)
	if err != nil || len(t) > maxNameBytes || !utf8.ValidString(t) {
		return "", false
	}
	return t, true
}

// isBidiControl reports whether r is a Unicode bidirectional control
// character, which can make text read in another order than it is stored.
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061C, r == 0x200E, r == 0x200F:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
