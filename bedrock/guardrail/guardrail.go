// Package guardrail decodes Bedrock guardrail results (InvokeModel and Converse traces,
// Converse guardrailConfig, ApplyGuardrail responses) into genai assessments.
package guardrail

import "github.com/genainorm/genainorm/genai"

// DecodeInvoke reads the guardrail fields of an InvokeModel response body or stream chunk
// (amazon-bedrock-guardrailAction, amazon-bedrock-trace) into ev.Guardrail.
func DecodeInvoke(obj []byte, ev *genai.Event) {}

// DecodeConverseTrace reads a Converse / ConverseStream "trace" object into ev.Guardrail.
func DecodeConverseTrace(trace []byte, ev *genai.Event) {}

// DecodeConfig reads a Converse request's guardrailConfig into ev.Guardrail.
func DecodeConfig(cfg []byte, ev *genai.Event) {}
