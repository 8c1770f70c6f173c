package model

import (
	"unsafe"

	"github.com/genainorm/genainorm/genai"
)

// Block kinds of a stream.
const (
	kindText = iota
	kindTool
	kindReasoning
)

// sblock is one content block being assembled from stream deltas.
type sblock struct {
	choice, index int
	kind          int
	text          []byte
	id, name      string
	args          []byte
	argsDelta     bool
}

// textView returns b's text without copying it: the writer copies what it is given.
func (b *sblock) textView() string {
	return unsafe.String(unsafe.SliceData(b.text), len(b.text))
}

// stream merges the chunks of one InvokeModelWithResponseStream response.
type stream struct {
	shape       shape
	chunks      int
	id, model   string
	role        string
	blocks      []sblock
	reasons     []finish
	usage       tokens
	metrics     tokens
	haveUsage   bool
	haveMetrics bool
	trusted     bool // trusted(m), computed once per stream
	valid       bool // the chunks are known to be valid JSON (DecodeStreamValid)
	// run is the block the last chunk, a text delta of the fixed layout, went to (index
	// runIndex), nil after any other chunk: a text delta to the same block that follows is
	// appended to it directly (see fixedChunk). No other block is added meanwhile, so run
	// stays valid.
	run      *sblock
	runIndex int64
	// start holds the id, role and model texts of the last message_start chunk read by its
	// fixed layout (see messageStart), and startRead says whether it is usable: no text
	// escaped, valid UTF-8. Only what the first chunk set is used (see applyStart).
	start     [3]string
	startRead bool
	// metricsOf is the chunk whose invocation metrics the caller wants in *metricsOut (see
	// DecodeStreamBedrock), nil for none; metricsRead says that the fixed layout of the chunk
	// read them.
	metricsOf   []byte
	metricsOut  *InvocationMetrics
	metricsRead bool
}

// fixedMetrics merges the invocation metrics of chunk c, read by their fixed layout (the
// token counts t and the latencies), into the stream's, and keeps them when c is the chunk
// they are wanted of.
func (st *stream) fixedMetrics(c []byte, t tokens, latency, firstByte int64) {
	mergeUsage(&st.metrics, t)
	st.haveMetrics = true
	if st.metricsOf == nil || unsafe.SliceData(c) != unsafe.SliceData(st.metricsOf) || len(c) != len(st.metricsOf) {
		return
	}
	*st.metricsOut = InvocationMetrics{
		InputTokens:      t.in,
		OutputTokens:     t.out,
		Latency:          genai.Opt[int64]{Value: latency, Valid: true},
		FirstByteLatency: genai.Opt[int64]{Value: firstByte, Valid: true},
		CacheReadTokens:  t.cacheRead,
		CacheWriteTokens: t.cacheWrite,
	}
	st.metricsRead = true
}

// applyStart does, once the first chunk of the stream has been merged, what Bedrock's read of
// a first message_start chunk does: the response id, the role (ev.Request.Model.Role) and the
// response model it holds are set where ev has none. When the first chunk was read by the
// fixed message_start layout, with texts that need no unescaping, those texts are used (a
// chunk of that layout holds each once: they are what a general read finds); otherwise start
// is called with the first chunk to read it its own way. No chunk merge reads or writes these
// fields of ev, so doing it after the first chunk is doing it before the stream.
func (st *stream) applyStart(ev *genai.Event, first []byte, start func(first []byte)) {
	if !st.startRead {
		start(first)
		return
	}
	if id := st.start[0]; id != "" && ev.Response.ID == "" {
		ev.Response.ID = id
	}
	if role := st.start[1]; role != "" && ev.Request.Model.Role == "" {
		ev.Request.Model.Role = role
	}
	if model := st.start[2]; model != "" && ev.Response.Model == "" {
		ev.Response.Model = model
	}
}

type finish struct {
	choice int
	reason string
}

// Pseudo block indexes of chat-completions streams.
const (
	idxReasoning = -1
	idxText      = 0
	idxTool      = 1 << 20
)

// block returns the block of (choice, index), creating it with kind.
func (st *stream) block(choice, index, kind int) *sblock {
	for i := len(st.blocks) - 1; i >= 0; i-- {
		if b := &st.blocks[i]; b.choice == choice && b.index == index {
			return b
		}
	}
	if n := len(st.blocks); n < cap(st.blocks) {
		// A block of an earlier stream (see keepBlocks): its buffers are reused.
		st.blocks = st.blocks[:n+1]
		b := &st.blocks[n]
		*b = sblock{choice: choice, index: index, kind: kind, text: b.text[:0], args: b.args[:0]}
		return b
	}
	st.blocks = append(st.blocks, sblock{choice: choice, index: index, kind: kind})
	return &st.blocks[len(st.blocks)-1]
}

