package guardrail_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
)

// seeds adds every fixture object (every line of the NDJSON ones) to the corpus.
func seeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*"))
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
	f.Add([]byte(`{"guardrail":{"outputAssessments":{"g":[[],{}]}}}`))
	f.Add([]byte(`{"amazon-bedrock-trace":{"guardrail":{"outputs":{"g":{"x":{"y":[1]}}}}}}`))
}

// check asserts what must hold for any input: the derived view renders and the event is
// consistent (no panic is the main property).
func check(t *testing.T, ev *genai.Event) {
	d := ev.Guardrail.Derive()
	if d.ViolationDetected.Valid != ev.Guardrail.Intervened {
		t.Fatalf("violation_detected %v but intervened %v", d.ViolationDetected, ev.Guardrail.Intervened)
	}
	if len(d.OWASPIDs) != len(d.OWASPDescriptions) {
		t.Fatalf("owasp ids %v and descriptions %v do not pair", d.OWASPIDs, d.OWASPDescriptions)
	}
	ev.AppendFields(nil)
}

func FuzzDecodeInvoke(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var ev genai.Event
		guardrail.DecodeInvoke(data, &ev)
		n := len(ev.Guardrail.Assessments)
		guardrail.DecodeInvoke(data, &ev) // the same chunk again adds nothing
		if len(ev.Guardrail.Assessments) != n {
			t.Fatalf("repeated chunk added assessments: %d -> %d", n, len(ev.Guardrail.Assessments))
		}
		check(t, &ev)
	})
}

func FuzzDecodeConverseTrace(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var ev genai.Event
		guardrail.DecodeConverseTrace(data, &ev)
		check(t, &ev)
		checkTraceFirst(t, data)
	})
}

// checkTraceFirst checks that DecodeConverseTraceFirst, given a valid trace object (compacted,
// as the bedrock decoder's bodies are) followed by more of a body, reads the trace as
// DecodeConverseTraceValid reads it alone and returns its length.
func checkTraceFirst(t *testing.T, data []byte) {
	var c bytes.Buffer
	if !json.Valid(data) || json.Compact(&c, data) != nil || c.Len() == 0 || c.Bytes()[0] != '{' {
		return
	}
	trace := c.Bytes()
	var want, got genai.Event
	guardrail.DecodeConverseTraceValid(trace, &want)
	body := append(bytes.Clone(trace), `,"next":{"a":[1]}}`...)
	if n := guardrail.DecodeConverseTraceFirst(body, &got); n != len(trace) {
		t.Fatalf("DecodeConverseTraceFirst returned %d, want the trace's length %d", n, len(trace))
	}
	// %v, not reflect.DeepEqual: a score may be NaN.
	if w, g := fmt.Sprintf("%v", want.AppendFields(nil)), fmt.Sprintf("%v", got.AppendFields(nil)); w != g {
		t.Fatalf("DecodeConverseTraceFirst read\n%s\nwant\n%s", g, w)
	}
}

// TestDecodeConverseTraceFirst checks DecodeConverseTraceFirst on every fixture object.
func TestDecodeConverseTraceFirst(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "*"))
	n := 0
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			continue // a directory
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			checkTraceFirst(t, sc.Bytes())
			n++
		}
	}
	if n == 0 {
		t.Fatal("no fixtures")
	}
	var ev genai.Event
	if n := guardrail.DecodeConverseTraceFirst([]byte(`[{"guardrail":{}}]`), &ev); n != 0 {
		t.Fatalf("a body not starting with an object: %d, want 0", n)
	}
}

func FuzzDecodeConfig(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var ev genai.Event
		guardrail.DecodeConfig(data, &ev)
		if len(ev.Guardrail.IDs) > 1 {
			t.Fatalf("one config gave ids %v", ev.Guardrail.IDs)
		}
		check(t, &ev)
	})
}

func FuzzDecodeApplyResponse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var ev genai.Event
		_ = guardrail.DecodeApplyResponse(data, genai.DirectionInput, "g", "1", &ev)
		check(t, &ev)
	})
}
