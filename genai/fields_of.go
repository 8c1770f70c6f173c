package genai

import (
	"net/netip"
	"slices"
	"strconv"
)

// AppendFields appends every field the event fills, in every profile, to dst and returns the
// extended slice. Renderers filter it by profile (Field.In) and sort it by Field.Ord. Empty
// values are left out. Error events (Err set) append nothing: renderers write error documents
// themselves.
//
// This is the single mapping from the Event model to field names; the ECS renderer and the
// OpenTelemetry renderer both read it, directly or through CollectFields.
func (e *Event) AppendFields(dst []FieldValue) []FieldValue {
	w := fieldWriter{list: dst}
	e.writeFields(&w)
	return w.list
}

// CollectFields adds every field the event fills to s, as AppendFields would list them: a
// field given twice keeps its first value, and fields outside s's profiles are left out.
// Error events (Err set) add nothing.
func (e *Event) CollectFields(s *FieldSet) {
	w := fieldWriter{set: s, drop: ProfileAll &^ s.profiles}
	e.writeFields(&w)
}

// AppendSourceFields appends where the record came from: the format that read it and its
// position (input name, byte offset, line, path inside its envelope, envelope). AppendFields
// includes them; renderers call this directly for error documents, whose other fields
// AppendFields leaves out.
func (e *Event) AppendSourceFields(dst []FieldValue) []FieldValue {
	w := fieldWriter{list: dst}
	e.writeSourceFields(&w)
	return w.list
}

// CollectSourceFields is AppendSourceFields for a FieldSet.
func (e *Event) CollectSourceFields(s *FieldSet) {
	w := fieldWriter{set: s, drop: ProfileAll &^ s.profiles}
	e.writeSourceFields(&w)
}

func (e *Event) writeFields(w *fieldWriter) {
	if e.Err != nil {
		return
	}
	w.time(Timestamp, e.Time)
	w.str(EventAction, e.Action)
	w.str(EventOutcome, string(e.Outcome))
	w.strs(EventCategory, e.Category)
	w.strs(EventType, e.Type)
	w.str(EventProvider, e.Provider)
	w.str(EventID, e.ID)
	e.writeSourceFields(w)
	e.writeModelFields(w)
	e.writeRequestFields(w)
	e.writeResponseFields(w)
	e.writeUsageFields(w)
	e.writePerformanceFields(w)
	e.writeIdentityCloudFields(w)
	e.writeHTTPFields(w)
	e.writeGuardrailFields(w)
	e.writeVendorFields(w)
}

func (e *Event) writeModelFields(w *fieldWriter) {
	// Provider and model.
	elastic := w.keeps(ProfileElastic)
	w.str(GenAIProviderName, e.Source.ProviderName)
	if elastic {
		w.str(GenAISystem, e.Source.System)
	}
	req := &e.Request
	w.str(GenAIOperationName, req.Operation)
	if elastic {
		w.str(GenAIRequestID, req.ID)
	}
	if w.keeps(ProfileECS) {
		w.str(GenAIRequestModel, req.Model.ID)
	}
	if elastic {
		w.str(GenAIRequestModelID, req.Model.ID)
		w.str(GenAIRequestModelType, req.Model.Type)
		if req.Model.APIVersion != "" {
			w.str(GenAIRequestModelVersion, req.Model.APIVersion)
		} else {
			w.str(GenAIRequestModelVersion, req.Model.Version)
		}
		w.str(GenAIRequestModelRole, req.Model.Role)
	}
	w.str(GenainormModelVendor, req.Model.Vendor)
	w.str(GenainormModelFamily, req.Model.Family)
	w.str(GenainormModelName, req.Model.Name)
	w.str(GenainormModelVersion, req.Model.Version)
	w.str(GenainormModelDeployment, req.Model.Deployment)
	if elastic {
		w.time(GenAIRequestTimestamp, req.Time)
	}
}

func (e *Event) writeRequestFields(w *fieldWriter) {
	req := &e.Request
	// Request parameters and content.
	w.intOpt(GenAIRequestMaxTokens, req.MaxTokens)
	w.floatOpt(GenAIRequestTemperature, req.Temperature)
	w.floatOpt(GenAIRequestTopP, req.TopP)
	w.floatOpt(GenAIRequestTopK, req.TopK)
	w.strs(GenAIRequestStopSequences, req.StopSequences)
	w.intOpt(GenAIRequestSeed, req.Seed)
	w.floatOpt(GenAIRequestFrequencyPenalty, req.FrequencyPenalty)
	w.floatOpt(GenAIRequestPresencePenalty, req.PresencePenalty)
	w.intOpt(GenAIRequestChoiceCount, req.ChoiceCount)
	w.boolOpt(GenAIRequestStream, req.Stream)
	w.strs(GenAIRequestEncodingFormats, req.EncodingFormats)
	w.intOpt(GenAIEmbeddingsDimensionCount, req.Dimensions)
	w.str(GenAIOutputType, req.OutputType)
	w.str(GenAIRequestReasoningLevel, req.ReasoningLevel)
	w.str(GenAIConversationID, req.ConversationID)
	w.json(GenAISystemInstructions, req.SystemInstructions)
	w.json(GenAIInputMessages, req.InputMessages)
	w.json(GenAIToolDefinitions, req.ToolDefinitions)
	if w.keeps(ProfileElastic) {
		w.str(GenAIPrompt, unsafeString(req.Body))
	}
}

