package azureopenai

import (
	"github.com/go-json-experiment/json/jsontext"
)

// Hand-written readers of the API body structs (requestBody, responseBody and what they hold),
// as objScan's record readers: identical to unmarshal for well-formed input, errSlow for
// anything else. Nested objects and arrays are read inline, in the same pass as their parent.
// A composite member (pointer, slice or nested struct) that appears twice makes unmarshal
// merge the two values: that, too, is left to unmarshal.

// scanner is a struct that can read the members of the object an objScan is in.
type scanner interface {
	members(s *objScan) error
}

// readObject reads the object v into t.
func readObject[T any, PT interface {
	*T
	scanner
}](t *T, v jsontext.Value) error {
	var s objScan
	if !s.reset(v) {
		return s.err
	}
	return PT(t).members(&s)
}

// enterObject reads the object that is the value of the member s just named into t, inline.
func enterObject[T any, PT interface {
	*T
	scanner
}](t *T, s *objScan) error {
	var sub objScan
	if !sub.enter(s) {
		return errSlow
	}
	return PT(t).members(&sub)
}

// skipNull reads the null value of the member s just named.
func skipNull(s *objScan) error {
	if !s.value() {
		return s.err
	}
	return nil
}

// ptrIn reads a pointer-to-struct member: null clears it, an object is read into a new T.
func ptrIn[T any, PT interface {
	*T
	scanner
}](p **T, s *objScan) error {
	switch s.d().PeekKind() {
	case 'n':
		*p = nil
		return skipNull(s)
	case '{':
		if *p != nil {
			return errSlow
		}
		t := new(T)
		if err := enterObject[T, PT](t, s); err != nil {
			return err
		}
		*p = t
		return nil
	}
	return errSlow
}

// structIn reads a struct-valued member: null zeroes it, an object is read into it.
func structIn[T any, PT interface {
	*T
	scanner
}](p *T, seen *bool, s *objScan) error {
	if *seen {
		return errSlow
	}
	*seen = true
	switch s.d().PeekKind() {
	case 'n':
		var zero T
		*p = zero
		return skipNull(s)
	case '{':
		return enterObject[T, PT](p, s)
	}
	return errSlow
}

// sliceIn reads a slice-of-structs member: null clears it, an array is read element by
// element (a null element is a zero T).
func sliceIn[T any, PT interface {
	*T
	scanner
}](p *[]T, seen *bool, s *objScan) error {
	if *seen {
		return errSlow
	}
	*seen = true
	switch s.d().PeekKind() {
	case 'n':
		*p = nil
		return skipNull(s)
	case '[':
		out, err := elements[T, PT](s)
		if err != nil {
			return err
		}
		*p = out
		return nil
	}
	return errSlow
}

// elements reads the array that comes next in s's decoder.
func elements[T any, PT interface {
	*T
	scanner
}](s *objScan) ([]T, error) {
	d := s.d()
	if _, err := d.ReadToken(); err != nil {
		return nil, errSlow
	}
	out := []T{}
	for {
		var t T
		switch d.PeekKind() {
		case ']':
			if _, err := d.ReadToken(); err != nil {
				return nil, errSlow
			}
			return out, nil
		case 'n':
			if _, err := d.ReadValue(); err != nil {
				return nil, errSlow
			}
		case '{':
			if err := enterObject[T, PT](&t, s); err != nil {
				return nil, err
			}
		default:
			return nil, errSlow
		}
		out = append(out, t)
	}
}

