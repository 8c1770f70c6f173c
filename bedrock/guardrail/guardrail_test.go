package guardrail_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
)

const fixtures = "../../testdata/bedrock/guardrails"

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	require.NoError(t, err)
	return bytes.TrimSpace(b)
}

// find returns the assessments matching policy and type (and, when given, direction).
func find(g *genai.Guardrail, dir genai.Direction, policy, typ string) []genai.Assessment {
	var out []genai.Assessment
	for _, a := range g.Assessments {
		if a.Policy == policy && a.Type == typ && (dir == "" || a.Direction == dir) {
			out = append(out, a)
		}
	}
	return out
}

func one(t *testing.T, g *genai.Guardrail, dir genai.Direction, policy, typ string) genai.Assessment {
	t.Helper()
	as := find(g, dir, policy, typ)
	require.Len(t, as, 1, "%s %s %s in %+v", dir, policy, typ, g.Assessments)
	return as[0]
}

func vendor(ev *genai.Event, f *genai.Field) (genai.Value, bool) {
	for _, fv := range ev.Vendor {
		if fv.Field == f {
			return fv.Value, true
		}
	}
	return genai.Value{}, false
}

func TestDecodeInvokeAllPolicies(t *testing.T) {
	var ev genai.Event
	guardrail.DecodeInvoke(fixture(t, "invoke_body_all_policies.json"), &ev)
	g := &ev.Guardrail
	require.Empty(t, ev.Warnings)
	require.True(t, g.Intervened)
	require.Equal(t, "INTERVENED", g.Action)
	require.Equal(t, "Guardrail blocked.", g.ActionReason)
	require.Equal(t, []string{"abcd1234efgh"}, g.IDs)
	require.Equal(t, "3", g.Version)

	topic := one(t, g, genai.DirectionInput, genai.PolicyTopic, "DENY")
	require.Equal(t, "Weapons", topic.Name)
	require.Equal(t, "BLOCKED", topic.Action)
	require.Equal(t, genai.Some(true), topic.Detected)
	require.Equal(t, "abcd1234efgh", topic.GuardrailID)
	require.Equal(t, "3", topic.GuardrailVersion)

	pa := one(t, g, genai.DirectionInput, genai.PolicyContent, "PROMPT_ATTACK")
	require.Equal(t, "HIGH", pa.Confidence)
	require.Equal(t, "HIGH", pa.Strength)
	hate := one(t, g, genai.DirectionInput, genai.PolicyContent, "HATE")
	require.Equal(t, "NONE", hate.Action)
	require.Equal(t, genai.Some(false), hate.Detected)
	require.False(t, hate.Triggered())

	custom := one(t, g, genai.DirectionInput, genai.PolicyWord, "")
	require.Equal(t, "thermite recipe", custom.Match)
	require.Equal(t, "darn", one(t, g, genai.DirectionInput, genai.PolicyWord, "PROFANITY").Match)

	email := one(t, g, genai.DirectionInput, genai.PolicySensitiveInfo, "EMAIL")
	require.Equal(t, "ANONYMIZED", email.Action)
	require.Equal(t, "jane.doe@example.com", email.Match)
	regex := one(t, g, genai.DirectionInput, genai.PolicySensitiveInfo, "")
	require.Equal(t, "employee-id", regex.Name)
	require.Equal(t, "EMP-12345", regex.Match)
	require.Equal(t, `EMP-\d{5}`, regex.Regex)

	ground := one(t, g, genai.DirectionOutput, genai.PolicyContextual, "GROUNDING")
	require.Equal(t, genai.Some(0.31), ground.Score)
	require.Equal(t, genai.Some(0.75), ground.Threshold)
	require.True(t, ground.Triggered())
	rel := one(t, g, genai.DirectionOutput, genai.PolicyContextual, "RELEVANCE")
	require.False(t, rel.Triggered())

	invalid := one(t, g, genai.DirectionOutput, genai.PolicyAutomatedReasoning, "INVALID")
	require.Equal(t, genai.Some(true), invalid.Detected)
	require.Equal(t, "RULE0001", invalid.Name)
	require.Equal(t, "The employee is not eligible for leave", invalid.Match)
	require.Equal(t, genai.Some(0.9), invalid.Score)
	valid := one(t, g, genai.DirectionOutput, genai.PolicyAutomatedReasoning, "VALID")
	require.False(t, valid.Triggered())
	require.Equal(t, "RULE0002", valid.Name)
	// The output side has no appliedGuardrailDetails: the version comes from the input side.
	require.Equal(t, "3", valid.GuardrailVersion)

	require.Len(t, g.Assessments, 12)
	require.Equal(t, genai.Some[int64](275), g.Latency)
	require.JSONEq(t, `{"topic_policy_units":2,"content_policy_units":2,"word_policy_units":2,"sensitive_information_policy_units":2,"sensitive_information_policy_free_units":0,"contextual_grounding_policy_units":2,"content_policy_image_units":0,"automated_reasoning_policy_units":1,"automated_reasoning_policies":1}`, string(g.Units))
	require.Equal(t, genai.Some[int64](128), g.TextGuarded)
	require.Equal(t, genai.Some[int64](130), g.TextTotal)
	require.Equal(t, genai.Some[int64](1), g.ImagesGuarded)
	require.Equal(t, genai.Some[int64](1), g.ImagesTotal)

	arn, ok := vendor(&ev, genai.AWSBedrockGuardrailARN)
	require.True(t, ok)
	require.Equal(t, []string{"arn:aws:bedrock:us-east-1:123456789012:guardrail/abcd1234efgh"}, arn.Strings())
	origin, ok := vendor(&ev, genai.AWSBedrockGuardrailOrigin)
	require.True(t, ok)
	require.Equal(t, []string{"REQUEST"}, origin.Strings())

	d := g.Derive()
	require.Equal(t, []string{"automated_reasoning_policy", "content_policy", "contextual_grounding_policy", "sensitive_information_policy", "topic_policy", "word_policy"}, d.PolicyNames)
	require.Equal(t, []string{"ANONYMIZED", "BLOCKED"}, d.PolicyActions)
	require.Equal(t, []string{"HIGH", "MEDIUM"}, d.PolicyConfidences)
	require.Equal(t, []string{"DENY", "EMAIL", "GROUNDING", "INVALID", "PROFANITY", "PROMPT_ATTACK", "VIOLENCE"}, d.ViolationCodes)
	require.Equal(t, genai.Some(true), d.ViolationDetected)
	require.Equal(t, []string{"content_policy", "sensitive_information_policy", "topic_policy", "word_policy"}, d.RequestTriggered)
	require.Equal(t, []string{"automated_reasoning_policy", "contextual_grounding_policy"}, d.ResponseTriggered)
	require.Equal(t, []string{"LLM01", "LLM02", "LLM09"}, d.OWASPIDs)
	require.Equal(t, []string{"Prompt Injection", "Sensitive Information Disclosure", "Misinformation"}, d.OWASPDescriptions)
	require.JSONEq(t, `[
		{"action":"BLOCKED","match":"thermite recipe"},
		{"action":"BLOCKED","match":"darn","type":"PROFANITY"},
		{"action":"ANONYMIZED","match":"jane.doe@example.com","type":"EMAIL"},
		{"action":"BLOCKED","match":"EMP-12345","name":"employee-id","regex":"EMP-\\d{5}"},
		{"action":"BLOCKED","score":0.31,"threshold":0.75,"type":"GROUNDING"},
		{"match":"The employee is not eligible for leave","name":"RULE0001","score":0.9,"type":"INVALID"}
	]`, string(d.Matches))
}

