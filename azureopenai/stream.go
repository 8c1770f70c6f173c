package azureopenai

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/genainorm/genainorm/genai"
)

func init() {
	formats = append(formats, &genai.Format{
		Name:        FormatStream,
		Description: "Azure OpenAI streamed chat completion chunks (SSE data: lines or bare chunk objects, prompt and content-filter annotation chunks, data: [DONE]), merged by id into one event per stream",
		Detect:      detectStream,
		NewDecoder:  func() genai.Decoder { return &streamDecoder{} },
	})
}

func detectStream(data []byte) bool {
	d := bytes.TrimSpace(data)
	if isDone(d) {
		return true
	}
	if len(d) == 0 || d[0] != '{' {
		return false
	}
	if hasMember(d, "object", `"chat.completion.chunk"`) {
		return true
	}
	// Annotation chunks: an empty id with prompt or content-filter results.
	return hasMember(d, "id", `""`) && containsAny(d, `"prompt_filter_results"`, `"prompt_annotations"`, `"content_filter_offsets"`, `"content_filter_results"`)
}

// isDone reports whether a record is the stream end marker.
func isDone(d []byte) bool {
	d = bytes.TrimSpace(d)
	if rest, ok := bytes.CutPrefix(d, []byte("data:")); ok {
		d = bytes.TrimSpace(rest)
	}
	return string(d) == "[DONE]"
}

// streamDecoder merges the chunks of one stream into one event. Chunks of a stream follow
// each other: a chunk with another id, or a prompt-annotation chunk after content, starts the
// next stream; data: [DONE] or the end of the input ends one.
type streamDecoder struct {
	cur *streamState
}

// Decode adds a chunk to the open stream; it returns an event when a stream ends.
func (d *streamDecoder) Decode(rec *genai.Record, ev *genai.Event) error {
	data := bytes.TrimSpace(rec.Data)
	if rest, ok := bytes.CutPrefix(data, []byte("data:")); ok {
		data = bytes.TrimSpace(rest)
	}
	if isDone(data) {
		if d.cur == nil {
			return genai.Skip("stream end marker with no open stream")
		}
		d.cur.original = append(append(d.cur.original, '\n'), data...)
		d.cur.event(ev)
		d.cur = nil
		return nil
	}
	var rb responseBody
	if err := decodeInto(data, &rb); err != nil {
		return fmt.Errorf("azure stream chunk: %w", err)
	}
	id := string(rb.ID)
	promptChunk := id == "" && (len(rb.PromptFilterResults) > 0 || len(rb.PromptAnnotations) > 0)
	emitted := false
	if c := d.cur; c != nil && ((id != "" && c.id != "" && id != c.id) || (promptChunk && c.content)) {
		c.event(ev)
		d.cur = nil
		emitted = true
	}
	if d.cur == nil {
		d.cur = &streamState{pos: rec.Pos, envelope: rec.Envelope}
	} else {
		d.cur.original = append(d.cur.original, '\n')
	}
	d.cur.original = append(d.cur.original, data...)
	d.cur.add(&rb)
	if emitted {
		return nil
	}
	return genai.ErrHeld
}

// Flush emits the stream still open at the end of the input.
func (d *streamDecoder) Flush(emit func(*genai.Event)) {
	if d.cur == nil {
		return
	}
	ev := new(genai.Event)
	d.cur.event(ev)
	d.cur = nil
	emit(ev)
}

// streamState accumulates the chunks of one stream.
type streamState struct {
	id, model, fingerprint string
	created                int64
	content                bool // a chunk with an id was seen
	chunks                 int
	prompt                 []rawFilter
	choices                []*streamChoice
	usage                  *usage
	err                    *apiError
	original               []byte
	pos                    genai.Position
	envelope               string
}

type rawFilter struct {
	index int64
	raw   []byte
}

type streamChoice struct {
	index     int64
	role      string
	text      strings.Builder
	finish    string
	toolCalls []*streamToolCall
	filters   [][]byte
}

type streamToolCall struct {
	index    int64
	id, name string
	args     strings.Builder
}

func (s *streamState) choice(i int64) *streamChoice {
	for _, c := range s.choices {
		if c.index == i {
			return c
		}
	}
	c := &streamChoice{index: i}
	s.choices = append(s.choices, c)
	return c
}

