package components

import "strconv"

// paletteSize is the number of actor colours in web/app.css (.c0 … .c9).
// Actors beyond it reuse the colours in order.
const paletteSize = 10

// colorClass returns the CSS class that gives actor i its colour. The colours
// are classes, not inline styles, so a strict Content-Security-Policy holds.
func colorClass(i int) string {
	if i < 0 {
		return "c-none"
	}
	return "c" + strconv.Itoa(i%paletteSize)
}
