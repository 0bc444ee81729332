package app

import _ "embed"

// seedText is the built-in example: the NOS article of February 2022 about
// the call between Biden and Poetin. Its first line starts with the metadata
// "date 2022-02", which the engine reads as the date.
//
//go:embed example/seed.txt
var seedText string

// ExampleText returns the built-in example article, as the "Example" button
// loads it.
func ExampleText() string { return seedText }
