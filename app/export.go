package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/article-explorer/explorer/analysis"
	"github.com/article-explorer/explorer/components"
)

// exportJSON returns the analysis in the CLI's JSON contract (the same
// bytes "explorer analyze" prints, indented). With corrections, the object
// gains "edits" (the corrections, in order, with "applied") and every
// actor and statement a correction touched "edited": true.
func exportJSON(d *analysis.Document, edits []Edit, c Corrected) ([]byte, error) {
	b, err := d.MarshalJSON()
	if err != nil {
		return nil, err
	}
	if len(edits) > 0 {
		if b, err = withEdits(b, edits, c); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// withEdits adds the corrections to the JSON of a document.
func withEdits(b []byte, edits []Edit, c Corrected) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	mark := func(key string, edited map[string]bool) {
		list, _ := doc[key].([]any)
		for _, x := range list {
			if m, ok := x.(map[string]any); ok {
				if id, _ := m["id"].(string); edited[id] {
					m["edited"] = true
				}
			}
		}
	}
	mark("actors", c.EditedActors)
	mark("statements", c.EditedStmts)
	failed := map[int]bool{}
	for _, i := range c.Failed {
		failed[i] = true
	}
	ref := func(r ActorRef) map[string]any {
		if r.Mention.IsZero() {
			return map[string]any{"name": r.Name}
		}
		return map[string]any{"mention": map[string]any{"start": r.Mention.Start, "end": r.Mention.End}}
	}
	span := func(s analysis.Span) map[string]any { return map[string]any{"start": s.Start, "end": s.End} }
	list := make([]any, 0, len(edits))
	for i, e := range edits {
		m := map[string]any{"kind": e.Kind, "applied": !failed[i]}
		switch e.Kind {
		case EditReassign:
			m["statement"], m["actor"] = span(e.Stmt), ref(e.Actor)
		case EditMerge:
			m["actor"], m["into"] = ref(e.Actor), ref(e.Into)
		case EditRename:
			m["actor"], m["name"] = ref(e.Actor), e.Name
		case EditType:
			m["statement"], m["type"] = span(e.Stmt), e.Type
		case EditDelete:
			m["statement"] = span(e.Stmt)
		case EditAdd:
			m["content"], m["type"], m["actor"] = span(e.Content), e.Type, ref(e.Actor)
		}
		list = append(list, m)
	}
	doc["edits"] = list
	return json.Marshal(doc)
}

// exportName names the export files after the article: its title (or the
// last part of its URL) and its date, as a slug; "article" when there is
// neither.
func exportName(src Source, d *analysis.Document) string {
	name := slug(d.Title)
	if name == "" {
		name = slug(src.Title)
	}
	if name == "" {
		name = documentID(src, d)
	}
	if date := slug(d.Date); date != "" && !strings.HasPrefix(name, date) {
		name = date + "-" + name
	}
	return name
}

// csvHeader names the columns of exportCSV.
var csvHeader = []string{"statement", "actor", "actor_type", "role", "statement_type", "cue", "content", "sentence_number", "sentence", "edited"}

// exportCSV returns one CSV row per statement, in text order: statement
// id, actor name and type, the actor's roles, the statement type, the cue,
// the content (pieces joined by " … "), the sentence number (from 1) and
// the sentence, and "yes" when a correction touched it. Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe.
func exportCSV(d *analysis.Document, edited map[string]bool) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff") // so spreadsheets read UTF-8
	w := csv.NewWriter(&b)
	w.Write(csvHeader)
	for _, s := range d.Statements {
		actor, typ, roles := "", "", ""
		if s.Actor >= 0 && s.Actor < len(d.Actors) {
			a := d.Actors[s.Actor]
			actor, typ, roles = a.Name, a.Type, strings.Join(a.Roles, "; ")
		}
		num, sentence := "", ""
		if s.Sentence >= 0 && s.Sentence < len(d.Sentences) {
			num = strconv.Itoa(s.Sentence + 1)
			sentence = oneLine(slice(d, d.Sentences[s.Sentence].Span))
		}
		ed := ""
		if edited[s.ID] {
			ed = "yes"
		}
		row := []string{s.ID, actor, typ, roles, s.Type, slice(d, s.Cue), oneLine(content(d, s)), num, sentence, ed}
		for i := range row {
			row[i] = defuseFormula(row[i])
		}
		w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// defuseFormula prefixes a cell that starts like a spreadsheet formula.
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// exportText returns a plain list of who said what, grouped by actor in
// the sidebar's order (most-quoted first), each statement with its type
// and cue.
func exportText(d *analysis.Document, l components.Lang) string {
	var b strings.Builder
	title := d.Title
	b.WriteString(l.T("text.title"))
	if title != "" {
		b.WriteString(": " + title)
	}
	b.WriteString("\n")
	byActor := make([][]int, len(d.Actors))
	var none []int
	for i, s := range d.Statements {
		if s.Actor >= 0 && s.Actor < len(d.Actors) {
			byActor[s.Actor] = append(byActor[s.Actor], i)
		} else {
			none = append(none, i)
		}
	}
	order := make([]int, 0, len(d.Actors))
	for i := range d.Actors {
		if len(byActor[i]) > 0 {
			order = append(order, i)
		}
	}
	// Stable insertion sort: most statements first, then first mention.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && len(byActor[order[j]]) > len(byActor[order[j-1]]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	line := func(i int) {
		s := d.Statements[i]
		b.WriteString("  - [" + l.T("stmt."+s.Type) + "] ")
		b.WriteString(quoted(oneLine(content(d, s))))
		if cue := slice(d, s.Cue); cue != "" {
			b.WriteString(" (" + cue + ")")
		}
		b.WriteString("\n")
	}
	for _, a := range order {
		act := d.Actors[a]
		b.WriteString("\n" + act.Name)
		if len(act.Roles) > 0 {
			b.WriteString(", " + strings.Join(act.Roles, ", "))
		}
		b.WriteString(" (" + l.T("type."+act.Type) + ")\n")
		for _, i := range byActor[a] {
			line(i)
		}
	}
	if len(none) > 0 {
		b.WriteString("\n" + l.T("text.unknown") + "\n")
		for _, i := range none {
			line(i)
		}
	}
	return b.String()
}

// quoted puts text between quotation marks, unless it already is (a
// direct quote's content keeps its own marks).
func quoted(s string) string {
	if r, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("\"“„«‘'", r) {
		if l, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("\"”»’'", l) {
			return s
		}
	}
	return "“" + s + "”"
}

// slice returns the text of a span, "" when it is empty or out of range.
func slice(d *analysis.Document, s analysis.Span) string {
	if s.IsZero() || s.Start < 0 || s.End > len(d.Text) {
		return ""
	}
	return d.Slice(s)
}

// content joins the pieces of a statement's content with " … ".
func content(d *analysis.Document, s analysis.Statement) string {
	parts := make([]string, 0, len(s.Content))
	for _, c := range s.Content {
		if t := slice(d, c); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " … ")
}
