package model

import (
	"strings"

	"github.com/genainorm/genainorm/genai"
)

// chatRequest reads a messages-based request: the Anthropic Messages API, Amazon Nova
// messages-v1 and OpenAI-compatible chat completions share one block union, so one writer
// serves all three.
func chatRequest(r *request, ev *genai.Event, w *msgWriter) {
	q := &ev.Request
	if !r.System.empty() {
		sw := pooledWriter("")
		sw.writeContent(&r.System, false)
		q.SystemInstructions = sw.bytes()
		sw.release()
	}
	for i := range r.Messages {
		writeMessage(w, &r.Messages[i], "")
	}
	q.InputMessages, q.Text = w.results()
	tools := r.Tools
	if len(tools) == 0 {
		tools = r.ToolConfig.V.Tools
	}
	q.ToolDefinitions = toolDefinitions(tools)
}

// writeMessage writes one chat message of any family; role overrides the message's role.
func writeMessage(w *msgWriter, m *message, role string) {
	if role == "" {
		role = string(m.Role)
	}
	if role == "" {
		role = "user"
	}
	collect := role == "user"
	w.begin(role)
	if m.ReasoningContent != "" {
		w.reasoning(string(m.ReasoningContent))
	} else if m.Reasoning != "" {
		w.reasoning(string(m.Reasoning))
	}
	if role == "tool" && m.ToolCallID != "" {
		// An OpenAI tool result message.
		text := m.Content.Text
		if !m.Content.IsText {
			var sb strings.Builder
			for i := range m.Content.Blocks {
				sb.WriteString(string(m.Content.Blocks[i].Text))
			}
			text = sb.String()
		}
		w.toolResponse(string(m.ToolCallID), nil, text)
	} else {
		w.writeContent(&m.Content, collect)
		if m.Message != "" {
			w.textPart(string(m.Message), collect)
		}
	}
	for i := range m.ToolCalls {
		writeToolCall(w, &m.ToolCalls[i])
	}
	w.end("")
}

// writeToolCall writes an OpenAI-style or Cohere tool call.
func writeToolCall(w *msgWriter, t *oaTool) {
	if t.Function.OK {
		f := &t.Function.V
		w.toolCall(string(t.ID), string(f.Name), []byte(f.Arguments))
		return
	}
	w.toolCall(string(t.ID), string(t.Name), t.Parameters)
}

// toolDefinitions renders tool definitions of any family as the OTel array
// [{"type":"function","name","description","parameters"}].
func toolDefinitions(tools []toolDef) []byte {
	if len(tools) == 0 {
		return nil
	}
	b := make([]byte, 0, 256)
	b = append(b, '[')
	n := 0
	for i := range tools {
		t := &tools[i]
		typ, name, desc, params := "function", string(t.Name), string(t.Description), []byte(t.InputSchema)
		switch {
		case t.Function.OK:
			f := &t.Function.V
			name, desc, params = string(f.Name), string(f.Description), f.Parameters
		case t.ToolSpec.OK:
			s := &t.ToolSpec.V
			name, desc, params = string(s.Name), string(s.Description), s.InputSchema.V.JSON
		case len(t.ParameterDefinitions) > 0:
			params = t.ParameterDefinitions
		case t.Type != "" && t.Type != "function" && t.Type != "custom":
			typ = string(t.Type) // a server tool such as web_search_20250305
		}
		if name == "" && typ == "function" {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, `{"type":`...)
		b = genai.AppendJSONString(b, typ)
		if name != "" {
			b = append(b, `,"name":`...)
			b = genai.AppendJSONString(b, name)
		}
		if desc != "" {
			b = append(b, `,"description":`...)
			b = genai.AppendJSONString(b, desc)
		}
		if len(params) > 0 {
			b = append(b, `,"parameters":`...)
			b = appendJSONOrString(b, params)
		}
		b = append(b, '}')
	}
	if n == 0 {
		return nil
	}
	return append(b, ']')
}

// promptRequest reads a single-prompt request (Anthropic legacy, Titan Text, Llama, Mistral
// text, Cohere Command, AI21 Jurassic, DeepSeek R1, unknown families).
func promptRequest(r *request, ev *genai.Event, w *msgWriter) {
	prompt := string(r.Prompt)
	if prompt == "" {
		prompt = string(r.InputText)
	}
	for _, s := range [...]str{r.Message, r.Input, r.Text, r.Query, r.InputPrompt} {
		if prompt == "" {
			prompt = string(s)
		}
	}
	if prompt == "" && len(r.Messages) == 0 {
		return
	}
	if prompt != "" {
		w.begin("user")
		w.textPart(prompt, true)
		for _, n := range r.Images {
			w.blob("image", "", n)
		}
		w.end("")
	}
	// An unknown family with chat messages too.
	for i := range r.Messages {
		writeMessage(w, &r.Messages[i], "")
	}
	ev.Request.InputMessages, ev.Request.Text = w.results()
	if !r.System.empty() {
		sw := pooledWriter("")
		sw.writeContent(&r.System, false)
		ev.Request.SystemInstructions = sw.bytes()
		sw.release()
	}
}
