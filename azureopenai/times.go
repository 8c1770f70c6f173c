package azureopenai

import (
	"strings"
	"time"
)

// ticksUnixEpoch is the .NET tick count (100 ns since 0001-01-01 UTC) of 1970-01-01 UTC.
const ticksUnixEpoch = 621355968000000000

// maxTicks is the tick count of 9999-12-31, the largest .NET DateTime.
const maxTicks = 3155378975999999999

// TicksTime converts .NET ticks (100 ns since 0001-01-01 UTC) to a time; ok is false for a
// value that is not a plausible tick count.
func TicksTime(ticks int64) (time.Time, bool) {
	if ticks <= ticksUnixEpoch || ticks > maxTicks {
		return time.Time{}, false
	}
	d := ticks - ticksUnixEpoch
	return time.Unix(d/1e7, (d%1e7)*100).UTC(), true
}

// timeLayouts are the timestamp forms Azure writes: RFC 3339 with up to 7 fractional digits,
// with or without a zone (Log Analytics exports), and with a space instead of the T.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"1/2/2006, 3:04:05.999999999 PM",
}

// parseTime parses an Azure timestamp; times without a zone are UTC.
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
