package model

import (
	"strings"

	"github.com/genainorm/genainorm/genai"
)

// cohereRole maps a Cohere chat_history role to the OTel role.
func cohereRole(r string) string {
	switch strings.ToUpper(r) {
	case "USER":
		return "user"
	case "CHATBOT":
		return "assistant"
	case "SYSTEM":
		return "system"
	case "TOOL":
		return "tool"
	}
	return strings.ToLower(r)
}

// cohereChatRequest reads a Cohere Command R / R+ request: preamble, chat_history and the
// new message.
func cohereChatRequest(r *request, ev *genai.Event, w *msgWriter) {
	q := &ev.Request
	if r.Preamble != "" {
		sw := pooledWriter("")
		sw.textPart(string(r.Preamble), false)
		q.SystemInstructions = sw.bytes()
		sw.release()
	}
	for i := range r.ChatHistory {
		m := &r.ChatHistory[i]
		writeMessage(w, m, cohereRole(string(m.Role)))
	}
	if r.Message != "" {
		w.begin("user")
		w.textPart(string(r.Message), true)
		w.end("")
	}
	q.InputMessages = w.bytes()
	// The prompt text is the new message; the history is context.
	q.Text = string(r.Message)
	q.ToolDefinitions = toolDefinitions(r.Tools)
}

// cohereCommandResponse reads a Cohere Command (generate) response.
func cohereCommandResponse(r *response, ev *genai.Event) {
	ev.Response.ID = string(r.ID)
	w := pooledWriter("")
	defer w.release()
	for i := range r.Generations {
		g := &r.Generations[i]
		w.begin("assistant")
		w.textPart(string(g.Text), true)
		w.end(string(g.FinishReason))
		if g.FinishReason != "" {
			ev.Response.FinishReasons = append(ev.Response.FinishReasons, string(g.FinishReason))
		}
	}
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	cohereUsage(r, ev)
}

// cohereChatResponse reads a Cohere Command R response.
func cohereChatResponse(r *response, ev *genai.Event) {
	ev.Response.ID = string(r.ResponseID)
	if ev.Response.ID == "" {
		ev.Response.ID = string(r.GenerationID)
	}
	w := pooledWriter("")
	defer w.release()
	w.begin("assistant")
	if r.Text != "" {
		w.textPart(string(r.Text), true)
	}
	for i := range r.ToolCalls {
		writeToolCall(&w, &r.ToolCalls[i])
	}
	w.end(string(r.FinishReason))
	if r.FinishReason != "" {
		ev.Response.FinishReasons = append(ev.Response.FinishReasons, string(r.FinishReason))
	}
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	cohereUsage(r, ev)
}

// cohereEmbedResponse reads a Cohere Embed response.
func cohereEmbedResponse(r *response, ev *genai.Event) {
	ev.Response.ID = string(r.ID)
	if r.Embeddings.OK {
		ev.Response.Embeddings.Set(r.Embeddings.N)
	}
	cohereUsage(r, ev)
}

func cohereUsage(r *response, ev *genai.Event) {
	if b := &r.Meta.V.BilledUnits.V; r.Meta.V.BilledUnits.OK {
		applyUsage(ev, tokens{in: optOf(b.InputTokens), out: optOf(b.OutputTokens)}, genai.UsageSourceBody)
	}
}
