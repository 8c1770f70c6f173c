package azureopenai

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/genai"
	"github.com/genainorm/genainorm/internal/jsonscan"
)

// flexFloat decodes a JSON number or numeric string as a float.
type flexFloat struct {
	Value float64
	Valid bool
}

// UnmarshalJSONFrom implements json.UnmarshalerFrom.
func (f *flexFloat) UnmarshalJSONFrom(dec *jsontext.Decoder) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	f.set(v)
	return nil
}

// requestBody is an Azure OpenAI request body: chat completions, completions, embeddings,
// image generations or responses.
type requestBody struct {
	Model               flexString     `json:"model"`
	Messages            []chatMessage  `json:"messages"`
	Prompt              jsontext.Value `json:"prompt"`
	Input               jsontext.Value `json:"input"`
	Instructions        flexString     `json:"instructions"`
	MaxTokens           flexInt        `json:"max_tokens"`
	MaxCompletionTokens flexInt        `json:"max_completion_tokens"`
	MaxOutputTokens     flexInt        `json:"max_output_tokens"`
	Temperature         flexFloat      `json:"temperature"`
	TopP                flexFloat      `json:"top_p"`
	Stop                jsontext.Value `json:"stop"`
	Seed                flexInt        `json:"seed"`
	N                   flexInt        `json:"n"`
	Stream              flexBool       `json:"stream"`
	FrequencyPenalty    flexFloat      `json:"frequency_penalty"`
	PresencePenalty     flexFloat      `json:"presence_penalty"`
	User                flexString     `json:"user"`
	Tools               jsontext.Value `json:"tools"`
	ResponseFormat      jsontext.Value `json:"response_format"`
	EncodingFormat      flexString     `json:"encoding_format"`
	Dimensions          flexInt        `json:"dimensions"`
	ReasoningEffort     flexString     `json:"reasoning_effort"`
	Reasoning           *reasoning     `json:"reasoning"`
}

type reasoning struct {
	Effort flexString `json:"effort"`
}

type chatMessage struct {
	Role         flexString     `json:"role"`
	Content      jsontext.Value `json:"content"`
	Refusal      flexString     `json:"refusal"`
	ToolCalls    []toolCall     `json:"tool_calls"`
	ToolCallID   flexString     `json:"tool_call_id"`
	FunctionCall *functionCall  `json:"function_call"`

	// text, when not nil, is the message's content as plain text: a Content that is the JSON
	// string of text, kept unquoted (reassembled GatewayLlmLogs text).
	text []byte
}

// appendMessageText appends the plain text of a message's content, as appendText.
func appendMessageText(dst []string, m *chatMessage) []string {
	if m.text != nil {
		if len(m.text) > 0 {
			dst = append(dst, string(m.text))
		}
		return dst
	}
	return appendText(dst, m.Content)
}

// messageParts writes the parts of a message's content, as contentParts.
func (w *messageWriter) messageParts(m *chatMessage) {
	if m.text != nil {
		w.textPart(bstr(m.text))
		return
	}
	w.contentParts(m.Content)
}

type toolCall struct {
	Index    flexInt      `json:"index"`
	ID       flexString   `json:"id"`
	Type     flexString   `json:"type"`
	Function functionCall `json:"function"`
}

type functionCall struct {
	Name      flexString `json:"name"`
	Arguments flexString `json:"arguments"`
}

// responseBody is an Azure OpenAI response body or one stream chunk.
type responseBody struct {
	ID                  flexString     `json:"id"`
	Object              flexString     `json:"object"`
	Created             flexInt        `json:"created"`
	Model               flexString     `json:"model"`
	Choices             []choice       `json:"choices"`
	Usage               *usage         `json:"usage"`
	PromptFilterResults []promptFilter `json:"prompt_filter_results"`
	PromptAnnotations   []promptFilter `json:"prompt_annotations"`
	SystemFingerprint   flexString     `json:"system_fingerprint"`
	Data                []dataItem     `json:"data"`
	Error               *apiError      `json:"error"`
}

