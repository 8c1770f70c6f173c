package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

// decoderFunc adapts a function to genai.Decoder.
type decoderFunc func(rec *genai.Record, ev *genai.Event) error

func (f decoderFunc) Decode(rec *genai.Record, ev *genai.Event) error { return f(rec, ev) }

// registryOf returns a registry with one format that decodes every record with decode.
func registryOf(decode decoderFunc) *genai.Registry {
	reg := new(genai.Registry)
	reg.Register(&genai.Format{
		Name:       "test.records",
		Dataset:    "test.records",
		Detect:     func([]byte) bool { return true },
		NewDecoder: func() genai.Decoder { return decode },
	})
	return reg
}

// The late read of Documents tells a decoder that keeps the Reader's memory on the event (here:
// the record's bytes as the event's action, without a copy) from one that copies.
func TestLateRenderingFindsSharedMemory(t *testing.T) {
	var lines []string
	for _, a := range []string{"InvokeModel", "Converse", "ListFoundationModels", "ConverseStream"} {
		lines = append(lines, `{"action":"`+a+`"}`)
	}
	path := filepath.Join(t.TempDir(), "records.ndjson")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))

	copying := registryOf(func(rec *genai.Record, ev *genai.Event) error {
		ev.Action = string(rec.Data)
		return nil
	})
	sharing := registryOf(func(rec *genai.Record, ev *genai.Event) error {
		ev.Action = unsafe.String(unsafe.SliceData(rec.Data), len(rec.Data))
		return nil
	})

	want := documents(t, copying, path, genai.ProfileECS, 1, false)
	require.Equal(t, len(lines), strings.Count(string(want), "\n"))
	for _, l := range lines {
		require.Contains(t, string(want), strings.ReplaceAll(l, `"`, `\"`))
	}
	require.Equal(t, string(want), string(Documents(t, copying, path, genai.ProfileECS)))

	// Rendered at once, the sharing decoder's documents are right; rendered late, they are not.
	require.Equal(t, string(want), string(documents(t, sharing, path, genai.ProfileECS, 1, false)))
	require.NotEqual(t, string(want), string(documents(t, sharing, path, genai.ProfileECS, lateRing, true)))
}