// keepBlocks returns st's blocks for the next stream to reuse, their buffers included: what
// done wrote was copied out of them. Large buffers are dropped.
func (st *stream) keepBlocks() []sblock {
	bs := st.blocks
	for i := range bs {
		if cap(bs[i].text) > maxScratch {
			bs[i].text = nil
		}
		if cap(bs[i].args) > maxScratch {
			bs[i].args = nil
		}
		bs[i].id, bs[i].name = "", "" // no strings kept alive by the pool
	}
	return bs[:0]
}

func (st *stream) appendText(choice, index int, s str) {
	if s == "" {
		return
	}
	b := st.block(choice, index, kindText)
	b.text = append(b.text, s...)
}

func (st *stream) setFinish(choice int, reason str) {
	if reason == "" {
		return
	}
	for i := range st.reasons {
		if st.reasons[i].choice == choice {
			st.reasons[i].reason = string(reason)
			return
		}
	}
	st.reasons = append(st.reasons, finish{choice, string(reason)})
}

// mergeUsage merges counts: a later present count replaces an earlier one (Anthropic's
// message_delta carries the final output count after message_start's first one).
func mergeUsage(dst *tokens, t tokens) {
	mergeOpt(&dst.in, t.in)
	mergeOpt(&dst.out, t.out)
	mergeOpt(&dst.total, t.total)
	mergeOpt(&dst.cacheRead, t.cacheRead)
	mergeOpt(&dst.cacheWrite, t.cacheWrite)
	mergeOpt(&dst.reasoning, t.reasoning)
	if t.in.Valid {
		dst.inIncludesCache = t.inIncludesCache
	}
}

// mergeOpt sets *dst to s when s is present.
func mergeOpt(dst *genai.Opt[int64], s genai.Opt[int64]) {
	if s.Valid {
		*dst = s
	}
}

func (st *stream) addUsage(t tokens) {
	mergeUsage(&st.usage, t)
	st.haveUsage = true
}

// count counts one chunk of shape s and returns the shape it is read as.
func (st *stream) count(m *genai.Model, s shape) shape {
	s = trustShapeOf(m, st.trusted, s)
	st.chunks++
	if s != shapeUnknown && (st.shape == shapeUnknown || st.shape == shapeChat && s == shapeDeepSeekText) {
		st.shape = s
	}
	return s
}

// textDelta merges an Anthropic text-delta chunk read by its fixed layout (see textDelta):
// what chunk does with the chunk decoded. It returns the block the text went to, if any.
func (st *stream) textDelta(m *genai.Model, index int64, text string) *sblock {
	if st.count(m, shapeAnthropicMessages) == shapeAnthropicMessages && text != "" {
		b := st.block(0, int(index), kindText)
		b.text = append(b.text, text...)
		return b
	}
	return nil
}

// chunk merges one decoded chunk.
func (st *stream) chunk(m *genai.Model, r *response) {
	if m := &r.InvocationMetrics; m.OK {
		mergeUsage(&st.metrics, tokens{in: optOf(m.V.InputTokenCount), out: optOf(m.V.OutputTokenCount),
			cacheRead: optOf(m.V.CacheReadInputTokenCount), cacheWrite: optOf(m.V.CacheWriteInputTokenCount)})
		st.haveMetrics = true
	}
	s := st.count(m, responseShape(r))
	switch s {
	case shapeAnthropicMessages:
		st.anthropic(r)
	case shapeAnthropicText:
		st.appendText(0, 0, r.Completion)
		st.setFinish(0, r.StopReason)
	case shapeNova:
		st.nova(r)
	case shapeTitanText:
		st.appendText(0, 0, r.OutputText)
		st.setFinish(0, r.CompletionReason)
		st.addUsage(tokens{in: optOf(r.InputTextTokenCount), out: optOf(r.TotalOutputTextTokenCount)})
	case shapeLlama:
		st.appendText(0, 0, r.Generation)
		st.setFinish(0, r.StopReason)
		st.addUsage(tokens{in: optOf(r.PromptTokenCount), out: optOf(r.GenerationTokenCount)})
	case shapeMistralText:
		for i := range r.Outputs {
			st.appendText(i, 0, r.Outputs[i].Text)
			st.setFinish(i, r.Outputs[i].StopReason)
		}
	case shapeChat, shapeDeepSeekText:
		st.chat(r)
	case shapeCohereCommand, shapeCohereChat:
		st.cohere(r)
	default:
		// Any other family: the common text and finish members.
		st.appendText(0, 0, r.Text)
		st.setFinish(0, r.FinishReason)
	}
}