// add merges one chunk.
func (s *streamState) add(rb *responseBody) {
	s.chunks++
	if id := string(rb.ID); id != "" {
		s.content = true
		if s.id == "" {
			s.id = id
		}
	}
	if m := string(rb.Model); m != "" && s.model == "" {
		s.model = m
	}
	if f := string(rb.SystemFingerprint); f != "" {
		s.fingerprint = f
	}
	if rb.Created.Valid && rb.Created.Value > 0 && s.created == 0 {
		s.created = rb.Created.Value
	}
	for _, list := range [][]promptFilter{rb.PromptFilterResults, rb.PromptAnnotations} {
		for _, p := range list {
			for _, raw := range [][]byte{p.ContentFilterResults, p.ContentFilterResult} {
				if len(raw) > 0 && raw[0] == '{' {
					s.prompt = append(s.prompt, rawFilter{index: p.PromptIndex.Value, raw: bytes.Clone(raw)})
				}
			}
		}
	}
	for i := range rb.Choices {
		ch := &rb.Choices[i]
		c := s.choice(ch.Index.Value)
		if fr := string(ch.FinishReason); fr != "" {
			c.finish = fr
		}
		for _, m := range []*chatMessage{ch.Delta, ch.Message} {
			if m == nil {
				continue
			}
			if r := string(m.Role); r != "" {
				c.role = r
			}
			var parts []string
			c.text.WriteString(strings.Join(appendMessageText(parts, m), ""))
			for _, tc := range m.ToolCalls {
				var t *streamToolCall
				for _, x := range c.toolCalls {
					if x.index == tc.Index.Value {
						t = x
					}
				}
				if t == nil {
					t = &streamToolCall{index: tc.Index.Value}
					c.toolCalls = append(c.toolCalls, t)
				}
				if id := string(tc.ID); id != "" {
					t.id = id
				}
				if n := string(tc.Function.Name); n != "" {
					t.name = n
				}
				t.args.WriteString(string(tc.Function.Arguments))
			}
		}
		if ch.Text != nil {
			c.text.WriteString(string(*ch.Text))
		}
		for _, raw := range [][]byte{ch.ContentFilterResults, ch.ContentFilterResult} {
			if len(raw) > 0 && raw[0] == '{' {
				c.filters = append(c.filters, bytes.Clone(raw))
			}
		}
	}
	if rb.Usage != nil {
		u := *rb.Usage
		s.usage = &u
	}
	if rb.Error != nil {
		// The error outlives the chunk, whose bytes its raw members may alias.
		e := *rb.Error
		for _, in := range []**innerError{&e.InnerError, &e.InnerError2} {
			if *in != nil {
				c := **in
				c.ContentFilterResult = bytes.Clone(c.ContentFilterResult)
				c.ContentFilterResults = bytes.Clone(c.ContentFilterResults)
				*in = &c
			}
		}
		s.err = &e
	}
}

// apply writes the merged stream into ev (response side, filters and usage).
func (s *streamState) apply(ev *genai.Event, sink *filterSink) {
	ev.Request.Stream.Set(true)
	if ev.Request.Operation == "" {
		ev.Request.Operation = genai.OperationChat
	}
	resp := &ev.Response
	resp.ID = firstNonEmpty(s.id, resp.ID)
	setResponseModel(ev, s.model)
	if s.created > 0 {
		resp.Time = time.Unix(s.created, 0).UTC()
	}
	ev.SetVendor(genai.AzureOpenAISystemFingerprint, genai.StringValue(s.fingerprint))
	for _, p := range s.prompt {
		ContentFilter(ev, p.raw, genai.DirectionInput)
		sink.add("prompt", p.index, p.raw)
	}
	var out messageWriter
	var text []string
	for _, c := range s.choices {
		if c.finish != "" {
			resp.FinishReasons = append(resp.FinishReasons, c.finish)
			if c.finish == "content_filter" {
				ev.Guardrail.Intervened = true
			}
		}
		if c.text.Len() > 0 || len(c.toolCalls) > 0 || c.finish != "" {
			role := c.role
			if role == "" {
				role = "assistant"
			}
			out.begin(role)
			if c.text.Len() > 0 {
				out.textPart(c.text.String())
				text = append(text, c.text.String())
			}
			for _, t := range c.toolCalls {
				out.toolCall(t.id, t.name, t.args.String())
			}
			out.end(c.finish)
		}
		for _, raw := range c.filters {
			ContentFilter(ev, raw, genai.DirectionOutput)
			sink.add("choice", c.index, raw)
		}
	}
	resp.OutputMessages = out.close()
	resp.Text = strings.Join(text, "")
	if s.usage != nil {
		applyUsage(ev, s.usage)
	}
	if s.err != nil {
		applyError(ev, s.err, sink)
	}
}

// event builds the stream's event.
func (s *streamState) event(ev *genai.Event) {
	source(ev, "chat.completion.chunk")
	ev.Action = ev.Source.Operation
	ev.Source.Format = FormatStream
	ev.Source.Position = s.pos
	ev.Source.Envelope = s.envelope
	ev.Original = append(ev.Original[:0], s.original...)
	ev.Category = append(ev.Category, "api")
	ev.Type = append(ev.Type, "info")
	var sink filterSink
	s.apply(ev, &sink)
	sink.flush(ev)
	ev.Request.Model.ID = firstNonEmpty(ev.Request.Model.ID, s.model)
	ev.Time = ev.Response.Time
	if ev.Outcome == "" {
		ev.Outcome = genai.OutcomeSuccess
	}
	finishGuardrail(ev)
}
