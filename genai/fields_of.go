package genai

import (
	"net/netip"
	"strconv"
)

// AppendFields appends every field the event fills, in every profile, to dst and returns the
// extended slice. Renderers filter it by profile (Field.In) and sort it by Field.Ord. Empty
// values are left out. Error events (Err set) append nothing: renderers write error documents
// themselves.
//
// This is the single mapping from the Event model to field names; the ECS renderer and the
// OpenTelemetry renderer both read it.
func (e *Event) AppendFields(dst []FieldValue) []FieldValue {
	if e.Err != nil {
		return dst
	}
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue

	add(Timestamp, TimeValue(e.Time))
	add(EventAction, str(e.Action))
	add(EventOutcome, str(string(e.Outcome)))
	add(EventCategory, StringsValue(e.Category))
	add(EventType, StringsValue(e.Type))
	add(EventProvider, str(e.Provider))
	add(EventID, str(e.ID))
	dst = e.AppendSourceFields(dst)

	// The rest is in parts, so that each part's temporaries (a Value per field) take
	// the same stack space in turn rather than one large frame.
	dst = e.appendModelFields(dst)
	dst = e.appendRequestFields(dst)
	dst = e.appendResponseFields(dst)
	dst = e.appendUsageFields(dst)
	dst = e.appendPerformanceFields(dst)
	dst = e.appendIdentityCloudFields(dst)
	dst = e.appendHTTPFields(dst)
	dst = e.appendGuardrailFields(dst)
	dst = e.appendVendorFields(dst)
	return dst
}

func (e *Event) appendModelFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue
	// Provider and model.
	add(GenAIProviderName, str(e.Source.ProviderName))
	add(GenAISystem, str(e.Source.System))
	req := &e.Request
	add(GenAIOperationName, str(req.Operation))
	add(GenAIRequestID, str(req.ID))
	add(GenAIRequestModel, str(req.Model.ID))
	add(GenAIRequestModelID, str(req.Model.ID))
	add(GenAIRequestModelType, str(req.Model.Type))
	if req.Model.APIVersion != "" {
		add(GenAIRequestModelVersion, str(req.Model.APIVersion))
	} else {
		add(GenAIRequestModelVersion, str(req.Model.Version))
	}
	add(GenAIRequestModelRole, str(req.Model.Role))
	add(GenainormModelVendor, str(req.Model.Vendor))
	add(GenainormModelFamily, str(req.Model.Family))
	add(GenainormModelName, str(req.Model.Name))
	add(GenainormModelVersion, str(req.Model.Version))
	add(GenainormModelDeployment, str(req.Model.Deployment))
	add(GenAIRequestTimestamp, TimeValue(req.Time))
	return dst
}

func (e *Event) appendRequestFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue
	req := &e.Request
	// Request parameters and content.
	add(GenAIRequestMaxTokens, IntOpt(req.MaxTokens))
	add(GenAIRequestTemperature, FloatOpt(req.Temperature))
	add(GenAIRequestTopP, FloatOpt(req.TopP))
	add(GenAIRequestTopK, FloatOpt(req.TopK))
	add(GenAIRequestStopSequences, StringsValue(req.StopSequences))
	add(GenAIRequestSeed, IntOpt(req.Seed))
	add(GenAIRequestFrequencyPenalty, FloatOpt(req.FrequencyPenalty))
	add(GenAIRequestPresencePenalty, FloatOpt(req.PresencePenalty))
	add(GenAIRequestChoiceCount, IntOpt(req.ChoiceCount))
	add(GenAIRequestStream, BoolOpt(req.Stream))
	add(GenAIRequestEncodingFormats, StringsValue(req.EncodingFormats))
	add(GenAIEmbeddingsDimensionCount, IntOpt(req.Dimensions))
	add(GenAIOutputType, str(req.OutputType))
	add(GenAIRequestReasoningLevel, str(req.ReasoningLevel))
	add(GenAIConversationID, str(req.ConversationID))
	add(GenAISystemInstructions, JSONValue(req.SystemInstructions))
	add(GenAIInputMessages, JSONValue(req.InputMessages))
	add(GenAIToolDefinitions, JSONValue(req.ToolDefinitions))
	add(GenAIPrompt, str(unsafeString(req.Body)))
	return dst
}

