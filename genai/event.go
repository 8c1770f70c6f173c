package genai

import (
	"time"
)

// Event is one normalized record: what a provider decoder fills and the only thing renderers
// read. Zero values mean "absent" and are never rendered; optional numbers and booleans use Opt
// so that a real zero (temperature 0, zero tokens) is kept.
//
// An Event may be reused: Reset clears it while keeping its slices' capacity.
type Event struct {
	// Source says where the record came from and how it was read.
	Source Source
	// Time is the record's own timestamp (@timestamp).
	Time time.Time
	// ECS classification: event.action, event.outcome, event.category, event.type, event.provider.
	Action   string
	Outcome  Outcome
	Category []string
	Type     []string
	// Provider is event.provider (for CloudTrail, the eventSource verbatim).
	Provider string
	// ID is the provider's own event id (event.id), such as a CloudTrail eventID.
	ID string

	Request     Request
	Response    Response
	Usage       Usage
	Performance Performance
	Identity    Identity
	Cloud       Cloud
	HTTP        HTTP
	Guardrail   Guardrail

	// Vendor holds provider-specific fields that rules still read (aws_bedrock.invocation.*,
	// aws.cloudtrail.*, azure.open_ai.*). Each is a declared field.
	Vendor []FieldValue
	// Warnings say what could not be fully understood; they travel with the event.
	Warnings []Warning
	// Original is the raw record, kept for event.original when the renderer is asked to, and
	// always for error documents. Decoders may keep the event's other []byte fields (bodies,
	// messages) in the same memory, including Original's spare capacity: treat it as
	// read-only and never append to it; copy it to keep or extend it.
	Original []byte
	// Err is set when the record could not be normalized; the event then renders as an error
	// document (event.kind: pipeline_error).
	Err error
	// Truncations records body caps applied to this event.
	Truncations []Truncation
}

// Outcome is event.outcome.
type Outcome string

// The values of event.outcome.
const (
	OutcomeSuccess Outcome = "success"
	OutcomeFailure Outcome = "failure"
	OutcomeUnknown Outcome = "unknown"
)

// Source says where a record came from.
type Source struct {
	// ProviderName is gen_ai.provider.name: ProviderAWSBedrock or ProviderAzureOpenAI.
	ProviderName string
	// System is gen_ai.system as Elastic writes it in the elastic profile ("aws").
	System string
	// Format is the name of the Format that decoded the record.
	Format string
	// Dataset is the data stream dataset (DatasetBedrockInvocation, ...), also event.dataset.
	Dataset string
	// Module is event.module ("aws_bedrock", "aws", "azure_openai").
	Module string
	// Operation is the provider's raw operation name (Bedrock operation, Azure operationName).
	Operation string
	// SchemaVersion is the provider record's schema version, when it has one.
	SchemaVersion string
	// Position locates the record in its input.
	Position Position
	// Envelope names the delivery envelope the record came in, if any.
	Envelope string
}

// The gen_ai.provider.name values this library writes (OTel registry values).
const (
	ProviderAWSBedrock  = "aws.bedrock"
	ProviderAzureOpenAI = "azure.ai.openai"
)

// The datasets (data_stream.dataset and event.dataset) of the data streams we write.
const (
	DatasetBedrockInvocation = "aws_bedrock.invocation"
	DatasetCloudTrail        = "aws.cloudtrail"
	DatasetAzureOpenAI       = "azure_openai.logs"
	// DatasetErrors receives error documents of records whose format could not be told.
	DatasetErrors = "genainorm.errors"
)

// The gen_ai.operation.name values (OTel enum, open).
const (
	OperationChat            = "chat"
	OperationTextCompletion  = "text_completion"
	OperationGenerateContent = "generate_content"
	OperationEmbeddings      = "embeddings"
	OperationRetrieval       = "retrieval"
	OperationInvokeAgent     = "invoke_agent"
	OperationExecuteTool     = "execute_tool"
	OperationApplyGuardrail  = "apply_guardrail"
)

