package bedrock

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/genainorm/genainorm/bedrock/model"
	"github.com/genainorm/genainorm/genai"
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// CloudTrailFormatName is the name of the CloudTrail event format.
const CloudTrailFormatName = "bedrock.cloudtrail"

// CloudTrailOptions configure the CloudTrail event format.
type CloudTrailOptions struct {
	// AllServices normalizes the events of every AWS service (with the ECS core and the
	// aws.cloudtrail.* tree, no gen_ai view) instead of skipping those that are not about
	// Bedrock. By default only Bedrock events (event sources bedrock*.amazonaws.com), events
	// about Bedrock API keys (made by or aimed at BedrockAPIKey-* users, service-specific
	// credentials for bedrock.amazonaws.com) and events made with Bedrock AgentCore execution
	// roles (role AgentCore-* or *BedrockAgentCore*) are normalized; other events are reported
	// as skipped.
	AllServices bool
}

// NewCloudTrailFormat returns the CloudTrail event format configured by opts. It has the name
// CloudTrailFormatName, so registering it after Register replaces the default one:
//
//	bedrock.Register(reg)
//	reg.Register(bedrock.NewCloudTrailFormat(bedrock.CloudTrailOptions{AllServices: true}))
func NewCloudTrailFormat(opts CloudTrailOptions) *genai.Format {
	return &genai.Format{
		Name: CloudTrailFormatName,
		Description: "AWS CloudTrail events of Bedrock (every bedrock* event source) and of Bedrock API keys: " +
			"one event per line, CloudTrail log files ({\"Records\":[...]}), EventBridge events, " +
			"CloudWatch Logs subscription payloads",
		Detect:     detectCloudTrail,
		NewDecoder: func() genai.Decoder { return &cloudTrailDecoder{opts: opts} },
	}
}

func init() {
	formats = append(formats, NewCloudTrailFormat(CloudTrailOptions{}))
}

var (
	ctKeyEventVersion = []byte(`"eventVersion"`)
	ctKeyEventSource  = []byte(`"eventSource"`)
	ctKeyEventName    = []byte(`"eventName"`)
	ctKeyS3Schema     = []byte(`"s3SchemaVersion"`)
	ctKeyDigest       = []byte(`"digestS3Object"`)
	ctKeyDetailType   = []byte(`"detail-type"`)
	ctKeySchemaType   = []byte(`"schemaType"`)
	ctKeyBedrockSrc   = []byte(`"aws.bedrock"`)
)

// detectCloudTrail recognises one CloudTrail event (eventVersion, eventSource and eventName,
// not an S3 event notification, not a model invocation log whose prompt quotes a CloudTrail
// event), a CloudTrail digest file, and a native Bedrock EventBridge event (the last two are
// reported as skipped).
func detectCloudTrail(data []byte) bool {
	if bytes.Contains(data, ctKeySchemaType) {
		return false
	}
	if bytes.Contains(data, ctKeyEventVersion) && bytes.Contains(data, ctKeyEventSource) &&
		bytes.Contains(data, ctKeyEventName) && !bytes.Contains(data, ctKeyS3Schema) {
		return true
	}
	if bytes.Contains(data, ctKeyDigest) {
		return true
	}
	return bytes.Contains(data, ctKeyDetailType) && bytes.Contains(data, ctKeyBedrockSrc)
}

// ctString is a scalar read leniently: a string as is, a number or boolean as its JSON text,
// null as "", and an object or array as its compact JSON text.
type ctString string

func (s *ctString) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	switch dec.PeekKind() {
	case '{', '[':
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		*s = ctString(v)
		return nil
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	if tok.Kind() == 'n' {
		*s = ""
		return nil
	}
	*s = ctString(tok.String())
	return nil
}

// ctBool is a boolean read leniently: true, false, "true", "false"; anything else is absent.
type ctBool struct{ genai.Opt[bool] }

func (b *ctBool) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	switch dec.PeekKind() {
	case '{', '[':
		return dec.SkipValue()
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 't', 'f':
		b.Set(tok.Bool())
	case '"':
		switch strings.ToLower(tok.String()) {
		case "true":
			b.Set(true)
		case "false":
			b.Set(false)
		}
	}
	return nil
}

