package model

import "github.com/genainorm/genainorm/genai"

// Anthropic Claude requests (Messages API) are read by chatRequest; legacy text completions
// by promptRequest. This file reads the responses.

// anthropicResponse reads a Messages API response: id, model, content blocks (text,
// tool_use, thinking), stop_reason and usage with cache counts.
func anthropicResponse(r *response, ev *genai.Event, d *decoder) {
	ev.Response.ID = string(r.ID)
	ev.Response.Model = string(r.Model)
	role := string(r.Role)
	if role == "" {
		role = "assistant"
	}
	w := pooledWriter("")
	defer w.release()
	w.begin(role)
	w.writeContent(&r.Content, true)
	w.end(string(r.StopReason))
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	if r.StopReason != "" {
		d.addReason(ev, string(r.StopReason))
	}
	if r.Usage.OK {
		applyUsage(ev, fromUsage(&r.Usage.V), genai.UsageSourceBody)
	}
}

// anthropicTextResponse reads a legacy text completion response.
func anthropicTextResponse(r *response, ev *genai.Event, d *decoder) {
	w := pooledWriter("")
	defer w.release()
	w.begin("assistant")
	w.textPart(string(r.Completion), true)
	w.end(string(r.StopReason))
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	if r.StopReason != "" {
		d.addReason(ev, string(r.StopReason))
	}
}
