package bedrock

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/genainorm/genainorm/bedrock/model"
	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

var startTimes = regexp.MustCompile(`"(@timestamp|ingested)":"[^"]*"`)

// streamMetricsAt is the chunk decodeStream reads the invocation metrics of: the last with
// the key (see ivBedrockChunks), or -1.
func streamMetricsAt(chunks [][]byte) int {
	at := -1
	for i, c := range chunks {
		for p := ivIndexAmazonBedrock(c, 0); p >= 0; p = ivIndexAmazonBedrock(c, p+1) {
			if ivIsMetricsKey(c, p) {
				at = i
			}
		}
	}
	return at
}

// streamStartOracle is how decodeStream read a first message_start chunk and the invocation
// metrics before the model stream read them (model.DecodeStreamBedrock): its own read of the
// first chunk, the stream, then its own read of the metrics.
func streamStartOracle(d *invocationDecoder, chunks [][]byte, ev *genai.Event) {
	if len(chunks) > 0 && (ivIsMessageStart(chunks[0]) || bytes.Contains(chunks[0], ivKeyMessageStart)) {
		d.messageStart(chunks[0], ev)
	}
	model.DecodeStreamValid(&ev.Request.Model, chunks, ev)
	if at := streamMetricsAt(chunks); at >= 0 {
		d.streamMetrics(chunks[at], ev)
	}
}

// streamStartNew is what decodeStream does now.
func streamStartNew(d *invocationDecoder, chunks [][]byte, ev *genai.Event) {
	start := func(first []byte) {
		if ivIsMessageStart(first) || bytes.Contains(first, ivKeyMessageStart) {
			d.messageStart(first, ev)
		}
	}
	at := streamMetricsAt(chunks)
	if at < 0 {
		model.DecodeStreamBedrock(&ev.Request.Model, chunks, ev, start, nil, nil)
		return
	}
	var m model.InvocationMetrics
	if model.DecodeStreamBedrock(&ev.Request.Model, chunks, ev, start, chunks[at], &m) {
		applyStreamMetrics(ev, m.InputTokens, m.OutputTokens, m.CacheReadTokens, m.CacheWriteTokens, m.Latency, m.FirstByteLatency)
	} else {
		d.streamMetrics(chunks[at], ev)
	}
}