func (e *Event) appendResponseFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue
	// Response.
	resp := &e.Response
	add(GenAIResponseID, str(resp.ID))
	add(GenAIResponseModel, str(resp.Model))
	add(GenAIResponseTimestamp, TimeValue(resp.Time))
	add(GenAIResponseFinishReasons, StringsValue(resp.FinishReasons))
	add(GenAIOutputMessages, JSONValue(resp.OutputMessages))
	add(GenAICompletion, str(unsafeString(resp.Body)))
	add(GenAIResponseErrorCode, str(resp.ErrorCode))
	add(ErrorCode, str(resp.ErrorCode))
	add(ErrorMessage, str(resp.ErrorMessage))
	errType := resp.ErrorType
	if errType == "" {
		errType = resp.ErrorCode
	}
	add(ErrorType, str(errType))
	return dst
}

func (e *Event) appendUsageFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue
	// Usage.
	u := &e.Usage
	add(GenAIUsagePromptTokens, IntOpt(u.InputTokens))
	add(GenAIUsageCompletionTokens, IntOpt(u.OutputTokens))
	add(GenAIUsageInputTokens, IntOpt(u.EffectiveInputTokens()))
	add(GenAIUsageOutputTokens, IntOpt(u.OutputTokens))
	add(GenAIUsageCacheReadInputTokens, IntOpt(u.CacheReadTokens))
	add(GenAIUsageCacheCreationInputTokens, IntOpt(u.CacheWriteTokens))
	add(GenAIUsageReasoningOutputTokens, IntOpt(u.ReasoningTokens))
	add(GenAIUsageTotalTokens, IntOpt(u.TotalTokens))
	add(GenainormUsageSource, str(u.Source))
	return dst
}

func (e *Event) appendPerformanceFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	// Performance.
	p := &e.Performance
	add(GenAIPerformanceResponseTime, IntOpt(p.ResponseTime))
	add(GenAIPerformanceStartResponseTime, IntOpt(p.StartResponseTime))
	add(GenAIPerformanceRequestSize, IntOpt(p.RequestSize))
	add(GenAIPerformanceResponseSize, IntOpt(p.ResponseSize))
	add(HTTPRequestBodyBytes, IntOpt(p.RequestSize))
	add(HTTPResponseBodyBytes, IntOpt(p.ResponseSize))
	if p.ResponseTime.Valid {
		add(EventDuration, IntValue(p.ResponseTime.Value*1e6))
	}
	if p.StartResponseTime.Valid {
		add(GenAIResponseTimeToFirstChunk, FloatValue(float64(p.StartResponseTime.Value)/1000))
	}
	return dst
}

func (e *Event) appendIdentityCloudFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue
	// Identity and cloud.
	id := &e.Identity
	add(UserID, str(id.UserID))
	add(UserName, str(id.UserName))
	add(UserTargetName, str(id.TargetName))
	add(GenAIUserID, str(id.GenAIUser))
	add(SourceAddress, str(id.SourceIP))
	if ip, ok := parseIP(id.SourceIP); ok {
		add(SourceIP, str(ip))
		add(RelatedIP, StringsValue([]string{ip}))
	}
	add(UserAgentOriginal, str(id.UserAgent))
	add(GenainormCredentialBedrockAPIKey, BoolOpt(id.APIKey))
	add(GenainormCredentialLongTermKey, BoolOpt(id.LongTermKey))
	add(RelatedUser, StringsValue(relatedUsers(id)))
	c := &e.Cloud
	add(CloudProvider, str(c.Provider))
	add(CloudAccountID, str(c.AccountID))
	add(CloudRegion, str(c.Region))
	add(CloudServiceName, str(c.ServiceName))
	add(GenainormInferenceRegion, str(c.InferenceRegion))
	return dst
}