func (st *stream) anthropic(r *response) {
	switch r.Type {
	case "message_start":
		m := &r.Message.V
		st.id, st.model, st.role = string(m.ID), string(m.Model), string(m.Role)
		if m.Usage.OK {
			st.addUsage(fromUsage(&m.Usage.V))
		}
	case "content_block_start":
		idx := int(r.Index.F)
		cb := &r.ContentBlock.V
		switch cb.Type {
		case "tool_use", "server_tool_use":
			b := st.block(0, idx, kindTool)
			b.kind, b.id, b.name = kindTool, string(cb.ID), string(cb.Name)
			b.args = append(b.args[:0], cb.Input...)
		case "thinking", "redacted_thinking":
			b := st.block(0, idx, kindReasoning)
			b.kind = kindReasoning
			b.text = append(b.text, cb.Thinking...)
		default:
			b := st.block(0, idx, kindText)
			b.text = append(b.text, cb.Text...)
		}
	case "content_block_delta":
		idx := int(r.Index.F)
		d := &r.Delta.V
		switch d.Type {
		case "input_json_delta":
			b := st.block(0, idx, kindTool)
			if !b.argsDelta {
				b.args, b.argsDelta = b.args[:0], true
			}
			b.args = append(b.args, d.PartialJSON...)
		case "thinking_delta":
			b := st.block(0, idx, kindReasoning)
			b.text = append(b.text, d.Thinking...)
		case "signature_delta":
		default:
			st.appendText(0, idx, d.Text)
		}
	case "message_delta":
		st.setFinish(0, r.Delta.V.StopReason)
		if r.Usage.OK {
			st.addUsage(fromUsage(&r.Usage.V))
		}
	}
}

func (st *stream) nova(r *response) {
	if r.MessageStart.OK && r.MessageStart.V.Role != "" {
		st.role = string(r.MessageStart.V.Role)
	}
	if s := &r.ContentBlockStart; s.OK && s.V.Start.V.ToolUse.OK {
		t := &s.V.Start.V.ToolUse.V
		b := st.block(0, int(s.V.ContentBlockIndex.F), kindTool)
		b.kind, b.id, b.name = kindTool, string(t.ToolUseID), string(t.Name)
	}
	if d := &r.ContentBlockDelta; d.OK {
		idx := int(d.V.ContentBlockIndex.F)
		dd := &d.V.Delta.V
		switch {
		case dd.ToolUse.OK:
			b := st.block(0, idx, kindTool)
			b.kind = kindTool
			b.args = append(b.args, dd.ToolUse.V.Input...)
		case dd.ReasoningContent.OK:
			b := st.block(0, idx, kindReasoning)
			b.kind = kindReasoning
			b.text = append(b.text, dd.ReasoningContent.V.Text...)
		default:
			st.appendText(0, idx, dd.Text)
		}
	}
	if r.MessageStop.OK {
		st.setFinish(0, r.MessageStop.V.StopReason)
	}
	if m := &r.Metadata; m.OK && m.V.Usage.OK {
		st.addUsage(fromUsage(&m.V.Usage.V))
	}
	if r.Output.OK { // a whole response object as one chunk
		m := &r.Output.V.Message.V
		for i := range m.Content.Blocks {
			st.appendText(0, 0, m.Content.Blocks[i].Text)
		}
		st.setFinish(0, r.StopReasonCamel)
	}
}

