package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// memoryPerJob is the soft memory limit for each file read at once. Go's collector
// otherwise lets the heap grow to twice what is live: a 100,000-row ledger peaked at
// 203 MB; with 130 MiB it peaks at about 131 MB, no slower than 140 MiB (137 MB). A
// tighter limit saves little and costs much, because the heap peaks near 105 MB: at
// 120 MiB the peak is 121-130 MB for 3% more checking and 8% more annotating (20% on
// 115,000 rows), at 110 MiB annotating takes 80% longer.
const memoryPerJob = 130 << 20

// headroom is how far the heap may grow past what is live, as a fraction of it, once
// the live heap is past the limit. A ledger whose projects and findings hold more than
// the limit (200,000 rows with 466,666 findings hold about 200 MB) would otherwise
// have the collector run without pause, each time over the whole heap: checking it
// and writing its copy took 11.3 s instead of 4.7 s. With an eighth it takes 6 s and
// a twentieth more memory; the limit never changes for a ledger that fits in it.
const headroom = 8

// limitMemory sets the soft limit for a run of jobs files at a time, unless the user
// set GOMEMLIMIT: memoryPerJob for each job, or, once more than that is live, what is
// live and an eighth (headroom), looked at after every collection.
func limitMemory(jobs int) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	base := int64(max(jobs, 1)) * memoryPerJob
	debug.SetMemoryLimit(base)
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	afterEachGC(func() {
		metrics.Read(live)
		n := int64(live[0].Value.Uint64())
		debug.SetMemoryLimit(max(base, n+n/headroom))
	})
}

// afterEachGC calls f after every collection from now on, on the goroutine that runs
// finalizers: a new object's finalizer runs once the collection after it is done, and
// sets up the next.
func afterEachGC(f func()) {
	sentinel := &gcSentinel{}
	runtime.SetFinalizer(sentinel, func(*gcSentinel) {
		f()
		afterEachGC(f)
	})
}

// gcSentinel holds a pointer so that it is allocated on its own, not batched with other
// tiny objects whose finalizers would then wait for them all.
type gcSentinel struct{ _ *int }
