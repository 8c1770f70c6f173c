package azureopenai

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
)

func init() {
	formats = append(formats, &genai.Format{
		Name:        FormatGatewayLLM,
		Description: "Azure API Management GatewayLlmLogs (ApiManagementGatewayLlmLog rows or Event Hub records), reassembled by CorrelationId and SequenceNumber into one event per request",
		Detect:      detectGatewayLLM,
		NewDecoder:  func() genai.Decoder { return newLLMDecoder() },
	})
}

func detectGatewayLLM(data []byte) bool {
	if bytes.Contains(data, []byte("GatewayLlmLog")) {
		return true
	}
	// Each containsVariants is a containsAny of the spellings, in one pass.
	return containsVariants(data, `equenceNumber"`, `"SequenceNumber"`, `"sequenceNumber"`) &&
		containsVariants(data, `orrelationId"`, `"CorrelationId"`, `"correlationId"`) &&
		(containsVariants(data, `romptTokens"`, `"PromptTokens"`, `"promptTokens"`) ||
			containsVariants(data, `equestMessages"`, `"RequestMessages"`, `"requestMessages"`) ||
			containsVariants(data, `esponseMessages"`, `"ResponseMessages"`, `"responseMessages"`) ||
			containsVariants(data, `eploymentName"`, `"DeploymentName"`, `"deploymentName"`))
}

// llmFields are the GatewayLlmLogs columns, read from the record's top level (Log Analytics)
// and then from its properties (Event Hub).
type llmFields struct {
	TimeGenerated      flexString     `json:"TimeGenerated,case:ignore"`
	Time               flexString     `json:"time,case:ignore"`
	CorrelationID      flexString     `json:"CorrelationId,case:ignore"`
	RequestID          flexString     `json:"RequestId,case:ignore"`
	OperationName      flexString     `json:"OperationName,case:ignore"`
	OperationID        flexString     `json:"operationId,case:ignore"`
	APIVersion         flexString     `json:"ApiVersion,case:ignore"`
	DeploymentName     flexString     `json:"DeploymentName,case:ignore"`
	ModelName          flexString     `json:"ModelName,case:ignore"`
	IsStreamCompletion flexBool       `json:"IsStreamCompletion,case:ignore"`
	PromptTokens       flexInt        `json:"PromptTokens,case:ignore"`
	CompletionTokens   flexInt        `json:"CompletionTokens,case:ignore"`
	TotalTokens        flexInt        `json:"TotalTokens,case:ignore"`
	RequestMessages    jsontext.Value `json:"RequestMessages,case:ignore"`
	ResponseMessages   jsontext.Value `json:"ResponseMessages,case:ignore"`
	SequenceNumber     flexInt        `json:"SequenceNumber,case:ignore"`
	Region             flexString     `json:"Region,case:ignore"`
	ResourceID         flexString     `json:"resourceId,case:ignore"`
	Category           flexString     `json:"category,case:ignore"`
	ServiceName        flexString     `json:"serviceName,case:ignore"`
	Properties         jsontext.Value `json:"properties,case:ignore"`
}

// llmChunkSize is the size of the pieces API Management splits large messages into.
const llmChunkSize = 32 * 1024

// maxHeldGroups bounds the requests held for reassembly; past it the oldest is emitted as is.
const maxHeldGroups = 1024

type llmPiece struct {
	seq       int64
	req, resp []byte
}

type llmGroup struct {
	key       string
	pos       genai.Position
	envelope  string
	f         llmFields // merged scalar facts
	pieces    []llmPiece
	original  []byte
	meta      bool // token counts or model seen
	respDone  bool // the last response piece was seen
	operation string
}

