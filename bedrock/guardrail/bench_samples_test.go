package guardrail_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
)

// sampleGuardrails are the guardrail inputs of the Bedrock invocation-log records the
// normalize benchmark reads: the "trace" objects of Converse outputs, and the response bodies
// and stream chunks of InvokeModel records that carry a guardrail key.
type sampleGuardrails struct {
	traces [][]byte   // one per record
	invoke [][][]byte // the body, or the chunks with a guardrail key, of each record
}

func loadSampleGuardrails(tb testing.TB) sampleGuardrails {
	tb.Helper()
	files, _ := filepath.Glob("../../testdata/bedrock/*.ndjson")
	files = append(files, "../../../shared/samples/bedrock/invocation.log")
	var s sampleGuardrails
	compact := func(v []byte) []byte {
		var b bytes.Buffer
		if json.Compact(&b, v) != nil {
			return nil
		}
		return b.Bytes()
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for line := range bytes.SplitSeq(data, []byte("\n")) {
			var rec struct {
				Op     string `json:"operation"`
				Output struct {
					OutputBodyJSON json.RawMessage `json:"outputBodyJson"`
				} `json:"output"`
			}
			if json.Unmarshal(line, &rec) != nil || len(rec.Output.OutputBodyJSON) == 0 {
				continue
			}
			out := compact(rec.Output.OutputBodyJSON)
			switch {
			case strings.HasPrefix(rec.Op, "Converse"):
				var body struct {
					Trace json.RawMessage `json:"trace"`
				}
				if json.Unmarshal(out, &body) == nil && len(body.Trace) > 0 && body.Trace[0] == '{' {
					s.traces = append(s.traces, body.Trace)
				}
			case strings.HasPrefix(rec.Op, "InvokeModel") && len(out) > 0 && out[0] == '[':
				var chunks []json.RawMessage
				if json.Unmarshal(out, &chunks) != nil {
					continue
				}
				var rec [][]byte
				for _, c := range chunks {
					if bytes.Contains(c, []byte(`"amazon-bedrock-guardrailAction"`)) || bytes.Contains(c, []byte(`"amazon-bedrock-trace"`)) {
						rec = append(rec, c)
					}
				}
				if rec != nil {
					s.invoke = append(s.invoke, rec)
				}
			case strings.HasPrefix(rec.Op, "InvokeModel"):
				if bytes.Contains(out, []byte(`"amazon-bedrock-`)) {
					s.invoke = append(s.invoke, [][]byte{out})
				}
			}
		}
	}
	if len(s.traces)+len(s.invoke) == 0 {
		tb.Skip("no invocation-log samples")
	}
	return s
}

// BenchmarkSamples decodes the guardrail inputs of the invocation-log samples as the bedrock
// invocation decoder does (validated input, one event per record): Converse traces and
// InvokeModel bodies / stream chunks.
func BenchmarkSamples(b *testing.B) {
	s := loadSampleGuardrails(b)
	traces := make([][][]byte, len(s.traces))
	for i, t := range s.traces {
		traces[i] = [][]byte{t}
	}
	for _, c := range []struct {
		name   string
		recs   [][][]byte
		decode func([]byte, *genai.Event)
	}{
		{"converse", traces, guardrail.DecodeConverseTraceValid},
		{"invoke", s.invoke, guardrail.DecodeInvokeValid},
	} {
		b.Run(c.name, func(b *testing.B) {
			var size int64
			for _, r := range c.recs {
				for _, v := range r {
					size += int64(len(v))
				}
			}
			b.SetBytes(size)
			b.ReportAllocs()
			var ev genai.Event
			for b.Loop() {
				for _, r := range c.recs {
					ev.Reset()
					for _, v := range r {
						c.decode(v, &ev)
					}
				}
			}
		})
	}
}

// TestSamplesValidAgrees checks that the valid-input entry points merge exactly what the
// validating ones merge on the samples.
func TestSamplesValidAgrees(t *testing.T) {
	s := loadSampleGuardrails(t)
	check := func(in [][]byte, valid, decode func([]byte, *genai.Event)) {
		var a, b genai.Event
		for _, v := range in {
			valid(v, &a)
			decode(v, &b)
		}
		if got, want := a.Guardrail, b.Guardrail; !sameGuardrail(got, want) {
			t.Errorf("valid decode differs:\n%+v\n%+v", got, want)
		}
	}
	for _, tr := range s.traces {
		check([][]byte{tr}, guardrail.DecodeConverseTraceValid, guardrail.DecodeConverseTrace)
	}
	for _, r := range s.invoke {
		check(r, guardrail.DecodeInvokeValid, guardrail.DecodeInvoke)
	}
}

func sameGuardrail(a, b genai.Guardrail) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
