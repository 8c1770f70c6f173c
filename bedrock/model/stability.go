package model

import "github.com/genainorm/genainorm/genai"

// stabilityRequest reads a Stability request: SDXL text_prompts, or the SD3 / Stable Image
// prompt with an optional input image.
func stabilityRequest(r *request, ev *genai.Event, w *msgWriter) {
	q := &ev.Request
	q.OutputType = "image"
	w.begin("user")
	if r.Prompt != "" {
		w.textPart(string(r.Prompt), true)
	}
	for i := range r.TextPrompts {
		// Negative weights are negative prompts, not user text.
		tp := &r.TextPrompts[i]
		w.textPart(string(tp.Text), !(tp.Weight.OK && tp.Weight.F < 0))
	}
	for _, b := range [...]blob{r.Image, r.InitImage} {
		if b.OK {
			w.blob("image", "", b.N)
		}
	}
	w.end("")
	q.InputMessages, q.Text = w.results()
}

// stabilityResponse reads a Stability response: SDXL artifacts, or SD3 / Stable Image images
// with finish_reasons (null entries mean success and are left out).
func stabilityResponse(r *response, ev *genai.Event) {
	switch {
	case len(r.Artifacts) > 0:
		ev.Response.ImageCount.Set(int64(len(r.Artifacts)))
		for i := range r.Artifacts {
			if f := r.Artifacts[i].FinishReason; f != "" {
				ev.Response.FinishReasons = append(ev.Response.FinishReasons, string(f))
			}
		}
	case r.Images.OK:
		ev.Response.ImageCount.Set(r.Images.N)
	}
	ev.Response.FinishReasons = append(ev.Response.FinishReasons, r.FinishReasons...)
}
