package azureopenai_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
)

// TestCombinedRegistry reads every Azure fixture and sample with the Bedrock formats
// registered too (as the CLI does, in both orders): every record must still be decoded by an
// Azure format, and the Bedrock fixtures by no Azure format.
func TestCombinedRegistry(t *testing.T) {
	for _, order := range []string{"bedrock first", "azure first"} {
		reg := new(genai.Registry)
		if order == "bedrock first" {
			bedrock.Register(reg)
			azureopenai.Register(reg)
		} else {
			azureopenai.Register(reg)
			bedrock.Register(reg)
		}
		azure, _ := filepath.Glob(filepath.Join(fixtures, "*.*"))
		samples, _ := filepath.Glob("../../shared/samples/azure_*/*.log")
		for _, path := range append(azure, samples...) {
			for _, ev := range readAll(t, reg, path) {
				require.NoError(t, ev.Err, "%s: %s", order, path)
				require.True(t, strings.HasPrefix(ev.Source.Format, "azureopenai."), "%s: %s decoded as %s", order, path, ev.Source.Format)
			}
		}
		theirs, _ := filepath.Glob("../testdata/bedrock/*.ndjson")
		for _, path := range theirs {
			for _, ev := range readAll(t, reg, path) {
				require.False(t, strings.HasPrefix(ev.Source.Format, "azureopenai."), "%s: %s record %s claimed by %s", order, path, ev.Source.Position, ev.Source.Format)
			}
		}
	}
}

func readAll(t *testing.T, reg *genai.Registry, path string) []*genai.Event {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rd, err := genai.NewReader(f, reg, genai.ReaderOptions{Name: filepath.Base(path)})
	require.NoError(t, err)
	var out []*genai.Event
	for {
		ev := new(genai.Event)
		if err := rd.Next(ev); err == io.EOF {
			return out
		} else {
			require.NoError(t, err)
		}
		out = append(out, ev)
	}
}
