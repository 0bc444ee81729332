//go:build !unix

package analysis

import "time"

// processCPU returns 0 where the process's CPU time is not known; the
// benchmarks then leave out their CPU figures.
func processCPU() time.Duration { return 0 }