// Model identifies the model a request was made to.
type Model struct {
	// ID is the provider's model identifier verbatim: a bare id, a cross-region profile id, or an
	// ARN (gen_ai.request.model.id in the elastic profile, gen_ai.request.model in ecs).
	ID string
	// Vendor is the model maker ("anthropic", "amazon", "meta", "openai", ...).
	Vendor string
	// Family is the model family ("claude", "nova", "titan-text", "llama", "gpt-4o", ...).
	Family string
	// Name is the resolved base model name without region prefix or ARN ("anthropic.claude-3-haiku-20240307-v1:0").
	Name string
	// Version is the model version when it can be told ("20240307-v1:0", "2024-08-06").
	Version string
	// APIVersion is the request body's API version ("bedrock-2023-05-31", the Anthropic
	// anthropic_version), which Elastic writes to gen_ai.request.model.version.
	APIVersion string
	// Type is gen_ai.request.model.type as Elastic writes it (the model id's vendor prefix).
	Type string
	// Role is gen_ai.request.model.role (the role of the last input message, as Elastic writes it).
	Role string
	// Deployment is the deployment name (Azure), when it differs from the model.
	Deployment string
}

// Request is what was asked of the model.
type Request struct {
	ID        string
	Operation string // gen_ai.operation.name
	Model     Model
	Time      time.Time // gen_ai.request.timestamp

	MaxTokens        Opt[int64]
	Temperature      Opt[float64]
	TopP             Opt[float64]
	TopK             Opt[float64]
	StopSequences    []string
	Seed             Opt[int64]
	FrequencyPenalty Opt[float64]
	PresencePenalty  Opt[float64]
	ChoiceCount      Opt[int64]
	Stream           Opt[bool]
	EncodingFormats  []string
	Dimensions       Opt[int64] // gen_ai.embeddings.dimension.count
	OutputType       string     // gen_ai.output.type: text, json, image, speech
	ReasoningLevel   string
	ConversationID   string

	// SystemInstructions, InputMessages and ToolDefinitions are JSON arrays following the OTel
	// GenAI JSON schemas (gen_ai.system_instructions, gen_ai.input.messages, gen_ai.tool.definitions).
	SystemInstructions []byte
	InputMessages      []byte
	ToolDefinitions    []byte
	// Text is the plain prompt text (user-visible input), concatenated.
	Text string
	// Body is the whole request body as valid JSON text (gen_ai.prompt).
	Body []byte
	// ContentType is the body's content type.
	ContentType string
}

// Response is what the model (or the service) returned.
type Response struct {
	ID            string
	Model         string
	Time          time.Time
	FinishReasons []string
	// OutputMessages is a JSON array following the OTel schema (gen_ai.output.messages).
	OutputMessages []byte
	// Text is the plain completion text, concatenated.
	Text string
	// Body is the whole response body as valid JSON text (gen_ai.completion).
	Body        []byte
	ContentType string
	// ErrorCode is the provider's error code verbatim (AccessDeniedException, content_filter).
	ErrorCode    string
	ErrorMessage string
	// ErrorType is OTel error.type (the error code, or "_OTHER").
	ErrorType string
	// Embeddings is the number of embedding vectors returned; ImageCount the number of images.
	Embeddings Opt[int64]
	ImageCount Opt[int64]
}

// Usage counts tokens. InputTokens and OutputTokens are the provider's own counts as logged;
// the rendered OTel gen_ai.usage.input_tokens adds cache reads and writes unless
// InputIncludesCache says the provider's count already contains them.
type Usage struct {
	InputTokens        Opt[int64]
	OutputTokens       Opt[int64]
	TotalTokens        Opt[int64]
	CacheReadTokens    Opt[int64]
	CacheWriteTokens   Opt[int64]
	ReasoningTokens    Opt[int64]
	InputIncludesCache bool
	// Source says where the counts came from (UsageSourceLog, ...).
	Source string
}

// Where usage counts came from.
const (
	UsageSourceLog           = "log"            // the log record's own token counts
	UsageSourceBody          = "body"           // the response body's usage object
	UsageSourceStreamMetrics = "stream_metrics" // a stream's final invocation metrics
	UsageSourceHeader        = "headers"        // response headers
)

