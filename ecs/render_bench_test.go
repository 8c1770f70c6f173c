package ecs

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/benchmark"
)

// renderCorpora are the rendering benchmarks' inputs: small error records alone, and the
// Bedrock corpus the normalize benchmark reads (ours and, when present, the shared samples).
var renderCorpora = []struct {
	name     string
	patterns []string
}{
	{"errors", []string{filepath.Join("..", "testdata", "bedrock", "errors.ndjson")}},
	{"bedrock", benchmark.BedrockFiles("..")},
	{"mixed", []string{
		filepath.Join("..", "testdata", "bedrock", "*.ndjson"),
		filepath.Join("..", "testdata", "bedrock", "guardrails", "*.ndjson"),
		filepath.Join("..", "testdata", "bedrock", "cloudtrail", "*.ndjson"),
		filepath.Join("..", "testdata", "azureopenai", "*.ndjson"),
		filepath.Join("..", "..", "shared", "samples", "bedrock", "invocation.log"),
		filepath.Join("..", "..", "shared", "samples", "azure_openai", "*.log"),
		filepath.Join("..", "..", "shared", "samples", "azure_ai_foundry", "*.log"),
	}},
}

// loadEvents decodes the records of the files matching patterns (benchmark.Load's whole-object
// lines) into an Event each, and returns the events and the bytes of the records.
func loadEvents(tb testing.TB, patterns ...string) ([]*genai.Event, int) {
	tb.Helper()
	c, err := benchmark.Load(patterns...)
	require.NoError(tb, err)
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	rd, err := genai.NewReader(bytes.NewReader(c.Data), reg, genai.ReaderOptions{Name: "corpus"})
	require.NoError(tb, err)
	var evs []*genai.Event
	for {
		ev := new(genai.Event) // events filled into different Events stay valid together
		err := rd.Next(ev)
		if err == io.EOF {
			return evs, len(c.Data)
		}
		require.NoError(tb, err)
		evs = append(evs, ev)
	}
}

// BenchmarkRender is AppendDocument alone over decoded events: the small error records, and
// the Bedrock corpus of the normalize benchmark. event.ingested is the current time, as in
// the normalize benchmark. The bytes are the records' input bytes.
func BenchmarkRender(b *testing.B) {
	for _, c := range renderCorpora {
		evs, size := loadEvents(b, c.patterns...)
		if len(evs) == 0 {
			continue
		}
		for _, p := range genai.Profiles {
			b.Run(c.name+"/"+p.String(), func(b *testing.B) {
				r := Renderer{Profile: p}
				var buf []byte
				b.SetBytes(int64(size))
				b.ReportAllocs()
				for b.Loop() {
					for _, ev := range evs {
						buf = r.AppendDocument(buf[:0], ev)
					}
				}
				b.ReportMetric(float64(len(evs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}
