package guardrail_test

import (
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

func BenchmarkDerive(b *testing.B) {
	var ev genai.Event
	guardrail.DecodeInvoke(fixture(b, "invoke_body_all_policies.json"), &ev)
	b.ReportAllocs()
	for b.Loop() {
		_ = ev.Guardrail.Derive()
	}
}
