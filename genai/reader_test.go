package genai_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// testFormat decodes {"k":"...","n":N} records; n < 0 fails, k "skip" is skipped, k "part"
// is held until a record with k "end" arrives.
type testDecoder struct{ held []string }

func (d *testDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	var v struct {
		K string `json:"k"`
		N int64  `json:"n"`
	}
	if err := json.Unmarshal(rec.Data, &v); err != nil {
		return err
	}
	switch {
	case v.N < 0:
		return errors.New("negative n")
	case v.K == "skip":
		return genai.Skip("not an event")
	case v.K == "part":
		d.held = append(d.held, v.K)
		return genai.ErrHeld
	case v.K == "panic":
		panic("a decoder bug") // the Reader must not crash
	}
	ev.Action = v.K
	if len(d.held) > 0 && v.K == "end" {
		ev.Action = strings.Join(append(d.held, v.K), "+")
		d.held = nil
	}
	ev.Usage.InputTokens.Set(v.N)
	return nil
}

func (d *testDecoder) Flush(emit func(*genai.Event)) {
	if len(d.held) > 0 {
		emit(&genai.Event{Action: "flushed:" + strings.Join(d.held, "+")})
	}
}

func testRegistry() *genai.Registry {
	reg := new(genai.Registry)
	reg.Register(&genai.Format{Name: "test", Dataset: "test.ds",
		Detect:     func(b []byte) bool { return bytes.Contains(b, []byte(`"k"`)) },
		NewDecoder: func() genai.Decoder { return &testDecoder{} }})
	reg.RegisterEnvelope(&genai.Envelope{Name: "wrap",
		Detect: func(b []byte) bool { return bytes.HasPrefix(b, []byte(`{"items"`)) },
		Split: func(b []byte) ([]genai.Record, error) {
			var v struct {
				Items []jsontext.Value `json:"items"`
			}
			if err := json.Unmarshal(b, &v); err != nil {
				return nil, err
			}
			out := make([]genai.Record, len(v.Items))
			for i, it := range v.Items {
				out[i] = genai.Record{Data: it, Pos: genai.Position{Path: "items[" + string(rune('0'+i)) + "]"}}
			}
			return out, nil
		}})
	return reg
}

type result struct {
	action string
	err    string
	pos    genai.Position
}

