package guardrail

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/genainorm/genainorm/genai"
)

// decodeAll runs data through every entry point that merges units, twice (as the chunks of one
// stream), into one event.
func decodeAll(data []byte) genai.Event {
	var ev genai.Event
	DecodeConverseTrace(data, &ev)
	DecodeInvoke(data, &ev)
	DecodeConverseTraceValid(data, &ev)
	_ = DecodeApplyResponse(data, genai.DirectionInput, "g", "1", &ev)
	return ev
}

// FuzzUnitsDeferred checks that merging policy units in the merger and writing them once
// (flush) gives what writing them at every assessment and reading them back gave.
func FuzzUnitsDeferred(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("../../testdata/bedrock/guardrails", "*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			f.Add(bytes.Clone(sc.Bytes()))
		}
	}
	f.Add([]byte(`{"guardrail":{"input":{"g":{"invocationMetrics":{"usage":{"a":1e308,"b":"NaN"}}},"h":{"invocationMetrics":{"usage":{"a":1e308,"b":2,"c":-0}}}}}}`))
	f.Add([]byte(`{"guardrail":{"input":{"g":{"invocationMetrics":{"usage":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9}}},"h":{"invocationMetrics":{"usage":{"j":1,"k":2,"l":3,"m":4,"n":5,"o":6,"p":7,"q":8,"r":9}}}}}}`))
	f.Add([]byte(`{"guardrail":{"input":{"g":{"invocationMetrics":{"usage":{"a\u0000\"":1.5,"Inf":"Inf"}}},"h":{"invocationMetrics":{"usage":{"a\u0000\"":0.25}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := decodeAll(data)
		eagerUnits = true
		want := decodeAll(data)
		eagerUnits = false
		if !reflect.DeepEqual(got.Guardrail, want.Guardrail) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
			t.Fatalf("deferred units differ:\n got %+v\nwant %+v", got.Guardrail, want.Guardrail)
		}
	})
}

// TestRecentID: recentText returns the text of its input whether or not the slot holds it, and
// never a string that changes when the input's memory does.
func TestRecentID(t *testing.T) {
	for i := range 200 {
		b := []byte("gr" + string(rune('a'+i%26)) + string(rune('a'+i/26)))
		want := string(b)
		got := recentText(b)
		b[0] = 'X'
		if got != want || recentText([]byte(want)) != want {
			t.Fatalf("recentText(%q) = %q", want, got)
		}
	}
}

// TestActionOnly: a chunk with an action and no trace takes the short way (actionOnly), one
// whose trace key is written with escapes the full one, and both merge what DecodeInvoke
// merges.
func TestActionOnly(t *testing.T) {
	for _, c := range []string{
		`{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"No."},"amazon-bedrock-guardrailAction":"INTERVENED"}`,
		`{"amazon-bedrock-guardrailAction":"NONE","amazon-bedrock-guardrailAction":" odd "}`,
		`{"amazon-bedrock-guardrailAction":"NONE","amazon-bedrock-\u0074race":{"guardrail":{"input":{"g1":{"topicPolicy":{"topics":[{"name":"x","type":"DENY","action":"BLOCKED"}]}}}}}}`,
		`{"text":"-bedrock-trace\"","amazon-bedrock-guardrailAction":"INTERVENED"}`,
	} {
		var want, got genai.Event
		DecodeInvoke([]byte(c), &want)
		DecodeInvokeValid([]byte(c), &got)
		if !reflect.DeepEqual(want.Guardrail, got.Guardrail) || !reflect.DeepEqual(want.Warnings, got.Warnings) {
			t.Fatalf("%s:\n got %+v %v\nwant %+v %v", c, got.Guardrail, got.Warnings, want.Guardrail, want.Warnings)
		}
		if bytes.Contains([]byte(c), []byte(`\u0074race`)) && len(got.Guardrail.Assessments) == 0 {
			t.Fatalf("%s: the trace was not read", c)
		}
	}
}
