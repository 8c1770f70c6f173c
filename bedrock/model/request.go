package model

// request is the union of the InvokeModel request bodies of every family. One body is decoded
// once into it; the family decoders then read the members of their shape.
type request struct {
	// Anthropic Messages API and legacy text completions.
	AnthropicVersion  str                          `json:"anthropic_version"`
	System            content                      `json:"system"`
	Messages          arr[message]                 `json:"messages"`
	Tools             arr[toolDef]                 `json:"tools"`
	Thinking          obj[thinkingConfig]          `json:"thinking"`
	OutputConfig      obj[effortConfig]            `json:"output_config"`
	ReasoningEffort   str                          `json:"reasoning_effort"`
	ResponseFormat    obj[responseFormat]          `json:"response_format"`
	MaxTokens         num                          `json:"max_tokens"`
	MaxTokensToSample num                          `json:"max_tokens_to_sample"`
	MaxCompletion     num                          `json:"max_completion_tokens"`
	MaxNewTokens      num                          `json:"max_new_tokens"`
	MaxGenLen         num                          `json:"max_gen_len"`
	MaxTokensCamel    num                          `json:"maxTokens"`
	Temperature       num                          `json:"temperature"`
	TopP              num                          `json:"top_p"`
	TopPCamel         num                          `json:"topP"`
	P                 num                          `json:"p"`
	TopK              num                          `json:"top_k"`
	TopKCamel         num                          `json:"topK"`
	K                 num                          `json:"k"`
	StopSequences     strs                         `json:"stop_sequences"`
	StopSequencesCaml strs                         `json:"stopSequences"`
	Stop              strs                         `json:"stop"`
	Seed              num                          `json:"seed"`
	N                 num                          `json:"n"`
	NumGenerations    num                          `json:"num_generations"`
	FrequencyPenalty  num                          `json:"frequency_penalty"`
	PresencePenalty   num                          `json:"presence_penalty"`
	Prompt            str                          `json:"prompt"`
	Images            blobs                        `json:"images"`
	Image             blob                         `json:"image"`
	SchemaVersion     str                          `json:"schemaVersion"`
	InferenceConfig   obj[inferenceConfig]         `json:"inferenceConfig"`
	ToolConfig        obj[requestToolConfig]       `json:"toolConfig"`
	AdditionalFields  obj[requestAdditionalFields] `json:"additionalModelRequestFields"`
	ReasoningConfig   obj[reasoningConfig]         `json:"reasoningConfig"`

	// Amazon Titan text and embeddings.
	InputText            str                         `json:"inputText"`
	TextGenerationConfig obj[titanTextConfig]        `json:"textGenerationConfig"`
	Dimensions           num                         `json:"dimensions"`
	Normalize            flag                        `json:"normalize"`
	EmbeddingTypes       strs                        `json:"embeddingTypes"`
	EmbeddingConfig      obj[requestEmbeddingConfig] `json:"embeddingConfig"`
	InputImage           blob                        `json:"inputImage"`

	// Amazon Titan Image / Nova Canvas.
	TaskType              str                     `json:"taskType"`
	TextToImageParams     obj[imageParams]        `json:"textToImageParams"`
	ImageVariationParams  obj[imageParams]        `json:"imageVariationParams"`
	InPaintingParams      obj[imageParams]        `json:"inPaintingParams"`
	OutPaintingParams     obj[imageParams]        `json:"outPaintingParams"`
	ColorGuidedParams     obj[imageParams]        `json:"colorGuidedGenerationParams"`
	BackgroundRemoval     obj[imageParams]        `json:"backgroundRemovalParams"`
	ImageGenerationConfig obj[imageGenerationCfg] `json:"imageGenerationConfig"`

	// Cohere.
	Message          str          `json:"message"`
	ChatHistory      arr[message] `json:"chat_history"`
	Preamble         str          `json:"preamble"`
	Texts            strs         `json:"texts"`
	InputType        str          `json:"input_type"`
	EmbeddingTypesSn strs         `json:"embedding_types"`
	OutputDimension  num          `json:"output_dimension"`
	ReturnLikelihood str          `json:"return_likelihoods"`
	Truncate         str          `json:"truncate"`
	Query            str          `json:"query"`
	Documents        count        `json:"documents"`

	// Common names of other families, read for an unknown family.
	Input       str `json:"input"`
	Text        str `json:"text"`
	InputPrompt str `json:"inputPrompt"`

	// Amazon Nova multimodal embeddings.
	SingleEmbeddingParams obj[novaEmbedParams] `json:"singleEmbeddingParams"`

	// Stability.
	TextPrompts    arr[requestTextPrompts] `json:"text_prompts"`
	CfgScale       num                     `json:"cfg_scale"`
	Steps          num                     `json:"steps"`
	AspectRatio    str                     `json:"aspect_ratio"`
	Mode           str                     `json:"mode"`
	OutputFormat   str                     `json:"output_format"`
	NegativePrompt str                     `json:"negative_prompt"`
	StylePreset    str                     `json:"style_preset"`
	InitImage      blob                    `json:"init_image"`

	// AI21 Jurassic.
	CountPenalty present `json:"countPenalty"`
}

