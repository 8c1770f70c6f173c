package guardrail_test

import (
	"bufio"
	"bytes"
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
	})
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
