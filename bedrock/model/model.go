package model

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/genainorm/genainorm/genai"
)

// shape is the body layout a family decoder reads.
type shape uint8

const (
	shapeUnknown           shape = iota
	shapeAnthropicMessages       // Anthropic Messages API
	shapeAnthropicText           // Anthropic legacy text completions
	shapeNova                    // Amazon Nova messages-v1
	shapeTitanText               // Amazon Titan Text
	shapeTitanEmbed              // Amazon Titan Embeddings
	shapeAmazonImage             // Amazon Titan Image / Nova Canvas
	shapeLlama                   // Meta Llama
	shapeMistralText             // Mistral text completion
	shapeChat                    // OpenAI-compatible chat completions
	shapeCohereCommand           // Cohere Command (generate)
	shapeCohereChat              // Cohere Command R (chat)
	shapeCohereEmbed             // Cohere Embed
	shapeJurassic                // AI21 Jurassic-2
	shapeStability               // Stability SDXL, SD3, Stable Image
	shapeDeepSeekText            // DeepSeek R1 text completion
	shapePrompt                  // unknown family with a plain "prompt"
	shapeRerank                  // Cohere / Amazon rerank
)

// shapeInfo is what a shape says about the model when the id does not: vendor, family and
// the operation name.
var shapeInfo = [...]struct{ vendor, family, op string }{
	shapeUnknown:           {"", "", ""},
	shapeAnthropicMessages: {"anthropic", FamilyClaude, genai.OperationChat},
	shapeAnthropicText:     {"anthropic", FamilyClaude, genai.OperationTextCompletion},
	shapeNova:              {"amazon", FamilyNova, genai.OperationChat},
	shapeTitanText:         {"amazon", FamilyTitanText, genai.OperationTextCompletion},
	shapeTitanEmbed:        {"amazon", FamilyTitanEmbed, genai.OperationEmbeddings},
	shapeAmazonImage:       {"amazon", FamilyTitanImage, genai.OperationGenerateContent},
	shapeLlama:             {"meta", FamilyLlama, genai.OperationTextCompletion},
	shapeMistralText:       {"mistral", FamilyMistral, genai.OperationTextCompletion},
	shapeChat:              {"", "", genai.OperationChat},
	shapeCohereCommand:     {"cohere", FamilyCommand, genai.OperationTextCompletion},
	shapeCohereChat:        {"cohere", FamilyCommandR, genai.OperationChat},
	shapeCohereEmbed:       {"cohere", FamilyCohereEmbed, genai.OperationEmbeddings},
	shapeJurassic:          {"ai21", FamilyJurassic, genai.OperationTextCompletion},
	shapeStability:         {"stability", FamilyStableImage, genai.OperationGenerateContent},
	shapeDeepSeekText:      {"deepseek", FamilyDeepSeekR1, genai.OperationTextCompletion},
	shapePrompt:            {"", "", genai.OperationTextCompletion},
	shapeRerank:            {"", FamilyRerank, ""},
}

// requestState and responseState keep a body struct with the decoder that reads into it, so
// that a call takes both from one pool.
type (
	requestState struct {
		r request
		d decoder
		// system is the system instructions array fastRequest wrote for a "system" string,
		// which then leaves r.System empty.
		system []byte
		kinds  kindSet // the content kinds of the body's messages, when collected
		// fastOnly says that r holds only the members the fast path writes itself (see
		// request.resetFast).
		fastOnly bool
	}
	responseState struct {
		r       response
		d       decoder
		blocks  []sblock // a stream's blocks, kept for the next (see stream.keepBlocks)
		reasons []finish // a stream's finish reasons, kept for the next (emptied)
	}
)

var (
	requestPool  = sync.Pool{New: func() any { return new(requestState) }}
	responsePool = sync.Pool{New: func() any { return new(responseState) }}
)

// DecodeRequest fills ev's request side from an InvokeModel request body of m's family:
// the operation, the parameters under every family's names, system instructions, input
// messages and tool definitions (OTel JSON arrays) and the plain prompt text. When m's id is
// opaque (application inference profile, provisioned or custom model ARN), Vendor, Family
// and Type are resolved from the body's shape. A body of an unknown family is read for the
// common member names and gets a genai.WarnUnknownModelFamily warning. m may be nil, which
// means &ev.Request.Model.
func DecodeRequest(m *genai.Model, body []byte, ev *genai.Event) {
	decodeRequest(m, body, ev, true)
}

