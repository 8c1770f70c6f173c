package azureopenai

import (
	"github.com/go-json-experiment/json/jsontext"

	"github.com/genainorm/genainorm/internal/jsonscan"
)

// Hand-written readers of the API body structs (requestBody, responseBody and what they hold),
// as objScan's record readers: identical to unmarshal for well-formed input, errSlow for
// anything else. A composite member (pointer, slice or nested struct) that appears twice makes
// unmarshal merge the two values: that, too, is left to unmarshal.

// scanner is a struct that can read itself from a raw JSON object.
type scanner interface {
	scan(s *objScan, data []byte) error
}

// readObject reads the object v into t with a fresh case-sensitive scan.
func readObject[T any, PT interface {
	*T
	scanner
}](t *T, v jsontext.Value) error {
	s := objScan{exact: true}
	return PT(t).scan(&s, v)
}

// ptrMember reads a pointer-to-struct member: null clears it, an object is read into a new T.
func ptrMember[T any, PT interface {
	*T
	scanner
}](p **T, v jsontext.Value) error {
	switch v.Kind() {
	case 'n':
		*p = nil
		return nil
	case '{':
		if *p != nil {
			return errSlow
		}
		t := new(T)
		if err := readObject[T, PT](t, v); err != nil {
			return err
		}
		*p = t
		return nil
	}
	return errSlow
}

// structMember reads a struct-valued member: null zeroes it, an object is read into it.
func structMember[T any, PT interface {
	*T
	scanner
}](p *T, seen *bool, v jsontext.Value) error {
	if *seen {
		return errSlow
	}
	*seen = true
	switch v.Kind() {
	case 'n':
		var zero T
		*p = zero
		return nil
	case '{':
		return readObject[T, PT](p, v)
	}
	return errSlow
}

// sliceMember reads a slice-of-structs member: null clears it, an array is read element by
// element (a null element is a zero T).
func sliceMember[T any, PT interface {
	*T
	scanner
}](p *[]T, seen *bool, v jsontext.Value) error {
	if *seen {
		return errSlow
	}
	*seen = true
	switch v.Kind() {
	case 'n':
		*p = nil
		return nil
	case '[':
		out, err := readSlice[T, PT](v)
		if err != nil {
			return err
		}
		*p = out
		return nil
	}
	return errSlow
}

// readSlice reads the array v of objects.
func readSlice[T any, PT interface {
	*T
	scanner
}](v jsontext.Value) ([]T, error) {
	var dec jsonscan.Decoder
	dec.Reset(v)
	if _, err := dec.ReadToken(); err != nil {
		return nil, errSlow
	}
	out := []T{}
	for dec.PeekKind() != ']' {
		e, err := dec.ReadValue()
		if err != nil {
			return nil, errSlow
		}
		var t T
		switch e.Kind() {
		case 'n':
		case '{':
			if err := readObject[T, PT](&t, e); err != nil {
				return nil, err
			}
		default:
			return nil, errSlow
		}
		out = append(out, t)
	}
	if _, err := dec.ReadToken(); err != nil || dec.PeekKind() != 0 || dec.Err() != nil || dec.InputOffset() != int64(len(v)) {
		return nil, errSlow
	}
	return out, nil
}

// flexPtr reads a *flexString member: null clears it, any other value is read into a new one.
func flexPtr(p **flexString, v jsontext.Value) error {
	if v.Kind() == 'n' {
		*p = nil
		return nil
	}
	if *p == nil {
		*p = new(flexString)
	}
	return (*p).set(v)
}

// set stores a raw value as unmarshal into a flexFloat does.
func (f *flexFloat) set(v jsontext.Value) {
	var s string
	switch v.Kind() {
	case '0':
		s = bstr(v)
	case '"':
		u, ok := unquoteOK(v)
		if !ok {
			return
		}
		s = u
	default:
		return
	}
	if x, ok := parseFloat(s); ok {
		f.Value, f.Valid = x, true
	}
}

func (m *chatMessage) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	var seenCalls bool
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "role":
			err = m.Role.set(v)
		case "content":
			m.Content = v
		case "refusal":
			err = m.Refusal.set(v)
		case "tool_calls":
			err = sliceMember(&m.ToolCalls, &seenCalls, v)
		case "tool_call_id":
			err = m.ToolCallID.set(v)
		case "function_call":
			err = ptrMember(&m.FunctionCall, v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (t *toolCall) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	var seenFunc bool
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "index":
			t.Index.set(v)
		case "id":
			err = t.ID.set(v)
		case "type":
			err = t.Type.set(v)
		case "function":
			err = structMember(&t.Function, &seenFunc, v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (f *functionCall) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		var err error
		switch s.name {
		case "name":
			err = f.Name.set(s.val)
		case "arguments":
			err = f.Arguments.set(s.val)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (p *contentPart) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		var err error
		switch s.name {
		case "type":
			err = p.Type.set(s.val)
		case "text":
			err = p.Text.set(s.val)
		case "image_url":
			err = ptrMember(&p.ImageURL, s.val)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (u *imageURL) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		if s.name == "url" {
			if err := u.URL.set(s.val); err != nil {
				return err
			}
		}
	}
	return s.err
}

func (r *reasoning) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		if s.name == "effort" {
			if err := r.Effort.set(s.val); err != nil {
				return err
			}
		}
	}
	return s.err
}

