//go:build !wasm

// Command explorer is the article explorer in one binary: the web server
// (serve, the default), the analysis CLI (analyze) and the article
// extractor (extract). Its wasm build (client.go) is the browser app.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	explorer "github.com/article-explorer/explorer/app"
)

// usage is printed by "explorer help" and for an unknown subcommand.
const usage = `explorer: who says what in a news article

usage:
  explorer [serve] [-addr :8000] [-dir .]   serve the web app and the URL-import API
  explorer analyze [--pretty] FILE...       analyse articles, print the JSON contract
  explorer analyze --jsonl [-j N]           analyse {"id","text"} lines, one result line each
  explorer extract FILE... | --url URL      extract the article text from HTML pages
  explorer version                          the version and the models' licences
  explorer help                             this text

"explorer SUBCOMMAND -h" describes the flags of a subcommand.`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// The server pre-renders the same routes as the wasm client.
	explorer.Register()

	cmd := "serve"
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || isHelp(args[0]) || args[0] == "-version" || args[0] == "--version") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(args, stdout, stderr)
	case "analyze":
		return runAnalyze(args, stdin, stdout, stderr)
	case "extract":
		return runExtract(args, stdout, stderr)
	case "version", "-version", "--version":
		printVersion(stdout)
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprintln(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "explorer: unknown subcommand %q\n\n%s\n", cmd, usage)
		return 2
	}
}

// isHelp reports whether arg asks for the usage.
func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}
