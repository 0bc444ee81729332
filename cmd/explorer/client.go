//go:build wasm

// Command explorer, built for wasm, is the browser app: it registers the
// explorer's route and actions and hands the page to go-app. No server code
// is reachable from here, which keeps app.wasm small.
package main

import (
	explorer "github.com/article-explorer/explorer/app"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	explorer.Register()
	explorer.SanitizeLocation()
	app.RunWhenOnBrowser()
}
