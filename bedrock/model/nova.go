package model

import "github.com/genainorm/genainorm/genai"

// Amazon Nova messages-v1 requests are read by chatRequest. This file reads the responses,
// whose InvokeModel usage names the cache counts cacheRead/WriteInputTokenCount.

// novaResponse reads a Nova InvokeModel response.
func novaResponse(r *response, ev *genai.Event) {
	m := &r.Output.V.Message
	stop := string(r.StopReasonCamel)
	if m.OK {
		w := pooledWriter("")
		defer w.release()
		role := string(m.V.Role)
		if role == "" {
			role = "assistant"
		}
		w.begin(role)
		if m.V.ReasoningContent != "" {
			w.reasoning(string(m.V.ReasoningContent))
		}
		w.writeContent(&m.V.Content, true)
		w.end(stop)
		ev.Response.OutputMessages, ev.Response.Text = w.results()
	}
	if stop != "" {
		ev.Response.FinishReasons = append(ev.Response.FinishReasons, stop)
	}
	if r.Usage.OK {
		applyUsage(ev, fromUsage(&r.Usage.V), genai.UsageSourceBody)
	}
}
