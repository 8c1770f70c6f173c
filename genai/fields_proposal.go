// Code generated once from a table, then maintained by hand.

package genai

import semconv "go.opentelemetry.io/otel/semconv/v1.41.0"

// The 64 fields of Elastic Security's gen_ai field proposal that public Elastic rules query (elastic profile), and the guardrail id list Elastic's pipeline adds.
var (
	// GenAIPrompt is gen_ai.prompt: The whole request body as JSON text (rules search it for credentials and jailbreak phrases).
	GenAIPrompt = Declare(Field{Name: "gen_ai.prompt", Type: TypeText, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureGateway, SourceAzureResponse}, Example: "{\"messages\":[...]}", Description: "The whole request body as JSON text (rules search it for credentials and jailbreak phrases)."})
	// GenAICompletion is gen_ai.completion: The whole response body as JSON text (rules search it for refusals and `end_turn`).
	GenAICompletion = Declare(Field{Name: "gen_ai.completion", Type: TypeText, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureGateway, SourceAzureResponse}, Example: "{\"output\":{...},\"stopReason\":\"end_turn\"}", Description: "The whole response body as JSON text (rules search it for refusals and `end_turn`)."})
	// GenAIUsagePromptTokens is gen_ai.usage.prompt_tokens: Input tokens as the provider logs them (Bedrock `inputTokenCount`, Azure `prompt_tokens`).
	GenAIUsagePromptTokens = Declare(Field{Name: "gen_ai.usage.prompt_tokens", Type: TypeInteger, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "571", Description: "Input tokens as the provider logs them (Bedrock `inputTokenCount`, Azure `prompt_tokens`)."})
	// GenAIUsageCompletionTokens is gen_ai.usage.completion_tokens: Output tokens as the provider logs them (Bedrock `outputTokenCount`, Azure `completion_tokens`).
	GenAIUsageCompletionTokens = Declare(Field{Name: "gen_ai.usage.completion_tokens", Type: TypeInteger, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "62", Description: "Output tokens as the provider logs them (Bedrock `outputTokenCount`, Azure `completion_tokens`)."})
	// GenAISystem is gen_ai.system: Vendor as Elastic writes it: `aws` for Bedrock, `azure` for Azure OpenAI.
	GenAISystem = Declare(Field{Name: "gen_ai.system", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceAll}, Example: "aws", Description: "Vendor as Elastic writes it: `aws` for Bedrock, `azure` for Azure OpenAI."})
	// GenAIUserID is gen_ai.user.id: The caller (Bedrock `identity.arn`).
	GenAIUserID = Declare(Field{Name: "gen_ai.user.id", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "arn:aws:iam::123456789012:user/alice", Description: "The caller (Bedrock `identity.arn`)."})
	// GenAIUserRN is gen_ai.user.rn: Unique resource name for the user.
	GenAIUserRN = Declare(Field{Name: "gen_ai.user.rn", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Unique resource name for the user."})
	// GenAIRequestID is gen_ai.request.id: The request id (Bedrock `requestId`).
	GenAIRequestID = Declare(Field{Name: "gen_ai.request.id", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "142471d6-56dd-46a8-b502-08711ec9a410", Description: "The request id (Bedrock `requestId`)."})
	// GenAIResponseErrorCode is gen_ai.response.error_code: The provider's error code verbatim (`AccessDeniedException`, `ValidationException`, `content_filter`).
	GenAIResponseErrorCode = Declare(Field{Name: "gen_ai.response.error_code", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "AccessDeniedException", Description: "The provider's error code verbatim (`AccessDeniedException`, `ValidationException`, `content_filter`)."})
	// GenAIRequestTimestamp is gen_ai.request.timestamp: When the request was made.
	GenAIRequestTimestamp = Declare(Field{Name: "gen_ai.request.timestamp", Type: TypeDate, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "2024-04-18T22:54:57.000Z", Description: "When the request was made."})
	// GenAIResponseTimestamp is gen_ai.response.timestamp: When the response was received.
	GenAIResponseTimestamp = Declare(Field{Name: "gen_ai.response.timestamp", Type: TypeDate, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "2024-04-18T22:54:57.000Z", Description: "When the response was received."})
	// GenAIRequestModelID is gen_ai.request.model.id: The model id verbatim (bare id, cross-region profile id or ARN). Elastic rules group by it.
	GenAIRequestModelID = Declare(Field{Name: "gen_ai.request.model.id", Type: TypeKeyword, OTel: semconv.GenAIRequestModelKey, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0", Description: "The model id verbatim (bare id, cross-region profile id or ARN). Elastic rules group by it."})
	// GenAIRequestModelVersion is gen_ai.request.model.version: The model version.
	GenAIRequestModelVersion = Declare(Field{Name: "gen_ai.request.model.version", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "20240307-v1:0", Description: "The model version."})
	// GenAIRequestModelRole is gen_ai.request.model.role: Role of the last input message, as Elastic writes it.
	GenAIRequestModelRole = Declare(Field{Name: "gen_ai.request.model.role", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation}, Example: "user", Description: "Role of the last input message, as Elastic writes it."})
	// GenAIRequestModelType is gen_ai.request.model.type: Model type: the vendor prefix of the model id, as Elastic writes it.
	GenAIRequestModelType = Declare(Field{Name: "gen_ai.request.model.type", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation}, Example: "anthropic", Description: "Model type: the vendor prefix of the model id, as Elastic writes it."})
	// GenAIRequestModelDescription is gen_ai.request.model.description: Description of the LLM model.
	GenAIRequestModelDescription = Declare(Field{Name: "gen_ai.request.model.description", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Description of the LLM model."})
	// GenAIRequestModelInstructions is gen_ai.request.model.instructions: Custom instructions for the LLM model.
	GenAIRequestModelInstructions = Declare(Field{Name: "gen_ai.request.model.instructions", Type: TypeText, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Custom instructions for the LLM model."})
	// GenAITextReadabilityScore is gen_ai.text.readability_score: Readability of the text.
	GenAITextReadabilityScore = Declare(Field{Name: "gen_ai.text.readability_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Readability of the text."})
	// GenAITextComplexityScore is gen_ai.text.complexity_score: Complexity of the text.
	GenAITextComplexityScore = Declare(Field{Name: "gen_ai.text.complexity_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Complexity of the text."})
	// GenAITextSimilarityScore is gen_ai.text.similarity_score: Similarity between prompt and response.
	GenAITextSimilarityScore = Declare(Field{Name: "gen_ai.text.similarity_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Similarity between prompt and response."})
	// GenAISecurityRegexPatternCount is gen_ai.security.regex_pattern_count: Occurrences of strings matching user-defined regex patterns.
	GenAISecurityRegexPatternCount = Declare(Field{Name: "gen_ai.security.regex_pattern_count", Type: TypeInteger, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Occurrences of strings matching user-defined regex patterns."})
	// GenAISecurityJailbreakScore is gen_ai.security.jailbreak_score: Similarity to known jailbreak attempts.
	GenAISecurityJailbreakScore = Declare(Field{Name: "gen_ai.security.jailbreak_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Similarity to known jailbreak attempts."})
	// GenAISecurityPromptInjectionScore is gen_ai.security.prompt_injection_score: Similarity to known prompt injection attacks.
	GenAISecurityPromptInjectionScore = Declare(Field{Name: "gen_ai.security.prompt_injection_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Similarity to known prompt injection attacks."})
	// GenAISecurityHallucinationConsistency is gen_ai.security.hallucination_consistency: Consistency between multiple responses.
	GenAISecurityHallucinationConsistency = Declare(Field{Name: "gen_ai.security.hallucination_consistency", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Consistency between multiple responses."})
	// GenAISecurityRefusalScore is gen_ai.security.refusal_score: Similarity to known refusal responses.
	GenAISecurityRefusalScore = Declare(Field{Name: "gen_ai.security.refusal_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Similarity to known refusal responses."})
	// GenAIPolicyName is gen_ai.policy.name: Policies that found something, snake_case: `content_policy`, `topic_policy`, `word_policy`, `sensitive_information_policy`, `contextual_grounding_policy`, `automated_reasoning_policy`, `protected_material_policy`. Sorted, distinct.
	GenAIPolicyName = Declare(Field{Name: "gen_ai.policy.name", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"content_policy\",\"topic_policy\"]", Description: "Policies that found something, snake_case: `content_policy`, `topic_policy`, `word_policy`, `sensitive_information_policy`, `contextual_grounding_policy`, `automated_reasoning_policy`, `protected_material_policy`. Sorted, distinct."})
	// GenAIPolicyViolation is gen_ai.policy.violation: Whether a security policy was violated.
	GenAIPolicyViolation = Declare(Field{Name: "gen_ai.policy.violation", Type: TypeBoolean, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Whether a security policy was violated."})
	// GenAIPolicyAction is gen_ai.policy.action: Actions taken, upper-case provider values: `BLOCKED`, `ANONYMIZED`, `NONE` (observe mode / detected but not filtered). Sorted, distinct.
	GenAIPolicyAction = Declare(Field{Name: "gen_ai.policy.action", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"BLOCKED\"]", Description: "Actions taken, upper-case provider values: `BLOCKED`, `ANONYMIZED`, `NONE` (observe mode / detected but not filtered). Sorted, distinct."})
	// GenAIPolicyMatchDetail is gen_ai.policy.match_detail: Items with a match or a score: matched words, PII and regex matches, grounding scores.
	GenAIPolicyMatchDetail = Declare(Field{Name: "gen_ai.policy.match_detail", Type: TypeObject, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[{\"action\":\"BLOCKED\",\"match\":\"molotov cocktail\"}]", Description: "Items with a match or a score: matched words, PII and regex matches, grounding scores."})
	// GenAIPolicyMatchDetailAction is gen_ai.policy.match_detail.action: Action taken on the item.
	GenAIPolicyMatchDetailAction = Declare(Field{Name: "gen_ai.policy.match_detail.action", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "BLOCKED", Description: "Action taken on the item."})
	// GenAIPolicyMatchDetailMatch is gen_ai.policy.match_detail.match: The matched text.
	GenAIPolicyMatchDetailMatch = Declare(Field{Name: "gen_ai.policy.match_detail.match", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "molotov cocktail", Description: "The matched text."})
	// GenAIPolicyMatchDetailName is gen_ai.policy.match_detail.name: The item's name (topic, regex, blocklist).
	GenAIPolicyMatchDetailName = Declare(Field{Name: "gen_ai.policy.match_detail.name", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "Bombs", Description: "The item's name (topic, regex, blocklist)."})
	// GenAIPolicyMatchDetailPolicy is gen_ai.policy.match_detail.policy: The item's policy.
	GenAIPolicyMatchDetailPolicy = Declare(Field{Name: "gen_ai.policy.match_detail.policy", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "word_policy", Description: "The item's policy."})
	// GenAIPolicyMatchDetailType is gen_ai.policy.match_detail.type: The item type.
	GenAIPolicyMatchDetailType = Declare(Field{Name: "gen_ai.policy.match_detail.type", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "URL", Description: "The item type."})
	// GenAIPolicyMatchDetailScore is gen_ai.policy.match_detail.score: Grounding / relevance score.
	GenAIPolicyMatchDetailScore = Declare(Field{Name: "gen_ai.policy.match_detail.score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "0.36", Description: "Grounding / relevance score."})
	// GenAIPolicyMatchDetailThreshold is gen_ai.policy.match_detail.threshold: Grounding / relevance threshold.
	GenAIPolicyMatchDetailThreshold = Declare(Field{Name: "gen_ai.policy.match_detail.threshold", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "0.99", Description: "Grounding / relevance threshold."})
	// GenAIPolicyConfidence is gen_ai.policy.confidence: Content-filter confidence: `NONE`, `LOW`, `MEDIUM`, `HIGH` (Azure severities safe/low/medium/high map here). Sorted, distinct.
	GenAIPolicyConfidence = Declare(Field{Name: "gen_ai.policy.confidence", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"HIGH\"]", Description: "Content-filter confidence: `NONE`, `LOW`, `MEDIUM`, `HIGH` (Azure severities safe/low/medium/high map here). Sorted, distinct."})
	// GenAIThreatRiskScore is gen_ai.threat.risk_score: Risk score of the response.
	GenAIThreatRiskScore = Declare(Field{Name: "gen_ai.threat.risk_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Risk score of the response."})
	// GenAIThreatType is gen_ai.threat.type: Type of threat detected.
	GenAIThreatType = Declare(Field{Name: "gen_ai.threat.type", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Type of threat detected."})
	// GenAIThreatDetected is gen_ai.threat.detected: Whether a threat was detected.
	GenAIThreatDetected = Declare(Field{Name: "gen_ai.threat.detected", Type: TypeBoolean, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Whether a threat was detected."})
	// GenAIThreatCategory is gen_ai.threat.category: Category of the threat.
	GenAIThreatCategory = Declare(Field{Name: "gen_ai.threat.category", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Category of the threat."})
	// GenAIThreatDescription is gen_ai.threat.description: Description of the threat.
	GenAIThreatDescription = Declare(Field{Name: "gen_ai.threat.description", Type: TypeText, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Description of the threat."})
	// GenAIThreatAction is gen_ai.threat.action: Recommended mitigation.
	GenAIThreatAction = Declare(Field{Name: "gen_ai.threat.action", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Recommended mitigation."})
	// GenAIThreatSource is gen_ai.threat.source: Source of the threat.
	GenAIThreatSource = Declare(Field{Name: "gen_ai.threat.source", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Source of the threat."})
	// GenAIThreatSignature is gen_ai.threat.signature: Signature of the threat.
	GenAIThreatSignature = Declare(Field{Name: "gen_ai.threat.signature", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Signature of the threat."})
	// GenAIThreatYaraMatches is gen_ai.threat.yara_matches: YARA scan results (the proposal's `nested`, mapped flattened for ES|QL).
	GenAIThreatYaraMatches = Declare(Field{Name: "gen_ai.threat.yara_matches", Type: TypeFlattened, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "YARA scan results (the proposal's `nested`, mapped flattened for ES|QL)."})
	// GenAIComplianceViolationDetected is gen_ai.compliance.violation_detected: True only when the provider intervened (Bedrock INTERVENED / guardrail_intervened / GUARDRAIL_INTERVENED; Azure filtered / content_filter). A real boolean.
	GenAIComplianceViolationDetected = Declare(Field{Name: "gen_ai.compliance.violation_detected", Type: TypeBoolean, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "true", Description: "True only when the provider intervened (Bedrock INTERVENED / guardrail_intervened / GUARDRAIL_INTERVENED; Azure filtered / content_filter). A real boolean."})
	// GenAIComplianceViolationCode is gen_ai.compliance.violation_code: Types of the items found, upper-case: `HATE`, `INSULTS`, `SEXUAL`, `VIOLENCE`, `MISCONDUCT`, `PROMPT_ATTACK`, `SELF_HARM`, `DENY`, `PROFANITY`, `EMAIL`, `GROUNDING`, ... Sorted, distinct.
	GenAIComplianceViolationCode = Declare(Field{Name: "gen_ai.compliance.violation_code", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"MISCONDUCT\",\"PROMPT_ATTACK\"]", Description: "Types of the items found, upper-case: `HATE`, `INSULTS`, `SEXUAL`, `VIOLENCE`, `MISCONDUCT`, `PROMPT_ATTACK`, `SELF_HARM`, `DENY`, `PROFANITY`, `EMAIL`, `GROUNDING`, ... Sorted, distinct."})
	// GenAIComplianceResponseTriggered is gen_ai.compliance.response_triggered: Policies that found something in the response (output side).
	GenAIComplianceResponseTriggered = Declare(Field{Name: "gen_ai.compliance.response_triggered", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"sensitive_information_policy\"]", Description: "Policies that found something in the response (output side)."})
	// GenAIComplianceRequestTriggered is gen_ai.compliance.request_triggered: Policies that found something in the request (input side).
	GenAIComplianceRequestTriggered = Declare(Field{Name: "gen_ai.compliance.request_triggered", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"content_policy\"]", Description: "Policies that found something in the request (input side)."})
	// GenAIOWASPID is gen_ai.owasp.id: OWASP Top 10 for LLM Applications 2025 ids of the findings.
	GenAIOWASPID = Declare(Field{Name: "gen_ai.owasp.id", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"LLM01\"]", Description: "OWASP Top 10 for LLM Applications 2025 ids of the findings."})
	// GenAIOWASPDescription is gen_ai.owasp.description: OWASP Top 10 for LLM Applications 2025 names of the findings.
	GenAIOWASPDescription = Declare(Field{Name: "gen_ai.owasp.description", Type: TypeText, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[\"Prompt Injection\"]", Description: "OWASP Top 10 for LLM Applications 2025 names of the findings."})
	// GenAIAnalysisToolNames is gen_ai.analysis.tool_names: Security or analysis tools used.
	GenAIAnalysisToolNames = Declare(Field{Name: "gen_ai.analysis.tool_names", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Security or analysis tools used."})
	// GenAIAnalysisFunction is gen_ai.analysis.function: Security or analysis function used.
	GenAIAnalysisFunction = Declare(Field{Name: "gen_ai.analysis.function", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Security or analysis function used."})
	// GenAIAnalysisFindings is gen_ai.analysis.findings: Findings from security tools (the proposal's `nested`, mapped flattened).
	GenAIAnalysisFindings = Declare(Field{Name: "gen_ai.analysis.findings", Type: TypeFlattened, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Findings from security tools (the proposal's `nested`, mapped flattened)."})
	// GenAIAnalysisActionRecommended is gen_ai.analysis.action_recommended: Recommended actions.
	GenAIAnalysisActionRecommended = Declare(Field{Name: "gen_ai.analysis.action_recommended", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Recommended actions."})
	// GenAISentimentScore is gen_ai.sentiment.score: Sentiment score.
	GenAISentimentScore = Declare(Field{Name: "gen_ai.sentiment.score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Sentiment score."})
	// GenAISentimentToxicityScore is gen_ai.sentiment.toxicity_score: Toxicity score.
	GenAISentimentToxicityScore = Declare(Field{Name: "gen_ai.sentiment.toxicity_score", Type: TypeFloat, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Toxicity score."})
	// GenAISentimentContentInappropriate is gen_ai.sentiment.content_inappropriate: Whether content was flagged as inappropriate.
	GenAISentimentContentInappropriate = Declare(Field{Name: "gen_ai.sentiment.content_inappropriate", Type: TypeBoolean, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Whether content was flagged as inappropriate."})
	// GenAISentimentContentCategories is gen_ai.sentiment.content_categories: Categories of sensitive content.
	GenAISentimentContentCategories = Declare(Field{Name: "gen_ai.sentiment.content_categories", Type: TypeKeyword, Status: StatusElasticProposal, Profiles: ProfileElastic, Description: "Categories of sensitive content."})
	// GenAIPerformanceResponseTime is gen_ai.performance.response_time: Time to the full response, milliseconds (Converse `metrics.latencyMs`, stream `invocationLatency`, Azure `DurationMs`).
	GenAIPerformanceResponseTime = Declare(Field{Name: "gen_ai.performance.response_time", Type: TypeLong, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "2455", Description: "Time to the full response, milliseconds (Converse `metrics.latencyMs`, stream `invocationLatency`, Azure `DurationMs`)."})
	// GenAIPerformanceStartResponseTime is gen_ai.performance.start_response_time: Time to the first response byte, milliseconds (stream `firstByteLatency`).
	GenAIPerformanceStartResponseTime = Declare(Field{Name: "gen_ai.performance.start_response_time", Type: TypeLong, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureGateway}, Example: "412", Description: "Time to the first response byte, milliseconds (stream `firstByteLatency`)."})
	// GenAIPerformanceRequestSize is gen_ai.performance.request_size: Request body size in bytes.
	GenAIPerformanceRequestSize = Declare(Field{Name: "gen_ai.performance.request_size", Type: TypeLong, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "2310", Description: "Request body size in bytes."})
	// GenAIPerformanceResponseSize is gen_ai.performance.response_size: Response body size in bytes.
	GenAIPerformanceResponseSize = Declare(Field{Name: "gen_ai.performance.response_size", Type: TypeLong, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "1650", Description: "Response body size in bytes."})
	// GenAIGuardrailID is gen_ai.guardrail_id: Guardrail ids that assessed the request (trace keys, Converse `guardrailConfig`, ApplyGuardrail). Absent means no guardrail was seen.
	GenAIGuardrailID = Declare(Field{Name: "gen_ai.guardrail_id", Type: TypeKeyword, Array: true, Status: StatusElasticProposal, Profiles: ProfileElastic, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceBedrockCloudTrail}, Example: "[\"l7n9e426howe\"]", Description: "Guardrail ids that assessed the request (trace keys, Converse `guardrailConfig`, ApplyGuardrail). Absent means no guardrail was seen."})
)