func (e *Event) writeResponseFields(w *fieldWriter) {
	// Response.
	resp := &e.Response
	w.str(GenAIResponseID, resp.ID)
	w.str(GenAIResponseModel, resp.Model)
	elastic := w.keeps(ProfileElastic)
	if elastic {
		w.time(GenAIResponseTimestamp, resp.Time)
	}
	w.strs(GenAIResponseFinishReasons, resp.FinishReasons)
	w.json(GenAIOutputMessages, resp.OutputMessages)
	if elastic {
		w.str(GenAICompletion, unsafeString(resp.Body))
		w.str(GenAIResponseErrorCode, resp.ErrorCode)
	}
	w.str(ErrorCode, resp.ErrorCode)
	w.str(ErrorMessage, resp.ErrorMessage)
	errType := resp.ErrorType
	if errType == "" {
		errType = resp.ErrorCode
	}
	w.str(ErrorType, errType)
}

func (e *Event) writeUsageFields(w *fieldWriter) {
	// Usage.
	u := &e.Usage
	if w.keeps(ProfileElastic) {
		w.intOpt(GenAIUsagePromptTokens, u.InputTokens)
		w.intOpt(GenAIUsageCompletionTokens, u.OutputTokens)
	}
	w.intOpt(GenAIUsageInputTokens, u.EffectiveInputTokens())
	w.intOpt(GenAIUsageOutputTokens, u.OutputTokens)
	w.intOpt(GenAIUsageCacheReadInputTokens, u.CacheReadTokens)
	w.intOpt(GenAIUsageCacheCreationInputTokens, u.CacheWriteTokens)
	w.intOpt(GenAIUsageReasoningOutputTokens, u.ReasoningTokens)
	w.intOpt(GenAIUsageTotalTokens, u.TotalTokens)
	w.str(GenainormUsageSource, u.Source)
}

func (e *Event) writePerformanceFields(w *fieldWriter) {
	// Performance.
	p := &e.Performance
	if w.keeps(ProfileElastic) {
		w.intOpt(GenAIPerformanceResponseTime, p.ResponseTime)
		w.intOpt(GenAIPerformanceStartResponseTime, p.StartResponseTime)
		w.intOpt(GenAIPerformanceRequestSize, p.RequestSize)
		w.intOpt(GenAIPerformanceResponseSize, p.ResponseSize)
	}
	if !w.keeps(ProfileECS) {
		return
	}
	w.intOpt(HTTPRequestBodyBytes, p.RequestSize)
	w.intOpt(HTTPResponseBodyBytes, p.ResponseSize)
	if p.ResponseTime.Valid {
		w.int(EventDuration, p.ResponseTime.Value*1e6)
	}
	if p.StartResponseTime.Valid {
		w.float(GenAIResponseTimeToFirstChunk, float64(p.StartResponseTime.Value)/1000)
	}
}

func (e *Event) writeIdentityCloudFields(w *fieldWriter) {
	// Identity and cloud.
	id := &e.Identity
	w.str(UserID, id.UserID)
	w.str(UserName, id.UserName)
	w.str(UserTargetName, id.TargetName)
	if w.keeps(ProfileElastic) {
		w.str(GenAIUserID, id.GenAIUser)
	}
	w.str(SourceAddress, id.SourceIP)
	if ip, ok := parseIP(id.SourceIP); ok {
		w.str(SourceIP, ip)
		w.strs(RelatedIP, oneString(ip, w.arena()))
	}
	w.str(UserAgentOriginal, id.UserAgent)
	w.boolOpt(GenainormCredentialBedrockAPIKey, id.APIKey)
	w.boolOpt(GenainormCredentialLongTermKey, id.LongTermKey)
	w.strs(RelatedUser, relatedUsers(id, w.arena()))
	c := &e.Cloud
	w.str(CloudProvider, c.Provider)
	w.str(CloudAccountID, c.AccountID)
	w.str(CloudRegion, c.Region)
	w.str(CloudServiceName, c.ServiceName)
	w.str(GenainormInferenceRegion, c.InferenceRegion)
}