type dataItem struct {
	Object flexString `json:"object"`
}

type choice struct {
	Index                flexInt        `json:"index"`
	FinishReason         flexString     `json:"finish_reason"`
	Message              *chatMessage   `json:"message"`
	Delta                *chatMessage   `json:"delta"`
	Text                 *flexString    `json:"text"`
	ContentFilterResults jsontext.Value `json:"content_filter_results"`
	ContentFilterResult  jsontext.Value `json:"content_filter_result"`
}

type promptFilter struct {
	PromptIndex          flexInt        `json:"prompt_index"`
	ContentFilterResults jsontext.Value `json:"content_filter_results"`
	ContentFilterResult  jsontext.Value `json:"content_filter_result"`
}

type usage struct {
	PromptTokens            flexInt       `json:"prompt_tokens"`
	CompletionTokens        flexInt       `json:"completion_tokens"`
	TotalTokens             flexInt       `json:"total_tokens"`
	InputTokens             flexInt       `json:"input_tokens"`
	OutputTokens            flexInt       `json:"output_tokens"`
	PromptTokensDetails     *tokenDetails `json:"prompt_tokens_details"`
	InputTokensDetails      *tokenDetails `json:"input_tokens_details"`
	CompletionTokensDetails *tokenDetails `json:"completion_tokens_details"`
	OutputTokensDetails     *tokenDetails `json:"output_tokens_details"`
}

type tokenDetails struct {
	CachedTokens    flexInt `json:"cached_tokens"`
	ReasoningTokens flexInt `json:"reasoning_tokens"`
}

type apiError struct {
	Code        flexString  `json:"code"`
	Message     flexString  `json:"message"`
	Type        flexString  `json:"type"`
	Param       flexString  `json:"param"`
	Status      flexInt     `json:"status"`
	InnerError  *innerError `json:"innererror"`
	InnerError2 *innerError `json:"inner_error"`
}

type innerError struct {
	Code                 flexString     `json:"code"`
	ContentFilterResult  jsontext.Value `json:"content_filter_result"`
	ContentFilterResults jsontext.Value `json:"content_filter_results"`
}

