package model

import "github.com/genainorm/genainorm/genai"

// AI21 Jamba speaks OpenAI-compatible chat completions (see openai.go); Jurassic-2 has its own
// completion shape, read here.

// jurassicResponse reads a Jurassic-2 response: completions[].data.text and
// completions[].finishReason.reason; its id is a number.
func jurassicResponse(r *response, ev *genai.Event) {
	ev.Response.ID = string(r.ID)
	w := pooledWriter("")
	defer w.release()
	for i := range r.Completions {
		c := &r.Completions[i]
		reason := string(c.FinishReason.V.Reason)
		w.begin("assistant")
		w.textPart(string(c.Data.V.Text), true)
		w.end(reason)
		if reason != "" {
			ev.Response.FinishReasons = append(ev.Response.FinishReasons, reason)
		}
	}
	ev.Response.OutputMessages, ev.Response.Text = w.results()
}
