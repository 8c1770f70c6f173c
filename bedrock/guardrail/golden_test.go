package guardrail_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// goldenPaths are the document parts the golden files keep: what this package fills and what
// depends on it (the outcome). The rest of each document belongs to the invocation decoder and
// has its own golden files, so a change there does not churn these.
var goldenPaths = []string{
	"event.action", "event.outcome", "event.type", "event.kind",
	"gen_ai.guardrail_id", "gen_ai.guardrail", "gen_ai.policy", "gen_ai.compliance", "gen_ai.owasp",
	"gen_ai.response.finish_reasons", "gen_ai.operation",
	"aws.bedrock.guardrail", "aws_bedrock.guardrail",
	"genainorm.warnings", "genainorm.format", "error",
	"user.id", "cloud.account.id", "cloud.region",
}

// TestGolden renders the full-record fixtures (invocation logs with guardrail traces of every
// shape, ApplyGuardrail records) in both profiles and compares their guardrail parts with the
// reviewed golden files under testdata/bedrock/guardrails/golden (rewrite with -update, then
// review the diff).
func TestGolden(t *testing.T) {
	var reg genai.Registry
	bedrock.Register(&reg)
	for _, name := range []string{"invocation_guardrails.ndjson", "apply_records.ndjson", "apply_response_bare.json"} {
		for _, p := range genai.Profiles {
			t.Run(name+"/"+p.String(), func(t *testing.T) {
				docs := golden.Documents(t, &reg, filepath.Join(fixtures, name), p)
				var got []byte
				for _, line := range bytes.Split(bytes.TrimSpace(docs), []byte("\n")) {
					var d map[string]any
					require.NoError(t, json.Unmarshal(line, &d))
					b, err := json.Marshal(pick(d), json.Deterministic(true))
					require.NoError(t, err)
					got = append(append(got, b...), '\n')
				}
				base := strings.TrimSuffix(strings.TrimSuffix(name, ".ndjson"), ".json")
				golden.Check(t, filepath.Join(fixtures, "golden", base+"."+p.String()+".ndjson"), got)
			})
		}
	}
}

// pick returns the goldenPaths of a nested document.
func pick(d map[string]any) map[string]any {
	out := map[string]any{}
	for _, p := range goldenPaths {
		parts := strings.Split(p, ".")
		var v any = d
		for _, k := range parts {
			m, ok := v.(map[string]any)
			if !ok {
				v = nil
				break
			}
			v = m[k]
		}
		if v == nil {
			continue
		}
		dst := out
		for _, k := range parts[:len(parts)-1] {
			next, ok := dst[k].(map[string]any)
			if !ok {
				next = map[string]any{}
				dst[k] = next
			}
			dst = next
		}
		dst[parts[len(parts)-1]] = v
	}
	return out
}
