package genai

import (
	"sync"

	"go.opentelemetry.io/otel/attribute"
	semconv "go.opentelemetry.io/otel/semconv/v1.41.0"
)

// The OpenTelemetry attribute keys genainorm writes that go.opentelemetry.io/otel/semconv/v1.41.0
// does not define. Every other key comes from semconv v1.41.0, the newest semconv package with
// GenAI keys.
//
// The keys are chosen by three rules, in order:
//
//  1. A key defined since v1.41.0 by the OpenTelemetry GenAI semantic conventions repository
//     (unreleased, development) keeps that name (GenAIRequestReasoningLevelKey).
//  2. Everything else is ours and lives under genainorm.*. Guardrail results deliberately do
//     not use gen_ai.guardrail.*: the GenAI repository is defining attributes there with other
//     meanings.
//  3. Durations are in seconds, as everywhere in OpenTelemetry (the Event holds milliseconds).
//
// OTel output never uses the names of Elastic's 2024 gen_ai security field proposal
// (gen_ai.prompt, gen_ai.policy.*, gen_ai.request.model.id, ...).
const (
	// GenAIRequestReasoningLevelKey is gen_ai.request.reasoning.level, the requested reasoning
	// effort ("low", "medium", "high"), defined by the OpenTelemetry GenAI repository after
	// semconv v1.41.0.
	GenAIRequestReasoningLevelKey = attribute.Key("gen_ai.request.reasoning.level")

	// GenainormUsageTotalTokensKey is the provider's own total token count (int).
	GenainormUsageTotalTokensKey = attribute.Key("genainorm.usage.total_tokens")
	// GenainormUsageSourceKey says where the token counts came from: "log", "body",
	// "stream_metrics" or "headers".
	GenainormUsageSourceKey = attribute.Key("genainorm.usage.source")
	// GenainormOperationDurationKey is the operation's duration as the provider logged it, in
	// seconds (double); the same value gen_ai.client.operation.duration records.
	GenainormOperationDurationKey = attribute.Key("genainorm.operation.duration")
	// GenainormProviderOperationKey is the provider's operation name verbatim (Bedrock
	// "InvokeModel", "Converse"; Azure "ChatCompletions_Create"), ECS event.action.
	GenainormProviderOperationKey = attribute.Key("genainorm.provider.operation")
	// GenainormEventIDKey is the provider's own event id, such as a CloudTrail eventID.
	GenainormEventIDKey = attribute.Key("genainorm.event.id")
	// GenainormRequestIDKey is the provider's request id when the provider has no semconv key
	// for it (Bedrock uses aws.request_id, Azure OpenAI azure.service.request.id).
	GenainormRequestIDKey = attribute.Key("genainorm.request.id")
	// GenainormErrorCodeKey is the provider's error code verbatim, written only when it
	// differs from error.type.
	GenainormErrorCodeKey = attribute.Key("genainorm.error.code")
	// GenainormErrorMessageKey is the provider's error message.
	GenainormErrorMessageKey = attribute.Key("genainorm.error.message")

	// GenainormFormatKey is the name of the format that decoded the record.
	GenainormFormatKey = attribute.Key("genainorm.format")
	// GenainormRecordLineKey is the record's line in its input (int, 1-based).
	GenainormRecordLineKey = attribute.Key("genainorm.record.line")
	// GenainormRecordPathKey locates the record inside its top-level value.
	GenainormRecordPathKey = attribute.Key("genainorm.record.path")
	// GenainormRecordEnvelopeKey names the delivery envelope the record came in.
	GenainormRecordEnvelopeKey = attribute.Key("genainorm.record.envelope")

	// GenainormModelVendorKey is the model maker ("anthropic", "openai").
	GenainormModelVendorKey = attribute.Key("genainorm.model.vendor")
	// GenainormModelFamilyKey is the model family ("claude", "gpt-4o").
	GenainormModelFamilyKey = attribute.Key("genainorm.model.family")
	// GenainormModelNameKey is the resolved base model name.
	GenainormModelNameKey = attribute.Key("genainorm.model.name")
	// GenainormModelVersionKey is the model version.
	GenainormModelVersionKey = attribute.Key("genainorm.model.version")
	// GenainormModelDeploymentKey is the deployment name (Azure OpenAI).
	GenainormModelDeploymentKey = attribute.Key("genainorm.model.deployment")
	// GenainormInferenceRegionKey is where the model ran, when it differs from cloud.region.
	GenainormInferenceRegionKey = attribute.Key("genainorm.inference_region")
	// GenainormAPIVersionKey is the provider API version (Azure api-version).
	GenainormAPIVersionKey = attribute.Key("genainorm.api_version")
	// GenainormCredentialBedrockAPIKeyKey reports that a Bedrock API key was used (bool).
	GenainormCredentialBedrockAPIKeyKey = attribute.Key("genainorm.credential.bedrock_api_key")
	// GenainormCredentialLongTermKeyKey reports that a long-term access key was used (bool).
	GenainormCredentialLongTermKeyKey = attribute.Key("genainorm.credential.long_term_key")

	// GenainormGuardrailIDsKey lists every guardrail id seen (string[]); aws.bedrock.guardrail.id
	// holds the first.
	GenainormGuardrailIDsKey = attribute.Key("genainorm.guardrail.ids")
	// GenainormGuardrailIntervenedKey reports that the provider's guardrail or content filter
	// intervened (bool).
	GenainormGuardrailIntervenedKey = attribute.Key("genainorm.guardrail.intervened")
	// GenainormGuardrailActionKey is the provider's overall guardrail action verbatim.
	GenainormGuardrailActionKey = attribute.Key("genainorm.guardrail.action")
	// GenainormGuardrailActionReasonKey is the provider's reason for the action.
	GenainormGuardrailActionReasonKey = attribute.Key("genainorm.guardrail.action_reason")
	// GenainormGuardrailVersionKey is the guardrail version.
	GenainormGuardrailVersionKey = attribute.Key("genainorm.guardrail.version")
	// GenainormGuardrailDurationKey is the guardrail processing time in seconds (double).
	GenainormGuardrailDurationKey = attribute.Key("genainorm.guardrail.duration")
	// GenainormGuardrailUnitsKey maps policy names to the policy units consumed (map).
	GenainormGuardrailUnitsKey = attribute.Key("genainorm.guardrail.units")
	// GenainormGuardrailTextGuardedKey is the number of text characters guarded.
	GenainormGuardrailTextGuardedKey = attribute.Key("genainorm.guardrail.coverage.text_guarded")
	// GenainormGuardrailTextTotalKey is the number of text characters in total.
	GenainormGuardrailTextTotalKey = attribute.Key("genainorm.guardrail.coverage.text_total")
	// GenainormGuardrailImagesGuardedKey is the number of images guarded.
	GenainormGuardrailImagesGuardedKey = attribute.Key("genainorm.guardrail.coverage.images_guarded")
	// GenainormGuardrailImagesTotalKey is the number of images in total.
	GenainormGuardrailImagesTotalKey = attribute.Key("genainorm.guardrail.coverage.images_total")
	// GenainormGuardrailNotRunKey lists filters that did not run (string[]).
	GenainormGuardrailNotRunKey = attribute.Key("genainorm.guardrail.not_run")
	// GenainormGuardrailAssessmentsKey holds every assessed policy item (a slice of maps with
	// the members of gen_ai.guardrail.assessments).
	GenainormGuardrailAssessmentsKey = attribute.Key("genainorm.guardrail.assessments")
	// GenainormGuardrailPoliciesKey lists the policies that found something, in the shared
	// vocabulary ("content_policy", "topic_policy", ...), sorted (string[]).
	GenainormGuardrailPoliciesKey = attribute.Key("genainorm.guardrail.policies")
	// GenainormGuardrailActionsKey lists the actions taken ("BLOCKED", "ANONYMIZED", "NONE").
	GenainormGuardrailActionsKey = attribute.Key("genainorm.guardrail.actions")
	// GenainormGuardrailConfidencesKey lists the content-filter confidences that triggered.
	GenainormGuardrailConfidencesKey = attribute.Key("genainorm.guardrail.confidences")
	// GenainormGuardrailViolationCodesKey lists the triggered item types ("HATE",
	// "PROMPT_ATTACK", "EMAIL", ...).
	GenainormGuardrailViolationCodesKey = attribute.Key("genainorm.guardrail.violation_codes")
	// GenainormGuardrailInputPoliciesKey lists the policies triggered by the input.
	GenainormGuardrailInputPoliciesKey = attribute.Key("genainorm.guardrail.input_policies")
	// GenainormGuardrailOutputPoliciesKey lists the policies triggered by the output.
	GenainormGuardrailOutputPoliciesKey = attribute.Key("genainorm.guardrail.output_policies")
	// GenainormOWASPIDsKey lists the OWASP Top 10 for LLM Applications 2025 ids of the findings.
	GenainormOWASPIDsKey = attribute.Key("genainorm.owasp.ids")

	// GenainormWarningsKey holds the decoding warnings (a slice of {code, message} maps).
	GenainormWarningsKey = attribute.Key("genainorm.warnings")
	// GenainormTruncatedKey holds the body caps applied (a slice of maps).
	GenainormTruncatedKey = attribute.Key("genainorm.truncated")
)

