package bedrock

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// goldenInputs are the fixtures whose documents are kept as golden files, in both profiles.
var goldenInputs = []string{
	"invoke_model.ndjson",
	"invoke_model_stream.ndjson",
	"converse.ndjson",
	"converse_stream.ndjson",
	"errors.ndjson",
	"offloaded.ndjson",
	"bare_stream.ndjson",
	"cloudwatch_payload.json",
	"cloudwatch_awslogs.json",
}

// TestGoldenDocuments renders the fixtures as ECS documents; run with -update to rewrite
// testdata/bedrock/golden/*.{elastic,ecs}.ndjson, then review the diff.
func TestGoldenDocuments(t *testing.T) {
	reg := testRegistry()
	for _, name := range goldenInputs {
		for _, p := range genai.Profiles {
			t.Run(name+"/"+p.String(), func(t *testing.T) {
				got := golden.Documents(t, reg, filepath.Join(fixtures, name), p)
				base := strings.TrimSuffix(strings.TrimSuffix(name, ".ndjson"), ".json")
				golden.Check(t, filepath.Join(fixtures, "golden", base+"."+p.String()+".ndjson"), got)
			})
		}
	}
}
