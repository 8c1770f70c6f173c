package azureopenai_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// The public Azure OpenAI rules Z1-Z3 (reference/detection_contract.md 1.5) read these fields
// with these types from logs-azure_openai.logs-*.
var ruleFields = map[string]genai.Type{
	"@timestamp":                               genai.TypeDate,
	"azure.open_ai.operation_name":             genai.TypeKeyword,
	"azure.open_ai.category":                   genai.TypeKeyword,
	"azure.open_ai.result_signature":           genai.TypeKeyword,
	"azure.open_ai.properties.request_length":  genai.TypeDouble,
	"azure.open_ai.properties.response_length": genai.TypeDouble,
	"azure.resource.name":                      genai.TypeKeyword,
	"azure.resource.group":                     genai.TypeKeyword,
	"cloud.account.id":                         genai.TypeKeyword,
}

func TestRuleFieldsDeclared(t *testing.T) {
	for name, typ := range ruleFields {
		f := genai.Lookup(name)
		require.NotNil(t, f, name)
		require.Equal(t, typ, f.Type, name)
		require.True(t, f.In(genai.ProfileElastic), name)
	}
}

// rrRecord builds a RequestResponse record (Event Hub / storage shape) for an account.
func rrRecord(account, op, sig string, at time.Time, reqLen, respLen int) string {
	rid := "/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/RG-" + strings.ToUpper(account) + "/PROVIDERS/MICROSOFT.COGNITIVESERVICES/ACCOUNTS/" + strings.ToUpper(account)
	props := fmt.Sprintf(`{"apiName":"Azure OpenAI API version 2024-10-21","requestLength":%d,"responseLength":%d,"modelDeploymentName":"chat","modelName":"gpt-4o"}`, reqLen, respLen)
	cat := "RequestResponse"
	if op == "ListKey" {
		cat = "Audit"
	}
	return fmt.Sprintf(`{"time":%q,"resourceId":%q,"category":%q,"operationName":%q,"resultSignature":%q,"callerIpAddress":"203.0.113.***","properties":%s}`,
		at.Format(time.RFC3339Nano), rid, cat, op, sig, props)
}

// laRow builds the same call as a Log Analytics row (numeric ResultSignature, properties_s).
func laRow(account string, at time.Time, reqLen, respLen int) string {
	rid := "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg-" + account + "/providers/microsoft.cognitiveservices/accounts/" + account
	props := fmt.Sprintf(`{"requestLength":%d,"responseLength":%d}`, reqLen, respLen)
	b, _ := json.Marshal(props)
	return fmt.Sprintf(`{"TimeGenerated":%q,"_ResourceId":%q,"Category":"RequestResponse","OperationName":"ChatCompletions_Create","ResultSignature":200,"properties_s":%s}`,
		at.Format(time.RFC3339Nano), rid, b)
}

// ruleDocs normalizes lines through the real path and returns the elastic-profile documents,
// checking the type of every field the rules read.
func ruleDocs(t *testing.T, lines []string) []map[string]any {
	t.Helper()
	path := filepath.Join(t.TempDir(), "records.ndjson")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	docs := parseDocs(t, golden.Documents(t, registry(), path, genai.ProfileElastic))
	require.Len(t, docs, len(lines))
	for _, d := range docs {
		require.Equal(t, "azure_openai.logs", d["data_stream.dataset"])
		require.Equal(t, "azure_openai.logs", d["event.dataset"])
		for name, typ := range ruleFields {
			v, ok := d[name]
			if !ok {
				continue
			}
			switch typ {
			case genai.TypeDouble:
				require.IsType(t, float64(0), v, name)
			default:
				require.IsType(t, "", v, name)
			}
		}
	}
	return docs
}

func str(d map[string]any, k string) string { s, _ := d[k].(string); return s }

func num(d map[string]any, k string) (float64, bool) { f, ok := d[k].(float64); return f, ok }