func (st *stream) chat(r *response) {
	if r.ID != "" {
		st.id = string(r.ID)
	}
	if r.Model != "" {
		st.model = string(r.Model)
	}
	for i := range r.Choices {
		c := &r.Choices[i]
		ci := i
		if n, ok := c.Index.int(); ok && n >= 0 && n < 1<<16 {
			ci = int(n)
		}
		m := &c.Delta
		if !m.OK {
			m = &c.Message
		}
		if m.V.Role != "" && ci == 0 {
			st.role = string(m.V.Role)
		}
		if rc := m.V.ReasoningContent; rc != "" {
			b := st.block(ci, idxReasoning, kindReasoning)
			b.text = append(b.text, rc...)
		} else if rc := m.V.Reasoning; rc != "" {
			b := st.block(ci, idxReasoning, kindReasoning)
			b.text = append(b.text, rc...)
		}
		if m.V.Content.IsText {
			st.appendText(ci, idxText, str(m.V.Content.Text))
		} else {
			for j := range m.V.Content.Blocks {
				st.appendText(ci, idxText, m.V.Content.Blocks[j].Text)
			}
		}
		st.appendText(ci, idxText, c.Text)
		for j := range m.V.ToolCalls {
			t := &m.V.ToolCalls[j]
			ti := j
			if n, ok := t.Index.int(); ok && n >= 0 && n < 1<<16 {
				ti = int(n)
			}
			b := st.block(ci, idxTool+ti, kindTool)
			b.kind = kindTool
			if t.ID != "" {
				b.id = string(t.ID)
			}
			if t.Function.V.Name != "" {
				b.name = string(t.Function.V.Name)
			}
			b.args = append(b.args, t.Function.V.Arguments...)
		}
		reason := c.FinishReason
		if reason == "" {
			reason = c.StopReason
		}
		st.setFinish(ci, reason)
	}
	if r.Usage.OK {
		st.addUsage(fromUsage(&r.Usage.V))
	}
}

func (st *stream) cohere(r *response) {
	if r.GenerationID != "" && st.id == "" {
		st.id = string(r.GenerationID)
	}
	if r.ResponseID != "" {
		st.id = string(r.ResponseID)
	}
	switch r.EventType {
	case "", "text-generation":
		if !(r.IsFinished.V && r.EventType == "") || r.FinishReason == "" {
			st.appendText(0, 0, r.Text)
		}
	case "tool-calls-generation":
		for j := range r.ToolCalls {
			t := &r.ToolCalls[j]
			b := st.block(0, idxTool+j, kindTool)
			b.kind, b.name = kindTool, string(t.Name)
			b.args = append(b.args[:0], t.Parameters...)
		}
	}
	st.setFinish(0, r.FinishReason)
	if r.Meta.V.BilledUnits.OK {
		b := &r.Meta.V.BilledUnits.V
		st.addUsage(tokens{in: optOf(b.InputTokens), out: optOf(b.OutputTokens)})
	}
}

// finish writes the merged response into ev.
func (st *stream) done(ev *genai.Event, d *decoder) {
	if ev.Response.ID == "" {
		ev.Response.ID = st.id
	}
	if ev.Response.Model == "" {
		ev.Response.Model = st.model
	}
	// Choices in order of first appearance.
	var cbuf [4]int
	choices := cbuf[:0]
	for i := range st.blocks {
		c := st.blocks[i].choice
		seen := false
		for _, x := range choices {
			seen = seen || x == c
		}
		if !seen {
			choices = append(choices, c)
		}
	}
	for _, f := range st.reasons {
		seen := false
		for _, x := range choices {
			seen = seen || x == f.choice
		}
		if !seen {
			choices = append(choices, f.choice)
		}
	}
	role := st.role
	if role == "" {
		role = "assistant"
	}
	w := pooledWriter("")
	defer w.release()
	var rbuf [4]string
	reasons := rbuf[:0] // the finish reasons, copied to the event at once (see decoder.list)
	for _, c := range choices {
		reason := ""
		for _, f := range st.reasons {
			if f.choice == c {
				reason = f.reason
			}
		}
		w.begin(role)
		for i := range st.blocks {
			b := &st.blocks[i]
			if b.choice != c {
				continue
			}
			switch b.kind {
			case kindTool:
				w.toolCall(b.id, b.name, b.args)
			case kindReasoning:
				w.reasoning(b.textView())
			default:
				w.textPart(b.textView(), true)
			}
		}
		w.end(reason)
		if reason != "" {
			reasons = append(reasons, reason)
		}
	}
	if len(reasons) > 0 {
		if ev.Response.FinishReasons == nil {
			ev.Response.FinishReasons = d.list(reasons)
		} else {
			ev.Response.FinishReasons = append(ev.Response.FinishReasons, reasons...)
		}
	}
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	if st.haveMetrics {
		applyUsage(ev, st.metrics, genai.UsageSourceStreamMetrics)
	}
	if st.haveUsage {
		applyUsage(ev, st.usage, genai.UsageSourceBody)
	}
}