// TestDecodeInvokeStream feeds every chunk of a stream, the trace repeated in two chunks:
// nothing is counted twice.
func TestDecodeInvokeStream(t *testing.T) {
	var ev genai.Event
	sc := bufio.NewScanner(bytes.NewReader(fixture(t, "invoke_stream_chunks.ndjson")))
	for sc.Scan() {
		guardrail.DecodeInvoke(sc.Bytes(), &ev)
	}
	g := &ev.Guardrail
	require.Empty(t, ev.Warnings)
	require.True(t, g.Intervened)
	require.Equal(t, "INTERVENED", g.Action)
	require.Equal(t, []string{"strm5678wxyz"}, g.IDs)
	require.Len(t, g.Assessments, 3)
	one(t, g, genai.DirectionInput, genai.PolicyTopic, "DENY")
	one(t, g, genai.DirectionInput, genai.PolicyContent, "MISCONDUCT")
	phone := one(t, g, genai.DirectionOutput, genai.PolicySensitiveInfo, "PHONE")
	require.Equal(t, "ANONYMIZED", phone.Action)
	require.Equal(t, genai.Some[int64](180), g.Latency)
	require.JSONEq(t, `{"topic_policy_units":1,"content_policy_units":1,"sensitive_information_policy_units":1}`, string(g.Units))
	require.Equal(t, genai.Some[int64](80), g.TextGuarded)
	out, ok := vendor(&ev, genai.AWSBedrockGuardrailModelOutput)
	require.True(t, ok)
	require.Equal(t, []string{`{"text":"Step one: ..."}`}, out.Strings())

	d := g.Derive()
	require.Equal(t, []string{"content_policy", "sensitive_information_policy", "topic_policy"}, d.PolicyNames)
	require.Equal(t, []string{"content_policy", "topic_policy"}, d.RequestTriggered)
	require.Equal(t, []string{"sensitive_information_policy"}, d.ResponseTriggered)
}