func (e *Event) writeHTTPFields(w *fieldWriter) {
	// HTTP.
	h := &e.HTTP
	if h.StatusCode != 0 {
		w.int(HTTPResponseStatusCode, h.StatusCode)
	}
	w.str(HTTPRequestMethod, h.Method)
	w.str(URLOriginal, h.URL)
	w.str(ServerAddress, h.ServerAddress)
	w.str(GenainormAPIVersion, h.APIVersion)
}

func (e *Event) writeGuardrailFields(w *fieldWriter) {
	// Guardrails and their derived policy, compliance and OWASP view.
	g := &e.Guardrail
	elastic := w.keeps(ProfileElastic)
	if elastic {
		w.strs(GenAIGuardrailID, g.IDs)
	}
	if e.Source.ProviderName == ProviderAWSBedrock {
		w.strs(AWSBedrockGuardrailID, g.IDs)
	}
	if g.Intervened || len(g.Assessments) > 0 || g.Action != "" {
		w.bool(GenAIGuardrailIntervened, g.Intervened)
	}
	w.str(GenAIGuardrailAction, g.Action)
	w.str(GenAIGuardrailActionReason, g.ActionReason)
	w.str(GenAIGuardrailVersion, g.Version)
	w.intOpt(GenAIGuardrailLatency, g.Latency)
	w.json(GenAIGuardrailUnits, g.Units)
	w.intOpt(GenAIGuardrailCoverageTextGuarded, g.TextGuarded)
	w.intOpt(GenAIGuardrailCoverageTextTotal, g.TextTotal)
	w.intOpt(GenAIGuardrailCoverageImagesGuarded, g.ImagesGuarded)
	w.intOpt(GenAIGuardrailCoverageImagesTotal, g.ImagesTotal)
	w.strs(GenAIGuardrailNotRun, g.NotRun)
	if len(g.Assessments) == 0 {
		// Nothing to derive but the violation flag (most events): derive's answer without
		// building it.
		if g.Intervened && elastic {
			w.bool(GenAIComplianceViolationDetected, true)
		}
		return
	}
	writeJSONList(w, GenAIGuardrailAssessments, g.Assessments, appendAssessmentsJSON)
	if !elastic {
		return // what derive makes is the elastic profile's alone
	}
	d := g.derive(w.arena(), w.bytes())
	w.strs(GenAIPolicyName, d.PolicyNames)
	w.strs(GenAIPolicyAction, d.PolicyActions)
	w.strs(GenAIPolicyConfidence, d.PolicyConfidences)
	w.json(GenAIPolicyMatchDetail, d.Matches)
	w.strs(GenAIComplianceViolationCode, d.ViolationCodes)
	w.boolOpt(GenAIComplianceViolationDetected, d.ViolationDetected)
	w.strs(GenAIComplianceRequestTriggered, d.RequestTriggered)
	w.strs(GenAIComplianceResponseTriggered, d.ResponseTriggered)
	w.strs(GenAIOWASPID, d.OWASPIDs)
	w.strs(GenAIOWASPDescription, d.OWASPDescriptions)
}

func (e *Event) writeVendorFields(w *fieldWriter) {
	// Vendor tree, warnings and caps.
	if s := w.set; s != nil {
		// A FieldSet's slot inlined here: a call per document, not per field.
		for i := range e.Vendor {
			fv := &e.Vendor[i]
			if fv.Value.kind == KindEmpty {
				continue
			}
			if v := s.slot(fv.Field); v != nil {
				*v = fv.Value
			}
		}
	} else {
		for i := range e.Vendor {
			w.valueAt(&e.Vendor[i])
		}
	}
	if len(e.Warnings) > 0 {
		writeJSONList(w, GenainormWarnings, e.Warnings, appendWarningsJSON)
	}
	if len(e.Truncations) > 0 {
		writeJSONList(w, GenainormTruncated, e.Truncations, appendTruncationsJSON)
	}
}

func (e *Event) writeSourceFields(w *fieldWriter) {
	pos := &e.Source.Position
	w.str(GenainormFormat, e.Source.Format)
	if pos.Line > 0 {
		w.int(GenainormRecordLine, pos.Line)
	}
	w.str(GenainormRecordPath, pos.Path)
	w.str(GenainormRecordEnvelope, e.Source.Envelope)
	w.str(LogFilePath, pos.Name)
	if pos.Name != "" {
		w.int(LogOffset, pos.Offset)
	}
}

