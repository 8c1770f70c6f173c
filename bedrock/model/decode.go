package model

// The member decoders below read each body type straight from the token stream, with no
// reflection; every member type is lenient (see lenient.go).

func (x *block) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *block) member(d *decoder, name []byte) error {
	switch string(name) {
	case "type":
		if d.kinds != nil {
			return x.readType(d)
		}
		return x.Type.readJSON(d)
	case "text":
		if d.kinds != nil && x.kind == "" {
			x.kind = "text"
		}
		return x.Text.readJSON(d)
	case "thinking":
		return x.Thinking.readJSON(d)
	case "id":
		return x.ID.readJSON(d)
	case "name":
		return x.Name.readJSON(d)
	case "input":
		return x.Input.readJSON(d)
	case "tool_use_id":
		return x.ToolUseID.readJSON(d)
	case "content":
		if x.Content == nil {
			x.Content = new(content)
		}
		return x.Content.readJSON(d)
	case "json":
		return x.JSON.readJSON(d)
	case "source":
		if x.Source == nil {
			x.Source = new(obj[mediaSource])
		}
		return x.Source.readJSON(d)
	case "image_url":
		if x.ImageURL == nil {
			x.ImageURL = new(obj[blockImageURL])
		}
		return x.ImageURL.readJSON(d)
	case "image":
		if d.kinds != nil && (x.kind == "" || x.kind == "text") {
			x.kind = "image"
		}
		if x.Image == nil {
			x.Image = new(obj[mediaBlock])
		}
		return x.Image.readJSON(d)
	case "document":
		if d.kinds != nil && (x.kind == "" || x.kind == "text") {
			x.kind = "document"
		}
		if x.Document == nil {
			x.Document = new(obj[mediaBlock])
		}
		return x.Document.readJSON(d)
	case "video":
		if d.kinds != nil && (x.kind == "" || x.kind == "text") {
			x.kind = "video"
		}
		if x.Video == nil {
			x.Video = new(obj[mediaBlock])
		}
		return x.Video.readJSON(d)
	case "audio":
		if d.kinds != nil && (x.kind == "" || x.kind == "text") {
			x.kind = "audio"
		}
		if x.Audio == nil {
			x.Audio = new(obj[mediaBlock])
		}
		return x.Audio.readJSON(d)
	case "toolUse":
		if x.ToolUse == nil {
			x.ToolUse = new(obj[converseTool])
		}
		return x.ToolUse.readJSON(d)
	case "toolResult":
		if x.ToolResult == nil {
			x.ToolResult = new(obj[converseTool])
		}
		return x.ToolResult.readJSON(d)
	case "reasoningContent":
		if x.ReasoningContent == nil {
			x.ReasoningContent = new(obj[reasoningNova])
		}
		return x.ReasoningContent.readJSON(d)
	case "guardContent":
		if x.GuardContent == nil {
			x.GuardContent = new(obj[blockGuardContent])
		}
		return x.GuardContent.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *blockImageURL) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *blockImageURL) member(d *decoder, name []byte) error {
	switch string(name) {
	case "url":
		return x.URL.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *blockGuardContentText) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *blockGuardContentText) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *blockGuardContent) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *blockGuardContent) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *mediaSource) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *mediaSource) member(d *decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.readJSON(d)
	case "media_type":
		return x.MediaType.readJSON(d)
	case "data":
		return x.Data.readJSON(d)
	case "url":
		return x.URL.readJSON(d)
	case "file_id":
		return x.FileID.readJSON(d)
	case "bytes":
		return x.Bytes.readJSON(d)
	case "s3Uri":
		return x.S3URI.readJSON(d)
	case "s3Location":
		return x.S3Location.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *mediaSourceS3Location) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *mediaSourceS3Location) member(d *decoder, name []byte) error {
	switch string(name) {
	case "uri":
		return x.URI.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *mediaBlock) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *mediaBlock) member(d *decoder, name []byte) error {
	switch string(name) {
	case "format":
		return x.Format.readJSON(d)
	case "name":
		return x.Name.readJSON(d)
	case "source":
		return x.Source.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *converseTool) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *converseTool) member(d *decoder, name []byte) error {
	switch string(name) {
	case "toolUseId":
		return x.ToolUseID.readJSON(d)
	case "name":
		return x.Name.readJSON(d)
	case "input":
		return x.Input.readJSON(d)
	case "content":
		if x.Content == nil {
			x.Content = new(content)
		}
		return x.Content.readJSON(d)
	case "status":
		return x.Status.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *reasoningNova) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *reasoningNova) member(d *decoder, name []byte) error {
	switch string(name) {
	case "reasoningText":
		return x.ReasoningText.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *reasoningNovaReasoningText) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *reasoningNovaReasoningText) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *message) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *message) member(d *decoder, name []byte) error {
	switch string(name) {
	case "role":
		return x.Role.readJSON(d)
	case "content":
		if d.msgKinds {
			return x.readContentKinds(d)
		}
		return x.Content.readJSON(d)
	case "tool_calls":
		return x.ToolCalls.readJSON(d)
	case "tool_call_id":
		return x.ToolCallID.readJSON(d)
	case "name":
		return x.Name.readJSON(d)
	case "reasoning_content":
		return x.ReasoningContent.readJSON(d)
	case "reasoning":
		return x.Reasoning.readJSON(d)
	case "message":
		return x.Message.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *oaTool) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *oaTool) member(d *decoder, name []byte) error {
	switch string(name) {
	case "index":
		return x.Index.readJSON(d)
	case "id":
		return x.ID.readJSON(d)
	case "type":
		return x.Type.readJSON(d)
	case "function":
		return x.Function.readJSON(d)
	case "name":
		return x.Name.readJSON(d)
	case "parameters":
		return x.Parameters.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *oaToolFunction) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *oaToolFunction) member(d *decoder, name []byte) error {
	switch string(name) {
	case "name":
		return x.Name.readJSON(d)
	case "arguments":
		return x.Arguments.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *toolDef) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *toolDef) member(d *decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.readJSON(d)
	case "name":
		return x.Name.readJSON(d)
	case "description":
		return x.Description.readJSON(d)
	case "input_schema":
		return x.InputSchema.readJSON(d)
	case "function":
		return x.Function.readJSON(d)
	case "toolSpec":
		return x.ToolSpec.readJSON(d)
	case "parameter_definitions":
		return x.ParameterDefinitions.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *toolDefFunction) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *toolDefFunction) member(d *decoder, name []byte) error {
	switch string(name) {
	case "name":
		return x.Name.readJSON(d)
	case "description":
		return x.Description.readJSON(d)
	case "parameters":
		return x.Parameters.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *toolDefToolSpecInputSchema) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *toolDefToolSpecInputSchema) member(d *decoder, name []byte) error {
	switch string(name) {
	case "json":
		return x.JSON.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *toolDefToolSpec) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *toolDefToolSpec) member(d *decoder, name []byte) error {
	switch string(name) {
	case "name":
		return x.Name.readJSON(d)
	case "description":
		return x.Description.readJSON(d)
	case "inputSchema":
		return x.InputSchema.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *usage) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *usage) member(d *decoder, name []byte) error {
	switch string(name) {
	case "input_tokens":
		return x.InputTokens.readJSON(d)
	case "output_tokens":
		return x.OutputTokens.readJSON(d)
	case "cache_read_input_tokens":
		return x.CacheReadInputTokens.readJSON(d)
	case "cache_creation_input_tokens":
		return x.CacheCreationInputTokens.readJSON(d)
	case "inputTokens":
		return x.InputTokensCamel.readJSON(d)
	case "outputTokens":
		return x.OutputTokensCamel.readJSON(d)
	case "totalTokens":
		return x.TotalTokensCamel.readJSON(d)
	case "cacheReadInputTokenCount":
		return x.CacheReadInputTokenCount.readJSON(d)
	case "cacheWriteInputTokenCount":
		return x.CacheWriteInputTokenCount.readJSON(d)
	case "cacheReadInputTokens":
		return x.CacheReadInputTokensCamel.readJSON(d)
	case "cacheWriteInputTokens":
		return x.CacheWriteInputTokensCaml.readJSON(d)
	case "prompt_tokens":
		return x.PromptTokens.readJSON(d)
	case "completion_tokens":
		return x.CompletionTokens.readJSON(d)
	case "total_tokens":
		return x.TotalTokens.readJSON(d)
	case "prompt_tokens_details":
		return x.PromptTokensDetails.readJSON(d)
	case "completion_tokens_details":
		return x.CompletionTokensDetails.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *usagePromptTokensDetails) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *usagePromptTokensDetails) member(d *decoder, name []byte) error {
	switch string(name) {
	case "cached_tokens":
		return x.CachedTokens.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *usageCompletionTokensDetails) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *usageCompletionTokensDetails) member(d *decoder, name []byte) error {
	switch string(name) {
	case "reasoning_tokens":
		return x.ReasoningTokens.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *invocationMetrics) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *invocationMetrics) member(d *decoder, name []byte) error {
	switch string(name) {
	case "inputTokenCount":
		return x.InputTokenCount.readJSON(d)
	case "outputTokenCount":
		return x.OutputTokenCount.readJSON(d)
	case "cacheReadInputTokenCount":
		return x.CacheReadInputTokenCount.readJSON(d)
	case "cacheWriteInputTokenCount":
		return x.CacheWriteInputTokenCount.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *request) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *request) member(d *decoder, name []byte) error {
	switch string(name) {
	case "inputPrompt":
		return x.InputPrompt.readJSON(d)
	case "singleEmbeddingParams":
		return x.SingleEmbeddingParams.readJSON(d)
	case "anthropic_version":
		return x.AnthropicVersion.readJSON(d)
	case "system":
		return x.System.readJSON(d)
	case "messages":
		if d.kinds != nil {
			d.msgKinds = true
			err := x.Messages.readJSON(d)
			d.msgKinds = false
			return err
		}
		return x.Messages.readJSON(d)
	case "tools":
		return x.Tools.readJSON(d)
	case "thinking":
		return x.Thinking.readJSON(d)
	case "output_config":
		return x.OutputConfig.readJSON(d)
	case "reasoning_effort":
		return x.ReasoningEffort.readJSON(d)
	case "response_format":
		return x.ResponseFormat.readJSON(d)
	case "max_tokens":
		return x.MaxTokens.readJSON(d)
	case "max_tokens_to_sample":
		return x.MaxTokensToSample.readJSON(d)
	case "max_completion_tokens":
		return x.MaxCompletion.readJSON(d)
	case "max_new_tokens":
		return x.MaxNewTokens.readJSON(d)
	case "max_gen_len":
		return x.MaxGenLen.readJSON(d)
	case "maxTokens":
		return x.MaxTokensCamel.readJSON(d)
	case "temperature":
		return x.Temperature.readJSON(d)
	case "top_p":
		return x.TopP.readJSON(d)
	case "topP":
		return x.TopPCamel.readJSON(d)
	case "p":
		return x.P.readJSON(d)
	case "top_k":
		return x.TopK.readJSON(d)
	case "topK":
		return x.TopKCamel.readJSON(d)
	case "k":
		return x.K.readJSON(d)
	case "stop_sequences":
		return x.StopSequences.readJSON(d)
	case "stopSequences":
		return x.StopSequencesCaml.readJSON(d)
	case "stop":
		return x.Stop.readJSON(d)
	case "seed":
		return x.Seed.readJSON(d)
	case "n":
		return x.N.readJSON(d)
	case "num_generations":
		return x.NumGenerations.readJSON(d)
	case "frequency_penalty":
		return x.FrequencyPenalty.readJSON(d)
	case "presence_penalty":
		return x.PresencePenalty.readJSON(d)
	case "prompt":
		return x.Prompt.readJSON(d)
	case "images":
		return x.Images.readJSON(d)
	case "image":
		return x.Image.readJSON(d)
	case "schemaVersion":
		return x.SchemaVersion.readJSON(d)
	case "inferenceConfig":
		return x.InferenceConfig.readJSON(d)
	case "toolConfig":
		return x.ToolConfig.readJSON(d)
	case "additionalModelRequestFields":
		return x.AdditionalFields.readJSON(d)
	case "reasoningConfig":
		return x.ReasoningConfig.readJSON(d)
	case "inputText":
		return x.InputText.readJSON(d)
	case "textGenerationConfig":
		return x.TextGenerationConfig.readJSON(d)
	case "dimensions":
		return x.Dimensions.readJSON(d)
	case "normalize":
		return x.Normalize.readJSON(d)
	case "embeddingTypes":
		return x.EmbeddingTypes.readJSON(d)
	case "embeddingConfig":
		return x.EmbeddingConfig.readJSON(d)
	case "inputImage":
		return x.InputImage.readJSON(d)
	case "taskType":
		return x.TaskType.readJSON(d)
	case "textToImageParams":
		return x.TextToImageParams.readJSON(d)
	case "imageVariationParams":
		return x.ImageVariationParams.readJSON(d)
	case "inPaintingParams":
		return x.InPaintingParams.readJSON(d)
	case "outPaintingParams":
		return x.OutPaintingParams.readJSON(d)
	case "colorGuidedGenerationParams":
		return x.ColorGuidedParams.readJSON(d)
	case "backgroundRemovalParams":
		return x.BackgroundRemoval.readJSON(d)
	case "imageGenerationConfig":
		return x.ImageGenerationConfig.readJSON(d)
	case "message":
		return x.Message.readJSON(d)
	case "chat_history":
		return x.ChatHistory.readJSON(d)
	case "preamble":
		return x.Preamble.readJSON(d)
	case "texts":
		return x.Texts.readJSON(d)
	case "input_type":
		return x.InputType.readJSON(d)
	case "embedding_types":
		return x.EmbeddingTypesSn.readJSON(d)
	case "output_dimension":
		return x.OutputDimension.readJSON(d)
	case "return_likelihoods":
		return x.ReturnLikelihood.readJSON(d)
	case "truncate":
		return x.Truncate.readJSON(d)
	case "query":
		return x.Query.readJSON(d)
	case "documents":
		return x.Documents.readJSON(d)
	case "input":
		return x.Input.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	case "text_prompts":
		return x.TextPrompts.readJSON(d)
	case "cfg_scale":
		return x.CfgScale.readJSON(d)
	case "steps":
		return x.Steps.readJSON(d)
	case "aspect_ratio":
		return x.AspectRatio.readJSON(d)
	case "mode":
		return x.Mode.readJSON(d)
	case "output_format":
		return x.OutputFormat.readJSON(d)
	case "negative_prompt":
		return x.NegativePrompt.readJSON(d)
	case "style_preset":
		return x.StylePreset.readJSON(d)
	case "init_image":
		return x.InitImage.readJSON(d)
	case "countPenalty":
		return x.CountPenalty.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *requestToolConfig) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *requestToolConfig) member(d *decoder, name []byte) error {
	switch string(name) {
	case "tools":
		return x.Tools.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *requestAdditionalFields) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *requestAdditionalFields) member(d *decoder, name []byte) error {
	switch string(name) {
	case "reasoningConfig":
		return x.ReasoningConfig.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *requestEmbeddingConfig) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *requestEmbeddingConfig) member(d *decoder, name []byte) error {
	switch string(name) {
	case "outputEmbeddingLength":
		return x.OutputEmbeddingLength.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *requestTextPrompts) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *requestTextPrompts) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	case "weight":
		return x.Weight.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *thinkingConfig) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *thinkingConfig) member(d *decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.readJSON(d)
	case "budget_tokens":
		return x.BudgetTokens.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *effortConfig) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *effortConfig) member(d *decoder, name []byte) error {
	switch string(name) {
	case "effort":
		return x.Effort.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseFormat) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseFormat) member(d *decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *reasoningConfig) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *reasoningConfig) member(d *decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.readJSON(d)
	case "maxReasoningEffort":
		return x.MaxReasoningEffort.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *inferenceConfig) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *inferenceConfig) member(d *decoder, name []byte) error {
	switch string(name) {
	case "maxTokens":
		return x.MaxTokens.readJSON(d)
	case "max_new_tokens":
		return x.MaxNewTokens.readJSON(d)
	case "temperature":
		return x.Temperature.readJSON(d)
	case "topP":
		return x.TopP.readJSON(d)
	case "topK":
		return x.TopK.readJSON(d)
	case "stopSequences":
		return x.StopSequences.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *titanTextConfig) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *titanTextConfig) member(d *decoder, name []byte) error {
	switch string(name) {
	case "temperature":
		return x.Temperature.readJSON(d)
	case "topP":
		return x.TopP.readJSON(d)
	case "maxTokenCount":
		return x.MaxTokenCount.readJSON(d)
	case "stopSequences":
		return x.StopSequences.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *imageParams) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *imageParams) member(d *decoder, name []byte) error {
	switch string(name) {
	case "maskImage":
		return x.MaskImage.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	case "negativeText":
		return x.NegativeText.readJSON(d)
	case "images":
		return x.Images.readJSON(d)
	case "image":
		return x.Image.readJSON(d)
	case "conditionImage":
		return x.ConditionImage.readJSON(d)
	case "referenceImage":
		return x.ReferenceImage.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *imageGenerationCfg) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *imageGenerationCfg) member(d *decoder, name []byte) error {
	switch string(name) {
	case "numberOfImages":
		return x.NumberOfImages.readJSON(d)
	case "height":
		return x.Height.readJSON(d)
	case "width":
		return x.Width.readJSON(d)
	case "cfgScale":
		return x.CfgScale.readJSON(d)
	case "seed":
		return x.Seed.readJSON(d)
	case "quality":
		return x.Quality.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *response) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *response) member(d *decoder, name []byte) error {
	switch string(name) {
	case "finishReason":
		return x.FinishReasonCamel.readJSON(d)
	case "generated_text":
		return x.GeneratedText.readJSON(d)
	case "output_text":
		return x.OutputTextSn.readJSON(d)
	case "response":
		return x.ResponseText.readJSON(d)
	case "id":
		return x.ID.readJSON(d)
	case "type":
		return x.Type.readJSON(d)
	case "role":
		return x.Role.readJSON(d)
	case "model":
		return x.Model.readJSON(d)
	case "content":
		return x.Content.readJSON(d)
	case "stop_reason":
		return x.StopReason.readJSON(d)
	case "usage":
		return x.Usage.readJSON(d)
	case "completion":
		return x.Completion.readJSON(d)
	case "output":
		return x.Output.readJSON(d)
	case "stopReason":
		return x.StopReasonCamel.readJSON(d)
	case "inputTextTokenCount":
		return x.InputTextTokenCount.readJSON(d)
	case "results":
		return x.Results.readJSON(d)
	case "embedding":
		return x.Embedding.readJSON(d)
	case "embeddingsByType":
		return x.EmbeddingsByType.readJSON(d)
	case "images":
		return x.Images.readJSON(d)
	case "error":
		return x.Error.readJSON(d)
	case "generation":
		return x.Generation.readJSON(d)
	case "prompt_token_count":
		return x.PromptTokenCount.readJSON(d)
	case "generation_token_count":
		return x.GenerationTokenCount.readJSON(d)
	case "outputs":
		return x.Outputs.readJSON(d)
	case "choices":
		return x.Choices.readJSON(d)
	case "generations":
		return x.Generations.readJSON(d)
	case "response_id":
		return x.ResponseID.readJSON(d)
	case "generation_id":
		return x.GenerationID.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	case "finish_reason":
		return x.FinishReason.readJSON(d)
	case "tool_calls":
		return x.ToolCalls.readJSON(d)
	case "embeddings":
		return x.Embeddings.readJSON(d)
	case "response_type":
		return x.ResponseType.readJSON(d)
	case "is_finished":
		return x.IsFinished.readJSON(d)
	case "event_type":
		return x.EventType.readJSON(d)
	case "meta":
		return x.Meta.readJSON(d)
	case "completions":
		return x.Completions.readJSON(d)
	case "artifacts":
		return x.Artifacts.readJSON(d)
	case "finish_reasons":
		return x.FinishReasons.readJSON(d)
	case "seeds":
		return x.Seeds.readJSON(d)
	case "result":
		return x.Result.readJSON(d)
	case "index":
		return x.Index.readJSON(d)
	case "delta":
		return x.Delta.readJSON(d)
	case "content_block":
		return x.ContentBlock.readJSON(d)
	case "message":
		return x.Message.readJSON(d)
	case "messageStart":
		return x.MessageStart.readJSON(d)
	case "contentBlockStart":
		return x.ContentBlockStart.readJSON(d)
	case "contentBlockDelta":
		return x.ContentBlockDelta.readJSON(d)
	case "messageStop":
		return x.MessageStop.readJSON(d)
	case "metadata":
		return x.Metadata.readJSON(d)
	case "outputText":
		return x.OutputText.readJSON(d)
	case "completionReason":
		return x.CompletionReason.readJSON(d)
	case "totalOutputTextTokenCount":
		return x.TotalOutputTextTokenCount.readJSON(d)
	case "amazon-bedrock-invocationMetrics":
		return x.InvocationMetrics.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseOutput) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseOutput) member(d *decoder, name []byte) error {
	switch string(name) {
	case "message":
		return x.Message.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseOutputs) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseOutputs) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	case "stop_reason":
		return x.StopReason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseGenerations) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseGenerations) member(d *decoder, name []byte) error {
	switch string(name) {
	case "id":
		return x.ID.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	case "finish_reason":
		return x.FinishReason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseMetaBilledUnits) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseMetaBilledUnits) member(d *decoder, name []byte) error {
	switch string(name) {
	case "input_tokens":
		return x.InputTokens.readJSON(d)
	case "output_tokens":
		return x.OutputTokens.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseMeta) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseMeta) member(d *decoder, name []byte) error {
	switch string(name) {
	case "billed_units":
		return x.BilledUnits.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseCompletionsData) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseCompletionsData) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseCompletionsFinishReason) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseCompletionsFinishReason) member(d *decoder, name []byte) error {
	switch string(name) {
	case "reason":
		return x.Reason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseCompletions) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseCompletions) member(d *decoder, name []byte) error {
	switch string(name) {
	case "data":
		return x.Data.readJSON(d)
	case "finishReason":
		return x.FinishReason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseArtifacts) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseArtifacts) member(d *decoder, name []byte) error {
	switch string(name) {
	case "seed":
		return x.Seed.readJSON(d)
	case "base64":
		return x.Base64.readJSON(d)
	case "finishReason":
		return x.FinishReason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseMessageStart) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseMessageStart) member(d *decoder, name []byte) error {
	switch string(name) {
	case "role":
		return x.Role.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseContentBlockStartStart) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockStartStart) member(d *decoder, name []byte) error {
	switch string(name) {
	case "toolUse":
		return x.ToolUse.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseContentBlockStart) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockStart) member(d *decoder, name []byte) error {
	switch string(name) {
	case "start":
		return x.Start.readJSON(d)
	case "contentBlockIndex":
		return x.ContentBlockIndex.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseContentBlockDeltaDeltaToolUse) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDeltaDeltaToolUse) member(d *decoder, name []byte) error {
	switch string(name) {
	case "input":
		return x.Input.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseContentBlockDeltaDeltaReasoningContent) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDeltaDeltaReasoningContent) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseContentBlockDeltaDelta) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDeltaDelta) member(d *decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.readJSON(d)
	case "toolUse":
		return x.ToolUse.readJSON(d)
	case "reasoningContent":
		return x.ReasoningContent.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseContentBlockDelta) readJSON(d *decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDelta) member(d *decoder, name []byte) error {
	switch string(name) {
	case "delta":
		return x.Delta.readJSON(d)
	case "contentBlockIndex":
		return x.ContentBlockIndex.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseMessageStop) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseMessageStop) member(d *decoder, name []byte) error {
	switch string(name) {
	case "stopReason":
		return x.StopReason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *responseMetadata) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *responseMetadata) member(d *decoder, name []byte) error {
	switch string(name) {
	case "usage":
		return x.Usage.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *titanResult) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *titanResult) member(d *decoder, name []byte) error {
	switch string(name) {
	case "index":
		return x.Index.readJSON(d)
	case "relevance_score":
		return x.RelevanceScore.readJSON(d)
	case "tokenCount":
		return x.TokenCount.readJSON(d)
	case "outputText":
		return x.OutputText.readJSON(d)
	case "completionReason":
		return x.CompletionReason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *choice) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *choice) member(d *decoder, name []byte) error {
	switch string(name) {
	case "index":
		return x.Index.readJSON(d)
	case "message":
		return x.Message.readJSON(d)
	case "delta":
		return x.Delta.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	case "finish_reason":
		return x.FinishReason.readJSON(d)
	case "stop_reason":
		return x.StopReason.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *streamDelta) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *streamDelta) member(d *decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	case "partial_json":
		return x.PartialJSON.readJSON(d)
	case "thinking":
		return x.Thinking.readJSON(d)
	case "stop_reason":
		return x.StopReason.readJSON(d)
	case "stop_sequence":
		return x.StopSequence.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *anthropicStart) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *anthropicStart) member(d *decoder, name []byte) error {
	switch string(name) {
	case "id":
		return x.ID.readJSON(d)
	case "role":
		return x.Role.readJSON(d)
	case "model":
		return x.Model.readJSON(d)
	case "usage":
		return x.Usage.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *novaEmbedParams) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *novaEmbedParams) member(d *decoder, name []byte) error {
	switch string(name) {
	case "embeddingPurpose":
		return x.EmbeddingPurpose.readJSON(d)
	case "embeddingDimension":
		return x.EmbeddingDimension.readJSON(d)
	case "text":
		return x.Text.readJSON(d)
	case "image":
		return x.Image.readJSON(d)
	case "video":
		return x.Video.readJSON(d)
	case "audio":
		return x.Audio.readJSON(d)
	}
	return skipMember(d, x, name)
}

func (x *novaEmbedText) readJSON(d *decoder) error { return decodeObject(d, x) }

func (x *novaEmbedText) member(d *decoder, name []byte) error {
	switch string(name) {
	case "value":
		return x.Value.readJSON(d)
	}
	return skipMember(d, x, name)
}