// ctRecord is one CloudTrail event (the documented record body; unknown members are ignored).
type ctRecord struct {
	EventVersion        ctString       `json:"eventVersion"`
	UserIdentity        ctUserIdentity `json:"userIdentity"`
	EventTime           ctString       `json:"eventTime"`
	EventSource         ctString       `json:"eventSource"`
	EventName           ctString       `json:"eventName"`
	AWSRegion           ctString       `json:"awsRegion"`
	SourceIPAddress     ctString       `json:"sourceIPAddress"`
	UserAgent           ctString       `json:"userAgent"`
	ErrorCode           ctString       `json:"errorCode"`
	ErrorMessage        ctString       `json:"errorMessage"`
	RequestParameters   jsontext.Value `json:"requestParameters"`
	ResponseElements    jsontext.Value `json:"responseElements"`
	AdditionalEventData jsontext.Value `json:"additionalEventData"`
	ServiceEventDetails jsontext.Value `json:"serviceEventDetails"`
	RequestID           ctString       `json:"requestID"`
	EventID             ctString       `json:"eventID"`
	ReadOnly            ctBool         `json:"readOnly"`
	EventType           ctString       `json:"eventType"`
	APIVersion          ctString       `json:"apiVersion"`
	ManagementEvent     ctBool         `json:"managementEvent"`
	RecipientAccountID  ctString       `json:"recipientAccountId"`
	SharedEventID       ctString       `json:"sharedEventID"`
	VPCEndpointID       ctString       `json:"vpcEndpointId"`
	EventCategory       ctString       `json:"eventCategory"`
	Resources           []ctResource   `json:"resources"`
	TLSDetails          struct {
		TLSVersion               ctString `json:"tlsVersion"`
		CipherSuite              ctString `json:"cipherSuite"`
		ClientProvidedHostHeader ctString `json:"clientProvidedHostHeader"`
	} `json:"tlsDetails"`
	// Digest files and EventBridge events, recognised to be skipped.
	DigestS3Object ctString `json:"digestS3Object"`
	DetailType     ctString `json:"detail-type"`
}

type ctUserIdentity struct {
	Type           ctString `json:"type"`
	PrincipalID    ctString `json:"principalId"`
	ARN            ctString `json:"arn"`
	AccountID      ctString `json:"accountId"`
	AccessKeyID    ctString `json:"accessKeyId"`
	UserName       ctString `json:"userName"`
	InvokedBy      ctString `json:"invokedBy"`
	SessionContext struct {
		SessionIssuer struct {
			Type        ctString `json:"type"`
			PrincipalID ctString `json:"principalId"`
			ARN         ctString `json:"arn"`
			AccountID   ctString `json:"accountId"`
			UserName    ctString `json:"userName"`
		} `json:"sessionIssuer"`
		Attributes struct {
			CreationDate     ctString `json:"creationDate"`
			MFAAuthenticated ctString `json:"mfaAuthenticated"`
		} `json:"attributes"`
	} `json:"sessionContext"`
}

type ctResource struct {
	ARN       ctString `json:"ARN"`
	ARNLower  ctString `json:"arn"`
	AccountID ctString `json:"accountId"`
	Type      ctString `json:"type"`
}

var ctUnmarshalOpts = json.JoinOptions(
	jsontext.AllowDuplicateNames(true),
	jsontext.AllowInvalidUTF8(true),
	json.RejectUnknownMembers(false),
)

// cloudTrailDecoder decodes CloudTrail events; it keeps no state across records.
type cloudTrailDecoder struct {
	opts CloudTrailOptions
	rec  ctRecord
}

// IsBedrockEventSource reports whether a CloudTrail eventSource belongs to Bedrock:
// bedrock.amazonaws.com, bedrock-runtime, bedrock-agent, bedrock-agent-runtime,
// bedrock-agentcore, bedrock-agentcore-control, and any other bedrock*.amazonaws.com.
func IsBedrockEventSource(source string) bool {
	return strings.HasPrefix(source, "bedrock") && strings.HasSuffix(source, ".amazonaws.com")
}

