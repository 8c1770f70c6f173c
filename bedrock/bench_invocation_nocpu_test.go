//go:build !unix

package bedrock

import "time"

// cpuTime is not available here: the CPU-time ratio is reported as 0.
func cpuTime() time.Duration { return 0 }
