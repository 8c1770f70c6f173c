package bedrock

// CloudTrailStage names the step of an LLMjacking attack (or of Bedrock abuse in general) a
// CloudTrail action belongs to. It is written to genainorm.llmjacking.stage.
type CloudTrailStage string

// The stages of the documented action list.
const (
	// StageEnumeration: discovering which models exist, are enabled, or can be enabled.
	StageEnumeration CloudTrailStage = "enumeration"
	// StageModelAccess: enabling models (use-case form, Marketplace agreement, entitlement).
	StageModelAccess CloudTrailStage = "model_access"
	// StageLoggingTampering: checking, redirecting or deleting model invocation logging.
	StageLoggingTampering CloudTrailStage = "logging_tampering"
	// StageGuardrailTampering: weakening or removing guardrails and safety policies.
	StageGuardrailTampering CloudTrailStage = "guardrail_tampering"
	// StageInvocation: running models (where the money is spent).
	StageInvocation CloudTrailStage = "invocation"
	// StageAPIKey: creating or using Bedrock API keys and their IAM "phantom" users.
	StageAPIKey CloudTrailStage = "api_key"
	// StageResourceTampering: destroying or re-pointing custom models, provisioned throughput,
	// imported models and resource policies.
	StageResourceTampering CloudTrailStage = "resource_tampering"
	// StageAgentTampering: changing agents, action groups and knowledge bases.
	StageAgentTampering CloudTrailStage = "agent_tampering"
)

// CloudTrailAction documents one CloudTrail action that matters to a defender watching Bedrock.
type CloudTrailAction struct {
	// Name is the CloudTrail eventName (event.action).
	Name string
	// EventSource is the CloudTrail eventSource (event.provider) the action is logged under.
	EventSource string
	// Stage is the attack step the action belongs to.
	Stage CloudTrailStage
	// Meaning says what the action means for a defender.
	Meaning string
	// Rules names the public Elastic detection rules whose query matches the action.
	Rules []string
}

// Titles of the public Elastic CloudTrail rules about Bedrock (elastic/detection-rules,
// rules/integrations/aws/) named in CloudTrailActions.
const (
	RuleAutomatedReasoningTampering = "AWS Bedrock Automated Reasoning Safety Policy Tampering"
	RuleGuardrailDeletedOrWeakened  = "AWS Bedrock Guardrail Deleted or Weakened"
	RuleInvocationLoggingDisabled   = "AWS Bedrock Model Invocation Logging Disabled or Modified"
	RuleEnumerationThenInvocation   = "AWS Bedrock Foundation Model Enumeration Followed by Invocation via Long-Term Key"
	RuleDiscoveryFromVPN            = "AWS Discovery API Calls from VPN ASN for the First Time by Identity"
	RuleHighFrequencyProbing        = "AWS Bedrock High-Frequency Single-Model Inference API Probing"
	RuleAPIKeyDestructiveAction     = "AWS Bedrock API Key Used for Destructive or Anti-Recovery Action"
	RuleKnowledgeBaseTampering      = "AWS Bedrock Knowledge Base or RAG Data Source Tampering"
	RuleProvisionedThroughput       = "AWS Bedrock Provisioned Model Throughput Tampering"
	RuleAgentCreated                = "AWS Bedrock Agent Created by IAM User or Root"
	RuleAgentManipulation           = "AWS Bedrock Agent or Action Group Manipulation"
	RuleModelAccessDenied           = "AWS Bedrock Unauthorized Foundation Model Access Attempt"
	RuleModelAccessEnabled          = "AWS Bedrock Foundation Model Access Enabled or Entitlement Granted"
	RuleResourcePolicyDenied        = "AWS Bedrock Unauthorized Resource-Based Policy Modification Attempt"
	RuleResourcePolicyModified      = "AWS Bedrock Resource-Based Policy Modified or Deleted"
	RuleExternalKnowledgeBase       = "AWS Bedrock Third-Party or External Knowledge Base Associated to Agent"
	RuleUntrustedModelImported      = "AWS Bedrock Untrusted Model Imported or Marketplace Endpoint Registered"
	RulePhantomUserOutsideBedrock   = "AWS Bedrock API Key Phantom User Activity Outside Bedrock"
	RulePhantomUserCredentials      = "AWS IAM Credentials Added to a Bedrock API Key Phantom User"
)

// The event sources of the documented actions.
const (
	EventSourceBedrock = "bedrock.amazonaws.com"
	EventSourceIAM     = "iam.amazonaws.com"
)

