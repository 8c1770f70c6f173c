package genai

// ctSources is the Sources list of the CloudTrail vendor fields.
var ctSources = []string{SourceBedrockCloudTrail}

// The aws.cloudtrail.* vendor tree, written as Elastic's `aws` integration writes it (data stream
// logs-aws.cloudtrail-*), plus the tls.* fields CloudTrail's tlsDetails fill. Public CloudTrail
// rules about Bedrock read these names with these types (see the detection contract):
// aws.cloudtrail.user_identity.access_key_id (C4 `like "AKIA*"`), aws.cloudtrail.error_code
// (C12, C14), aws.cloudtrail.request_parameters (C6 `GROK modelId=`) and
// aws.cloudtrail.additional_eventdata (C7 `RLIKE callWithBearerToken=true`), the last two in Java
// Map.toString form.
var (
	// AWSCloudTrailEventVersion is aws.cloudtrail.event_version: The CloudTrail record format version (`eventVersion`).
	AWSCloudTrailEventVersion = Declare(Field{Name: "aws.cloudtrail.event_version", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "1.10", Description: "The CloudTrail record format version (`eventVersion`)."})
	// AWSCloudTrailEventType is aws.cloudtrail.event_type: The CloudTrail event type (`eventType`): `AwsApiCall`, `AwsServiceEvent`, `AwsConsoleSignIn`, ...
	AWSCloudTrailEventType = Declare(Field{Name: "aws.cloudtrail.event_type", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "AwsApiCall", Description: "The CloudTrail event type (`eventType`): `AwsApiCall`, `AwsServiceEvent`, `AwsConsoleSignIn`, ..."})
	// AWSCloudTrailEventCategory is aws.cloudtrail.event_category: The CloudTrail event category (`eventCategory`): `Management`, `Data`, `Insight`, `NetworkActivity`.
	AWSCloudTrailEventCategory = Declare(Field{Name: "aws.cloudtrail.event_category", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "Management", Description: "The CloudTrail event category (`eventCategory`): `Management`, `Data`, `Insight`, `NetworkActivity`."})
	// AWSCloudTrailReadOnly is aws.cloudtrail.read_only: Whether the call only read (`readOnly`).
	AWSCloudTrailReadOnly = Declare(Field{Name: "aws.cloudtrail.read_only", Type: TypeBoolean, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "true", Description: "Whether the call only read (`readOnly`)."})
	// AWSCloudTrailManagementEvent is aws.cloudtrail.management_event: Whether the event is a management event (`managementEvent`).
	AWSCloudTrailManagementEvent = Declare(Field{Name: "aws.cloudtrail.management_event", Type: TypeBoolean, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "true", Description: "Whether the event is a management event (`managementEvent`)."})
	// AWSCloudTrailRequestID is aws.cloudtrail.request_id: The service request id (`requestID`); joins a runtime call to its model invocation log record (`requestId`).
	AWSCloudTrailRequestID = Declare(Field{Name: "aws.cloudtrail.request_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "0873fdcf-2c18-413a-9288-7e9bbbb8f29d", Description: "The service request id (`requestID`); joins a runtime call to its model invocation log record (`requestId`)."})
	// AWSCloudTrailRecipientAccountID is aws.cloudtrail.recipient_account_id: The account that received the event (`recipientAccountId`).
	AWSCloudTrailRecipientAccountID = Declare(Field{Name: "aws.cloudtrail.recipient_account_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "123456789012", Description: "The account that received the event (`recipientAccountId`)."})
	// AWSCloudTrailSharedEventID is aws.cloudtrail.shared_event_id: Id shared by the copies of a cross-account event (`sharedEventID`).
	AWSCloudTrailSharedEventID = Declare(Field{Name: "aws.cloudtrail.shared_event_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "b4b9c1a2-5d3e-4f60-8a7b-9c0d1e2f3a4b", Description: "Id shared by the copies of a cross-account event (`sharedEventID`)."})
	// AWSCloudTrailVPCEndpointID is aws.cloudtrail.vpc_endpoint_id: The VPC endpoint the call came through (`vpcEndpointId`).
	AWSCloudTrailVPCEndpointID = Declare(Field{Name: "aws.cloudtrail.vpc_endpoint_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "vpce-0123456789abcdef0", Description: "The VPC endpoint the call came through (`vpcEndpointId`)."})
	// AWSCloudTrailAPIVersion is aws.cloudtrail.api_version: The API version called (`apiVersion`).
	AWSCloudTrailAPIVersion = Declare(Field{Name: "aws.cloudtrail.api_version", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "2023-04-20", Description: "The API version called (`apiVersion`)."})
	// AWSCloudTrailErrorCode is aws.cloudtrail.error_code: The error code verbatim (`errorCode`): `AccessDenied`, `AccessDeniedException`, `ValidationException`, ... C12 and C14 match it exactly.
	AWSCloudTrailErrorCode = Declare(Field{Name: "aws.cloudtrail.error_code", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "AccessDenied", Description: "The error code verbatim (`errorCode`): `AccessDenied`, `AccessDeniedException`, `ValidationException`, ... C12 and C14 match it exactly."})
	// AWSCloudTrailErrorMessage is aws.cloudtrail.error_message: The error message verbatim (`errorMessage`).
	AWSCloudTrailErrorMessage = Declare(Field{Name: "aws.cloudtrail.error_message", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "You don't have access to the model with the specified model ID.", Description: "The error message verbatim (`errorMessage`)."})

	// AWSCloudTrailUserIdentityType is aws.cloudtrail.user_identity.type: The caller's identity type (`userIdentity.type`): `IAMUser`, `AssumedRole`, `Root`, `FederatedUser`, `AWSService`, `AWSAccount`, `IdentityCenterUser`.
	AWSCloudTrailUserIdentityType = Declare(Field{Name: "aws.cloudtrail.user_identity.type", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "IAMUser", Description: "The caller's identity type (`userIdentity.type`): `IAMUser`, `AssumedRole`, `Root`, `FederatedUser`, `AWSService`, `AWSAccount`, `IdentityCenterUser`."})
	// AWSCloudTrailUserIdentityARN is aws.cloudtrail.user_identity.arn: The caller's ARN (`userIdentity.arn`).
	AWSCloudTrailUserIdentityARN = Declare(Field{Name: "aws.cloudtrail.user_identity.arn", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "arn:aws:iam::123456789012:user/dev-user", Description: "The caller's ARN (`userIdentity.arn`)."})
	// AWSCloudTrailUserIdentityAccessKeyID is aws.cloudtrail.user_identity.access_key_id: The access key used (`userIdentity.accessKeyId`): `AKIA...` long-term, `ASIA...` temporary. C4 keys its sequence on it.
	AWSCloudTrailUserIdentityAccessKeyID = Declare(Field{Name: "aws.cloudtrail.user_identity.access_key_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "AKIAIOSFODNN7EXAMPLE", Description: "The access key used (`userIdentity.accessKeyId`): `AKIA...` long-term, `ASIA...` temporary. C4 keys its sequence on it."})
	// AWSCloudTrailUserIdentityInvokedBy is aws.cloudtrail.user_identity.invoked_by: The AWS service that made the call on the caller's behalf (`userIdentity.invokedBy`).
	AWSCloudTrailUserIdentityInvokedBy = Declare(Field{Name: "aws.cloudtrail.user_identity.invoked_by", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "bedrock.amazonaws.com", Description: "The AWS service that made the call on the caller's behalf (`userIdentity.invokedBy`)."})
	// AWSCloudTrailSessionMFAAuthenticated is aws.cloudtrail.user_identity.session_context.mfa_authenticated: Whether the session was MFA-authenticated, as logged (`"true"`/`"false"`).
	AWSCloudTrailSessionMFAAuthenticated = Declare(Field{Name: "aws.cloudtrail.user_identity.session_context.mfa_authenticated", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "false", Description: "Whether the session was MFA-authenticated, as logged (`\"true\"`/`\"false\"`)."})
	// AWSCloudTrailSessionCreationDate is aws.cloudtrail.user_identity.session_context.creation_date: When the temporary credentials were issued.
	AWSCloudTrailSessionCreationDate = Declare(Field{Name: "aws.cloudtrail.user_identity.session_context.creation_date", Type: TypeDate, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "2024-10-29T14:29:03.000Z", Description: "When the temporary credentials were issued."})
	// AWSCloudTrailSessionIssuerType is aws.cloudtrail.user_identity.session_context.session_issuer.type: The session issuer's type (`Role`, `IAMUser`, `Root`).
	AWSCloudTrailSessionIssuerType = Declare(Field{Name: "aws.cloudtrail.user_identity.session_context.session_issuer.type", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "Role", Description: "The session issuer's type (`Role`, `IAMUser`, `Root`)."})
	// AWSCloudTrailSessionIssuerARN is aws.cloudtrail.user_identity.session_context.session_issuer.arn: The ARN of the role (or user) that issued the session. C18 matches AgentCore roles on it.
	AWSCloudTrailSessionIssuerARN = Declare(Field{Name: "aws.cloudtrail.user_identity.session_context.session_issuer.arn", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "arn:aws:iam::123456789012:role/app-role", Description: "The ARN of the role (or user) that issued the session. C18 matches AgentCore roles on it."})
	// AWSCloudTrailSessionIssuerPrincipalID is aws.cloudtrail.user_identity.session_context.session_issuer.principal_id: The session issuer's principal id.
	AWSCloudTrailSessionIssuerPrincipalID = Declare(Field{Name: "aws.cloudtrail.user_identity.session_context.session_issuer.principal_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "AROAEXAMPLEID", Description: "The session issuer's principal id."})
	// AWSCloudTrailSessionIssuerAccountID is aws.cloudtrail.user_identity.session_context.session_issuer.account_id: The session issuer's account.
	AWSCloudTrailSessionIssuerAccountID = Declare(Field{Name: "aws.cloudtrail.user_identity.session_context.session_issuer.account_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "123456789012", Description: "The session issuer's account."})
	// AWSCloudTrailSessionIssuerUserName is aws.cloudtrail.user_identity.session_context.session_issuer.user_name: The session issuer's name (the role name); also written to `user.name`, as Elastic does.
	AWSCloudTrailSessionIssuerUserName = Declare(Field{Name: "aws.cloudtrail.user_identity.session_context.session_issuer.user_name", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "app-role", Description: "The session issuer's name (the role name); also written to `user.name`, as Elastic does."})

	// AWSCloudTrailRequestParameters is aws.cloudtrail.request_parameters: `requestParameters` in Java Map.toString form, exactly as Elastic's pipeline writes it: `{modelId=anthropic.claude-3-haiku-20240307-v1:0}` (not JSON). C6 GROKs `modelId=` out of it.
	AWSCloudTrailRequestParameters = Declare(Field{Name: "aws.cloudtrail.request_parameters", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{modelId=anthropic.claude-3-haiku-20240307-v1:0}", Description: "`requestParameters` in Java Map.toString form, exactly as Elastic's pipeline writes it: `{modelId=anthropic.claude-3-haiku-20240307-v1:0}` (not JSON). C6 GROKs `modelId=` out of it."})
	// AWSCloudTrailResponseElements is aws.cloudtrail.response_elements: `responseElements` in Java Map.toString form.
	AWSCloudTrailResponseElements = Declare(Field{Name: "aws.cloudtrail.response_elements", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{guardrailId=abc123def456, version=DRAFT}", Description: "`responseElements` in Java Map.toString form."})
	// AWSCloudTrailAdditionalEventData is aws.cloudtrail.additional_eventdata: `additionalEventData` in Java Map.toString form: `{callWithBearerToken=true, inferenceRegion=us-west-2}`. C7 matches `callWithBearerToken=true` in it.
	AWSCloudTrailAdditionalEventData = Declare(Field{Name: "aws.cloudtrail.additional_eventdata", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{callWithBearerToken=true}", Description: "`additionalEventData` in Java Map.toString form: `{callWithBearerToken=true, inferenceRegion=us-west-2}`. C7 matches `callWithBearerToken=true` in it."})
	// AWSCloudTrailServiceEventDetails is aws.cloudtrail.service_event_details: `serviceEventDetails` in Java Map.toString form.
	AWSCloudTrailServiceEventDetails = Declare(Field{Name: "aws.cloudtrail.service_event_details", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{jobStatus=Completed}", Description: "`serviceEventDetails` in Java Map.toString form."})
	// AWSCloudTrailFlattenedRequestParameters is aws.cloudtrail.flattened.request_parameters: `requestParameters` as an object (null and empty values dropped, as Elastic does; left out when the string form reaches 32766 characters).
	AWSCloudTrailFlattenedRequestParameters = Declare(Field{Name: "aws.cloudtrail.flattened.request_parameters", Type: TypeFlattened, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{\"modelId\":\"anthropic.claude-3-haiku-20240307-v1:0\"}", Description: "`requestParameters` as an object (null and empty values dropped, as Elastic does; left out when the string form reaches 32766 characters)."})
	// AWSCloudTrailFlattenedResponseElements is aws.cloudtrail.flattened.response_elements: `responseElements` as an object.
	AWSCloudTrailFlattenedResponseElements = Declare(Field{Name: "aws.cloudtrail.flattened.response_elements", Type: TypeFlattened, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{\"guardrailId\":\"abc123def456\"}", Description: "`responseElements` as an object."})
	// AWSCloudTrailFlattenedAdditionalEventData is aws.cloudtrail.flattened.additional_eventdata: `additionalEventData` as an object.
	AWSCloudTrailFlattenedAdditionalEventData = Declare(Field{Name: "aws.cloudtrail.flattened.additional_eventdata", Type: TypeFlattened, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{\"callWithBearerToken\":true}", Description: "`additionalEventData` as an object."})
	// AWSCloudTrailFlattenedServiceEventDetails is aws.cloudtrail.flattened.service_event_details: `serviceEventDetails` as an object.
	AWSCloudTrailFlattenedServiceEventDetails = Declare(Field{Name: "aws.cloudtrail.flattened.service_event_details", Type: TypeFlattened, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "{\"jobStatus\":\"Completed\"}", Description: "`serviceEventDetails` as an object."})

	// AWSCloudTrailResources is aws.cloudtrail.resources: The resources the event names (`resources`), de-duplicated.
	AWSCloudTrailResources = Declare(Field{Name: "aws.cloudtrail.resources", Type: TypeObject, Array: true, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "[{\"arn\":\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0\",\"type\":\"AWS::Bedrock::FoundationModel\"}]", Description: "The resources the event names (`resources`), de-duplicated."})
	// AWSCloudTrailResourcesARN is aws.cloudtrail.resources.arn: A resource's ARN.
	AWSCloudTrailResourcesARN = Declare(Field{Name: "aws.cloudtrail.resources.arn", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123def456", Description: "A resource's ARN."})
	// AWSCloudTrailResourcesType is aws.cloudtrail.resources.type: A resource's type.
	AWSCloudTrailResourcesType = Declare(Field{Name: "aws.cloudtrail.resources.type", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "AWS::Bedrock::Guardrail", Description: "A resource's type."})
	// AWSCloudTrailResourcesAccountID is aws.cloudtrail.resources.account_id: A resource's account.
	AWSCloudTrailResourcesAccountID = Declare(Field{Name: "aws.cloudtrail.resources.account_id", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "123456789012", Description: "A resource's account."})

	// TLSVersion is tls.version: TLS version of the call (`tlsDetails.tlsVersion` without the protocol).
	TLSVersion = Declare(Field{Name: "tls.version", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: ctSources, Example: "1.3", Description: "TLS version of the call (`tlsDetails.tlsVersion` without the protocol)."})
	// TLSVersionProtocol is tls.version_protocol: TLS protocol, lower case (`tls`).
	TLSVersionProtocol = Declare(Field{Name: "tls.version_protocol", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: ctSources, Example: "tls", Description: "TLS protocol, lower case (`tls`)."})
	// TLSCipher is tls.cipher: TLS cipher suite (`tlsDetails.cipherSuite`).
	TLSCipher = Declare(Field{Name: "tls.cipher", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: ctSources, Example: "TLS_AES_128_GCM_SHA256", Description: "TLS cipher suite (`tlsDetails.cipherSuite`)."})
	// TLSClientServerName is tls.client.server_name: The endpoint host the client asked for (`tlsDetails.clientProvidedHostHeader`): tells the runtime endpoint (`bedrock-runtime.<region>.amazonaws.com`) from the control plane (`bedrock.<region>.amazonaws.com`).
	TLSClientServerName = Declare(Field{Name: "tls.client.server_name", Type: TypeKeyword, Status: StatusECS, Profiles: ProfileAll, Sources: ctSources, Example: "bedrock-runtime.us-east-1.amazonaws.com", Description: "The endpoint host the client asked for (`tlsDetails.clientProvidedHostHeader`): tells the runtime endpoint (`bedrock-runtime.<region>.amazonaws.com`) from the control plane (`bedrock.<region>.amazonaws.com`)."})

	// GenainormLLMjackingStage is genainorm.llmjacking.stage: The LLMjacking stage a Bedrock CloudTrail action belongs to (see the CloudTrail action list): `enumeration`, `model_access`, `logging_tampering`, `guardrail_tampering`, `invocation`, `api_key`, `resource_tampering`, `agent_tampering`.
	GenainormLLMjackingStage = Declare(Field{Name: "genainorm.llmjacking.stage", Type: TypeKeyword, Status: StatusExtension, Profiles: ProfileAll, Sources: ctSources, Example: "logging_tampering", Description: "The LLMjacking stage a Bedrock CloudTrail action belongs to (see the CloudTrail action list): `enumeration`, `model_access`, `logging_tampering`, `guardrail_tampering`, `invocation`, `api_key`, `resource_tampering`, `agent_tampering`."})
)
