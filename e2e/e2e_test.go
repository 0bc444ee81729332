package e2e

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium is Debian's browser.
const chromium = "/usr/bin/chromium"

// The build TestMain uses.
var (
	repoRoot string // the module root
	binary   string // the explorer binary
	builder  string // the cmd/build binary (static export)
	siteDir  string // holds web/ (app.wasm and the assets)
	buildErr error
	shared   *server // serves the tests that do not stop their server
)

func TestMain(m *testing.M) {
	code := func() int {
		if _, err := os.Stat(chromium); err != nil {
			// The tests skip (or fail with E2E_REQUIRED=1) one by one.
			return m.Run()
		}
		dir, err := os.MkdirTemp("", "explorer-e2e-")
		if err != nil {
			buildErr = err
			return m.Run()
		}
		defer os.RemoveAll(dir)
		if buildErr = prepare(dir); buildErr == nil {
			shared, buildErr = launch(os.Stderr)
			if shared != nil {
				defer shared.Stop()
			}
		}
		return m.Run()
	}()
	os.Exit(code)
}

// prepare finds the build to test: the one "make build" made
// (.bin/explorer and web/app.wasm with its compressed copies). When it is
// missing or older than a source file, prepare runs "make build" itself, so
// that the tests always run the binary and the wasm built with the
// Makefile's flags, the ones that ship.
func prepare(dir string) error {
	root, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	repoRoot = filepath.Dir(strings.TrimSpace(string(root)))
	builder = filepath.Join(dir, "build")
	cmd := exec.Command("go", "build", "-o", builder, "./cmd/build")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/build: %v\n%s", err, out)
	}
	made := filepath.Join(repoRoot, ".bin", "explorer")
	wasm := filepath.Join(repoRoot, "web", "app.wasm")
	if !fresh(made, wasm, wasm+".gz", wasm+".br") {
		fmt.Fprintln(os.Stderr, "e2e: the build is missing or stale: running make build")
		cmd := exec.Command("make", "build")
		cmd.Dir = repoRoot
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("make build: %w", err)
		}
	}
	fmt.Fprintln(os.Stderr, "e2e: testing the build of make build")
	binary, siteDir = made, repoRoot
	return nil
}

// fresh reports whether the built files exist and are newer than every
// non-test Go file, go.mod, go.sum and web asset of the module.
func fresh(built ...string) bool {
	oldest := time.Time{}
	for _, f := range built {
		st, err := os.Stat(f)
		if err != nil {
			return false
		}
		if oldest.IsZero() || st.ModTime().Before(oldest) {
			oldest = st.ModTime()
		}
	}
	newer := false
	filepath.WalkDir(repoRoot, func(path string, d os.DirEntry, err error) error {
		if err != nil || newer {
			return filepath.SkipAll
		}
		name := d.Name()
		if d.IsDir() {
			if path != repoRoot && (strings.HasPrefix(name, ".") || name == "testdata" || name == "dist" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		src := (strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")) ||
			name == "go.mod" || name == "go.sum" || filepath.Dir(path) == filepath.Join(repoRoot, "web") && !strings.HasPrefix(name, "app.wasm")
		if src {
			if st, err := d.Info(); err == nil && st.ModTime().After(oldest) {
				newer = true
			}
		}
		return nil
	})
	return !newer
}

// needBrowser skips the test without chromium, or fails it when
// E2E_REQUIRED=1; it fails when the build failed.
func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("E2E_REQUIRED") == "1" {
			t.Fatalf("E2E_REQUIRED=1 but %s is missing (apt-get install -y chromium)", chromium)
		}
		t.Skipf("%s is missing; install it with apt-get install -y chromium", chromium)
	}
	if buildErr != nil {
		t.Fatalf("build: %v", buildErr)
	}
}

// server is one running "explorer serve".
type server struct {
	URL  string // "http://127.0.0.1:PORT"
	cmd  *exec.Cmd
	done chan struct{}
}

// startServer runs the built explorer on a free loopback port. It is
// stopped when the test ends (or earlier with Stop).
func startServer(t *testing.T) *server {
	t.Helper()
	s, err := launch(&testWriter{t: t, prefix: "server: "})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

// launch starts "explorer serve" on a free port and waits until it says
// where it serves.
func launch(stderr io.Writer) (*server, error) {
	return launchAt("127.0.0.1:0", siteDir, stderr)
}

// launchAt starts "explorer serve" on addr for the site in dir.
func launchAt(addr, dir string, stderr io.Writer) (*server, error) {
	cmd := exec.Command(binary, "serve", "-addr", addr, "-dir", dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`serving (http://\S+?)/? `)
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if m := re.FindStringSubmatch(lines.Text()); m != nil {
				found <- m[1]
			}
		}
		cmd.Wait()
		close(s.done)
	}()
	select {
	case s.URL = <-found:
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("the server exited at start")
	case <-time.After(30 * time.Second):
		s.Stop()
		return nil, fmt.Errorf("the server did not say where it serves within 30 s")
	}
}

