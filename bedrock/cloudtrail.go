package bedrock

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unsafe"

	"github.com/genainorm/genainorm/bedrock/model"
	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
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

// Keys the envelope detectors look for.
var (
	ctKeyS3Schema   = []byte(`"s3SchemaVersion"`)
	ctKeyDetailType = []byte(`"detail-type"`)
)

// detectCloudTrail recognises one CloudTrail event (eventVersion, eventSource and eventName,
// not an S3 event notification, not a model invocation log whose prompt quotes a CloudTrail
// event), a CloudTrail digest file, and a native Bedrock EventBridge event (the last two are
// reported as skipped): it looks for the quoted words "schemaType", "eventVersion",
// "eventSource", "eventName", "s3SchemaVersion", "digestS3Object", "detail-type" and
// "aws.bedrock" anywhere in the record, in an order that settles most records with few
// searches.
func detectCloudTrail(data []byte) bool {
	// Model invocation logs start with their schemaType.
	if ctHasWord(data[:min(len(data), ctHeadWindow)], ctWordSchemaType) {
		return false
	}
	if !ctHasWord(data, ctWordEventVersion) && !ctHasWord(data, ctWordDigest) && !ctHasWord(data, ctWordDetailType) {
		return false
	}
	if ctHasWord(data, ctWordSchemaType) {
		return false
	}
	if ctHasWord(data, ctWordEventSource) && ctHasWord(data, ctWordEventName) && !ctHasWord(data, ctWordS3Schema) {
		return true
	}
	if ctHasWord(data, ctWordDigest) {
		return true
	}
	return ctHasWord(data, ctWordDetailType) && ctHasWord(data, ctWordBedrockSrc)
}

// ctHeadWindow is how far into a record detectCloudTrail first looks for "schemaType".
const ctHeadWindow = 256

// A ctWord is a quoted word detectCloudTrail looks for: text, and the length of the prefix
// before its anchor, the rest of it, which starts with a byte seldom seen in logs (an
// upper-case letter, '-', '.'), so that searching for it skips ahead quickly.
type ctWord struct {
	text   string
	prefix int
}

var (
	ctWordSchemaType   = ctWord{`"schemaType"`, len(`"schema`)}
	ctWordEventVersion = ctWord{`"eventVersion"`, len(`"event`)}
	ctWordEventSource  = ctWord{`"eventSource"`, len(`"event`)}
	ctWordEventName    = ctWord{`"eventName"`, len(`"event`)}
	ctWordS3Schema     = ctWord{`"s3SchemaVersion"`, len(`"s3`)}
	ctWordDigest       = ctWord{`"digestS3Object"`, len(`"digestS3`)}
	ctWordDetailType   = ctWord{`"detail-type"`, len(`"detail`)}
	ctWordBedrockSrc   = ctWord{`"aws.bedrock"`, len(`"aws`)}
)

// ctHasWord reports whether data holds w.
func ctHasWord(data []byte, w ctWord) bool {
	anchor, prefix := w.text[w.prefix:], w.text[:w.prefix]
	for i := w.prefix; i < len(data); i++ {
		j := strings.Index(view(data[i:]), anchor)
		if j < 0 {
			return false
		}
		i += j
		if view(data[i-w.prefix:i]) == prefix {
			return true
		}
	}
	return false
}

// SWAR constants: every byte 0x01, every byte 0x80.
const (
	ctLSB = 0x0101010101010101
	ctMSB = 0x8080808080808080
)

// ctRecord is one CloudTrail event (the documented record body; unknown members are ignored),
// read leniently: a scalar member holds a string's text, a number's or boolean's JSON text, ""
// for null, or an object's or array's JSON text. Its strings are views of the decoder's arena.
type ctRecord struct {
	EventVersion        string
	UserIdentity        ctUserIdentity
	EventTime           string
	EventSource         string
	EventName           string
	AWSRegion           string
	SourceIPAddress     string
	UserAgent           string
	ErrorCode           string
	ErrorMessage        string
	RequestParameters   ctObject
	ResponseElements    ctObject
	AdditionalEventData ctObject
	ServiceEventDetails ctObject
	RequestID           string
	EventID             string
	ReadOnly            genai.Opt[bool]
	EventType           string
	APIVersion          string
	ManagementEvent     genai.Opt[bool]
	RecipientAccountID  string
	SharedEventID       string
	VPCEndpointID       string
	EventCategory       string
	Resources           []ctResource
	TLSDetails          ctTLSDetails
	// Digest files and EventBridge events, recognised to be skipped.
	DigestS3Object string
	DetailType     string
}

