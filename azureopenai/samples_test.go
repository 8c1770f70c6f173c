package azureopenai_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

func registry() *genai.Registry {
	reg := new(genai.Registry)
	azureopenai.Register(reg)
	return reg
}

// flatten turns a nested JSON document into dotted keys; arrays stay values.
func flatten(prefix string, v any, out map[string]any) {
	m, ok := v.(map[string]any)
	if !ok {
		out[prefix] = v
		return
	}
	for k, x := range m {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		flatten(key, x, out)
	}
}

func parseDocs(t *testing.T, ndjson []byte) []map[string]any {
	t.Helper()
	var docs []map[string]any
	for _, line := range bytes.Split(bytes.TrimSpace(ndjson), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var doc map[string]any
		require.NoError(t, json.Unmarshal(line, &doc), "document is not JSON: %s", line)
		flat := map[string]any{}
		flatten("", doc, flat)
		docs = append(docs, flat)
	}
	return docs
}

// elasticOnly lists the Elastic subtrees we deliberately do not mirror in azure.open_ai.*:
// the decoded bodies (we write them to gen_ai.prompt / gen_ai.completion and the gen_ai.*
// fields, and the native filter results to azure.open_ai.content_filter_results).
var elasticOnly = []string{
	"azure.open_ai.properties.backend_request_body.",
	"azure.open_ai.properties.backend_response_body.",
}

// TestSamples reads every real record of Elastic's Azure OpenAI and AI Foundry integrations
// and checks that none becomes an error document and that the azure.open_ai.* values equal
// Elastic's where Elastic has them.
func TestSamples(t *testing.T) {
	reg := registry()
	var files []string
	for _, dir := range []string{"../../shared/samples/azure_openai", "../../shared/samples/azure_ai_foundry"} {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.log"))
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Skip("shared samples are absent")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			in, err := os.ReadFile(path)
			require.NoError(t, err)
			lines := len(bytes.Split(bytes.TrimSpace(in), []byte("\n")))
			docs := parseDocs(t, golden.Documents(t, reg, path, genai.ProfileElastic))
			require.Len(t, docs, lines, "one document per record")
			for i, d := range docs {
				require.NotEqual(t, "pipeline_error", d["event.kind"], "record %d: %v", i+1, d["error.message"])
				require.Equal(t, "azure.ai.openai", d["gen_ai.provider.name"])
				require.Equal(t, "azure_openai.logs", d["event.dataset"])
				require.Equal(t, "azure", d["cloud.provider"])
			}
			raw, err := os.ReadFile(path + "-elastic-expected.json")
			if err != nil {
				return
			}
			var exp struct {
				Expected []map[string]any `json:"expected"`
			}
			require.NoError(t, json.Unmarshal(raw, &exp))
			compared := 0
			for i, e := range exp.Expected {
				want := map[string]any{}
				flatten("", e, want)
				got := docs[i]
				for k, v := range want {
					k = strings.Replace(k, "azure.ai_foundry.", "azure.open_ai.", 1)
					if !strings.HasPrefix(k, "azure.") && k != "cloud.account.id" && k != "@timestamp" &&
						k != "source.ip" && k != "http.response.status_code" && k != "http.request.method" && k != "event.outcome" {
						continue
					}
					skip := false
					for _, p := range elasticOnly {
						skip = skip || strings.HasPrefix(k, p)
					}
					// A filtered:true annotation is an intervention for us (DESIGN.md), so the
					// outcome is failure even on an HTTP 200 that Elastic calls success.
					if k == "event.outcome" && got["gen_ai.compliance.violation_detected"] == true {
						require.Equal(t, "failure", got[k])
						continue
					}
					if skip {
						continue
					}
					require.Contains(t, got, k, "record %d: Elastic has %s = %v", i+1, k, v)
					require.Equal(t, fmt.Sprint(v), fmt.Sprint(got[k]), "record %d: %s", i+1, k)
					compared++
				}
			}
			require.Positive(t, compared)
		})
	}
}
