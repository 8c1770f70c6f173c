package model

// response is the union of the InvokeModel response bodies and stream chunks of every family.
type response struct {
	// Anthropic Messages API (and message_start's message).
	ID         str        `json:"id"`
	Type       str        `json:"type"`
	Role       str        `json:"role"`
	Model      str        `json:"model"`
	Content    content    `json:"content"`
	StopReason str        `json:"stop_reason"`
	Usage      obj[usage] `json:"usage"`
	// Anthropic legacy text completions.
	Completion str `json:"completion"`

	// Amazon Nova (InvokeModel).
	Output          obj[responseOutput] `json:"output"`
	StopReasonCamel str                 `json:"stopReason"`

	// Amazon Titan text, embeddings, image.
	InputTextTokenCount num              `json:"inputTextTokenCount"`
	Results             arr[titanResult] `json:"results"`
	Embedding           count            `json:"embedding"`
	EmbeddingsByType    present          `json:"embeddingsByType"`
	Images              count            `json:"images"`
	Error               str              `json:"error"`

	// Meta Llama.
	Generation           str `json:"generation"`
	PromptTokenCount     num `json:"prompt_token_count"`
	GenerationTokenCount num `json:"generation_token_count"`

	// Mistral text completion.
	Outputs arr[responseOutputs] `json:"outputs"`

	// OpenAI-compatible chat completions (Jamba, gpt-oss, Mistral chat, DeepSeek, Qwen) and
	// DeepSeek R1 text completions.
	Choices arr[choice] `json:"choices"`

	// Cohere.
	Generations  arr[responseGenerations] `json:"generations"`
	ResponseID   str                      `json:"response_id"`
	GenerationID str                      `json:"generation_id"`
	Text         str                      `json:"text"`
	FinishReason str                      `json:"finish_reason"`
	ToolCalls    arr[oaTool]              `json:"tool_calls"`
	Embeddings   vectors                  `json:"embeddings"`
	ResponseType str                      `json:"response_type"`
	IsFinished   flag                     `json:"is_finished"`
	EventType    str                      `json:"event_type"`
	Meta         obj[responseMeta]        `json:"meta"`

	// AI21 Jurassic.
	Completions arr[responseCompletions] `json:"completions"`

	// Stability.
	Artifacts     arr[responseArtifacts] `json:"artifacts"`
	FinishReasons strs                   `json:"finish_reasons"`
	Seeds         count                  `json:"seeds"`
	Result        str                    `json:"result"`

	// Anthropic stream events.
	Index        num              `json:"index"`
	Delta        obj[streamDelta] `json:"delta"`
	ContentBlock obj[block]       `json:"content_block"`
	Message      startOrText      `json:"message"`

	// Amazon Nova stream events.
	MessageStart      obj[responseMessageStart]      `json:"messageStart"`
	ContentBlockStart obj[responseContentBlockStart] `json:"contentBlockStart"`
	ContentBlockDelta obj[responseContentBlockDelta] `json:"contentBlockDelta"`
	MessageStop       obj[responseMessageStop]       `json:"messageStop"`
	Metadata          obj[responseMetadata]          `json:"metadata"`

	// Amazon Titan text stream chunks.
	OutputText                str `json:"outputText"`
	CompletionReason          str `json:"completionReason"`
	TotalOutputTextTokenCount num `json:"totalOutputTextTokenCount"`

	// Common names of other families, read for an unknown family.
	FinishReasonCamel str `json:"finishReason"`
	GeneratedText     str `json:"generated_text"`
	OutputTextSn      str `json:"output_text"`
	ResponseText      str `json:"response"`

	// Every family's last stream chunk.
	InvocationMetrics obj[invocationMetrics] `json:"amazon-bedrock-invocationMetrics"`
}

type responseOutput struct {
	Message obj[message] `json:"message"`
}

type responseOutputs struct {
	Text       str `json:"text"`
	StopReason str `json:"stop_reason"`
}

type responseGenerations struct {
	ID           str `json:"id"`
	Text         str `json:"text"`
	FinishReason str `json:"finish_reason"`
}

type responseMetaBilledUnits struct {
	InputTokens  num `json:"input_tokens"`
	OutputTokens num `json:"output_tokens"`
}

type responseMeta struct {
	BilledUnits obj[responseMetaBilledUnits] `json:"billed_units"`
}

type responseCompletionsData struct {
	Text str `json:"text"`
}

type responseCompletionsFinishReason struct {
	Reason str `json:"reason"`
}

type responseCompletions struct {
	Data         obj[responseCompletionsData]         `json:"data"`
	FinishReason obj[responseCompletionsFinishReason] `json:"finishReason"`
}

type responseArtifacts struct {
	Seed         num  `json:"seed"`
	Base64       blob `json:"base64"`
	FinishReason str  `json:"finishReason"`
}

type responseMessageStart struct {
	Role str `json:"role"`
}

type responseContentBlockStartStart struct {
	ToolUse obj[converseTool] `json:"toolUse"`
}

type responseContentBlockStart struct {
	Start             obj[responseContentBlockStartStart] `json:"start"`
	ContentBlockIndex num                                 `json:"contentBlockIndex"`
}

type responseContentBlockDeltaDeltaToolUse struct {
	Input str `json:"input"`
}