// ctObject is a free-form member (requestParameters, ...) parsed into the arena.
type ctObject struct {
	val  int32 // ctNone when absent, null or empty
	deep bool  // nested deeper than maxCTDepth
}

type ctUserIdentity struct {
	Type           string
	PrincipalID    string
	ARN            string
	AccountID      string
	AccessKeyID    string
	UserName       string
	InvokedBy      string
	SessionContext ctSessionContext
}

type ctSessionContext struct {
	SessionIssuer ctSessionIssuer
	Attributes    ctSessionAttributes
}

type ctSessionIssuer struct {
	Type        string
	PrincipalID string
	ARN         string
	AccountID   string
	UserName    string
}

type ctSessionAttributes struct {
	CreationDate     string
	MFAAuthenticated string
}

type ctTLSDetails struct {
	TLSVersion               string
	CipherSuite              string
	ClientProvidedHostHeader string
}

type ctResource struct {
	ARN       string // "ARN"
	ARNLower  string // "arn"
	AccountID string
	Type      string
}

// cloudTrailDecoder decodes CloudTrail events; it keeps no state across records but reused
// buffers.
type cloudTrailDecoder struct {
	opts  CloudTrailOptions
	rec   ctRecord
	arena ctArena
	dec   jsonscan.Decoder
	seen  map[[3]string]bool // resources already rendered, for long resources lists
}

// read parses data into d.rec, as the json package would unmarshal it into such structs
// (names matched exactly after unquoting, the last of repeated members winning, members of
// repeated objects merged, null zeroing an object), with no reflection: a member switch over
// the token stream. The free-form objects are parsed into the arena on the way.
func (d *cloudTrailDecoder) read(data []byte) error {
	a := &d.arena
	dec := &d.dec
	dec.Reset(a.begin(data))
	r := &d.rec
	res := r.Resources[:0]
	*r = ctRecord{}
	r.Resources = res
	r.RequestParameters.val = ctNone
	r.ResponseElements.val = ctNone
	r.AdditionalEventData.val = ctNone
	r.ServiceEventDetails.val = ctNone
	if null, err := openObject(dec, "record"); err != nil || null {
		if err == nil {
			err = endOfRecord(dec, data)
		}
		return err
	}
	for {
		name, more, err := a.nextName(dec)
		if err != nil {
			return err
		}
		if !more {
			return endOfRecord(dec, data)
		}
		switch name {
		case "eventVersion":
			r.EventVersion, err = a.text(dec)
		case "userIdentity":
			err = d.readUserIdentity(&r.UserIdentity)
		case "eventTime":
			r.EventTime, err = a.text(dec)
		case "eventSource":
			r.EventSource, err = a.text(dec)
		case "eventName":
			r.EventName, err = a.text(dec)
		case "awsRegion":
			r.AWSRegion, err = a.text(dec)
		case "sourceIPAddress":
			r.SourceIPAddress, err = a.text(dec)
		case "userAgent":
			r.UserAgent, err = a.text(dec)
		case "errorCode":
			r.ErrorCode, err = a.text(dec)
		case "errorMessage":
			r.ErrorMessage, err = a.text(dec)
		case "requestParameters":
			err = a.readObject(dec, &r.RequestParameters)
		case "responseElements":
			err = a.readObject(dec, &r.ResponseElements)
		case "additionalEventData":
			err = a.readObject(dec, &r.AdditionalEventData)
		case "serviceEventDetails":
			err = a.readObject(dec, &r.ServiceEventDetails)
		case "requestID":
			r.RequestID, err = a.text(dec)
		case "eventID":
			r.EventID, err = a.text(dec)
		case "readOnly":
			err = a.readBool(dec, &r.ReadOnly)
		case "eventType":
			r.EventType, err = a.text(dec)
		case "apiVersion":
			r.APIVersion, err = a.text(dec)
		case "managementEvent":
			err = a.readBool(dec, &r.ManagementEvent)
		case "recipientAccountId":
			r.RecipientAccountID, err = a.text(dec)
		case "sharedEventID":
			r.SharedEventID, err = a.text(dec)
		case "vpcEndpointId":
			r.VPCEndpointID, err = a.text(dec)
		case "eventCategory":
			r.EventCategory, err = a.text(dec)
		case "resources":
			err = d.readResources()
		case "tlsDetails":
			err = d.readTLSDetails(&r.TLSDetails)
		case "digestS3Object":
			r.DigestS3Object, err = a.text(dec)
		case "detail-type":
			r.DetailType, err = a.text(dec)
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return err
		}
	}
}

