// Package worktest measures how the work of a function grows with its
// input, for tests that must tell linear from quadratic on a busy
// machine. It counts the CPU time of the calling thread only, with the
// garbage collector off, so that other processes, other goroutines and
// scheduling delays do not count: wall-clock time is never read.
package worktest

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// Growth returns how many times more thread CPU time run(large) takes
// than run(small), the best of five of each. The runs alternate, small
// then large, so that a burst of other work on the machine (which slows
// even one thread's CPU time, through the shared caches) tends to hit
// both sizes rather than one. It skips the test where the thread's CPU
// time cannot be read, and under the race detector, whose shadow memory
// makes a large input cost more than its size (a linear scan grew 11x for
// 4x there): .ci/run runs the tests without it too.
func Growth(t testing.TB, run func(n int), small, large int) float64 {
	t.Helper()
	if raceEnabled {
		t.Skip("growth is not measured under the race detector")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	if _, ok := threadCPU(); !ok {
		t.Skip("the CPU time of a thread cannot be read on this system")
	}
	once := func(n int) time.Duration {
		start, _ := threadCPU()
		run(n)
		end, _ := threadCPU()
		return end - start
	}
	s, l := time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range rounds {
		s = min(s, once(small))
		l = min(l, once(large))
		runtime.GC() // between runs, where it costs this thread nothing measured
	}
	s, l = max(s, time.Microsecond), max(l, time.Microsecond)
	runtime.GC()
	return float64(l) / float64(s)
}

// rounds is how many times Growth runs each size.
const rounds = 5
