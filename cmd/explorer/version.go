//go:build !wasm

package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/article-explorer/explorer/analysis"
)

// printVersion prints the build's version and, per model and data file it
// embeds, what it is, what it learnt from and under which terms it may be used.
func printVersion(w io.Writer) {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = s.Value[:12]
			}
		}
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
	}
	fmt.Fprintf(w, "explorer %s\n\nmodels and data files:\n", v)
	for _, f := range analysis.ModelFiles("") {
		fmt.Fprintf(w, "  %-20s %s\n", f.Name, f.About)
	}
	fmt.Fprintln(w, "\nThe models are for research use only: CoNLL-2002 is licensed for research use,\nand PolNeAR states no licence. See README, \"Models and data\".")
}
