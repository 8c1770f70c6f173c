package bedrock_test

import (
	"bytes"
	stdjson "encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

// BenchmarkCloudTrail measures the full path (bytes -> events -> elastic documents) on a
// CloudTrail log file and on one-event-per-line input; BenchmarkCloudTrailBaseline decodes the
// same log file into map[string]any with encoding/json, for the ratio.
func BenchmarkCloudTrail(b *testing.B) {
	for _, name := range []string{"attack_sequence.json", "invocation.ndjson"} {
		data, err := os.ReadFile(filepath.Join(ctDir, name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			reg := ctRegistry(false)
			r := ecs.Renderer{}
			var ev genai.Event
			var buf []byte
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				rd, err := genai.NewReader(bytes.NewReader(data), reg, genai.ReaderOptions{})
				if err != nil {
					b.Fatal(err)
				}
				for {
					if err := rd.Next(&ev); err == io.EOF {
						break
					} else if err != nil {
						b.Fatal(err)
					}
					buf = r.AppendDocument(buf[:0], &ev)
				}
			}
		})
	}
}

func BenchmarkCloudTrailBaseline(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(ctDir, "attack_sequence.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m map[string]any
		if err := stdjson.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}
