package azureopenai_test

import (
	"path/filepath"
	"testing"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// TestGolden renders every fixture in both profiles and compares the documents with the
// golden files under testdata/azureopenai/golden (rewrite them with -update, then review).
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join(fixtures, "*.*"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures in %s", fixtures)
	}
	reg := registry()
	for _, in := range inputs {
		for _, p := range genai.Profiles {
			name := filepath.Base(in) + "." + p.String() + ".ndjson"
			t.Run(name, func(t *testing.T) {
				docs := golden.Documents(t, reg, in, p)
				golden.Check(t, filepath.Join(fixtures, "golden", name), docs)
			})
		}
	}
}