// applyRequest fills the request side of ev from a decoded request body.
func applyRequest(ev *genai.Event, rb *requestBody) {
	r := &ev.Request
	if m := string(rb.Model); m != "" && r.Model.ID == "" {
		r.Model.ID = m
		resolveModel(&r.Model, m)
	}
	switch {
	case rb.MaxTokens.Valid:
		r.MaxTokens.Set(rb.MaxTokens.Value)
	case rb.MaxCompletionTokens.Valid:
		r.MaxTokens.Set(rb.MaxCompletionTokens.Value)
	case rb.MaxOutputTokens.Valid:
		r.MaxTokens.Set(rb.MaxOutputTokens.Value)
	}
	if rb.Temperature.Valid {
		r.Temperature.Set(rb.Temperature.Value)
	}
	if rb.TopP.Valid {
		r.TopP.Set(rb.TopP.Value)
	}
	if rb.FrequencyPenalty.Valid {
		r.FrequencyPenalty.Set(rb.FrequencyPenalty.Value)
	}
	if rb.PresencePenalty.Valid {
		r.PresencePenalty.Set(rb.PresencePenalty.Value)
	}
	if rb.Seed.Valid {
		r.Seed.Set(rb.Seed.Value)
	}
	if rb.N.Valid {
		r.ChoiceCount.Set(rb.N.Value)
	}
	if rb.Stream.Valid {
		r.Stream.Set(rb.Stream.Value)
	}
	if rb.Dimensions.Valid {
		r.Dimensions.Set(rb.Dimensions.Value)
	}
	if f := string(rb.EncodingFormat); f != "" {
		r.EncodingFormats = append(r.EncodingFormats[:0], f)
	}
	r.StopSequences = stringList(rb.Stop)
	if e := string(rb.ReasoningEffort); e != "" {
		r.ReasoningLevel = e
	} else if rb.Reasoning != nil {
		r.ReasoningLevel = string(rb.Reasoning.Effort)
	}
	if len(rb.ResponseFormat) > 0 {
		var rf responseFormat
		if rf.read(rb.ResponseFormat) {
			switch rf.Type {
			case "json_object", "json_schema":
				r.OutputType = "json"
			case "text":
				r.OutputType = "text"
			}
		}
	}
	if u := string(rb.User); u != "" && ev.Identity.GenAIUser == "" {
		ev.Identity.GenAIUser = u
	}
	if len(rb.Tools) > 0 && rb.Tools.Kind() == '[' {
		v := jsontext.Value(bytes.Clone(rb.Tools))
		if v.Compact() == nil {
			r.ToolDefinitions = v
		}
	}
	var in messageWriter
	var sys messageWriter
	var text []string
	for i := range rb.Messages {
		m := &rb.Messages[i]
		role := string(m.Role)
		switch role {
		case "system", "developer":
			sys.openParts()
			sys.messageParts(m)
		default:
			in.message(m, "")
			if role == "user" {
				text = appendMessageText(text, m)
			}
		}
	}
	if s := string(rb.Instructions); s != "" {
		sys.instruction(s)
	}
	for _, src := range []jsontext.Value{rb.Prompt, rb.Input} {
		if len(src) == 0 {
			continue
		}
		for _, s := range stringList(src) {
			in.textMessage("user", s)
			text = append(text, s)
		}
		if src.Kind() == '[' && len(stringList(src)) == 0 {
			// Responses API input: a list of messages.
			var msgs []chatMessage
			if readMessages(src, &msgs) == nil {
				for i := range msgs {
					in.message(&msgs[i], "")
					if msgs[i].Role == "user" {
						text = appendMessageText(text, &msgs[i])
					}
				}
			}
		}
	}
	r.InputMessages = in.close()
	r.SystemInstructions = sys.closeParts()
	r.Text = strings.Join(text, "\n")
	if r.Operation == "" {
		switch {
		case len(rb.Messages) > 0:
			r.Operation = genai.OperationChat
		case len(rb.Prompt) > 0:
			r.Operation = genai.OperationTextCompletion
		}
	}
}

// applyResponse fills the response side of ev from a decoded (non-streamed) response body.
func applyResponse(ev *genai.Event, rb *responseBody, sink *filterSink) {
	resp := &ev.Response
	if id := string(rb.ID); id != "" {
		resp.ID = id
	}
	setResponseModel(ev, string(rb.Model))
	if rb.Created.Valid && rb.Created.Value > 0 {
		resp.Time = time.Unix(rb.Created.Value, 0).UTC()
	}
	ev.SetVendor(genai.AzureOpenAISystemFingerprint, genai.StringValue(string(rb.SystemFingerprint)))
	if ev.Request.Operation == "" {
		ev.Request.Operation = objectOperation(string(rb.Object), rb)
	}
	promptFilters(ev, rb, sink)
	var out messageWriter
	var text []string
	for i := range rb.Choices {
		c := &rb.Choices[i]
		fr := string(c.FinishReason)
		if fr != "" {
			resp.FinishReasons = append(resp.FinishReasons, fr)
			if fr == "content_filter" {
				ev.Guardrail.Intervened = true
			}
		}
		switch {
		case c.Message != nil:
			out.message(c.Message, fr)
			text = appendMessageText(text, c.Message)
		case c.Text != nil:
			out.textMessageFinish("assistant", string(*c.Text), fr)
			if *c.Text != "" {
				text = append(text, string(*c.Text))
			}
		}
		choiceFilters(ev, c, sink)
	}
	resp.OutputMessages = out.close()
	resp.Text = strings.Join(text, "")
	if len(rb.Data) > 0 && ev.Request.Operation == genai.OperationEmbeddings {
		resp.Embeddings.Set(int64(len(rb.Data)))
	}
	if rb.Usage != nil {
		applyUsage(ev, rb.Usage)
	}
	if rb.Error != nil {
		applyError(ev, rb.Error, sink)
	}
}

