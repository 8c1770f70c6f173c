// Code generated once from a table, then maintained by hand.

package genai

import semconv "go.opentelemetry.io/otel/semconv/v1.41.0"

// ECS core fields written on every kind of document.
var (
	// Timestamp is @timestamp: When the event happened: the provider record's own timestamp.
	Timestamp = Declare(Field{Name: "@timestamp", Type: TypeDate, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "2024-04-18T22:54:57.000Z", Description: "When the event happened: the provider record's own timestamp."})
	// EventKind is event.kind: `event` for a normalized record, `pipeline_error` for a record that could not be normalized.
	EventKind = Declare(Field{Name: "event.kind", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "event", Description: "`event` for a normalized record, `pipeline_error` for a record that could not be normalized."})
	// EventCategory is event.category: ECS event categories.
	EventCategory = Declare(Field{Name: "event.category", Type: TypeKeyword, Array: true, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "[\"api\"]", Description: "ECS event categories."})
	// EventType is event.type: ECS event types.
	EventType = Declare(Field{Name: "event.type", Type: TypeKeyword, Array: true, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "[\"access\"]", Description: "ECS event types."})
	// EventAction is event.action: The provider's operation verbatim: Bedrock `operation`, CloudTrail `eventName`, Azure `operationName`.
	EventAction = Declare(Field{Name: "event.action", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway}, Example: "InvokeModel", Description: "The provider's operation verbatim: Bedrock `operation`, CloudTrail `eventName`, Azure `operationName`."})
	// EventOutcome is event.outcome: `success` or `failure`; `failure` on a provider error or a guardrail / content-filter intervention.
	EventOutcome = Declare(Field{Name: "event.outcome", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "failure", Description: "`success` or `failure`; `failure` on a provider error or a guardrail / content-filter intervention."})
	// EventDataset is event.dataset: The dataset: `aws_bedrock.invocation`, `aws.cloudtrail` or `azure_openai.logs`.
	EventDataset = Declare(Field{Name: "event.dataset", Type: TypeConstantKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "aws_bedrock.invocation", Description: "The dataset: `aws_bedrock.invocation`, `aws.cloudtrail` or `azure_openai.logs`."})
	// EventModule is event.module: The module: `aws_bedrock`, `aws` or `azure_openai`.
	EventModule = Declare(Field{Name: "event.module", Type: TypeConstantKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "aws_bedrock", Description: "The module: `aws_bedrock`, `aws` or `azure_openai`."})
	// EventProvider is event.provider: The service that produced the event (CloudTrail `eventSource` verbatim).
	EventProvider = Declare(Field{Name: "event.provider", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "bedrock.amazonaws.com", Description: "The service that produced the event (CloudTrail `eventSource` verbatim)."})
	// EventID is event.id: The provider's own event id.
	EventID = Declare(Field{Name: "event.id", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "4a1c0c8e-1b7b-4bb2-8d6b-6f6b3a1d2f10", Description: "The provider's own event id."})
	// EventIngested is event.ingested: When the event was normalized for indexing; Elastic rules use it as their timestamp override.
	EventIngested = Declare(Field{Name: "event.ingested", Type: TypeDate, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "2024-04-18T22:55:03.120Z", Description: "When the event was normalized for indexing; Elastic rules use it as their timestamp override."})
	// EventOriginal is event.original: The raw record. Always on error documents; on other documents when asked for (`--keep-original`). Not indexed.
	EventOriginal = Declare(Field{Name: "event.original", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "{\"schemaType\":\"ModelInvocationLog\",...}", NoIndex: true, Description: "The raw record. Always on error documents; on other documents when asked for (`--keep-original`). Not indexed."})
	// EventDuration is event.duration: Duration of the request in nanoseconds.
	EventDuration = Declare(Field{Name: "event.duration", Type: TypeLong, Status: StatusECS, Profiles: ProfileECS, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "2455000000", Description: "Duration of the request in nanoseconds."})
	// DataStreamType is data_stream.type: Always `logs`.
	DataStreamType = Declare(Field{Name: "data_stream.type", Type: TypeConstantKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "logs", Description: "Always `logs`."})
	// DataStreamDataset is data_stream.dataset: The data stream's dataset; equals `event.dataset`.
	DataStreamDataset = Declare(Field{Name: "data_stream.dataset", Type: TypeConstantKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "aws_bedrock.invocation", Description: "The data stream's dataset; equals `event.dataset`."})
	// DataStreamNamespace is data_stream.namespace: The data stream's namespace.
	DataStreamNamespace = Declare(Field{Name: "data_stream.namespace", Type: TypeConstantKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "default", Description: "The data stream's namespace."})
	// ECSVersion is ecs.version: The ECS version the document follows.
	ECSVersion = Declare(Field{Name: "ecs.version", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "9.1.0", Description: "The ECS version the document follows."})
	// ErrorMessage is error.message: Why the record could not be normalized (error documents), or the provider's error message.
	ErrorMessage = Declare(Field{Name: "error.message", Type: TypeMatchOnlyText, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "invalid JSON at line 3", Description: "Why the record could not be normalized (error documents), or the provider's error message."})
	// ErrorCode is error.code: The provider's error code verbatim.
	ErrorCode = Declare(Field{Name: "error.code", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "ValidationException", Description: "The provider's error code verbatim."})
	// ErrorType is error.type: OTel `error.type`: the error class (the provider's code, or `_OTHER`).
	ErrorType = Declare(Field{Name: "error.type", Type: TypeKeyword, OTel: semconv.ErrorTypeKey, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "ValidationException", Description: "OTel `error.type`: the error class (the provider's code, or `_OTHER`)."})
	// LogFilePath is log.file.path: The input the record was read from.
	LogFilePath = Declare(Field{Name: "log.file.path", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "invocation.log", Description: "The input the record was read from."})
	// LogOffset is log.offset: Byte offset of the record's top-level value in the (decompressed) input.
	LogOffset = Declare(Field{Name: "log.offset", Type: TypeLong, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "10423", Description: "Byte offset of the record's top-level value in the (decompressed) input."})
	// CloudProvider is cloud.provider: `aws` or `azure`.
	CloudProvider = Declare(Field{Name: "cloud.provider", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "aws", Description: "`aws` or `azure`."})
	// CloudAccountID is cloud.account.id: AWS account id (invocation `accountId`, CloudTrail `recipientAccountId`/`userIdentity.accountId`); Azure subscription id.
	CloudAccountID = Declare(Field{Name: "cloud.account.id", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway}, Example: "123456789012", Description: "AWS account id (invocation `accountId`, CloudTrail `recipientAccountId`/`userIdentity.accountId`); Azure subscription id."})
	// CloudRegion is cloud.region: The region (AWS `region`/`awsRegion`, Azure `location`).
	CloudRegion = Declare(Field{Name: "cloud.region", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "us-east-1", Description: "The region (AWS `region`/`awsRegion`, Azure `location`)."})
	// CloudServiceName is cloud.service.name: The cloud service: `bedrock`, `openai`.
	CloudServiceName = Declare(Field{Name: "cloud.service.name", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "bedrock", Description: "The cloud service: `bedrock`, `openai`."})
	// UserID is user.id: Invocation logs: the caller ARN (`identity.arn`), as Elastic rules expect. CloudTrail: `userIdentity.principalId`. Azure: the caller object id.
	UserID = Declare(Field{Name: "user.id", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "arn:aws:iam::123456789012:user/alice", Description: "Invocation logs: the caller ARN (`identity.arn`), as Elastic rules expect. CloudTrail: `userIdentity.principalId`. Azure: the caller object id."})
	// UserName is user.name: The user name (CloudTrail: session issuer name for assumed roles, else `userIdentity.userName`).
	UserName = Declare(Field{Name: "user.name", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "alice", Description: "The user name (CloudTrail: session issuer name for assumed roles, else `userIdentity.userName`)."})
	// UserTargetName is user.target.name: The user an action was aimed at (CloudTrail `requestParameters.userName`).
	UserTargetName = Declare(Field{Name: "user.target.name", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail}, Example: "BedrockAPIKey-abcd", Description: "The user an action was aimed at (CloudTrail `requestParameters.userName`)."})
	// SourceIP is source.ip: The caller's IP address (only when the source is an IP address).
	SourceIP = Declare(Field{Name: "source.ip", Type: TypeIP, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway}, Example: "203.0.113.7", Description: "The caller's IP address (only when the source is an IP address)."})
	// SourceAddress is source.address: The caller address as logged (an IP address or a service name).
	SourceAddress = Declare(Field{Name: "source.address", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway}, Example: "bedrock.amazonaws.com", Description: "The caller address as logged (an IP address or a service name)."})
	// UserAgentOriginal is user_agent.original: The caller's user agent.
	UserAgentOriginal = Declare(Field{Name: "user_agent.original", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail, SourceAzureGateway}, Example: "Boto3/1.34.1 md/Botocore#1.34.1", Description: "The caller's user agent."})
	// RelatedIP is related.ip: Every IP address in the event.
	RelatedIP = Declare(Field{Name: "related.ip", Type: TypeIP, Array: true, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockCloudTrail, SourceAzureResourceLog, SourceAzureGateway}, Example: "[\"203.0.113.7\"]", Description: "Every IP address in the event."})
	// RelatedUser is related.user: Every user identifier in the event.
	RelatedUser = Declare(Field{Name: "related.user", Type: TypeKeyword, Array: true, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceBedrockInvocation, SourceBedrockCloudTrail, SourceAzureResourceLog}, Example: "[\"alice\"]", Description: "Every user identifier in the event."})
	// HTTPResponseStatusCode is http.response.status_code: The HTTP status code.
	HTTPResponseStatusCode = Declare(Field{Name: "http.response.status_code", Type: TypeLong, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAzureResourceLog, SourceAzureGateway, SourceAzureResponse}, Example: "200", Description: "The HTTP status code."})
	// HTTPRequestMethod is http.request.method: The HTTP method.
	HTTPRequestMethod = Declare(Field{Name: "http.request.method", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAzureResourceLog, SourceAzureGateway}, Example: "POST", Description: "The HTTP method."})
	// HTTPRequestBodyBytes is http.request.body.bytes: Request body size in bytes.
	HTTPRequestBodyBytes = Declare(Field{Name: "http.request.body.bytes", Type: TypeLong, Status: StatusECS, Profiles: ProfileECS, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "2310", Description: "Request body size in bytes."})
	// HTTPResponseBodyBytes is http.response.body.bytes: Response body size in bytes.
	HTTPResponseBodyBytes = Declare(Field{Name: "http.response.body.bytes", Type: TypeLong, Status: StatusECS, Profiles: ProfileECS, Sources: []string{SourceBedrockInvocation, SourceAzureResourceLog, SourceAzureGateway}, Example: "1650", Description: "Response body size in bytes."})
	// URLOriginal is url.original: The request URL.
	URLOriginal = Declare(Field{Name: "url.original", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAzureGateway}, Example: "https://my-apim.azure-api.net/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", Description: "The request URL."})
	// ServerAddress is server.address: The service endpoint host.
	ServerAddress = Declare(Field{Name: "server.address", Type: TypeKeyword, OTel: semconv.ServerAddressKey, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAzureGateway, SourceAzureResourceLog}, Example: "my-resource.openai.azure.com", Description: "The service endpoint host."})
	// Tags is tags: Tags.
	Tags = Declare(Field{Name: "tags", Type: TypeKeyword, Array: true, Status: StatusECS, Profiles: ProfileAll, Sources: []string{SourceAll}, Example: "[\"genainorm\"]", Description: "Tags."})
)
