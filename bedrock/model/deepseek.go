package model

import "github.com/genainorm/genainorm/genai"

// DeepSeek R1 over InvokeModel is a text completion: a prompt in, choices[].text and
// choices[].stop_reason out. Other DeepSeek models speak chat completions (openai.go).

// deepseekTextResponse reads a DeepSeek R1 response.
func deepseekTextResponse(r *response, ev *genai.Event) {
	w := pooledWriter("")
	defer w.release()
	for i := range r.Choices {
		c := &r.Choices[i]
		reason := string(c.StopReason)
		if reason == "" {
			reason = string(c.FinishReason)
		}
		w.begin("assistant")
		w.textPart(string(c.Text), true)
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