// scan reads the llmFields members of the object data (see objScan).
func (f *llmFields) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		v := s.val
		var err error
		switch s.fold {
		case "TIMEGENERATED":
			err = f.TimeGenerated.set(v)
		case "TIME":
			err = f.Time.set(v)
		case "CORRELATIONID":
			err = f.CorrelationID.set(v)
		case "REQUESTID":
			err = f.RequestID.set(v)
		case "OPERATIONNAME":
			err = f.OperationName.set(v)
		case "OPERATIONID":
			err = f.OperationID.set(v)
		case "APIVERSION":
			err = f.APIVersion.set(v)
		case "DEPLOYMENTNAME":
			err = f.DeploymentName.set(v)
		case "MODELNAME":
			err = f.ModelName.set(v)
		case "ISSTREAMCOMPLETION":
			f.IsStreamCompletion.set(v)
		case "PROMPTTOKENS":
			f.PromptTokens.set(v)
		case "COMPLETIONTOKENS":
			f.CompletionTokens.set(v)
		case "TOTALTOKENS":
			f.TotalTokens.set(v)
		case "REQUESTMESSAGES":
			f.RequestMessages = v
		case "RESPONSEMESSAGES":
			f.ResponseMessages = v
		case "SEQUENCENUMBER":
			f.SequenceNumber.set(v)
		case "REGION":
			err = f.Region.set(v)
		case "RESOURCEID":
			err = f.ResourceID.set(v)
		case "CATEGORY":
			err = f.Category.set(v)
		case "SERVICENAME":
			err = f.ServiceName.set(v)
		case "PROPERTIES":
			f.Properties = v
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

// llmDecoder reassembles GatewayLlmLogs pieces.
type llmDecoder struct {
	groups map[string]*llmGroup
	order  []string
	scan   objScan
}

func newLLMDecoder() *llmDecoder { return &llmDecoder{groups: make(map[string]*llmGroup)} }

// fields reads a record's columns: top holds its top level, f that merged with its properties.
// The raw values in them alias data.
func (d *llmDecoder) fields(data []byte, ev *genai.Event) (f, top llmFields, err error) {
	if top.scan(&d.scan, data) != nil {
		top = llmFields{}
		if err := unmarshal(data, &top); err != nil {
			return f, top, err
		}
	}
	f = top
	if props := stringOrValue(top.Properties); len(props) > 0 {
		if f.scan(&d.scan, props) != nil {
			f = top
			if err := unmarshal(props, &f); err != nil {
				ev.Warn(genai.WarnFieldTypeUnexpected, "azure gateway llm log: properties could not be read: "+err.Error())
			}
		}
	}
	return f, top, nil
}

// Decode adds a piece; it returns an event when a request's pieces are complete.
func (d *llmDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	f, top, err := d.fields(rec.Data, ev)
	if err != nil {
		return fmt.Errorf("azure gateway llm log: %w", err)
	}
	key := string(f.CorrelationID)
	g := d.groups[key]
	if g == nil || key == "" {
		g = &llmGroup{key: key, pos: rec.Pos, envelope: rec.Envelope}
		if key != "" {
			d.groups[key] = g
			d.order = append(d.order, key)
		}
	} else {
		g.original = append(g.original, '\n')
	}
	g.original = append(g.original, bytes.TrimSpace(rec.Data)...)
	g.merge(&f, string(top.OperationName))
	if key == "" || g.complete() {
		if key != "" {
			d.remove(key)
		}
		g.event(ev)
		return nil
	}
	if len(d.order) > maxHeldGroups {
		old := d.groups[d.order[0]]
		d.remove(old.key)
		old.event(ev)
		ev.Warn(genai.WarnFieldTypeUnexpected, "azure gateway llm log: request emitted before all its pieces arrived (too many requests held)")
		return nil
	}
	return genai.ErrHeld
}

func (d *llmDecoder) remove(key string) {
	delete(d.groups, key)
	if i := slices.Index(d.order, key); i >= 0 {
		d.order = slices.Delete(d.order, i, i+1)
	}
}

// Flush emits every request still held, in arrival order.
func (d *llmDecoder) Flush(emit func(*genai.Event)) {
	for _, key := range d.order {
		ev := new(genai.Event)
		d.groups[key].event(ev)
		emit(ev)
	}
	d.order, d.groups = nil, make(map[string]*llmGroup)
}

func (g *llmGroup) merge(f *llmFields, topOp string) {
	set := func(dst *flexString, v flexString) {
		if *dst == "" {
			*dst = v
		}
	}
	set(&g.f.TimeGenerated, firstFlex(f.TimeGenerated, f.Time))
	if t, ok := parseTime(string(firstFlex(f.TimeGenerated, f.Time))); ok {
		if cur, ok2 := parseTime(string(g.f.TimeGenerated)); !ok2 || t.Before(cur) {
			g.f.TimeGenerated = flexString(t.Format(time.RFC3339Nano))
		}
	}
	set(&g.f.CorrelationID, f.CorrelationID)
	set(&g.f.RequestID, f.RequestID)
	op := firstFlex(f.OperationID, f.OperationName)
	if strings.HasPrefix(string(op), "Microsoft.") {
		op = ""
	}
	set(&g.f.OperationName, op)
	if g.operation == "" && topOp != "" {
		g.operation = topOp
	}
	set(&g.f.APIVersion, f.APIVersion)
	set(&g.f.DeploymentName, f.DeploymentName)
	set(&g.f.ModelName, f.ModelName)
	set(&g.f.Region, f.Region)
	set(&g.f.ResourceID, f.ResourceID)
	set(&g.f.Category, f.Category)
	set(&g.f.ServiceName, f.ServiceName)
	if f.IsStreamCompletion.Valid && !g.f.IsStreamCompletion.Valid {
		g.f.IsStreamCompletion = f.IsStreamCompletion
	}
	for _, p := range [][2]*flexInt{{&g.f.PromptTokens, &f.PromptTokens}, {&g.f.CompletionTokens, &f.CompletionTokens}, {&g.f.TotalTokens, &f.TotalTokens}} {
		if p[1].Valid && (!p[0].Valid || p[0].Value == 0) {
			*p[0] = *p[1]
		}
	}
	if f.PromptTokens.Valid || f.CompletionTokens.Valid || f.TotalTokens.Valid || f.ModelName != "" {
		g.meta = true
	}
	piece := llmPiece{seq: f.SequenceNumber.Value}
	if hasContent(f.RequestMessages) {
		piece.req = bytes.Clone(f.RequestMessages)
	}
	if hasContent(f.ResponseMessages) {
		piece.resp = bytes.Clone(f.ResponseMessages)
		switch f.ResponseMessages.Kind() {
		case '[', '{':
			g.respDone = true
		case '"':
			if unquotedLen(f.ResponseMessages) < llmChunkSize {
				g.respDone = true
			}
		}
	}
	g.pieces = append(g.pieces, piece)
}

func firstFlex(vs ...flexString) flexString {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func hasContent(v jsontext.Value) bool {
	switch v.Kind() {
	case '[', '{':
		return true
	case '"':
		return len(v) > 2
	}
	return false
}

// complete reports whether every piece from 0 to the highest sequence number is there, the
// metadata was seen, and the response ended.
func (g *llmGroup) complete() bool {
	if !g.meta || !g.respDone {
		return false
	}
	var maxSeq int64
	seen := make(map[int64]bool, len(g.pieces))
	for _, p := range g.pieces {
		seen[p.seq] = true
		maxSeq = max(maxSeq, p.seq)
	}
	if maxSeq > int64(len(g.pieces)) {
		return false
	}
	for i := int64(0); i <= maxSeq; i++ {
		if !seen[i] && !(i == 0 && seen[1]) {
			return false
		}
	}
	return true
}

// messages joins the pieces of one side in sequence order: arrays are concatenated; string
// pieces are joined and read as a JSON array of messages when they form one.
func (g *llmGroup) messages(resp bool) []chatMessage {
	ps := slices.Clone(g.pieces)
	slices.SortStableFunc(ps, func(a, b llmPiece) int { return int(min(max(a.seq-b.seq, -1), 1)) })
	var msgs []chatMessage
	var text []byte
	for _, p := range ps {
		v := jsontext.Value(p.req)
		if resp {
			v = p.resp
		}
		switch v.Kind() {
		case '[':
			var ms []chatMessage
			if readMessages(v, &ms) == nil {
				msgs = append(msgs, ms...)
			}
		case '{':
			var m chatMessage
			if readMessage(v, &m) == nil {
				msgs = append(msgs, m)
			}
		case '"':
			text, _ = appendUnquoteOK(text, v)
		}
	}
	if len(text) > 0 {
		t := bytes.TrimSpace(text)
		var ms []chatMessage
		if len(t) > 0 && t[0] == '[' && readMessages(t, &ms) == nil {
			msgs = append(msgs, ms...)
		} else if len(t) > 0 && t[0] == '{' {
			var m chatMessage
			if readMessage(t, &m) == nil {
				msgs = append(msgs, m)
			}
		} else {
			role := "user"
			if resp {
				role = "assistant"
			}
			msgs = append(msgs, chatMessage{Role: flexString(role), text: text})
		}
	}
	return msgs
}

// event builds the request's event.
func (g *llmGroup) event(ev *genai.Event) {
	f := &g.f
	op := firstNonEmpty(string(f.OperationName), g.operation)
	source(ev, op)
	ev.Source.Format = FormatGatewayLLM
	ev.Source.Position = g.pos
	ev.Source.Envelope = g.envelope
	ev.Original = append(ev.Original[:0], g.original...)
	ev.Action = op
	ev.Category = append(ev.Category, "api")
	ev.Type = append(ev.Type, "access")
	if t, ok := parseTime(string(f.TimeGenerated)); ok {
		ev.Time = t
	}
	ev.Request.ID = string(f.CorrelationID)
	ev.Response.ID = string(f.RequestID)
	ev.Request.Operation = OperationName(op)
	setModel(ev, string(f.DeploymentName), string(f.ModelName), "")
	ev.Response.Model = string(f.ModelName)
	if f.IsStreamCompletion.Valid {
		ev.Request.Stream.Set(f.IsStreamCompletion.Value)
	}
	ev.HTTP.APIVersion = string(f.APIVersion)
	if f.PromptTokens.Valid || f.CompletionTokens.Valid {
		if f.PromptTokens.Valid {
			ev.Usage.InputTokens.Set(f.PromptTokens.Value)
		}
		if f.CompletionTokens.Valid {
			ev.Usage.OutputTokens.Set(f.CompletionTokens.Value)
		}
		if f.TotalTokens.Valid {
			ev.Usage.TotalTokens.Set(f.TotalTokens.Value)
		}
		ev.Usage.Source = genai.UsageSourceLog
	}
	if rid, ok := ParseResourceID(string(f.ResourceID)); ok {
		rid.apply(ev)
	}
	ev.Cloud.Region = regionName(string(f.Region))
	ev.Cloud.ServiceName = "api_management"

	reqMsgs := g.messages(false)
	if len(reqMsgs) > 0 {
		applyRequest(ev, &requestBody{Messages: reqMsgs})
	}
	if respMsgs := g.messages(true); len(respMsgs) > 0 {
		var out messageWriter
		var text []string
		for i := range respMsgs {
			out.message(&respMsgs[i], "")
			text = appendMessageText(text, &respMsgs[i])
		}
		ev.Response.OutputMessages = out.close()
		ev.Response.Text = strings.Join(text, "")
	}
	if ev.Request.Operation == "" && len(reqMsgs) > 0 {
		ev.Request.Operation = genai.OperationChat
	}

	vs := ev.SetVendor
	vs(genai.AzureOpenAICategory, genai.StringValue(string(f.Category)))
	vs(genai.AzureOpenAIOperationName, genai.StringValue(firstNonEmpty(g.operation, op)))
	vs(genai.AzureOpenAICorrelationID, genai.StringValue(string(f.CorrelationID)))
	vs(genai.AzureOpenAIRegion, genai.StringValue(string(f.Region)))
	vs(genai.AzureOpenAIServiceName, genai.StringValue(string(f.ServiceName)))
	vs(genai.AzureOpenAIPropertiesAPIVersion, genai.StringValue(string(f.APIVersion)))
	vs(genai.AzureOpenAIPropertiesModelDeploymentName, genai.StringValue(string(f.DeploymentName)))
	vs(genai.AzureOpenAIPropertiesModelName, genai.StringValue(string(f.ModelName)))
	vs(genai.AzureOpenAIPropertiesRequestID, genai.StringValue(string(f.RequestID)))
	vs(genai.AzureOpenAIPropertiesIsStreamCompletion, genai.BoolOpt(genai.Opt[bool](f.IsStreamCompletion)))
	vs(genai.AzureOpenAIPropertiesSequenceCount, genai.IntValue(int64(len(g.pieces))))
}
