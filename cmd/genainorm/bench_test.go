package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/internal/benchmark"
)

// BenchmarkNormalizeCommand runs `genainorm normalize` as a user runs it, reading a file and
// writing documents (here to io.Discard), over the Bedrock benchmark corpus of
// internal/benchmark, with the baseline of that package (encoding/json decoding each record into
// map[string]any) in the same run. The command decodes on one goroutine while it renders and
// writes on another (see pipe); internal/benchmark measures the same path on one goroutine.
func BenchmarkNormalizeCommand(b *testing.B) {
	c, err := benchmark.Load(benchmark.BedrockFiles(filepath.Join("..", ".."))...)
	require.NoError(b, err)
	if c.Records == 0 {
		b.Skip("no Bedrock records found")
	}
	c = c.Repeat(4 << 20)
	path := filepath.Join(b.TempDir(), "corpus.ndjson")
	require.NoError(b, os.WriteFile(path, c.Data, 0o644))
	for _, profile := range []string{"elastic", "ecs"} {
		b.Run("bedrock/"+profile, func(b *testing.B) {
			b.SetBytes(int64(len(c.Data)))
			b.ReportAllocs()
			for b.Loop() {
				if code := run([]string{"normalize", "--quiet", "--profile", profile, path}, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("normalize exited %d", code)
				}
			}
		})
	}
	b.Run("bedrock/map-decode", func(b *testing.B) {
		b.SetBytes(int64(len(c.Data)))
		b.ReportAllocs()
		for b.Loop() {
			data, err := os.ReadFile(path)
			require.NoError(b, err)
			require.NoError(b, benchmark.MapDecode(data))
		}
	})
}