// bedrockAPIKeyUserPrefix starts the name of the IAM user behind a long-term Bedrock API key.
const bedrockAPIKeyUserPrefix = "BedrockAPIKey-"

func (d *cloudTrailDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	r := &d.rec
	*r = ctRecord{}
	if err := json.Unmarshal(rec.Data, r, ctUnmarshalOpts); err != nil {
		return fmt.Errorf("CloudTrail event: %w", err)
	}
	if r.DigestS3Object != "" {
		return genai.Skip("CloudTrail digest file")
	}
	if r.EventName == "" || r.EventSource == "" {
		if r.DetailType != "" {
			return genai.Skip(fmt.Sprintf("EventBridge event %q is not a CloudTrail event", string(r.DetailType)))
		}
		return fmt.Errorf("CloudTrail event without eventSource or eventName")
	}
	source := string(r.EventSource)
	bedrockEvent := IsBedrockEventSource(source)

	// The free-form objects, pruned as Elastic's pipeline prunes them.
	reqParams, err := parseCTValue(r.RequestParameters)
	if err != nil {
		return fmt.Errorf("CloudTrail event %s: requestParameters: %w", r.EventID, err)
	}
	respElems, err := parseCTValue(r.ResponseElements)
	if err != nil {
		return fmt.Errorf("CloudTrail event %s: responseElements: %w", r.EventID, err)
	}
	addData, err := parseCTValue(r.AdditionalEventData)
	if err != nil {
		return fmt.Errorf("CloudTrail event %s: additionalEventData: %w", r.EventID, err)
	}
	svcDetails, err := parseCTValue(r.ServiceEventDetails)
	if err != nil {
		return fmt.Errorf("CloudTrail event %s: serviceEventDetails: %w", r.EventID, err)
	}

	apiKeyEvent := !bedrockEvent && isBedrockAPIKeyEvent(r, reqParams, respElems)
	if !bedrockEvent && !apiKeyEvent && !d.opts.AllServices && !isAgentCoreRoleEvent(r) {
		return genai.Skip("CloudTrail event of " + source + " (not Bedrock; CloudTrailOptions.AllServices normalizes it)")
	}

	// ECS core.
	ev.Source.Format = CloudTrailFormatName
	ev.Source.Dataset = genai.DatasetCloudTrail
	ev.Source.Module = "aws"
	ev.Source.Operation = string(r.EventName)
	ev.Source.SchemaVersion = string(r.EventVersion)
	ev.Original = append(ev.Original[:0], rec.Data...)
	if t, ok := parseCTTime(string(r.EventTime)); ok {
		ev.Time = t
	} else if r.EventTime != "" {
		ev.Warn(genai.WarnFieldTypeUnexpected, fmt.Sprintf("eventTime %q is not a timestamp", string(r.EventTime)))
	}
	ev.Action = string(r.EventName)
	ev.Provider = source
	ev.ID = string(r.EventID)
	ev.Outcome = genai.OutcomeSuccess
	if r.ErrorCode != "" || r.ErrorMessage != "" {
		ev.Outcome = genai.OutcomeFailure
	}
	ev.Category = append(ev.Category, "api")
	if source == EventSourceIAM {
		ev.Category = append(ev.Category, "iam")
	}
	ev.Type = append(ev.Type, ctEventType(string(r.EventName)))
	if isAccessDenied(string(r.ErrorCode)) {
		ev.Type = append(ev.Type, "denied")
	}

	ui := &r.UserIdentity
	issuer := &ui.SessionContext.SessionIssuer
	id := &ev.Identity
	id.UserID = string(ui.PrincipalID)
	// Elastic's precedence: userIdentity.userName, replaced by the session issuer's userName
	// (the role name) for assumed roles.
	id.UserName = string(ui.UserName)
	if issuer.UserName != "" {
		id.UserName = string(issuer.UserName)
	}
	if n := reqParams.member("userName"); n != nil && n.kind == '"' {
		id.TargetName = n.text
	}
	id.SourceIP = string(r.SourceIPAddress) // the renderer writes source.ip only for an IP
	id.UserAgent = string(r.UserAgent)
	id.AccessKeyID = string(ui.AccessKeyID)
	switch {
	case strings.HasPrefix(id.AccessKeyID, "AKIA"):
		id.LongTermKey.Set(true)
	case strings.HasPrefix(id.AccessKeyID, "ASIA"):
		id.LongTermKey.Set(false)
	}
	if n := addData.member("callWithBearerToken"); n != nil {
		id.APIKey.Set(n.isTrue())
	}

	c := &ev.Cloud
	c.Provider = "aws"
	c.Region = string(r.AWSRegion)
	c.AccountID = string(ui.AccountID)
	if c.AccountID == "" {
		c.AccountID = string(r.RecipientAccountID)
	}
	c.ServiceName = strings.TrimSuffix(source, ".amazonaws.com")
	if bedrockEvent {
		c.ServiceName = "bedrock"
	}

	// The aws.cloudtrail.* tree.
	set := func(f *genai.Field, s ctString) { ev.SetVendor(f, genai.StringValue(string(s))) }
	set(genai.AWSCloudTrailEventVersion, r.EventVersion)
	set(genai.AWSCloudTrailEventType, r.EventType)
	set(genai.AWSCloudTrailEventCategory, r.EventCategory)
	ev.SetVendor(genai.AWSCloudTrailReadOnly, genai.BoolOpt(r.ReadOnly.Opt))
	ev.SetVendor(genai.AWSCloudTrailManagementEvent, genai.BoolOpt(r.ManagementEvent.Opt))
	set(genai.AWSCloudTrailRequestID, r.RequestID)
	set(genai.AWSCloudTrailRecipientAccountID, r.RecipientAccountID)
	set(genai.AWSCloudTrailSharedEventID, r.SharedEventID)
	set(genai.AWSCloudTrailVPCEndpointID, r.VPCEndpointID)
	set(genai.AWSCloudTrailAPIVersion, r.APIVersion)
	set(genai.AWSCloudTrailErrorCode, r.ErrorCode)
	set(genai.AWSCloudTrailErrorMessage, r.ErrorMessage)
	set(genai.AWSCloudTrailUserIdentityType, ui.Type)
	set(genai.AWSCloudTrailUserIdentityARN, ui.ARN)
	set(genai.AWSCloudTrailUserIdentityAccessKeyID, ui.AccessKeyID)
	set(genai.AWSCloudTrailUserIdentityInvokedBy, ui.InvokedBy)
	set(genai.AWSCloudTrailSessionMFAAuthenticated, ui.SessionContext.Attributes.MFAAuthenticated)
	if t, ok := parseCTTime(string(ui.SessionContext.Attributes.CreationDate)); ok {
		ev.SetVendor(genai.AWSCloudTrailSessionCreationDate, genai.TimeValue(t))
	}
	set(genai.AWSCloudTrailSessionIssuerType, issuer.Type)
	set(genai.AWSCloudTrailSessionIssuerPrincipalID, issuer.PrincipalID)
	set(genai.AWSCloudTrailSessionIssuerARN, issuer.ARN)
	set(genai.AWSCloudTrailSessionIssuerAccountID, issuer.AccountID)
	set(genai.AWSCloudTrailSessionIssuerUserName, issuer.UserName)
	setCTObject(ev, reqParams, genai.AWSCloudTrailRequestParameters, genai.AWSCloudTrailFlattenedRequestParameters)
	setCTObject(ev, respElems, genai.AWSCloudTrailResponseElements, genai.AWSCloudTrailFlattenedResponseElements)
	setCTObject(ev, addData, genai.AWSCloudTrailAdditionalEventData, genai.AWSCloudTrailFlattenedAdditionalEventData)
	setCTObject(ev, svcDetails, genai.AWSCloudTrailServiceEventDetails, genai.AWSCloudTrailFlattenedServiceEventDetails)
	if res := ctResourcesJSON(r.Resources); res != nil {
		ev.SetVendor(genai.AWSCloudTrailResources, genai.JSONValue(res))
	}
	tls := &r.TLSDetails
	if proto, ver, ok := strings.Cut(string(tls.TLSVersion), "v"); ok {
		ev.SetVendor(genai.TLSVersionProtocol, genai.StringValue(strings.ToLower(proto)))
		ev.SetVendor(genai.TLSVersion, genai.StringValue(ver))
	}
	set(genai.TLSCipher, tls.CipherSuite)
	set(genai.TLSClientServerName, tls.ClientProvidedHostHeader)

	// The documented action's stage.
	if bedrockEvent || apiKeyEvent {
		lookupSource := source
		if bedrockEvent {
			lookupSource = EventSourceBedrock
		}
		if a, ok := LookupCloudTrailAction(lookupSource, string(r.EventName)); ok {
			ev.SetVendor(genai.GenainormLLMjackingStage, genai.StringValue(string(a.Stage)))
		} else if apiKeyEvent {
			ev.SetVendor(genai.GenainormLLMjackingStage, genai.StringValue(string(StageAPIKey)))
		}
	}
	if !bedrockEvent {
		return nil
	}

	// The gen_ai view of a Bedrock event.
	ev.Source.ProviderName = genai.ProviderAWSBedrock
	ev.Source.System = "aws"
	ev.Request.ID = string(r.RequestID)
	ev.Identity.GenAIUser = string(ui.ARN)
	ev.Response.ErrorCode = string(r.ErrorCode)
	ev.Response.ErrorMessage = string(r.ErrorMessage)
	modelID := reqParams.member("modelId").str()
	if modelID == "" {
		modelID = reqParams.member("modelIdentifier").str()
	}
	if modelID == "" {
		modelID = reqParams.member("baseModelIdentifier").str()
	}
	if modelID != "" {
		ev.Request.Model = model.Parse(modelID)
	}
	ev.Request.Operation = ctOperation(string(r.EventName), &ev.Request.Model)
	if region := addData.member("inferenceRegion").str(); region != "" {
		c.InferenceRegion = region
	}
	if strings.Contains(string(r.EventName), "Guardrail") {
		if g := reqParams.member("guardrailIdentifier").str(); g != "" {
			ev.Guardrail.IDs = append(ev.Guardrail.IDs, g)
		} else if g := respElems.member("guardrailId").str(); g != "" {
			ev.Guardrail.IDs = append(ev.Guardrail.IDs, g)
		}
		ev.Guardrail.Version = reqParams.member("guardrailVersion").str()
	}
	return nil
}

