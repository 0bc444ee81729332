package components

import (
	"sort"
	"strings"

	"github.com/article-explorer/explorer/analysis"
)

// Sidebar groups of actors.
const (
	groupPeople = "people"
	groupOrgs   = "orgs"
	groupPlaces = "places"
)

// sidebarGroups lists the groups in display order with their heading keys.
var sidebarGroups = []struct{ id, key string }{
	{groupPeople, "sidebar.people"},
	{groupOrgs, "sidebar.orgs"},
	{groupPlaces, "sidebar.places"},
}

// actorGroup returns the sidebar group of an actor type: people, then
// organisations and groups, then governments and places.
func actorGroup(typ string) string {
	switch typ {
	case analysis.Person:
		return groupPeople
	case analysis.Location:
		return groupPlaces
	default:
		return groupOrgs
	}
}

// badgeOf returns the badge of a statement type: "quote" for direct
// quotes, "position" for stances, "according" for according-to, and
// "reported" for reported speech (indirect, and mixed: reported with a
// quoted part).
func badgeOf(typ string) string {
	switch typ {
	case analysis.Direct:
		return "quote"
	case analysis.Position:
		return "position"
	case analysis.AccordingTo:
		return "according"
	default:
		return "reported"
	}
}

// statementsByActor returns, for every actor, the indices of its statements
// in text order, and the statements without an actor.
func statementsByActor(d *analysis.Document) (byActor [][]int, none []int) {
	byActor = make([][]int, len(d.Actors))
	for i, s := range d.Statements {
		if s.Actor >= 0 && s.Actor < len(d.Actors) {
			byActor[s.Actor] = append(byActor[s.Actor], i)
		} else {
			none = append(none, i)
		}
	}
	order := func(ix []int) {
		sort.SliceStable(ix, func(a, b int) bool { return stmtStart(d, ix[a]) < stmtStart(d, ix[b]) })
	}
	for _, ix := range byActor {
		order(ix)
	}
	order(none)
	return byActor, none
}

// stmtStart returns where a statement's content starts (its first piece).
func stmtStart(d *analysis.Document, i int) int {
	s := &d.Statements[i]
	if len(s.Content) == 0 {
		return s.Cue.Start
	}
	return s.Content[0].Start
}

// rankActors returns the actor indices most-quoted first; ties go to the
// actor mentioned more often, then to the one mentioned first.
func rankActors(d *analysis.Document, byActor [][]int) []int {
	ix := make([]int, len(d.Actors))
	for i := range ix {
		ix[i] = i
	}
	sort.SliceStable(ix, func(a, b int) bool {
		x, y := ix[a], ix[b]
		if len(byActor[x]) != len(byActor[y]) {
			return len(byActor[x]) > len(byActor[y])
		}
		return len(d.Actors[x].Mentions) > len(d.Actors[y].Mentions)
	})
	return ix
}

// actorIndex returns the index of the actor with the given id, or -1.
func actorIndex(d *analysis.Document, id string) int {
	if d == nil || id == "" {
		return -1
	}
	for i, a := range d.Actors {
		if a.ID == id {
			return i
		}
	}
	return -1
}

// actorLabel is the hover and focus label of a mention: name, type and roles.
func actorLabel(l Lang, a analysis.Actor) string {
	parts := []string{a.Name, l.T("type." + a.Type)}
	if len(a.Roles) > 0 {
		parts = append(parts, strings.Join(a.Roles, ", "))
	}
	return strings.Join(parts, " · ")
}

// contentText joins the pieces of a statement's content with an ellipsis.
func contentText(d *analysis.Document, s analysis.Statement) string {
	var parts []string
	for _, c := range s.Content {
		if c.Start >= 0 && c.End <= len(d.Text) && c.Start < c.End {
			parts = append(parts, d.Slice(c))
		}
	}
	return strings.Join(parts, " … ")
}

// matchesFilter reports whether an actor's name contains the filter text,
// ignoring case and the common Dutch and French accents.
func matchesFilter(a analysis.Actor, filter string) bool {
	filter = strings.TrimSpace(filter)
	if filter == "" {
		return true
	}
	return strings.Contains(fold(a.Name), fold(filter))
}

// fold lower-cases s and strips the accents of Latin letters.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'á', 'à', 'ä', 'â', 'Á', 'À', 'Ä', 'Â':
			return 'a'
		case 'é', 'è', 'ë', 'ê', 'É', 'È', 'Ë', 'Ê':
			return 'e'
		case 'í', 'ì', 'ï', 'î', 'Í', 'Ì', 'Ï', 'Î':
			return 'i'
		case 'ó', 'ò', 'ö', 'ô', 'Ó', 'Ò', 'Ö', 'Ô':
			return 'o'
		case 'ú', 'ù', 'ü', 'û', 'Ú', 'Ù', 'Ü', 'Û':
			return 'u'
		case 'ç', 'Ç':
			return 'c'
		}
		return r
	}, strings.ToLower(s))
}
