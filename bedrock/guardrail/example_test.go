package guardrail_test

import (
	"fmt"

	"github.com/genainorm/genainorm/bedrock/guardrail"
	"github.com/genainorm/genainorm/genai"
)

// A Converse trace in which a guardrail blocked a prompt attack on input and masked an e-mail
// address on output, and the derived fields the detection rules read.
func ExampleDecodeConverseTrace() {
	trace := []byte(`{"guardrail":{
		"inputAssessment":{"abcd1234efgh":{"contentPolicy":{"filters":[
			{"type":"PROMPT_ATTACK","confidence":"HIGH","filterStrength":"HIGH","action":"BLOCKED","detected":true}]}}},
		"outputAssessments":[{"abcd1234efgh":{"sensitiveInformationPolicy":{"piiEntities":[
			{"type":"EMAIL","match":"someone@example.com","action":"ANONYMIZED","detected":true}]}}}]}}`)
	var ev genai.Event
	guardrail.DecodeConverseTrace(trace, &ev)

	d := ev.Guardrail.Derive()
	fmt.Println("guardrail ids:", ev.Guardrail.IDs)
	fmt.Println("intervened:", ev.Guardrail.Intervened)
	fmt.Println("policy names:", d.PolicyNames)
	fmt.Println("actions:", d.PolicyActions)
	fmt.Println("violation codes:", d.ViolationCodes)
	fmt.Println("request / response triggered:", d.RequestTriggered, d.ResponseTriggered)
	fmt.Println("OWASP:", d.OWASPIDs, d.OWASPDescriptions)
	fmt.Println("match detail:", string(d.Matches))
	// Output:
	// guardrail ids: [abcd1234efgh]
	// intervened: true
	// policy names: [content_policy sensitive_information_policy]
	// actions: [ANONYMIZED BLOCKED]
	// violation codes: [EMAIL PROMPT_ATTACK]
	// request / response triggered: [content_policy] [sensitive_information_policy]
	// OWASP: [LLM01 LLM02] [Prompt Injection Sensitive Information Disclosure]
	// match detail: [{"action":"ANONYMIZED","match":"someone@example.com","type":"EMAIL"}]
}

// A Converse request's guardrailConfig names the guardrail even when its trace is off, so the
// invocation does not count as unguarded.
func ExampleDecodeConfig() {
	var ev genai.Event
	guardrail.DecodeConfig([]byte(`{"guardrailIdentifier":"arn:aws:bedrock:us-east-1:123456789012:guardrail/abcd1234efgh","guardrailVersion":"3","trace":"disabled"}`), &ev)
	fmt.Println(ev.Guardrail.IDs, ev.Guardrail.Version)
	// Output:
	// [abcd1234efgh] 3
}
