package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// An option of a drop-down list: value and label.
type option struct{ value, label string }

// dropdown returns a <select> drawn from escaped HTML inside a wrapper that
// reports the chosen value to onChange. The select is raw HTML, not go-app
// elements: go-app's select and option types would add ~0.1 MB to
// app.wasm. The HTML does not change while the options and the initial
// value stay the same, so the browser keeps the reader's choice and focus.
func dropdown(id, label string, opts []option, selected string, onChange func(ctx app.Context, value string)) app.UI {
	var b strings.Builder
	b.WriteString(`<select id="` + id + `" class="filter" aria-label="`)
	writeEscaped(&b, label)
	b.WriteString(`">`)
	for _, o := range opts {
		b.WriteString(`<option value="`)
		writeEscaped(&b, o.value)
		b.WriteString(`"`)
		if o.value == selected {
			b.WriteString(" selected")
		}
		b.WriteString(">")
		writeEscaped(&b, o.label)
		b.WriteString("</option>")
	}
	b.WriteString("</select>")
	return app.Div().Class("select-wrap").
		OnChange(func(ctx app.Context, e app.Event) {
			if t := e.Get("target"); t.Truthy() && onChange != nil {
				onChange(ctx, t.Get("value").String())
			}
		}).
		Body(app.Raw(b.String()))
}
