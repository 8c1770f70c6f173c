package bedrock

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/genainorm/genainorm/genai"
)

// decoderRecords returns the invocation records of a fixture (or of the shared sample log), one
// per line.
func decoderRecords(tb testing.TB, path string) [][]byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skip(err)
	}
	var recs [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			recs = append(recs, bytes.Clone(sc.Bytes()))
		}
	}
	return recs
}

// BenchmarkInvocationDecoder measures the invocation decoder alone (no Reader, no rendering)
// on the records of each fixture and of the shared sample log.
func BenchmarkInvocationDecoder(b *testing.B) {
	paths := []string{sampleLog}
	for _, name := range []string{"invoke_model.ndjson", "invoke_model_stream.ndjson", "converse.ndjson", "converse_stream.ndjson", "errors.ndjson", "offloaded.ndjson"} {
		paths = append(paths, filepath.Join(fixtures, name))
	}
	for _, path := range paths {
		recs := decoderRecords(b, path)
		size := 0
		for _, r := range recs {
			size += len(r)
		}
		b.Run(filepath.Base(path), func(b *testing.B) {
			d := newInvocationDecoder(InvocationOptions{}.withDefaults())
			var ev genai.Event
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range recs {
					ev.Reset()
					if err := d.Decode(&genai.Record{Data: r}, &ev); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(recs)), "records")
		})
	}
}

// BenchmarkIvIsBase64 measures the base64 check of inline media (an 8 KiB image).
func BenchmarkIvIsBase64(b *testing.B) {
	s := bytes.Repeat([]byte("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), 80)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if !ivIsBase64(s) {
			b.Fatal("not base64")
		}
	}
}

// BenchmarkIvCleanJSON measures cleaning a body: the rest of a compact body after an image is
// cut out (as ivCleanBody leaves it to ivCleanJSON), and a spaced body.
func BenchmarkIvCleanJSON(b *testing.B) {
	img := bytes.Repeat([]byte("QUJD"), 400)
	rest := []byte(`,"messages":[{"role":"user","content":[{"type":"text","text":"Describe the picture, please."},{"type":"image","source":{"type":"base64","media_type":"image/png"}}]}],"max_tokens":512,"temperature":0.2,"anthropic_version":"bedrock-2023-05-31"}`)
	compact := append(append(append([]byte(`{"data":"`), img...), '"'), bytes.Repeat(rest[:len(rest)-1], 4)...)
	compact = append(compact, '}')
	spaced := []byte(`{ "messages": [ { "role": "user", "content": [ { "type": "text", "text": "Describe the picture, please." } ] } ], "max_tokens": 512, "temperature": 0.2 }`)
	for _, c := range []struct {
		name string
		src  []byte
	}{{"compact", compact}, {"spaced", spaced}} {
		b.Run(c.name, func(b *testing.B) {
			dst := make([]byte, 0, len(c.src))
			b.SetBytes(int64(len(c.src)))
			for b.Loop() {
				dst, _ = ivCleanJSON(dst[:0], c.src, 1024, nil)
			}
		})
	}
}

// invokeBodies returns the compacted input bodies of the InvokeModel records of the fixtures
// and of the shared sample log.
func invokeBodies(tb testing.TB) [][]byte {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.ndjson"))
	paths = append(paths, sampleLog)
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for line := range bytes.Lines(data) {
			var rec struct {
				Operation string `json:"operation"`
				Input     struct {
					InputBodyJSON json.RawMessage `json:"inputBodyJson"`
				} `json:"input"`
			}
			if json.Unmarshal(line, &rec) != nil || !strings.HasPrefix(rec.Operation, "InvokeModel") {
				continue
			}
			var buf bytes.Buffer
			if len(rec.Input.InputBodyJSON) > 0 && json.Compact(&buf, rec.Input.InputBodyJSON) == nil {
				out = append(out, buf.Bytes())
			}
		}
	}
	return out
}

// BenchmarkContentKinds measures contentKinds on the InvokeModel request bodies of the
// fixtures and of the sample log.
func BenchmarkContentKinds(b *testing.B) {
	bodies := invokeBodies(b)
	size := 0
	for _, body := range bodies {
		size += len(body)
	}
	d := newInvocationDecoder(InvocationOptions{}.withDefaults())
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, body := range bodies {
			d.contentKinds(body)
		}
	}
	b.ReportMetric(float64(len(bodies)), "bodies")
}

// BenchmarkIvContainsName measures the search for "promptRouter" in the guardrail traces of
// the sample log's Converse responses (where it is not found).
func BenchmarkIvContainsName(b *testing.B) {
	var traces [][]byte
	for _, rec := range decoderRecords(b, sampleLog) {
		var r struct {
			Output struct {
				OutputBodyJSON struct{ Trace json.RawMessage }
			}
		}
		if json.Unmarshal(rec, &r) == nil && len(r.Output.OutputBodyJSON.Trace) > 0 {
			var buf bytes.Buffer
			if json.Compact(&buf, r.Output.OutputBodyJSON.Trace) == nil {
				traces = append(traces, buf.Bytes())
			}
		}
	}
	if len(traces) == 0 {
		b.Skip("no traces")
	}
	size := 0
	for _, t := range traces {
		size += len(t)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range traces {
			if ivContainsName(t, ivKeyPromptRouter) {
				b.Fatal("found")
			}
		}
	}
}