// endOfRecord reports data left after the record's value.
func endOfRecord(dec *jsonscan.Decoder, data []byte) error {
	off := int(dec.InputOffset())
	if len(bytes.TrimLeft(data[off:], " \t\r\n")) != 0 {
		return fmt.Errorf("data after the record's JSON value at offset %d", off)
	}
	return nil
}

// openObject reads the start of an object member of a record (what names it), or null
// (reported as true).
func openObject(dec *jsonscan.Decoder, what string) (null bool, err error) {
	off := dec.InputOffset()
	tok, err := dec.ReadToken()
	if err != nil {
		return false, err
	}
	switch tok.Kind() {
	case '{':
		return false, nil
	case 'n':
		return true, nil
	}
	return false, fmt.Errorf("%s is a JSON %v, not an object (offset %d)", what, tok.Kind(), off)
}

// eachMember reads the object at dec (what names it in errors) and calls fn with each member
// name; fn reads or skips the value. A null clears the target (clear); another kind of value
// is an error.
func (d *cloudTrailDecoder) eachMember(what string, clear func(), fn func(name string) error) error {
	a, dec := &d.arena, &d.dec
	if null, err := openObject(dec, what); err != nil || null {
		clear()
		return err
	}
	for {
		name, more, err := a.nextName(dec)
		if err != nil || !more {
			return err
		}
		if err := fn(name); err != nil {
			return err
		}
	}
}

// nextName reads the next member name of an object, or its end (more is false).
func (a *ctArena) nextName(dec *jsonscan.Decoder) (name string, more bool, err error) {
	tok, err := dec.ReadToken()
	if err != nil || tok.Kind() == '}' {
		return "", false, err
	}
	v := tok.Raw()
	if inner := v[1 : len(v)-1]; plainASCII(inner) {
		return view(inner), true, nil
	}
	return a.unquote(v), true, nil
}

// readBool reads a boolean leniently into o: true, false, "true", "false" in any case;
// anything else leaves o as it was.
func (a *ctArena) readBool(dec *jsonscan.Decoder, o *genai.Opt[bool]) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	switch v[0] {
	case 't':
		o.Set(true)
	case 'f':
		o.Set(false)
	case '"':
		s := v[1 : len(v)-1]
		if bytes.IndexByte(s, '\\') >= 0 {
			u := a.unquote(v)
			s = unsafe.Slice(unsafe.StringData(u), len(u))
		}
		switch {
		case asciiFold(s, "true"):
			o.Set(true)
		case asciiFold(s, "false"):
			o.Set(false)
		}
	}
	return nil
}

