//go:build !(linux && amd64)

package ecs

import "time"

// nowUnixNano returns the current wall-clock time as nanoseconds since the epoch.
func nowUnixNano() int64 { return time.Now().UnixNano() }