func (e *Event) appendHTTPFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue
	// HTTP.
	h := &e.HTTP
	if h.StatusCode != 0 {
		add(HTTPResponseStatusCode, IntValue(h.StatusCode))
	}
	add(HTTPRequestMethod, str(h.Method))
	add(URLOriginal, str(h.URL))
	add(ServerAddress, str(h.ServerAddress))
	add(GenainormAPIVersion, str(h.APIVersion))
	return dst
}

func (e *Event) appendGuardrailFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	str := StringValue
	// Guardrails and their derived policy, compliance and OWASP view.
	g := &e.Guardrail
	add(GenAIGuardrailID, StringsValue(g.IDs))
	if e.Source.ProviderName == ProviderAWSBedrock {
		add(AWSBedrockGuardrailID, StringsValue(g.IDs))
	}
	if g.Intervened || len(g.Assessments) > 0 || g.Action != "" {
		add(GenAIGuardrailIntervened, BoolValue(g.Intervened))
	}
	add(GenAIGuardrailAction, str(g.Action))
	add(GenAIGuardrailActionReason, str(g.ActionReason))
	add(GenAIGuardrailVersion, str(g.Version))
	add(GenAIGuardrailLatency, IntOpt(g.Latency))
	add(GenAIGuardrailUnits, JSONValue(g.Units))
	add(GenAIGuardrailCoverageTextGuarded, IntOpt(g.TextGuarded))
	add(GenAIGuardrailCoverageTextTotal, IntOpt(g.TextTotal))
	add(GenAIGuardrailCoverageImagesGuarded, IntOpt(g.ImagesGuarded))
	add(GenAIGuardrailCoverageImagesTotal, IntOpt(g.ImagesTotal))
	add(GenAIGuardrailNotRun, StringsValue(g.NotRun))
	if len(g.Assessments) > 0 {
		add(GenAIGuardrailAssessments, JSONValue(AssessmentsJSON(g.Assessments)))
	}
	d := g.Derive()
	add(GenAIPolicyName, StringsValue(d.PolicyNames))
	add(GenAIPolicyAction, StringsValue(d.PolicyActions))
	add(GenAIPolicyConfidence, StringsValue(d.PolicyConfidences))
	add(GenAIPolicyMatchDetail, JSONValue(d.Matches))
	add(GenAIComplianceViolationCode, StringsValue(d.ViolationCodes))
	add(GenAIComplianceViolationDetected, BoolOpt(d.ViolationDetected))
	add(GenAIComplianceRequestTriggered, StringsValue(d.RequestTriggered))
	add(GenAIComplianceResponseTriggered, StringsValue(d.ResponseTriggered))
	add(GenAIOWASPID, StringsValue(d.OWASPIDs))
	add(GenAIOWASPDescription, StringsValue(d.OWASPDescriptions))
	return dst
}

func (e *Event) appendVendorFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	// Vendor tree, warnings and caps.
	for _, fv := range e.Vendor {
		add(fv.Field, fv.Value)
	}
	if len(e.Warnings) > 0 {
		add(GenainormWarnings, JSONValue(warningsJSON(e.Warnings)))
	}
	if len(e.Truncations) > 0 {
		add(GenainormTruncated, JSONValue(truncationsJSON(e.Truncations)))
	}
	return dst
}

