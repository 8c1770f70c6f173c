//go:build linux && amd64

package ecs

import (
	"syscall"
	"time"
)

// nowUnixNano returns the current wall-clock time as nanoseconds since the epoch, to the
// microsecond: what event.ingested needs (its text shows the millisecond). On linux/amd64
// gettimeofday is one vDSO call on the goroutine's stack, about half of time.Now, which reads
// the monotonic clock too and switches stacks for each call (58 -> 30 ns here).
func nowUnixNano() int64 {
	var tv syscall.Timeval
	if syscall.Gettimeofday(&tv) != nil {
		return time.Now().UnixNano()
	}
	return tv.Sec*1e9 + tv.Usec*1e3
}