// z1 evaluates "Potential Denial of Azure OpenAI ML Service": per 1-minute bucket and
// resource, >= 10 ChatCompletions_Create calls with an average request_length >= 5000.
func z1(t *testing.T, docs []map[string]any) []string {
	type key struct{ bucket, name string }
	count, sum := map[key]int{}, map[key]float64{}
	for _, d := range docs {
		if str(d, "azure.open_ai.operation_name") != "ChatCompletions_Create" {
			continue
		}
		ts, err := time.Parse(time.RFC3339Nano, str(d, "@timestamp"))
		require.NoError(t, err)
		k := key{ts.Truncate(time.Minute).String(), str(d, "azure.resource.name")}
		count[k]++
		if v, ok := num(d, "azure.open_ai.properties.request_length"); ok {
			sum[k] += v
		}
	}
	var hits []string
	for k, n := range count {
		if n >= 10 && sum[k]/float64(n) >= 5000 {
			hits = append(hits, k.name)
		}
	}
	return hits
}

// z2 evaluates "Azure OpenAI Insecure Output Handling": response_length == 0,
// result_signature == "200", ChatCompletions_Create, >= 10 per resource.
func z2(docs []map[string]any) []string {
	count := map[string]int{}
	for _, d := range docs {
		rl, ok := num(d, "azure.open_ai.properties.response_length")
		if ok && rl == 0 && str(d, "azure.open_ai.result_signature") == "200" && str(d, "azure.open_ai.operation_name") == "ChatCompletions_Create" {
			count[str(d, "azure.resource.name")]++
		}
	}
	var hits []string
	for name, n := range count {
		if n >= 10 {
			hits = append(hits, name)
		}
	}
	return hits
}

// z3 evaluates "Potential Azure OpenAI Model Theft": ListKey Audit events per resource group
// and name, >= 100 or a max response_length >= 1000000.
func z3(docs []map[string]any) []string {
	type key struct{ group, name string }
	count, maxLen := map[key]int{}, map[key]float64{}
	for _, d := range docs {
		if str(d, "azure.open_ai.operation_name") != "ListKey" || str(d, "azure.open_ai.category") != "Audit" {
			continue
		}
		k := key{str(d, "azure.resource.group"), str(d, "azure.resource.name")}
		count[k]++
		if v, ok := num(d, "azure.open_ai.properties.response_length"); ok && v > maxLen[k] {
			maxLen[k] = v
		}
	}
	var hits []string
	for k, n := range count {
		if n >= 100 || maxLen[k] >= 1000000 {
			hits = append(hits, k.group+"/"+k.name)
		}
	}
	return hits
}

func TestRulesZ1Z2Z3(t *testing.T) {
	t0 := time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC)
	var lines []string
	add := func(n int, f func(i int) string) {
		for i := range n {
			lines = append(lines, f(i))
		}
	}
	sec := func(i int) time.Time { return t0.Add(time.Duration(i) * time.Second) }
	// Z1: flood with large prompts on "flooded"; small prompts on "busy"; too few on "quiet".
	add(12, func(i int) string { return rrRecord("flooded", "ChatCompletions_Create", "200", sec(i), 6000, 900) })
	add(12, func(i int) string { return rrRecord("busy", "ChatCompletions_Create", "200", sec(i), 1000, 900) })
	add(9, func(i int) string { return rrRecord("quiet", "ChatCompletions_Create", "200", sec(i), 9000, 900) })
	// Z1 needs the calls within one minute: spread over minutes they do not count.
	add(12, func(i int) string {
		return rrRecord("spread", "ChatCompletions_Create", "200", t0.Add(time.Duration(i)*time.Minute), 7000, 900)
	})
	// Z2: empty 200 responses, half of them delivered as Log Analytics rows.
	add(5, func(i int) string { return rrRecord("empty", "ChatCompletions_Create", "200", sec(i), 10, 0) })
	add(5, func(i int) string { return laRow("empty", sec(i), 10, 0) })
	add(10, func(i int) string { return rrRecord("throttled", "ChatCompletions_Create", "429", sec(i), 10, 0) })
	// Z3: key listing.
	add(100, func(i int) string { return rrRecord("keys", "ListKey", "200", sec(i), 0, 200) })
	add(99, func(i int) string { return rrRecord("fewkeys", "ListKey", "200", sec(i), 0, 200) })
	add(1, func(i int) string { return rrRecord("bigkeys", "ListKey", "200", sec(i), 0, 2000000) })

	docs := ruleDocs(t, lines)
	require.ElementsMatch(t, []string{"flooded"}, z1(t, docs))
	require.ElementsMatch(t, []string{"empty"}, z2(docs))
	require.ElementsMatch(t, []string{"rg-keys/keys", "rg-bigkeys/bigkeys"}, z3(docs))
}
