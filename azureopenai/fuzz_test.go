package azureopenai_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/genai"
)

// seeds adds every fixture line (and every whole fixture) to the corpus.
func seeds(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.*"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f.Add(b)
		for _, line := range bytes.Split(b, []byte("\n")) {
			if line = bytes.TrimSpace(line); len(line) > 0 {
				f.Add(line)
			}
		}
	}
}

// fuzzFormat decodes data with one format (twice, to exercise held state, then flushes) and
// fails on a panic; the decoder must return an error instead.
func fuzzFormat(f *testing.F, name string) {
	seeds(f)
	format := registry().Lookup(name)
	if format == nil {
		f.Fatalf("format %s not registered", name)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := format.NewDecoder()
		for range 2 {
			var ev genai.Event
			_ = d.Decode(&genai.Record{Data: data}, &ev)
		}
		if fl, ok := d.(genai.Flusher); ok {
			fl.Flush(func(*genai.Event) {})
		}
		_ = format.Detect(data)
	})
}

func FuzzResourceLog(f *testing.F) { fuzzFormat(f, azureopenai.FormatResourceLog) }
func FuzzGateway(f *testing.F)     { fuzzFormat(f, azureopenai.FormatGateway) }
func FuzzGatewayLLM(f *testing.F)  { fuzzFormat(f, azureopenai.FormatGatewayLLM) }
func FuzzResponse(f *testing.F)    { fuzzFormat(f, azureopenai.FormatResponse) }
func FuzzStream(f *testing.F)      { fuzzFormat(f, azureopenai.FormatStream) }

// FuzzContentFilter feeds arbitrary objects to the content-filter mapping.
func FuzzContentFilter(f *testing.F) {
	f.Add([]byte(`{"hate":{"filtered":true,"severity":"high"},"custom_blocklists":{"filtered":true,"details":[{"filtered":true,"id":"x"}]},"error":{"code":"e"}}`))
	f.Add([]byte(`{"protected_material_code":{"detected":true,"filtered":false,"citation":{"URL":"u","license":"l"}},"custom_blocklists":[{"filtered":true,"id":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ev genai.Event
		azureopenai.ContentFilter(&ev, data, genai.DirectionOutput)
		_ = ev.Guardrail.Derive()
	})
}

// FuzzEnvelope splits arbitrary {"records":[...]} messages.
func FuzzEnvelope(f *testing.F) {
	f.Add([]byte(`{"records":[{"a":1},{"b":2}]}`))
	f.Add([]byte(`{"records":[{"a":1},`))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg := registry()
		if env := reg.DetectEnvelope(data); env != nil {
			_, _ = env.Split(data)
		}
	})
}