func (rb *requestBody) scan(s *objScan, data []byte) error {
	s.exact = true
	if !s.reset(data) {
		return s.err
	}
	var seenMsgs bool
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "model":
			err = rb.Model.set(v)
		case "messages":
			err = sliceMember(&rb.Messages, &seenMsgs, v)
		case "prompt":
			rb.Prompt = v
		case "input":
			rb.Input = v
		case "instructions":
			err = rb.Instructions.set(v)
		case "max_tokens":
			rb.MaxTokens.set(v)
		case "max_completion_tokens":
			rb.MaxCompletionTokens.set(v)
		case "max_output_tokens":
			rb.MaxOutputTokens.set(v)
		case "temperature":
			rb.Temperature.set(v)
		case "top_p":
			rb.TopP.set(v)
		case "stop":
			rb.Stop = v
		case "seed":
			rb.Seed.set(v)
		case "n":
			rb.N.set(v)
		case "stream":
			rb.Stream.set(v)
		case "frequency_penalty":
			rb.FrequencyPenalty.set(v)
		case "presence_penalty":
			rb.PresencePenalty.set(v)
		case "user":
			err = rb.User.set(v)
		case "tools":
			rb.Tools = v
		case "response_format":
			rb.ResponseFormat = v
		case "encoding_format":
			err = rb.EncodingFormat.set(v)
		case "dimensions":
			rb.Dimensions.set(v)
		case "reasoning_effort":
			err = rb.ReasoningEffort.set(v)
		case "reasoning":
			err = ptrMember(&rb.Reasoning, v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (rb *responseBody) scan(s *objScan, data []byte) error {
	s.exact = true
	if !s.reset(data) {
		return s.err
	}
	var seenChoices, seenPrompt, seenAnn, seenData bool
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "id":
			err = rb.ID.set(v)
		case "object":
			err = rb.Object.set(v)
		case "created":
			rb.Created.set(v)
		case "model":
			err = rb.Model.set(v)
		case "choices":
			err = sliceMember(&rb.Choices, &seenChoices, v)
		case "usage":
			err = ptrMember(&rb.Usage, v)
		case "prompt_filter_results":
			err = sliceMember(&rb.PromptFilterResults, &seenPrompt, v)
		case "prompt_annotations":
			err = sliceMember(&rb.PromptAnnotations, &seenAnn, v)
		case "system_fingerprint":
			err = rb.SystemFingerprint.set(v)
		case "data":
			err = sliceMember(&rb.Data, &seenData, v)
		case "error":
			err = ptrMember(&rb.Error, v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (d *dataItem) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		if s.name == "object" {
			if err := d.Object.set(s.val); err != nil {
				return err
			}
		}
	}
	return s.err
}

func (c *choice) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "index":
			c.Index.set(v)
		case "finish_reason":
			err = c.FinishReason.set(v)
		case "message":
			err = ptrMember(&c.Message, v)
		case "delta":
			err = ptrMember(&c.Delta, v)
		case "text":
			err = flexPtr(&c.Text, v)
		case "content_filter_results":
			c.ContentFilterResults = v
		case "content_filter_result":
			c.ContentFilterResult = v
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (p *promptFilter) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		v := s.val
		switch s.name {
		case "prompt_index":
			p.PromptIndex.set(v)
		case "content_filter_results":
			p.ContentFilterResults = v
		case "content_filter_result":
			p.ContentFilterResult = v
		}
	}
	return s.err
}

func (u *usage) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "prompt_tokens":
			u.PromptTokens.set(v)
		case "completion_tokens":
			u.CompletionTokens.set(v)
		case "total_tokens":
			u.TotalTokens.set(v)
		case "input_tokens":
			u.InputTokens.set(v)
		case "output_tokens":
			u.OutputTokens.set(v)
		case "prompt_tokens_details":
			err = ptrMember(&u.PromptTokensDetails, v)
		case "input_tokens_details":
			err = ptrMember(&u.InputTokensDetails, v)
		case "completion_tokens_details":
			err = ptrMember(&u.CompletionTokensDetails, v)
		case "output_tokens_details":
			err = ptrMember(&u.OutputTokensDetails, v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (t *tokenDetails) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		switch s.name {
		case "cached_tokens":
			t.CachedTokens.set(s.val)
		case "reasoning_tokens":
			t.ReasoningTokens.set(s.val)
		}
	}
	return s.err
}

func (e *apiError) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "code":
			err = e.Code.set(v)
		case "message":
			err = e.Message.set(v)
		case "type":
			err = e.Type.set(v)
		case "param":
			err = e.Param.set(v)
		case "status":
			e.Status.set(v)
		case "innererror":
			err = ptrMember(&e.InnerError, v)
		case "inner_error":
			err = ptrMember(&e.InnerError2, v)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (e *innerError) scan(s *objScan, data []byte) error {
	if !s.reset(data) {
		return s.err
	}
	for s.next() {
		v := s.val
		var err error
		switch s.name {
		case "code":
			err = e.Code.set(v)
		case "content_filter_result":
			e.ContentFilterResult = v
		case "content_filter_results":
			e.ContentFilterResults = v
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

// readMessages reads a JSON array of chat messages as unmarshal into []chatMessage does.
func readMessages(v jsontext.Value, ms *[]chatMessage) error {
	if v.Kind() == '[' {
		if out, err := readSlice[chatMessage](v); err == nil {
			*ms = out
			return nil
		}
	}
	*ms = nil
	return unmarshal(v, ms)
}

// readMessage reads a JSON chat message object as unmarshal does.
func readMessage(v jsontext.Value, m *chatMessage) error {
	if readObject(m, v) == nil {
		return nil
	}
	*m = chatMessage{}
	return unmarshal(v, m)
}

// readParts reads an array-form message content as unmarshal into []contentPart does.
func readParts(v jsontext.Value, parts *[]contentPart) error {
	if out, err := readSlice[contentPart](v); err == nil {
		*parts = out
		return nil
	}
	*parts = nil
	return unmarshal(v, parts)
}
