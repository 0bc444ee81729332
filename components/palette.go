package components

// paletteSize is the number of speaker colours in web/app.css (.c0 … .c8):
// Paul Tol's "muted" qualitative scheme (https://personal.sron.nl/~pault/,
// "Colour schemes and templates", 2021), built to stay distinct for readers
// with colour-vision deficiencies. Speakers beyond it reuse the colours in
// order; actors without statements are neutral (.c-none, Tol's pale grey).
const paletteSize = 9

// colorNames names the palette's colours for the legend, in slot order.
var colorNames = [paletteSize]struct{ nl, en string }{
	{"indigo", "indigo"}, {"roze", "rose"}, {"groen", "green"}, {"zand", "sand"}, {"cyaan", "cyan"},
	{"wijnrood", "wine"}, {"blauwgroen", "teal"}, {"olijf", "olive"}, {"paars", "purple"},
}

// colorName returns the name of a slot's colour in language l.
func colorName(l Lang, slot int) string {
	if slot < 0 {
		return ""
	}
	c := colorNames[slot%paletteSize]
	if l == Dutch {
		return c.nl
	}
	return c.en
}
