package azureopenai

import (
	"bytes"
	"fmt"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

func init() {
	formats = append(formats, &genai.Format{
		Name:        FormatGateway,
		Description: "Azure API Management GatewayLogs in front of Azure OpenAI, with request and response bodies as strings (Event Hub records or ApiManagementGatewayLogs rows)",
		Detect:      detectGateway,
		NewDecoder:  func() genai.Decoder { return new(gatewayDecoder) },
	})
}

func detectGateway(data []byte) bool {
	return bytes.Contains(data, []byte("GatewayLogs")) && !bytes.Contains(data, []byte("GatewayLlmLog")) &&
		(containsVariants(data, `ategory"`, `"category"`, `"Category"`) || containsVariants(data, `ype"`, `"Type"`, `"type"`))
}

// gatewayRecord is an API Management GatewayLogs record: the common resource-log fields plus
// the gateway's own top-level fields.
type gatewayRecord struct {
	resourceRecord
	DeploymentVersion flexString `json:"DeploymentVersion,case:ignore"`
	SKU               flexString `json:"Sku,case:ignore"`
	IsRequestSuccess  flexBool   `json:"isRequestSuccess,case:ignore"`
	Truncated         flexInt    `json:"truncated,case:ignore"`
	ServiceName       flexString `json:"serviceName,case:ignore"`
	Region            flexString `json:"Region,case:ignore"`
}

// gatewayProps is the properties object of a GatewayLogs record (or the columns of an
// ApiManagementGatewayLogs row, which carry the same names).
type gatewayProps struct {
	APIID                flexString      `json:"apiId,case:ignore"`
	APIRevision          flexString      `json:"apiRevision,case:ignore"`
	OperationID          flexString      `json:"operationId,case:ignore"`
	ProductID            flexString      `json:"productId,case:ignore"`
	UserID               flexString      `json:"userId,case:ignore"`
	APIMSubscriptionID   flexString      `json:"apimSubscriptionId,case:ignore"`
	BackendID            flexString      `json:"backendId,case:ignore"`
	BackendMethod        flexString      `json:"backendMethod,case:ignore"`
	BackendProtocol      flexString      `json:"backendProtocol,case:ignore"`
	BackendResponseCode  flexInt         `json:"backendResponseCode,case:ignore"`
	BackendTime          flexInt         `json:"backendTime,case:ignore"`
	BackendURL           flexString      `json:"backendUrl,case:ignore"`
	Cache                flexString      `json:"cache,case:ignore"`
	ClientProtocol       flexString      `json:"clientProtocol,case:ignore"`
	ClientTLSVersion     flexString      `json:"clientTlsVersion,case:ignore"`
	ClientTLSCipherSuite flexString      `json:"clientTlsCipherSuite,case:ignore"`
	Method               flexString      `json:"method,case:ignore"`
	URL                  flexString      `json:"url,case:ignore"`
	ResponseCode         flexInt         `json:"responseCode,case:ignore"`
	RequestSize          flexInt         `json:"requestSize,case:ignore"`
	ResponseSize         flexInt         `json:"responseSize,case:ignore"`
	RequestBody          jsontext.Value  `json:"requestBody,case:ignore"`
	ResponseBody         jsontext.Value  `json:"responseBody,case:ignore"`
	BackendRequestBody   jsontext.Value  `json:"backendRequestBody,case:ignore"`
	BackendResponseBody  jsontext.Value  `json:"backendResponseBody,case:ignore"`
	LastError            *gatewayError   `json:"lastError,case:ignore"`
	RequestHeaders       *gatewayHeaders `json:"requestHeaders,case:ignore"`
}

// scan reads the members of the record data into r (see objScan).
func (r *gatewayRecord) scan(s *objScan, data []byte) error {
	_, err := r.scanAll(s, nil, nil, nil, data)
	return err
}

// scanAll reads the record data into r and, when p is not nil and the record's properties
// are an object, the properties into p on the way (with the scans sub and sub2), as p.scan
// would read them after; propsRead reports that.
func (r *gatewayRecord) scanAll(s, sub, sub2 *objScan, p *gatewayProps, data []byte) (propsRead bool, err error) {
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
				if err := p.members(sub, sub2); err != nil {
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
		if ok, err := r.resourceRecord.member(s); ok || err != nil {
			if err != nil {
				return false, err
			}
			continue
		}
		v := s.val
		var err error
		switch s.fold {
		case "DEPLOYMENTVERSION":
			err = r.DeploymentVersion.set(v)
		case "SKU":
			err = r.SKU.set(v)
		case "ISREQUESTSUCCESS":
			r.IsRequestSuccess.set(v)
		case "TRUNCATED":
			r.Truncated.set(v)
		case "SERVICENAME":
			err = r.ServiceName.set(v)
		case "REGION":
			err = r.Region.set(v)
		}
		if err != nil {
			return false, err
		}
	}
	return propsRead, s.err
}

// gatewayError is the lastError object of a GatewayLogs record.
type gatewayError = struct {
	Source  flexString `json:"source,case:ignore"`
	Reason  flexString `json:"reason,case:ignore"`
	Message flexString `json:"message,case:ignore"`
	Section flexString `json:"section,case:ignore"`
}

// gatewayHeaders is the requestHeaders object of a GatewayLogs record.
type gatewayHeaders = struct {
	UserAgent flexString `json:"User-Agent,case:ignore"`
}

// scan reads the properties object data into p (see objScan). Nested objects are read with
// sub, after the properties.
func (p *gatewayProps) scan(s, sub *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	return p.members(s, sub)
}

// members reads the members of the properties object s is in.
func (p *gatewayProps) members(s, sub *objScan) error {
	var lastError, headers jsontext.Value
	for s.next() {
		v := s.val
		var err error
		switch s.fold {
		case "APIID":
			err = p.APIID.set(v)
		case "APIREVISION":
			err = p.APIRevision.set(v)
		case "OPERATIONID":
			err = p.OperationID.set(v)
		case "PRODUCTID":
			err = p.ProductID.set(v)
		case "USERID":
			err = p.UserID.set(v)
		case "APIMSUBSCRIPTIONID":
			err = p.APIMSubscriptionID.set(v)
		case "BACKENDID":
			err = p.BackendID.set(v)
		case "BACKENDMETHOD":
			err = p.BackendMethod.set(v)
		case "BACKENDPROTOCOL":
			err = p.BackendProtocol.set(v)
		case "BACKENDRESPONSECODE":
			p.BackendResponseCode.set(v)
		case "BACKENDTIME":
			p.BackendTime.set(v)
		case "BACKENDURL":
			err = p.BackendURL.set(v)
		case "CACHE":
			err = p.Cache.set(v)
		case "CLIENTPROTOCOL":
			err = p.ClientProtocol.set(v)
		case "CLIENTTLSVERSION":
			err = p.ClientTLSVersion.set(v)
		case "CLIENTTLSCIPHERSUITE":
			err = p.ClientTLSCipherSuite.set(v)
		case "METHOD":
			err = p.Method.set(v)
		case "URL":
			err = p.URL.set(v)
		case "RESPONSECODE":
			p.ResponseCode.set(v)
		case "REQUESTSIZE":
			p.RequestSize.set(v)
		case "RESPONSESIZE":
			p.ResponseSize.set(v)
		case "REQUESTBODY":
			p.RequestBody = v
		case "RESPONSEBODY":
			p.ResponseBody = v
		case "BACKENDREQUESTBODY":
			p.BackendRequestBody = v
		case "BACKENDRESPONSEBODY":
			p.BackendResponseBody = v
		case "LASTERROR":
			err = nestedOnce(&lastError, v)
		case "REQUESTHEADERS":
			err = nestedOnce(&headers, v)
		}
		if err != nil {
			return err
		}
	}
	if s.err != nil {
		return s.err
	}
	if lastError != nil {
		if err := setObject(&p.LastError, lastError, sub, readGatewayError); err != nil {
			return err
		}
	}
	if headers != nil {
		return setObject(&p.RequestHeaders, headers, sub, readGatewayHeaders)
	}
	return nil
}

// nestedOnce keeps the value of a pointer-to-struct member for reading after its parent. A
// second object for the same member would merge into the first: that is left to unmarshal.
func nestedOnce(dst *jsontext.Value, v jsontext.Value) error {
	switch {
	case v.Kind() != '{' && v.Kind() != 'n':
		return errSlow
	case *dst != nil && (*dst).Kind() == '{' && v.Kind() == '{':
		return errSlow
	}
	*dst = v
	return nil
}

func readGatewayError(e *gatewayError, s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		v := s.val
		var err error
		switch s.fold {
		case "SOURCE":
			err = e.Source.set(v)
		case "REASON":
			err = e.Reason.set(v)
		case "MESSAGE":
			err = e.Message.set(v)
		case "SECTION":
			err = e.Section.set(v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func readGatewayHeaders(h *gatewayHeaders, s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		if s.fold == "USERAGENT" {
			if err := h.UserAgent.set(s.val); err != nil {
				return err
			}
		}
	}
	return s.err
}

type gatewayDecoder struct {
	scan, sub, sub2 objScan
}

// Decode normalizes one GatewayLogs record, decoding its bodies.
func (d *gatewayDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	var r gatewayRecord
	var p gatewayProps
	propsRead, err := r.scanAll(&d.scan, &d.sub, &d.sub2, &p, rec.Data)
	if err != nil {
		r, p, propsRead = gatewayRecord{}, gatewayProps{}, false
		if err := unmarshal(rec.Data, &r); err != nil {
			return fmt.Errorf("azure gateway log: %w", err)
		}
	}
	if !propsRead {
		props := propertiesBytes(r.Properties, string(r.PropertiesS))
		if len(props) == 0 {
			props = rec.Data // a Log Analytics row: the columns are top-level
		}
		if p.scan(&d.scan, &d.sub, props) != nil {
			p = gatewayProps{}
			if err := unmarshal(props, &p); err != nil {
				ev.Warn(genai.WarnFieldTypeUnexpected, "azure gateway log: properties could not be read: "+err.Error())
			}
		}
	}
	op := firstNonEmpty(string(p.OperationID), string(r.OperationName))
	source(ev, op)
	ev.Original = append(ev.Original[:0], rec.Data...)
	ev.Action = op
	ev.Category = append(ev.Category, "api", "web")
	ev.Type = append(ev.Type, "access")
	commonRecord(ev, &r.resourceRecord)
	if ev.Cloud.Region == "" {
		ev.Cloud.Region = regionName(string(r.Region))
	}
	ev.Cloud.ServiceName = "api_management"

	// HTTP.
	code := p.ResponseCode
	if !code.Valid {
		code = p.BackendResponseCode
	}
	if code.Valid && code.Value >= 100 && code.Value < 600 {
		ev.HTTP.StatusCode = code.Value
		ev.Outcome = statusOutcome(code.Value)
	}
	if r.IsRequestSuccess.Valid && !r.IsRequestSuccess.Value {
		ev.Outcome = genai.OutcomeFailure
	} else if r.IsRequestSuccess.Valid && ev.Outcome == "" {
		ev.Outcome = genai.OutcomeSuccess
	}
	ev.HTTP.Method = string(p.Method)
	ev.HTTP.URL = string(p.URL)
	backend, client := parseURL(string(p.BackendURL)), parseURL(string(p.URL))
	ev.HTTP.ServerAddress = firstNonEmpty(backend.Host, client.Host)
	ev.HTTP.APIVersion = firstNonEmpty(backend.APIVersion, client.APIVersion)
	if p.RequestHeaders != nil {
		ev.Identity.UserAgent = string(p.RequestHeaders.UserAgent)
	}

	// Operation and model.
	ev.Request.Operation = OperationName(op)
	if ev.Request.Operation == "" {
		ev.Request.Operation = firstNonEmpty(operationFromPath(backend.Path), operationFromPath(client.Path))
	}
	setModel(ev, firstNonEmpty(backend.Deployment, client.Deployment), "", "")

	// Timing and sizes.
	if r.DurationMs.Valid && r.DurationMs.Value >= 0 {
		ev.Performance.ResponseTime.Set(r.DurationMs.Value)
	}
	if p.RequestSize.Valid {
		ev.Performance.RequestSize.Set(p.RequestSize.Value)
	}
	if p.ResponseSize.Valid {
		ev.Performance.ResponseSize.Set(p.ResponseSize.Value)
	}

	// Bodies: what the backend (Azure OpenAI) saw and said first, the client side otherwise.
	var sink filterSink
	if body := firstBody(p.BackendRequestBody, p.RequestBody); len(body) > 0 {
		ev.Request.Body = body
		var rb requestBody
		repaired, err := decodeLenient(body, &rb)
		switch {
		case err != nil:
			ev.Warn(genai.WarnBodyUnreadable, "azure gateway log: request body is not JSON: "+err.Error())
		default:
			if repaired {
				ev.Warn(genai.WarnBodyTruncated, "azure gateway log: request body was truncated; its complete prefix was read")
			}
			applyRequest(ev, &rb)
		}
	}
	if body := firstBody(p.BackendResponseBody, p.ResponseBody); len(body) > 0 {
		ev.Response.Body = body
		decodeResponseText(ev, body, &sink, "azure gateway log")
	}
	sink.flush(ev)
	if r.Truncated.Valid && r.Truncated.Value > 0 {
		ev.Warn(genai.WarnBodyTruncated, fmt.Sprintf("azure gateway log: API Management truncated the logged bodies (truncated=%d)", r.Truncated.Value))
	}
	finishGuardrail(ev)

	// Vendor tree.
	vs := ev.SetVendor
	vs(genai.AzureOpenAISKU, genai.StringValue(string(r.SKU)))
	vs(genai.AzureOpenAIDeploymentVersion, genai.StringValue(string(r.DeploymentVersion)))
	vs(genai.AzureOpenAIServiceName, genai.StringValue(string(r.ServiceName)))
	vs(genai.AzureOpenAIRegion, genai.StringValue(string(r.Region)))
	vs(genai.AzureOpenAIIsRequestSuccess, genai.BoolOpt(genai.Opt[bool](r.IsRequestSuccess)))
	vs(genai.AzureOpenAITruncated, genai.IntOpt(genai.Opt[int64](r.Truncated)))
	vs(genai.AzureOpenAIPropertiesAPIID, genai.StringValue(string(p.APIID)))
	vs(genai.AzureOpenAIPropertiesAPIRevision, genai.StringValue(string(p.APIRevision)))
	vs(genai.AzureOpenAIPropertiesOperationID, genai.StringValue(string(p.OperationID)))
	vs(genai.AzureOpenAIPropertiesProductID, genai.StringValue(string(p.ProductID)))
	vs(genai.AzureOpenAIPropertiesUserID, genai.StringValue(string(p.UserID)))
	vs(genai.AzureOpenAIPropertiesSubscriptionID, genai.StringValue(string(p.APIMSubscriptionID)))
	vs(genai.AzureOpenAIPropertiesBackendID, genai.StringValue(string(p.BackendID)))
	vs(genai.AzureOpenAIPropertiesBackendMethod, genai.StringValue(string(p.BackendMethod)))
	vs(genai.AzureOpenAIPropertiesBackendProtocol, genai.StringValue(string(p.BackendProtocol)))
	vs(genai.AzureOpenAIPropertiesBackendResponseCode, genai.IntOpt(genai.Opt[int64](p.BackendResponseCode)))
	vs(genai.AzureOpenAIPropertiesBackendTime, genai.IntOpt(genai.Opt[int64](p.BackendTime)))
	vs(genai.AzureOpenAIPropertiesBackendURL, genai.StringValue(string(p.BackendURL)))
	vs(genai.AzureOpenAIPropertiesCache, genai.StringValue(string(p.Cache)))
	vs(genai.AzureOpenAIPropertiesClientProtocol, genai.StringValue(string(p.ClientProtocol)))
	vs(genai.AzureOpenAIPropertiesClientTLSVersion, genai.StringValue(string(p.ClientTLSVersion)))
	vs(genai.AzureOpenAIPropertiesClientTLSCipherSuite, genai.StringValue(string(p.ClientTLSCipherSuite)))
	if p.RequestSize.Valid {
		vs(genai.AzureOpenAIPropertiesRequestLength, genai.FloatValue(float64(p.RequestSize.Value)))
	}
	if p.ResponseSize.Valid {
		vs(genai.AzureOpenAIPropertiesResponseLength, genai.FloatValue(float64(p.ResponseSize.Value)))
	}
	if le := p.LastError; le != nil {
		vs(genai.AzureOpenAIPropertiesLastErrorSource, genai.StringValue(string(le.Source)))
		vs(genai.AzureOpenAIPropertiesLastErrorReason, genai.StringValue(string(le.Reason)))
		vs(genai.AzureOpenAIPropertiesLastErrorMessage, genai.StringValue(string(le.Message)))
		vs(genai.AzureOpenAIPropertiesLastErrorSection, genai.StringValue(string(le.Section)))
	}
	return nil
}

// firstBody returns the first non-empty body text (a JSON string's content, or an object
// logged as such), trimmed.
func firstBody(vs ...jsontext.Value) []byte {
	for _, v := range vs {
		if b := bytes.TrimSpace(stringOrValue(v)); len(b) > 0 {
			if v.Kind() != '"' {
				b = bytes.Clone(b) // an object logged as such: it may alias the record
			}
			return b
		}
	}
	return nil
}

// decodeResponseText reads a logged response body: a JSON body (possibly truncated) or the
// SSE text of a stream.
func decodeResponseText(ev *genai.Event, body []byte, sink *filterSink, what string) {
	if bytes.HasPrefix(body, []byte("data:")) {
		var st streamState
		for _, line := range bytes.Split(body, []byte("\n")) {
			line = bytes.TrimSpace(line)
			if !bytes.HasPrefix(line, []byte("data:")) {
				continue
			}
			chunk := bytes.TrimSpace(line[len("data:"):])
			if len(chunk) == 0 || chunk[0] != '{' {
				continue
			}
			var rb responseBody
			if _, err := decodeLenient(chunk, &rb); err == nil {
				st.add(&rb)
			}
		}
		st.apply(ev, sink)
		ev.Request.Stream.Set(true)
		return
	}
	var rb responseBody
	repaired, err := decodeLenient(body, &rb)
	if err != nil {
		ev.Warn(genai.WarnBodyUnreadable, what+": response body is not JSON: "+err.Error())
		return
	}
	if repaired {
		ev.Warn(genai.WarnBodyTruncated, what+": response body was truncated; its complete prefix was read")
	}
	applyResponse(ev, &rb, sink)
}