type requestToolConfig struct {
	Tools arr[toolDef] `json:"tools"`
}

type requestAdditionalFields struct {
	ReasoningConfig obj[reasoningConfig] `json:"reasoningConfig"`
}

type requestEmbeddingConfig struct {
	OutputEmbeddingLength num `json:"outputEmbeddingLength"`
}

type requestTextPrompts struct {
	Text   str `json:"text"`
	Weight num `json:"weight"`
}

type thinkingConfig struct {
	Type         str `json:"type"`
	BudgetTokens num `json:"budget_tokens"`
}

type effortConfig struct {
	Effort str `json:"effort"`
}

type responseFormat struct {
	Type str `json:"type"`
}

type reasoningConfig struct {
	Type               str `json:"type"`
	MaxReasoningEffort str `json:"maxReasoningEffort"`
}

type inferenceConfig struct {
	MaxTokens     num  `json:"maxTokens"`
	MaxNewTokens  num  `json:"max_new_tokens"`
	Temperature   num  `json:"temperature"`
	TopP          num  `json:"topP"`
	TopK          num  `json:"topK"`
	StopSequences strs `json:"stopSequences"`
}

type titanTextConfig struct {
	Temperature   num  `json:"temperature"`
	TopP          num  `json:"topP"`
	MaxTokenCount num  `json:"maxTokenCount"`
	StopSequences strs `json:"stopSequences"`
}

type imageParams struct {
	Text           str   `json:"text"`
	NegativeText   str   `json:"negativeText"`
	Images         blobs `json:"images"`
	Image          blob  `json:"image"`
	ConditionImage blob  `json:"conditionImage"`
	ReferenceImage blob  `json:"referenceImage"`
	MaskImage      blob  `json:"maskImage"`
}

type imageGenerationCfg struct {
	NumberOfImages num `json:"numberOfImages"`
	Height         num `json:"height"`
	Width          num `json:"width"`
	CfgScale       num `json:"cfgScale"`
	Seed           num `json:"seed"`
	Quality        str `json:"quality"`
}

type novaEmbedParams struct {
	EmbeddingPurpose   str                `json:"embeddingPurpose"`
	EmbeddingDimension num                `json:"embeddingDimension"`
	Text               obj[novaEmbedText] `json:"text"`
	Image              obj[mediaBlock]    `json:"image"`
	Video              obj[mediaBlock]    `json:"video"`
	Audio              obj[mediaBlock]    `json:"audio"`
}

type novaEmbedText struct {
	Value str `json:"value"`
}

