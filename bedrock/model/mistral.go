package model

import "github.com/genainorm/genainorm/genai"

// Mistral text completion requests are a plain prompt (read by promptRequest); Mistral chat
// completion bodies are OpenAI-compatible (openai.go) but name the finish reason stop_reason.

// mistralTextResponse reads a Mistral text completion response: outputs[].text and
// outputs[].stop_reason. The body has no token counts.
func mistralTextResponse(r *response, ev *genai.Event) {
	w := pooledWriter("")
	defer w.release()
	for i := range r.Outputs {
		o := &r.Outputs[i]
		w.begin("assistant")
		w.textPart(string(o.Text), true)
		w.end(string(o.StopReason))
		if o.StopReason != "" {
			ev.Response.FinishReasons = append(ev.Response.FinishReasons, string(o.StopReason))
		}
	}
	ev.Response.OutputMessages, ev.Response.Text = w.results()
}