// Stop kills the server (by its own process) and waits for it.
func (s *server) Stop() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Kill()
	<-s.done
}

// testWriter logs a stream to the test, line by line.
type testWriter struct {
	t      *testing.T
	prefix string
	mu     sync.Mutex
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, l := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		w.t.Log(w.prefix + l)
	}
	return len(p), nil
}

// chrome is one headless chromium with a fresh profile.
type chrome struct {
	ctx     context.Context // the first tab
	cancel  context.CancelFunc
	mu      sync.Mutex
	errors  []string // console errors and exceptions, of every tab
	dialogs []string // JavaScript dialogs that opened
}

// newBrowser starts chromium headless with the flags the project requires
// and a fresh user-data-dir. It closes when the test ends; the test fails if
// any page logged a console error or opened a dialog, unless allowErrors
// says so.
func newBrowser(t *testing.T, width, height int) *chrome {
	t.Helper()
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &chrome{ctx: ctx, cancel: func() { cancel(); acancel() }}
	if err := chromedp.Do(ctx); err != nil { // start the browser
		b.cancel()
		t.Fatalf("starting chromium: %v", err)
	}
	b.watch(ctx)
	t.Cleanup(func() {
		b.cancel()
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, e := range b.errors {
			t.Errorf("console: %s", e)
		}
		for _, d := range b.dialogs {
			t.Errorf("a JavaScript dialog opened: %q", d)
		}
	})
	return b
}

// watch records the console errors and dialogs of a tab, and dismisses
// dialogs so the page goes on.
func (b *chrome) watch(ctx context.Context) {
	msgs := chromedp.Console(ctx)
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.errors = append(b.errors, fmt.Sprintf("%s (%s:%d)", m.String(), m.URL, m.Line+1))
				b.mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, ev.Message)
			b.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
}

// newTab opens another tab in the browser.
func (b *chrome) newTab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	b.watch(ctx)
	return ctx
}

// do runs actions with a timeout, failing the test on error.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression (awaiting promises) and decodes
// its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(tctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript expression until it is truthy.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		tctx, cancel := context.WithTimeout(ctx, 40*time.Second)
		_, err := chromedp.Run(tctx, chromedp.Poll[bool]("!!("+expr+")",
			chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(time.Until(deadline))))
		cancel()
		if err == nil {
			return
		}
		if !contextReplaced(err) || time.Now().After(deadline) {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		// The page replaced its JavaScript context while we polled (a
		// navigation finishing, a reload): poll the new one.
		time.Sleep(50 * time.Millisecond)
	}
}

// contextReplaced reports whether a DevTools error says that the page's
// JavaScript context went away under a call, as it does when the page
// navigates or reloads.
func contextReplaced(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context with specified id") || strings.Contains(msg, "Execution context was destroyed")
}

// waitScrolled waits until the page has stopped scrolling.
func waitScrolled(t *testing.T, ctx context.Context) {
	t.Helper()
	eval[bool](t, ctx, `new Promise(res => {
		let last = -1, same = 0;
		const tick = () => { if (scrollY === last) { if (++same >= 6) return res(true); } else { same = 0; last = scrollY; } requestAnimationFrame(tick); };
		tick();
	})`)
}

// poll reports whether a JavaScript expression becomes truthy in time.
func poll(ctx context.Context, expr string, timeout time.Duration) bool {
	tctx, cancel := context.WithTimeout(ctx, timeout+5*time.Second)
	defer cancel()
	_, err := chromedp.Run(tctx, chromedp.Poll[bool]("!!("+expr+")",
		chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	return err == nil
}

// open navigates to a URL and waits until the wasm app runs (go-app removed
// its loader and the page marked itself interactive).
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	do(t, ctx, "navigating to "+url, chromedp.Navigate(url))
	waitReady(t, ctx)
}

// waitReady waits for the app to be interactive.
func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, "the app to be interactive",
		`!document.getElementById("app-wasm-loader") && performance.getEntriesByName("explorer-ready").length > 0`)
}

// readyMS returns when the app marked itself interactive, in milliseconds
// since the navigation started.
func readyMS(t *testing.T, ctx context.Context) float64 {
	return eval[float64](t, ctx, `performance.getEntriesByName("explorer-ready")[0].startTime`)
}
