package model

import "github.com/genainorm/genainorm/genai"

// Meta Llama requests are a plain prompt with max_gen_len (read by promptRequest; Llama 3.2
// vision images become blob parts).

// llamaResponse reads a Llama response: generation, stop_reason and the token counts.
func llamaResponse(r *response, ev *genai.Event, d *decoder) {
	w := pooledWriter("")
	defer w.release()
	w.begin("assistant")
	w.textPart(string(r.Generation), true)
	w.end(string(r.StopReason))
	ev.Response.OutputMessages, ev.Response.Text = w.results()
	if r.StopReason != "" {
		d.addReason(ev, string(r.StopReason))
	}
	applyUsage(ev, tokens{in: optOf(r.PromptTokenCount), out: optOf(r.GenerationTokenCount)}, genai.UsageSourceBody)
}
