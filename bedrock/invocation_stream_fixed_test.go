package bedrock

import (
	"strings"
	"testing"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// FuzzStreamFixedLayouts checks that the message_start chunks and the chunks ending with their
// invocation metrics, read by their fixed layouts, give what the general reads of those chunks
// give.
func FuzzStreamFixedLayouts(f *testing.F) {
	for _, s := range []string{
		`{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-haiku-20240307","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}`,
		`{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"m","id":"x"}}`,
		`{"type":"message_start","message":{"id":"","type":"message","role":"assistant","content":[],"model":"m","id":"x"}}`,
		`{"type":"message_start","message":{"id":"a\"b","type":"message","role":"r","content":[],"model":"m"}}`,
		`{"type":"message_start","message":{"id":"a\\","type":"message","role":"r","content":[],"model":"m"}}`,
		`{"type":"message_start","message":{"id":"a","type":"message","role":"r","content":[],"model":"m"},"message":{"id":"b"}}`,
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":14,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}`,
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":14,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230,"cacheReadInputTokenCount":80000,"cacheWriteInputTokenCount":0}}`,
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1234567890123456789,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}`,
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1.5,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}`,
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230},"amazon-bedrock-invocationMetrics":{"inputTokenCount":2}}`,
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230,"cacheReadInputTokenCount":8}}`,
		`{"outputText":"x","index":0,"totalOutputTextTokenCount":3,"completionReason":"FINISH","inputTextTokenCount":5,"amazon-bedrock-invocationMetrics":{"inputTokenCount":5,"outputTokenCount":3,"invocationLatency":100,"firstByteLatency":50}}`,
		`{"a":{"amazon-bedrock-invocationMetrics":{"inputTokenCount":5}}}`,
		`{"a":"\"amazon-bedrock-invocationMetrics\":{","amazon-bedrock-invocationMetrics":{"inputTokenCount":5,"inputTokenCount":6,"x":7}}`,
		`{"amazon-bedrock-invocationMetrics":{}}`,
		`{"amazon-bedrock-invocationMetrics":{"inputTokenCount":null}}`,
		`{"amazon-bedrock-invocationMetrics":{"inputTokenCount":-1}}`,
		`{"amazon-bedrock-invocationMetrics":{"inputTokenCount":1e3}}`,
	} {
		f.Add([]byte(s))
	}
	d := newInvocationDecoder(InvocationOptions{})
	f.Fuzz(func(t *testing.T, c []byte) {
		if !jsonscan.Valid(c) || !strings.HasPrefix(string(c), "{") {
			return
		}
		if i, r, m, ok := ivMessageStartFixed(c); ok {
			gi, gr, gm := d.messageStartTexts(c)
			if string(i) != gi || string(r) != gr || string(m) != gm {
				t.Fatalf("%s: fixed %q %q %q, general %q %q %q", c, i, r, m, gi, gr, gm)
			}
		}
		if m, ok := ivTailMetrics(c); ok {
			var g [6]genai.Opt[int64]
			d.streamMetricsSlow(c, &g[0], &g[1], &g[4], &g[5], &g[2], &g[3])
			if m != g {
				t.Fatalf("%s: fixed %v, general %v", c, m, g)
			}
		}
	})
}

// TestStreamFixedLayoutsHit checks that the chunks as Bedrock writes them take the fixed
// layouts (FuzzStreamFixedLayouts only compares the chunks that do).
func TestStreamFixedLayoutsHit(t *testing.T) {
	start := []byte(`{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-haiku-20240307","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}`)
	if id, role, model, ok := ivMessageStartFixed(start); !ok || string(id) != "msg_1" || string(role) != "assistant" || string(model) != "claude-3-haiku-20240307" {
		t.Errorf("message_start: %q %q %q %v", id, role, model, ok)
	}
	for _, c := range []string{
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":14,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}`,
		`{"outputText":"x","index":0,"totalOutputTextTokenCount":3,"completionReason":"FINISH","inputTextTokenCount":5,"amazon-bedrock-invocationMetrics":{"inputTokenCount":14,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}`,
	} {
		if m, ok := ivTailMetrics([]byte(c)); !ok || m[0].Value != 14 || m[1].Value != 4 || m[2].Value != 812 || m[3].Value != 230 || m[4].Valid || m[5].Valid {
			t.Errorf("%s: %v %v", c, m, ok)
		}
	}
}