// elasticKeywordLimit is the length from which Elastic's pipeline leaves out the flattened copy.
const elasticKeywordLimit = 32766

// setCTObject sets the Map.toString form of n and, when shorter than 32766 characters, its
// flattened object form.
func setCTObject(ev *genai.Event, n *ctNode, str, flat *genai.Field) {
	if n == nil {
		return
	}
	s := n.javaString(nil)
	ev.SetVendor(str, genai.StringValue(string(s)))
	if (n.kind == '{' || n.kind == '[') && javaLength(s) < elasticKeywordLimit {
		ev.SetVendor(flat, genai.JSONValue(n.appendPrunedJSON(nil)))
	}
}

// ctResourcesJSON renders resources as aws.cloudtrail.resources objects (arn, account_id,
// type), dropping duplicates as Elastic does.
func ctResourcesJSON(rs []ctResource) []byte {
	var b []byte
	seen := make(map[[3]string]bool, len(rs))
	n := 0
	for _, r := range rs {
		arn := string(r.ARN)
		if arn == "" {
			arn = string(r.ARNLower)
		}
		key := [3]string{arn, string(r.AccountID), string(r.Type)}
		if key == ([3]string{}) || seen[key] {
			continue
		}
		seen[key] = true
		if n == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		n++
		b = append(b, '{')
		m := 0
		for i, name := range []string{"arn", "account_id", "type"} {
			if key[i] == "" {
				continue
			}
			if m > 0 {
				b = append(b, ',')
			}
			m++
			b = genai.AppendJSONString(b, name)
			b = append(b, ':')
			b = genai.AppendJSONString(b, key[i])
		}
		b = append(b, '}')
	}
	if n == 0 {
		return nil
	}
	return append(b, ']')
}