func objectOperation(object string, rb *responseBody) string {
	switch object {
	case "chat.completion", "chat.completion.chunk":
		return genai.OperationChat
	case "text_completion":
		return genai.OperationTextCompletion
	case "list", "embedding":
		if len(rb.Data) > 0 && string(rb.Data[0].Object) == "embedding" {
			return genai.OperationEmbeddings
		}
	case "response":
		return genai.OperationChat
	}
	return ""
}

func promptFilters(ev *genai.Event, rb *responseBody, sink *filterSink) {
	for _, list := range [][]promptFilter{rb.PromptFilterResults, rb.PromptAnnotations} {
		for i := range list {
			p := &list[i]
			for _, raw := range []jsontext.Value{p.ContentFilterResults, p.ContentFilterResult} {
				if raw.Kind() == '{' {
					ContentFilter(ev, raw, genai.DirectionInput)
					sink.add("prompt", p.PromptIndex.Value, raw)
				}
			}
		}
	}
}

func choiceFilters(ev *genai.Event, c *choice, sink *filterSink) {
	for _, raw := range []jsontext.Value{c.ContentFilterResults, c.ContentFilterResult} {
		if raw.Kind() == '{' {
			ContentFilter(ev, raw, genai.DirectionOutput)
			sink.add("choice", c.Index.Value, raw)
		}
	}
}

func applyUsage(ev *genai.Event, u *usage) {
	us := &ev.Usage
	in, out := u.PromptTokens, u.CompletionTokens
	if !in.Valid {
		in = u.InputTokens
	}
	if !out.Valid {
		out = u.OutputTokens
	}
	if !in.Valid && !out.Valid && !u.TotalTokens.Valid {
		return
	}
	if in.Valid {
		us.InputTokens.Set(in.Value)
	}
	if out.Valid {
		us.OutputTokens.Set(out.Value)
	}
	if u.TotalTokens.Valid {
		us.TotalTokens.Set(u.TotalTokens.Value)
	}
	for _, d := range []*tokenDetails{u.PromptTokensDetails, u.InputTokensDetails} {
		if d != nil && d.CachedTokens.Valid {
			us.CacheReadTokens.Set(d.CachedTokens.Value)
		}
	}
	for _, d := range []*tokenDetails{u.CompletionTokensDetails, u.OutputTokensDetails} {
		if d != nil && d.ReasoningTokens.Valid {
			us.ReasoningTokens.Set(d.ReasoningTokens.Value)
		}
	}
	us.InputIncludesCache = true // cached_tokens is a part of prompt_tokens
	us.Source = genai.UsageSourceBody
}

// applyError reads an error body: the code verbatim, the message, and for a content_filter
// error the prompt-side filter results of the inner error.
func applyError(ev *genai.Event, e *apiError, sink *filterSink) {
	resp := &ev.Response
	resp.ErrorCode = string(e.Code)
	resp.ErrorMessage = string(e.Message)
	if resp.ErrorCode == "" {
		resp.ErrorCode = string(e.Type)
	}
	if e.Status.Valid && e.Status.Value >= 100 && e.Status.Value < 600 && ev.HTTP.StatusCode == 0 {
		ev.HTTP.StatusCode = e.Status.Value
	}
	ev.Outcome = genai.OutcomeFailure
	if resp.ErrorCode == "content_filter" {
		ev.Guardrail.Intervened = true
	}
	for _, inner := range []*innerError{e.InnerError, e.InnerError2} {
		if inner == nil {
			continue
		}
		ev.SetVendor(genai.AzureOpenAIErrorInnerCode, genai.StringValue(string(inner.Code)))
		if inner.Code == "ResponsibleAIPolicyViolation" {
			ev.Guardrail.Intervened = true
		}
		for _, raw := range []jsontext.Value{inner.ContentFilterResult, inner.ContentFilterResults} {
			if raw.Kind() == '{' {
				ContentFilter(ev, raw, genai.DirectionInput)
				sink.add("error", 0, raw)
			}
		}
	}
}

