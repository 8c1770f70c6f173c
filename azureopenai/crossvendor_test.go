package azureopenai_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/azureopenai"
	"github.com/genainorm/genainorm/bedrock"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/golden"
)

// bedrockConverse builds a Bedrock Converse model invocation log whose response carries a
// guardrail trace.
func bedrockConverse(stopReason, input, outputs string) string {
	trace := `{"guardrail":{`
	if input != "" {
		trace += `"inputAssessment":{"gr0cross0001":` + input + `}`
	}
	if outputs != "" {
		if input != "" {
			trace += ","
		}
		trace += `"outputAssessments":{"gr0cross0001":[` + outputs + `]}`
	}
	trace += `}}`
	return `{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":"2026-03-02T11:02:00Z","accountId":"123456789012",` +
		`"identity":{"arn":"arn:aws:iam::123456789012:user/app-backend"},"region":"us-east-1","requestId":"a0f4c2e7-b6c7-42f9-8345-a0b1c2d3e4f5",` +
		`"operation":"Converse","modelId":"anthropic.claude-3-5-sonnet-20240620-v1:0",` +
		`"input":{"inputContentType":"application/json","inputBodyJson":{"messages":[{"role":"user","content":[{"text":"hello"}]}],` +
		`"guardrailConfig":{"guardrailIdentifier":"gr0cross0001","guardrailVersion":"1","trace":"enabled"}},"inputTokenCount":5},` +
		`"output":{"outputContentType":"application/json","outputBodyJson":{"output":{"message":{"role":"assistant","content":[{"text":"..."}]}},` +
		`"stopReason":"` + stopReason + `","metrics":{"latencyMs":188},"usage":{"inputTokens":5,"outputTokens":1,"totalTokens":6},"trace":` + trace + `},"outputTokenCount":1}}`
}

func contentFilter(typ, confidence, action string, detected bool) string {
	return fmt.Sprintf(`{"contentPolicy":{"filters":[{"type":%q,"confidence":%q,"filterStrength":"HIGH","action":%q,"detected":%t}]}}`, typ, confidence, action, detected)
}

const safe = `"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"}`

// azurePromptBlocked is a 400 content_filter error body with extra prompt-side results.
func azurePromptBlocked(results string) string {
	return `{"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,` +
		`"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{` + results + `}}}}`
}

// azureCompletion is a chat completion whose only choice carries the given results.
func azureCompletion(finish, results string) string {
	return `{"id":"chatcmpl-cross","object":"chat.completion","created":1746094000,"model":"gpt-4o-2024-08-06",` +
		`"prompt_filter_results":[{"prompt_index":0,"content_filter_results":{` + safe + `,"violence":{"filtered":false,"severity":"safe"}}}],` +
		`"choices":[{"index":0,"finish_reason":"` + finish + `","message":{"role":"assistant","content":"..."},"content_filter_results":{` + results + `}}],` +
		`"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}`
}

// sharedView returns the policy, compliance and OWASP fields of a rendered document, the
// outcome, and the match detail separately (Azure never names the matched text).
func sharedView(t *testing.T, reg *genai.Registry, record string) (view map[string]string, matchDetail string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "record.json")
	require.NoError(t, os.WriteFile(path, []byte(record+"\n"), 0o644))
	docs := parseDocs(t, golden.Documents(t, reg, path, genai.ProfileElastic))
	require.Len(t, docs, 1)
	d := docs[0]
	require.NotEqual(t, "pipeline_error", d["event.kind"], "%v", d["error.message"])
	view = map[string]string{}
	for k, v := range d {
		switch {
		case k == "gen_ai.policy.match_detail":
			matchDetail = fmt.Sprint(v)
		case strings.HasPrefix(k, "gen_ai.policy."), strings.HasPrefix(k, "gen_ai.compliance."), strings.HasPrefix(k, "gen_ai.owasp."), k == "event.outcome":
			view[k] = fmt.Sprint(v)
		}
	}
	return view, matchDetail
}

