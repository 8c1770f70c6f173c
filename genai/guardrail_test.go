package genai_test

import (
	"math/rand/v2"
	"slices"
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

// deriveLists is the list part of Derive as it was written before its single pass: one pass
// per list, the oracle of TestDeriveOnePass.
func deriveLists(g *genai.Guardrail) genai.Derived {
	var d genai.Derived
	list := func(pick func(a *genai.Assessment) string) []string {
		var out []string
		for i := range g.Assessments {
			a := &g.Assessments[i]
			if !a.Triggered() {
				continue
			}
			if v := pick(a); v != "" && !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		slices.Sort(out)
		return out
	}
	d.PolicyNames = list(func(a *genai.Assessment) string { return a.Policy })
	d.PolicyActions = list(func(a *genai.Assessment) string { return a.Action })
	d.PolicyConfidences = list(func(a *genai.Assessment) string { return a.Confidence })
	d.ViolationCodes = list(func(a *genai.Assessment) string { return a.Type })
	d.RequestTriggered = list(func(a *genai.Assessment) string {
		if a.Direction != genai.DirectionInput {
			return ""
		}
		return a.Policy
	})
	d.ResponseTriggered = list(func(a *genai.Assessment) string {
		if a.Direction != genai.DirectionOutput {
			return ""
		}
		return a.Policy
	})
	return d
}

// TestDeriveOnePass checks Derive's lists against one pass per list, on random guardrails
// (more values than the single pass holds on the stack included).
func TestDeriveOnePass(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(vs ...string) string { return vs[r.IntN(len(vs))] }
	word := func() string {
		return pick("", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K") + pick("", "x", "y")
	}
	for n := 0; n < 2000; n++ {
		var g genai.Guardrail
		for range r.IntN(30) {
			a := genai.Assessment{
				Direction:  genai.Direction(pick("", "input", "output", "other")),
				Policy:     pick(genai.PolicyContent, genai.PolicyTopic, genai.PolicySensitiveInfo, genai.PolicyContextual, "", word()),
				Type:       word(),
				Action:     pick("", "NONE", "BLOCKED", "ANONYMIZED", word()),
				Confidence: word(),
			}
			if r.IntN(3) == 0 {
				a.Detected = genai.Some(r.IntN(2) == 0)
			}
			g.Assessments = append(g.Assessments, a)
		}
		got, want := g.Derive(), deriveLists(&g)
		require.Equal(t, [][]string{want.PolicyNames, want.PolicyActions, want.PolicyConfidences, want.ViolationCodes, want.RequestTriggered, want.ResponseTriggered},
			[][]string{got.PolicyNames, got.PolicyActions, got.PolicyConfidences, got.ViolationCodes, got.RequestTriggered, got.ResponseTriggered}, "%+v", g.Assessments)
	}
}
