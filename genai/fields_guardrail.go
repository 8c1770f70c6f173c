package genai

// Bedrock guardrail details that have no place in the shared policy vocabulary: where a
// guardrail came from (request, account or organization enforcement), its ARN, the trace
// setting of the request, the model output a guardrail replaced, and the ApplyGuardrail request
// side. Plus the leaves of gen_ai.policy.match_detail that Bedrock items carry beyond the
// proposal's.
var (
	// AWSBedrockGuardrailARN is aws_bedrock.guardrail.arn: Guardrail ARNs seen (appliedGuardrailDetails.guardrailArn, or a guardrailIdentifier given as an ARN).
	AWSBedrockGuardrailARN = Declare(Field{Name: "aws_bedrock.guardrail.arn", Type: TypeKeyword, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockApply}, Example: "[\"arn:aws:bedrock:us-east-1:123456789012:guardrail/abcd1234efgh\"]", Description: "Guardrail ARNs seen (`appliedGuardrailDetails.guardrailArn`, or a `guardrailIdentifier` given as an ARN)."})
	// AWSBedrockGuardrailOrigin is aws_bedrock.guardrail.origin: Why the guardrail ran: `REQUEST`, `ACCOUNT_ENFORCED`, `ORGANIZATION_ENFORCED`.
	AWSBedrockGuardrailOrigin = Declare(Field{Name: "aws_bedrock.guardrail.origin", Type: TypeKeyword, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockApply}, Example: "[\"REQUEST\",\"ACCOUNT_ENFORCED\"]", Description: "Why the guardrail ran (`appliedGuardrailDetails.guardrailOrigin`): `REQUEST`, `ACCOUNT_ENFORCED`, `ORGANIZATION_ENFORCED`."})
	// AWSBedrockGuardrailOwnership is aws_bedrock.guardrail.ownership: `SELF` or `CROSS_ACCOUNT`.
	AWSBedrockGuardrailOwnership = Declare(Field{Name: "aws_bedrock.guardrail.ownership", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockApply}, Example: "SELF", Description: "Who owns the guardrail (`appliedGuardrailDetails.guardrailOwnership`): `SELF` or `CROSS_ACCOUNT`."})
	// AWSBedrockGuardrailTrace is aws_bedrock.guardrail.trace: The Converse request's guardrailConfig.trace, lower-case: `enabled`, `disabled`, `enabled_full`.
	AWSBedrockGuardrailTrace = Declare(Field{Name: "aws_bedrock.guardrail.trace", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation}, Example: "enabled_full", Description: "The Converse request's `guardrailConfig.trace`, lower-case: `enabled`, `disabled`, `enabled_full`. With `disabled` a guardrail ran but no assessment is logged; with `enabled` only findings are."})
	// AWSBedrockGuardrailStreamProcessingMode is aws_bedrock.guardrail.stream_processing_mode: ConverseStream guardrailConfig.streamProcessingMode: `sync` or `async`.
	AWSBedrockGuardrailStreamProcessingMode = Declare(Field{Name: "aws_bedrock.guardrail.stream_processing_mode", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation}, Example: "async", Description: "ConverseStream `guardrailConfig.streamProcessingMode`: `sync` or `async`."})
	// AWSBedrockGuardrailModelOutput is aws_bedrock.guardrail.model_output: The model's own output before the guardrail replaced it (trace modelOutput).
	AWSBedrockGuardrailModelOutput = Declare(Field{Name: "aws_bedrock.guardrail.model_output", Type: TypeText, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation}, Example: "[\"{\\\"content\\\":[{\\\"type\\\":\\\"text\\\",\\\"text\\\":\\\"...\\\"}]}\"]", Description: "The model's own output before the guardrail replaced it (`trace.guardrail.modelOutput`, full trace only): what the model would have said."})
	// AWSBedrockGuardrailSource is aws_bedrock.guardrail.source: ApplyGuardrail request source: `INPUT` or `OUTPUT`.
	AWSBedrockGuardrailSource = Declare(Field{Name: "aws_bedrock.guardrail.source", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockApply}, Example: "INPUT", Description: "ApplyGuardrail request `source`: `INPUT` (user content) or `OUTPUT` (model content); it gives the direction of the assessments."})
	// AWSBedrockGuardrailOutputScope is aws_bedrock.guardrail.output_scope: ApplyGuardrail request outputScope: `INTERVENTIONS` or `FULL`.
	AWSBedrockGuardrailOutputScope = Declare(Field{Name: "aws_bedrock.guardrail.output_scope", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockApply}, Example: "FULL", Description: "ApplyGuardrail request `outputScope`: `INTERVENTIONS` (findings only) or `FULL` (every policy result)."})
	// GenAIPolicyMatchDetailRegex is gen_ai.policy.match_detail.regex: The pattern of a matched regular expression.
	GenAIPolicyMatchDetailRegex = Declare(Field{Name: "gen_ai.policy.match_detail.regex", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockApply}, Example: "EMP-\\\\d{5}", Description: "The pattern of a matched regular expression (Bedrock `sensitiveInformationPolicy.regexes[].regex`)."})
)
