//go:build unix

package bedrock

import (
	"syscall"
	"time"
)

// cpuTime returns the process's CPU time (user + system). On a loaded machine it measures the
// work done better than wall time, which includes waiting for a CPU.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