// decodeRequest is DecodeRequest; fast says whether the bodies of the Claude family may take
// the fast path (fastRequest). The tests compare both ways.
func decodeRequest(m *genai.Model, body []byte, ev *genai.Event, fast bool) {
	decodeRequestInto(m, body, ev, fast, false, nil)
}

// decodeRequestKinds is DecodeRequestKinds; fast is as for decodeRequest.
func decodeRequestKinds(m *genai.Model, body []byte, ev *genai.Event, fast bool, kinds []string) ([]string, bool) {
	return decodeRequestInto(m, body, ev, fast, true, kinds)
}

// decodeRequestInto is decodeRequest that, with collect, also appends the content kinds of
// the body's messages (see kindSet), collected in the pooled state's kindSet, to kinds. It
// reports false, with kinds as they were, when it could not tell them: when it has not read
// the body whole, or unsure.
func decodeRequestInto(m *genai.Model, body []byte, ev *genai.Event, fast, collect bool, kinds []string) ([]string, bool) {
	if m == nil {
		m = &ev.Request.Model
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 || string(body) == "null" {
		return kinds, false
	}
	if body[0] != '{' {
		ev.Warn(genai.WarnBodyUnreadable, "bedrock/model: request body is not a JSON object")
		return kinds, false
	}
	rs := requestPool.Get().(*requestState)
	r := &rs.r
	ks := &rs.kinds
	if collect {
		rs.d.kinds = ks
	}
	rs.fastOnly = false
	defer func() {
		if rs.fastOnly {
			r.resetFast()
		} else {
			r.reset()
		}
		clear(ks.list) // no strings kept alive by the pool
		rs.d.kinds, rs.kinds = nil, kindSet{list: ks.list[:0]}
		requestPool.Put(rs)
	}()
	w := pooledWriter("\n")
	defer w.release()
	whole := true
	if fast && m.Family == FamilyClaude && rs.fastRequest(body, &w) {
		rs.fastOnly = !rs.d.wide // r holds only what the fast path writes itself
	} else {
		if fast && m.Family == FamilyClaude {
			// The fast path gave up: start again from nothing.
			r.reset()
			w.discard()
			rs.system = nil
			*ks = kindSet{list: ks.list[:0]}
		}
		if err := rs.d.unmarshal(body, r); err != nil {
			ev.Warn(genai.WarnBodyUnreadable, fmt.Sprintf("bedrock/model: request body of %s: %v", modelName(m), err))
			whole = false
		}
	}
	s := requestShape(m, r)
	resolve(m, s, ev)
	warnUnknown(m, s, ev)
	if op := shapeInfo[s].op; op != "" {
		ev.Request.Operation = op
	} else if ev.Request.Operation == "" && s == shapeUnknown {
		ev.Request.Operation = genai.OperationChat
	}
	// Elastic writes gen_ai.request.model.version from the body's "<type>_version"; the
	// model version itself stays in Version.
	if r.AnthropicVersion != "" {
		m.APIVersion = string(r.AnthropicVersion)
	}
	params(r, ev)
	switch s {
	case shapeAnthropicMessages, shapeNova, shapeChat:
		chatRequest(r, ev, &w)
	case shapeCohereChat:
		cohereChatRequest(r, ev, &w)
	case shapeTitanEmbed, shapeCohereEmbed, shapeRerank:
		embedRequest(r, ev)
	case shapeAmazonImage:
		amazonImageRequest(r, ev, &w)
	case shapeStability:
		stabilityRequest(r, ev, &w)
	default:
		promptRequest(r, ev, &w)
	}
	if rs.system != nil {
		ev.Request.SystemInstructions = rs.system // a Claude body's, so chatRequest wrote none
		rs.system = nil
	}
	if !whole || ks.unsure {
		return kinds, false
	}
	return append(kinds, ks.list...), true // ks.list is the pooled state's scratch
}

// DecodeResponse fills ev's response side from a non-streaming InvokeModel response body:
// response id and model, finish reasons (the provider's own values), output messages and
// plain text, embeddings and image counts, and the body's token usage where the log's own
// counts are absent.
func DecodeResponse(m *genai.Model, body []byte, ev *genai.Event) {
	if m == nil {
		m = &ev.Request.Model
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 || string(body) == "null" {
		return
	}
	if body[0] != '{' {
		ev.Warn(genai.WarnBodyUnreadable, "bedrock/model: response body is not a JSON object")
		return
	}
	rs := responsePool.Get().(*responseState)
	r := &rs.r
	defer func() { r.reset(); responsePool.Put(rs) }() // reset, not *r = response{}: see reset
	if err := rs.d.unmarshal(body, r); err != nil {
		ev.Warn(genai.WarnBodyUnreadable, fmt.Sprintf("bedrock/model: response body of %s: %v", modelName(m), err))
	}
	s := trustShape(m, responseShape(r))
	resolve(m, s, ev)
	if s == shapeChat && m.Vendor == "" && r.Model != "" {
		resolveFromName(m, string(r.Model))
	}
	warnUnknown(m, s, ev)
	if ev.Request.Operation == "" {
		ev.Request.Operation = shapeInfo[s].op
	}
	decodeResponse(s, r, ev, &rs.d)
}

// DecodeStream fills ev's response side from the decoded chunks of an
// InvokeModelWithResponseStream response, in order: text and tool-call deltas are merged into
// whole output messages, and the response id, model, finish reasons and body usage are taken
// from the chunks that carry them. Chunks that are not JSON objects are ignored.
func DecodeStream(m *genai.Model, chunks [][]byte, ev *genai.Event) {
	decodeStream(m, chunks, ev, false, nil, nil, nil)
}

// DecodeStreamValid is DecodeStream for chunks known to be valid JSON (the elements of a
// validated array, say): they are not checked again.
func DecodeStreamValid(m *genai.Model, chunks [][]byte, ev *genai.Event) {
	decodeStream(m, chunks, ev, true, nil, nil, nil)
}

// InvocationMetrics are the counts of Bedrock's amazon-bedrock-invocationMetrics member of a
// stream chunk, each valid when written.
type InvocationMetrics struct {
	InputTokens, OutputTokens         genai.Opt[int64]
	Latency, FirstByteLatency         genai.Opt[int64] // invocationLatency, firstByteLatency
	CacheReadTokens, CacheWriteTokens genai.Opt[int64]
}

// DecodeStreamBedrock is DecodeStreamValid that also reads, for Bedrock's invocation logs,
// what they read of a stream besides, where the stream already reads it:
//
// The first chunk, as an Anthropic message_start chunk, in place of a read of its own before
// the stream: ev.Response.ID, ev.Request.Model.Role and ev.Response.Model are set from its
// message's id, role and model where ev has none. A first chunk that the stream's fixed
// message_start layout reads with texts that need no unescaping is not read again; for any
// other first chunk, start is called with it (and does that read itself), after the first
// chunk is merged and before the others are. start is not kept.
//
// The invocation metrics of metricsChunk (one of chunks, or nil): when the stream reads that
// chunk whole by a fixed layout with its metrics (the top-level member, written once, with
// the four counts in Bedrock's order and the two cache counts or neither), they are written
// to *metrics and DecodeStreamBedrock reports true; else it reports false and the caller
// reads them. metrics is not kept.
func DecodeStreamBedrock(m *genai.Model, chunks [][]byte, ev *genai.Event, start func(first []byte), metricsChunk []byte, metrics *InvocationMetrics) bool {
	return decodeStream(m, chunks, ev, true, start, metricsChunk, metrics)
}

// decodeStream is DecodeStream; valid says that the chunks are valid JSON, and start (when
// not nil), metricsChunk (when not nil), metrics and the result are as for
// DecodeStreamBedrock.
func decodeStream(m *genai.Model, chunks [][]byte, ev *genai.Event, valid bool, start func(first []byte), metricsChunk []byte, metrics *InvocationMetrics) bool {
	if m == nil {
		m = &ev.Request.Model
	}
	rs := responsePool.Get().(*responseState)
	r, d := &rs.r, &rs.d
	var st stream
	st.valid = valid
	st.metricsOf, st.metricsOut = metricsChunk, metrics
	st.blocks, st.reasons = rs.blocks, rs.reasons
	defer func() {
		if cap(d.scratch) > maxScratch {
			d.scratch = nil // a huge chunk's text is not kept in the pool
		}
		rs.blocks = st.keepBlocks()
		clear(st.reasons) // no strings kept alive by the pool
		rs.reasons = st.reasons[:0]
		responsePool.Put(rs)
	}()
	st.trusted = trusted(m)
	bad := 0
	for i, c := range chunks {
		if i == 1 && start != nil {
			st.applyStart(ev, chunks[0], start)
		}
		if len(c) == 0 || c[0] != '{' || c[len(c)-1] != '}' { // else there is nothing to trim
			c = bytes.TrimSpace(c)
		}
		if len(c) == 0 || c[0] != '{' {
			continue
		}
		if st.fixedChunk(m, d, c) {
			continue
		}
		if err := d.unmarshal(c, r); err != nil {
			bad++
		}
		st.chunk(m, r)
		r.reset()
	}
	if len(chunks) == 1 && start != nil {
		st.applyStart(ev, chunks[0], start)
	}
	if bad > 0 {
		ev.Warn(genai.WarnBodyUnreadable, fmt.Sprintf("bedrock/model: %d of %d stream chunks of %s are not valid JSON", bad, len(chunks), modelName(m)))
	}
	if st.chunks == 0 {
		return st.metricsRead
	}
	resolve(m, st.shape, ev)
	if st.shape == shapeChat && m.Vendor == "" && st.model != "" {
		resolveFromName(m, st.model)
	}
	if st.shape != shapeUnknown || !knownFamily(m.Family) {
		// A known family whose chunks carried nothing recognisable (only metrics) is no news.
		warnUnknown(m, st.shape, ev)
	}
	if ev.Request.Operation == "" {
		ev.Request.Operation = shapeInfo[st.shape].op
	}
	st.done(ev, d)
	return st.metricsRead
}

// requestShape tells a request body's shape from the model family, or from the body.
func requestShape(m *genai.Model, r *request) shape {
	hasMsgs := len(r.Messages) > 0
	switch m.Family {
	case FamilyClaude:
		if r.Prompt != "" && !hasMsgs {
			return shapeAnthropicText
		}
		return shapeAnthropicMessages
	case FamilyNova:
		return shapeNova
	case FamilyTitanText:
		return shapeTitanText
	case FamilyTitanEmbed, FamilyNovaEmbed:
		return shapeTitanEmbed
	case FamilyTitanImage, FamilyNovaCanvas:
		return shapeAmazonImage
	case FamilyLlama:
		if hasMsgs {
			return shapeChat
		}
		return shapeLlama
	case FamilyMistral:
		if hasMsgs {
			return shapeChat
		}
		return shapeMistralText
	case FamilyCommand:
		return shapeCohereCommand
	case FamilyCommandR:
		if hasMsgs {
			return shapeChat
		}
		return shapeCohereChat
	case FamilyCohereEmbed:
		return shapeCohereEmbed
	case FamilyJamba, FamilyGPTOSS, FamilyQwen, FamilyPalmyra, FamilyDeepSeek:
		if !hasMsgs && r.Prompt != "" {
			return shapePrompt
		}
		return shapeChat
	case FamilyJurassic:
		return shapeJurassic
	case FamilyStableDiffusionX, FamilyStableImage:
		return shapeStability
	case FamilyDeepSeekR1:
		if hasMsgs {
			return shapeChat
		}
		return shapeDeepSeekText
	case FamilyRerank:
		return shapeRerank
	}
	return sniffRequest(r)
}

// sniffRequest tells a request body's shape from its members alone.
func sniffRequest(r *request) shape {
	hasMsgs := len(r.Messages) > 0
	prompt := string(r.Prompt)
	switch {
	case r.AnthropicVersion != "":
		if prompt != "" && !hasMsgs {
			return shapeAnthropicText
		}
		return shapeAnthropicMessages
	case r.SchemaVersion == "messages-v1", hasMsgs && (r.InferenceConfig.OK || r.ToolConfig.OK):
		return shapeNova
	case r.TextGenerationConfig.OK:
		return shapeTitanText
	case r.TaskType != "" && (r.TextToImageParams.OK || r.ImageVariationParams.OK || r.InPaintingParams.OK ||
		r.OutPaintingParams.OK || r.ColorGuidedParams.OK || r.BackgroundRemoval.OK || r.ImageGenerationConfig.OK):
		return shapeAmazonImage
	case r.InputText != "" || r.InputImage.OK || r.SingleEmbeddingParams.OK:
		return shapeTitanEmbed
	case len(r.TextPrompts) > 0, prompt != "" && (r.AspectRatio != "" || r.Mode != "" || r.OutputFormat != "" || r.NegativePrompt != "" || r.StylePreset != ""):
		return shapeStability
	case len(r.Texts) > 0, r.InputType != "", len(r.EmbeddingTypesSn) > 0:
		return shapeCohereEmbed
	case r.Query != "" && r.Documents.OK:
		return shapeRerank
	case r.Message != "":
		return shapeCohereChat
	case hasMsgs:
		if !r.System.empty() {
			return shapeAnthropicMessages
		}
		return shapeChat
	case prompt == "" && (r.Input != "" || r.Text != "" || r.InputPrompt != ""):
		return shapePrompt
	case prompt == "":
		return shapeUnknown
	case r.MaxGenLen.OK:
		return shapeLlama
	case r.MaxTokensToSample.OK:
		return shapeAnthropicText
	case bytes.Contains([]byte(prompt), []byte("[INST]")):
		return shapeMistralText
	case bytes.Contains([]byte(prompt), []byte("<｜")):
		return shapeDeepSeekText
	case r.P.OK || r.K.OK || r.ReturnLikelihood != "" || r.NumGenerations.OK:
		return shapeCohereCommand
	case r.MaxTokensCamel.OK || r.TopPCamel.OK || bool(r.CountPenalty):
		return shapeJurassic
	}
	return shapePrompt
}

// responseShape tells a response body's or stream chunk's shape from its members.
func responseShape(r *response) shape {
	switch {
	case r.Type != "" && (r.Type == "message" || r.Message.OK || r.ContentBlock.OK || r.Delta.OK ||
		r.Type == "message_stop" || r.Type == "content_block_stop" || r.Type == "ping"):
		return shapeAnthropicMessages
	case !r.Content.empty() && (r.StopReason != "" || r.Role != ""):
		return shapeAnthropicMessages
	case r.Generation != "", r.GenerationTokenCount.OK, r.PromptTokenCount.OK:
		return shapeLlama
	case r.Completion != "", r.StopReason != "" && r.Choices == nil && r.Outputs == nil:
		return shapeAnthropicText
	case r.Output.OK, r.MessageStart.OK, r.ContentBlockDelta.OK, r.ContentBlockStart.OK, r.MessageStop.OK, r.Metadata.OK, r.StopReasonCamel != "":
		return shapeNova
	case len(r.Results) > 0 && r.Results[0].RelevanceScore.OK:
		return shapeRerank
	case len(r.Results) > 0, r.OutputText != "", r.CompletionReason != "", r.TotalOutputTextTokenCount.OK:
		return shapeTitanText
	case r.Embedding.OK, bool(r.EmbeddingsByType):
		return shapeTitanEmbed
	case len(r.Artifacts) > 0, r.Seeds.OK, len(r.FinishReasons) > 0:
		return shapeStability
	case r.Images.OK:
		return shapeAmazonImage
	case len(r.Outputs) > 0:
		return shapeMistralText
	case len(r.Choices) > 0:
		for i := range r.Choices {
			c := &r.Choices[i]
			if c.Message.OK || c.Delta.OK || c.FinishReason != "" {
				return shapeChat
			}
		}
		return shapeDeepSeekText
	case r.Embeddings.OK:
		return shapeCohereEmbed
	case len(r.Generations) > 0:
		return shapeCohereCommand
	case r.ResponseID != "", r.GenerationID != "", r.EventType != "", r.Text != "" || r.FinishReason != "" || r.IsFinished.OK:
		if r.ResponseID == "" && r.EventType == "" && r.GenerationID == "" && len(r.ToolCalls) == 0 {
			return shapeCohereCommand
		}
		return shapeCohereChat
	case len(r.Completions) > 0:
		return shapeJurassic
	case r.Usage.OK:
		return shapeChat
	}
	return shapeUnknown
}

// trustShape returns s, or shapeUnknown when the model id names a family this package does
// not know and s belongs to another vendor: an unknown family is then read with the generic
// member names instead of being taken for another vendor's shape.
func trustShape(m *genai.Model, s shape) shape {
	return trustShapeOf(m, trusted(m), s)
}

// trusted reports whether the shapes of every vendor are trusted for m: its family is
// unset or known.
func trusted(m *genai.Model) bool {
	return m.Family == "" || knownFamily(m.Family)
}

// trustShapeOf is trustShape with trusted(m) computed once by the caller.
func trustShapeOf(m *genai.Model, trusted bool, s shape) shape {
	if !trusted {
		if v := shapeInfo[s].vendor; v != "" && v != m.Vendor {
			return shapeUnknown
		}
	}
	return s
}

// resolve fills m's Vendor, Family and Type from a body shape when the id did not tell them.
func resolve(m *genai.Model, s shape, ev *genai.Event) {
	if m.Vendor != "" || m.Family != "" {
		return
	}
	info := shapeInfo[s]
	m.Vendor, m.Family = info.vendor, info.family
	if m.Type == "" {
		m.Type = info.vendor
	}
}

// resolveFromName fills m's Vendor and Family from a served model name found in a body
// ("jamba-instruct", "openai.gpt-oss-20b-1:0").
func resolveFromName(m *genai.Model, name string) {
	p := Parse(name)
	if p.Vendor != "" && knownVendors[p.Vendor] {
		m.Vendor, m.Family = p.Vendor, p.Family
		if m.Type == "" {
			m.Type = p.Vendor
		}
		return
	}
	low := bytes.ToLower([]byte(name))
	for _, k := range []struct{ sub, vendor, family string }{
		{"jamba", "ai21", FamilyJamba}, {"gpt-oss", "openai", FamilyGPTOSS}, {"qwen", "qwen", FamilyQwen},
		{"deepseek", "deepseek", FamilyDeepSeek}, {"mistral", "mistral", FamilyMistral},
		{"palmyra", "writer", FamilyPalmyra}, {"llama", "meta", FamilyLlama},
	} {
		if bytes.Contains(low, []byte(k.sub)) {
			m.Vendor, m.Family = k.vendor, k.family
			if m.Type == "" {
				m.Type = k.vendor
			}
			return
		}
	}
}

// knownFamily reports whether f is one of Families (a switch: cheaper than a map lookup on
// every body).
func knownFamily(f string) bool {
	switch f {
	case FamilyClaude, FamilyNova, FamilyNovaCanvas, FamilyNovaReel, FamilyNovaSonic,
		FamilyNovaEmbed, FamilyTitanText, FamilyTitanEmbed, FamilyTitanImage, FamilyRerank,
		FamilyLlama, FamilyMistral, FamilyCommand, FamilyCommandR, FamilyCohereEmbed, FamilyJamba,
		FamilyJurassic, FamilyStableDiffusionX, FamilyStableImage, FamilyDeepSeekR1, FamilyDeepSeek,
		FamilyGPTOSS, FamilyQwen, FamilyPalmyra:
		return true
	}
	return false
}

// warnUnknown adds one WarnUnknownModelFamily warning to ev when neither the model id nor the
// body shape told a known family.
func warnUnknown(m *genai.Model, s shape, ev *genai.Event) {
	var msg string
	switch {
	case s == shapeUnknown || s == shapePrompt:
		msg = fmt.Sprintf("bedrock/model: body of model %s has no known family shape; read with generic member names", modelName(m))
	case m.Family != "" && !knownFamily(m.Family):
		msg = fmt.Sprintf("bedrock/model: model family %q of %s is not known; read as an %s body", m.Family, modelName(m), shapeNames[s])
	default:
		return
	}
	for _, w := range ev.Warnings {
		if w.Code == genai.WarnUnknownModelFamily {
			return
		}
	}
	ev.Warn(genai.WarnUnknownModelFamily, msg)
}

var shapeNames = [...]string{
	shapeUnknown: "unknown", shapeAnthropicMessages: "Anthropic Messages API", shapeAnthropicText: "Anthropic text completion",
	shapeNova: "Amazon Nova messages-v1", shapeTitanText: "Amazon Titan Text", shapeTitanEmbed: "Amazon Titan Embeddings",
	shapeAmazonImage: "Amazon image generation", shapeLlama: "Meta Llama", shapeMistralText: "Mistral text completion",
	shapeChat: "OpenAI-compatible chat completions", shapeCohereCommand: "Cohere Command", shapeCohereChat: "Cohere chat",
	shapeCohereEmbed: "Cohere Embed", shapeJurassic: "AI21 Jurassic", shapeStability: "Stability image",
	shapeDeepSeekText: "DeepSeek text completion", shapePrompt: "generic prompt", shapeRerank: "rerank",
}

func modelName(m *genai.Model) string {
	if m.ID == "" {
		return `""`
	}
	return fmt.Sprintf("%q", m.ID)
}
