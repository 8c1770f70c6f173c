package model

import "github.com/go-json-experiment/json/jsontext"

// The member decoders below read each body type straight from the token stream, with no
// reflection; every member type is lenient (see lenient.go).

func (x *block) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *block) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "thinking":
		return x.Thinking.UnmarshalJSONFrom(d)
	case "id":
		return x.ID.UnmarshalJSONFrom(d)
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "input":
		return x.Input.UnmarshalJSONFrom(d)
	case "tool_use_id":
		return x.ToolUseID.UnmarshalJSONFrom(d)
	case "content":
		if x.Content == nil {
			x.Content = new(content)
		}
		return x.Content.UnmarshalJSONFrom(d)
	case "json":
		return x.JSON.UnmarshalJSONFrom(d)
	case "source":
		if x.Source == nil {
			x.Source = new(obj[mediaSource])
		}
		return x.Source.UnmarshalJSONFrom(d)
	case "image_url":
		if x.ImageURL == nil {
			x.ImageURL = new(obj[blockImageURL])
		}
		return x.ImageURL.UnmarshalJSONFrom(d)
	case "image":
		if x.Image == nil {
			x.Image = new(obj[mediaBlock])
		}
		return x.Image.UnmarshalJSONFrom(d)
	case "document":
		if x.Document == nil {
			x.Document = new(obj[mediaBlock])
		}
		return x.Document.UnmarshalJSONFrom(d)
	case "video":
		if x.Video == nil {
			x.Video = new(obj[mediaBlock])
		}
		return x.Video.UnmarshalJSONFrom(d)
	case "audio":
		if x.Audio == nil {
			x.Audio = new(obj[mediaBlock])
		}
		return x.Audio.UnmarshalJSONFrom(d)
	case "toolUse":
		if x.ToolUse == nil {
			x.ToolUse = new(obj[converseTool])
		}
		return x.ToolUse.UnmarshalJSONFrom(d)
	case "toolResult":
		if x.ToolResult == nil {
			x.ToolResult = new(obj[converseTool])
		}
		return x.ToolResult.UnmarshalJSONFrom(d)
	case "reasoningContent":
		if x.ReasoningContent == nil {
			x.ReasoningContent = new(obj[reasoningNova])
		}
		return x.ReasoningContent.UnmarshalJSONFrom(d)
	case "guardContent":
		if x.GuardContent == nil {
			x.GuardContent = new(obj[blockGuardContent])
		}
		return x.GuardContent.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *blockImageURL) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *blockImageURL) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "url":
		return x.URL.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *blockGuardContentText) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *blockGuardContentText) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *blockGuardContent) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *blockGuardContent) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *mediaSource) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *mediaSource) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "media_type":
		return x.MediaType.UnmarshalJSONFrom(d)
	case "data":
		return x.Data.UnmarshalJSONFrom(d)
	case "url":
		return x.URL.UnmarshalJSONFrom(d)
	case "file_id":
		return x.FileID.UnmarshalJSONFrom(d)
	case "bytes":
		return x.Bytes.UnmarshalJSONFrom(d)
	case "s3Uri":
		return x.S3URI.UnmarshalJSONFrom(d)
	case "s3Location":
		return x.S3Location.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *mediaSourceS3Location) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *mediaSourceS3Location) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "uri":
		return x.URI.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *mediaBlock) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *mediaBlock) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "format":
		return x.Format.UnmarshalJSONFrom(d)
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "source":
		return x.Source.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *converseTool) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *converseTool) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "toolUseId":
		return x.ToolUseID.UnmarshalJSONFrom(d)
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "input":
		return x.Input.UnmarshalJSONFrom(d)
	case "content":
		if x.Content == nil {
			x.Content = new(content)
		}
		return x.Content.UnmarshalJSONFrom(d)
	case "status":
		return x.Status.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *reasoningNova) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *reasoningNova) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "reasoningText":
		return x.ReasoningText.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *reasoningNovaReasoningText) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *reasoningNovaReasoningText) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *message) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *message) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "role":
		return x.Role.UnmarshalJSONFrom(d)
	case "content":
		return x.Content.UnmarshalJSONFrom(d)
	case "tool_calls":
		return x.ToolCalls.UnmarshalJSONFrom(d)
	case "tool_call_id":
		return x.ToolCallID.UnmarshalJSONFrom(d)
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "reasoning_content":
		return x.ReasoningContent.UnmarshalJSONFrom(d)
	case "reasoning":
		return x.Reasoning.UnmarshalJSONFrom(d)
	case "message":
		return x.Message.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *oaTool) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *oaTool) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "index":
		return x.Index.UnmarshalJSONFrom(d)
	case "id":
		return x.ID.UnmarshalJSONFrom(d)
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "function":
		return x.Function.UnmarshalJSONFrom(d)
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "parameters":
		return x.Parameters.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *oaToolFunction) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *oaToolFunction) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "arguments":
		return x.Arguments.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *toolDef) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *toolDef) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "description":
		return x.Description.UnmarshalJSONFrom(d)
	case "input_schema":
		return x.InputSchema.UnmarshalJSONFrom(d)
	case "function":
		return x.Function.UnmarshalJSONFrom(d)
	case "toolSpec":
		return x.ToolSpec.UnmarshalJSONFrom(d)
	case "parameter_definitions":
		return x.ParameterDefinitions.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *toolDefFunction) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *toolDefFunction) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "description":
		return x.Description.UnmarshalJSONFrom(d)
	case "parameters":
		return x.Parameters.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *toolDefToolSpecInputSchema) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *toolDefToolSpecInputSchema) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "json":
		return x.JSON.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *toolDefToolSpec) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *toolDefToolSpec) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "name":
		return x.Name.UnmarshalJSONFrom(d)
	case "description":
		return x.Description.UnmarshalJSONFrom(d)
	case "inputSchema":
		return x.InputSchema.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *usage) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *usage) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "input_tokens":
		return x.InputTokens.UnmarshalJSONFrom(d)
	case "output_tokens":
		return x.OutputTokens.UnmarshalJSONFrom(d)
	case "cache_read_input_tokens":
		return x.CacheReadInputTokens.UnmarshalJSONFrom(d)
	case "cache_creation_input_tokens":
		return x.CacheCreationInputTokens.UnmarshalJSONFrom(d)
	case "inputTokens":
		return x.InputTokensCamel.UnmarshalJSONFrom(d)
	case "outputTokens":
		return x.OutputTokensCamel.UnmarshalJSONFrom(d)
	case "totalTokens":
		return x.TotalTokensCamel.UnmarshalJSONFrom(d)
	case "cacheReadInputTokenCount":
		return x.CacheReadInputTokenCount.UnmarshalJSONFrom(d)
	case "cacheWriteInputTokenCount":
		return x.CacheWriteInputTokenCount.UnmarshalJSONFrom(d)
	case "cacheReadInputTokens":
		return x.CacheReadInputTokensCamel.UnmarshalJSONFrom(d)
	case "cacheWriteInputTokens":
		return x.CacheWriteInputTokensCaml.UnmarshalJSONFrom(d)
	case "prompt_tokens":
		return x.PromptTokens.UnmarshalJSONFrom(d)
	case "completion_tokens":
		return x.CompletionTokens.UnmarshalJSONFrom(d)
	case "total_tokens":
		return x.TotalTokens.UnmarshalJSONFrom(d)
	case "prompt_tokens_details":
		return x.PromptTokensDetails.UnmarshalJSONFrom(d)
	case "completion_tokens_details":
		return x.CompletionTokensDetails.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *usagePromptTokensDetails) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *usagePromptTokensDetails) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "cached_tokens":
		return x.CachedTokens.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *usageCompletionTokensDetails) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *usageCompletionTokensDetails) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "reasoning_tokens":
		return x.ReasoningTokens.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *invocationMetrics) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *invocationMetrics) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "inputTokenCount":
		return x.InputTokenCount.UnmarshalJSONFrom(d)
	case "outputTokenCount":
		return x.OutputTokenCount.UnmarshalJSONFrom(d)
	case "cacheReadInputTokenCount":
		return x.CacheReadInputTokenCount.UnmarshalJSONFrom(d)
	case "cacheWriteInputTokenCount":
		return x.CacheWriteInputTokenCount.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *request) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *request) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "inputPrompt":
		return x.InputPrompt.UnmarshalJSONFrom(d)
	case "singleEmbeddingParams":
		return x.SingleEmbeddingParams.UnmarshalJSONFrom(d)
	case "anthropic_version":
		return x.AnthropicVersion.UnmarshalJSONFrom(d)
	case "system":
		return x.System.UnmarshalJSONFrom(d)
	case "messages":
		return x.Messages.UnmarshalJSONFrom(d)
	case "tools":
		return x.Tools.UnmarshalJSONFrom(d)
	case "thinking":
		return x.Thinking.UnmarshalJSONFrom(d)
	case "output_config":
		return x.OutputConfig.UnmarshalJSONFrom(d)
	case "reasoning_effort":
		return x.ReasoningEffort.UnmarshalJSONFrom(d)
	case "response_format":
		return x.ResponseFormat.UnmarshalJSONFrom(d)
	case "max_tokens":
		return x.MaxTokens.UnmarshalJSONFrom(d)
	case "max_tokens_to_sample":
		return x.MaxTokensToSample.UnmarshalJSONFrom(d)
	case "max_completion_tokens":
		return x.MaxCompletion.UnmarshalJSONFrom(d)
	case "max_new_tokens":
		return x.MaxNewTokens.UnmarshalJSONFrom(d)
	case "max_gen_len":
		return x.MaxGenLen.UnmarshalJSONFrom(d)
	case "maxTokens":
		return x.MaxTokensCamel.UnmarshalJSONFrom(d)
	case "temperature":
		return x.Temperature.UnmarshalJSONFrom(d)
	case "top_p":
		return x.TopP.UnmarshalJSONFrom(d)
	case "topP":
		return x.TopPCamel.UnmarshalJSONFrom(d)
	case "p":
		return x.P.UnmarshalJSONFrom(d)
	case "top_k":
		return x.TopK.UnmarshalJSONFrom(d)
	case "topK":
		return x.TopKCamel.UnmarshalJSONFrom(d)
	case "k":
		return x.K.UnmarshalJSONFrom(d)
	case "stop_sequences":
		return x.StopSequences.UnmarshalJSONFrom(d)
	case "stopSequences":
		return x.StopSequencesCaml.UnmarshalJSONFrom(d)
	case "stop":
		return x.Stop.UnmarshalJSONFrom(d)
	case "seed":
		return x.Seed.UnmarshalJSONFrom(d)
	case "n":
		return x.N.UnmarshalJSONFrom(d)
	case "num_generations":
		return x.NumGenerations.UnmarshalJSONFrom(d)
	case "frequency_penalty":
		return x.FrequencyPenalty.UnmarshalJSONFrom(d)
	case "presence_penalty":
		return x.PresencePenalty.UnmarshalJSONFrom(d)
	case "prompt":
		return x.Prompt.UnmarshalJSONFrom(d)
	case "images":
		return x.Images.UnmarshalJSONFrom(d)
	case "image":
		return x.Image.UnmarshalJSONFrom(d)
	case "schemaVersion":
		return x.SchemaVersion.UnmarshalJSONFrom(d)
	case "inferenceConfig":
		return x.InferenceConfig.UnmarshalJSONFrom(d)
	case "toolConfig":
		return x.ToolConfig.UnmarshalJSONFrom(d)
	case "additionalModelRequestFields":
		return x.AdditionalFields.UnmarshalJSONFrom(d)
	case "reasoningConfig":
		return x.ReasoningConfig.UnmarshalJSONFrom(d)
	case "inputText":
		return x.InputText.UnmarshalJSONFrom(d)
	case "textGenerationConfig":
		return x.TextGenerationConfig.UnmarshalJSONFrom(d)
	case "dimensions":
		return x.Dimensions.UnmarshalJSONFrom(d)
	case "normalize":
		return x.Normalize.UnmarshalJSONFrom(d)
	case "embeddingTypes":
		return x.EmbeddingTypes.UnmarshalJSONFrom(d)
	case "embeddingConfig":
		return x.EmbeddingConfig.UnmarshalJSONFrom(d)
	case "inputImage":
		return x.InputImage.UnmarshalJSONFrom(d)
	case "taskType":
		return x.TaskType.UnmarshalJSONFrom(d)
	case "textToImageParams":
		return x.TextToImageParams.UnmarshalJSONFrom(d)
	case "imageVariationParams":
		return x.ImageVariationParams.UnmarshalJSONFrom(d)
	case "inPaintingParams":
		return x.InPaintingParams.UnmarshalJSONFrom(d)
	case "outPaintingParams":
		return x.OutPaintingParams.UnmarshalJSONFrom(d)
	case "colorGuidedGenerationParams":
		return x.ColorGuidedParams.UnmarshalJSONFrom(d)
	case "backgroundRemovalParams":
		return x.BackgroundRemoval.UnmarshalJSONFrom(d)
	case "imageGenerationConfig":
		return x.ImageGenerationConfig.UnmarshalJSONFrom(d)
	case "message":
		return x.Message.UnmarshalJSONFrom(d)
	case "chat_history":
		return x.ChatHistory.UnmarshalJSONFrom(d)
	case "preamble":
		return x.Preamble.UnmarshalJSONFrom(d)
	case "texts":
		return x.Texts.UnmarshalJSONFrom(d)
	case "input_type":
		return x.InputType.UnmarshalJSONFrom(d)
	case "embedding_types":
		return x.EmbeddingTypesSn.UnmarshalJSONFrom(d)
	case "output_dimension":
		return x.OutputDimension.UnmarshalJSONFrom(d)
	case "return_likelihoods":
		return x.ReturnLikelihood.UnmarshalJSONFrom(d)
	case "truncate":
		return x.Truncate.UnmarshalJSONFrom(d)
	case "query":
		return x.Query.UnmarshalJSONFrom(d)
	case "documents":
		return x.Documents.UnmarshalJSONFrom(d)
	case "input":
		return x.Input.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "text_prompts":
		return x.TextPrompts.UnmarshalJSONFrom(d)
	case "cfg_scale":
		return x.CfgScale.UnmarshalJSONFrom(d)
	case "steps":
		return x.Steps.UnmarshalJSONFrom(d)
	case "aspect_ratio":
		return x.AspectRatio.UnmarshalJSONFrom(d)
	case "mode":
		return x.Mode.UnmarshalJSONFrom(d)
	case "output_format":
		return x.OutputFormat.UnmarshalJSONFrom(d)
	case "negative_prompt":
		return x.NegativePrompt.UnmarshalJSONFrom(d)
	case "style_preset":
		return x.StylePreset.UnmarshalJSONFrom(d)
	case "init_image":
		return x.InitImage.UnmarshalJSONFrom(d)
	case "countPenalty":
		return x.CountPenalty.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *requestToolConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *requestToolConfig) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "tools":
		return x.Tools.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *requestAdditionalFields) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *requestAdditionalFields) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "reasoningConfig":
		return x.ReasoningConfig.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *requestEmbeddingConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *requestEmbeddingConfig) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "outputEmbeddingLength":
		return x.OutputEmbeddingLength.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *requestTextPrompts) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *requestTextPrompts) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "weight":
		return x.Weight.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *thinkingConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *thinkingConfig) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "budget_tokens":
		return x.BudgetTokens.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *effortConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *effortConfig) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "effort":
		return x.Effort.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseFormat) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseFormat) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *reasoningConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *reasoningConfig) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "maxReasoningEffort":
		return x.MaxReasoningEffort.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *inferenceConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *inferenceConfig) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "maxTokens":
		return x.MaxTokens.UnmarshalJSONFrom(d)
	case "max_new_tokens":
		return x.MaxNewTokens.UnmarshalJSONFrom(d)
	case "temperature":
		return x.Temperature.UnmarshalJSONFrom(d)
	case "topP":
		return x.TopP.UnmarshalJSONFrom(d)
	case "topK":
		return x.TopK.UnmarshalJSONFrom(d)
	case "stopSequences":
		return x.StopSequences.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *titanTextConfig) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *titanTextConfig) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "temperature":
		return x.Temperature.UnmarshalJSONFrom(d)
	case "topP":
		return x.TopP.UnmarshalJSONFrom(d)
	case "maxTokenCount":
		return x.MaxTokenCount.UnmarshalJSONFrom(d)
	case "stopSequences":
		return x.StopSequences.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *imageParams) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *imageParams) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "maskImage":
		return x.MaskImage.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "negativeText":
		return x.NegativeText.UnmarshalJSONFrom(d)
	case "images":
		return x.Images.UnmarshalJSONFrom(d)
	case "image":
		return x.Image.UnmarshalJSONFrom(d)
	case "conditionImage":
		return x.ConditionImage.UnmarshalJSONFrom(d)
	case "referenceImage":
		return x.ReferenceImage.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *imageGenerationCfg) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *imageGenerationCfg) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "numberOfImages":
		return x.NumberOfImages.UnmarshalJSONFrom(d)
	case "height":
		return x.Height.UnmarshalJSONFrom(d)
	case "width":
		return x.Width.UnmarshalJSONFrom(d)
	case "cfgScale":
		return x.CfgScale.UnmarshalJSONFrom(d)
	case "seed":
		return x.Seed.UnmarshalJSONFrom(d)
	case "quality":
		return x.Quality.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *response) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *response) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "finishReason":
		return x.FinishReasonCamel.UnmarshalJSONFrom(d)
	case "generated_text":
		return x.GeneratedText.UnmarshalJSONFrom(d)
	case "output_text":
		return x.OutputTextSn.UnmarshalJSONFrom(d)
	case "response":
		return x.ResponseText.UnmarshalJSONFrom(d)
	case "id":
		return x.ID.UnmarshalJSONFrom(d)
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "role":
		return x.Role.UnmarshalJSONFrom(d)
	case "model":
		return x.Model.UnmarshalJSONFrom(d)
	case "content":
		return x.Content.UnmarshalJSONFrom(d)
	case "stop_reason":
		return x.StopReason.UnmarshalJSONFrom(d)
	case "usage":
		return x.Usage.UnmarshalJSONFrom(d)
	case "completion":
		return x.Completion.UnmarshalJSONFrom(d)
	case "output":
		return x.Output.UnmarshalJSONFrom(d)
	case "stopReason":
		return x.StopReasonCamel.UnmarshalJSONFrom(d)
	case "inputTextTokenCount":
		return x.InputTextTokenCount.UnmarshalJSONFrom(d)
	case "results":
		return x.Results.UnmarshalJSONFrom(d)
	case "embedding":
		return x.Embedding.UnmarshalJSONFrom(d)
	case "embeddingsByType":
		return x.EmbeddingsByType.UnmarshalJSONFrom(d)
	case "images":
		return x.Images.UnmarshalJSONFrom(d)
	case "error":
		return x.Error.UnmarshalJSONFrom(d)
	case "generation":
		return x.Generation.UnmarshalJSONFrom(d)
	case "prompt_token_count":
		return x.PromptTokenCount.UnmarshalJSONFrom(d)
	case "generation_token_count":
		return x.GenerationTokenCount.UnmarshalJSONFrom(d)
	case "outputs":
		return x.Outputs.UnmarshalJSONFrom(d)
	case "choices":
		return x.Choices.UnmarshalJSONFrom(d)
	case "generations":
		return x.Generations.UnmarshalJSONFrom(d)
	case "response_id":
		return x.ResponseID.UnmarshalJSONFrom(d)
	case "generation_id":
		return x.GenerationID.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "finish_reason":
		return x.FinishReason.UnmarshalJSONFrom(d)
	case "tool_calls":
		return x.ToolCalls.UnmarshalJSONFrom(d)
	case "embeddings":
		return x.Embeddings.UnmarshalJSONFrom(d)
	case "response_type":
		return x.ResponseType.UnmarshalJSONFrom(d)
	case "is_finished":
		return x.IsFinished.UnmarshalJSONFrom(d)
	case "event_type":
		return x.EventType.UnmarshalJSONFrom(d)
	case "meta":
		return x.Meta.UnmarshalJSONFrom(d)
	case "completions":
		return x.Completions.UnmarshalJSONFrom(d)
	case "artifacts":
		return x.Artifacts.UnmarshalJSONFrom(d)
	case "finish_reasons":
		return x.FinishReasons.UnmarshalJSONFrom(d)
	case "seeds":
		return x.Seeds.UnmarshalJSONFrom(d)
	case "result":
		return x.Result.UnmarshalJSONFrom(d)
	case "index":
		return x.Index.UnmarshalJSONFrom(d)
	case "delta":
		return x.Delta.UnmarshalJSONFrom(d)
	case "content_block":
		return x.ContentBlock.UnmarshalJSONFrom(d)
	case "message":
		return x.Message.UnmarshalJSONFrom(d)
	case "messageStart":
		return x.MessageStart.UnmarshalJSONFrom(d)
	case "contentBlockStart":
		return x.ContentBlockStart.UnmarshalJSONFrom(d)
	case "contentBlockDelta":
		return x.ContentBlockDelta.UnmarshalJSONFrom(d)
	case "messageStop":
		return x.MessageStop.UnmarshalJSONFrom(d)
	case "metadata":
		return x.Metadata.UnmarshalJSONFrom(d)
	case "outputText":
		return x.OutputText.UnmarshalJSONFrom(d)
	case "completionReason":
		return x.CompletionReason.UnmarshalJSONFrom(d)
	case "totalOutputTextTokenCount":
		return x.TotalOutputTextTokenCount.UnmarshalJSONFrom(d)
	case "amazon-bedrock-invocationMetrics":
		return x.InvocationMetrics.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseOutput) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseOutput) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "message":
		return x.Message.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseOutputs) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseOutputs) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "stop_reason":
		return x.StopReason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseGenerations) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseGenerations) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "id":
		return x.ID.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "finish_reason":
		return x.FinishReason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseMetaBilledUnits) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseMetaBilledUnits) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "input_tokens":
		return x.InputTokens.UnmarshalJSONFrom(d)
	case "output_tokens":
		return x.OutputTokens.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseMeta) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseMeta) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "billed_units":
		return x.BilledUnits.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseCompletionsData) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseCompletionsData) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseCompletionsFinishReason) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseCompletionsFinishReason) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "reason":
		return x.Reason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseCompletions) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseCompletions) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "data":
		return x.Data.UnmarshalJSONFrom(d)
	case "finishReason":
		return x.FinishReason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseArtifacts) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseArtifacts) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "seed":
		return x.Seed.UnmarshalJSONFrom(d)
	case "base64":
		return x.Base64.UnmarshalJSONFrom(d)
	case "finishReason":
		return x.FinishReason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseMessageStart) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseMessageStart) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "role":
		return x.Role.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseContentBlockStartStart) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockStartStart) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "toolUse":
		return x.ToolUse.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseContentBlockStart) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockStart) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "start":
		return x.Start.UnmarshalJSONFrom(d)
	case "contentBlockIndex":
		return x.ContentBlockIndex.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseContentBlockDeltaDeltaToolUse) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDeltaDeltaToolUse) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "input":
		return x.Input.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseContentBlockDeltaDeltaReasoningContent) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDeltaDeltaReasoningContent) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseContentBlockDeltaDelta) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDeltaDelta) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "toolUse":
		return x.ToolUse.UnmarshalJSONFrom(d)
	case "reasoningContent":
		return x.ReasoningContent.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseContentBlockDelta) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	return decodeObject(d, x)
}