// TestCrossVendorSameKind shows side by side that an Azure content-filter result and a
// Bedrock guardrail result of the same kind give the same gen_ai.policy.*,
// gen_ai.compliance.* and gen_ai.owasp.* values, so one rule serves both vendors.
func TestCrossVendorSameKind(t *testing.T) {
	azureReg, bedrockReg := new(genai.Registry), new(genai.Registry)
	azureopenai.Register(azureReg)
	bedrock.Register(bedrockReg)

	tests := []struct {
		name         string
		azure        string
		bedrock      string
		want         map[string]string // a few values spelled out, to show what both give
		matchDiffers bool              // Bedrock names the matched text; Azure does not
	}{
		{
			name:    "hate blocked on the prompt, high",
			azure:   azurePromptBlocked(`"hate":{"filtered":true,"severity":"high"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}`),
			bedrock: bedrockConverse("guardrail_intervened", contentFilter("HATE", "HIGH", "BLOCKED", true), ""),
			want: map[string]string{"gen_ai.policy.name": "[content_policy]", "gen_ai.policy.action": "[BLOCKED]", "gen_ai.policy.confidence": "[HIGH]",
				"gen_ai.compliance.violation_code": "[HATE]", "gen_ai.compliance.violation_detected": "true", "gen_ai.compliance.request_triggered": "[content_policy]", "event.outcome": "failure"},
		},
		{
			name:    "violence blocked in the response, medium",
			azure:   azureCompletion("content_filter", safe+`,"violence":{"filtered":true,"severity":"medium"}`),
			bedrock: bedrockConverse("guardrail_intervened", "", contentFilter("VIOLENCE", "MEDIUM", "BLOCKED", true)),
			want:    map[string]string{"gen_ai.compliance.response_triggered": "[content_policy]", "gen_ai.policy.confidence": "[MEDIUM]", "gen_ai.compliance.violation_code": "[VIOLENCE]"},
		},
		{
			name:    "prompt attack blocked",
			azure:   azurePromptBlocked(safe + `,"jailbreak":{"filtered":true,"detected":true}`),
			bedrock: bedrockConverse("guardrail_intervened", contentFilter("PROMPT_ATTACK", "HIGH", "BLOCKED", true), ""),
			want:    map[string]string{"gen_ai.compliance.violation_code": "[PROMPT_ATTACK]", "gen_ai.owasp.id": "[LLM01]", "gen_ai.policy.confidence": "[HIGH]"},
		},
		{
			name:         "profanity blocked on the prompt",
			azure:        azurePromptBlocked(safe + `,"profanity":{"filtered":true,"detected":true}`),
			bedrock:      bedrockConverse("guardrail_intervened", `{"wordPolicy":{"managedWordLists":[{"match":"darn","type":"PROFANITY","action":"BLOCKED","detected":true}]}}`, ""),
			want:         map[string]string{"gen_ai.policy.name": "[word_policy]", "gen_ai.compliance.violation_code": "[PROFANITY]"},
			matchDiffers: true,
		},
		{
			name:         "custom word list blocked on the prompt",
			azure:        azurePromptBlocked(safe + `,"custom_blocklists":[{"filtered":true,"id":"codenames"}]`),
			bedrock:      bedrockConverse("guardrail_intervened", `{"wordPolicy":{"customWords":[{"match":"project-x","action":"BLOCKED","detected":true}]}}`, ""),
			want:         map[string]string{"gen_ai.policy.name": "[word_policy]", "gen_ai.policy.action": "[BLOCKED]"},
			matchDiffers: true,
		},
		{
			name:    "observe mode: sexual, low, not blocked",
			azure:   azureCompletion("stop", `"hate":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"low"}`),
			bedrock: bedrockConverse("end_turn", "", contentFilter("SEXUAL", "LOW", "NONE", true)),
			want:    map[string]string{"gen_ai.policy.action": "[NONE]", "gen_ai.policy.confidence": "[LOW]", "gen_ai.compliance.violation_code": "[SEXUAL]", "event.outcome": "success"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			az, azMatch := sharedView(t, azureReg, tt.azure)
			br, brMatch := sharedView(t, bedrockReg, tt.bedrock)
			keys := func(m map[string]string) []string {
				var ks []string
				for k := range m {
					ks = append(ks, k)
				}
				sort.Strings(ks)
				return ks
			}
			t.Logf("azure:   %v", az)
			t.Logf("bedrock: %v", br)
			require.Equal(t, keys(br), keys(az), "the same fields")
			require.Equal(t, br, az, "the same values")
			for k, v := range tt.want {
				require.Equal(t, v, az[k], k)
			}
			if tt.matchDiffers {
				require.Empty(t, azMatch, "Azure does not name the matched text")
				require.NotEmpty(t, brMatch)
			} else {
				require.Equal(t, brMatch, azMatch)
			}
		})
	}
}
