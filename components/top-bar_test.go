package components

import "testing"

func TestTopBar(t *testing.T) {
	root := mountHTML(t, NewTopBar().Lang(English))
	if len(findAll(root, byAttr("id", "update-banner"))) != 0 || len(findAll(root, byAttr("id", "offline-badge"))) != 0 {
		t.Error("banner or offline badge shown without cause")
	}
	toggle := findAll(root, byAttr("id", "lang-toggle"))[0]
	if textOf(toggle) != "NL" || attr(toggle, "lang") != "nl" {
		t.Errorf("English UI: toggle reads %q (lang %q); want NL", textOf(toggle), attr(toggle, "lang"))
	}
	root = mountHTML(t, NewTopBar().Lang(Dutch).UpdateAvailable(true).Offline(true))
	banner := findAll(root, byAttr("id", "update-banner"))
	if len(banner) != 1 || textOf(banner[0]) != "Er is een nieuwe versie — Herladen" {
		t.Errorf("update banner: %v", banner)
	}
	if len(findAll(root, byAttr("id", "offline-badge"))) != 1 {
		t.Error("no offline badge")
	}
}

func TestLang(t *testing.T) {
	for tag, want := range map[string]Lang{"nl": Dutch, "nl-BE": Dutch, "NL-nl": Dutch, "en-US": English, "fr": English, "": English} {
		if got := ParseLang(tag); got != want {
			t.Errorf("ParseLang(%q) = %q; want %q", tag, got, want)
		}
	}
	if got := Dutch.Number(200000); got != "200.000" {
		t.Errorf("Dutch.Number(200000) = %q", got)
	}
	if got := English.Number(-1234567); got != "-1,234,567" {
		t.Errorf("English.Number(-1234567) = %q", got)
	}
	if got := English.Plural(1, "sidebar.stmt.one", "sidebar.stmt.many"); got != "1 statement" {
		t.Errorf("Plural(1) = %q", got)
	}
	// Every message exists in both languages.
	for k, m := range messages {
		if m.nl == "" || m.en == "" {
			t.Errorf("message %q lacks a translation", k)
		}
	}
}