// otelConv says how a field's value becomes an attribute.
type otelConv uint8

const (
	convAsIs           otelConv = iota // same value, same type
	convMillisToSecond                 // int milliseconds -> float64 seconds
	convFirst                          // string[] -> its first string
	convRequestID                      // key chosen by provider
	convUserFallback                   // user.id when the event has no user.id
	convErrorCode                      // only when it differs from error.type
)

// otelMapping is the OTel key (and conversion) of one field.
type otelMapping struct {
	key  attribute.Key
	conv otelConv
}

// otelFieldKeys maps the fields that carry no Field.OTel key, or whose value needs converting,
// to their OTel key. A field with Field.OTel set and no entry here is rendered as is under
// Field.OTel. An entry with an empty key drops the field from OTel output (it duplicates
// another attribute, or is ECS bookkeeping).
var otelFieldKeys = map[*Field]otelMapping{
	// Duplicates and proposal names of values rendered under another key.
	GenAIRequestModelID:        {},                    // = gen_ai.request.model
	GenAIRequestID:             {conv: convRequestID}, // aws.request_id / azure.service.request.id
	GenAIUserID:                {key: semconv.UserIDKey, conv: convUserFallback},
	AWSBedrockGuardrailID:      {key: semconv.AWSBedrockGuardrailIDKey, conv: convFirst},
	GenAIGuardrailID:           {key: GenainormGuardrailIDsKey},
	ErrorCode:                  {key: GenainormErrorCodeKey, conv: convErrorCode},
	GenAIResponseErrorCode:     {},
	EventDuration:              {},
	HTTPRequestBodyBytes:       {},
	HTTPResponseBodyBytes:      {},
	GenAIUsagePromptTokens:     {},
	GenAIUsageCompletionTokens: {},

	// ECS core fields with a semconv equivalent.
	CloudProvider:          {key: semconv.CloudProviderKey},
	CloudAccountID:         {key: semconv.CloudAccountIDKey},
	CloudRegion:            {key: semconv.CloudRegionKey},
	UserID:                 {key: semconv.UserIDKey},
	UserName:               {key: semconv.UserNameKey},
	SourceAddress:          {key: semconv.ClientAddressKey},
	UserAgentOriginal:      {key: semconv.UserAgentOriginalKey},
	HTTPResponseStatusCode: {key: semconv.HTTPResponseStatusCodeKey},
	HTTPRequestMethod:      {key: semconv.HTTPRequestMethodKey},
	URLOriginal:            {key: semconv.URLFullKey},
	ErrorMessage:           {key: GenainormErrorMessageKey},
	EventAction:            {key: GenainormProviderOperationKey},
	LogFilePath:            {key: semconv.LogFilePathKey},
	EventID:                {key: GenainormEventIDKey},

	// GenAI values semconv v1.41.0 lacks.
	GenAIRequestReasoningLevel:   {key: GenAIRequestReasoningLevelKey},
	GenAIUsageTotalTokens:        {key: GenainormUsageTotalTokensKey},
	GenainormUsageSource:         {key: GenainormUsageSourceKey},
	GenAIPerformanceResponseTime: {key: GenainormOperationDurationKey, conv: convMillisToSecond},
	GenAIPerformanceRequestSize:  {key: semconv.HTTPRequestBodySizeKey},
	GenAIPerformanceResponseSize: {key: semconv.HTTPResponseBodySizeKey},

	// Provenance and model resolution.
	GenainormFormat:                  {key: GenainormFormatKey},
	GenainormRecordLine:              {key: GenainormRecordLineKey},
	GenainormRecordPath:              {key: GenainormRecordPathKey},
	GenainormRecordEnvelope:          {key: GenainormRecordEnvelopeKey},
	GenainormModelVendor:             {key: GenainormModelVendorKey},
	GenainormModelFamily:             {key: GenainormModelFamilyKey},
	GenainormModelName:               {key: GenainormModelNameKey},
	GenainormModelVersion:            {key: GenainormModelVersionKey},
	GenainormModelDeployment:         {key: GenainormModelDeploymentKey},
	GenainormInferenceRegion:         {key: GenainormInferenceRegionKey},
	GenainormAPIVersion:              {key: GenainormAPIVersionKey},
	GenainormCredentialBedrockAPIKey: {key: GenainormCredentialBedrockAPIKeyKey},
	GenainormCredentialLongTermKey:   {key: GenainormCredentialLongTermKeyKey},

	// Guardrails and the derived policy view.
	GenAIGuardrailIntervened:            {key: GenainormGuardrailIntervenedKey},
	GenAIGuardrailAction:                {key: GenainormGuardrailActionKey},
	GenAIGuardrailActionReason:          {key: GenainormGuardrailActionReasonKey},
	GenAIGuardrailVersion:               {key: GenainormGuardrailVersionKey},
	GenAIGuardrailLatency:               {key: GenainormGuardrailDurationKey, conv: convMillisToSecond},
	GenAIGuardrailUnits:                 {key: GenainormGuardrailUnitsKey},
	GenAIGuardrailCoverageTextGuarded:   {key: GenainormGuardrailTextGuardedKey},
	GenAIGuardrailCoverageTextTotal:     {key: GenainormGuardrailTextTotalKey},
	GenAIGuardrailCoverageImagesGuarded: {key: GenainormGuardrailImagesGuardedKey},
	GenAIGuardrailCoverageImagesTotal:   {key: GenainormGuardrailImagesTotalKey},
	GenAIGuardrailNotRun:                {key: GenainormGuardrailNotRunKey},
	GenAIGuardrailAssessments:           {key: GenainormGuardrailAssessmentsKey},
	GenAIPolicyName:                     {key: GenainormGuardrailPoliciesKey},
	GenAIPolicyAction:                   {key: GenainormGuardrailActionsKey},
	GenAIPolicyConfidence:               {key: GenainormGuardrailConfidencesKey},
	GenAIComplianceViolationCode:        {key: GenainormGuardrailViolationCodesKey},
	GenAIComplianceRequestTriggered:     {key: GenainormGuardrailInputPoliciesKey},
	GenAIComplianceResponseTriggered:    {key: GenainormGuardrailOutputPoliciesKey},
	GenAIOWASPID:                        {key: GenainormOWASPIDsKey},

	GenainormWarnings:  {key: GenainormWarningsKey},
	GenainormTruncated: {key: GenainormTruncatedKey},
}

