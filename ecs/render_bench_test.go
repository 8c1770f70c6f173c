package ecs

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

// renderCorpora are the rendering benchmarks' inputs: small error records alone, and the
// Bedrock corpus the normalize benchmark reads (ours and, when present, the shared samples).
var renderCorpora = []struct {
	name     string
	patterns []string
}{
	{"errors", []string{filepath.Join("..", "testdata", "bedrock", "errors.ndjson")}},
	{"bedrock", []string{
		filepath.Join("..", "testdata", "bedrock", "*.ndjson"),
		filepath.Join("..", "..", "shared", "samples", "bedrock", "invocation.log"),
	}},
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

// loadEvents decodes every whole-object line of the files matching patterns into an Event of
// its own (one Reader per line, so that no event shares the Reader's buffers with the next),
// and returns the events and the bytes of the records.
func loadEvents(tb testing.TB, patterns ...string) ([]*genai.Event, int) {
	tb.Helper()
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	var evs []*genai.Event
	size := 0
	for _, p := range patterns {
		files, err := filepath.Glob(p)
		require.NoError(tb, err)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(tb, err)
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			for sc.Scan() {
				line := bytes.TrimSpace(sc.Bytes())
				if len(line) == 0 || line[0] != '{' || !json.Valid(line) {
					continue
				}
				line = bytes.Clone(line)
				rd, err := genai.NewReader(bytes.NewReader(line), reg, genai.ReaderOptions{Name: "corpus"})
				require.NoError(tb, err)
				for {
					ev := new(genai.Event)
					err := rd.Next(ev)
					if err == io.EOF {
						break
					}
					require.NoError(tb, err)
					evs = append(evs, ev)
					// A reader holding more events reuses its buffers: keep one per reader.
					break
				}
				size += len(line) + 1
			}
		}
	}
	return evs, size
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
