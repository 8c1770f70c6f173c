package genai_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/genainorm/genainorm/genai"
)

func TestAssessmentTriggered(t *testing.T) {
	tests := []struct {
		name string
		a    genai.Assessment
		want bool
	}{
		{"blocked", genai.Assessment{Action: genai.ActionBlocked}, true},
		{"anonymized", genai.Assessment{Action: genai.ActionAnonymized}, true},
		{"observe mode", genai.Assessment{Action: genai.ActionNone, Detected: genai.Some(true)}, true},
		{"clean", genai.Assessment{Action: genai.ActionNone, Detected: genai.Some(false)}, false},
		{"no action, no flag", genai.Assessment{Policy: genai.PolicyContent}, false},
		{"detected without action", genai.Assessment{Detected: genai.Some(true)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.a.Triggered())
		})
	}
}

func TestDerive(t *testing.T) {
	g := genai.Guardrail{
		Intervened: true,
		Assessments: []genai.Assessment{
			{Direction: genai.DirectionOutput, Policy: genai.PolicyContextual, Type: "GROUNDING", Action: "BLOCKED", Score: genai.Some(0.2), Threshold: genai.Some(0.7)},
			{Direction: genai.DirectionInput, Policy: genai.PolicySensitiveInfo, Type: "EMAIL", Action: "ANONYMIZED", Match: "a@example.com"},
			// The same match on the output side: one match_detail entry.
			{Direction: genai.DirectionOutput, Policy: genai.PolicySensitiveInfo, Type: "EMAIL", Action: "ANONYMIZED", Match: "a@example.com"},
			{Direction: genai.DirectionInput, Policy: genai.PolicyContent, Type: "PROMPT_ATTACK", Action: "BLOCKED", Confidence: "HIGH"},
			{Direction: genai.DirectionInput, Policy: genai.PolicyContent, Type: "HATE", Action: "NONE", Confidence: "NONE", Detected: genai.Some(false)},
			{Direction: genai.DirectionInput, Policy: genai.PolicySensitiveInfo, Action: "BLOCKED", Name: "ticket", Match: "TCK-1", Regex: `TCK-\d`},
		},
	}
	d := g.Derive()
	require.Equal(t, []string{"content_policy", "contextual_grounding_policy", "sensitive_information_policy"}, d.PolicyNames)
	require.Equal(t, []string{"ANONYMIZED", "BLOCKED"}, d.PolicyActions)
	require.Equal(t, []string{"HIGH"}, d.PolicyConfidences, "the clean HATE filter's NONE does not count")
	require.Equal(t, []string{"EMAIL", "GROUNDING", "PROMPT_ATTACK"}, d.ViolationCodes)
	require.Equal(t, []string{"content_policy", "sensitive_information_policy"}, d.RequestTriggered)
	require.Equal(t, []string{"contextual_grounding_policy", "sensitive_information_policy"}, d.ResponseTriggered)
	require.Equal(t, []string{"LLM01", "LLM02", "LLM09"}, d.OWASPIDs)
	require.Equal(t, []string{"Prompt Injection", "Sensitive Information Disclosure", "Misinformation"}, d.OWASPDescriptions, "paired with the ids")
	require.Equal(t, genai.Some(true), d.ViolationDetected)
	require.JSONEq(t, `[
		{"action":"BLOCKED","score":0.2,"threshold":0.7,"type":"GROUNDING"},
		{"action":"ANONYMIZED","match":"a@example.com","type":"EMAIL"},
		{"action":"BLOCKED","match":"TCK-1","name":"ticket","regex":"TCK-\\d"}
	]`, string(d.Matches))

	g.Intervened = false
	require.False(t, g.Derive().ViolationDetected.Valid, "no intervention: absent, never false")
	require.Equal(t, genai.Derived{}, (&genai.Guardrail{}).Derive())
}

func TestOWASPFor(t *testing.T) {
	require.Equal(t, genai.OWASPPromptInjection, genai.OWASPFor(&genai.Assessment{Policy: genai.PolicyContent, Type: "PROMPT_ATTACK"}))
	require.Nil(t, genai.OWASPFor(&genai.Assessment{Policy: genai.PolicyContent, Type: "HATE"}))
	require.Equal(t, genai.OWASPSensitiveInformation, genai.OWASPFor(&genai.Assessment{Policy: genai.PolicyProtectedMaterial}))
	require.Equal(t, genai.OWASPMisinformation, genai.OWASPFor(&genai.Assessment{Policy: genai.PolicyAutomatedReasoning}))
	require.Nil(t, genai.OWASPFor(&genai.Assessment{Policy: genai.PolicyTopic, Type: "DENY"}))
}