type responseContentBlockDeltaDeltaReasoningContent struct {
	Text str `json:"text"`
}

type responseContentBlockDeltaDelta struct {
	Text             str                                                 `json:"text"`
	ToolUse          obj[responseContentBlockDeltaDeltaToolUse]          `json:"toolUse"`
	ReasoningContent obj[responseContentBlockDeltaDeltaReasoningContent] `json:"reasoningContent"`
}

type responseContentBlockDelta struct {
	Delta             obj[responseContentBlockDeltaDelta] `json:"delta"`
	ContentBlockIndex num                                 `json:"contentBlockIndex"`
}

type responseMessageStop struct {
	StopReason str `json:"stopReason"`
}

type responseMetadata struct {
	Usage obj[usage] `json:"usage"`
}

type titanResult struct {
	Index            num `json:"index"`
	RelevanceScore   num `json:"relevance_score"`
	TokenCount       num `json:"tokenCount"`
	OutputText       str `json:"outputText"`
	CompletionReason str `json:"completionReason"`
}

// choice is an OpenAI-compatible choice (non-streaming message or streaming delta), or a
// DeepSeek R1 text choice.
type choice struct {
	Index        num          `json:"index"`
	Message      obj[message] `json:"message"`
	Delta        obj[message] `json:"delta"`
	Text         str          `json:"text"`
	FinishReason str          `json:"finish_reason"`
	StopReason   str          `json:"stop_reason"`
}

// streamDelta is an Anthropic content_block_delta or message_delta delta.
type streamDelta struct {
	Type         str `json:"type"`
	Text         str `json:"text"`
	PartialJSON  str `json:"partial_json"`
	Thinking     str `json:"thinking"`
	StopReason   str `json:"stop_reason"`
	StopSequence str `json:"stop_sequence"`
}

// startOrText is a response's "message" member: an Anthropic message_start message, or
// (other families) the message text.
type startOrText struct {
	obj[anthropicStart]
	Text string
}

func (m *startOrText) readJSON(d *decoder) error {
	if d.PeekKind() == '"' {
		var s str
		err := s.readJSON(d)
		m.Text = string(s)
		return err
	}
	return m.obj.readJSON(d)
}

// anthropicStart is the message of an Anthropic message_start event.
type anthropicStart struct {
	ID    str        `json:"id"`
	Role  str        `json:"role"`
	Model str        `json:"model"`
	Usage obj[usage] `json:"usage"`
}

// reset zeroes r for the next chunk. It is *r = response{} made cheap: the union is large and
// full of pointers (a plain zeroing runs the GC write barrier over all of them while a
// collection is marking), but a chunk sets only a few members; only those are cleared. A
// member that was not read is already zero: an object member's value is only written after
// its OK is set, and a list stays nil until an item is added.
func (r *response) reset() {
	clearStr(&r.ID)
	clearStr(&r.Type)
	clearStr(&r.Role)
	clearStr(&r.Model)
	if r.Content.IsText || r.Content.Blocks != nil {
		r.Content = content{}
	}
	clearStr(&r.StopReason)
	clearObj(&r.Usage)
	clearStr(&r.Completion)
	clearObj(&r.Output)
	clearStr(&r.StopReasonCamel)
	r.InputTextTokenCount = num{}
	clearArr(&r.Results)
	r.Embedding = count{}
	r.EmbeddingsByType = false
	r.Images = count{}
	clearStr(&r.Error)
	clearStr(&r.Generation)
	r.PromptTokenCount = num{}
	r.GenerationTokenCount = num{}
	clearArr(&r.Outputs)
	clearArr(&r.Choices)
	clearArr(&r.Generations)
	clearStr(&r.ResponseID)
	clearStr(&r.GenerationID)
	clearStr(&r.Text)
	clearStr(&r.FinishReason)
	clearArr(&r.ToolCalls)
	r.Embeddings = vectors{}
	clearStr(&r.ResponseType)
	r.IsFinished = flag{}
	clearStr(&r.EventType)
	clearObj(&r.Meta)
	clearArr(&r.Completions)
	clearArr(&r.Artifacts)
	if r.FinishReasons != nil {
		r.FinishReasons = nil
	}
	r.Seeds = count{}
	clearStr(&r.Result)
	r.Index = num{}
	clearObj(&r.Delta)
	clearObj(&r.ContentBlock)
	if r.Message.OK || r.Message.Text != "" {
		r.Message = startOrText{}
	}
	clearObj(&r.MessageStart)
	clearObj(&r.ContentBlockStart)
	clearObj(&r.ContentBlockDelta)
	clearObj(&r.MessageStop)
	clearObj(&r.Metadata)
	clearStr(&r.OutputText)
	clearStr(&r.CompletionReason)
	r.TotalOutputTextTokenCount = num{}
	clearStr(&r.FinishReasonCamel)
	clearStr(&r.GeneratedText)
	clearStr(&r.OutputTextSn)
	clearStr(&r.ResponseText)
	clearObj(&r.InvocationMetrics)
}

func clearStr(s *str) {
	if *s != "" {
		*s = ""
	}
}

func clearObj[T any](o *obj[T]) {
	if o.OK {
		*o = obj[T]{}
	}
}

func clearArr[T any](a *arr[T]) {
	if *a != nil {
		*a = nil
	}
}
