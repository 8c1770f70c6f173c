package ecs

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// timeText writes what a TimeValue of the time renders as, whether it formats the time or
// reuses the text of the one before (same millisecond), for times before and after the epoch.
func TestTimeText(t *testing.T) {
	var r Renderer
	base := []time.Time{
		time.Date(2026, 3, 2, 13, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Unix(0, 0),
		time.Unix(0, 999_999),
		time.Unix(0, -1),
		time.Unix(0, -1_000_000),
		time.Date(2262, 4, 11, 0, 0, 0, 0, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.FixedZone("x", 3600)),
	}
	for _, b := range base {
		for _, d := range []time.Duration{0, 1, 999_999, 1_000_000, -1, 0, 500_000, 1_999_999, 2_000_000} {
			tm := b.Add(d)
			if tm.IsZero() {
				continue // the renderer takes the current time instead
			}
			v := genai.TimeValue(tm)
			want := string(v.AppendJSON(nil, false))
			require.Equal(t, want, string(r.timeText(tm)), "%v", tm)
		}
	}
}

// Without Ingested, event.ingested is the time of rendering.
func TestRendererIngestedNow(t *testing.T) {
	var r Renderer
	ev := &genai.Event{}
	ev.Source.Dataset = genai.DatasetBedrockInvocation
	for range 3 {
		before := time.Now().Truncate(time.Millisecond)
		doc := r.AppendDocument(nil, ev)
		after := time.Now()
		var m map[string]any
		require.NoError(t, json.Unmarshal(doc, &m), "%s", doc)
		got, err := time.Parse(time.RFC3339Nano, m["event"].(map[string]any)["ingested"].(string))
		require.NoError(t, err)
		require.False(t, got.Before(before) || got.After(after), "%v not in [%v, %v]", got, before, after)
		require.Equal(t, m["event"].(map[string]any)["ingested"], m["@timestamp"])
		time.Sleep(2 * time.Millisecond)
	}
}

// TestNowUnixNano checks that the clock event.ingested reads is the wall clock time.Now reads,
// to the microsecond.
func TestNowUnixNano(t *testing.T) {
	for range 1000 {
		before := time.Now().UnixNano() / 1e3 * 1e3
		got := nowUnixNano()
		after := time.Now().UnixNano()
		require.LessOrEqual(t, before, got)
		require.LessOrEqual(t, got, after)
	}
}
