//go:build race

package importer

// raceEnabled reports a test binary built with -race, which runs the
// 5 MB pages of TestDeepNestingIsLinear ten times slower.
const raceEnabled = true