func TestDecodeInvokeActionOnly(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		intervened bool
		action     string
	}{
		{"intervened without trace", `{"type":"content_block_delta","amazon-bedrock-guardrailAction":"INTERVENED"}`, true, "INTERVENED"},
		{"none", `{"content":[],"amazon-bedrock-guardrailAction":"NONE"}`, false, "NONE"},
		{"no guardrail keys", `{"content":[{"type":"text","text":"hello"}]}`, false, ""},
		{"not an object", `"[DONE]"`, false, ""},
		{"trace without action, blocked item", `{"amazon-bedrock-trace":{"guardrail":{"input":{"g1":{"topicPolicy":{"topics":[{"name":"x","type":"DENY","action":"BLOCKED"}]}}}}}}`, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ev genai.Event
			guardrail.DecodeInvoke([]byte(tt.body), &ev)
			require.Equal(t, tt.intervened, ev.Guardrail.Intervened)
			require.Equal(t, tt.action, ev.Guardrail.Action)
		})
	}
	// A later NONE chunk does not undo an earlier INTERVENED.
	var ev genai.Event
	guardrail.DecodeInvoke([]byte(`{"amazon-bedrock-guardrailAction":"INTERVENED"}`), &ev)
	guardrail.DecodeInvoke([]byte(`{"amazon-bedrock-guardrailAction":"NONE"}`), &ev)
	require.True(t, ev.Guardrail.Intervened)
	require.Equal(t, "INTERVENED", ev.Guardrail.Action)
}

func TestDecodeConverseTraceShapes(t *testing.T) {
	t.Run("outputs as a list of maps", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConverseTrace(fixture(t, "converse_trace_outputs_list.json"), &ev)
		g := &ev.Guardrail
		require.Empty(t, ev.Warnings)
		require.True(t, g.Intervened)
		require.Empty(t, g.Action, "Converse traces carry no action flag")
		require.Equal(t, "Guardrail blocked.", g.ActionReason)
		require.Equal(t, []string{"conv1111list"}, g.IDs)
		require.Len(t, g.Assessments, 2)
		one(t, g, genai.DirectionInput, genai.PolicyContent, "INSULTS")
		w := one(t, g, genai.DirectionOutput, genai.PolicyWord, "")
		require.Equal(t, "project nightingale", w.Match)
		require.Equal(t, genai.Some[int64](350), g.Latency)
		require.Equal(t, genai.Some[int64](420), g.TextGuarded)
		require.Equal(t, genai.Some[int64](421), g.TextTotal)
	})
	t.Run("outputs as a map of lists", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConverseTrace(fixture(t, "converse_trace_outputs_map.json"), &ev)
		g := &ev.Guardrail
		require.Empty(t, ev.Warnings)
		require.True(t, g.Intervened)
		require.Equal(t, []string{"conv2222mapx"}, g.IDs)
		require.Len(t, g.Assessments, 2)
		card := one(t, g, genai.DirectionOutput, genai.PolicySensitiveInfo, "CREDIT_DEBIT_CARD_NUMBER")
		require.Equal(t, "BLOCKED", card.Action)
		one(t, g, genai.DirectionOutput, genai.PolicySensitiveInfo, "IP_ADDRESS")
		out, ok := vendor(&ev, genai.AWSBedrockGuardrailModelOutput)
		require.True(t, ok)
		require.Len(t, out.Strings(), 1)
		d := g.Derive()
		require.Empty(t, d.RequestTriggered)
		require.Equal(t, []string{"sensitive_information_policy"}, d.ResponseTriggered)
		require.Equal(t, []string{"LLM02"}, d.OWASPIDs)
	})
	t.Run("guardrail ran, nothing found", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConverseTrace([]byte(`{"guardrail":{"inputAssessment":{"gclean000001":{"invocationMetrics":{"guardrailProcessingLatency":12}}}}}`), &ev)
		require.Equal(t, []string{"gclean000001"}, ev.Guardrail.IDs)
		require.False(t, ev.Guardrail.Intervened)
		require.Empty(t, ev.Guardrail.Assessments)
		require.Equal(t, genai.Derived{}, ev.Guardrail.Derive())
	})
	t.Run("prompt router only, null guardrail", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConverseTrace([]byte(`{"guardrail":null,"promptRouter":{"invokedModelId":"x"}}`), &ev)
		require.Equal(t, genai.Guardrail{}, ev.Guardrail)
		require.Empty(t, ev.Warnings)
	})
}

