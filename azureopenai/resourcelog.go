package azureopenai

import (
	"fmt"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

// The format names this package registers.
const (
	FormatResourceLog = "azureopenai.resource_log"
	FormatGateway     = "azureopenai.gateway"
	FormatGatewayLLM  = "azureopenai.gateway_llm"
	FormatResponse    = "azureopenai.response"
	FormatStream      = "azureopenai.stream"
)

func init() {
	formats = append(formats, &genai.Format{
		Name:        FormatResourceLog,
		Description: "Azure Monitor resource logs of Azure OpenAI / AI Foundry accounts (Audit, RequestResponse, AzureOpenAIRequestUsage, Trace): Event Hub, storage blob or Log Analytics rows",
		Detect:      detectResourceLog,
		NewDecoder:  func() genai.Decoder { return new(resourceLogDecoder) },
	})
}

func detectResourceLog(data []byte) bool {
	// Plain searches: the needles' leading quote keeps bytes.Index fast on big records of other
	// formats, where a shared core (containsVariants) starting with a letter was slower.
	return containsAny(data, `"category"`, `"Category"`) &&
		containsAny(data, `"resourceId"`, `"_ResourceId"`, `"ResourceId"`, `"resourceID"`) &&
		containsAny(data, `"operationName"`, `"OperationName"`)
}

// resourceRecord is one Azure Monitor resource-log record in the top-level common schema
// (Event Hub, storage) or as a Log Analytics AzureDiagnostics row. Names match
// case-insensitively, ignoring underscores ("_ResourceId", "CallerIPAddress", "DurationMs").
type resourceRecord struct {
	Time              flexString     `json:"time,case:ignore"`
	TimeGenerated     flexString     `json:"TimeGenerated,case:ignore"`
	ResourceID        flexString     `json:"resourceId,case:ignore"`
	Category          flexString     `json:"category,case:ignore"`
	OperationName     flexString     `json:"operationName,case:ignore"`
	ResultType        flexString     `json:"resultType,case:ignore"`
	ResultSignature   flexString     `json:"resultSignature,case:ignore"`
	ResultDescription flexString     `json:"resultDescription,case:ignore"`
	DurationMs        flexInt        `json:"durationMs,case:ignore"`
	CallerIPAddress   flexString     `json:"callerIpAddress,case:ignore"`
	CorrelationID     flexString     `json:"correlationId,case:ignore"`
	Identity          jsontext.Value `json:"identity,case:ignore"`
	Level             flexString     `json:"level,case:ignore"`
	Location          flexString     `json:"location,case:ignore"`
	Tenant            flexString     `json:"Tenant,case:ignore"`
	TenantID          flexString     `json:"tenantId,case:ignore"`
	Event             flexString     `json:"event,case:ignore"`
	EventS            flexString     `json:"event_s,case:strict"`
	AssetIdentity     flexString     `json:"AssetIdentity,case:ignore"`
	Properties        jsontext.Value `json:"properties,case:ignore"`
	PropertiesS       flexString     `json:"properties_s,case:strict"`
	// Log Analytics columns.
	ObjectIDClaim flexString `json:"identity_claim_http_schemas_microsoft_com_identity_claims_objectidentifier_g,case:strict"`
	UPNClaim      flexString `json:"identity_claim_http_schemas_xmlsoap_org_ws_2005_05_identity_claims_upn_s,case:strict"`
}

// resourceProps is the "properties" object of Cognitive Services records.
type resourceProps struct {
	APIName             flexString `json:"apiName,case:ignore"`
	RequestTime         flexInt    `json:"requestTime,case:ignore"`
	ResponseTime        flexInt    `json:"responseTime,case:ignore"`
	RequestLength       flexInt    `json:"requestLength,case:ignore"`
	ResponseLength      flexInt    `json:"responseLength,case:ignore"`
	ObjectID            flexString `json:"objectId,case:ignore"`
	CallerObjectID      flexString `json:"callerObjectId,case:ignore"`
	StreamType          flexString `json:"streamType,case:ignore"`
	ModelDeploymentName flexString `json:"modelDeploymentName,case:ignore"`
	ModelName           flexString `json:"modelName,case:ignore"`
	ModelVersion        flexString `json:"modelVersion,case:ignore"`
	PromptTokens        flexInt    `json:"promptTokens,case:ignore"`
	CompletionTokens    flexInt    `json:"completionTokens,case:ignore"`
	GeneratedTokens     flexInt    `json:"generatedTokens,case:ignore"`
	CachedTokens        flexInt    `json:"cachedTokens,case:ignore"`
	TotalTokens         flexInt    `json:"totalTokens,case:ignore"`
}

// identityClaims is the "identity" blob of a resource-log record.
type identityClaims struct {
	Claim struct {
		ObjectID    flexString `json:"http://schemas.microsoft.com/identity/claims/objectidentifier,case:strict"`
		OID         flexString `json:"oid,case:strict"`
		UPN         flexString `json:"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn,case:strict"`
		UPNShort    flexString `json:"upn,case:strict"`
		Name        flexString `json:"name,case:strict"`
		AppID       flexString `json:"appid,case:strict"`
		IPAddr      flexString `json:"ipaddr,case:strict"`
		IPAddrClaim flexString `json:"http://schemas.microsoft.com/claims/ipaddr,case:strict"`
	} `json:"claim,case:ignore"`
}

// member reads one member of a resource-log record into r; it reports whether the name is
// one of r's.
func (r *resourceRecord) member(s *objScan) (bool, error) {
	v := s.val
	switch s.name { // the case:strict names
	case "event_s":
		return true, r.EventS.set(v)
	case "properties_s":
		return true, r.PropertiesS.set(v)
	case "identity_claim_http_schemas_microsoft_com_identity_claims_objectidentifier_g":
		return true, r.ObjectIDClaim.set(v)
	case "identity_claim_http_schemas_xmlsoap_org_ws_2005_05_identity_claims_upn_s":
		return true, r.UPNClaim.set(v)
	}
	var err error
	switch s.fold {
	case "TIME":
		err = r.Time.set(v)
	case "TIMEGENERATED":
		err = r.TimeGenerated.set(v)
	case "RESOURCEID":
		err = r.ResourceID.set(v)
	case "CATEGORY":
		err = r.Category.set(v)
	case "OPERATIONNAME":
		err = r.OperationName.set(v)
	case "RESULTTYPE":
		err = r.ResultType.set(v)
	case "RESULTSIGNATURE":
		err = r.ResultSignature.set(v)
	case "RESULTDESCRIPTION":
		err = r.ResultDescription.set(v)
	case "DURATIONMS":
		r.DurationMs.set(v)
	case "CALLERIPADDRESS":
		err = r.CallerIPAddress.set(v)
	case "CORRELATIONID":
		err = r.CorrelationID.set(v)
	case "IDENTITY":
		r.Identity = v
	case "LEVEL":
		err = r.Level.set(v)
	case "LOCATION":
		err = r.Location.set(v)
	case "TENANT":
		err = r.Tenant.set(v)
	case "TENANTID":
		err = r.TenantID.set(v)
	case "EVENT":
		err = r.Event.set(v)
	case "ASSETIDENTITY":
		err = r.AssetIdentity.set(v)
	case "PROPERTIES":
		r.Properties = v
	default:
		return false, nil
	}
	return true, err
}

// scan reads the members of the record data into r (see objScan).
func (r *resourceRecord) scan(s *objScan, data []byte) error {
	_, err := r.scanAll(s, nil, nil, data)
	return err
}

// scanAll reads the record data into r and, when p is not nil and the record's properties
// are an object, the properties into p on the way (with the scan sub), as p.scan would read
// them after; propsRead reports that.
func (r *resourceRecord) scanAll(s, sub *objScan, p *resourceProps, data []byte) (propsRead bool, err error) {
	if !s.reset(data) {
		return false, s.err
	}
	for s.nextName() {
		if p != nil && s.fold == "PROPERTIES" {
			if propsRead {
				return false, errSlow // a second properties member replaces the first
			}
			if d := s.d(); d.PeekKind() == '{' {
				start := d.InputOffset()
				if !sub.enter(s) {
					return false, errSlow
				}
				if err := p.members(sub); err != nil {
					return false, err
				}
				r.Properties = data[start:d.InputOffset()]
				propsRead = true
				continue
			}
		}
		if !s.value() {
			break
		}
		if _, err := r.member(s); err != nil {
			return false, err
		}
	}
	return propsRead, s.err
}

// scan reads the properties object data into p (see objScan).
func (p *resourceProps) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	return p.members(s)
}