// asciiFold reports whether b equals the lower-case ASCII word w but for the case of its
// letters. (Unicode folding would also take "ſ" for "s", which strings.ToLower does not.)
func asciiFold(b []byte, w string) bool {
	if len(b) != len(w) {
		return false
	}
	for i := range len(b) {
		if b[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// readObject parses a free-form member into the arena.
func (a *ctArena) readObject(dec *jsonscan.Decoder, o *ctObject) error {
	a.deep = false
	v, err := a.parse(dec, 0)
	o.val, o.deep = v, a.deep
	return err
}

func (d *cloudTrailDecoder) readUserIdentity(ui *ctUserIdentity) error {
	a, dec := &d.arena, &d.dec
	return d.eachMember("userIdentity", func() { *ui = ctUserIdentity{} }, func(name string) (err error) {
		switch name {
		case "type":
			ui.Type, err = a.text(dec)
		case "principalId":
			ui.PrincipalID, err = a.text(dec)
		case "arn":
			ui.ARN, err = a.text(dec)
		case "accountId":
			ui.AccountID, err = a.text(dec)
		case "accessKeyId":
			ui.AccessKeyID, err = a.text(dec)
		case "userName":
			ui.UserName, err = a.text(dec)
		case "invokedBy":
			ui.InvokedBy, err = a.text(dec)
		case "sessionContext":
			err = d.readSessionContext(&ui.SessionContext)
		default:
			err = dec.SkipValue()
		}
		return err
	})
}

func (d *cloudTrailDecoder) readSessionContext(sc *ctSessionContext) error {
	dec := &d.dec
	return d.eachMember("userIdentity.sessionContext", func() { *sc = ctSessionContext{} }, func(name string) (err error) {
		switch name {
		case "sessionIssuer":
			err = d.readSessionIssuer(&sc.SessionIssuer)
		case "attributes":
			err = d.readSessionAttributes(&sc.Attributes)
		default:
			err = dec.SkipValue()
		}
		return err
	})
}

func (d *cloudTrailDecoder) readSessionIssuer(si *ctSessionIssuer) error {
	a, dec := &d.arena, &d.dec
	return d.eachMember("userIdentity.sessionContext.sessionIssuer", func() { *si = ctSessionIssuer{} }, func(name string) (err error) {
		switch name {
		case "type":
			si.Type, err = a.text(dec)
		case "principalId":
			si.PrincipalID, err = a.text(dec)
		case "arn":
			si.ARN, err = a.text(dec)
		case "accountId":
			si.AccountID, err = a.text(dec)
		case "userName":
			si.UserName, err = a.text(dec)
		default:
			err = dec.SkipValue()
		}
		return err
	})
}

func (d *cloudTrailDecoder) readSessionAttributes(at *ctSessionAttributes) error {
	a, dec := &d.arena, &d.dec
	return d.eachMember("userIdentity.sessionContext.attributes", func() { *at = ctSessionAttributes{} }, func(name string) (err error) {
		switch name {
		case "creationDate":
			at.CreationDate, err = a.text(dec)
		case "mfaAuthenticated":
			at.MFAAuthenticated, err = a.text(dec)
		default:
			err = dec.SkipValue()
		}
		return err
	})
}

func (d *cloudTrailDecoder) readTLSDetails(t *ctTLSDetails) error {
	a, dec := &d.arena, &d.dec
	return d.eachMember("tlsDetails", func() { *t = ctTLSDetails{} }, func(name string) (err error) {
		switch name {
		case "tlsVersion":
			t.TLSVersion, err = a.text(dec)
		case "cipherSuite":
			t.CipherSuite, err = a.text(dec)
		case "clientProvidedHostHeader":
			t.ClientProvidedHostHeader, err = a.text(dec)
		default:
			err = dec.SkipValue()
		}
		return err
	})
}

// readResources reads the resources array (null empties it); each element is an object or null.
func (d *cloudTrailDecoder) readResources() error {
	a, dec, r := &d.arena, &d.dec, &d.rec
	r.Resources = r.Resources[:0]
	off := dec.InputOffset()
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	switch tok.Kind() {
	case 'n':
		return nil
	case '[':
	default:
		return fmt.Errorf("resources is a JSON %v, not an array (offset %d)", tok.Kind(), off)
	}
	for dec.PeekKind() != ']' {
		r.Resources = append(r.Resources, ctResource{})
		res := &r.Resources[len(r.Resources)-1]
		if null, err := openObject(dec, "resources[]"); err != nil || null {
			if err != nil {
				return err
			}
			continue
		}
		for {
			name, more, err := a.nextName(dec)
			if err != nil {
				return err
			}
			if !more {
				break
			}
			switch name {
			case "ARN":
				res.ARN, err = a.text(dec)
			case "arn":
				res.ARNLower, err = a.text(dec)
			case "accountId":
				res.AccountID, err = a.text(dec)
			case "type":
				res.Type, err = a.text(dec)
			default:
				err = dec.SkipValue()
			}
			if err != nil {
				return err
			}
		}
	}
	_, err = dec.ReadToken()
	return err
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
	r, a := &d.rec, &d.arena
	if err := d.read(rec.Data); err != nil {
		return fmt.Errorf("CloudTrail event: %w", err)
	}
	if r.DigestS3Object != "" {
		return genai.Skip("CloudTrail digest file")
	}
	if r.EventName == "" || r.EventSource == "" {
		if r.DetailType != "" {
			return genai.Skip(fmt.Sprintf("EventBridge event %q is not a CloudTrail event", r.DetailType))
		}
		return fmt.Errorf("CloudTrail event without eventSource or eventName")
	}
	source := r.EventSource
	bedrockEvent := IsBedrockEventSource(source)

	// The free-form objects, pruned as Elastic's pipeline prunes them.
	for _, o := range []struct {
		name string
		obj  *ctObject
	}{
		{"requestParameters", &r.RequestParameters},
		{"responseElements", &r.ResponseElements},
		{"additionalEventData", &r.AdditionalEventData},
		{"serviceEventDetails", &r.ServiceEventDetails},
	} {
		if o.obj.deep {
			return fmt.Errorf("CloudTrail event %s: %s: %w", r.EventID, o.name, errCTTooDeep)
		}
	}
	reqParams, respElems := r.RequestParameters.val, r.ResponseElements.val
	addData, svcDetails := r.AdditionalEventData.val, r.ServiceEventDetails.val

	apiKeyEvent := !bedrockEvent && isBedrockAPIKeyEvent(a, r, reqParams, respElems)
	if !bedrockEvent && !apiKeyEvent && !d.opts.AllServices && !isAgentCoreRoleEvent(r) {
		return genai.Skip("CloudTrail event of " + source + " (not Bedrock; CloudTrailOptions.AllServices normalizes it)")
	}

	// ECS core.
	ev.Source.Format = CloudTrailFormatName
	ev.Source.Dataset = genai.DatasetCloudTrail
	ev.Source.Module = "aws"
	ev.Source.Operation = r.EventName
	ev.Source.SchemaVersion = r.EventVersion
	ev.Original = append(ev.Original[:0], rec.Data...)
	if t, ok := parseCTTime(r.EventTime); ok {
		ev.Time = t
	} else if r.EventTime != "" {
		ev.Warn(genai.WarnFieldTypeUnexpected, fmt.Sprintf("eventTime %q is not a timestamp", r.EventTime))
	}
	ev.Action = r.EventName
	ev.Provider = source
	ev.ID = r.EventID
	ev.Outcome = genai.OutcomeSuccess
	if r.ErrorCode != "" || r.ErrorMessage != "" {
		ev.Outcome = genai.OutcomeFailure
	}
	ev.Category = append(ev.Category, "api")
	if source == EventSourceIAM {
		ev.Category = append(ev.Category, "iam")
	}
	ev.Type = append(ev.Type, ctEventType(r.EventName))
	if isAccessDenied(r.ErrorCode) {
		ev.Type = append(ev.Type, "denied")
	}

	ui := &r.UserIdentity
	issuer := &ui.SessionContext.SessionIssuer
	id := &ev.Identity
	id.UserID = ui.PrincipalID
	// Elastic's precedence: userIdentity.userName, replaced by the session issuer's userName
	// (the role name) for assumed roles.
	id.UserName = ui.UserName
	if issuer.UserName != "" {
		id.UserName = issuer.UserName
	}
	if n := a.member(reqParams, "userName"); a.kind(n) == '"' {
		id.TargetName = a.vals[n].text
	}
	id.SourceIP = r.SourceIPAddress // the renderer writes source.ip only for an IP
	id.UserAgent = r.UserAgent
	id.AccessKeyID = ui.AccessKeyID
	switch {
	case strings.HasPrefix(id.AccessKeyID, "AKIA"):
		id.LongTermKey.Set(true)
	case strings.HasPrefix(id.AccessKeyID, "ASIA"):
		id.LongTermKey.Set(false)
	}
	if n := a.member(addData, "callWithBearerToken"); n != ctNone {
		id.APIKey.Set(a.isTrue(n))
	}

	c := &ev.Cloud
	c.Provider = "aws"
	c.Region = r.AWSRegion
	c.AccountID = ui.AccountID
	if c.AccountID == "" {
		c.AccountID = r.RecipientAccountID
	}
	c.ServiceName = strings.TrimSuffix(source, ".amazonaws.com")
	if bedrockEvent {
		c.ServiceName = "bedrock"
	}

	// The aws.cloudtrail.* tree.
	set := func(f *genai.Field, s string) { ev.SetVendor(f, genai.StringValue(s)) }
	set(genai.AWSCloudTrailEventVersion, r.EventVersion)
	set(genai.AWSCloudTrailEventType, r.EventType)
	set(genai.AWSCloudTrailEventCategory, r.EventCategory)
	ev.SetVendor(genai.AWSCloudTrailReadOnly, genai.BoolOpt(r.ReadOnly))
	ev.SetVendor(genai.AWSCloudTrailManagementEvent, genai.BoolOpt(r.ManagementEvent))
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
	if t, ok := parseCTTime(ui.SessionContext.Attributes.CreationDate); ok {
		ev.SetVendor(genai.AWSCloudTrailSessionCreationDate, genai.TimeValue(t))
	}
	set(genai.AWSCloudTrailSessionIssuerType, issuer.Type)
	set(genai.AWSCloudTrailSessionIssuerPrincipalID, issuer.PrincipalID)
	set(genai.AWSCloudTrailSessionIssuerARN, issuer.ARN)
	set(genai.AWSCloudTrailSessionIssuerAccountID, issuer.AccountID)
	set(genai.AWSCloudTrailSessionIssuerUserName, issuer.UserName)
	a.setObject(ev, reqParams, genai.AWSCloudTrailRequestParameters, genai.AWSCloudTrailFlattenedRequestParameters)
	a.setObject(ev, respElems, genai.AWSCloudTrailResponseElements, genai.AWSCloudTrailFlattenedResponseElements)
	a.setObject(ev, addData, genai.AWSCloudTrailAdditionalEventData, genai.AWSCloudTrailFlattenedAdditionalEventData)
	a.setObject(ev, svcDetails, genai.AWSCloudTrailServiceEventDetails, genai.AWSCloudTrailFlattenedServiceEventDetails)
	if res := d.resourcesJSON(); res != nil {
		ev.SetVendor(genai.AWSCloudTrailResources, genai.JSONValue(res))
	}
	tls := &r.TLSDetails
	if proto, ver, ok := strings.Cut(tls.TLSVersion, "v"); ok {
		if proto == "TLS" {
			proto = "tls" // what strings.ToLower makes of it, without allocating
		} else {
			proto = strings.ToLower(proto)
		}
		ev.SetVendor(genai.TLSVersionProtocol, genai.StringValue(proto))
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
		if act, ok := LookupCloudTrailAction(lookupSource, r.EventName); ok {
			ev.SetVendor(genai.GenainormLLMjackingStage, genai.StringValue(string(act.Stage)))
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
	ev.Request.ID = r.RequestID
	ev.Identity.GenAIUser = ui.ARN
	ev.Response.ErrorCode = r.ErrorCode
	ev.Response.ErrorMessage = r.ErrorMessage
	modelID := a.str(a.member(reqParams, "modelId"))
	if modelID == "" {
		modelID = a.str(a.member(reqParams, "modelIdentifier"))
	}
	if modelID == "" {
		modelID = a.str(a.member(reqParams, "baseModelIdentifier"))
	}
	if modelID != "" {
		ev.Request.Model = model.Parse(modelID)
	}
	ev.Request.Operation = ctOperation(r.EventName, &ev.Request.Model)
	if region := a.str(a.member(addData, "inferenceRegion")); region != "" {
		c.InferenceRegion = region
	}
	if strings.Contains(r.EventName, "Guardrail") {
		if g := a.str(a.member(reqParams, "guardrailIdentifier")); g != "" {
			ev.Guardrail.IDs = append(ev.Guardrail.IDs, g)
		} else if g := a.str(a.member(respElems, "guardrailId")); g != "" {
			ev.Guardrail.IDs = append(ev.Guardrail.IDs, g)
		}
		ev.Guardrail.Version = a.str(a.member(reqParams, "guardrailVersion"))
	}
	return nil
}

// elasticKeywordLimit is the length from which Elastic's pipeline leaves out the flattened copy.
const elasticKeywordLimit = 32766

// setObject sets the Map.toString form of value i and, when shorter than 32766 characters,
// its flattened object form; both are written to the arena.
func (a *ctArena) setObject(ev *genai.Event, i int32, str, flat *genai.Field) {
	if i == ctNone {
		return
	}
	start := len(a.buf)
	a.buf = a.javaString(a.buf, i)
	s := a.buf[start:]
	ev.SetVendor(str, genai.StringValue(view(s)))
	// A Java length is at most the UTF-8 length.
	if k := a.vals[i].kind; (k == '{' || k == '[') && (len(s) < elasticKeywordLimit || javaLength(s) < elasticKeywordLimit) {
		start = len(a.buf)
		a.buf = a.appendPrunedJSON(a.buf, i)
		ev.SetVendor(flat, genai.JSONValue(a.buf[start:len(a.buf):len(a.buf)]))
	}
}

// ctSeenMapFrom is the number of resources from which duplicates are found with a map rather
// than by looking back.
const ctSeenMapFrom = 16

// resourcesJSON renders the record's resources as aws.cloudtrail.resources objects (arn,
// account_id, type), dropping duplicates as Elastic does, into the arena; nil when none is left.
func (d *cloudTrailDecoder) resourcesJSON() []byte {
	rs := d.rec.Resources
	if len(rs) == 0 {
		return nil
	}
	a := &d.arena
	key := func(r *ctResource) [3]string {
		arn := r.ARN
		if arn == "" {
			arn = r.ARNLower
		}
		return [3]string{arn, r.AccountID, r.Type}
	}
	if len(rs) >= ctSeenMapFrom {
		if d.seen == nil {
			d.seen = make(map[[3]string]bool)
		}
		clear(d.seen)
	}
	start := len(a.buf)
	b := a.buf
	n := 0
	for i := range rs {
		k := key(&rs[i])
		if k == ([3]string{}) {
			continue
		}
		dup := false
		if len(rs) >= ctSeenMapFrom {
			dup = d.seen[k]
			d.seen[k] = true
		} else {
			for j := range i {
				if key(&rs[j]) == k {
					dup = true
					break
				}
			}
		}
		if dup {
			continue
		}
		if n == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		n++
		b = append(b, '{')
		m := 0
		for f, name := range [3]string{"arn", "account_id", "type"} {
			if k[f] == "" {
				continue
			}
			if m > 0 {
				b = append(b, ',')
			}
			m++
			b = genai.AppendJSONString(b, name)
			b = append(b, ':')
			b = genai.AppendJSONString(b, k[f])
		}
		b = append(b, '}')
	}
	if n == 0 {
		return nil
	}
	a.buf = append(b, ']')
	return a.buf[start:len(a.buf):len(a.buf)]
}

// isBedrockAPIKeyEvent reports whether an event of another service is about a Bedrock API
// key: made by or aimed at a BedrockAPIKey-* IAM user, or creating or changing a
// service-specific credential for bedrock.amazonaws.com.
func isBedrockAPIKeyEvent(a *ctArena, r *ctRecord, req, resp int32) bool {
	ui := &r.UserIdentity
	if strings.HasPrefix(ui.UserName, bedrockAPIKeyUserPrefix) ||
		strings.HasPrefix(ui.SessionContext.SessionIssuer.UserName, bedrockAPIKeyUserPrefix) ||
		strings.Contains(ui.ARN, ":user/"+bedrockAPIKeyUserPrefix) {
		return true
	}
	if strings.HasPrefix(a.str(a.member(req, "userName")), bedrockAPIKeyUserPrefix) {
		return true
	}
	if a.str(a.member(req, "serviceName")) == EventSourceBedrock {
		return true
	}
	cred := a.member(resp, "serviceSpecificCredential")
	return a.str(a.member(cred, "serviceName")) == EventSourceBedrock ||
		strings.HasPrefix(a.str(a.member(cred, "userName")), bedrockAPIKeyUserPrefix)
}

// isAgentCoreRoleEvent reports whether an event of another service was made with a Bedrock
// AgentCore execution role (a session issued by a role named AgentCore-* or *BedrockAgentCore*),
// the activity C18 watches for.
func isAgentCoreRoleEvent(r *ctRecord) bool {
	arn := r.UserIdentity.SessionContext.SessionIssuer.ARN
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