func TestObserveMode(t *testing.T) {
	var ev genai.Event
	guardrail.DecodeConverseTrace(fixture(t, "converse_trace_observe.json"), &ev)
	g := &ev.Guardrail
	require.False(t, g.Intervened, "observe mode does not intervene")
	phone := one(t, g, genai.DirectionInput, genai.PolicySensitiveInfo, "PHONE")
	require.True(t, phone.Triggered())
	// A topic listed with action NONE and no detected flag (records older than the flag) is a finding.
	topic := one(t, g, genai.DirectionInput, genai.PolicyTopic, "DENY")
	require.Equal(t, genai.Some(true), topic.Detected)
	// A filter with confidence NONE is not.
	sexual := one(t, g, genai.DirectionInput, genai.PolicyContent, "SEXUAL")
	require.False(t, sexual.Detected.Valid)
	require.False(t, sexual.Triggered())

	d := g.Derive()
	require.Equal(t, []string{"content_policy", "sensitive_information_policy", "topic_policy"}, d.PolicyNames)
	require.Equal(t, []string{"NONE"}, d.PolicyActions)
	require.Equal(t, []string{"LOW"}, d.PolicyConfidences)
	require.Equal(t, []string{"DENY", "INSULTS", "PHONE"}, d.ViolationCodes)
	require.False(t, d.ViolationDetected.Valid, "violation_detected is only set on intervention")
	require.JSONEq(t, `[{"action":"NONE","match":"+1-555-0199","type":"PHONE"}]`, string(d.Matches))
}

func TestFullTraceClean(t *testing.T) {
	var ev genai.Event
	guardrail.DecodeConverseTrace(fixture(t, "converse_trace_full_clean.json"), &ev)
	g := &ev.Guardrail
	require.Len(t, g.Assessments, 5, "every assessed item is kept")
	for _, a := range g.Assessments {
		require.False(t, a.Triggered(), "%+v", a)
	}
	require.False(t, g.Intervened)
	require.Equal(t, genai.Derived{}, g.Derive())
}

func TestUnknownPolicy(t *testing.T) {
	var ev genai.Event
	guardrail.DecodeConverseTrace(fixture(t, "converse_trace_unknown_policy.json"), &ev)
	g := &ev.Guardrail
	shell := one(t, g, genai.DirectionInput, "code_safety_policy", "SHELL_INJECTION")
	require.Equal(t, "rm -rf /", shell.Match)
	one(t, g, genai.DirectionInput, "future_policy", "")
	var codes []string
	for _, w := range ev.Warnings {
		codes = append(codes, w.Code)
	}
	require.Equal(t, []string{genai.WarnUnknownPolicy, genai.WarnUnknownPolicy}, codes)
	require.Equal(t, []string{"code_safety_policy"}, g.Derive().PolicyNames)
}

