package guardrail_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// TestGolden renders the full-record fixtures (invocation logs with guardrail traces of every
// shape, ApplyGuardrail records) in both profiles and compares them with the reviewed golden
// files under testdata/bedrock/guardrails/golden (rewrite with -update, then review the diff).
func TestGolden(t *testing.T) {
	var reg genai.Registry
	bedrock.Register(&reg)
	for _, name := range []string{"invocation_guardrails.ndjson", "apply_records.ndjson", "apply_response_bare.json"} {
		for _, p := range genai.Profiles {
			t.Run(name+"/"+p.String(), func(t *testing.T) {
				got := golden.Documents(t, &reg, filepath.Join(fixtures, name), p)
				base := strings.TrimSuffix(strings.TrimSuffix(name, ".ndjson"), ".json")
				golden.Check(t, filepath.Join(fixtures, "golden", base+"."+p.String()+".ndjson"), got)
			})
		}
	}
}
