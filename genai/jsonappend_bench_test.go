package genai

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// benchStrings returns what the renderer writes as JSON strings for the Bedrock benchmark
// records: the request and response bodies as compact JSON text, and every other string of
// the records (message texts, ids, names). Missing files are skipped.
func benchStrings(tb testing.TB) (bodies, texts []string) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "bedrock", "*.ndjson"))
	if err != nil {
		tb.Fatal(err)
	}
	files = append(files, filepath.Join("..", "..", "shared", "samples", "bedrock", "invocation.log"))
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			texts = append(texts, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				if k == "inputBodyJson" || k == "outputBodyJson" {
					var buf bytes.Buffer
					enc := json.NewEncoder(&buf)
					enc.SetEscapeHTML(false)
					if enc.Encode(e) == nil {
						bodies = append(bodies, string(bytes.TrimSpace(buf.Bytes())))
					}
				}
				walk(e)
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var v any
			if json.Unmarshal(sc.Bytes(), &v) == nil {
				walk(v)
			}
		}
	}
	if len(bodies) == 0 {
		tb.Skip("no Bedrock records found")
	}
	return bodies, texts
}

// BenchmarkAppendJSONStringCorpus writes the strings of the Bedrock benchmark corpus: bodies
// (compact JSON, a quote every few bytes), the other strings (mostly short, some prose), and
// both in the proportions of the records.
func BenchmarkAppendJSONStringCorpus(b *testing.B) {
	bodies, texts := benchStrings(b)
	var short, long []string
	for _, s := range texts {
		if len(s) < 32 {
			short = append(short, s)
		} else {
			long = append(long, s)
		}
	}
	for _, set := range []struct {
		name string
		strs []string
	}{{"bodies", bodies}, {"texts", texts}, {"short", short}, {"long", long},
		{"all", append(append([]string(nil), bodies...), texts...)}} {
		b.Run(set.name, func(b *testing.B) {
			size := 0
			for _, s := range set.strs {
				size += len(s)
			}
			b.SetBytes(int64(size))
			b.ReportMetric(float64(len(set.strs)), "strings/op")
			var buf []byte
			for range b.N {
				for _, s := range set.strs {
					buf = AppendJSONString(buf[:0], s)
				}
			}
		})
	}
}