// otelTable is the OTel mapping of every declared field, indexed by Field.Ord.
var otelTable = sync.OnceValue(func() otelTableT {
	fields := Fields()
	t := otelTableT{fields: fields, m: make([]otelMapping, len(fields))}
	for i, f := range fields {
		if m, ok := otelFieldKeys[f]; ok {
			t.m[i] = m
			continue
		}
		t.m[i] = otelMapping{key: f.OTel}
	}
	return t
})

type otelTableT struct {
	fields []*Field // the registry, in Ord order
	m      []otelMapping
}

// otelMappingOf returns the mapping of f. Fields not in the registry (which Declare prevents)
// map to nothing.
func otelMappingOf(f *Field) otelMapping {
	t := otelTable()
	if o := f.Ord(); o >= 0 && o < len(t.m) && t.fields[o] == f {
		return t.m[o]
	}
	return otelMapping{}
}

// OTelKey returns the OpenTelemetry attribute key Event.AppendAttributes writes field f under,
// or "" when f has no OTel rendering (ECS bookkeeping, or a value another attribute already
// carries). It is Field.OTel unless the value needs a different key or a unit conversion
// (milliseconds become seconds). For gen_ai.request.id the key depends on the provider;
// OTelKey returns genainorm.request.id, the key used when the provider has no semconv key.
func OTelKey(f *Field) attribute.Key {
	m := otelMappingOf(f)
	if m.conv == convRequestID {
		return GenainormRequestIDKey
	}
	return m.key
}

// contentKeys are the opt-in content attributes (semconv says not to capture them by default).
var contentKeys = []attribute.Key{
	semconv.GenAISystemInstructionsKey,
	semconv.GenAIInputMessagesKey,
	semconv.GenAIOutputMessagesKey,
	semconv.GenAIToolDefinitionsKey,
}

// ContentKeys returns the keys of the opt-in content attributes: gen_ai.system_instructions,
// gen_ai.input.messages, gen_ai.output.messages and gen_ai.tool.definitions. Use it with
// attribute.NewDenyKeysFilter to drop message content from attributes.
func ContentKeys() []attribute.Key { return append([]attribute.Key(nil), contentKeys...) }

func isContentKey(k attribute.Key) bool {
	for _, c := range contentKeys {
		if k == c {
			return true
		}
	}
	return false
}
