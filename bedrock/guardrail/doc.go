// Package guardrail decodes AWS Bedrock guardrail results into genai assessments: the
// InvokeModel / InvokeModelWithResponseStream trace (amazon-bedrock-guardrailAction and
// amazon-bedrock-trace.guardrail in a response body or stream chunk), the Converse /
// ConverseStream trace (trace.guardrail with inputAssessment and outputAssessments), the
// guardrailConfig of a Converse request, and ApplyGuardrail API responses.
//
// Every policy item becomes one genai.Assessment (one vocabulary for every vendor, see
// genai.Guardrail.Derive): topic, content filter, custom and managed words, PII entities and
// regexes, contextual grounding and automated reasoning findings. Invocation metrics add to the
// guardrail's latency, policy units and coverage. Observe-mode detections (action NONE) are kept.
// Policies this package does not know are kept under their snake_cased name with a
// genai.WarnUnknownPolicy warning.
//
// The decode functions never fail and never panic: what cannot be read becomes a warning on the
// event. They merge into what the event already holds, so that a stream can pass every chunk and
// a trace repeated in several chunks is counted once.
package guardrail