// FuzzStreamStart checks that the model stream's reads of a first message_start chunk and of
// the invocation metrics set what decodeStream's own reads of them set before, whichever
// wins: chunks split at newlines (repeated and conflicting message_start chunks, empty or
// escaped texts, a first chunk of another layout, several chunks with metrics, metrics in
// other layouts), ev's fields set beforehand or not (preset's bits), a Claude or a
// non-Claude model.
func FuzzStreamStart(f *testing.F) {
	const start = `{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-3-haiku-20240307","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}`
	const delta = `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}`
	const stop = `{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":14,"outputTokenCount":4,"invocationLatency":812,"firstByteLatency":230}}`
	for _, s := range []string{
		start,
		start + "\n" + delta + "\n" + stop,
		start + "\n" + start,
		start + "\n" + `{"type":"message_start","message":{"id":"msg_2","type":"message","role":"user","content":[],"model":"other","usage":{"input_tokens":1,"output_tokens":1}}}`,
		`{"type":"message_start","message":{"id":"msg_1","role":"assistant","model":"claude-sonnet-4-20250514","usage":{"input_tokens":5,"output_tokens":1}}}` + "\n" + delta,
		`{"type":"message_start","message":{"id":"","type":"message","role":"assistant","content":[],"model":"m","usage":{"input_tokens":5,"output_tokens":1}}}` + "\n" + start,
		`{"type":"message_start","message":{"id":"a\"b","type":"message","role":"r\u00e9","content":[],"model":"m","usage":{"input_tokens":5,"output_tokens":1}}}` + "\n" + start,
		`{"type":"message_start","message":{"id":"a","type":"message","role":"","content":[],"model":"","usage":{"input_tokens":5,"output_tokens":1}}}`,
		`{"type":"message_start","message":{"id":"a","type":"message","role":"r","content":[],"model":"m"},"message":{"id":"b"}}` + "\n" + start,
		delta + "\n" + start,
		`[]` + "\n" + start,
		`{"x":"message_start","message":{"id":"q","role":"r","model":"m"}}` + "\n" + start,
		`{"outputText":"x","index":0,"totalOutputTextTokenCount":3,"completionReason":"FINISH","inputTextTokenCount":5}`,
		`{"outputText":"x","index":0,"totalOutputTextTokenCount":3,"completionReason":"FINISH","inputTextTokenCount":5,"amazon-bedrock-invocationMetrics":{"inputTokenCount":5,"outputTokenCount":3,"invocationLatency":100,"firstByteLatency":50}}`,
		`{"outputText":"","index":0,"totalOutputTextTokenCount":null,"completionReason":null,"inputTextTokenCount":5,"amazon-bedrock-invocationMetrics":{"inputTokenCount":5,"outputTokenCount":3,"invocationLatency":100,"firstByteLatency":50}}`,
		start + "\n" + stop + "\n" + `{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":2,"invocationLatency":3,"firstByteLatency":4,"cacheReadInputTokenCount":5,"cacheWriteInputTokenCount":6}}`,
		stop + "\n" + start,
		start + "\n" + `{"type":"message_stop","amazon-bedrock-guardrailAction":"INTERVENED","amazon-bedrock-trace":{"guardrail":{"x":"\"amazon-bedrock-invocationMetrics\":{"}},"amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":2,"invocationLatency":3,"firstByteLatency":4}}`,
		start + "\n" + `{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":2,"invocationLatency":3,"firstByteLatency":4,"cacheReadInputTokenCount":5}}`,
		start + "\n" + `{"type":"message_stop","amazon-bedrock-invocationMetrics":{"outputTokenCount":2,"inputTokenCount":1,"invocationLatency":3,"firstByteLatency":4}}`,
		start + "\n" + `{"type":"message_stop","x":1,"amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":2,"invocationLatency":3,"firstByteLatency":4}}`,
		start + "\n" + `{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1234567890,"outputTokenCount":2,"invocationLatency":3,"firstByteLatency":4}}`,
		`{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":1,"outputTokenCount":2,"invocationLatency":3,"firstByteLatency":4}}` + "\n" + `{"a":"amazon-bedrock-invocationMetrics"}`,
	} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(7))
		f.Add([]byte(s), uint8(8))
		f.Add([]byte(s), uint8(13))
	}
	dOld := newInvocationDecoder(InvocationOptions{})
	dNew := newInvocationDecoder(InvocationOptions{})
	f.Fuzz(func(t *testing.T, data []byte, preset uint8) {
		var chunks [][]byte
		for _, c := range bytes.Split(data, []byte("\n")) {
			if !jsonscan.Valid(c) {
				return
			}
			chunks = append(chunks, c)
		}
		id := "anthropic.claude-3-haiku-20240307-v1:0"
		if preset&8 != 0 {
			id = "meta.llama3-8b-instruct-v1:0"
		}
		var evOld, evNew genai.Event
		for _, ev := range []*genai.Event{&evOld, &evNew} {
			ev.Request.Model = model.Parse(id)
			if preset&1 != 0 {
				ev.Response.ID = "preset-id"
			}
			if preset&2 != 0 {
				ev.Request.Model.Role = "preset-role"
			}
			if preset&4 != 0 {
				ev.Response.Model = "preset-model"
			}
		}
		streamStartOracle(dOld, chunks, &evOld)
		streamStartNew(dNew, chunks, &evNew)
		if evOld.Response.ID != evNew.Response.ID || evOld.Request.Model != evNew.Request.Model || evOld.Response.Model != evNew.Response.Model {
			t.Fatalf("%s (preset %d): before %q %+v %q, now %q %+v %q", data, preset,
				evOld.Response.ID, evOld.Request.Model, evOld.Response.Model, evNew.Response.ID, evNew.Request.Model, evNew.Response.Model)
		}
		if evOld.Usage != evNew.Usage || evOld.Performance != evNew.Performance {
			t.Fatalf("%s (preset %d): before %+v %+v, now %+v %+v", data, preset, evOld.Usage, evOld.Performance, evNew.Usage, evNew.Performance)
		}
		for _, p := range genai.Profiles {
			r := ecs.Renderer{Profile: p}
			// The times written are the rendering's (event.ingested, and @timestamp without one).
			a := startTimes.ReplaceAll(r.AppendDocument(nil, &evOld), nil)
			b := startTimes.ReplaceAll(r.AppendDocument(nil, &evNew), nil)
			if !bytes.Equal(a, b) {
				t.Fatalf("%s (preset %d), %v:\nbefore %s\nnow    %s", data, preset, p, a, b)
			}
		}
	})
}