// resetFast is reset for a body the fast path read whole without request.member: only the
// members it writes itself can be set (fastMember, fastStrings, fastSystem, fastMessages).
func (r *request) resetFast() {
	clearStr(&r.AnthropicVersion)
	if r.System.IsText || r.System.Blocks != nil {
		r.System = content{}
	}
	clearArr(&r.Messages)
	r.MaxTokens = num{}
	r.Temperature = num{}
	r.TopP = num{}
	r.TopK = num{}
	if r.StopSequences != nil {
		r.StopSequences = nil
	}
}

// reset zeroes r for the next body, as response.reset does: only the members that were read
// are cleared.
func (r *request) reset() {
	clearStr(&r.AnthropicVersion)
	if r.System.IsText || r.System.Blocks != nil {
		r.System = content{}
	}
	clearArr(&r.Messages)
	clearArr(&r.Tools)
	clearObj(&r.Thinking)
	clearObj(&r.OutputConfig)
	clearStr(&r.ReasoningEffort)
	clearObj(&r.ResponseFormat)
	r.MaxTokens = num{}
	r.MaxTokensToSample = num{}
	r.MaxCompletion = num{}
	r.MaxNewTokens = num{}
	r.MaxGenLen = num{}
	r.MaxTokensCamel = num{}
	r.Temperature = num{}
	r.TopP = num{}
	r.TopPCamel = num{}
	r.P = num{}
	r.TopK = num{}
	r.TopKCamel = num{}
	r.K = num{}
	if r.StopSequences != nil {
		r.StopSequences = nil
	}
	if r.StopSequencesCaml != nil {
		r.StopSequencesCaml = nil
	}
	if r.Stop != nil {
		r.Stop = nil
	}
	r.Seed = num{}
	r.N = num{}
	r.NumGenerations = num{}
	r.FrequencyPenalty = num{}
	r.PresencePenalty = num{}
	clearStr(&r.Prompt)
	if r.Images != nil {
		r.Images = nil
	}
	r.Image = blob{}
	clearStr(&r.SchemaVersion)
	clearObj(&r.InferenceConfig)
	clearObj(&r.ToolConfig)
	clearObj(&r.AdditionalFields)
	clearObj(&r.ReasoningConfig)
	clearStr(&r.InputText)
	clearObj(&r.TextGenerationConfig)
	r.Dimensions = num{}
	r.Normalize = flag{}
	if r.EmbeddingTypes != nil {
		r.EmbeddingTypes = nil
	}
	clearObj(&r.EmbeddingConfig)
	r.InputImage = blob{}
	clearStr(&r.TaskType)
	clearObj(&r.TextToImageParams)
	clearObj(&r.ImageVariationParams)
	clearObj(&r.InPaintingParams)
	clearObj(&r.OutPaintingParams)
	clearObj(&r.ColorGuidedParams)
	clearObj(&r.BackgroundRemoval)
	clearObj(&r.ImageGenerationConfig)
	clearStr(&r.Message)
	clearArr(&r.ChatHistory)
	clearStr(&r.Preamble)
	if r.Texts != nil {
		r.Texts = nil
	}
	clearStr(&r.InputType)
	if r.EmbeddingTypesSn != nil {
		r.EmbeddingTypesSn = nil
	}
	r.OutputDimension = num{}
	clearStr(&r.ReturnLikelihood)
	clearStr(&r.Truncate)
	clearStr(&r.Query)
	r.Documents = count{}
	clearStr(&r.Input)
	clearStr(&r.Text)
	clearStr(&r.InputPrompt)
	clearObj(&r.SingleEmbeddingParams)
	clearArr(&r.TextPrompts)
	r.CfgScale = num{}
	r.Steps = num{}
	clearStr(&r.AspectRatio)
	clearStr(&r.Mode)
	clearStr(&r.OutputFormat)
	clearStr(&r.NegativePrompt)
	clearStr(&r.StylePreset)
	r.InitImage = blob{}
	r.CountPenalty = false
}
