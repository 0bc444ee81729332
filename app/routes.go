package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Register registers the explorer's route and its action handlers with
// go-app. Both builds call it: the wasm client before
// app.RunWhenOnBrowser, the server before serving (for the pre-render).
func Register() {
	app.Route("/", &explorerPage{})
	app.Handle(actionAnalyze, handleAnalyze)
	app.Handle(actionImport, handleImport)
}
