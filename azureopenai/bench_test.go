package azureopenai_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

func benchInput(b *testing.B, name string, copies int) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Repeat(append(bytes.TrimSpace(data), '\n'), copies)
}

// benchNormalize measures bytes in -> events (and, with render, ECS JSON out).
func benchNormalize(b *testing.B, input []byte, render bool) {
	reg := registry()
	r := ecs.Renderer{Profile: genai.ProfileElastic}
	var ev genai.Event
	var out []byte
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		rd, err := genai.NewReader(bytes.NewReader(input), reg, genai.ReaderOptions{})
		if err != nil {
			b.Fatal(err)
		}
		for {
			err := rd.Next(&ev)
			if err == io.EOF {
				break
			}
			if err != nil || ev.Err != nil {
				b.Fatal(err, ev.Err)
			}
			if render {
				out = r.AppendDocument(out[:0], &ev)
			}
		}
	}
}

func BenchmarkResourceLog(b *testing.B) {
	benchNormalize(b, benchInput(b, "resource_blob.ndjson", 200), false)
}

func BenchmarkGateway(b *testing.B) {
	benchNormalize(b, benchInput(b, "gateway.ndjson", 50), false)
}

func BenchmarkResponse(b *testing.B) {
	benchNormalize(b, benchInput(b, "responses.ndjson", 100), false)
}

func BenchmarkStream(b *testing.B) {
	benchNormalize(b, benchInput(b, "stream.sse", 100), false)
}

func BenchmarkGatewayToECS(b *testing.B) {
	benchNormalize(b, benchInput(b, "gateway.ndjson", 50), true)
}
