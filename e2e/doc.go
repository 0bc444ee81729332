// Package e2e holds the real-browser end-to-end tests of the explorer: they
// serve the explorer binary and the wasm client that "make build" made on a
// free loopback port, and drive Debian's headless chromium with chromedp.
//
// Run them with
//
//	E2E_REQUIRED=1 go test -count=1 -run '^TestE2E' ./e2e
//
// Without chromium they are skipped, unless E2E_REQUIRED=1 (then they fail).
// With -v, TestE2ETimings prints the timing figures (first visit to
// interactive, offline reload, analysis of the seed inside the browser);
// they are measured, not asserted. Screenshots of the seed view at 1280 and
// 390 px go to .bin/e2e/.
//
// The build under test is the one "make build" left (.bin/explorer and
// web/app.wasm with its compressed copies); when it is missing or older than
// a source file, the harness runs "make build" first, so the tests always
// see the flags that ship (the Makefile's WASMFLAGS). Expectations come from the engine compiled into
// the test binary, so the two must be built from the same sources.
//
// Every test fails if a page logs a console error or opens a dialog.
//
// TestE2EPaint (run by make bench through scripts/bench-paint.sh) prints,
// with -v, the time from the click on Analyse to the painted page for the
// seed, a 10,000-word and a 190,000-character article, with the engine's
// part and the longest task after the paint.
//
// Files:
//   - e2e_test.go: the harness (build, servers, browsers, console watch)
//   - explorer_test.go: the tests: seed view and selection, share link,
//     offline, markup as text, screenshots, timings, update banner, UI
//     language, static export, long text, exports
package e2e