// finishGuardrail sets the outcome for an intervention.
func finishGuardrail(ev *genai.Event) {
	if ev.Guardrail.Intervened {
		ev.Outcome = genai.OutcomeFailure
	}
}

// stringList reads a JSON string or array of strings.
func stringList(v jsontext.Value) []string {
	switch v.Kind() {
	case '"':
		if s, ok := unquoteOK(v); ok && s != "" {
			return []string{s}
		}
	case '[':
		var dec jsonscan.Decoder
		dec.Reset(v)
		if _, err := dec.ReadToken(); err != nil {
			return nil
		}
		var out []string
		for dec.PeekKind() != ']' {
			e, err := dec.ReadValue()
			if err != nil {
				return nil
			}
			if e.Kind() == '"' {
				if s, ok := unquoteOK(e); ok {
					out = append(out, s)
				}
			}
		}
		return out
	}
	return nil
}

// contentPart is one element of an array-form message content.
type contentPart struct {
	Type     flexString `json:"type"`
	Text     flexString `json:"text"`
	ImageURL *imageURL  `json:"image_url"`
}

type imageURL struct {
	URL flexString `json:"url"`
}

// appendText appends the plain text of a message content (string or parts).
func appendText(dst []string, content jsontext.Value) []string {
	switch content.Kind() {
	case '"':
		if s, ok := unquoteOK(content); ok && s != "" {
			dst = append(dst, s)
		}
	case '[':
		var parts []contentPart
		if readParts(content, &parts) == nil {
			for _, p := range parts {
				if p.Text != "" {
					dst = append(dst, string(p.Text))
				}
			}
		}
	}
	return dst
}

// messageWriter writes messages as the OTel GenAI JSON schema: [{"role", "parts": [...],
// "finish_reason"}].
type messageWriter struct {
	b []byte
	n int // messages written
	p int // parts written in the open parts list (closeParts mode)
}

func (w *messageWriter) begin(role string) {
	if w.n == 0 {
		w.b = append(w.b, '[')
	} else {
		w.b = append(w.b, ',')
	}
	w.n++
	w.b = append(w.b, `{"role":`...)
	w.b = genai.AppendJSONString(w.b, role)
	w.b = append(w.b, `,"parts":[`...)
	w.p = 0
}

func (w *messageWriter) end(finish string) {
	w.b = append(w.b, ']')
	if finish != "" {
		w.b = append(w.b, `,"finish_reason":`...)
		w.b = genai.AppendJSONString(w.b, finish)
	}
	w.b = append(w.b, '}')
}

func (w *messageWriter) sep() {
	if w.p > 0 {
		w.b = append(w.b, ',')
	}
	w.p++
}

func (w *messageWriter) textPart(s string) {
	w.sep()
	w.b = append(w.b, `{"type":"text","content":`...)
	w.b = genai.AppendJSONString(w.b, s)
	w.b = append(w.b, '}')
}

// contentParts writes the parts of a message content (a string or an array of parts).
func (w *messageWriter) contentParts(content jsontext.Value) {
	switch content.Kind() {
	case '"':
		if s, ok := unquoteView(content); ok {
			w.textPart(s)
		}
	case '[':
		var parts []contentPart
		if readParts(content, &parts) != nil {
			return
		}
		for _, p := range parts {
			switch {
			case p.ImageURL != nil:
				u := string(p.ImageURL.URL)
				w.sep()
				if strings.HasPrefix(u, "data:") {
					mt := strings.TrimPrefix(u, "data:")
					if i := strings.IndexAny(mt, ";,"); i >= 0 {
						mt = mt[:i]
					}
					w.b = append(w.b, `{"type":"blob","modality":"image","mime_type":`...)
					w.b = genai.AppendJSONString(w.b, mt)
				} else {
					w.b = append(w.b, `{"type":"uri","modality":"image","uri":`...)
					w.b = genai.AppendJSONString(w.b, u)
				}
				w.b = append(w.b, '}')
			case p.Text != "" || p.Type == "text" || p.Type == "input_text" || p.Type == "output_text":
				w.textPart(string(p.Text))
			}
		}
	}
}

