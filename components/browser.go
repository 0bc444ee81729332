package components

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Scheduling against the browser's frames, and performance marks. Outside
// a browser (server, native tests) the callbacks run at once and marks are
// not recorded.

// Mark records a performance mark (visible in DevTools and read by the
// end-to-end benchmarks).
func Mark(name string) {
	if app.IsClient {
		app.Window().Get("performance").Call("mark", name)
	}
}

// AfterFrame calls fn once the browser has painted the next frame: in a
// task queued from the next animation frame, which runs after that frame's
// style, layout and paint. Work done in steps this way lets the page paint
// and answer input between the steps.
func AfterFrame(fn func()) {
	if !app.IsClient {
		fn()
		return
	}
	w := app.Window()
	var raf, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		fn()
		return nil
	})
	raf = app.FuncOf(func(app.Value, []app.Value) any {
		raf.Release()
		w.Call("setTimeout", task, 0)
		return nil
	})
	w.Call("requestAnimationFrame", raf)
}

// WhenIdle calls fn when the browser is idle (requestIdleCallback), at the
// latest a second later, or after a short timeout where it has no idle
// callbacks.
func WhenIdle(fn func()) {
	if !app.IsClient {
		fn()
		return
	}
	w := app.Window()
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		fn()
		return nil
	})
	if w.Get("requestIdleCallback").Truthy() {
		w.Call("requestIdleCallback", cb, map[string]any{"timeout": 1000})
	} else {
		w.Call("setTimeout", cb, 50)
	}
}
