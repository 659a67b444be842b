package main

import (
	"os"
	"runtime/debug"
)

// memoryPerJob is the soft memory limit for each file read at once. Go's collector
// otherwise lets the heap grow to twice what is live: a 100,000-row ledger (about
// 100 MB live) peaked at 236 MB; with 140 MiB it peaks at 154-164 MB for 5-10% more
// time. A tighter limit costs far more (100 MiB: +50% checking, double annotating),
// and a larger ledger only makes the collector work harder, never fail.
const memoryPerJob = 140 << 20

// limitMemory sets the soft limit for a run of jobs files at a time, unless the user
// set GOMEMLIMIT.
func limitMemory(jobs int) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(int64(max(jobs, 1)) * memoryPerJob)
}