// isBedrockAPIKeyEvent reports whether an event of another service is about a Bedrock API
// key: made by or aimed at a BedrockAPIKey-* IAM user, or creating or changing a
// service-specific credential for bedrock.amazonaws.com.
func isBedrockAPIKeyEvent(r *ctRecord, req, resp *ctNode) bool {
	ui := &r.UserIdentity
	if strings.HasPrefix(string(ui.UserName), bedrockAPIKeyUserPrefix) ||
		strings.HasPrefix(string(ui.SessionContext.SessionIssuer.UserName), bedrockAPIKeyUserPrefix) ||
		strings.Contains(string(ui.ARN), ":user/"+bedrockAPIKeyUserPrefix) {
		return true
	}
	if strings.HasPrefix(req.member("userName").str(), bedrockAPIKeyUserPrefix) {
		return true
	}
	if req.member("serviceName").str() == EventSourceBedrock {
		return true
	}
	cred := resp.member("serviceSpecificCredential")
	return cred.member("serviceName").str() == EventSourceBedrock ||
		strings.HasPrefix(cred.member("userName").str(), bedrockAPIKeyUserPrefix)
}

// isAgentCoreRoleEvent reports whether an event of another service was made with a Bedrock
// AgentCore execution role (a session issued by a role named AgentCore-* or *BedrockAgentCore*),
// the activity C18 watches for.
func isAgentCoreRoleEvent(r *ctRecord) bool {
	arn := string(r.UserIdentity.SessionContext.SessionIssuer.ARN)
	_, role, ok := strings.Cut(arn, ":role/")
	if !ok {
		return false
	}
	name := role[strings.LastIndexByte(role, '/')+1:]
	return strings.HasPrefix(name, "AgentCore-") || strings.Contains(role, "BedrockAgentCore")
}