// parseIP returns the address in s in its canonical form (IPv4-mapped IPv6 as IPv4), and
// whether s is an address: s itself when it is canonical already (no copy).
func parseIP(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return "", false
	}
	var buf [64]byte
	text := a.Unmap().AppendTo(buf[:0])
	if string(text) == s {
		return s, true
	}
	return string(text), true
}

// oneString returns []string{s}, cut from *arena when it is not nil.
func oneString(s string, arena *[]string) []string {
	if arena == nil {
		return []string{s}
	}
	start := len(*arena)
	*arena = append(*arena, s)
	return (*arena)[start:len(*arena):len(*arena)]
}

// relatedUsers lists the distinct user names and ids, cut from *arena when it is not nil.
func relatedUsers(id *Identity, arena *[]string) []string {
	if id.UserName == "" && id.UserID == "" && id.TargetName == "" {
		return nil
	}
	if arena == nil {
		arena = new([]string)
	}
	start := len(*arena)
	for _, s := range [...]string{id.UserName, id.UserID, id.TargetName} {
		if s != "" && !slices.Contains((*arena)[start:], s) {
			*arena = append(*arena, s)
		}
	}
	return (*arena)[start:len(*arena):len(*arena)]
}

// AssessmentsJSON renders assessments as the JSON array of gen_ai.guardrail.assessments.
func AssessmentsJSON(as []Assessment) []byte {
	return appendAssessmentsJSON(make([]byte, 0, 256*len(as)), as) // an assessment is 100 to 300 bytes
}

func appendAssessmentsJSON(b []byte, as []Assessment) []byte {
	b = append(b, '[')
	for i := range as {
		a := &as[i]
		if i > 0 {
			b = append(b, ',')
		}
		o := jsonObject{b: b}
		o.str(`"guardrail_id":`, a.GuardrailID)
		o.str(`"guardrail_version":`, a.GuardrailVersion)
		o.str(`"direction":`, string(a.Direction))
		o.str(`"policy":`, a.Policy)
		o.str(`"type":`, a.Type)
		o.str(`"action":`, a.Action)
		if a.Detected.Valid {
			o.bool(`"detected":`, a.Detected.Value)
		}
		o.str(`"confidence":`, a.Confidence)
		o.str(`"strength":`, a.Strength)
		o.str(`"name":`, a.Name)
		o.str(`"match":`, a.Match)
		o.str(`"regex":`, a.Regex)
		if a.Score.Valid {
			o.float(`"score":`, a.Score.Value)
		}
		if a.Threshold.Valid {
			o.float(`"threshold":`, a.Threshold.Value)
		}
		o.str(`"modality":`, a.Modality)
		o.str(`"native":`, a.Native)
		b = o.close()
	}
	return append(b, ']')
}

// writeJSONList writes f's value as the JSON array appendJSON makes of xs, built in the
// document's reused buffer.
func writeJSONList[T any](w *fieldWriter, f *Field, xs []T, appendJSON func([]byte, []T) []byte) {
	buf := w.bytes()
	start := len(*buf)
	*buf = appendJSON(*buf, xs)
	w.json(f, (*buf)[start:])
}

func appendWarningsJSON(b []byte, ws []Warning) []byte {
	b = append(b, '[')
	for i, w := range ws {
		if i > 0 {
			b = append(b, ',')
		}
		o := jsonObject{b: b}
		o.str(`"code":`, w.Code)
		o.str(`"message":`, w.Message)
		b = o.close()
	}
	return append(b, ']')
}

func appendTruncationsJSON(b []byte, ts []Truncation) []byte {
	b = append(b, '[')
	for i, t := range ts {
		if i > 0 {
			b = append(b, ',')
		}
		o := jsonObject{b: b}
		o.str(`"what":`, t.What)
		o.int(`"original_bytes":`, t.Original)
		o.int(`"kept_bytes":`, t.Kept)
		o.str(`"sha256":`, t.SHA256)
		b = o.close()
	}
	return append(b, ']')
}

// jsonObject writes a JSON object member by member; empty strings are left out. Its methods
// take each key as written, with its quotes and colon (`"name":`): this package's own plain
// ASCII names, copied in one piece.
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
	o.b = append(o.b, k...)
}

func (o *jsonObject) str(k, v string) {
	if v == "" {
		return
	}
	o.key(k)
	o.b = AppendJSONString(o.b, v)
}

func (o *jsonObject) int(k string, n int64) {
	o.key(k)
	o.b = appendInt(o.b, n)
}

func (o *jsonObject) float(k string, x float64) {
	o.key(k)
	o.b = appendFloat(o.b, x)
}

func (o *jsonObject) bool(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

func (o *jsonObject) close() []byte {
	if o.n == 0 {
		return append(o.b, '{', '}')
	}
	return append(o.b, '}')
}
