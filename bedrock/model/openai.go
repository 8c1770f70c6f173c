package model

import "github.com/genainorm/genainorm/genai"

// OpenAI-compatible chat completions: OpenAI gpt-oss, AI21 Jamba, Mistral chat, DeepSeek V3,
// Qwen, Writer Palmyra. Requests are read by chatRequest.

// chatResponse reads a chat completions response: one output message per choice, with its
// finish_reason (Mistral names it stop_reason), tool calls and reasoning content.
func chatResponse(r *response, ev *genai.Event) {
	ev.Response.ID = string(r.ID)
	ev.Response.Model = string(r.Model)
	w := pooledWriter("")
	defer w.release()
	for i := range r.Choices {
		c := &r.Choices[i]
		m := &c.Message
		if !m.OK {
			m = &c.Delta
		}
		reason := string(c.FinishReason)
		if reason == "" {
			reason = string(c.StopReason)
		}
		role := string(m.V.Role)
		if role == "" {
			role = "assistant"
		}
		w.begin(role)
		if m.V.ReasoningContent != "" {
			w.reasoning(string(m.V.ReasoningContent))
		} else if m.V.Reasoning != "" {
			w.reasoning(string(m.V.Reasoning))
		}
		w.writeContent(&m.V.Content, true)
		if c.Text != "" {
			w.textPart(string(c.Text), true)
		}
		for j := range m.V.ToolCalls {
			writeToolCall(&w, &m.V.ToolCalls[j])
		}
		w.end(reason)
		if reason != "" {
			ev.Response.FinishReasons = append(ev.Response.FinishReasons, reason)
		}
	}
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	if r.Usage.OK {
		applyUsage(ev, fromUsage(&r.Usage.V), genai.UsageSourceBody)
	}
}
