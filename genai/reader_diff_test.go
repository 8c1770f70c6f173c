package genai_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/ecs"
	"github.com/genainorm/genainorm/genai"
)

// The Reader is checked against OracleReader, the Reader as it was before its per-record
// work was cut down: the same input must give the same documents, errors, notices and counts.

// nextFunc is the Next method of either reader.
type nextFunc func(*genai.Event) error

// transcript reads every event and writes down everything a caller can see of it: both ECS
// renderings, the error, the position, and the notices and counts.
func transcript(t testing.TB, next nextFunc, stats func() genai.Stats, skips *[]string) string {
	var b strings.Builder
	var ev genai.Event
	at := time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC)
	renderers := []ecs.Renderer{
		{Profile: genai.Profiles[0], Ingested: at, KeepOriginal: true},
		{Profile: genai.Profiles[len(genai.Profiles)-1], Ingested: at},
	}
	var buf []byte
	for i := 0; ; i++ {
		err := next(&ev)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(&b, "read error: %v\n", err)
			break
		}
		require.Less(t, i, 1<<20, "reader did not finish")
		if i%7 == 3 {
			fmt.Fprintf(&b, "stats so far %+v\n", stats())
		}
		fmt.Fprintf(&b, "event %d at %+v", i, ev.Source.Position)
		if ev.Err != nil {
			fmt.Fprintf(&b, " error %v original %q", ev.Err, ev.Original)
		}
		b.WriteByte('\n')
		for _, r := range renderers {
			buf = r.AppendDocument(buf[:0], &ev)
			b.Write(buf)
			b.WriteByte('\n')
		}
	}
	fmt.Fprintf(&b, "skips %q\nstats %+v\n", *skips, stats())
	return b.String()
}

// bothTranscripts reads input with the Reader and with the oracle.
func bothTranscripts(t testing.TB, reg *genai.Registry, input []byte, opts genai.ReaderOptions) (got, want string) {
	var skipsNew, skipsOld []string
	optsNew, optsOld := opts, opts
	optsNew.OnSkip = func(p genai.Position, reason string) { skipsNew = append(skipsNew, p.String()+" "+reason) }
	optsOld.OnSkip = func(p genai.Position, reason string) { skipsOld = append(skipsOld, p.String()+" "+reason) }
	rd, err := genai.NewReader(bytes.NewReader(input), reg, optsNew)
	require.NoError(t, err)
	od, err := genai.NewOracleReader(bytes.NewReader(input), reg, optsOld)
	require.NoError(t, err)
	got = transcript(t, rd.Next, rd.Stats, &skipsNew)
	want = transcript(t, od.Next, od.Stats, &skipsOld)
	return got, want
}

func realRegistry() *genai.Registry {
	reg := new(genai.Registry)
	bedrock.Register(reg)
	azureopenai.Register(reg)
	return reg
}

// readerInputs returns the test data files, whole, and variants of their records that take
// the Reader's other paths: CRLF line ends, byte order marks, blank lines, prefixes, lines
// longer than the read buffer, no final newline.
func readerInputs(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	var files []string
	for _, pat := range []string{
		"../testdata/*/*", "../testdata/*/*/*", "../../shared/samples/*/*",
	} {
		m, err := filepath.Glob(pat)
		require.NoError(t, err)
		files = append(files, m...)
	}
	var lines [][]byte
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || st.IsDir() || st.Size() > 8<<20 {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		out[f] = data
		if strings.HasSuffix(f, ".ndjson") || strings.HasSuffix(f, ".log") {
			for _, l := range bytes.Split(data, []byte("\n")) {
				if len(l) > 0 && len(lines) < 400 {
					lines = append(lines, l)
				}
			}
		}
	}
	all := bytes.Join(lines, []byte("\n"))
	out["lines"] = all
	out["crlf"] = bytes.ReplaceAll(all, []byte("\n"), []byte("\r\n"))
	out["bom"] = append([]byte("\ufeff"), bytes.ReplaceAll(all, []byte("\n"), []byte("\n\ufeff  \n\t"))...)
	out["prefixed"] = bytes.ReplaceAll(all, []byte("\n{"), []byte("\n2026-03-02T16:00:00Z {"))
	out["gzip"] = gz(all)
	// Lines longer than the 64 KiB read buffer, around it, and blank lines between.
	pad := func(n int) []byte {
		return []byte(`{"schemaType":"ModelInvocationLog","x":"` + strings.Repeat("y", n) + `","k":"a"}`)
	}
	var long [][]byte
	for _, n := range []int{64<<10 - 60, 64<<10 - 40, 64<<10 - 39, 64<<10 - 38, 64 << 10, 200 << 10} {
		long = append(long, pad(n), lines[0], nil)
	}
	out["long"] = bytes.Join(long, []byte("\n"))
	out["long-crlf"] = bytes.Join(long, []byte("\r\n"))
	return out
}

func TestReaderMatchesOracle(t *testing.T) {
	reg := realRegistry()
	size := 0
	defer func() { t.Logf("transcripts: %d bytes", size) }()
	for name, input := range readerInputs(t) {
		for _, opts := range []genai.ReaderOptions{
			{Name: "in"},
			{Name: "in", MaxRecordSize: 1000},
			{Name: "in", MaxRecordSize: 70 << 10},
			{Name: "in", Format: "bedrock.invocation"},
		} {
			got, want := bothTranscripts(t, reg, input, opts)
			size += len(want)
			if got != want {
				t.Fatalf("%s (max %d, format %q): the Reader differs from the oracle:\n%s", name, opts.MaxRecordSize, opts.Format, firstDiff(got, want))
			}
		}
	}
}