func (x *responseContentBlockDelta) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "delta":
		return x.Delta.UnmarshalJSONFrom(d)
	case "contentBlockIndex":
		return x.ContentBlockIndex.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseMessageStop) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseMessageStop) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "stopReason":
		return x.StopReason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *responseMetadata) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *responseMetadata) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "usage":
		return x.Usage.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *titanResult) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *titanResult) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "index":
		return x.Index.UnmarshalJSONFrom(d)
	case "relevance_score":
		return x.RelevanceScore.UnmarshalJSONFrom(d)
	case "tokenCount":
		return x.TokenCount.UnmarshalJSONFrom(d)
	case "outputText":
		return x.OutputText.UnmarshalJSONFrom(d)
	case "completionReason":
		return x.CompletionReason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *choice) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *choice) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "index":
		return x.Index.UnmarshalJSONFrom(d)
	case "message":
		return x.Message.UnmarshalJSONFrom(d)
	case "delta":
		return x.Delta.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "finish_reason":
		return x.FinishReason.UnmarshalJSONFrom(d)
	case "stop_reason":
		return x.StopReason.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *streamDelta) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *streamDelta) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "type":
		return x.Type.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "partial_json":
		return x.PartialJSON.UnmarshalJSONFrom(d)
	case "thinking":
		return x.Thinking.UnmarshalJSONFrom(d)
	case "stop_reason":
		return x.StopReason.UnmarshalJSONFrom(d)
	case "stop_sequence":
		return x.StopSequence.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *anthropicStart) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *anthropicStart) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "id":
		return x.ID.UnmarshalJSONFrom(d)
	case "role":
		return x.Role.UnmarshalJSONFrom(d)
	case "model":
		return x.Model.UnmarshalJSONFrom(d)
	case "usage":
		return x.Usage.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *novaEmbedParams) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *novaEmbedParams) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "embeddingPurpose":
		return x.EmbeddingPurpose.UnmarshalJSONFrom(d)
	case "embeddingDimension":
		return x.EmbeddingDimension.UnmarshalJSONFrom(d)
	case "text":
		return x.Text.UnmarshalJSONFrom(d)
	case "image":
		return x.Image.UnmarshalJSONFrom(d)
	case "video":
		return x.Video.UnmarshalJSONFrom(d)
	case "audio":
		return x.Audio.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}

func (x *novaEmbedText) UnmarshalJSONFrom(d *jsontext.Decoder) error { return decodeObject(d, x) }

func (x *novaEmbedText) member(d *jsontext.Decoder, name []byte) error {
	switch string(name) {
	case "value":
		return x.Value.UnmarshalJSONFrom(d)
	}
	return d.SkipValue()
}
