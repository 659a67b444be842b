package main

import (
	"os"
	"runtime/debug"
)

// memoryPerJob is the soft memory limit for each file read at once. Go's collector
// otherwise lets the heap grow to twice what is live: a 100,000-row ledger peaked at
// 203 MB; with 130 MiB it peaks at about 131 MB, no slower than 140 MiB (137 MB). A
// tighter limit saves little and costs much, because the heap peaks near 105 MB: at
// 120 MiB the peak is 121-130 MB for 3% more checking and 8% more annotating (20% on
// 115,000 rows), at 110 MiB annotating takes 80% longer. A larger ledger only makes
// the collector work harder, never fail.
const memoryPerJob = 130 << 20

// limitMemory sets the soft limit for a run of jobs files at a time, unless the user
// set GOMEMLIMIT.
func limitMemory(jobs int) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(int64(max(jobs, 1)) * memoryPerJob)
}