// members reads the members of the properties object s is in.
func (p *resourceProps) members(s *objScan) error {
	for s.next() {
		v := s.val
		var err error
		switch s.fold {
		case "APINAME":
			err = p.APIName.set(v)
		case "REQUESTTIME":
			p.RequestTime.set(v)
		case "RESPONSETIME":
			p.ResponseTime.set(v)
		case "REQUESTLENGTH":
			p.RequestLength.set(v)
		case "RESPONSELENGTH":
			p.ResponseLength.set(v)
		case "OBJECTID":
			err = p.ObjectID.set(v)
		case "CALLEROBJECTID":
			err = p.CallerObjectID.set(v)
		case "STREAMTYPE":
			err = p.StreamType.set(v)
		case "MODELDEPLOYMENTNAME":
			err = p.ModelDeploymentName.set(v)
		case "MODELNAME":
			err = p.ModelName.set(v)
		case "MODELVERSION":
			err = p.ModelVersion.set(v)
		case "PROMPTTOKENS":
			p.PromptTokens.set(v)
		case "COMPLETIONTOKENS":
			p.CompletionTokens.set(v)
		case "GENERATEDTOKENS":
			p.GeneratedTokens.set(v)
		case "CACHEDTOKENS":
			p.CachedTokens.set(v)
		case "TOTALTOKENS":
			p.TotalTokens.set(v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

// scan reads an identity blob into ic (see objScan).
func (ic *identityClaims) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	var claim jsontext.Value
	for s.next() {
		if s.fold == "CLAIM" {
			switch s.val.Kind() {
			case 'n':
				ic.Claim = identityClaims{}.Claim
				claim = nil
			case '{':
				if claim != nil {
					return errSlow // a repeated claim object merges into the first
				}
				claim = s.val
			default:
				return errSlow
			}
		}
	}
	if s.err != nil || claim == nil {
		return s.err
	}
	c := &ic.Claim
	if !s.reset(claim) {
		return s.err
	}
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "http://schemas.microsoft.com/identity/claims/objectidentifier":
			err = c.ObjectID.set(v)
		case "oid":
			err = c.OID.set(v)
		case "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":
			err = c.UPN.set(v)
		case "upn":
			err = c.UPNShort.set(v)
		case "name":
			err = c.Name.set(v)
		case "appid":
			err = c.AppID.set(v)
		case "ipaddr":
			err = c.IPAddr.set(v)
		case "http://schemas.microsoft.com/claims/ipaddr":
			err = c.IPAddrClaim.set(v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

type resourceLogDecoder struct {
	scan, sub objScan
}

// Decode normalizes one resource-log record.
func (d *resourceLogDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	var r resourceRecord
	var p resourceProps
	propsRead, err := r.scanAll(&d.scan, &d.sub, &p, rec.Data)
	if err != nil {
		r, p, propsRead = resourceRecord{}, resourceProps{}, false
		if err := unmarshal(rec.Data, &r); err != nil {
			return fmt.Errorf("azure resource log: %w", err)
		}
	}
	if props := propertiesBytes(r.Properties, string(r.PropertiesS)); len(props) > 0 && !propsRead {
		if p.scan(&d.scan, props) != nil {
			p = resourceProps{}
			if err := unmarshal(props, &p); err != nil {
				ev.Warn(genai.WarnFieldTypeUnexpected, "azure resource log: properties could not be read: "+err.Error())
			}
		}
	}
	op := string(r.OperationName)
	source(ev, op)
	ev.Original = append(ev.Original[:0], rec.Data...)
	ev.Action = op
	ev.Category = append(ev.Category, "api")
	ev.Type = append(ev.Type, "access")
	commonRecord(ev, &r)

	// Timing: the tick times are exact; durationMs can be negative.
	reqT, okReq := TicksTime(p.RequestTime.Value)
	respT, okResp := TicksTime(p.ResponseTime.Value)
	if p.RequestTime.Valid && okReq {
		ev.Request.Time = reqT
	}
	if p.ResponseTime.Valid && okResp {
		ev.Response.Time = respT
	}
	switch {
	case p.RequestTime.Valid && p.ResponseTime.Valid && okReq && okResp && p.ResponseTime.Value >= p.RequestTime.Value:
		ev.Performance.ResponseTime.Set((p.ResponseTime.Value - p.RequestTime.Value) / 1e4)
	case r.DurationMs.Valid && r.DurationMs.Value >= 0:
		ev.Performance.ResponseTime.Set(r.DurationMs.Value)
	case r.DurationMs.Valid:
		ev.Warn(genai.WarnFieldTypeUnexpected, fmt.Sprintf("azure resource log: negative durationMs %d ignored", r.DurationMs.Value))
	}
	if p.RequestLength.Valid {
		ev.Performance.RequestSize.Set(p.RequestLength.Value)
	}
	if p.ResponseLength.Valid {
		ev.Performance.ResponseSize.Set(p.ResponseLength.Value)
	}

	// Model call facts.
	ev.Request.Operation = OperationName(op)
	setModel(ev, string(p.ModelDeploymentName), string(p.ModelName), string(p.ModelVersion))
	ev.Response.Model = string(p.ModelName)
	switch lower(string(p.StreamType)) {
	case "streaming":
		ev.Request.Stream.Set(true)
	case "non-streaming", "nonstreaming":
		ev.Request.Stream.Set(false)
	}
	ev.HTTP.APIVersion = apiVersionFromName(string(p.APIName))

	// Identity.
	uid := firstNonEmpty(string(p.CallerObjectID), string(p.ObjectID), string(r.ObjectIDClaim))
	var ic identityClaims
	if r.Identity.Kind() == '{' || r.Identity.Kind() == '"' {
		if b := stringOrValue(r.Identity); len(b) > 0 && ic.read(&d.scan, b) {
			uid = firstNonEmpty(uid, string(ic.Claim.ObjectID), string(ic.Claim.OID))
			ev.Identity.UserName = firstNonEmpty(string(ic.Claim.UPN), string(ic.Claim.UPNShort), string(ic.Claim.Name))
		}
	}
	if ev.Identity.UserName == "" {
		ev.Identity.UserName = string(r.UPNClaim)
	}
	ev.Identity.UserID = uid
	ev.Identity.GenAIUser = uid

	// Tokens (undocumented, optional; arrays in AzureOpenAIRequestUsage).
	out := p.CompletionTokens
	if !out.Valid {
		out = p.GeneratedTokens
	}
	if p.PromptTokens.Valid || out.Valid {
		if p.PromptTokens.Valid {
			ev.Usage.InputTokens.Set(p.PromptTokens.Value)
		}
		if out.Valid {
			ev.Usage.OutputTokens.Set(out.Value)
		}
		if p.CachedTokens.Valid {
			ev.Usage.CacheReadTokens.Set(p.CachedTokens.Value)
		}
		if p.TotalTokens.Valid {
			ev.Usage.TotalTokens.Set(p.TotalTokens.Value)
		} else if p.PromptTokens.Valid && out.Valid {
			ev.Usage.TotalTokens.Set(p.PromptTokens.Value + out.Value)
		}
		ev.Usage.InputIncludesCache = true
		ev.Usage.Source = genai.UsageSourceLog
	}

	// Vendor tree.
	vs := ev.SetVendor
	vs(genai.AzureOpenAIResultSignature, genai.StringValue(string(r.ResultSignature)))
	vs(genai.AzureOpenAIEvent, genai.StringValue(firstNonEmpty(string(r.Event), string(r.EventS))))
	vs(genai.AzureOpenAITenant, genai.StringValue(string(r.Tenant)))
	vs(genai.AzureOpenAIAssetIdentity, genai.StringValue(string(r.AssetIdentity)))
	vs(genai.AzureOpenAIPropertiesAPIName, genai.StringValue(string(p.APIName)))
	vs(genai.AzureOpenAIPropertiesRequestTime, genai.IntOpt(genai.Opt[int64](p.RequestTime)))
	vs(genai.AzureOpenAIPropertiesResponseTime, genai.IntOpt(genai.Opt[int64](p.ResponseTime)))
	if p.RequestLength.Valid {
		vs(genai.AzureOpenAIPropertiesRequestLength, genai.FloatValue(float64(p.RequestLength.Value)))
	}
	if p.ResponseLength.Valid {
		vs(genai.AzureOpenAIPropertiesResponseLength, genai.FloatValue(float64(p.ResponseLength.Value)))
	}
	vs(genai.AzureOpenAIPropertiesObjectID, genai.StringValue(string(p.ObjectID)))
	vs(genai.AzureOpenAIPropertiesCallerObjectID, genai.StringValue(string(p.CallerObjectID)))
	vs(genai.AzureOpenAIPropertiesStreamType, genai.StringValue(string(p.StreamType)))
	vs(genai.AzureOpenAIPropertiesModelDeploymentName, genai.StringValue(string(p.ModelDeploymentName)))
	vs(genai.AzureOpenAIPropertiesModelName, genai.StringValue(string(p.ModelName)))
	vs(genai.AzureOpenAIPropertiesModelVersion, genai.StringValue(string(p.ModelVersion)))
	if ev.Cloud.ServiceName == "" {
		ev.Cloud.ServiceName = "openai"
	}
	return nil
}

// commonRecord fills what every resource-log record shares (Cognitive Services and API
// Management): time, resource, region, outcome, caller and the common vendor fields.
func commonRecord(ev *genai.Event, r *resourceRecord) {
	if t, ok := parseTime(firstNonEmpty(string(r.Time), string(r.TimeGenerated))); ok {
		ev.Time = t
	}
	if rid, ok := ParseResourceID(string(r.ResourceID)); ok || rid.ID != "" {
		rid.apply(ev)
		if ns, _, found := strings.Cut(rid.Provider, "/"); found {
			ev.Provider = ns
		}
	}
	ev.Cloud.Region = regionName(firstNonEmpty(string(r.Location), string(r.Tenant)))
	if code, ok := parseNumber(strings.TrimSpace(string(r.ResultSignature))); ok && code >= 100 && code < 600 {
		ev.HTTP.StatusCode = code
		ev.Outcome = statusOutcome(code)
	}
	switch lower(string(r.ResultType)) {
	case "succeeded", "success":
		if ev.Outcome == "" {
			ev.Outcome = genai.OutcomeSuccess
		}
	case "failed", "failure":
		ev.Outcome = genai.OutcomeFailure
	}
	ev.Identity.SourceIP = string(r.CallerIPAddress)
	ev.Request.ID = string(r.CorrelationID)

	vs := ev.SetVendor
	vs(genai.AzureOpenAICategory, genai.StringValue(string(r.Category)))
	vs(genai.AzureOpenAIOperationName, genai.StringValue(string(r.OperationName)))
	vs(genai.AzureOpenAIResultType, genai.StringValue(string(r.ResultType)))
	vs(genai.AzureOpenAIResultDescription, genai.StringValue(string(r.ResultDescription)))
	vs(genai.AzureOpenAICorrelationID, genai.StringValue(string(r.CorrelationID)))
	vs(genai.AzureOpenAICallerIPAddress, genai.StringValue(string(r.CallerIPAddress)))
	vs(genai.AzureOpenAILocation, genai.StringValue(string(r.Location)))
	vs(genai.AzureOpenAITenantID, genai.StringValue(string(r.TenantID)))
	vs(genai.AzureOpenAILevel, genai.StringValue(string(r.Level)))
	vs(genai.AzureOpenAIDurationMS, genai.IntOpt(genai.Opt[int64](r.DurationMs)))
}

// propertiesBytes returns the properties object from the record's "properties" (an object or
// a JSON string) or the Log Analytics properties_s column.
func propertiesBytes(v jsontext.Value, s string) []byte {
	if b := stringOrValue(v); len(b) > 0 {
		return b
	}
	if s != "" {
		return []byte(s)
	}
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// read reads an identity blob; it reports whether it could be read.
func (ic *identityClaims) read(s *objScan, b []byte) bool {
	if ic.scan(s, b) == nil {
		return true
	}
	*ic = identityClaims{}
	return unmarshal(b, ic) == nil
}
