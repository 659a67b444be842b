package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// The soft limit is memoryPerJob for each job while the heap is smaller; once more is
// live, it is what is live and an eighth besides, so that the collector does not run
// without pause; and it comes back down when the memory is let go.
func TestLimitMemoryGrows(t *testing.T) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		t.Skip("GOMEMLIMIT is set")
	}
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	limitMemory(1)
	// waitLimit collects until the limit is as ok says, or fails after a few seconds.
	waitLimit := func(what string, ok func(limit int64) bool) {
		t.Helper()
		for start := time.Now(); time.Since(start) < 5*time.Second; time.Sleep(10 * time.Millisecond) {
			runtime.GC()
			if ok(debug.SetMemoryLimit(-1)) {
				return
			}
		}
		t.Fatalf("limit %d MiB, want %s", debug.SetMemoryLimit(-1)>>20, what)
	}
	waitLimit("130 MiB", func(l int64) bool { return l == memoryPerJob })

	held := make([]byte, 2*memoryPerJob)
	waitLimit("above 2 × 130 MiB × 9/8", func(l int64) bool { return l >= 2*memoryPerJob*9/8 && l < 4*memoryPerJob })
	runtime.KeepAlive(held)
	waitLimit("130 MiB again", func(l int64) bool { return l == memoryPerJob })

	limitMemory(3) // three jobs: three times the limit, the heap being small
	waitLimit("390 MiB", func(l int64) bool { return l == 3*memoryPerJob })
}