// isAccessDenied reports whether an error code is an authorization failure.
func isAccessDenied(code string) bool {
	return strings.HasPrefix(code, "AccessDenied") || strings.HasPrefix(code, "Unauthorized") ||
		strings.HasPrefix(code, "Client.UnauthorizedOperation")
}

// ctEventType returns the ECS event.type of an API call, from its verb.
func ctEventType(name string) string {
	switch {
	case hasVerb(name, "Invoke", "Converse", "Retrieve", "ApplyGuardrail", "CountTokens", "StartAsyncInvoke"):
		return "access"
	case hasVerb(name, "Create", "Register", "Import"):
		return "creation"
	case hasVerb(name, "Delete", "Deregister", "Remove"):
		return "deletion"
	case hasVerb(name, "Put", "Update", "Associate", "Disassociate", "Tag", "Untag", "Attach", "Detach",
		"Set", "Enable", "Disable", "Reset", "Prepare", "Start", "Stop", "Accept"):
		return "change"
	}
	return "info"
}

func hasVerb(name string, verbs ...string) bool {
	for _, v := range verbs {
		if strings.HasPrefix(name, v) {
			return true
		}
	}
	return false
}

// ctOperation returns gen_ai.operation.name for a Bedrock inference call, "" for other calls.
func ctOperation(name string, m *genai.Model) string {
	switch name {
	case "InvokeModel", "InvokeModelWithResponseStream", "InvokeModelWithBidirectionalStream",
		"Converse", "ConverseStream", "RetrieveAndGenerate", "RetrieveAndGenerateStream":
		if strings.Contains(m.Family, "embed") || strings.Contains(m.Name, "embed") || strings.Contains(m.ID, "embed") {
			return genai.OperationEmbeddings
		}
		return genai.OperationChat
	case "ApplyGuardrail":
		return genai.OperationApplyGuardrail
	case "InvokeAgent", "InvokeInlineAgent", "InvokeAgentRuntime":
		return genai.OperationInvokeAgent
	case "Retrieve":
		return genai.OperationRetrieval
	case "StartAsyncInvoke":
		return genai.OperationGenerateContent
	}
	return ""
}

// parseCTTime parses a CloudTrail timestamp: RFC 3339 with any number of fraction digits
// (exports use 7), or the same with a space instead of the T.
func parseCTTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
