package genai

import "time"

func unixMilli(ms int64) time.Time { return time.UnixMilli(ms).UTC() }
