package app

import (
	"reflect"
	"strings"
	"testing"

	"github.com/article-explorer/explorer/analysis"
)

// spanOf returns the span of the first occurrence of s in smallText.
func spanOf(t *testing.T, s string) analysis.Span {
	t.Helper()
	i := strings.Index(smallText, s)
	if i < 0 {
		t.Fatalf("%q not in smallText", s)
	}
	return analysis.Span{Start: i, End: i + len(s)}
}

func stmtByAnchor(d *analysis.Document, s analysis.Span) *analysis.Statement {
	for i := range d.Statements {
		if Anchor(d.Statements[i]) == s {
			return &d.Statements[i]
		}
	}
	return nil
}

func TestApplyEditsEachKind(t *testing.T) {
	orig := smallDoc()
	poetin, biden := RefOf(orig.Actors[0]), RefOf(orig.Actors[1])
	s1, s2, s3 := Anchor(orig.Statements[0]), Anchor(orig.Statements[1]), Anchor(orig.Statements[2])

	t.Run("reassign", func(t *testing.T) {
		c := ApplyEdits(smallDoc(), []Edit{{Kind: EditReassign, Stmt: s1, Actor: biden}})
		st := stmtByAnchor(c.Doc, s1)
		if len(c.Failed) != 0 || c.Doc.Actors[st.Actor].Name != "Joe Biden" || !c.EditedStmts[st.ID] {
			t.Errorf("reassign: failed %v, speaker %q, edited %v", c.Failed, c.Doc.Actors[st.Actor].Name, c.EditedStmts)
		}
		if !st.Source.IsZero() {
			t.Errorf("a reassigned statement keeps the old speaker's mention %v as its source", st.Source)
		}
	})
	t.Run("merge", func(t *testing.T) {
		c := ApplyEdits(smallDoc(), []Edit{{Kind: EditMerge, Actor: biden, Into: poetin}})
		if len(c.Doc.Actors) != 1 || len(c.Doc.Actors[0].Mentions) != 3 || !c.EditedActors["a1"] {
			t.Fatalf("merge: actors %+v", c.Doc.Actors)
		}
		if st := stmtByAnchor(c.Doc, s2); st.Actor != 0 {
			t.Errorf("merge: Biden's statement has actor %d", st.Actor)
		}
		if st := stmtByAnchor(c.Doc, s3); st.Actor != -1 {
			t.Errorf("merge: the unattributed statement got actor %d", st.Actor)
		}
		// A later edit naming the merged actor by its mention finds the kept one.
		c = ApplyEdits(smallDoc(), []Edit{{Kind: EditMerge, Actor: biden, Into: poetin}, {Kind: EditRename, Actor: biden, Name: "Poetin en Biden"}})
		if len(c.Failed) != 0 || c.Doc.Actors[0].Name != "Poetin en Biden" {
			t.Errorf("rename after merge: failed %v, name %q", c.Failed, c.Doc.Actors[0].Name)
		}
	})
	t.Run("rename", func(t *testing.T) {
		c := ApplyEdits(smallDoc(), []Edit{{Kind: EditRename, Actor: poetin, Name: "Poetin"}})
		if c.Doc.Actors[0].Name != "Poetin" || !c.EditedActors["a1"] {
			t.Errorf("rename: %q", c.Doc.Actors[0].Name)
		}
		if orig := smallDoc(); orig.Actors[0].Name != "Vladimir Poetin" {
			t.Error("ApplyEdits changed the engine's document")
		}
		for _, bad := range []string{"", " x", "a\u202eb", "a\x00b", strings.Repeat("x", 201)} {
			if c := ApplyEdits(smallDoc(), []Edit{{Kind: EditRename, Actor: poetin, Name: bad}}); len(c.Failed) != 1 {
				t.Errorf("rename to %q was applied", bad)
			}
		}
	})
	t.Run("type", func(t *testing.T) {
		c := ApplyEdits(smallDoc(), []Edit{{Kind: EditType, Stmt: s2, Type: analysis.Direct}, {Kind: EditType, Stmt: s2, Type: "shout"}})
		if stmtByAnchor(c.Doc, s2).Type != analysis.Direct || !reflect.DeepEqual(c.Failed, []int{1}) {
			t.Errorf("type: %q, failed %v", stmtByAnchor(c.Doc, s2).Type, c.Failed)
		}
	})
	t.Run("delete", func(t *testing.T) {
		c := ApplyEdits(smallDoc(), []Edit{{Kind: EditDelete, Stmt: s3}})
		if len(c.Doc.Statements) != 2 || stmtByAnchor(c.Doc, s3) != nil {
			t.Errorf("delete: %d statements left", len(c.Doc.Statements))
		}
		if c.Doc.Statements[0].ID != "s1" || c.Doc.Statements[1].ID != "s2" {
			t.Errorf("delete renumbered the statements: %s %s", c.Doc.Statements[0].ID, c.Doc.Statements[1].ID)
		}
	})
	t.Run("add", func(t *testing.T) {
		content := spanOf(t, "zei iemand")
		c := ApplyEdits(smallDoc(), []Edit{
			{Kind: EditAdd, Content: content, Type: analysis.Indirect, Actor: ActorRef{Name: "Iemand"}},
			{Kind: EditAdd, Content: spanOf(t, "Overleg"), Type: analysis.Position, Actor: poetin},
		})
		if len(c.Failed) != 0 || len(c.Doc.Statements) != 5 {
			t.Fatalf("add: failed %v, %d statements", c.Failed, len(c.Doc.Statements))
		}
		st := stmtByAnchor(c.Doc, content)
		if st == nil || st.ID != "s4" || c.Doc.Actors[st.Actor].Name != "Iemand" || c.Doc.Actors[st.Actor].ID != "a3" || st.Sentence != 3 {
			t.Fatalf("add: %+v", st)
		}
		if c.Doc.Statements[0].ID != "s5" {
			t.Errorf("added statements are not in text order: first is %s", c.Doc.Statements[0].ID)
		}
		if !c.EditedActors["a3"] || !c.EditedStmts["s4"] || !c.EditedStmts["s5"] {
			t.Errorf("edited flags: %v %v", c.EditedActors, c.EditedStmts)
		}
	})
}

