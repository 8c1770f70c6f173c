package benchmark

import (
	"bytes"
	"io"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

var (
	root    = filepath.Join("..", "..")
	samples = filepath.Join(root, "..", "shared", "samples")
)

// corpora are the benchmark inputs: Bedrock invocation records (ours and, when present, the
// shared real samples), and a mix of every provider's NDJSON records.
func corpora(tb testing.TB) map[string]*Corpus {
	tb.Helper()
	bedrockFiles := BedrockFiles(root)
	mixed := append(append([]string(nil), bedrockFiles...),
		filepath.Join(root, "testdata", "bedrock", "guardrails", "*.ndjson"),
		filepath.Join(root, "testdata", "bedrock", "cloudtrail", "*.ndjson"),
		filepath.Join(root, "testdata", "azureopenai", "*.ndjson"),
		filepath.Join(samples, "azure_openai", "*.log"),
		filepath.Join(samples, "azure_ai_foundry", "*.log"),
	)
	out := map[string]*Corpus{}
	for name, pats := range map[string][]string{"bedrock": bedrockFiles, "mixed": mixed} {
		c, err := Load(pats...)
		require.NoError(tb, err)
		if c.Records == 0 {
			tb.Skipf("no %s records found", name)
		}
		out[name] = c.Repeat(4 << 20)
	}
	return out
}

func registry() *genai.Registry {
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	return reg
}

// normalize runs the full path over data and returns the number of documents and error documents.
func normalize(tb testing.TB, reg *genai.Registry, r *ecs.Renderer, data []byte, w io.Writer) (docs, errs int) {
	docs, errs, _ = normalizeStats(tb, reg, r, data, w)
	return docs, errs
}

// normalizeStats is normalize, also returning the Reader's counts.
func normalizeStats(tb testing.TB, reg *genai.Registry, r *ecs.Renderer, data []byte, w io.Writer) (docs, errs int, st genai.Stats) {
	rd, err := genai.NewReader(bytes.NewReader(data), reg, genai.ReaderOptions{Name: "corpus"})
	if err != nil {
		tb.Fatal(err)
	}
	var ev genai.Event
	var buf []byte
	for {
		err := rd.Next(&ev)
		if err == io.EOF {
			return docs, errs, rd.Stats()
		}
		if err != nil {
			tb.Fatal(err)
		}
		buf = r.AppendDocument(buf[:0], &ev)
		buf = append(buf, '\n')
		w.Write(buf)
		docs++
		if ev.Err != nil {
			errs++
		}
	}
}

// The corpus normalizes without error documents (one document per Bedrock record): the
// benchmark measures real work, not error paths.
func TestCorpusNormalizes(t *testing.T) {
	for name, c := range corpora(t) {
		reg := registry()
		for _, p := range genai.Profiles {
			r := ecs.Renderer{Profile: p}
			docs, errs, st := normalizeStats(t, reg, &r, c.Data, io.Discard)
			require.Zero(t, errs, "%s corpus has error documents", name)
			if name == "bedrock" {
				require.Equal(t, c.Records, docs, name)
			} else {
				// Every record is an event, a piece merged into another's event
				// (GatewayLlmLogs), or skipped with a notice (CloudTrail events of other
				// services); most are events.
				require.Equal(t, int64(c.Records), st.Records, name)
				require.GreaterOrEqual(t, st.Events+st.Held+st.Skipped, st.Records, name)
				require.Greater(t, docs, c.Records*3/4, name)
			}
		}
	}
}

// BenchmarkNormalize is the full path: bytes -> Reader -> provider decoder -> ECS JSON.
func BenchmarkNormalize(b *testing.B) {
	for _, name := range []string{"bedrock", "mixed"} {
		c := corpora(b)[name]
		for _, p := range genai.Profiles {
			b.Run(name+"/"+p.String(), func(b *testing.B) {
				reg := registry()
				r := ecs.Renderer{Profile: p}
				b.SetBytes(int64(len(c.Data)))
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					normalize(b, reg, &r, c.Data, io.Discard)
				}
				b.ReportMetric(float64(c.Records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			})
		}
	}
}

// BenchmarkMapDecode is the baseline: encoding/json decoding each record of the same corpus into
// map[string]any, and nothing else.
func BenchmarkMapDecode(b *testing.B) {
	for _, name := range []string{"bedrock", "mixed"} {
		c := corpora(b)[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(c.Data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				require.NoError(b, MapDecode(c.Data))
			}
			b.ReportMetric(float64(c.Records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkSpeedup runs the full path and the map decode of the same corpus in turn, each
// iteration, and reports how many times faster the full path is ("x-map"). Taking both in the
// same iterations keeps a busy or throttled machine from favouring either side. (ns/op is
// both sides together, plus the collections between them.) Run it with -cpu 2,1 to see both
// sides with a second core, where the map decode's garbage collector works in parallel, and
// on one core, where each side has the same single core.
func BenchmarkSpeedup(b *testing.B) {
	for _, name := range []string{"bedrock", "mixed"} {
		c := corpora(b)[name]
		for _, p := range genai.Profiles {
			b.Run(name+"/"+p.String(), func(b *testing.B) {
				reg := registry()
				r := ecs.Renderer{Profile: p}
				var norm, base time.Duration
				for i := 0; i < b.N; i++ {
					// Each side starts from a collected heap, so that neither pays for
					// the other's garbage.
					runtime.GC()
					start := time.Now()
					normalize(b, reg, &r, c.Data, io.Discard)
					norm += time.Since(start)
					runtime.GC()
					start = time.Now()
					require.NoError(b, MapDecode(c.Data))
					base += time.Since(start)
				}
				b.ReportMetric(base.Seconds()/norm.Seconds(), "x-map")
			})
		}
	}
}