// readSlice reads the array v of objects.
func readSlice[T any, PT interface {
	*T
	scanner
}](v jsontext.Value) ([]T, error) {
	var s objScan
	s.dec.Reset(v)
	s.data = v
	if s.dec.PeekKind() != '[' {
		return nil, errSlow
	}
	out, err := elements[T, PT](&s)
	if err != nil {
		return nil, err
	}
	if s.dec.PeekKind() != 0 || s.dec.Err() != nil || s.dec.InputOffset() != int64(len(v)) {
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

func (m *chatMessage) members(s *objScan) error {
	s.exact = true
	var seenCalls bool
	for s.nextName() {
		switch s.name {
		case "tool_calls", "function_call":
		default:
			if !s.value() {
				return s.err
			}
		}
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
			err = sliceIn(&m.ToolCalls, &seenCalls, s)
		case "tool_call_id":
			err = m.ToolCallID.set(v)
		case "function_call":
			err = ptrIn(&m.FunctionCall, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (t *toolCall) members(s *objScan) error {
	s.exact = true
	var seenFunc bool
	for s.nextName() {
		switch s.name {
		case "function":
		default:
			if !s.value() {
				return s.err
			}
		}
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
			err = structIn(&t.Function, &seenFunc, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (f *functionCall) members(s *objScan) error {
	s.exact = true
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

func (p *contentPart) members(s *objScan) error {
	s.exact = true
	for s.nextName() {
		switch s.name {
		case "image_url":
		default:
			if !s.value() {
				return s.err
			}
		}
		var err error
		switch s.name {
		case "type":
			err = p.Type.set(s.val)
		case "text":
			err = p.Text.set(s.val)
		case "image_url":
			err = ptrIn(&p.ImageURL, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (u *imageURL) members(s *objScan) error { return oneString(s, "url", &u.URL) }

func (r *reasoning) members(s *objScan) error { return oneString(s, "effort", &r.Effort) }

func (rb *requestBody) members(s *objScan) error {
	s.exact = true
	var seenMsgs bool
	for s.nextName() {
		switch s.name {
		case "messages", "reasoning":
		default:
			if !s.value() {
				return s.err
			}
		}
		v := s.val
		var err error
		switch s.name {
		case "model":
			err = rb.Model.set(v)
		case "messages":
			err = sliceIn(&rb.Messages, &seenMsgs, s)
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
			err = ptrIn(&rb.Reasoning, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (rb *responseBody) members(s *objScan) error {
	s.exact = true
	var seenChoices, seenPrompt, seenAnn, seenData bool
	for s.nextName() {
		switch s.name {
		case "choices", "usage", "prompt_filter_results", "prompt_annotations", "data", "error":
		default:
			if !s.value() {
				return s.err
			}
		}
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
			err = sliceIn(&rb.Choices, &seenChoices, s)
		case "usage":
			err = ptrIn(&rb.Usage, s)
		case "prompt_filter_results":
			err = sliceIn(&rb.PromptFilterResults, &seenPrompt, s)
		case "prompt_annotations":
			err = sliceIn(&rb.PromptAnnotations, &seenAnn, s)
		case "system_fingerprint":
			err = rb.SystemFingerprint.set(v)
		case "data":
			err = sliceIn(&rb.Data, &seenData, s)
		case "error":
			err = ptrIn(&rb.Error, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

// oneString reads an object of which only the string member name matters (names matched
// exactly) into dst.
func oneString(s *objScan, name string, dst *flexString) error {
	s.exact = true
	for s.next() {
		if s.name == name {
			if err := dst.set(s.val); err != nil {
				return err
			}
		}
	}
	return s.err
}

func (d *dataItem) members(s *objScan) error { return oneString(s, "object", &d.Object) }

func (c *choice) members(s *objScan) error {
	s.exact = true
	for s.nextName() {
		switch s.name {
		case "message", "delta":
		default:
			if !s.value() {
				return s.err
			}
		}
		v := s.val
		var err error
		switch s.name {
		case "index":
			c.Index.set(v)
		case "finish_reason":
			err = c.FinishReason.set(v)
		case "message":
			err = ptrIn(&c.Message, s)
		case "delta":
			err = ptrIn(&c.Delta, s)
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

func (p *promptFilter) members(s *objScan) error {
	s.exact = true
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

func (u *usage) members(s *objScan) error {
	s.exact = true
	for s.nextName() {
		switch s.name {
		case "prompt_tokens_details", "input_tokens_details", "completion_tokens_details", "output_tokens_details":
		default:
			if !s.value() {
				return s.err
			}
		}
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
			err = ptrIn(&u.PromptTokensDetails, s)
		case "input_tokens_details":
			err = ptrIn(&u.InputTokensDetails, s)
		case "completion_tokens_details":
			err = ptrIn(&u.CompletionTokensDetails, s)
		case "output_tokens_details":
			err = ptrIn(&u.OutputTokensDetails, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (t *tokenDetails) members(s *objScan) error {
	s.exact = true
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

func (e *apiError) members(s *objScan) error {
	s.exact = true
	for s.nextName() {
		switch s.name {
		case "innererror", "inner_error":
		default:
			if !s.value() {
				return s.err
			}
		}
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
			err = ptrIn(&e.InnerError, s)
		case "inner_error":
			err = ptrIn(&e.InnerError2, s)
		}
		if err != nil {
			return err
		}
	}
	return s.err
}

func (e *innerError) members(s *objScan) error {
	s.exact = true
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
