// Code generated once from a table, then maintained by hand.

package genai

// Our extension fields: the per-item guardrail detail, provenance, warnings and caps.
var (
	// GenAIGuardrailIntervened is gen_ai.guardrail.intervened: Whether the provider intervened (same as `gen_ai.compliance.violation_detected`).
	GenAIGuardrailIntervened = Declare(Field{Name: "gen_ai.guardrail.intervened", Type: TypeBoolean, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "true", Description: "Whether the provider intervened (same as `gen_ai.compliance.violation_detected`)."})
	// GenAIGuardrailAction is gen_ai.guardrail.action: The provider's overall guardrail action verbatim.
	GenAIGuardrailAction = Declare(Field{Name: "gen_ai.guardrail.action", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "INTERVENED", Description: "The provider's overall guardrail action verbatim."})
	// GenAIGuardrailActionReason is gen_ai.guardrail.action_reason: The provider's reason text.
	GenAIGuardrailActionReason = Declare(Field{Name: "gen_ai.guardrail.action_reason", Type: TypeText, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "Guardrail blocked.", Description: "The provider's reason text."})
	// GenAIGuardrailVersion is gen_ai.guardrail.version: Guardrail version.
	GenAIGuardrailVersion = Declare(Field{Name: "gen_ai.guardrail.version", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockApply}, Example: "1", Description: "Guardrail version."})
	// GenAIGuardrailLatency is gen_ai.guardrail.latency: Guardrail processing latency in milliseconds (summed over assessments).
	GenAIGuardrailLatency = Declare(Field{Name: "gen_ai.guardrail.latency", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "340", Description: "Guardrail processing latency in milliseconds (summed over assessments)."})
	// GenAIGuardrailUnits is gen_ai.guardrail.units: Policy units consumed.
	GenAIGuardrailUnits = Declare(Field{Name: "gen_ai.guardrail.units", Type: TypeFlattened, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "{\"content_policy_units\":1}", Description: "Policy units consumed."})
	// GenAIGuardrailCoverageTextGuarded is gen_ai.guardrail.coverage.text_guarded: Text characters guarded.
	GenAIGuardrailCoverageTextGuarded = Declare(Field{Name: "gen_ai.guardrail.coverage.text_guarded", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "73", Description: "Text characters guarded."})
	// GenAIGuardrailCoverageTextTotal is gen_ai.guardrail.coverage.text_total: Text characters in total.
	GenAIGuardrailCoverageTextTotal = Declare(Field{Name: "gen_ai.guardrail.coverage.text_total", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "74", Description: "Text characters in total."})
	// GenAIGuardrailCoverageImagesGuarded is gen_ai.guardrail.coverage.images_guarded: Images guarded.
	GenAIGuardrailCoverageImagesGuarded = Declare(Field{Name: "gen_ai.guardrail.coverage.images_guarded", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "1", Description: "Images guarded."})
	// GenAIGuardrailCoverageImagesTotal is gen_ai.guardrail.coverage.images_total: Images in total.
	GenAIGuardrailCoverageImagesTotal = Declare(Field{Name: "gen_ai.guardrail.coverage.images_total", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply}, Example: "1", Description: "Images in total."})
	// GenAIGuardrailNotRun is gen_ai.guardrail.not_run: Filters that reported an error and did not run (not the same as "safe").
	GenAIGuardrailNotRun = Declare(Field{Name: "gen_ai.guardrail.not_run", Type: TypeKeyword, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAzureGateway, SourceAzureResponse}, Example: "[\"protected_material_code\"]", Description: "Filters that reported an error and did not run (not the same as \"safe\")."})
	// GenAIGuardrailAssessments is gen_ai.guardrail.assessments: Every assessed item with its native detail: guardrail id and version, direction, policy, type, action, detected, confidence, strength, name, match, score, threshold, modality, native category.
	GenAIGuardrailAssessments = Declare(Field{Name: "gen_ai.guardrail.assessments", Type: TypeFlattened, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockGuardrail, SourceBedrockApply, SourceAzureGateway, SourceAzureResponse}, Example: "[{\"guardrail_id\":\"l7n9e426howe\",\"direction\":\"input\",\"policy\":\"topic_policy\",\"type\":\"DENY\",\"action\":\"BLOCKED\",\"detected\":true,\"name\":\"Robbing A Bank\"}]", Description: "Every assessed item with its native detail: guardrail id and version, direction, policy, type, action, detected, confidence, strength, name, match, score, threshold, modality, native category."})
	// GenainormFormat is genainorm.format: The input format that decoded the record.
	GenainormFormat = Declare(Field{Name: "genainorm.format", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "bedrock.invocation", Description: "The input format that decoded the record."})
	// GenainormRecordLine is genainorm.record.line: 1-based line of the record's top-level value in its input.
	GenainormRecordLine = Declare(Field{Name: "genainorm.record.line", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "17", Description: "1-based line of the record's top-level value in its input."})
	// GenainormRecordPath is genainorm.record.path: Where the record sits inside its delivery envelope.
	GenainormRecordPath = Declare(Field{Name: "genainorm.record.path", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "logEvents[3]", Description: "Where the record sits inside its delivery envelope."})
	// GenainormRecordEnvelope is genainorm.record.envelope: The delivery envelope the record came in.
	GenainormRecordEnvelope = Declare(Field{Name: "genainorm.record.envelope", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "cloudwatch.subscription", Description: "The delivery envelope the record came in."})
	// GenainormWarnings is genainorm.warnings: Non-fatal problems met while decoding the record.
	GenainormWarnings = Declare(Field{Name: "genainorm.warnings", Type: TypeObject, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "[{\"code\":\"unknown_model_family\",\"message\":\"...\"}]", Description: "Non-fatal problems met while decoding the record."})
	// GenainormWarningsCode is genainorm.warnings.code: Warning code.
	GenainormWarningsCode = Declare(Field{Name: "genainorm.warnings.code", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "unknown_model_family", Description: "Warning code."})
	// GenainormWarningsMessage is genainorm.warnings.message: Warning text.
	GenainormWarningsMessage = Declare(Field{Name: "genainorm.warnings.message", Type: TypeMatchOnlyText, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "model family of \"acme.foo-v1\" is unknown; generic extraction used", Description: "Warning text."})
	// GenainormTruncated is genainorm.truncated: Parts of the record capped by size limits.
	GenainormTruncated = Declare(Field{Name: "genainorm.truncated", Type: TypeObject, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "[{\"what\":\"gen_ai.prompt\",\"original_bytes\":40000000,\"kept_bytes\":1048576,\"sha256\":\"...\"}]", Description: "Parts of the record capped by size limits."})
	// GenainormTruncatedWhat is genainorm.truncated.what: What was capped.
	GenainormTruncatedWhat = Declare(Field{Name: "genainorm.truncated.what", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "request.body", Description: "What was capped."})
	// GenainormTruncatedOriginalBytes is genainorm.truncated.original_bytes: Original size in bytes.
	GenainormTruncatedOriginalBytes = Declare(Field{Name: "genainorm.truncated.original_bytes", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "40000000", Description: "Original size in bytes."})
	// GenainormTruncatedKeptBytes is genainorm.truncated.kept_bytes: Kept size in bytes.
	GenainormTruncatedKeptBytes = Declare(Field{Name: "genainorm.truncated.kept_bytes", Type: TypeLong, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "1048576", Description: "Kept size in bytes."})
	// GenainormTruncatedSHA256 is genainorm.truncated.sha256: SHA-256 of the original content.
	GenainormTruncatedSHA256 = Declare(Field{Name: "genainorm.truncated.sha256", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "9f86d081884c7d65...", Description: "SHA-256 of the original content."})
	// GenainormModelVendor is genainorm.model.vendor: The model maker, resolved from the id (or the body when the id is opaque).
	GenainormModelVendor = Declare(Field{Name: "genainorm.model.vendor", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse, SourceBedrockCloudTrail}, Example: "anthropic", Description: "The model maker, resolved from the id (or the body when the id is opaque)."})
	// GenainormModelFamily is genainorm.model.family: The model family.
	GenainormModelFamily = Declare(Field{Name: "genainorm.model.family", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse, SourceBedrockCloudTrail}, Example: "claude", Description: "The model family."})
	// GenainormModelName is genainorm.model.name: The base model name (no region prefix, no ARN).
	GenainormModelName = Declare(Field{Name: "genainorm.model.name", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse, SourceBedrockCloudTrail}, Example: "anthropic.claude-3-haiku-20240307-v1:0", Description: "The base model name (no region prefix, no ARN)."})
	// GenainormModelVersion is genainorm.model.version: The model version.
	GenainormModelVersion = Declare(Field{Name: "genainorm.model.version", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse, SourceBedrockCloudTrail}, Example: "20240307-v1:0", Description: "The model version."})
	// GenainormModelDeployment is genainorm.model.deployment: The deployment name (Azure), when it differs from the model.
	GenainormModelDeployment = Declare(Field{Name: "genainorm.model.deployment", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "gpt-4o-prod", Description: "The deployment name (Azure), when it differs from the model."})
	// GenainormUsageSource is genainorm.usage.source: Where token counts came from: `log`, `body`, `stream_metrics`, `headers`.
	GenainormUsageSource = Declare(Field{Name: "genainorm.usage.source", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "log", Description: "Where token counts came from: `log`, `body`, `stream_metrics`, `headers`."})
	// GenainormInferenceRegion is genainorm.inference_region: The region where the model ran (cross-region inference).
	GenainormInferenceRegion = Declare(Field{Name: "genainorm.inference_region", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail}, Example: "us-west-2", Description: "The region where the model ran (cross-region inference)."})
	// GenainormCredentialBedrockAPIKey is genainorm.credential.bedrock_api_key: A Bedrock API key (bearer token) was used.
	GenainormCredentialBedrockAPIKey = Declare(Field{Name: "genainorm.credential.bedrock_api_key", Type: TypeBoolean, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail}, Example: "true", Description: "A Bedrock API key (bearer token) was used."})
	// GenainormCredentialLongTermKey is genainorm.credential.long_term_key: A long-term access key (AKIA...) was used.
	GenainormCredentialLongTermKey = Declare(Field{Name: "genainorm.credential.long_term_key", Type: TypeBoolean, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail}, Example: "true", Description: "A long-term access key (AKIA...) was used."})
	// GenainormAPIVersion is genainorm.api_version: The provider API version called.
	GenainormAPIVersion = Declare(Field{Name: "genainorm.api_version", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: []string{SourceAzureResourceLog, SourceAzureGateway}, Example: "2024-10-21", Description: "The provider API version called."})
)