func readAll(t *testing.T, input []byte, opts genai.ReaderOptions) ([]result, genai.Stats) {
	t.Helper()
	rd, err := genai.NewReader(bytes.NewReader(input), testRegistry(), opts)
	require.NoError(t, err)
	var out []result
	var ev genai.Event
	for {
		err := rd.Next(&ev)
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		r := result{action: ev.Action, pos: ev.Source.Position}
		if ev.Err != nil {
			r.err = ev.Err.Error()
		}
		out = append(out, r)
	}
	return out, rd.Stats()
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestReader(t *testing.T) {
	ndjson := "{\"k\":\"a\",\"n\":1}\n{\"k\":\"b\",\"n\":-1}\nnot json\n\n2024-01-01T00:00:00Z {\"k\":\"c\"}\n{\"other\":1}\n{\"k\":\"skip\"}\n{\"items\":[{\"k\":\"d\"},{\"k\":\"e\"}]}\n"
	want := []result{
		{action: "a", pos: genai.Position{Name: "in", Line: 1, Offset: 0}},
		{err: "in:2: test: negative n"},
		{err: "in:3: no known format matches the record"},
		{action: "c"},
		{err: "in:6: no known format matches the record"},
		{action: "d", pos: genai.Position{Name: "in", Line: 8, Offset: 99, Path: "items[0]"}},
		{action: "e"},
	}
	for name, input := range map[string][]byte{"plain": []byte(ndjson), "gzip": gz([]byte(ndjson))} {
		t.Run(name, func(t *testing.T) {
			got, stats := readAll(t, input, genai.ReaderOptions{Name: "in"})
			require.Len(t, got, len(want))
			for i, w := range want {
				require.Equal(t, w.action, got[i].action, i)
				require.Equal(t, w.err, got[i].err, i)
				if w.pos != (genai.Position{}) {
					require.Equal(t, w.pos, got[i].pos, i)
				}
			}
			require.Equal(t, int64(8), stats.Records)
			require.Equal(t, int64(7), stats.Events)
			require.Equal(t, int64(3), stats.Errors)
			require.Equal(t, int64(1), stats.Skipped)
		})
	}
}

func TestReaderDocuments(t *testing.T) {
	// A pretty-printed document, then a top-level array: both split into records.
	input := "{\n  \"items\": [\n    {\"k\": \"x\"},\n    {\"k\": \"y\"}\n  ]\n}\n[{\"k\":\"z\"},{\"k\":\"w\"}]\n"
	got, _ := readAll(t, []byte(input), genai.ReaderOptions{})
	var actions []string
	for _, g := range got {
		require.Empty(t, g.err)
		actions = append(actions, g.action)
	}
	require.Equal(t, []string{"x", "y", "z", "w"}, actions)

	// Broken JSON in document mode: one error document for the rest, no crash.
	got, stats := readAll(t, []byte("{\n \"k\": \"x\"\n}\n{\n \"k\": \n"), genai.ReaderOptions{})
	require.Len(t, got, 2)
	require.Equal(t, "x", got[0].action)
	require.Contains(t, got[1].err, "invalid JSON")
	require.Equal(t, int64(1), stats.Errors)
}

func TestReaderBrokenFirstLine(t *testing.T) {
	for _, first := range []string{`{"bad`, `{"k":"x"`, `[1,`, `{"k":}`} {
		got, stats := readAll(t, []byte(first+"\n{\"k\":\"a\"}\n{\"k\":\"b\"}\n"), genai.ReaderOptions{})
		require.Len(t, got, 3, first)
		require.NotEmpty(t, got[0].err, first)
		require.Equal(t, "a", got[1].action, first)
		require.Equal(t, "b", got[2].action, first)
		require.Equal(t, int64(1), stats.Errors)
	}
}

func TestReaderHeldAndFlush(t *testing.T) {
	got, stats := readAll(t, []byte("{\"k\":\"part\"}\n{\"k\":\"part\"}\n{\"k\":\"end\"}\n{\"k\":\"part\"}\n"), genai.ReaderOptions{})
	require.Equal(t, []result{{action: "part+part+end", pos: got[0].pos}, {action: "flushed:part"}}, got)
	require.Equal(t, int64(3), stats.Held)
}

func TestReaderSurvivesDecoderPanic(t *testing.T) {
	got, _ := readAll(t, []byte("{\"k\":\"panic\"}\n{\"k\":\"after\"}\n"), genai.ReaderOptions{})
	require.Len(t, got, 2)
	require.Contains(t, got[0].err, "decoder failed")
	require.Equal(t, "after", got[1].action)
}

func TestReaderLimits(t *testing.T) {
	got, _ := readAll(t, []byte("{\"k\":\""+strings.Repeat("x", 200)+"\"}\n{\"k\":\"ok\"}\n"), genai.ReaderOptions{MaxRecordSize: 100})
	require.Len(t, got, 2)
	require.Contains(t, got[0].err, "record exceeds 100 bytes")
	require.Equal(t, "ok", got[1].action)

	_, err := genai.NewReader(strings.NewReader(""), testRegistry(), genai.ReaderOptions{Format: "nope"})
	require.ErrorContains(t, err, `unknown format "nope"`)

	got, _ = readAll(t, []byte("{\"zz\":1}\n"), genai.ReaderOptions{Format: "test"})
	require.Len(t, got, 1)
	require.Equal(t, "", got[0].err, "a forced format decodes every record")

	got, _ = readAll(t, nil, genai.ReaderOptions{})
	require.Empty(t, got)
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("{\"k\":\"a\"}\n{\"items\":[{\"k\":\"b\"}]}\n"))
	f.Add([]byte("{\n\"k\":1}"))
	f.Add(gz([]byte("{\"k\":\"a\"}\n")))
	f.Add([]byte("[1,2,{\"k\":\"x\"}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := genai.NewReader(bytes.NewReader(data), testRegistry(), genai.ReaderOptions{})
		require.NoError(t, err)
		var ev genai.Event
		for i := 0; i < 10000; i++ {
			if err := rd.Next(&ev); err != nil {
				return
			}
		}
		t.Fatal("reader did not finish")
	})
}
