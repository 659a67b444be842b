package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// memoryPerJob is the soft memory limit for each file read at once. Go's collector
// otherwise lets the heap grow to twice what is live: a 100,000-row ledger peaked at
// 203 MB; with 130 MiB it peaks at about 131 MB, no slower than 140 MiB (137 MB). A
// tighter limit saves little and costs much, because the heap peaks near 105 MB: at
// 120 MiB the peak is 121-130 MB for 3% more checking and 8% more annotating (20% on
// 115,000 rows), at 110 MiB annotating takes 80% longer.
const memoryPerJob = 130 << 20

// headroom is how far the heap may grow past what is live, as a fraction of it, once
// the live heap and the runtime's other memory are past the limit. A ledger whose
// projects and findings hold about the limit or more (100,000 rows with 225,000
// findings hold 120 MB; 200,000 rows with 400,000, 220 MB) would otherwise have the
// collector run without pause, each time over the whole heap: checking and copying
// them took 8.8 and 14 s of processor time; with an eighth, 4.6 and 6.4 to 7.6 s, for
// 4% and 7% more memory. The limit never changes for a ledger well within it (the
// 100,000-row benchmark).
const headroom = 8

// limitMemory sets the soft limit for a run of jobs files at a time, unless the user
// set GOMEMLIMIT: memoryPerJob for each job, or, once more than that is held, what is
// live and an eighth of it (headroom) besides the runtime's other memory, looked at
// after every collection.
func limitMemory(jobs int) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	base := int64(max(jobs, 1)) * memoryPerJob
	memoryBase.Store(base)
	debug.SetMemoryLimit(base)
	watchMemory.Do(func() { afterEachGC(growLimit) })
}

var (
	memoryBase  atomic.Int64 // the limit limitMemory set last
	watchMemory sync.Once
	// heldMemory are what growLimit reads: the live heap, all the memory the runtime
	// holds, what of it went back to the system, and the heap's objects.
	heldMemory = []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
)

// growLimit sets the limit to what is live and an eighth of it, besides the memory the
// runtime holds for other things (stacks, its own records, pages not yet given back),
// which the limit counts too; never below memoryBase.
func growLimit() {
	metrics.Read(heldMemory)
	live := int64(heldMemory[0].Value.Uint64())
	other := int64(heldMemory[1].Value.Uint64()) - int64(heldMemory[2].Value.Uint64()) - int64(heldMemory[3].Value.Uint64())
	debug.SetMemoryLimit(max(memoryBase.Load(), max(other, 0)+live+live/headroom))
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