// CloudTrailActions is the documented list of CloudTrail actions that matter for LLMjacking and
// Bedrock abuse, in attack order, with what each means for a defender and the public Elastic
// rules that match it. Every Bedrock endpoint (control plane, runtime, agents) logs under
// bedrock.amazonaws.com; AgentCore logs under bedrock-agentcore.amazonaws.com; Bedrock API keys
// are IAM objects, logged under iam.amazonaws.com. The decoder writes each listed action's stage
// to genainorm.llmjacking.stage. The docs generator renders this list into docs/FIELDS.md.
//
// A typical LLMjacking sequence, as it shows in CloudTrail:
//
//	| step | actions                                                              | tell-tale                                 |
//	|------|----------------------------------------------------------------------|-------------------------------------------|
//	| 1    | InvokeModel with an invalid body, in every region                    | ValidationException = key works           |
//	| 2    | GetModelInvocationLoggingConfiguration                                | is anyone logging prompts?                |
//	| 3    | ListFoundationModels, GetFoundationModelAvailability, ...             | AKIA key, non-SDK or browser user agent   |
//	| 4    | PutUseCaseForModelAccess, CreateFoundationModelAgreement, PutFoundationModelEntitlement | console-only APIs from a key |
//	| 5    | DeleteModelInvocationLoggingConfiguration                             | defense evasion                           |
//	| 6    | InvokeModelWithResponseStream / InvokeModel / Converse at high volume | new source IP, same access key            |
//
// The actions, by stage:
//
//	| action                                   | source | stage               | rules            |
//	|------------------------------------------|--------|---------------------|------------------|
//	| ListFoundationModels                     | bedrock| enumeration         | C4 (step 1), C5  |
//	| GetFoundationModel                       | bedrock| enumeration         |                  |
//	| GetFoundationModelAvailability           | bedrock| enumeration         |                  |
//	| ListFoundationModelAgreementOffers       | bedrock| enumeration         |                  |
//	| ListInferenceProfiles                    | bedrock| enumeration         |                  |
//	| ListProvisionedModelThroughputs          | bedrock| enumeration         |                  |
//	| GetUseCaseForModelAccess                 | bedrock| enumeration         |                  |
//	| PutUseCaseForModelAccess                 | bedrock| model_access        | C12, C13         |
//	| CreateFoundationModelAgreement           | bedrock| model_access        | C12, C13         |
//	| PutFoundationModelEntitlement            | bedrock| model_access        | C12, C13         |
//	| DeleteFoundationModelAgreement           | bedrock| model_access        |                  |
//	| GetModelInvocationLoggingConfiguration   | bedrock| logging_tampering   |                  |
//	| PutModelInvocationLoggingConfiguration   | bedrock| logging_tampering   | C3, C7           |
//	| DeleteModelInvocationLoggingConfiguration| bedrock| logging_tampering   | C3, C7           |
//	| UpdateGuardrail                          | bedrock| guardrail_tampering | C2               |
//	| DeleteGuardrail                          | bedrock| guardrail_tampering | C2, C7           |
//	| PutEnforcedGuardrailConfiguration        | bedrock| guardrail_tampering | C2               |
//	| DeleteEnforcedGuardrailConfiguration     | bedrock| guardrail_tampering | C2               |
//	| UpdateAutomatedReasoningPolicy           | bedrock| guardrail_tampering | C1               |
//	| DeleteAutomatedReasoningPolicy           | bedrock| guardrail_tampering | C1               |
//	| InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream | bedrock | invocation | C4 (step 2), C6 |
//	| InvokeModelWithBidirectionalStream, CountTokens, ApplyGuardrail, StartAsyncInvoke, CreateModelInvocationJob | bedrock | invocation | |
//	| CreateUser (BedrockAPIKey-*)             | iam    | api_key             |                  |
//	| CreateServiceSpecificCredential          | iam    | api_key             |                  |
//	| CreateAccessKey, CreateLoginProfile, UpdateLoginProfile (BedrockAPIKey-*) | iam | api_key | C20 |
//	| DeleteImportedModel, DeleteCustomModel, DeleteModelCustomizationJob, DeleteMarketplaceModelEndpoint | bedrock | resource_tampering | C7 |
//	| Create/Update/DeleteProvisionedModelThroughput | bedrock | resource_tampering | C9 (Delete: C7) |
//	| PutResourcePolicy, DeleteResourcePolicy  | bedrock| resource_tampering  | C14, C15         |
//	| CreateModelImportJob, CreateMarketplaceModelEndpoint, RegisterMarketplaceModelEndpoint | bedrock | resource_tampering | C17 |
//	| CreateAgent, UpdateAgent, action groups, aliases, collaborators | bedrock | agent_tampering | C10, C11 |
//	| knowledge bases and data sources         | bedrock| agent_tampering     | C8, C16          |
var CloudTrailActions = []CloudTrailAction{
	// Enumeration.
	{Name: "ListFoundationModels", EventSource: EventSourceBedrock, Stage: StageEnumeration, Rules: []string{RuleEnumerationThenInvocation, RuleDiscoveryFromVPN},
		Meaning: "Lists the foundation models of the region. Usually the first call made with a stolen key; from a long-term (AKIA) key and followed by invocations within minutes it is the LLMjacking pattern."},
	{Name: "GetFoundationModel", EventSource: EventSourceBedrock, Stage: StageEnumeration,
		Meaning: "Reads one model's details. Repeated over many models by a key that never used Bedrock before, it is reconnaissance."},
	{Name: "GetFoundationModelAvailability", EventSource: EventSourceBedrock, Stage: StageEnumeration,
		Meaning: "Checks whether a model is available, agreed to and entitled in the region (a console API). Called model by model by attackers choosing what to enable; from an access key rather than the console it is suspect."},
	{Name: "ListFoundationModelAgreementOffers", EventSource: EventSourceBedrock, Stage: StageEnumeration,
		Meaning: "Lists the Marketplace offers for a model; precedes CreateFoundationModelAgreement when a model is being enabled."},
	{Name: "ListInferenceProfiles", EventSource: EventSourceBedrock, Stage: StageEnumeration,
		Meaning: "Lists (cross-region) inference profiles; attackers use them to spread usage over regions and quotas."},
	{Name: "ListProvisionedModelThroughputs", EventSource: EventSourceBedrock, Stage: StageEnumeration,
		Meaning: "Lists provisioned throughput: capacity already paid for that an attacker can use."},
	{Name: "GetUseCaseForModelAccess", EventSource: EventSourceBedrock, Stage: StageEnumeration,
		Meaning: "Reads the use-case form submitted to enable Anthropic models; attackers check whether one exists (and its content shows what was submitted)."},

	// Enabling models.
	{Name: "PutUseCaseForModelAccess", EventSource: EventSourceBedrock, Stage: StageModelAccess, Rules: []string{RuleModelAccessEnabled, RuleModelAccessDenied},
		Meaning: "Submits the use-case form that enables Anthropic models. A console-only step: from an access key, or by an identity that never administers Bedrock, it is an attacker enabling models; denied, it is an attempt."},
	{Name: "CreateFoundationModelAgreement", EventSource: EventSourceBedrock, Stage: StageModelAccess, Rules: []string{RuleModelAccessEnabled, RuleModelAccessDenied},
		Meaning: "Accepts a model's Marketplace offer, enabling (and billing) a third-party model. Denied after AWS quarantined a leaked key."},
	{Name: "PutFoundationModelEntitlement", EventSource: EventSourceBedrock, Stage: StageModelAccess, Rules: []string{RuleModelAccessEnabled, RuleModelAccessDenied},
		Meaning: "Grants the account an entitlement to a model (console-internal, not in the SDK): seeing it from an access key means someone scripted the console's model-access flow."},
	{Name: "DeleteFoundationModelAgreement", EventSource: EventSourceBedrock, Stage: StageModelAccess,
		Meaning: "Removes a model agreement; after abuse, it can be cleanup."},

	// Logging tampering.
	{Name: "GetModelInvocationLoggingConfiguration", EventSource: EventSourceBedrock, Stage: StageLoggingTampering,
		Meaning: "Reads whether prompts and completions are logged. Reverse-proxy tools check it and avoid keys whose prompts are logged; from an unusual identity it is reconnaissance before abuse."},
	{Name: "PutModelInvocationLoggingConfiguration", EventSource: EventSourceBedrock, Stage: StageLoggingTampering, Rules: []string{RuleInvocationLoggingDisabled, RuleAPIKeyDestructiveAction},
		Meaning: "Changes where (and whether) model invocations are logged: redirecting or disabling text delivery blinds the defender."},
	{Name: "DeleteModelInvocationLoggingConfiguration", EventSource: EventSourceBedrock, Stage: StageLoggingTampering, Rules: []string{RuleInvocationLoggingDisabled, RuleAPIKeyDestructiveAction},
		Meaning: "Turns model invocation logging off: defense evasion right before abuse (Stratus Red Team technique bedrock-model-invocation-logging-delete)."},

	// Guardrail weakening.
	{Name: "UpdateGuardrail", EventSource: EventSourceBedrock, Stage: StageGuardrailTampering, Rules: []string{RuleGuardrailDeletedOrWeakened},
		Meaning: "Changes a guardrail's policies; lowering filter strengths (for example PROMPT_ATTACK to NONE, in request_parameters) weakens protection."},
	{Name: "DeleteGuardrail", EventSource: EventSourceBedrock, Stage: StageGuardrailTampering, Rules: []string{RuleGuardrailDeletedOrWeakened, RuleAPIKeyDestructiveAction},
		Meaning: "Deletes a guardrail: every application relying on it runs unprotected."},
	{Name: "PutEnforcedGuardrailConfiguration", EventSource: EventSourceBedrock, Stage: StageGuardrailTampering, Rules: []string{RuleGuardrailDeletedOrWeakened},
		Meaning: "Changes the guardrail the account enforces on every call."},
	{Name: "DeleteEnforcedGuardrailConfiguration", EventSource: EventSourceBedrock, Stage: StageGuardrailTampering, Rules: []string{RuleGuardrailDeletedOrWeakened},
		Meaning: "Removes the account-wide enforced guardrail."},
	{Name: "UpdateAutomatedReasoningPolicy", EventSource: EventSourceBedrock, Stage: StageGuardrailTampering, Rules: []string{RuleAutomatedReasoningTampering},
		Meaning: "Changes an Automated Reasoning safety policy used by guardrails."},
	{Name: "DeleteAutomatedReasoningPolicy", EventSource: EventSourceBedrock, Stage: StageGuardrailTampering, Rules: []string{RuleAutomatedReasoningTampering},
		Meaning: "Deletes an Automated Reasoning safety policy."},

	// Invocation.
	{Name: "InvokeModel", EventSource: EventSourceBedrock, Stage: StageInvocation, Rules: []string{RuleEnumerationThenInvocation, RuleHighFrequencyProbing},
		Meaning: "Runs a model (the request_id joins the invocation log). Bursts of failures across regions are key validation (ValidationException: the key works; AccessDenied: it does not); success from a new IP with an AKIA key after enumeration is abuse."},
	{Name: "InvokeModelWithResponseStream", EventSource: EventSourceBedrock, Stage: StageInvocation, Rules: []string{RuleEnumerationThenInvocation, RuleHighFrequencyProbing},
		Meaning: "Runs a model with a streamed response: the call reverse proxies reselling stolen access prefer."},
	{Name: "Converse", EventSource: EventSourceBedrock, Stage: StageInvocation, Rules: []string{RuleEnumerationThenInvocation, RuleHighFrequencyProbing},
		Meaning: "Runs a model through the Converse API (authorized by bedrock:InvokeModel)."},
	{Name: "ConverseStream", EventSource: EventSourceBedrock, Stage: StageInvocation, Rules: []string{RuleEnumerationThenInvocation, RuleHighFrequencyProbing},
		Meaning: "Runs a model through the streaming Converse API (authorized by bedrock:InvokeModelWithResponseStream)."},
	{Name: "InvokeModelWithBidirectionalStream", EventSource: EventSourceBedrock, Stage: StageInvocation,
		Meaning: "Runs a speech model over a bidirectional stream."},
	{Name: "CountTokens", EventSource: EventSourceBedrock, Stage: StageInvocation,
		Meaning: "Counts a prompt's tokens without running it; cheap probing of a model."},
	{Name: "ApplyGuardrail", EventSource: EventSourceBedrock, Stage: StageInvocation,
		Meaning: "Evaluates content against a guardrail (a data event, logged only with data-event selectors)."},
	{Name: "StartAsyncInvoke", EventSource: EventSourceBedrock, Stage: StageInvocation,
		Meaning: "Starts an asynchronous invocation (video and other long generations): expensive."},
	{Name: "CreateModelInvocationJob", EventSource: EventSourceBedrock, Stage: StageInvocation,
		Meaning: "Starts a batch inference job: bulk usage billed to the account; denied by AWS's quarantine policy for leaked keys."},

	// Bedrock API keys.
	{Name: "CreateUser", EventSource: EventSourceIAM, Stage: StageAPIKey,
		Meaning: "Creating a long-term Bedrock API key creates an IAM user named BedrockAPIKey-<id> (user.target.name); it should do nothing but call Bedrock."},
	{Name: "CreateServiceSpecificCredential", EventSource: EventSourceIAM, Stage: StageAPIKey,
		Meaning: "With serviceName bedrock.amazonaws.com, creates a long-term Bedrock API key (a bearer token); calls made with it carry callWithBearerToken=true in additional_eventdata."},
	{Name: "CreateAccessKey", EventSource: EventSourceIAM, Stage: StageAPIKey, Rules: []string{RulePhantomUserCredentials},
		Meaning: "An access key created for a BedrockAPIKey-* user turns the API key's phantom user into a general-purpose IAM identity (privilege escalation)."},
	{Name: "CreateLoginProfile", EventSource: EventSourceIAM, Stage: StageAPIKey, Rules: []string{RulePhantomUserCredentials},
		Meaning: "A console password for a BedrockAPIKey-* user: persistence through the API key's phantom user."},
	{Name: "UpdateLoginProfile", EventSource: EventSourceIAM, Stage: StageAPIKey, Rules: []string{RulePhantomUserCredentials},
		Meaning: "Changing a BedrockAPIKey-* user's console password: persistence through the phantom user."},

	// Destruction and supply chain.
	{Name: "DeleteImportedModel", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleAPIKeyDestructiveAction},
		Meaning: "Deletes an imported model."},
	{Name: "DeleteCustomModel", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleAPIKeyDestructiveAction},
		Meaning: "Deletes a fine-tuned model."},
	{Name: "DeleteModelCustomizationJob", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleAPIKeyDestructiveAction},
		Meaning: "Deletes a model customization job and its record."},
	{Name: "DeleteMarketplaceModelEndpoint", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleAPIKeyDestructiveAction},
		Meaning: "Deletes a Marketplace model endpoint."},
	{Name: "CreateProvisionedModelThroughput", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleProvisionedThroughput},
		Meaning: "Buys provisioned throughput: a large, committed spend."},
	{Name: "UpdateProvisionedModelThroughput", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleProvisionedThroughput},
		Meaning: "Re-points or resizes provisioned throughput."},
	{Name: "DeleteProvisionedModelThroughput", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleProvisionedThroughput, RuleAPIKeyDestructiveAction},
		Meaning: "Deletes provisioned throughput production depends on."},
	{Name: "PutResourcePolicy", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleResourcePolicyModified, RuleResourcePolicyDenied},
		Meaning: "Changes who may use a Bedrock resource (cross-account access)."},
	{Name: "DeleteResourcePolicy", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleResourcePolicyModified, RuleResourcePolicyDenied},
		Meaning: "Removes a Bedrock resource policy."},
	{Name: "CreateModelImportJob", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleUntrustedModelImported},
		Meaning: "Imports model weights from S3: an untrusted model can enter the account."},
	{Name: "CreateMarketplaceModelEndpoint", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleUntrustedModelImported},
		Meaning: "Deploys a Marketplace model on an endpoint."},
	{Name: "RegisterMarketplaceModelEndpoint", EventSource: EventSourceBedrock, Stage: StageResourceTampering, Rules: []string{RuleUntrustedModelImported},
		Meaning: "Registers a SageMaker endpoint as a Bedrock Marketplace model."},

	// Agents and knowledge bases.
	{Name: "CreateAgent", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleAgentCreated},
		Meaning: "Creates an agent; by an IAM user or root rather than a pipeline role it is unusual."},
	{Name: "UpdateAgent", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleAgentManipulation},
		Meaning: "Changes an agent's instructions, model or role."},
	{Name: "CreateAgentActionGroup", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleAgentManipulation},
		Meaning: "Gives an agent a new tool (Lambda or API): code the model can run."},
	{Name: "UpdateAgentActionGroup", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleAgentManipulation},
		Meaning: "Changes an agent's tool."},
	{Name: "AssociateAgentKnowledgeBase", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleExternalKnowledgeBase},
		Meaning: "Connects a knowledge base to an agent: new content the model trusts."},
	{Name: "UpdateKnowledgeBase", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleKnowledgeBaseTampering},
		Meaning: "Changes a knowledge base's storage or embedding model."},
	{Name: "CreateDataSource", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleKnowledgeBaseTampering},
		Meaning: "Adds a data source to a knowledge base (RAG poisoning path)."},
	{Name: "DeleteKnowledgeBase", EventSource: EventSourceBedrock, Stage: StageAgentTampering, Rules: []string{RuleKnowledgeBaseTampering},
		Meaning: "Deletes a knowledge base."},
}

// LookupCloudTrailAction returns the documented action with the given event source and name.
func LookupCloudTrailAction(eventSource, name string) (CloudTrailAction, bool) {
	a := ctActionIndex[ctActionKey{eventSource, name}]
	if a == nil {
		return CloudTrailAction{}, false
	}
	return *a, true
}

type ctActionKey struct{ source, name string }

var ctActionIndex = func() map[ctActionKey]*CloudTrailAction {
	m := make(map[ctActionKey]*CloudTrailAction, len(CloudTrailActions))
	for i := range CloudTrailActions {
		a := &CloudTrailActions[i]
		m[ctActionKey{a.EventSource, a.Name}] = a
	}
	return m
}()