// EffectiveInputTokens returns the OTel input token count: the provider's input count plus
// cache reads and writes when the provider excludes them.
func (u *Usage) EffectiveInputTokens() Opt[int64] {
	if !u.InputTokens.Valid {
		return u.InputTokens
	}
	n := u.InputTokens.Value
	if !u.InputIncludesCache {
		if u.CacheReadTokens.Valid {
			n += u.CacheReadTokens.Value
		}
		if u.CacheWriteTokens.Valid {
			n += u.CacheWriteTokens.Value
		}
	}
	return Some(n)
}

// Performance holds timings (milliseconds) and sizes (bytes).
type Performance struct {
	ResponseTime      Opt[int64] // gen_ai.performance.response_time
	StartResponseTime Opt[int64] // gen_ai.performance.start_response_time (first byte)
	RequestSize       Opt[int64]
	ResponseSize      Opt[int64]
}

// Identity is who made the request, and from where.
type Identity struct {
	UserID     string // user.id
	UserName   string // user.name
	TargetName string // user.target.name
	GenAIUser  string // gen_ai.user.id
	SourceIP   string // source.ip (only a valid IP)
	UserAgent  string // user_agent.original
	// AccessKeyID is the access key used (rendered through the vendor tree where rules read it).
	AccessKeyID string
	// APIKey reports that a Bedrock API key (bearer token) was used.
	APIKey Opt[bool]
	// LongTermKey reports that a long-term access key (AKIA...) was used.
	LongTermKey Opt[bool]
}

// Cloud is cloud.*.
type Cloud struct {
	Provider    string // aws, azure
	AccountID   string
	AccountName string
	Region      string
	ServiceName string
	// InferenceRegion is where the model ran, when it differs from Region (cross-region inference).
	InferenceRegion string
}

// HTTP holds HTTP facts where the source logs them.
type HTTP struct {
	StatusCode    int64
	Method        string
	URL           string
	ServerAddress string
	APIVersion    string
}

// Warning is a non-fatal problem noticed while decoding.
type Warning struct {
	// Code is a stable identifier (WarnUnknownModelFamily, ...).
	Code string
	// Message says what and where.
	Message string
}

// The warning codes decoders use.
const (
	WarnUnknownModelFamily  = "unknown_model_family"
	WarnUnmappedStopReason  = "unmapped_stop_reason"
	WarnSchemaVersion       = "unknown_schema_version"
	WarnBodyUnreadable      = "body_unreadable"
	WarnBodyOffloaded       = "body_offloaded"
	WarnBodyTruncated       = "body_truncated"
	WarnFieldTypeUnexpected = "field_type_unexpected"
	WarnUnknownPolicy       = "unknown_guardrail_policy"
)

// Warn appends a warning.
func (e *Event) Warn(code, message string) {
	e.Warnings = append(e.Warnings, Warning{Code: code, Message: message})
}

// Truncation records that a body or value was capped.
type Truncation struct {
	// What names the capped part ("request.body", "input.image").
	What string
	// Original is the original length in bytes; Kept the kept length.
	Original int64
	Kept     int64
	// SHA256 is the hex SHA-256 of the original content.
	SHA256 string
}

// Reset clears the event for reuse, keeping slice capacity: the slices of the previous
// event (Original, Vendor, Warnings, ...) are overwritten by the next one, so copy what must
// outlive it.
func (e *Event) Reset() {
	vendor, warnings, cat, typ, assess, trunc := e.Vendor[:0], e.Warnings[:0], e.Category[:0], e.Type[:0], e.Guardrail.Assessments[:0], e.Truncations[:0]
	ids, original, units, seen := e.Guardrail.IDs[:0], e.Original[:0], e.Guardrail.Units[:0], e.Guardrail.Seen[:0]
	*e = Event{}
	e.Vendor, e.Warnings, e.Category, e.Type, e.Truncations = vendor, warnings, cat, typ, trunc
	e.Guardrail.Assessments, e.Guardrail.IDs, e.Original = assess, ids, original
	e.Guardrail.Units, e.Guardrail.Seen = units, seen
}

// SetVendor appends a vendor field; empty values are skipped.
func (e *Event) SetVendor(f *Field, v Value) {
	if v.IsEmpty() {
		return
	}
	e.Vendor = append(e.Vendor, FieldValue{Field: f, Value: v})
}
