package guardrail_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
)

func TestDecodeApplyResponse(t *testing.T) {
	var ev genai.Event
	require.NoError(t, guardrail.DecodeApplyResponse(fixture(t, "apply_response_bare.json"), genai.DirectionInput, "", "", &ev))
	g := &ev.Guardrail
	require.Empty(t, ev.Warnings)
	require.True(t, g.Intervened)
	require.Equal(t, "GUARDRAIL_INTERVENED", g.Action)
	require.Equal(t, "Guardrail blocked.", g.ActionReason)
	require.Equal(t, []string{"appl9999bare"}, g.IDs, "id from appliedGuardrailDetails")
	require.Equal(t, "DRAFT", g.Version)
	require.Len(t, g.Assessments, 2)
	v := one(t, g, genai.DirectionInput, genai.PolicyContent, "VIOLENCE")
	require.Equal(t, "appl9999bare", v.GuardrailID)
	require.Equal(t, "DRAFT", v.GuardrailVersion)
	ssn := one(t, g, genai.DirectionInput, genai.PolicySensitiveInfo, "US_SOCIAL_SECURITY_NUMBER")
	require.Equal(t, "ANONYMIZED", ssn.Action)
	// The response's usage and coverage repeat the assessment's: counted once.
	require.Equal(t, genai.Some[int64](210), g.Latency)
	require.Equal(t, genai.Some[int64](47), g.TextTotal)
	require.Equal(t, genai.Some[int64](1), g.ImagesGuarded)
	require.JSONEq(t, `{"topic_policy_units":1,"content_policy_units":1,"word_policy_units":1,"sensitive_information_policy_units":1,"sensitive_information_policy_free_units":0,"contextual_grounding_policy_units":0,"content_policy_image_units":1,"automated_reasoning_policy_units":0,"automated_reasoning_policies":0}`, string(g.Units))
	require.Equal(t, "Sorry, I can't help with that.", ev.Response.Text)

	d := g.Derive()
	require.Equal(t, []string{"content_policy", "sensitive_information_policy"}, d.RequestTriggered)
	require.Empty(t, d.ResponseTriggered)
	require.Equal(t, []string{"US_SOCIAL_SECURITY_NUMBER", "VIOLENCE"}, d.ViolationCodes)
	require.Equal(t, genai.Some(true), d.ViolationDetected)
}

func TestDecodeApplyResponseCases(t *testing.T) {
	t.Run("no assessment metrics: the response's usage and coverage count", func(t *testing.T) {
		var ev genai.Event
		require.NoError(t, guardrail.DecodeApplyResponse([]byte(`{"action":"NONE","outputs":[],"assessments":[],"usage":{"topicPolicyUnits":1},"guardrailCoverage":{"textCharacters":{"guarded":9,"total":10}}}`), genai.DirectionOutput, "arn:aws:bedrock:us-east-1:123456789012:guardrail/given0000001", "7", &ev))
		g := &ev.Guardrail
		require.False(t, g.Intervened)
		require.Equal(t, "NONE", g.Action)
		require.Equal(t, []string{"given0000001"}, g.IDs)
		require.Equal(t, "7", g.Version)
		require.JSONEq(t, `{"topic_policy_units":1}`, string(g.Units))
		require.Equal(t, genai.Some[int64](9), g.TextGuarded)
		require.Equal(t, genai.Derived{}, g.Derive())
	})
	t.Run("output source", func(t *testing.T) {
		var ev genai.Event
		require.NoError(t, guardrail.DecodeApplyResponse([]byte(`{"action":"GUARDRAIL_INTERVENED","assessments":[{"wordPolicy":{"managedWordLists":[{"match":"heck","type":"PROFANITY","action":"BLOCKED","detected":true}]}}]}`), guardrail.DirectionOf("output"), "g0", "", &ev))
		d := ev.Guardrail.Derive()
		require.Equal(t, []string{"word_policy"}, d.ResponseTriggered)
		require.Empty(t, d.RequestTriggered)
	})
	t.Run("not an object", func(t *testing.T) {
		var ev genai.Event
		require.ErrorIs(t, guardrail.DecodeApplyResponse([]byte(`[1,2]`), "", "", "", &ev), guardrail.ErrNotObject)
	})
}

func TestContentText(t *testing.T) {
	text, images := guardrail.ContentText([]byte(`[{"text":{"text":"first","qualifiers":["guard_content"]}},{"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}},{"text":{"text":"second"}},7]`))
	require.Equal(t, "first\nsecond", text)
	require.Equal(t, 1, images)
}

func TestDirectionOf(t *testing.T) {
	require.Equal(t, genai.DirectionInput, guardrail.DirectionOf("INPUT"))
	require.Equal(t, genai.DirectionOutput, guardrail.DirectionOf(" output "))
	require.Equal(t, genai.Direction(""), guardrail.DirectionOf("BOTH"))
}
