package guardrail_test

import (
	"bytes"
	"testing"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
)

func BenchmarkDecodeInvoke(b *testing.B) {
	body := fixture(b, "invoke_body_all_policies.json")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var ev genai.Event
	for b.Loop() {
		ev.Reset()
		guardrail.DecodeInvoke(body, &ev)
	}
}

// BenchmarkDecodeInvokeValid is BenchmarkDecodeInvoke for a caller that has validated the body.
func BenchmarkDecodeInvokeValid(b *testing.B) {
	body := fixture(b, "invoke_body_all_policies.json")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var ev genai.Event
	for b.Loop() {
		ev.Reset()
		guardrail.DecodeInvokeValid(body, &ev)
	}
}

// BenchmarkDecodeInvokeNoGuardrail is the cost paid by every response body and stream chunk
// that carries no guardrail keys.
func BenchmarkDecodeInvokeNoGuardrail(b *testing.B) {
	body := []byte(`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The quick brown fox jumps over the lazy dog, again and again, until the stream ends."}}`)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var ev genai.Event
	for b.Loop() {
		guardrail.DecodeInvoke(body, &ev)
	}
}

func BenchmarkDecodeConverseTrace(b *testing.B) {
	trace := fixture(b, "converse_trace_outputs_list.json")
	b.SetBytes(int64(len(trace)))
	b.ReportAllocs()
	var ev genai.Event
	for b.Loop() {
		ev.Reset()
		guardrail.DecodeConverseTrace(trace, &ev)
	}
}

// BenchmarkDecodeConverseTraceValid is BenchmarkDecodeConverseTrace for a caller that has
// validated the trace.
func BenchmarkDecodeConverseTraceValid(b *testing.B) {
	trace := fixture(b, "converse_trace_outputs_list.json")
	b.SetBytes(int64(len(trace)))
	b.ReportAllocs()
	var ev genai.Event
	for b.Loop() {
		ev.Reset()
		guardrail.DecodeConverseTraceValid(trace, &ev)
	}
}

func BenchmarkDerive(b *testing.B) {
	var ev genai.Event
	guardrail.DecodeInvoke(fixture(b, "invoke_body_all_policies.json"), &ev)
	b.ReportAllocs()
	for b.Loop() {
		_ = ev.Guardrail.Derive()
	}
}

// BenchmarkFixtures runs every guardrail-only fixture through its decoder: the Converse traces
// and config, the InvokeModel body and stream chunks, and the bare ApplyGuardrail response.
func BenchmarkFixtures(b *testing.B) {
	type input struct {
		decode func([]byte, *genai.Event)
		data   []byte
	}
	var ins []input
	size := 0
	add := func(decode func([]byte, *genai.Event), data []byte) {
		ins = append(ins, input{decode, data})
		size += len(data)
	}
	for _, name := range []string{"converse_trace_full_clean.json", "converse_trace_observe.json",
		"converse_trace_outputs_list.json", "converse_trace_outputs_map.json", "converse_trace_unknown_policy.json"} {
		add(guardrail.DecodeConverseTrace, fixture(b, name))
	}
	for _, name := range []string{"converse_config.json", "converse_config_arn.json"} {
		add(guardrail.DecodeConfig, fixture(b, name))
	}
	add(guardrail.DecodeInvoke, fixture(b, "invoke_body_all_policies.json"))
	for _, line := range bytes.Split(bytes.TrimSpace(fixture(b, "invoke_stream_chunks.ndjson")), []byte("\n")) {
		add(guardrail.DecodeInvoke, line)
	}
	add(func(data []byte, ev *genai.Event) {
		_ = guardrail.DecodeApplyResponse(data, genai.DirectionInput, "", "", ev)
	}, fixture(b, "apply_response_bare.json"))
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var ev genai.Event
	for b.Loop() {
		for _, in := range ins {
			ev.Reset()
			in.decode(in.data, &ev)
		}
	}
}