func (w *messageWriter) message(m *chatMessage, finish string) {
	role := string(m.Role)
	if role == "" {
		role = "assistant"
	}
	w.begin(role)
	if role == "tool" {
		w.sep()
		w.b = append(w.b, `{"type":"tool_call_response","id":`...)
		w.b = genai.AppendJSONString(w.b, string(m.ToolCallID))
		w.b = append(w.b, `,"response":`...)
		var parts []string
		w.b = genai.AppendJSONString(w.b, strings.Join(appendMessageText(parts, m), ""))
		w.b = append(w.b, '}')
	} else {
		w.messageParts(m)
	}
	if m.Refusal != "" {
		w.textPart(string(m.Refusal))
	}
	for _, tc := range m.ToolCalls {
		w.toolCall(string(tc.ID), string(tc.Function.Name), string(tc.Function.Arguments))
	}
	if m.FunctionCall != nil {
		w.toolCall("", string(m.FunctionCall.Name), string(m.FunctionCall.Arguments))
	}
	w.end(finish)
}

func (w *messageWriter) toolCall(id, name, args string) {
	w.sep()
	w.b = append(w.b, `{"type":"tool_call"`...)
	if id != "" {
		w.b = append(w.b, `,"id":`...)
		w.b = genai.AppendJSONString(w.b, id)
	}
	w.b = append(w.b, `,"name":`...)
	w.b = genai.AppendJSONString(w.b, name)
	if args != "" {
		w.b = append(w.b, `,"arguments":`...)
		v := jsontext.Value(args)
		if v.Kind() == '{' && v.IsValid() {
			cv := jsontext.Value([]byte(args))
			if cv.Compact() == nil {
				w.b = append(w.b, cv...)
			} else {
				w.b = genai.AppendJSONString(w.b, args)
			}
		} else {
			w.b = genai.AppendJSONString(w.b, args)
		}
	}
	w.b = append(w.b, '}')
}

func (w *messageWriter) textMessage(role, text string) { w.textMessageFinish(role, text, "") }

func (w *messageWriter) textMessageFinish(role, text, finish string) {
	w.begin(role)
	w.textPart(text)
	w.end(finish)
}

// close returns the messages array, or nil when none was written.
func (w *messageWriter) close() []byte {
	if w.n == 0 {
		return nil
	}
	return append(w.b, ']')
}

// instruction writes one text system-instruction part.
func (w *messageWriter) instruction(s string) {
	w.openParts()
	w.textPart(s)
}

func (w *messageWriter) openParts() {
	if w.n == 0 {
		w.b = append(w.b, '[')
		w.n = 1
	}
}

// closeParts returns the system-instruction parts array, or nil.
func (w *messageWriter) closeParts() []byte {
	if w.p == 0 {
		return nil
	}
	return append(w.b, ']')
}

func parseFloat(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// responseFormat is the response_format member of a request body.
type responseFormat struct {
	Type flexString `json:"type"`
}

func (rf *responseFormat) members(s *objScan) error {
	s.exact = true
	for s.next() {
		if s.name == "type" {
			if err := rf.Type.set(s.val); err != nil {
				return err
			}
		}
	}
	return s.err
}

// read reads a response_format value; it reports whether unmarshal would have succeeded.
func (rf *responseFormat) read(v jsontext.Value) bool {
	if readObject(rf, v) == nil {
		return true
	}
	*rf = responseFormat{}
	return unmarshal(v, rf) == nil
}