func TestDecodeConfig(t *testing.T) {
	t.Run("trace disabled", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConfig(fixture(t, "converse_config.json"), &ev)
		require.Equal(t, []string{"cfg6666trace"}, ev.Guardrail.IDs)
		require.Equal(t, "2", ev.Guardrail.Version)
		tr, ok := vendor(&ev, genai.AWSBedrockGuardrailTrace)
		require.True(t, ok)
		require.Equal(t, "disabled", tr.Str())
		require.Equal(t, genai.Derived{}, ev.Guardrail.Derive())
	})
	t.Run("ARN identifier, then the trace", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConfig(fixture(t, "converse_config_arn.json"), &ev)
		guardrail.DecodeConverseTrace([]byte(`{"guardrail":{"inputAssessment":{"arn7777form":{"topicPolicy":{"topics":[{"name":"Crypto","type":"DENY","action":"BLOCKED","detected":true}]}}}}}`), &ev)
		require.Equal(t, []string{"arn7777form"}, ev.Guardrail.IDs)
		require.Equal(t, "DRAFT", ev.Guardrail.Version)
		require.Equal(t, "DRAFT", ev.Guardrail.Assessments[0].GuardrailVersion)
		arn, ok := vendor(&ev, genai.AWSBedrockGuardrailARN)
		require.True(t, ok)
		require.Equal(t, []string{"arn:aws:bedrock:us-west-2:123456789012:guardrail/arn7777form"}, arn.Strings())
		mode, ok := vendor(&ev, genai.AWSBedrockGuardrailStreamProcessingMode)
		require.True(t, ok)
		require.Equal(t, "async", mode.Str())
	})
	t.Run("trace first, then the config", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConverseTrace([]byte(`{"guardrail":{"inputAssessment":{"late8888vers":{"topicPolicy":{"topics":[{"name":"Crypto","type":"DENY","action":"BLOCKED"}]}}}}}`), &ev)
		guardrail.DecodeConfig([]byte(`{"guardrailIdentifier":"late8888vers","guardrailVersion":"5"}`), &ev)
		require.Equal(t, []string{"late8888vers"}, ev.Guardrail.IDs)
		require.Equal(t, "5", ev.Guardrail.Assessments[0].GuardrailVersion)
	})
	t.Run("not an object", func(t *testing.T) {
		var ev genai.Event
		guardrail.DecodeConfig([]byte(`"g1"`), &ev)
		require.Empty(t, ev.Guardrail.IDs)
	})
}

// TestLenient: odd member types lose only the odd member, never the rest, and never panic.
func TestLenient(t *testing.T) {
	var ev genai.Event
	guardrail.DecodeConverseTrace([]byte(`{"guardrail":{"inputAssessment":{"lenient00001":{
		"contentPolicy":{"filters":[{"type":"HATE","confidence":"HIGH","action":"BLOCKED","detected":"true"}, 7, {"type":["x"],"action":{"a":1},"detected":null}]},
		"contextualGroundingPolicy":{"filters":[{"type":"GROUNDING","threshold":"0.8","score":0.2,"action":"BLOCKED"}]},
		"topicPolicy":"oops",
		"invocationMetrics":{"guardrailProcessingLatency":"12","usage":{"topicPolicyUnits":"x","contentPolicyUnits":1}}}}}}`), &ev)
	g := &ev.Guardrail
	hate := one(t, g, genai.DirectionInput, genai.PolicyContent, "HATE")
	require.Equal(t, genai.Some(true), hate.Detected)
	ground := one(t, g, genai.DirectionInput, genai.PolicyContextual, "GROUNDING")
	require.Equal(t, genai.Some(0.8), ground.Threshold)
	require.Equal(t, genai.Some[int64](12), g.Latency)
	require.JSONEq(t, `{"content_policy_units":1}`, string(g.Units))
	require.Len(t, ev.Warnings, 1, "%+v", ev.Warnings)
	require.Equal(t, genai.WarnFieldTypeUnexpected, ev.Warnings[0].Code)
}

func TestSnakeCase(t *testing.T) {
	// Exercised through unit names, the public surface that shows them.
	var ev genai.Event
	guardrail.DecodeConverseTrace([]byte(`{"guardrail":{"inputAssessment":{"g1":{"invocationMetrics":{"usage":{"contentPolicyImageUnits":1,"PIIUnits":2,"already_snake":3}}}}}}`), &ev)
	require.JSONEq(t, `{"content_policy_image_units":1,"pii_units":2,"already_snake":3}`, string(ev.Guardrail.Units))
}