func TestReaderMatchesOracleTestFormat(t *testing.T) {
	for _, input := range readerFuzzSeeds {
		got, want := bothTranscripts(t, testRegistry(), []byte(input), genai.ReaderOptions{Name: "in", MaxRecordSize: 64})
		require.Equal(t, want, got, input)
	}
}

// firstDiff shows where two transcripts part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %.600s\nwant %.600s", i, g[i], w[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(g), len(w))
}

var readerFuzzSeeds = []string{
	"{\"k\":\"a\",\"n\":1}\n{\"k\":\"b\",\"n\":-1}\nnot json\n\n2024-01-01T00:00:00Z {\"k\":\"c\"}\n{\"other\":1}\n{\"k\":\"skip\"}\n{\"items\":[{\"k\":\"d\"},{\"k\":\"e\"}]}\n",
	"{\n  \"items\": [\n    {\"k\": \"x\"},\n    {\"k\": \"y\"}\n  ]\n}\n[{\"k\":\"z\"},{\"k\":\"w\"}]\n",
	"{\"k\":\"part\"}\r\n{\"k\":\"part\"}\r\n{\"k\":\"end\"}\r\n{\"k\":\"part\"}",
	"\ufeff{\"k\":\"a\"}\n\ufeff\n \ufeff{\"k\":\"b\"}\n",
	"{\"k\":\"" + strings.Repeat("x", 100) + "\"}\n{\"k\":\"ok\"}\n",
	"{\"k\":\"panic\"}\n{\"k\":\"after\"}\n",
	"[1,2,{\"k\":\"x\"}]\n[{\"items\":[{\"k\":\"q\"}]}]",
	"{\"bad\n{\"k\":\"a\"}\n",
	"{\"k\":\"a\",\"k\":\"b\"}\n{\"k\":\"c\"}\n",
}

func FuzzReaderMatchesOracle(f *testing.F) {
	for _, s := range readerFuzzSeeds {
		f.Add([]byte(s), uint16(64))
	}
	f.Add(gz([]byte(readerFuzzSeeds[0])), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		got, want := bothTranscripts(t, testRegistry(), data, genai.ReaderOptions{Name: "in", MaxRecordSize: int(max)})
		require.Equal(t, want, got)
	})
}

// BenchmarkReaderOverhead reads Bedrock invocation records with a decoder that does nothing:
// what is left is the Reader's own per-record work (line splitting, envelope and format
// detection, bookkeeping). Oracle is the Reader as it was.
func BenchmarkReaderOverhead(b *testing.B) {
	input, reg := overheadInput(b)
	b.Run("Reader", func(b *testing.B) {
		b.SetBytes(int64(len(input)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rd, err := genai.NewReader(bytes.NewReader(input), reg, genai.ReaderOptions{})
			require.NoError(b, err)
			var ev genai.Event
			for rd.Next(&ev) == nil {
			}
		}
	})
	b.Run("Oracle", func(b *testing.B) {
		b.SetBytes(int64(len(input)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rd, err := genai.NewOracleReader(bytes.NewReader(input), reg, genai.ReaderOptions{})
			require.NoError(b, err)
			var ev genai.Event
			for rd.Next(&ev) == nil {
			}
		}
	})
}

// overheadInput returns 4 MiB of Bedrock invocation records and a registry of the real
// formats and envelopes, the invocation format's decoder replaced by one that does nothing.
func overheadInput(b *testing.B) ([]byte, *genai.Registry) {
	var lines [][]byte
	for _, f := range []string{"../testdata/bedrock/converse.ndjson", "../testdata/bedrock/invoke_model.ndjson", "../testdata/bedrock/converse_stream.ndjson"} {
		data, err := os.ReadFile(f)
		require.NoError(b, err)
		lines = append(lines, bytes.TrimSpace(data))
	}
	one := append(bytes.Join(lines, []byte("\n")), '\n')
	var input []byte
	for len(input) < 4<<20 {
		input = append(input, one...)
	}
	// A format registered again under its name keeps its place in the detection order.
	reg := realRegistry()
	inv := reg.Lookup("bedrock.invocation")
	reg.Register(&genai.Format{Name: inv.Name, Detect: inv.Detect,
		NewDecoder: func() genai.Decoder { return noopDecoder{} }})
	return input, reg
}

type noopDecoder struct{}

func (noopDecoder) Decode(rec *genai.Record, ev *genai.Event) error { return nil }

// BenchmarkDetectEnvelope asks the real registry for the envelope of each Bedrock invocation
// record of the benchmark corpus (there is none).
func BenchmarkDetectEnvelope(b *testing.B) {
	var lines [][]byte
	files, _ := filepath.Glob("../testdata/bedrock/*.ndjson")
	files = append(files, "../../shared/samples/bedrock/invocation.log")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, l := range bytes.Split(data, []byte("\n")) {
			if l = bytes.TrimSpace(l); len(l) > 0 && l[0] == '{' {
				lines = append(lines, l)
			}
		}
	}
	reg := realRegistry()
	b.ReportMetric(float64(len(lines)), "records/op")
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			if e := reg.DetectEnvelope(l); e != nil {
				b.Fatal(e.Name)
			}
		}
	}
}
