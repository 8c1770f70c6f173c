// Package bedrock decodes AWS Bedrock records into genai Events: model invocation logs (every
// operation, every model family, every delivery form), guardrail traces, ApplyGuardrail
// results, and Bedrock's CloudTrail events.
package bedrock
