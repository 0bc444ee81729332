package components

import (
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"
)

// actorNames returns the actor names listed under a group heading id.
func actorNames(root *html.Node, group string) []string {
	var names []string
	for _, sec := range findAll(root, byAttr("aria-labelledby", group)) {
		for _, n := range findAll(sec, byTagClass("span", "actor-name")) {
			names = append(names, textOf(n))
		}
	}
	return names
}

func TestActorSidebarGroupsAndOrder(t *testing.T) {
	d := seedDoc(t)
	root := mountHTML(t, NewActorSidebar().Doc(d).Lang(English))
	cases := []struct {
		group string
		want  []string
	}{
		// Most-quoted first; ties go to the actor mentioned more often.
		{"group-people", []string{"Vladimir Poetin", "Joe Biden", "een topadviseur van Poetin", "Emmanuel Macron"}},
		{"group-orgs", []string{"het Witte Huis"}},
		{"group-places", []string{"Rusland", "Washington"}},
	}
	for _, c := range cases {
		if got := actorNames(root, c.group); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s lists %q; want %q", c.group, got, c.want)
		}
	}
	// Places without statements are folded away under "Mentioned only".
	if got := findAll(root, byAttr("id", "group-mentioned-t")); len(got) != 1 || attr(got[0], "aria-expanded") != "false" || !strings.Contains(textOf(got[0]), "1") {
		t.Errorf("no folded 'Mentioned only' group with Verenigde Staten")
	}
	// Counts and ARIA.
	poetin := findAll(root, byAttr("id", "actor-a2"))[0]
	if got := textOf(findAll(poetin, byTagClass("span", "count"))[0]); got != "3 statements" {
		t.Errorf("Poetin's count = %q; want 3 statements", got)
	}
	if attr(poetin, "aria-expanded") != "false" || attr(poetin, "aria-controls") != "statements-a2" {
		t.Errorf("Poetin's button: aria-expanded %q, aria-controls %q", attr(poetin, "aria-expanded"), attr(poetin, "aria-controls"))
	}
	if got := textOf(findAll(poetin, byTagClass("span", "actor-meta"))[0]); got != "Russische president" {
		t.Errorf("Poetin's meta = %q", got)
	}
	// The statement without a speaker is listed apart.
	if got := findAll(root, byAttr("aria-labelledby", "group-none")); len(got) != 1 || len(findAll(got[0], byAttr("data-stmt", "s9"))) != 1 {
		t.Error("s9 (no speaker) is not under 'Without a speaker'")
	}
}

func TestActorSidebarOpenActor(t *testing.T) {
	d := seedDoc(t)
	root := mountHTML(t, NewActorSidebar().Doc(d).Lang(English).Selected("a2", "s8"))
	poetin := findAll(root, byAttr("id", "actor-a2"))[0]
	if !isTrue(poetin, "aria-expanded") || !hasClass(poetin, "is-open") {
		t.Errorf("selected Poetin is not open: %q", attr(poetin, "class"))
	}
	list := findAll(root, byAttr("id", "statements-a2"))
	if len(list) != 1 {
		t.Fatal("Poetin's statement list is missing")
	}
	var ids, badges []string
	for _, b := range findAll(list[0], byTagClass("button", "statement")) {
		ids = append(ids, attr(b, "data-stmt"))
		badges = append(badges, textOf(findAll(b, byTagClass("span", "badge"))[0]))
	}
	if want := []string{"s6", "s8", "s11"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Poetin's statements = %v; want %v (text order)", ids, want)
	}
	if want := []string{"reported", "reported", "position"}; !reflect.DeepEqual(badges, want) {
		t.Errorf("badges = %v; want %v", badges, want)
	}
	active := findAll(list[0], byTagClass("button", "is-active"))
	if len(active) != 1 || attr(active[0], "data-stmt") != "s8" || !isTrue(active[0], "aria-current") {
		t.Errorf("active statement: %v", active)
	}
	cue := textOf(findAll(active[0], byTagClass("span", "cue"))[0])
	if cue != "noemde" {
		t.Errorf("s8 cue = %q; want noemde", cue)
	}
	if len(findAll(root, byAttr("id", "show-all"))) != 1 {
		t.Error("no 'show all actors' button while an actor is selected")
	}
	// Only the selected actor is open.
	if n := len(findAll(root, byTagClass("ul", "statement-list"))); n != 2 { // Poetin's and the unattributed list
		t.Errorf("%d statement lists; want 2", n)
	}
}

func TestActorSidebarFilterAndCallbacks(t *testing.T) {
	d := seedDoc(t)
	var selected, clicked []string
	cleared := 0
	s := NewActorSidebar().Doc(d).Lang(Dutch).
		OnSelectActor(func(ctx app.Context, id string) { selected = append(selected, id) }).
		OnSelectStatement(func(ctx app.Context, id string) { clicked = append(clicked, id) }).
		OnClear(func(ctx app.Context) { cleared++ })
	disp := app.NewClientTester(s)
	defer disp.Close()

	s.filter = "MACRON"
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: s, Function: func(app.Context) {}})
	disp.Consume()
	root := parseHTML(t, app.HTMLString(s))
	var names []string
	for _, n := range findAll(root, byTagClass("span", "actor-name")) {
		names = append(names, textOf(n))
	}
	if !reflect.DeepEqual(names, []string{"Emmanuel Macron"}) {
		t.Errorf("filter MACRON lists %q", names)
	}
	s.filter = "poetín"
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: s, Function: func(app.Context) {}})
	disp.Consume()
	if got := actorNames(parseHTML(t, app.HTMLString(s)), "group-people"); len(got) != 2 {
		t.Errorf("filter poetín lists %q; want Poetin and his adviser", got)
	}
	s.filter = "xyz"
	disp.Dispatch(app.Dispatch{Mode: app.Update, Source: s, Function: func(app.Context) {}})
	disp.Consume()
	if got := textOf(parseHTML(t, app.HTMLString(s))); !strings.Contains(got, "Geen actor past bij “xyz”.") {
		t.Errorf("no 'no match' message in %q", got)
	}

	// Callbacks get ids.
	// (Actor buttons go through the sidebar's delegated click, which needs a
	// browser event: the end-to-end tests click them.)
	st := NewStatementItem().Doc(d).Statement(7).OnSelect(s.IOnSelectStatement)
	st.onClick(disp.Context(), app.Event{})
	s.onClear(disp.Context(), app.Event{})
	if len(selected) != 0 || !reflect.DeepEqual(clicked, []string{"s8"}) || cleared != 1 {
		t.Errorf("callbacks: selected %v, clicked %v, cleared %d", selected, clicked, cleared)
	}
}
