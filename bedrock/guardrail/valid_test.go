package guardrail_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// TestValidVariants: on well-formed input the Valid variants merge exactly what the validating
// ones do.
func TestValidVariants(t *testing.T) {
	var chunks [][]byte
	for _, name := range []string{"invoke_body_all_policies.json", "invoke_stream_chunks.ndjson"} {
		chunks = append(chunks, bytes.Split(fixture(t, name), []byte("\n"))...)
	}
	for _, c := range chunks {
		var want, got genai.Event
		guardrail.DecodeInvoke(c, &want)
		guardrail.DecodeInvoke(c, &want)
		guardrail.DecodeInvokeValid(c, &got)
		guardrail.DecodeInvokeValid(c, &got)
		require.Equal(t, want.Guardrail, got.Guardrail, "%s", c)
		require.Equal(t, want.Warnings, got.Warnings, "%s", c)
		require.Equal(t, want.Vendor, got.Vendor, "%s", c)
	}
	for _, name := range []string{"converse_trace_full_clean.json", "converse_trace_observe.json",
		"converse_trace_outputs_list.json", "converse_trace_outputs_map.json", "converse_trace_unknown_policy.json"} {
		var want, got genai.Event
		guardrail.DecodeConverseTrace(fixture(t, name), &want)
		guardrail.DecodeConverseTraceValid(fixture(t, name), &got)
		require.Equal(t, want.Guardrail, got.Guardrail, name)
		require.Equal(t, want.Warnings, got.Warnings, name)
		require.Equal(t, want.Vendor, got.Vendor, name)
	}
}

// FuzzDecodeValid: the Valid variants never panic, and on well-formed input they merge what the
// validating ones do.
func FuzzDecodeValid(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var got genai.Event
		guardrail.DecodeInvokeValid(data, &got)
		guardrail.DecodeConverseTraceValid(data, &got)
		if !jsonscan.Valid(data) {
			return
		}
		var want genai.Event
		guardrail.DecodeInvoke(data, &want)
		guardrail.DecodeConverseTrace(data, &want)
		// %v, not reflect.DeepEqual: a score may be NaN.
		require.Equal(t, fmt.Sprintf("%v", want.Guardrail.Assessments), fmt.Sprintf("%v", got.Guardrail.Assessments))
		require.Equal(t, want.Guardrail.IDs, got.Guardrail.IDs)
		require.Equal(t, string(want.Guardrail.Units), string(got.Guardrail.Units))
		require.Equal(t, want.Warnings, got.Warnings)
	})
}
