package model

import "github.com/go-json-experiment/json/jsontext"

// content is a message content or system value in any family's shape: a plain string, an
// array of blocks, or (seen in odd records) a single block object.
type content struct {
	Text   string
	IsText bool
	Blocks []block
}

func (c *content) readJSON(d *decoder) error {
	switch d.PeekKind() {
	case '"':
		var s str
		if err := s.readJSON(d); err != nil {
			return err
		}
		c.Text, c.IsText = string(s), true
		return nil
	case '[':
		var a arr[block]
		err := a.readJSON(d)
		c.Blocks = a
		return err
	case '{':
		var a obj[block]
		err := a.readJSON(d)
		c.Blocks = append(c.Blocks, a.V)
		return err
	}
	return d.SkipValue()
}

// empty reports whether the content holds nothing.
func (c *content) empty() bool { return !c.IsText && len(c.Blocks) == 0 }

// block is one content block, the union of the Anthropic Messages API blocks (type-tagged),
// the OpenAI chat-completions parts (type-tagged) and the Converse / Nova blocks (keyed by
// member name).
type block struct {
	Type      str      `json:"type"`
	Text      str      `json:"text"`
	Thinking  str      `json:"thinking"`
	ID        str      `json:"id"`
	Name      str      `json:"name"`
	Input     raw      `json:"input"`
	ToolUseID str      `json:"tool_use_id"`
	Content   *content `json:"content"`
	JSON      raw      `json:"json"`
	// The rarer members are pointers so that a block stays small.
	Source   *obj[mediaSource]   `json:"source"`
	ImageURL *obj[blockImageURL] `json:"image_url"`
	// Converse / Nova blocks.
	Image            *obj[mediaBlock]        `json:"image"`
	Document         *obj[mediaBlock]        `json:"document"`
	Video            *obj[mediaBlock]        `json:"video"`
	Audio            *obj[mediaBlock]        `json:"audio"`
	ToolUse          *obj[converseTool]      `json:"toolUse"`
	ToolResult       *obj[converseTool]      `json:"toolResult"`
	ReasoningContent *obj[reasoningNova]     `json:"reasoningContent"`
	GuardContent     *obj[blockGuardContent] `json:"guardContent"`
	// kind is the block's content kind, read when the decoder collects them (see kindSet).
	kind string
}

type blockImageURL struct {
	URL url `json:"url"`
}

type blockGuardContentText struct {
	Text str `json:"text"`
}

type blockGuardContent struct {
	Text obj[blockGuardContentText] `json:"text"`
}

// mediaSource is an Anthropic image/document source or a Converse media source.
type mediaSource struct {
	Type      str  `json:"type"`
	MediaType str  `json:"media_type"`
	Data      blob `json:"data"`
	URL       str  `json:"url"`
	FileID    str  `json:"file_id"`
	// Converse / Nova.
	Bytes      blob                       `json:"bytes"`
	S3URI      str                        `json:"s3Uri"`
	S3Location obj[mediaSourceS3Location] `json:"s3Location"`
}

type mediaSourceS3Location struct {
	URI str `json:"uri"`
}

// mediaBlock is a Converse / Nova image, document, video or audio block.
type mediaBlock struct {
	Format str              `json:"format"`
	Name   str              `json:"name"`
	Source obj[mediaSource] `json:"source"`
}

// converseTool is a Converse / Nova toolUse or toolResult block.
type converseTool struct {
	ToolUseID str      `json:"toolUseId"`
	Name      str      `json:"name"`
	Input     raw      `json:"input"`
	Content   *content `json:"content"`
	Status    str      `json:"status"`
}

// reasoningNova is a Converse / Nova reasoningContent block.
type reasoningNova struct {
	ReasoningText obj[reasoningNovaReasoningText] `json:"reasoningText"`
	Text          str                             `json:"text"`
}

type reasoningNovaReasoningText struct {
	Text str `json:"text"`
}

// url is an image URL; a data: URL keeps only its media type and payload size.
type url struct {
	URL      string
	Mime     string
	DataSize int64
}