// AppendSourceFields appends where the record came from: the format that read it and its
// position (input name, byte offset, line, path inside its envelope, envelope). AppendFields
// includes them; renderers call this directly for error documents, whose other fields
// AppendFields leaves out.
func (e *Event) AppendSourceFields(dst []FieldValue) []FieldValue {
	add := func(f *Field, v Value) {
		if !v.IsEmpty() {
			dst = append(dst, FieldValue{Field: f, Value: v})
		}
	}
	pos := &e.Source.Position
	add(GenainormFormat, StringValue(e.Source.Format))
	if pos.Line > 0 {
		add(GenainormRecordLine, IntValue(pos.Line))
	}
	add(GenainormRecordPath, StringValue(pos.Path))
	add(GenainormRecordEnvelope, StringValue(e.Source.Envelope))
	add(LogFilePath, StringValue(pos.Name))
	if pos.Name != "" {
		add(LogOffset, IntValue(pos.Offset))
	}
	return dst
}

func parseIP(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return "", false
	}
	return a.Unmap().String(), true
}

func relatedUsers(id *Identity) []string {
	var out []string
	for _, s := range []string{id.UserName, id.UserID, id.TargetName} {
		out = appendUnique(out, s)
	}
	return out
}

// AssessmentsJSON renders assessments as the JSON array of gen_ai.guardrail.assessments.
func AssessmentsJSON(as []Assessment) []byte {
	b := make([]byte, 0, 256*len(as)) // an assessment is 100 to 300 bytes
	b = append(b, '[')
	for i := range as {
		a := &as[i]
		if i > 0 {
			b = append(b, ',')
		}
		o := jsonObject{b: b}
		o.str("guardrail_id", a.GuardrailID)
		o.str("guardrail_version", a.GuardrailVersion)
		o.str("direction", string(a.Direction))
		o.str("policy", a.Policy)
		o.str("type", a.Type)
		o.str("action", a.Action)
		if a.Detected.Valid {
			o.raw("detected", strconv.AppendBool(nil, a.Detected.Value))
		}
		o.str("confidence", a.Confidence)
		o.str("strength", a.Strength)
		o.str("name", a.Name)
		o.str("match", a.Match)
		o.str("regex", a.Regex)
		if a.Score.Valid {
			o.raw("score", AppendJSONFloat(nil, a.Score.Value))
		}
		if a.Threshold.Valid {
			o.raw("threshold", AppendJSONFloat(nil, a.Threshold.Value))
		}
		o.str("modality", a.Modality)
		o.str("native", a.Native)
		b = o.close()
	}
	return append(b, ']')
}

func warningsJSON(ws []Warning) []byte {
	b := []byte{'['}
	for i, w := range ws {
		if i > 0 {
			b = append(b, ',')
		}
		o := jsonObject{b: b}
		o.str("code", w.Code)
		o.str("message", w.Message)
		b = o.close()
	}
	return append(b, ']')
}

func truncationsJSON(ts []Truncation) []byte {
	b := []byte{'['}
	for i, t := range ts {
		if i > 0 {
			b = append(b, ',')
		}
		o := jsonObject{b: b}
		o.str("what", t.What)
		o.raw("original_bytes", strconv.AppendInt(nil, t.Original, 10))
		o.raw("kept_bytes", strconv.AppendInt(nil, t.Kept, 10))
		o.str("sha256", t.SHA256)
		b = o.close()
	}
	return append(b, ']')
}

// jsonObject writes a JSON object member by member; empty strings are left out.
type jsonObject struct {
	b []byte
	n int
}

func (o *jsonObject) key(k string) {
	if o.n == 0 {
		o.b = append(o.b, '{')
	} else {
		o.b = append(o.b, ',')
	}
	o.n++
	// Keys are this package's own plain ASCII names: no escaping needed.
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
}

func (o *jsonObject) str(k, v string) {
	if v == "" {
		return
	}
	o.key(k)
	o.b = AppendJSONString(o.b, v)
}

func (o *jsonObject) raw(k string, v []byte) {
	o.key(k)
	o.b = append(o.b, v...)
}

func (o *jsonObject) close() []byte {
	if o.n == 0 {
		return append(o.b, '{', '}')
	}
	return append(o.b, '}')
}