func TestApplyEditsReportsLostAnchors(t *testing.T) {
	d := smallDoc()
	edits := []Edit{
		{Kind: EditDelete, Stmt: analysis.Span{Start: 1, End: 3}},                                     // no statement there
		{Kind: EditRename, Actor: ActorRef{Mention: analysis.Span{Start: 0, End: 5}}, Name: "X"},      // no actor there
		{Kind: EditType, Stmt: analysis.Span{Start: 5, End: len(d.Text) + 10}, Type: analysis.Direct}, // outside the text
		{Kind: EditType, Stmt: Anchor(d.Statements[0]), Type: analysis.Direct},                        // fine
		{Kind: EditMerge, Actor: RefOf(d.Actors[0]), Into: RefOf(d.Actors[0])},                        // into itself
	}
	c := ApplyEdits(d, edits)
	if !reflect.DeepEqual(c.Failed, []int{0, 1, 2, 4}) {
		t.Errorf("failed %v; want [0 1 2 4]", c.Failed)
	}
	if c.Doc.Statements[0].Type != analysis.Direct {
		t.Error("the edit that anchors was not applied")
	}
	// A newer engine that cuts the content a little differently still anchors.
	s := Anchor(d.Statements[0])
	d.Statements[0].Content[0].End--
	if c := ApplyEdits(d, []Edit{{Kind: EditDelete, Stmt: s}}); len(c.Failed) != 0 {
		t.Error("a statement whose content moved by one byte no longer anchors")
	}
}

func TestEditsCodecRoundTrip(t *testing.T) {
	edits := []Edit{
		{Kind: EditReassign, Stmt: analysis.Span{Start: 3, End: 9}, Actor: ActorRef{Mention: analysis.Span{Start: 1, End: 2}}},
		{Kind: EditReassign, Stmt: analysis.Span{Start: 3, End: 9}, Actor: ActorRef{Name: "De woordvoerder, zei: 100% “ja”; &=#"}},
		{Kind: EditMerge, Actor: ActorRef{Mention: analysis.Span{Start: 10, End: 12}}, Into: ActorRef{Name: "n"}},
		{Kind: EditRename, Actor: ActorRef{Mention: analysis.Span{Start: 10, End: 12}}, Name: "Jan-Peter Balkenende"},
		{Kind: EditType, Stmt: analysis.Span{Start: 0, End: 1}, Type: analysis.AccordingTo},
		{Kind: EditDelete, Stmt: analysis.Span{Start: 100, End: 200}},
		{Kind: EditAdd, Content: analysis.Span{Start: 5, End: 50}, Type: analysis.Direct, Actor: ActorRef{Name: "Ms. X"}},
	}
	s := encodeEdits(edits)
	got, err := decodeEdits(s)
	if err != nil || !reflect.DeepEqual(got, edits) {
		t.Fatalf("round trip of %q: %v\n%+v", s, err, got)
	}
	for _, bad := range []string{"x", "r,1-2", "r,2-1,1-2", "d,1-2,3", "n,1-2,%zz", "a,1-2,direct", "r,1-2,n", ";"} {
		if _, err := decodeEdits(bad); err == nil {
			t.Errorf("decodeEdits(%q) accepted", bad)
		}
	}
}
