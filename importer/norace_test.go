//go:build !race

package importer

// raceEnabled reports a test binary built with -race.
const raceEnabled = false