func (u *url) readJSON(d *decoder) error {
	v, err := d.ReadValue()
	if err != nil || v[0] != '"' {
		return err
	}
	s := v[1 : len(v)-1]
	if len(s) > 5 && string(s[:5]) == "data:" {
		meta, payload := s[5:], []byte(nil)
		for i, c := range meta {
			if c == ',' {
				meta, payload = meta[:i], meta[i+1:]
				break
			}
		}
		for i, c := range meta {
			if c == ';' {
				meta = meta[:i]
				break
			}
		}
		u.Mime, u.DataSize = string(meta), int64(len(payload))
		return nil
	}
	if b, err := jsontext.AppendUnquote(nil, v); err == nil {
		u.URL = string(b)
	}
	return nil
}

// message is one chat message in any family's shape (Anthropic, OpenAI-compatible, Nova,
// Cohere chat_history).
type message struct {
	Role             str         `json:"role"`
	Content          content     `json:"content"`
	ToolCalls        arr[oaTool] `json:"tool_calls"`
	ToolCallID       str         `json:"tool_call_id"`
	Name             str         `json:"name"`
	ReasoningContent str         `json:"reasoning_content"`
	Reasoning        str         `json:"reasoning"`
	Message          str         `json:"message"` // Cohere chat_history
}

// oaTool is an OpenAI-style tool call: {"id","type","function":{"name","arguments"}}; in
// streams it also carries the choice-local index.
type oaTool struct {
	Index    num                 `json:"index"`
	ID       str                 `json:"id"`
	Type     str                 `json:"type"`
	Function obj[oaToolFunction] `json:"function"`
	// Cohere Command R tool calls.
	Name       str `json:"name"`
	Parameters raw `json:"parameters"`
}

type oaToolFunction struct {
	Name      str `json:"name"`
	Arguments str `json:"arguments"`
}

// toolDef is a tool definition in any family's shape.
type toolDef struct {
	Type                 str                  `json:"type"`
	Name                 str                  `json:"name"`
	Description          str                  `json:"description"`
	InputSchema          raw                  `json:"input_schema"`
	Function             obj[toolDefFunction] `json:"function"`
	ToolSpec             obj[toolDefToolSpec] `json:"toolSpec"`
	ParameterDefinitions raw                  `json:"parameter_definitions"`
}

type toolDefFunction struct {
	Name        str `json:"name"`
	Description str `json:"description"`
	Parameters  raw `json:"parameters"`
}

type toolDefToolSpecInputSchema struct {
	JSON raw `json:"json"`
}

type toolDefToolSpec struct {
	Name        str                             `json:"name"`
	Description str                             `json:"description"`
	InputSchema obj[toolDefToolSpecInputSchema] `json:"inputSchema"`
}

// usage is the union of the usage objects of every family: Anthropic (snake_case), Nova
// InvokeModel and Converse (camelCase), OpenAI-compatible (prompt/completion).
type usage struct {
	InputTokens              num `json:"input_tokens"`
	OutputTokens             num `json:"output_tokens"`
	CacheReadInputTokens     num `json:"cache_read_input_tokens"`
	CacheCreationInputTokens num `json:"cache_creation_input_tokens"`

	InputTokensCamel          num `json:"inputTokens"`
	OutputTokensCamel         num `json:"outputTokens"`
	TotalTokensCamel          num `json:"totalTokens"`
	CacheReadInputTokenCount  num `json:"cacheReadInputTokenCount"`
	CacheWriteInputTokenCount num `json:"cacheWriteInputTokenCount"`
	CacheReadInputTokensCamel num `json:"cacheReadInputTokens"`
	CacheWriteInputTokensCaml num `json:"cacheWriteInputTokens"`

	PromptTokens            num                               `json:"prompt_tokens"`
	CompletionTokens        num                               `json:"completion_tokens"`
	TotalTokens             num                               `json:"total_tokens"`
	PromptTokensDetails     obj[usagePromptTokensDetails]     `json:"prompt_tokens_details"`
	CompletionTokensDetails obj[usageCompletionTokensDetails] `json:"completion_tokens_details"`
}

type usagePromptTokensDetails struct {
	CachedTokens num `json:"cached_tokens"`
}

type usageCompletionTokensDetails struct {
	ReasoningTokens num `json:"reasoning_tokens"`
}

// invocationMetrics is a stream's amazon-bedrock-invocationMetrics object.
type invocationMetrics struct {
	InputTokenCount           num `json:"inputTokenCount"`
	OutputTokenCount          num `json:"outputTokenCount"`
	CacheReadInputTokenCount  num `json:"cacheReadInputTokenCount"`
	CacheWriteInputTokenCount num `json:"cacheWriteInputTokenCount"`
}
